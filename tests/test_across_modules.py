"""Values that carry the key across modules (issue #12, item 5): a constants module's
params and URLs, a session made in one module and used in others, settings nothing
reads any more. A carrier changes only when every module sending it can; the
bundled multi-module project is migrated and run end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status
from tests.behaviour.compare import OK
from tests.behaviour.harness import Settings, run_project

ROOT = Path(__file__).resolve().parents[1]
OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))
BEARER = '"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]'

CONSTANTS = (
    "import os\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n"
    "BASE = 'https://api.hubapi.com'\n"
    "PARAMS = {'hapikey': KEY}\n"
    "LISTS_URL = BASE + '/contacts/v1/lists?hapikey=' + KEY\n"
)


def migrate(tmp_path: Path, files: dict[str, str]):
    """Migrate a tree: {name: (statuses of its key sites, text after)}."""
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    paths = sorted(str(tmp_path / name) for name in files)
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        name = Path(result.path).relative_to(tmp_path).as_posix()
        statuses = [
            s.status for s in result.sites if s.kind.value not in ("call", "version")
        ]
        text = result.new.decode() if result.changed else files[name]
        out[name] = (statuses, text)
    return out


def test_a_constants_modules_params_and_url_move_with_their_senders(tmp_path):
    reader = (
        "import requests\nfrom constants import BASE, PARAMS, LISTS_URL\n"
        "def owners():\n    return requests.get(BASE + '/crm/v3/owners', params=PARAMS)\n"
        "def lists():\n    return requests.get(LISTS_URL)\n"
    )
    out = migrate(tmp_path, {"constants.py": CONSTANTS, "reader.py": reader})
    statuses, constants = out["constants.py"]
    assert statuses == [Status.REWRITE, Status.REWRITE]
    assert "PARAMS = {}" in constants and "hapikey" not in constants
    statuses, text = out["reader.py"]
    assert statuses == [Status.REWRITE, Status.REWRITE]
    assert text.count(BEARER) == 2


@pytest.mark.parametrize(
    "reader,why",
    [
        (  # one sender sends it elsewhere: the token must not go there
            "import requests\nimport constants\n"
            "def owners():\n    return requests.get('https://api.hubapi.com/crm/v3/owners', params=constants.PARAMS)\n"
            "def alert():\n    return requests.post('https://hooks.slack.com/x', params=constants.PARAMS)\n",
            "hooks.slack.com",
        ),
        (  # text added after the key at run time
            "import requests\nfrom constants import LISTS_URL, PARAMS\n"
            "def lists():\n    return requests.get(LISTS_URL + '&count=5', params=PARAMS)\n",
            "text is added after LISTS_URL",
        ),
        (  # passed on where it cannot be followed
            "from constants import PARAMS\nimport client\n"
            "def owners():\n    return client.fetch('/crm/v3/owners', PARAMS)\n",
            "does not follow",
        ),
    ],
    ids=["other_host", "appended", "passed_on"],
)
def test_a_carrier_one_sender_cannot_take_stays_everywhere(tmp_path, reader, why):
    out = migrate(tmp_path, {"constants.py": CONSTANTS, "reader.py": reader})
    assert out["constants.py"][1] == CONSTANTS
    assert out["reader.py"][1] == reader
    assert Status.REWRITE not in out["reader.py"][0]


def test_a_module_level_value_sent_here_and_imported_elsewhere_changes_everywhere(
    tmp_path,
):
    """The defining module sends PARAMS too: before, its rewrite emptied PARAMS
    and left the other module's request with neither key nor token."""
    home = CONSTANTS + (
        "import requests\n"
        "def ping():\n    return requests.get(BASE + '/integrations/v1/me', params=PARAMS)\n"
    )
    reader = (
        "import requests\nfrom constants import PARAMS\n"
        "def owners():\n    return requests.get('https://api.hubapi.com/crm/v3/owners', params=PARAMS)\n"
    )
    out = migrate(tmp_path, {"constants.py": home, "reader.py": reader})
    assert BEARER in out["constants.py"][1] and "PARAMS = {}" in out["constants.py"][1]
    assert BEARER in out["reader.py"][1]
    slack = reader.replace(
        "https://api.hubapi.com/crm/v3/owners", "https://hooks.slack.com/x"
    )
    out = migrate(tmp_path, {"constants.py": home, "reader.py": slack})
    assert out["constants.py"][0][0] == Status.MANUAL  # its PARAMS use
    assert "hapikey" in out["constants.py"][1] and BEARER not in out["reader.py"][1]


