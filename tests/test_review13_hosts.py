"""Review 13's wrong rewrites about where the token goes (hosts, re-pointed
requests, namespace writes, a file decided within its project, settings imports
that load the environment, helpers reached by a dynamic name, developer-key
APIs): each shape is now left for a person with the reason naming the risk, and
its harmless neighbour still migrates."""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate.model import Status
from tests.trees import migrate_reasons
from tests.conftest import migrate

HEAD = "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
HTTPX = "import os\nimport httpx\nKEY = os.environ['HUBSPOT_API_KEY']\n"


def tree(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[list, str]]:
    """Migrate a tree together: {name: ([(status, reason) of key sites], text)}."""
    return migrate_reasons(tmp_path, files)


def statuses(source: str) -> list[tuple[Status, str]]:
    result = migrate(source)
    return [
        (s.status, s.reason)
        for s in result.sites
        if s.kind.value not in ("call", "version")
    ]


def assert_manual(source: str, *words: str) -> None:
    found = statuses(source)
    assert found and all(status is Status.MANUAL for status, _ in found), found
    for word in words:
        assert any(word in reason for _, reason in found), (word, found)


def assert_migrated(source: str) -> None:
    found = statuses(source)
    assert found and all(status is Status.REWRITE for status, _ in found), found


# -- P15: a client factory whose base URL is a parameter ----------------------

FACTORY = (
    HTTPX
    + "def make(base='https://api.hubapi.com'):\n    return httpx.Client(base_url=base)\n"
)
OWNERS = "    return client.get('/crm/v3/owners', params={'hapikey': KEY})\n"


@pytest.mark.parametrize(
    "made",
    [
        "client = make('https://hubspot-mirror.example.com')\n",
        "client = make(base='https://hubspot-mirror.example.com')\n",
        "client = make(MIRROR)\n",
        "client = make(MIRROR) if MIRROR else make()\n",
        "client = given or make('https://hubspot-mirror.example.com')\n",
    ],
)
def test_a_factorys_base_parameter_is_judged_by_its_callers_arguments(made):
    source = (
        FACTORY
        + "MIRROR = 'https://hubspot-mirror.example.com'\ngiven = None\n"
        + "def mirror_owners():\n    "
        + made
        + OWNERS
    )
    assert_manual(source, "hubspot-mirror.example.com")


def test_every_client_of_a_factory_one_call_points_elsewhere_stays():
    """`make(base) if base else make()`: the client may be the mirror's,
    which another function of the module asks for."""
    source = (
        FACTORY
        + "def owners(base=None):\n    client = make(base) if base else make()\n"
        + OWNERS
        + "def mirror():\n    client = make('https://hubspot-mirror.example.com')\n"
        + "    return client.get('/health')\n"
    )
    assert_manual(source, "hubspot-mirror.example.com")


def test_a_factory_called_with_hubspots_base_only_migrates():
    source = (
        FACTORY
        + "def owners():\n    client = make('https://api.hubapi.com')\n"
        + OWNERS
        + "def more():\n    client = make()\n"
        + OWNERS
    )
    assert_migrated(source)


def test_a_request_helper_given_another_host_by_a_caller_stays():
    source = (
        HEAD
        + "def get(url):\n    return requests.get(url, params={'hapikey': KEY})\n"
        + "def owners():\n    return get('https://api.hubapi.com/crm/v3/owners')\n"
        + "def ping():\n    return get('https://status.example.net/ping')\n"
    )
    assert_manual(source, "other callers' URLs")


# -- P10: a request object re-pointed under another name ----------------------

PREPARED = (
    HEAD + "URL = 'https://api.hubapi.com/crm/v3/objects/contacts'\n"
    "def sync():\n    with requests.Session() as s:\n"
    "        prep = requests.Request('GET', URL, params={'hapikey': KEY}).prepare()\n"
    "        s.send(prep)\n"
)
URLLIB = (
    "import copy, os\nimport urllib.request\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    "URL = 'https://api.hubapi.com/crm/v3/objects/contacts?hapikey=' + KEY\n"
    "def sync():\n    req = urllib.request.Request(URL)\n    urllib.request.urlopen(req)\n"
)


