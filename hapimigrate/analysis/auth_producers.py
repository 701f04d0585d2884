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
every mention of its name in every Python file of the tree. It migrates only when
each mention is a call whose result is spread (``**``), directly, through one
local name read only by ``.get("params")``, ``name["params"]`` and ``**name``, or
through a plain merge helper of the tree (``out["headers"] =
dict(auth.get("headers", {}), **(headers or {}))``, its caller's headers written
out without an Authorization), into either a ``requests``/``httpx`` module-level
request or a request helper of the tree that hands its ``headers=`` unchanged to
one (``def fetch_json(method, url, params=None, headers=None)``), whose URL's
host, as written at the call, is one of HubSpot's API hosts, and no developer-key
API; with no ``headers=``, ``auth=`` or other ``**`` of its own (the header in
the spread would collide with, or be replaced by, them). Then the key's
``params`` entry becomes ``"headers": {"Authorization": "Bearer " + TOKEN}`` in
that one return (and a key constant only it read goes); any other return (an
OAuth branch) and every caller are untouched.

Left manual, with the reason: a key read from the producer's parameter (a caller
may give another portal's), one that is not a single configured key, a
developer key, a mention that is not such a call (passed on, stored, logged,
named in a string, imported through a re-export), a request to another or an
unknown host, or one whose own arguments would fight the header. The verdict
is made on the text each consumer has after the other passes (a header another
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


def migrate(
    results: list[FileResult], files: Sequence[str], options: RunOptions
) -> list[FileResult]:
    """The results with each provable producer migrated and each recognised but
    unprovable one's site given the precise reason (still manual)."""
    texts = {r.path: _final_text(r) for r in results}
    python = [f for f in files if f.endswith(".py")]
    out = []
    for result in results:
        try:
            out.append(_one(result, results, python, texts, options))
        except Exception:  # a bug of ours must not stop the run: left as it was
            out.append(result)
    return out


def _final_text(result: FileResult) -> bytes | None:
    return result.new if result.new is not None else result.original


def _one(
    result: FileResult,
    results: list[FileResult],
    files: list[str],
    texts: dict[str, bytes | None],
    options: RunOptions,
) -> FileResult:
    if not result.path.endswith(".py") or result.error or result.original is None:
        return result
    if b"hapikey" not in result.original or b"params" not in result.original:
        return result
    manual = [s for s in result.sites if s.status == Status.MANUAL]
    if not manual:
        return result
    try:
        module = cst.parse_module(result.original)
    except cst.ParserSyntaxError:
        return result
    ctx = ModuleContext(result.path, module, options.provider)
    entries = [
        node
        for node in walk(ctx.module)
        if isinstance(node, cst.DictElement) and _is_string(node.key, "hapikey")
    ]
    for site in manual:
        shape = _producer_at(ctx, entries, site)
        if shape is None:
            continue
        function, outer, params, entry = shape
        problem = _key_problem(ctx, function, entry.value)
        if not problem and result.new is not None:
            problem = (
                f"{function.name.value}() returns request kwargs, and its module "
                "changes otherwise too: change it by hand"
            )
        if not problem:
            problem = _other_keys(ctx, entry.value, results)
        verdict = Verdict(problem=problem)
        if not problem:
            verdict = consumers(result.path, function.name.value, files, texts, options)
        if verdict.problem:
            return _with_site(result, site, Status.MANUAL, verdict.problem)
        kept = _read_elsewhere(entry.value, result.path, files, texts)
        if not options.remove_dead_keys:
            kept = None
        return _rewritten(
            ctx, result, site, (function, outer, params, entry), verdict, kept
        )
    return result


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
    ctx: ModuleContext, function: cst.FunctionDef, key: cst.BaseExpression
) -> str:
    """Why the provider's token cannot stand for this key ("" when it can)."""
    name = function.name.value
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
    return ""


def _parameters(function: cst.FunctionDef) -> Iterable[cst.Param]:
    p = function.params
    yield from (*p.posonly_params, *p.params, *p.kwonly_params)
    for star in (p.star_arg, p.star_kwarg):
        if isinstance(star, cst.Param):
            yield star


