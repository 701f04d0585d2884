"""Instances of a migrated client class (or the class itself) that reach other
modules without its name (review 11: N14, N15, N16; :mod:`hapimigrate.tree_instances`).

A base class whose constructor takes the key, a subclass in another module,
and an instance that leaves the module it is made in: a factory's return value,
a module-level instance, a container, a parameter. A module that gives such an
instance another host, or reads its key holder, or reaches the class by a
string (``importlib.import_module``, ``getattr``, a dotted path), keeps the
whole hierarchy as it is: its sites manual, naming that module and line. The
same hierarchy without such a module still migrates, and runs with the token.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from hapimigrate.model import Status

from tests.trees import migrate

BASE = (
    "import requests\n"
    "\n"
    "class BaseClient(object):\n"
    "    base_url = 'https://api.hubapi.com'\n"
    "\n"
    "    def __init__(self, api_key, timeout=10):\n"
    "        self.api_key = api_key\n"
    "        self.timeout = timeout\n"
    "\n"
    "    def get(self, path):\n"
    "        return requests.get(self.base_url + path,\n"
    "                            params={'hapikey': self.api_key}, timeout=self.timeout)\n"
)
RESOURCES = (
    "from base import BaseClient\n"
    "\n"
    "class ContactsClient(BaseClient):\n"
    "    def owners(self):\n"
    "        return self.get('/owners/v2/owners')\n"
)
FACADE = (
    "import os\n"
    "from resources import ContactsClient\n"
    "\n"
    "def make():\n"
    "    return ContactsClient(os.environ['HUBSPOT_API_KEY'])\n"
)
FACTORY_USER = "import facade\n\ndef owners():\n    return facade.make().owners()\n"
MIRROR = "'https://hubspot-mirror.example.com'"


def assert_held(out: dict, files: dict[str, str], where: str, what: str) -> None:
    """Nothing changed; every key site of the hierarchy is manual, and the
    class's own site names the place (``app.py:10``) and what it does there."""
    for name, (statuses, after, _) in out.items():
        assert after == files[name], name
        assert Status.REWRITE not in statuses, (name, out[name])
    statuses, _, reasons = out["base.py"]
    assert statuses == [Status.MANUAL]
    assert where in reasons[0] and what in reasons[0], reasons[0]
    assert "key-main" not in reasons[0]


# -- N14: an instance handed out by a factory ---------------------------------


def test_a_factorys_instance_given_another_host_keeps_the_hierarchy(tmp_path):
    """review 11 N14 (27): facade.make() returns the subclass's instance; app.py
    never names the class, and sets its base_url to a mirror."""
    app = (
        "import facade\n\n"
        "def owners():\n    return facade.make().owners()\n\n"
        "def mirror():\n"
        "    c = facade.make()\n"
        f"    c.base_url = {MIRROR}\n"
        "    return c.owners()\n"
    )
    files = {"base.py": BASE, "resources.py": RESOURCES, "facade.py": FACADE}
    files["app.py"] = app
    out = migrate(tmp_path, files)
    assert_held(out, files, "app.py:8", "sets base_url")
    assert out["facade.py"][0] == [Status.MANUAL]
    assert out["resources.py"][0] == [Status.MANUAL]


def test_the_base_class_from_a_factory_given_another_host_stays(tmp_path):
    """review 11 N14, base-class form (27b): no subclass."""
    facade = FACADE.replace("resources import ContactsClient", "base import BaseClient")
    facade = facade.replace("return ContactsClient", "return BaseClient")
    app = (
        "import facade\n\n"
        "def mirror():\n"
        "    c = facade.make()\n"
        f"    c.base_url = {MIRROR}\n"
        "    return c.get('/owners/v2/owners')\n"
    )
    files = {"base.py": BASE, "facade.py": facade, "app.py": app}
    out = migrate(tmp_path, files)
    assert_held(out, files, "app.py:5", "BaseClient")
    assert out["facade.py"][0] == [Status.MANUAL]