@pytest.mark.parametrize(
    "bound",
    ["prep.copy()", "prep", "copy.copy(prep)", "copy.deepcopy(prep)"],
)
def test_a_prepared_request_re_pointed_through_another_name_stays(bound):
    source = (
        "import copy\n"
        + PREPARED
        + f"        shadow = {bound}\n"
        + "        shadow.url = shadow.url.replace('api.hubapi.com', 'shadow.example.com')\n"
        + "        s.send(shadow)\n"
    )
    assert_manual(source, "re-pointed", "shadow.url")


@pytest.mark.parametrize(
    "bound, write",
    [
        ("copy.copy(req)", "shadow.full_url = 'https://shadow.example.com/x'"),
        ("req", "shadow.full_url = 'https://shadow.example.com/x'"),
        ("copy.deepcopy(req)", "shadow.set_proxy('proxy.example.com:8080', 'https')"),
        ("req", "other = shadow\n    other.host = 'shadow.example.com'"),
    ],
)
def test_a_urllib_request_re_pointed_through_another_name_stays(bound, write):
    source = (
        URLLIB
        + f"    shadow = {bound}\n    {write}\n    urllib.request.urlopen(shadow)\n"
    )
    assert_manual(source, "re-pointed")


def test_a_copy_sent_as_it_is_migrates():
    source = (
        "import copy\n"
        + PREPARED
        + "        again = prep.copy()\n        s.send(again)\n"
    )
    assert_migrated(source)


# -- P8: namespace writes ------------------------------------------------------

NAMESPACE = (
    "import os, sys\nimport requests\nBASE = 'https://api.hubapi.com'\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n"
    "def owners():\n    return requests.get(BASE + '/crm/v3/owners', params={'hapikey': KEY})\n"
)


@pytest.mark.parametrize(
    "load",
    [
        "    g = globals()\n    g.update(conf)\n",
        "    g = globals()\n    g['BASE'] = conf['base']\n",
        "    sys.modules[__name__].__dict__.update(conf)\n",
        "    vars(sys.modules[__name__]).update(conf)\n",
        "    this = sys.modules[__name__]\n    this.BASE = conf['base']\n",
        "    this = sys.modules[__name__]\n    setattr(this, 'BASE', conf['base'])\n",
        "    ns = sys.modules[__name__].__dict__\n    ns['BASE'] = conf['base']\n",
        "    for k, v in conf.items():\n        exec(f'{k} = {v!r}', globals())\n",
    ],
)
def test_a_base_url_rebound_through_the_modules_namespace_stays(load):
    assert_manual(NAMESPACE + "def load(conf):\n" + load, "BASE", "rebinds at run time")


def test_code_run_at_module_level_rebinding_names_stays():
    assert_manual(NAMESPACE + "exec(open('conf.py').read())\n", "rebinds at run time")


def test_code_run_in_a_functions_own_namespace_migrates():
    """exec(code) inside a function writes no module name."""
    assert_migrated(NAMESPACE + "def load(code):\n    exec(code)\n")


# -- P3: a file named alone (apply FILE, apply - --stdin-filename) -------------


def hm(*args, cwd, input=None):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=input,
    )


FETCH = (
    HEAD + "BASE = 'https://api.hubapi.com'\n"
    "def get_json(url):\n    return requests.get(url, timeout=10).json()\n"
    "def owners():\n    return get_json(BASE + '/owners/v2/owners?hapikey=' + KEY)\n"
)
STATUS = "from fetch import get_json\ndef hook(url):\n    return get_json(url)\n"
ACTIVITY = (
    "import fetch\ndef contacts():\n"
    "    return fetch.get_json(fetch.BASE + '/contacts/v1/lists/all/contacts/all"
    "?hapikey=' + fetch.KEY)\n"
)


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)


