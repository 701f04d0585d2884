"""``apply --interactive`` through a pseudo-terminal, as a person uses it: each
file's sites (endpoint, scopes, why the rewrite is safe) and diff, then rewrite
(y), skip (n), skip and suppress (s), quit (q) or help (?)."""

from __future__ import annotations

import re
import subprocess
import sys

import click

from hapimigrate import review
from hapimigrate.model import FileResult, Kind, Site, Status
from tests.test_cli_terminal import Terminal

LEGACY = (
    "import os\nimport requests\n\n"
    "def deals():\n"
    '    return requests.get("https://api.hubapi.com/deals/v1/deal/paged?hapikey="'
    ' + os.environ["HUBSPOT_API_KEY"])\n'
)
PROMPT = re.compile(r"Rewrite (\S+)\? \[y,n,s,(?:b,)?q,\?\] $")


def tree(tmp_path, names=("a.py", "b.py", "c.py")):
    for name in names:
        (tmp_path / name).write_text(LEGACY)
    return tmp_path


def next_prompt(terminal: Terminal) -> tuple[str, str]:
    """The text shown for the next file, and the file asked about."""
    shown = terminal.read_until(",q,?] ")
    match = PROMPT.search(shown)
    assert match, shown
    return shown, match.group(1)


def check(path, cwd) -> int:
    return subprocess.run(
        [sys.executable, "-m", "hapimigrate", "check", path],
        capture_output=True,
        cwd=cwd,
    ).returncode


def test_accept_skip_and_suppress_each_file(tmp_path):
    tree(tmp_path)
    terminal = Terminal(["apply", "--interactive", "."], tmp_path, {"NO_COLOR": "1"})
    answers = {"a.py": "y", "b.py": "s", "c.py": "n"}
    asked = []
    for _ in answers:
        shown, name = next_prompt(terminal)
        asked.append(name)
        assert f"{name}: 1 site to rewrite" in shown
        assert (
            "calls GET /deals/v1/deal/paged  (scopes: crm.objects.deals.read)" in shown
        )
        assert "why it is safe: hapikey is cut from the URL" in shown
        assert "the token comes from env:HUBSPOT_ACCESS_TOKEN" in shown
        assert f"--- a/{name}" in shown and "+import os" not in shown.split("@@")[0]
        if name == "a.py":  # a wrong answer brings the help, and the question again
            terminal.send("x")
            again = terminal.read_until(f"Rewrite {name}? [y,n,s,q,?] ")
            assert "s - skip it and add '# hapimigrate: ignore'" in again
        terminal.send(answers[name])
    assert sorted(asked) == ["a.py", "b.py", "c.py"]
    status = terminal.finish()
    assert status == 1  # c.py still sends the key
    output = terminal.output.decode()
    assert "rewrote a.py" in output and "rewrote b.py" not in output
    assert "marked b.py (# hapimigrate: ignore)" in output
    assert "c.py:5:25: manual url GET /deals/v1/deal/paged: skipped in review" in output
    assert "1 suppressed by a comment" in output
    assert "hapikey" not in (tmp_path / "a.py").read_text()
    suppressed = (tmp_path / "b.py").read_text()
    assert suppressed == LEGACY.replace("])\n", "])  # hapimigrate: ignore\n")
    assert (tmp_path / "c.py").read_text() == LEGACY
    assert check("b.py", tmp_path) == 0  # the comment silences check too
    assert check("c.py", tmp_path) == 1


def test_quit_leaves_this_file_and_the_rest(tmp_path):
    tree(tmp_path)
    terminal = Terminal(["apply", "-i", "."], tmp_path, {"NO_COLOR": "1"})
    next_prompt(terminal)
    terminal.send("q")
    assert terminal.finish() == 1
    output = terminal.output.decode()
    assert output.count("[y,n,s,q,?]") == 1  # asked once, then no more
    assert "rewrote" not in output
    assert "3 need a person" in output
    for name in ("a.py", "b.py", "c.py"):
        assert (tmp_path / name).read_text() == LEGACY


def test_end_of_input_is_quit(tmp_path):
    tree(tmp_path, ("a.py",))
    terminal = Terminal(["apply", "-i", "a.py"], tmp_path, {"NO_COLOR": "1"})
    next_prompt(terminal)
    terminal.send("\x04")  # ^D at the start of a line: end of input
    assert terminal.finish() == 1
    assert (tmp_path / "a.py").read_text() == LEGACY


