"""Keys and paths another module changes or decides (a fourth review's F28,
F18, F11, F13): each site is migrated so that the program sends what it sent,
or left as it is for a person with a reason naming the other module.

* another module sets the sending module's own key global per tenant
  (``client.KEY = portal["api_key"]``, through an alias, ``setattr``,
  ``mock.patch.object``, ``patch("crm.client.KEY")``, ``vars(client)``):
  every tenant would get the one token (F28);
* a settings table's key entry another module rewrites
  (``settings.HUBSPOT["API_KEY"] = ...``, ``.update(API_KEY=...)``,
  ``patch.dict``, a nested entry, a class attribute): two portals would become
  one (F18); another entry rewritten is no risk;
* an SDK client's ``api_key`` read in another module (or through an alias,
  ``getattr``): None once the client has ``access_token`` (F11);
* a developer-key path reaching a migrated helper through another module's
  constant (``hs_get(paths.WEBHOOK_SUBSCRIPTIONS.format(APP_ID))``), a table
  entry (``hs_get(ROUTES["subs"])``) or a class attribute: the helper keeps
  the key (developer-key APIs refuse a token) (F13).
"""

from __future__ import annotations

import textwrap

import pytest

from hapimigrate.model import Status
from tests.behaviour.compare import WRONG
from tests.behaviour.harness import Settings, run_project
from tests.conftest import migrate
from tests.trees import key_sites, left_alone, migrated, tree

# -- F13: a developer-key path the helper's module does not write ---------------

HS = """\
import os

import requests

KEY = os.environ["HUBSPOT_API_KEY"]


def hs_get(path, **params):
    params["hapikey"] = KEY
    return requests.get("https://api.hubapi.com" + path, params=params).json()
"""

PATHS = """\
WEBHOOK_SUBSCRIPTIONS = "/webhooks/v1/{}/subscriptions"
OWNERS = "/owners/v2/owners"
ROUTES = {"subs": "/webhooks/v1/{}/subscriptions", "owners": "/owners/v2/owners"}


class Paths:
    SUBS = "/webhooks/v1/{}/subscriptions"
    OWNERS = "/owners/v2/owners"
"""


def hooks(imports: str, call: str) -> str:
    return (
        f"import os\n\n{imports}\nfrom crm.hs import hs_get\n\n"
        'APP_ID = os.environ.get("HUBSPOT_APP_ID", "123")\n\n\n'
        f"def subscriptions():\n    return hs_get({call})\n"
    )


@pytest.mark.parametrize(
    "imports, call",
    [
        ("from crm import paths", "paths.WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
        ("from crm.paths import WEBHOOK_SUBSCRIPTIONS", "WEBHOOK_SUBSCRIPTIONS"),
        ("from crm.paths import WEBHOOK_SUBSCRIPTIONS as W", "W.format(APP_ID)"),
        ("import crm.paths as p", "p.WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
        ("import crm.paths", "crm.paths.WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
        ("from crm.paths import ROUTES", 'ROUTES["subs"].format(APP_ID)'),
        ("from crm import paths", 'paths.ROUTES.get("subs").format(APP_ID)'),
        ("from crm.paths import ROUTES", "ROUTES[os.environ['ROUTE']]"),
        ("from crm.paths import Paths", "Paths.SUBS.format(APP_ID)"),
        ("from crm import paths", "paths.Paths.SUBS.format(APP_ID)"),
        ("from crm.paths import *", "WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"),
    ],
)
def test_a_developer_key_path_imported_from_another_module_keeps_the_helper(
    tmp_path, imports, call
):
    """A review (F13): hooks.py gave hs_get paths.WEBHOOK_SUBSCRIPTIONS;
    hs_get was migrated and the webhook call sent a token (refused)."""
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": PATHS,
            "crm/hooks.py": hooks(imports, call),
            "crm/owners.py": hooks("from crm import paths", "paths.OWNERS"),
        },
    )
    left_alone(out["crm/hs.py"], "hooks.py:10 uses hs_get for a developer-key API")


def test_a_developer_key_path_imported_then_named_locally(tmp_path):
    hooks_py = (
        "from crm import paths\nfrom crm.hs import hs_get\n\n\n"
        "def subscriptions(app):\n"
        "    path = paths.WEBHOOK_SUBSCRIPTIONS.format(app)\n"
        "    return hs_get(path)\n"
    )
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": PATHS,
            "crm/hooks.py": hooks_py,
        },
    )
    left_alone(out["crm/hs.py"], "hooks.py:7 uses hs_get", "given by name: path")


