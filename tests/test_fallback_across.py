"""A key that is the caller's, or by default the configured one, handed to a
client or function of another module (issue #12).

    # facade.py                                  # base.py (resources.py extends it)
    def __init__(self, api_key=None):            def __init__(self, api_key):
        key = api_key or os.environ["..."]           self.api_key = api_key
        self.contacts = ContactsClient(key)      ... params={"hapikey": self.api_key}

Within one module this is the FALLBACK rule: the parameter becomes the caller's
token, by default the provider's. Across modules it is the same rule once the
receiving side migrates (its parameter takes a token): the configured default
becomes the provider's token, and every caller of the outer function in the tree
must pass nothing or a token-ready value. A caller passing a tenant's key, another
configured key or something unknown, and a base client also built with a
developer key, keep everything as it is, the reason naming that cause.

The migrated projects run against the local stand-in (tests/hubspot_standin.py)
in a fresh interpreter: every request carries the token, none the key, and
nothing goes to another host (only the stand-in answers).
"""

from __future__ import annotations

import pytest

from hapimigrate.model import Status
from tests.test_auto_callers import reasons, run_both, statuses, texts
from tests.trees import behaves, migrate

BASE = """\
import requests


class BaseClient(object):
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key, timeout=10):
        self.api_key = api_key
        self.timeout = timeout

    def _call(self, method, path, params=None):
        params = {**(params or {}), "hapikey": self.api_key}
        response = requests.request(
            method, self.BASE_URL + path, params=params, timeout=self.timeout
        )
        return response.status_code
"""

RESOURCES = """\
from crm.base import BaseClient


class ContactsClient(BaseClient):
    def get(self, vid):
        return self._call("GET", "/contacts/v1/contact/vid/%s/profile" % vid)


class OwnersClient(BaseClient):
    def all(self):
        return self._call("GET", "/owners/v2/owners")
"""

FACADE = """\
import os

from crm.resources import ContactsClient, OwnersClient


class HubSpot(object):
    def __init__(self, api_key=None):
        key = {key}
        self.contacts = ContactsClient({passed})
        self.owners = OwnersClient({passed})
"""

APP = """\
from crm.facade import HubSpot


def main():
    hub = HubSpot()
    return [hub.contacts.get(51), hub.owners.all()]
"""

OR_DEFAULT = 'api_key or os.environ["HUBSPOT_API_KEY"]'


def project(key: str = OR_DEFAULT, passed: str = "key", **extra: str) -> dict[str, str]:
    return {
        "crm/__init__.py": "",
        "crm/base.py": BASE,
        "crm/resources.py": RESOURCES,
        "crm/facade.py": FACADE.format(key=key, passed=passed),
        "app.py": APP,
        **extra,
    }


def assert_token_requests(tmp_path, files, out, call="app:main", count=2) -> None:
    """Before: the stand-in refuses the sunset key; after: the same requests,
    each with the token and without the key."""
    printed, old, new = run_both(tmp_path, files, texts(out), call)
    assert printed == [str([401] * count), str([200] * count)], printed
    assert [(r.method, r.path) for r in old] == [(r.method, r.path) for r in new]
    assert [r.without_credentials for r in old] == [r.without_credentials for r in new]
    assert all(r.hapikey == "key-main" and r.authorization is None for r in old)
    assert all(r.hapikey is None for r in new)
    assert all(r.authorization == "Bearer tok-main" for r in new)


# -- the facade handing its caller's-or-configured key to another module ------


@pytest.mark.parametrize(
    "key",
    [
        OR_DEFAULT,
        'api_key if api_key else os.environ["HUBSPOT_API_KEY"]',
        'api_key if api_key is not None else os.environ["HUBSPOT_API_KEY"]',
        'os.environ["HUBSPOT_API_KEY"] if api_key is None else api_key',
    ],
    ids=["or", "if_else", "is_not_none", "default_first"],
)
def test_the_facade_migrates_with_the_hierarchy(tmp_path, key):
    files = project(key)
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    facade = texts(out)["crm/facade.py"]
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in facade
    assert "HUBSPOT_API_KEY" not in facade
    assert "hapikey" not in texts(out)["crm/base.py"]
    assert texts(out)["app.py"] == APP  # it hands in nothing
    said = [r for r in out["crm/facade.py"][2]]
    assert all("by default the provider's token" in r for r in said), said
    assert_token_requests(tmp_path, files, out)


