"""A start-up check's message kept in a constant, or around a read that
bearer_reads makes the token's (review 21, R13): once the check tests the
token's variable, its message must name that variable, or the check stays as
it is, reported; never a message sending the operator to the old variable."""

from __future__ import annotations

from hapimigrate.model import Kind, Status
from tests.trees import tree

SYNC = """\
import os
import sys

import requests

MISSING = "HUBSPOT_API_KEY is not set: export it before running the sync"

try:
    API_KEY = os.environ["HUBSPOT_API_KEY"]
except KeyError:
    sys.exit(MISSING)


def contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
        params={"hapikey": API_KEY, "count": 100},
    ).json()
"""


def _sync(tmp_path, source: str, more: dict | None = None):
    results = tree(tmp_path, {"sync.py": source, **(more or {})})
    return results["sync.py"]


def test_a_message_constant_only_the_handler_reads_names_the_token(tmp_path):
    result = _sync(tmp_path, SYNC)
    new = result.new.decode()
    assert 'MISSING = "HUBSPOT_ACCESS_TOKEN is not set' in new
    assert "HUBSPOT_API_KEY" not in new


def test_a_message_constant_read_elsewhere_keeps_the_check(tmp_path):
    source = SYNC + '\n\ndef usage():\n    print("needs:", MISSING)\n'
    result = _sync(tmp_path, source)
    guards = [s for s in result.sites if s.kind in (Kind.GUARD, Kind.SETTING)]
    kept = [s for s in guards if "MISSING" in s.reason]
    assert kept and all(s.status == Status.MANUAL for s in kept)
    new = result.new.decode() if result.new else source
    assert 'MISSING = "HUBSPOT_API_KEY is not set' in new
    assert 'os.environ["HUBSPOT_API_KEY"]' in new  # the check as it was


def test_another_modules_message_keeps_the_check(tmp_path):
    source = SYNC.replace(
        'MISSING = "HUBSPOT_API_KEY is not set: export it before running the sync"',
        "from messages import MISSING",
    )
    more = {"messages.py": 'MISSING = "HUBSPOT_API_KEY is not set"\n'}
    result = _sync(tmp_path, source, more)
    new = result.new.decode() if result.new else source
    assert 'os.environ["HUBSPOT_API_KEY"]' in new


BEARER = """\
import os
import sys

import requests

BASE = "https://api.hubapi.com"
try:
    HUBSPOT_TOKEN = os.environ["HUBSPOT_API_KEY"]
except KeyError:
    sys.exit("HUBSPOT_API_KEY is not set")


def headers():
    return {"Authorization": f"Bearer {HUBSPOT_TOKEN}"}


def deals():
    return requests.get(BASE + "/crm/v3/objects/deals", headers=headers()).json()


def contacts():
    return requests.get(
        BASE + "/contacts/v1/lists/all/contacts/all",
        params={"hapikey": os.environ["HUBSPOT_API_KEY"], "count": 100},
    ).json()
"""


def test_a_bearer_read_in_a_start_up_check_renames_its_message(tmp_path):
    result = _sync(tmp_path, BEARER)
    new = result.new.decode()
    assert 'HUBSPOT_TOKEN = os.environ["HUBSPOT_ACCESS_TOKEN"]' in new
    assert 'sys.exit("HUBSPOT_ACCESS_TOKEN is not set")' in new
