"""Byte-range edits on a file's original bytes, shared by the tree-sitter front
ends: an edit replaces ``data[start:end]``; edits never overlap; the result is
re-parsed and refused when the parse has errors the original did not have."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class Edit:
    """Replace the bytes ``[start, end)`` of the original with ``text``."""

    start: int
    end: int
    text: bytes


class OverlappingEdits(ValueError):
    """Two edits touch the same bytes: the site they belong to goes manual."""


def apply_edits(data: bytes, edits: Iterable[Edit]) -> bytes:
    """``data`` with every edit made (at most one per byte range)."""
    ordered = sorted(set(edits), key=lambda e: (e.start, e.end))
    out, position = [], 0
    for edit in ordered:
        if edit.start < position:
            raise OverlappingEdits(f"edits overlap at byte {edit.start}")
        out.append(data[position : edit.start])
        out.append(edit.text)
        position = edit.end
    out.append(data[position:])
    return b"".join(out)


def overlaps(a: Iterable[Edit], b: Iterable[Edit]) -> bool:
    """Whether any edit of ``a`` touches the bytes of any edit of ``b``."""
    b = list(b)
    return any(x.start < y.end and y.start < x.end or x == y for x in a for y in b)


def error_count(tree) -> int:
    """How many ERROR or MISSING nodes a tree-sitter tree holds."""
    count, stack = 0, [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            count += 1
        if node.has_error:
            stack.extend(node.children)
    return count


def reparses(parse: Callable[[bytes], object], before: bytes, after: bytes) -> bool:
    """Whether ``after`` parses with no more errors than ``before``."""
    return error_count(parse(after)) <= error_count(parse(before))


def position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
