"""What an expression is known to be from the source alone: the URL template a
string expression renders to (module constants resolved, the rest shown as
``{name}``), and whether a key expression is a literal written in the code."""

from __future__ import annotations

import libcst as cst

from hapimigrate.context import ModuleContext

_DEPTH = 6
_STRINGISH = (
    cst.SimpleString,
    cst.ConcatenatedString,
    cst.FormattedString,
    cst.BinaryOperation,
)


def url_template(ctx: ModuleContext, node: cst.CSTNode, depth: int = 0) -> str:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    if isinstance(node, cst.ConcatenatedString):
        return url_template(ctx, node.left, depth) + url_template(
            ctx, node.right, depth
        )
    if isinstance(node, cst.FormattedString):
        return "".join(
            (
                part.value
                if isinstance(part, cst.FormattedStringText)
                else "{" + _placeholder(ctx, part.expression) + "}"
            )
            for part in node.parts
        )
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Add):
            return url_template(ctx, node.left, depth) + url_template(
                ctx, node.right, depth
            )
        if isinstance(node.operator, cst.Modulo):
            return url_template(ctx, node.left, depth)
    if _is_format_call(node):
        return url_template(ctx, node.func.value, depth)
    if isinstance(node, cst.Name) and depth < _DEPTH:
        value = _single_value(ctx, node)
        if isinstance(value, _STRINGISH) or _is_format_call(value):
            return url_template(ctx, value, depth + 1)
    return "{" + _placeholder(ctx, node) + "}"


def _is_format_call(node: cst.CSTNode | None) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
    )


def _placeholder(ctx: ModuleContext, node: cst.CSTNode) -> str:
    """A path-parameter name for a value: ``{deal_id}`` for ``str(deal_id)``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Call) and len(node.args) == 1:
        return _placeholder(ctx, node.args[0].value)
    if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name):
        return node.value.value
    return "value"


def _single_value(ctx: ModuleContext, name: cst.Name) -> cst.BaseExpression | None:
    """The value of ``name`` when exactly one plain assignment binds it."""
    scope = ctx.scope(name)
    if scope is None:
        return None
    assignments = list(scope[name.value])
    if len(assignments) != 1:
        return None
    target = getattr(assignments[0], "node", None)
    holder = ctx.parent(target) if target is not None else None
    if isinstance(holder, cst.AssignTarget):
        statement = ctx.parent(holder)
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            return statement.value
    if isinstance(holder, cst.AnnAssign) and holder.value is not None:
        return holder.value
    return None


def is_literal_key(ctx: ModuleContext, node: cst.CSTNode, depth: int = 0) -> bool:
    """Whether a key expression is (or names) a string literal in the source."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        return True
    if isinstance(node, cst.Name) and depth < _DEPTH:
        value = _single_value(ctx, node)
        return value is not None and is_literal_key(ctx, value, depth + 1)
    return False
