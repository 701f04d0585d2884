"""Per-fixer example tests, in the style of Fixit rules: each module holds the
(before, after) pairs its fixer must produce, the code it must leave untouched, and
the code it must leave for a person, with the reason."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.conftest import migrate

PRELUDE = "import os\n\n"
TOKEN = 'os.environ["HUBSPOT_ACCESS_TOKEN"]'
BEARER = '{"Authorization": "Bearer " + ' + TOKEN + "}"


def assert_rewrites(before: str, after: str) -> None:
    result = migrate(before)
    assert result.error is None
    assert result.new is not None, [s.reason for s in result.sites]
    assert result.new.decode() == PRELUDE + after
    assert all(s.status == Status.REWRITE for s in result.sites)
    assert migrate(result.new).new is None  # idempotent


def assert_untouched(source: str) -> None:
    result = migrate(source)
    assert result.error is None and result.new is None


def assert_left_for_a_person(source: str, status: Status, reason: str) -> None:
    result = migrate(source)
    assert result.new is None
    assert [(s.status, reason in s.reason) for s in result.sites] == [(status, True)]
