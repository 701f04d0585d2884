"""Files LibCST cannot take as they are: normalise -> migrate -> transplant.

Valid Python 3 that LibCST will not reproduce byte for byte (CR-only line ends, a
form feed in an indentation, whitespace after the last statement) and Python 2
(see :mod:`hapimigrate.python.python2`) get a normalised text that LibCST takes,
line for line with the original (the same number of lines, each normalised line
standing for the original line of the same number). The codemod runs on it
unchanged; its edits are then carried back onto the ORIGINAL bytes: each changed
run of lines (``difflib`` on lines) replaces the original lines it stands for,
which normalisation must have left as they were (line ends aside: a migrated line
gets the line end of the line it replaces). A change that touches a line
normalisation altered is not carried: the file stays as it is and its rewrites
become ``manual`` sites, each with the line to write where one can be given.

The result is checked before it is handed back: it parses (Python's own parser,
or Python 2's grammar), and normalising it again gives exactly the migrated text.
"""

from __future__ import annotations

import ast
import dataclasses
import difflib
import io
import re
import tokenize
import warnings
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Protocol

import libcst as cst

from hapimigrate.keys import is_plausible_key
from hapimigrate.model import FileResult, RunOptions, Site, Status

FORM_FEED_INDENT = "has a form feed in its indentation"
TRAILING_SPACE = "is whitespace after the last statement"
LIBCST_WRITES = "is written in a way LibCST cannot reproduce"
_BLANK = re.compile(rb"[ \t\x0c]+")
_LEADING_FEED = re.compile(rb"[ \t\x0c]*\x0c")
_LITERAL = re.compile(r"""(['"])(.*?)\1""")


@dataclass(frozen=True)
class Normalised:
    """A text LibCST round-trips, line for line with the original file."""

    text: bytes  # what the codemod gets; lines end with b"\n"
    original: tuple[bytes, ...]  # the file's lines, with their own line ends
    altered: dict[int, str]  # 0-based line -> what normalisation changed there
    dialect: str = "Python 3"  # "Python 2": a Python 2 file
    # whether a text parses as the file's dialect, and its normalised text
    parses: Callable[[bytes], bool] = lambda new: True
    again: Callable[[bytes], bytes | None] = lambda new: None

    @cached_property
    def lines(self) -> list[bytes]:
        return self.text.splitlines(keepends=True)


@dataclass(frozen=True)
class Conflict:
    """A change of the migration on lines normalisation altered."""

    first: int  # 1-based first line it replaces
    last: int  # 1-based last line it replaces
    why: str  # what normalisation changed on the first altered line
    suggestion: str | None  # the lines to write instead, in the file's dialect


@dataclass(frozen=True)
class Transplant:
    new: bytes | None
    conflicts: tuple[Conflict, ...] = ()


class Process(Protocol):
    def __call__(
        self, path: str, data: bytes, options: RunOptions, python2: bool = False
    ) -> FileResult: ...


def split(data: bytes) -> tuple[list[bytes], list[bytes]]:
    """A file's lines without their ends, and the ends (b"" for a last line
    without one). Python reads ``\\r\\n``, ``\\r`` and ``\\n`` as line ends."""
    contents, ends = [], []
    for line in data.splitlines(keepends=True):
        content = line.rstrip(b"\r\n")
        contents.append(content)
        ends.append(line[len(content) :])
    return contents, ends


def join(contents: list[bytes], ends: list[bytes]) -> bytes:
    """The lines with b"\\n" for every line end."""
    return b"".join(c + (b"\n" if e else b"") for c, e in zip(contents, ends))


def normalise_lines(
    contents: list[bytes], protected: set[int]
) -> tuple[list[bytes], dict[int, str]]:
    """Form feeds out of indentations, whitespace after the last statement
    cleared; never on ``protected`` lines (0-based: inside a string)."""
    out = list(contents)
    altered: dict[int, str] = {}
    for index, content in enumerate(contents):
        feed = _LEADING_FEED.match(content)
        if feed and index not in protected:
            out[index] = content[feed.end() :]
            altered[index] = FORM_FEED_INDENT
    index = len(out) - 1
    while index >= 0 and index not in protected and _BLANK.fullmatch(out[index]):
        out[index] = b""
        altered.setdefault(index, TRAILING_SPACE)
        index -= 1
    return out, altered


