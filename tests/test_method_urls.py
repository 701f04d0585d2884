"""A base client building its URLs in a method of its own (``def _url(self,
path): return self.BASE_URL + path``, sent as ``self._url(path)``), its
resource clients in another module, a facade in a third, and a package
``__init__.py`` whose docstring names the facade (blind5's hubcrm: 11 sites
manual, "_call() is called from other modules of the tree, and its request's
host comes from its path", then "HubSpot() is called from other modules of the
tree, which may pass configured keys" for the word in the docstring). The
host is the class's; a subclass giving ``_url`` another host, or a method
that does more than return, keeps the hierarchy for a person."""

from __future__ import annotations

import pytest

from hapimigrate import name_uses
from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

INIT = '''\
"""hubcrm: resource clients for the HubSpot v1/v2 APIs behind one facade."""
from hubcrm.facade import HubSpot  # noqa: F401
'''
BASE = """\
import requests


class BaseClient(object):
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key, timeout=10):
        self.api_key = api_key
        self.timeout = timeout
        self.session = requests.Session()

    def _url(self, path):
        return self.BASE_URL + path

    def _call(self, method, path, params=None):
        params = {**(params or {}), "hapikey": self.api_key}
        resp = self.session.request(
            method, self._url(path), params=params, timeout=self.timeout
        )
        return resp.json()
"""
RESOURCES = """\
from hubcrm.base import BaseClient


class ContactsClient(BaseClient):
    def by_email(self, email):
        return self._call("GET", "/contacts/v1/contact/email/%s/profile" % email)


class OwnersClient(BaseClient):
    def by_email(self, email):
        return self._call("GET", "/owners/v2/owners", params={"email": email})
"""
FACADE = """\
import os

from hubcrm.resources import ContactsClient, OwnersClient


class HubSpot(object):
    def __init__(self, api_key=None):
        key = api_key or os.environ["HUBSPOT_API_KEY"]
        self.contacts = ContactsClient(key)
        self.owners = OwnersClient(key)
"""
DESK = """\
from hubcrm.facade import HubSpot


def owner_of(email, hs=None):
    hs = hs or HubSpot()
    contact = hs.contacts.by_email(email)
    return hs.owners.by_email(contact["owner"])
"""


def files(base: str = BASE, resources: str = RESOURCES) -> dict[str, str]:
    return {
        "hubcrm/__init__.py": INIT,
        "hubcrm/base.py": base,
        "hubcrm/resources.py": resources,
        "hubcrm/facade.py": FACADE,
        "hubcrm/desk.py": DESK,
    }


def test_a_url_method_of_the_class_keeps_the_host_and_the_hierarchy_migrates(
    tmp_path,
):
    results = tree(tmp_path, files())
    sites = [s for r in results.values() for s in key_sites(r)]
    assert sites and {s.status for s in sites} == {Status.REWRITE}, [
        s.reason for s in sites
    ]
    base = results["hubcrm/base.py"].new.decode()
    assert "hapikey" not in base and '"Bearer " + self.api_key' in base
    facade = results["hubcrm/facade.py"].new.decode()
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in facade


def test_the_hierarchy_behaves_as_before_with_a_token(tmp_path):
    project = {f"src/{name}": text for name, text in files().items()} | {
        "scenario.py": (
            '"""A facade over resource clients whose base builds its URLs."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n'
            "RESPONSES = [\n"
            '    {"method": "GET", "url": r"/contacts/v1/", "json": {"owner": "o"}},\n'
            "]\n\n\n"
            "def case_configured(credential):\n"
            "    from hubcrm.desk import owner_of\n\n"
            '    owner_of("a@example.com")\n\n\n'
            "def case_own_credential(credential):\n"
            "    from hubcrm import HubSpot\n\n"
            '    HubSpot(credential("client")).owners.by_email("b@example.com")\n'
        )
    }
    behaves(tmp_path / "hubcrm", project, manual=0)


