"""A parameter named ``hapikey`` (``def get_groups(hapikey): ... params={"hapikey":
hapikey}``): the name itself is no sign that a use sends the key, but the
``"hapikey"`` written beside it is. The bench corpus's sandbox_portal_copy: with
the quoted name taken for the variable's, its helpers' uses looked like other
uses, its FROM_KEY sites stayed for another reason, and TO_KEY alone became the
provider's token, two portals' keys mixed up."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import key_sites, tree

COPY = """\
import os

import requests

API = "https://api.hubapi.com"
FROM_KEY = os.environ["FROM_KEY"]
TO_KEY = os.environ["TO_KEY"]


def get_groups(hapikey):
    return requests.get(API + "/properties/v1/contacts/groups", params={"hapikey": hapikey}).json()


def create_group(hapikey, group):
    return requests.post(API + "/properties/v1/contacts/groups", params={"hapikey": hapikey}, json=group)


def copy_groups():
    for group in get_groups(FROM_KEY):
        create_group(TO_KEY, group)
    requests.post(API + "/companies/v2/companies?hapikey=" + TO_KEY, json={})
"""


def test_two_portals_keys_stay_apart(tmp_path):
    results = tree(tmp_path, {"copy_portal.py": COPY})
    result = results["copy_portal.py"]
    assert not result.changed
    sites = key_sites(result)
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert any("several keys" in s.reason for s in sites)


def test_one_key_handed_to_helpers_named_hapikey_migrates(tmp_path):
    one = COPY.replace("TO_KEY", "FROM_KEY").replace(
        'FROM_KEY = os.environ["FROM_KEY"]\n', "", 1
    )
    results = tree(tmp_path, {"copy_portal.py": one})
    sites = key_sites(results["copy_portal.py"])
    assert sites and {s.status for s in sites} == {Status.REWRITE}, [
        s.reason for s in sites
    ]
