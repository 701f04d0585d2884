"""Everyday use of the command line (issue #15): what the summary says, exit 2 for
every error (checked before anything is rewritten), formats picked from -o FILE,
colour from NO_COLOR/FORCE_COLOR, -V, options only where they do something,
and check --exit-zero."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

LEGACY = (
    "import requests\n\n"
    'API_KEY = "pat-legacy-secret-9f8e"\n\n'
    "def owners():\n"
    '    return requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY)\n'
)
FROM_ENV = (
    "import os\nimport requests\n\n"
    "def deals():\n"
    '    return requests.get("https://api.hubapi.com/deals/v1/deal/paged?hapikey="'
    ' + os.environ["HUBSPOT_API_KEY"])\n'
)
SHELL = 'curl "https://api.hubapi.com/contacts/v1/lists?hapikey=$HUBSPOT_API_KEY"\n'
NOTEBOOK_SHELL = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "metadata": {},
            "outputs": [],
            "source": [
                '!curl "https://api.hubapi.com/contacts/v1/lists?hapikey=$KEY"\n'
            ],
        }
    ],
    "metadata": {},
    "nbformat": 4,
    "nbformat_minor": 5,
}


def hm(*args, cwd, env=None, input=None):
    """hapimigrate as a user runs it, in a process of its own."""
    environment = {
        k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")
    }
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        input=input,
    )


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "legacy.py").write_text(LEGACY)
    return tmp_path


# --- 4: summaries ----------------------------------------------------------------------


def test_apply_lists_the_files_it_rewrote_and_keeps_the_scopes(tmp_path):
    (tmp_path / "crm").mkdir()
    for name in ("deals.py", "more_deals.py"):
        (tmp_path / "crm" / name).write_text(FROM_ENV)
    (tmp_path / "crm" / "clean.py").write_text("x = 1\n")
    result = hm("apply", "crm", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert sorted(line for line in lines if line.startswith("rewrote ")) == [
        "rewrote crm/deals.py",
        "rewrote crm/more_deals.py",
    ]
    assert lines[-1] == (
        "hapimigrate: the token needs these scopes: crm.objects.deals.read"
    )
    for name in ("deals.py", "more_deals.py"):
        (tmp_path / "crm" / name).write_text(FROM_ENV)
    quiet = hm("apply", "-q", "crm", cwd=tmp_path)
    assert (quiet.returncode, quiet.stderr) == (0, "")
    assert "hapikey" not in (tmp_path / "crm" / "deals.py").read_text()


def test_hard_coded_keys_are_named_by_place_never_by_value(tree):
    result = hm("apply", "pkg", cwd=tree)
    assert result.returncode == 0, result.stderr
    assert "hapimigrate: 1 hard-coded key: revoke it (pkg/legacy.py:6)" in (
        result.stderr.splitlines()
    )
    assert "pat-legacy-secret-9f8e" not in result.stderr + result.stdout


def test_uses_apply_cannot_migrate_are_counted_and_keep_the_exit_status_1(tree):
    (tree / "pkg" / "sync.sh").write_text(SHELL)
    (tree / "pkg" / "nb.ipynb").write_text(json.dumps(NOTEBOOK_SHELL))
    diff = hm("diff", "pkg", cwd=tree)
    assert diff.returncode == 1
    assert "--- a/pkg/sync.sh" not in diff.stdout  # not migrated: reported
    summary = diff.stderr.splitlines()[-2]
    assert "2 outside Python (other languages, notebook shell lines): not " \
        "migrated, see hapimigrate check" in summary  # fmt: skip
    assert "pkg/sync.sh:1:" in diff.stderr and "pkg/nb.ipynb:" in diff.stderr
    applied = hm("apply", "pkg", cwd=tree)
    assert applied.returncode == 1, applied.stderr
    assert "2 outside Python" in applied.stderr
    again = hm("apply", "pkg", cwd=tree)  # nothing left to rewrite; they remain
    assert again.returncode == 1
    assert hm("check", "pkg", cwd=tree).returncode == 1
    (tree / "pkg" / "sync.sh").write_text(
        SHELL.rstrip("\n") + "  # hapimigrate: ignore\n"
    )
    (tree / "pkg" / "nb.ipynb").unlink()
    assert hm("apply", "pkg", cwd=tree).returncode == 0


def test_a_file_named_that_no_front_end_migrates_is_counted(tree):
    (tree / "sync.sh").write_text(SHELL)
    applied = hm("apply", "sync.sh", cwd=tree)
    assert applied.returncode == 1
    assert "sync.sh:1:" in applied.stderr and "1 outside Python" in applied.stderr


# --- 5: exit 2 for every error, before any write ---------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("apply", "--report", "missing/report.json"),
        ("apply", "--report", "."),
        ("report", "-o", "missing/report.md"),
        ("check", "-o", "missing/out.sarif"),
        ("baseline", "-o", "missing/base.json"),
    ],
)
def test_an_output_that_cannot_be_written_is_exit_2_before_any_rewrite(tree, args):
    before = (tree / "pkg" / "legacy.py").read_text()
    result = hm(*args, "pkg", cwd=tree)
    assert result.returncode == 2, result.stderr
    assert "cannot write" in result.stderr or "is a directory" in result.stderr
    assert (tree / "pkg" / "legacy.py").read_text() == before
    assert not (tree / "missing").exists()


def test_verify_outputs_are_checked_before_anything_runs(tree):
    ran = tree / "ran"
    command = [sys.executable, "-c", f"open({str(ran)!r}, 'w').close()"]
    result = hm(
        "verify", "run", "--observed", "missing/o.json", "--", *command, cwd=tree
    )
    assert result.returncode == 2
    assert "cannot write missing/o.json" in result.stderr
    assert not ran.exists()  # the user's command never ran
    token = hm("verify", "token", "-o", "missing/t.json", "pkg", cwd=tree)
    assert token.returncode == 2 and "cannot write" in token.stderr


def test_a_writable_output_is_not_left_behind_by_the_check(tree):
    result = hm("apply", "--report", "scopes.md", "pkg/nothing_here.py", cwd=tree)
    assert result.returncode == 2  # the path does not exist
    assert not (tree / "scopes.md").exists()


def _plugin(tmp_path, body: str) -> dict:
    """A token-provider plugin installed as a distribution would be."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "myplugin.py").write_text(textwrap.dedent(body))
    info = tmp_path / "site" / "myplugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: myplugin\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(
        "[hapimigrate.token_providers]\nsealed = myplugin:provider\n"
    )
    return {"PYTHONPATH": str(tmp_path / "site")}


