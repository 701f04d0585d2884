"""Keys handed through constructors, factories and shared helpers (issue #12).

- A factory reading the environment variable a parameter names, by default the
  key's (``Portal.from_environment(cls, name="HUBSPOT_API_KEY")``), reads the
  configured key when no caller in the tree names another: the hierarchy it
  builds migrates. A caller naming another variable (here or in another
  module), or the function handed on as a value, keeps it all for a person,
  saying where.
- A shared helper handed a developer key by one module and portal keys by
  another sends both kinds: the developer-key calls are kept (the helper stays
  as it is), the others are left for a person, with the one cause named once.
- A subclass whose own ``__init__`` hands the base its developer key: the
  base's requests send both kinds; left whole, saying so.

The migrated projects run against the local stand-in (tests/hubspot_standin.py)
in a fresh interpreter: each request is checked (the token present, the key
gone, the developer key kept, nothing sent to another host).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hapimigrate.model import Status
from tests.hubspot_standin import StandIn
from tests.trees import behaves, migrate

HUBSPOT = "https://api.hubapi.com"

TRANSPORT = """\
import requests


class Transport:
    base = "https://api.hubapi.com"

    def __init__(self, api_key, session=None):
        self.api_key = api_key
        self.session = session or requests.Session()

    def _send(self, method, path, **params):
        params["hapikey"] = self.api_key
        response = self.session.request(method, self.base + path, params=params)
        return response.status_code
"""

OBJECTS = """\
from crm.transport import Transport


class Contacts(Transport):
    def get(self, vid):
        return self._send("GET", "/contacts/v1/contact/vid/%s/profile" % vid)


class Owners(Transport):
    def all(self):
        return self._send("GET", "/owners/v2/owners")
"""

FACADE = """\
import os

from crm.objects import Contacts, Owners


class Portal:
    def __init__(self, api_key):
        self.contacts = Contacts(api_key)
        self.owners = Owners(api_key)

    @classmethod
    def from_environment(cls, name="HUBSPOT_API_KEY"):
        return cls({read})
"""

APP = """\
from crm.facade import Portal


def main():
    portal = Portal.from_environment()
    return [portal.contacts.get(51), portal.owners.all()]
"""


def hierarchy(read: str = "os.environ[name]", app: str = APP) -> dict[str, str]:
    return {
        "crm/__init__.py": "",
        "crm/transport.py": TRANSPORT,
        "crm/objects.py": OBJECTS,
        "crm/facade.py": FACADE.format(read=read),
        "app.py": app,
    }


def run_both(
    tmp_path: Path, before: dict[str, str], after: dict[str, str], call: str
) -> tuple[list, list, list]:
    """Run ``call`` (``module:function``) on the tree before and after, each in
    a fresh interpreter against the stand-in (HubSpot's host pointed at it):
    what each printed, and the requests of each."""
    module, function = call.split(":")
    printed, seen = [], []
    with StandIn("tok-main", "dev-key") as standin:
        for phase, files in (("before", before), ("after", after)):
            root = tmp_path / f"run_{phase}"
            for name, text in files.items():
                path = root / name
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text.replace(HUBSPOT, standin.url))
            env = {
                **os.environ,
                "PYTHONPATH": str(root),
                "HUBSPOT_API_KEY": "key-main",
                "HUBSPOT_SANDBOX_KEY": "key-sandbox",
                "HUBSPOT_ACCESS_TOKEN": "tok-main",
            }
            start = len(standin.seen)
            done = subprocess.run(
                [
                    sys.executable,
                    "-c",
                    f"import {module}; print({module}.{function}())",
                ],
                cwd=root,
                env=env,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert done.returncode == 0, done.stderr
            printed.append(done.stdout.strip())
            seen.append(standin.seen[start:])
    return printed, seen[0], seen[1]


def texts(out: dict) -> dict[str, str]:
    return {name: text for name, (_, text, _) in out.items()}


def statuses(out: dict) -> list[Status]:
    return [s for each, _, _ in out.values() for s in each]


def reasons(out: dict) -> list[str]:
    return [r for _, _, found in out.values() for r in found]


# -- a factory reading the variable a parameter names -------------------------


@pytest.mark.parametrize(
    "read",
    ["os.environ[name]", "os.environ.get(name)", "os.getenv(name)"],
    ids=["subscript", "get", "getenv"],
)
def test_a_factory_reading_the_default_variable_migrates_the_hierarchy(tmp_path, read):
    files = hierarchy(read)
    out = migrate(tmp_path / "tree", files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    facade = texts(out)["crm/facade.py"]
    assert 'os.environ["HUBSPOT_ACCESS_TOKEN"]' in facade
    assert "hapikey" not in texts(out)["crm/transport.py"]
    printed, old, new = run_both(tmp_path, files, texts(out), "app:main")
    # before, the stand-in refuses the sunset key (401); after, the token works
    assert printed == ["[401, 401]", "[200, 200]"]
    assert [(r.method, r.path) for r in old] == [(r.method, r.path) for r in new]
    assert all(r.hapikey == "key-main" and r.authorization is None for r in old)
    assert all(r.hapikey is None for r in new)
    assert all(r.authorization == "Bearer tok-main" for r in new)


def test_the_hierarchy_end_to_end_in_the_harness(tmp_path):
    """The behaviour harness: the same requests, the token instead of the key,
    for the factory and for a caller handing the facade its own credential."""
    files = {f"src/{name}": text for name, text in hierarchy().items()} | {
        "scenario.py": (
            '"""A facade built from the environment by a factory."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_factory(credential):\n"
            "    import app\n\n    app.main()\n\n\n"
            "def case_own_credential(credential):\n"
            "    from crm.facade import Portal\n\n"
            '    Portal(credential("client")).owners.all()\n'
        )
    }
    behaves(tmp_path / "facade", files, manual=0)


