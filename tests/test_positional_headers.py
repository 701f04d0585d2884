"""urllib's ``Request(url, data, {...})`` given its headers third, positionally,
as Python 2/3 compatible scripts write it (three held-out corpora left such
sites manual: "urllib Request gets its headers positionally"). Headers written
out with literal names take the Authorization header, given as ``headers=`` (the
parameter's name in Python 2's urllib2 and Python 3's urllib.request); any other
third argument, or a fourth, stays manual."""

from __future__ import annotations

import json
import pytest

from hapimigrate.model import Status
from tests.conftest import migrate
from tests.trees import run_against_standin

COMPAT = """\
import json
import os

try:
    from urllib2 import Request, urlopen  # Python 2
except ImportError:  # Python 3
    from urllib.request import Request, urlopen

HAPIKEY = os.environ.get('HUBSPOT_API_KEY')
API = 'https://api.hubapi.com'


def post_json(path, payload):
    url = '%s%s?hapikey=%s' % (API, path, HAPIKEY)
    req = Request(url, json.dumps(payload).encode('utf-8'), {'Content-Type': 'application/json'})
    return urlopen(req, timeout=30).getcode()
"""


def test_headers_given_third_take_the_token_and_keep_their_own(tmp_path):
    result = migrate(COMPAT)
    assert [s.status for s in result.sites if s.kind.value == "url"] == [Status.REWRITE]
    text = result.new.decode()
    assert "headers={'Content-Type': 'application/json', \"Authorization\"" in text
    (seen,) = run_against_standin(tmp_path, {"compat.py": text}, DRIVER)
    assert seen.authorization == "Bearer tok-main" and seen.hapikey is None
    assert seen.method == "POST" and seen.path == "/contacts/v1/contact"
    assert "Content-Type: application/json" in seen.raw
    assert json.loads(seen.body) == {"properties": []}


DRIVER = (
    "import compat\n"
    "assert compat.post_json('/contacts/v1/contact', {'properties': []}) == 200\n"
)


@pytest.mark.parametrize(
    "headers",
    [
        "HEADERS",  # a name: what it holds is not read here
        "{'Authorization': 'Basic abc'}",  # its own credential
        "{**BASE_HEADERS}",
    ],
)
def test_other_headers_given_third_stay_manual(headers):
    source = COMPAT.replace("{'Content-Type': 'application/json'}", headers)
    result = migrate(source)
    assert result.new is None
    assert {s.status for s in result.sites if s.kind.value == "url"} == {Status.MANUAL}


def test_a_fourth_positional_argument_stays_manual():
    source = COMPAT.replace(
        "{'Content-Type': 'application/json'})", "{'Accept': 'x'}, 'origin.test')"
    )
    result = migrate(source)
    assert result.new is None
    (site,) = [s for s in result.sites if s.kind.value == "url"]
    assert site.status == Status.MANUAL and "positionally" in site.reason
