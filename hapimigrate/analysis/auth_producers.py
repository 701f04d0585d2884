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
each mention is a call whose result is spread (``**``), directly or through one
local name read only by ``.get``, ``name["params"]`` and ``**name``, into a
``requests``/``httpx`` module-level request whose URL's host, as written, is one
of HubSpot's API hosts, with no ``headers=``, ``auth=`` or other ``**`` of its
own (the header in the spread would collide with, or be replaced by, them). Then
the key's ``params`` entry becomes ``"headers": {"Authorization": "Bearer " +
TOKEN}`` in that one return; any other return (an OAuth branch) is untouched.

Left manual, with the reason: a key read from the producer's parameter (a caller
may give another portal's), one that is not a single configured key, a
developer key, a mention that is not such a call (passed on, stored, logged,
named in a string, star-imported), a request to another or an unknown host, or
one whose own arguments would fight the header. The verdict is made on the
text each consumer has after the other passes (a header another fixer added
to the same request is seen).
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
_READS = {"get", "keys", "items", "values", "copy"}  # a dict method reading only

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
        out.append(_one(result, results, python, texts, options))
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
    if b"hapikey" not in result.original:
        return result
    manual = [s for s in result.sites if s.status == Status.MANUAL]
    if not manual:
        return result
    try:
        module = cst.parse_module(result.original)
    except cst.ParserSyntaxError:
        return result
    ctx = ModuleContext(result.path, module, options.provider)
    for site in manual:
        shape = _producer_at(ctx, site)
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
        return _rewritten(ctx, result, site, function, outer, params, entry, verdict)
    return result


def _producer_at(ctx: ModuleContext, site: Site):
    """(function, returned dict, its "params" entry, the key entry) when the
    site is the key entry of a module-level function's ``return {"params":
    {..., "hapikey": KEY}}``."""
    for node in walk(ctx.module):
        if not (isinstance(node, cst.DictElement) and _is_string(node.key, "hapikey")):
            continue
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
    home = os.path.abspath(path)
    word = re.compile(rb"\b" + re.escape(function.encode()) + rb"\b")
    found: list[str] = []
    for other in files:
        text = texts.get(other)
        if text is None:
            try:
                text = tree_imports.read(other)
            except OSError:
                continue
        if not word.search(text):
            continue
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError:
            return Verdict(
                problem=f"{function}() is named in {_short(other)}, which does not parse"
            )
        ctx = ModuleContext(other, module, options.provider)
        same = os.path.abspath(other) == home
        checked = _module_consumers(ctx, function, home, same)
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


def _module_consumers(
    ctx: ModuleContext, function: str, home: str, same: bool
) -> Verdict:
    aliases, modules = _imported(ctx, function, home)
    if same:
        aliases.add(function)
    where: list[str] = []
    for node in walk(ctx.module):
        if isinstance(node, cst.SimpleString) and function in str(node.evaluated_value):
            return _left(ctx, node, f"{function} is named in a string")
        if isinstance(node, cst.Attribute) and node.attr.value == function:
            if not (isinstance(node.value, cst.Name) and node.value.value in modules):
                return _left(ctx, node, f"{function} is reached as an attribute")
            problem = _called(ctx, node)
        elif isinstance(node, cst.Name) and node.value in aliases:
            holder = ctx.parent(node)
            if isinstance(holder, (cst.ImportAlias, cst.AsName)) or (
                isinstance(holder, cst.Attribute) and holder.attr is node
            ):
                continue  # the import itself; mod.function, seen above
            if same and isinstance(holder, cst.FunctionDef) and holder.name is node:
                continue
            problem = _called(ctx, node)
        else:
            continue
        if problem:
            return _left(ctx, node, problem)
        where.append(f"{_short(ctx.path)}:{ctx.start(node)[0]}")
    return Verdict(tuple(where))


def _left(ctx: ModuleContext, node: cst.CSTNode, why: str) -> Verdict:
    return Verdict(problem=f"{why} at {_short(ctx.path)}:{ctx.start(node)[0]}")


def _imported(
    ctx: ModuleContext, function: str, home: str
) -> tuple[set[str], set[str]]:
    """The local names of ``function`` and of its module in this module."""
    aliases: set[str] = set()
    modules: set[str] = set()
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
                sub = f"{dotted}.{name}" if dotted else name
                if _resolves(ctx.path, sub, level, home):
                    modules.add(local)
        elif isinstance(node, cst.Import):
            for alias in node.names:
                dotted = ctx.code(alias.name)
                if _resolves(ctx.path, dotted, 0, home):
                    if alias.asname is not None:
                        modules.add(ctx.code(alias.asname.name))
                    elif "." not in dotted:
                        modules.add(dotted)
    return aliases, modules


