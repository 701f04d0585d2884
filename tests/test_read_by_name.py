"""A key held in an object's attribute that the module also reads another way
(``getattr(self, "params")``, ``type(self).URL_PARAMS``,
``self.__class__.URL_PARAMS``, ``vars(self)``) stays for a person: the dict
would lose the key for that request too, which would get no header (review
24, R12: a credential lost, pre-existing for the configured key)."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

INSTANCE = """\
import os
import requests

BASE = "https://api.hubapi.com"


class HubSpotDeal(object):
    def __init__(self):
        self.params = {{"hapikey": os.environ["HUBSPOT_API_KEY"]}}

    def search(self, name):
        return requests.post(BASE + "/crm/v3/objects/deals/search", params=self.params)

    def pipelines(self):
        return requests.get(BASE + "/crm/v3/pipelines/deals", params={read})
"""
CLASS = """\
import os
import requests


class Contacts:
    URL_PARAMS = {{"hapikey": os.environ["HUBSPOT_API_KEY"]}}

    def page(self):
        url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"
        return requests.get(url, params=self.URL_PARAMS)

    def lists(self):
        return requests.get("https://api.hubapi.com/contacts/v1/lists", params={read})
"""
CASES = {
    "getattr": INSTANCE.format(read='getattr(self, "params")'),
    "vars": INSTANCE.format(read='vars(self)["params"]'),
    "type(self)": CLASS.format(read="type(self).URL_PARAMS"),
    "__class__": CLASS.format(read="self.__class__.URL_PARAMS"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_attribute_read_another_way_keeps_the_key(tmp_path, case):
    results = tree(tmp_path, {"hub.py": CASES[case]})
    sites = key_sites(results["hub.py"])
    assert [s.status for s in sites] == [Status.MANUAL]
    assert "read another way" in sites[0].reason
    assert results["hub.py"].new is None


def test_attributes_read_as_written_still_migrate(tmp_path):
    source = INSTANCE.format(read="self.params")
    results = tree(tmp_path, {"hub.py": source})
    (site,) = key_sites(results["hub.py"])
    assert site.status == Status.REWRITE
    assert b"hapikey" not in results["hub.py"].new
