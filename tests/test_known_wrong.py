"""Four wrong rewrites a review confirmed at run time, and the shapes around each
that real code bases hold: each is now migrated so that it runs as before with a
token, or left unchanged for a person with a reason naming the risk.

* a table of URLs (or a base URL, or the key) another module changes:
  ``client.URLS.update(status="https://status.example.com/ping")`` (h7);
* an SDK sub-client reached through a name for a developer-key API:
  ``tl = client.crm.timeline; tl.templates_api.get_all(app_id)`` (sd2);
* ``del os`` after the key is read: the inserted ``os.environ`` (i1);
* a provider module that imports the migrated module back: ``from myapp.auth
  import token`` at the top of ``crm.py`` while ``auth.py`` imports ``crm`` (pv1).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hapimigrate.python.imports import CYCLE_AT_IMPORT
from tests.conftest import migrate, run_cli
from tests.trees import key_sites, left_alone, migrated, tree

TOKEN = "pat-na1-known-0001"


# -- h7: a module-level value another module changes ------------------------------

CLIENT = """\
import os
import requests

URLS = {
    "contacts": "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
    "deals": "https://api.hubapi.com/deals/v1/deal/paged",
}
BASE = "https://api.hubapi.com"
KEY = os.environ["HUBSPOT_API_KEY"]


def fetch(name):
    return requests.get(URLS[name], params={"hapikey": KEY})
"""

CLIENT_BASE = """\
import os
import requests

BASE = "https://api.hubapi.com"
KEY = os.environ["HUBSPOT_API_KEY"]


def owners():
    return requests.get(BASE + "/owners/v2/owners", params={"hapikey": KEY})
"""

CLIENT_LIST = """\
import os
import requests

URLS = ["https://api.hubapi.com/contacts/v1/lists/all/contacts/all"]
KEY = os.environ["HUBSPOT_API_KEY"]


def fetch_all():
    return [requests.get(url, params={"hapikey": KEY}) for url in URLS]