def test_a_template_whose_key_field_other_modules_fill_stays(tmp_path):
    home = (
        "import os, requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
        "DEAL = 'https://api.hubapi.com/deals/v1/deal/%s?hapikey=%s'\n"
        "def deal(i):\n    return requests.get(DEAL % (i, KEY))\n"
    )
    reader = "import requests\nfrom home import DEAL, KEY\ndef d(i):\n    return requests.get(DEAL % (i, KEY))\n"
    out = migrate(tmp_path, {"home.py": home, "reader.py": reader})
    assert out["home.py"] == ([Status.MANUAL], home)
    alone = migrate(
        tmp_path / ".." / tmp_path.name, {"home.py": home, "reader.py": "x = 1\n"}
    )
    assert alone["home.py"][0] == [Status.REWRITE]


SESSION = (
    "import os, requests\n"
    "session = requests.Session()\n"
    "session.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
)


def test_a_session_made_in_one_module_is_followed_into_the_others(tmp_path):
    reader = (
        "from http_session import session\n"
        "def companies():\n"
        "    url = 'https://api.hubapi.com/companies/v2/companies/paged'\n"
        "    return session.get(url, params={'limit': 5}).json()\n"
    )
    out = migrate(tmp_path, {"http_session.py": SESSION, "reader.py": reader})
    assert 'session.headers["Authorization"]' in out["http_session.py"][1]
    assert out["reader.py"] == ([Status.REWRITE], reader)  # the header is set there
    elsewhere = reader.replace("https://api.hubapi.com", "https://api.pipedrive.com")
    out = migrate(tmp_path, {"http_session.py": SESSION, "reader.py": elsewhere})
    assert out["http_session.py"][1] == SESSION


SETTINGS = (
    "import os\n\n"
    "def get_env(name):\n"
    "    try:\n        return os.environ[name]\n"
    "    except KeyError:\n        raise RuntimeError('set %s' % name)\n\n"
    "HUBSPOT_API_KEY = get_env('HUBSPOT_API_KEY')\n"
    "DEBUG = get_env('DEBUG')\n"
)
CLIENT = (
    "import requests\nimport settings\n"
    "def owners():\n"
    "    return requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': settings.HUBSPOT_API_KEY})\n"
)


def test_a_setting_nothing_reads_any_more_goes(tmp_path):
    out = migrate(tmp_path, {"settings.py": SETTINGS, "client.py": CLIENT})
    statuses, text = out["settings.py"]
    assert statuses == [Status.REWRITE]
    assert "HUBSPOT_API_KEY" not in text and "DEBUG = get_env('DEBUG')" in text


def test_a_setting_another_module_still_reads_stays(tmp_path):
    other = "import settings\nENABLED = bool(settings.HUBSPOT_API_KEY)\n"
    out = migrate(
        tmp_path, {"settings.py": SETTINGS, "client.py": CLIENT, "flags.py": other}
    )
    assert out["settings.py"] == ([Status.MANUAL], SETTINGS)  # flags.py:2 named
    health = "import settings\nok = bool(getattr(settings, 'HUBSPOT_API_KEY', None))\n"
    out = migrate(
        tmp_path, {"settings.py": SETTINGS, "client.py": CLIENT, "flags.py": health}
    )
    assert out["settings.py"] == ([Status.MANUAL], SETTINGS)


