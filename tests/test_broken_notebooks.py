"""A notebook whose JSON is broken (review 21, R10) is taken as a ``.py`` that
does not parse: its key uses, found in its text, are reported ``unparsed``
(exit 1) and the other files migrate; it no longer turns into an error (exit 2)
reported after the other files were written."""

from __future__ import annotations

from tests.conftest import run_cli

KEYED = """\
import requests

API_KEY = "00000000-0000-0000-0000-000000000000"


def contacts():
    return requests.get(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=" + API_KEY
    ).json()
"""
TRUNCATED = (
    '{"cells": [{"cell_type": "code", "source": ["import requests\\n", '
    '"r = requests.get(\\"https://api.hubapi.com/crm/v3/objects/contacts'
    '?hapikey=\\" + KEY)\\n"'
)


def test_apply_reports_a_broken_notebook_and_migrates_the_rest(tmp_path):
    (tmp_path / "sync.py").write_text(KEYED)
    (tmp_path / "nb.ipynb").write_text(TRUNCATED)
    result = run_cli("apply", ".", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert "nb.ipynb:1:" in result.stderr and "not a notebook" in result.stderr
    assert "hapikey" not in (tmp_path / "sync.py").read_text()
    assert (tmp_path / "nb.ipynb").read_text() == TRUNCATED
