"""No output, report, baseline or log of any command holds a key's value; only
the diff of the user's own file may show the lines it changes."""

from __future__ import annotations


import pytest

from tests.conftest import run_cli

KEY = "f00dcafe-1234-5678-9abc-def012345678"
FILES = {
    "app.py": (
        "import requests\n"
        "from hubspot import HubSpot\n"
        f"API_KEY = '{KEY}'\n"
        f"api = HubSpot(api_key='{KEY}')\n"
        f"requests.get('https://api.hubapi.com/owners/v2/owners?hapikey={KEY}')\n"
        f"requests.get('https://api.hubapi.com/deals/v1/deal/paged', params={{'hapikey': '{KEY}'}})\n"
        "requests.get('https://api.hubapi.com/contacts/v1/lists?hapikey=' + API_KEY)\n"
        "from lib import fetch\n"
        f"fetch('https://api.hubapi.com/x?hapikey={KEY}')\n"
    ),
    "py2.py": f'print "x"\nurl = "https://api.hubapi.com/x?hapikey={KEY}"\n',
    "web.js": f"fetch('https://api.hubapi.com/x?hapikey={KEY}');\n",
    ".env": f"HAPIKEY={KEY}\n",
}


@pytest.fixture
def tree(tmp_path):
    for name, text in FILES.items():
        (tmp_path / name).write_text(text)
    return tmp_path


COMMANDS = [
    ("diff", "-v", "--report", "r.json", "."),
    ("diff", "--report", "r.md", "."),
    ("report", "--format", "text", "."),
    ("report", "--format", "json", "-o", "r2.json", "."),
    ("report", "--format", "markdown", "."),
    ("check", "--format", "text", "."),
    ("check", "--format", "json", "."),
    ("check", "--format", "github", "."),
    ("check", "--format", "sarif", "-o", "c.sarif", "."),
    ("check", "--strict", "-v", "."),
    ("baseline", "-o", "b.json", "."),
    ("apply", "-v", "--report", "r.txt", "."),
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:3]))
def test_no_command_prints_or_stores_the_key(tree, args):
    before = {p.name: p.read_bytes() for p in tree.iterdir()}
    result = run_cli(*args, cwd=tree)
    assert "Traceback" not in result.stderr
    assert KEY not in result.stderr
    if args[0] != "diff":
        assert KEY not in result.stdout
    else:
        # only the user's own lines, in the diff's body
        shown = [line for line in result.stdout.splitlines() if KEY in line]
        assert shown and all(
            line[:1] in "+- " and line[:3] not in ("---", "+++") for line in shown
        )
    for path in tree.iterdir():
        if path.name not in before:  # what the command wrote: reports, baselines
            assert KEY not in path.read_text(), path.name


@pytest.mark.parametrize("command", ["diff", "apply"])
def test_the_hard_coded_keys_summary_names_locations_only(tree, command):
    result = run_cli(command, "-v", ".", cwd=tree)
    [line] = [line for line in result.stderr.splitlines() if "hard-coded keys:" in line]
    assert KEY not in line
    assert line == (  # web.js: the JavaScript front end finds its literal key too
        "hapimigrate: 7 hard-coded keys: revoke them "
        "(app.py:4, app.py:5, app.py:6, app.py:7, app.py:9, py2.py:2, web.js:1)"
    )


# files only the text scanner reads: SDK clients, literal keys in configuration
TEXT_FILES = {
    ".env": f"HUBSPOT_API_KEY={KEY}\nHUBSPOT_DEVELOPER_API_KEY={KEY}\n",
    "config.yml": f"hubspot:\n  api_key: '{KEY}'\n",
    "settings.ini": f"[hubspot]\napi_key = {KEY}\n",
    "client.js": f"const Hubspot = require('hubspot');\nnew Hubspot({{ apiKey: '{KEY}' }});\n",
    "client.php": f"<?php\n\\HubSpot\\Factory::createWithApiKey('{KEY}');\n",
    "client.rb": f"Hubspot.configure(hapikey: '{KEY}')\n",
    "legacy.py": f"from hubspot import HubSpot\nprint 'x'\napi = HubSpot(api_key='{KEY}')\n",
}


@pytest.mark.parametrize(
    "args",
    [a for a in COMMANDS if a[0] in ("check", "baseline")],
    ids=lambda a: " ".join(a[:3]),
)
def test_no_text_finding_prints_or_stores_the_key(tmp_path, args):
    for name, text in TEXT_FILES.items():
        (tmp_path / name).write_text(text)
    result = run_cli(*args, cwd=tmp_path)
    assert "Traceback" not in result.stderr
    assert result.returncode == 1 or args[0] == "baseline"
    assert KEY not in result.stdout + result.stderr
    for path in tmp_path.iterdir():
        if path.name not in TEXT_FILES:
            assert KEY not in path.read_text(), path.name
    if args[:3] == ("check", "--format", "text"):
        assert len(result.stdout.splitlines()) == 8  # every file found


