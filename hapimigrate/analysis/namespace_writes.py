"""Where a module writes its own namespace by name: ``globals()["KEY"] = key``,
``globals().update(KEY=...)``, ``setattr(sys.modules[__name__], "KEY", ...)``.
A name so written holds whatever was written (a tenant's key?), and a base URL
so rebound goes wherever it then points. Read by the key origins and by the
host checks (a leaf: it imports neither)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

if TYPE_CHECKING:
    from hapimigrate.python.context import ModuleContext

_NAMESPACES = ("globals", "vars")


def namespace_write(ctx: ModuleContext, name: str) -> tuple[str, int] | None:
    """Where the module's namespace is written by name: ``globals()[name] =``,
    ``globals().update(name=...)``, ``setattr(sys.modules[__name__], name, ...)``
    (any key not written out counts)."""
    for call in ctx.index.calls:
        func = call.func
        line = ctx.start(call)[0]
        if isinstance(func, cst.Name) and func.value in _NAMESPACES:
            holder = ctx.parent(call)
            if isinstance(holder, cst.Subscript) and holder.value is call:
                store = ctx.parent(holder)
                if isinstance(store, cst.AssignTarget) and _names_key(
                    ctx, holder.slice, name
                ):
                    return f"{func.value}()[...]", line
            if isinstance(holder, cst.Attribute) and holder.attr.value in (
                "update",
                "setdefault",
                "__setitem__",
            ):
                return f"{func.value}().{holder.attr.value}()", line
        if (
            isinstance(func, cst.Name)
            and func.value == "setattr"
            and len(call.args) >= 2
            and "modules" in ctx.code(call.args[0].value)
        ):
            key = call.args[1].value
            if not isinstance(key, cst.SimpleString) or key.evaluated_value == name:
                return "setattr(sys.modules[...])", line
    return None


def _names_key(ctx: ModuleContext, slices, name: str) -> bool:
    for element in slices:
        index = getattr(element.slice, "value", None)
        if not isinstance(index, cst.SimpleString) or index.evaluated_value == name:
            return True
    return False