def _other_keys(
    ctx: ModuleContext, key: cst.BaseExpression, results: list[FileResult]
) -> str:
    """Another configured key of the tree already becoming the token."""
    identity, _ = origins.config_key(ctx, key)
    others = {label for r in results for i, label in r.provider_keys if i != identity}
    if others:
        return (
            f"another key of the tree ({sorted(others)[0]}) becomes the provider's "
            "token too: two portals' keys would be mixed up by one token"
        )
    return ""


def consumers(
    path: str,
    function: str,
    files: Sequence[str],
    texts: dict[str, bytes | None],
    options: RunOptions,
) -> Verdict:
    """Every mention of ``function`` (defined at module level in ``path``) in
    the tree, checked as a consumer (see the module)."""
    tree = _Tree(texts, options)
    home = os.path.abspath(path)
    word = re.compile(rb"\b" + re.escape(function.encode()) + rb"\b")
    found: list[str] = []
    for other in files:
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
        with the header intact ("" when they cannot)."""
        holder = ctx.parent(call)
        if isinstance(holder, cst.Arg) and holder.star == "**":
            request = ctx.parent(holder)
            assert isinstance(request, cst.Call)
            return self.spread(ctx, request, holder)
        if (
            isinstance(holder, cst.Assign)
            and holder.value is call
            and len(holder.targets) == 1
            and isinstance(holder.targets[0].target, cst.Name)
        ):
            return self.local(ctx, holder.targets[0].target)
        if isinstance(holder, cst.Arg) and isinstance(ctx.parent(holder), cst.Call):
            outer = ctx.parent(holder)
            assert isinstance(outer, cst.Call)
            problem = self.combined(ctx, outer, holder)
            if problem:
                return problem
            if depth > 2:
                return "its kwargs are combined too many times to follow"
            return self.result(ctx, outer, depth + 1)
        return "its kwargs are not spread into a request"

    def local(self, ctx: ModuleContext, name: cst.Name) -> str:
        """``kw = producer()``: every use of ``kw`` reads its params or spreads
        it into a HubSpot request; it is bound once, inside a function."""
        if ctx.ancestor(name, cst.FunctionDef) is None:
            return f"its kwargs are bound to the module's {name.value}"
        scope = ctx.lexical_scope(name)
        if scope is None:
            return f"{name.value} cannot be followed"
        bindings = list(scope.assignments[name.value])
        if len(bindings) != 1:
            return f"{name.value}, which holds its kwargs, is bound again"
        spreads = 0
        for reference in ctx.references(bindings[0]):
            use = reference.node
            parent = ctx.parent(use)
            if isinstance(parent, cst.Arg) and parent.star == "**":
                request = ctx.parent(parent)
                assert isinstance(request, cst.Call)
                problem = self.spread(ctx, request, parent)
                if problem:
                    return problem
                spreads += 1
            elif isinstance(parent, cst.Attribute) and parent.value is use:
                call = ctx.parent(parent)
                if not (
                    isinstance(call, cst.Call)
                    and call.func is parent
                    and parent.attr.value == "get"
                    and call.args
                    and _is_string(call.args[0].value, "params")
                ):
                    return f"{ctx.code(parent)} reads more than its params"
            elif (
                isinstance(parent, cst.Subscript)
                and parent.value is use
                and _index_is(parent, "params")
            ):
                continue  # kw["params"] read or written: the header is apart
            else:
                return f"{name.value}, which holds its kwargs, is used other than sent"
        return "" if spreads else f"{name.value}, which holds its kwargs, is not sent"

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
        found = self.defined(ctx, request.func)
        if found is None:
            return (
                f"its kwargs are spread into {ctx.code(request.func)}(), which is "
                "neither a request nor a function of the tree"
            )
        return self.wrapper(ctx, request, *found)

    def wrapper(
        self,
        ctx: ModuleContext,
        call: cst.Call,
        home: ModuleContext,
        function: cst.FunctionDef,
    ) -> str:
        """A request helper of the tree (``def fetch_json(method, url,
        params=None, headers=None, ...)``) that hands its ``headers`` to one
        module-level request, unchanged, with its ``url`` parameter as the URL:
        the URL ``call`` gives it must be HubSpot's."""
        name = function.name.value
        positional = _positional(function)
        if positional is None:
            return f"{name}() takes * or ** arguments"
        given = [a for a in call.args if a.keyword is None and not a.star]
        if "headers" not in positional or positional.index("headers") < len(given):
            return f"{name}() takes no headers= to spread them into"
        if "params" not in positional:
            return f"{name}() takes no params= to spread them into"
        passed = _only_use(home, function, "headers")
        if passed is None or not (
            passed.keyword is not None and passed.keyword.value == "headers"
        ):
            return f"{name}() does not hand its headers to a request unchanged"
        request = home.parent(passed)
        assert isinstance(request, cst.Call)
        names = home.qualified_names(request.func) & _MODULE_REQUESTS
        if not names or any(a.star for a in request.args):
            return f"{name}() hands its headers to {home.code(request.func)}()"
        url = _argument(request, 1 if names & _METHOD_FIRST else 0, "url")
        bound = _parameter_read(home, function, url)
        if bound is None:
            return f"{name}() sends to a URL other than its parameter's"
        for arg in request.args:
            if arg.keyword is not None and arg.keyword.value == "auth":
                other = _parameter_read(home, function, arg.value)
                if other is None or _default_code(function, other) != "None":
                    return f"{name}() gives its request an auth= of its own"
                if positional.index(other) < len(given) or any(
                    a.keyword is not None and a.keyword.value == other
                    for a in call.args
                ):
                    return f"{name}() is given auth at this call"
        return _host_problem(
            ctx, _argument(call, positional.index(bound), bound), f" by {name}()"
        )

    def combined(self, ctx: ModuleContext, call: cst.Call, arg: cst.Arg) -> str:
        """``merge(producer(), params=..., headers=...)``: a function of the tree
        building ``{"params": ..., "headers": dict(auth.get("headers", {}),
        **(headers or {}))}`` from the kwargs it is given first, whose caller's
        headers here (a dict written out) name no Authorization."""
        callee = ctx.code(call.func)
        unfollowed = (
            f"its kwargs are passed to {callee}(), which hapimigrate does not follow"
        )
        if arg.keyword is not None or arg.star or call.args[0] is not arg:
            return unfollowed
        found = self.defined(ctx, call.func)
        if found is None:
            return unfollowed
        home, function = found
        positional = _positional(function)
        if not positional:
            return unfollowed
        headers = _combiner_headers(home, function, positional[0])
        if headers is None:
            return f"{unfollowed} (it is not a plain merge of params and headers)"
        given = _argument(call, positional.index(headers), headers)
        if given is not None and not _plain_headers(given):
            return f"{callee}() is given headers that may hold an Authorization"
        return ""

    def defined(
        self, ctx: ModuleContext, func: cst.BaseExpression
    ) -> tuple[ModuleContext, cst.FunctionDef] | None:
        """The module-level function of the tree a called name is bound to
        once: defined in this module, or imported by name from another."""
        if not isinstance(func, cst.Name):
            return None
        scope = ctx.lexical_scope(func)
        bindings = list(scope[func.value]) if scope is not None else []
        if len(bindings) != 1:
            return None
        node = getattr(bindings[0], "node", None)
        if isinstance(node, cst.FunctionDef):
            return (ctx, node) if _module_level(ctx, node) else None
        if not isinstance(node, cst.ImportFrom) or isinstance(
            node.names, cst.ImportStar
        ):
            return None
        for alias in node.names:
            local = alias.asname.name if alias.asname is not None else alias.name
            if ctx.code(local) != func.value:
                continue
            dotted = ctx.code(node.module) if node.module is not None else ""
            target = tree_imports.module_file(ctx.path, dotted, len(node.relative))
            home = self.context(target) if target is not None else None
            if home is None:
                return None
            return _only_function(home, ctx.code(alias.name))
        return None


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