def test_a_piped_helper_other_modules_use_is_decided_as_on_disk(tmp_path):
    """fetch.get_json is sent webhook URLs by status.py: on disk it is manual;
    piped alone it was migrated (the token to hooks.example.net, and
    activity.py's fetch.KEY gone)."""
    write(tmp_path, {"fetch.py": FETCH, "status.py": STATUS, "activity.py": ACTIVITY})
    piped = hm("apply", "-", "--stdin-filename", "fetch.py", cwd=tmp_path, input=FETCH)
    assert piped.returncode == 1, piped.stderr
    assert piped.stdout == FETCH
    assert "status.py" in piped.stderr
    named = hm("apply", "fetch.py", cwd=tmp_path)
    assert named.returncode == 1 and (tmp_path / "fetch.py").read_text() == FETCH
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "activity.py",
        "fetch.py",
        "status.py",
    ]


def test_a_file_in_a_package_is_decided_within_its_project(tmp_path):
    """The project root is the folder holding pyproject.toml, not the file's."""
    write(
        tmp_path,
        {
            "pyproject.toml": "[project]\nname = 'x'\n",
            "app/__init__.py": "",
            "app/fetch.py": FETCH,
            "app/status.py": STATUS.replace("from fetch", "from app.fetch"),
        },
    )
    named = hm("diff", "app/fetch.py", cwd=tmp_path)
    assert (named.returncode, named.stdout) == (0, ""), named.stderr
    assert "status.py" in named.stderr
    piped = hm(
        "diff", "-", "--stdin-filename", "app/fetch.py", cwd=tmp_path, input=FETCH
    )
    assert (piped.returncode, piped.stdout) == (0, ""), piped.stderr


def test_a_piped_reader_keeps_a_settings_import_that_loads_the_environment(tmp_path):
    settings = "from dotenv import load_dotenv\nload_dotenv()\nimport os\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
    sync = (
        "import requests\nfrom settings import API_KEY\ndef owners():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': API_KEY})\n"
    )
    write(tmp_path, {"settings.py": settings, "sync.py": sync})
    piped = hm("apply", "-", "--stdin-filename", "sync.py", cwd=tmp_path, input=sync)
    assert "from settings import API_KEY" in piped.stdout, piped.stderr
    assert "Authorization" in piped.stdout


def test_a_file_whose_rewrite_needs_another_modules_stays_when_named_alone(tmp_path):
    """constants.PARAMS carries the key to reader.py: migrated together on the
    tree; either alone would lose the key or send it beside the token."""
    constants = "import os\nPARAMS = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
    reader = (
        "import requests\nfrom constants import PARAMS\ndef owners():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners', params=PARAMS)\n"
    )
    write(tmp_path, {"constants.py": constants, "reader.py": reader})
    for name, text in (("constants.py", constants), ("reader.py", reader)):
        piped = hm("apply", "-", "--stdin-filename", name, cwd=tmp_path, input=text)
        assert piped.stdout == text  # reader.py alone holds no key: nothing
        if name == "constants.py":
            assert piped.returncode == 1
            assert "migrated together with other modules" in piped.stderr
        named = hm("apply", name, cwd=tmp_path)
        assert named.returncode == 1 and (tmp_path / name).read_text() == text
    both = hm("apply", "constants.py", "reader.py", cwd=tmp_path)
    assert both.returncode == 0, both.stderr
    assert "hapikey" not in (tmp_path / "constants.py").read_text()
    assert "Authorization" in (tmp_path / "reader.py").read_text()


def test_a_self_contained_file_named_alone_still_migrates(tmp_path):
    other = (
        HEAD
        + "def deals():\n    return requests.get('https://api.hubapi.com/crm/v3/objects/deals', params={'hapikey': KEY})\n"
    )
    mine = other.replace("deals", "owners")
    write(tmp_path, {"a.py": mine, "b.py": other})
    piped = hm("apply", "-", "--stdin-filename", "a.py", cwd=tmp_path, input=mine)
    assert piped.returncode == 0, piped.stderr
    assert "Authorization" in piped.stdout and "hapikey" not in piped.stdout


# -- P2 / P2b: a settings import that loads the environment --------------------

