"""The shapes of hand-written clients (issue #12, items 1-3), migrated and run:
wrappers passing their own ``**kwargs`` (the header is merged into what the
callers hand in), "add the key if missing" guards, class attributes sent by the
class's methods. A dict that leaves the wrapper keeps its site manual."""

from __future__ import annotations

import sys
import types

import pytest

from hapimigrate.model import Status
from tests.conftest import migrate

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_ACCESS_TOKEN": "tok-main"}


class Recorder:
    """A stand-in for ``requests``: records what each request sends."""

    def __init__(self) -> None:
        self.sent: list[dict] = []

    def request(self, method, url, params=None, headers=None, **rest):
        self.sent.append(
            {"method": method, "url": url, "params": dict(params or {}),
             "headers": dict(headers or {}), **rest}  # fmt: skip
        )
        return types.SimpleNamespace(json=lambda: {})

    def get(self, url, **kw):
        return self.request("GET", url, **kw)

    def post(self, url, **kw):
        return self.request("POST", url, **kw)

    def Session(self):
        return self


def run(source: str, calls: str, monkeypatch) -> list[dict]:
    recorder = Recorder()
    fake = types.ModuleType("requests")
    for name in ("request", "get", "post", "Session"):
        setattr(fake, name, getattr(recorder, name))
    monkeypatch.setitem(sys.modules, "requests", fake)
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    namespace: dict = {}
    exec(compile(source + "\n" + calls, "<migrated>", "exec"), namespace)
    return recorder.sent


WRAPPER = """import os
import requests

API_KEY = os.environ["HUBSPOT_API_KEY"]
BASE = "https://api.hubapi.com"

def send(method, path, params=None, **kwargs):
    params = dict(params or {})
    params["hapikey"] = API_KEY
    return requests.request(method, BASE + path, params=params, **kwargs)
"""

CLIENT = """import os
import requests

class Client:
    base = "https://api.hubapi.com"

    def __init__(self):
        self.key = os.environ["HUBSPOT_API_KEY"]
        self.session = requests.Session()

    def _request(self, method, path, **kw):
        kw.setdefault("params", {})["hapikey"] = self.key
        return self.session.request(method, self.base + path, **kw)
"""

CALLS = """
send("GET", "/contacts/v1/lists", params={"count": 5})
send("POST", "/contacts/v1/contact", json={"a": 1}, headers={"X-Trace": "t1"})
"""
CLIENT_CALLS = """
c = Client()
c._request("GET", "/deals/v1/deal/7", params={"includeAssociations": "true"})
c._request("POST", "/deals/v1/deal", headers={"X-Trace": "t2"}, timeout=5)
"""


GUARDED = """import os
import requests

KEY = os.environ["HUBSPOT_API_KEY"]

class Api:
    params = {"hapikey": KEY, "propertyMode": "value_only"}

    def get(self, path, params=None):
        params = dict(params or {})
        if "hapikey" not in params:
            params["hapikey"] = KEY
        return requests.get("https://api.hubapi.com" + path, params=params)

    def owners(self):
        return requests.get("https://api.hubapi.com/crm/v3/owners", params=self.params)
"""
GUARDED_CALLS = """
Api().get("/contacts/v1/lists", params={"count": 2})
Api().owners()
"""


@pytest.mark.parametrize(
    "source,calls",
    [(WRAPPER, CALLS), (CLIENT, CLIENT_CALLS), (GUARDED, GUARDED_CALLS)],
    ids=["send", "client", "guard_and_class_attribute"],
)
def test_the_header_joins_the_callers_kwargs(source, calls, monkeypatch):
    before = run(source, calls, monkeypatch)
    result = migrate(source)
    assert {s.status for s in result.sites} == {Status.REWRITE}
    after = run(result.new.decode(), calls, monkeypatch)
    assert len(after) == len(before) == 2
    for old, new in zip(before, after):
        assert old["params"].pop("hapikey") == "key-main"
        assert "hapikey" not in new["params"]
        assert new["headers"].pop("Authorization") == "Bearer tok-main"
        assert new == old  # the callers' headers, params and options intact


def test_a_second_run_changes_nothing():
    first = migrate(WRAPPER).new.decode()
    assert migrate(first).new is None


@pytest.mark.parametrize(
    "wrapper",
    [
        # the dict leaves the wrapper: returned, passed on, rebound, read whole
        "def send(path, **kw):\n    kw['params'] = {'hapikey': KEY}\n    log(kw)\n"
        "    return requests.get(BASE + path, **kw)\n",
        "def send(path, **kw):\n    kw = dict(DEFAULTS, **kw)\n    kw['params'] = {'hapikey': KEY}\n"
        "    return requests.get(BASE + path, **kw)\n",
        # two requests get the same dict: a header for one reaches the other
        "def send(path, **kw):\n    kw.setdefault('params', {})['hapikey'] = KEY\n"
        "    requests.get(BASE + path, **kw)\n    return requests.get(OTHER + path, **kw)\n",
        # the caller's headers are read out and may go elsewhere
        "def send(path, **kw):\n    trace(kw.get('headers'))\n"
        "    return requests.get(BASE + path + '?hapikey=' + KEY, **kw)\n",
        # a caller hands in another credential through the kwargs
        "def send(path, **kw):\n    return requests.get(BASE + path + '?hapikey=' + KEY, **kw)\n"
        "def me():\n    return send('/x', headers={'Authorization': 'Bearer ' + t})\n",
    ],
    ids=["logged", "rebound", "two_requests", "headers_read", "caller_auth"],
)
def test_a_dict_that_is_not_the_wrappers_own_stays_manual(wrapper):
    source = 'import requests\nBASE = "https://api.hubapi.com"\n' + wrapper
    result = migrate(source)
    assert result.new is None
    assert {s.status for s in result.sites} == {Status.MANUAL}


