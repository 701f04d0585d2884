"""Wrong rewrites found in the third held-out sample of real code
(``bench/real_sample3.md``), each reproduced in the shape it had there."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

WRAPPER = """\
from hubspot3 import Hubspot3
from SECOND


class API:
    def __init__(self, key):
        self.key = key
        self.client = Hubspot3(api_key=key)
        self.pipeline_client = PipelineClient(api_key=key)

    def get_all_companies(self):
        return self.client.companies.get_all()

    def get_all_pipelines(self):
        return self.pipeline_client.get_all_pipelines()
"""


def test_a_key_also_handed_to_a_class_not_seen_keeps_the_sdk_client_manual(tmp_path):
    # hubspot_wrapper/api.py: Hubspot3(api_key=key) became access_token=key
    # while PipelineClient(api_key=key), of a module the tree does not hold,
    # kept taking the same value as a key: no one value serves both
    source = WRAPPER.replace("SECOND", ".pipeline import PipelineClient")
    files = {"hubspot_wrapper/__init__.py": "", "hubspot_wrapper/api.py": source}
    result = tree(tmp_path, files)["hubspot_wrapper/api.py"]
    sites = key_sites(result)
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert "PipelineClient()" in sites[0].reason
    assert result.new is None


def test_a_key_handed_to_two_sdk_clients_still_migrates_both(tmp_path):
    source = WRAPPER.replace("SECOND", "hubspot3.pipelines import PipelinesClient")
    source = source.replace("PipelineClient(", "PipelinesClient(")
    files = {"hubspot_wrapper/__init__.py": "", "hubspot_wrapper/api.py": source}
    result = tree(tmp_path, files)["hubspot_wrapper/api.py"]
    assert {s.status for s in key_sites(result)} == {Status.REWRITE}
    assert result.new.decode().count("access_token=key") == 2


SESSION_CLIENT = """\
import os
from itertools import count

import requests


class HubAPI:
    def __init__(self, hapikey):
        self.session = requests.Session()
        self.hapikey = hapikey

    def request(self, method, url, params=None, **kwargs):
        if params is None:
            params = {}
        if url.startswith("/"):
            url = "https://api.hubapi.com" + url
        if "https://api.hubapi.com" in url:
            if isinstance(params, dict):
                params["hapikey"] = self.hapikey
            else:
                params = list(params) + [("hapikey", self.hapikey)]
        response = self.session.request(method=method, url=url, params=params, **kwargs)
        response.raise_for_status()
        return response.json()


def get_api():
    return HubAPI(hapikey=os.environ["HUBSPOT_API_KEY"])
"""


def test_a_key_added_in_both_branches_under_a_host_test_keeps_the_header_there(
    tmp_path,
):
    # hubapi.py: the dict branch's header was put before the request, on every
    # path (another branch's binding of params, holding the key, was taken for
    # a key the dict held already): the token went to every host the client
    # was handed
    result = tree(tmp_path, {"hubapi.py": SESSION_CLIENT})["hubapi.py"]
    text = result.new.decode()
    header = 'kwargs["headers"] = {**(kwargs.get("headers") or {}), "Authorization"'
    assert text.count(header) == 2
    for line in text.splitlines():
        if line.strip().startswith('kwargs["headers"]'):
            assert line.startswith(" " * 16), line  # inside the branches
    # and no reason renders the URL rebound from itself as repeated hosts
    assert not any("comhttps" in s.reason for s in result.sites)


def test_a_client_adding_the_key_on_hubspot_urls_only_behaves(tmp_path):
    files = {
        "src/hubapi.py": SESSION_CLIENT,
        "scenario.py": (
            '"""A client that adds the key on HubSpot URLs only."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_dict(credential):\n    import hubapi\n\n"
            '    hubapi.get_api().request("get", "/crm/v3/objects/contacts", {"limit": 1})\n\n\n'
            "def case_pairs(credential):\n    import hubapi\n\n"
            '    hubapi.get_api().request("get", "/crm/v3/objects/deals", [("limit", 1)])\n\n\n'
            "def case_other_host(credential):\n    import hubapi\n\n"
            "    try:\n"
            '        hubapi.get_api().request("get", "https://status.example.com/ping")\n'
            "    except Exception:\n        pass\n"
        ),
    }
    behaves(tmp_path / "hubapi", files, manual=0)


def test_a_configured_key_handed_as_hapikey_to_a_class_taking_a_token_is_migrated(
    tmp_path,
):
    # hubapi.py:55: HubAPI(hapikey=os.environ[...]) was rewritten to the token
    # and still reported manual ("the key is passed as hapikey= to HubAPI()")
    result = tree(tmp_path, {"hubapi.py": SESSION_CLIENT})["hubapi.py"]
    site = next(s for s in key_sites(result) if s.line == 28)
    assert site.status == Status.REWRITE
    assert "HubAPI()" in site.reason
    assert 'HubAPI(hapikey=os.environ["HUBSPOT_ACCESS_TOKEN"])' in result.new.decode()
