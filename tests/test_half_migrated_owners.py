"""A class whose constructor takes a token now (its callers pass tokens),
while one of its own uses of the key is left for a person: that use would get
the token and still send it as ``hapikey`` (review 17's T5: the GET path went
through another module's helper, manual; the facade passed the token anyway).
The module stays as it is, and with it its callers."""

from __future__ import annotations

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

BASE = """\
import requests

from hubcrm import utils


class BaseClient(object):
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key):
        self.api_key = api_key

    def _call(self, method, path, params=None):
        if method == "GET":
            return utils.fetch(self.BASE_URL + path, self.api_key, params).json()
        params = {**(params or {}), "hapikey": self.api_key}
        return requests.request(method, self.BASE_URL + path, params=params).json()
"""
UTILS = """\
import requests


def fetch(url, key, params=None):
    return requests.get(url, params=dict(params or {}, hapikey=key))
"""
RESOURCES = """\
from hubcrm.base import BaseClient


class ContactsClient(BaseClient):
    def by_email(self, email):
        return self._call("GET", "/contacts/v1/contact/email/%s/profile" % email)

    def create(self, email):
        return self._call("POST", "/contacts/v1/contact/createOrUpdate/email/%s" % email)
"""
FACADE = """\
import os

from hubcrm.resources import ContactsClient


def contacts():
    return ContactsClient(os.environ["HUBSPOT_API_KEY"])
"""
FILES = {
    "hubcrm/__init__.py": "",
    "hubcrm/base.py": BASE,
    "hubcrm/utils.py": UTILS,
    "hubcrm/resources.py": RESOURCES,
    "hubcrm/facade.py": FACADE,
}


def test_a_class_with_a_use_left_for_a_person_keeps_taking_keys(tmp_path):
    results = tree(tmp_path, FILES)
    assert not any(r.changed for r in results.values()), [
        n for n, r in results.items() if r.changed
    ]
    base = key_sites(results["hubcrm/base.py"])
    assert base and all(s.status == Status.MANUAL for s in base)
    assert any("its uses change together" in s.reason for s in base)


def test_it_behaves_as_before(tmp_path):
    project = {f"src/{n}": text for n, text in FILES.items()} | {
        "scenario.py": (
            '"""A client whose GET goes through another module\'s helper."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_both(credential):\n"
            "    from hubcrm.facade import contacts\n\n"
            "    c = contacts()\n"
            '    c.by_email("a@example.com")\n'
            '    c.create("b@example.com")\n'
        )
    }
    behaves(tmp_path / "half", project, manual=5)
