"""Cutting ``hapikey=VALUE`` out of a URL that is built from pieces.

A URL expression is flattened into pieces: literal source text (from string
literals and f-string text) and opaque expressions (``+`` operands, f-string
replacement fields). :func:`find_key` finds the ``hapikey`` parameter and says what
to cut so that the query left behind stays well formed::

    ?hapikey=K            ->  (nothing)
    ?hapikey=K&a=1        ->  ?a=1
    ?a=1&hapikey=K&b=2    ->  ?a=1&b=2
    ?a=1&hapikey=K#frag   ->  ?a=1#frag

It knows nothing of LibCST: pieces carry an opaque ``node`` for the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, Sequence

KEY = "hapikey="
_KEY_RE = re.compile(r"hapikey=")
_START, _EXPR = "start", "expr"

BRACE_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
PERCENT_SPEC = re.compile(
    r"%%|%(?:\(([^)]*)\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]"
)
_BRACE_BASE = re.compile(r"[^.\[!:]*")


VALUE_ELSEWHERE = (
    "the text ends with hapikey= and the key's value is added to it elsewhere: "
    "remove both by hand"
)


class Unsafe(Exception):
    """The key is there, but cutting it out could leave a broken URL."""


@dataclass(frozen=True)
class Piece:
    text: str | None  # literal source text; None for an opaque expression
    node: Any


@dataclass(frozen=True)
class Cut:
    """What to remove: text ranges per piece, whole opaque pieces, and the
    template fields (``%s``, ``{}``, ``{key}``) that were inside the cut."""

    text_cuts: dict[int, tuple[int, int]]
    removed: frozenset[int]
    value_text: str
    value_nodes: tuple[Any, ...]
    brace_fields: tuple[int | str, ...] = ()
    percent_fields: tuple[int | str, ...] = ()

    def takes_all(self, pieces: Sequence[Piece]) -> bool:
        """Whether nothing of the expression is left."""
        return all(
            (
                index in self.removed
                if piece.text is None
                else not piece.text or self.text_cuts.get(index) == (0, len(piece.text))
            )
            for index, piece in enumerate(pieces)
        )

    @property
    def has_placeholders(self) -> bool:
        return bool(self.brace_fields or self.percent_fields)


def find_key(
    pieces: Sequence[Piece],
    keep_question: bool = False,
    is_separator: Callable[[Any], bool] | None = None,
    is_tail: Callable[[Any], bool] | None = None,
) -> Cut | None:
    """The cut that removes the hapikey parameter, or None when there is none.

    ``keep_question`` keeps the ``?`` of ``...?hapikey=K`` for URLs that more
    parameters are appended to at run time (``url += "&offset=1"``).

    ``is_tail`` tells an opaque piece right after the key's value that only
    ever holds ``''`` or more ``&name=`` parameters (:mod:`query_tails`): the
    cut ends before it, keeping the ``?`` so that the tail stays a query.

    ``is_separator`` tells an opaque piece that is only the query's separator
    (``sep`` of ``path + sep + "hapikey=" + KEY``, ``sep = "&" if "?" in path
    else "?"``): it goes with the key.

    Raises :class:`Unsafe` when the parameter is there but the text around it is
    built at run time, so that no cut is known to leave a well-formed URL.
    """
    for index, piece in enumerate(pieces):
        if piece.text is None:
            continue
        for match in _KEY_RE.finditer(piece.text):
            before = _char_before(pieces, index, match.start())
            if before in ("?", "&", _START, _EXPR):
                return _cut(
                    pieces,
                    index,
                    match.start(),
                    before,
                    keep_question,
                    is_separator,
                    is_tail,
                )
            written = piece.text[: match.start()]
            if _FIELD_AT_END.search(written):
                # "%shapikey=%s" % (url, sep, KEY), "{}hapikey={}".format(...)
                raise Unsafe("the query separator before the key is built at run time")
            if written.endswith(("\n", "\r")):
                # "...?\<newline>hapikey=", a body's line "\nhapikey=...": what
                # stands before it is on another line of the literal
                raise Unsafe(
                    "hapikey= starts a line of a string that goes on over lines"
                )
    return None


# a %-directive or a {} field right before ``hapikey=``: what it is filled with
# (``?``, ``&``, a URL ending in one) is the separator
_FIELD_AT_END = re.compile(
    r"(?:%(?:\([^)]*\))?[#0\- +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[hlL]?[diouxXeEfFgGcrsa]"
    r"|\{[^{}]*\})$"
)


def _char_before(pieces: Sequence[Piece], index: int, pos: int) -> str:
    if pos > 0:
        return pieces[index].text[pos - 1]  # type: ignore[index]
    for earlier in reversed(pieces[:index]):
        if earlier.text is None:
            return _EXPR
        if earlier.text:
            return earlier.text[-1]
    return _START


def _previous_text_end(pieces: Sequence[Piece], index: int) -> tuple[int, int]:
    for earlier in range(index - 1, -1, -1):
        text = pieces[earlier].text
        if text:
            return earlier, len(text) - 1
    raise AssertionError("no separator before the key")  # pragma: no cover


def _cut(
    pieces: Sequence[Piece],
    index: int,
    start: int,
    before: str,
    keep_question: bool,
    is_separator: Callable[[Any], bool] | None = None,
    is_tail: Callable[[Any], bool] | None = None,
) -> Cut:
    # Scan the value: the rest of the literal up to '&' or '#', at most one
    # opaque expression, and any literal text that directly follows it.
    piece, pos = index, start + len(KEY)
    value_text, value_nodes = "", []
    terminator: tuple[int, int] | None = None
    while piece < len(pieces):
        text = pieces[piece].text
        if text is None:
            if value_nodes and before in ("?", "&") and is_tail is not None:
                if is_tail(pieces[piece].node):  # "?hapikey=" + K + options
                    last = (piece - 1, _piece_len(pieces[piece - 1]))
                    first = (
                        (index, start)
                        if before == "?"
                        else (
                            (index, start - 1)
                            if start > 0
                            else _previous_text_end(pieces, index)
                        )
                    )
                    nodes = tuple(value_nodes)
                    return _make_cut(pieces, first, last, value_text, nodes)
            if value_nodes:
                raise Unsafe("what follows the key is built at run time")
            value_nodes.append(pieces[piece].node)
            piece, pos = piece + 1, 0
            continue
        found = [k for k in (text.find("&", pos), text.find("#", pos)) if k >= 0]
        if found:
            terminator = (piece, min(found))
            value_text += text[pos : min(found)]
            break
        value_text += text[pos:]
        piece, pos = piece + 1, 0
    if terminator is None and not value_text and not value_nodes:
        # "...&hapikey=" ends here: its value is added to the text elsewhere
        # (URL + KEY_PARAM + key); cutting only the name would leave the key sent
        raise Unsafe(VALUE_ELSEWHERE)
    end = terminator or (len(pieces) - 1, _piece_len(pieces[-1]))
    ends_with_amp = terminator is not None and pieces[end[0]].text[end[1]] == "&"  # type: ignore[index]

    if before in ("?", _START, _EXPR) and ends_with_amp:
        first, last = (index, start), (end[0], end[1] + 1)  # "hapikey=K&"
    elif (
        before == _EXPR
        and start == 0
        and index > 0
        and is_separator is not None
        and pieces[index - 1].text is None
        and is_separator(pieces[index - 1].node)
    ):  # path + sep + "hapikey=" + KEY: the separator only serves the key
        first, last = (index - 1, 0), end
    elif before == _EXPR:
        raise Unsafe("the query separator before the key is built at run time")
    elif before == _START or (before == "?" and keep_question):
        first, last = (index, start), end
    else:  # "?hapikey=K" at the end, or "&hapikey=K"
        first = (index, start - 1) if start > 0 else _previous_text_end(pieces, index)
        last = end
    return _make_cut(pieces, first, last, value_text, tuple(value_nodes))


def _piece_len(piece: Piece) -> int:
    return len(piece.text) if piece.text is not None else 0


def _make_cut(
    pieces: Sequence[Piece],
    first: tuple[int, int],
    last: tuple[int, int],
    value_text: str,
    value_nodes: tuple[Any, ...],
) -> Cut:
    text_cuts: dict[int, tuple[int, int]] = {}
    removed: set[int] = set()
    for index in range(first[0], last[0] + 1):
        piece = pieces[index]
        if piece.text is None:
            removed.add(index)
            continue
        a = first[1] if index == first[0] else 0
        b = last[1] if index == last[0] else len(piece.text)
        if b > a:
            text_cuts[index] = (a, b)
    template = _joined(pieces)
    deleted = [_global(pieces, i, a, b) for i, (a, b) in text_cuts.items()]
    brace = tuple(
        ref
        for ref in _fields_in(brace_fields(template), deleted)
        if not _redaction(ref)
    )
    percent = _fields_in(percent_fields(template), deleted)
    return Cut(text_cuts, frozenset(removed), value_text, value_nodes, brace, percent)


def _redaction(ref: int | str) -> bool:
    """``{removed for security}``, ``{your api key}``: words in braces where a
    published script's key was, not a field any formatting fills (a program
    formatting it would have to pass a keyword with spaces): the key's text."""
    return isinstance(ref, str) and any(c.isspace() for c in ref.strip())


