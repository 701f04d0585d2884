"""The diff is printed in each file's own bytes, so that ``git apply`` and
``patch`` take it: a Latin-1 file's diff is Latin-1 (as ``git diff`` prints it),
not text decoded and re-encoded as UTF-8."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

LATIN1 = (
    "# -*- coding: latin-1 -*-\n"
    "# Soci\xe9t\xe9 G\xe9n\xe9rale, \xa9 2019\n"
    "import os\nimport requests\n\n"
    'GREETING = "caf\xe9"\n\n'
    "def deals():\n"
    '    return requests.get("https://api.hubapi.com/deals/v1/deal/paged?hapikey="'
    ' + os.environ["HUBSPOT_API_KEY"])  # \xe0 migrer\n'
).encode("latin-1")


def hm(*args, cwd):
    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args], capture_output=True, cwd=cwd
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_git_apply_takes_the_diff_of_a_latin1_file(tmp_path, ending):
    source = LATIN1.replace(b"\n", ending)
    work, expected = tmp_path / "work", tmp_path / "expected"
    for folder in (work, expected):
        folder.mkdir()
        (folder / "crm.py").write_bytes(source)
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    diff = hm("diff", "crm.py", cwd=work)
    assert diff.returncode == 1, diff.stderr
    assert b"\xe9" in diff.stdout and "é".encode() not in diff.stdout
    (tmp_path / "change.diff").write_bytes(diff.stdout)
    applied = subprocess.run(
        ["git", "apply", str(tmp_path / "change.diff")],
        cwd=work,
        capture_output=True,
    )
    assert applied.returncode == 0, applied.stderr
    assert hm("apply", "crm.py", cwd=expected).returncode == 0
    assert (work / "crm.py").read_bytes() == (expected / "crm.py").read_bytes()
    assert b"hapikey" not in (work / "crm.py").read_bytes()
    assert b"# \xe0 migrer" in (work / "crm.py").read_bytes()


def test_a_utf8_file_with_a_form_feed_gives_a_diff_patch_takes(tmp_path):
    """Lines end at line endings only (str.splitlines would also break at a form
    feed or U+2028 and the hunk would not apply)."""
    if shutil.which("patch") is None:
        pytest.skip("needs patch")
    source = LATIN1.decode("latin-1").replace("latin-1", "utf-8")
    source = source.replace("import os\n", "import os\n\x0c\n# \u2028 sep\n")
    (tmp_path / "crm.py").write_text(source, encoding="utf-8")
    (tmp_path / "orig.py").write_text(source, encoding="utf-8")
    diff = hm("diff", "crm.py", cwd=tmp_path)
    assert diff.returncode == 1, diff.stderr
    patched = subprocess.run(
        ["patch", "-p1", "--dry-run", "--quiet"],
        input=diff.stdout,
        cwd=tmp_path,
        capture_output=True,
    )
    assert patched.returncode == 0, patched.stdout + patched.stderr
