"""Auth helpers that hand out the key as request kwargs, followed to every caller.

    def hubspot_auth():
        token = os.environ.get("HUBSPOT_OAUTH_TOKEN")
        if token:
            return {"headers": {"Authorization": "Bearer %s" % token}}
        return {"params": {"hapikey": os.environ["HUBSPOT_API_KEY"]}}

    requests.post(HUBAPI + "/contacts/v1/contact/batch/", json=body, **hubspot_auth())

The module defining such a producer cannot see the requests; each module calling
it cannot see the key: the per-module flow leaves the entry manual ("the value is
used in a dict entry"). This tree-wide step takes the producer (a module-level
function returning a literal ``{"params": {..., "hapikey": KEY}}``) and looks for
every mention of its name in the tree. It migrates only its provable core: each
mention in the run's Python files is a call whose result is spread (``**``)
directly into a ``requests``/``httpx`` module-level request whose URL's host, as
written at the call, is one of HubSpot's API hosts, no form submission (which
takes no credential) and no developer-key API, with no ``headers=``, ``auth=``
or other ``**`` of its own (the header in the spread would collide with, or be
replaced by, them). Then the key's ``params`` entry becomes ``"headers":
{"Authorization": "Bearer " + TOKEN}`` in that one return (and a key constant
only it read goes); any other return (an OAuth branch) and every caller are
untouched.

Left manual, with the reason: a key read from the producer's parameter (a caller
may give another portal's), one that is not a single configured key, a
developer key, a key return under a test of the key itself (``if key:``: a
choice of auth mode), two producers (or a producer and another key of the tree
becoming the token or chosen between) with two keys, a mention that is not such
a call (kwargs held in a local, handed to a merge or request helper, passed on,
stored, logged, named in a string, imported through a re-export), the name
mentioned in any other file of the project (a notebook, a YAML hook, a script,
Python outside the run; such a file naming the key's constant keeps that too),
a request to another or an unknown host, or one whose own arguments would fight
the header; an internal error of this pass says so at the site. The verdict is
made on the text each consumer has after the other passes (a header another
fixer added to the same request is seen).
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from typing import Iterable, Sequence

import libcst as cst

from hapimigrate import hubspot, tree_imports
from hapimigrate.analysis import http_calls, origins, values
from hapimigrate.hubspot import urls
from hapimigrate.model import FileResult, RunOptions, Site, Status
from hapimigrate.python import dead_keys
from hapimigrate.python.context import ModuleContext, walk
from hapimigrate.python.edits import EditApplier
from hapimigrate.python.imports import add_imports

# module-level request functions whose headers= merge with nothing we cannot see
_MODULE_REQUESTS = {
    f"{lib}.{verb}"
    for lib in ("requests", "httpx")
    for verb in ("get", "post", "put", "patch", "delete", "head", "options")
} | {"requests.request", "httpx.request"}
_METHOD_FIRST = {"requests.request", "httpx.request"}
# form submissions take neither key nor token (review 19's R3)
_FORMS = re.compile(
    r"(?i)//(?:forms\.hubspot\.com|(?:api|forms)(?:-[a-z0-9]+)?\.hsforms\.com)\b"
    r"|/uploads/form/|/submissions/"
)

MIGRATED = (
    "{name}() returns request kwargs that every caller in the tree ({where}) "
    "spreads into a request to HubSpot's API: its params' key is now the "
    "Authorization header there"
)


@dataclass(frozen=True)
class Producer:
    """A module-level function returning ``{"params": {..., "hapikey": KEY}}``."""

    path: str
    function: str
    line: int  # the key entry's line
    parameter_key: str  # the producer's parameter the key reads ("" if none)


@dataclass(frozen=True)
class Verdict:
    """What the producer's callers allow: ``where`` every consumer ("batch.py:34")
    when all send it to HubSpot; otherwise ``problem``, the reason for a person."""

    where: tuple[str, ...] = ()
    problem: str = ""


@dataclass
class _Run:
    """What every producer's verdict looks at: the run's files and Python
    files, their texts, and the producers found in the tree as (path,
    function, key identity)."""

    files: list[str]
    python: list[str]
    texts: dict[str, bytes | None]
    producers: list[tuple[str, str, str]]
    found: list[str] | None = None

    def others(self) -> list[str]:
        """Every other file of the project, once: notebooks, YAML, scripts,
        Python outside the run (a mention there is not followed); regular
        files only (a FIFO would block the read)."""
        if self.found is None:
            from hapimigrate.tree_tasks import _project_files

            own = {os.path.abspath(f) for f in self.python}
            every = [*self.files, *_project_files(self.files)]
            self.found = [
                f
                for f in dict.fromkeys(os.path.abspath(f) for f in every)
                if f not in own and os.path.isfile(f)
            ]
        return self.found


def migrate(
    results: list[FileResult], files: Sequence[str], options: RunOptions
) -> list[FileResult]:
    """The results with each provable producer migrated and each recognised but
    unprovable one's site given the precise reason (still manual)."""
    texts = {r.path: _final_text(r) for r in results}
    python = [f for f in files if f.endswith(".py")]
    producers = []
    for result in results:
        try:
            producers += _found(result, options)
        except Exception:  # its own verdict below says what went wrong
            continue
    run = _Run(list(files), python, texts, producers)
    out = []
    for result in results:
        try:
            out.append(_one(result, results, run, options))
        except Exception:  # a bug of ours must not stop the run: left as it was
            out.append(result)
    return out


