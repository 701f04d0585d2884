"""A base client shared by portal-key resource clients and a developer-key
subclass (``WebhooksClient`` handing its developer key to the base's
constructor): the base sends the token, and the subclass keeps the base's
original request methods, copied into it, so its developer key still goes as
``hapikey`` (blind5's hubcrm, blind's crmtools: "split them by hand"). Where the
copy would not behave as the base did, the hierarchy stays for a person."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

BASE = """\
import logging

import requests

log = logging.getLogger(__name__)


class HubSpotAPIError(Exception):
    pass


class BaseClient(object):
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key, timeout=10):
        self.api_key = api_key
        self.timeout = timeout

    def _call(self, method, path, params=None, data=None):
        params = {**(params or {}), "hapikey": self.api_key}
        log.debug("%s %s", method, path)
        resp = requests.request(
            method, self.BASE_URL + path, params=params, json=data, timeout=self.timeout
        )
        if resp.status_code >= 400:
            raise HubSpotAPIError(resp.status_code)
        return resp.json()
"""
RESOURCES = """\
from hubcrm.base import BaseClient


class ContactsClient(BaseClient):
    def by_email(self, email):
        return self._call("GET", "/contacts/v1/contact/email/%s/profile" % email)


class WebhooksClient(BaseClient):
    \"\"\"Developer-app webhooks: built with the developer key.\"\"\"

    def __init__(self, developer_key, app_id, **kw):
        super(WebhooksClient, self).__init__(developer_key, **kw)
        self.app_id = app_id

    def subscriptions(self):
        return self._call("GET", "/webhooks/v1/%s/subscriptions" % self.app_id)
"""
FACADE = """\
import os

from hubcrm.resources import ContactsClient, WebhooksClient


def contacts():
    return ContactsClient(os.environ["HUBSPOT_API_KEY"])


def hooks(app_id):
    return WebhooksClient(os.environ["HUBSPOT_DEVELOPER_KEY"], app_id)
"""
TEST = """\
from hubcrm.resources import ContactsClient


def test_lookup(monkeypatch):
    client = ContactsClient("test-key")
    assert client.api_key
"""


def files(base: str = BASE, resources: str = RESOURCES) -> dict[str, str]:
    return {
        "hubcrm/__init__.py": "",
        "hubcrm/base.py": base,
        "hubcrm/resources.py": resources,
        "hubcrm/facade.py": FACADE,
        "tests/test_resources.py": TEST,
    }


def test_the_developer_subclass_keeps_its_requests_and_the_base_sends_the_token(
    tmp_path,
):
    results = tree(tmp_path, files())
    sites = [s for name, r in results.items() for s in key_sites(r)]
    assert sites and {s.status for s in sites} <= {Status.REWRITE, Status.KEPT}, [
        s.reason for s in sites
    ]
    base = results["hubcrm/base.py"].new.decode()
    assert "hapikey" not in base and '"Bearer " + self.api_key' in base
    resources = results["hubcrm/resources.py"].new.decode()
    webhooks = resources[resources.index("class WebhooksClient") :]
    # the base's method as it was, with the names it reads imported beside it
    assert '"hapikey": self.api_key' in webhooks
    assert "from hubcrm.base import HubSpotAPIError, log" in resources
    assert "# hapimigrate: WebhooksClient sends a developer key" in webhooks
    # the test's made-up key stays, and is not a second portal's key
    assert not results["tests/test_resources.py"].changed
    facade = results["hubcrm/facade.py"].new.decode()
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in facade
    assert 'os.environ["HUBSPOT_DEVELOPER_KEY"]' in facade


def test_the_split_behaves_as_before_with_a_token(tmp_path):
    project = {
        f"src/{name}": text
        for name, text in files().items()
        if not name.startswith("tests/")
    } | {
        "scenario.py": (
            '"""A base client shared with a developer-key subclass."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main", '
            '"HUBSPOT_DEVELOPER_KEY": "devkey-app"}\n\n\n'
            "def case_contacts(credential):\n"
            "    from hubcrm.facade import contacts\n\n"
            '    contacts().by_email("a@example.com")\n\n\n'
            "def case_webhooks(credential):\n"
            "    from hubcrm.facade import hooks\n\n"
            "    hooks(77).subscriptions()\n"
        )
    }
    behaves(tmp_path / "hubcrm", project, manual=0)


@pytest.mark.parametrize(
    "base, resources",
    [
        # the constructor does more with the key than keep it
        (
            BASE.replace(
                "        self.api_key = api_key\n",
                "        self.api_key = api_key\n        self.label = api_key[:4]\n",
            ),
            RESOURCES,
        ),
        # the copy would call super() without arguments: another class then
        (
            BASE.replace(
                "        return resp.json()\n",
                "        super().__init__()\n        return resp.json()\n",
            ),
            RESOURCES,
        ),
        # the subclass's module binds a name the copy reads to something else
        (BASE, RESOURCES.replace("from hubcrm.base", "log = print\nfrom hubcrm.base")),
        # the subclass defines the method itself, calling the base's
        (
            BASE,
            RESOURCES + "\n    def _call(self, *args, **kw):\n"
            "        return super(WebhooksClient, self)._call(*args, **kw)\n",
        ),
    ],
    ids=["constructor_uses_the_key", "bare_super", "name_rebound", "own_method"],
)
def test_a_copy_that_would_not_behave_as_the_base_keeps_the_hierarchy(
    tmp_path, base, resources
):
    results = tree(tmp_path, files(base, resources))
    assert not results["hubcrm/base.py"].changed
    assert not results["hubcrm/resources.py"].changed
    sites = key_sites(results["hubcrm/base.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites)


def test_a_base_whose_migration_changes_more_than_the_copies_keeps_the_hierarchy(
    tmp_path,
):
    """The base's migration also changes a method the copies leave to it
    (``ping``, sending the module's own key): the developer-key subclass would
    inherit the changed one, so the split is not made (the run's check)."""
    base = BASE.replace(
        "log = logging.getLogger(__name__)\n",
        'log = logging.getLogger(__name__)\nKEY = os.environ["HUBSPOT_API_KEY"]\n',
    ).replace("import logging\n", "import logging\nimport os\n") + (
        "\n    def ping(self):\n"
        "        return requests.get(\n"
        '            self.BASE_URL + "/integrations/v1/me", params={"hapikey": KEY}\n'
        "        )\n"
    )
    results = tree(tmp_path, files(base))
    assert not results["hubcrm/resources.py"].changed
    sites = key_sites(results["hubcrm/resources.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites)
    assert "split its requests by hand" in " ".join(s.reason for s in sites)