@pytest.mark.parametrize(
    "imports, call",
    [
        ("from crm import paths", "paths.OWNERS"),
        ("from crm.paths import ROUTES", 'ROUTES["owners"]'),
        ("from crm import paths", 'paths.ROUTES.get("owners")'),
        ("from crm.paths import Paths", "Paths.OWNERS"),
    ],
)
def test_token_paths_of_the_same_modules_still_migrate(tmp_path, imports, call):
    """The owners entry of a table that also holds a webhook path is a token
    API: the helper given only that one is migrated."""
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": PATHS,
            "crm/owners.py": hooks(imports, call),
        },
    )
    assert "Authorization" in migrated(out["crm/hs.py"])


def test_a_path_the_helpers_module_defines_given_by_another_module(tmp_path):
    """hs.py defines the webhook path and the helper; hooks.py, whose own
    text names no developer-key API, imports both."""
    hs = HS + '\n\nSUBSCRIPTIONS = "/webhooks/v1/{}/subscriptions"\n'
    hooks_py = (
        "from crm.hs import SUBSCRIPTIONS, hs_get\n\n\n"
        "def subscriptions(app):\n    return hs_get(SUBSCRIPTIONS.format(app))\n"
    )
    out = tree(
        tmp_path, {"crm/__init__.py": "", "crm/hs.py": hs, "crm/hooks.py": hooks_py}
    )
    left_alone(out["crm/hs.py"], "hooks.py:5 uses hs_get", "SUBSCRIPTIONS")


ONE = """\
import os

import requests
{imports}
KEY = os.environ["HUBSPOT_API_KEY"]
APP_ID = os.environ.get("HUBSPOT_APP_ID", "123")
ROUTES = {{"subs": "/webhooks/v1/{{}}/subscriptions", "owners": "/owners/v2/owners"}}


class Paths:
    SUBS = "/webhooks/v1/{{}}/subscriptions"


def hs_get(path, **params):
    params["hapikey"] = KEY
    return requests.get("https://api.hubapi.com" + path, params=params).json()


def subscriptions():
    return hs_get({call})


def owners():
    return hs_get(ROUTES["owners"])
"""


@pytest.mark.parametrize(
    "imports, call",
    [
        ("", 'ROUTES["subs"].format(APP_ID)'),
        ("", 'ROUTES.get("subs").format(APP_ID)'),
        ("", "Paths.SUBS.format(APP_ID)"),
        ("from paths import WEBHOOK_SUBSCRIPTIONS", "WEBHOOK_SUBSCRIPTIONS"),
        ("import paths", "paths.ROUTES['subs']"),
    ],
)
def test_a_developer_key_path_in_a_table_of_the_helpers_module(tmp_path, imports, call):
    """A review (F13, one module): ``hs_get(ROUTES["subs"].format(APP_ID))``;
    the module's fixers read no table entry, class attribute or imported
    path, and the webhook call got a token."""
    one = ONE.format(imports=imports, call=call)
    out = tree(tmp_path, {"one.py": one, "paths.py": PATHS})
    left_alone(out["one.py"], "one.py:20 uses", "developer-key API")


def test_a_table_of_token_paths_in_the_helpers_module_still_migrates(tmp_path):
    one = ONE.format(imports="", call='ROUTES["owners"]')
    out = tree(tmp_path, {"one.py": one})
    assert "Authorization" in migrated(out["one.py"])


# -- F28: the sending module's own key global, set per tenant elsewhere ---------

CLIENT = """\
import os

import requests

KEY = os.environ.get("HUBSPOT_API_KEY")


def owners():
    return requests.get(
        "https://api.hubapi.com/crm/v3/owners", params={"hapikey": KEY}
    ).json()
"""


def worker(imports: str, body: str) -> str:
    return (
        f"import json\n{imports}\n\n\ndef run_all(path):\n"
        "    for portal in json.load(open(path)):\n"
        + textwrap.indent(textwrap.dedent(body), "        ")
    )