def _final_text(result: FileResult) -> bytes | None:
    return result.new if result.new is not None else result.original


def _candidates(result: FileResult, options: RunOptions):
    """The module's context and its manual sites, when it may hold a producer."""
    if not result.path.endswith(".py") or result.error or result.original is None:
        return None
    if b"hapikey" not in result.original or b"params" not in result.original:
        return None
    manual = [s for s in result.sites if s.status == Status.MANUAL]
    if not manual:
        return None
    try:
        module = cst.parse_module(result.original)
    except cst.ParserSyntaxError:
        return None
    ctx = ModuleContext(result.path, module, options.provider)
    entries = [
        node
        for node in walk(ctx.module)
        if isinstance(node, cst.DictElement) and _is_string(node.key, "hapikey")
    ]
    return ctx, manual, entries


def _found(result: FileResult, options: RunOptions) -> list[tuple[str, str, str]]:
    """(path, function, key identity) of each producer whose key one token
    could stand for, before any is decided: two of them with two keys keep
    both (review 19's R6)."""
    found = _candidates(result, options)
    if found is None:
        return []
    ctx, manual, entries = found
    out = []
    for site in manual:
        shape = _producer_at(ctx, entries, site)
        if shape is None:
            continue
        function, _, _, entry = shape
        if not _key_problem(ctx, function, entry):
            identity, _ = origins.config_key(ctx, entry.value)
            out.append((result.path, function.name.value, identity))
    return out


def _one(
    result: FileResult, results: list[FileResult], run: _Run, options: RunOptions
) -> FileResult:
    found = _candidates(result, options)
    if found is None:
        return result
    ctx, manual, entries = found
    for site in manual:
        shape = _producer_at(ctx, entries, site)
        if shape is None:
            continue
        try:
            return _decided(ctx, result, results, run, options, site, shape)
        except Exception as error:  # a bug of ours: said, nothing changed
            name = shape[0].name.value
            return _with_site(
                result,
                site,
                Status.MANUAL,
                f"internal error in auth_producers: {type(error).__name__}: "
                f"{error} ({name}() left as it was; please report it)",
            )
    return result


