"""One decision per key use: every fixer reaches the same verdict for the same
endpoint, and the report labels each site as the fixers treated it. These were
bugs while each fixer decided on its own."""

from __future__ import annotations

import re

import pytest

from hapimigrate import report
from hapimigrate.decide import (
    DEVELOPER_REASON,
    MIXED_NO_AUTH,
    NO_AUTH_REASON,
    KeyUse,
    decide,
)
from hapimigrate.hubspot import families
from hapimigrate.model import Endpoint, Status
from tests.conftest import migrate

HEADER = "Authorization"


def _concrete(example: str) -> str:
    """``/webhooks/v3/{appId}/x`` -> ``/webhooks/v3/123/x``."""
    return re.sub(r"\{[^}]*\}", "123", example)


def _url(example: str) -> str:
    return example if "://" in example else "https://api.hubapi.com" + example


def _sites(source: str):
    result = migrate(source)
    assert result.error is None
    return result


def _as_url(example: str) -> str:
    return (
        "import os\nimport requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n\n"
        f"requests.post('{_url(_concrete(example))}?hapikey=' + KEY, data={{'a': 1}})\n"
    )


def _as_params(example: str) -> str:
    return (
        "import os\nimport requests\n\nKEY = os.environ['HUBSPOT_API_KEY']\n\n"
        f"requests.post('{_url(_concrete(example))}', params={{'hapikey': KEY}}, data={{'a': 1}})\n"
    )


@pytest.mark.parametrize("build", [_as_url, _as_params], ids=["url", "params"])
@pytest.mark.parametrize("family", families.families(), ids=lambda f: f.name)
def test_every_family_example_is_treated_and_labelled_alike(family, build):
    result = _sites(build(family.example))
    [site] = result.sites
    [entry] = report.build(result.sites, "env:X").sites
    sources = {c.need.source for c in entry.calls if c.need}
    assert sources == {family.auth}, "the report labels the site as the fixer did"
    if family.auth == families.DEVELOPER_KEY:
        assert site.status == Status.KEPT and site.reason == DEVELOPER_REASON
        assert result.new is None
    else:
        assert site.status == Status.REWRITE and site.reason == NO_AUTH_REASON
        new = result.new.decode()
        assert "hapikey" not in new and HEADER not in new


@pytest.mark.parametrize("build", [_as_url, _as_params], ids=["url", "params"])
def test_a_key_used_only_for_a_form_goes_whether_in_the_url_or_in_params(build):
    new = _sites(build("https://forms.hubspot.com/uploads/form/v2/{p}/{g}")).new
    assert "KEY =" not in new.decode() and "hapikey" not in new.decode()


def test_a_url_sent_to_a_form_and_to_the_api_is_left_for_a_person():
    source = (
        "import requests\n\n"
        "def send(url, key):\n"
        "    return requests.post(url + '?hapikey=' + key)\n\n"
        "send('https://api.hsforms.com/submissions/v3/integration/submit/1/2', K)\n"
        "send('https://api.hubapi.com/contacts/v1/contact', K)\n"
    )
    [site] = _sites(source).sites
    assert site.status == Status.MANUAL and site.reason == MIXED_NO_AUTH


@pytest.mark.parametrize(
    "use, status",
    [
        (KeyUse("DEV_API_KEY"), Status.KEPT),
        (KeyUse("KEY", (Endpoint("GET", "/webhooks/v1/1/settings"),)), Status.KEPT),
        (KeyUse("DEVELOPER_KEY", problem="passed on"), Status.KEPT),
        (KeyUse("KEY", problem="passed on"), Status.MANUAL),
        (
            KeyUse(
                "KEY",
                (
                    Endpoint("GET", "/webhooks/v1/1/x"),
                    Endpoint("GET", "/deals/v1/deal/1"),
                ),
            ),
            Status.MANUAL,
        ),
        (KeyUse("KEY", (Endpoint("GET", "/deals/v1/deal/1"),)), Status.REWRITE),
        (KeyUse("KEY", urls=("{base}/x",)), Status.REWRITE),
    ],
)
def test_decide(use, status):
    assert decide(use).status == status


def test_only_a_rewrite_that_sends_the_token_adds_it():
    assert decide(KeyUse("K", (Endpoint("GET", "/deals/v1/deal/1"),))).send_token
    forms = KeyUse(
        "K", urls=("https://api.hsforms.com/submissions/v3/integration/submit/1/2",)
    )
    assert not decide(forms).send_token and decide(forms).key_may_go


def test_operations_hubspot_marks_as_developer_key_are_kept_and_labelled():
    source = _as_url("/marketing/marketing-events/2026-09/{appId}/settings")
    result = _sites(source)
    [site] = result.sites
    assert site.status == Status.KEPT and result.new is None
    [entry] = report.build(result.sites, "env:X").sites
    assert [c.need.source for c in entry.calls] == ["developer-key"]