"""

SLACK = "https://hooks.slack.com/services/T0/B0/X"

CHANGED_ELSEWHERE = {
    # the review's case: keywords to update
    "update with keywords": (
        CLIENT,
        'import client\nclient.URLS.update(status="https://status.example.com/ping")\n',
        ("more.py:2", "status.example.com"),
    ),
    "update with a dict": (
        CLIENT,
        f'import client\nclient.URLS.update({{"alert": "{SLACK}"}})\n',
        ("more.py:2", "hooks.slack.com"),
    ),
    "an entry set": (
        CLIENT,
        f'import client\nclient.URLS["alert"] = "{SLACK}"\n',
        ("more.py:2", "hooks.slack.com"),
    ),
    "imported by name, then updated": (
        CLIENT,
        f'from client import URLS\nURLS.update({{"alert": "{SLACK}"}})\n',
        ("more.py:2", "hooks.slack.com"),
    ),
    "imported under another name, setdefault": (
        CLIENT,
        f'from client import URLS as TABLE\nTABLE.setdefault("alert", "{SLACK}")\n',
        ("more.py:2", "hooks.slack.com"),
    ),
    "an entry from the caller, in a function": (
        CLIENT,
        "import client\n\n\ndef register(name, url):\n    client.URLS[name] = url\n",
        ("more.py:5", "a value known at run time"),
    ),
    "through a local alias": (
        CLIENT,
        "import client\n\n\ndef register(url):\n"
        "    urls = client.URLS\n    urls['alert'] = url\n",
        ("more.py:6", "a value known at run time"),
    ),
    "through an attribute a class keeps": (
        CLIENT,
        "import client\n\n\nclass Registry:\n"
        "    def __init__(self):\n        self.urls = client.URLS\n\n"
        "    def add(self, name, url):\n        self.urls[name] = url\n",
        ("more.py:9", "a value known at run time"),
    ),
    "the table replaced": (
        CLIENT,
        'import client\nclient.URLS = {"contacts": "https://mirror.example.com/c"}\n',
        ("more.py:2", "mirror.example.com"),
    ),
    "the table replaced by setattr": (
        CLIENT,
        f'import client\nsetattr(client, "URLS", {{"contacts": "{SLACK}"}})\n',
        ("more.py:2", "hooks.slack.com"),
    ),
    "a list appended to": (
        CLIENT_LIST,
        f'import client\nclient.URLS.append("{SLACK}")\n',
        ("more.py:2", "hooks.slack.com"),
    ),
    "a list extended in place": (
        CLIENT_LIST,
        f'from client import URLS\nURLS += ["{SLACK}"]\n',
        ("more.py:2", "hooks.slack.com"),
    ),
    "a base URL set from the command line": (
        CLIENT_BASE,
        "import sys\nimport client\nclient.BASE = sys.argv[1]\n",
        ("more.py:3", "BASE", "a value known at run time"),
    ),
}


@pytest.mark.parametrize("name", sorted(CHANGED_ELSEWHERE))
def test_a_value_another_module_changes_keeps_its_readers_manual(tmp_path, name):
    client, more, words = CHANGED_ELSEWHERE[name]
    out = tree(tmp_path, {"client.py": client, "more.py": more})
    left_alone(out["client.py"], *words)
    assert (
        "the token would go wherever it then points"
        in key_sites(out["client.py"])[0].reason
    )


SAME_MODULE = {
    "through an alias": "def register(name, url):\n    table = URLS\n    table[name] = url\n",
    "through a parameter": (
        "def register(name, url):\n    add(URLS, name, url)\n\n\n"
        "def add(table, name, url):\n    table.update({name: url})\n"
    ),
}


@pytest.mark.parametrize("name", sorted(SAME_MODULE))
def test_the_modules_own_table_changed_through_another_name_is_seen(tmp_path, name):
    """``URLS[name] = url`` is the fixers' to see; ``table = URLS; table[name]
    = url`` (or a function given the table) is not."""
    out = tree(tmp_path, {"client.py": CLIENT + "\n\n" + SAME_MODULE[name]})
    left_alone(out["client.py"], "changes URLS", "a value known at run time")


CLIENT_CLASS = """\
import os
import requests


class Client:
    URLS = {
        "contacts": "https://api.hubapi.com/contacts/v1/lists/all/contacts/all",
    }

    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]

    def fetch(self, name):
        return requests.get(self.URLS[name], params={"hapikey": self.key})