def test_a_setting_that_does_more_than_read_the_environment_is_reported(tmp_path):
    settings = "import vault\nHUBSPOT_API_KEY = vault.fetch('hubspot')\n"
    out = migrate(tmp_path, {"settings.py": settings, "client.py": CLIENT})
    assert out["settings.py"] == ([Status.MANUAL], settings)


def test_a_class_attribute_another_module_reads_stays(tmp_path):
    home = (
        "import os, requests\n"
        "class Api:\n    params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n"
        "    def owners(self):\n"
        "        return requests.get('https://api.hubapi.com/crm/v3/owners', params=self.params)\n"
    )
    reader = (
        "import requests\nfrom home import Api\n"
        "class Mine(Api):\n    def x(self):\n"
        "        return requests.get('https://api.hubapi.com/crm/v3/owners', params=self.params)\n"
    )
    out = migrate(tmp_path, {"home.py": home, "reader.py": reader})
    assert out["home.py"][1] == home


def test_the_multi_module_project_runs_with_the_token_only():
    """fixtures/multimodule: settings, constants, a wrapper module, a session made
    in one module and used in another, a class attribute and a guard, a notebook
    written by another tool and a Python 2 script (not run); migrated
    with `apply` and run before and after with recording fakes."""
    result = run_project(ROOT / "fixtures" / "multimodule", Settings())
    assert not result.errors, result.errors
    assert result.counts.manual == result.counts.unparsed == 0
    assert result.counts.rewrite >= 13  # with the notebook and the Python 2 script
    assert [v.label for v in result.verdicts if v.kind != OK] == []
    assert len(result.verdicts) >= 9  # every request compared: token in, key out


URLS = (
    "import os\n"
    "API_KEY = os.environ['HUBSPOT_API_KEY']\n"
    "HOST = 'https://api.hubapi.com'\n"
    "def api_url(path):\n    return '%s?hapikey=%s' % (HOST + path, API_KEY)\n"
)
FETCH = (
    "import requests\nfrom urls import api_url\n"
    "def get_json(url):\n    return requests.get(url, timeout=20).json()\n"
    "def owners():\n    return get_json(api_url('/crm/v3/owners'))\n"
)


def test_a_url_helper_of_another_module_moves_with_its_callers(tmp_path):
    out = migrate(tmp_path, {"urls.py": URLS, "fetch.py": FETCH})
    assert out["urls.py"][0] == [Status.REWRITE]
    assert "return '%s' % (HOST + path,)" in out["urls.py"][1]
    assert BEARER in out["fetch.py"][1]


GUARDED = (
    'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]} '
    'if urlsplit(url).hostname == "api.hubapi.com" else {}'
)


def test_a_helper_other_modules_also_give_other_hosts_sends_the_token_to_hubspot_only(
    tmp_path,
):
    """Another module gives the helper an exchange-rate URL (a host written in
    the code): the helper sends the header only to the HubSpot host its keyed
    callers use, so the other host still gets nothing."""
    weekly = (
        "import fetch\nRATES = 'https://api.exchangerate.example.org/latest'\n"
        "def rate():\n    return fetch.get_json(RATES + '?base=USD')\n"
    )
    out = migrate(tmp_path, {"urls.py": URLS, "fetch.py": FETCH, "weekly.py": weekly})
    assert out["urls.py"][0] == [Status.REWRITE]
    assert "hapikey" not in out["urls.py"][1]
    assert GUARDED in out["fetch.py"][1]
    assert "from urllib.parse import urlsplit" in out["fetch.py"][1]
    assert out["weekly.py"] == ([], weekly)


@pytest.mark.parametrize(
    "weekly",
    [  # a URL known only at run time: its host may be HubSpot's
        "import fetch\ndef rate(url):\n    return fetch.get_json(url)\n",
        # a HubSpot URL without the key: the guard would give it the token
        "import fetch\ndef pub():\n    return fetch.get_json('https://api.hubapi.com/x')\n",
    ],
)
def test_a_helper_other_modules_give_urls_of_unknown_hosts_keeps_everything(
    tmp_path, weekly
):
    out = migrate(tmp_path, {"urls.py": URLS, "fetch.py": FETCH, "weekly.py": weekly})
    assert out["urls.py"][1] == URLS and out["fetch.py"][1] == FETCH
    assert out["weekly.py"] == ([Status.MANUAL], weekly)