def test_a_factory_whose_instances_keep_their_host_still_migrates(tmp_path):
    """The same hierarchy, the factory's instance only used: migrated (the
    rule costs nothing here), and the migrated tree sends the token to
    HubSpot where the original sent the key."""
    files = {
        "base.py": BASE,
        "resources.py": RESOURCES,
        "facade.py": FACADE,
        "app.py": FACTORY_USER,
    }
    out = migrate(tmp_path, files)
    assert out["base.py"][0] == [Status.REWRITE]
    assert out["facade.py"][0] == [Status.REWRITE]
    before = record(tmp_path, files, "import app; app.owners()")
    after = record(
        tmp_path, {n: t for n, (_, t, _) in out.items()}, "import app; app.owners()"
    )
    assert before == [["GET", "https://api.hubapi.com/owners/v2/owners", "key", None]]
    assert after == [
        ["GET", "https://api.hubapi.com/owners/v2/owners", None, "Bearer tok-main"]
    ]


# -- N16: a module-level instance imported elsewhere ---------------------------

INSTANCE = RESOURCES + (
    "\nimport os\nclient = ContactsClient(os.environ['HUBSPOT_API_KEY'])\n"
)


def test_a_module_level_instance_given_another_host_elsewhere_stays(tmp_path):
    """review 11 N16 (31): `from resources import client; client.base_url = m`."""
    app = (
        "from resources import client\n\n"
        "def owners(mirror=None):\n"
        "    if mirror:\n"
        "        client.base_url = mirror\n"
        "    return client.owners()\n"
    )
    files = {"base.py": BASE, "resources.py": INSTANCE, "app.py": app}
    out = migrate(tmp_path, files)
    assert_held(out, files, "app.py:5", "sets base_url")


def test_a_module_level_instances_key_read_elsewhere_stays(tmp_path):
    """review 11 N16: the key's tail posted to an audit host: it would be the
    token's."""
    app = (
        "import requests\n"
        "from resources import client\n\n"
        "def audit():\n"
        "    return requests.post('https://audit.example.com/events',\n"
        "                         json={'key_tail': client.api_key[-4:]})\n"
    )
    files = {"base.py": BASE, "resources.py": INSTANCE, "app.py": app}
    out = migrate(tmp_path, files)
    assert_held(out, files, "app.py:6", "reads api_key")


def test_an_instance_in_the_classs_own_module_redirected_elsewhere_stays(tmp_path):
    """review 11 N16 without a subclass (31b)."""
    base = BASE + "\nimport os\nclient = BaseClient(os.environ['HUBSPOT_API_KEY'])\n"
    app = (
        "from base import client\n\n"
        "def owners(mirror=None):\n"
        "    if mirror:\n"
        "        client.base_url = mirror\n"
        "    return client.get('/owners/v2/owners')\n"
    )
    files = {"base.py": base, "app.py": app}
    out = migrate(tmp_path, files)
    assert_held(out, files, "app.py:5", "sets base_url")


# -- the routes an instance takes, and the ways its attributes are set ----------

REDIRECTS = {
    "a container": (
        "registry.py",
        "from facade import make\nCLIENTS = {'crm': make()}\n",
        "from registry import CLIENTS\n" f"CLIENTS['crm'].base_url = {MIRROR}\n",
    ),
    "a parameter (dependency injection)": (
        "sync.py",
        "def point(client, url):\n    client.base_url = url\n    return client\n",
        "import facade, sync\n\n"
        f"def mirror():\n    return sync.point(facade.make(), {MIRROR}).owners()\n",
    ),
    "an attribute of another object": (
        "holder.py",
        "import facade\n\nclass App(object):\n"
        "    def __init__(self):\n        self.crm = facade.make()\n",
        "from holder import App\n\napp = App()\n" f"app.crm.base_url = {MIRROR}\n",
    ),
    "setattr with the attribute's name": (
        "tweak.py",
        "def point(client, url):\n    setattr(client, 'base_url', url)\n",
        "import facade, tweak\n" f"tweak.point(facade.make(), {MIRROR})\n",
    ),
    "setattr with a name known at run time": (
        "tweak.py",
        "def configure(client, options):\n"
        "    for name, value in options.items():\n"
        "        setattr(client, name, value)\n",
        "import facade, tweak\n"
        f"tweak.configure(facade.make(), {{'base_url': {MIRROR}}})\n",
    ),
    "object.__setattr__": (
        "tweak.py",
        "def point(client, url):\n    object.__setattr__(client, 'base_url', url)\n",
        "import facade, tweak\n" f"tweak.point(facade.make(), {MIRROR})\n",
    ),
    "the instance's __dict__": (
        "tweak.py",
        "def point(client, url):\n    client.__dict__['base_url'] = url\n",
        "import facade, tweak\n" f"tweak.point(facade.make(), {MIRROR})\n",
    ),
    "vars().update": (
        "tweak.py",
        "def point(client, url):\n    vars(client).update(base_url=url)\n",
        "import facade, tweak\n" f"tweak.point(facade.make(), {MIRROR})\n",
    ),
    "another key written on the instance": (
        "tweak.py",
        "import os\n\ndef sandbox(client):\n"
        "    client.api_key = os.environ['HUBSPOT_SANDBOX_KEY']\n",
        "import facade, tweak\ntweak.sandbox(facade.make())\n",
    ),
    "a copy given another host": (
        "tweak.py",
        "import dataclasses\n\ndef point(client, url):\n"
        "    return dataclasses.replace(client, base_url=url)\n",
        "import facade, tweak\n" f"tweak.point(facade.make(), {MIRROR}).owners()\n",
    ),
    "the instance's attributes serialised": (
        "dump.py",
        "import json\n\ndef dump(obj):\n    return json.dumps(vars(obj))\n",
        "import facade, dump\nprint(dump.dump(facade.make()))\n",
    ),
    "the instance's __dict__ read": (
        "dump.py",
        "def state(obj):\n    return dict(obj.__dict__)\n",
        "import facade, dump\nprint(dump.state(facade.make()))\n",
    ),
    "the key read by getattr": (
        "audit.py",
        "import logging\n\ndef log(client):\n"
        "    logging.info('key %s', getattr(client, 'api_key')[-4:])\n",
        "import facade, audit\naudit.log(facade.make())\n",
    ),
}