SYNC = (
    "import requests\nfrom settings.hubspot import API_KEY\ndef owners():\n"
    "    return requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': API_KEY})\n"
)
SETTINGS_KEY = "import os\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"


@pytest.mark.parametrize(
    "init",
    [
        "from dotenv import load_dotenv\nload_dotenv()\n",
        "import os\nfor line in open('.env'):\n    k, _, v = line.strip().partition('=')\n"
        "    os.environ.setdefault(k, v)\n",
        "from .loader import load\nload()\n",
    ],
)
def test_a_settings_import_whose_package_loads_the_environment_stays(tmp_path, init):
    files = {"settings/__init__.py": init, "settings/hubspot.py": SETTINGS_KEY}
    files["settings/loader.py"] = "import os\ndef load():\n    os.environ['X'] = '1'\n"
    out = tree(tmp_path, {**files, "sync.py": SYNC})
    assert "from settings.hubspot import API_KEY" in out["sync.py"][1]
    assert "Authorization" in out["sync.py"][1]


def test_a_settings_import_of_a_package_that_only_binds_names_goes(tmp_path):
    files = {
        "settings/__init__.py": '"""Settings."""\n',
        "settings/hubspot.py": SETTINGS_KEY,
    }
    out = tree(tmp_path, {**files, "sync.py": SYNC})
    assert "import API_KEY" not in out["sync.py"][1]


@pytest.mark.parametrize(
    "loader, kept",
    [
        ("import envkey  # noqa: F401  (fills os.environ)\n", True),
        ("import dotenv.load  # noqa: F401\n", True),
        ("from __future__ import annotations\n", False),
        ("import logging\nlog = logging.getLogger(__name__)\n", False),
    ],
)
def test_an_unused_import_of_a_module_outside_the_tree_is_for_its_effect(
    tmp_path, loader, kept
):
    settings = loader + SETTINGS_KEY
    sync = SYNC.replace("settings.hubspot", "settings")
    out = tree(tmp_path, {"settings.py": settings, "sync.py": sync})
    assert ("from settings import API_KEY" in out["sync.py"][1]) is kept


# -- P1 / P1c: a helper reached by a dynamic name or through its module --------

HELPER = (
    HEAD + "BASE = 'https://api.hubapi.com'\n"
    "def get_json(url):\n    return requests.get(url, timeout=10).json()\n"
    "def owners():\n    return get_json(BASE + '/owners/v2/owners?hapikey=' + KEY)\n"
)


@pytest.mark.parametrize(
    "status, how",
    [
        (
            "import fetch\ndef hook(url):\n    return getattr(fetch, 'get_json')(url)\n",
            "getattr",
        ),
        (
            "import importlib\ndef hook(url):\n"
            "    return importlib.import_module('fetch').get_json(url)\n",
            "import_module",
        ),
        (
            "from importlib import import_module\nmod = import_module('fetch')\n"
            "def hook(url):\n    return mod.get_json(url)\n",
            "import_module",
        ),
        (
            "import fetch\ndef hook(url, transport=fetch):\n    return transport.get_json(url)\n",
            "transport=",
        ),
        (
            "import fetch\nTRANSPORTS = {'hubspot': fetch}\n"
            "def hook(url):\n    return TRANSPORTS['hubspot'].get_json(url)\n",
            "handed on",
        ),
        (
            "import fetch as f\ndef hook(url):\n    m = f\n    return m.get_json(url)\n",
            "handed on",
        ),
        (
            "from app import fetch\ndef hook(url):\n    return run(fetch, 'get_json', url)\n",
            "handed on",
        ),
    ],
)
def test_a_helper_reached_other_than_by_its_name_stays(tmp_path, status, how):
    package = "from app import" in status
    files = {"fetch.py": HELPER, "status.py": status}
    if package:
        files = {"app/__init__.py": "", "app/fetch.py": HELPER, "status.py": status}
    out = tree(tmp_path, files)
    helper = out["app/fetch.py" if package else "fetch.py"]
    assert helper[1] == HELPER
    assert helper[0] and all(s is Status.MANUAL for s, _ in helper[0]), helper
    assert any(how in reason for _, reason in out["status.py"][0]), out["status.py"]