def test_a_guarded_helper_whose_keyed_hosts_are_unknown_keeps_everything(tmp_path):
    """The guard names the hosts the keyed callers use: when one of them is not
    known (a base read from the environment), no guard can be written."""
    urls = URLS.replace("'https://api.hubapi.com'", "os.environ['HUBSPOT_BASE']")
    weekly = (
        "import fetch\ndef rate():\n"
        "    return fetch.get_json('https://api.exchangerate.example.org/latest')\n"
    )
    out = migrate(tmp_path, {"urls.py": urls, "fetch.py": FETCH, "weekly.py": weekly})
    assert out["urls.py"][1] == urls and out["fetch.py"][1] == FETCH
    assert Status.MANUAL in out["fetch.py"][0]


def test_a_carrier_reached_by_a_star_import(tmp_path):
    """One star import: a name the module does not bind is the carrier. Two: it
    may be either module's, and the carrier stays."""
    star = (
        "import requests\nfrom constants import *\n"
        "def owners():\n    return requests.get(BASE + '/crm/v3/owners', params=PARAMS)\n"
    )
    out = migrate(tmp_path, {"constants.py": CONSTANTS, "star.py": star})
    assert "PARAMS = {}" in out["constants.py"][1]
    assert BEARER in out["star.py"][1]
    two = star.replace(
        "from constants import *\n", "from constants import *\nfrom other import *\n"
    )
    out = migrate(
        tmp_path, {"constants.py": CONSTANTS, "star.py": two, "other.py": "X = 1\n"}
    )
    assert "PARAMS = {'hapikey': KEY}" in out["constants.py"][1]
    assert out["star.py"] == ([Status.MANUAL], two)


def test_an_internal_error_in_the_tree_wide_pass_writes_nothing_it_touched(
    tmp_path, monkeypatch
):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(run.carriers, "resolve", broken)
    reader = "import requests\nfrom constants import PARAMS\nrequests.get('https://api.hubapi.com/x', params=PARAMS)\n"
    (tmp_path / "constants.py").write_text(CONSTANTS)
    (tmp_path / "reader.py").write_text(reader)
    paths = sorted(str(p) for p in tmp_path.iterdir())
    results = {Path(r.path).name: r for r in run.results(paths, OPTIONS, jobs=1)}
    assert results["constants.py"].new is None
    assert "internal error" in results["constants.py"].error
    assert "a bug of ours" in results["constants.py"].error


def test_a_session_used_elsewhere_for_urls_known_at_run_time_stays(tmp_path):
    reader = (
        "from http_session import session\n"
        "def image(url):\n    return session.get(url).content\n"
    )
    out = migrate(tmp_path, {"http_session.py": SESSION, "reader.py": reader})
    assert out["http_session.py"][1] == SESSION


def test_a_caller_handing_on_its_own_callers_key_passes_tokens_on(tmp_path):
    client = (
        "from hubspot import HubSpot\n"
        "def client_for(api_key):\n    return HubSpot(api_key=api_key)\n"
    )
    user = (
        "import os\nfrom hs_client import client_for\n"
        "def partner(partner_key):\n    return client_for(partner_key)\n"
        "def main():\n    return partner(os.environ['HUBSPOT_API_KEY'])\n"
    )
    out = migrate(tmp_path, {"hs_client.py": client, "user.py": user})
    assert "HubSpot(access_token=api_key)" in out["hs_client.py"][1]
    assert 'partner(os.environ["HUBSPOT_ACCESS_TOKEN"])' in out["user.py"][1]