"""

CLASS_TABLE_CHANGED = {
    "by the class, elsewhere": (
        f'from client import Client\nClient.URLS["alert"] = "{SLACK}"\n',
        "more.py:2",
    ),
    "by an instance, elsewhere": (
        f'from client import Client\nc = Client()\nc.URLS.update(alert="{SLACK}")\n',
        "more.py:3",
    ),
    "through the module, elsewhere": (
        f'import client\nclient.Client.URLS["alert"] = "{SLACK}"\n',
        "more.py:2",
    ),
}


@pytest.mark.parametrize("name", sorted(CLASS_TABLE_CHANGED))
def test_a_class_table_another_module_changes_keeps_the_class_manual(tmp_path, name):
    more, where = CLASS_TABLE_CHANGED[name]
    out = tree(tmp_path, {"client.py": CLIENT_CLASS, "more.py": more})
    left_alone(out["client.py"], f"{where} changes Client.URLS", "hooks.slack.com")


def test_a_class_table_its_own_module_changes_by_class_name_is_seen(tmp_path):
    own = CLIENT_CLASS + "\n\ndef register(name, url):\n    Client.URLS[name] = url\n"
    out = tree(tmp_path, {"client.py": own})
    left_alone(out["client.py"], "client.py:18 changes Client.URLS")


def test_the_reviews_tree_is_left_for_a_person(tmp_path):
    """The reproduction itself (``briefs/known/h7``): nothing is written."""
    more = (
        'import client\nclient.URLS.update(status="https://status.example.com/ping")\n'
    )
    out = tree(tmp_path, {"client.py": CLIENT, "more.py": more})
    left_alone(out["client.py"], "more.py:2 changes URLS", "status.example.com")
    assert not out["more.py"].changed


def test_a_key_another_module_sets_is_named_as_a_per_run_key(tmp_path):
    more = "import sys\nimport client\nclient.KEY = sys.argv[1]\n"
    out = tree(tmp_path, {"client.py": CLIENT, "more.py": more})
    left_alone(out["client.py"], "more.py:3 sets KEY, the key this request sends")


def test_another_modules_table_holding_another_host_is_not_sent_the_token(tmp_path):
    config = f'URLS = {{\n    "contacts": "https://api.hubapi.com/c",\n    "alert": "{SLACK}",\n}}\n'
    reader = (
        "import os\nimport requests\nfrom config import URLS\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
        "def fetch(name):\n    return requests.get(URLS[name], params={'hapikey': KEY})\n"
    )
    out = tree(tmp_path, {"config.py": config, "reader.py": reader})
    left_alone(out["reader.py"], "URLS, read from config.py:1", "hooks.slack.com")


def test_another_modules_table_it_changes_itself_is_not_sent_the_token(tmp_path):
    config = (
        'URLS = {"contacts": "https://api.hubapi.com/c"}\n\n\n'
        "def configure(name, url):\n    URLS[name] = url\n"
    )
    reader = (
        "import os\nimport requests\nimport config\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
        "def fetch(name):\n"
        "    return requests.get(config.URLS[name], params={'hapikey': KEY})\n"
    )
    out = tree(tmp_path, {"config.py": config, "reader.py": reader})
    left_alone(out["reader.py"], "config.py:5 changes URLS")


HARMLESS = {
    # another module adds HubSpot's own URLs only
    "more.py": 'import client\nclient.URLS["owners"] = "https://api.hubapi.com/owners/v2/owners"\n',
    # a function's own variable of the same name
    "other.py": (
        "from client import URLS\n\n\ndef build():\n"
        f'    URLS = {{}}\n    URLS["alert"] = "{SLACK}"\n    return URLS\n'
    ),
    # a test pointing the client at its stand-in: it sent it the key before
    "tests/test_client.py": (
        "import client\n\n\ndef test_fetch():\n"
        '    client.URLS["contacts"] = "http://127.0.0.1:8080/c"\n'
    ),
}


def test_changes_that_cannot_send_the_token_elsewhere_leave_the_migration(tmp_path):
    out = tree(tmp_path, {"client.py": CLIENT, **HARMLESS})
    text = migrated(out["client.py"])
    assert '"Authorization": "Bearer "' in text and "hapikey" not in text


# -- sd2: a developer-key SDK API reached through a name ------------------------

HUB = """\
import os
from hubspot import HubSpot

client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])


def get_client():
    return client
