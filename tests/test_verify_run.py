"""`hapimigrate verify run -- COMMAND`: the user's own command, run with the
interposer, against the local HubSpot stand-in (or with HTTP mocked as test suites
do). Violations are reported at the file and line of the code that made the
request; the command's own status passes through otherwise; what was seen goes to
--observed, which `report --observed` merges."""

from __future__ import annotations

import ast
import json
import os
import shutil
import sys
import textwrap

import pytest

from hapimigrate.verify import interposer, retired
from hapimigrate.verify.interposer import _hapimigrate_interposer as watcher
from hapimigrate.verify.retired import Retirement
from tests.conftest import FIXTURES, ROOT, invoke
from tests.hubspot_standin import StandIn

TOKEN = "pat-na1-verify-run-token"
LEGACY_KEY = "legacy-portal-key-0000"
DEVELOPER_KEY = "developer-key-1111"
PYTEST = (sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider")
DRIVER = textwrap.dedent("""\
    from legacy_crm import sync


    def test_the_sync_job_runs():
        summary = sync.run()
        assert summary["deal"] == 7 and summary["contact"] == 51
    """)


@pytest.fixture(autouse=True)
def no_retirements():
    """The lifecycle data says what is retired today; these tests say it themselves."""
    with retired.use(retired.from_patterns([])):
        yield


@pytest.fixture
def standin():
    with StandIn(TOKEN, DEVELOPER_KEY) as running:
        yield running


@pytest.fixture
def env(monkeypatch, standin):
    monkeypatch.setenv("HUBSPOT_BASE_URL", standin.url)
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", TOKEN)
    monkeypatch.setenv("HUBSPOT_API_KEY", LEGACY_KEY)
    monkeypatch.setenv("HUBSPOT_DEVELOPER_API_KEY", DEVELOPER_KEY)
    return standin


@pytest.fixture
def app(tmp_path):
    """The bundled legacy app, migrated, with a test of its own."""
    target = tmp_path / "app"
    shutil.copytree(os.path.join(FIXTURES, "app"), target)
    applied = invoke("apply", "app", cwd=tmp_path)
    assert applied.exit_code == 0, applied.output
    (target / "tests_sync").mkdir()
    (target / "tests_sync" / "test_sync.py").write_text(DRIVER)
    return target


def watch(standin, *args, cwd):
    host = standin.url.split("//", 1)[1]
    return invoke("verify", "run", "--hubspot-host", host, *args, cwd=cwd)


def line_of(path, marker: str) -> int:
    """The line holding ``marker`` (a comment beside the call)."""
    lines = open(path, encoding="utf-8").read().splitlines()
    [number] = [n for n, line in enumerate(lines, 1) if line.rstrip().endswith(marker)]
    return number


def violations(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": violation: " in line]


# --- the migrated app, and a half-migrated one -----------------------------------------


def test_a_migrated_app_whose_tests_pass_passes(app, env):
    standin = env
    result = watch(
        standin, "--observed", "observed.json", "--", *PYTEST, "tests_sync", cwd=app
    )
    assert result.exit_code == 0, result.output
    assert violations(result) == []
    assert "hapimigrate: no violation (the command exited 0)" in result.stderr
    assert "10 HubSpot requests to 10 endpoints" in result.stderr
    # the interposer sent nothing itself: the app's ten calls, as without it
    assert len(standin.seen) == 10
    assert all(LEGACY_KEY not in s.raw for s in standin.seen)
    observed = json.loads((app / "observed.json").read_text())
    assert observed["processes"] >= 1
    assert {"requests", "http.client"} <= set(observed["layers"])
    calls = {(c["method"], c["endpoint"]) for c in observed["calls"]}
    assert ("PUT", "/deals/v1/deal/{}") in calls
    assert ("GET", "/owners/v2/owners") in calls
    assert ("GET", "/webhooks/v1/{}/subscriptions") in calls  # developer key: fine
    [owners] = [c for c in observed["calls"] if c["endpoint"] == "/owners/v2/owners"]
    assert owners["layers"] == ["http.client"]  # urllib.request
    where = owners["stacks"][0][0]
    assert where["path"] == os.path.join("legacy_crm", "owners.py")
    assert where["function"] == "list_owners"
    assert observed["violations"] == []


def test_a_half_migrated_app_fails_at_the_line_that_still_sends_the_key(app, env):
    for name in ("contacts.py", "settings.py"):  # settings: it still reads the key
        original = os.path.join(FIXTURES, "app", "legacy_crm", name)
        shutil.copy(original, app / "legacy_crm" / name)
    result = watch(env, "--", *PYTEST, "tests_sync", cwd=app)
    assert result.exit_code == 1
    [line] = violations(result)
    where = os.path.join("legacy_crm", "contacts.py")
    assert line.startswith(
        f"{where}:12: violation: GET /contacts/v1/contact/vid/{{}}/profile: "
    )
    assert "sends hapikey (the old API key) in the URL" in line
    assert "sends no Authorization: Bearer header" in line
    assert "hapimigrate: 1 violation (the command exited 1)" in result.stderr
    assert LEGACY_KEY not in result.stderr


# --- every library, at the line that made the request -----------------------------------

CLIENTS = textwrap.dedent("""\
    import asyncio
    import http.client
    import os
    import urllib.request

    import httpx
    import requests
    import urllib3

    BASE = os.environ["HUBSPOT_BASE_URL"]
    KEY = os.environ["HUBSPOT_API_KEY"]


    def with_requests():
        requests.get(BASE + "/crm/v3/objects/contacts?hapikey=" + KEY)  # <- requests


    def with_httpx():
        httpx.get(BASE + "/crm/v3/objects/deals", params={"hapikey": KEY})  # <- httpx


    async def with_httpx_async():
        async with httpx.AsyncClient() as client:
            await client.get(BASE + "/crm/v3/objects/companies?hapikey=" + KEY)  # <- async


    def with_urllib():
        try:
            urllib.request.urlopen(BASE + "/crm/v3/owners?hapikey=" + KEY)  # <- urllib
        except OSError:
            pass


    def with_http_client():
        conn = http.client.HTTPConnection(BASE.split("//")[1])
        conn.request("GET", "/crm/v3/objects/tickets?hapikey=" + KEY)  # <- http.client
        conn.getresponse().read()


    def with_urllib3():
        urllib3.PoolManager().request("GET", BASE + "/crm/v3/objects/products?hapikey=" + KEY)  # <- urllib3


    with_requests()
    with_httpx()
    asyncio.run(with_httpx_async())
    with_urllib()
    with_http_client()
    with_urllib3()
    """)


def test_each_library_is_watched_and_blamed_at_the_calling_line(tmp_path, env):
    script = tmp_path / "clients.py"
    script.write_text(CLIENTS)
    result = watch(
        env, "--observed", "o.json", "--", sys.executable, "clients.py", cwd=tmp_path
    )
    assert result.exit_code == 1, result.output
    found = violations(result)
    expected = {
        "requests": "GET /crm/v3/objects/contacts",
        "httpx": "GET /crm/v3/objects/deals",
        "async": "GET /crm/v3/objects/companies",
        "urllib": "GET /crm/v3/owners",
        "http.client": "GET /crm/v3/objects/tickets",
        "urllib3": "GET /crm/v3/objects/products",
    }
    for marker, call in expected.items():
        prefix = f"clients.py:{line_of(script, '# <- ' + marker)}: violation: {call}: "
        assert [line for line in found if line.startswith(prefix)], (marker, found)
    assert len(found) == 6  # each request seen once, by its outermost layer
    layers = {
        c["endpoint"]: c["layers"]
        for c in json.loads((tmp_path / "o.json").read_text())["calls"]
    }
    assert layers["/crm/v3/objects/deals"] == ["httpx"]
    assert layers["/crm/v3/owners"] == ["http.client"]
    assert layers["/crm/v3/objects/products"] == ["urllib3"]


KINDS = textwrap.dedent("""\
    import os

    import requests

    BASE = os.environ["HUBSPOT_BASE_URL"]
    OLD = os.environ["MY_OLD_KEY"]
    GOOD = {"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}

    requests.post(BASE + "/crm/v3/objects/notes", json={"key": OLD}, headers=GOOD)  # <- body
    requests.get(BASE + "/crm/v3/objects/calls", headers={"Authorization": "Bearer " + OLD})  # <- bearer
    requests.get(BASE + "/crm/v3/objects/emails", headers={"Authorization": f"Bearer {None}"})  # <- empty
    requests.get(BASE + "/crm/v3/objects/meetings?access_token=abc123")  # <- access
    requests.get(BASE + "/crm/v3/objects/tasks", headers={"Authorization": "Basic eDp5"})  # <- basic
    requests.get(BASE + "/webhooks/v3/123/subscriptions?hapikey=" + os.environ["HUBSPOT_DEVELOPER_API_KEY"])
    requests.post(BASE + "/submissions/v3/integration/submit/1/abc", json={"fields": []})
    requests.post(BASE + "/oauth/v1/token", data={"grant_type": "refresh_token"})
    requests.get(BASE + "/crm/objects/2026-03/contacts", headers=GOOD)
    """)


def test_what_counts_as_a_violation(tmp_path, env, monkeypatch):
    monkeypatch.setenv("MY_OLD_KEY", LEGACY_KEY)
    script = tmp_path / "kinds.py"
    script.write_text(KINDS)
    result = watch(
        env,
        "--old-key-env",
        "MY_OLD_KEY",
        "--",
        sys.executable,
        "kinds.py",
        cwd=tmp_path,
    )
    assert result.exit_code == 1
    found = violations(result)
    expected = {
        "body": "sends the old API key in the body",
        "bearer": "sends the old API key as the Bearer token",
        "empty": "sends an empty Bearer token",
        "access": "sends access_token in the URL",
        "basic": "sends an Authorization header that is not Bearer",
    }
    for marker, message in expected.items():
        prefix = f"kinds.py:{line_of(script, '# <- ' + marker)}: violation: "
        assert [l for l in found if l.startswith(prefix) and message in l], (
            marker,
            found,
        )
    # developer-key endpoints, form submissions, OAuth's own endpoints, a good call
    assert len(found) == 5
    assert "9 HubSpot requests" in result.stderr
    assert LEGACY_KEY not in result.output


# --- exit status ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, status",
    [
        ("import sys; sys.exit(3)", 3),
        ("pass", 0),
        ("import os, signal; os.kill(os.getpid(), signal.SIGTERM)", 128 + 15),
    ],
)
def test_the_commands_own_status_passes_through(tmp_path, env, code, status):
    result = watch(env, "--", sys.executable, "-c", code, cwd=tmp_path)
    assert result.exit_code == status
    assert "0 HubSpot requests" in result.stderr
    assert f"no violation (the command exited {status})" in result.stderr


