"""The runner and its fakes on a small project made here: every transport is recorded
with its stack inside src/, SDK calls record their credential, nothing reaches the
network, endless loops end at the cap; and the environments the harness builds."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.behaviour.harness import REPO_ROOT, after_env, before_env, clean_environment
from tests.behaviour.records import CaseRun, case_run_from_dict

HUB = "https://api.hubapi.com"
APP = """
import http.client
import json
import os
import socket
import urllib.request

import requests


def with_requests():
    url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + os.environ["KEY"]
    return requests.get(url, params={"count": 2}).json()


def with_urllib():
    with urllib.request.urlopen("https://api.hubapi.com/owners/v2/owners?hapikey=k") as r:
        return json.load(r)


def with_http_client():
    conn = http.client.HTTPSConnection("api.hubapi.com")
    conn.request("POST", "/x?hapikey=k", body=json.dumps({"a": 1}),
                 headers={"Content-Type": "application/json"})
    return conn.getresponse().read()


def with_sdks(key):
    from hubspot import HubSpot
    from hubspot3.contacts import ContactsClient
    page = HubSpot(api_key=key).crm.contacts.basic_api.get_page(limit=5)
    assert not page.paging and list(page.results) == []
    return ContactsClient(access_token=key).get_all(), HubSpot(access_token=key).crm.owners.get()


def with_more_sdks(key):
    import hubspot
    from hubspot.crm.contacts import ApiException, SimplePublicObjectInput
    from hubspot3 import Hubspot3
    from hubspot3.pipelines import PipelineClient
    client = hubspot.Client.create(api_key=key)
    client.crm.contacts.basic_api.create(SimplePublicObjectInput(properties={"a": "1"}))
    Hubspot3(api_key=key).contacts.get_all()
    PipelineClient(api_key=key).get_pipelines("deals")
    try:
        client.crm.deals.basic_api.get_by_id("404")
    except ApiException as error:
        return error.status


def forever():
    while True:
        requests.get("https://api.hubapi.com/deals/v1/deal/paged?hapikey=k")


def raw_socket():
    socket.create_connection(("example.com", 443))


def with_hooks():
    import hooks
    requests.get("https://api.hubapi.com/a", auth=hooks.KeyAuth())
    opener = urllib.request.build_opener(hooks.KeyHandler())
    opener.open("https://api.hubapi.com/b").read()
"""

HOOKS = """
import urllib.request

import requests


class KeyAuth(requests.auth.AuthBase):
    def __call__(self, r):
        r.prepare_url(r.url, {"hapikey": "k"})
        return r


class KeyHandler(urllib.request.BaseHandler):
    def https_request(self, req):
        req.full_url += "?hapikey=k"
        return req
"""

SCENARIO = """
ENV = {"KEY": "key-main"}
RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 7}]},
    {"url": r"owners\\.get", "json": {"results": [{"id": "1"}]}},
    {"method": "SDK", "url": r"get_by_id", "status": 404},
]

def case_transports(credential):
    import app
    assert app.with_requests() == {}
    assert app.with_urllib() == [{"ownerId": 7}]
    assert app.with_http_client() == b"{}"

def case_sdks(credential):
    import app
    contacts, owners = app.with_sdks(credential("acme"))
    assert owners.results[0].id == "1"

def case_more_sdks(credential):
    import app
    assert app.with_more_sdks(credential("acme")) == 404

def case_forever(credential):
    import app
    app.forever()

def case_socket(credential):
    import app
    app.raw_socket()

def case_hooks(credential):
    import app
    app.with_hooks()
