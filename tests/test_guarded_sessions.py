"""A ``requests.Session`` given the key as params (``s.params = {"hapikey": KEY}``)
whose requests go to HubSpot and also to URLs known at run time (a paging link, a
logo URL read from a HubSpot property, a webhook from the settings): the session
gets requests' auth hook, which sends the token to the HubSpot API hosts its
requests name, and nothing elsewhere (before, ``?hapikey=`` leaked there).

``fixtures/guarded_session`` is migrated to its goldens, run before and after with
the behavioural harness, and run for real against the HubSpot stand-in and a
second local server standing for the other hosts (requests' transport is routed
by host name, after the hook has seen the real URL). Every condition the hook
needs has a negative test: the site stays whole and ``manual``, with its reason."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status
from tests.behaviour.compare import OK, pair_findings
from tests.behaviour.harness import Settings, run_project
from tests.trees import migrate_sites as tree
from tests.behaviour.records import Request
from tests.conftest import assert_golden
from tests.hubspot_standin import Seen, StandIn

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "fixtures" / "guarded_session"
OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))
HOOK = "hubspot.auth = lambda r, bearer="
GUARD = 'if urlsplit(r.url).hostname == "api.hubapi.com"'


def key_sites(result):
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


def assert_whole(out: dict, files: dict[str, str], reason: str) -> None:
    """Every file left as it was, every key site manual, one saying ``reason``."""
    sites = [s for name in out for s in out[name][0]]
    for name, text in files.items():
        assert out[name][1] == text, name
    assert sites and {s.status for s in sites} == {Status.MANUAL}
    assert any(reason in s.reason for s in sites), [s.reason for s in sites]


# -- the fixture project --------------------------------------------------------


def migrated_fixture(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(FIXTURE / "src", src)
    paths = sorted(str(p) for p in src.rglob("*.py"))
    for result in run.results(paths, OPTIONS, jobs=1):
        assert result.error is None, result.error
        assert {s.status for s in key_sites(result)} <= {Status.REWRITE}
        if result.changed:
            Path(result.path).write_bytes(result.new)
    return src


def test_the_fixture_migrates_to_its_goldens(tmp_path, update_goldens):
    src = migrated_fixture(tmp_path)
    for name in ("hubbridge/net.py", "scripts/export_logos.py"):
        text = (src / name).read_text()
        assert_golden(str(FIXTURE / "expected" / name), text, update_goldens)
        assert "hapikey" not in text
    for name in ("contacts.py", "alerts.py", "settings.py"):  # the hook is in net.py
        path = Path("hubbridge") / name
        assert (src / path).read_text() == (FIXTURE / "src" / path).read_text()


def test_the_fixture_runs_as_before_with_the_token(tmp_path):
    """The harness's recording fakes: HubSpot requests carry the token and not
    the key, the logo and webhook hosts get neither, nothing else changed."""
    result = run_project(FIXTURE, Settings())
    assert not result.errors, result.errors
    assert result.counts.manual == result.counts.unparsed == 0
    assert result.counts.rewrite >= 7
    assert [v.label for v in result.verdicts if v.kind != OK] == []
    assert len(result.verdicts) >= 8


# -- run for real: the stand-in for HubSpot, another server for the rest ---------

LOGO = "https://logo.example.net/acme.png"
PAGE_TWO = "https://api.hubapi.com/crm/v3/objects/contacts?after=2&limit=2"


def canned(seen: Seen) -> dict:
    """What HubSpot (or the other host) answers the fixture's requests."""
    if seen.path == "/crm/v3/objects/contacts":
        if "after" in seen.query:
            return {"results": [{"id": "3"}]}
        return {
            "results": [{"id": "1"}, {"id": "2"}],
            "paging": {"next": {"link": PAGE_TWO}},
        }
    if seen.path.startswith("/companies/v2/companies/"):
        return {"properties": {"hs_logo_url": {"value": LOGO}}}
    if seen.path.startswith("/deals/v1/deal/"):
        return {"properties": {"dealname": {"value": "Acme"}}}
    if seen.path == "/crm/v3/objects/companies":
        return {"results": [{"id": "7", "properties": {"hs_logo_url": LOGO}}]}
    return {"ok": True}