def test_nothing_watched_is_an_error_not_a_pass(tmp_path, env):
    result = watch(env, "--", sys.executable, "-I", "-c", "pass", cwd=tmp_path)
    assert result.exit_code == 2
    assert "no Python process loaded the interposer" in result.stderr


def test_a_command_that_does_not_exist(tmp_path, env):
    result = watch(env, "--", "no-such-command-for-hapimigrate", cwd=tmp_path)
    assert result.exit_code == 127
    assert "no-such-command-for-hapimigrate: command not found" in result.stderr


def test_quiet_prints_violations_only(tmp_path, env):
    (tmp_path / "one.py").write_text(
        "import os, requests\n"
        "requests.get(os.environ['HUBSPOT_BASE_URL'] + '/crm/v3/objects/contacts')\n"
    )
    result = watch(env, "-q", "--", sys.executable, "one.py", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "one.py:2: violation: GET /crm/v3/objects/contacts: "
        "sends no Authorization: Bearer header"
    ]


def test_child_processes_are_watched_and_a_users_sitecustomize_still_runs(
    tmp_path, env, monkeypatch
):
    own = tmp_path / "own_site"
    own.mkdir()
    (own / "sitecustomize.py").write_text(
        "import os\nopen(os.environ['MARKER'], 'a').write('ran\\n')\n"
    )
    monkeypatch.setenv("PYTHONPATH", str(own))
    monkeypatch.setenv("MARKER", str(tmp_path / "marker"))
    (tmp_path / "child.py").write_text(
        "import os, urllib.request\n"
        "try:\n"
        "    urllib.request.urlopen(os.environ['HUBSPOT_BASE_URL'] + '/crm/v3/objects/deals')\n"
        "except OSError:\n"
        "    pass\n"
    )
    (tmp_path / "parent.py").write_text(
        "import subprocess, sys\nsys.exit(subprocess.call([sys.executable, 'child.py']))\n"
    )
    result = watch(env, "--", sys.executable, "parent.py", cwd=tmp_path)
    assert result.exit_code == 1
    assert "from 2 Python processes" in result.stderr
    [line] = violations(result)
    assert line.startswith("child.py:3: violation: GET /crm/v3/objects/deals")
    assert (tmp_path / "marker").read_text() == "ran\nran\n"