@pytest.mark.parametrize("shape", sorted(REDIRECTS))
def test_an_instance_redirected_out_of_sight_keeps_the_hierarchy(tmp_path, shape):
    """Each route an instance takes out of the module that makes it (none of
    these modules names the class), and each way to set what its requests read."""
    helper_name, helper, app = REDIRECTS[shape]
    files = {"base.py": BASE, "resources.py": RESOURCES, "facade.py": FACADE}
    files.update({helper_name: helper, "app.py": app})
    out = migrate(tmp_path, files)
    for name, (statuses, after, _) in out.items():
        assert after == files[name], (shape, name)
        assert Status.REWRITE not in statuses, (shape, name, out[name])
    reason = out["base.py"][2][0]
    assert "may be an instance of BaseClient or ContactsClient" in reason, reason


# -- N15: the class reached by a string ----------------------------------------

APP3 = (
    "import os\n"
    "from crm.resources import ContactsClient\n\n"
    "def owners():\n"
    "    return ContactsClient(os.environ['HUBSPOT_API_KEY']).owners()\n"
)

DYNAMIC = {
    "importlib.import_module": (
        "import importlib\nimport os\n\n"
        "def owners():\n"
        "    mod = importlib.import_module('crm.resources')\n"
        "    return mod.ContactsClient(os.environ['HUBSPOT_API_KEY']).owners()\n",
        "app4.py:5",
    ),
    "__import__": (
        "import os\n\n"
        "def owners():\n"
        "    mod = __import__('crm.resources', fromlist=['ContactsClient'])\n"
        "    return mod.ContactsClient(os.environ['HUBSPOT_API_KEY']).owners()\n",
        "app4.py:4",
    ),
    "getattr of the class's name": (
        "import os\nfrom crm import resources\n\n"
        "def owners():\n"
        "    cls = getattr(resources, 'ContactsClient')\n"
        "    return cls(os.environ['HUBSPOT_API_KEY']).owners()\n",
        "app4.py:5",
    ),
    "a dotted path in settings, imported by name": (
        "import importlib\nimport os\n\n"
        "CLIENT = 'crm.resources.ContactsClient'\n\n"
        "def owners():\n"
        "    module, name = CLIENT.rsplit('.', 1)\n"
        "    cls = getattr(importlib.import_module(module), name)\n"
        "    return cls(os.environ['HUBSPOT_API_KEY']).owners()\n",
        "app4.py:4",
    ),
    "the package imported by name, the class its attribute": (
        "import importlib\nimport os\n\n"
        "def owners():\n"
        "    crm = importlib.import_module('crm')\n"
        "    return crm.resources.ContactsClient(os.environ['HUBSPOT_API_KEY'])\n",
        "app4.py:5",
    ),
    "sys.modules": (
        "import os\nimport sys\nimport crm.resources\n\n"
        "def owners():\n"
        "    mod = sys.modules['crm.resources']\n"
        "    return getattr(mod, 'ContactsClient')(os.environ['HUBSPOT_API_KEY'])\n",
        "app4.py:6",
    ),
}


