"""Start-up: what every command pays before it looks at a file, and the pool
that starts while the files are still being read (issue #15 item 16).

No timings here (they are in bench/startup.py): these tests pin down what makes
start-up cheap (nothing heavy imported up front) and that the early pool changes
nothing a user sees.
"""

from __future__ import annotations

import json
import subprocess
import sys

from hapimigrate import run
from tests.conftest import run_cli

LEGACY = (
    "import requests\n\n"
    "def owners(key):\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + key)\n"
)
PLAIN = "def add(a, b):\n    return a + b\n"


def _loaded_after(statement: str) -> set[str]:
    """The modules loaded by a fresh interpreter after ``statement``."""
    probe = f"import sys\n{statement}\nprint('\\n'.join(sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    return set(done.stdout.split())


def test_importing_the_cli_imports_no_parser_nor_pool():
    loaded = _loaded_after("import hapimigrate.cli")
    assert "hapimigrate.cli" in loaded
    heavy = ("libcst", "tree_sitter", "concurrent.futures.process", "pathspec")
    assert sorted(m for m in loaded if m.split(".")[0] in heavy or m in heavy) == []


def test_the_default_token_provider_scans_no_installed_package(tmp_path):
    """importlib.metadata (10 ms) only when a spec may name a plugin."""
    (tmp_path / "legacy.py").write_text(LEGACY)
    assert "importlib.metadata" not in _loaded_after("import hapimigrate.cli")
    statement = (
        "from hapimigrate.cli import main\n"
        f"try:\n    main(['check', '-q', '--jobs', '1', {str(tmp_path)!r}])\n"
        "except SystemExit as done:\n    assert done.code == 1, done.code"
    )
    assert "importlib.metadata" not in _loaded_after(statement)


def test_the_catalogs_are_read_without_importlib_resources(monkeypatch):
    """Read from the package's folder (importlib.resources costs every process
    5-9 ms), the same text; through importlib.resources where there is none."""
    from importlib import resources

    from hapimigrate.hubspot import datafiles

    loaded = _loaded_after("import hapimigrate.cli")
    assert "importlib.resources" not in loaded and "tempfile" not in loaded
    names = sorted(
        p.name
        for p in resources.files("hapimigrate.hubspot").joinpath("data").iterdir()
        if p.name.endswith(".json")
    )
    assert len(names) >= 6
    shipped = {
        n: resources.files("hapimigrate.hubspot").joinpath("data", n).read_text("utf-8")
        for n in names
    }
    assert {n: datafiles.read_text(n) for n in names} == shipped
    monkeypatch.setattr(datafiles, "_DATA", "/nonexistent/hapimigrate-data")
    assert {n: datafiles.read_text(n) for n in names} == shipped


def test_check_of_a_tree_without_candidates_imports_no_parser(tmp_path):
    (tmp_path / "plain.py").write_text(PLAIN)
    statement = (
        "from hapimigrate.cli import main\n"
        f"try:\n    main(['check', '-q', {str(tmp_path)!r}])\n"
        "except SystemExit as done:\n    assert done.code == 0, done.code"
    )
    loaded = _loaded_after(statement)
    assert not [m for m in loaded if m.split(".")[0] in ("libcst", "tree_sitter")]


def test_a_big_tree_read_by_the_workers_gives_the_serial_results_in_order(
    tmp_path, monkeypatch
):
    """From SPLIT_FILES files the workers read them too, in batches: the same
    results, in the same order (files without a site, then the candidates)."""
    from hapimigrate import providers
    from hapimigrate.model import RunOptions

    monkeypatch.setattr(run, "SPLIT_FILES", 60)
    monkeypatch.setattr(run, "SPLIT_BATCH", 7)
    paths = []
    for n in range(100):
        name = f"m{n:03}.{'js' if n % 10 == 3 else 'py'}"
        text = "fetch(url + '?hapikey=' + key)\n" if name.endswith(".js") else PLAIN
        (tmp_path / name).write_text(LEGACY if n % 9 == 0 else text)
        paths.append(str(tmp_path / name))
    paths.append(str(tmp_path / "missing.py"))  # unreadable: a candidate, an error
    options = RunOptions(providers.resolve(None), scan_text=True)
    serial = list(run.process_files(paths, options, jobs=1))
    split = list(run.process_files(paths, options, jobs=2))
    assert [r.path for r in split] == [r.path for r in serial]
    assert split == serial
    assert sum(1 for r in serial if r.sites) == 21  # 11 Python files, 10 JS files
    assert serial[-1].error and serial[-1].path.endswith("missing.py")


def test_a_big_tree_gives_the_serial_run_s_findings_in_its_order(tmp_path):
    tree = tmp_path / "tree"
    tree.mkdir()
    count = run.SPLIT_FILES + 40  # the workers read the files too
    using = {0, 1, count // 2, count - 1}
    for n in range(count):
        (tree / f"m{n:03}.py").write_text(LEGACY if n in using else PLAIN)
    serial = run_cli("check", "--format", "json", "--jobs", "1", str(tree))
    pooled = run_cli("check", "--format", "json", "--jobs", "2", str(tree))
    assert serial.returncode == pooled.returncode == 1
    assert serial.stdout == pooled.stdout
    assert serial.stderr == pooled.stderr
    paths = [site["path"] for site in json.loads(serial.stdout)["sites"]]
    assert sorted({p.rsplit("/", 1)[-1] for p in paths}) == sorted(
        f"m{n:03}.py" for n in using
    )
