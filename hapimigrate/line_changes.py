"""Which lines of a rewritten text changed, in time that grows with the file.

``difflib.SequenceMatcher`` (without its junk heuristic, which can pair the
wrong lines) is quadratic on texts with many equal lines: on a 12,000-line
module of small functions one rewritten line took 13 s. A rewrite changes a
few lines here and there, so the common head and tail are set aside, lines
found once in each side pair up as anchors (as patience diff does), and
SequenceMatcher only sees the short runs between anchors. A run still too long
for it counts as changed as a whole: more lines, never fewer.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter
from typing import Sequence

# above this many line pairs a run is not given to SequenceMatcher
_SMALL = 250_000


def changed_lines(old: Sequence[str], new: Sequence[str]) -> set[int]:
    """The indexes in ``new`` of lines added or replaced; where lines were only
    removed, the index of the line before the gap (0 at the top)."""
    found: set[int] = set()
    _changed(old, 0, len(old), new, 0, len(new), found)
    return found


def _changed(
    old: Sequence[str],
    a0: int,
    a1: int,
    new: Sequence[str],
    b0: int,
    b1: int,
    found: set[int],
) -> None:
    while a0 < a1 and b0 < b1 and old[a0] == new[b0]:
        a0, b0 = a0 + 1, b0 + 1
    while a0 < a1 and b0 < b1 and old[a1 - 1] == new[b1 - 1]:
        a1, b1 = a1 - 1, b1 - 1
    if a0 == a1 and b0 == b1:
        return
    if b0 == b1 or a0 == a1:
        _mark(b0, b1, found)
        return
    if (a1 - a0) * (b1 - b0) <= _SMALL:
        matcher = difflib.SequenceMatcher(None, old[a0:a1], new[b0:b1], autojunk=False)
        for tag, _, _, start, end in matcher.get_opcodes():
            if tag != "equal":
                _mark(b0 + start, b0 + end, found)
        return
    anchors = _anchors(old, a0, a1, new, b0, b1)
    if not anchors:
        _mark(b0, b1, found)  # nothing to pair on: all of it, to be safe
        return
    previous_a, previous_b = a0, b0
    for a, b in anchors:
        _changed(old, previous_a, a, new, previous_b, b, found)
        previous_a, previous_b = a + 1, b + 1
    _changed(old, previous_a, a1, new, previous_b, b1, found)


def _mark(start: int, end: int, found: set[int]) -> None:
    found.update(range(start, end) if end > start else [max(start - 1, 0)])


def _anchors(
    old: Sequence[str], a0: int, a1: int, new: Sequence[str], b0: int, b1: int
) -> list[tuple[int, int]]:
    """Pairs of lines found once in each run, the longest chain of them in
    the same order on both sides."""
    in_old = Counter(old[a0:a1])
    in_new = Counter(new[b0:b1])
    where_old = {line: i for i, line in enumerate(old[a0:a1], a0) if in_old[line] == 1}
    pairs = [
        (where_old[line], j)
        for j, line in enumerate(new[b0:b1], b0)
        if in_new[line] == 1 and line in where_old
    ]
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (in order of their second item)
    whose first items increase."""
    tails: list[int] = []  # the smallest first item ending a chain of each length
    ends: list[int] = []  # the index in pairs of that chain's last pair
    before: list[int] = [-1] * len(pairs)
    for index, (a, _) in enumerate(pairs):
        length = bisect.bisect_left(tails, a)
        if length == len(tails):
            tails.append(a)
            ends.append(index)
        else:
            tails[length] = a
            ends[length] = index
        before[index] = ends[length - 1] if length else -1
    chain = []
    index = ends[-1] if ends else -1
    while index >= 0:
        chain.append(pairs[index])
        index = before[index]
    return chain[::-1]