@pytest.mark.parametrize(
    "imports, body",
    [
        ("from crm import client", 'client.KEY = portal["api_key"]\nclient.owners()\n'),
        ("import crm.client as hs", 'hs.KEY = portal["api_key"]\nhs.owners()\n'),
        (
            "import crm.client",
            'crm.client.KEY = portal["api_key"]\ncrm.client.owners()\n',
        ),
        (
            "from crm import client",
            'setattr(client, "KEY", portal["api_key"])\nclient.owners()\n',
        ),
        (
            "from unittest import mock\nfrom crm import client",
            'with mock.patch.object(client, "KEY", portal["api_key"]):\n'
            "    client.owners()\n",
        ),
        (
            "from unittest.mock import patch\nfrom crm import client",
            'with patch("crm.client.KEY", portal["api_key"]):\n    client.owners()\n',
        ),
        (
            "from unittest import mock\nfrom crm import client",
            'with mock.patch("crm.client.KEY", new=portal["api_key"]):\n'
            "    client.owners()\n",
        ),
        (
            "from crm import client",
            'vars(client)["KEY"] = portal["api_key"]\nclient.owners()\n',
        ),
        (
            "from crm import client",
            'client.__dict__.update(KEY=portal["api_key"])\nclient.owners()\n',
        ),
        (
            "from crm import client",
            'm = client\nm.KEY = portal["api_key"]\nclient.owners()\n',
        ),
    ],
)
def test_a_key_global_another_module_sets_per_tenant_keeps_the_client(
    tmp_path, imports, body
):
    """A review (F28): worker.py set client.KEY to each portal's key before
    calling it; client.py was migrated and every tenant got one token."""
    text = worker(imports, body)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if "KEY" in l)
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/client.py": CLIENT, "crm/worker.py": text},
    )
    left_alone(out["crm/client.py"], f"worker.py:{line} sets KEY", "per-run value")


def test_a_key_global_set_through_a_parameter(tmp_path):
    text = (
        "from crm import client\n\n\ndef configure(mod, key):\n    mod.KEY = key\n\n\n"
        "def run_all(portals):\n    for portal in portals:\n"
        '        configure(client, portal["api_key"])\n        client.owners()\n'
    )
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/client.py": CLIENT, "crm/worker.py": text},
    )
    left_alone(out["crm/client.py"], "worker.py:5 sets KEY")


def test_a_patcher_in_a_test_leaves_the_client_migrated(tmp_path):
    """A test patching the key for its stand-in is no run that picks a portal."""
    test = (
        "from unittest import mock\nfrom crm import client\n\n\n"
        "def test_owners():\n"
        '    with mock.patch.object(client, "KEY", "key-test"):\n'
        "        client.owners()\n"
    )
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/client.py": CLIENT,
            "tests/test_client.py": test,
        },
    )
    result = out["crm/client.py"]  # (the variable the test sets is reported)
    assert result.changed and "Authorization" in result.new.decode()
    (site,) = [s for s in key_sites(result) if s.kind.value == "params"]
    assert site.status == Status.REWRITE


def test_another_global_patched_leaves_the_client_migrated(tmp_path):
    body = 'setattr(client, "TIMEOUT", 5)\nclient.owners()\n'
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/client.py": CLIENT + "\nTIMEOUT = 10\n",
            "crm/worker.py": worker("from crm import client", body),
        },
    )
    assert "Authorization" in migrated(out["crm/client.py"])


# -- F18: a settings table's key entry another module rewrites ------------------

SETTINGS = """\
import os

HUBSPOT = {
    "API_KEY": os.environ.get("HUBSPOT_API_KEY"),
    "PORTAL_ID": os.environ.get("HUBSPOT_PORTAL_ID", "1"),
}
"""


def sender(expression: str) -> str:
    return (
        "import requests\n\nfrom crm import settings\nfrom crm.settings import HUBSPOT\n"
        "\n\ndef owners():\n    return requests.get(\n"
        '        "https://api.hubapi.com/crm/v3/owners",\n'
        f'        params={{"hapikey": {expression}}},\n    ).json()\n'
    )