def test_a_helper_read_by_name_elsewhere_in_its_module_still_migrates(tmp_path):
    """getattr of another name, import_module(...).other: not the helper."""
    status = (
        "import importlib\nimport fetch\n"
        "def base():\n    return getattr(fetch, 'BASE')\n"
        "def other():\n    return importlib.import_module('fetch').owners()\n"
    )
    out = tree(tmp_path, {"fetch.py": HELPER, "status.py": status})
    assert [s for s, _ in out["fetch.py"][0]] == [Status.REWRITE]


def test_a_session_reached_through_import_module_stays(tmp_path):
    net = (
        "import os\nimport requests\nhubspot = requests.Session()\n"
        "hubspot.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
    )
    contacts = (
        "from net import hubspot\ndef company(i):\n"
        "    return hubspot.get('https://api.hubapi.com/companies/v2/companies/%s' % i)\n"
    )
    proxy = (
        "import importlib\ns = getattr(importlib.import_module('net'), 'hubspot')\n"
        "def deals():\n    return s.get('https://hubspot-proxy.corp.example.com/crm/v3/objects/deals')\n"
    )
    out = tree(tmp_path, {"net.py": net, "contacts.py": contacts, "proxy.py": proxy})
    assert out["net.py"][1] == net


# -- P6, P11, P9: developer-key APIs -------------------------------------------

SEGMENT_HELPERS = {
    "several parameters": (
        "def get(api, version, rest):\n"
        "    return requests.get(f'{BASE}/{api}/{version}/{rest}', params={'hapikey': KEY})\n"
        "def owners():\n    return get('crm', 'v3', 'owners')\n"
    ),
    "*parts": (
        "def get(*parts):\n"
        "    return requests.get(BASE + '/' + '/'.join(parts), params={'hapikey': KEY})\n"
        "def owners():\n    return get('crm', 'v3', 'owners')\n"
    ),
}


@pytest.mark.parametrize(
    "helper, caller",
    [
        ("several parameters", "one.get('webhooks', 'v3', APP_ID + '/settings')"),
        ("*parts", "one.get('webhooks', 'v3', APP_ID, 'settings')"),
        ("*parts", "one.get(*SEGMENTS)"),
        ("*parts", "one.get(*['webhooks', 'v3', APP_ID, 'subscriptions'])"),
        ("*parts", "one.get('crm', 'v3', 'timeline', APP_ID, 'event-templates')"),
    ],
)
def test_a_helper_given_a_developer_apis_segments_elsewhere_keeps_its_key(
    tmp_path, helper, caller
):
    one = HEAD + "BASE = 'https://api.hubapi.com'\n" + SEGMENT_HELPERS[helper]
    apps = (
        "import one\nAPP_ID = '777'\nSEGMENTS = ('webhooks', 'v3', APP_ID, 'settings')\n"
        f"def settings():\n    return {caller}\n"
    )
    out = tree(tmp_path, {"one.py": one, "apps.py": apps})
    assert out["one.py"][1] == one
    assert any("developer-key API" in r for _, r in out["one.py"][0]), out


def test_a_helper_given_a_crm_paths_segments_elsewhere_migrates(tmp_path):
    one = HEAD + "BASE = 'https://api.hubapi.com'\n" + SEGMENT_HELPERS["*parts"]
    apps = "import one\ndef deals():\n    return one.get('crm', 'v3', 'objects', 'deals')\n"
    out = tree(tmp_path, {"one.py": one, "apps.py": apps})
    assert "Authorization" in out["one.py"][1]


BASE_CLIENT = (
    HEAD
    + "class BaseClient:\n    ENDPOINT = ''\n    base_url = 'https://api.hubapi.com'\n"
    "    def __init__(self, api_key):\n        self.api_key = api_key\n"
    "    def get(self, path=''):\n"
    "        return requests.get(self.base_url + '/' + self.ENDPOINT.strip('/') + path,"
    " params={'hapikey': self.api_key})\n"
)