# --- verify: the token (and the old key) never in what either command prints or writes

TOKEN = "pat-na1-0badc0de-1234-5678-9abc-def012345678"
OAUTH_TOKEN = "CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpu"
CLIENT_SECRET = "client-secret-5ec2e7"


def _run_with(env: dict, *args, cwd):
    import os
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
    )


def _assert_nowhere(secrets, result, folder, before):
    assert "Traceback" not in result.stderr
    for secret in secrets:
        assert secret not in result.stdout + result.stderr
        for path in folder.iterdir():
            if path.is_file() and path.name not in before:
                assert secret not in path.read_text(), path.name


VERIFY_TOKEN_CASES = {
    "ok": ((), {}),
    "json to a file": (("--format", "json", "-o", "v.json"), {}),
    "missing scope": ((), {"scopes": ("crm.objects.owners.read",)}),
    "401": ((), {"unknown": True}),
    "429": ((), {"throttle": True}),
    "network error": (("--api-base", "http://127.0.0.1:9"), {}),
    "oauth v1 expired": ((), {"oauth": "expired"}),
    "oauth introspect": (("--format", "json"), {"oauth": "introspect"}),
}


@pytest.mark.parametrize("case", sorted(VERIFY_TOKEN_CASES))
def test_verify_token_never_shows_the_token(tmp_path, case):
    from tests.hubspot_standin import Grant, StandIn

    args, how = VERIFY_TOKEN_CASES[case]
    (tmp_path / "app.py").write_text(FILES["app.py"])
    token = OAUTH_TOKEN if how.get("oauth") else TOKEN
    grant = Grant(
        kind="oauth" if how.get("oauth") else "private-app",
        scopes=how.get("scopes", ("crm.objects.owners.read", "crm.objects.deals.read")),
        expires_in=0 if how.get("oauth") == "expired" else 1800,
    )
    env = {"HUBSPOT_ACCESS_TOKEN": token}
    if how.get("oauth") == "introspect":
        env |= {"HUBSPOT_CLIENT_ID": "id-1", "HUBSPOT_CLIENT_SECRET": CLIENT_SECRET}
    before = {p.name for p in tmp_path.iterdir()}
    grants = {} if how.get("unknown") else {token: grant}
    with StandIn("other", "dev", grants=grants) as standin:
        if how.get("throttle"):
            standin.throttle(1, "3")
        if "--api-base" not in args:
            args = ("--api-base", standin.url, *args)
        result = _run_with(env, "verify", "token", *args, "app.py", cwd=tmp_path)
    assert result.returncode in (0, 1, 2)
    _assert_nowhere((token, CLIENT_SECRET, KEY), result, tmp_path, before)


def test_verify_run_never_shows_the_token_or_the_old_key(tmp_path):
    import sys

    from tests.hubspot_standin import StandIn

    (tmp_path / "job.py").write_text(
        "import os, requests\n"
        "base, key, token = (os.environ[n] for n in ('HUBSPOT_BASE_URL', 'HUBSPOT_API_KEY', 'HUBSPOT_ACCESS_TOKEN'))\n"
        "requests.get(base + '/crm/objects/2026-03/contacts?hapikey=' + key)\n"
        "requests.post(base + '/crm/objects/2026-03/notes', json={'k': key}, headers={'Authorization': 'Bearer ' + token})\n"
        "requests.get(base + '/crm/objects/2026-03/deals', headers={'Authorization': 'Bearer ' + key})\n"
        "requests.get(base + '/crm/objects/2026-03/contacts/' + token + '?access_token=' + token)\n"
    )
    before = {p.name for p in tmp_path.iterdir()}
    with StandIn(TOKEN, "dev") as standin:
        env = {
            "HUBSPOT_BASE_URL": standin.url,
            "HUBSPOT_API_KEY": KEY,
            "HUBSPOT_ACCESS_TOKEN": TOKEN,
        }
        host = standin.url.split("//")[1]
        result = _run_with(
            env,
            "verify",
            "run",
            "--observed",
            "observed.json",
            "--hubspot-host",
            host,
            "--",
            sys.executable,
            "job.py",
            cwd=tmp_path,
        )
    assert result.returncode == 1, result.stderr
    assert result.stderr.count(": violation: ") == 4
    _assert_nowhere((TOKEN, KEY), result, tmp_path, before)