@pytest.mark.parametrize(
    "resources",
    [
        # a subclass in the same module as the base, sending elsewhere
        None,
        # a subclass in another module, sending elsewhere
        RESOURCES + "\n\nclass MirrorClient(BaseClient):\n"
        "    def _url(self, path):\n"
        '        return "https://mirror.example.com" + path\n',
    ],
    ids=["beside_the_base", "in_another_module"],
)
def test_a_subclass_giving_the_url_method_another_host_keeps_the_hierarchy(
    tmp_path, resources
):
    base = BASE
    if resources is None:
        resources = RESOURCES
        base = (
            BASE + "\n\nclass MirrorClient(BaseClient):\n"
            "    def _url(self, path):\n"
            '        return "https://mirror.example.com" + path\n'
        )
    results = tree(tmp_path, files(base, resources))
    assert not results["hubcrm/base.py"].changed
    sites = key_sites(results["hubcrm/base.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites)


@pytest.mark.parametrize(
    "method",
    [
        # the path may be a whole URL: the host is the caller's
        "    def _url(self, path):\n"
        '        return path if path.startswith("http") else self.BASE_URL + path\n',
        # a static method: no self to bind
        "    @staticmethod\n    def _url(path):\n"
        '        return "https://api.hubapi.com" + path\n',
    ],
    ids=["conditional", "decorated"],
)
def test_other_url_methods_keep_the_hierarchy(tmp_path, method):
    base = BASE.replace(
        "    def _url(self, path):\n        return self.BASE_URL + path\n", method
    )
    assert base != BASE
    results = tree(tmp_path, files(base))
    sites = key_sites(results["hubcrm/base.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites)


@pytest.mark.parametrize(
    "text, passes",
    [
        (b'"""Clients for the HubSpot APIs."""\nfrom a import HubSpot\n', False),
        (b"# HubSpot(key) is built below\nx = HubSpot()\n", False),
        (b"from a import (\n    B,\n    HubSpot,\n)\nc = HubSpot(\n)\n", False),
        (b"import a; c = HubSpot(key)\n", True),
        (b'label = f"{HubSpot(key)}"\n', True),
        (b"make = HubSpot\n", True),
        (b"print 'Python 2', HubSpot(key)\n", True),
    ],
    ids=[
        "docstring",
        "comment",
        "import_in_parentheses",
        "after_a_semicolon",
        "in_an_fstring",
        "as_a_value",
        "python2",
    ],
)
def test_what_counts_as_handing_a_class_arguments(text, passes):
    assert name_uses.may_pass_arguments("pkg/mod.py", text, "HubSpot") is passes


def test_a_subclass_here_giving_the_base_url_another_host_keeps_the_request(
    tmp_path,
):
    """``self._url(path)`` reads ``self.BASE_URL``, which a subclass of the same
    module sets to a recorder: the token would go there (review 17's T7)."""
    base = """\
import os

import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]


class Client(object):
    BASE_URL = "https://api.hubapi.com"

    def _url(self, path):
        return self.BASE_URL + path

    def get(self, path):
        return requests.get(self._url(path), params={"hapikey": API_KEY}).json()


class StagingClient(Client):
    BASE_URL = "https://hubspot-recorder.internal.example.com"


def lists():
    return StagingClient().get("/contacts/v1/lists")
"""
    results = tree(tmp_path, {"base.py": base})
    assert not results["base.py"].changed
    sites = key_sites(results["base.py"])
    assert sites and "hubspot-recorder" in sites[0].reason


CLIENT = """\
import os

import requests

from core import Core

API_KEY = os.environ["HUBSPOT_API_KEY"]


class Client(Core):
    def get(self, path):
        return requests.get(THE_URL, params={"hapikey": API_KEY}).json()


def lists():
    return Client().get("/contacts/v1/lists")
"""


@pytest.mark.parametrize(
    "url, core",
    [
        # the base URL a class of another module sets (review 17's T19)
        (
            "self.BASE_URL + path",
            'class Core(object):\n    BASE_URL = "https://recorder.example.com"\n',
        ),
        # the URL a mixin of another module builds (T8)
        (
            "self._url(path)",
            "class Core(object):\n"
            '    BASE_URL = "https://recorder.example.com"\n\n'
            "    def _url(self, path):\n        return self.BASE_URL + path\n",
        ),
    ],
    ids=["inherited_base_url", "inherited_url_method"],
)
def test_a_base_url_from_another_module_s_class_keeps_the_request(tmp_path, url, core):
    results = tree(
        tmp_path, {"base.py": CLIENT.replace("THE_URL", url), "core.py": core}
    )
    assert not results["base.py"].changed
    sites = key_sites(results["base.py"])
    assert sites and "a host known at run time" in sites[0].reason


def test_a_base_url_property_with_another_host_keeps_the_request(tmp_path):
    """``@property BASE_URL`` returning ``os.environ.get("X", MIRROR)`` (T15)."""
    client = CLIENT.replace("from core import Core\n", "").replace(
        "class Client(Core):\n",
        "class Client(object):\n"
        "    @property\n"
        "    def BASE_URL(self):\n"
        '        return os.environ.get("HUBSPOT_HOST", "https://recorder.example.com")\n\n',
    )
    results = tree(
        tmp_path, {"base.py": client.replace("THE_URL", "self.BASE_URL + path")}
    )
    assert not results["base.py"].changed
    sites = key_sites(results["base.py"])
    assert sites and "recorder.example.com" in sites[0].reason
