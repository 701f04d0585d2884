"""A reason that quotes the code never shows a hard-coded key's value: two
literal keys sent by one script (a portal-to-portal copy) are "several keys",
and the reason used to list them verbatim in every report format, the PR body
and diff's stderr included (review 23, R9). Every site's reason goes through
``keys.without_values`` before any output is made of it (``run.results``)."""

from __future__ import annotations

import pytest

from hapimigrate import keys
from tests.conftest import invoke

SOURCE_KEY = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
TARGET_KEY = "9a8b7c6d5e4f4a3b2c1d0e9f8a7b6c5d"
COPY = f"""\
import requests
SRC = "https://api.hubapi.com/contacts/v1/lists/all/contacts/all"
def copy():
    a = requests.get(SRC, params={{"hapikey": "{SOURCE_KEY}"}}).json()
    for c in a["contacts"]:
        requests.post("https://api.hubapi.com/contacts/v1/contact",
                      params={{"hapikey": "{TARGET_KEY}"}}, json=c)
"""


@pytest.mark.parametrize(
    "args",
    [
        ("report",),
        ("report", "--format", "json"),
        ("report", "--format", "markdown"),
        ("report", "--format", "pr"),
        ("diff", "--color", "never"),
    ],
)
def test_no_format_shows_the_keys_a_reason_quotes(tmp_path, args):
    (tmp_path / "copy.py").write_text(COPY)
    result = invoke(*args, ".", cwd=tmp_path)
    assert "several keys are sent" in result.output
    assert SOURCE_KEY not in result.output and TARGET_KEY not in result.output


def test_a_reason_keeps_what_is_no_key():
    reason = keys.without_values(
        f"the key is added only when region == 'eu' ('{SOURCE_KEY}' beside it)"
    )
    assert SOURCE_KEY not in reason
    assert "region == 'eu'" in reason
