"""Whether an expression added after a URL's key is a query tail.

    options = ''
    if count:
        options += '&count=' + str(count)
    for prop in props:
        options += '&property=' + str(prop)
    url = BASE + '/contacts/v1/lists/all/contacts/all?hapikey=' + self.key + options

``options`` is a *query tail*: a local variable of the function whose every
binding is an empty string or text starting ``&name=`` (a parameter name
written in the code, never ``hapikey``), or such text appended to it
(``+=``, ``options = options + '&...'``), the text formatted with ``%``
(``options = '&limit=%d' % limit``) as well. Whatever runs, it holds ``''`` or
``&a=1&b=2``: more parameters of the same query, never the key. Cutting
``hapikey=KEY`` and keeping the ``?`` leaves ``...?`` or ``...?&a=1&b=2``,
the same query without the key.

A parameter (its callers' tails are not seen here), an attribute, a global,
a tail naming a parameter at run time (``'&' + name + '='``) or holding
``hapikey`` is not a proven tail: the URL stays for a person.
"""

from __future__ import annotations

import re
from typing import Callable

import libcst as cst
from libcst.metadata import FunctionScope

from hapimigrate.analysis.querystring import Piece
from hapimigrate.analysis.url_pieces import FieldAt, OperandAt, pieces_of
from hapimigrate.python.edits import plus_operands
from hapimigrate.python.context import ModuleContext

# "&name=" with the parameter's name written in the code
_PARAMETER = re.compile(r"&[^&=#?\s]+=")
_STRINGS = (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)


def is_query_tail(ctx: ModuleContext, node: cst.BaseExpression | None) -> bool:
    """Whether ``node`` (an operand added after the key's value) is a local
    variable that only ever holds ``''`` or ``&name=...`` parameters."""
    if _formatted_pieces(node) is not None:  # + '&limit=%d' % limit
        return _parameters([node])
    if not isinstance(node, cst.Name):
        return False
    scope = ctx.lexical_scope(node)
    if not isinstance(scope, FunctionScope):
        return False
    bindings = list(scope[node.value])
    if not bindings or any(b.scope is not scope for b in bindings):
        return False  # a global, a closure's variable
    function = scope.node
    if _declared_nonlocal(function, node.value):
        return False
    return all(_binds_tail(ctx, getattr(b, "node", None), node.value) for b in bindings)


def _declared_nonlocal(function: cst.CSTNode, name: str) -> bool:
    """A nested function of ``function`` rebinding ``name`` (``nonlocal``)."""
    found = False

    class Finder(cst.CSTVisitor):
        def visit_Nonlocal(self, statement: cst.Nonlocal) -> None:
            nonlocal found
            found = found or any(n.name.value == name for n in statement.names)

        def visit_Global(self, statement: cst.Global) -> None:
            nonlocal found
            found = found or any(n.name.value == name for n in statement.names)

    function.visit(Finder())
    return found


def _binds_tail(ctx: ModuleContext, target: cst.CSTNode | None, name: str) -> bool:
    """A binding ``name = <tail>``, ``name += <parameters>`` or
    ``name = name + <parameters>``; anything else (a parameter, a loop
    target, a tuple, ``with ... as``) is not proven."""
    if not isinstance(target, cst.Name):
        return False
    holder = ctx.parent(target)
    if isinstance(holder, cst.AugAssign) and holder.target is target:
        return isinstance(holder.operator, cst.AddAssign) and _parameters(holder.value)
    if not isinstance(holder, cst.AssignTarget):
        return False
    statement = ctx.parent(holder)
    if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
        return False
    value = statement.value
    if _empty(value):
        return True
    operands = plus_operands(value)
    if operands[0].deep_equals(cst.Name(name)):  # options = options + '&a=' + a
        operands = operands[1:]
    return _parameters(operands)


def _empty(value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.SimpleString) and value.evaluated_value in ("", b"")


def _parameters(operands: list[cst.BaseExpression] | cst.BaseExpression) -> bool:
    """Text that starts with ``&name=``, names every parameter it adds in its
    own literal text, and never mentions ``hapikey``."""
    if isinstance(operands, cst.BaseExpression):
        operands = plus_operands(operands)
    pieces: list[Piece] = []
    for operand in operands:
        formatted = _formatted_pieces(operand)
        if formatted is not None:
            pieces += formatted
        elif isinstance(operand, _STRINGS):
            pieces += pieces_of(operand)
        else:
            pieces.append(Piece(None, operand))
    if not pieces or pieces[0].text is None or not pieces[0].text.startswith("&"):
        return False
    for piece in pieces:
        if piece.text is None:
            continue
        if "hapikey" in piece.text.lower():
            return False
        for at in (i for i, c in enumerate(piece.text) if c == "&"):
            if not _PARAMETER.match(piece.text, at):
                return False  # '&' + name + '=': a name chosen at run time
    return True


# a conversion of printf-style formatting: %d, %(name)s, %-5.2f, %%
_CONVERSION = re.compile(
    r"%(?:\([^)]*\))?[#0 +\-]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa%]"
)


def _formatted_pieces(operand: cst.BaseExpression) -> list[Piece] | None:
    """The pieces ``'&limit=%d' % limit`` makes: its format's text between
    the conversions, and each conversion's value (whatever it is at run time,
    like ``+ str(limit)``); None for any other expression, or a format this
    cannot read."""
    if not (
        isinstance(operand, cst.BinaryOperation)
        and isinstance(operand.operator, cst.Modulo)
        and isinstance(operand.left, (cst.SimpleString, cst.ConcatenatedString))
    ):
        return None
    text = operand.left.evaluated_value
    if not isinstance(text, str):
        return None  # bytes, or a part that is an f-string
    pieces: list[Piece] = []
    at = 0
    for conversion in _CONVERSION.finditer(text):
        pieces.append(Piece(text[at : conversion.start()], None))
        if conversion.group().endswith("%"):
            pieces.append(Piece("%", None))  # %% is the text %
        else:
            pieces.append(Piece(None, operand.right))
        at = conversion.end()
    pieces.append(Piece(text[at:], None))
    if "%" in _CONVERSION.sub("", text):
        return None  # a conversion this does not know
    return [p for p in pieces if p.text != ""]


def tail_test(ctx: ModuleContext) -> Callable[[OperandAt | FieldAt], bool]:
    """The ``is_tail`` test :func:`querystring.find_key` takes: an operand of
    the URL's ``+`` chain, or a plain f-string field (no ``!r``, no format
    spec), that is a proven query tail."""

    def test(at: OperandAt | FieldAt) -> bool:
        if isinstance(at, FieldAt):
            part = at.fstring.parts[at.index]
            if (
                not isinstance(part, cst.FormattedStringExpression)
                or part.conversion is not None
                or part.format_spec is not None
            ):
                return False
        return is_query_tail(ctx, at.node)

    return test