SANDBOX = """\
from crm.facade import Portal


def sandbox():
    return Portal.from_environment("HUBSPOT_SANDBOX_KEY").owners.all()
"""


def test_another_module_naming_another_variable_keeps_the_hierarchy(tmp_path):
    """sandbox.py reads another portal's key through the same factory: the
    token would stand for both. Nothing changes; each reason names the one
    cause once."""
    files = hierarchy() | {"sandbox.py": SANDBOX}
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert set(statuses(out)) == {Status.MANUAL}
    for reason in reasons(out):
        assert "sandbox.py:5" in reason, reason
        assert reason.count("is also sent by") <= 1, reason
        assert "HUBSPOT_SANDBOX_KEY" not in reason  # its arguments are not shown


@pytest.mark.parametrize(
    "extra",
    [
        "\n\ndef sandbox():\n"
        '    return Portal.from_environment(name="HUBSPOT_SANDBOX_KEY")\n',
        "\n\nFACTORIES = [Portal.from_environment]\n",
        "\n\ndef any_portal(*args):\n    return Portal.from_environment(*args)\n",
    ],
    ids=["keyword", "handed_on", "starred"],
)
def test_the_factory_given_a_variable_in_its_own_module_stays(tmp_path, extra):
    files = hierarchy()
    files["crm/facade.py"] += extra
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert Status.REWRITE not in statuses(out)
    assert any("may name another" in r for r in reasons(out)), reasons(out)


def test_a_developer_variable_by_default_is_not_the_configured_key(tmp_path):
    files = hierarchy()
    files["crm/facade.py"] = files["crm/facade.py"].replace(
        'name="HUBSPOT_API_KEY"', 'name="HUBSPOT_DEVELOPER_API_KEY"'
    )
    out = migrate(tmp_path, files)
    assert "Bearer" not in "".join(texts(out).values())
    assert Status.REWRITE not in statuses(out)


# -- a module-level helper reading the variable its callers name -------------

HELPER = """\
import os

import requests

BASE = "https://api.hubapi.com"


def hs_get(path, variable="HUBSPOT_API_KEY"):
    response = requests.get(BASE + path, params={"hapikey": os.environ[variable]})
    return response.status_code
"""

OWNERS = """\
from crm.hs import hs_get


def owners():
    return hs_get("/owners/v2/owners")
"""


def test_a_helper_whose_callers_leave_the_variable_migrates(tmp_path):
    files = {"crm/__init__.py": "", "crm/hs.py": HELPER, "crm/owners.py": OWNERS}
    out = migrate(tmp_path / "tree", files)
    assert statuses(out) == [Status.REWRITE]
    printed, old, new = run_both(tmp_path, files, texts(out), "crm.owners:owners")
    assert printed == ["401", "200"]
    assert [(r.hapikey, r.authorization) for r in old] == [("key-main", None)]
    assert [(r.hapikey, r.authorization) for r in new] == [(None, "Bearer tok-main")]


