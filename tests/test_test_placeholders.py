"""A test handing a client a made-up key (``HubSpot(api_key="test-key")``) keeps
it: it reaches a mocked HubSpot, where it stands for a token as well, and it is
not a second portal's key beside the app's configured one (blind5's hubcrm:
"several keys are sent ('k1', 'test-key', HUBSPOT_API_KEY)"). A literal that
could be a real key, or a made-up one outside a test, is a key like any other."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import key_sites, tree

CLIENT = """\
import os

import requests


class Client(object):
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]

    def owners(self):
        return requests.get(
            "https://api.hubapi.com/owners/v2/owners",
            params={"hapikey": self.api_key},
        ).json()
"""
USE = """\
from crm.client import Client


def owners():
    return Client().owners()
"""
TEST = """\
from unittest import mock

from crm.client import Client


def test_owners():
    with mock.patch("crm.client.requests.get") as get:
        Client(api_key={key!r}).owners()
    assert get.called
"""


def files(key: str, test_path: str = "tests/test_client.py") -> dict[str, str]:
    return {
        "crm/__init__.py": "",
        "crm/client.py": CLIENT,
        "crm/use.py": USE,
        test_path: TEST.format(key=key),
    }


def test_a_made_up_key_in_a_test_stays_and_the_client_migrates(tmp_path):
    results = tree(tmp_path, files("test-key"))
    sites = [s for r in results.values() for s in key_sites(r)]
    assert sites and {s.status for s in sites} == {Status.REWRITE}, [
        s.reason for s in sites
    ]
    assert not results["tests/test_client.py"].changed
    assert "hapikey" not in results["crm/client.py"].new.decode()


@pytest.mark.parametrize(
    "key, test_path",
    [
        ("5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60", "tests/test_client.py"),  # a key
        ("test-key", "crm/check_client.py"),  # not a test
    ],
    ids=["real_looking_key", "outside_tests"],
)
def test_other_literals_are_keys(tmp_path, key, test_path):
    results = tree(tmp_path, files(key, test_path))
    client = key_sites(results["crm/client.py"])
    assert client and all(s.status == Status.MANUAL for s in client), [
        s.reason for s in client
    ]