class HubSpotStandIn(StandIn):
    """The stand-in (401 to a key, the token's grant checked) answering the
    fixture's calls."""

    def respond(self, seen: Seen) -> tuple[int, dict, dict]:
        status, body, headers = super().respond(seen)
        return status, canned(seen) if status == 200 else body, headers


class Recorder(StandIn):
    """Another host: records every request, answers 200 with no credential asked."""

    def __init__(self) -> None:
        super().__init__("", "")

    def respond(self, seen: Seen) -> tuple[int, dict, dict]:
        return 200, canned(seen), {}


# Runs the code given with requests' transport routed by host name: the hook (and
# the session's params) see the real URL, the bytes go to a local server.
DRIVER = """
import json, os, sys
from urllib.parse import urlsplit, urlunsplit
import requests.adapters
routes = json.loads(os.environ["ROUTES"])
send = requests.adapters.HTTPAdapter.send
def routed(self, request, *args, **kwargs):
    parts = urlsplit(request.url)
    local = urlsplit(routes[parts.hostname])
    request.url = urlunsplit(("http", local.netloc, parts.path, parts.query, ""))
    return send(self, request, *args, **kwargs)
requests.adapters.HTTPAdapter.send = routed
sys.path.insert(0, os.getcwd())
exec(sys.argv[1])
"""
CALLS = (
    "from hubbridge import alerts, contacts\n"
    "from scripts import export_logos\n"
    "import tempfile\n"
    "assert [c['id'] for c in contacts.all_contacts()] == ['1', '2', '3']\n"
    "assert json.loads(contacts.company_logo(42)) == {'ok': True}\n"
    "assert alerts.deal_won(9) == 'Acme'\n"
    "assert len(export_logos.export(tempfile.mkdtemp())) == 1\n"
)


def run_routed(src: Path, hubspot_url: str, other_url: str) -> None:
    routes = {
        "api.hubapi.com": hubspot_url,
        "logo.example.net": other_url,
        "hooks.alerts.example": other_url,
    }
    env = {
        k: v for k, v in os.environ.items() if "proxy" not in k.lower()
    }  # the original URL would pick a proxy
    env.update(
        ROUTES=json.dumps(routes),
        HUBSPOT_API_KEY="key-main",
        HUBSPOT_ACCESS_TOKEN="tok-main",
        ALERTS_WEBHOOK_URL="https://hooks.alerts.example/T1/B1",
        PYTHONDONTWRITEBYTECODE="1",
    )
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, CALLS],
        cwd=src,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr


def test_migrated_requests_reach_hubspot_with_the_token_and_nothing_elsewhere(
    tmp_path,
):
    """Before (HubSpot played by a server that takes anything): the key goes to
    every host. After, against the stand-in (which refuses keys): every HubSpot
    request, the paging link's too, carries the token and no key; the logo and
    webhook hosts get neither; every other parameter and body is as before."""
    before_src = tmp_path / "before"
    shutil.copytree(FIXTURE / "src", before_src)
    with Recorder() as hubspot_before, Recorder() as other_before:
        run_routed(before_src, hubspot_before.url, other_before.url)
    assert {s.hapikey for s in hubspot_before.seen} == {"key-main"}
    assert {s.hapikey for s in other_before.seen} == {"key-main"}  # it leaked

    after_src = migrated_fixture(tmp_path / "after")
    with HubSpotStandIn("tok-main", "dev-key") as hubspot, Recorder() as other:
        run_routed(after_src, hubspot.url, other.url)
    assert len(hubspot.seen) == len(hubspot_before.seen) == 5
    for seen in hubspot.seen:
        assert seen.authorization == "Bearer tok-main" and seen.hapikey is None
    assert any(s.query.get("after") == ["2"] for s in hubspot.seen)  # the link
    assert len(other.seen) == len(other_before.seen) == 3
    for seen in other.seen:
        assert seen.authorization is None and seen.hapikey is None
        assert "authorization" not in seen.raw.lower()
    assert [s.without_credentials for s in hubspot.seen] == [
        s.without_credentials for s in hubspot_before.seen
    ]
    assert [s.without_credentials for s in other.seen] == [
        s.without_credentials for s in other_before.seen
    ]
    assert {"size": ["128"], "archived": ["false"]} in [s.query for s in other.seen]


