"""Broken and odd PHP never stops the front end: the goldens and behavioural
programs, cut and spliced at random (a fixed seed, so every run is the same),
are each processed without an exception, a rewrite never adds a syntax error,
and a second run over a rewrite changes nothing."""

from __future__ import annotations

import glob
import os
import random

import pytest

pytest.importorskip("tree_sitter_php", reason="the php extra is not installed")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import php, php_syntax  # noqa: E402
from hapimigrate.foreign.splice import error_count  # noqa: E402
from hapimigrate.model import CALLS_UNLISTED, RunOptions  # noqa: E402
from tests.conftest import FIXTURES  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = sorted(
    glob.glob(os.path.join(FIXTURES, "php", "*", "before.php"))
    + glob.glob(os.path.join(HERE, "php_behaviour", "*.php"))
)
PIECES = [b"'", b'"', b"(", b")", b"{", b"}", b";", b" . $x", b"?hapikey=", b"&", b"[", b"]", b",", b"\n"]  # fmt: skip
OPTIONS = RunOptions(providers.resolve(None), calls=CALLS_UNLISTED)


def mutants(count: int, seed: int):
    texts = [open(path, "rb").read() for path in SOURCES]
    rnd = random.Random(seed)
    for _ in range(count):
        data = bytearray(rnd.choice(texts))
        for _ in range(rnd.randint(1, 3)):
            at = rnd.randrange(len(data))
            roll = rnd.random()
            if roll < 0.4:
                del data[at : at + rnd.randint(1, 30)]
            elif roll < 0.7:
                data[at:at] = rnd.choice(PIECES)
            else:
                other = rnd.choice(texts)
                start = rnd.randrange(len(other))
                data[at:at] = other[start : start + rnd.randint(1, 60)]
        yield bytes(data)


def test_mutated_php_is_processed_safely():
    rewritten = 0
    for data in mutants(200, seed=16):
        result = php.process("mutant.php", data, OPTIONS)
        assert result.error is None
        if result.new is None:
            continue
        rewritten += 1
        before = error_count(php_syntax.parse(data))
        assert error_count(php_syntax.parse(result.new)) <= before
        assert php.process("mutant.php", result.new, OPTIONS).new is None
    assert rewritten  # the mutants exercise the rewrites, not only the refusals