def _joined(pieces: Sequence[Piece]) -> str:
    return "".join(p.text or "" for p in pieces)


def _global(pieces: Sequence[Piece], index: int, a: int, b: int) -> tuple[int, int]:
    offset = sum(_piece_len(p) for p in pieces[:index])
    return offset + a, offset + b


def _fields_in(
    fields: list[Field], ranges: list[tuple[int, int]]
) -> tuple[int | str, ...]:
    return tuple(
        f.ref for f in fields if any(a <= f.start and f.end <= b for a, b in ranges)
    )


@dataclass(frozen=True)
class Field:
    """A replacement field of a template: ``{0}``, ``{name}``, ``%s``, ``%(key)s``."""

    start: int
    end: int
    ref: int | str  # the argument's position (automatic numbering resolved) or key
    numbered: bool = False  # written with its number: ``{1}``


def brace_fields(template: str) -> list[Field]:
    """The ``str.format`` fields of a template, escaped braces skipped."""
    fields, auto = [], 0
    for match in BRACE_FIELD.finditer(template):
        if match.group(1) is None:
            continue  # an escaped brace
        base = _BRACE_BASE.match(match.group(1)).group(0)  # type: ignore[union-attr]
        if base == "":
            fields.append(Field(match.start(), match.end(), auto))
            auto += 1
        elif base.isdigit():
            fields.append(Field(match.start(), match.end(), int(base), numbered=True))
        else:
            fields.append(Field(match.start(), match.end(), base))
    return fields