def test_a_provider_plugin_that_raises_is_exit_2(tree):
    env = _plugin(
        tree,
        """
        def provider(argument):
            raise RuntimeError("vault sealed")
        """,
    )
    result = hm("diff", "--token-provider", "sealed:hubspot", "pkg", cwd=tree, env=env)
    assert result.returncode == 2
    assert "token provider plugin 'sealed' failed: RuntimeError: vault sealed" in (
        result.stderr
    )
    assert result.stdout == ""


def test_a_plugin_name_that_is_not_installed_is_exit_2_not_an_import(tree):
    result = hm("diff", "--token-provider", "vault:hubspot", "pkg", cwd=tree)
    assert result.returncode == 2
    assert "no plugin 'vault' is installed" in result.stderr
    assert "from vault import" not in result.stdout
    # a module of the app by that name is what the spec means
    (tree / "vault.py").write_text("def hubspot():\n    return 'x'\n")
    found = hm("diff", "--token-provider", "vault:hubspot", "pkg", cwd=tree)
    assert found.returncode == 1, found.stderr
    assert "+from vault import hubspot" in found.stdout
    # a dotted module cannot be a plugin's name: taken as written
    dotted = hm("diff", "--token-provider", "myapp.auth:token", "pkg", cwd=tree)
    assert dotted.returncode == 1 and "+from myapp.auth import token" in dotted.stdout


