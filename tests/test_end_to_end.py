"""The bundled legacy app, migrated by `hapimigrate apply`, runs against a local
HubSpot stand-in: every call authenticates with the provider's Bearer token and
nothing of the old key is sent; the unmigrated app is refused."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import FIXTURES, run_cli
from tests.hubspot_standin import StandIn

TOKEN = "pat-na1-e2e-token"
LEGACY_KEY = "legacy-portal-key-0000"
DEVELOPER_KEY = "developer-key-1111"


@pytest.fixture
def app(tmp_path):
    target = tmp_path / "app"
    shutil.copytree(os.path.join(FIXTURES, "app"), target)
    return target


def run_app(app, standin):
    env = dict(
        os.environ,
        PYTHONPATH=str(app),
        HUBSPOT_BASE_URL=standin.url,
        HUBSPOT_ACCESS_TOKEN=TOKEN,
        HUBSPOT_API_KEY=LEGACY_KEY,
        HUBSPOT_DEVELOPER_API_KEY=DEVELOPER_KEY,
    )
    return subprocess.run(
        [sys.executable, "-m", "legacy_crm.sync"],
        capture_output=True,
        text=True,
        env=env,
        cwd=app,
        timeout=60,
    )


def test_migrated_app_authenticates_every_call_with_the_token(app):
    applied = run_cli("apply", str(app))
    assert applied.returncode == 0, applied.stderr
    with StandIn(TOKEN, DEVELOPER_KEY) as standin:
        ran = run_app(app, standin)
    assert ran.returncode == 0, ran.stderr
    assert len(standin.seen) == 10
    for seen in standin.seen:
        assert LEGACY_KEY not in seen.raw
        if seen.path.startswith("/webhooks/"):
            assert seen.hapikey == DEVELOPER_KEY  # developer keys are kept
        else:
            assert seen.authorization == f"Bearer {TOKEN}"
            assert seen.hapikey is None


def test_unmigrated_app_is_refused(app):
    with StandIn(TOKEN, DEVELOPER_KEY) as standin:
        ran = run_app(app, standin)
    assert ran.returncode != 0
    assert "401" in ran.stderr
    assert standin.seen[0].hapikey == LEGACY_KEY


def test_a_server_expecting_another_token_refuses_the_migrated_app(app):
    """The token really comes from HUBSPOT_ACCESS_TOKEN, not from the old key."""
    assert run_cli("apply", str(app)).returncode == 0
    with StandIn("another-token", DEVELOPER_KEY) as standin:
        ran = run_app(app, standin)
    assert ran.returncode != 0
    assert all(s.authorization != "Bearer another-token" for s in standin.seen)


def test_apply_leaves_no_hapikey_in_code_but_the_developer_key(app):
    assert run_cli("apply", str(app)).returncode == 0
    left = []
    for path in sorted(app.rglob("*.py")):
        for number, line in enumerate(path.read_text().splitlines(), 1):
            code = line.split("#", 1)[0]
            if "hapikey" in code:
                left.append(f"{path.name}:{number}")
    assert left == ["webhooks.py:13"]


def test_files_without_hubspot_usage_are_untouched(app):
    util = app / "legacy_crm" / "util.py"
    before = util.read_bytes()
    stamp = os.stat(util).st_mtime_ns
    assert run_cli("apply", str(app)).returncode == 0
    assert util.read_bytes() == before
    assert os.stat(util).st_mtime_ns == stamp