def test_the_parameter_rebound_to_its_default(tmp_path):
    """``api_key = api_key or os.environ[...]`` at the top of the constructor:
    the reads below see the caller's key or the default, not the bare
    parameter."""
    files = project()
    files["crm/facade.py"] = (
        files["crm/facade.py"]
        .replace("key = api_key or", "api_key = api_key or")
        .replace("Client(key)", "Client(api_key)")
    )
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert 'api_key = api_key or os.environ["HUBSPOT_ACCESS_TOKEN"]' in (
        texts(out)["crm/facade.py"]
    )
    assert_token_requests(tmp_path, files, out)


def test_a_keyword_argument_to_the_other_module(tmp_path):
    files = project(passed="api_key=key")
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert "ContactsClient(api_key=key)" in texts(out)["crm/facade.py"]
    assert_token_requests(tmp_path, files, out)


def test_the_facade_in_the_package_init(tmp_path):
    files = project()
    files["crm/__init__.py"] = files.pop("crm/facade.py")
    files["app.py"] = APP.replace("from crm.facade import", "from crm import")
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in texts(out)["crm/__init__.py"]
    assert_token_requests(tmp_path, files, out)


FACTORY = """\
import os

from crm.resources import ContactsClient


def contacts_client(api_key=None):
    key = api_key or os.environ["HUBSPOT_API_KEY"]
    return ContactsClient(key)
"""

FACTORY_APP = """\
from crm.factory import contacts_client


def main():
    return [contacts_client().get(51), contacts_client().get(52)]
"""


def test_a_factory_function_instead_of_a_class(tmp_path):
    files = project(**{"crm/factory.py": FACTORY, "app.py": FACTORY_APP})
    del files["crm/facade.py"]
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in texts(out)["crm/factory.py"]
    assert_token_requests(tmp_path, files, out)


SETTINGS = 'import os\n\nHUBSPOT_API_KEY = os.environ["HUBSPOT_API_KEY"]\n'


@pytest.mark.parametrize(
    "key",
    ["api_key or settings.HUBSPOT_API_KEY", "api_key or HUBSPOT_API_KEY"],
    ids=["module", "name"],
)
def test_the_default_from_a_settings_module(tmp_path, key):
    files = project(key, **{"crm/settings.py": SETTINGS})
    how = (
        "from crm import settings"
        if "settings." in key
        else ("from crm.settings import HUBSPOT_API_KEY")
    )
    files["crm/facade.py"] = files["crm/facade.py"].replace("import os", how)
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert "HUBSPOT_API_KEY" not in texts(out)["crm/facade.py"]
    # nothing reads the setting any more: the old variable is not required
    assert "HUBSPOT_API_KEY" not in texts(out)["crm/settings.py"]
    assert_token_requests(tmp_path, files, out)


def test_a_parameter_whose_default_is_the_setting(tmp_path):
    """``def __init__(self, api_key=settings.HUBSPOT_API_KEY)``: read once, as
    the setting was; the provider reads an environment variable too."""
    files = project("api_key", **{"crm/settings.py": SETTINGS})
    facade = files["crm/facade.py"].replace("import os", "from crm import settings")
    files["crm/facade.py"] = facade.replace(
        "api_key=None", "api_key=settings.HUBSPOT_API_KEY"
    )
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert_token_requests(tmp_path, files, out)


CHAIN = """\
from crm.facade import HubSpot


def owners(api_key):
    return [HubSpot(api_key).owners.all()]
"""


def test_a_caller_elsewhere_handing_on_its_own_callers_credential(tmp_path):
    files = project(**{"report.py": CHAIN})
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert texts(out)["report.py"] == CHAIN
    (said,) = out["report.py"][2]
    assert "api_key of owners()" in said, said


def test_a_caller_elsewhere_passing_the_same_configured_key(tmp_path):
    same = CHAIN.replace("def owners(api_key):", "def owners():").replace(
        "HubSpot(api_key)", 'HubSpot(os.environ["HUBSPOT_API_KEY"])'
    )
    same = "import os\n\n" + same
    files = project(**{"report.py": same})
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert 'HubSpot(os.environ["HUBSPOT_ACCESS_TOKEN"])' in texts(out)["report.py"]
    assert_token_requests(tmp_path, files, out, "report:owners", count=1)


def test_the_facade_end_to_end_in_the_harness(tmp_path):
    """The behaviour harness: the facade built from the environment, and given
    its caller's own credential (another portal)."""
    files = {f"src/{name}": text for name, text in project().items()} | {
        "scenario.py": (
            '"""A facade handing its key to resource clients of another module."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_configured(credential):\n"
            "    import app\n\n    app.main()\n\n\n"
            "def case_other_portal(credential):\n"
            "    from crm.facade import HubSpot\n\n"
            '    HubSpot(credential("client")).owners.all()\n'
        )
    }
    behaves(tmp_path / "facade", files, manual=0)


