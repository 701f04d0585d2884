"""`check` (the guard) sees every hapikey use: shapes that once gave no finding
at all, so CI passed while the key was still sent (review 14)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import invoke


def _findings(root: Path) -> list[tuple[str, str]]:
    result = invoke("check", "--format", "json", "-j", "1", str(root), cwd=str(root))
    data = json.loads(result.output)
    return sorted(
        (Path(f["path"]).name, f["rule"])
        for f in data["sites"]
        if f["rule"] in ("HM001", "HM002", "HM003", "HM004", "HM005")
    )


@pytest.mark.parametrize(
    "source",
    [
        # the ? before a line continuation of the literal
        'T = """https://api.hubapi.com/contacts/v1/lists/all/contacts/all?\\\n'
        'hapikey=%s"""\nr = requests.get(T % KEY)\n',
        'url = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?\\\n'
        'hapikey=" + KEY\nrequests.get(url)\n',
        # a form body written over lines
        'BODY = """\nhapikey={key}\nemail=a@b.c\n"""\n'
        'requests.post("https://api.hubapi.com/contacts/v1/contact",'
        " data=BODY.format(key=KEY))\n",
        # a %-directive standing before the key
        'requests.get("%shapikey=%s" % ("https://api.hubapi.com/owners/v2/owners?", KEY))\n',
    ],
)
def test_a_key_in_a_string_the_rewrite_cannot_place_is_a_finding(tmp_path, source):
    (tmp_path / "app.py").write_text(
        "import os\nimport requests\nKEY = os.environ['HUBSPOT_API_KEY']\n" + source
    )
    assert _findings(tmp_path) == [("app.py", "HM001")]


@pytest.mark.parametrize(
    "imports",
    ["import os, hubspot", "import os,hubspot", "import logging, os, hubspot"],
)
def test_an_sdk_imported_in_a_list_of_modules_is_seen(tmp_path, imports):
    (tmp_path / "app.py").write_text(
        f"{imports}\n\n"
        'client = hubspot.HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])\n'
    )
    assert _findings(tmp_path) == [("app.py", "HM003")]


def test_scripts_build_files_and_templates_are_read(tmp_path):
    """A tree whose only uses sit in files named for what they are, copies of
    config files, templates and extensionless scripts: each is a finding, and
    the Python script (a ``#!`` line) is migrated like a ``.py`` file."""
    curl = 'curl "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=$KEY"\n'
    files = {
        "bin/sync": "#!/bin/bash\n" + curl,
        "bin/sync-contacts": "#!/usr/bin/env python3\nimport os, requests\n"
        'r = requests.get("https://api.hubapi.com/owners/v2/owners?hapikey="'
        ' + os.environ["HUBSPOT_API_KEY"])\n',
        "Makefile": "sync:\n\t" + curl,
        "Dockerfile": "FROM alpine\nRUN " + curl,
        "requests/contacts.http": "GET https://api.hubapi.com/owners/v2/owners"
        "?hapikey={{key}}\n",
        ".env-example": "HUBSPOT_API_KEY=\nHAPIKEY=abcdef12-3456-7890-abcd-ef1234567890\n",
        "config.yml.example": "hubspot:\n  hapikey: abcdef12-3456-7890-abcd-ef1234567890\n",
        "views/list.phtml": '<?php $r = file_get_contents("https://api.hubapi.com/'
        'owners/v2/owners?hapikey=" . getenv("HUBSPOT_API_KEY")); ?>\n',
        "views/profile.ejs": '<img src="https://api.hubapi.com/x?hapikey=<%= key %>">\n',
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    found = {name for name, _ in _findings(tmp_path)}
    assert found == {Path(name).name for name in files}
    rules = dict(_findings(tmp_path))
    assert rules["sync-contacts"] == "HM001"  # Python: the codemod's rule


def test_an_extensionless_file_without_a_script_line_is_not_read(tmp_path):
    (tmp_path / "NOTES").write_text("hapikey=abcdef12-3456-7890-abcd-ef1234567890\n")
    (tmp_path / "app.py").write_text("print('hello')\n")
    result = invoke("check", "-j", "1", str(tmp_path), cwd=str(tmp_path))
    assert result.exit_code == 0
    assert "1 file looked at" in result.output


@pytest.mark.parametrize(
    "name,text",
    [
        ("a.js", 'const KEY_PARAM = "hapikey";\nparams[KEY_PARAM] = key;\n'),
        ("b.php", "<?php\nconst AUTH_PARAM = 'hapikey';\n"
         "$q = http_build_query([AUTH_PARAM => $key]);\n"),
        ("c.js", 'fetch(BASE + "?" + "hapikey" + "=" + key);\n'),
        ("d.js", 'axios.get(url, { params: { ["hapikey"]: key } });\n'),
        ("e.html", '<form><input type="hidden" name="hapikey" value="{{ key }}"></form>\n'),
        ("f.xml", '<appSettings><add key="hapikey" value="${KEY}" /></appSettings>\n'),
    ],
)  # fmt: skip
def test_the_parameter_name_as_a_string_of_its_own_is_a_finding(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    assert [n for n, _ in _findings(tmp_path)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        'if ("hapikey" in req.query) { delete req.query["hapikey"]; }\n',
        'const given = params.get("hapikey");\n',
        'if (name === "hapikey") { return; }\n',
    ],
)
def test_reading_or_removing_the_name_is_no_finding(tmp_path, text):
    (tmp_path / "a.js").write_text(text)
    assert _findings(tmp_path) == []


@pytest.mark.parametrize(
    "name,text",
    [
        ("a.sh", 'http GET "https://api.hubapi.com/owners/v2/owners" hapikey==$KEY\n'),
        ("a.rb", "client = Hubspot::Client.new(api_key: ENV['HUBSPOT_API_KEY'])\n"),
        ("insomnia.yaml", "parameters:\n  - name: hapikey\n    value: '{{ key }}'\n"),
        ("sync.cmd", 'curl "https://api.hubapi.com/owners/v2/owners?hapikey=%KEY%"\n'),
    ],
)
def test_more_shapes_of_other_files_are_findings(tmp_path, name, text):
    (tmp_path / name).write_text(text)
    assert [n for n, _ in _findings(tmp_path)] == [name]


def test_files_git_tracks_are_read_although_gitignore_names_them(tmp_path):
    """A fresh CI checkout holds every tracked file: one a .gitignore pattern
    matches (added with -f) is read; an untracked one it matches is not."""
    import subprocess

    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    curl = 'curl "https://api.hubapi.com/owners/v2/owners?hapikey=$KEY"\n'
    (tmp_path / ".gitignore").write_text("scripts/\nlocal.sh\n")
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "sync.sh").write_text(curl)
    (tmp_path / "scripts" / "scratch.sh").write_text(curl)
    (tmp_path / "local.sh").write_text(curl)
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", ".gitignore"], check=True)
    subprocess.run([*git, "add", "-f", "scripts/sync.sh"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "x"], check=True)
    assert _findings(tmp_path) == [("sync.sh", "HM005")]
