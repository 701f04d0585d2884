"""What an expression is known to be from the source alone: the URL template a
string expression renders to (module constants resolved, the rest shown as
``{name}``), and whether a key expression is a literal written in the code."""

from __future__ import annotations

import re
from typing import Mapping, Sequence

import libcst as cst

from hapimigrate.python.context import ModuleContext
from hapimigrate.analysis import querystring

_DEPTH = 6
_FIELD = re.compile(r"\{(\w+)\}")
_STRINGISH = (
    cst.SimpleString,
    cst.ConcatenatedString,
    cst.FormattedString,
    cst.BinaryOperation,
)


def url_template(
    ctx: ModuleContext,
    node: cst.CSTNode,
    bindings: Mapping[str, str] | None = None,
    depth: int = 0,
) -> str:
    """The text ``node`` renders to; ``bindings`` gives the text of names (the
    arguments a wrapper function was called with)."""
    again = lambda child: url_template(ctx, child, bindings, depth)  # noqa: E731
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    if isinstance(node, cst.ConcatenatedString):
        return again(node.left) + again(node.right)
    if isinstance(node, cst.FormattedString):
        return "".join(
            (
                part.value
                if isinstance(part, cst.FormattedStringText)
                else again(part.expression)
            )
            for part in node.parts
        )
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Add):
            return again(node.left) + again(node.right)
        if isinstance(node.operator, cst.Modulo):
            return _fill_percent(again(node.left), node.right, again)
    if _is_format_call(node):
        return _fill_braces(again(node.func.value), node.args, again)
    if isinstance(node, cst.Name) and bindings and node.value in bindings:
        return bindings[node.value]
    if depth < _DEPTH:
        value = None
        if isinstance(node, cst.Name):
            parts = _built_value(ctx, node)
            if parts is not None:
                return "".join(url_template(ctx, p, None, depth + 1) for p in parts)
        elif isinstance(node, cst.Attribute):
            value = _class_attribute(ctx, node)
        if isinstance(value, _STRINGISH) or _is_format_call(value):
            return url_template(ctx, value, None, depth + 1)
    return "{" + _placeholder(ctx, node) + "}"


def _fill_braces(template: str, args: Sequence[cst.Arg], render) -> str:
    """``"{base}/x/{}".format(base=BASE, i)`` with the arguments' text filled in."""
    positional = [render(a.value) for a in args if a.keyword is None and not a.star]
    named = {a.keyword.value: render(a.value) for a in args if a.keyword is not None}

    def value(field: querystring.Field) -> str:
        ref = field.ref
        if isinstance(ref, int):
            if ref < len(positional):
                return positional[ref]
        return named.get(ref, template[field.start : field.end])

    return querystring.fill_braces(template, value)


def _fill_percent(template: str, right: cst.BaseExpression, render) -> str:
    """``"%s/x/%s" % (BASE, i)`` with the arguments' text filled in."""
    if isinstance(right, cst.Tuple):
        values = [render(e.value) for e in right.elements]
    elif isinstance(right, cst.Dict):
        values = []
    else:
        values = [render(right)]
    mapping = {
        e.key.evaluated_value: render(e.value)
        for e in (right.elements if isinstance(right, cst.Dict) else ())
        if isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString)
    }

    def value(field: querystring.Field) -> str:
        if isinstance(field.ref, str):
            return mapping.get(field.ref, "{}")
        return values[field.ref] if field.ref < len(values) else "{}"

    return querystring.fill_percent(template, value)


def placeholders(template: str) -> set[str]:
    return set(_FIELD.findall(template))


def _class_attribute(ctx: ModuleContext, node: cst.Attribute) -> cst.CSTNode | None:
    """The value of ``self.BASE`` when the class body assigns ``BASE = ...``."""
    if not (isinstance(node.value, cst.Name) and node.value.value in ("self", "cls")):
        return None
    owner = ctx.ancestor(node, cst.ClassDef)
    if owner is None:
        return None
    for statement in owner.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)
                    and small.targets[0].target.value == node.attr.value
                ):
                    return small.value
    return None


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


def _built_value(ctx: ModuleContext, name: cst.Name) -> list[cst.BaseExpression] | None:
    """The parts of a string that one assignment starts and ``+=`` extends
    (``url = BASE + path`` then ``url += "?count=1"``), in source order."""
    scope = ctx.lexical_scope(name)
    if scope is None:
        return None
    bindings = sorted(
        (
            a.node
            for a in scope[name.value]
            if isinstance(getattr(a, "node", None), cst.Name)
        ),
        key=ctx.start,
    )
    if not bindings:
        return None
    first = _single_value_of(ctx, bindings[0])
    if not isinstance(first, _STRINGISH) and not _is_format_call(first):
        return None
    parts = [first]
    for binding in bindings[1:]:
        holder = ctx.parent(binding)
        if not (
            isinstance(holder, cst.AugAssign)
            and isinstance(holder.operator, cst.AddAssign)
        ):
            return None
        parts.append(holder.value)
    return parts


def _single_value_of(ctx: ModuleContext, target: cst.Name) -> cst.BaseExpression | None:
    holder = ctx.parent(target)
    if isinstance(holder, cst.AssignTarget):
        statement = ctx.parent(holder)
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            return statement.value
    if isinstance(holder, cst.AnnAssign) and holder.value is not None:
        return holder.value
    return None


def _single_value(ctx: ModuleContext, name: cst.Name) -> cst.BaseExpression | None:
    """The value of ``name`` when exactly one plain assignment binds it."""
    scope = ctx.lexical_scope(name)
    if scope is None:
        return None
    assignments = list(scope[name.value])
    if len(assignments) != 1:
        return None
    target = getattr(assignments[0], "node", None)
    return _single_value_of(ctx, target) if isinstance(target, cst.Name) else None


def is_literal_key(ctx: ModuleContext, node: cst.CSTNode, depth: int = 0) -> bool:
    """Whether a key expression is (or names) a string literal in the source."""
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        return True
    if isinstance(node, cst.Name) and depth < _DEPTH:
        value = _single_value(ctx, node)
        return value is not None and is_literal_key(ctx, value, depth + 1)
    return False
