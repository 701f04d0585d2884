"""Golden fixtures: for each pattern, before.py must become exactly after.py, the
sites found must be exactly those in sites.txt, and a second run changes nothing.
A pattern's ``options.txt`` names the run options it needs, one a line
(``modernize``: ``--modernize``)."""

from __future__ import annotations

import os

import pytest

from hapimigrate import providers
from hapimigrate.model import RunOptions
from hapimigrate.python import module as codemod
from tests.conftest import FIXTURES

PATTERNS = os.path.join(FIXTURES, "patterns")
NAMES = sorted(os.listdir(PATTERNS))


def call_line(call) -> str:
    return f"{call.method or '-'} {call.path or '-'}"


def site_lines(result) -> str:
    return "".join(
        f"{s.line}:{s.column} {s.kind.value} {s.status.value} "
        f"[{', '.join(call_line(c) for c in s.calls)}]"
        f"{' hardcoded' if s.hardcoded_key else ''}"
        f"{': ' + s.reason if s.reason else ''}\n"
        for s in result.sites
    )


def read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def options_of(name: str) -> RunOptions:
    """The run options ``options.txt`` of a pattern asks for."""
    path = os.path.join(PATTERNS, name, "options.txt")
    asked = read(path).decode().split() if os.path.exists(path) else []
    unknown = set(asked) - {"modernize"}
    assert not unknown, f"{path}: unknown options {unknown}"
    return RunOptions(providers.resolve(None), modernize="modernize" in asked)


def migrate(source: bytes, name: str, path: str):
    return codemod.process_source(path, source, options_of(name))


@pytest.mark.parametrize("name", NAMES)
def test_pattern(name, update_goldens):
    folder = os.path.join(PATTERNS, name)
    before = read(os.path.join(folder, "before.py"))
    result = migrate(before, name, path="before.py")
    assert result.error is None
    after = result.new if result.new is not None else before
    sites = site_lines(result)
    if update_goldens:
        with open(os.path.join(folder, "after.py"), "wb") as handle:
            handle.write(after)
        with open(os.path.join(folder, "sites.txt"), "w") as handle:
            handle.write(sites)
    assert after == read(os.path.join(folder, "after.py"))
    assert sites == read(os.path.join(folder, "sites.txt")).decode()


@pytest.mark.parametrize("name", NAMES)
def test_pattern_is_idempotent(name):
    after = read(os.path.join(PATTERNS, name, "after.py"))
    again = migrate(after, name, path="after.py")
    assert again.new is None or again.new == after
    assert not [s for s in again.sites if s.status.value == "rewrite"]
