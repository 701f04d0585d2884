"""Shared test helpers: the engine on source text, the CLI in process, goldens."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, settings

from hapimigrate.model import RunOptions
from hapimigrate import providers
from hapimigrate.python import module as codemod
from hapimigrate import run

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "fixtures")
# Endpoint lifecycles are judged on this day (the date the lifecycle facts were
# gathered), so that the goldens do not change with the calendar; subprocesses
# inherit it. Tests of other days set it themselves.
TODAY = "2026-11-29"
os.environ["HAPIMIGRATE_TODAY"] = TODAY

# Property tests draw the same examples every run and have no time limit: a
# loaded 2-core machine must not fail them (Hypothesis' default deadline is
# 200 ms an example), and a failure is one anyone can reproduce.
settings.register_profile(
    "hapimigrate",
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("hapimigrate")


def pytest_addoption(parser):
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite the expected files of the golden fixtures from the current output",
    )


@pytest.fixture
def update_goldens(request) -> bool:
    return request.config.getoption("--update-goldens")


def migrate(source: str | bytes, spec: str | None = None, path: str = "example.py"):
    """Run the engine on source text; the FileResult."""
    data = source.encode() if isinstance(source, str) else source
    return codemod.process_source(path, data, RunOptions(providers.resolve(spec)))


def migrated_text(source: str, spec: str | None = None) -> str:
    result = migrate(source, spec)
    assert result.error is None, result.error
    return result.new.decode() if result.new is not None else source


def invoke(*args, cwd=FIXTURES):
    """The CLI in this process, run from ``cwd``."""
    from click.testing import CliRunner

    from hapimigrate.cli import main

    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)


def assert_golden(path: str, text: str, update: bool) -> None:
    """``text`` is what ``path`` holds (rewritten first with --update-goldens)."""
    if update:
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
    with open(path, encoding="utf-8") as handle:
        assert text == handle.read()


def run_cli(*args, cwd=None):
    """The CLI as a user runs it: a process of its own."""
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )
