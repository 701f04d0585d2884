"""A helper of another module that now sends the token with the URL it is given
(issue #12): ``fetch.get_json(url)`` adds the header once its own module's use
of it migrates; a module handing it a URL with the key drops the key there, and
the two change together. A caller whose URL cannot lose its key (a tenant's key,
another host, a shape not followed) keeps both as they are: no request may
carry the key and the token, nor the token go where the key did not."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from hapimigrate import providers, run
from hapimigrate.model import RunOptions, Status

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))

FETCH = (
    "import os\nimport requests\n\n"
    "KEY = os.environ['HUBSPOT_API_KEY']\n"
    "BASE = 'https://api.hubapi.com'\n\n\n"
    "def get_json(url):\n    return requests.get(url, timeout=10).json()\n\n\n"
    "def owners():\n    return get_json(BASE + '/owners/v2/owners?hapikey=' + KEY)\n"
)
ACTIVITY = (
    "import fetch\nfrom fetch import get_json as gj\n\n\n"
    "def contacts():\n    return fetch.get_json(\n"
    "        fetch.BASE + '/contacts/v1/lists/all/contacts/all?count=5&hapikey=' + fetch.KEY\n"
    "    )\n\n\n"
    "def deal(deal_id):\n"
    "    url = '%s/deals/v1/deal/%s?hapikey=%s' % (fetch.BASE, deal_id, fetch.KEY)\n"
    "    return gj(url)\n"
)


def migrate(root: Path, files: dict[str, str]) -> dict[str, tuple[list, str]]:
    for name, text in files.items():
        (root / name).write_text(text)
    out = {}
    for result in run.results(sorted(str(root / n) for n in files), OPTIONS, jobs=1):
        assert result.error is None, result.error
        name = Path(result.path).name
        statuses = [s.status for s in result.sites if s.kind.value != "call"]
        out[name] = (statuses, result.new.decode() if result.changed else files[name])
    return out


class Recorder:
    """requests.get, recording what each request sends."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, str | None]] = []

    def get(self, url, headers=None, **_):
        self.sent.append((url, (headers or {}).get("Authorization")))
        return self

    def json(self):
        return {}


def sent(root: Path, monkeypatch, calls: list[str]) -> list[tuple[str, str | None]]:
    """Run ``module.function(args)`` for each of ``calls`` in ``root``."""
    import requests

    recorder = Recorder()
    monkeypatch.setattr(requests, "get", recorder.get)
    monkeypatch.setenv("HUBSPOT_API_KEY", "key-main")
    monkeypatch.setenv("HUBSPOT_ACCESS_TOKEN", "tok-main")
    monkeypatch.syspath_prepend(str(root))
    for name in ("fetch", "activity"):
        sys.modules.pop(name, None)
    for call in calls:
        module, function = call.split(".")
        getattr(importlib.import_module(module), function)(*([7] * ("deal" in call)))
    for name in ("fetch", "activity"):
        sys.modules.pop(name, None)
    return recorder.sent


def test_the_helper_and_its_callers_elsewhere_change_together(tmp_path, monkeypatch):
    calls = ["fetch.owners", "activity.contacts", "activity.deal"]
    (tmp_path / "fetch.py").write_text(FETCH)
    (tmp_path / "activity.py").write_text(ACTIVITY)
    before = sent(tmp_path, monkeypatch, calls)
    out = migrate(tmp_path, {"fetch.py": FETCH, "activity.py": ACTIVITY})
    assert out["fetch.py"][0] == [Status.REWRITE]
    assert out["activity.py"][0] == [Status.REWRITE] * 2
    (tmp_path / "fetch.py").write_text(out["fetch.py"][1])
    (tmp_path / "activity.py").write_text(out["activity.py"][1])
    after = sent(tmp_path, monkeypatch, calls)
    assert [
        u.replace("?hapikey=key-main", "").replace("&hapikey=key-main", "")
        for u, _ in before
    ] == [u for u, _ in after]
    assert all(a is None for _, a in before)
    assert all(a == "Bearer tok-main" and "hapikey" not in u for u, a in after)


STAYS = {
    # a tenant's key: the helper would send our token instead
    "a caller's own key": ACTIVITY
    + "\n\ndef tenant(key):\n    return fetch.get_json(fetch.BASE + '/owners/v2/owners?hapikey=' + key)\n",
    # the key went to a mirror: the token would go there
    "another host's URL with the key": ACTIVITY + "\n\ndef mirror():\n"
    "    return fetch.get_json('https://mirror.example.com/owners/v2/owners?hapikey=' + fetch.KEY)\n",
    # a shape not followed: its URL would keep the key beside the token
    "a URL handed in by unpacking": ACTIVITY + "\n\ndef packed():\n"
    "    return fetch.get_json(*[fetch.BASE + '/owners/v2/owners?hapikey=' + fetch.KEY])\n",
    # a HubSpot URL without the key: the token would go with a request that had none
    "a HubSpot URL without the key": ACTIVITY
    + "\n\ndef public():\n    return fetch.get_json(fetch.BASE + '/forms/v2/forms')\n",
}


@pytest.mark.parametrize("activity", list(STAYS.values()), ids=list(STAYS))
def test_one_caller_that_cannot_change_keeps_them_all(tmp_path, activity):
    out = migrate(tmp_path, {"fetch.py": FETCH, "activity.py": activity})
    assert out["fetch.py"] == ([Status.MANUAL], FETCH)
    assert out["activity.py"][1] == activity
    assert Status.REWRITE not in out["activity.py"][0]


def test_another_hosts_url_written_in_the_code_keeps_the_token_to_hubspot(tmp_path):
    """A caller giving the helper a Slack URL (no key): the helper may still
    send the token, to HubSpot's API host only."""
    activity = ACTIVITY + (
        "\n\nSLACK = 'https://hooks.slack.com/services/T0/B0/X'\n\n\n"
        "def notify():\n    return fetch.get_json(SLACK)\n"
    )
    out = migrate(tmp_path, {"fetch.py": FETCH, "activity.py": activity})
    assert out["fetch.py"][0][0] == Status.REWRITE
    assert 'if urlsplit(url).hostname == "api.hubapi.com" else {}' in out["fetch.py"][1]