def sandbox(write: str) -> str:
    return (
        "import os\nfrom unittest import mock\n\nfrom crm import settings\n"
        "from crm.settings import HUBSPOT\n\n\n"
        f"def use_sandbox():\n    {write}\n"
    )


SANDBOX = 'os.environ["HUBSPOT_SANDBOX_KEY"]'


@pytest.mark.parametrize(
    "write",
    [
        f'settings.HUBSPOT["API_KEY"] = {SANDBOX}',
        f'HUBSPOT["API_KEY"] = {SANDBOX}',
        f"settings.HUBSPOT.update(API_KEY={SANDBOX})",
        f'settings.HUBSPOT.update({{"API_KEY": {SANDBOX}}})',
        "settings.HUBSPOT.update(os.environ)",
        f'settings.HUBSPOT = {{"API_KEY": {SANDBOX}}}',
        f'mock.patch.dict(settings.HUBSPOT, {{"API_KEY": {SANDBOX}}}).start()',
        f'mock.patch.dict("crm.settings.HUBSPOT", API_KEY={SANDBOX}).start()',
    ],
)
@pytest.mark.parametrize(
    "expression",
    ['HUBSPOT["API_KEY"]', 'settings.HUBSPOT["API_KEY"]', 'HUBSPOT.get("API_KEY")'],
)
def test_a_key_entry_another_module_rewrites_keeps_its_reader(
    tmp_path, write, expression
):
    """A review (F18): sandbox.py switched settings.HUBSPOT["API_KEY"] to the
    sandbox portal's key; client.py was migrated and the production token was
    sent for the sandbox."""
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/settings.py": SETTINGS,
            "crm/client.py": sender(expression),
            "crm/sandbox.py": sandbox(write),
        },
    )
    left_alone(out["crm/client.py"], "sandbox.py:9 sets", "the key this request")


@pytest.mark.parametrize(
    "write",
    [
        'settings.HUBSPOT["PORTAL_ID"] = "2"',
        'settings.HUBSPOT.update(PORTAL_ID="2")',
        'mock.patch.dict(settings.HUBSPOT, {"PORTAL_ID": "2"}).start()',
    ],
)
def test_another_entry_rewritten_leaves_the_reader_migrated(tmp_path, write):
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/settings.py": SETTINGS,
            "crm/client.py": sender('HUBSPOT["API_KEY"]'),
            "crm/sandbox.py": sandbox(write),
        },
    )
    assert "Authorization" in migrated(out["crm/client.py"])


NESTED = """\
import os

HUBSPOT = {"default": {"API_KEY": os.environ.get("HUBSPOT_API_KEY")}, "sandbox": {}}
"""


@pytest.mark.parametrize(
    "write, held",
    [
        (f'settings.HUBSPOT["default"]["API_KEY"] = {SANDBOX}', True),
        (f'settings.HUBSPOT["default"].update(API_KEY={SANDBOX})', True),
        (f'settings.HUBSPOT["sandbox"]["API_KEY"] = {SANDBOX}', False),
    ],
)
def test_a_nested_key_entry(tmp_path, write, held):
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/settings.py": NESTED,
            "crm/client.py": sender('HUBSPOT["default"]["API_KEY"]'),
            "crm/sandbox.py": sandbox(write),
        },
    )
    if held:
        left_alone(out["crm/client.py"], "sandbox.py:9 sets")
    else:
        assert "Authorization" in migrated(out["crm/client.py"])


CONFIG = """\
import os


class Config:
    API_KEY = os.environ.get("HUBSPOT_API_KEY")
    PORTAL_ID = "1"
"""


@pytest.mark.parametrize(
    "write, held",
    [
        (f"Config.API_KEY = {SANDBOX}", True),
        (f'setattr(Config, "API_KEY", {SANDBOX})', True),
        (f'mock.patch.object(settings.Config, "API_KEY", {SANDBOX}).start()', True),
        ('Config.PORTAL_ID = "2"', False),
    ],
)
def test_a_key_class_attribute_another_module_sets(tmp_path, write, held):
    client = sender("Config.API_KEY").replace(
        "from crm.settings import HUBSPOT", "from crm.settings import Config"
    )
    writer = sandbox(write).replace(
        "from crm.settings import HUBSPOT", "from crm.settings import Config"
    )
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/settings.py": CONFIG,
            "crm/client.py": client,
            "crm/sandbox.py": writer,
        },
    )
    if held:
        left_alone(out["crm/client.py"], "sandbox.py:9 sets")
    else:
        assert "Authorization" in migrated(out["crm/client.py"])


