"""Wrong rewrites found in the third held-out sample of real code
(``bench/real_sample3.md``), each reproduced in the shape it had there."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

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