# -- what the hook looks like, and the shapes it covers ---------------------------

NET = (
    "import os\nimport requests\n\n"
    'API = "https://api.hubapi.com"\n'
    "hubspot = requests.Session()\n"
    'hubspot.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}\n'
)
READER = (
    "from net import hubspot, API\n\n\n"
    "def logo(cid):\n"
    '    company = hubspot.get(API + "/companies/v2/companies/%s" % cid).json()\n'
    '    return hubspot.get(company["properties"]["hs_logo_url"]["value"]).content\n'
)
HEAD = 'import os\nimport requests\n\nAPI = "https://api.hubapi.com"\n'
KEYED = "{'hapikey': os.environ['HUBSPOT_API_KEY']}"


def test_a_shared_session_sending_to_a_url_known_at_run_time_gets_the_hook(tmp_path):
    out = tree(tmp_path, {"net.py": NET, "reader.py": READER})
    sites, net = out["net.py"]
    assert [s.status for s in sites] == [Status.REWRITE]
    assert "hapikey" not in net and HOOK in net and GUARD in net
    assert "from urllib.parse import urlsplit" in net
    assert 'bearer="Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]' in net
    sites, reader = out["reader.py"]
    assert reader == READER and {s.status for s in sites} == {Status.REWRITE}
    assert any(
        "auth hook" in s.reason and "no longer carries the key" in s.reason
        for s in sites
    )


def test_a_session_sending_only_to_hubspot_keeps_its_plain_header(tmp_path):
    reader = READER.replace('company["properties"]["hs_logo_url"]["value"]', "API")
    out = tree(tmp_path, {"net.py": NET, "reader.py": reader})
    net = out["net.py"][1]
    assert 'hubspot.headers["Authorization"] = "Bearer "' in net
    assert ".auth" not in net and "urlsplit" not in net


@pytest.mark.parametrize(
    "make, set_key",
    [
        ("s = requests.Session()", f"s.params = {KEYED}"),
        ("s = requests.session()", f"s.params.update({KEYED})"),
        (
            "s = requests.Session()",
            "s.params['hapikey'] = os.environ['HUBSPOT_API_KEY']",
        ),
        ("s = Session()", f"s.params = {KEYED}"),
    ],
)
def test_one_module_sessions_get_the_hook(tmp_path, make, set_key):
    """The session made and used in one module: a paging link and a webhook
    read from the environment (URLs known at run time)."""
    head = HEAD + ("from requests import Session\n" if "Session()" == make[4:] else "")
    source = head + (
        f"{make}\n{set_key}\n\n\n"
        "def pages():\n"
        "    r = s.get(API + '/crm/v3/objects/contacts')\n"
        "    s.post(os.environ['SLACK_WEBHOOK'], json={})\n"
        "    return s.request('GET', r.json()['paging']['next']['link'])\n"
    )
    sites, text = tree(tmp_path, {"app.py": source})["app.py"]
    assert [s.status for s in sites] == [Status.REWRITE]
    assert "s.auth = lambda r, bearer=" in text and GUARD in text
    assert "hapikey" not in text
    compile(text, "app.py", "exec")


def test_a_session_made_in_a_with_statement_gets_the_hook_indented(tmp_path):
    source = HEAD + (
        "\n\ndef sync():\n"
        "    with requests.Session() as s:\n"
        f"        s.params = {KEYED}\n"
        "        r = s.get(API + '/crm/v3/objects/contacts')\n"
        "        return s.get(r.json()['paging']['next']['link'])\n"
    )
    sites, text = tree(tmp_path, {"app.py": source})["app.py"]
    assert [s.status for s in sites] == [Status.REWRITE]
    assert (
        '        s.auth = lambda r, bearer="Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]: (\n'
        "            r.headers.update(Authorization=bearer) or r\n"
        f"            {GUARD}\n"
        "            else r\n"
        "        )\n"
    ) in text


def test_the_hook_names_every_hubspot_api_host_the_requests_use(tmp_path):
    reader = READER + (
        "\n\ndef eu():\n"
        "    return hubspot.get('https://api-eu1.hubapi.com/crm/v3/owners')\n"
    )
    net = tree(tmp_path, {"net.py": NET, "reader.py": reader})["net.py"][1]
    assert 'hostname in ("api-eu1.hubapi.com", "api.hubapi.com")' in net