def _decided(
    ctx: ModuleContext,
    result: FileResult,
    results: list[FileResult],
    run: _Run,
    options: RunOptions,
    site: Site,
    shape: tuple[cst.FunctionDef, cst.Dict, cst.DictElement, cst.DictElement],
) -> FileResult:
    function, outer, params, entry = shape
    problem = _key_problem(ctx, function, entry)
    if not problem and result.new is not None:
        problem = (
            f"{function.name.value}() returns request kwargs, and its module "
            "changes otherwise too: change it by hand"
        )
    if not problem:
        problem = _other_keys(ctx, function, entry.value, results, run.producers)
    if not problem:
        problem = _key_set_elsewhere(
            function, entry.value, [*run.python, *run.others()], run.texts
        )
    verdict = Verdict(problem=problem)
    if not problem:
        verdict = consumers(result.path, function.name.value, run, options)
    if verdict.problem:
        return _with_site(result, site, Status.MANUAL, verdict.problem)
    kept = _read_elsewhere(
        entry.value, result.path, [*run.python, *run.others()], run.texts
    )
    if not options.remove_dead_keys:
        kept = None
    return _rewritten(ctx, result, site, shape, verdict, kept)


def _producer_at(ctx: ModuleContext, entries: list[cst.DictElement], site: Site):
    """(function, returned dict, its "params" entry, the key entry) when the
    site is one of the ``"hapikey"`` ``entries``, that of a module-level
    function's ``return {"params": {..., "hapikey": KEY}}``."""
    for node in entries:
        start, _ = ctx.start(node)
        end, _ = ctx.end(node)
        if not (start <= site.line <= end):
            continue
        inner = ctx.parent(node)
        params = ctx.parent(inner) if isinstance(inner, cst.Dict) else None
        if not (
            isinstance(params, cst.DictElement)
            and params.value is inner
            and _is_string(params.key, "params")
        ):
            continue
        outer = ctx.parent(params)
        ret = ctx.parent(outer)
        if not (isinstance(ret, cst.Return) and ret.value is outer):
            continue
        function = ctx.ancestor(ret, cst.FunctionDef, cst.Lambda)
        if not isinstance(function, cst.FunctionDef) or not isinstance(
            ctx.parent(function), cst.Module
        ):
            continue
        if function.decorators or any(
            not isinstance(e, cst.DictElement) or _is_string(e.key, "headers")
            for e in outer.elements
        ):
            continue
        return function, outer, params, node
    return None


def _is_string(node: cst.CSTNode | None, text: str) -> bool:
    return isinstance(node, cst.SimpleString) and node.evaluated_value == text


def _key_problem(
    ctx: ModuleContext, function: cst.FunctionDef, entry: cst.DictElement
) -> str:
    """Why the provider's token cannot stand for this key ("" when it can)."""
    name = function.name.value
    key = entry.value
    parameters = {p.name.value for p in _parameters(function)}
    read = sorted({n.value for n in walk(key) if isinstance(n, cst.Name)} & parameters)
    if read:
        return (
            f"{name}() returns request kwargs whose key comes from its parameter "
            f"{read[0]}: a caller may give another portal's key, which one token "
            "cannot stand for; change it by hand"
        )
    if hubspot.names_developer_key(ctx.code(key)):
        return f"{name}() returns a developer key, which stays"
    if origins.key_origin(ctx, key).kind != origins.CONFIG:
        return (
            f"{name}() returns request kwargs whose key is not one configured "
            "key the provider's token can stand for"
        )
    chooser = _chosen_by_key(ctx, function, entry)
    if chooser is not None:
        return (
            f"{name}() chooses its auth mode by the key's presence "
            f"({_short(ctx.path)}:{ctx.start(chooser)[0]}): its key branch would "
            "be dead once the key goes; change the choice by hand"
        )
    return ""


def _chosen_by_key(
    ctx: ModuleContext, function: cst.FunctionDef, entry: cst.DictElement
) -> cst.CSTNode | None:
    """The ``if``/``while`` test over the key's return that reads the key (its
    local, its variable's name, its expression): ``if key: return {"params":
    {"hapikey": key}}`` is a choice of auth mode (review 19's R13)."""
    key = entry.value
    names = {
        n.value
        for n in walk(key)
        if isinstance(n, cst.Name) and not isinstance(ctx.parent(n), cst.Attribute)
    }
    strings = {
        str(n.evaluated_value) for n in walk(key) if isinstance(n, cst.SimpleString)
    }
    for node in walk(function):  # what the key's locals were read from
        if isinstance(node, (cst.Assign, cst.AnnAssign)) and node.value is not None:
            targets = (
                [t.target for t in node.targets]
                if isinstance(node, cst.Assign)
                else [node.target]
            )
            if any(isinstance(t, cst.Name) and t.value in names for t in targets):
                strings |= {
                    str(n.evaluated_value)
                    for n in walk(node.value)
                    if isinstance(n, cst.SimpleString)
                }
    code = ctx.code(key)
    node = ctx.parent(entry)
    while node is not None and node is not function:
        test = getattr(node, "test", None)
        if isinstance(node, (cst.If, cst.While)) and test is not None:
            read = {n.value for n in walk(test) if isinstance(n, cst.Name)}
            said = {
                str(n.evaluated_value)
                for n in walk(test)
                if isinstance(n, cst.SimpleString)
            }
            if read & names or said & strings or code in ctx.code(test):
                return test
        node = ctx.parent(node)
    return None