# -- what stays for a person, and says why ----------------------------------

STORE = """\
import sqlite3


def portal_key(portal_id):
    row = sqlite3.connect("portals.db").execute(
        "SELECT key FROM portals WHERE id = ?", (portal_id,)
    ).fetchone()
    return row[0]
"""

TENANT = """\
import store
from crm.facade import HubSpot


def on_event(event):
    return HubSpot(store.portal_key(event["portalId"])).owners.all()
"""

TENANTS = """\
import sqlite3

from crm.facade import HubSpot


def portal_keys(path):
    return [row[0] for row in sqlite3.connect(path).execute("SELECT key FROM portals")]


def nightly(path):
    return [HubSpot(key).owners.all() for key in portal_keys(path)]
"""

SANDBOX = """\
import os

from crm.facade import HubSpot


def sandbox_owners():
    return HubSpot(os.environ["HUBSPOT_SANDBOX_KEY"]).owners.all()
"""

UNKNOWN = """\
import json

from crm.facade import HubSpot


def owners():
    return HubSpot(json.load(open("portal.json"))["key"]).owners.all()
"""


@pytest.mark.parametrize(
    "extra, words",
    [
        (
            {"store.py": STORE, "tenant.py": TENANT},
            ["tenant.py:6", "a key of its own (key stored per tenant"],
        ),
        ({"tenants.py": TENANTS}, ["tenants.py:11", "cannot place"]),
        ({"sandbox.py": SANDBOX}, ["several keys", "HUBSPOT_SANDBOX_KEY"]),
        # a file's field is placed now (tests/test_sources14.py): a key of its own
        ({"reader.py": UNKNOWN}, ["reader.py:7", "a key of its own (portal.json"]),
    ],
    ids=["tenant", "tenants_loop", "another_configured_key", "unknown"],
)
def test_a_caller_elsewhere_passing_another_key_keeps_everything(
    tmp_path, extra, words
):
    """Every file stays as it is, each reason naming the caller (a tenant's
    key would be sent as a token while the default is the configured one)."""
    files = project(**extra)
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert set(statuses(out)) == {Status.MANUAL}, reasons(out)
    for reason in reasons(out):
        for word in words:
            assert word in reason, (word, reason)
        assert "also read" not in reason  # not the wrong cause
        assert "key-main" not in reason


WEBHOOKS = """\
from crm.base import BaseClient


class WebhooksClient(BaseClient):
    def __init__(self, developer_key, app_id):
        super(WebhooksClient, self).__init__(developer_key)
        self.app_id = app_id

    def subscriptions(self):
        return self._call("GET", "/webhooks/v1/%s/subscriptions" % self.app_id)
"""

SETUP = """\
import os

from crm.hooks import WebhooksClient


def setup():
    return WebhooksClient(os.environ["HUBSPOT_DEVELOPER_KEY"], 555).subscriptions()
"""

HOOKS = """\
import os

from crm.base import BaseClient


class Hooks(BaseClient):
    def subscriptions(self):
        return self._call("GET", "/webhooks/v1/555/subscriptions")


def setup():
    return Hooks(os.environ["HUBSPOT_DEVELOPER_KEY"]).subscriptions()
"""


def test_a_base_also_built_with_a_developer_key_by_a_subclass_splits(tmp_path):
    """A subclass whose own constructor hands the base its developer key keeps
    the base's request as it was (copied into it), while the base, its facade
    and their callers move to the token (tests/test_developer_split.py)."""
    files = project(**{"crm/hooks.py": WEBHOOKS, "setup.py": SETUP})
    out = migrate(tmp_path, files)
    assert Status.MANUAL not in statuses(out), reasons(out)
    after = texts(out)
    assert "hapikey" not in after["crm/base.py"]
    assert "hapikey" in after["crm/hooks.py"].split("class WebhooksClient")[1]
    assert after["setup.py"] == SETUP
    assert_token_requests(tmp_path, files, out)


@pytest.mark.parametrize(
    "extra, words",
    [
        (
            {"crm/hooks.py": HOOKS},
            ["hands Hooks() a developer key", "inherits from BaseClient", "split"],
        ),
    ],
    ids=["caller_gives_it"],
)
def test_a_base_also_built_with_a_developer_key_stays_naming_it(tmp_path, extra, words):
    """The base's requests serve both kinds of key: the developer-key calls
    must keep hapikey, the others send the token. Nothing changes; every reason
    names the developer key (not a read for something else, not two portals)."""
    files = project(**extra)
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert Status.REWRITE not in statuses(out)
    assert statuses(out).count(Status.MANUAL) >= 5, reasons(out)
    for reason in (r for r in reasons(out) if not r.startswith("a developer key")):
        for word in words:
            assert word in reason, (word, reason)
        assert "also read" not in reason and "two portals" not in reason


