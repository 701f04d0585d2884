"""Cost that grows with the sites, not with the file: the codemod looks only at
the top-level statements that can matter.

A big module with one hapikey use is mostly irrelevant to it. Python's own parser
(fast, in C) finds the top-level statements; those holding a use, the imports, the
definitions they use and the statements using what they define (callers, readers
of a URL constant), to a fixed point, are kept; each run of other lines becomes one
marker line. LibCST parses and analyses only
the reduced source; sites keep their columns and map their lines back. A rewrite of
the reduced source is spliced back by its markers, which a rewrite never reorders;
where one went missing, the caller falls back to the whole file. A marker is a
statement (``pass  # hapimigrate-slice:START:END``), so that the top of the module
looks the same to the import placement as the whole file does.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

_SEED = re.compile(rb"hapikey|hubspot|\bhapi\b", re.IGNORECASE)
_BOM = b"\xef\xbb\xbf"
_WORD = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_MARKER = re.compile(
    rb"(?:\xef\xbb\xbf)?pass  # hapimigrate-slice:(\d+):(\d+)\r?\n?\r?$"
)
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


def reduce(data: bytes) -> Slice | None:
    """The reduced source, or None when slicing would not help or cannot be done."""
    lines = data.splitlines(keepends=True)
    if len(lines) < MIN_LINES:
        return None
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    statements = tree.body
    spans = [(_first_line(node), node.end_lineno or node.lineno) for node in statements]
    defines = [_defined(node) for node in statements]
    # Who uses a kept definition: the words of a statement stand for the names it
    # reads (a regular expression in C is ten times faster than walking every tree,
    # and an extra word only keeps an extra statement). What kept code reads: the
    # names its trees load, walked for the few kept statements only.
    words = [
        set(_WORD.findall(b"".join(lines[start - 1 : end]))) for start, end in spans
    ]
    loads: dict[int, set[bytes]] = {}
    imports = {
        i
        for i, node in enumerate(statements)
        if isinstance(node, (ast.Import, ast.ImportFrom))
    }
    keep = imports | {
        i
        for i, (node, (start, end)) in enumerate(zip(statements, spans))
        if _SEED.search(b"".join(lines[start - 1 : end]))
        or (i == 0 and isinstance(node, ast.Expr))  # the module docstring
    }
    while True:
        for i in keep - loads.keys():
            loads[i] = _loaded(statements[i])
        wanted = set().union(*(loads[i] for i in keep))
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
        marker = b"pass  # hapimigrate-slice:%d:%d" % (index, end) + ending
        reduced.append(
            (_BOM if index == 0 and lines[0].startswith(_BOM) else b"") + marker
        )
        origin.append(index)
        index = end
    return Slice(lines, reduced, origin)


def splice(part: Slice, new_reduced: bytes) -> bytes | None:
    """The original with the rewrite of its reduced source applied: each marker
    line turns back into the lines it stands for. None if a marker went missing."""
    expected = sum(1 for line in part.reduced if _MARKER.match(line))
    out: list[bytes] = []
    seen = 0
    for line in new_reduced.splitlines(keepends=True):
        match = _MARKER.match(line)
        if match:
            out += part.original[int(match.group(1)) : int(match.group(2))]
            seen += 1
        else:
            out.append(line)
    return b"".join(out) if seen == expected else None


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
