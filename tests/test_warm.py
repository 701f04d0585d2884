"""The warm workers (issue #15 item 16): forked as the command starts, they
import LibCST while the parent reads the tree, then take its candidates.

No timings here (see bench/startup.py): these tests pin down when the warm
process is made, that the work really goes to it (the parent never imports
LibCST), that the output is the one a single process gives, and that a worker
that dies changes nothing but where the results are made.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from hapimigrate import warm
from tests.conftest import run_cli

pytestmark = pytest.mark.skipif(
    not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
    reason="the warm workers need os.fork and two cores",
)

LEGACY = (
    "import requests\n\n"
    "def owners_{n}(key):\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + key)\n"
)
PLAIN = "def add(a, b):\n    return a + b\n"
PROGRAM = os.path.join(os.path.dirname(warm.__file__), "__main__.py")


def _tree(root, files: int = 12, legacy: int = 5) -> str:
    for n in range(files):
        text = LEGACY.format(n=n) if n < legacy else PLAIN
        (root / f"m{n:02}.py").write_text(text)
    (root / "deploy.sh").write_text("curl 'https://api.hubapi.com/x?hapikey=$KEY'\n")
    return str(root)


@pytest.mark.parametrize(
    "argv, expected",
    [
        (["check", "src"], True),
        (["diff", "--modernize", "src"], True),
        (["report", "-j", "2", "src"], True),
        (["check", "-j", "1", "src"], False),
        (["check", "--jobs=1", "src"], False),
        (["check", "-j1", "src"], False),
        (["check", "--help"], False),
        (["check", "-", "--stdin-filename", "a.py"], False),
        (["report", "--merge", "a.json", "b.json"], False),
        (["scaffold", "oauth", "-o", "x.py"], False),
        (["verify", "token"], False),
        (["--version"], False),
        ([], False),
    ],
)
def test_the_warm_process_is_made_for_runs_that_read_files(argv, expected):
    assert warm.wanted(["hapimigrate", *argv]) is expected


def test_only_the_program_itself_makes_one():
    assert warm.is_program(["/venv/bin/hapimigrate", "check"])
    assert warm.is_program([PROGRAM, "check"])
    assert not warm.is_program(["/usr/bin/pytest", "check"])
    assert not warm.is_program(["-c", "check"])
    assert not warm.is_program([])


# Runs the CLI as the program (its argv), in a process that then tells whether
# a warm process was made and whether it, the parent, ever imported LibCST.
PROBE = """
import json, sys
sys.argv = [sys.argv[1], *sys.argv[2:]]
from hapimigrate import warm
import hapimigrate.cli as cli
made = warm._started is not None
try:
    cli.main()
except SystemExit as done:
    code = done.code
sys.stdout.flush()
print(json.dumps({"made": made, "code": code,
                  "libcst": "libcst" in sys.modules}), file=sys.stderr)
"""


def _probe(*args: str) -> tuple[dict, str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, PROGRAM, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stderr.strip().splitlines()[-1]), done.stdout


def test_the_candidates_go_to_the_warm_workers_with_the_same_output(tmp_path):
    tree = _tree(tmp_path)
    facts, warm_json = _probe("check", "--format", "json", tree)
    assert facts == {"made": True, "code": 1, "libcst": False}  # all in the workers
    alone, alone_json = _probe("check", "--format", "json", "--jobs", "1", tree)
    assert alone == {"made": False, "code": 1, "libcst": True}
    assert warm_json == alone_json
    sites = json.loads(warm_json)["sites"]
    assert {s["status"] for s in sites if s["path"].endswith(".py")} >= {"rewrite"}
    assert any(s["path"].endswith("deploy.sh") for s in sites)


def test_a_tree_without_candidates_ends_the_warm_process_unused(tmp_path):
    (tmp_path / "plain.py").write_text(PLAIN)
    facts, _ = _probe("check", "-q", str(tmp_path))
    assert facts == {"made": True, "code": 0, "libcst": False}


def test_diff_through_the_warm_workers_is_the_single_process_diff(tmp_path):
    tree = _tree(tmp_path, files=30, legacy=20)
    pooled = run_cli("diff", tree)
    alone = run_cli("diff", "--jobs", "1", tree)
    assert pooled.returncode == alone.returncode == 1
    assert pooled.stdout == alone.stdout and pooled.stdout.count("+++ b/") == 20
    assert pooled.stderr == alone.stderr


# The warm process is killed (SIGKILL) before it is handed the work, or after
# the first result: the results are still all there, in order, the same.
KILLED = """
import json, os, sys
program, tree, when = sys.argv[1:]
sys.argv = [program, "check", tree]
from hapimigrate import warm
import hapimigrate.cli
from hapimigrate import providers, run
from hapimigrate.model import RunOptions
paths = sorted(os.path.join(tree, name) for name in os.listdir(tree))
options = RunOptions(providers.resolve(None), scan_text=True)
ready = warm.take()
assert ready is not None
if when == "before":
    os.kill(ready.pid, 9)
results = []
for result in ready.map(run.process_file, paths, options, 2):
    results.append(result)
    if when == "after" and len(results) == 1:
        os.kill(ready.pid, 9)
alone = [run.process_file(p, options) for p in paths]
print(json.dumps({"same": results == alone, "count": len(results),
                  "sites": sum(len(r.sites) for r in results)}))
"""


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_killed_worker_s_candidates_are_made_elsewhere(tmp_path, when):
    tree = _tree(tmp_path, files=10, legacy=10)
    done = subprocess.run(
        [sys.executable, "-c", KILLED, PROGRAM, tree, when],
        capture_output=True,
        text=True,
        check=True,
    )
    facts = json.loads(done.stdout)
    assert facts["same"] and facts["count"] == 11 and facts["sites"] > 10
