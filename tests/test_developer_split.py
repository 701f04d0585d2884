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


SUBSCRIPTIONS = (
    '        return self._call("GET", "/webhooks/v1/%s/subscriptions" % self.app_id)\n'
)


@pytest.mark.parametrize(
    "base, resources, extra",
    [
        # the base reaches the method otherwise than as self._call(): an alias
        (BASE + "\n    request = _call\n", RESOURCES, {}),
        # the subclass reaches the base's own through super() or the class
        (
            BASE,
            RESOURCES.replace(
                SUBSCRIPTIONS,
                "        return super(WebhooksClient, self)._call(\n"
                '            "GET", "/webhooks/v1/%s/subscriptions" % self.app_id\n'
                "        )\n",
            ),
            {},
        ),
        (
            BASE,
            RESOURCES,
            {
                "hubcrm/wire.py": "from hubcrm.base import BaseClient\n"
                "BaseClient.request = BaseClient._call\n"
            },
        ),
        # a class of the base's module named like a builtin (TimeoutError)
        (
            BASE.replace(
                "class HubSpotAPIError",
                "class TimeoutError(Exception):\n"
                "    pass\n\n\nclass HubSpotAPIError",
            ).replace(
                "raise HubSpotAPIError(resp.status_code)", "raise TimeoutError()"
            ),
            RESOURCES,
            {},
        ),
        # the subclass imports the base from a package re-exporting it
        (
            BASE,
            RESOURCES.replace(
                "from hubcrm.base import BaseClient", "from hubcrm import BaseClient"
            ),
            {"hubcrm/__init__.py": "from hubcrm.base import BaseClient  # noqa\n"},
        ),
        # a default value the subclass's body names otherwise
        (
            BASE.replace("log = logging", "PAGE_SIZE = 100\nlog = logging").replace(
                "params=None, data=None):", "params=None, data=None, limit=PAGE_SIZE):"
            ),
            RESOURCES.replace(
                '    """Developer-app webhooks: built with the developer key."""\n',
                '    """Developer-app webhooks: built with the developer key."""\n\n'
                "    PAGE_SIZE = 10\n",
            ),
            {},
        ),
        # the base's module imports * (which names it binds is not known)
        (
            BASE.replace(
                "import requests\n", "import requests\nfrom os.path import *\n"
            ),
            RESOURCES,
            {},
        ),
        # the module's own name (its logger)
        (
            BASE.replace(
                'log.debug("%s %s", method, path)', 'log.debug("%s %s", __name__, path)'
            ),
            RESOURCES,
            {},
        ),
        # another module re-points or patches what the copy reads
        (
            BASE.replace(
                "log = logging", 'API_ROOT = "https://api.hubapi.com"\nlog = logging'
            ).replace("self.BASE_URL + path", "API_ROOT + path"),
            RESOURCES,
            {
                "main.py": "from hubcrm import base\n\nbase.API_ROOT = 'https://api-eu1.hubapi.com'\n"
            },
        ),
        (
            BASE,
            RESOURCES,
            {
                "tests/test_hooks.py": "from unittest import mock\n\n"
                "def test_hooks():\n    with mock.patch('hubcrm.base.requests'):\n        pass\n"
            },
        ),
    ],
    ids=[
        "alias_in_the_base",
        "super_in_the_subclass",
        "class_name_elsewhere",
        "builtin_named_class",
        "re_exported_base",
        "default_shadowed",
        "star_import",
        "module_name",
        "rebound_elsewhere",
        "patched_in_a_test",
    ],
)
def test_a_copy_reached_or_read_otherwise_keeps_the_hierarchy(
    tmp_path, base, resources, extra
):
    """Review 17's T1-T4, T6, T10, T11, T16: shapes where the copy would not
    run, or would not read what the base's method read."""
    results = tree(tmp_path, {**files(base, resources), **extra})
    assert not results["hubcrm/resources.py"].changed
    sites = key_sites(results["hubcrm/base.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites), [
        s.reason for s in sites
    ]


def test_a_portal_key_named_like_a_developer_key_keeps_the_hierarchy(tmp_path):
    """``dev_key`` of a subclass calling portal endpoints: a sandbox portal's
    key, not a developer key (review 17's T18)."""
    resources = RESOURCES.replace(
        '"/webhooks/v1/%s/subscriptions" % self.app_id',
        '"/contacts/v1/lists/all/contacts/all"',
    )
    results = tree(tmp_path, files(BASE, resources))
    assert not results["hubcrm/resources.py"].changed
    assert not results["hubcrm/base.py"].changed


CALLS = """\
import json
import urllib.parse
import urllib.request

HUBAPI = "https://api.hubapi.com"


def call(method, path, key, query=None):
    query = dict(query or {})
    query["hapikey"] = key
    url = HUBAPI + path + "?" + urllib.parse.urlencode(query)
    req = urllib.request.Request(url, method=method)
    with urllib.request.urlopen(req, timeout=20) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None
"""
HOOKS = """\
import os

from .calls import call


def subscriptions():
    return call("GET", "/webhooks/v1/77/subscriptions", os.environ["HUBSPOT_DEVELOPER_KEY"])
"""
SYNC = """\
import os

from .calls import call


def owners():
    return call("GET", "/owners/v2/owners", os.environ["HUBSPOT_API_KEY"])
"""


def test_a_function_given_a_developer_key_by_one_caller_is_copied_there(tmp_path):
    project = {
        "app/__init__.py": "",
        "app/calls.py": CALLS,
        "app/hooks.py": HOOKS,
        "app/sync.py": SYNC,
    }
    results = tree(tmp_path, project)
    assert "hapikey" not in results["app/calls.py"].new.decode()
    hooks = results["app/hooks.py"].new.decode()
    assert "def call_with_developer_key(method, path, key, query=None):" in hooks
    assert 'return call_with_developer_key("GET"' in hooks
    assert "from .calls import HUBAPI" in hooks and "import urllib.parse" in hooks
    sync = results["app/sync.py"].new.decode()
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in sync
    scenario = {f"src/{n}": text for n, text in project.items()} | {
        "scenario.py": (
            '"""A helper handed the developer key by one module."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main", '
            '"HUBSPOT_DEVELOPER_KEY": "devkey-app"}\n\n\n'
            "def case_both(credential):\n"
            "    from app import hooks, sync\n\n"
            "    hooks.subscriptions()\n"
            "    sync.owners()\n"
        )
    }
    behaves(tmp_path / "calls", scenario, manual=0)


def test_a_helper_constant_another_module_rebinds_keeps_the_function(tmp_path):
    project = {
        "app/__init__.py": "",
        "app/calls.py": CALLS,
        "app/hooks.py": HOOKS,
        "app/sync.py": SYNC,
        "app/eu.py": "from app import calls\n\ncalls.HUBAPI = 'https://api-eu1.hubapi.com'\n",
    }
    results = tree(tmp_path, project)
    assert not results["app/hooks.py"].changed
    assert not results["app/calls.py"].changed


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


CRM_BASE = """\
import logging

import requests

logger = logging.getLogger(__name__)


class HubSpotError(Exception):
    def __init__(self, response):
        self.status_code = response.status_code
        super(HubSpotError, self).__init__("HubSpot returned %s" % response.status_code)


class BaseClient(object):
    ENDPOINT = ""

    def __init__(self, api_key, base_url="https://api.hubapi.com", timeout=20):
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()

    def _path(self, suffix):
        return "%s/%s" % (self.ENDPOINT, suffix.lstrip("/")) if suffix else self.ENDPOINT

    def _call(self, method, suffix="", data=None, query=None):
        url = "%s/%s" % (self.base_url, self._path(suffix))
        query = query or {}
        if "hapikey" not in query:
            query["hapikey"] = self.api_key
        logger.debug("%s %s", method, url)
        response = self.session.request(
            method, url, params=query, json=data, timeout=self.timeout
        )
        if response.status_code >= 400:
            raise HubSpotError(response)
        return response.json()
"""
CRM_CLIENTS = """\
from crmtools.base import BaseClient


class ContactsClient(BaseClient):
    ENDPOINT = "contacts/v1"

    def get_by_email(self, email):
        return self._call("GET", "contact/email/%s/profile" % email)


class TimelineClient(BaseClient):
    \"\"\"Timeline event types belong to our app: the developer key.\"\"\"

    def __init__(self, developer_key, app_id, **kwargs):
        super(TimelineClient, self).__init__(developer_key, **kwargs)
        self.app_id = app_id
        self.ENDPOINT = "integrations/v1/%s/timeline" % app_id

    def event_types(self):
        return self._call("GET", "event-types")

    def create_event_type(self, name, object_type="CONTACT"):
        return self._call("POST", "event-types", data={
            "applicationId": self.app_id, "name": name, "objectType": object_type})
"""
CRM_FACADE = """\
import os

from crmtools.clients import ContactsClient, TimelineClient


def contacts():
    return ContactsClient(os.environ["HUBSPOT_API_KEY"], timeout=10)


def timeline():
    return TimelineClient(os.environ["HUBSPOT_DEVELOPER_API_KEY"], 424242, timeout=10)
"""


def crm(clients: str = CRM_CLIENTS) -> dict[str, str]:
    return {
        "crmtools/__init__.py": "",
        "crmtools/base.py": CRM_BASE,
        "crmtools/clients.py": clients,
        "crmtools/facade.py": CRM_FACADE,
    }


def test_a_subclass_completing_its_base_path_to_a_developer_api_is_split(tmp_path):
    """blind's crmtools: ``TimelineClient`` keeps a path prefix per instance
    (``integrations/v1/%s/timeline``) that each of its requests completes to a
    timeline event-types path (``"event-types"``): a developer-key API."""
    results = tree(tmp_path, crm())
    sites = [s for r in results.values() for s in key_sites(r)]
    assert sites and {s.status for s in sites} <= {Status.REWRITE, Status.KEPT}, [
        s.reason for s in sites
    ]
    clients = results["crmtools/clients.py"].new.decode()
    timeline = clients[clients.index("class TimelineClient") :]
    assert 'query["hapikey"] = self.api_key' in timeline
    assert "hapikey" not in results["crmtools/base.py"].new.decode()
    scenario = {f"src/{n}": text for n, text in crm().items()} | {
        "scenario.py": (
            '"""A base client shared with a timeline (developer-key) subclass."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main", '
            '"HUBSPOT_DEVELOPER_API_KEY": "devkey-app"}\n\n\n'
            "def case_contacts(credential):\n"
            "    from crmtools.facade import contacts\n\n"
            '    contacts().get_by_email("a@example.com")\n\n\n'
            "def case_timeline(credential):\n"
            "    from crmtools.facade import timeline\n\n"
            "    timeline().event_types()\n"
            '    timeline().create_event_type("Ticket")\n'
        )
    }
    behaves(tmp_path / "crm", scenario, manual=0)


@pytest.mark.parametrize(
    "clients",
    [
        # a request completing the prefix to timeline events (a token's API)
        CRM_CLIENTS + "\n    def create_event(self, event):\n"
        '        return self._call("PUT", "event", data=event)\n',
        # a suffix that is not written: where it goes is not known
        CRM_CLIENTS + "\n    def get(self, suffix):\n"
        '        return self._call("GET", suffix)\n',
        # the prefix alone, with no suffix
        CRM_CLIENTS + "\n    def root(self):\n" '        return self._call("GET")\n',
        # beside the split one, a portal subclass sending to another host
        CRM_CLIENTS + "\n\nclass MirrorClient(BaseClient):\n"
        '    ENDPOINT = "https://hubspot-mirror.example.com/contacts/v1"\n\n'
        "    def recent(self):\n"
        '        return self._call("GET", "lists/recently_updated/contacts/recent")\n',
    ],
    ids=["timeline_events", "unwritten_suffix", "no_suffix", "mirror_beside"],
)
def test_a_prefix_not_completed_to_developer_apis_only_keeps_the_hierarchy(
    tmp_path, clients
):
    results = tree(tmp_path, crm(clients))
    assert not results["crmtools/clients.py"].changed
    assert not results["crmtools/base.py"].changed
    sites = key_sites(results["crmtools/base.py"])
    assert sites and all(s.status == Status.MANUAL for s in sites)


def test_a_splittable_subclass_of_a_base_blocked_otherwise_says_the_base_s_cause(
    tmp_path,
):
    """blind's crmtools: the portal clients' keys come from where a token
    cannot stand in (here a starred call), so the base stays; the timeline
    subclass, which would be split, says that cause, not "split them by hand"
    (a person has nothing to split while the base keeps the key)."""
    facade = CRM_FACADE.replace(
        'ContactsClient(os.environ["HUBSPOT_API_KEY"], timeout=10)',
        'ContactsClient(*os.environ["HUBSPOT_API_KEY"].split(":"))',
    )
    results = tree(tmp_path, crm() | {"crmtools/facade.py": facade})
    assert not results["crmtools/clients.py"].changed
    assert not results["crmtools/base.py"].changed
    sites = key_sites(results["crmtools/clients.py"])
    timeline = [s for s in sites if s.enclosing == "TimelineClient"]
    assert timeline and all(s.status == Status.MANUAL for s in timeline)
    reason = timeline[0].reason
    assert "split them by hand" not in reason, reason
    assert "* or **" in reason, reason