def _module_level(ctx: ModuleContext, function: cst.FunctionDef) -> bool:
    return isinstance(ctx.parent(function), cst.Module) and not function.decorators


def _only_function(
    ctx: ModuleContext, name: str
) -> tuple[ModuleContext, cst.FunctionDef] | None:
    """The module's one top-level ``def name``, bound nowhere else in it."""
    defs = [
        s
        for s in ctx.module.body
        if isinstance(s, cst.FunctionDef) and s.name.value == name
    ]
    if len(defs) != 1 or not _module_level(ctx, defs[0]):
        return None
    scope = ctx.lexical_scope(defs[0])
    if scope is None or len(list(scope[name])) != 1:
        return None
    return ctx, defs[0]


def _positional(function: cst.FunctionDef) -> list[str] | None:
    """The names of its parameters by position; None with ``*args``/``**kw``."""
    p = function.params
    if isinstance(p.star_arg, cst.Param) or p.star_kwarg is not None:
        return None
    return [x.name.value for x in (*p.posonly_params, *p.params)]


def _default_code(function: cst.FunctionDef, name: str) -> str:
    for param in (*function.params.params, *function.params.kwonly_params):
        if param.name.value == name and param.default is not None:
            return cst.Module([]).code_for_node(param.default)
    return ""


