"""Slicing big modules to the statements that matter changes nothing in what
comes out: same sites (lines and columns), same rewrite, byte for byte."""

from __future__ import annotations

import ast
import os

import pytest

from hapimigrate.python import module as codemod
from hapimigrate.python import slicing
from tests.conftest import FIXTURES
from tests.test_patterns import options_of

PATTERNS = os.path.join(FIXTURES, "patterns")
FILLER = "".join(
    f"\n\ndef unrelated_{n}(items):\n    total = 0\n    for item in items:\n        total += item * {n}\n    return total\n"
    for n in range(30)
)


def migrate(source: bytes, name: str | None = None):
    """The engine, with the run options the pattern ``name`` asks for."""
    from hapimigrate import providers
    from hapimigrate.model import RunOptions

    options = options_of(name) if name else RunOptions(providers.resolve(None))
    return codemod.process_source("example.py", source, options)


def both_ways(source: bytes, monkeypatch, name: str | None = None):
    sliced = migrate(source, name)
    big = slicing.BIG
    monkeypatch.setattr(slicing, "MIN_LINES", 10**9)
    whole = migrate(source, name)
    monkeypatch.setattr(slicing, "MIN_LINES", 50)
    monkeypatch.setattr(slicing, "BIG", big)
    return sliced, whole


@pytest.mark.parametrize("outline", ["parser", "text"])
@pytest.mark.parametrize("name", sorted(os.listdir(PATTERNS)))
def test_sliced_equals_whole(name, outline, monkeypatch):
    if outline == "text":  # what files over slicing.BIG go through
        monkeypatch.setattr(slicing, "BIG", 0)
    with open(os.path.join(PATTERNS, name, "before.py"), "rb") as handle:
        before = handle.read()
    padded = before + FILLER.encode()
    head, _, tail = before.partition(
        b"\n\n\n"
    )  # filler between the imports and the code too
    padded_middle = head + FILLER.encode() + b"\n\n\n" + tail
    for source in (padded, padded_middle):
        assert slicing.reduce(source) is not None
        sliced, whole = both_ways(source, monkeypatch, name)
        assert sliced.sites == whole.sites
        assert sliced.new == whole.new


def test_reduction_keeps_lines_that_matter():
    source = (
        b"import requests\n"
        + FILLER.encode()
        + b'\nBASE = "https://api.hubapi.com"\n'
        + b'\ndef url(path):\n    return BASE + path + "?hapikey=" + KEY\n'
        + b'\ndef owners():\n    return requests.get(url("/owners/v2/owners"))\n'
    )
    part = slicing.reduce(source)
    kept = b"".join(part.reduced)
    assert b"import requests" in kept and b"BASE = " in kept
    assert b"def url" in kept and b"def owners" in kept  # the helper's caller too
    assert b"unrelated_" not in kept
    assert len([line for line in part.reduced if line.strip()]) < 20
    # every kept line keeps its number: sites and the lines reasons quote
    assert len(part.reduced) == len(part.original)
    for line in (b"import requests\n", b'BASE = "https://api.hubapi.com"\n'):
        assert part.reduced.index(line) == part.original.index(line)
    assert part.source.count(b"\n") == source.count(b"\n")


def test_a_reason_quotes_the_files_line_in_a_big_module():
    # found on real code (a 300-line module): "the request at line 62" named a
    # line of the reduced source, not the file's
    source = (
        "import requests\n"
        + FILLER
        + "\ndef blogs(key):\n"
        + "    url = 'https://www.example.com/blog?hapikey=%s' % key\n"
        + "    return requests.get(url)\n"
    )
    result = migrate(source.encode())
    (site,) = [s for s in result.sites if s.kind.value not in ("call", "version")]
    request_line = source.splitlines().index("    return requests.get(url)") + 1
    assert site.line == request_line - 1
    assert f"line {request_line} " in site.reason, site.reason


def test_a_changed_marker_falls_back_to_the_whole_file():
    part = slicing.reduce(b"import os\n" + FILLER.encode() + b"x = 'hapikey='\n")
    lines = list(part.reduced)
    marker = next(i for i, line in enumerate(lines) if b"hapimigrate-slice" in line)
    lines.insert(marker, b"import json\n")  # inside the marker's string
    assert slicing.splice(part, b"".join(lines)) is None


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"])
def test_a_run_is_one_statement_as_long_as_the_run(ending):
    source = (b"import os\n" + FILLER.encode() + b"x = 'hapikey='\n").replace(
        b"\n", ending
    )
    part = slicing.reduce(source)
    assert part is not None
    assert len(part.source.splitlines()) == len(source.splitlines())
    assert slicing.splice(part, part.source) == source
    ast.parse(part.source.replace(b"\r", b"\n"))  # still Python


def test_a_missing_marker_falls_back_to_the_whole_file():
    part = slicing.reduce(b"import os\n" + FILLER.encode() + b"x = 'hapikey='\n")
    broken = b"".join(line for line in part.reduced if b"hapimigrate-slice" not in line)
    assert slicing.splice(part, broken) is None
    assert slicing.splice(part, part.source) == b"".join(part.original)


def test_the_libcst_speedup_is_installed_only_on_checked_versions():
    from hapimigrate.python import speedups

    assert speedups.applies(speedups.LIBCST_VERSION)  # the pinned 1.x
    assert not speedups.applies("2.0.0") and not speedups.applies("")


@pytest.mark.parametrize(
    "source, holds",
    [
        (b"x = 'https://a/b?hapikey=' + k", True),
        (b"HAPIKEY = os.environ['HAPIKEY']", True),
        (b"cfg = {'HapiKey': k}", True),
        (b"from hubspot import HubSpot", True),
        (b"import hapi.contacts", True),
        (b"print('hubspot is a CRM')", False),
        (b"import json", False),
    ],
)
def test_the_prefilter(source, holds):
    from hapimigrate import prefilter

    assert prefilter.may_hold_site("m.py", source) is holds


def test_a_tree_pass_parses_only_what_names_its_words_in_a_big_module():
    big = (FILLER * 80).replace("unrelated_", "f")  # over OUTLINED bytes
    assert len(big) > slicing.OUTLINED
    source = (
        "from api import owners as get_owners\nimport os\n"
        + big
        + "\ndef sync():\n    return get_owners('/owners/v2/owners')\n"
    ).encode()
    reduced = slicing.statements_naming(source, {b"owners"})
    assert reduced.count(b"\n") == source.count(b"\n")  # lines keep their numbers
    tree = ast.parse(reduced)
    kept = [n.name for n in tree.body if isinstance(n, ast.FunctionDef)]
    assert kept == ["sync"]  # called through its alias
    assert slicing.statements_naming(b"x = 1\n", {b"owners"}) == b"x = 1\n"
