"""Automation share on a sample of real public code (see ``bench/real_sample.md``).

    .venv/bin/python bench/real_sample.py SAMPLE [--at REF] [--json FILE] [-v]

``SAMPLE`` is a folder holding one folder per repository (the sample of
``bench/real_sample.md`` lives outside this repository, as third-party code is
not ours to commit: ``/work/realcorpus`` where it was assembled). For each,
runs ``hapimigrate report --format json`` and counts its key sites by status
as ``bench/automation.py`` does (the report's summary leaves HubSpot calls and
version notes out), then prints per repository and in total the share migrated
automatically, (rewrite + kept) / key sites, and with ``-v`` every manual or
unparsed site's reason. ``--at REF`` measures the tool as committed at REF (a
``git archive`` of ``hapimigrate/`` first on ``PYTHONPATH``). There is no
behavioural check here: real code has no scenario; each rewrite is read by
hand (``hapimigrate diff``).

Exit 0 (a measurement), 2 when a report could not be made.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from automation import snapshot  # noqa: E402  (git archive of hapimigrate/ at REF)

STATUSES = ("rewrite", "kept", "manual", "unparsed")


def report(folder: Path, tool: Path | None) -> dict[str, Any]:
    """``hapimigrate report --format json`` of one repository's folder."""
    env = dict(os.environ)
    if tool is not None:
        env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(tool), env.get("PYTHONPATH")])
        )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "hapimigrate",
            "report",
            "--format",
            "json",
            str(folder),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tool or ROOT,
    )
    if done.returncode not in (0, 1):
        raise RuntimeError(
            f"{folder.name}: exit {done.returncode}: {done.stderr[-300:]}"
        )
    return json.loads(done.stdout)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sample", type=Path)
    parser.add_argument("--at", metavar="REF")
    parser.add_argument("--json", type=Path, metavar="FILE")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    folders = sorted(
        p for p in args.sample.iterdir() if p.is_dir() and not p.name.startswith("_")
    )
    tool = snapshot(args.at) if args.at else None
    rows: dict[str, dict[str, Any]] = {}
    failed = []
    try:
        for folder in folders:
            try:
                rows[folder.name] = report(folder, tool)
            except (RuntimeError, json.JSONDecodeError) as error:
                failed.append(str(error))
    finally:
        if tool is not None:
            shutil.rmtree(tool, ignore_errors=True)
    totals = dict.fromkeys(("sites", *STATUSES), 0)
    print(f"{'repository':48} {'sites':>5} " + " ".join(f"{s:>8}" for s in STATUSES))
    for name, data in rows.items():
        summary = data["summary"]
        for field in totals:
            totals[field] += summary.get(field, 0)
        counts = " ".join(f"{summary.get(s, 0):>8}" for s in STATUSES)
        print(f"{name[:48]:48} {summary['sites']:>5} {counts}")
        if args.verbose:
            for site in data["sites"]:
                if site["status"] in ("manual", "unparsed"):
                    where = f"{Path(site['path']).name}:{site['line']}"
                    print(f"    {where}: {site['reason']}")
    automatic = totals["rewrite"] + totals["kept"]
    share = automatic / totals["sites"] if totals["sites"] else 0.0
    counts = " ".join(f"{totals[s]:>8}" for s in STATUSES)
    print(f"{'TOTAL':48} {totals['sites']:>5} {counts}")
    print(
        f"automatic: {automatic}/{totals['sites']} ({share:.1%}) in {len(rows)} repositories"
    )
    for line in failed:
        print(f"not measured: {line}", file=sys.stderr)
    if args.json:
        args.json.write_text(
            json.dumps(
                {"totals": totals, "share": share, "repositories": rows}, indent=1
            )
        )
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