def test_the_default_bound_once_with_a_provider_function_stays(tmp_path):
    """``api_key=settings.HUBSPOT_API_KEY`` becomes the token only where the
    provider reads an environment variable: a function's token, read once when
    the class is defined, would never be renewed."""
    files = project("api_key", **{"crm/settings.py": SETTINGS})
    facade = files["crm/facade.py"].replace("import os", "from crm import settings")
    files["crm/facade.py"] = facade.replace(
        "api_key=None", "api_key=settings.HUBSPOT_API_KEY"
    )
    from tests.trees import tree

    results = tree(tmp_path, files, "myauth:hubspot_token")
    facade_sites = [s for s in results["crm/facade.py"].sites]
    assert not results["crm/facade.py"].changed
    assert facade_sites and all(s.status == Status.MANUAL for s in facade_sites)
    assert any("bound once" in s.reason for s in facade_sites), facade_sites


# -- within one module: a local name holding the caller's key or the default --

LOCAL = """\
import os

import requests


def owners(api_key=None):
    key = api_key or os.environ["HUBSPOT_API_KEY"]
    response = requests.get(
        "https://api.hubapi.com/owners/v2/owners", params={"hapikey": key}
    )
    return [response.status_code]


def main():
    return owners()
"""


def test_a_local_name_holding_the_callers_key_or_the_default(tmp_path):
    files = {"app.py": LOCAL}
    out = migrate(tmp_path / "tree", files)
    assert statuses(out) == [Status.REWRITE], reasons(out)
    assert "by default the provider's" in reasons(out)[0]
    assert_token_requests(tmp_path, files, out, count=1)


def test_a_local_name_also_read_for_something_else_stays(tmp_path):
    logged = LOCAL.replace(
        "    return [response.status_code]\n",
        '    print("used", key[-4:])\n    return [response.status_code]\n',
    )
    out = migrate(tmp_path, {"app.py": logged})
    assert statuses(out) == [Status.MANUAL]
    assert "also read at line 11" in reasons(out)[0], reasons(out)


REBOUND = """\
import os

import requests


def owners(api_key=None):
{rebind}
    response = requests.get(
        "https://api.hubapi.com/owners/v2/owners", params={{"hapikey": api_key}}
    )
    return [response.status_code]


def main():
    return owners()
"""


def test_a_parameter_rebound_to_its_default_in_one_module(tmp_path):
    files = {
        "app.py": REBOUND.format(
            rebind='    api_key = api_key or os.environ["HUBSPOT_API_KEY"]'
        )
    }
    out = migrate(tmp_path / "tree", files)
    assert statuses(out) == [Status.REWRITE], reasons(out)
    assert "by default the provider's" in reasons(out)[0]
    assert_token_requests(tmp_path, files, out, count=1)


@pytest.mark.parametrize(
    "rebind",
    [
        # only on one path: the parameter's own value reaches the request too
        '    if os.environ.get("SANDBOX"):\n'
        '        api_key = api_key or os.environ["HUBSPOT_API_KEY"]',
        # two defaults, one after the other: two portals' keys?
        '    api_key = api_key or os.environ["HUBSPOT_API_KEY"]\n'
        '    api_key = api_key or os.environ["HUBSPOT_SANDBOX_KEY"]',
    ],
    ids=["in_a_branch", "two_defaults"],
)
def test_a_parameter_rebound_on_some_paths_or_twice_stays(tmp_path, rebind):
    files = {"app.py": REBOUND.format(rebind=rebind)}
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert statuses(out) == [Status.MANUAL], reasons(out)


# -- a command-line option handed to the facade of another module -------------

CLI = """\
import argparse
import os
import sys

from crm.facade import HubSpot


def parse_args(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--api-key", default={default})
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv if argv is not None else sys.argv[1:])
    hub = HubSpot(api_key=args.api_key)
    return [hub.owners.all()]
"""


def test_an_option_left_unset_takes_the_facades_default(tmp_path):
    """``--api-key`` (None unless given) handed to the facade: unset, the
    facade's default, now the provider's token; given, a token now. The
    script's ``args`` (its own parse_args()) is no instance of the client."""
    files = project(**{"cli.py": CLI.format(default="None")})
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert texts(out)["cli.py"] == files["cli.py"]
    (said,) = out["cli.py"][2]
    assert "the command line" in said, said
    assert_token_requests(tmp_path, files, out, "cli:main", count=1)


