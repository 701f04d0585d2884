"""Benchmark: start-up and small-tree speed of ``hapimigrate check``, against ruff.

    python bench/startup.py [--runs 15] [--work DIR] [--ruff PATH] [--before DIR]
                            [--after DIR] [--jobs N,...] [--trees NAME,...]

Three trees: the small checked-in tree (``fixtures/check-tree``), this Python's
standard library without its tests (every .py file outside ``test``/``tests``/
``site-packages``, a hapikey use appended to 1% of them) and a 10x copy of it.
On each, prints the median (and least) wall time of the whole process over
``--runs`` runs, the tools taking turns (a busy machine slows them alike), after
one warm-up run each (which writes the bytecode and LibCST's compiled methods,
as a first run does where ``PYTHONDONTWRITEBYTECODE`` is not set; the timed runs
keep the environment as it is); two ways: with the output discarded (stdout to /dev/null)
and read through a pipe (by this process), the way a CI log or an editor reads
it. ruff's syntax-only pass (``ruff check --select E9``) is the yardstick when
ruff is on PATH (or ``--ruff PATH``; e.g. ``pip install ruff`` into a scratch
venv); the ratio of medians hapimigrate/ruff is printed per tree, of the wall
times and of the CPU times (which a busy machine changes less). ``--before
DIR`` also times an earlier checkout of the package (before/after a change);
``--after DIR`` times the package in DIR as hapimigrate (another checkout);
``--jobs 1,2`` also times ``check --jobs N`` (the pool against no pool);
``--trees 1x,10x`` times only those trees (of ``small``, ``1x``, ``10x``).
Also prints the time of the bare import of
``hapimigrate.cli`` (what every command pays before it starts work).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run as run_bench  # noqa: E402  (bench/run.py: the same corpus builder)

ROOT = os.path.dirname(HERE)
SMALL = os.path.join(ROOT, "fixtures", "check-tree")
LEFT_OUT = ("test", "tests", "site-packages", "__pycache__")
# every tool runs from here: `python -m` puts its folder first on sys.path, which
# from this checkout would shadow --before's package
CWD = tempfile.gettempdir()


def build_corpus(work: str) -> tuple[str, str]:
    """The standard library without its tests, 1% of it with a use, and 10x."""
    return run_bench.build_corpus(work, LEFT_OUT)


def wall(
    command: list[str], piped: bool, env: dict[str, str] | None
) -> tuple[float, float]:
    """Wall and CPU (user + system, the process and its workers) seconds of one
    run of ``command``; its output discarded or read."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    if piped:
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, cwd=CWD
        )
        assert process.stdout is not None
        while process.stdout.read(65536):
            pass
        process.wait()
    else:
        subprocess.run(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            cwd=CWD,
        )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return elapsed, cpu


def timings(
    tools: dict[str, tuple[list[str], dict[str, str] | None]], runs: int, piped: bool
) -> dict[str, list[float]]:
    """``runs`` wall times of each tool, the tools taking turns (so that a busy
    machine slows them alike), after one warm-up run of each."""
    for command, env in tools.values():
        # the page cache, and the bytecode and LibCST's compiled methods
        # (hapimigrate/dataclass_cache.py) written as on a machine without
        # PYTHONDONTWRITEBYTECODE (then read by the timed runs whatever it says)
        writing = dict(env or os.environ)
        writing.pop("PYTHONDONTWRITEBYTECODE", None)
        wall(command, piped, writing)
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in tools}
    for _ in range(runs):
        for name, (command, env) in tools.items():
            times[name].append(wall(command, piped, env))
    return times


def figures(values: list[tuple[float, float]]) -> str:
    walls = [w for w, _ in values]
    cpu = statistics.median(c for _, c in values)
    return f"{statistics.median(walls):.3f} ({min(walls):.3f}) cpu {cpu:.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--work", default="/tmp/hapimigrate-startup")
    parser.add_argument("--ruff", default=shutil.which("ruff"))
    parser.add_argument(
        "--before",
        metavar="DIR",
        help="also time the hapimigrate package in DIR (an earlier checkout, "
        "e.g. from `git archive REV | tar -x -C DIR`)",
    )
    parser.add_argument(
        "--after",
        metavar="DIR",
        help="time the hapimigrate package in DIR as hapimigrate (a checkout "
        "with a change; default: the package this Python imports)",
    )
    parser.add_argument(
        "--jobs",
        default="",
        metavar="N,...",
        help="also time check --jobs N for each N (e.g. 1,2: no pool, two workers)",
    )
    parser.add_argument(
        "--trees",
        default="small,1x,10x",
        metavar="NAME,...",
        help="the trees to time, of small (fixtures/check-tree), 1x and 10x",
    )
    arguments = parser.parse_args()
    one, ten = build_corpus(arguments.work)
    runs = arguments.runs
    bare = [sys.executable, "-c", "pass"]
    importing = [sys.executable, "-c", "import hapimigrate.cli"]
    started = timings(
        {"python": (bare, None), "import": (importing, None)}, runs, False
    )
    print(f"python start-up:        {figures(started['python'])} s")
    print(f"import hapimigrate.cli: {figures(started['import'])} s")
    chosen = set(arguments.trees.split(","))
    trees = [("check-tree", SMALL, runs), ("stdlib 1x", one, runs)]
    trees.append(("stdlib 10x", ten, max(3, runs // 3)))
    trees = [t for t, key in zip(trees, ("small", "1x", "10x")) if key in chosen]
    print("\nmedian (least) wall seconds, median CPU seconds; ratio of wall medians")
    for name, tree, count in trees:
        check = ["check", "--exit-zero", tree]
        after = (
            dict(os.environ, PYTHONPATH=os.path.abspath(arguments.after))
            if arguments.after
            else None
        )
        tools = {"hapimigrate": ([sys.executable, "-m", "hapimigrate", *check], after)}
        for jobs in filter(None, arguments.jobs.split(",")):
            command = [sys.executable, "-m", "hapimigrate", *check, "--jobs", jobs]
            tools[f"-j{jobs}"] = (command, None)
        if arguments.before:
            env = dict(os.environ, PYTHONPATH=os.path.abspath(arguments.before))
            tools["before"] = ([sys.executable, "-m", "hapimigrate", *check], env)
        if arguments.ruff:
            ruff = [arguments.ruff, "check", "--no-cache", "--select", "E9", "-q"]
            tools["ruff"] = ([*ruff, "--exit-zero", tree], None)
        for piped in (False, True):
            times = timings(tools, count, piped)
            line = f"{name:<11} {'piped' if piped else 'discarded':<10}"
            for tool, values in times.items():
                line += f" | {tool} {figures(values)}"
            if "ruff" in times:
                ratio = statistics.median(w for w, _ in times["hapimigrate"])
                ratio /= statistics.median(w for w, _ in times["ruff"])
                cpu = statistics.median(c for _, c in times["hapimigrate"])
                cpu /= statistics.median(c for _, c in times["ruff"])
                line += f"  {ratio:.2f}x ruff (cpu {cpu:.2f}x)"
            print(line, flush=True)


if __name__ == "__main__":
    main()