CALLER_SHAPES = [
    # a parameter, sent where it is read: the caller's credential becomes the token
    (
        "import requests\n\ndef contacts(portal_key):\n"
        "    return requests.get(URL, params={'hapikey': portal_key})\n",
        Status.REWRITE,
        '"Bearer " + portal_key',
    ),
    # a tenant record handed in
    (
        "import requests\n\ndef sync(portal):\n"
        "    return requests.get(URL + '?hapikey=' + portal['api_key'])\n",
        Status.REWRITE,
        "\"Bearer \" + portal['api_key']",
    ),
    # the client's own key, given to its constructor
    (
        "import requests\n\nclass C:\n    def __init__(self, key):\n        self.key = key\n"
        "    def get(self):\n        return requests.get(URL, params={'hapikey': self.key})\n",
        Status.REWRITE,
        '"Bearer " + self.key',
    ),
    # the caller's, else the configured one: the default becomes the provider's token
    (
        "import requests\n\nclass C:\n    def __init__(self, key=None):\n"
        "        self.key = key or settings.KEY\n"
        "    def get(self):\n        return requests.get(URL, params={'hapikey': self.key})\n",
        Status.REWRITE,
        'self.key = key or os.environ["HUBSPOT_ACCESS_TOKEN"]',
    ),
    # a parameter read in one method, the request made in another: out of reach
    (
        "import requests\n\nclass C:\n    def __init__(self, key):\n"
        "        self.url = URL + '?hapikey=' + key\n"
        "    def get(self):\n        return requests.get(self.url)\n",
        Status.MANUAL,
        "the request is made elsewhere",
    ),
    # a default that is a configured key: the caller's, by default the
    # provider's token (an environment variable's, read once as the key was;
    # tests/test_auto_reads.py has the provider function and None cases)
    (
        "import requests\n\ndef get(key=API_KEY):\n"
        "    return requests.get(URL, params={'hapikey': key})\n",
        Status.REWRITE,
        'def get(key=os.environ["HUBSPOT_ACCESS_TOKEN"]):',
    ),
]


@pytest.mark.parametrize("source, status, evidence", CALLER_SHAPES)
def test_a_callers_credential_stays_the_callers(source, status, evidence):
    result = _sites(source)
    [site] = result.sites
    assert site.status == status, site.reason
    if status == Status.REWRITE:
        assert evidence in result.new.decode()
    else:
        assert evidence in site.reason and result.new is None


def test_two_configured_keys_are_not_collapsed_into_one_token():
    source = (
        "import os, requests\n"
        "FROM_KEY = os.environ['FROM_KEY']\nTO_KEY = os.environ['TO_KEY']\n\n"
        "def read():\n"
        "    return requests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all"
        "?hapikey=' + FROM_KEY)\n\n"
        "def write(c):\n"
        "    return requests.post('https://api.hubapi.com/contacts/v1/contact',"
        " params={'hapikey': TO_KEY}, json=c)\n"
    )
    result = _sites(source)
    assert result.new is None
    assert [s.status for s in result.sites] == [Status.MANUAL, Status.MANUAL]
    assert all("FROM_KEY, TO_KEY" in s.reason for s in result.sites)


def test_one_key_spelled_two_ways_is_one_key():
    source = (
        "import os, requests\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n\n"
        "def a():\n    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + API_KEY)\n\n"
        "def b():\n    return requests.get('https://api.hubapi.com/deals/v1/deal/paged',"
        " params={'hapikey': os.environ['HUBSPOT_API_KEY']})\n"
    )
    assert {s.status for s in _sites(source).sites} == {Status.REWRITE}


def test_configured_keys_callers_pass_become_the_providers_token():
    source = (
        "import os, requests\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n\n"
        "def deal(key, deal_id):\n"
        "    return requests.get(URL + deal_id, params={'hapikey': key})\n\n"
        "def sync():\n    return deal(API_KEY, '1')\n"
    )
    result = _sites(source)
    new = result.new.decode()
    assert "deal(os.environ[\"HUBSPOT_ACCESS_TOKEN\"], '1')" in new
    assert 'headers={"Authorization": "Bearer " + key}' in new
    assert "API_KEY =" not in new  # read by nothing any more


def test_a_caller_passing_a_key_that_cannot_be_placed_is_left_for_a_person():
    source = (
        "import requests\n\n"
        "def deal(key, deal_id):\n"
        "    return requests.get(URL + deal_id, params={'hapikey': key})\n\n"
        "def sync(store):\n    return deal(store.lookup('key') or API_KEY, '1')\n"
    )
    [site] = _sites(source).sites
    assert site.status == Status.MANUAL and "line 7" in site.reason


def test_one_template_fed_two_keys_is_not_collapsed():
    source = (
        "import os, requests\nPROD = os.environ['PROD_KEY']\nSANDBOX = os.environ['SANDBOX_KEY']\n"
        "URL = 'https://api.hubapi.com/owners/v2/owners?hapikey={key}'\n"
        "def a():\n    return requests.get(URL.format(key=PROD))\n"
        "def b():\n    return requests.post(URL.format(key=SANDBOX))\n"
    )
    result = _sites(source)
    assert result.new is None
    assert {s.status for s in result.sites} == {Status.MANUAL}