def test_interactive_needs_a_terminal(tmp_path):
    tree(tmp_path, ("a.py",))
    result = subprocess.run(
        [sys.executable, "-m", "hapimigrate", "apply", "--interactive", "a.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        input="y\n",
    )
    assert result.returncode == 2
    assert "--interactive needs a terminal" in result.stderr
    assert (tmp_path / "a.py").read_text() == LEGACY


def _result(source: str, line: int, end_line: int) -> FileResult:
    site = Site("m.py", line, 1, end_line, 2, Kind.URL, Status.REWRITE)
    return FileResult("m.py", (site,), source.encode(), b"changed")


def test_the_comment_goes_where_python_lets_it():
    # a site spanning lines whose first line ends inside a triple-quoted string:
    # the comment goes on a later line of the site
    source = 'x = f("""a\nhapikey=""" + KEY,\n  1)\n'
    marked = review.with_suppressions(_result(source, 1, 3))
    assert marked == b'x = f("""a\nhapikey=""" + KEY,  # hapimigrate: ignore\n  1)\n'
    # a line continued with a backslash cannot take one; no other line: None
    continued = 'url = BASE + "?hapikey=" + \\\n    KEY\n'
    assert review.with_suppressions(_result(continued, 1, 1)) is None
    # a line that has a comment already keeps it
    commented = 'u = "?hapikey=" + K  # the old way\n'
    assert review.with_suppressions(_result(commented, 1, 1)) == (
        b'u = "?hapikey=" + K  # the old way  # hapimigrate: ignore\n'
    )


def test_skip_and_record_in_a_baseline(tmp_path):
    tree(tmp_path, ("a.py", "b.py"))
    terminal = Terminal(
        ["apply", "-i", "--baseline", "base.json", "."], tmp_path, {"NO_COLOR": "1"}
    )
    for _ in range(2):
        shown, name = next_prompt(terminal)
        assert "[y,n,s,b,q,?]" in shown
        terminal.send("b" if name == "a.py" else "n")
    assert terminal.finish() == 1
    output = terminal.output.decode()
    assert "a.py:5:25: manual url GET /deals/v1/deal/paged: skipped in review, " \
        "recorded in base.json" in output  # fmt: skip
    assert (tmp_path / "a.py").read_text() == LEGACY
    with_baseline = subprocess.run(
        [sys.executable, "-m", "hapimigrate", "check", "--baseline", "base.json", "."],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert with_baseline.returncode == 1  # b.py is not in it
    assert "a.py" not in with_baseline.stdout and "b.py:5:" in with_baseline.stdout
    assert "HUBSPOT_API_KEY" not in (tmp_path / "base.json").read_text()


def test_a_baseline_needs_the_review_and_a_baseline_file(tmp_path):
    tree(tmp_path, ("a.py",))
    alone = subprocess.run(
        [sys.executable, "-m", "hapimigrate", "apply", "--baseline", "b.json", "a.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert alone.returncode == 2 and "goes with --interactive" in alone.stderr
    (tmp_path / "notes.json").write_text("{}")
    terminal = Terminal(["apply", "-i", "--baseline", "notes.json", "a.py"], tmp_path)
    assert terminal.finish() == 2
    assert "not a version" in terminal.output.decode()
    assert (tmp_path / "a.py").read_text() == LEGACY


def test_why_names_the_decision_behind_the_rewrite():
    configured = Site("m.py", 3, 1, 3, 9, Kind.URL, Status.REWRITE)
    caller = Site(
        "m.py", 9, 1, 9, 9, Kind.URL, Status.REWRITE,
        reason="sends the caller's api_key as the token: callers pass access tokens now",
    )  # fmt: skip
    result = FileResult("m.py", (configured, caller), b"a\n", b"b\n")
    text = click.unstyle(review.describe(result, "env:CRM_TOKEN"))
    assert "m.py: 2 sites to rewrite" in text
    first, second = text.split("line 9")
    assert "the token comes from env:CRM_TOKEN" in first
    assert "sends the caller's api_key as the token" in second
    assert "env:CRM_TOKEN" not in second


CRM = (
    "import os\nimport requests\n"
    "API_KEY = os.environ.get('HUBSPOT_API_KEY')\n"
    "def owners():\n    return requests.get('https://api.hubapi.com/crm/v3/owners',"
    " params={'hapikey': API_KEY})\n"
)
DIGEST = (
    "import requests, crm\n"
    "OWNERS = 'https://api.hubapi.com/owners/v2/owners?hapikey={key}&limit={n}'\n"
    "def owners(n):\n    return requests.get(OWNERS.format(key=crm.API_KEY, n=n))\n"
)


def test_a_definition_a_skipped_file_reads_is_kept(tmp_path):
    """crm.py's rewrite removes API_KEY, which digest.py reads until its own
    rewrite: it is asked about last, and with digest.py skipped it is left as
    it is, saying why (review 16's S4: it was written, AttributeError)."""
    (tmp_path / "crm.py").write_text(CRM)
    (tmp_path / "digest.py").write_text(DIGEST)
    terminal = Terminal(["apply", "-i", "."], tmp_path, {"NO_COLOR": "1"})
    _, name = next_prompt(terminal)
    assert name == "digest.py"  # the reader first
    terminal.send("n")
    assert terminal.finish() == 1
    output = terminal.output.decode()
    assert "removes API_KEY (read by digest.py)" in output
    assert (tmp_path / "crm.py").read_text() == CRM
    assert (tmp_path / "digest.py").read_text() == DIGEST
