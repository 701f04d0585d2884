"""Small trees migrated together, for the tests of the tree-wide rules: write
the files, run every pass (``run.results``), and read what became of each
file; or run the project's cases before and after ``apply`` (the behaviour
harness)."""

from __future__ import annotations

from pathlib import Path

from hapimigrate import providers, run
from hapimigrate.model import RunOptions
from tests.behaviour.compare import WRONG
from tests.behaviour.harness import Settings, run_project

OPTIONS = RunOptions(provider=providers.resolve("env:HUBSPOT_ACCESS_TOKEN"))


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def migrate(root: Path, files: dict[str, str]) -> dict[str, tuple[list, str, list]]:
    """Migrate a tree: {name: (statuses of its key sites, text after, reasons)}."""
    write(root, files)
    paths = sorted(str(root / name) for name in files)
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        assert result.error is None, result.error
        name = Path(result.path).relative_to(root).as_posix()
        sites = [s for s in result.sites if s.kind.value not in ("call", "version")]
        text = result.new.decode() if result.changed else files[name]
        out[name] = ([s.status for s in sites], text, [s.reason for s in sites])
    return out


def behaves(root: Path, files: dict[str, str], manual: int) -> None:
    """Run the project's cases before and after ``apply``: no wrong verdict
    (token to another host, credential lost, crash), ``manual`` sites left."""
    write(root, files)
    result = run_project(root, Settings())
    assert not result.errors, result.errors
    assert result.verdicts
    assert [v.label for v in result.verdicts if v.kind == WRONG] == []
    assert result.counts.manual == manual