@pytest.mark.parametrize(
    "call",
    [
        'hs.hs_get("/owners/v2/owners", "HUBSPOT_SANDBOX_KEY")',
        'hs.hs_get("/owners/v2/owners", variable="HUBSPOT_SANDBOX_KEY")',
        'hs.hs_get(*("/owners/v2/owners", "HUBSPOT_SANDBOX_KEY"))',
        'get("/owners/v2/owners", "HUBSPOT_SANDBOX_KEY")',
        'functools.partial(hs.hs_get, variable="HUBSPOT_SANDBOX_KEY")("/x")',
    ],
    ids=["positional", "keyword", "starred", "alias", "partial"],
)
def test_a_helper_another_module_gives_another_variable_stays(tmp_path, call):
    alias = "from crm.hs import hs_get as get\n" if call.startswith("get(") else ""
    sandbox = (
        f"import functools\n\nfrom crm import hs\n{alias}"
        f"\n\ndef sandbox_owners():\n    return {call}\n"
    )
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HELPER,
        "crm/owners.py": OWNERS,
        "crm/sandbox.py": sandbox,
    }
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert statuses(out) == [Status.MANUAL]
    assert "sandbox.py:" in reasons(out)[0], reasons(out)
    assert "may name another" in reasons(out)[0], reasons(out)


def test_a_read_in_a_function_nested_in_the_helper_stays(tmp_path):
    """The tree-wide pass looks for other modules' calls of the function whose
    lines change: here the nested one, not hs_get(), which sandbox.py gives
    another variable."""
    nested = HELPER.replace(
        '    response = requests.get(BASE + path, params={"hapikey": '
        "os.environ[variable]})\n",
        "    def fetch():\n"
        '        return requests.get(BASE + path, params={"hapikey": '
        "os.environ[variable]})\n\n    response = fetch()\n",
    )
    assert nested != HELPER
    sandbox = (
        "from crm import hs\n\n\ndef sandbox_owners():\n"
        '    return hs.hs_get("/owners/v2/owners", "HUBSPOT_SANDBOX_KEY")\n'
    )
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": nested,
        "crm/owners.py": OWNERS,
        "crm/sandbox.py": sandbox,
    }
    out = migrate(tmp_path, files)
    assert texts(out) == files
    assert statuses(out) == [Status.MANUAL]


def test_a_call_leaving_the_variable_elsewhere_does_not_hold_the_helper(tmp_path):
    """Another module's call giving only the path (and a method of the same
    name on something else, with arguments, in a module not importing it)."""
    other = (
        "class Cache:\n    def hs_get(self, path, variable):\n        return path\n\n\n"
        'def cached():\n    return Cache().hs_get("/x", "Y")\n'
    )
    files = {
        "crm/__init__.py": "",
        "crm/hs.py": HELPER,
        "crm/owners.py": OWNERS,
        "cache.py": other,
    }
    out = migrate(tmp_path, files)
    assert statuses(out) == [Status.REWRITE], reasons(out)


# -- a shared helper handed both kinds of key ---------------------------------

CALL = """\
import json
import urllib.parse
import urllib.request

HUBAPI = "https://api.hubapi.com"


def call(method, path, key, query=None):
    query = dict(query or {})
    query["hapikey"] = key
    url = HUBAPI + path + "?" + urllib.parse.urlencode(query)
    request = urllib.request.Request(url, method=method)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
"""

TIMELINE = """\
import json
import os

from hsapp.api import call

APP = json.load(open(os.path.join(os.path.dirname(__file__), "app.json")))


def event_types():
    return call("GET", "/integrations/v1/%s/timeline/event-types" % APP["app_id"],
                APP["developer_api_key"], {"userId": 1})
"""

TICKETS = """\
import os

from hsapp.api import call

PORTAL_KEY = os.environ.get("HUBSPOT_API_KEY")


def contact(email):
    return call("GET", "/contacts/v1/contact/email/%s/profile" % email, PORTAL_KEY)
"""


def shared_helper() -> dict[str, str]:
    return {
        "hsapp/__init__.py": "",
        "hsapp/api.py": CALL,
        "hsapp/timeline.py": TIMELINE,
        "hsapp/tickets.py": TICKETS,
        "hsapp/app.json": '{"app_id": 181818, "developer_api_key": "dev-key"}\n',
    }


