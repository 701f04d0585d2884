"""Wrong rewrites review 21 found in this round's rules, each reproduced."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

EMPTIED_ON_A_PATH = """\
import os

import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"
DEFAULT_PARAMS = {"hapikey": API_KEY, "count": 100}


class Client:
    def __init__(self, session=None):
        self.session = session or requests.Session()

    def get(self, url, params=None):
        query = dict(DEFAULT_PARAMS)
        if not url.startswith(BASE):
            query = {}  # a mirror or a status page: never the key
        if params:
            query.update(params)
        if url.startswith(BASE):
            query["hapikey"] = API_KEY
        return self.session.get(url, params=query).json()


def status():
    return Client().get("https://status.example.com/api/v2/status.json")
"""


def _no_token_on_every_path(result) -> None:
    text = result.new.decode() if result.new else ""
    assert "self.session.get(url, params=query, headers=" not in text


def test_r3_a_keyed_default_emptied_on_some_path_is_no_key_held_already(tmp_path):
    result = tree(tmp_path, {"hub.py": EMPTIED_ON_A_PATH})["hub.py"]
    _no_token_on_every_path(result)
    assert Status.REWRITE not in {s.status for s in key_sites(result) if s.line == 21}


REPORTING_CLIENT = """\
import requests

from config import ANALYTICS_URL

BASE = "https://api.hubapi.com"


class HubSpotClient:
    def __init__(self, api_key):
        self.api_key = api_key

    def contacts(self):
        response = requests.get(BASE + "/contacts/v1/lists/all/contacts/all?hapikey=" + self.api_key)
        self._report("contacts")
        return response.json()

    def _report(self, what):
        requests.post(ANALYTICS_URL, json={"call": what}, headers={"Authorization": f"Bearer {self.api_key}"})
"""

PROXIED_TOKEN = """\
import os

import requests

from config import PROXY_URL

HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")
hubspot_client_key = os.getenv("HUBSPOT_API_KEY")


def deals():
    return requests.get(PROXY_URL + "/crm/v3/objects/deals", headers={"Authorization": f"Bearer {HUBSPOT_TOKEN}"})


def contacts():
    return requests.get("https://api.hubapi.com/contacts/v1/lists/all/contacts/all", params={"hapikey": hubspot_client_key})
"""


def test_r15_a_bearer_use_sent_to_an_imported_host_is_no_token_use(tmp_path):
    files = {
        "config.py": 'ANALYTICS_URL = "https://analytics.internal.example.com/usage"\n',
        "client.py": REPORTING_CLIENT,
    }
    result = tree(tmp_path, files)["client.py"]
    assert {s.status for s in key_sites(result)} == {Status.MANUAL}
    assert result.new is None


def test_r2_the_old_variable_sent_as_bearer_to_an_imported_host_is_not_made_the_token(
    tmp_path,
):
    files = {
        "config.py": 'PROXY_URL = "https://crm-proxy.internal"\n',
        "hs.py": PROXIED_TOKEN,
    }
    result = tree(tmp_path, files)["hs.py"]
    text = result.new.decode() if result.new else PROXIED_TOKEN
    assert 'HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")' in text