def _param_binding(ctx: ModuleContext, function: cst.FunctionDef, name: str):
    """The binding of parameter ``name``, when it is its only one."""
    scope = ctx.lexical_scope(function.body)
    bindings = list(scope.assignments[name]) if scope is not None else []
    if len(bindings) != 1 or not isinstance(
        getattr(bindings[0], "node", None), cst.Param
    ):
        return None
    return bindings[0]


def _only_use(
    ctx: ModuleContext, function: cst.FunctionDef, name: str
) -> cst.Arg | None:
    """The argument a parameter is passed as, when that is its one use."""
    binding = _param_binding(ctx, function, name)
    uses = [r.node for r in ctx.references(binding)] if binding is not None else []
    if len(uses) != 1:
        return None
    parent = ctx.parent(uses[0])
    if isinstance(parent, cst.Arg) and parent.value is uses[0] and not parent.star:
        return parent if isinstance(ctx.parent(parent), cst.Call) else None
    return None


def _parameter_read(
    ctx: ModuleContext, function: cst.FunctionDef, node: cst.CSTNode | None
) -> str | None:
    """The parameter ``node`` reads, when it is one never bound again."""
    if not isinstance(node, cst.Name):
        return None
    binding = _param_binding(ctx, function, node.value)
    if binding is None or node not in {r.node for r in ctx.references(binding)}:
        return None
    return node.value


def _combiner_headers(
    ctx: ModuleContext, function: cst.FunctionDef, first: str
) -> str | None:
    """The name of the caller-headers parameter of a plain merge:

        def merge(auth, params=None, headers=None):
            out = {}
            out["params"] = dict(auth.get("params", {}), **(params or {}))
            out["headers"] = dict(auth.get("headers", {}), **(headers or {}))
            return out

    (a docstring allowed; ``{**auth.get("headers", {}), **(headers or {})}``
    too); None for anything else. Every read of ``first`` is its entry's
    ``.get`` in that entry, so the kwargs' header lands in ``out["headers"]``
    under the caller's."""
    body = list(function.body.body)
    if body and _docstring(body[0]):
        body = body[1:]
    small = []
    for statement in body:
        if not (
            isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1
        ):
            return None
        small.append(statement.body[0])
    if len(small) < 3:
        return None
    start, *entries, end = small
    if not (
        isinstance(start, cst.Assign)
        and len(start.targets) == 1
        and isinstance(start.targets[0].target, cst.Name)
        and isinstance(start.value, cst.Dict)
        and not start.value.elements
    ):
        return None
    out = start.targets[0].target.value
    if not (
        isinstance(end, cst.Return)
        and isinstance(end.value, cst.Name)
        and end.value.value == out
    ):
        return None
    keys: dict[str, cst.BaseExpression] = {}
    for entry in entries:
        if not (isinstance(entry, cst.Assign) and len(entry.targets) == 1):
            return None
        target = entry.targets[0].target
        if not (
            isinstance(target, cst.Subscript)
            and isinstance(target.value, cst.Name)
            and target.value.value == out
        ):
            return None
        key = next((k for k in ("params", "headers") if _index_is(target, k)), None)
        if key is None or key in keys:
            return None
        keys[key] = entry.value
    if "headers" not in keys:
        return None  # the kwargs' header would be dropped
    binding = _param_binding(ctx, function, first)
    if binding is None:
        return None
    for reference in ctx.references(binding):
        use = reference.node
        read = ctx.parent(ctx.parent(use))
        entry = next((k for k, v in keys.items() if _within(ctx, use, v)), None)
        if not (
            entry is not None
            and isinstance(read, cst.Call)
            and isinstance(read.func, cst.Attribute)
            and read.func.value is use
            and read.func.attr.value == "get"
            and read.args
            and _is_string(read.args[0].value, entry)
        ):
            return None
    return _merged_over(ctx, function, first, keys["headers"])