"""


def where(source: str, snippet: str, file: str = "app.py") -> str:
    """``file:line`` of the first line of ``source`` holding ``snippet``."""
    lines = textwrap.dedent(source).splitlines()
    return f"{file}:{next(n for n, text in enumerate(lines, 1) if snippet in text)}"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("project")
    (root / "src").mkdir()
    (root / "src" / "app.py").write_text(textwrap.dedent(APP))
    (root / "src" / "hooks.py").write_text(textwrap.dedent(HOOKS))
    (root / "scenario.py").write_text(textwrap.dedent(SCENARIO))
    return root


def run_case(
    project: Path, case: str, phase: str = "before", cap: int = 300
) -> CaseRun:
    out = project / f"{case}.{phase}.json"
    env = clean_environment(str(project), {"KEY": "key-main"})
    command = [sys.executable, "-m", "tests.behaviour.runner", "run"]
    command += [
        str(project / "src"),
        str(project / "scenario.py"),
        case,
        phase,
        str(out),
    ]
    command += ["--cap", str(cap)]
    subprocess.run(command, cwd=REPO_ROOT, env=env, check=True, timeout=60)
    return case_run_from_dict(json.loads(out.read_text()))


def test_every_transport_is_recorded_with_its_stack(project: Path) -> None:
    result = run_case(project, "case_transports")
    assert result.error is None, result.error
    seen = [(r.transport, r.method, r.url, r.where) for r in result.requests]
    assert seen == [
        (
            "requests",
            "GET",
            f"{HUB}/contacts/v1/lists/all/contacts/all?hapikey=key-main&count=2",
            where(APP, "requests.get(url"),
        ),
        ("urllib", "GET", f"{HUB}/owners/v2/owners?hapikey=k", where(APP, "urlopen(")),
        ("http.client", "POST", f"{HUB}/x?hapikey=k", where(APP, "getresponse")),
    ]
    posted = result.requests[2]
    assert posted.body == '{"a": 1}'
    assert posted.header_values("content-type") == ("application/json",)


def test_sdk_calls_record_their_credential(project: Path) -> None:
    result = run_case(project, "case_sdks", phase="after")
    assert result.error is None, result.error
    calls = [
        (r.sdk_call, r.url, r.header_values("authorization")) for r in result.requests
    ]
    assert calls == [
        (
            "hubspot:crm.contacts.basic_api.get_page",
            "https://api.hubapi.com/__sdk__/hubspot/crm.contacts.basic_api.get_page"
            "?hapikey=tok-acme",
            (),
        ),
        (
            "hubspot3:ContactsClient.get_all",
            "https://api.hubapi.com/__sdk__/hubspot3/ContactsClient.get_all",
            ("Bearer tok-acme",),
        ),
        (
            "hubspot:crm.owners.get",
            "https://api.hubapi.com/__sdk__/hubspot/crm.owners.get",
            ("Bearer tok-acme",),
        ),
    ]
    assert json.loads(result.requests[0].body or "") == {
        "args": [],
        "kwargs": {"limit": 5},
    }


def test_sdk_clients_made_every_way_and_their_exceptions(project: Path) -> None:
    result = run_case(project, "case_more_sdks")
    assert result.error is None, result.error
    assert [(r.sdk_call, r.url.rsplit("?", 1)[-1]) for r in result.requests] == [
        ("hubspot:crm.contacts.basic_api.create", "hapikey=key-acme"),
        ("hubspot3:contacts.get_all", "hapikey=key-acme"),
        ("hubspot3:PipelineClient.get_pipelines", "hapikey=key-acme"),
        ("hubspot:crm.deals.basic_api.get_by_id", "hapikey=key-acme"),
    ]
    model = {
        "__model__": "SimplePublicObjectInput",
        "args": [],
        "properties": {"a": "1"},
    }
    assert json.loads(result.requests[0].body or "")["args"] == [model]


def test_an_endless_loop_ends_at_the_cap(project: Path) -> None:
    result = run_case(project, "case_forever", cap=5)
    assert (len(result.requests), result.capped, result.error) == (5, True, None)


def test_sockets_are_refused_and_recorded(project: Path) -> None:
    result = run_case(project, "case_socket")
    assert [r.url for r in result.requests] == ["tcp://example.com:443"]
    assert result.error is not None and result.error.type == "NetworkDisabled"
    assert result.error.where == where(APP, "create_connection")


def test_hooks_a_library_runs_for_a_request_are_its_callbacks(project: Path) -> None:
    result = run_case(project, "case_hooks")
    assert result.error is None, result.error
    seen = [(r.url, r.where, [str(f) for f in r.callbacks]) for r in result.requests]
    hook = where(HOOKS, "def __call__", "hooks.py")
    handler = where(HOOKS, "def https_request", "hooks.py")
    assert seen == [
        ("https://api.hubapi.com/a?hapikey=k", where(APP, "KeyAuth()"), [hook]),
        ("https://api.hubapi.com/b?hapikey=k", where(APP, "opener.open"), [handler]),
    ]


def test_httpx_is_recorded(project: Path, tmp_path: Path) -> None:
    pytest.importorskip("httpx")
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "hx.py").write_text(
        "import httpx\n\ndef get():\n"
        "    return httpx.get('https://api.hubapi.com/a', params={'hapikey': 'k'}).json()\n"
    )
    (tmp_path / "scenario.py").write_text(
        "def case_httpx(credential):\n    import hx\n    assert hx.get() == {}\n"
    )
    result = run_case(tmp_path, "case_httpx")
    assert result.error is None, result.error
    assert [(r.transport, r.url, r.where) for r in result.requests] == [
        ("httpx", "https://api.hubapi.com/a?hapikey=k", "hx.py:4")
    ]


def test_after_environment_drops_portal_keys_only() -> None:
    env = {"HUBSPOT_API_KEY": "key-main", "DEV": "devkey-app", "OAUTH": "oauth-u"}
    case_env = {"SECOND": "key-second"}
    assert before_env(env, case_env) == {**env, **case_env}
    assert after_env(env, case_env, keep_keys=False) == {
        "DEV": "devkey-app",
        "OAUTH": "oauth-u",
        "HUBSPOT_ACCESS_TOKEN": "tok-main",
    }
    kept = after_env(env, case_env, keep_keys=True)
    assert kept == {**env, **case_env, "HUBSPOT_ACCESS_TOKEN": "tok-main"}
