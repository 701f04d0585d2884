"""Benchmark: Python 2 and files LibCST cannot reproduce (issue #12, items 6, 10).

    python bench/python2.py [--python2 PATH] [--limit N]

Python 2: every module of a Python 2.7 standard library (found next to the
``python2.7`` given, or pyenv's) that LibCST cannot parse gets a hapikey use
appended (a key from the environment sent with ``urllib2.urlopen``); each is
migrated, and the script prints how many were migrated, how many results Python
2.7 itself compiles, how many differ from their input on more than the key's
lines (should be none), and the time per file.

Python 3: modules of this Python's standard library, each with the same use
(``urllib.request``), written with CR-only line ends, and with form feeds before
its definitions and whitespace after its last line: the migration of each must
be the migration of the clean module, written the same way.
"""

from __future__ import annotations

import argparse
import difflib
import glob
import os
import random
import subprocess
import sys
import sysconfig
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from hapimigrate import providers  # noqa: E402
from hapimigrate.model import RunOptions  # noqa: E402
from hapimigrate.python import module, python2, roundtrip  # noqa: E402

OPTIONS = RunOptions(providers.resolve(None))
USE = b"""

import os
import %(lib)s
HUBSPOT_KEY_X = os.environ["HUBSPOT_API_KEY"]


def _hubspot_owners_x(count):
    url = "https://api.hubapi.com/owners/v2/owners?hapikey=" + HUBSPOT_KEY_X + "&count=" + str(count)
    return %(lib)s.urlopen(url).read()
"""
KEY_LINES = 5  # the key's definition and the URL out, the URL and urlopen in


def _with_use(data: bytes, lib: bytes) -> bytes:
    return data.rstrip(b"\n") + USE % {b"lib": lib}


def _changed_lines(before: bytes, after: bytes) -> int:
    a = before.decode("latin-1").splitlines()
    b = after.decode("latin-1").splitlines()
    return sum(
        1
        for line in difflib.unified_diff(a, b, lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    )


def _python2(given: str | None) -> str | None:
    candidates = [given] if given else []
    candidates += sorted(
        glob.glob(os.path.expanduser("~/.pyenv/versions/2.7*/bin/python2.7"))
    )
    for path in candidates:
        if path and os.path.exists(path):
            return path
    return None


def python2_corpus(interpreter: str, limit: int) -> None:
    library = subprocess.run(
        [interpreter, "-c", "import os; print(os.path.dirname(os.__file__))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    files = sorted(glob.glob(os.path.join(library, "*.py")))[:limit]
    migrated = compiled = extra = python3 = 0
    seconds = 0.0
    results = {}
    for path in files:
        with open(path, "rb") as handle:
            data = handle.read()
        if roundtrip.round_trips(data):
            python3 += 1
            continue
        source = _with_use(data, b"urllib2")
        start = time.perf_counter()
        result = module.process_source(path, source, OPTIONS)
        seconds += time.perf_counter() - start
        if result.new is None:
            continue
        migrated += 1
        extra += _changed_lines(source, result.new) != KEY_LINES
        results[path] = result.new
    checker = (
        "import sys\n"
        "for p in sys.argv[1:]:\n"
        "    compile(open(p).read(), p, 'exec')\n"
    )
    work = os.path.join("/tmp", "hapimigrate-bench-python2")
    os.makedirs(work, exist_ok=True)
    written = []
    for path, new in results.items():
        target = os.path.join(work, os.path.basename(path))
        with open(target, "wb") as handle:
            handle.write(new)
        written.append(target)
    for target in written:
        ran = subprocess.run([interpreter, "-c", checker, target], capture_output=True)
        compiled += ran.returncode == 0
    candidates = len(files) - python3
    print(
        f"Python 2 ({os.path.basename(library)} standard library): {candidates} modules "
        f"LibCST cannot parse, {migrated} migrated, {compiled} compile with Python 2.7, "
        f"{extra} changed beyond the key's lines; "
        f"{seconds / max(candidates, 1):.2f} s a module"
    )


DECORATIONS = {
    "CR-only line ends": lambda s: s.replace(b"\n", b"\r"),
    "form feeds, trailing whitespace": lambda s: s.replace(b"\n\ndef ", b"\n\n\x0cdef ")
    + b"  \n  ",
}


def python3_corpus(limit: int) -> None:
    library = sysconfig.get_paths()["stdlib"]
    files = sorted(glob.glob(os.path.join(library, "*.py")))
    random.Random(3).shuffle(files)
    for name, decorate in DECORATIONS.items():
        same = total = 0
        seconds = 0.0
        for path in files[:limit]:
            with open(path, "rb") as handle:
                source = _with_use(handle.read(), b"urllib.request")
            clean = module.process_source(path, source, OPTIONS)
            start = time.perf_counter()
            result = module.process_source(path, decorate(source), OPTIONS)
            seconds += time.perf_counter() - start
            total += 1
            same += clean.new is not None and result.new == decorate(clean.new)
        print(
            f"Python 3, {name}: {same} of {total} modules migrated exactly as the "
            f"clean module; {seconds / max(total, 1):.2f} s a module"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python2", help="a python2.7 interpreter")
    parser.add_argument("--limit", type=int, default=400)
    args = parser.parse_args()
    interpreter = _python2(args.python2)
    if interpreter is None:
        print("no Python 2.7 found (--python2 PATH): the Python 2 corpus is skipped")
    else:
        python2_corpus(interpreter, args.limit)
    python3_corpus(min(args.limit, 60))


if __name__ == "__main__":
    main()