def test_other_params_of_the_session_stay(tmp_path):
    net = NET.replace('"]}', '"], "limit": 100}')
    net_after = tree(tmp_path, {"net.py": net, "reader.py": READER})["net.py"][1]
    assert 'hubspot.params = {"limit": 100}' in net_after and HOOK in net_after


# -- each condition of the hook: otherwise the site stays, with its reason --------


@pytest.mark.parametrize(
    "net, reason",
    [
        # a factory's session, a subclass, httpx: not requests.Session() made here
        (
            NET.replace("requests.Session()", "make()").replace(
                "import requests\n",
                "import requests\n\ndef make():\n    return requests.Session()\n",
            ),
            "hubspot is not made here by requests.Session()",
        ),
        (
            NET.replace(
                "hubspot = requests.Session()",
                "class S(requests.Session):\n    pass\n\n\nhubspot = S()",
            ),
            "hubspot is not made here by requests.Session()",
        ),
        (
            NET.replace("import requests", "import httpx").replace(
                "requests.Session()", "httpx.Client()"
            ),
            "hubspot is not made here by requests.Session()",
        ),
        # Python 2 code: no urllib.parse
        (NET + "print 'ready'\n", "this is Python 2 code"),
        # requests skips .netrc for a session with auth
        (NET + "import netrc\n", "reads .netrc or sets trust_env"),
        (NET + "hubspot.trust_env = False\n", "reads .netrc or sets trust_env"),
        # urlsplit is already a name here
        ("from urllib.parse import urlsplit\n" + NET, "names urlsplit already"),
        # its own request to a HubSpot path on a host known at run time
        (
            NET + "\n\ndef lists(base):\n"
            "    return hubspot.get(base + '/contacts/v1/lists')\n",
            "sends to a HubSpot endpoint on a host known only at run time",
        ),
    ],
)
def test_a_session_its_module_cannot_hook_stays(tmp_path, net, reason):
    files = {"net.py": net, "reader.py": READER}
    assert_whole(tree(tmp_path, files), files, reason)


@pytest.mark.parametrize(
    "extra, reason",
    [
        # a request's own auth= replaces the session's hook
        (
            "def owners():\n"
            "    return hubspot.get(API + '/crm/v3/owners', auth=('u', 'p'))\n",
            "already sends an Authorization header",
        ),
        # **kwargs may hold one
        (
            "def owners(**kw):\n    return hubspot.get(API + '/crm/v3/owners', **kw)\n",
            "**kwargs",
        ),
        # setting the session's auth replaces the hook
        (
            "def login(u, p):\n    setattr(hubspot, 'auth', (u, p))\n",
            "this module sets hubspot.auth",
        ),
        ("def login(u, p):\n    hubspot.auth = (u, p)\n", ""),
        # replacing its headers
        ("hubspot.headers = {}\n", "replace its headers"),
        # a HubSpot endpoint on a host known only at run time: the hook could not
        # tell it is HubSpot's
        (
            "def lists(base):\n    return hubspot.get(base + '/contacts/v1/lists')\n",
            "a URL known at run time",
        ),
    ],
)
def test_a_reader_the_hook_cannot_serve_keeps_everything(tmp_path, extra, reason):
    files = {"net.py": NET, "reader.py": READER + "\n\n" + extra}
    assert_whole(tree(tmp_path, files), files, reason)


@pytest.mark.parametrize(
    "url, where",
    [
        ("'https://hooks.slack.com/services/T0/B0/x'", "hooks.slack.com"),
        # a proxy may forward the key to HubSpot: it must not lose it
        ("'https://hubspot-proxy.example.com' + path", "hubspot-proxy.example.com"),
    ],
)
def test_a_host_written_in_the_code_gets_no_hook(tmp_path, url, where):
    """The hook is for URLs known only at run time: a request to another host
    written in the code keeps the session as it is (one module, and a reader)."""
    one = HEAD + (
        f"s = requests.Session()\ns.params = {KEYED}\n\n\n"
        "def sync(path, u):\n"
        "    s.get(API + '/crm/v3/objects/contacts')\n"
        "    s.get(u)\n"
        f"    return s.get({url})\n"
    )
    files = {"app.py": one}
    assert_whole(tree(tmp_path / "one", files), files, where)
    reader = READER + f"\n\ndef other(path):\n    return hubspot.get({url})\n"
    files = {"net.py": NET, "reader.py": reader}
    assert_whole(tree(tmp_path / "tree", files), files, where)