def _docstring(statement: cst.CSTNode) -> bool:
    return (
        isinstance(statement, cst.SimpleStatementLine)
        and len(statement.body) == 1
        and isinstance(statement.body[0], cst.Expr)
        and isinstance(
            statement.body[0].value, (cst.SimpleString, cst.ConcatenatedString)
        )
    )


def _within(ctx: ModuleContext, node: cst.CSTNode, outer: cst.CSTNode) -> bool:
    while node is not None:
        if node is outer:
            return True
        node = ctx.parent(node)
    return False


def _merged_over(
    ctx: ModuleContext, function: cst.FunctionDef, first: str, value: cst.CSTNode
) -> str | None:
    """``h`` when ``value`` is ``dict(first.get("headers", {}), **(h or {}))``
    or ``{**first.get("headers", {}), **(h or {})}`` with ``h`` a parameter."""
    if isinstance(value, cst.Call):
        if ctx.qualified_names(value.func) != {"builtins.dict"} or len(value.args) != 2:
            return None
        base, extra = value.args
        if base.star or base.keyword is not None or extra.star != "**":
            return None
        parts = (base.value, extra.value)
    elif isinstance(value, cst.Dict) and len(value.elements) == 2:
        if not all(isinstance(e, cst.StarredDictElement) for e in value.elements):
            return None
        parts = tuple(e.value for e in value.elements)
    else:
        return None
    base_value, extra_value = parts
    if not (
        isinstance(base_value, cst.Call)
        and isinstance(base_value.func, cst.Attribute)
        and isinstance(base_value.func.value, cst.Name)
        and base_value.func.value.value == first
    ):
        return None
    if isinstance(extra_value, cst.BooleanOperation) and isinstance(
        extra_value.operator, cst.Or
    ):
        if not (
            isinstance(extra_value.right, cst.Dict) and not extra_value.right.elements
        ):
            return None
        extra_value = extra_value.left
    name = _parameter_read(ctx, function, extra_value)
    if name is None or name == first:
        return None
    return name if _default_code(function, name) in ("None", "{}") else None


def _plain_headers(node: cst.BaseExpression) -> bool:
    """A dict written out whose keys are strings, none of them Authorization."""
    return isinstance(node, cst.Dict) and all(
        isinstance(e, cst.DictElement)
        and isinstance(e.key, cst.SimpleString)
        and str(e.key.evaluated_value).lower() != "authorization"
        for e in node.elements
    )


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


def _index_is(subscript: cst.Subscript, key: str) -> bool:
    return (
        len(subscript.slice) == 1
        and isinstance(subscript.slice[0].slice, cst.Index)
        and _is_string(subscript.slice[0].slice.value, key)
    )


def _host_problem(
    ctx: ModuleContext, url: cst.BaseExpression | None, how: str = ""
) -> str:
    if url is None:
        return "the request's URL is not found"
    template = values.url_template(ctx, url)
    where = urls.host(template)
    if where is None or not urls.takes_tokens(where):
        return f"the request{how} goes to {where or 'a host known only at run time'}"
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