@pytest.mark.parametrize(
    "endpoint",
    [
        "/webhooks/v3/777/subscriptions",
        "webhooks/v3/777/settings",
        "/crm/v3/timeline/777/event-templates",
        "/feature-flags/v3/777/flags/hs-release-app-cards",
    ],
)
def test_a_subclass_naming_a_developer_key_api_keeps_the_hierarchy(tmp_path, endpoint):
    resources = (
        "from base import BaseClient\n"
        "class OwnersClient(BaseClient):\n    ENDPOINT = '/crm/v3/owners'\n"
        f"class HooksClient(BaseClient):\n    ENDPOINT = {endpoint!r}\n"
    )
    app = (
        "import os\nfrom resources import OwnersClient, HooksClient\n"
        "KEY = os.environ['HUBSPOT_API_KEY']\n"
        "def run():\n    OwnersClient(KEY).get()\n    HooksClient(KEY).get()\n"
    )
    out = tree(
        tmp_path, {"base.py": BASE_CLIENT, "resources.py": resources, "app.py": app}
    )
    assert out["base.py"][1] == BASE_CLIENT
    assert any("developer-key API" in r for _, r in out["resources.py"][0]), out


@pytest.mark.parametrize(
    "path",
    [
        "/feature-flags/v3/%s/flags/hs-release-app-cards",
        "/feature-flags/v3/%s/flags/hs-hide-crm-cards/portals/123",
        "/feature-flags/2026-03/%s/flags/hs-release-app-cards/portals/123",
    ],
)
def test_the_feature_flags_api_keeps_the_developer_key(path):
    source = (
        HEAD + "APP_ID = '777'\ndef flag():\n"
        f"    return requests.put('https://api.hubapi.com{path}' % APP_ID,"
        " params={'hapikey': KEY}, json={'defaultState': 'ON'})\n"
    )
    found = statuses(source)
    assert found and all(s is Status.KEPT for s, _ in found), found


def test_a_piped_file_is_not_tied_to_unrelated_modules_changing(tmp_path):
    """sync.py's rewrite differs from its rewrite alone (the settings import
    stays), and other.py changes too, but neither imports the other."""
    settings = "from dotenv import load_dotenv\nload_dotenv()\nimport os\nAPI_KEY = os.environ['HUBSPOT_API_KEY']\n"
    sync = (
        "import requests\nfrom settings import API_KEY\ndef owners():\n"
        "    return requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': API_KEY})\n"
    )
    other = (
        HEAD
        + "def deals():\n    return requests.get('https://api.hubapi.com/crm/v3/objects/deals', params={'hapikey': KEY})\n"
    )
    write(tmp_path, {"settings.py": settings, "sync.py": sync, "other.py": other})
    piped = hm("apply", "-", "--stdin-filename", "sync.py", cwd=tmp_path, input=sync)
    assert "from settings import API_KEY" in piped.stdout, piped.stderr
    assert "Authorization" in piped.stdout


def test_without_a_project_marker_the_project_is_above_the_package(tmp_path):
    """No .git nor pyproject.toml: app/fetch.py's project is the folder app/ is
    in, where status.py imports app.fetch."""
    write(
        tmp_path,
        {
            "app/__init__.py": "",
            "app/fetch.py": FETCH,
            "status.py": STATUS.replace("from fetch", "from app.fetch"),
        },
    )
    piped = hm(
        "apply", "-", "--stdin-filename", "app/fetch.py", cwd=tmp_path, input=FETCH
    )
    assert (piped.returncode, piped.stdout) == (1, FETCH), piped.stderr


def test_a_package_init_importing_its_own_pure_modules_does_nothing(tmp_path):
    """settings/__init__.py's `from settings import hubspot  # noqa` is a module
    of the tree that only binds names: not an import for its effect."""
    files = {
        "settings/__init__.py": "from settings import hubspot  # noqa: F401\n",
        "settings/hubspot.py": SETTINGS_KEY,
    }
    out = tree(tmp_path, {**files, "sync.py": SYNC})
    assert "import API_KEY" not in out["sync.py"][1]
