"""A request whose verb is chosen at run time (``getattr(requests, method)(url,
...)``, ``requests.__getattribute__(method)(...)``, a session's) is a request:
real wrappers pick the verb from their caller. It was "passed to getattr(...)(),
which hapimigrate does not follow"."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

WRAPPER = """\
import os

import requests

BASE = "https://api.hubapi.com"


def call(method, endpoint, payload=None):
    data = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
    if method != "post":
        return CHOOSE(method)(BASE + endpoint, params={**data, **(payload or {})})
    return CHOOSE(method)(BASE + endpoint, params=data, json=payload)


def contacts():
    return call("get", "/crm/v3/objects/contacts", {"limit": 10}).json()


def create(properties):
    return call("post", "/crm/v3/objects/contacts", {"properties": properties}).json()
"""

SHAPES = {
    "getattr": "getattr(requests, method.lower())",
    "dunder": "requests.__getattribute__(method)",
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_verb_chosen_at_run_time_is_a_request(tmp_path, shape):
    source = WRAPPER.replace("CHOOSE(method)", SHAPES[shape])
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    text = result.new.decode()
    assert "hapikey" not in text and "HUBSPOT_API_KEY" not in text
    assert text.count('headers={"Authorization": "Bearer "') == 2


@pytest.mark.parametrize(
    "chooser, reason",
    [
        # a name that is no verb: requests.request takes the method first
        ('getattr(requests, "request")("GET", BASE + endpoint', "getattr"),
        # a receiver that may not take headers= (made by another package)
        ("getattr(vendor_session(), method)(BASE + endpoint", "getattr"),
        # a session's verb: its own Authorization (an OAuth session) is not
        # looked at for this shape (review 21's R8)
        ("getattr(requests.Session(), method)(BASE + endpoint", "getattr"),
    ],
    ids=["not_a_verb", "unknown_receiver", "a_session"],
)
def test_a_chooser_that_is_not_surely_a_request_stays_manual(tmp_path, chooser, reason):
    source = (
        "import os\nimport requests\nfrom vendor import vendor_session\n\n"
        'BASE = "https://api.hubapi.com"\n\n\n'
        "def call(method, endpoint):\n"
        f"    return {chooser}, params={{'hapikey': os.environ['HUBSPOT_API_KEY']}})\n"
    )
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    assert [s.status for s in key_sites(result)] == [Status.MANUAL]
    assert result.new is None


def test_verbs_chosen_at_run_time_behave(tmp_path):
    files = {
        "src/hs.py": WRAPPER.replace("CHOOSE(method)", SHAPES["getattr"]),
        "scenario.py": (
            '"""A wrapper choosing the verb with getattr."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_contacts(credential):\n    import hs\n\n    hs.contacts()\n\n\n"
            "def case_create(credential):\n    import hs\n\n"
            '    hs.create({"email": "a@example.com"})\n'
        ),
    }
    behaves(tmp_path / "wrapper", files, manual=0)
