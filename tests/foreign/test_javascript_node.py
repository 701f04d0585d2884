"""The migrated JavaScript, run: a legacy Node worker (``tests/foreign/node/app.js``:
fetch, axios, URLSearchParams, new URL, an axios instance, https.get, request, a
form submission) runs under the real ``node`` against the local HubSpot
stand-in, before and after the front end migrates it. Before, every request
carries the key (and HubSpot answers 401); after, every API request carries the
Bearer token and no key, with the same method, path and other parameters; the
form submission carries neither. axios and request are small stand-ins over
fetch (``node/axios.js``, ``node/request.js``, installed in ``node_modules``);
HubSpot's hosts lead to the stand-in through a preloaded module
(``node/redirect.js``), so the program keeps its real URLs."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

pytest.importorskip("tree_sitter_javascript")

from hapimigrate import providers  # noqa: E402
from hapimigrate.foreign import javascript  # noqa: E402
from hapimigrate.model import RunOptions, Status  # noqa: E402
from tests.hubspot_standin import StandIn  # noqa: E402

NODE = shutil.which("node")
HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "node")
KEY = "5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60"
TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555"
FORM = "/uploads/form/v2/62515/abc-123"

pytestmark = pytest.mark.skipif(NODE is None, reason="node is not installed")


def _project(tmp_path, program: bytes) -> str:
    for module in ("axios", "request"):
        os.makedirs(tmp_path / "node_modules" / module, exist_ok=True)
        shutil.copy(
            os.path.join(HERE, module + ".js"),
            tmp_path / "node_modules" / module / "index.js",
        )
    shutil.copy(os.path.join(HERE, "redirect.js"), tmp_path / "redirect.js")
    (tmp_path / "app.js").write_bytes(program)
    return str(tmp_path)


def _run(folder: str, standin: StandIn) -> list[str]:
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HAPIKEY": KEY,
        "HUBSPOT_ACCESS_TOKEN": TOKEN,
        "STANDIN_URL": standin.url,
    }
    done = subprocess.run(
        [NODE, "--require", "./redirect.js", "app.js"],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def _without_key(query: dict) -> dict:
    return {name: values for name, values in query.items() if name != "hapikey"}


def test_the_migrated_worker_sends_the_token_and_no_key(tmp_path):
    with open(os.path.join(HERE, "app.js"), "rb") as handle:
        before = handle.read()
    result = javascript.process("app.js", before, RunOptions(providers.resolve(None)))
    assert result.error is None
    assert [s.status for s in result.sites] == [Status.REWRITE] * len(result.sites)
    assert len(result.sites) == 14
    after = result.new
    assert after is not None and b"hapikey" not in after

    with StandIn(TOKEN, "developer-key") as standin:
        statuses = _run(_project(tmp_path / "before", before), standin)
        old = list(standin.seen)
        standin.seen.clear()
        migrated_statuses = _run(_project(tmp_path / "after", after), standin)
        new = list(standin.seen)

    assert statuses == ["401"] * 14  # HubSpot refuses the key
    assert len(old) == len(new) == 14
    for sent, resent in zip(old, new):
        assert sent.hapikey == KEY
        assert (resent.method, resent.path) == (sent.method, sent.path)
        assert resent.query == _without_key(sent.query)
        assert "hapikey" not in resent.raw
        assert KEY not in resent.raw
        if resent.path == FORM:
            assert resent.authorization is None  # a form takes no authentication
        else:
            assert resent.authorization == f"Bearer {TOKEN}"
    api_statuses = [s for s, seen in zip(migrated_statuses, new) if seen.path != FORM]
    assert api_statuses == ["200"] * 13
    assert new[0].query == {"count": ["5"]}
    assert new[3].query == {"limit": ["100"]}
