"""A name bound with the key on every path counts as keyed at the request only
when nothing else may set its key entry again (review 23, R7): the entry named
by a constant (``params[AUTH_PARAM] = portal_key``), an alias (``p = params``),
or a helper the dict is handed to (``use_portal(params, portal_key)``) may put
a client portal's key there; the sites stay manual, nothing is written. The
plain shape still migrates."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

HEAD = """\
import os

import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]
AUTH_PARAM = "hapikey"
URLS = {
    "contacts": "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
    "deals": "https://api.hubapi.com/deals/v1/deal/paged",
}


def use_portal(query, key):
    query[AUTH_PARAM] = key


def fetch(kind, portal_key=None):
    if kind == "contacts":
        params = {"hapikey": API_KEY, "count": 100}
    elif kind == "deals":
        params = {"hapikey": API_KEY, "limit": 250}
"""
TAIL = "    return requests.get(URLS[kind], params=params).json()\n"
CHANGES = {
    "entry named by a constant": "    if portal_key:\n        params[AUTH_PARAM] = portal_key\n",
    "an alias": "    if portal_key:\n        p = params\n        p['hapikey'] = portal_key\n",
    "a helper": "    if portal_key:\n        use_portal(params, portal_key)\n",
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_key_entry_that_may_be_set_again_keeps_the_sites(tmp_path, change):
    result = tree(tmp_path, {"hs.py": HEAD + CHANGES[change] + TAIL})["hs.py"]
    fetched = [s for s in key_sites(result) if s.enclosing == "fetch"]
    assert len(fetched) >= 2 and all(s.status == Status.MANUAL for s in fetched)
    assert result.new is None


def test_without_the_change_the_branches_migrate(tmp_path):
    result = tree(tmp_path, {"hs.py": HEAD + TAIL})["hs.py"]
    fetched = [s for s in key_sites(result) if s.enclosing == "fetch"]
    assert len(fetched) == 2 and all(s.status == Status.REWRITE for s in fetched)