def string_lines(text: bytes) -> set[int] | None:
    """0-based lines that lie inside a string spanning lines (their leading
    whitespace is the string's); None if the text does not tokenize."""
    inside: set[int] = set()
    opened: int | None = None  # an f-string's first row (Python 3.12 tokens)
    try:
        for tok in tokenize.tokenize(io.BytesIO(text).readline):
            kind = tokenize.tok_name.get(tok.type, "")
            if kind == "FSTRING_START":
                opened = tok.start[0] if opened is None else opened
                continue
            if kind == "FSTRING_END":
                first, opened = opened or tok.start[0], None
                inside.update(range(first, tok.end[0]))
            elif tok.type == tokenize.STRING and opened is None:
                inside.update(range(tok.start[0], tok.end[0]))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return None
    return inside  # row r (1-based) spanned from row s: index r - 1 >= s


def normalise(data: bytes) -> Normalised | None:
    """The normalised text of valid Python 3 LibCST cannot reproduce; None when
    it is not valid Python 3, or when LibCST cannot take the normalised text."""
    original = tuple(data.splitlines(keepends=True))
    contents, ends = split(data)
    protected = string_lines(join(contents, ends))
    if protected is None:
        return None
    normal, altered = normalise_lines(contents, protected)
    text = join(normal, ends)
    try:
        same = _dump(data) == _dump(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not same:
        return None
    if not round_trips(text):
        text = _as_libcst_writes(text, altered)
    if text is None:
        return None
    return Normalised(text, original, altered, parses=_parses, again=_again)


def _as_libcst_writes(text: bytes, altered: dict[int, str]) -> bytes | None:
    """The text as LibCST writes it back, where that differs from it on some
    lines only and means the same (LibCST drops the space in ``except (A, B) :``):
    those lines are altered. None where it does not."""
    try:
        written = cst.parse_module(text).bytes
    except (cst.ParserSyntaxError, UnicodeDecodeError, LookupError, SyntaxError):
        return None
    before, after = split(text)[0], split(written)[0]
    try:
        same = len(before) == len(after) and _dump(written) == _dump(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not same or not round_trips(written):
        return None
    for index, (old, new) in enumerate(zip(before, after)):
        if old != new:
            altered.setdefault(index, LIBCST_WRITES)
    return written


# Below this size no file nests deep enough to overflow a parser.
DEEP_SIZE = 4096


def too_deep(data: bytes) -> bool:
    """Whether Python's own parser runs out of stack on ``data`` (a 15,000-piece
    string concatenation): LibCST's native parser crashes the process on such a
    file, so it must never be handed it whole."""
    if len(data) < DEEP_SIZE:
        return False
    try:
        _ast(data)
    except (RecursionError, MemoryError):
        return True
    except (SyntaxError, ValueError):
        return False
    return False


def round_trips(text: bytes) -> bool:
    try:
        return cst.parse_module(text).bytes == text
    except (cst.ParserSyntaxError, UnicodeDecodeError, LookupError, SyntaxError):
        return False


def _dump(data: bytes) -> str:
    return ast.dump(_ast(data))


def _ast(data: bytes) -> ast.Module:
    """Python's own tree of ``data``, without its SyntaxWarnings (the file's
    author sees those from Python, not from hapimigrate)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ast.parse(data)


def _again(new: bytes) -> bytes | None:
    norm = normalise(new)
    return norm.text if norm is not None else None


def _parses(new: bytes) -> bool:
    try:
        _ast(new)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def retry(
    path: str,
    data: bytes,
    options: RunOptions,
    process: Process,
    others: tuple[Callable[[bytes], Normalised | None], ...] = (),
) -> FileResult | None:
    """The codemod through a normalised text, for a file LibCST cannot parse or
    reproduce: valid Python 3's (see normalise), else the first of ``others``
    (Python 2's) that takes it; None when none does (the caller reports as before)."""
    norm = normalise(data)
    for other in others:
        if norm is not None:
            break
        norm = other(data)
    if norm is None:
        return None
    result = process(path, norm.text, options, python2=norm.dialect == "Python 2")
    return finish(data, norm, result)


def finish(data: bytes, norm: Normalised, result: FileResult) -> FileResult:
    """The migration of the normalised text, as a result for the original."""
    sites = tuple(_map_columns(norm, s) for s in result.sites)
    result = dataclasses.replace(result, sites=sites, original=data)
    if result.error is not None or result.new is None:
        return dataclasses.replace(result, new=None)
    moved = transplant(norm, result.new)
    if moved.new is not None and not verified(norm, moved.new, result.new):
        moved = Transplant(None)
    if moved.new is not None:
        return dataclasses.replace(result, new=moved.new)
    left = tuple(_left(s, norm, moved.conflicts) for s in sites)
    reason = next((s.reason for s in left if s.status == Status.MANUAL), "")
    return dataclasses.replace(
        result,
        sites=left,
        new=None,
        removed_keys=(),
        token_parameters=(),
        session_headers=(),
        session_classes=(),
        provider_keys=(),
        # across modules: no carrier of this file changes, none it reads is sent
        exports=(),
        carrier_uses=tuple(
            (
                dataclasses.replace(u, status=Status.MANUAL, reason=reason)
                if u.status == Status.REWRITE
                else u
            )
            for u in result.carrier_uses
        ),
    )


def verified(norm: Normalised, new: bytes, migrated: bytes) -> bool:
    """The transplanted file parses as the file's dialect, and normalising it
    again gives exactly the migrated text."""
    return norm.parses(new) and norm.again(new) == migrated


def transplant(norm: Normalised, migrated: bytes) -> Transplant:
    """The migration's changes of ``norm.text`` applied to the original lines."""
    before = norm.lines
    after = migrated.splitlines(keepends=True)
    out: list[bytes] = []
    conflicts: list[Conflict] = []
    for tag, i1, i2, j1, j2 in _opcodes(before, after):
        if tag == "equal":
            out += norm.original[i1:i2]
            continue
        touched = [i for i in range(i1, i2) if i in norm.altered]
        if touched:
            conflicts.append(
                Conflict(
                    i1 + 1,
                    i2,
                    norm.altered[touched[0]],
                    _suggestion(norm, i1, i2, after[j1:j2]),
                )
            )
            out += norm.original[i1:i2]
            continue
        out += [
            _with_end(line, _end_for(norm.original, i1 + min(k, i2 - i1 - 1), i1))
            for k, line in enumerate(after[j1:j2])
        ]
    out += norm.original[len(before) :]  # blanks past the last line end
    if conflicts:
        return Transplant(None, tuple(conflicts))
    return Transplant(b"".join(out))


def _opcodes(before: list[bytes], after: list[bytes]):
    """difflib's opcodes, a replaced run split where a line of it pairs with a
    line that replaces it (as ``difflib.Differ`` does): an edited line next to a
    removed one is a change of its own."""
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace":
            yield from _paired(before, after, i1, i2, j1, j2)
        else:
            yield tag, i1, i2, j1, j2


def _paired(before, after, i1: int, i2: int, j1: int, j2: int):
    if i1 == i2 or j1 == j2 or (i2 - i1) * (j2 - j1) > 400:
        if i1 < i2 or j1 < j2:
            yield "replace", i1, i2, j1, j2
        return
    best, at = 0.6, None  # Differ's cutoff: below it, lines are not alike
    for i in range(i1, i2):
        for j in range(j1, j2):
            ratio = difflib.SequenceMatcher(
                None, before[i], after[j], autojunk=False
            ).ratio()
            if ratio > best:
                best, at = ratio, (i, j)
    if at is None:
        yield "replace", i1, i2, j1, j2
        return
    i, j = at
    yield from _paired(before, after, i1, i, j1, j)
    yield "replace", i, i + 1, j, j + 1
    yield from _paired(before, after, i + 1, i2, j + 1, j2)


def _end_for(original: tuple[bytes, ...], index: int, at: int) -> bytes:
    """The line end a migrated line gets: that of the original line it replaces,
    else (an inserted line) that of the line before it, or after it."""
    for i in (index, at - 1, at):
        if 0 <= i < len(original):
            end = original[i][len(original[i].rstrip(b"\r\n")) :]
            if end:
                return end
    return b"\n"


def _with_end(line: bytes, end: bytes) -> bytes:
    content = line.rstrip(b"\r\n")
    return content + end if len(content) != len(line) else content


def _suggestion(
    norm: Normalised, i1: int, i2: int, replacement: list[bytes]
) -> str | None:
    """What the lines should become, in the file's own dialect: each migrated
    line merged, character by character, with what normalisation changed on its
    line; None when the two changes overlap or would show a key."""
    if i2 - i1 != len(replacement):
        return None
    merged = []
    for k, line in enumerate(replacement):
        base = norm.lines[i1 + k].rstrip(b"\r\n").decode("utf-8", "replace")
        ours = norm.original[i1 + k].rstrip(b"\r\n").decode("utf-8", "replace")
        theirs = line.rstrip(b"\r\n").decode("utf-8", "replace")
        one = merge3(base, ours, theirs)
        if one is None:
            return None
        merged.append(one.strip())
    text = " / ".join(m for m in merged if m)
    if any(is_plausible_key(m.group(2)) for m in _LITERAL.finditer(text)):
        return None  # never show a key's value
    return text or None


def merge3(base: str, ours: str, theirs: str) -> str | None:
    """``base`` with the changes of both ``ours`` and ``theirs``, where they do
    not touch the same characters; None where they do (or both insert at one
    place, in an order nobody knows)."""
    changes = []
    for side, text in enumerate((ours, theirs)):
        opcodes = difflib.SequenceMatcher(None, base, text, autojunk=False)
        changes += [
            (i1, i2, side, text[j1:j2])
            for tag, i1, i2, j1, j2 in opcodes.get_opcodes()
            if tag != "equal"
        ]
    for a in changes:
        for b in changes:
            if a[2] < b[2] and (
                (a[0] < b[1] and b[0] < a[1]) or (a[0] == a[1] == b[0] == b[1])
            ):
                return None
    out, at = [], 0
    for i1, i2, _, text in sorted(changes, key=lambda c: (c[0], c[1])):
        out += [base[at:i1], text]
        at = i2
    out.append(base[at:])
    return "".join(out)


def _map_columns(norm: Normalised, site: Site) -> Site:
    """A site's columns on the original line, where normalisation altered it."""
    column = _column(norm, site.line - 1, site.column)
    end = _column(norm, site.end_line - 1, site.end_column)
    if (column, end) == (site.column, site.end_column):
        return site
    return dataclasses.replace(site, column=column, end_column=end)


def _column(norm: Normalised, index: int, column: int) -> int:
    if index not in norm.altered or not 0 <= index < len(norm.original):
        return column
    base = norm.lines[index].rstrip(b"\r\n").decode("utf-8", "replace")
    ours = norm.original[index].rstrip(b"\r\n").decode("utf-8", "replace")
    at = column - 1
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(
        None, base, ours, autojunk=False
    ).get_opcodes():
        if i1 <= at < i2 or (tag == "equal" and i1 <= at <= i2):
            return j1 + min(at - i1, j2 - j1) + 1
    return column + len(ours) - len(base)


def _left(site: Site, norm: Normalised, conflicts: tuple[Conflict, ...]) -> Site:
    """A rewrite the file cannot take: manual, with what to write."""
    if site.status != Status.REWRITE:
        return site
    for c in conflicts:
        if site.line <= c.last and site.end_line >= c.first:
            where = (
                f"line {c.first}" if c.first == c.last else f"lines {c.first}-{c.last}"
            )
            reason = (
                f"{norm.dialect}: the rewrite changes {where}, which {c.why}, "
                "so the file is left as it is"
            )
            if c.suggestion:
                reason += f"; write: {c.suggestion}"
            return dataclasses.replace(site, status=Status.MANUAL, reason=reason)
    if not conflicts:
        reason = (
            f"{norm.dialect}: the rewrite, carried onto the file's own text, is not "
            f"{norm.dialect} that normalises to the migrated code (code only "
            "Python 3 has?), so the file is left as it is"
        )
    else:
        lines = ", ".join(str(c.first) for c in conflicts)
        reason = (
            f"{norm.dialect}: the file is left as it is, since the rewrite of "
            f"line {lines} needs a person (see there); migrate this use with it"
        )
    return dataclasses.replace(site, status=Status.MANUAL, reason=reason)