"""

THROUGH_A_NAME = {
    # the review's case
    "an alias": """\
        from hub import client

        def templates(app_id):
            tl = client.crm.timeline
            return tl.templates_api.get_all(app_id)
        """,
    "an alias of an alias": """\
        from hub import client

        def templates(app_id):
            tl = client.crm.timeline
            api = tl.templates_api
            return api.get_all(app_id)
        """,
    "a module-level alias": """\
        import hub

        TIMELINE = hub.client.crm.timeline

        def templates(app_id):
            return TIMELINE.templates_api.get_all(app_id)
        """,
    "an attribute kept on self": """\
        from hub import client

        class Timeline:
            def __init__(self):
                self.tl = client.crm.timeline

            def templates(self, app_id):
                return self.tl.templates_api.get_all(app_id)
        """,
    "a constructor's parameter": """\
        from hub import client

        class Timeline:
            def __init__(self, api):
                self.api = api

            def templates(self, app_id):
                return self.api.templates_api.get_all(app_id)

        TIMELINE = Timeline(client.crm.timeline)
        """,
    "a function's parameter": """\
        from hub import get_client

        def templates(tl, app_id):
            return tl.templates_api.get_all(app_id)

        def sync():
            return templates(get_client().crm.timeline, 1)
        """,
    "a keyword argument, webhooks": """\
        from hub import client

        def subscriptions(api=None):
            return api.subscriptions_api.get_all(app_id=1)

        def sync():
            return subscriptions(api=client.webhooks)
        """,
    "a parameter's default": """\
        from hub import client

        def templates(app_id, tl=client.crm.timeline):
            return tl.templates_api.get_all(app_id)
        """,
    "the whole client as a parameter": """\
        from hub import client

        def settings(hs, app_id):
            return hs.webhooks.settings_api.get_all(app_id)

        settings(client, 1)
        """,
}


@pytest.mark.parametrize("name", sorted(THROUGH_A_NAME))
def test_a_developer_key_api_reached_through_a_name_keeps_the_client(tmp_path, name):
    out = tree(tmp_path, {"hub.py": HUB, "hooks.py": THROUGH_A_NAME[name]})
    left_alone(out["hub.py"], "hooks.py:", "developer-key API", "developer key only")


TL_HELPERS = (
    "def list_templates(tl, app_id):\n    return tl.templates_api.get_all(app_id)\n"
)


@pytest.mark.parametrize(
    "hooks",
    [
        "from hub import client\nfrom tl_helpers import list_templates\n\n\n"
        "def sync():\n    return list_templates(client.crm.timeline, 1)\n",
        "from hub import client\nimport tl_helpers\n\n\n"
        "def sync():\n    tl = client.crm.timeline\n"
        "    return tl_helpers.list_templates(tl, 1)\n",
    ],
    ids=["inline", "through an alias"],
)
def test_a_developer_sub_client_handed_to_another_modules_function_keeps_it(
    tmp_path, hooks
):
    """What the other module's function calls is not followed: the timeline
    sub-client may be used there for its templates (developer key only)."""
    out = tree(
        tmp_path, {"hub.py": HUB, "hooks.py": hooks, "tl_helpers.py": TL_HELPERS}
    )
    left_alone(out["hub.py"], "crm.timeline, handed to list_templates()")


def test_a_client_or_token_sub_client_handed_on_still_migrates(tmp_path):
    hooks = (
        "from hub import client\nimport tl_helpers\n\n\n"
        "def sync():\n    tl_helpers.run(client, 1)\n"
        "    return tl_helpers.contacts(client.crm.contacts)\n"
    )
    out = tree(
        tmp_path, {"hub.py": HUB, "hooks.py": hooks, "tl_helpers.py": TL_HELPERS}
    )
    assert "HubSpot(access_token=" in migrated(out["hub.py"])


def test_sub_clients_of_token_apis_through_names_still_migrate(tmp_path):
    hooks = """\
        from hub import client

        def contacts():
            tl = client.crm.timeline
            tl.events_api.create(timeline_event=None)  # events take a token
            api = client.crm.contacts
            return api.basic_api.get_page()
        """
    out = tree(tmp_path, {"hub.py": HUB, "hooks.py": hooks})
    text = migrated(out["hub.py"])
    assert "HubSpot(access_token=" in text


# -- i1: the module unbinds the name the inserted code uses ---------------------

I1 = """\
import os
import requests

KEY = os.environ["HUBSPOT_API_KEY"]
{unbind}