# --- retired endpoints ----------------------------------------------------------------------

OWNERS_V2 = Retirement(
    "Owners v2", retired.RETIRED, "2025-03-24", "GET /crm/owners/2026-03"
)


def test_a_retired_endpoint_is_a_violation(app, env):
    stub = retired.from_patterns([(r"^/owners/v2/", None, OWNERS_V2)])
    with retired.use(stub):
        result = watch(env, "--", *PYTEST, "tests_sync", cwd=app)
    assert result.exit_code == 1  # the app's own tests pass: the stand-in answers
    [line] = violations(result)
    owners = app / "legacy_crm" / "owners.py"
    where = os.path.join("legacy_crm", "owners.py")
    number = _first_call_line(owners, "list_owners")
    assert line == (
        f"{where}:{number}: violation: GET /owners/v2/owners: calls a retired endpoint: "
        "Owners v2 (retired 2025-03-24); call GET /crm/owners/2026-03 instead"
    )


def _first_call_line(path, function: str) -> int:
    """The line of the first call to urlopen inside ``function``."""
    tree = ast.parse(path.read_text())
    [node] = [
        n
        for n in ast.walk(tree)
        if isinstance(n, ast.FunctionDef) and n.name == function
    ]
    calls = [
        n.lineno
        for n in ast.walk(node)
        if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "urlopen"
    ]
    return min(calls)


