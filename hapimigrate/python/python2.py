"""Python 2 files, through a normalised text LibCST takes (see roundtrip).

``fissix`` (the maintained fork of lib2to3, whose lossless parser reads Python
2) parses the file; only the Python 2 statements and tokens are written the
Python 3 way, on the lines they occur, without adding or removing a line:

    print x, y           -> print( x, y)        print >>f, x -> print( f, x)
    exec code in ns      -> exec( code, ns)     raise E, v   -> raise E( v)
    except E, e:         -> except E as e:      `x`          -> repr(x)
    0777, 10L            -> 0o777, 10           ur"\\d"       -> r"\\d"
    a <> b               -> a != b              tabs mixed with spaces -> spaces

These lines are ``altered``: a migration that changes one leaves the file to a
person, with the line to write. The codemod runs in its Python 2 style
(``dict(h or {}, Authorization=...)``, never ``{**h}`` or an f-string), and the
transplanted file must parse with Python 2's grammar, with no construct only
Python 3 has on any line.
"""

from __future__ import annotations

import io
import re

from fissix import pygram, pytree
from fissix.pgen2 import driver, token
from fissix.pgen2.parse import ParseError
from fissix.pgen2.tokenize import TokenError, detect_encoding
from fissix.pygram import python_symbols as syms
from fissix.refactor import _detect_future_features

from hapimigrate.python import roundtrip
from hapimigrate.python.roundtrip import Normalised

PRINT = "is a Python 2 print statement"
EXEC = "is a Python 2 exec statement"
EXCEPT = "is a Python 2 except clause (except E, e)"
RAISE = "is a Python 2 raise statement (raise E, v)"
BACKQUOTES = "has Python 2 backquotes"
NUMBER = "has a Python 2 number (an octal 0777 or a long 10L)"
STRING = "has a Python 2 ur'' string"
NOT_EQUAL = "has Python 2's <> operator"
TABS = "mixes tabs and spaces in its indentation"

_OCTAL = re.compile(r"0([0-7]+)[lL]?")
_LONG = re.compile(r"(0[xX][0-9a-fA-F]+|0[oObB]?[0-9]+|[1-9][0-9]*|0)[lL]")
_UR = re.compile(r"[uU](?=[rR])")
_INDENT = re.compile(rb"[ \t]*")


def normalise(data: bytes, strict: bool = False) -> Normalised | None:
    """The file's normalised text, or None where it does not parse as Python 2
    (or LibCST cannot take even the normalised text). ``strict``: None too where
    a line holds what only Python 3 has (see parses)."""
    parsed = _parse(data)
    if parsed is None:
        return None
    tree, encoding, missing_end = parsed
    if strict and any(_python3_only(tree)):
        return None
    altered: dict[int, str] = {}
    _rewrite(tree, altered, statement=_print_statement(tree))
    text = str(tree)
    if missing_end:
        text = text[:-1]
    try:
        new = text.encode(encoding)
    except UnicodeEncodeError:
        return None
    contents, ends = roundtrip.split(data)
    normal, _ = roundtrip.split(new)
    if len(normal) != len(contents):
        return None
    protected = _string_lines(tree)
    normal, more = roundtrip.normalise_lines(normal, protected)
    for index, reason in more.items():
        altered.setdefault(index, reason)
    text_bytes = roundtrip.join(normal, ends)
    if not roundtrip.round_trips(text_bytes):
        normal = _expand_tabs(normal, protected, altered)
        text_bytes = roundtrip.join(normal, ends)
        if not roundtrip.round_trips(text_bytes):
            return None
    for index, (old, now) in enumerate(zip(contents, normal)):
        if old != now:
            altered.setdefault(index, "is written differently for the parser")
    return Normalised(
        text_bytes,
        tuple(data.splitlines(keepends=True)),
        altered,
        dialect="Python 2",
        again=_again,  # parses as Python 2 too: one parse
    )


def _again(new: bytes) -> bytes | None:
    """The normalised text of a transplanted file; None unless it is Python 2."""
    norm = normalise(new, strict=True)
    return norm.text if norm is not None else None


def parses(data: bytes) -> bool:
    """Whether ``data`` is Python 2: it parses with Python 2's grammar (print a
    statement, unless the file imports print_function), and no line holds what
    only Python 3 has (an f-string, ``**``/``*`` in a display, ``nonlocal``)."""
    parsed = _parse(data)
    return parsed is not None and not any(_python3_only(parsed[0]))


def _parse(data: bytes) -> tuple[pytree.Node, str, bool] | None:
    contents, ends = roundtrip.split(data)
    text_bytes = roundtrip.join(contents, ends)
    try:
        encoding, _ = detect_encoding(io.BytesIO(text_bytes).readline)
        text = text_bytes.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        return None
    missing_end = not text.endswith("\n")
    if missing_end:
        text += "\n"  # the parser wants a last line end
    grammar = (
        pygram.python_grammar_no_print_statement
        if "print_function" in _detect_future_features(text)
        else pygram.python_grammar
    )
    try:
        tree = driver.Driver(grammar, convert=pytree.convert).parse_string(text)
        if str(tree) != text:  # lossless, or nothing
            return None
    except (ParseError, TokenError, IndentationError, RecursionError, MemoryError):
        return None  # too deep a tree is too deep for LibCST's parser too
    return tree, encoding, missing_end