def contacts():
    return requests.get("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + KEY)
"""

UNBINDINGS = {
    "del os": "del os",
    "del os and another": "import sys\ndel os, sys",
    "a function deleting the global": "def _cleanup():\n    global os\n    del os\n_cleanup()",
    "globals().pop": 'globals().pop("os")',
    "del globals()[...]": 'del globals()["os"]',
    "rebound": "os = None",
}

FAKE_REQUESTS = """\
SENT = []


def get(url, params=None, headers=None, **kwargs):
    SENT.append((url, dict(params or {}), (headers or {}).get("Authorization")))
"""


def run_module(folder: Path, code: str, env: dict[str, str]) -> str:
    """``code`` run in a fresh interpreter in ``folder`` (a fake ``requests``
    beside it), with ``env``; its output."""
    (folder / "requests.py").write_text(FAKE_REQUESTS)
    environment = {**os.environ, **env}
    environment.pop("PYTHONPATH", None)
    ran = subprocess.run(
        [sys.executable, "-c", code],
        cwd=folder,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.strip()


@pytest.mark.parametrize("name", sorted(UNBINDINGS))
def test_an_unbound_os_does_not_break_the_inserted_read(tmp_path, name):
    source = I1.format(unbind=UNBINDINGS[name])
    result = migrate(source, path=str(tmp_path / "client.py"))
    text = migrated(result)
    assert "import os as _os" in text and '_os.environ["HUBSPOT_ACCESS_TOKEN"]' in text
    (tmp_path / "client.py").write_text(text)
    out = run_module(
        tmp_path,
        "import client, requests\nclient.contacts()\nprint(requests.SENT[0][2])",
        {"HUBSPOT_API_KEY": "old-key", "HUBSPOT_ACCESS_TOKEN": TOKEN},
    )
    assert out == f"Bearer {TOKEN}"


def test_a_module_that_keeps_os_still_writes_os(tmp_path):
    text = migrated(migrate(I1.format(unbind="")))
    assert "import os as" not in text
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in text


# -- pv1: the provider's module imports the migrated module back ----------------

CRM = """\
import os
import requests

PORTAL_ID = 123
KEY = os.environ["HUBSPOT_API_KEY"]


def contacts():
    return requests.get("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + KEY)
"""

AUTH = """\
import os
from myapp.crm import PORTAL_ID


def token():
    return os.environ["HUBSPOT_ACCESS_TOKEN"]  # portal %s
"""

IMPORT_EACH = """\
import importlib, requests
for name in {order!r}:
    importlib.import_module(name)
from myapp import crm
crm.contacts()
print(requests.SENT[-1][2])
"""


def apply(folder: Path, spec: str) -> None:
    applied = run_cli("apply", "-q", "--token-provider", spec, str(folder / "myapp"))
    assert applied.returncode == 0, applied.stderr


@pytest.mark.parametrize(
    "auth",
    [
        AUTH,  # the review's case
        # through another module of the tree
        AUTH.replace(
            "from myapp.crm import PORTAL_ID", "from myapp.db import PORTAL_ID"
        ),
        # importing the package's module by name
        AUTH.replace("from myapp.crm import PORTAL_ID", "from myapp import crm"),
        # relative
        AUTH.replace("from myapp.crm import PORTAL_ID", "from .crm import PORTAL_ID"),
    ],
    ids=["direct", "through another module", "from the package", "relative"],
)
def test_a_provider_importing_the_module_back_is_imported_when_needed(tmp_path, auth):
    package = tmp_path / "myapp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "crm.py").write_text(CRM)
    (package / "auth.py").write_text(auth)
    (package / "db.py").write_text("from myapp.crm import PORTAL_ID  # noqa\n")
    apply(tmp_path, "myapp.auth:token")
    crm = (package / "crm.py").read_text()
    assert "from myapp.auth import" not in crm
    assert 'importlib.import_module("myapp.auth").token()' in crm
    for order in (["myapp.crm", "myapp.auth"], ["myapp.auth", "myapp.crm"]):
        out = run_module(
            tmp_path, IMPORT_EACH.format(order=order), {"HUBSPOT_ACCESS_TOKEN": TOKEN}
        )
        assert out == f"Bearer {TOKEN}", order


def test_without_a_cycle_the_provider_is_imported_at_the_top(tmp_path):
    package = tmp_path / "myapp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "crm.py").write_text(CRM)
    # the import of crm inside a function runs when called, not at import
    (package / "auth.py").write_text(
        AUTH.replace("from myapp.crm import PORTAL_ID", "")
        + "\n\ndef portal():\n    from myapp.crm import PORTAL_ID\n    return PORTAL_ID\n"
    )
    apply(tmp_path, "myapp.auth:token")
    crm = (package / "crm.py").read_text()
    assert "from myapp.auth import token" in crm and "importlib" not in crm
    out = run_module(
        tmp_path,
        IMPORT_EACH.format(order=["myapp.crm"]),
        {"HUBSPOT_ACCESS_TOKEN": TOKEN},
    )
    assert out == f"Bearer {TOKEN}"


def test_the_packages_own_init_importing_the_module_is_no_cycle(tmp_path):
    """``myapp/__init__.py`` importing ``crm`` runs before ``crm`` does:
    importing ``myapp.auth`` from ``crm`` does not run it again."""
    package = tmp_path / "myapp"
    package.mkdir()
    (package / "__init__.py").write_text("from myapp import crm  # noqa\n")
    (package / "crm.py").write_text(CRM)
    (package / "auth.py").write_text(
        AUTH.replace("from myapp.crm import PORTAL_ID", "")
    )
    apply(tmp_path, "myapp.auth:token")
    assert "from myapp.auth import token" in (package / "crm.py").read_text()
    for order in (["myapp.crm"], ["myapp.auth", "myapp.crm"]):
        out = run_module(
            tmp_path, IMPORT_EACH.format(order=order), {"HUBSPOT_ACCESS_TOKEN": TOKEN}
        )
        assert out == f"Bearer {TOKEN}", order


def test_another_packages_init_importing_the_module_is_a_cycle(tmp_path):
    package, secrets = tmp_path / "myapp", tmp_path / "secrets_pkg"
    package.mkdir()
    secrets.mkdir()
    (package / "__init__.py").write_text("")
    (package / "crm.py").write_text(CRM)
    (secrets / "__init__.py").write_text("from myapp.crm import PORTAL_ID  # noqa\n")
    (secrets / "tokens.py").write_text(
        "import os\n\n\ndef token():\n    return os.environ['HUBSPOT_ACCESS_TOKEN']\n"
    )
    apply(tmp_path, "secrets_pkg.tokens:token")
    crm = (package / "crm.py").read_text()
    assert 'importlib.import_module("secrets_pkg.tokens").token()' in crm
    for order in (["myapp.crm"], ["secrets_pkg.tokens", "myapp.crm"]):
        out = run_module(
            tmp_path, IMPORT_EACH.format(order=order), {"HUBSPOT_ACCESS_TOKEN": TOKEN}
        )
        assert out == f"Bearer {TOKEN}", order


def test_a_request_run_at_import_in_a_cycle_is_left_for_a_person(tmp_path):
    crm = (
        CRM
        + '\n\nBOOT = requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + KEY)\n'
    )
    out = tree(
        tmp_path,
        {"myapp/__init__.py": "", "myapp/crm.py": crm, "myapp/auth.py": AUTH},
        "myapp.auth:token",
    )
    reason = CYCLE_AT_IMPORT.format("myapp.auth", 12)
    left_alone(out["myapp/crm.py"], reason)


def test_the_provider_module_with_a_site_calls_its_function_by_name(tmp_path):
    auth = AUTH + (
        "\n\nimport requests\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
        "def owners():\n"
        "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + API_KEY)\n"
    )
    package = tmp_path / "myapp"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "crm.py").write_text(CRM)
    (package / "auth.py").write_text(auth)
    apply(tmp_path, "myapp.auth:token")
    migrated_auth = (package / "auth.py").read_text()
    assert "import token" not in migrated_auth and "import_module" not in migrated_auth
    assert '"Bearer " + token()' in migrated_auth
    out = run_module(
        tmp_path,
        "import requests\nfrom myapp import auth\nauth.owners()\n"
        "print(requests.SENT[-1][2])",
        {"HUBSPOT_ACCESS_TOKEN": TOKEN},
    )
    assert out == f"Bearer {TOKEN}"