def test_an_endpoint_with_a_date_ahead_is_a_warning(app, env):
    pipelines = Retirement("Deals v1", retired.SUNSETTING, "2026-12-04")
    with retired.use(
        retired.from_patterns([(r"^/deals/v1/deal/\{\}$", "PUT", pipelines)])
    ):
        result = watch(env, "--", *PYTEST, "tests_sync", cwd=app)
    assert result.exit_code == 0, result.output
    [line] = [l for l in result.stderr.splitlines() if ": warning: " in l]
    assert (
        "PUT /deals/v1/deal/{}: calls an endpoint HubSpot retires on 2026-12-04: Deals v1"
        in line
    )


def test_the_default_source_is_the_packages_lifecycle_data(monkeypatch):
    monkeypatch.setenv("HAPIMIGRATE_TODAY", "2026-11-29")
    owners = retired.lifecycle_source("GET", "/owners/v2/owners")
    assert owners is not None and owners.status == retired.RETIRED
    assert owners.date == "2025-03-24"
    pipelines = retired.lifecycle_source("GET", "/crm-pipelines/v1/pipelines/deals")
    assert pipelines is not None and pipelines.status == retired.SUNSETTING
    assert retired.lifecycle_source("GET", "/crm/objects/2026-03/contacts") is None
    # unsupported from September 2027: works today, not a retirement
    assert retired.lifecycle_source("GET", "/deals/v1/deal/{}") is None


# --- mocked HTTP: the layers wrapped are above the mocks ---------------------------------

MOCKED = textwrap.dedent("""\
    import os
    from unittest import mock

    import httpx
    import requests
    import requests.adapters

    KEY = os.environ["HUBSPOT_API_KEY"]
    HUB = "https://api.hubapi.com"


    def fake_send(adapter, request, **kwargs):  # what `responses` puts in place
        response = requests.Response()
        response.status_code, response._content, response.url = 200, b"{}", request.url
        return response


    with mock.patch.object(requests.adapters.HTTPAdapter, "send", fake_send):
        requests.get(HUB + "/crm/v3/objects/contacts?hapikey=" + KEY)  # <- adapter

    client = httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json={})))
    client.get(HUB + "/crm/v3/objects/deals", params={"hapikey": KEY})  # <- transport
    """)