def test_one_module_a_request_giving_its_own_auth_keeps_the_session(tmp_path):
    source = HEAD + (
        f"s = requests.Session()\ns.params = {KEYED}\n\n\n"
        "def sync(u):\n"
        "    s.get(API + '/crm/v3/objects/contacts')\n"
        "    return s.get(u, auth=('a', 'b'))\n"
    )
    files = {"app.py": source}
    assert_whole(tree(tmp_path, files), files, "gives its own auth=")


def test_one_module_a_hubspot_path_on_a_host_known_at_run_time(tmp_path):
    """With the hook, a HubSpot endpoint on a host read at run time might not get
    the token: left. Without another host (no hook), the header goes as before."""
    body = (
        f"s = requests.Session()\ns.params = {KEYED}\n\n\n"
        "def sync(base, logo):\n"
        "    s.get(API + '/crm/v3/objects/contacts')\n"
        "    s.get(base + '/contacts/v1/lists')\n"
        "    return s.get(logo)\n"
    )
    files = {"app.py": HEAD + body}
    assert_whole(tree(tmp_path, files), files, "on a host known only at run time")
    plain = HEAD + body.replace("    return s.get(logo)\n", "")
    sites, text = tree(tmp_path, {"app.py": plain})["app.py"]
    assert [s.status for s in sites] == [Status.REWRITE]
    assert 's.headers["Authorization"]' in text


def test_a_session_whose_requests_name_no_hubspot_host_stays(tmp_path):
    """Only URLs known at run time: no host for the hook to keep the token to."""
    reader = "from net import hubspot\n\ndef image(url):\n    return hubspot.get(url).content\n"
    files = {"net.py": NET, "reader.py": reader}
    assert_whole(tree(tmp_path, files), files, "names HubSpot's API host")


def test_a_second_reader_that_cannot_take_the_hook_keeps_the_first(tmp_path):
    """One reader needs the hook, another module (whose requests all go to
    HubSpot) reads .netrc: the session, and every use, stay."""
    other = (
        "import netrc\nfrom net import hubspot\n\n"
        "def owners():\n"
        "    return hubspot.get('https://api.hubapi.com/crm/v3/owners')\n"
    )
    files = {"net.py": NET, "reader.py": READER, "other.py": other}
    out = tree(tmp_path, files)
    assert_whole(out, files, "so it gets requests' auth hook, which other.py:5")


def test_a_module_whose_own_request_goes_elsewhere_naming_no_hubspot_host_stays(
    tmp_path,
):
    """The defining module's own request needs the hook, and none of its own
    names HubSpot's host: its readers' hosts are not known when it decides."""
    net = NET + "\n\ndef image(url):\n    return hubspot.get(url).content\n"
    reader = (
        "from net import hubspot, API\n\n"
        "def owners():\n    return hubspot.get(API + '/crm/v3/owners')\n"
    )
    out = tree(tmp_path, {"net.py": net, "reader.py": reader})
    sites, text = out["net.py"]
    assert [s.status for s in sites] == [Status.MANUAL]
    assert "also sends to an unknown host" in sites[0].reason and text == net


# -- the harness: a key no longer leaked to another host ------------------------


def _request(url: str, method: str = "GET") -> Request:
    return Request("requests", method, url, (), None, ())


def test_the_harness_takes_a_key_no_longer_sent_to_another_host():
    before = _request("https://logo.example.net/a.png?size=1&hapikey=key-main")
    assert (
        pair_findings(before, _request("https://logo.example.net/a.png?size=1")) == []
    )
    # the key still sent there: untouched, as before
    assert pair_findings(before, before) == []
    # another parameter lost, or the token sent there: wrong
    assert pair_findings(before, _request("https://logo.example.net/a.png"))
    # a proxy to a HubSpot endpoint losing the key is a broken request
    proxy = _request("https://proxy.example.com/contacts/v1/lists?hapikey=key-main")
    assert pair_findings(proxy, _request("https://proxy.example.com/contacts/v1/lists"))