# -- F11: an SDK client's api_key read elsewhere ----------------------------------

HS_CLIENT = """\
import os

from hubspot3 import Hubspot3

client = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"])


def make_client():
    return Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"])
"""


@pytest.mark.parametrize(
    "imports, read",
    [
        ("from crm.hs import client", "client.api_key"),
        ("from crm.hs import client as hub", "hub.api_key"),
        ("from crm import hs", "hs.client.api_key"),
        ("import crm.hs as h", "h.client.api_key"),
        ("import crm.hs", "crm.hs.client.api_key"),
        ("from crm.hs import client", 'getattr(client, "api_key")'),
        ("from crm.hs import make_client", "make_client().api_key"),
        ("from crm import hs", "hs.make_client().api_key"),
        ("from crm.hs import *", "client.api_key"),
    ],
)
def test_an_sdk_clients_api_key_read_in_another_module_keeps_it(
    tmp_path, imports, read
):
    """A review (F11): export.py sent client.api_key to a backup service;
    hs.py's client was given access_token and the backup got None."""
    export = (
        f"import requests\n\n{imports}\n\n\ndef backup():\n"
        f'    requests.post("https://backup.example.com/h", json={{"key": {read}}})\n'
    )
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/hs.py": HS_CLIENT, "crm/export.py": export},
    )
    left_alone(out["crm/hs.py"], "export.py:7 reads", ".api_key, which is None")


def test_an_sdk_clients_api_key_through_an_alias_or_set_elsewhere(tmp_path):
    export = (
        "from crm.hs import client\n\n\n"
        "def backup(store):\n    c = client\n    store.save(c.api_key)\n\n\n"
        "def switch(key):\n    client.api_key = key\n"
    )
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/hs.py": HS_CLIENT, "crm/export.py": export},
    )
    left_alone(out["crm/hs.py"], "export.py:6 reads client.api_key")


@pytest.mark.parametrize("read", ["c.api_key", 'getattr(client, "api_key")'])
def test_an_sdk_clients_api_key_read_in_its_module_through_a_name(tmp_path, read):
    one = HS_CLIENT + (
        "\n\ndef backup(store):\n    c = client\n" f"    store.save({read})\n"
    )
    result = tree(tmp_path, {"one.py": one})["one.py"]
    client, factory = key_sites(result)  # make_client()'s is another client
    assert (
        client.status == Status.MANUAL and "api_key is read (line 14)" in client.reason
    )
    assert factory.status == Status.REWRITE
    assert "client = Hubspot3(api_key=" in result.new.decode()


@pytest.mark.parametrize(
    "files",
    [
        {
            "crm/export.py": "from crm.hs import client\n\n\ndef f():\n    return client.contacts.get_all()\n"
        },
        {
            "crm/export.py": "from crm.hs import client\n\n\ndef f(cfg):\n    return cfg.api_key\n"
        },
        {
            "crm/other.py": "import other_sdk\n\nclient = other_sdk.make()\nKEY = client.api_key\n"
        },
        {
            "tests/test_hs.py": "from crm.hs import client\n\n\ndef test_key():\n    assert client.api_key\n"
        },
    ],
    ids=["no read", "another object", "another client", "a test"],
)
def test_other_uses_leave_the_sdk_client_migrated(tmp_path, files):
    out = tree(tmp_path, {"crm/__init__.py": "", "crm/hs.py": HS_CLIENT, **files})
    assert "access_token=" in migrated(out["crm/hs.py"])


# -- the review's projects, run before and after --------------------------------

