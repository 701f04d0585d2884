"""Atomic writes under SIGKILL: however `apply` dies, every file is either the
original or the whole migration, and no temporary file is left behind."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

from tests.conftest import migrate, run_cli

LEGACY = (
    "import requests\n\n"
    "API_KEY = 'k'\n\n"
    "def owners_{n}():\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + API_KEY + '&n={n}')\n"
    "\nprint(API_KEY[:1])\n"  # the key stays read: files are written as they are migrated
)
FILES = 1000


def test_sigkill_never_tears_a_file(tmp_path):
    tree = tmp_path / "tree"
    expected = {}
    for n in range(FILES):
        folder = tree / f"pkg{n % 20}"
        folder.mkdir(parents=True, exist_ok=True)
        source = LEGACY.format(n=n).encode()
        (folder / f"m{n}.py").write_bytes(source)
        expected[folder / f"m{n}.py"] = (source, migrate(source).new)
    rng = random.Random(1234)
    interrupted_midway = False
    for attempt in range(4):
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "hapimigrate",
                "apply",
                "-q",
                "--jobs",
                "2",
                str(tree),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        time.sleep(rng.uniform(1.0, 5.0))
        os.killpg(process.pid, signal.SIGKILL)  # the workers die with it
        process.wait()
        states = {"original": 0, "migrated": 0}
        for path, (before, after) in expected.items():
            data = path.read_bytes()
            assert data in (before, after), f"{path} is torn"
            states["original" if data == before else "migrated"] += 1
        leftovers = [p for p in tree.rglob("*") if p.name.endswith(".hapimigrate")]
        assert leftovers == []
        interrupted_midway |= 0 < states["migrated"] < FILES
        if states["original"] == 0:
            break
    assert interrupted_midway, "no kill landed while files were being written"
    finished = run_cli("apply", "-q", str(tree))
    assert finished.returncode == 0
    assert all(path.read_bytes() == after for path, (_, after) in expected.items())
