"""A params dict whose key entry is read out after the request (found by the
encoded14 helper): ``params.pop("hapikey")`` would raise ``KeyError`` once the
entry is gone, ``params.get("hapikey")`` would give ``None``: the site stays
manual. A guard testing the entry (``if not params.get("hapikey"):``) is no
such read."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

SOURCE = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def contacts():
    params = {{"hapikey": KEY, "count": 100}}
    r = requests.get("https://api.hubapi.com/contacts/v1/lists/all/contacts/all", params=params)
    {line}
    return r.json()
"""


@pytest.mark.parametrize(
    "line", ['used = params.pop("hapikey")', 'print(params.get("hapikey")[-4:])']
)
def test_the_key_entry_read_out_keeps_the_site(tmp_path, line):
    result = tree(tmp_path, {"a.py": SOURCE.format(line=line)})["a.py"]
    assert [s.status for s in key_sites(result)] == [Status.MANUAL]
    assert not result.changed


def test_a_guard_testing_the_entry_is_no_read(tmp_path):
    line = 'if not params.get("hapikey"):\n        raise SystemExit(1)'
    result = tree(tmp_path, {"a.py": SOURCE.format(line=line)})["a.py"]
    assert Status.MANUAL not in {s.status for s in key_sites(result)} or not any(
        "key entry is read" in s.reason for s in key_sites(result)
    )