def _resolves(path: str, dotted: str, level: int, home: str) -> bool:
    found = tree_imports.module_file(path, dotted, level)
    return found is not None and os.path.abspath(found) == home


def _called(ctx: ModuleContext, node: cst.CSTNode) -> str:
    """Why this mention of the producer is not a call whose kwargs reach only
    HubSpot requests ("" when it is)."""
    call = ctx.parent(node)
    if not (isinstance(call, cst.Call) and call.func is node):
        return "the function is used other than called"
    holder = ctx.parent(call)
    if isinstance(holder, cst.Arg) and holder.star == "**":
        request = ctx.parent(holder)
        assert isinstance(request, cst.Call)
        return _request_problem(ctx, request, holder)
    statement = holder
    if (
        isinstance(statement, cst.Assign)
        and statement.value is call
        and len(statement.targets) == 1
        and isinstance(statement.targets[0].target, cst.Name)
    ):
        return _local_problem(ctx, statement.targets[0].target)
    if isinstance(holder, cst.Arg) and isinstance(ctx.parent(holder), cst.Call):
        callee = ctx.code(ctx.parent(holder).func)
        return f"its kwargs are passed to {callee}(), which hapimigrate does not follow"
    return "its kwargs are not spread into a request"


def _local_problem(ctx: ModuleContext, name: cst.Name) -> str:
    """``kw = producer()``: every use of ``kw`` reads it or spreads it into a
    HubSpot request; it is bound once, inside a function."""
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
            problem = _request_problem(ctx, request, parent)
            if problem:
                return problem
            spreads += 1
        elif isinstance(parent, cst.Attribute) and parent.attr.value in _READS:
            call = ctx.parent(parent)
            if not (isinstance(call, cst.Call) and call.func is parent):
                return f"{name.value}.{parent.attr.value} is used other than called"
        elif (
            isinstance(parent, cst.Subscript)
            and parent.value is use
            and _params_index(parent)
        ):
            continue  # kw["params"] read or written: the header is apart
        else:
            return f"{name.value}, which holds its kwargs, is used other than sent"
    return "" if spreads else f"{name.value}, which holds its kwargs, is not sent"


def _params_index(subscript: cst.Subscript) -> bool:
    return (
        len(subscript.slice) == 1
        and isinstance(subscript.slice[0].slice, cst.Index)
        and _is_string(subscript.slice[0].slice.value, "params")
    )


def _request_problem(ctx: ModuleContext, request: cst.Call, spread: cst.Arg) -> str:
    """Why the header spread into ``request`` may not reach HubSpot alone."""
    names = ctx.qualified_names(request.func) & _MODULE_REQUESTS
    if not names:
        return f"its kwargs are spread into {ctx.code(request.func)}(), not a request"
    if any(a.star and a is not spread for a in request.args):
        return "the request spreads other arguments too"
    for arg in request.args:
        keyword = arg.keyword.value if arg.keyword is not None else ""
        if keyword in ("headers", "auth"):
            return f"the request gives {keyword}= of its own"
    info = http_calls.classify(ctx, request)
    if info is None or info.kind != "request":
        return "the request is not one hapimigrate knows"
    url = _url_argument(request, 1 if names & _METHOD_FIRST else 0)
    if url is None:
        return "the request's URL is not found"
    where = urls.host(values.url_template(ctx, url))
    if where is None or not urls.takes_tokens(where):
        return f"the request goes to {where or 'a host known only at run time'}"
    return ""


def _url_argument(call: cst.Call, index: int) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "url":
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


def _rewritten(
    ctx: ModuleContext,
    result: FileResult,
    site: Site,
    function: cst.FunctionDef,
    outer: cst.Dict,
    params: cst.DictElement,
    entry: cst.DictElement,
    verdict: Verdict,
) -> FileResult:
    """The producer's return with the key's params entry turned into the header."""
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
    new_module = ctx.module.visit(EditApplier(ctx.edits, ctx.parent))
    new = add_imports(new_module, ctx.imports).bytes
    cst.parse_module(new)  # never hand back code that does not parse
    identity, label = origins.config_key(ctx, entry.value)
    reason = MIGRATED.format(name=function.name.value, where=", ".join(verdict.where))
    migrated = _with_site(result, site, Status.REWRITE, reason)
    return dataclasses.replace(
        migrated,
        new=new,
        provider_keys=tuple(sorted({*result.provider_keys, (identity, label)})),
    )
