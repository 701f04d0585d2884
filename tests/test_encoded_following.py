"""A key-only dict urlencoded into '...?%s' keeps its '?' where text is added
after it (review 22, R5): "/paged?%s" % urlencode({"hapikey": K}) + "&limit=1",
or url += "&offset=...": the path must not become "/paged&limit=1"."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

SYNC = """\
import json
import os
import urllib.request
from urllib.parse import urlencode

API_KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"


def deals():
    out, offset = [], None
    while True:
        url = BASE + "/deals/v1/deal/paged?%s" % urlencode({"hapikey": API_KEY})
        url += "&limit=250&properties=dealname"
        if offset:
            url += "&offset=%s" % offset
        with urllib.request.urlopen(url) as response:
            page = json.load(response)
        out += page["deals"]
        if not page.get("hasMore"):
            return out
        offset = page["offset"]


def pipelines():
    url = BASE + "/deals/v1/pipelines?%s" % urlencode({"hapikey": API_KEY}) + "&includeInactive=true"
    with urllib.request.urlopen(url) as response:
        return json.load(response)
"""


def test_the_question_mark_stays_where_text_follows(tmp_path):
    result = tree(tmp_path, {"sync.py": SYNC})["sync.py"]
    assert [s.status for s in key_sites(result)] == [Status.REWRITE, Status.REWRITE]
    new = result.new.decode()
    assert 'BASE + "/deals/v1/deal/paged?%s" % urlencode({})' in new
    assert '"/deals/v1/pipelines?%s" % urlencode({}) + "&includeInactive=true"' in new
    assert "hapikey" not in new


def test_a_url_handed_as_it_is_loses_the_bare_question_mark(tmp_path):
    source = SYNC.replace(' + "&includeInactive=true"', "")
    result = tree(tmp_path, {"sync.py": source})["sync.py"]
    assert 'url = BASE + "/deals/v1/pipelines"\n' in result.new.decode()