def test_a_missing_path_is_exit_2(tree):
    assert hm("apply", "pkg/nope.py", cwd=tree).returncode == 2


# --- 6: formats from -o FILE -----------------------------------------------------------


def test_report_and_check_pick_the_format_from_the_extension(tree):
    assert hm("report", "-o", "r.json", "pkg", cwd=tree).returncode == 0
    assert json.loads((tree / "r.json").read_text())["version"] == 2
    hm("report", "-o", "r.md", "pkg", cwd=tree)
    assert "|" in (tree / "r.md").read_text()  # a Markdown table
    hm("report", "-o", "r.txt", "pkg", cwd=tree)
    assert (tree / "r.txt").read_text().startswith("pkg/")
    hm("report", "--format", "text", "-o", "given.json", "pkg", cwd=tree)
    with pytest.raises(ValueError):  # --format wins over the extension
        json.loads((tree / "given.json").read_text())
    hm("check", "-o", "c.sarif", "pkg", cwd=tree)
    assert json.loads((tree / "c.sarif").read_text())["version"] == "2.1.0"
    hm("check", "-o", "c.json", "pkg", cwd=tree)
    assert "sites" in json.loads((tree / "c.json").read_text())


# --- 7: terminal output ----------------------------------------------------------------


def test_version_flags():
    for flag in ("-V", "--version"):
        result = hm(flag, cwd=None)
        assert result.returncode == 0
        assert result.stdout.startswith("hapimigrate, version ")


def test_no_color_and_force_color(tree):
    plain = hm("diff", "pkg/legacy.py", cwd=tree)
    assert "\x1b[" not in plain.stdout + plain.stderr  # a pipe: no colour
    forced = hm("diff", "pkg/legacy.py", cwd=tree, env={"FORCE_COLOR": "1"})
    assert "\x1b[32m+" in forced.stdout
    assert "\x1b[" in forced.stderr  # the summary's hard-coded key, in red
    both = hm(
        "diff", "pkg/legacy.py", cwd=tree, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}
    )
    assert "\x1b[" not in both.stdout + both.stderr
    flag = hm(
        "diff", "--color", "always", "pkg/legacy.py", cwd=tree, env={"NO_COLOR": "1"}
    )
    assert "\x1b[32m+" in flag.stdout  # the flag wins over the environment


def test_options_that_do_nothing_for_a_command_are_not_offered(tree):
    helps = {
        c: hm(c, "--help", cwd=tree).stdout
        for c in ("diff", "apply", "report", "check", "baseline")
    }
    assert "--color [auto|always|never]" in helps["diff"]
    assert "NO_COLOR" in helps["diff"]  # the option has help text
    assert "--color" not in helps["report"]  # nothing in a report is coloured
    assert "--token-provider" not in helps["check"]  # check rewrites nothing
    assert "--token-provider" not in helps["baseline"]
    assert "--color" not in helps["baseline"]
    assert "--interactive" in helps["apply"] and "--interactive" not in helps["diff"]
    assert "--exit-zero" in helps["check"]
    verify = hm("verify", "token", "--help", cwd=tree).stdout
    assert "--token-provider" in verify and "--color" not in verify
    refused = hm("check", "--token-provider", "env:X", "pkg", cwd=tree)
    assert refused.returncode == 2 and "No such option" in refused.stderr


# --- 11: check --exit-zero ---------------------------------------------------------------


def test_check_exit_zero_still_reports_and_still_fails_on_errors(tree):
    result = hm("check", "--exit-zero", "pkg", cwd=tree)
    assert result.returncode == 0
    assert "HM004" in result.stdout
    assert hm("check", "pkg", cwd=tree).returncode == 1
    error = hm("check", "--exit-zero", "pkg/missing.py", cwd=tree)
    assert error.returncode == 2
    broken = hm("check", "--exit-zero", "--baseline", "nope.json", "pkg", cwd=tree)
    assert broken.returncode == 2
