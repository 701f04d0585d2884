"""What the code does with an object after it got the header: a session whose
headers the migration fills, a request object (urllib's ``Request``, requests'
``Request`` and its prepared form) built with them.

Two uses make the header leave HubSpot: the object's headers read and reused
(``dict(s.headers)`` given to another request or written to a log,
``req.header_items()``), and a request object re-pointed after it is made
(``req.full_url = MIRROR + req.selector``, ``prep.url = ...``). Each is found
by the object's name, and the names bound to it or to a copy of it
(``shadow = prep``, ``prep.copy()``, ``copy.copy(req)``), in the function (or
module) it is used in.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from hapimigrate.python.context import ModuleContext, walk

# what a header container is written with (a write keeps the token in place)
_WRITES = frozenset(
    {"update", "setdefault", "clear", "pop", "popitem", "__setitem__", "__delitem__"}
)
_READERS = ("header_items", "get_header", "unredirected_hdrs", "has_header")
_TARGETS = ("full_url", "url", "host", "selector", "type", "origin_req_host")
_MOVERS = ("set_proxy", "prepare_url")


@dataclass(frozen=True)
class Use:
    """A use of the object: its line and the code of the expression."""

    line: int
    code: str


def _inside(ctx: ModuleContext, node: cst.CSTNode, within: cst.CSTNode) -> bool:
    return isinstance(within, cst.Module) or ctx.inside(node, within)


def _same_object(ctx: ModuleContext, value: cst.CSTNode, names: set[str]) -> bool:
    """``value`` is one of ``names`` or a copy of it: ``prep``, ``prep.copy()``,
    ``copy.copy(prep)``, ``copy.deepcopy(prep)``."""
    if isinstance(value, cst.NamedExpr):
        value = value.value
    if ctx.code(value) in names:
        return True
    if not isinstance(value, cst.Call):
        return False
    if isinstance(value.func, cst.Attribute) and value.func.attr.value == "copy":
        if not value.args and ctx.code(value.func.value) in names:
            return True
    return bool(
        value.args
        and ctx.code(value.args[0].value) in names
        and (ctx.qualified_names(value.func) & {"copy.copy", "copy.deepcopy"})
    )


def _names(ctx: ModuleContext, name: str, within: cst.CSTNode) -> set[str]:
    """``name`` and every name bound within ``within`` to the same object or a
    copy of it (``shadow = prep``, ``shadow = prep.copy()``,
    ``shadow = copy.copy(req)``, through chains of such names)."""
    names = {name}
    bindings: list[tuple[str, cst.CSTNode]] = []
    for node in walk(within):
        if isinstance(node, cst.Assign):
            bindings += [(ctx.code(t.target), node.value) for t in node.targets]
        elif isinstance(node, (cst.AnnAssign, cst.AugAssign)) and node.value:
            bindings.append((ctx.code(node.target), node.value))
        elif isinstance(node, cst.NamedExpr):
            bindings.append((ctx.code(node.target), node.value))
    grown = True
    while grown:
        grown = False
        for target, value in bindings:
            if target not in names and _same_object(ctx, value, names):
                names.add(target)
                grown = True
    return names


def _names_other_header(node: cst.BaseExpression | None) -> bool:
    """``"User-Agent"``: a literal header name that is not Authorization."""
    if not isinstance(node, cst.SimpleString):
        return False
    value = node.evaluated_value
    value = value.decode("latin-1") if isinstance(value, bytes) else value
    return value.strip().lower() != "authorization"


def headers_read(ctx: ModuleContext, name: str, within: cst.CSTNode) -> Use | None:
    """The first read of ``name``'s headers as a whole (or of its Authorization):
    ``dict(s.headers)``, ``headers=s.headers``, ``s.headers.copy()``,
    ``req.header_items()``; not a write (``s.headers["X"] = v``,
    ``.update(...)``) nor a read of another header (``s.headers["Accept"]``)."""
    found: list[cst.Attribute] = []
    names = _names(ctx, name, within)
    for attr in ("headers", *_READERS):
        for node in ctx.index.attributes.get(attr, ()):
            if ctx.code(node.value) in names and _inside(ctx, node, within):
                if _reads(ctx, node):
                    found.append(node)
    if not found:
        return None
    first = min(found, key=ctx.start)
    shown: cst.CSTNode = first
    holder = ctx.parent(first)
    for _ in range(3):  # dict(s.headers), req.header_items()
        if isinstance(holder, cst.Call) and len(ctx.code(holder)) <= 60:
            shown = holder
        if holder is None or isinstance(holder, cst.BaseSmallStatement):
            break
        holder = ctx.parent(holder)
    return Use(ctx.start(first)[0], ctx.code(shown))


def _reads(ctx: ModuleContext, node: cst.Attribute) -> bool:
    holder = ctx.parent(node)
    if node.attr.value != "headers":
        if isinstance(holder, cst.Call) and node.attr.value in (
            "get_header",
            "has_header",
        ):
            return not (holder.args and _names_other_header(holder.args[0].value))
        return True
    if isinstance(holder, (cst.AssignTarget, cst.AugAssign, cst.Del)):
        return False  # replaced (told apart elsewhere) or deleted
    if isinstance(holder, cst.Attribute) and holder.value is node:
        call = ctx.parent(holder)
        if not isinstance(call, cst.Call):
            return True
        if holder.attr.value in _WRITES:
            return False
        if holder.attr.value == "get":
            return not (call.args and _names_other_header(call.args[0].value))
        return True  # .copy(), .items(), .keys()
    if isinstance(holder, cst.Subscript) and holder.value is node:
        outer = ctx.parent(holder)
        if isinstance(outer, (cst.AssignTarget, cst.Del)):
            return False
        if isinstance(outer, cst.AugAssign) and outer.target is holder:
            return False
        index = holder.slice[0].slice if len(holder.slice) == 1 else None
        return not (isinstance(index, cst.Index) and _names_other_header(index.value))
    return True


def re_pointed(ctx: ModuleContext, name: str, within: cst.CSTNode) -> Use | None:
    """The first write of the request object's URL or host after it is made:
    ``req.full_url = ...``, ``req.url = ...``, ``req.host = ...``,
    ``req.set_proxy(...)``, ``prep.prepare_url(...)``."""
    found: list[cst.Attribute] = []
    names = _names(ctx, name, within)
    for attr in (*_TARGETS, *_MOVERS):
        for node in ctx.index.attributes.get(attr, ()):
            if ctx.code(node.value) not in names or not _inside(ctx, node, within):
                continue
            holder = ctx.parent(node)
            if attr in _MOVERS and isinstance(holder, cst.Call):
                found.append(node)
            elif attr in _TARGETS and (
                isinstance(holder, cst.AssignTarget)
                or (isinstance(holder, cst.AugAssign) and holder.target is node)
            ):
                found.append(node)
    if not found:
        return None
    first = min(found, key=ctx.start)
    return Use(ctx.start(first)[0], ctx.code(first))


__all__ = ["Use", "headers_read", "re_pointed"]
