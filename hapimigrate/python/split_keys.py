"""``hapikey`` spelled in pieces that Python joins: a key use the fixers miss.

    requests.get(URL + "?hap" + "ikey=" + KEY)     # a ``+`` of string literals
    requests.get(URL, params={"hap" "ikey": KEY})  # implicit concatenation

The fixers match the literal ``hapikey`` in one string; joined at run time,
these send the key all the same. Each is a ``manual`` site (check fails on it,
apply exits 1), saying how to make it one the tool migrates: written as one
literal, it is the plain spelling. The text is evaluated as Python joins it:
adjacent literals of a ``+`` chain or of an implicit concatenation (an
f-string's text parts too), a non-literal operand breaking the run; a name
found inside one literal is the fixers' already.
"""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate import keys, prefilter
from hapimigrate.model import Kind, Status
from hapimigrate.python.context import ModuleContext

REASON = (
    "the name hapikey is written in pieces that Python joins at run time, which "
    'hapimigrate does not migrate: write it as one literal ("hapikey") and run '
    "hapimigrate again, or send the token here by hand"
)
_NAME = "hapikey"
_BREAK = "\0"  # where a value not written in the code stands
_VALUE = re.compile(r"=([^&\s\0#]*)")


def report(ctx: ModuleContext) -> None:
    """A manual site for each expression whose joined literals spell
    ``hapikey`` across two of them."""
    if not prefilter.split_key(ctx.text.encode("utf-8", "surrogatepass")):
        return
    for node in _roots(ctx.module):
        pieces = list(_pieces(node))
        text = "".join(pieces)
        bounds, at = [], 0
        for piece in pieces:
            bounds.append((at, at + len(piece)))
            at += len(piece)
        for match in re.finditer(_NAME, text, re.IGNORECASE):
            if any(a <= match.start() and match.end() <= b for a, b in bounds):
                continue  # within one literal: the fixers' own
            value = _VALUE.match(text, match.end())
            kind = Kind.URL if value is not None else Kind.PARAMS
            hardcoded = value is not None and keys.is_plausible_key(value.group(1))
            ctx.site(node, kind, Status.MANUAL, REASON, hardcoded_key=hardcoded)
            break


def _roots(module: cst.Module) -> list[cst.BaseExpression]:
    """The outermost ``+`` chains and implicit concatenations (one inside a
    chain's non-literal operand, ``f("hap" + "ikey")``, is a root of its own)."""
    found: list[cst.BaseExpression] = []
    inner: set[int] = set()

    def joined(node: cst.CSTNode) -> bool:
        return isinstance(node, cst.ConcatenatedString) or (
            isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add)
        )

    class _Visitor(cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            if joined(node) and id(node) not in inner:
                found.append(node)  # type: ignore[arg-type]
                stack = [node]
                while stack:  # the chain's own operands are not roots
                    current = stack.pop()
                    for child in (current.left, current.right):  # type: ignore[attr-defined]
                        if joined(child):
                            inner.add(id(child))
                            stack.append(child)
            return True

    module.visit(_Visitor())
    return found


def _pieces(node: cst.BaseExpression):
    """The text of each literal ``node`` joins, in order; a break for each
    value computed at run time."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        yield from _pieces(node.left)
        yield from _pieces(node.right)
    elif isinstance(node, cst.ConcatenatedString):
        yield from _pieces(node.left)
        yield from _pieces(node.right)
    elif isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        yield value.decode("latin-1") if isinstance(value, bytes) else value
    elif isinstance(node, cst.FormattedString):
        for part in node.parts:
            if isinstance(part, cst.FormattedStringText):
                yield part.value
            else:
                yield _BREAK
    else:
        yield _BREAK
