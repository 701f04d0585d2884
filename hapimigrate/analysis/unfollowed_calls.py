"""Why a keyed value handed to a function is not followed, said precisely.

    from request_utilities import post_json      # request_utilities.py: not in the tree
    url = "{}/companies/v2/domains/{}/companies?hapikey={}".format(BASE, d, KEY)
    r = post_json(url, body, headers)

The flow follows a value into the functions of its module and, through the
tree's passes, into helpers of other modules of the tree. A function imported
from a module the tree does not hold is out of sight: what it sends, and where,
cannot be known. :func:`outside_tree` says so, so that the person knows the
site waits on that module (run hapimigrate on a tree holding it, or migrate the
two together), not on hapimigrate following the call.

A method of the value the flow does not know (``TEMPLATE.format_map(SafeMap(
**fields))``) is named with its line and what the person can do
(:func:`method_called`).
"""

from __future__ import annotations

import sys

import libcst as cst

from hapimigrate.python.context import ModuleContext
from hapimigrate.tree_imports import module_file


def outside_tree(ctx: ModuleContext, call: cst.Call) -> str:
    """``": post_json() comes from request_utilities, ..."`` for a function
    imported from a module that is neither in the tree nor the standard
    library, else ""."""
    module = _imported_module(ctx, call.func)
    shown = f"{ctx.code(call.func)}()"
    base = _super_base(ctx, call)
    if base is not None:  # super().run(...): the base class's method
        module = _imported_module(ctx, base)
        shown = f"{shown}, of {ctx.code(base)},"
    if module is None:
        return ""
    dotted = module.lstrip(".")
    level = len(module) - len(dotted)
    top = dotted.split(".")[0]
    if not level and top in sys.stdlib_module_names:
        return ""
    if module_file(ctx.path, dotted, level) is not None:
        return ""
    return (
        f": {shown} comes from {module}, which is not in this tree "
        "(another repository, an installed package?): what it sends, and where, "
        "cannot be seen; migrate it together with this code, or run hapimigrate on "
        "a tree holding it"
    )


def _super_base(ctx: ModuleContext, call: cst.Call) -> cst.BaseExpression | None:
    """The one base class of the class whose method calls ``super().name()``."""
    func = call.func
    if not (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Call)
        and isinstance(func.value.func, cst.Name)
        and func.value.func.value == "super"
    ):
        return None
    owner = ctx.ancestor(call, cst.ClassDef)
    if owner is None or len(owner.bases) != 1:
        return None
    return owner.bases[0].value


def _imported_module(ctx: ModuleContext, func: cst.BaseExpression) -> str | None:
    """The module a called name or attribute chain was imported from
    (``request_utilities`` for ``post_json`` of ``from request_utilities import
    post_json``, or for ``ru.post_json`` of ``import request_utilities as ru``)."""
    names = ctx.qualified_names(func)
    if len(names) != 1:
        return None
    [qualified] = names
    module, _, name = qualified.rpartition(".")
    if not module or not name or module == "builtins":
        return None
    head = func
    while isinstance(head, cst.Attribute):
        head = head.value
    if not isinstance(head, cst.Name) or not _is_imported(ctx, head):
        return None
    return module


def _is_imported(ctx: ModuleContext, name: cst.Name) -> bool:
    """Whether ``name`` is bound by an import (and only by one)."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    return len(bindings) == 1 and isinstance(
        getattr(bindings[0], "node", None), (cst.Import, cst.ImportFrom)
    )


def method_called(ctx: ModuleContext, call: cst.Call, method: str) -> str:
    """Why a value whose ``.method()`` is called is not followed past it."""
    line = ctx.start(call)[0]
    if method == "format_map":
        return (
            f"the value's .format_map() is called (line {line}): the mapping's "
            "fields are not read one by one, so the key's field cannot be dropped "
            "from it; fill the template with .format(...) written out, or migrate "
            "by hand"
        )
    return (
        f"the value's .{method}() is called (line {line}), which hapimigrate does "
        "not follow: what it returns may still hold the key; migrate by hand"
    )
