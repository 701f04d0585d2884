"""The candidates the command hands its warm workers (issue #15 item 16).

The command reads each candidate and, for a Python one, makes the part LibCST
is given (``python/prepare.py``: Python's own parse of the whole file, for
slicing) while the workers take the earlier ones; the warm process forks a
second worker from two candidates on, after processing a sample once. None of
it may change a result: each is the one ``process_file`` makes from the path
alone, and the run's output the one a single process gives. No timings here
(see bench/startup.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from hapimigrate import prefilter, providers, run, warm
from hapimigrate.model import RunOptions
from hapimigrate.python import prepare, slicing
from tests.test_warm import _probe

PROGRAM = os.path.join(os.path.dirname(warm.__file__), "__main__.py")

# a module slicing reduces (50 lines or more, the use in the middle)
BIG = (
    "import os\nimport requests\n\n"
    + "".join(f"def helper_{n}(x):\n    return x + {n}\n\n\n" for n in range(20))
    + "KEY = os.environ['HUBSPOT_API_KEY']\n\n\n"
    "def owners():\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + KEY)\n"
    + "".join(f"\n\ndef tail_{n}():\n    return {n}\n" for n in range(10))
)
SMALL = (
    "import requests\n\n"
    "def owners(key):\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + key)\n"
)


def _tree(root) -> list[str]:
    files = {
        "big.py": BIG,
        "small.py": SMALL,
        "big_too.py": BIG.replace("owners", "contacts"),
        "deploy.sh": "curl 'https://api.hubapi.com/x?hapikey=$KEY'\n",
        "notes.py": "# HubSpot notes, no key here\nX = 1\n",
    }
    for name, text in files.items():
        (root / name).write_text(text)
    return sorted(str(root / name) for name in files)


def _options(**changes) -> RunOptions:
    return RunOptions(providers.resolve(None), **{"scan_text": True, **changes})


def _candidates(paths: list[str]) -> list[tuple[str, bytes | None]]:
    found = []
    for path in paths:
        data = run._read(path)
        if data is None or prefilter.may_hold_site(path, data):
            found.append((path, data))
    return found


@pytest.mark.parametrize(
    "changes", [{}, {"calls": "dated"}, {"modernize": True, "scan_text": False}]
)
def test_each_handed_candidate_gives_process_file_s_result(tmp_path, changes):
    options = _options(**changes)
    candidates = _candidates(_tree(tmp_path))
    handed = run._Handed(candidates, options)
    items = [handed[i] for i in range(len(handed))]
    assert isinstance(items[0], str)  # the first: a worker may be waiting for it
    parts = {item[0]: item[2] for item in items[1:] if len(item) == 3}
    big = str(tmp_path / "big_too.py")
    assert isinstance(parts[big], slicing.Slice)  # the parse made here
    kept = [line for line in parts[big].reduced if line.strip()]
    assert len(kept) < len([line for line in BIG.splitlines() if line.strip()])
    for item, (path, _) in zip(items, candidates):
        assert run._process_handed(item, options) == run.process_file(path, options)


def test_a_part_the_reader_cannot_make_is_made_and_reported_by_the_worker(
    tmp_path, monkeypatch
):
    options = _options()
    candidates = _candidates(_tree(tmp_path))

    def broken(data, options):
        raise ValueError("a bug of slicing")

    monkeypatch.setattr(prepare, "reduced", broken)
    handed = run._Handed(candidates, options)
    items = [handed[i] for i in range(len(handed))]
    assert all(isinstance(i, str) or len(i) == 2 for i in items)  # no part
    for item, (path, _) in zip(items, candidates):
        result = run._process_handed(item, options)
        assert result == run.process_file(path, options)
        if path.endswith(".py") and "hapikey" in run._read(path).decode():
            assert "internal error: ValueError: a bug of slicing" in result.error


def test_an_unreadable_candidate_goes_by_its_path(tmp_path):
    missing = str(tmp_path / "gone.py")
    handed = run._Handed(
        [(str(tmp_path / "a.py"), b"x = 1\n"), (missing, None)], _options()
    )
    assert handed[1] == missing
    result = run._process_handed(handed[1], _options())
    assert result == run.process_file(missing, _options())
    assert result.error.startswith("cannot read")


# The program itself (warm workers, test_warm's probe), then the tree as one
# process sees it.


@pytest.mark.skipif(
    not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
    reason="the warm workers need os.fork and two cores",
)
@pytest.mark.parametrize(
    "command", [["check", "--format", "json"], ["check"], ["diff"], ["report"]]
)
def test_the_warm_workers_output_is_the_single_process_s(tmp_path, command):
    _tree(tmp_path)
    facts, stdout = _probe(*command, str(tmp_path))
    assert facts["made"]
    if command[0] == "check":  # it read and sliced them, never importing LibCST
        assert not facts["libcst"]  # (diff's tree-wide passes import it)
    alone = subprocess.run(
        [sys.executable, "-m", "hapimigrate", *command, "--jobs", "1", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert facts["code"] == alone.returncode == (0 if command == ["report"] else 1)
    assert stdout == alone.stdout
    assert stdout.count("big.py") >= 1 and stdout.count("big_too.py") >= 1


@pytest.mark.parametrize(
    "load, spare", [(0.3, True), (1.9, True), (2.0, False), (16.0, False)]
)
def test_a_second_worker_only_where_a_core_is_spare(monkeypatch, load, spare):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    monkeypatch.setattr(os, "getloadavg", lambda: (load, 0.0, 0.0))
    assert run._spare_core() is spare


def test_a_load_that_cannot_be_read_leaves_the_second_worker(monkeypatch):
    def unreadable():
        raise OSError("no /proc/loadavg")

    monkeypatch.setattr(os, "getloadavg", unreadable)
    assert run._spare_core()


# Two workers whatever the load: the warm process processes the sample, then
# forks the second; the results are process_file's, in order.
TWO = """
import json, os, sys
program, tree = sys.argv[1:]
sys.argv = [program, "check", tree]
from hapimigrate import warm
import hapimigrate.cli
from hapimigrate import providers, run
from hapimigrate.model import RunOptions
paths = sorted(os.path.join(tree, name) for name in os.listdir(tree))
options = RunOptions(providers.resolve(None), scan_text=True, calls="dated")
candidates = [(p, run._read(p)) for p in paths]
ready = warm.take()
assert ready is not None
results = list(ready.map(run._process_handed, run._Handed(candidates, options),
                         options, 2))
alone = [run.process_file(p, options) for p in paths]
print(json.dumps({"same": results == alone, "count": len(results),
                  "sites": sum(len(r.sites) for r in results)}))
"""


@pytest.mark.skipif(
    not hasattr(os, "fork") or (os.cpu_count() or 1) < 2,
    reason="the warm workers need os.fork and two cores",
)
def test_two_warm_workers_give_process_file_s_results(tmp_path):
    _tree(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", TWO, PROGRAM, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    )
    facts = json.loads(done.stdout)
    assert facts["same"] and facts["count"] == 5 and facts["sites"] >= 6
