"""Which files a run looks at, as ruff users expect: excludes anchored at the
folder of the configuration that sets them (the current folder for
``--exclude``), ``--extend-exclude``, ``--force-exclude`` for files named on the
command line (pre-commit names files), and never a silent pass: a path with
nothing to look at is a warning, a folder that cannot be read an error, and the
summary counts the files looked at."""

from __future__ import annotations

import os
import re
import shutil
import textwrap

import pytest

from tests.conftest import invoke

USE = 'import requests\nrequests.get("https://api.hubapi.com/crm/objects/2026-03/contacts?hapikey=" + KEY)\n'


def flagged(result) -> list[str]:
    """The files with findings, as printed."""
    return sorted(
        {line.split(":")[0] for line in result.stdout.splitlines() if ": HM0" in line}
    )


@pytest.fixture
def project(tmp_path):
    for path in (
        "app/main.py",
        "app/vendor/lib.py",
        "app/legacy/old.py",
        "legacy/old.py",
        "gen/api_pb2.py",
        "app/gen/models_pb2.py",
    ):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(USE)
    return tmp_path


def configure(root, body: str):
    (root / "pyproject.toml").write_text(textwrap.dedent(body))


ALL = [
    "app/gen/models_pb2.py",
    "app/legacy/old.py",
    "app/main.py",
    "app/vendor/lib.py",
    "gen/api_pb2.py",
    "legacy/old.py",
]


def test_configured_excludes_are_relative_to_their_pyproject(project):
    configure(
        project,
        """\
        [tool.hapimigrate]
        exclude = ["legacy/*", "app/vendor", "*_pb2.py"]
        """,
    )
    expected = ["app/legacy/old.py", "app/main.py"]
    assert flagged(invoke("check", ".", cwd=project)) == expected
    # the same files from a subfolder: legacy/* is the root's legacy, not app/legacy
    inside = invoke("check", ".", cwd=project / "app")
    assert flagged(inside) == ["legacy/old.py", "main.py"]
    assert "2 findings, 2 files looked at" in inside.stderr
    # and from elsewhere, naming the project
    outside = invoke("check", project.name, cwd=project.parent)
    assert flagged(outside) == [f"{project.name}/{p}" for p in expected]


def test_exclude_on_the_command_line_is_relative_to_the_current_folder(project):
    assert flagged(invoke("check", "--exclude", "legacy/*", ".", cwd=project)) == [
        p for p in ALL if p != "legacy/old.py"
    ]
    result = invoke("check", "--exclude", "legacy/*", ".", cwd=project / "app")
    assert flagged(result) == ["gen/models_pb2.py", "main.py", "vendor/lib.py"]


def test_command_line_exclude_replaces_and_extend_exclude_adds(project):
    configure(
        project, '[tool.hapimigrate]\nexclude = ["legacy"]\nextend-exclude = ["gen/"]\n'
    )
    # without "/" inside, a glob names a file or folder anywhere ("gen/": folders only)
    assert flagged(invoke("check", ".", cwd=project)) == [
        "app/main.py",
        "app/vendor/lib.py",
    ]
    replaced = invoke("check", "--exclude", "vendor", ".", cwd=project)
    assert flagged(replaced) == ["app/legacy/old.py", "app/main.py", "legacy/old.py"]
    extended = invoke("check", "--extend-exclude", "main.py", ".", cwd=project)
    assert flagged(extended) == ["app/vendor/lib.py"]


def test_recursive_glob_matches_at_any_depth_including_none(project):
    configure(project, '[tool.hapimigrate]\nexclude = ["**/old.py"]\n')
    assert "legacy/old.py" not in flagged(invoke("check", ".", cwd=project))
    assert "app/legacy/old.py" not in flagged(invoke("check", ".", cwd=project))


def test_files_named_are_checked_unless_force_exclude(project):
    configure(project, '[tool.hapimigrate]\nexclude = ["legacy/*"]\n')
    named = invoke("check", "legacy/old.py", "app/main.py", cwd=project)
    assert flagged(named) == ["app/main.py", "legacy/old.py"]  # as ruff and black do
    forced = invoke(
        "check", "--force-exclude", "legacy/old.py", "app/main.py", cwd=project
    )
    assert flagged(forced) == ["app/main.py"]
    assert "1 finding, 1 file looked at" in forced.stderr
    configure(
        project, '[tool.hapimigrate]\nexclude = ["legacy/*"]\nforce-exclude = true\n'
    )
    only_excluded = invoke("check", "legacy/old.py", cwd=project)
    assert only_excluded.exit_code == 0  # what pre-commit sees for an excluded file
    assert (
        "no files hapimigrate checks found under legacy/old.py" in only_excluded.stderr
    )


def test_force_exclude_also_skips_a_folder_named(project):
    configure(
        project, '[tool.hapimigrate]\nexclude = ["app/vendor"]\nforce-exclude = true\n'
    )
    result = invoke("check", "app/vendor", "app/main.py", cwd=project)
    assert flagged(result) == ["app/main.py"]


def test_an_empty_folder_says_nothing_was_found(tmp_path):
    (tmp_path / "empty").mkdir()
    for command in ("check", "diff", "report", "apply"):
        result = invoke(command, "empty", cwd=tmp_path)
        assert result.exit_code == 0, command
        assert "no " in result.stderr and "found under empty" in result.stderr, command
    check = invoke("check", "empty", cwd=tmp_path)
    assert check.stderr.splitlines() == [
        "hapimigrate: warning: no files hapimigrate checks found under empty; 0 files looked at",
        "hapimigrate: 0 findings, 0 files looked at",
    ]
    # a folder of files the scanner does not read is the same
    (tmp_path / "empty" / "notes.md").write_text("?hapikey=x\n")
    assert (
        "no Python files or notebooks found"
        in invoke("diff", "empty", cwd=tmp_path).stderr
    )
    assert invoke("check", "-q", "empty", cwd=tmp_path).stderr == ""


