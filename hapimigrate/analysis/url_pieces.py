"""A URL expression flattened into pieces: literal text and opaque values.

``BASE + "/owners?hapikey=" + KEY``, an f-string, adjacent literals: each
piece is source text (with where it sits, so that it can be cut) or an
expression whose value is not known here. :mod:`hapimigrate.analysis.querystring`
finds the key among them; the URL fixers cut it, and
:mod:`hapimigrate.fixers.rebound_keys` asks which name is the key's value.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis.querystring import Piece
from hapimigrate.python.edits import plus_operands

# A piece's node says where its text or value sits in the tree, so it can be cut.


@dataclass(frozen=True)
class OperandAt:
    """Operand ``index`` of the ``+`` chain ``chain``."""

    chain: cst.BaseExpression
    index: int

    @property
    def node(self) -> cst.BaseExpression:
        return plus_operands(self.chain)[self.index]


@dataclass(frozen=True)
class TextAt:
    """Literal text at ``offset`` in ``node.value``; ``operand``: the operand of
    a ``+`` chain the literal is, if it is one."""

    node: cst.SimpleString | cst.FormattedStringText
    offset: int
    operand: OperandAt | None = None


@dataclass(frozen=True)
class FieldAt:
    """Replacement field ``index`` of the f-string ``fstring``."""

    fstring: cst.FormattedString
    index: int

    @property
    def node(self) -> cst.BaseExpression:
        return self.fstring.parts[self.index].expression  # type: ignore[union-attr]


def pieces_of(root: cst.BaseExpression) -> list[Piece]:
    operands = plus_operands(root)
    if len(operands) == 1:
        return _string_pieces(root, None)
    pieces: list[Piece] = []
    for index, operand in enumerate(operands):
        at = OperandAt(root, index)
        if isinstance(
            operand, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)
        ):
            pieces += _string_pieces(operand, at)
        else:
            pieces.append(Piece(None, at))
    return pieces


def _string_pieces(node: cst.BaseExpression, operand: OperandAt | None) -> list[Piece]:
    if isinstance(node, cst.SimpleString):
        start = len(node.prefix) + len(node.quote)
        body = node.value[start : len(node.value) - len(node.quote)]
        return [Piece(body, TextAt(node, start, operand))]
    if isinstance(node, cst.FormattedString):
        return [
            (
                Piece(part.value, TextAt(part, 0))
                if isinstance(part, cst.FormattedStringText)
                else Piece(None, FieldAt(node, index))
            )
            for index, part in enumerate(node.parts)
        ]
    if isinstance(node, cst.ConcatenatedString):
        return _string_pieces(node.left, None) + _string_pieces(node.right, None)
    return [Piece(None, operand)] if operand else []
