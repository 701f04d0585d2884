"""The ``%`` arguments of a keyed URL's formatting, bound to a local name.

    def contact_history(vid):
        args = (vid, API_KEY, "value_and_history")
        return requests.get((BASE + CONTACT + KEY_QS) % args).json()

The arguments are not written at the ``%``, but they are one tuple display the
function binds once and reads only there: dropping the key's element from that
display is dropping it from the ``%`` (:func:`bound_tuple` proves it). Where that
is not proven, :func:`unwritten_reason` says what a person must do, instead of
"the arguments do not match the template" (they may well match).
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import Assignment, FunctionScope

from hapimigrate.python.context import ModuleContext


def bound_tuple(ctx: ModuleContext, right: cst.BaseExpression) -> cst.Tuple | None:
    """The tuple display ``right`` (a name) always holds where the ``%`` reads
    it: a local of a function, bound by one plain assignment ``name = (...)``
    of a tuple without ``*``, not declared ``global``/``nonlocal``, and read
    nowhere else (dropping an element of the display changes this ``%`` only).
    None otherwise."""
    if not isinstance(right, cst.Name):
        return None
    scope = ctx.lexical_scope(right)
    if not isinstance(scope, FunctionScope):
        return None
    bindings = list(scope[right.value])
    if len(bindings) != 1 or len(list(scope.assignments[right.value])) != 1:
        return None
    binding = bindings[0]
    if not isinstance(binding, Assignment) or binding.scope is not scope:
        return None  # a parameter, an import, a global or an enclosing function's
    if [ref.node for ref in binding.references] != [right]:
        return None  # read elsewhere too (or deleted)
    target = binding.node
    holder = ctx.parent(target)
    statement = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    if (
        not isinstance(statement, cst.Assign)
        or len(statement.targets) != 1
        or statement.targets[0].target is not target
    ):
        return None
    value = statement.value
    if not isinstance(value, cst.Tuple) or any(
        isinstance(e, cst.StarredElement) for e in value.elements
    ):
        return None
    return value


def unwritten_reason(ctx: ModuleContext, right: cst.BaseExpression) -> str:
    """Why the key's argument cannot be dropped from ``%`` arguments that are
    not written at the ``%`` (``TEMPLATE % args``)."""
    return (
        f"the % at line {ctx.start(right)[0]} takes its arguments from "
        f"{ctx.code(right)}, not written out there: the key's cannot be told "
        "apart and dropped; write them out at the % (or drop the key's where "
        "they are made), by hand"
    )


def only_key_reason(ctx: ModuleContext, right: cst.Name, value: cst.Tuple) -> str:
    """Why a bound tuple holding the key's arguments only is left."""
    return (
        f"the % arguments are {right.value} (line {ctx.start(value)[0]}), which "
        "holds the key's only: drop it and the % by hand"
    )
