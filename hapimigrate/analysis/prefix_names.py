"""Which names hold a ``...?hapikey=`` prefix the key is joined to elsewhere.

``API_KEY = "?hapikey="`` then ``url = BASE + path + API_KEY + key``: a branch
building its URL that way adds the key as surely as one writing
``"?hapikey=" + key`` inline, though its text does not say hapikey
(:mod:`hapimigrate.fixers.prefix_names` migrates such prefixes). Tells the
analyses that read a statement's text for the key (``key_conditions``: does
every branch of a test add the key?) that the name stands for it.
"""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.edits import plus_operands

KEY_TAIL = re.compile(r"[?&]hapikey=$")


def is_prefix_literal(node: cst.CSTNode | None) -> bool:
    """A plain string literal whose text ends with ``?hapikey=`` or ``&hapikey=``."""
    if not isinstance(node, cst.SimpleString) or "b" in node.prefix.lower():
        return False
    value = node.evaluated_value
    return isinstance(value, str) and KEY_TAIL.search(value) is not None


def mentions_prefix(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` reads a name bound once, to such a literal."""
    for name in _names(node):
        scope = ctx.lexical_scope(name)
        if scope is None:
            continue
        bindings = list(scope[name.value])
        if len(bindings) != 1:
            continue
        bound = getattr(bindings[0], "node", None)
        statement = ctx.parent(ctx.parent(bound)) if bound is not None else None
        if (
            isinstance(statement, cst.Assign)
            and len(statement.targets) == 1
            and statement.targets[0].target is bound
            and is_prefix_literal(statement.value)
        ):
            return True
    return False


def joined_to_prefix(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` is the operand right after such a name in a ``+`` chain
    (``api_endpoint = hs_url + api_key``): the key it reads is sent as surely as
    in ``"...?hapikey=" + api_key``, though the statement does not say hapikey."""
    operands = plus_operands(values.string_root(ctx, node))
    index = next((i for i, o in enumerate(operands) if o is node), 0)
    return (
        index > 0
        and isinstance(operands[index - 1], cst.Name)
        and mentions_prefix(ctx, operands[index - 1])
    )


def _names(node: cst.CSTNode) -> list[cst.Name]:
    found: list[cst.Name] = []

    class Collect(cst.CSTVisitor):
        def visit_Name(self, name: cst.Name) -> None:
            found.append(name)

        def visit_Attribute(self, attribute: cst.Attribute) -> bool:
            attribute.value.visit(self)  # not the attribute's own name
            return False

    node.visit(Collect())
    return found
