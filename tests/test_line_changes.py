"""line_changes: the changed lines of a rewrite, as difflib finds them, in time
that grows with the file (tree_handed reads them for every rewritten module)."""

from __future__ import annotations

import difflib
import random

import pytest

from hapimigrate.line_changes import changed_lines


def by_difflib(old: list[str], new: list[str]) -> set[int]:
    found: set[int] = set()
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, _, _, start, end in matcher.get_opcodes():
        if tag != "equal":
            found.update(range(start, end) if end > start else [max(start - 1, 0)])
    return found


FUNCTIONS = [
    line
    for n in range(3000)
    for line in (f"def f{n}(items):", "    total = 0", "    return total", "")
]


def test_one_rewritten_line_in_a_big_module_of_alike_lines():
    # 12,000 lines, most of them equal to many others: difflib without its junk
    # heuristic took seconds here; the rewrite's one line is all that changed
    new = list(FUNCTIONS)
    new[6001] = "    total = headers"
    assert changed_lines(FUNCTIONS, new) == {6001}


def test_lines_added_and_removed_far_apart():
    new = list(FUNCTIONS)
    new.insert(9000, "import os")
    del new[4001]
    new[20] = "    total = 1"
    assert changed_lines(FUNCTIONS, new) == {20, 4000, 8999}


def test_only_removed_lines_name_the_line_before():
    assert changed_lines(["a", "b", "c"], ["a", "c"]) == {0}
    assert changed_lines(["a", "b"], ["b"]) == {0}


def edited(rng: random.Random, old: list[str], fresh) -> list[str]:
    new = list(old)
    for _ in range(rng.randrange(0, 5)):
        at = rng.randrange(0, len(new) + 1)
        what = rng.random()
        if what < 0.4:
            new.insert(at, fresh())
        elif new and what < 0.7:
            del new[min(at, len(new) - 1)]
        elif new:
            new[min(at, len(new) - 1)] = fresh()
    return new


def is_subsequence(lines: list[str], of: list[str]) -> bool:
    remaining = iter(of)
    return all(line in remaining for line in lines)


@pytest.mark.parametrize("seed", range(40))
def test_texts_of_distinct_lines_agree_with_difflib(seed):
    rng = random.Random(seed)
    old = [f"line {n}" for n in range(rng.randrange(0, 60))]
    counter = iter(range(10**6))
    new = edited(rng, old, lambda: f"new {next(counter)}")
    assert changed_lines(old, new) == by_difflib(old, new)


@pytest.mark.parametrize("seed", range(40))
def test_texts_of_alike_lines_keep_only_lines_found_in_order(seed):
    # where equal lines make several pairings right, any one will do: what is
    # not called changed is the old text's lines, in order
    rng = random.Random(seed)
    old = [rng.choice("abcde") for _ in range(rng.randrange(0, 30))]
    new = edited(rng, old, lambda: rng.choice("abcxy"))
    found = changed_lines(old, new)
    assert all(0 <= i < max(len(new), 1) for i in found)
    kept = [line for i, line in enumerate(new) if i not in found]
    assert is_subsequence(kept, old)
    if old != new:
        assert found
