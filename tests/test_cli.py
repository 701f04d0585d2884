"""The command line as users and CI meet it: output, exit codes, file walking,
configuration, and what is (not) written."""

from __future__ import annotations

import os
import textwrap

import pytest

from tests.conftest import run_cli

LEGACY = (
    "import requests\n\n"
    'API_KEY = "pat-legacy-secret-9f8e"\n\n'
    "def owners():\n"
    '    return requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + API_KEY)\n'
)
CLEAN = "def add(a, b):\n    return a + b\n"
MANUAL = (
    "from lib import fetch\n\n"
    'fetch("https://api.hubapi.com/owners/v2/owners?hapikey=" + KEY)\n'
)


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "legacy.py").write_text(LEGACY)
    (tmp_path / "pkg" / "clean.py").write_text(CLEAN)
    return tmp_path


def test_diff_prints_a_unified_diff_with_paths_as_given_and_writes_nothing(tree):
    before = (tree / "pkg" / "legacy.py").read_bytes()
    result = run_cli("diff", "pkg", cwd=tree)
    assert result.returncode == 1
    assert result.stdout.startswith("--- a/pkg/legacy.py\n+++ b/pkg/legacy.py\n@@")
    assert (
        '+    return requests.get("https://api.hubapi.com/owners/v2/owners", headers='
        in result.stdout
    )
    assert "clean.py" not in result.stdout
    assert (tree / "pkg" / "legacy.py").read_bytes() == before
    summary, scopes = result.stderr.strip().splitlines()[-2:]
    assert summary.startswith("hapimigrate: 1 file would change, 1 site migrated")
    assert (
        scopes == "hapimigrate: the token needs these scopes: crm.objects.owners.read"
    )


def test_diff_exits_0_when_nothing_would_change(tree):
    result = run_cli("diff", "pkg/clean.py", cwd=tree)
    assert (result.returncode, result.stdout) == (0, "")


def test_apply_rewrites_then_a_second_apply_changes_nothing(tree):
    first = run_cli("apply", "pkg", cwd=tree)
    assert first.returncode == 0, first.stderr
    migrated = (tree / "pkg" / "legacy.py").read_text()
    assert "hapikey" not in migrated
    assert (
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'
        in migrated
    )
    stamp = os.stat(tree / "pkg" / "legacy.py").st_mtime_ns
    second = run_cli("apply", "pkg", cwd=tree)
    assert second.returncode == 0
    assert os.stat(tree / "pkg" / "legacy.py").st_mtime_ns == stamp
    assert run_cli("diff", "pkg", cwd=tree).returncode == 0


def test_apply_keeps_the_file_mode(tree):
    path = tree / "pkg" / "legacy.py"
    os.chmod(path, 0o750)
    assert run_cli("apply", str(path)).returncode == 0
    assert os.stat(path).st_mode & 0o777 == 0o750
    assert not [p for p in os.listdir(tree / "pkg") if p.endswith(".hapimigrate")]


def test_apply_exits_1_and_lists_sites_that_need_a_person(tree):
    (tree / "pkg" / "manual.py").write_text(MANUAL)
    result = run_cli("apply", "pkg", cwd=tree)
    assert result.returncode == 1
    assert (
        "pkg/manual.py:3:7: manual url /owners/v2/owners: the value is passed to fetch()"
        in result.stderr
    )
    assert (tree / "pkg" / "manual.py").read_text() == MANUAL


def test_missing_path_is_a_usage_error(tree):
    result = run_cli("diff", "nowhere.py", cwd=tree)
    assert result.returncode == 2
    assert "nowhere.py does not exist" in result.stderr


def test_bad_token_provider_is_a_usage_error(tree):
    result = run_cli("diff", "--token-provider", "env:not a name", "pkg", cwd=tree)
    assert result.returncode == 2
    assert "not an environment variable name" in result.stderr


def test_the_key_value_is_never_printed_outside_the_diff(tree):
    result = run_cli("apply", "-v", "pkg", cwd=tree)
    assert "pat-legacy-secret-9f8e" not in result.stdout + result.stderr
    assert "hard-coded key" in result.stderr


def test_gitignore_exclude_and_tool_folders_are_skipped(tree):
    for folder in ("ignored", "excluded", "node_modules", ".venv", "env_with_cfg"):
        (tree / folder).mkdir()
        (tree / folder / "legacy.py").write_text(LEGACY)
    (tree / "env_with_cfg" / "pyvenv.cfg").write_text("home = /usr\n")
    (tree / ".gitignore").write_text("ignored/\n")
    result = run_cli("diff", "--exclude", "excluded/*", ".", cwd=tree)
    changed = [
        line[6:] for line in result.stdout.splitlines() if line.startswith("--- a/")
    ]
    assert changed == ["pkg/legacy.py"]


def test_quiet_prints_nothing_but_the_diff(tree):
    result = run_cli("diff", "-q", "pkg", cwd=tree)
    assert result.stderr == ""
    assert result.stdout.startswith("--- a/pkg/legacy.py")


def test_color_always_colours_the_diff(tree):
    result = run_cli("diff", "--color", "always", "pkg", cwd=tree)
    assert "\x1b[32m+" in result.stdout
    assert "\x1b[" not in run_cli("diff", "pkg", cwd=tree).stdout


def test_pyproject_sets_the_defaults(tree):
    (tree / "pyproject.toml").write_text(textwrap.dedent("""
            [tool.hapimigrate]
            token-provider = "env:CRM_TOKEN"
            exclude = ["pkg/clean.py"]
            """))
    result = run_cli("diff", "pkg", cwd=tree)
    assert 'os.environ["CRM_TOKEN"]' in result.stdout
    flag = run_cli("diff", "--token-provider", "env:FROM_FLAG", "pkg", cwd=tree)
    assert 'os.environ["FROM_FLAG"]' in flag.stdout  # the flag wins


def test_unknown_pyproject_key_is_a_usage_error(tree):
    (tree / "pyproject.toml").write_text('[tool.hapimigrate]\ntoken_provdier = "x"\n')
    result = run_cli("diff", "pkg", cwd=tree)
    assert result.returncode == 2
    assert "unknown [tool.hapimigrate] keys: token_provdier" in result.stderr


def test_many_files_run_in_a_pool_with_the_same_result(tree):
    for index in range(40):
        (tree / "pkg" / f"legacy_{index}.py").write_text(LEGACY)
    serial = run_cli("diff", "--jobs", "1", "pkg", cwd=tree)
    pooled = run_cli("diff", "--jobs", "2", "pkg", cwd=tree)
    assert serial.returncode == pooled.returncode == 1
    assert serial.stdout == pooled.stdout
    assert serial.stdout.count("+++ b/") == 41


def test_version_and_help():
    assert run_cli("--version").stdout.startswith("hapimigrate, version ")
    assert "diff" in run_cli("--help").stdout