def test_a_helper_handed_a_developer_key_is_copied_for_that_call(tmp_path):
    """The developer-key call keeps the helper as it was, copied into its
    module (``call_with_developer_key``); the helper and its other callers
    move to the token (tests/test_developer_split.py has the shapes that
    stay whole)."""
    files = shared_helper()
    python = {n: t for n, t in files.items() if n.endswith(".py")}
    out = migrate(tmp_path / "tree", python)
    after = texts(out)
    timeline, tickets = out["hsapp/timeline.py"], out["hsapp/tickets.py"]
    assert timeline[0] == [Status.KEPT]
    assert "developer key, kept" in timeline[2][0]
    assert "call_with_developer_key(" in after["hsapp/timeline.py"]
    assert "hapikey" not in after["hsapp/api.py"]
    assert tickets[0] == [Status.REWRITE], tickets[2]
    assert "dev-key" not in " ".join(reasons(out))  # never a key's value
    # the developer call still works, with its key
    migrated = {**files, **after}  # with app.json
    printed, old, new = run_both(
        tmp_path, files, migrated, "hsapp.timeline:event_types"
    )
    assert printed == ["200", "200"]
    assert [r.hapikey for r in (*old, *new)] == ["dev-key", "dev-key"]


def test_the_shared_helper_end_to_end_in_the_harness(tmp_path):
    files = {f"src/{n}": t for n, t in shared_helper().items()} | {
        "scenario.py": (
            '"""One helper for both kinds of key."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main"}\n\n\n'
            "def case_both(credential):\n"
            "    from hsapp import tickets, timeline\n\n"
            "    timeline.event_types()\n"
            '    tickets.contact("a@b.test")\n'
        )
    }
    behaves(tmp_path / "shared", files, manual=0)


# -- a subclass handing the base its developer key ----------------------------

CLIENTS = """\
from crm.transport import Transport


class Contacts(Transport):
    def get(self, vid):
        return self._send("GET", "/contacts/v1/contact/vid/%s/profile" % vid)


class Timeline(Transport):
    def __init__(self, developer_key, app_id):
        super().__init__(developer_key)
        self.app_id = app_id

    def event_types(self):
        return self._send("GET", "/integrations/v1/%s/timeline/event-types" % self.app_id)
"""

SYNC = """\
import os

from crm.clients import Contacts, Timeline


def sync():
    contacts = Contacts(os.environ["HUBSPOT_API_KEY"])
    timeline = Timeline(os.environ["HUBSPOT_DEVELOPER_API_KEY"], 181818)
    return [contacts.get(51), timeline.event_types()]
"""


def test_a_subclass_handing_the_base_its_developer_key_keeps_the_base_s_request(
    tmp_path,
):
    """The base sends the token; Timeline keeps ``_send`` as it was, copied
    into it (:mod:`hapimigrate.python.developer_split`; the shapes that stay
    whole are in tests/test_developer_split.py)."""
    files = {
        "crm/__init__.py": "",
        "crm/transport.py": TRANSPORT,
        "crm/clients.py": CLIENTS,
        "sync.py": SYNC,
    }
    out = migrate(tmp_path, files)
    assert set(statuses(out)) == {Status.REWRITE}, reasons(out)
    after = texts(out)
    assert "hapikey" not in after["crm/transport.py"]
    timeline = after["crm/clients.py"].split("class Timeline")[1]
    assert 'params["hapikey"] = self.api_key' in timeline
    assert 'os.environ["HUBSPOT_DEVELOPER_API_KEY"]' in after["sync.py"]
    assert 'Contacts(os.environ["HUBSPOT_ACCESS_TOKEN"])' in after["sync.py"]
    project = {f"src/{name}": text for name, text in files.items()} | {
        "scenario.py": (
            '"""A transport shared with a developer-key subclass."""\n'
            'ENV = {"HUBSPOT_API_KEY": "key-main", '
            '"HUBSPOT_DEVELOPER_API_KEY": "devkey-app"}\n\n\n'
            "def case_sync(credential):\n"
            "    from sync import sync\n\n"
            "    sync()\n"
        )
    }
    behaves(tmp_path / "split", project, manual=0)


# -- a Django management command's --api-key, read as options["api_key"] ------

