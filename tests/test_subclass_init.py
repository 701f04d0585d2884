"""A resource client in another module whose own ``__init__`` only hands the
base its key parameter (``def __init__(self, api_key, object_type, **kwargs):
super().__init__(api_key, **kwargs); self.object_type = object_type``): its
callers' key is the base's, a token now, and the hierarchy migrates with its
facade (blind6 facade_client_package: 12 sites manual, "ObjectsClient defines
its own __init__"). A constructor that does more with the key, takes it at
another place, or runs anything else keeps everything manual."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

BASE = """\
import requests


class BaseClient(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key, timeout=15):
        self.api_key = api_key
        self.timeout = timeout

    def _get(self, path, **params):
        query = {"hapikey": self.api_key}
        query.update(params)
        return requests.get(self.base_url + path, params=query, timeout=self.timeout).json()
"""
OBJECTS = """\
from .base import BaseClient


class OwnersClient(BaseClient):
    def all(self):
        return self._get("/owners/v2/owners")


class ObjectsClient(BaseClient):
    def __init__(self, api_key, object_type, **kwargs):
        super(ObjectsClient, self).__init__(api_key, **kwargs)
        self.object_type = object_type

    def page(self):
        return self._get("/crm/v3/objects/%s" % self.object_type, limit=10)
"""
FACADE = """\
import os

from .crm import ObjectsClient, OwnersClient


class HubSpot(object):
    def __init__(self, api_key=None, timeout=15):
        key = api_key or os.environ["HUBSPOT_API_KEY"]
        self.owners = OwnersClient(key, timeout=timeout)
        self.tickets = ObjectsClient(key, "tickets", timeout=timeout)
"""


def files(objects: str = OBJECTS) -> dict[str, str]:
    return {
        "lite/__init__.py": FACADE,
        "lite/base.py": BASE,
        "lite/crm.py": objects,
    }


def test_a_constructor_handing_its_key_on_migrates_with_the_hierarchy(tmp_path):
    results = tree(tmp_path, files())
    sites = [s for r in results.values() for s in key_sites(r)]
    assert sites and {s.status for s in sites} == {Status.REWRITE}, [
        s.reason for s in sites
    ]
    assert "hapikey" not in results["lite/base.py"].new.decode()


def test_the_hierarchy_behaves_as_before_with_a_token(tmp_path):
    project = {f"src/{name}": text for name, text in files().items()} | {
        "scenario.py": (
            '"""A facade over resource clients."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_configured(credential):\n"
            "    from lite import HubSpot\n\n"
            "    hs = HubSpot()\n    hs.owners.all()\n    hs.tickets.page()\n\n\n"
            "def case_own_credential(credential):\n"
            "    from lite import HubSpot\n\n"
            '    HubSpot(credential("client")).tickets.page()\n'
        )
    }
    behaves(tmp_path / "lite", project, manual=0)


@pytest.mark.parametrize(
    "init",
    [
        # reads the key for something else too
        "        super(ObjectsClient, self).__init__(api_key, **kwargs)\n"
        "        self.label = api_key[:4]\n",
        # runs something besides
        "        super(ObjectsClient, self).__init__(api_key, **kwargs)\n"
        "        register(self)\n",
        # hands the base another value
        "        super(ObjectsClient, self).__init__(object_type, **kwargs)\n",
        # hands the base a host of its own (review 15's R4)
        "        super(ObjectsClient, self).__init__(api_key, 'https://cache.example.com')\n",
    ],
    ids=["reads_the_key", "runs_something", "hands_another_value", "hands_a_host"],
)
def test_other_constructors_keep_the_hierarchy(tmp_path, init):
    objects = OBJECTS.replace(
        "        super(ObjectsClient, self).__init__(api_key, **kwargs)\n", init
    )
    results = tree(tmp_path, files(objects))
    crm = key_sites(results["lite/crm.py"])
    assert crm and all(s.status == Status.MANUAL for s in crm)
    assert not results["lite/base.py"].changed


def test_a_key_parameter_with_a_default_of_its_own_keeps_the_hierarchy(tmp_path):
    """``def __init__(self, api_key="demo", ...)``: a caller giving no key sends
    the default, which would go out as a token (review 15's R3)."""
    objects = OBJECTS.replace(
        "def __init__(self, api_key, object_type, **kwargs)",
        'def __init__(self, api_key="demo", object_type="tickets", **kwargs)',
    )
    results = tree(tmp_path, files(objects))
    crm = key_sites(results["lite/crm.py"])
    assert crm and all(s.status == Status.MANUAL for s in crm)
    assert not results["lite/base.py"].changed


def test_a_host_default_handed_on_by_name_keeps_the_hierarchy(tmp_path):
    """A parameter of its own with a host default, handed to the base by name
    (``base_url=base_url``): its callers leave it, the token would go there
    (review 16's S5)."""
    base = BASE.replace(
        "def __init__(self, api_key, timeout=15):",
        'def __init__(self, api_key, timeout=15, base_url="https://api.hubapi.com"):',
    ).replace(
        "        self.timeout = timeout\n",
        "        self.timeout = timeout\n        self.base_url = base_url\n",
    )
    objects = OBJECTS.replace(
        "def __init__(self, api_key, object_type, **kwargs):",
        'def __init__(self, api_key, object_type, base_url="https://cache.example.com"):',
    ).replace(
        "super(ObjectsClient, self).__init__(api_key, **kwargs)",
        "super(ObjectsClient, self).__init__(api_key, base_url=base_url)",
    )
    results = tree(tmp_path, files(objects) | {"lite/base.py": base})
    crm = key_sites(results["lite/crm.py"])
    assert crm and all(s.status == Status.MANUAL for s in crm)