def test_an_option_defaulting_to_another_key_stays(tmp_path):
    default = 'os.environ.get("HUBSPOT_SANDBOX_KEY")'
    files = project(**{"cli.py": CLI.format(default=default)})
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert set(statuses(out)) == {Status.MANUAL}, reasons(out)
    assert all("HUBSPOT_SANDBOX_KEY" in r for r in reasons(out)), reasons(out)


# -- the facade keeping the caller's-or-configured key on itself -------------

LAZY = """\
import os

from crm.resources import ContactsClient, OwnersClient


class HubSpot(object):
    def __init__(self, api_key=None):
        self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]

    @property
    def contacts(self):
        return ContactsClient(self.api_key)

    @property
    def owners(self):
        return OwnersClient(self.api_key)
"""


def test_the_facade_keeping_the_key_on_itself(tmp_path):
    files = project()
    files["crm/facade.py"] = LAZY
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert_token_requests(tmp_path, files, out)


def test_the_facade_also_showing_the_key_stays(tmp_path):
    files = project()
    files["crm/facade.py"] = LAZY + (
        "\n    def masked(self):\n" '        return "..." + self.api_key[-4:]\n'
    )
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert set(statuses(out)) == {Status.MANUAL}, reasons(out)
    assert all("also read at line 19" in r for r in reasons(out)), reasons(out)


# -- a key read out of an object: the object is not the key ------------------

CONFIG_READER = """\
import configparser

import requests


def load_config():
    cfg = configparser.ConfigParser()
    cfg.read("hubspot.ini")
    return cfg


def owners({param}):
{rebind}    response = requests.get(
        "https://api.hubapi.com/owners/v2/owners",
        params={{"hapikey": {key}.get("hubspot", "api_key")}},
    )
    return response.status_code


def main():
    return owners({given})
"""


@pytest.mark.parametrize(
    "param, rebind, key, given, words",
    [
        ("cfg", "", "cfg", "load_config()", "the .get() of what callers pass"),
        (
            "cfg=None",
            "    cfg = cfg or load_config()\n",
            "cfg",
            "",
            "the caller's or a configured default (cfg of owners())",
        ),
        (
            "cfg=None",
            "",
            "(cfg or load_config())",
            "",
            "the caller's or a configured default (cfg of owners())",
        ),
    ],
    ids=["passed", "rebound", "inline"],
)
def test_a_key_read_out_of_a_configuration_object_stays(
    tmp_path, param, rebind, key, given, words
):
    """``cfg.get("hubspot", "api_key")``: the caller's (or the default)
    ConfigParser is not the key; making it the token would break the read."""
    text = CONFIG_READER.format(param=param, rebind=rebind, key=key, given=given)
    out = migrate(tmp_path, {"app.py": text})
    assert texts(out) == {"app.py": text}
    assert statuses(out) == [Status.MANUAL], reasons(out)
    assert words in reasons(out)[0], reasons(out)


# -- a caller elsewhere handing on its own caller's key, None by default ------

CHAIN_NONE = """\
from crm.facade import HubSpot


def owners(api_key=None):
    return [HubSpot(api_key=api_key).owners.all()]


def main():
    return owners()
"""


def test_a_none_handed_on_takes_the_facades_default(tmp_path):
    """``owners(api_key=None)`` hands its caller's key, None unless given, to
    ``HubSpot(api_key)``, whose ``api_key or os.environ[...]`` makes None the
    default: the provider's token now."""
    files = project(**{"report.py": CHAIN_NONE})
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    assert texts(out)["report.py"] == CHAIN_NONE
    assert_token_requests(tmp_path, files, out, "report:main", count=1)


def test_a_none_handed_to_a_parameter_defaulting_to_the_setting_stays(tmp_path):
    """``def __init__(self, api_key=settings.HUBSPOT_API_KEY)``: a None given
    stays None (no key was sent; a header built from None would raise)."""
    files = project("api_key", **{"crm/settings.py": SETTINGS})
    facade = files["crm/facade.py"].replace("import os", "from crm import settings")
    files["crm/facade.py"] = facade.replace(
        "api_key=None", "api_key=settings.HUBSPOT_API_KEY"
    )
    files["report.py"] = CHAIN_NONE
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert set(statuses(out)) == {Status.MANUAL}, reasons(out)
    assert all("leaves api_key at its default None" in r for r in reasons(out))
