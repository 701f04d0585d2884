"""Guards left in charge of the old key are reported, each at its test."""

from __future__ import annotations

import pytest

from hapimigrate.model import Kind, Status
from tests.conftest import migrate

PRELUDE = (
    "import os\nimport requests\n\nAPI_KEY = os.environ.get('HUBSPOT_API_KEY')\n\n"
    "def owners():\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + API_KEY)\n\n"
)


@pytest.mark.parametrize(
    "guard",
    [
        "if not API_KEY:\n    raise SystemExit('set HUBSPOT_API_KEY')\n",
        "if API_KEY is None:\n    owners = None\n",
        "while not API_KEY:\n    break\n",
        "assert API_KEY, 'no key'\n",
        "ENABLED = True if API_KEY else False\n",
        "if len(API_KEY) and os.getpid():\n    pass\n",
    ],
)
def test_a_test_of_a_migrated_key_is_a_manual_site(guard):
    result = migrate(PRELUDE + guard)
    guards = [s for s in result.sites if s.kind == Kind.GUARD]
    assert [(s.status, s.line) for s in guards] == [(Status.MANUAL, 9)]
    assert "API_KEY" in guards[0].reason
    assert result.new is not None  # the request itself is still migrated


@pytest.mark.parametrize(
    "other",
    [
        "print(API_KEY[:4])\n",  # read, but no test
        "if os.environ.get('OTHER'):\n    pass\n",
    ],
)
def test_other_reads_are_not_guards(other):
    result = migrate(PRELUDE + other)
    assert [s for s in result.sites if s.kind == Kind.GUARD] == []


def test_a_guard_on_a_settings_attribute():
    source = (
        "import requests\nfrom app import settings\n\n"
        "def owners():\n"
        "    if not settings.HUBSPOT_API_KEY:\n        return []\n"
        "    return requests.get(URL, params={'hapikey': settings.HUBSPOT_API_KEY})\n"
    )
    [guard] = [s for s in migrate(source).sites if s.kind == Kind.GUARD]
    assert guard.line == 5 and "settings.HUBSPOT_API_KEY" in guard.reason


def test_no_guard_is_reported_when_the_key_is_left_alone():
    source = (
        PRELUDE.replace("requests.get(", "other.fetch(") + "if not API_KEY:\n    pass\n"
    )
    assert [s.kind for s in migrate(source).sites] == [Kind.URL]


def test_a_flag_derived_from_the_key_is_a_guard():
    result = migrate(PRELUDE + "HUBSPOT_ENABLED = bool(API_KEY)\n")
    [guard] = [s for s in result.sites if s.kind == Kind.GUARD]
    assert guard.line == 9


def test_a_check_of_the_old_variable_by_its_name_is_a_guard():
    source = (
        PRELUDE + "if 'HUBSPOT_API_KEY' not in os.environ:\n    raise SystemExit(1)\n"
    )
    [guard] = [s for s in migrate(source).sites if s.kind == Kind.GUARD]
    assert guard.line == 9 and "HUBSPOT_API_KEY" in guard.reason
