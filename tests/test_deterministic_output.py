"""The same tree gives the same report, byte for byte, in every process: LibCST
keeps a name's references in a set ordered by memory address, so anything that
walks them must put them in source order (an endpoint list of
bench/corpus/mm_flask_billing_webhooks came out in a different order per run)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

PROJECT = os.path.join(ROOT, "bench", "corpus", "mm_flask_billing_webhooks", "src")


def test_check_json_is_the_same_whatever_the_hash_seed():
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "NO_COLOR": "1"}
        ran = subprocess.run(
            [sys.executable, "-m", "hapimigrate", "check", "--format", "json", PROJECT],
            capture_output=True,
            env=env,
            cwd=ROOT,
        )
        assert ran.returncode in (0, 1), ran.stderr
        outputs.add(ran.stdout)
    assert len(outputs) == 1
