"""Where a line of a rewritten text stood in the original text.

A pass that reads the migrated text of a module (what is left of a key's
variable, :mod:`hapimigrate.tree_leftovers`) finds lines of that text; sites and
findings are given by the lines of the file as the user has it, before
``apply``. Where the rewrite inserted lines above (``import os``, a header
statement) or removed some, the two differ. :func:`original_line` maps a line
through the edit: the lines the rewrite left as they were pair up (as
:mod:`hapimigrate.line_changes` pairs them, in time that grows with the file);
a line the rewrite changed counts from the nearest unchanged line above.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from dataclasses import dataclass
from typing import Sequence

from hapimigrate.line_changes import _SMALL, _longest_increasing


@dataclass(frozen=True)
class LineMap:
    """Pairs (new line, old line), 1-based, of the lines a rewrite left."""

    new: tuple[int, ...]
    old: tuple[int, ...]
    old_count: int

    def unchanged(self, line: int) -> int | None:
        """The original line of ``line`` where the rewrite left it as it was,
        else None (a line it added or changed)."""
        index = bisect.bisect_left(self.new, line)
        if index < len(self.new) and self.new[index] == line:
            return self.old[index]
        return None

    def original(self, line: int) -> int:
        """The original line of the rewritten text's ``line``: its own where
        the rewrite left it, else counted from the unchanged line above it
        (within the original's lines)."""
        index = bisect.bisect_right(self.new, line) - 1
        if index < 0:
            return max(1, min(line, self.old_count))
        if self.new[index] == line:
            return self.old[index]
        return max(1, min(self.old[index] + (line - self.new[index]), self.old_count))


def line_map(old: bytes, new: bytes) -> LineMap:
    """The map of ``new``'s lines to ``old``'s."""
    old_lines, new_lines = old.split(b"\n"), new.split(b"\n")
    pairs: list[tuple[int, int]] = []
    _pair(old_lines, 0, len(old_lines), new_lines, 0, len(new_lines), pairs)
    pairs.sort()
    return LineMap(
        tuple(b + 1 for a, b in pairs), tuple(a + 1 for a, b in pairs), len(old_lines)
    )


def original_line(old: bytes, new: bytes, line: int) -> int:
    """The line of ``old`` that ``new``'s ``line`` (1-based) stood on."""
    return line_map(old, new).original(line)


def _pair(
    old: Sequence[bytes],
    a0: int,
    a1: int,
    new: Sequence[bytes],
    b0: int,
    b1: int,
    pairs: list[tuple[int, int]],
) -> None:
    """The equal lines of ``old[a0:a1]`` and ``new[b0:b1]``, as (old, new)
    indexes, appended to ``pairs``."""
    while a0 < a1 and b0 < b1 and old[a0] == new[b0]:
        pairs.append((a0, b0))
        a0, b0 = a0 + 1, b0 + 1
    while a0 < a1 and b0 < b1 and old[a1 - 1] == new[b1 - 1]:
        pairs.append((a1 - 1, b1 - 1))
        a1, b1 = a1 - 1, b1 - 1
    if a0 == a1 or b0 == b1:
        return
    if (a1 - a0) * (b1 - b0) <= _SMALL:
        matcher = difflib.SequenceMatcher(None, old[a0:a1], new[b0:b1], autojunk=False)
        for block in matcher.get_matching_blocks():
            pairs.extend(
                (a0 + block.a + i, b0 + block.b + i) for i in range(block.size)
            )
        return
    in_old, in_new = Counter(old[a0:a1]), Counter(new[b0:b1])
    where_old = {line: i for i, line in enumerate(old[a0:a1], a0) if in_old[line] == 1}
    anchors = _longest_increasing(
        [
            (where_old[line], j)
            for j, line in enumerate(new[b0:b1], b0)
            if in_new[line] == 1 and line in where_old
        ]
    )
    previous_a, previous_b = a0, b0
    for a, b in anchors:
        _pair(old, previous_a, a, new, previous_b, b, pairs)
        pairs.append((a, b))
        previous_a, previous_b = a + 1, b + 1
    _pair(old, previous_a, a1, new, previous_b, b1, pairs)