PROJECTS = {
    "tenants": {  # F28 (/tmp/review10/105)
        "scenario.py": (
            '"""A worker sets the client module\'s KEY to each portal\'s key."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_tenants(credential):\n"
            "    import json, os, tempfile\n"
            "    from crm import worker\n"
            '    path = os.path.join(tempfile.mkdtemp(), "portals.json")\n'
            '    with open(path, "w") as f:\n'
            '        json.dump([{"api_key": credential("acme")},'
            ' {"api_key": credential("globex")}], f)\n'
            "    worker.run_all(path)\n"
        ),
        "src/crm/__init__.py": "",
        "src/crm/client.py": CLIENT,
        "src/crm/worker.py": worker(
            "from crm import client",
            'client.KEY = portal["api_key"]\nclient.owners()\n',
        ),
    },
    "sandbox": {  # F18 (/tmp/review10/70)
        "scenario.py": (
            '"""A settings entry another module switches to the sandbox key."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_SANDBOX_KEY": "key-sandbox"}\n\n\n'
            "def case_sandbox(credential):\n"
            "    from crm import client, sandbox\n"
            "    sandbox.use_sandbox()\n    client.owners()\n"
        ),
        "src/crm/__init__.py": "",
        "src/crm/settings.py": SETTINGS,
        "src/crm/client.py": sender('HUBSPOT["API_KEY"]'),
        "src/crm/sandbox.py": sandbox(f'settings.HUBSPOT["API_KEY"] = {SANDBOX}'),
    },
    "paths": {  # F13 (/tmp/review10/51)
        "scenario.py": (
            '"""A webhook path constant of another module given to the helper."""\n'
            'ENV = {"HUBSPOT_API_KEY": "devkey-app"}\n\n\n'
            "def case_subscriptions(credential):\n"
            "    from crm import hooks\n    hooks.subscriptions()\n"
        ),
        "src/crm/__init__.py": "",
        "src/crm/hs.py": HS,
        "src/crm/paths.py": PATHS,
        "src/crm/hooks.py": hooks(
            "from crm import paths", "paths.WEBHOOK_SUBSCRIPTIONS.format(APP_ID)"
        ),
    },
    "routes": {  # F13, one module (/tmp/review10/53)
        "scenario.py": (
            '"""A route table; one route is a developer-key API."""\n'
            'ENV = {"HUBSPOT_API_KEY": "devkey-app"}\n\n\n'
            "def case_subscriptions(credential):\n"
            "    import one\n    one.subscriptions()\n"
        ),
        "src/one.py": ONE.format(imports="", call='ROUTES["subs"].format(APP_ID)'),
    },
}


@pytest.mark.parametrize("project", sorted(PROJECTS))
def test_the_reviews_projects_send_what_they_sent(tmp_path, project):
    for name, text in PROJECTS[project].items():
        path = tmp_path / project / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    result = run_project(tmp_path / project, Settings())
    assert not result.errors, result.errors
    assert result.counts.rewrite == 0 and result.counts.manual >= 1
    assert result.verdicts
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []


def test_a_request_of_the_module_itself_given_an_imported_developer_path(tmp_path):
    """The module sending the key writes the request itself: its fixers do not
    read paths.WEBHOOK_SUBSCRIPTIONS either."""
    hooks_py = (
        "import os\n\nimport requests\n\nfrom crm import paths\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n\n'
        "def subscriptions(app):\n    return requests.get(\n"
        '        "https://api.hubapi.com" + paths.WEBHOOK_SUBSCRIPTIONS.format(app),\n'
        '        params={"hapikey": KEY},\n    )\n'
    )
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/paths.py": PATHS, "crm/hooks.py": hooks_py},
    )
    left_alone(out["crm/hooks.py"], "hooks.py:11 uses subscriptions", "WEBHOOK_SUB")


@pytest.mark.parametrize(
    "path",
    [
        '"/app-webhooks/v1/{}/settings"',
        '"/integrations/v1/{}/timeline/event-types"',
        '"/crm/v3/extensions/calling/{}/settings"',
        '"/automation/v4/actions/{}"',
        '"/media-bridge/v1/{}/settings/object-definitions"',
    ],
)
def test_other_developer_key_families_as_constants(tmp_path, path):
    paths_py = f"APP_PATH = {path}\n"
    hooks_py = (
        "from crm import paths\nfrom crm.hs import hs_get\n\n\n"
        "def app(app_id):\n    return hs_get(paths.APP_PATH.format(app_id))\n"
    )
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": paths_py,
            "crm/hooks.py": hooks_py,
        },
    )
    left_alone(out["crm/hs.py"], "hooks.py:6 uses hs_get", "paths.APP_PATH")


