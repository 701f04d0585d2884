"""Suppression comments are respected by ``diff`` and ``apply`` as by ``check``:
a suppressed site is never rewritten. A file's edits go together (the header, the
import, a key definition that goes), so a file with a suppressed site that would
be rewritten is left exactly as it is, and its other sites say why."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

OWNERS = (
    '    return requests.get("https://api.hubapi.com/owners/v2/owners?hapikey=" + KEY)'
)
DEALS = '    return requests.get("https://api.hubapi.com/deals/v1/deal/paged?hapikey=" + KEY)'


def module(owners_comment: str = "", deals_comment: str = "", head: str = "") -> str:
    return (
        f"{head}import os\nimport requests\n\n"
        'KEY = os.environ["HUBSPOT_API_KEY"]\n\n'
        f"def owners():\n{OWNERS}{owners_comment}\n\n"
        f"def deals():\n{DEALS}{deals_comment}\n"
    )


def hm(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


@pytest.mark.parametrize(
    "comment", ["  # hapimigrate: ignore", "  # noqa: HM001", "  # noqa: E501, HM001"]
)
def test_a_suppressed_site_holds_its_file_back_and_says_so(tmp_path, comment):
    source = module(owners_comment=comment)
    (tmp_path / "crm.py").write_text(source)
    diff = hm("diff", "crm.py", cwd=tmp_path)
    assert (diff.returncode, diff.stdout) == (0, "")
    applied = hm("apply", "crm.py", cwd=tmp_path)
    assert (tmp_path / "crm.py").read_text() == source  # not one byte changed
    assert applied.returncode == 1  # the other site still sends the key
    assert (
        "crm.py:10:25: manual url GET /deals/v1/deal/paged: not rewritten: line 7 "
        "of this file is suppressed" in applied.stderr
    )
    assert "1 need a person, 1 suppressed by a comment" in applied.stderr
    assert "rewrote" not in applied.stderr


def test_a_noqa_for_another_rule_does_not_suppress(tmp_path):
    (tmp_path / "crm.py").write_text(module(owners_comment="  # noqa: HM002"))
    applied = hm("apply", "crm.py", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr
    assert "hapikey" not in (tmp_path / "crm.py").read_text()


def test_a_file_ignore_leaves_the_file_and_counts_nothing_as_pending(tmp_path):
    source = module(head="# hapimigrate: file-ignore\n")
    (tmp_path / "crm.py").write_text(source)
    applied = hm("apply", "crm.py", cwd=tmp_path)
    assert applied.returncode == 0, applied.stderr
    assert (tmp_path / "crm.py").read_text() == source
    assert "2 suppressed by a comment" in applied.stderr
    assert hm("check", "crm.py", cwd=tmp_path).returncode == 0


def test_both_sites_suppressed_apply_and_check_agree(tmp_path):
    source = module("  # hapimigrate: ignore", "  # hapimigrate: ignore")
    (tmp_path / "crm.py").write_text(source)
    assert hm("apply", "crm.py", cwd=tmp_path).returncode == 0
    assert (tmp_path / "crm.py").read_text() == source
    assert hm("check", "crm.py", cwd=tmp_path).returncode == 0


def test_other_files_are_still_migrated(tmp_path):
    (tmp_path / "held.py").write_text(module(owners_comment="  # hapimigrate: ignore"))
    (tmp_path / "free.py").write_text(module())
    applied = hm("apply", ".", cwd=tmp_path)
    assert "rewrote free.py" in applied.stderr
    assert "hapikey" not in (tmp_path / "free.py").read_text()
    assert "hapikey" in (tmp_path / "held.py").read_text()
    assert sorted(os.listdir(tmp_path)) == ["free.py", "held.py"]