def test_a_dual_auth_helper_of_another_module_is_left(tmp_path):
    """auth_params() returns {} in OAuth mode and the key otherwise; the requests
    take auth_headers() of that module: the token would replace the OAuth
    header (found by the behavioural corpus)."""
    auth = (
        "import os\nMODE = os.getenv('MODE')\nAPI_KEY = os.getenv('HUBSPOT_API_KEY')\n"
        "def auth_headers():\n"
        "    return {'Authorization': 'Bearer ' + os.environ['OAUTH']} if MODE == 'oauth' else {}\n"
        "def auth_params():\n"
        "    if MODE == 'oauth':\n        return {}\n    return {'hapikey': API_KEY}\n"
    )
    base = (
        "import requests\nfrom connector import auth\n"
        "def post(path, payload):\n    params = {}\n    params.update(auth.auth_params())\n"
        "    return requests.post('https://api.hubapi.com' + path, params=params,"
        " json=payload, headers=auth.auth_headers())\n"
    )
    (tmp_path / "connector").mkdir()
    out = migrate(tmp_path, {"connector/auth.py": auth, "connector/base.py": base})
    assert out["connector/auth.py"][1] == auth
    assert out["connector/base.py"][1] == base


@pytest.mark.parametrize(
    "headers,merged",
    [
        (
            "{'Accept': 'application/json'}",
            "{'Accept': 'application/json', **({\"Authorization\": ",
        ),
        ("HEADERS", '{**(HEADERS or {}), **({"Authorization": '),
    ],
)
def test_a_guarded_header_joins_the_requests_own_headers(tmp_path, headers, merged):
    fetch = FETCH.replace(
        "requests.get(url, timeout=20)", f"requests.get(url, headers={headers})"
    ).replace(
        "from urls import api_url\n", "from urls import api_url\nHEADERS = None\n"
    )
    weekly = (
        "import fetch\ndef rate():\n"
        "    return fetch.get_json('https://api.exchangerate.example.org/latest')\n"
    )
    out = migrate(tmp_path, {"urls.py": URLS, "fetch.py": fetch, "weekly.py": weekly})
    text = out["fetch.py"][1]
    assert merged in text
    assert 'if urlsplit(url).hostname == "api.hubapi.com" else {})}' in text
    compile(text, "fetch.py", "exec")


FACTORY = (
    "import os\nimport requests\n"
    "def make_session():\n    s = requests.Session()\n"
    "    s.params = {'hapikey': os.environ['HUBSPOT_API_KEY']}\n    return s\n"
    "def owners():\n    return make_session().get('https://api.hubapi.com/crm/v3/owners')\n"
)


def test_a_session_factory_other_modules_call_stays(tmp_path):
    """A review: make_session() returned a session given the header, and another
    module posted to Slack with it: the token went to Slack."""
    alerts = (
        "import net\ndef alert(text):\n"
        "    return net.make_session().post('https://hooks.slack.com/x', json={'text': text})\n"
    )
    out = migrate(tmp_path, {"net.py": FACTORY, "alerts.py": alerts})
    assert out["net.py"] == ([Status.MANUAL], FACTORY)
    (tmp_path / "alone").mkdir()
    alone = migrate(tmp_path / "alone", {"net.py": FACTORY})
    assert alone["net.py"][0] == [Status.REWRITE]


CLASS_CLIENT = (
    "import os\nimport requests\n"
    "class HubSpotClient:\n    API_KEY = os.environ.get('HUBSPOT_API_KEY')\n"
    "    BASE = 'https://api.hubapi.com'\n"
    "    def owners(self):\n"
    "        return requests.get(self.BASE + '/crm/v3/owners', params={'hapikey': self.API_KEY})\n"
)


