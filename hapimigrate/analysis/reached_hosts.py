"""The hosts written in the code that a URL expression may reach.

``values.url_template`` renders what string operations build (``+``, ``%``,
``format``, f-strings, ``urljoin``); a URL passed through anything else
(``MIRROR.rstrip("/") + path``, ``posixpath.join(MIRROR, path)``,
``(BASE + path).replace("api.hubapi.com", MIRROR_HOST)``, ``CONFIG["base_url"]``,
``getattr(cfg, "base_url", MIRROR)``, a parameter defaulting to a mirror) has a
host known only at run time there. This module walks such an expression instead:
every literal it may read, through the names it reads (their assignments, a
parameter's default, ``with ... as`` items), the attributes of a class of the
module (``Cfg.base_url``, ``Cfg().base_url``), the entry a dict literal gives
(``CONFIG["base"]``), the arguments of the calls it makes and what the
module's functions it calls return, and names the hosts they hold: a URL's
(``https://mirror.example.com/``) or a bare host name (``"mirror.example.com"``).
"""

from __future__ import annotations

import re
from typing import Iterator

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext, walk

_DEPTH = 4
# a bare host name: dotted labels ending in letters (``mirror.example.com``),
# not a file name (``index.html``) nor a dotted setting (``contacts.read`` has no
# second-level domain a host would)
_BARE_HOST = re.compile(
    r"(?i)^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}\.?(?::\d+)?$"
)
_NOT_HOSTS = re.compile(
    r"(?i)\.(?:html?|json|xml|csv|txt|py|js|php|yaml|yml|cfg|ini|log|read|write|"
    r"manage|all)$"
)
_URL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//", re.I)
_PERCENT_FIELD = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrifxX]")


def literal_host(text: str) -> str | None:
    """The host a string literal names, if it is a URL or a bare host name."""
    text = _PERCENT_FIELD.sub("{}", text.strip())  # "https://%s.example.com"
    if _URL.match(text):
        return hubspot.host(text if "://" in text else "https:" + text)
    if _BARE_HOST.match(text) and not _NOT_HOSTS.search(text):
        return text.rstrip(".").split(":", 1)[0].lower()
    return None


def reached_hosts(ctx: ModuleContext, node: cst.CSTNode) -> list[str]:
    """The hosts of the literals ``node`` may read, in source order, each once."""
    found: list[str] = []
    for where in _hosts(ctx, node, _DEPTH, set()):
        if where not in found:
            found.append(where)
    return found


