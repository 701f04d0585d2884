"""A URL local bound with the key in some branches and bound again later (real
code: a contact-import script, four sites each waiting for the others):

* reassigned.overwritten: a use that runs only after a later plain assignment
  of the name no longer sees the keyed value (LibCST's scopes are not
  flow-sensitive), so the request after ``url = BASE + "/contacts/v1/contact/"``
  is not reached by the search URL's key;
* unbound_paths: ``if a: url = keyed elif b: url = keyed`` with no ``else``,
  then ``requests.get(url)``: where no branch runs, ``url`` is unbound and the
  call raises before any request, so the header on every path changes nothing.

Near misses stay manual: a binding before the chain (a request without the
key), a branch binding it without the key, the request in a loop, a
conditional reassignment.
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Kind, Status
from tests.behaviour.compare import OK, WRONG
from tests.behaviour.harness import Settings, run_project
from tests.conftest import migrate

HEAD = (
    "import os\nimport requests\nBASE = 'https://api.hubapi.com'\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
)
SEARCH = "BASE + '/contacts/v1/search/query?q=' + {} + '&hapikey=' + KEY"

BY_EMAIL = SEARCH.format("contact['email']")
BY_NAME = SEARCH.format("contact['lastname']")
SAVE = HEAD + (
    "def save(contact, create):\n"
    "    if contact.get('email'):\n"
    f"        url = {BY_EMAIL}\n"
    "    elif contact.get('lastname'):\n"
    f"        url = {BY_NAME}\n"
    "    response = requests.get(url)\n"
    "    if create:\n"
    "        url = BASE + '/contacts/v1/contact/'\n"
    "        hapi = {'hapikey': KEY}\n"
    "        requests.request('POST', url, json=contact, params=hapi)\n"
    "    return response\n"
)


def key_sites(result):
    return [s for s in result.sites if s.kind not in (Kind.CALL, Kind.VERSION)]


def test_every_site_of_the_reused_url_migrates():
    result = migrate(SAVE)
    assert [s.status for s in key_sites(result)] == [Status.REWRITE] * 3
    text = result.new.decode()
    assert "hapikey" not in text
    assert text.count("Bearer ") == 2  # the search and the creation
    assert "requests.get(url, headers=" in text


NEAR_MISSES = {
    "bound before the chain": SAVE.replace(
        "    if contact.get('email'):\n",
        "    url = BASE + '/contacts/v1/lists'\n    if contact.get('email'):\n",
    ),
    "a branch without the key": SAVE.replace(
        "    response = requests.get(url)\n",
        "    else:\n        url = 'https://public.example.com/search'\n"
        "    response = requests.get(url)\n",
    ),
    "the request in a loop": SAVE.replace(
        "    response = requests.get(url)\n",
        "    for _ in range(2):\n        response = requests.get(url)\n"
        "        url = 'https://public.example.com/search'\n",
    ),
    "the URL read conditionally": SAVE.replace(
        "requests.get(url)", "requests.get(url if contact else BASE)"
    ),
}


@pytest.mark.parametrize("source", NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_a_path_that_requests_without_the_key_keeps_the_search_manual(source):
    result = migrate(source)
    searches = [s for s in key_sites(result) if s.line in (8, 10, 9, 11)]
    assert searches and all(s.status == Status.MANUAL for s in searches), [
        (s.line, s.status, s.reason) for s in key_sites(result)
    ]


def test_a_conditional_reassignment_still_reaches_the_later_request():
    source = HEAD + (
        "def sync(contact, mirror):\n"
        "    url = BASE + '/contacts/v1/contact/?hapikey=' + KEY\n"
        "    requests.get(url)\n"
        "    if mirror:\n"
        "        url = 'https://mirror.example.com/contacts'\n"
        "    requests.post(url, json=contact)\n"
    )
    result = migrate(source)
    (site,) = key_sites(result)
    assert site.status == Status.MANUAL  # the POST may get the keyed URL
    assert "mirror.example.com" in site.reason or "host" in site.reason


def test_a_plain_reassignment_never_sends_the_token_to_the_other_host():
    source = HEAD + (
        "def sync(contact):\n"
        "    url = BASE + '/contacts/v1/contact/?hapikey=' + KEY\n"
        "    requests.get(url)\n"
        "    url = 'https://mirror.example.com/contacts'\n"
        "    requests.post(url, json=contact)\n"
    )
    result = migrate(source)
    (site,) = key_sites(result)
    text = (result.new or source.encode()).decode()
    assert "requests.post(url, json=contact)\n" in text  # no header there
    # (left for a person today: the host check still reads both bindings)
    assert site.status in (Status.MANUAL, Status.REWRITE)


SCENARIO = '''"""A contact import: search, create when missing, and no branch at all."""
ENV = {"HUBSPOT_API_KEY": "key-main"}


def case_search_and_create(credential):
    import contacts

    contacts.save({"email": "a@example.com"}, True)
    contacts.save({"lastname": "Doe"}, False)


def case_no_branch(credential):
    import contacts

    try:
        contacts.save({}, True)
    except UnboundLocalError:
        pass
'''


def test_the_requests_carry_the_token_when_run(tmp_path):
    path = tmp_path / "src" / "contacts.py"
    path.parent.mkdir(parents=True)
    path.write_text(SAVE)
    (tmp_path / "scenario.py").write_text(SCENARIO)
    result = run_project(tmp_path, Settings())
    assert not result.errors, result.errors
    assert result.verdicts
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert any(v.kind == OK for v in result.verdicts)
    assert result.counts.manual == 0
