"""The old key's variable already sent as a Bearer token becomes the token
(:mod:`hapimigrate.python.bearer_reads`): real code half-way through the move
reads the token from ``HUBSPOT_API_KEY``; once the module's key sites read the
provider's token, that read would be all that still needs the old variable."""

from __future__ import annotations

import pytest

from hapimigrate.model import Kind, Status
from tests.trees import behaves, key_sites, tree

MODULE_LEVEL = """\
import os

import requests
from hubspot import HubSpot

BASE = "https://api.hubapi.com"
hubspot_client = HubSpot(api_key=os.getenv("HUBSPOT_API_KEY"))
HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")


def headers():
    return {"Authorization": f"Bearer {HUBSPOT_TOKEN}", "Content-Type": "application/json"}


def deals():
    return requests.get(BASE + "/crm/v3/objects/deals", headers=headers()).json()
"""

IN_A_FUNCTION = """\
import os

import requests

BASE = "https://api.hubapi.com"


def _headers():
    key = os.environ["HUBSPOT_API_KEY"]
    if key.startswith("pat-"):
        return {"Authorization": f"Bearer {key}"}
    return {"Authorization": "Bearer " + key}


def companies():
    r = requests.get(BASE + "/crm/v3/objects/companies", headers=_headers())
    if r.status_code == 401:
        r = requests.get(
            BASE + "/crm/v3/objects/companies",
            params={"hapikey": os.environ["HUBSPOT_API_KEY"]},
        )
    return r.json()
"""


def _read_sites(result):
    return [s for s in result.sites if s.kind == Kind.SETTING]


@pytest.mark.parametrize(
    "source, read, token",
    [
        (
            MODULE_LEVEL,
            'HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")',
            'HUBSPOT_TOKEN = os.environ.get("HUBSPOT_ACCESS_TOKEN")',
        ),
        (
            IN_A_FUNCTION,
            'key = os.environ["HUBSPOT_API_KEY"]',
            'key = os.environ["HUBSPOT_ACCESS_TOKEN"]',
        ),
    ],
    ids=["module_level_lenient", "function_local_strict"],
)
def test_a_read_of_the_old_variable_sent_as_bearer_reads_the_token(
    tmp_path, source, read, token
):
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    text = result.new.decode()
    assert read not in text and token in text
    assert "HUBSPOT_API_KEY" not in text
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    [site] = _read_sites(result)
    assert site.status == Status.REWRITE
    assert "already sent as a Bearer token" in site.reason


@pytest.mark.parametrize(
    "change",
    [
        # the value is also logged, or sent as a key elsewhere: not only a token
        ("def deals():", 'print("token", HUBSPOT_TOKEN)\n\n\ndef deals():'),
        (
            "def deals():",
            "def audit():\n    return {'hapikey': HUBSPOT_TOKEN}\n\n\ndef deals():",
        ),
        # the headers may go to another host the module names
        (
            'BASE = "https://api.hubapi.com"',
            'BASE = "https://api.hubapi.com"\nMIRROR = "https://mirror.example.com"',
        ),
        # bound twice: which value is sent depends on the path taken
        (
            "\n\ndef headers",
            "\nif os.getenv('LOCAL'):\n    HUBSPOT_TOKEN = 'local'\n\n\ndef headers",
        ),
        # a read with a default is not the key's read
        (
            'HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")',
            'HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY", "")',
        ),
        # another variable than the one the module migrates
        (
            'HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")',
            'HUBSPOT_TOKEN = os.getenv("HUBSPOT_PRIVATE_TOKEN")',
        ),
    ],
    ids=[
        "logged",
        "sent_as_key",
        "other_host",
        "bound_twice",
        "default",
        "other_variable",
    ],
)
def test_a_read_not_only_sent_as_bearer_stays(tmp_path, change):
    old, new = change
    assert old in MODULE_LEVEL
    source = MODULE_LEVEL.replace(old, new, 1)
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    line = next(l for l in source.splitlines() if l.startswith("HUBSPOT_TOKEN = "))
    text = result.new.decode() if result.new else source
    assert line in text
    assert not any(
        s.status == Status.REWRITE and "Bearer token" in s.reason for s in result.sites
    )


def test_reads_sent_as_bearer_behave(tmp_path):
    """Before and after: every request carries the one credential, as a
    Bearer header, and the retry's key is gone from its URL."""
    files = {
        "src/hs.py": IN_A_FUNCTION,
        "scenario.py": (
            '"""A sync reading its Bearer token from the old variable."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_companies(credential):\n"
            "    import hs\n\n    hs.companies()\n"
        ),
    }
    behaves(tmp_path / "sync", files, manual=0)


CLIENT_BOTH_WAYS = """\
import requests


class HubSpotIntegration:
    def __init__(self, api_key):
        self.api_key = api_key
        self.base_url = "https://api.hubapi.com"

    def get_headers(self):
        return {"Content-Type": "application/json", "Authorization": f"Bearer {self.api_key}"}

    def create_contact(self, email):
        data = {"properties": {"email": email}}
        url = f"{self.base_url}/crm/v3/objects/contacts"
        return requests.post(url, json=data, headers=self.get_headers()).json()

    def get_contacts(self):
        url = f"{self.base_url}/contacts/v1/lists/all/contacts/all?hapikey={self.api_key}"
        return requests.get(url).json()
"""


def test_a_parameter_sent_as_bearer_elsewhere_is_sent_as_bearer_here_too(tmp_path):
    # real sample 3: half the methods send self.api_key as a Bearer token, the
    # other half as ?hapikey=; "api_key is also read at line 10 (built into a
    # string: a log line?)" kept them all for a person
    result = tree(tmp_path, {"hs.py": CLIENT_BOTH_WAYS})["hs.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    text = result.new.decode()
    assert "hapikey" not in text
    assert 'headers={"Authorization": "Bearer " + self.api_key}' in text


def test_a_bearer_header_the_module_may_send_elsewhere_keeps_the_site_manual(tmp_path):
    source = CLIENT_BOTH_WAYS.replace(
        "import requests\n",
        'import requests\n\nMIRROR = "https://mirror.example.com"\n',
    )
    result = tree(tmp_path, {"hs.py": source})["hs.py"]
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}


def test_a_module_level_read_another_module_names_stays(tmp_path):
    files = {
        "app/__init__.py": "",
        "app/hs.py": MODULE_LEVEL,
        "app/alerts.py": (
            "import requests\n\nfrom app.hs import HUBSPOT_TOKEN\n\n\n"
            "def notify(text):\n"
            '    requests.post("https://hooks.example.com/x", json={"t": text, "k": HUBSPOT_TOKEN})\n'
        ),
    }
    result = tree(tmp_path, files)["app/hs.py"]
    text = result.new.decode() if result.new else MODULE_LEVEL
    assert 'HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")' in text
