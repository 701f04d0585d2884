"""Which configured key a site sends, as the two-keys rule compares them
(origins.config_key): an instance attribute set once in ``__init__``
(``self.key = os.environ["HUBSPOT_API_KEY"]``) is the variable it reads, so a
module sending ``HAPIKEY = os.environ["HUBSPOT_API_KEY"]`` beside a class
sending ``self.key`` sends one key, and both migrate (blind6's
grown_sync_yaml_py27 left three sites manual: "several keys are sent (HAPIKEY,
self.key)"); two variables are still two keys."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

MODULE = """\
import os
import requests

HAPIKEY = os.environ["HUBSPOT_API_KEY"]


def owners():
    return requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": HAPIKEY}).json()
"""
CLIENT = """\
import os
import requests


class Client:
    def __init__(self):
        self.key = os.environ["{variable}"]

    def deals(self):
        return requests.get("https://api.hubapi.com/deals/v1/deal/paged", params={{"hapikey": self.key}}).json()
"""


@pytest.mark.parametrize(
    "variable, status",
    [("HUBSPOT_API_KEY", Status.REWRITE), ("HUBSPOT_SANDBOX_KEY", Status.MANUAL)],
    ids=["one_variable", "two_variables"],
)
def test_an_attribute_set_from_the_environment_is_that_variable(
    tmp_path, variable, status
):
    results = tree(
        tmp_path,
        {"sync.py": MODULE, "client.py": CLIENT.format(variable=variable)},
    )
    sites = [s for r in results.values() for s in key_sites(r)]
    assert [s.status for s in sites] == [status, status]
    if status == Status.MANUAL:
        assert all("several keys" in s.reason for s in sites)
