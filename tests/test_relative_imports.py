"""A module that imports a client from its own package (``from . import
BaseClient``: the class in, or re-exported by, the package's ``__init__.py``)
reads it: its subclasses and their callers are found, so the base does not
move to the token alone (review 17's T13: the portal key and the developer
key went out as Bearer tokens)."""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate.model import Status
from hapimigrate.tree_imports import imported_names
from tests.trees import behaves, key_sites, tree

BASE = """\
import requests


class BaseClient(object):
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key):
        self.api_key = api_key

    def _call(self, method, path):
        params = {"hapikey": self.api_key}
        return requests.request(method, self.BASE_URL + path, params=params).json()
"""
RESOURCES = """\
from . import BaseClient


class ContactsClient(BaseClient):
    def by_email(self, email):
        return self._call("GET", "/contacts/v1/contact/email/%s/profile" % email)


class WebhooksClient(BaseClient):
    def __init__(self, developer_key, app_id):
        super(WebhooksClient, self).__init__(developer_key)
        self.app_id = app_id

    def subscriptions(self):
        return self._call("GET", "/webhooks/v1/%s/subscriptions" % self.app_id)
"""
FACADE = """\
import os

from hubcrm.resources import ContactsClient, WebhooksClient


def contacts():
    return ContactsClient(os.environ["HUBSPOT_API_KEY"]).by_email("a@example.com")


def hooks():
    return WebhooksClient(os.environ["HUBSPOT_DEVELOPER_KEY"], 77).subscriptions()
"""
LAYOUTS = {
    "in_init": {"hubcrm/__init__.py": BASE},
    "re_exported": {
        "hubcrm/__init__.py": "from .base import BaseClient  # noqa: F401\n",
        "hubcrm/base.py": BASE,
    },
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_the_base_does_not_move_to_the_token_alone(tmp_path, layout):
    files = {
        **LAYOUTS[layout],
        "hubcrm/resources.py": RESOURCES,
        "hubcrm/facade.py": FACADE,
    }
    project = {f"src/{n}": text for n, text in files.items()} | {
        "scenario.py": (
            '"""A base client imported from its own package."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main", '
            '"HUBSPOT_DEVELOPER_KEY": "devkey-app"}\n\n\n'
            "def case_both(credential):\n"
            "    from hubcrm import facade\n\n"
            "    facade.contacts()\n"
            "    facade.hooks()\n"
        )
    }
    results = tree(tmp_path / "tree", files)
    base = "hubcrm/base.py" if layout == "re_exported" else "hubcrm/__init__.py"
    if results[base].changed:  # split: the callers moved with it
        assert (
            'os.environ["HUBSPOT_ACCESS_TOKEN"]'
            in results["hubcrm/facade.py"].new.decode()
        )
    else:
        assert all(s.status == Status.MANUAL for s in key_sites(results[base]))
    manual = sum(
        s.status == Status.MANUAL for r in results.values() for s in key_sites(r)
    )
    behaves(tmp_path / "project", project, manual=manual)


def test_a_relative_import_names_its_package(tmp_path):
    path = tmp_path / "app" / "sub" / "x.py"
    data = b"from . import Client\nfrom .. import settings\n"
    assert {b"sub", b"app"} <= imported_names(data, str(path))
    assert b"sub" not in imported_names(data)