def _parameters(function: cst.FunctionDef) -> Iterable[cst.Param]:
    p = function.params
    yield from (*p.posonly_params, *p.params, *p.kwonly_params)
    for star in (p.star_arg, p.star_kwarg):
        if isinstance(star, cst.Param):
            yield star


def _other_keys(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    key: cst.BaseExpression,
    results: list[FileResult],
    producers: list[tuple[str, str, str]],
) -> str:
    """Another configured key of the tree becoming the token, chosen between
    by a use, or returned by another producer."""
    identity, _ = origins.config_key(ctx, key)
    rivals = sorted({f"{name}() ({i})" for _, name, i in producers if i != identity})
    if rivals:
        return (
            f"{function.name.value}() ({identity}) and {rivals[0]} return two "
            "portals' keys: one token cannot stand for both; change them by hand"
        )
    others = {label for r in results for i, label in r.provider_keys if i != identity}
    others |= {i for r in results for i in r.chosen_keys if i != identity}
    if others:
        return (
            f"another key of the tree ({sorted(others)[0]}) becomes the provider's "
            "token too: two portals' keys would be mixed up by one token"
        )
    return ""


def consumers(path: str, function: str, run: _Run, options: RunOptions) -> Verdict:
    """Every mention of ``function`` (defined at module level in ``path``) in
    the tree, checked as a consumer (see the module); a mention in any other
    file of the project (a notebook, a YAML hook, a script) is not followed."""
    tree = _Tree(run.texts, options)
    home = os.path.abspath(path)
    word = re.compile(rb"\b" + re.escape(function.encode()) + rb"\b")
    for other in run.others():
        text = tree.text(other)
        at = word.search(text) if text else None
        if at is not None:
            line = text.count(b"\n", 0, at.start()) + 1
            return Verdict(
                problem=f"{function}() is named in {_short(other)}:{line}, which "
                "hapimigrate does not follow (a notebook, a config file, a "
                "script may send its kwargs anywhere)"
            )
    found: list[str] = []
    for other in run.python:
        text = tree.text(other)
        if text is None or not word.search(text):
            continue
        ctx = tree.context(other)
        if ctx is None:
            return Verdict(
                problem=f"{function}() is named in {_short(other)}, which does not parse"
            )
        same = os.path.abspath(other) == home
        checked = tree.module_consumers(ctx, function, home, same)
        if checked.problem:
            return Verdict(
                problem=f"{function}() returns request kwargs, but {checked.problem}"
            )
        found += checked.where
    if not found:
        return Verdict(problem=f"{function}() is called by no module of the tree")
    return Verdict(tuple(found))


def _short(path: str) -> str:
    return os.path.basename(path)


def _left(ctx: ModuleContext, node: cst.CSTNode, why: str) -> Verdict:
    return Verdict(problem=f"{why} at {_short(ctx.path)}:{ctx.start(node)[0]}")


def _resolves(path: str, dotted: str, level: int, home: str) -> bool:
    found = tree_imports.module_file(path, dotted, level)
    return found is not None and os.path.abspath(found) == home