def other_host(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """The first host ``node`` may reach that is not one of HubSpot's API hosts."""
    return next(
        (h for h in reached_hosts(ctx, node) if not hubspot.takes_tokens(h)), None
    )


def _hosts(
    ctx: ModuleContext, node: cst.CSTNode, depth: int, seen: set[int]
) -> Iterator[str]:
    """The hosts of the literals under ``node``, in source order: a walk with a
    stack of its own (a long ``a + b + ...`` chain is a deep tree)."""
    pending: list[tuple[cst.CSTNode, int]] = [(node, depth)]
    while pending:
        node, depth = pending.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        where, nexts = _visit(ctx, node, depth)
        if where is not None:
            yield where
        pending += reversed(nexts)


def _visit(
    ctx: ModuleContext, node: cst.CSTNode, depth: int
) -> tuple[str | None, list[tuple[cst.CSTNode, int]]]:
    """The host ``node`` names itself, and what to look at next (with the
    name hops left)."""
    known = _imported_constant(ctx, node)
    if known is not None:
        return hubspot.host(known), []
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        return literal_host(text), []
    if isinstance(node, cst.FormattedString):  # f"https://api{SUFFIX}.hubapi.com"
        where = hubspot.host(values.url_template(ctx, node))
        parts = [
            (part.expression, depth)
            for part in node.parts
            if isinstance(part, cst.FormattedStringExpression)
        ]
        return where, parts
    if isinstance(node, cst.Name):
        if not depth:
            return None, []
        return None, [(value, depth - 1) for value in _name_values(ctx, node)]
    if isinstance(node, cst.Attribute):
        nexts = [(node.value, depth)]
        if depth:
            nexts += [(v, depth - 1) for v in _class_attribute_values(ctx, node)]
        return None, nexts
    nexts = []
    if isinstance(node, cst.Subscript) and depth:
        entry = _dict_entry(ctx, node)
        if entry is not None:
            return None, [(entry, depth - 1)]
    if isinstance(node, cst.Call) and depth and isinstance(node.func, cst.Name):
        nexts += [(value, depth - 1) for value in _returned(ctx, node.func)]
    return None, nexts + [(child, depth) for child in node.children]


def _imported_constant(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    if not ctx.imported_constants or not isinstance(node, (cst.Name, cst.Attribute)):
        return None
    return ctx.imported_constants.get(ctx.code(node))


def _bindings(ctx: ModuleContext, name: cst.Name) -> list[cst.CSTNode]:
    scope = ctx.lexical_scope(name)
    if scope is None:
        return []
    return [getattr(b, "node", None) for b in scope[name.value]]


def _name_values(ctx: ModuleContext, name: cst.Name) -> Iterator[cst.CSTNode]:
    """What a name may hold: each assignment's value, a parameter's default,
    the item of ``with item as name``."""
    if name.value in ("self", "cls"):
        return
    for target in _bindings(ctx, name):
        if isinstance(target, cst.Param):
            if target.default is not None:
                yield target.default
            yield from _passed(ctx, target)
            continue
        if not isinstance(target, cst.Name):
            continue
        value = values.assigned_value(ctx, target)
        if value is not None:
            yield value
            continue
        holder = ctx.parent(target)
        if isinstance(holder, cst.AsName):
            item = ctx.parent(holder)
            if isinstance(item, cst.WithItem):
                yield item.item
        elif isinstance(holder, cst.For) and holder.target is target:
            yield holder.iter


def _passed(ctx: ModuleContext, param: cst.Param) -> Iterator[cst.CSTNode]:
    """The arguments the module's calls of a function (``make(MIRROR)``) give
    its parameter ``param``: a parameter holds what its callers pass, not only
    its default (a method's, reached through an instance, is not followed)."""
    func = ctx.ancestor(param, cst.FunctionDef)
    if func is None or isinstance(ctx.parent(ctx.parent(func)), cst.ClassDef):
        return
    positional = [*func.params.posonly_params, *func.params.params]
    index = next((i for i, p in enumerate(positional) if p is param), None)
    keyword = param.name.value if param in func.params.kwonly_params else None
    if index is None and keyword is None:
        return  # *args, **kwargs
    scope = ctx.lexical_scope(func)
    if scope is None:
        return
    for assignment in scope.assignments[func.name.value]:
        if getattr(assignment, "node", None) is not func:
            continue
        for ref in ctx.references(assignment):
            call = ctx.parent(ref.node)
            if not isinstance(call, cst.Call) or call.func is not ref.node:
                continue
            plain = []
            for arg in call.args:
                if arg.keyword is not None and arg.keyword.value == param.name.value:
                    yield arg.value
                    break
                if arg.keyword is None and not arg.star:
                    plain.append(arg.value)
            else:
                if index is not None and len(plain) > index:
                    yield plain[index]


def _classes(ctx: ModuleContext, node: cst.CSTNode) -> list[cst.ClassDef]:
    """The module's class ``node`` names (``Cfg``) or makes (``Cfg()``)."""
    if isinstance(node, cst.Call):
        node = node.func
    if not isinstance(node, cst.Name):
        return []
    found = []
    for target in _bindings(ctx, node):
        if isinstance(target, cst.ClassDef):
            found.append(target)
        elif isinstance(target, cst.Name):  # settings = Settings()
            made = values.assigned_value(ctx, target)
            if isinstance(made, cst.Call) and isinstance(made.func, cst.Name):
                found += [
                    c for c in _bindings(ctx, made.func) if isinstance(c, cst.ClassDef)
                ]
    return found


def _class_attribute_values(
    ctx: ModuleContext, node: cst.Attribute
) -> Iterator[cst.CSTNode]:
    """``base_url = ...`` in the body of the class ``Cfg.base_url`` or
    ``Cfg().base_url`` reads (and of its bases in this module)."""
    pending = _classes(ctx, node.value)
    done: set[int] = set()
    while pending:
        owner = pending.pop()
        if id(owner) in done:
            continue
        done.add(id(owner))
        for statement in owner.body.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if isinstance(small, cst.Assign) and any(
                    isinstance(t.target, cst.Name) and t.target.value == node.attr.value
                    for t in small.targets
                ):
                    yield small.value
                if (
                    isinstance(small, cst.AnnAssign)
                    and isinstance(small.target, cst.Name)
                    and small.target.value == node.attr.value
                    and small.value is not None
                ):
                    yield small.value
        for base in owner.bases:
            pending += _classes(ctx, base.value)


def _dict_entry(ctx: ModuleContext, node: cst.Subscript) -> cst.CSTNode | None:
    """The value ``CONFIG["base"]`` reads when ``CONFIG`` is one dict literal
    with that key (None: not known, every part is walked)."""
    if not (
        len(node.slice) == 1
        and isinstance(node.slice[0].slice, cst.Index)
        and isinstance(node.slice[0].slice.value, cst.SimpleString)
        and isinstance(node.value, cst.Name)
    ):
        return None
    wanted = node.slice[0].slice.value.evaluated_value
    tables = list(_name_values(ctx, node.value))
    if len(tables) != 1 or not isinstance(tables[0], cst.Dict):
        return None
    for element in tables[0].elements:
        if not isinstance(element, cst.DictElement):
            return None  # {**DEFAULTS, ...}: any entry may come from there
        if (
            isinstance(element.key, cst.SimpleString)
            and element.key.evaluated_value == wanted
        ):
            return element.value
    return None


def _returned(ctx: ModuleContext, func: cst.Name) -> Iterator[cst.CSTNode]:
    """What the module's function ``func`` names returns."""
    for target in _bindings(ctx, func):
        if isinstance(target, cst.FunctionDef):
            for node in walk(target.body):
                if isinstance(node, cst.Return) and node.value is not None:
                    if ctx.ancestor(node, cst.FunctionDef) is target:
                        yield node.value


# a client or connection whose requests take a path relative to the base URL or
# host it is made with: the keyword, and the position it may be given at
_BASED = {
    "httpx.Client": ("base_url", None),
    "httpx.AsyncClient": ("base_url", None),
    "aiohttp.ClientSession": ("base_url", 0),
    "aiohttp.client.ClientSession": ("base_url", 0),
    "requests_toolbelt.sessions.BaseUrlSession": ("base_url", 0),
    "requests_toolbelt.BaseUrlSession": ("base_url", 0),
}
_CONNECTIONS = {
    "http.client.HTTPConnection",
    "http.client.HTTPSConnection",
    "httplib.HTTPConnection",
    "httplib.HTTPSConnection",
    "six.moves.http_client.HTTPConnection",
    "six.moves.http_client.HTTPSConnection",
    "urllib3.HTTPConnectionPool",
    "urllib3.HTTPSConnectionPool",
    "urllib3.connectionpool.HTTPConnectionPool",
    "urllib3.connectionpool.HTTPSConnectionPool",
}


def made_with(ctx: ModuleContext, receiver: cst.CSTNode) -> list[cst.Call]:
    """The calls that make the object a request is made on: ``client`` of
    ``client.get(...)`` bound by ``client = httpx.Client(...)`` or ``with
    httpx.Client(...) as client``, or the constructor called in place."""
    if isinstance(receiver, cst.Call):
        return [receiver]
    if not isinstance(receiver, cst.Name):
        return []
    found = []
    pending = list(_name_values(ctx, receiver))
    while pending:
        value = pending.pop(0)
        if isinstance(value, cst.IfExp):  # make(base) if base else make()
            pending += [value.body, value.orelse]
        elif isinstance(value, cst.BooleanOperation):  # given or make()
            pending += [value.left, value.right]
        if not isinstance(value, cst.Call):
            continue
        found.append(value)
        if isinstance(value.func, cst.Name):  # client = make_client()
            found += [r for r in _returned(ctx, value.func) if isinstance(r, cst.Call)]
    return found


def base_of(
    ctx: ModuleContext, call: cst.Call
) -> tuple[cst.BaseExpression, bool] | None:
    """The base URL a client is made with (False) or the host a connection is
    made to (True: a bare host name); None: not such a constructor, or made
    without one (its requests' URLs are absolute)."""
    names = ctx.qualified_names(call.func)
    for name in names:
        if name in _CONNECTIONS:
            given = _argument(call, "host", 0)
            return (given, True) if given is not None else None
        if name in _BASED:
            keyword, position = _BASED[name]
            given = _argument(call, keyword, position)
            return (given, False) if given is not None else None
    return None


def _argument(
    call: cst.Call, keyword: str, position: int | None
) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == keyword:
            return arg.value
    plain = [a for a in call.args if a.keyword is None and not a.star]
    if position is not None and len(plain) > position:
        return plain[position].value
    return None


__all__ = ["base_of", "literal_host", "made_with", "other_host", "reached_hosts"]