def test_a_key_the_client_imports_by_name_set_on_the_client_elsewhere(tmp_path):
    """client.py reads KEY imported from settings; worker.py sets client.KEY,
    the name client.py's requests read."""
    client = (
        "import requests\n\nfrom crm.settings import KEY\n\n\ndef owners():\n"
        "    return requests.get(\n"
        '        "https://api.hubapi.com/crm/v3/owners", params={"hapikey": KEY}\n'
        "    ).json()\n"
    )
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/settings.py": 'import os\n\nKEY = os.environ.get("HUBSPOT_API_KEY")\n',
            "crm/client.py": client,
            "crm/worker.py": worker(
                "from crm import client",
                'client.KEY = portal["api_key"]\nclient.owners()\n',
            ),
        },
    )
    left_alone(out["crm/client.py"], "worker.py:7 sets KEY")


@pytest.mark.parametrize(
    "body",
    [
        "for path in paths.APP_PATHS:\n        hs_get(path.format(app))\n",
        "for name, path in paths.ROUTES.items():\n        hs_get(path.format(app))\n",
        "return [hs_get(p.format(app)) for p in paths.APP_PATHS]\n",
    ],
)
def test_developer_key_paths_looped_over(tmp_path, body):
    paths_py = PATHS + (
        '\n\nAPP_PATHS = ["/webhooks/v1/{}/settings", "/webhooks/v1/{}/subscriptions"]\n'
    )
    hooks_py = (
        "from crm import paths\nfrom crm.hs import hs_get\n\n\n"
        f"def sync(app):\n    {body}"
    )
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/hs.py": HS,
            "crm/paths.py": paths_py,
            "crm/hooks.py": hooks_py,
        },
    )
    left_alone(out["crm/hs.py"], "uses hs_get for a developer-key API")


@pytest.mark.parametrize(
    "settings, held",
    [
        (
            'import os\n\nHUBSPOT = {}\nHUBSPOT["API_KEY"] = os.environ["HUBSPOT_API_KEY"]\n',
            False,
        ),
        (
            "import os\n\nHUBSPOT = {}\n"
            'HUBSPOT.update(API_KEY=os.environ["HUBSPOT_API_KEY"], PORTAL_ID="1")\n',
            False,
        ),
        (
            SETTINGS + "\n\ndef use_sandbox():\n"
            f'    HUBSPOT["API_KEY"] = {SANDBOX}\n',
            True,
        ),
    ],
    ids=["filled on import", "updated on import", "switched by its function"],
)
def test_the_settings_module_filling_its_own_table(tmp_path, settings, held):
    """A settings module filling its table on import is its configuration (as
    KEY = ... is); a function of it switching the entry is a per-run value."""
    out = tree(
        tmp_path,
        {
            "crm/__init__.py": "",
            "crm/settings.py": settings,
            "crm/client.py": sender('HUBSPOT["API_KEY"]'),
        },
    )
    if held:
        left_alone(out["crm/client.py"], "settings.py:10 sets HUBSPOT")
    else:
        assert "Authorization" in migrated(out["crm/client.py"])


def test_a_parameter_named_like_the_client_is_not_it(tmp_path):
    export = (
        "from crm.hs import client\n\n\n"
        "def backup(client):\n    return client.api_key\n\n\n"
        "def contacts():\n    return client.contacts.get_all()\n"
    )
    out = tree(
        tmp_path,
        {"crm/__init__.py": "", "crm/hs.py": HS_CLIENT, "crm/export.py": export},
    )
    assert "access_token=" in migrated(out["crm/hs.py"])


@pytest.mark.parametrize("read", ["c.api_key", 'getattr(client, "api_key")'])
def test_an_sdk_clients_api_key_through_a_name_on_standard_input(read):
    """One file, no tree (an editor's ``-``): the SDK fixer itself sees the
    alias and getattr."""
    result = migrate(
        HS_CLIENT + f"\n\ndef backup():\n    c = client\n    return {read}\n"
    )
    (site,) = [s for s in key_sites(result) if s.line == 5]
    assert site.status == Status.MANUAL and "api_key is read (line 14)" in site.reason
