"""Small trees migrated together, for the tests of the tree-wide rules: write
the files, run every pass (``run.results``), and read what became of each
file; or run the project's cases before and after ``apply`` (the behaviour
harness)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from hapimigrate import providers, run
from hapimigrate.model import FileResult, RunOptions, Status
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


def tree(root: Path, files: dict[str, str], spec: str | None = None) -> dict:
    """Every file migrated together (dedented; ``spec``: the token provider):
    name -> its FileResult."""
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    paths = sorted(str(p) for p in root.rglob("*.py"))
    options = RunOptions(providers.resolve(spec))
    return {
        Path(r.path).relative_to(root).as_posix(): r
        for r in run.results(paths, options, jobs=1)
    }


def key_sites(result: FileResult) -> list:
    return [s for s in result.sites if s.kind.value not in ("call", "version")]


def left_alone(result: FileResult, *words: str) -> None:
    """Nothing written, every key site manual, its reason naming ``words``."""
    assert result.error is None, result.error
    assert not result.changed
    sites = key_sites(result)
    assert sites and all(s.status == Status.MANUAL for s in sites), sites
    reasons = " ".join(s.reason for s in sites)
    for word in words:
        assert word in reasons, (word, reasons)


def migrated(result: FileResult) -> str:
    """The migrated text of a file whose every key site was rewritten."""
    assert result.error is None, result.error
    sites = key_sites(result)
    assert sites and all(s.status == Status.REWRITE for s in sites), [
        (s.status, s.reason) for s in sites
    ]
    return result.new.decode()


def migrate_sites(root: Path, files: dict[str, str]) -> dict[str, tuple[list, str]]:
    """Migrate a tree: {name: (its key sites, its text after)}."""
    write(root, files)
    paths = sorted(str(root / name) for name in files)
    out = {}
    for result in run.results(paths, OPTIONS, jobs=1):
        assert result.error is None, result.error
        name = Path(result.path).relative_to(root).as_posix()
        text = result.new.decode() if result.changed else files[name]
        out[name] = (key_sites(result), text)
    return out


def migrate_reasons(root: Path, files: dict[str, str]) -> dict[str, tuple[list, str]]:
    """Migrate a tree: {name: ([(status, reason) of its key sites], its text after)}."""
    return {
        name: ([(s.status, s.reason) for s in sites], text)
        for name, (sites, text) in migrate_sites(root, files).items()
    }


def run_against_standin(
    folder: Path, files: dict[str, str], driver: str, token: str = "tok-main"
) -> list:
    """Write ``files`` (migrated code naming ``https://api.hubapi.com``) into
    ``folder`` pointed at a local HubSpot stand-in, run ``driver`` there with
    Python, the token in ``HUBSPOT_ACCESS_TOKEN`` and no other HubSpot
    variable; the requests the stand-in saw."""
    import os
    import subprocess
    import sys

    from tests.hubspot_standin import StandIn

    with StandIn(token, "devkey-app") as hubspot:
        for name, text in files.items():
            path = folder / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text.replace("https://api.hubapi.com", hubspot.url))
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("HUBSPOT_")},
            "HUBSPOT_ACCESS_TOKEN": token,
        }
        done = subprocess.run(
            [sys.executable, "-c", driver],
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        return list(hubspot.seen)
