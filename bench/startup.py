"""Benchmark: start-up and small-tree speed of ``hapimigrate check``, against ruff.

    python bench/startup.py [--runs 15] [--work /tmp/hapimigrate-startup]

Three trees: the small checked-in tree (``fixtures/check-tree``), this Python's
standard library without its tests (every .py file outside ``test``/``tests``/
``site-packages``, a hapikey use appended to 1% of them) and a 10x copy of it.
On each, prints the median wall time of the whole process over ``--runs`` runs
(after one warm-up run), two ways: with its output discarded (stdout to
/dev/null) and read through a pipe (the output read by this process), the way a
CI log or an editor reads it. ruff's syntax-only pass (``ruff check --select
E9``) is the yardstick when ruff is on PATH (or ``--ruff PATH``); the ratio
hapimigrate/ruff is printed per tree. Also prints the time of the bare import of
``hapimigrate.cli`` (what every command pays before it starts work).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SMALL = os.path.join(ROOT, "fixtures", "check-tree")
SITE = (
    "\n\nimport requests as _hm_requests\n\n"
    "def _hm_legacy_contacts(key):\n"
    "    return _hm_requests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=' + key)\n"
)
LEFT_OUT = ("test", "tests", "site-packages", "__pycache__")


def build_corpus(work: str) -> tuple[str, str]:
    """The standard library without its tests (1x) and ten copies of it (10x)."""
    one, ten = os.path.join(work, "stdlib-1x"), os.path.join(work, "stdlib-10x")
    if os.path.isdir(one) and os.path.isdir(ten):
        return one, ten
    stdlib = sysconfig.get_paths()["stdlib"]
    files = []
    for directory, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = sorted(d for d in dirnames if d not in LEFT_OUT)
        files += [
            os.path.join(directory, f) for f in sorted(filenames) if f.endswith(".py")
        ]
    for index, source in enumerate(files):
        target = os.path.join(one, os.path.relpath(source, stdlib))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(source, "rb") as handle:
            data = handle.read()
        if index % 100 == 0:  # 1% of the files get a use
            data += SITE.encode()
        with open(target, "wb") as handle:
            handle.write(data)
    for copy in range(10):
        shutil.copytree(one, os.path.join(ten, f"copy{copy}"))
    return one, ten


def wall(command: list[str], piped: bool) -> float:
    """Seconds of one run of ``command``; its output discarded or read."""
    started = time.perf_counter()
    if piped:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        assert process.stdout is not None
        while process.stdout.read(65536):
            pass
        process.wait()
    else:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def median(command: list[str], runs: int, piped: bool) -> float:
    wall(command, piped)  # warm the page cache and the bytecode
    return statistics.median(wall(command, piped) for _ in range(runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--work", default="/tmp/hapimigrate-startup")
    parser.add_argument("--ruff", default=shutil.which("ruff"))
    arguments = parser.parse_args()
    one, ten = build_corpus(arguments.work)
    hapimigrate = [sys.executable, "-m", "hapimigrate"]
    runs = arguments.runs
    importing = [sys.executable, "-c", "import hapimigrate.cli"]
    bare = [sys.executable, "-c", "pass"]
    print(f"python start-up: {median(bare, runs, False):.3f} s")
    print(f"import hapimigrate.cli: {median(importing, runs, False):.3f} s")
    trees = [("check-tree", SMALL, runs), ("stdlib 1x", one, runs)]
    trees.append(("stdlib 10x", ten, max(3, runs // 3)))
    print(f"\n{'tree':<12} {'how':<10} {'hapimigrate':>12} {'ruff':>8} {'ratio':>6}")
    for name, tree, count in trees:
        for piped in (False, True):
            how = "piped" if piped else "discarded"
            ours = median(hapimigrate + ["check", "--exit-zero", tree], count, piped)
            line = f"{name:<12} {how:<10} {ours:>11.3f}s"
            if arguments.ruff:
                theirs = median(
                    [arguments.ruff, "check", "--no-cache", "--select", "E9", "-q"]
                    + ["--exit-zero", tree],
                    count,
                    piped,
                )
                line += f" {theirs:>7.3f}s {ours / theirs:>5.1f}x"
            print(line, flush=True)


if __name__ == "__main__":
    main()
