"""Keys named right: a key printed into a notebook's saved output is one to
revoke; a made-up key in a test is none, and a test's made-up mapping stands
for a token; ``"?hap" + "ikey="`` is a key use; a start-up check of the old
key (``try: KEY = os.environ[...] except KeyError: sys.exit(...)``) checks the
token, or stays, said why (review 20's R11, R8, N7, N3)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from hapimigrate import providers, run
from hapimigrate.cli import main
from hapimigrate.model import RunOptions, Status
from tests.trees import key_sites, left_alone, migrated, tree

JOB = RunOptions(providers.resolve(None))
SECRET = "4f2c9a1e-7b3d-4e5f-8a9b-0c1d2e3f4a5b"


# -- R11: a key printed into a notebook's saved output -----------------------


def _code(*lines, outputs=()):
    return {
        "cell_type": "code",
        "metadata": {},
        "execution_count": None,
        "outputs": list(outputs),
        "source": [line + "\n" for line in lines[:-1]] + [lines[-1]],
    }


def _stream(text):
    return {"name": "stdout", "output_type": "stream", "text": [text]}


def _result(text):
    return {
        "output_type": "execute_result",
        "execution_count": 1,
        "metadata": {},
        "data": {"text/plain": [text]},
    }


def _notebook(tmp_path, *cells):
    notebook = {
        "cells": list(cells),
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    target = tmp_path / "owners.ipynb"
    target.write_text(json.dumps(notebook, indent=1) + "\n")
    return target


def _output_sites(target):
    result = run.process_file(str(target), JOB)
    assert result.error is None, result.error
    return [s for s in result.sites if "saved output" in s.reason]


def test_a_bare_key_printed_by_its_cell_is_one_to_revoke(tmp_path):
    """The review's notebook: cell 2 reads and prints the key, whose stream
    output is the bare UUID; the cells migrate, the output is named (by
    place, never its value), and check fails on the file after apply."""
    target = _notebook(
        tmp_path,
        _code("import os", "import requests"),
        _code(
            "HUBSPOT_API_KEY = os.environ['HUBSPOT_API_KEY']",
            "print(HUBSPOT_API_KEY)",
            outputs=[_stream(SECRET + "\n")],
        ),
        _code(
            "r = requests.get('https://api.hubapi.com/crm/v3/owners', params={'hapikey': HUBSPOT_API_KEY})",
            "r.json()",
        ),
    )
    (site,) = _output_sites(target)
    assert (site.status, site.cell, site.hardcoded_key) == (Status.MANUAL, 2, True)
    assert "print(HUBSPOT_API_KEY)" in site.reason and SECRET not in site.reason
    applied = CliRunner().invoke(main, ["apply", str(target)])
    assert applied.exit_code == 1 and SECRET not in applied.output
    assert "hard-coded key" in applied.output
    checked = CliRunner().invoke(main, ["check", str(target)])
    assert checked.exit_code == 1 and "HM004" in checked.output
    assert SECRET not in checked.output


def test_a_key_bound_in_one_cell_and_shown_in_another(tmp_path):
    """``KEY`` bound from the key's variable in cell 1, shown by cell 2's
    f-string and by cell 3's last expression (its execute_result)."""
    target = _notebook(
        tmp_path,
        _code("import os", "KEY = os.getenv('HUBSPOT_API_KEY').strip()"),
        _code("print(f'using key {KEY}')", outputs=[_stream(f"using key {SECRET}\n")]),
        _code("KEY", outputs=[_result(f"'{SECRET}'")]),
    )
    assert [s.cell for s in _output_sites(target)] == [2, 3]


def test_uuids_answered_by_hubspot_are_no_key(tmp_path):
    """A cell that sends the key and shows HubSpot's answer (form guids are
    UUIDs), or prints something else: its output holds no key."""
    guid = "0b9a2f7e-1c3d-4e5f-8a9b-7d6c5b4a3f21"
    target = _notebook(
        tmp_path,
        _code("import os, requests", "KEY = os.environ['HUBSPOT_API_KEY']"),
        _code(
            "requests.get('https://api.hubapi.com/forms/v2/forms', params={'hapikey': KEY}).json()",
            outputs=[_result(f"[{{'guid': '{guid}'}}]")],
        ),
        _code(
            "forms = requests.get('https://api.hubapi.com/forms/v2/forms', params={'hapikey': KEY}).json()",
            "print(forms[0]['guid'])",
            outputs=[_stream(guid + "\n")],
        ),
        _code("print(len(KEY))", outputs=[_stream("36\n")]),
    )
    assert _output_sites(target) == []


def test_a_printed_placeholder_is_no_key_to_revoke(tmp_path):
    """``print(KEY)`` whose output is a placeholder: nothing to revoke."""
    target = _notebook(
        tmp_path,
        _code(
            "KEY = 'your-api-key'", "print(KEY)", outputs=[_stream("your-api-key\n")]
        ),
    )
    assert _output_sites(target) == []
