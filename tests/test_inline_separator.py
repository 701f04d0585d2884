"""``path + ("&" if "?" in path else "?") + "hapikey=" + KEY``: the separator
written in place, like a ``sep`` variable, only serves the key; it goes with
it, and the path keeps its own query."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

HS = """\
import os

import requests

BASE = "https://api.hubapi.com"
KEY = os.environ["HUBSPOT_API_KEY"]


def _url(path):
    return BASE + path + ("&" if "?" in path else "?") + "hapikey=" + KEY


def deals(offset=0):
    return requests.get(_url("/deals/v1/deal/paged?limit=250&offset=%d" % offset)).json()


def owners():
    return requests.get(_url("/owners/v2/owners")).json()
"""


def test_the_separator_goes_with_the_key(tmp_path):
    results = tree(tmp_path, {"hs.py": HS})
    sites = key_sites(results["hs.py"])
    assert sites and {s.status for s in sites} == {Status.REWRITE}
    text = results["hs.py"].new.decode()
    assert "hapikey" not in text and '"&" if "?"' not in text
    assert "return BASE + path\n" in text


def test_it_behaves_as_before(tmp_path):
    project = {
        "src/hs.py": HS,
        "scenario.py": (
            '"""Paged deals (a query of their own) and owners (none)."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n'
            "RESPONSES = [\n"
            '    {"method": "GET", "url": r"/deals/v1/deal/paged", "json": {}},\n'
            '    {"method": "GET", "url": r"/owners/v2/owners", "json": []},\n'
            "]\n\n\n"
            "def case_both(credential):\n"
            "    import hs\n\n"
            "    hs.deals(250)\n"
            "    hs.owners()\n"
        ),
    }
    behaves(tmp_path / "sep", project, manual=0)
