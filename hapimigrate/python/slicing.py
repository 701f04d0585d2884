"""Cost that grows with the sites, not with the file: the codemod looks only at
the top-level statements that can matter.

A big module with one hapikey use is mostly irrelevant to it. Python's own parser
(fast, in C) finds the top-level statements; those holding a use, the imports, the
definitions they use and the statements using what they define (callers, readers
of a URL constant), to a fixed point, are kept; each run of other lines becomes
one marker statement as many lines long as the run (``pass;``, a triple-quoted
string of the run's line ends, one token however long, and the comment
``# hapimigrate-slice:START:END``). LibCST
parses and analyses only the reduced source, whose lines are the file's: sites,
and the lines their reasons quote ("the request at line 48"), need no mapping
back. A rewrite of the reduced source is spliced back by its markers, which a
rewrite never reorders; where one went missing or changed, the caller falls back
to the whole file. A marker is a statement beginning with ``pass`` (no
docstring), so that the top of the module looks the same to the import
placement as the whole file does.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from hapimigrate import prefilter

# Above this size Python's own parser costs seconds and a gigabyte for a whole
# module: top-level statements are then found from the text (a line that starts
# at column 0), and only the kept ones are parsed, each on its own.
BIG = 2_000_000
_BOM = b"\xef\xbb\xbf"
_WORD = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
# a marker line at the start of a line, or a marker statement spanning its run:
# pass; """<line ends>"""  # hapimigrate-slice:START:END
_MARKER = re.compile(
    rb'(?m)(?:^|(?<=\r))(?:\xef\xbb\xbf)?pass(?:; """([\r\n]*)""")?  # hapimigrate-slice:'
    rb"(\d+):(\d+)(?:\r\n|\r|\n)?"
)
_MARKER_END = re.compile(rb"  # hapimigrate-slice:\d+:\d+(?:\r\n|\r|\n)?$")
# Below this many lines slicing saves nothing worth its risk.
MIN_LINES = 50


@dataclass(frozen=True)
class Slice:
    original: list[bytes]  # the file's lines, with their line ends
    reduced: list[bytes]  # kept lines, and one marker line for each run of others
    origin: list[int]  # reduced line index -> original line index

    @property
    def source(self) -> bytes:
        return b"".join(self.reduced)

    def line(self, reduced_line: int) -> int:
        """The original (1-based) line of a reduced one."""
        return self.origin[reduced_line - 1] + 1


# the names a rewrite may write (python.imports): the statements defining them
# stay, so that a name of the module's own alike is seen
INSERTED = frozenset({b"os", b"Request", b"urlsplit"})


def reduce(
    data: bytes,
    seed: re.Pattern[bytes] | None = None,
    inserted: frozenset[bytes] = INSERTED,
) -> Slice | None:
    """The reduced source, or None when slicing would not help or cannot be done.
    ``seed``: what a statement must mention to matter (default: a key use);
    ``inserted``: the names the rewrite may write (their definitions stay)."""
    seed = seed or prefilter.STATEMENT_SEED
    lines = data.splitlines(keepends=True)
    if len(lines) < MIN_LINES:
        return None
    outline = (_text_outline(lines) if len(data) > BIG else None) or _ast_outline(data)
    if outline is None:
        return None
    spans, defines, imports, docstring, loaded = outline
    # Who uses a kept definition: the words of a statement stand for the names it
    # reads (a regular expression in C is ten times faster than walking every tree,
    # and an extra word only keeps an extra statement). What kept code reads: the
    # names its trees load, found for the few kept statements only.
    words = [
        set(_WORD.findall(b"".join(lines[start - 1 : end]))) for start, end in spans
    ]
    loads: dict[int, set[bytes]] = {}
    keep = imports | {
        i
        for i, (start, end) in enumerate(spans)
        if seed.search(b"".join(lines[start - 1 : end]))
    }
    if docstring:
        keep.add(0)
    statements = spans
    while True:
        for i in keep - loads.keys():
            found = loaded(i)
            if found is None:
                return None  # a kept statement does not parse on its own
            loads[i] = found
        wanted = set().union(inserted, *(loads[i] for i in keep))
        # what kept code defines pulls in its users (imports would pull in everything)
        given = set().union(*(defines[i] for i in keep - imports))
        grown = keep | {
            i for i in range(len(statements)) if defines[i] & wanted or words[i] & given
        }
        if grown == keep:
            break
        keep = grown
    kept_lines = {line for i in keep for line in range(spans[i][0], spans[i][1] + 1)}
    dropped = [False] * len(lines)
    for i, (start, end) in enumerate(spans):
        if i not in keep:
            for line in range(start, end + 1):
                dropped[line - 1] = line not in kept_lines  # a shared line stays
    if not any(dropped):
        return None
    _join_runs(lines, dropped)
    reduced, origin = [], []
    index = 0
    while index < len(lines):
        if not dropped[index]:
            reduced.append(lines[index])
            origin.append(index)
            index += 1
            continue
        end = index
        while end < len(lines) and dropped[end]:
            end += 1
        last = lines[end - 1]
        ending = last[len(last.rstrip(b"\r\n")) :] or b"\n"
        # as many lines as the run, in one token (a string of line ends): a
        # line the codemod quotes in a reason ("the request at line 48") is the
        # file's, and LibCST parses no blank line for it
        run = [b'pass; """' + ending, *[ending] * (end - index - 2), b'"""']
        if end - index == 1:
            run = [b"pass"]
        run[-1] += b"  # hapimigrate-slice:%d:%d" % (index, end) + ending
        if index == 0 and lines[0].startswith(_BOM):
            run[0] = _BOM + run[0]
        reduced += run
        origin += range(index, end)
        index = end
    return Slice(lines, reduced, origin)


def splice(part: Slice, new_reduced: bytes) -> bytes | None:
    """The original with the rewrite of its reduced source applied: each marker
    turns back into the lines it stands for. None if a marker went missing or
    changed."""
    expected = sum(1 for line in part.reduced if _MARKER_END.search(line))
    out: list[bytes] = []
    seen = 0
    position = 0
    for match in _MARKER.finditer(new_reduced):
        start, end = int(match.group(2)), int(match.group(3))
        if _line_ends(match.group(1)) != max(end - start - 1, 0):
            return None  # not the marker written: the caller takes the whole file
        out += [new_reduced[position : match.start()], *part.original[start:end]]
        position = match.end()
        seen += 1
    out.append(new_reduced[position:])
    return b"".join(out) if seen == expected else None


def _line_ends(text: bytes | None) -> int:
    return len(text.replace(b"\r\n", b"\n").replace(b"\r", b"\n")) if text else 0


def _join_runs(lines: list[bytes], dropped: list[bool]) -> None:
    """Blank lines between two dropped statements are dropped with them."""
    previous = False
    index = 0
    while index < len(lines):
        if lines[index].strip():
            previous = dropped[index]
            index += 1
            continue
        end = index
        while end < len(lines) and not lines[end].strip():
            end += 1
        if previous and end < len(lines) and dropped[end]:
            dropped[index:end] = [True] * (end - index)
        index = end


def _first_line(node: ast.stmt) -> int:
    decorators = getattr(node, "decorator_list", [])
    return min([node.lineno, *(d.lineno for d in decorators)])


def _defined(node: ast.stmt) -> set[bytes]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {node.name.encode()}
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0].encode() for a in node.names}
    targets = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, (ast.AnnAssign, ast.AugAssign)):
        targets = [node.target]
    else:  # if/try/with/for at module level: whatever they bind
        return {
            child.id.encode()
            for child in ast.walk(node)
            if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Store)
        }
    return {
        child.id.encode()
        for target in targets
        for child in ast.walk(target)
        if isinstance(child, ast.Name)
    }


def _loaded(node: ast.stmt) -> set[bytes]:
    return {
        child.id.encode()
        for child in ast.walk(node)
        if isinstance(child, ast.Name) and isinstance(child.ctx, ast.Load)
    }


Outline = tuple  # (spans, defines, imports, docstring, loaded)


def _ast_outline(data: bytes) -> Outline | None:
    try:
        tree = ast.parse(data)
    except (RecursionError, MemoryError):  # too deep for Python's parser (a
        # 15,000-piece concatenation): outlined from the text, as a big file is
        return _text_outline(data.splitlines(keepends=True))
    except (SyntaxError, ValueError):
        return None
    body = tree.body
    return (
        [(_first_line(node), node.end_lineno or node.lineno) for node in body],
        [_defined(node) for node in body],
        {
            i
            for i, node in enumerate(body)
            if isinstance(node, (ast.Import, ast.ImportFrom))
        },
        bool(body) and isinstance(body[0], ast.Expr),
        lambda i: _loaded(body[i]),
    )


_TOP = re.compile(rb"(?!(?:else|elif|except|finally)\b)[^\s#)\]}]")
_IMPORT = re.compile(rb"(?:import|from)\s")
_DEF = re.compile(
    rb"(?:async\s+)?(?:def|class)\s+([A-Za-z_]\w*)|([A-Za-z_]\w*)\s*(?::[^=\n]*)?=(?!=)"
)


def _text_outline(lines: list[bytes]) -> Outline | None:
    """Top-level statements from the text: each starts on a line beginning at
    column 0 (decorators join their definition). A line of a string or bracket
    that happens to start at column 0 makes a false start; the kept statements
    are parsed on their own, so such a mistake there returns None (and the whole
    file is outlined by the parser instead)."""
    starts = []
    for index, line in enumerate(lines):
        after_decorator = starts and lines[_previous(lines, index)].startswith(b"@")
        if _TOP.match(line) and not after_decorator:
            starts.append(index)
    if not starts:
        return None
    spans = []
    for n, start in enumerate(starts):
        end = (starts[n + 1] if n + 1 < len(starts) else len(lines)) - 1
        while end > start and not lines[end].strip():
            end -= 1
        spans.append((start + 1, end + 1))

    def text(i: int) -> bytes:
        start, end = spans[i]
        return b"".join(lines[start - 1 : end])

    defines = []
    for start, _ in spans:
        first = lines[start - 1]
        index = start - 1
        while first.startswith(b"@") and index + 1 < len(lines):
            index += 1
            first = lines[index]
        match = _DEF.match(first)
        defines.append({match.group(1) or match.group(2)} if match else set())
    imports = {
        i for i, (start, _) in enumerate(spans) if _IMPORT.match(lines[start - 1])
    }
    docstring = (
        lines[spans[0][0] - 1].lstrip(b"\xef\xbb\xbfrRbBuU").startswith((b'"', b"'"))
    )

    def loaded(i: int) -> set[bytes] | None:
        try:
            tree = ast.parse(text(i))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        return (
            set().union(*(_loaded(node) for node in tree.body)) if tree.body else set()
        )

    return spans, defines, imports, docstring, loaded


def _previous(lines: list[bytes], index: int) -> int:
    """The index of the last non-blank line before ``index``."""
    index -= 1
    while index >= 0 and not lines[index].strip():
        index -= 1
    return index


_IMPORT_LINE = re.compile(rb"\s*(?:from|import)\s")
_ALIAS = re.compile(rb"\bas\s+([A-Za-z_]\w*)")
# Above this size a tree pass parses only the statements that mention its names.
OUTLINED = 200_000


def statements_naming(data: bytes, words: set[bytes]) -> bytes:
    """``data`` with the top-level statements that cannot matter to a search
    for ``words`` left out (as :func:`reduce` does; every line keeps its
    number): what a tree pass parses of a big module. The whole of ``data``
    when it is small, or when it cannot be reduced."""
    if len(data) <= OUTLINED or not words:
        return data
    seed = re.compile(b"|".join(re.escape(w) for w in sorted(words)))
    # ``from api import owners as o``: ``o(...)`` names the wrapper too
    words = words | {
        alias
        for line in data.splitlines()
        if _IMPORT_LINE.match(line) and seed.search(line)
        for alias in _ALIAS.findall(line)
    }
    seed = re.compile(b"|".join(re.escape(w) for w in sorted(words)))
    part = reduce(data, seed, frozenset(words))
    return data if part is None else part.source
