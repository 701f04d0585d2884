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
