"""Helpers of modules holding no key, handed URLs with the key by other modules
(issue #12, item 5: "wanted sinks"): ``fetch.get_json(url)``, a session's
``fetch.get_response(url)``, ``http.send(method, url, body)`` through a second
helper. Migrated, the helper sends ``Authorization: Bearer <token>`` (merged
with what it already sends) and every caller drops the key from its URL; the
two change together or not at all.

``fixtures/wanted_sink`` is migrated to its goldens, run before and after with
the behavioural harness, and run for real against the HubSpot stand-in. Every
rule that keeps a helper whole has a negative test: every file stays as it was,
and each caller's site is manual with a reason naming what blocks it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hapimigrate import run
from hapimigrate.model import Status
from tests.behaviour.compare import OK
from tests.behaviour.harness import Settings, run_project
from tests.conftest import assert_golden
from tests.hubspot_standin import Seen, StandIn
from tests.trees import OPTIONS, key_sites, migrate

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "wanted_sink"
PACKAGE = "hubreports"
NAMES = ("settings", "fetch", "http", "contacts", "deals", "owners")


def fixture_files() -> dict[str, str]:
    src = FIXTURE / "src" / PACKAGE
    return {f"{PACKAGE}/{p.name}": p.read_text() for p in sorted(src.glob("*.py"))}


def migrated_fixture(target: Path) -> Path:
    src = target / "src"
    shutil.copytree(FIXTURE / "src", src)
    paths = sorted(str(p) for p in src.rglob("*.py"))
    for result in run.results(paths, OPTIONS, jobs=1):
        assert result.error is None, result.error
        assert {s.status for s in key_sites(result)} <= {Status.REWRITE}, [
            s.reason for s in key_sites(result)
        ]
        if result.changed:
            Path(result.path).write_bytes(result.new)
    return src


# -- the fixture project --------------------------------------------------------


def test_the_fixture_migrates_to_its_goldens(tmp_path, update_goldens):
    src = migrated_fixture(tmp_path)
    for name in NAMES:
        text = (src / PACKAGE / f"{name}.py").read_text()
        golden = FIXTURE / "expected" / PACKAGE / f"{name}.py"
        if update_goldens:
            golden.parent.mkdir(parents=True, exist_ok=True)
        assert_golden(str(golden), text, update_goldens)
        assert "hapikey" not in text
    fetch = (src / PACKAGE / "fetch.py").read_text()
    # merged with the header it sent; the session's own headers untouched
    assert '"Accept": "application/json", "Authorization": "Bearer "' in fetch
    assert 'SESSION.headers["User-Agent"] = "hubreports/2.0"' in fetch


def test_the_fixture_runs_as_before_with_the_token():
    """The harness's recording fakes: every request carries the token and not
    the key, and nothing else changed."""
    result = run_project(FIXTURE, Settings())
    assert not result.errors, result.errors
    assert result.counts.manual == result.counts.unparsed == 0
    assert result.counts.rewrite == 6
    assert len(result.verdicts) == 5
    assert [v.label for v in result.verdicts if v.kind != OK] == []


def test_each_callers_site_reports_its_own_endpoint_method_and_scopes(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(FIXTURE / "src", src)
    paths = sorted(str(p) for p in src.rglob("*.py"))
    calls = {
        (Path(r.path).name, s.line): (s.method, s.endpoint)
        for r in run.results(paths, OPTIONS, jobs=1)
        for s in key_sites(r)
        if s.kind.value == "url"
    }
    assert calls == {
        ("contacts.py", 3): ("GET", "/contacts/v1/contact/vid/{}/profile"),
        ("contacts.py", 11): (
            "GET",
            "/contacts/v1/lists/recently_updated/contacts/recent",
        ),
        ("deals.py", 7): ("GET", "/deals/v1/deal/{deal_id}"),
        ("deals.py", 14): ("POST", "/deals/v1/deal"),  # send("POST", url, body)
        ("owners.py", 5): ("GET", "/owners/v2/owners"),
    }


# -- run for real against the stand-in ----------------------------------------

CALLS = (
    "from hubreports import contacts, deals, owners\n"
    "assert contacts.profile(51)['vid'] == 51\n"
    "contacts.recent(2)\n"
    "assert deals.deal(7)['dealId'] == 7\n"
    "deals.create('Acme')\n"
    "owners.owners()\n"
)


class Anything(StandIn):
    """HubSpot as it was: takes any credential, records every request."""

    def __init__(self) -> None:
        super().__init__("", "")

    def respond(self, seen: Seen) -> tuple[int, dict, dict]:
        return 200, {"vid": 51, "dealId": 7}, {}


class HubSpot(StandIn):
    """The stand-in (401 to a key, the token's grant checked)."""

    def respond(self, seen: Seen) -> tuple[int, dict, dict]:
        status, body, headers = super().respond(seen)
        if status == 200:
            body = {"vid": 51, "dealId": 7}
        return status, body, headers


def run_against(src: Path, url: str) -> None:
    """The fixture's calls, its HubSpot base pointed at ``url`` (after the
    migration: it decides nothing there)."""
    settings = src / PACKAGE / "settings.py"
    text = settings.read_text()
    assert text.count("https://api.hubapi.com") == 1
    settings.write_text(text.replace("https://api.hubapi.com", url))
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env.update(
        HUBSPOT_API_KEY="key-main",
        HUBSPOT_ACCESS_TOKEN="tok-main",
        PYTHONDONTWRITEBYTECODE="1",
    )
    done = subprocess.run(
        [sys.executable, "-c", CALLS],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_migrated_requests_reach_the_standin_with_the_token_only(tmp_path):
    before = tmp_path / "before" / "src"
    shutil.copytree(FIXTURE / "src", before)
    with Anything() as old:
        run_against(before, old.url)
    assert [s.hapikey for s in old.seen] == ["key-main"] * 5
    after = migrated_fixture(tmp_path / "after")
    with HubSpot("tok-main", "dev-key") as hubspot:
        run_against(after, hubspot.url)
    assert [s.without_credentials for s in hubspot.seen] == [
        s.without_credentials for s in old.seen
    ]
    for seen in hubspot.seen:
        assert seen.authorization == "Bearer tok-main" and seen.hapikey is None
    posted = [s for s in hubspot.seen if s.method == "POST"]
    assert json.loads(posted[0].body)["properties"][0]["value"] == "Acme"
    assert "content-type: application/json" in posted[0].raw.lower()


# -- a helper that cannot change keeps every file whole -------------------------

FETCH = (
    "import requests\n\n\n"
    "def get_json(url, params=None):\n"
    "    return requests.get(url, params=params, timeout=10).json()\n"
)
SETTINGS = "import os\n\nBASE = 'https://api.hubapi.com'\nKEY = os.environ['HUBSPOT_API_KEY']\n"
CONTACTS = (
    "from app import fetch, settings\n\n"
    "URL = settings.BASE + '/contacts/v1/contact/vid/{}/profile?hapikey=' + settings.KEY\n\n\n"
    "def profile(vid):\n    return fetch.get_json(URL.format(vid))\n"
)
TREE = {
    "app/__init__.py": "",
    "app/settings.py": SETTINGS,
    "app/fetch.py": FETCH,
    "app/contacts.py": CONTACTS,
}


def test_the_small_tree_migrates(tmp_path):
    out = migrate(tmp_path, TREE)
    assert out["app/contacts.py"][0] == [Status.REWRITE]
    assert "hapikey" not in out["app/contacts.py"][1]
    assert "Authorization" in out["app/fetch.py"][1]


def _with(**changes: str) -> dict[str, str]:
    return {**TREE, **changes}


OTHER_CALLS = {
    # a HubSpot URL without the key: the token would go with a request that had none
    "a keyless call elsewhere": (
        {
            "app/forms.py": "from app.fetch import get_json\n\n\n"
            "def forms():\n    return get_json('https://api.hubapi.com/forms/v2/forms')\n"
        },
        ("forms.py:5", "without the key"),
    ),
    "another host": (
        {
            "app/slack.py": "from app import fetch\n\n\n"
            "def post():\n    return fetch.get_json('https://hooks.slack.com/services/T0/B0')\n"
        },
        ("slack.py:5", "without the key"),
    ),
    "a URL known at run time": (
        {
            "app/pages.py": "from app import fetch\n\n\n"
            "def follow(link):\n    return fetch.get_json(link)\n"
        },
        ("pages.py:5", "without the key"),
    ),
    "a caller's own credential": (
        {
            "app/tenants.py": "from app import fetch, settings\n\n\n"
            "def owners(key):\n    return fetch.get_json(settings.BASE + "
            "'/owners/v2/owners?hapikey=' + key)\n"
        },
        ("tenants.py:5",),
    ),
    "the helper passed as a value": (
        {
            "app/batch.py": "from app import fetch\n\n\n"
            "def all_of(urls):\n    return list(map(fetch.get_json, urls))\n"
        },
        ("batch.py:5", "other than by calling it"),
    ),
    "the helper stored": (
        {
            "app/table.py": "from app.fetch import get_json\n\nREADERS = {'json': get_json}\n"
        },
        ("table.py:3", "other than by calling it"),
    ),
    "a call passing * arguments": (
        {
            "app/packed.py": "from app import fetch\n\n\n"
            "def packed(args):\n    return fetch.get_json(*args)\n"
        },
        ("packed.py:5", "* or **"),
    ),
}


@pytest.mark.parametrize(
    "extra,words", list(OTHER_CALLS.values()), ids=list(OTHER_CALLS)
)
def test_one_call_that_cannot_change_keeps_the_helper_and_every_caller(
    tmp_path, extra, words
):
    files = _with(**extra)
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    statuses, _, reasons = out["app/contacts.py"]
    assert statuses == [Status.MANUAL]
    for word in words:
        assert word in reasons[0], reasons[0]
    assert "get_json" in reasons[0]
    if "app/tenants.py" in extra:  # its own site says so too
        assert out["app/tenants.py"][0] == [Status.MANUAL]
    else:  # no key there: no site where nothing is to migrate
        assert all(out[n][0] == [] for n in extra)


HELPERS = {
    "decorated": (
        "import functools\n\nimport requests\n\n\n@functools.lru_cache()\n"
        "def get_json(url, params=None):\n"
        "    return requests.get(url, params=params, timeout=10).json()\n",
        "decorated",
    ),
    "listed in __all__ for outside users": (
        "__all__ = ['get_json']\n" + FETCH,
        "__all__",
    ),
    "its URL a dict's key": (
        "import requests\n\n_SEEN = {}\n\n\ndef get_json(url, params=None):\n"
        "    _SEEN[url] = requests.get(url, params=params, timeout=10).json()\n"
        "    return _SEEN[url]\n",
        "an index",
    ),
    "its URL compared": (
        "import requests\n\nLAST = None\n\n\ndef get_json(url, params=None):\n"
        "    if url == LAST:\n        return None\n"
        "    return requests.get(url, params=params, timeout=10).json()\n",
        "comparison",
    ),
    "text added after its URL": (
        "import requests\n\n\ndef get_json(url, params=None):\n"
        "    return requests.get(url + '&limit=100', timeout=10).json()\n",
        "adds text",
    ),
    "its own Authorization": (
        "import requests\n\n\ndef get_json(url, params=None, auth=None):\n"
        "    return requests.get(url, params=params, auth=auth, timeout=10).json()\n",
        "Authorization",
    ),
    "called in its own module without the key": (
        FETCH + "\n\ndef me():\n"
        "    return get_json('https://api.hubapi.com/integrations/v1/me')\n",
        "called in its own module (line 9)",
    ),
}


@pytest.mark.parametrize("fetch,words", list(HELPERS.values()), ids=list(HELPERS))
def test_a_helper_that_cannot_take_the_header_keeps_every_file(tmp_path, fetch, words):
    files = _with(**{"app/fetch.py": fetch})
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    statuses, _, reasons = out["app/contacts.py"]
    assert statuses == [Status.MANUAL]
    assert "get_json() of fetch.py cannot send the token" in reasons[0], reasons[0]
    assert words in reasons[0], reasons[0]


def test_a_url_sent_as_data_to_a_second_request_keeps_the_helper(tmp_path):
    fetch = (
        "import requests\n\n\ndef get_json(url):\n"
        "    requests.post('https://audit.example.com/log', json={'url': url})\n"
        "    return requests.get(url, timeout=10).json()\n"
    )
    files = _with(**{"app/fetch.py": fetch})
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    reason = out["app/contacts.py"][2][0]
    assert "cannot send the token" in reason and "json" in reason, reason


def test_kwargs_of_the_helper_get_the_header_merged(tmp_path):
    """``def get_json(url, **kw)``: its callers may hand in headers; the header
    is merged into what they give (the attach rules for **kwargs)."""
    fetch = (
        "import requests\n\n\ndef get_json(url, **kw):\n"
        "    return requests.get(url, **kw).json()\n"
    )
    out = migrate(tmp_path, _with(**{"app/fetch.py": fetch}))
    assert out["app/contacts.py"][0] == [Status.REWRITE]
    assert 'kw.get("headers")' in out["app/fetch.py"][1]


def test_a_helper_imported_through_its_packages_init(tmp_path):
    contacts = CONTACTS.replace(
        "from app import fetch, settings", "import app\nfrom app import settings"
    ).replace("fetch.get_json", "app.get_json")
    files = _with(
        **{
            "app/__init__.py": "from .fetch import get_json\n",
            "app/contacts.py": contacts,
        }
    )
    out = migrate(tmp_path, files)
    assert out["app/contacts.py"][0] == [Status.REWRITE]
    assert "Authorization" in out["app/fetch.py"][1]
    assert out["app/__init__.py"][1] == files["app/__init__.py"]


def test_a_package_handing_the_helper_out_keeps_it(tmp_path):
    init = "from app.fetch import get_json\n\n__all__ = ['get_json']\n"
    files = _with(**{"app/__init__.py": init})
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    reason = out["app/contacts.py"][2][0]
    assert "app/__init__.py lists it in __all__" in reason, reason


def test_a_notebook_naming_the_helper_keeps_it(tmp_path):
    cell = "from app import fetch\nfetch.get_json('https://api.hubapi.com/forms/v2/forms')\n"
    notebook = {
        "cells": [
            {
                "cell_type": "code",
                "execution_count": None,
                "metadata": {},
                "outputs": [],
                "source": cell.splitlines(keepends=True),
            }
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    files = _with(**{"report.ipynb": json.dumps(notebook, indent=1) + "\n"})
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    reason = out["app/contacts.py"][2][0]
    assert "report.ipynb (a notebook) names it too" in reason, reason


def test_a_file_that_does_not_parse_naming_the_helper_keeps_it(tmp_path):
    broken = "from app.fetch import get_json\n\ndef x(:\n    get_json(URL)\n"
    files = _with(**{"app/broken.py": broken})
    out = migrate(tmp_path, files)
    for name in TREE:
        assert out[name][1] == files[name], name
    reason = out["app/contacts.py"][2][0]
    assert "broken.py (a file hapimigrate cannot parse)" in reason, reason


def test_a_helper_of_a_module_with_a_key_of_its_own_is_not_wanted(tmp_path):
    """A module sending the key itself is the carriers step's (test_remote_helpers):
    its own keyed call makes the helper a carrier, with its rules."""
    fetch = FETCH + (
        "\n\ndef owners():\n"
        "    import os\n"
        "    return get_json('https://api.hubapi.com/owners/v2/owners?hapikey='"
        " + os.environ['HUBSPOT_API_KEY'])\n"
    )
    out = migrate(tmp_path, _with(**{"app/fetch.py": fetch}))
    assert out["app/contacts.py"][0] == [Status.REWRITE]
    assert out["app/fetch.py"][0] == [Status.REWRITE]


def test_a_helper_handing_the_url_to_another_modules_helper_stays(tmp_path):
    """``api.get(url)`` handing it on to ``fetch.get_json(url)``: not followed
    across two modules, so it stays, saying where the URL goes."""
    files = _with(
        **{
            "app/api.py": "from app import fetch\n\n\n"
            "def read(url):\n    return fetch.get_json(url)\n",
            "app/contacts.py": CONTACTS.replace("fetch", "api").replace(
                "api.get_json", "api.read"
            ),
        }
    )
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    reason = out["app/contacts.py"][2][0]
    assert "read() of api.py cannot send the token" in reason, reason
    assert "fetch.get_json()" in reason, reason


def test_a_method_of_an_instance_from_another_module_stays_as_before(tmp_path):
    """``from app.http import client; client.get(url)``: the carriers of
    helpers are module-level functions; an instance's method is not followed
    (left for a person, as before)."""
    files = _with(
        **{
            "app/http.py": "import requests\n\n\nclass Client:\n"
            "    def get(self, url):\n        return requests.get(url).json()\n\n\n"
            "client = Client()\n",
            "app/contacts.py": CONTACTS.replace(
                "from app import fetch, settings",
                "from app import settings\n" "from app.http import client",
            ).replace("fetch.get_json", "client.get"),
        }
    )
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    assert "client.get()" in out["app/contacts.py"][2][0]


HTTP = (
    "import requests\n\n\n"
    "def get_json(url):\n    return _request('GET', url)\n\n\n"
    "def post_json(url, body):\n    return _request('POST', url, body)\n\n\n"
    "def _request(method, url, body=None):\n"
    "    return requests.request(method, url, json=body, timeout=10).json()\n"
)
DEALS = (
    "from app import fetch, settings\n\n\n"
    "def create(name):\n    return fetch.post_json(settings.BASE + "
    "'/deals/v1/deal?hapikey=' + settings.KEY, {'name': name})\n"
)


def test_two_helpers_sharing_a_second_one_change_together(tmp_path):
    out = migrate(tmp_path, _with(**{"app/fetch.py": HTTP, "app/deals.py": DEALS}))
    assert out["app/contacts.py"][0] == out["app/deals.py"][0] == [Status.REWRITE]
    assert out["app/fetch.py"][1].count("Authorization") == 1  # in _request


SHARED_STOPS = {
    "one of them given a keyless URL": {
        "app/forms.py": "from app import fetch\n\n\n"
        "def forms():\n    return fetch.post_json('https://api.hubapi.com/forms/v2/forms', {})\n"
    },
    "the second one called elsewhere": {
        "app/raw.py": "from app import fetch\n\n\n"
        "def ping():\n    return fetch._request('GET', 'https://example.com/ping')\n"
    },
}


@pytest.mark.parametrize("extra", list(SHARED_STOPS.values()), ids=list(SHARED_STOPS))
def test_one_blocked_helper_stops_the_helpers_sharing_its_request(tmp_path, extra):
    files = _with(**{"app/fetch.py": HTTP, "app/deals.py": DEALS, **extra})
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    assert out["app/contacts.py"][0] == out["app/deals.py"][0] == [Status.MANUAL]
    where = next(iter(extra)).split("/")[1]
    assert any(where in r for r in out["app/contacts.py"][2] + out["app/deals.py"][2])


@pytest.mark.parametrize(
    "handed",
    ['headers={"Authorization": "Bearer other"}', 'auth=("user", "secret")'],
)
def test_a_caller_handing_its_own_credential_through_kwargs_keeps_all(tmp_path, handed):
    fetch = (
        "import requests\n\n\ndef get_json(url, **kw):\n"
        "    return requests.get(url, **kw).json()\n"
    )
    contacts = CONTACTS + (
        "\n\ndef mine(vid):\n    return fetch.get_json(URL.format(vid), "
        + handed
        + ")\n"
    )
    files = _with(**{"app/fetch.py": fetch, "app/contacts.py": contacts})
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    assert (
        "contacts.py:11 hands get_json() its own headers"
        in out["app/contacts.py"][2][0]
    )


SEND = (
    "import json\nimport os\nimport urllib.parse\nimport urllib.request\n\n"
    "API = 'https://api.hubapi.com'\nKEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
    "def build_url(path, **query):\n    query['hapikey'] = KEY\n"
    "    return API + path + '?' + urllib.parse.urlencode(query)\n\n\n"
    "def send(method, url, body=None):\n"
    "    data = json.dumps(body).encode() if body is not None else None\n"
    "    req = urllib.request.Request(url, data=data, method=method)\n"
    "    with urllib.request.urlopen(req) as resp:\n        return resp.read()\n"
)
BATCHES = (
    "from app import http\n\n\n"
    "def upsert(rows):\n"
    "    return http.send('POST', http.build_url('/contacts/v1/contact/batch/'), rows)\n\n\n"
    "def lookup(emails):\n"
    "    url = http.build_url('/contacts/v1/contact/emails/batch/', email=emails)\n"
    "    return http.send('GET', url)\n"
)


def test_a_url_helper_beside_the_sender_in_a_module_with_the_key(tmp_path):
    """``http.send(method, http.build_url(path))``: the module holds the key in
    ``build_url`` (a carrier of its own), not in ``send``, which is made the
    sink; each caller's site gets the endpoint its own path gives."""
    files = {
        "app/__init__.py": "",
        "app/http.py": SEND,
        "app/batches.py": BATCHES,
    }
    write_root = tmp_path
    out = migrate(write_root, files)
    assert out["app/batches.py"][0] == [Status.REWRITE] * 2
    assert "hapikey" not in out["app/http.py"][1]
    assert "Authorization" in out["app/http.py"][1]
    paths = sorted(str(tmp_path / n) for n in files)
    calls = {
        (s.line, s.method, s.endpoint)
        for r in run.results(paths, OPTIONS, jobs=1)
        if r.path.endswith("batches.py")
        for s in key_sites(r)
    }
    assert calls == {
        (5, "POST", "/contacts/v1/contact/batch/"),
        (9, "GET", "/contacts/v1/contact/emails/batch/"),
    }


def test_a_developer_keys_call_keeps_the_helper_and_its_key(tmp_path):
    """A webhooks URL with the developer key, handed to the same helper: that
    key stays (kept), so the helper may not add the token to what it sends."""
    hooks = (
        "import os\n\nfrom app import fetch, settings\n\n\n"
        "def subscriptions():\n    return fetch.get_json(settings.BASE + "
        "'/webhooks/v1/123/subscriptions?hapikey=' + os.environ['HUBSPOT_DEVELOPER_KEY'])\n"
    )
    files = _with(**{"app/hooks.py": hooks})
    out = migrate(tmp_path, files)
    for name, text in files.items():
        assert out[name][1] == text, name
    assert out["app/hooks.py"][0] == [Status.KEPT]
    assert out["app/contacts.py"][0] == [Status.MANUAL]
    assert "hooks.py:7" in out["app/contacts.py"][2][0]