# just enough of Django for a command to run (beside the migrated tree, not in
# it): settings from the module named by DJANGO_SETTINGS_MODULE,
# BaseCommand.run_from_argv through argparse
DJANGO = {
    "django/__init__.py": "",
    "django/conf.py": (
        "import importlib\nimport os\n\n\nclass _Settings:\n"
        "    def __getattr__(self, name):\n"
        '        module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])\n'
        "        return getattr(module, name)\n\n\nsettings = _Settings()\n"
    ),
    "django/core/__init__.py": "",
    "django/core/management/__init__.py": "",
    "django/core/management/base.py": (
        "import argparse\n\n\nclass CommandError(Exception):\n    pass\n\n\n"
        "class BaseCommand:\n    def add_arguments(self, parser):\n        pass\n\n"
        "    def run_from_argv(self, argv):\n"
        "        parser = argparse.ArgumentParser()\n"
        "        self.add_arguments(parser)\n"
        "        return self.handle(**vars(parser.parse_args(argv[2:])))\n"
    ),
}

SETTINGS = 'import os\n\nHUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY", "")\n'

CLIENT = """\
import requests
from django.conf import settings


class Owners:
    def __init__(self, api_key=None):
        self.api_key = api_key or settings.HUBSPOT_API_KEY

    def count(self):
        url = "https://api.hubapi.com/owners/v2/owners"
        return requests.get(url, params={"hapikey": self.api_key}).status_code
"""

COMMAND = """\
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from crm.client import Owners


class Command(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument(
            "--api-key",
            dest="api_key",
            default=settings.HUBSPOT_API_KEY,
            help="the key (defaults to settings.HUBSPOT_API_KEY)",
        )

    def handle(self, *args, **options):
        if not options["api_key"]:
            raise CommandError("no key")
        {body}
"""


def django_project(body: str = 'return Owners(options["api_key"]).count()') -> dict:
    return {
        "mysite/__init__.py": "",
        "mysite/settings.py": SETTINGS,
        "crm/__init__.py": "",
        "crm/client.py": CLIENT,
        "crm/sync.py": COMMAND.format(body=body),
        "manage.py": (
            "import os\nimport sys\n\nfrom crm.sync import Command\n\n\n"
            "def main(*argv):\n"
            '    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")\n'
            '    return Command().run_from_argv(["manage.py", "sync", *argv])\n'
        ),
    }


def test_a_management_commands_api_key_option_defaults_to_the_token(tmp_path):
    files = django_project()
    out = migrate(tmp_path / "tree", files)
    assert Status.MANUAL not in statuses(out), reasons(out)
    assert Status.REWRITE in statuses(out)
    command = texts(out)["crm/sync.py"]
    assert 'default=os.environ.get("HUBSPOT_ACCESS_TOKEN")' in command
    # the help text naming the setting is no read of it: the setting goes
    assert "HUBSPOT_API_KEY =" not in texts(out)["mysite/settings.py"]
    # Django's stand-in is not migrated: only run
    printed, old, new = run_both(
        tmp_path, DJANGO | files, DJANGO | texts(out), "manage:main"
    )
    assert printed == ["401", "200"]
    assert [(r.hapikey, r.authorization) for r in old] == [("key-main", None)]
    assert [(r.hapikey, r.authorization) for r in new] == [(None, "Bearer tok-main")]


@pytest.mark.parametrize(
    "body,word",
    [
        (
            'self.stdout.write(options["api_key"])\n'
            '        return Owners(options["api_key"]).count()',
            "line 19",
        ),
        (
            "return run(**options)\n\n\ndef run(api_key, **rest):\n"
            "    return Owners(api_key).count()",
            "",
        ),
        ('return Owners(options.get("api_key", "")).count()', ""),
    ],
    ids=["read_again", "handed_on_whole", "own_fallback"],
)
def test_a_command_option_read_otherwise_stays(tmp_path, body, word):
    files = django_project(body)
    out = migrate(tmp_path, files)
    assert "HUBSPOT_ACCESS_TOKEN" not in texts(out)["crm/sync.py"]
    assert Status.MANUAL in statuses(out)
    assert texts(out)["crm/client.py"] == CLIENT
    assert word in " ".join(reasons(out))


def test_options_of_a_class_that_is_not_a_command_are_not_the_command_line(tmp_path):
    files = django_project()
    files["crm/sync.py"] = (
        files["crm/sync.py"]
        .replace("class Command(BaseCommand):", "class Command(Plugin):")
        .replace(
            "from crm.client import Owners\n",
            "from crm.client import Owners\nfrom crm.plugins import Plugin\n",
        )
    )
    files["crm/plugins.py"] = "class Plugin:\n    pass\n"
    out = migrate(tmp_path, files)
    assert "HUBSPOT_ACCESS_TOKEN" not in texts(out)["crm/sync.py"]
    assert texts(out)["crm/client.py"] == CLIENT
