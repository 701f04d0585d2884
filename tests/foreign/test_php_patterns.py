"""PHP goldens: for each pattern of ``fixtures/php``, ``before.php`` must become
exactly ``after.php``, the sites found must be exactly those of ``sites.txt``, the
result must parse, and a second run must change nothing. Manual patterns stay
byte for byte as they were."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("tree_sitter_php", reason="the php extra is not installed")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import php  # noqa: E402
from hapimigrate.foreign import php_syntax  # noqa: E402
from hapimigrate.foreign.splice import error_count  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402
from tests.conftest import FIXTURES  # noqa: E402

PATTERNS = os.path.join(FIXTURES, "php")
NAMES = sorted(os.listdir(PATTERNS))
OPTIONS = RunOptions(providers.resolve(None))


def read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def site_lines(result) -> str:
    def call(c) -> str:
        return f"{c.method or '-'} {c.path or '-'}"

    return "".join(
        f"{s.line}:{s.column} {s.kind.value} {s.status.value} "
        f"[{', '.join(call(c) for c in s.calls)}]"
        f"{' hardcoded' if s.hardcoded_key else ''}"
        f"{': ' + s.reason if s.reason else ''}\n"
        for s in result.sites
    )


@pytest.mark.parametrize("name", NAMES)
def test_pattern(name, update_goldens):
    folder = os.path.join(PATTERNS, name)
    path = os.path.join(folder, "before.php")
    before = read(path)
    result = php.process(path, before, OPTIONS)
    assert result.error is None
    after = result.new if result.new is not None else before
    sites = site_lines(result)
    if update_goldens:
        with open(os.path.join(folder, "after.php"), "wb") as handle:
            handle.write(after)
        with open(os.path.join(folder, "sites.txt"), "w") as handle:
            handle.write(sites)
    assert after == read(os.path.join(folder, "after.php"))
    assert sites == read(os.path.join(folder, "sites.txt")).decode()
    assert error_count(php_syntax.parse(after)) == 0


@pytest.mark.parametrize("name", NAMES)
def test_pattern_is_idempotent(name):
    folder = os.path.join(PATTERNS, name)
    path = os.path.join(folder, "after.php")
    after = read(path)
    again = php.process(path, after, OPTIONS)
    assert again.new is None
    assert not [s for s in again.sites if s.status == Status.REWRITE]


def test_manual_pattern_stays_byte_identical():
    folder = os.path.join(PATTERNS, "manual_sites")
    assert read(os.path.join(folder, "after.php")) == read(
        os.path.join(folder, "before.php")
    )
    result = php.process(
        os.path.join(folder, "before.php"),
        read(os.path.join(folder, "before.php")),
        OPTIONS,
    )
    assert result.sites and {s.status for s in result.sites} == {Status.MANUAL}
    assert all(s.reason for s in result.sites)
