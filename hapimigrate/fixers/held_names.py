"""The parameter name ``"hapikey"`` held in a value and sent from there:

    class BaseClient:
        auth_param = "hapikey"
        def _auth(self):
            return {self.auth_param: self.api_key}

    KEY_PARAM = "hapikey"; params = {KEY_PARAM: KEY}
    def call(path, key, key_param="hapikey"): ...

No fixer follows a name to the mappings it keys, so such a literal that no
other site accounts for is left for a person, with the name that holds it:
never passed over in silence ("0 findings" while the key is still sent).
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from hapimigrate.fixers.registry import is_key_literal, register
from hapimigrate.model import Kind, Status
from hapimigrate.python.context import ModuleContext

HELD = (
    'the query parameter name "hapikey" is held in {}, and the key is sent where '
    "that is used: hapimigrate does not follow it; migrate those requests by hand"
)


@register("held-names", cst.SimpleString, is_key_literal)
def fix(ctx: ModuleContext, strings: Sequence[cst.CSTNode]) -> None:
    for node in strings:
        holder = _holder(ctx, node)
        if holder is not None and not _accounted_for(ctx, node):
            ctx.site(node, Kind.PARAMS, Status.MANUAL, HELD.format(holder))


def _holder(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """What holds the literal as a value: a name or attribute assigned it, a
    parameter defaulting to it, a keyword argument, a function returning it."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.Assign) and parent.value is node:
        return ", ".join(ctx.code(t.target) for t in parent.targets)
    if isinstance(parent, cst.AnnAssign) and parent.value is node:
        return ctx.code(parent.target)
    if isinstance(parent, cst.Param) and parent.default is node:
        return f"the default of parameter {parent.name.value}"
    if isinstance(parent, cst.Arg) and parent.keyword is not None:
        return f"the argument {parent.keyword.value}="
    if isinstance(parent, cst.Return):
        function = ctx.ancestor(parent, cst.FunctionDef)
        name = function.name.value if isinstance(function, cst.FunctionDef) else "?"
        return f"what {name}() returns"
    return None


def _accounted_for(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """A site of the statement holding it already tells (a fixer's own)."""
    statement = ctx.ancestor(node, cst.SimpleStatementLine) or node
    start, end = ctx.start(statement)[0], ctx.end(statement)[0]
    return any(s.line <= end and start <= s.end_line for s in ctx.sites)