def test_a_command_line_options_configured_default_becomes_the_token():
    """``--api-key`` defaults to the configured key: the option now takes a token,
    so its default is the provider's, read leniently (a missing variable must
    not stop a run given -k)."""
    source = (
        "import argparse, os, requests\n"
        "def update(email, api_key):\n"
        "    return requests.post('https://api.hubapi.com/contacts/v1/contact/email/%s/profile'"
        " % email, params={'hapikey': api_key})\n"
        "def main(argv=None):\n"
        "    p = argparse.ArgumentParser()\n"
        "    p.add_argument('-k', '--api-key', default=os.environ.get('HUBSPOT_API_KEY'))\n"
        "    a = p.parse_args(argv)\n"
        "    return update('a@example.com', a.api_key)\n"
    )
    text = migrate(source).new.decode()
    assert 'default=os.environ.get("HUBSPOT_ACCESS_TOKEN")' in text
    assert "HUBSPOT_API_KEY" not in text


CLICK_TOOL = """import click
import requests

class Client:
    def __init__(self, api_key):
        if not api_key:
            raise click.UsageError("no API key")
        self.api_key = api_key

    def owners(self):
        return requests.get("https://api.hubapi.com/crm/v3/owners", params={"hapikey": self.api_key})

@click.command()
@click.option("--api-key", envvar="HUBSPOT_API_KEY", help="HubSpot API key")
def cli(api_key):
    Client(api_key).owners()
"""


def test_a_click_option_reading_the_keys_variable_reads_the_tokens(monkeypatch):
    """``envvar="HUBSPOT_API_KEY"``: run without --api-key, the command gave the
    key read there; now that its value is sent as a token, it reads the token's
    variable (the old one is gone after the migration)."""
    from click.testing import CliRunner

    result = migrate(CLICK_TOOL, "env:HUBSPOT_ACCESS_TOKEN")
    text = result.new.decode()
    assert 'envvar="HUBSPOT_ACCESS_TOKEN"' in text and "HUBSPOT_API_KEY" not in text
    assert {s.status for s in result.sites} == {Status.REWRITE}
    sent = run(text, "", monkeypatch)
    monkeypatch.delenv("HUBSPOT_API_KEY")
    namespace: dict = {}
    exec(compile(text, "<migrated>", "exec"), namespace)
    outcome = CliRunner().invoke(namespace["cli"], [])
    assert outcome.exit_code == 0, outcome.output
    assert sent[-1]["headers"] == {"Authorization": "Bearer tok-main"}
    assert sent[-1]["params"] == {}


def test_a_click_option_reading_the_keys_variable_stays_for_a_non_environment_provider():
    result = migrate(CLICK_TOOL, "vault_tokens:hubspot_token")
    assert result.new is None
    manual = [s for s in result.sites if s.status == Status.MANUAL]
    assert (
        manual
        and "--api-key option reads the key from HUBSPOT_API_KEY" in manual[0].reason
    )


@pytest.mark.parametrize(
    "change",
    [  # two options naming key variables: which one feeds the client is not known
        (
            '"HubSpot API key")',
            '"HubSpot API key")\n@click.option("--key", envvar="HUBSPOT_KEY")',
        ),
        # a list of variables
        ('envvar="HUBSPOT_API_KEY"', 'envvar=["HUBSPOT_API_KEY", "HAPIKEY"]'),
        # only an ambiguous name
        ('envvar="HUBSPOT_API_KEY"', 'envvar="API_KEY"'),
        # click derives the variables' names
        (
            "@click.command()",
            '@click.command(context_settings={"auto_envvar_prefix": "HUBSPOT"})',
        ),
    ],
    ids=["two", "list", "api_key", "auto_prefix"],
)
def test_options_that_leave_unclear_which_reads_the_key_keep_the_client_manual(change):
    source = CLICK_TOOL.replace(*change)
    assert source != CLICK_TOOL
    result = migrate(source, "env:HUBSPOT_ACCESS_TOKEN")
    assert result.new is None
    assert Status.MANUAL in {s.status for s in result.sites}


def test_an_option_for_another_credential_is_left_alone():
    """Only the HubSpot key's option is retargeted; a backend's API_KEY beside it
    keeps its variable (its value goes elsewhere)."""
    source = CLICK_TOOL.replace(
        '"HubSpot API key")',
        '"HubSpot API key")\n@click.option("--backend-key", envvar="BACKEND_API_TOKEN")',
    ).replace("def cli(api_key):", "def cli(api_key, backend_key):")
    text = migrate(source, "env:HUBSPOT_ACCESS_TOKEN").new.decode()
    assert 'envvar="HUBSPOT_ACCESS_TOKEN"' in text
    assert 'envvar="BACKEND_API_TOKEN"' in text


def test_an_option_whose_value_reaches_the_client_out_of_sight_keeps_it_manual():
    """bench/corpus_blind hsctl_click_cli: the option's value goes through
    ctx.obj; whether it is what reaches the client cannot be seen, and another
    command's option (a developer key's) must not be retargeted either."""
    source = CLICK_TOOL.replace(
        "def cli(api_key):\n    Client(api_key).owners()",
        "@click.pass_context\ndef cli(ctx, api_key):\n"
        "    ctx.obj = {'api_key': api_key}\n    Client(ctx.obj['api_key']).owners()",
    )
    assert source != CLICK_TOOL
    result = migrate(source, "env:HUBSPOT_ACCESS_TOKEN")
    assert result.new is None
    manual = [s for s in result.sites if s.status == Status.MANUAL]
    assert manual and "cannot see whether its value" in manual[0].reason
