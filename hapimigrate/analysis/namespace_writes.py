"""Where a module writes its own namespace by name: ``globals()["KEY"] = key``,
``globals().update(KEY=...)``, ``setattr(sys.modules[__name__], "KEY", ...)``,
through a name bound to the namespace (``g = globals(); g.update(conf)``), its
module's ``__dict__`` (``sys.modules[__name__].__dict__.update(conf)``,
``vars(sys.modules[__name__])``, ``this = sys.modules[__name__]; this.KEY =``),
or code run in it (``exec(code, globals())``, ``exec(code)`` at module level).
A name so written holds whatever was written (a tenant's key?), and a base URL
so rebound goes wherever it then points. Read by the key origins and by the
host checks (a leaf: it imports neither)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

import libcst as cst

from hapimigrate.python.metadata import walk

if TYPE_CHECKING:
    from hapimigrate.python.context import ModuleContext

_NAMESPACES = ("globals", "vars")


def namespace_write(ctx: ModuleContext, name: str) -> tuple[str, int] | None:
    """Where the module's namespace is written by name: ``globals()[name] =``,
    ``globals().update(name=...)``, ``setattr(sys.modules[__name__], name, ...)``,
    the same through a name bound to the namespace or to the module, and
    ``exec(code, globals())`` (any key not written out counts)."""
    dicts, modules = _aliases(ctx)
    for call in ctx.index.calls:
        func = call.func
        line = ctx.start(call)[0]
        holder = ctx.parent(call)
        if _is_namespace(ctx, call, dicts, modules):
            if isinstance(holder, cst.Subscript) and holder.value is call:
                store = ctx.parent(holder)
                if isinstance(store, cst.AssignTarget) and _names_key(
                    ctx, holder.slice, name
                ):
                    return f"{ctx.code(func)}()[...]", line
            if isinstance(holder, cst.Attribute) and holder.attr.value in _WRITERS:
                return f"{ctx.code(func)}().{holder.attr.value}()", line
        if isinstance(func, cst.Name) and func.value == "setattr" and call.args:
            if len(call.args) >= 2 and _is_module(ctx, call.args[0].value, modules):
                key = call.args[1].value
                if not isinstance(key, cst.SimpleString) or key.evaluated_value == name:
                    return "setattr(sys.modules[...])", line
        if isinstance(func, cst.Name) and func.value == "exec" and call.args:
            if len(call.args) >= 2:
                if _is_namespace(ctx, call.args[1].value, dicts, modules):
                    return "exec(..., globals())", line
            elif ctx.ancestor(call, cst.FunctionDef, cst.ClassDef) is None:
                return "exec()", line
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value in _WRITERS
            and not _is_call(func.value)
            and _is_namespace(ctx, func.value, dicts, modules)
        ):
            return f"{ctx.code(func.value)}.{func.attr.value}()", line
    for node, shown in _stores(ctx, dicts, modules):
        if isinstance(node, cst.Subscript) and _names_key(ctx, node.slice, name):
            return f"{shown}[...]", ctx.start(node)[0]
        if isinstance(node, cst.Attribute) and node.attr.value == name:
            return shown, ctx.start(node)[0]
    return None


_WRITERS = ("update", "setdefault", "__setitem__")


def _is_call(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Call)


def _is_module(ctx: ModuleContext, node: cst.CSTNode, modules: set[str]) -> bool:
    """``sys.modules[__name__]`` (any ``modules[...]``), or a name bound to it."""
    if isinstance(node, cst.Name):
        return node.value in modules
    return isinstance(node, cst.Subscript) and ctx.code(node.value).endswith("modules")


def _is_namespace(
    ctx: ModuleContext, node: cst.CSTNode, dicts: set[str], modules: set[str]
) -> bool:
    """The module's namespace: ``globals()``, ``vars()``, ``vars(module)``,
    ``module.__dict__``, or a name bound to one."""
    if isinstance(node, cst.Name):
        return node.value in dicts
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Name):
        if node.func.value in _NAMESPACES and not node.args:
            return True
        return (
            node.func.value == "vars"
            and len(node.args) == 1
            and _is_module(ctx, node.args[0].value, modules)
        )
    return (
        isinstance(node, cst.Attribute)
        and node.attr.value == "__dict__"
        and _is_module(ctx, node.value, modules)
    )


_ALIASES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _aliases(ctx: ModuleContext) -> tuple[set[str], set[str]]:
    """The names bound to the namespace (``g = globals()``) and to the module
    (``this = sys.modules[__name__]``), in any function of the module."""
    known = _ALIASES.get(ctx)
    if known is not None:
        return known
    dicts: set[str] = set()
    modules: set[str] = set()
    pairs = [
        (t.target.value, node.value)
        for node in walk(ctx.module)
        if isinstance(node, cst.Assign)
        for t in node.targets
        if isinstance(t.target, cst.Name)
    ]
    grown = True
    while grown:
        grown = False
        for target, value in pairs:
            if target not in modules and _is_module(ctx, value, modules):
                modules.add(target)
                grown = True
            elif target not in dicts and _is_namespace(ctx, value, dicts, modules):
                dicts.add(target)
                grown = True
    _ALIASES[ctx] = (dicts, modules)
    return dicts, modules


def _stores(ctx: ModuleContext, dicts: set[str], modules: set[str]):
    """Stores into the namespace not made by a call: ``g["KEY"] = ...``,
    ``this.KEY = ...``, ``sys.modules[__name__].__dict__["KEY"] = ...``."""
    if not dicts and not modules and "__dict__" not in ctx.index.attributes:
        return
    for node in walk(ctx.module):
        if not isinstance(node, cst.AssignTarget):
            continue
        target = node.target
        if isinstance(target, cst.Subscript) and _is_namespace(
            ctx, target.value, dicts, modules
        ):
            yield target, ctx.code(target.value)
        elif isinstance(target, cst.Attribute) and _is_module(
            ctx, target.value, modules
        ):
            yield target, f"{ctx.code(target.value)}.{target.attr.value}"


def _names_key(ctx: ModuleContext, slices, name: str) -> bool:
    for element in slices:
        index = getattr(element.slice, "value", None)
        if not isinstance(index, cst.SimpleString) or index.evaluated_value == name:
            return True
    return False