class _Tree:
    """The tree's modules as they read after the other passes, parsed once, and
    the checks that follow the produced kwargs through them."""

    def __init__(self, texts: dict[str, bytes | None], options: RunOptions) -> None:
        self.texts = texts
        self.options = options
        self.parsed: dict[str, ModuleContext | None] = {}

    def text(self, path: str) -> bytes | None:
        text = self.texts.get(path)
        if text is None:
            try:
                text = tree_imports.read(path)
            except OSError:
                return None
        return text

    def context(self, path: str) -> ModuleContext | None:
        key = os.path.abspath(path)
        if key not in self.parsed:
            text = self.text(path)
            try:
                module = cst.parse_module(text) if text is not None else None
            except cst.ParserSyntaxError:
                module = None
            self.parsed[key] = (
                ModuleContext(path, module, self.options.provider)
                if module is not None
                else None
            )
        return self.parsed[key]

    # -- the mentions of the producer -------------------------------------------
    def module_consumers(
        self, ctx: ModuleContext, function: str, home: str, same: bool
    ) -> Verdict:
        aliases, modules, resolved = _imported(ctx, function, home)
        if same:
            aliases.add(function)
        where: list[str] = []
        for node in walk(ctx.module):
            if (
                isinstance(node, cst.SimpleString)
                and function in str(node.evaluated_value)
                and not _prose_or_exported(ctx, node)
            ):
                return _left(ctx, node, f"{function} is named in a string")
            if isinstance(node, cst.Attribute) and node.attr.value == function:
                if not (
                    isinstance(node.value, cst.Name) and node.value.value in modules
                ):
                    return _left(ctx, node, f"{function} is reached as an attribute")
                problem = self.called(ctx, node)
            elif isinstance(node, cst.Name) and (
                node.value in aliases or node.value == function
            ):
                holder = ctx.parent(node)
                if isinstance(holder, cst.Attribute) and holder.attr is node:
                    continue  # mod.function, seen above
                if isinstance(holder, (cst.ImportAlias, cst.AsName)):
                    statement = ctx.ancestor(node, cst.Import, cst.ImportFrom)
                    if isinstance(statement, cst.Import) or id(statement) in resolved:
                        continue  # the import of it, or of its module
                    problem = "it is imported from another module (a re-export?)"
                elif (
                    same and isinstance(holder, cst.FunctionDef) and holder.name is node
                ):
                    continue
                elif node.value not in aliases:
                    problem = "the name is bound here to something hapimigrate does not follow"
                else:
                    problem = self.called(ctx, node)
            else:
                continue
            if problem:
                return _left(ctx, node, problem)
            where.append(f"{_short(ctx.path)}:{ctx.start(node)[0]}")
        return Verdict(tuple(where))

    def called(self, ctx: ModuleContext, node: cst.CSTNode) -> str:
        """Why this mention of the producer is not a call whose kwargs reach
        only HubSpot requests ("" when it is)."""
        call = ctx.parent(node)
        if not (isinstance(call, cst.Call) and call.func is node):
            return "the function is used other than called"
        return self.result(ctx, call, 0)

    def result(self, ctx: ModuleContext, call: cst.Call, depth: int) -> str:
        """Why the kwargs ``call`` gives may reach anything but HubSpot requests
        with the header intact ("" when they cannot): only a direct spread into
        a module-level requests/httpx request is followed (a local holding
        them, a merge or a request helper may send their params without the
        header: review 19's R1, R5, R9)."""
        holder = ctx.parent(call)
        if isinstance(holder, cst.Arg) and holder.star == "**":
            request = ctx.parent(holder)
            assert isinstance(request, cst.Call)
            return self.spread(ctx, request, holder)
        if isinstance(holder, cst.Assign) and holder.value is call:
            held = ", ".join(ctx.code(t.target) for t in holder.targets)
            return (
                f"its kwargs are held in {held}, which hapimigrate does not "
                "follow (a read of its params may go without the header)"
            )
        if isinstance(holder, cst.Arg) and isinstance(ctx.parent(holder), cst.Call):
            outer = ctx.parent(holder)
            assert isinstance(outer, cst.Call)
            return (
                f"its kwargs are passed to {ctx.code(outer.func)}(), which "
                "hapimigrate does not follow"
            )
        return "its kwargs are not spread into a request"

    # -- where the kwargs are spread --------------------------------------------
    def spread(self, ctx: ModuleContext, request: cst.Call, spread: cst.Arg) -> str:
        """Why the header spread into ``request`` may not reach HubSpot alone."""
        if any(a.star and a is not spread for a in request.args):
            return f"{ctx.code(request.func)}() is given other spread arguments too"
        for arg in request.args:
            keyword = arg.keyword.value if arg.keyword is not None else ""
            if keyword in ("headers", "auth"):
                return f"{ctx.code(request.func)}() is given {keyword}= of its own"
        names = ctx.qualified_names(request.func) & _MODULE_REQUESTS
        if names:
            info = http_calls.classify(ctx, request)
            if info is None or info.kind != "request":
                return "the request is not one hapimigrate knows"
            url = _argument(request, 1 if names & _METHOD_FIRST else 0, "url")
            return _host_problem(ctx, url)
        return (
            f"its kwargs are spread into {ctx.code(request.func)}(), which is not "
            "a requests/httpx request (a helper may send their params without "
            "the header)"
        )


