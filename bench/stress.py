"""Stress: a hapikey use appended to every file of this Python's standard library,
then `hapimigrate apply`; every rewritten file must still compile wherever the
original did, and `check` afterwards finds only files that do not parse.

    python bench/stress.py [--work /tmp/hapimigrate-stress]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile

SITE = (
    b"\n\nimport requests as _hm_requests\n\n"
    b"def _hm_site(key):\n"
    b"    return _hm_requests.get('https://api.hubapi.com/contacts/v1/lists?hapikey=' + key + '&count=1')\n"
)


def compiles(data: bytes, name: str) -> bool:
    try:
        compile(data, name, "exec")
    except (SyntaxError, ValueError):
        return False
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--work", default=os.path.join(tempfile.gettempdir(), "hapimigrate-stress")
    )
    args = parser.parse_args()
    stdlib = sysconfig.get_paths()["stdlib"]
    shutil.rmtree(args.work, ignore_errors=True)
    originals = {}
    for directory, dirnames, filenames in os.walk(stdlib):
        dirnames[:] = [d for d in dirnames if d not in ("site-packages", "__pycache__")]
        for name in filenames:
            if name.endswith(".py"):
                source = os.path.join(directory, name)
                target = os.path.join(args.work, os.path.relpath(source, stdlib))
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(source, "rb") as handle:
                    data = handle.read() + SITE
                with open(target, "wb") as handle:
                    handle.write(data)
                originals[target] = data
    command = [sys.executable, "-m", "hapimigrate"]
    applied = subprocess.run(
        command + ["apply", "-q", args.work], capture_output=True, text=True
    )
    errors = [line for line in applied.stderr.splitlines() if ": error:" in line]
    broken = []
    migrated = 0
    for path, before in originals.items():
        with open(path, "rb") as handle:
            after = handle.read()
        migrated += after != before
        if after != before and compiles(before, path) and not compiles(after, path):
            broken.append(path)
    left = subprocess.run(
        command + ["check", "-q", args.work], capture_output=True, text=True
    )
    rules = sorted(
        {line.split(": ")[1].split()[0] for line in left.stdout.splitlines()}
    )
    print(f"{len(originals)} files, {migrated} migrated, {len(errors)} errors, "
          f"{len(broken)} broken by the rewrite; left for check: {rules or 'nothing'}")  # fmt: skip
    for line in errors[:10] + broken[:10]:
        print("  " + line)
    return 1 if errors or broken else 0


if __name__ == "__main__":
    sys.exit(main())
