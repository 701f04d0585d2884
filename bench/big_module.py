"""One key use at the end of a big module of small alike functions (generated
code, a vendored client): `check`, `report` and `diff` on it, wall time and
peak memory of each, as whole processes.

    .venv/bin/python bench/big_module.py [--megabytes 7.5] [--work DIR]

The figures measured are in the README (performance section). What made it
slow before: difflib's matcher
without its junk heuristic on thousands of equal lines (tree_handed), blank
lines standing for left-out statements (slicing), and the tree passes
parsing the whole module (tree_endpoints, tree_instances).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time

FUNCTION = (
    "\n\ndef unrelated_{n}(items):\n    total = 0\n    for item in items:\n"
    "        total += item * {n}\n    return total\n"
)
USE = (
    "\n\ndef owners(key):\n    return requests.get("
    "'https://api.hubapi.com/owners/v2/owners?hapikey=' + key)\n"
)


def module(megabytes: float) -> str:
    parts, size, n = ["import requests\n"], 0, 0
    while size < megabytes * 1_000_000:
        parts.append(FUNCTION.format(n=n))
        size += len(parts[-1])
        n += 1
    return "".join(parts) + USE


# runs the command as its child and prints that child's peak memory (kB):
# RUSAGE_CHILDREN of this process would be the largest of all its children
_MEASURE = (
    "import resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
    "stderr=subprocess.DEVNULL).returncode; "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
)


def timed(command: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak MB, exit code of ``command``."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    peak, code = done.stdout.split()
    return wall, int(peak) / 1024, int(code)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=7.5)
    parser.add_argument("--work", default=None)
    args = parser.parse_args(argv)
    work = args.work or tempfile.mkdtemp(prefix="hapimigrate-big-")
    path = os.path.join(work, "generated.py")
    with open(path, "w") as handle:
        handle.write(module(args.megabytes))
    print(f"{path}: {os.path.getsize(path) / 1e6:.1f} MB")
    for command in ("check", "report", "diff"):
        wall, peak, code = timed([sys.executable, "-m", "hapimigrate", command, path])
        print(f"{command:7} {wall:6.1f} s  {peak:6.0f} MB  exit {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