def _prose_or_exported(ctx: ModuleContext, string: cst.SimpleString) -> bool:
    """A docstring (a string statement), or an entry of ``__all__``: naming
    the function there calls nothing."""
    holder = ctx.parent(string)
    if isinstance(holder, cst.Expr):
        return True
    assign = ctx.ancestor(string, cst.Assign, cst.AugAssign)
    targets = (
        [t.target for t in assign.targets]
        if isinstance(assign, cst.Assign)
        else [assign.target] if isinstance(assign, cst.AugAssign) else []
    )
    return any(isinstance(t, cst.Name) and t.value == "__all__" for t in targets)


def _imported(
    ctx: ModuleContext, function: str, home: str
) -> tuple[set[str], set[str], set[int]]:
    """The local names of ``function`` and of its module in this module, and
    the ``from`` imports (ids) naming the producer's module."""
    aliases: set[str] = set()
    modules: set[str] = set()
    resolved: set[int] = set()
    for node in walk(ctx.module):
        if isinstance(node, cst.ImportFrom):
            dotted = ctx.code(node.module) if node.module is not None else ""
            level = len(node.relative)
            if isinstance(node.names, cst.ImportStar):
                if _resolves(ctx.path, dotted, level, home):
                    aliases.add(function)  # every free use of the name is it
                continue
            for alias in node.names:
                name = ctx.code(alias.name)
                local = ctx.code(alias.asname.name) if alias.asname else name
                if name == function and _resolves(ctx.path, dotted, level, home):
                    aliases.add(local)
                    resolved.add(id(node))
                sub = f"{dotted}.{name}" if dotted else name
                if _resolves(ctx.path, sub, level, home):
                    modules.add(local)
                    resolved.add(id(node))
        elif isinstance(node, cst.Import):
            for alias in node.names:
                dotted = ctx.code(alias.name)
                if _resolves(ctx.path, dotted, 0, home):
                    if alias.asname is not None:
                        modules.add(ctx.code(alias.asname.name))
                    elif "." not in dotted:
                        modules.add(dotted)
    return aliases, modules, resolved


def _host_problem(
    ctx: ModuleContext, url: cst.BaseExpression | None, how: str = ""
) -> str:
    if url is None:
        return "the request's URL is not found"
    template = values.url_template(ctx, url)
    where = urls.host(template)
    if where is None or not urls.takes_tokens(where):
        return f"the request{how} goes to {where or 'a host known only at run time'}"
    if _FORMS.search(template) or hubspot.auth_kind(None, template) == hubspot.NO_AUTH:
        return f"the request{how} is a form submission, which takes no credential"
    developer = hubspot.developer_api_named(template)
    if developer is not None:  # the developer key's APIs take no token: kept
        return f"the request{how} goes to a developer-key API ({developer})"
    return ""


def _argument(call: cst.Call, index: int, keyword: str) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[index].value if len(positional) > index else None


def _with_site(
    result: FileResult, site: Site, status: Status, reason: str
) -> FileResult:
    changed = dataclasses.replace(site, status=status, reason=reason)
    return dataclasses.replace(
        result, sites=tuple(changed if s is site else s for s in result.sites)
    )