@pytest.mark.parametrize("shape", sorted(DYNAMIC))
def test_a_module_reaching_the_class_by_a_string_keeps_the_hierarchy(tmp_path, shape):
    """review 11 N15 (30): app4.py hands the key to a class it reaches by name;
    the base class must not send that key as a token (401)."""
    app4, where = DYNAMIC[shape]
    files = {
        "crm/__init__.py": "",
        "crm/base.py": BASE,
        "crm/resources.py": RESOURCES.replace("from base", "from crm.base"),
        "app3.py": APP3,
        "app4.py": app4,
    }
    out = migrate(tmp_path, files)
    for name, (statuses, after, _) in out.items():
        assert after == files[name], (shape, name)
        assert Status.REWRITE not in statuses, (shape, name, out[name])
    reason = out["crm/base.py"][2][0]
    assert reason.startswith(where + " reaches"), reason
    assert out["app3.py"][0] == [Status.MANUAL]


def test_an_entry_point_naming_the_class_keeps_the_hierarchy(tmp_path):
    """A plugin loader (pkgutil, entry points) finds the class by a dotted
    path written in setup.cfg."""
    files = {
        "crm/__init__.py": "",
        "crm/base.py": BASE,
        "crm/resources.py": RESOURCES.replace("from base", "from crm.base"),
        "app3.py": APP3,
    }
    (tmp_path / "setup.cfg").write_text(
        "[options.entry_points]\nhub.clients =\n"
        "    contacts = crm.resources:ContactsClient\n"
    )
    out = migrate(tmp_path, files)
    assert out["crm/base.py"][0] == [Status.MANUAL]
    assert "setup.cfg:3 reaches ContactsClient" in out["crm/base.py"][2][0]
    assert out["app3.py"][1] == APP3


# -- what does not reach an instance: the rule stays precise -------------------

UNRELATED = {
    "a session another library made": (
        "import requests\n"
        "session = requests.Session()\n"
        "session.params = {'locale': 'en'}\n"
        "session.base_url = 'https://billing.example.com'\n"
    ),
    "command-line options": (
        "import argparse, requests\n\n"
        "def main():\n"
        "    parser = argparse.ArgumentParser()\n"
        "    parser.add_argument('--api-key')\n"
        "    args = parser.parse_args()\n"
        "    args.base_url = 'https://billing.example.com'\n"
        "    return requests.get(args.base_url, headers={'X-Key': args.api_key})\n"
    ),
    "a settings module": (
        "import settings\n\n" "def billing_key():\n" "    return settings.api_key\n"
    ),
    "another class's own attributes": (
        "class Billing(object):\n"
        "    def __init__(self, api_key, base_url):\n"
        "        self.api_key = api_key\n"
        "        self.base_url = base_url\n"
        "        setattr(self, 'timeout', 3)\n"
    ),
    "another class's session": (
        "import requests\n\n"
        "class Billing(object):\n"
        "    def __init__(self):\n"
        "        self.session = requests.Session()\n"
        "        self.session.base_url = 'https://billing.example.com'\n"
    ),
    "command-line options serialised": (
        "import argparse, json\n\n"
        "def main():\n"
        "    args = argparse.ArgumentParser().parse_args()\n"
        "    return json.dumps(vars(args))\n"
    ),
    "a generic setter no module near the client imports": (
        "def load(obj, values):\n"
        "    for name, value in values.items():\n"
        "        setattr(obj, name, value)\n"
        "    return vars(obj)\n"
    ),
    "a timeout set on an instance": (
        "import facade\n\ndef slow():\n"
        "    c = facade.make()\n    c.timeout = 60\n    return c.owners()\n"
    ),
    "an object of another class of the tree": (
        "from settings_obj import Settings\n\n"
        "def key():\n"
        "    config = Settings()\n"
        "    config.base_url = 'https://billing.example.com'\n"
        "    return config.api_key\n"
    ),
    "a literal": (
        "config = {}\nconfig_obj = dict(base_url='https://billing.example.com')\n"
    ),
    "the class named in annotations and __all__": (
        "from resources import ContactsClient\n\n"
        "__all__ = ['ContactsClient', 'describe']\n\n"
        "def describe(client: 'ContactsClient') -> 'ContactsClient':\n"
        "    return client\n"
    ),
}


