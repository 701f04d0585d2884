"""A developer-key subclass in its base's own module (blind7's
app_devkey_hierarchy: ``DeveloperClient(BaseClient)`` in ``base.py``, handing
its developer key to ``super().__init__``): it keeps the base's request
methods, copied into it, while the base and its portal-key subclasses in other
modules send the token. Where the copy would not behave as the base did, or
the base's requests are not migrated, nothing is copied."""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.trees import behaves, key_sites, tree

BASE = """\
import logging
import time

import requests

log = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"


class HubSpotHTTPError(Exception):
    def __init__(self, status, message=""):
        super(HubSpotHTTPError, self).__init__("%s %s" % (status, message))
        self.status = status


class BaseClient(object):
    retries = 2

    def __init__(self, hapikey, root=API_ROOT):
        self.hapikey = hapikey
        self.root = root

    def _request(self, method, path, params=None, **kwargs):
        query = {"hapikey": self.hapikey}
        if params:
            query.update(params)
        url = self.root + path
        for attempt in range(self.retries + 1):
            resp = requests.request(method, url, params=query, timeout=20, **kwargs)
            if resp.status_code == 429 and attempt < self.retries:
                time.sleep(1 + attempt)
                continue
            break
        if resp.status_code >= 400:
            raise HubSpotHTTPError(resp.status_code, resp.text[:200])
        return resp.json()

    def get(self, path, **params):
        return self._request("GET", path, params=params)

    def post(self, path, body):
        return self._request("POST", path, json=body)


class DeveloperClient(BaseClient):
    \"\"\"Webhook subscriptions and timeline event types: the developer key.\"\"\"

    def __init__(self, developer_key, app_id):
        super(DeveloperClient, self).__init__(developer_key)
        self.app_id = app_id

    def subscriptions(self):
        return self.get("/webhooks/v1/%s/subscriptions" % self.app_id)

    def event_types(self):
        return self.get("/integrations/v1/%s/timeline/event-types" % self.app_id)
"""
RESOURCES = """\
from .base import BaseClient


class ContactsClient(BaseClient):
    def recent(self, count=20):
        return self.get("/contacts/v1/lists/recently_updated/contacts/recent", count=count)
"""
APP = """\
import os

from .base import DeveloperClient
from .resources import ContactsClient


def recent():
    return ContactsClient(os.environ["HUBSPOT_PORTAL_KEY"]).recent(count=5)


def setup():
    dev = DeveloperClient(os.environ["HUBSPOT_DEVELOPER_KEY"], "778899")
    return dev.subscriptions(), dev.event_types()
"""


def files(base: str = BASE, app: str = APP) -> dict[str, str]:
    return {
        "hsapp/__init__.py": "",
        "hsapp/base.py": base,
        "hsapp/resources.py": RESOURCES,
        "hsapp/app.py": app,
    }


def test_the_subclass_beside_its_base_keeps_its_requests(tmp_path):
    results = tree(tmp_path, files())
    sites = [s for r in results.values() for s in key_sites(r)]
    assert sites and {s.status for s in sites} <= {Status.REWRITE, Status.KEPT}, [
        s.reason for s in sites
    ]
    base = results["hsapp/base.py"].new.decode()
    head, developer = base.split("class DeveloperClient")
    assert '"hapikey"' not in head and '"Bearer " + self.hapikey' in head
    assert 'query = {"hapikey": self.hapikey}' in developer
    assert "# hapimigrate: DeveloperClient sends a developer key" in developer
    app = results["hsapp/app.py"].new.decode()
    assert 'ContactsClient(os.environ["HUBSPOT_ACCESS_TOKEN"])' in app
    assert 'DeveloperClient(os.environ["HUBSPOT_DEVELOPER_KEY"]' in app
    project = {f"src/{n}": text for n, text in files().items()} | {
        "scenario.py": (
            '"""A base client with a developer-key subclass beside it."""\n'
            'ENV = {"HUBSPOT_PORTAL_KEY": "key-main", '
            '"HUBSPOT_DEVELOPER_KEY": "devkey-app"}\n\n\n'
            "def case_recent(credential):\n"
            "    from hsapp import app\n\n"
            "    app.recent()\n\n\n"
            "def case_setup(credential):\n"
            "    from hsapp import app\n\n"
            "    app.setup()\n"
        )
    }
    behaves(tmp_path / "hsapp", project, manual=0)


@pytest.mark.parametrize(
    "base, app",
    [
        # the subclass reads the key attribute itself
        (
            BASE + "\n    def key_prefix(self):\n        return self.hapikey[:4]\n",
            APP,
        ),
        # a subclass "developer" key calling portal endpoints: a portal's key
        (
            BASE.replace(
                '"/integrations/v1/%s/timeline/event-types" % self.app_id',
                '"/contacts/v1/lists/all/contacts/all"',
            ),
            APP,
        ),
        # the base's migration changes a method the subclass inherits unchanged
        (
            BASE.replace("import time\n", "import os\nimport time\n")
            .replace(
                'API_ROOT = "https://api.hubapi.com"\n',
                'API_ROOT = "https://api.hubapi.com"\n'
                'KEY = os.environ["HUBSPOT_PORTAL_KEY"]\n',
            )
            .replace(
                "    def get(self, path, **params):\n",
                "    def ping(self):\n"
                "        return requests.get(\n"
                '            API_ROOT + "/integrations/v1/me", params={"hapikey": KEY}\n'
                "        )\n\n"
                "    def get(self, path, **params):\n",
            ),
            APP,
        ),
        # a caller of the base beside it hands another portal's key: the base
        # is not migrated, and nothing is copied
        (
            BASE.replace("import time\n", "import os\nimport time\n")
            + "\n\ndef sandbox():\n"
            '    return BaseClient(os.environ["HUBSPOT_SANDBOX_KEYS"].split(",")[0])\n',
            APP,
        ),
    ],
    ids=["reads_the_key", "portal_paths", "base_changes_more", "base_not_migrated"],
)
def test_a_subclass_beside_its_base_that_cannot_keep_copies_is_left(
    tmp_path, base, app
):
    results = tree(tmp_path, files(base, app))
    assert not results["hsapp/resources.py"].changed
    after = results["hsapp/base.py"]
    assert not after.changed or "sends a developer key" not in after.new.decode()
    sites = [s for s in key_sites(after) if s.enclosing == "BaseClient._request"]
    assert sites and all(s.status == Status.MANUAL for s in sites), [
        s.reason for s in sites
    ]


def test_copies_of_methods_the_migration_leaves_as_they_were_are_refused():
    """The run's check (``changed_elsewhere``): when the base's copied method
    is the same after the migration (another post-pass left its request for a
    person, only an import was added), the copies would be for nothing, and
    the subclass would claim a split that is not there."""
    from hapimigrate.python.developer_split import changed_elsewhere

    original = BASE.encode()
    only_import = ("import os\n" + BASE).encode()
    assert changed_elsewhere(original, only_import, "BaseClient", ("_request",))
    migrated = BASE.replace(
        'query = {"hapikey": self.hapikey}',
        'query = {}\n        kwargs["headers"] = {"Authorization": "Bearer " + self.hapikey}',
    ).encode()
    assert changed_elsewhere(original, migrated, "BaseClient", ("_request",)) is None