def test_a_named_symlink_is_not_followed_and_says_so(tmp_path):
    (tmp_path / "real.py").write_text(USE)
    os.symlink(tmp_path / "real.py", tmp_path / "link.py")
    os.symlink(tmp_path, tmp_path / "linked_dir", target_is_directory=True)
    for name in ("link.py", "linked_dir"):
        result = invoke("check", name, cwd=tmp_path)
        assert result.exit_code == 0 and result.stdout == ""
        assert (
            f"no files hapimigrate checks found under {name}; "
            f"skipped: {name} (symlink not followed)"
        ) in result.stderr


def _deep_folder(root) -> None:
    """A folder below ``root`` whose path is too long to be read (ENAMETOOLONG),
    holding a use: a folder no user, root included, can walk into."""
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(18):
            os.mkdir("d" * 250, dir_fd=fd)
            deeper = os.open("d" * 250, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = deeper
        handle = os.open("deep.py", os.O_WRONLY | os.O_CREAT, dir_fd=fd)
        os.write(handle, USE.encode())
        os.close(handle)
    finally:
        os.close(fd)


def test_a_folder_that_cannot_be_read_is_an_error_not_a_pass(tmp_path):
    (tmp_path / "tree").mkdir()
    (tmp_path / "tree" / "ok.py").write_text(USE)
    _deep_folder(tmp_path / "tree")
    try:
        result = invoke("check", "tree", cwd=tmp_path)
        assert result.exit_code == 2
        assert flagged(result) == ["tree/ok.py"]  # the rest is still checked
        assert ": error: cannot read folder: File name too long" in result.stderr
        assert result.stderr.rstrip().endswith(
            "hapimigrate: 1 finding, 1 file looked at"
        )
    finally:
        shutil.rmtree(tmp_path / "tree")


@pytest.mark.skipif(
    os.geteuid() == 0, reason="root reads every folder whatever its mode"
)
def test_a_folder_without_read_permission_is_an_error(tmp_path):
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.py").write_text(USE)
    (tmp_path / "locked").chmod(0)
    try:
        result = invoke("check", "locked", cwd=tmp_path)
        assert result.exit_code == 2
        assert "locked: error: cannot read folder: Permission denied" in result.stderr
        assert "no files hapimigrate checks found under locked" in result.stderr
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_every_summary_counts_the_files_looked_at(project):
    (project / "app" / "notes.md").write_text("not read\n")
    (project / "app" / "web.ts").write_text("fetch(`/x?hapikey=${k}`);\n")
    lines = {
        command: invoke(command, "app", cwd=project).stderr.splitlines()[-1]
        for command in ("check", "baseline")
    }
    diff = invoke("diff", "app", cwd=project).stderr.splitlines()
    # the files diff reads (Python, notebooks, the front ends' languages); then the scopes
    assert re.search(r", [45] files looked at$", diff[-2])
    assert lines["check"] == "hapimigrate: 5 findings, 5 files looked at"
    assert lines["baseline"].endswith(
        "5 findings recorded in .hapimigrate-baseline.json, 5 files looked at"
    )
    applied = invoke("apply", "app", cwd=project).stderr.splitlines()
    assert any(re.search(r", [45] files looked at$", line) for line in applied)


def test_a_configured_baseline_not_recorded_yet_says_how_to_make_one(project):
    configure(project, '[tool.hapimigrate]\nbaseline = "base.json"\n')
    result = invoke("check", ".", cwd=project)
    assert result.exit_code == 2
    assert (
        "base.json: no such baseline (record one with `hapimigrate baseline`)"
        in result.stderr
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("command", ["check", "report", "diff"])
@pytest.mark.parametrize("fifo", ["pipe.py", "runner"])  # a module's name, a script's
def test_a_named_pipe_in_the_project_is_passed_over(tmp_path, command, fifo):
    """Opening a FIFO waits for a writer forever: found while walking (a .py
    name, or a script whose #! line would be read), it is never opened; the
    commands end (a subprocess, so that a regression fails, not hangs)."""
    import subprocess
    import sys

    (tmp_path / "ok.py").write_text(USE)
    os.mkfifo(tmp_path / fifo)
    for target in (tmp_path, tmp_path / "ok.py"):
        done = subprocess.run(
            [sys.executable, "-m", "hapimigrate", command, str(target)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode in (0, 1), done.stderr
        assert "ok.py" in done.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_in_the_client_package_is_passed_over(tmp_path):
    """The tree passes read the package around a module (who else mentions
    its names): a FIFO there is never opened either."""
    import subprocess
    import sys

    package = tmp_path / "crm"
    package.mkdir()
    (package / "__init__.py").write_text("from .client import Client\n")
    (package / "client.py").write_text(
        "import requests\n\n\nclass Client:\n    def __init__(self, api_key):\n"
        "        self.api_key = api_key\n\n    def owners(self):\n"
        "        return requests.get('https://api.hubapi.com/owners/v2/owners',"
        " params={'hapikey': self.api_key})\n"
    )
    os.mkfifo(package / "pipe.py")
    for command in ("check", "report", "diff"):
        done = subprocess.run(
            [sys.executable, "-m", "hapimigrate", command, str(package / "client.py")],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert done.returncode in (0, 1), done.stderr
