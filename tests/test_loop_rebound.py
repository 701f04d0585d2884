"""A keyed dict bound again further down a loop (the next page's query:
``q = {"hapikey": key, "offset": o}`` after the request) reaches that request
on the loop's next turn. Both bindings migrate together: the first page and
every later one carry the token and no key. Before, the later binding read as
"not used in this module" (LibCST counts only the reads written after a
binding), the request got the Bearer header, and pages 2+ still sent
``?hapikey=`` (real sample 7's one wrong rewrite)."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, run_against_standin, tree

PAGED = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]
URL = "https://api.hubapi.com/email/public/v1/events"


def events(recipients):
    for recipient in recipients:
        query = {"hapikey": KEY, "recipient": recipient}
        page = 0
        while page < 3:
            response = requests.get(URL, params=query)
            page += 1
            query = {"hapikey": KEY, "recipient": recipient, "offset": str(page)}
    return page
"""
DRIVER = "import sync\nsync.events(['a@example.com'])\n"


def test_every_page_of_a_loop_sends_the_token(tmp_path):
    results = tree(tmp_path / "tree", {"sync.py": PAGED})
    result = results["sync.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE] * 2
    migrated = result.new.decode()
    assert "hapikey" not in migrated
    seen = run_against_standin(tmp_path / "run", {"sync.py": migrated}, DRIVER)
    assert [r.query.get("offset") for r in seen] == [None, ["1"], ["2"]]
    for request in seen:
        assert request.authorization == "Bearer tok-main"
        assert request.hapikey is None
        assert request.query.get("recipient") == ["a@example.com"]


def test_a_script_loop_at_module_level_too(tmp_path):
    script = (
        "import os\nimport requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "query = {'hapikey': KEY}\nfor page in range(3):\n"
        "    requests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all',"
        " params=query)\n"
        "    query = {'hapikey': KEY, 'vidOffset': page}\n"
    )
    results = tree(tmp_path, {"export.py": script})
    result = results["export.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE] * 2
    assert b"hapikey" not in result.new


def test_a_tenants_key_bound_in_the_loop_keeps_both_manual(tmp_path):
    tenants = PAGED.replace(
        '"hapikey": KEY, "recipient": recipient, "offset"',
        '"hapikey": portals[recipient], "recipient": recipient, "offset"',
    ).replace("def events(recipients):", "def events(recipients, portals):")
    results = tree(tmp_path, {"sync.py": tenants})
    result = results["sync.py"]
    assert Status.REWRITE not in [s.status for s in key_sites(result)]
    assert result.new is None