def percent_fields(template: str) -> list[Field]:
    """The ``%`` conversion specifiers of a template, ``%%`` skipped."""
    fields, position = [], 0
    for match in PERCENT_SPEC.finditer(template):
        if match.group(0) == "%%":
            continue
        if match.group(1) is not None:
            fields.append(Field(match.start(), match.end(), match.group(1)))
        else:
            fields.append(Field(match.start(), match.end(), position))
            position += 1
    return fields


def fill_braces(template: str, value: Callable[[Field], str]) -> str:
    """A ``str.format`` template with each field replaced by ``value(field)``."""
    unescape = lambda text: text.replace("{{", "{").replace("}}", "}")  # noqa: E731
    return _fill(template, brace_fields(template), value, unescape)


def fill_percent(template: str, value: Callable[[Field], str]) -> str:
    """A ``%`` template with each field replaced by ``value(field)``."""
    return _fill(
        template, percent_fields(template), value, lambda t: t.replace("%%", "%")
    )


def _fill(template, fields, value, unescape) -> str:
    out, last = [], 0
    for field in fields:
        out.append(unescape(template[last : field.start]))
        out.append(value(field))
        last = field.end
    out.append(unescape(template[last:]))
    return "".join(out)


def has_escapes(template: str) -> bool:
    """Whether dropping the formatting operation would change the text."""
    return "{{" in template or "}}" in template or "%%" in template