def _key_set_elsewhere(
    function: cst.FunctionDef,
    key: cst.BaseExpression,
    files: Sequence[str],
    texts: dict[str, bytes | None],
) -> str:
    """Where a file of the project sets a name the key reads (``auth.API_KEY =
    args.api_key``, ``global API_KEY``, ``setattr(auth, "API_KEY", ...)``):
    another portal's key may be handed in at run time (review 19's R28)."""
    names = {n.value for n in walk(key) if isinstance(n, cst.Name)}
    for name in sorted(names):
        word = re.escape(name.encode())
        sets = re.compile(
            rb"\.\s*" + word + rb"\s*(?:[-+*/|&]|//)?=(?!=)"
            rb"|\bglobal\b[^\n]*\b" + word + rb"\b"
            rb"|\bsetattr\([^\n]*['\"]" + word + rb"['\"]"
        )
        for other in files:
            text = texts.get(other)
            if text is None:
                text = tree_imports.read(other)
            at = sets.search(text) if text else None
            if at is not None:
                line = text.count(b"\n", 0, at.start()) + 1
                return (
                    f"{function.name.value}() returns {name}, which "
                    f"{_short(other)}:{line} sets: another portal's key may be "
                    "handed in at run time, which one token cannot stand for; "
                    "change it by hand"
                )
    return ""


def _read_elsewhere(
    key: cst.BaseExpression,
    path: str,
    files: Sequence[str],
    texts: dict[str, bytes | None],
) -> frozenset[str] | None:
    """The names the key expression reads that another file of the tree names
    (their definitions stay); None when the file list cannot be read."""
    names = {n.value for n in walk(key) if isinstance(n, cst.Name)}
    named: set[str] = set()
    for other in files:
        if os.path.abspath(other) == os.path.abspath(path):
            continue
        text = texts.get(other)
        if text is None:
            try:
                text = tree_imports.read(other)
            except OSError:
                return None
        for name in names - named:
            if re.search(rb"\b" + re.escape(name.encode()) + rb"\b", text):
                named.add(name)
    return frozenset(named)


def _rewritten(
    ctx: ModuleContext,
    result: FileResult,
    site: Site,
    shape: tuple[cst.FunctionDef, cst.Dict, cst.DictElement, cst.DictElement],
    verdict: Verdict,
    protected: frozenset[str] | None,
) -> FileResult:
    """The producer's return with the key's params entry turned into the
    header; the key's definition removed when nothing else reads it (another
    file naming it: ``protected``; None: none removed)."""
    function, outer, params, entry = shape
    header = f'"headers": {{"Authorization": {ctx.code(ctx.bearer())}}}'
    inner = params.value
    assert isinstance(inner, cst.Dict)
    kept = [e for e in inner.elements if e is not entry]
    parts = []
    for element in outer.elements:
        if element is not params:
            parts.append(ctx.code(element).rstrip().rstrip(","))
        elif kept:
            rest = ", ".join(ctx.code(e).rstrip().rstrip(",") for e in kept)
            parts.append(f"{ctx.code(params.key)}: {{{rest}}}")
    parts.append(header)
    ctx.edits.replace[outer] = cst.parse_expression("{" + ", ".join(parts) + "}")
    removed: tuple[str, ...] = ()
    if protected is not None:
        ctx.note_key(entry.value)
        removed = dead_keys.remove(ctx, protected)
    new_module = ctx.module.visit(EditApplier(ctx.edits, ctx.parent))
    new = add_imports(new_module, ctx.imports).bytes
    cst.parse_module(new)  # never hand back code that does not parse
    identity, label = origins.config_key(ctx, entry.value)
    reason = MIGRATED.format(name=function.name.value, where=", ".join(verdict.where))
    migrated = _with_site(result, site, Status.REWRITE, reason)
    return dataclasses.replace(
        migrated,
        new=new,
        removed_keys=tuple(sorted({*result.removed_keys, *removed})),
        provider_keys=tuple(sorted({*result.provider_keys, (identity, label)})),
    )
