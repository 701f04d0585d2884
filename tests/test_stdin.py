"""Standard input, for editors and pipes (as ruff, black and LibCST take ``-``):
``diff -``, ``apply -`` (the migrated text on stdout), ``check -``, ``report -``,
named with ``--stdin-filename``; nothing is written to disk."""

from __future__ import annotations

import json
import os
import subprocess
import sys

LEGACY = (
    "import os\nimport requests\n\n"
    "def deals():\n"
    '    return requests.get("https://api.hubapi.com/deals/v1/deal/paged?hapikey="'
    ' + os.environ["HUBSPOT_API_KEY"])\n'
)
JS = 'fetch("https://api.hubapi.com/contacts/v1/lists?hapikey=" + key);\n'


def hm(*args, cwd, input: str):
    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        input=input,
    )


def test_diff_of_standard_input_names_the_file_given(tmp_path):
    result = hm(
        "diff", "-", "--stdin-filename", "app/crm.py", cwd=tmp_path, input=LEGACY
    )
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("--- a/app/crm.py\n+++ b/app/crm.py\n@@")
    assert (
        '+    return requests.get("https://api.hubapi.com/deals/v1/deal/paged", '
        in (result.stdout)
    )
    assert os.listdir(tmp_path) == []  # nothing written
    unnamed = hm("diff", "-", cwd=tmp_path, input=LEGACY)
    assert unnamed.stdout.startswith("--- a/-\n+++ b/-\n")
    clean = hm("diff", "-", cwd=tmp_path, input="x = 1\n")
    assert (clean.returncode, clean.stdout) == (0, "")


def test_apply_of_standard_input_prints_the_migrated_text(tmp_path):
    result = hm("apply", "-", cwd=tmp_path, input=LEGACY)
    assert result.returncode == 0, result.stderr
    assert "hapikey" not in result.stdout
    assert (
        'headers={"Authorization": "Bearer " + os.environ["HUBSPOT_ACCESS_TOKEN"]}'
        in (result.stdout)
    )
    compile(result.stdout, "migrated", "exec")
    assert os.listdir(tmp_path) == []
    # what needs no change comes back as it was, so an editor can always replace
    same = hm("apply", "-", cwd=tmp_path, input="x = 1  # unrelated\n")
    assert (same.returncode, same.stdout) == (0, "x = 1  # unrelated\n")
    # the summary stays on stderr, never mixed into the text
    assert "hapimigrate:" not in result.stdout and "hapimigrate:" in result.stderr


def test_check_of_standard_input_uses_the_name_for_the_kind_and_the_path(tmp_path):
    js = hm("check", "-", "--stdin-filename", "web/app.js", cwd=tmp_path, input=JS)
    assert js.returncode == 1
    assert js.stdout.startswith("web/app.js:1:")
    assert "HM005" in js.stdout
    python = hm("check", "-", "--stdin-filename", "crm.py", cwd=tmp_path, input=LEGACY)
    assert python.returncode == 1 and python.stdout.startswith("crm.py:5:")
    clean = hm("check", "-", "--stdin-filename", "ok.py", cwd=tmp_path, input="x = 1\n")
    assert (clean.returncode, clean.stdout) == (0, "")
    zero = hm("check", "--exit-zero", "-", cwd=tmp_path, input=LEGACY)
    assert zero.returncode == 0 and "HM001" in zero.stdout
    suppressed = LEGACY.replace("])\n", "])  # noqa: HM001\n")
    assert hm("check", "-", cwd=tmp_path, input=suppressed).returncode == 0


def test_report_of_standard_input(tmp_path):
    result = hm(
        "report",
        "--format",
        "json",
        "-",
        "--stdin-filename",
        "crm.py",
        cwd=tmp_path,
        input=LEGACY,
    )
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert [s["path"] for s in document["sites"]][0] == "crm.py"
    assert "crm.objects.deals.read" in document["scopes"]


def test_standard_input_goes_alone_and_the_name_goes_with_it(tmp_path):
    (tmp_path / "a.py").write_text("x = 1\n")
    mixed = hm("diff", "-", "a.py", cwd=tmp_path, input=LEGACY)
    assert mixed.returncode == 2 and "cannot go with other paths" in mixed.stderr
    named = hm("diff", "--stdin-filename", "b.py", "a.py", cwd=tmp_path, input="")
    assert named.returncode == 2 and "goes with the path '-'" in named.stderr


def test_force_exclude_passes_over_an_excluded_name(tmp_path):
    """As pre-commit and editors call it: the name decides, and an excluded file
    comes back untouched from apply -, with no findings from check -."""
    args = ("--exclude", "legacy/*", "--force-exclude", "-", "--stdin-filename")
    applied = hm("apply", *args, "legacy/crm.py", cwd=tmp_path, input=LEGACY)
    assert (applied.returncode, applied.stdout) == (0, LEGACY)
    checked = hm("check", *args, "legacy/crm.py", cwd=tmp_path, input=LEGACY)
    assert (checked.returncode, checked.stdout) == (0, "")
    other = hm("check", *args, "app/crm.py", cwd=tmp_path, input=LEGACY)
    assert other.returncode == 1  # not excluded: checked
    unforced = hm("check", "--exclude", "legacy/*", "-", "--stdin-filename",
                  "legacy/crm.py", cwd=tmp_path, input=LEGACY)  # fmt: skip
    assert unforced.returncode == 1  # a file named is checked, as ruff does


def test_a_piped_file_gets_the_answer_it_gets_on_disk(tmp_path):
    """The tree-wide passes run over standard input too: a start-up check of
    the old variable left in the file is reported (and apply exits 1) alike."""
    source = (
        "import os, requests\n"
        "if not os.getenv('HUBSPOT_API_KEY'):\n    raise SystemExit('no key')\n"
        + LEGACY.split("\n", 2)[2]
    )
    (tmp_path / "crm.py").write_text(source)
    on_disk = hm("diff", "crm.py", cwd=tmp_path, input="")
    piped = hm("diff", "-", "--stdin-filename", "crm.py", cwd=tmp_path, input=source)
    assert "crm.py:2:" in on_disk.stderr and "still read here" in on_disk.stderr
    assert (piped.returncode, piped.stdout, piped.stderr) == (
        on_disk.returncode,
        on_disk.stdout,
        on_disk.stderr,
    )
    applied = hm("apply", "-", cwd=tmp_path, input=source)
    assert applied.returncode == 1 and "-:2:" in applied.stderr
    assert "Bearer" in applied.stdout and "hapikey" not in applied.stdout
    assert sorted(os.listdir(tmp_path)) == ["crm.py"]  # nothing written
