"""Notebooks: code cells are migrated like modules; markdown cells, outputs,
metadata and the JSON layout are kept; magics and shell lines are left alone."""

from __future__ import annotations

import json
import os
import shutil

from click.testing import CliRunner

from hapimigrate.model import RunOptions
from hapimigrate import providers
from hapimigrate import run
from hapimigrate.cli import main
from tests.conftest import FIXTURES

BEFORE = os.path.join(FIXTURES, "notebooks", "export.before.ipynb")
AFTER = os.path.join(FIXTURES, "notebooks", "export.after.ipynb")
JOB = RunOptions(providers.resolve(None))


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def test_golden_notebook():
    result = run.process_file(BEFORE, JOB)
    assert result.error is None
    assert result.new == read(AFTER)
    assert run.process_file(AFTER, JOB).new is None  # idempotent


def test_only_code_cell_sources_change():
    before, after = json.loads(read(BEFORE)), json.loads(read(AFTER))
    assert before["metadata"] == after["metadata"]
    for old, new in zip(before["cells"], after["cells"]):
        assert {k: v for k, v in old.items() if k != "source"} == {
            k: v for k, v in new.items() if k != "source"
        }
        if old["cell_type"] == "markdown":
            assert old["source"] == new["source"]
    code = "".join(after["cells"][1]["source"])
    assert code.startswith("%matplotlib inline\n")  # magics stay, in place
    assert (
        "!curl 'https://api.hubapi.com/owners/v2/owners?hapikey=" in code
    )  # shell: by hand
    assert (
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'
        in code
    )


def test_sites_carry_cell_and_line():
    [site] = run.process_file(BEFORE, JOB).sites
    assert (site.cell, site.cell_line, site.line) == (2, 5, 29)


def test_diff_is_shown_per_cell_and_apply_writes(tmp_path):
    target = tmp_path / "nb.ipynb"
    shutil.copy(BEFORE, target)
    diff = CliRunner().invoke(main, ["diff", str(target)])
    assert diff.exit_code == 1
    assert diff.stdout.startswith(f"--- a/{target} (cell 2)\n+++ b/{target} (cell 2)\n")
    assert CliRunner().invoke(main, ["apply", str(target)]).exit_code == 0
    assert target.read_bytes() == read(AFTER)


def test_a_notebook_in_another_layout_is_reported_not_rewritten(tmp_path):
    target = tmp_path / "compact.ipynb"
    target.write_text(json.dumps(json.loads(read(BEFORE))))  # no indentation
    result = run.process_file(str(target), JOB)
    assert result.new is None
    assert result.sites[0].status.value == "manual"
    assert "nbformat" in result.sites[0].reason


def test_identical_magic_lines_are_reported_at_their_own_lines(tmp_path):
    line = "!curl 'https://api.hubapi.com/x?hapikey=$KEY'\n"
    cell = ["import os\n", line, "x = 1\n", line]
    notebook = {
        "cells": [{"cell_type": "code", "metadata": {}, "source": cell}],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps(notebook, indent=1) + "\n")
    options = RunOptions(providers.resolve(None), scan_text=True)
    sites = run.process_file(str(path), options).sites
    assert [s.cell_line for s in sites] == [2, 4]