def test_requests_mocked_below_the_watched_layer_are_seen(tmp_path, env):
    script = tmp_path / "mocked.py"
    script.write_text(MOCKED)
    result = watch(env, "--", sys.executable, "mocked.py", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    found = violations(result)
    for marker in ("adapter", "transport"):
        assert [
            l
            for l in found
            if l.startswith(f"mocked.py:{line_of(script, '# <- ' + marker)}:")
        ]
    assert len(found) == 2
    assert env.seen == []  # mocked: nothing reached a server


MOCK_LIBRARIES = {
    "responses": """\
        import os, requests, responses
        with responses.RequestsMock() as mocked:
            mocked.get("https://api.hubapi.com/crm/v3/objects/contacts", json={})
            requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": os.environ["HUBSPOT_API_KEY"]})  # <- call
        """,
    "requests_mock": """\
        import os, requests, requests_mock
        with requests_mock.Mocker() as mocked:
            mocked.get("https://api.hubapi.com/crm/v3/objects/contacts", json={})
            requests.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": os.environ["HUBSPOT_API_KEY"]})  # <- call
        """,
    "respx": """\
        import os, httpx, respx
        with respx.mock:
            respx.get("https://api.hubapi.com/crm/v3/objects/contacts").respond(json={})
            httpx.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": os.environ["HUBSPOT_API_KEY"]})  # <- call
        """,
    "aioresponses": """\
        import asyncio, os, aiohttp
        from aioresponses import aioresponses

        async def main():
            async with aiohttp.ClientSession() as session:
                with aioresponses() as mocked:
                    mocked.get("https://api.hubapi.com/crm/v3/objects/contacts?hapikey=" + os.environ["HUBSPOT_API_KEY"], payload={})
                    await session.get("https://api.hubapi.com/crm/v3/objects/contacts", params={"hapikey": os.environ["HUBSPOT_API_KEY"]})  # <- call

        asyncio.run(main())
        """,
}


@pytest.mark.parametrize("library", sorted(MOCK_LIBRARIES))
def test_test_suites_mocking_http_are_watched(tmp_path, env, library):
    pytest.importorskip(library)
    script = tmp_path / "suite.py"
    script.write_text(textwrap.dedent(MOCK_LIBRARIES[library]))
    result = watch(env, "--", sys.executable, "suite.py", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    [line] = violations(result)
    number = line_of(script, "# <- call")
    assert line.startswith(
        f"suite.py:{number}: violation: GET /crm/v3/objects/contacts: "
    )
    assert "sends hapikey (the old API key) in the URL" in line


def test_aiohttp_requests_are_watched(tmp_path, env):
    pytest.importorskip("aiohttp")
    script = tmp_path / "aio.py"
    script.write_text(textwrap.dedent("""\
            import asyncio, os
            import aiohttp

            BASE = os.environ["HUBSPOT_BASE_URL"]


            async def main():
                async with aiohttp.ClientSession(headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}) as session:
                    async with session.get(BASE + "/crm/objects/2026-03/contacts") as good:
                        await good.read()
                async with aiohttp.ClientSession() as bare:
                    async with bare.get(BASE + "/crm/objects/2026-03/deals") as bad:  # <- bare
                        await bad.read()


            asyncio.run(main())
            """))
    result = watch(env, "--", sys.executable, "aio.py", cwd=tmp_path)
    assert result.exit_code == 1, result.output
    [line] = violations(result)
    assert line == (
        f"aio.py:{line_of(script, '# <- bare')}: violation: GET /crm/objects/2026-03/deals: "
        "sends no Authorization: Bearer header"
    )
    assert "2 HubSpot requests" in result.stderr


# --- what was seen, merged into the report ---------------------------------------------

LEGACY = textwrap.dedent("""\
    import os

    import requests

    KEY = os.environ["HUBSPOT_API_KEY"]
    BASE = "https://api.hubapi.com"
    PATHS = {"contacts": "/crm/v3/objects/contacts", "deals": "/crm/v3/objects/deals"}


    def fetch(kind):
        return requests.get(BASE + PATHS[kind], params={"hapikey": KEY})
    """)
SDK = textwrap.dedent("""\
    import requests


    class HubSpot:
        def __init__(self, api_key=None, access_token=None):
            self.api_key = api_key

        def deals(self):
            return requests.get("https://api.hubapi.com/crm/v3/objects/deals", params={"hapikey": self.api_key})
    """)
SDK_USER = textwrap.dedent("""\
    import os

    from hubspot import HubSpot

    api = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])


    def deals():
        return api.deals()
    """)
MOCKED_SUITE = textwrap.dedent("""\
    from unittest import mock

    import requests
    import requests.adapters

    import legacy
    import sdk_user


    def fake_send(adapter, request, **kwargs):
        response = requests.Response()
        response.status_code, response._content, response.url = 200, b"{}", request.url
        return response


    def test_fetch_and_deals():
        with mock.patch.object(requests.adapters.HTTPAdapter, "send", fake_send):
            assert legacy.fetch("contacts").status_code == 200
            assert sdk_user.deals().status_code == 200
    """)


@pytest.fixture
def legacy_tree(tmp_path, monkeypatch):
    (tmp_path / "legacy.py").write_text(LEGACY)
    (tmp_path / "sdk_user.py").write_text(SDK_USER)
    sdk = tmp_path / "vendor" / "site-packages" / "hubspot"  # an installed SDK
    sdk.mkdir(parents=True)
    (sdk / "__init__.py").write_text(SDK)
    (tmp_path / "test_legacy.py").write_text(MOCKED_SUITE)
    monkeypatch.setenv("PYTHONPATH", str(sdk.parent))
    return tmp_path


def test_observed_calls_resolve_the_reports_unknown_endpoints(legacy_tree, env):
    before = json.loads(
        invoke(
            "report", "--format", "json", "legacy.py", "sdk_user.py", cwd=legacy_tree
        ).stdout
    )
    assert {u["reason"] for u in before["unknown_endpoints"]} == {
        "the endpoint is built at run time",
        "SDK client: the scopes depend on the API methods the code calls",
    }
    ran = watch(
        env,
        "--observed",
        "observed.json",
        "--",
        *PYTEST,
        "test_legacy.py",
        cwd=legacy_tree,
    )
    assert ran.exit_code == 1  # unmigrated: it still sends hapikey
    assert len(violations(ran)) == 2
    observed = json.loads((legacy_tree / "observed.json").read_text())
    [deals] = [c for c in observed["calls"] if c["endpoint"] == "/crm/v3/objects/deals"]
    assert deals["sdk"] == "hubspot-api-client"
    assert LEGACY_KEY not in (legacy_tree / "observed.json").read_text()

    merged = invoke(
        "report",
        "--format",
        "json",
        "--observed",
        "observed.json",
        "legacy.py",
        "sdk_user.py",
        cwd=legacy_tree,
    )
    assert merged.exit_code == 0, merged.output
    after = json.loads(merged.stdout)
    assert after["unknown_endpoints"] == []
    calls = {
        site["path"]: [(c["method"], c["endpoint"], c["scopes"]) for c in site["calls"]]
        for site in after["sites"]
    }
    assert ("GET", "/crm/v3/objects/contacts", ["crm.objects.contacts.read"]) in calls[
        "legacy.py"
    ]
    assert calls["sdk_user.py"] == [
        ("GET", "/crm/v3/objects/deals", ["crm.objects.deals.read"])
    ]
    assert {"crm.objects.contacts.read", "crm.objects.deals.read"} <= set(
        after["scopes"]
    )

    text = invoke("report", "--observed", "observed.json", "legacy.py", cwd=legacy_tree)
    assert "/crm/v3/objects/contacts" in text.stdout


def test_verify_token_compares_with_what_was_observed(legacy_tree, env, monkeypatch):
    from tests.hubspot_standin import Grant

    ran = watch(
        env,
        "--observed",
        "observed.json",
        "--",
        *PYTEST,
        "test_legacy.py",
        cwd=legacy_tree,
    )
    assert ran.exit_code == 1
    token = "pat-na1-observed-0000"
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", token)
    grants = {token: Grant(scopes=("crm.objects.contacts.read",))}
    with StandIn("unused", "dev", grants=grants) as introspection:
        result = invoke(
            "verify",
            "token",
            "--api-base",
            introspection.url,
            "--observed",
            "observed.json",
            cwd=legacy_tree,
        )
    assert result.exit_code == 1, result.output
    assert "MISSING  crm.objects.deals.read" in result.stdout
    assert "sdk_user.py:9 GET /crm/v3/objects/deals" in result.stdout


def test_an_observed_file_that_is_not_one_is_a_usage_error(tmp_path):
    (tmp_path / "o.json").write_text('{"version": 1}')
    (tmp_path / "a.py").write_text("x = 1\n")
    result = invoke("report", "--observed", "o.json", "a.py", cwd=tmp_path)
    assert result.exit_code == 2
    assert "not a file written by `verify run --observed`" in result.output


# --- the interposer itself ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, template",
    [
        ("/deals/v1/deal/7", "/deals/v1/deal/{}"),
        (
            "/contacts/v1/contact/email/ada@example.com/profile",
            "/contacts/v1/contact/email/{}/profile",
        ),
        (
            "/crm/objects/2026-03/contacts/batch/read",
            "/crm/objects/2026-03/contacts/batch/read",
        ),
        (
            "/oauth/v1/access-tokens/CJSPabcdefghijklmnopqrstuvwxyz",
            "/oauth/v1/access-tokens/{}",
        ),
        (
            "/companies/v2/domains/example.com/companies",
            "/companies/v2/domains/{}/companies",
        ),
        ("/crm/v3/objects/2-1234567/search", "/crm/v3/objects/{}/search"),
        ("", "/"),
    ],
)
def test_values_in_paths_are_never_written_down(path, template):
    assert watcher.template_path(path) == template


def test_hubspot_hosts():
    seen = watcher.Watcher(
        "/nowhere", watcher.DEFAULT_HOST_PATTERN, ["127.0.0.1:8080", "[::1]:9"], []
    )
    assert seen.is_hubspot("api.hubapi.com", None)
    assert seen.is_hubspot("API.HubSpot.com.", 443)
    assert seen.is_hubspot("api.hsforms.com", None)
    assert seen.is_hubspot("127.0.0.1", 8080)
    assert seen.is_hubspot("::1", 9)
    assert not seen.is_hubspot("127.0.0.1", 8081)
    assert not seen.is_hubspot("api.hubapi.com.example.org", None)
    assert not seen.is_hubspot("nothubapi.com", None)


def test_the_host_rule_is_the_packages(monkeypatch):
    from hapimigrate.hubspot.urls import HUBSPOT_HOST
    from hapimigrate.verify import run

    env = run.environment({}, "/tmp/x", ("Stand.In:1",), ("A",))
    assert env[run.HOST_PATTERN_ENV] == HUBSPOT_HOST.pattern
    assert json.loads(env[run.HOSTS_ENV]) == ["stand.in:1"]
    assert env["PYTHONPATH"] == interposer.DIRECTORY
    assert run.environment({"PYTHONPATH": "a"}, "/x")["PYTHONPATH"] == (
        interposer.DIRECTORY + os.pathsep + "a"
    )


ALLOWED = {
    "_hapimigrate_interposer.py": {
        "contextvars",
        "functools",
        "json",
        "os",
        "re",
        "sys",
        "urllib.parse",
    },
    "sitecustomize.py": {
        "os",
        "sys",
        "importlib.machinery",
        "importlib.util",
        "_hapimigrate_interposer",
    },
    "__init__.py": {"__future__", "os"},
}


@pytest.mark.parametrize("name", sorted(ALLOWED))
def test_the_interposer_can_send_nothing(name):
    """Standard library only, and nothing that opens a connection: it writes
    files and nothing else."""
    tree = ast.parse(open(os.path.join(interposer.DIRECTORY, name)).read())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    assert imported <= ALLOWED[name]
    assert not {"socket", "http.client", "urllib.request", "ssl"} & imported


def test_the_package_never_imports_the_tests():
    package = os.path.join(ROOT, "hapimigrate", "verify")
    for folder, _, files in os.walk(package):
        for name in files:
            if name.endswith(".py"):
                text = open(os.path.join(folder, name), encoding="utf-8").read()
                assert "from tests" not in text and "import tests" not in text, name