@pytest.mark.parametrize("shape", sorted(UNRELATED))
def test_a_module_that_cannot_reach_an_instance_does_not_hold_it(tmp_path, shape):
    files = {
        "base.py": BASE,
        "resources.py": RESOURCES,
        "facade.py": FACADE,
        "app.py": FACTORY_USER,
        "settings.py": "api_key = 'x'\n",
        "settings_obj.py": "class Settings(object):\n    api_key = 'x'\n",
        "other.py": UNRELATED[shape],
    }
    out = migrate(tmp_path, files)
    assert out["base.py"][0] == [Status.REWRITE], out["base.py"]
    assert out["facade.py"][0] == [Status.REWRITE], out["facade.py"]


def test_a_test_module_pointing_an_instance_at_a_stand_in_does_not_hold_it(tmp_path):
    """Tests point clients at local stand-ins; they are not the app's hosts."""
    files = {
        "base.py": BASE,
        "resources.py": RESOURCES,
        "facade.py": FACADE,
        "app.py": FACTORY_USER,
        "test_app.py": (
            "import facade\n\n"
            "def test_owners(server):\n"
            "    c = facade.make()\n"
            "    c.base_url = server.url\n"
            "    assert c.owners()\n"
        ),
    }
    out = migrate(tmp_path, files)
    assert out["base.py"][0] == [Status.REWRITE]


def test_a_class_reading_the_key_itself_is_held_too(tmp_path):
    """A class whose constructor takes no key (it reads its own) is a family
    of its own: its instance redirected elsewhere keeps it."""
    hub = (
        "import os\nimport requests\n\n"
        "class Hub(object):\n"
        "    base_url = 'https://api.hubapi.com'\n"
        "    def __init__(self):\n"
        "        self.key = os.environ['HUBSPOT_API_KEY']\n"
        "    def owners(self):\n"
        "        return requests.get(self.base_url + '/owners/v2/owners',\n"
        "                            params={'hapikey': self.key})\n\n"
        "hub = Hub()\n"
    )
    app = f"from hub import hub\nhub.base_url = {MIRROR}\nhub.owners()\n"
    files = {"hub.py": hub, "app.py": app}
    out = migrate(tmp_path, files)
    assert out["hub.py"][1] == hub
    assert out["hub.py"][0] == [Status.MANUAL]
    assert "app.py:2 sets base_url" in out["hub.py"][2][0]
    unrelated = {"hub.py": hub, "app.py": "from hub import hub\nhub.owners()\n"}
    assert migrate(tmp_path, unrelated)["hub.py"][0] == [Status.REWRITE]


# -- running the trees ----------------------------------------------------------

FAKE_REQUESTS = (
    "import json, sys\n"
    "def _record(method, url, params=None, headers=None, **kwargs):\n"
    "    params = dict(params or {})\n"
    "    auth = (headers or {}).get('Authorization')\n"
    "    key = 'key' if params.get('hapikey') == 'key-main' else params.get('hapikey')\n"
    "    sys.stdout.write(json.dumps([method, url, key, auth]) + '\\n')\n"
    "def get(url, **kwargs):\n    return _record('GET', url, **kwargs)\n"
    "def post(url, **kwargs):\n    return _record('POST', url, **kwargs)\n"
)


def record(tmp_path: Path, files: dict[str, str], driver: str) -> list:
    """Run ``driver`` in a tree made of ``files``, with a ``requests`` that
    prints each call (method, URL, whether the key went as hapikey, the
    Authorization header)."""
    tree = tmp_path / f"run{len(list(tmp_path.glob('run*')))}"
    tree.mkdir()
    for name, text in {**files, "requests.py": FAKE_REQUESTS}.items():
        (tree / name).parent.mkdir(parents=True, exist_ok=True)
        (tree / name).write_text(text)
    env = {
        **os.environ,
        "HUBSPOT_API_KEY": "key-main",
        "HUBSPOT_ACCESS_TOKEN": "tok-main",
        "PYTHONPATH": str(tree),
    }
    done = subprocess.run(
        [sys.executable, "-c", driver],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]