@pytest.mark.parametrize(
    "subclass,migrated",
    [
        ("    pass\n", True),
        # a sandbox portal's key: one token for both would mix them up
        ("    API_KEY = os.environ.get('HUBSPOT_SANDBOX_KEY')\n", False),
        # another host: the token would go there
        ("    BASE = 'https://api.pipedrive.com'\n", False),
    ],
    ids=["plain", "other_key", "other_host"],
)
def test_a_class_subclassed_in_another_module(tmp_path, subclass, migrated):
    """A review: a subclass in another module overriding the key or the base URL
    got the token (sandbox traffic to production, the token to Pipedrive)."""
    other = (
        "import os\nfrom client import HubSpotClient\nclass Other(HubSpotClient):\n"
        + subclass
    )
    out = migrate(tmp_path, {"client.py": CLASS_CLIENT, "other.py": other})
    assert (out["client.py"][1] != CLASS_CLIENT) == migrated
    assert out["client.py"][0] == [Status.REWRITE if migrated else Status.MANUAL]


BASE_CLIENT = (
    "import os\nimport requests\n"
    "class HubSpotClient:\n"
    "    def __init__(self, base_url='https://api.hubapi.com'):\n"
    "        self.base_url = base_url\n        self.key = os.environ['HUBSPOT_API_KEY']\n"
    "    def owners(self):\n"
    "        return requests.get(self.base_url + '/crm/v3/owners', params={'hapikey': self.key})\n"
)


@pytest.mark.parametrize(
    "other,migrated",
    [
        ("prod = HubSpotClient()\n", True),
        (
            "mirror = HubSpotClient(base_url='https://hubspot-mirror.example.net')\n",
            False,
        ),
        ("mirror = HubSpotClient('https://hubspot-mirror.example.net')\n", False),
    ],
    ids=["default", "keyword", "positional"],
)
def test_a_client_built_with_another_host_in_another_module(tmp_path, other, migrated):
    """A review: the token went to the mirror another module builds the client for."""
    staging = "from client import HubSpotClient\n" + other
    out = migrate(tmp_path, {"client.py": BASE_CLIENT, "staging.py": staging})
    assert out["client.py"][0] == [Status.REWRITE if migrated else Status.MANUAL]


OWN_KEY_HELPER = (
    "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n"
    "def get(url, **kw):\n    return requests.get(url, params={'hapikey': KEY}, **kw)\n"
)


@pytest.mark.parametrize(
    "calls,migrated",
    [
        ("    get('https://api.hubapi.com/crm/v3/objects/contacts')\n", True),
        # Stripe's URL and key: the token would replace Stripe's and go there
        (
            "    get('https://api.hubapi.com/crm/v3/objects/contacts')\n"
            "    get('https://api.stripe.com/v1/charges', headers={'Authorization': 'Bearer sk'})\n",
            False,
        ),
        ("    get(url)\n", False),  # a URL known only at run time
    ],
    ids=["hubspot", "stripe", "run_time"],
)
def test_a_helper_adding_its_own_key_to_other_modules_urls(tmp_path, calls, migrated):
    """A review: get(url, **kw) added the key to any URL; another module gave it
    Stripe's: after migration Stripe got the HubSpot token instead of its key."""
    main = "from hs import get\ndef run(url=None):\n" + calls
    out = migrate(tmp_path, {"hs.py": OWN_KEY_HELPER, "main.py": main})
    assert out["hs.py"][0] == [Status.REWRITE if migrated else Status.MANUAL]


FACTORY_SESSION = FACTORY + "SESSION = make_session()\n"


@pytest.mark.parametrize(
    "alerts,migrated",
    [
        (None, True),
        (
            "from net import SESSION\ndef alert():\n    SESSION.post('https://hooks.slack.com/x')\n",
            False,
        ),
    ],
    ids=["alone", "slack_elsewhere"],
)
def test_a_module_level_session_made_by_a_factory(tmp_path, alerts, migrated):
    """A review: SESSION = make_session() imported by a module that posts to
    Slack with it: the token went to Slack."""
    files = {"net.py": FACTORY_SESSION}
    if alerts:
        files["alerts.py"] = alerts
    out = migrate(tmp_path, files)
    assert out["net.py"][0] == [Status.REWRITE if migrated else Status.MANUAL]
