"""Atomic writes under SIGKILL: however `apply` dies, every file is either the
original or the whole migration, and no temporary file is left behind.

The kills land at points the test chooses, not after a random sleep: the `apply`
process runs with its writer wrapped so that it SIGKILLs its whole process group
(workers included) after the Nth file is written, or halfway through writing the
Nth file's bytes. The outcome is then exact: N (or N - 1) files migrated, in order.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import migrate, run_cli

LEGACY = (
    "import requests\n\n"
    "API_KEY = 'k'\n\n"
    "def owners_{n}():\n"
    "    return requests.get('https://api.hubapi.com/owners/v2/owners?hapikey=' + API_KEY + '&n={n}')\n"
    "\nprint(API_KEY[:1])\n"  # the key stays read: files are written as they are migrated
)
FILES = 120  # above the pool threshold, so workers run and must die too

# Runs `hapimigrate apply` with the atomic writer instrumented to kill the process
# group at a chosen point: argv = [N, "after" | "inside", apply arguments...].
KILLER = """
import os, signal, sys
from hapimigrate import source
from hapimigrate.cli import main

target, point = int(sys.argv[1]), sys.argv[2]
written = 0
real_write_all, real_replace = source._write_all, os.replace

def write_all(fd, data, mode):
    if point == "inside" and written + 1 == target:
        os.write(fd, data[: len(data) // 2])
        os.killpg(0, signal.SIGKILL)
    real_write_all(fd, data, mode)

def replace(src, dst):
    global written
    real_replace(src, dst)
    written += 1
    if point == "after" and written == target:
        os.killpg(0, signal.SIGKILL)

source._write_all, os.replace = write_all, replace
sys.argv = ["hapimigrate", "apply", *sys.argv[3:]]
main()
"""


def _tree(tmp_path):
    tree = tmp_path / "tree"
    expected = {}
    for n in range(FILES):
        folder = tree / f"pkg{n % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        source = LEGACY.format(n=n).encode()
        (folder / f"m{n:03}.py").write_bytes(source)
        expected[folder / f"m{n:03}.py"] = (source, migrate(source).new)
    return tree, expected


@pytest.mark.parametrize(
    "point, target, migrated",
    [
        ("after", 1, 1),
        ("inside", 40, 39),
        ("after", 77, 77),
        ("inside", FILES, FILES - 1),
    ],
)
def test_sigkill_never_tears_a_file(tmp_path, point, target, migrated):
    tree, expected = _tree(tmp_path)
    process = subprocess.run(
        [
            sys.executable,
            "-c",
            KILLER,
            str(target),
            point,
            "-q",
            "--jobs",
            "2",
            str(tree),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own process group, which it kills
    )
    assert process.returncode == -9
    states = {"original": 0, "migrated": 0}
    for path, (before, after) in expected.items():
        data = path.read_bytes()
        assert data in (before, after), f"{path} is torn"
        states["original" if data == before else "migrated"] += 1
    assert states["migrated"] == migrated
    leftovers = [p for p in tree.rglob("*") if p.name.endswith(".hapimigrate")]
    assert leftovers == []
    finished = run_cli("apply", "-q", str(tree))
    assert finished.returncode == 0
    assert all(path.read_bytes() == after for path, (_, after) in expected.items())
