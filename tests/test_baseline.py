"""Baselines as a team uses them: the same answer from any folder, older files
still read, and recording a subfolder never silently drops the rest of the tree."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from tests.conftest import invoke

USE = 'import requests\nrequests.get("https://api.hubapi.com/crm/objects/2026-03/contacts?hapikey=" + KEY)\n'
OTHER = 'import requests\nrequests.get("https://api.hubapi.com/crm/objects/2026-03/deals?hapikey=" + KEY)\n'


@pytest.fixture
def project(tmp_path):
    root = tmp_path / "project"
    for path in ("app/a.py", "app/sub/b.py", "tools/c.py"):
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(USE)
    (root / ".git").mkdir()  # the project root, without any configuration
    return root


def entries(path) -> list[str]:
    document = json.loads(path.read_text())
    return [f["path"] for f in document["findings"]]


def test_paths_are_stored_relative_to_the_project_root(project):
    made = invoke("baseline", "-o", "../base.json", ".", cwd=project / "app")
    assert made.exit_code == 0, made.stderr
    document = json.loads((project / "base.json").read_text())
    assert document["version"] == 1 and document["root"] == "."
    assert entries(project / "base.json") == ["app/a.py", "app/sub/b.py"]
    assert "2 findings recorded in ../base.json, 2 files looked at" in made.stderr


@pytest.mark.parametrize(
    "cwd, baseline, target, new",
    [
        ("", "base.json", ".", ["app/sub/b.py", "tools/c.py"]),
        ("", "base.json", "app", ["app/sub/b.py"]),
        ("app", "../base.json", ".", ["sub/b.py"]),
        ("app/sub", "../../base.json", ".", ["b.py"]),
        ("app/sub", "../../base.json", "../../tools", ["../../tools/c.py"]),
        (
            "..",
            "project/base.json",
            "project",
            ["project/app/sub/b.py", "project/tools/c.py"],
        ),
    ],
)
def test_check_gives_the_same_answer_from_any_folder(
    project, cwd, baseline, target, new
):
    assert invoke("baseline", "-o", "base.json", ".", cwd=project).exit_code == 0
    assert (
        invoke("check", "--baseline", baseline, target, cwd=project / cwd).exit_code
        == 0
    )
    (project / "app" / "sub" / "b.py").write_text(USE + OTHER)
    (project / "tools" / "c.py").write_text(USE + OTHER)
    result = invoke("check", "--baseline", baseline, target, cwd=project / cwd)
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.stdout.splitlines()] == [
        f"{path}:4:14" for path in new  # the new use only, line 4
    ]


def test_a_baseline_that_moves_with_the_project_still_matches(project, tmp_path):
    assert invoke("baseline", "-o", "base.json", ".", cwd=project).exit_code == 0
    moved = tmp_path / "clone"
    shutil.copytree(project, moved)
    assert invoke("check", "--baseline", "base.json", ".", cwd=moved).exit_code == 0
    assert (
        invoke("check", "--baseline", "../base.json", ".", cwd=moved / "app").exit_code
        == 0
    )


def test_a_baseline_without_root_is_read_from_the_current_folder(project):
    """Files made before the root was recorded: paths relative to where they
    were made (the project root, as the README said)."""
    old = {
        "version": 1,
        "tool": "hapimigrate 0.1.0",
        "findings": [],
    }
    assert invoke("baseline", "-o", "new.json", ".", cwd=project).exit_code == 0
    old["findings"] = json.loads((project / "new.json").read_text())["findings"]
    (project / "old.json").write_text(json.dumps(old))
    assert invoke("check", "--baseline", "old.json", ".", cwd=project).exit_code == 0
    # from elsewhere its paths do not resolve: every finding is new (as before)
    elsewhere = invoke("check", "--baseline", "../old.json", ".", cwd=project / "app")
    assert elsewhere.exit_code == 1


def test_baseline_on_a_subfolder_keeps_the_rest_of_the_tree(project):
    assert invoke("baseline", "-o", "base.json", ".", cwd=project).exit_code == 0
    assert entries(project / "base.json") == ["app/a.py", "app/sub/b.py", "tools/c.py"]
    # a new use in app/sub, accepted by recording that folder only
    (project / "app" / "sub" / "b.py").write_text(USE + OTHER)
    made = invoke("baseline", "-o", "../../base.json", ".", cwd=project / "app" / "sub")
    assert made.exit_code == 0
    assert (
        "2 findings recorded in ../../base.json (2 kept for paths not looked at)"
        in made.stderr
    )
    assert entries(project / "base.json") == [
        "app/a.py",
        "app/sub/b.py",
        "app/sub/b.py",
        "tools/c.py",
    ]
    assert invoke("check", "--baseline", "base.json", ".", cwd=project).exit_code == 0
    # a use fixed in a folder and the folder recorded again: its entry goes
    (project / "tools" / "c.py").write_text("print('migrated')\n")
    assert invoke("baseline", "-o", "base.json", "tools", cwd=project).exit_code == 0
    assert entries(project / "base.json") == [
        "app/a.py",
        "app/sub/b.py",
        "app/sub/b.py",
    ]
    # recording the whole tree starts afresh
    os.remove(project / "app" / "a.py")
    assert invoke("baseline", "-o", "base.json", ".", cwd=project).exit_code == 0
    assert entries(project / "base.json") == ["app/sub/b.py", "app/sub/b.py"]


def test_a_file_there_that_is_not_a_baseline_is_not_overwritten(project):
    (project / "base.json").write_text('{"results": []}')
    result = invoke("baseline", "-o", "base.json", ".", cwd=project)
    assert result.exit_code == 2
    assert "not a version 1 hapimigrate baseline; not overwritten" in result.stderr
    assert (project / "base.json").read_text() == '{"results": []}'


def test_the_configured_baseline_is_relative_to_the_configuration(project):
    (project / "pyproject.toml").write_text(
        '[tool.hapimigrate]\nbaseline = ".hapikey-baseline.json"\n'
    )
    assert invoke("baseline", "app", cwd=project).exit_code == 0
    assert invoke("baseline", ".", cwd=project / "tools").exit_code == 0
    assert entries(project / ".hapikey-baseline.json") == [
        "app/a.py",
        "app/sub/b.py",
        "tools/c.py",
    ]
    assert not (project / "tools" / ".hapikey-baseline.json").exists()
    for folder in ("", "app", "app/sub", "tools"):
        assert invoke("check", ".", cwd=project / folder).exit_code == 0, folder


def test_a_run_with_errors_does_not_replace_the_baseline(project):
    """A folder that cannot be read would lose its entries: the file stays."""
    from tests.test_paths import _deep_folder

    assert invoke("baseline", "-o", "base.json", ".", cwd=project).exit_code == 0
    before = (project / "base.json").read_text()
    _deep_folder(project / "app")
    try:
        result = invoke("baseline", "-o", "base.json", ".", cwd=project)
        assert result.exit_code == 2
        assert "cannot read folder" in result.stderr
        assert "base.json not written: the run had errors (above)" in result.stderr
        assert (project / "base.json").read_text() == before
    finally:
        shutil.rmtree(project / "app" / ("d" * 250))
