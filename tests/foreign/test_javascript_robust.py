"""Bad input never crashes the JavaScript front end: every fixture, cut at
random places (half-written code, unbalanced brackets, broken strings), gives
sites or unparsed sites, and a rewrite it hands back never parses worse than
its input."""

from __future__ import annotations

import os
import random

import pytest

pytest.importorskip("tree_sitter_javascript")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.foreign.js_syntax import parse_for  # noqa: E402
from hapimigrate.foreign.splice import error_count  # noqa: E402
from hapimigrate.model import RunOptions  # noqa: E402
from tests.conftest import FIXTURES  # noqa: E402

PATTERNS = os.path.join(FIXTURES, "javascript")


@pytest.mark.parametrize("name", sorted(os.listdir(PATTERNS)))
def test_cut_fixtures_never_crash(name):
    folder = os.path.join(PATTERNS, name)
    (source,) = [f for f in os.listdir(folder) if f.startswith("before.")]
    with open(os.path.join(folder, source), "rb") as handle:
        data = handle.read()
    parse = parse_for(source)
    options = RunOptions(providers.resolve(None))
    rng = random.Random(name)
    for _ in range(40):
        start = rng.randrange(len(data))
        cut = data[:start] + data[start + rng.randrange(1, 40) :]
        result = javascript.process(source, cut, options)
        assert result.error is None
        if result.new is not None:
            assert error_count(parse(result.new)) <= error_count(parse(cut))