def _mark(altered: dict[int, str], node: pytree.Base, reason: str) -> None:
    leaves = list(node.leaves())
    first = leaves[0].lineno
    last = leaves[-1].lineno + leaves[-1].value.count("\n")
    for line in range(first, last + 1):
        altered.setdefault(line - 1, reason)


def _last_leaf(node: pytree.Base) -> pytree.Leaf:
    return list(node.leaves())[-1]


def _print_statement(tree: pytree.Node) -> bool:
    """Whether ``print`` is a statement in the file (no print_function import)."""
    return "print_function" not in _detect_future_features(str(tree))


def _rewrite(tree: pytree.Node, altered: dict[int, str], statement: bool) -> None:
    """Python 2's statements and tokens written the Python 3 way, in place;
    ``statement``: a bare ``print`` is a statement, not a name."""
    for node in list(tree.post_order()):  # inner first: ``)`` goes after theirs
        if isinstance(node, pytree.Leaf):
            _rewrite_leaf(node, altered, statement)
        elif node.type == syms.print_stmt:
            args = node.children[1:]
            if (
                len(args) == 1
                and args[0].type == syms.atom
                and args[0].children[0].value == "("
            ):
                continue  # print (x): a call in Python 3 too
            _mark(altered, node, PRINT)
            for child in args:
                if isinstance(child, pytree.Leaf) and child.value == ">>":
                    child.value = ""
            node.children[0].value = "print("
            _last_leaf(node).value += ")"
        elif node.type == syms.exec_stmt:
            _mark(altered, node, EXEC)
            for child in node.children[2:]:
                if isinstance(child, pytree.Leaf) and child.value == "in":
                    child.value, child.prefix = ",", ""
            node.children[0].value = "exec("
            _last_leaf(node).value += ")"
        elif node.type == syms.except_clause and len(node.children) == 4:
            comma = node.children[2]
            if isinstance(comma, pytree.Leaf) and comma.value == ",":
                _mark(altered, node, EXCEPT)
                comma.value, comma.prefix = "as", " "
                name = node.children[3]
                if not name.prefix:
                    name.prefix = " "  # except E,e
        elif node.type == syms.raise_stmt and len(node.children) >= 4:
            comma = node.children[2]
            if isinstance(comma, pytree.Leaf) and comma.value == ",":
                _mark(altered, node, RAISE)
                comma.value, comma.prefix = "(", ""
                _last_leaf(node).value += ")"
        elif (
            node.type == syms.atom
            and node.children[0].type == token.BACKQUOTE
            and node.children[-1].type == token.BACKQUOTE
        ):
            _mark(altered, node, BACKQUOTES)
            node.children[0].value = "repr("
            node.children[-1].value = ")"


def _rewrite_leaf(leaf: pytree.Leaf, altered: dict[int, str], statement: bool) -> None:
    if statement and leaf.type == token.NAME and leaf.value == "print":
        parent = leaf.parent
        if parent is not None and parent.type == syms.simple_stmt:
            _mark(altered, leaf, PRINT)  # a bare print
            leaf.value = "print()"
    elif leaf.type == token.NUMBER:
        octal = _OCTAL.fullmatch(leaf.value)
        if octal and octal.group(1).strip("0"):
            _mark(altered, leaf, NUMBER)
            leaf.value = "0o" + octal.group(1)
        elif _LONG.fullmatch(leaf.value):
            _mark(altered, leaf, NUMBER)
            leaf.value = leaf.value[:-1]
    elif leaf.type == token.STRING and _UR.match(leaf.value):
        _mark(altered, leaf, STRING)
        leaf.value = leaf.value[1:]
    elif leaf.type == token.NOTEQUAL and leaf.value == "<>":
        _mark(altered, leaf, NOT_EQUAL)
        leaf.value = "!="


def _string_lines(tree: pytree.Node) -> set[int]:
    """0-based lines inside a string that spans lines."""
    inside: set[int] = set()
    for leaf in tree.leaves():
        if leaf.type == token.STRING and "\n" in leaf.value:
            inside.update(range(leaf.lineno, leaf.lineno + leaf.value.count("\n")))
    return inside


def _expand_tabs(
    contents: list[bytes], protected: set[int], altered: dict[int, str]
) -> list[bytes]:
    """Python 2 reads a tab in an indentation as up to the next multiple of 8
    columns, whatever spaces stand beside it; Python 3 refuses the mix."""
    out = list(contents)
    for index, content in enumerate(contents):
        indent = _INDENT.match(content).group(0)  # type: ignore[union-attr]
        if b"\t" in indent and index not in protected:
            out[index] = indent.expandtabs(8) + content[len(indent) :]
            altered.setdefault(index, TABS)
    return out


def _python3_only(tree: pytree.Node):
    """The constructs of a parsed file that Python 2 does not have."""
    for node in tree.pre_order():
        if isinstance(node, pytree.Leaf):
            if node.type == token.STRING and "f" in _prefix(node.value):
                yield node
            elif node.type == token.NAME and node.value == "nonlocal":
                yield node
            elif node.type in (token.ASYNC, token.AWAIT):
                yield node
        elif node.type == syms.star_expr:
            yield node
        elif node.type == syms.dictsetmaker and any(
            isinstance(c, pytree.Leaf) and c.value in ("**", "*") for c in node.children
        ):
            yield node


def _prefix(literal: str) -> str:
    return literal[: len(literal) - len(literal.lstrip("rRbBuUfF"))].lower()
