"""The pre-commit hooks select exactly the files hapimigrate reads, and run as
pre-commit runs them (the files of the commit named, excludes forced).

pre-commit takes a file when its path matches ``files`` and its identify tags
match ``types``; every file the scanner reads is text, so ``types: [text]``
leaves the choice to ``files``, which is compared here with what the walk
itself picks, name by name."""

from __future__ import annotations

import os
import re
import shlex

import pytest
import yaml

from hapimigrate import discover, textscan
from tests.conftest import ROOT, invoke

USE = 'import requests\nrequests.get("https://api.hubapi.com/crm/objects/2026-03/contacts?hapikey=" + KEY)\n'


def hooks() -> dict[str, dict]:
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as f:
        return {hook["id"]: hook for hook in yaml.safe_load(f)}


def candidates() -> list[str]:
    """Every suffix the scanner knows (also in capitals), notebooks, .env files,
    and files it does not read."""
    names = []
    for suffix in sorted(textscan.FAMILIES) + sorted(textscan._MORE) + [".ipynb"]:
        names += [f"file{suffix}", f"FILE{suffix.upper()}"]
    names += ["config.yml.example", "settings.ini.dist", "prod.env.sample",
              ".env-example", "env.example", ".flaskenv", "Procfile", "Jenkinsfile",
              "Dockerfile.dev", "prod.env.local"]  # fmt: skip
    names += [".env", ".env.local", ".env.production", "prod.env", "settings.ENV"]
    names += [".envrc", "env", "README.md", "notes.txt", "Makefile", "Dockerfile",
              "image.png", "data.csv", "poetry.lock", "script.pyc", "app.py.orig",
              "env.py.bak", "a.jsonl", "x.python"]  # fmt: skip
    return names


def walked(tmp_path, text_files: bool) -> set[str]:
    """The repository-relative paths the walk picks, at the top and in a folder."""
    for folder in ("", "sub/"):
        (tmp_path / folder).mkdir(exist_ok=True)
        for name in candidates():
            (tmp_path / folder / name).write_text("x = 1\n")
    found = discover.discover((str(tmp_path),), text_files=text_files)
    return {os.path.relpath(p, tmp_path).replace(os.sep, "/") for p in found}


def selected(hook: dict) -> set[str]:
    pattern = re.compile(hook["files"])
    names = [folder + name for folder in ("", "sub/") for name in candidates()]
    return {name for name in names if pattern.search(name)}


@pytest.mark.parametrize("hook_id", ["hapimigrate-check", "hapimigrate-apply"])
def test_types_leave_the_choice_to_files(hook_id):
    hook = hooks()[hook_id]
    assert hook["types"] == ["text"]  # .env files have no identify type but text
    assert "types_or" not in hook and "exclude_types" not in hook
    assert "--force-exclude" in shlex.split(hook["entry"])
    assert hook["language"] == "python" and hook["require_serial"] is True


def test_check_hook_selects_every_file_the_scanner_reads_and_no_other(tmp_path):
    read = walked(tmp_path, text_files=True)
    assert {".env", "sub/.env.local", "file.jsx", "FILE.TSX", "file.jinja2"} <= read
    assert selected(hooks()["hapimigrate-check"]) == read


def test_apply_hook_runs_for_python_files_and_notebooks_on_the_whole_tree(tmp_path):
    hook = hooks()["hapimigrate-apply"]
    assert selected(hook) == walked(tmp_path, text_files=False)
    # a rewrite depends on the modules that read the key: never the staged files alone
    assert hook["pass_filenames"] is False and shlex.split(hook["entry"])[-1] == "."


def test_check_hook_runs_as_pre_commit_runs_it(tmp_path):
    """pre-commit runs the entry with the files of the commit: a file the
    configuration excludes is not checked although it is named."""
    (tmp_path / "pyproject.toml").write_text(
        '[tool.hapimigrate]\nexclude = ["vendor/*"]\n'
    )
    for path in ("app/client.py", "vendor/lib.py", "web/.env", "web/api.ts"):
        (tmp_path / path).parent.mkdir(exist_ok=True)
    (tmp_path / "app/client.py").write_text(USE)
    (tmp_path / "vendor/lib.py").write_text(USE)
    (tmp_path / "web/.env").write_text("HAPIKEY=${KEY}\n")
    (tmp_path / "web/api.ts").write_text("fetch(`${BASE}/contacts?hapikey=${key}`);\n")
    hook = hooks()["hapimigrate-check"]
    staged = ["app/client.py", "vendor/lib.py", "web/.env", "web/api.ts", "README.md"]
    files = [p for p in staged if re.search(hook["files"], p)]
    assert files == staged[:-1]
    result = invoke(*shlex.split(hook["entry"])[1:], *files, cwd=tmp_path)
    assert result.exit_code == 1
    flagged = sorted({line.split(":")[0] for line in result.stdout.splitlines()})
    assert flagged == ["app/client.py", "web/.env", "web/api.ts"]
    assert "3 files looked at" in result.stderr


def test_readme_local_hook_selects_the_same_files():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    start = readme.index("  - repo: local")
    local = yaml.safe_load("repos:\n" + readme[start : readme.index("```", start)])
    hook = local["repos"][0]["hooks"][0]
    assert hook["files"] == hooks()["hapimigrate-check"]["files"]
    assert hook["types"] == ["text"] and "--force-exclude" in hook["entry"]
