"""Review 13's wrong rewrites about where the token goes (hosts, re-pointed
requests, namespace writes, a file decided within its project, settings imports
that load the environment, helpers reached by a dynamic name, developer-key
APIs): each shape is now left for a person with the reason naming the risk, and
its harmless neighbour still migrates."""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status
from tests.conftest import migrate

OPTIONS = RunOptions(providers.resolve(None))
HEAD = "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
HTTPX = "import os\nimport httpx\nKEY = os.environ['HUBSPOT_API_KEY']\n"


def tree(tmp_path: Path, files: dict[str, str]) -> dict[str, tuple[list, str]]:
    """Migrate a tree together: {name: ([(status, reason) of key sites], text)}."""
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    paths = sorted(str(tmp_path / name) for name in files)
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        name = Path(result.path).relative_to(tmp_path).as_posix()
        sites = [
            (s.status, s.reason)
            for s in result.sites
            if s.kind.value not in ("call", "version")
        ]
        out[name] = (sites, result.new.decode() if result.changed else files[name])
    return out


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
