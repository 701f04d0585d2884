"""Benchmark: hapimigrate against what teams would otherwise run, side by side.

    python bench/run.py [--runs 5] [--work /tmp/hapimigrate-bench] [--skip semgrep]

Builds a corpus from this Python's standard library (every .py file, with a
hapikey use appended to 1% of them) and a 10x copy, then runs each tool on both and
prints, per tool, the median wall time of the whole process and its peak memory
(the largest sum of resident memory over the process and its children, sampled from
/proc every 10 ms). Also times `hapimigrate diff` of one candidate file, both as a
whole process and inside one (the engine alone, parse to diff).

Tools compared: `hapimigrate check`, `hapimigrate diff`, `ruff check --select E9`
(a syntax-only pass in Rust), `grep -rl hapikey`, and a semgrep rule for the same
uses. ruff and semgrep are looked up on PATH (`pip install ruff semgrep`); missing
ones are reported and skipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time

SITE = (
    "\n\nimport requests as _hm_requests\n\n"
    "def _hm_legacy_contacts(key):\n"
    "    return _hm_requests.get('https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=' + key)\n"
)
SEMGREP_RULE = """\
rules:
  - id: hapikey
    languages: [python]
    severity: ERROR
    message: HubSpot API key use
    pattern-either:
      - pattern: '"=~/hapikey=/"'
      - pattern: '{..., "hapikey": $V, ...}'
      - pattern: $X["hapikey"] = $V
      - pattern: $F(..., hapikey=$V, ...)
"""


def build_corpus(
    work: str, left_out: tuple[str, ...] = ("site-packages", "__pycache__")
) -> tuple[str, str]:
    """This Python's standard library (less the ``left_out`` folders) with a use
    appended to 1% of its files, and a 10x copy; built once per ``work``."""
    one, ten = os.path.join(work, "corpus-1x"), os.path.join(work, "corpus-10x")
    if os.path.isdir(one) and os.path.isdir(ten):
        return one, ten
    stdlib = sysconfig.get_paths()["stdlib"]
    files = []
    for directory, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = sorted(d for d in dirnames if d not in left_out)
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


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/status") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            with open(f"/proc/{current}/task/{current}/children") as handle:
                pending += [int(c) for c in handle.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(command: list[str]) -> tuple[float, int, int]:
    """Wall seconds, peak tree RSS (KiB) and exit code of one run."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss_kb(process.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample)
    sampler.start()
    code = process.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak, code


def median_run(command: list[str], runs: int) -> tuple[float, float, int]:
    results = [measure(command) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results) / 1024,
        results[-1][2],
    )


def tools(corpus: str, work: str, skip: set[str]) -> dict[str, list[str] | None]:
    rule = os.path.join(work, "semgrep-hapikey.yml")
    with open(rule, "w") as handle:
        handle.write(SEMGREP_RULE)
    hapimigrate = [sys.executable, "-m", "hapimigrate"]
    found = {
        "hapimigrate check": hapimigrate + ["check", "-q", corpus],
        "hapimigrate diff": hapimigrate + ["diff", "-q", corpus],
        "ruff check --select E9": ["ruff", "check", "--select", "E9", "--no-cache", "-q", corpus],
        "grep -rl hapikey": ["grep", "-rl", "hapikey", corpus],
        "semgrep (same uses)": [
            "semgrep", "scan", "--config", rule, "--metrics=off", "--quiet",
            "--disable-version-check", corpus,
        ],
    }  # fmt: skip
    return {
        name: (
            command
            if shutil.which(command[0]) and name.split()[0] not in skip
            else None
        )
        for name, command in found.items()
    }


def one_file(work: str, runs: int) -> tuple[float, float]:
    """`hapimigrate diff` of one candidate file: whole process, and in process."""
    path = os.path.join(work, "one_candidate.py")
    with open(path, "w") as handle:
        handle.write("import os\n" + SITE)
    process = median_run(
        [sys.executable, "-m", "hapimigrate", "diff", "-q", path], runs
    )[0]
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
    from hapimigrate import providers, run
    from hapimigrate.model import RunOptions
    from hapimigrate.output.diff import unified_diff

    options = RunOptions(providers.resolve(None))
    run.process_file(path, options)  # imports and caches warm
    timings = []
    for _ in range(max(runs, 20)):
        start = time.perf_counter()
        unified_diff(run.process_file(path, options))
        timings.append(time.perf_counter() - start)
    return process, statistics.median(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--work", default=os.path.join(tempfile.gettempdir(), "hapimigrate-bench")
    )
    parser.add_argument(
        "--skip", action="append", default=[], help="ruff, grep, semgrep, hapimigrate"
    )
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    one, ten = build_corpus(args.work)
    count = sum(len(f) for _, _, f in os.walk(one))
    print(
        f"corpus: {count} files (1x), {10 * count} files (10x), {os.cpu_count()} cores\n"
    )
    print(
        "| tool | 1x wall (s) | 1x peak (MB) | 10x wall (s) | 10x peak (MB) | 10x/1x time |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for name, command in tools(one, args.work, set(args.skip)).items():
        if command is None:
            print(f"| {name} | (not installed or skipped) | | | | |")
            continue
        wall1, peak1, _ = median_run(command, args.runs)
        command10 = [ten if part == one else part for part in command]
        wall10, peak10, _ = median_run(command10, max(1, args.runs // 2))
        print(
            f"| {name} | {wall1:.2f} | {peak1:.0f} | {wall10:.2f} | {peak10:.0f} | {wall10 / wall1:.1f}x |"
        )
    process, inside = one_file(args.work, args.runs)
    print(f"\n`hapimigrate diff` of one candidate file: {process * 1000:.0f} ms as a process, "
          f"{inside * 1000:.1f} ms in process (median)")  # fmt: skip


if __name__ == "__main__":
    main()
