"""Behavioural measurement: does migrated code still send what it sent, with a token?

    .venv/bin/python bench/behaviour.py [PROJECT...] [--json FILE] [-j N] [--keep DIR] [-v]
                                        [--corpus DIR]

For each project of bench/corpus, or of --corpus DIR (default: every folder with a
scenario.py; a PROJECT is a folder name there or a path), runs tests/behaviour/harness.py: migrate a copy with
``hapimigrate apply``, run every scenario case before and after with recording fakes,
compare each request. Prints a table per project (sites by status; requests ok,
unchanged-reported, wrong), every wrong verdict with its case, file:line and reason, notes
for scenario authors, and totals. Exit 0 (a measurement), 2 when the harness itself failed.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Sequence

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.behaviour import compare  # noqa: E402
from tests.behaviour.harness import (  # noqa: E402
    ProjectResult,
    Settings,
    find_projects,
    run_project,
)

CORPUS = ROOT / "bench" / "corpus"
redact = compare.redact  # credential-looking values other than the corpus markers


def resolve(names: Sequence[str], corpus: Path = CORPUS) -> list[Path]:
    if not names:
        return find_projects(corpus)
    found = []
    for name in names:
        path = Path(name) if os.sep in name or Path(name).is_dir() else corpus / name
        if not (path / "scenario.py").is_file():
            raise SystemExit(f"behaviour: {name}: no scenario.py")
        found.append(path)
    return found


def table(results: Sequence[ProjectResult]) -> list[str]:
    header = (
        f"{'project':<28} {'cases':>5}  {'rewrite':>7} {'manual':>6} {'kept':>4} "
        f"{'unparsed':>8}  {'ok':>4} {'unch-rep':>8} {'wrong':>5}  {'apply':>5} {'secs':>5}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        c = r.counts
        status = "-" if r.apply_exit is None else str(r.apply_exit)
        lines.append(
            f"{r.project:<28} {len(r.cases):>5}  {c.rewrite:>7} {c.manual:>6} {c.kept:>4} "
            f"{c.unparsed:>8}  {r.tally(compare.OK):>4} {r.tally(compare.REPORTED):>8} "
            f"{r.tally(compare.WRONG):>5}  {status:>5} {r.seconds:>5.1f}"
        )
    return lines


def wrong_lines(results: Sequence[ProjectResult], verbose: bool) -> list[str]:
    """One line per wrong verdict, its details below; the requests with ``verbose``."""
    lines = []
    for r in results:
        for v in r.wrong:
            lines.append(f"{r.project}  {v.case}  {v.where}  {v.label}")
            lines.append(f"    {redact('; '.join(v.details))}")
            if verbose and (v.before or v.after):
                lines.append(f"    before: {redact(v.before)}")
                lines.append(f"    after:  {redact(v.after)}")
    return lines


def totals(results: Sequence[ProjectResult]) -> dict[str, Any]:
    rewrite = sum(r.counts.rewrite for r in results)
    to_migrate = sum(r.counts.to_migrate for r in results)
    return {
        "projects": len(results),
        "sites_rewrite": rewrite,
        "sites_to_migrate": to_migrate,
        "automatic_share": rewrite / to_migrate if to_migrate else None,
        "requests": sum(len(r.verdicts) for r in results),
        "wrong": sum(r.tally(compare.WRONG) for r in results),
        "projects_with_wrong": sum(bool(r.wrong) for r in results),
        "harness_errors": sum(len(r.errors) for r in results),
    }


def as_json(results: Sequence[ProjectResult]) -> dict[str, Any]:
    projects = []
    for r in results:
        data = dataclasses.asdict(r)
        data.pop("runs")
        data["verdicts"] = [
            {**dataclasses.asdict(v), "label": v.label} for v in r.verdicts
        ]
        projects.append(data)
    return {"projects": projects, "totals": totals(results)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("projects", nargs="*", help="corpus folder names or paths")
    parser.add_argument("--json", dest="json_file", help="write the results as JSON")
    parser.add_argument(
        "--corpus", default=str(CORPUS), help="corpus folder (default bench/corpus)"
    )
    parser.add_argument("--jobs", "-j", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", help="keep each project's work folder under DIR")
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="show the requests of wrong verdicts",
    )
    args = parser.parse_args(argv)
    projects = resolve(args.projects, Path(args.corpus))
    jobs = max(1, args.jobs)
    settings = Settings(
        python=sys.executable,
        jobs=max(1, jobs // max(1, len(projects))),
        keep=Path(args.keep).resolve() if args.keep else None,
    )
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(lambda p: run_project(p, settings), projects))
    out = table(results)
    wrong = wrong_lines(results, args.verbose)
    out += ["", "Wrong results:" if wrong else "Wrong results: none", *wrong]
    notes = [f"{r.project}: {note}" for r in results for note in r.notes]
    notes += [
        f"{r.project}: HARNESS ERROR {error}" for r in results for error in r.errors
    ]
    if notes:
        out += ["", "Notes:", *(redact(n) for n in notes)]
    t = totals(results)
    share = "n/a" if t["automatic_share"] is None else f"{t['automatic_share']:.0%}"
    out += [
        "",
        f"Sites migrated automatically: {t['sites_rewrite']}/{t['sites_to_migrate']} ({share})"
        " = rewrite / (rewrite + manual + unparsed)",
        f"Wrong rewrites: {t['wrong']} verdicts in {t['projects_with_wrong']} of "
        f"{t['projects']} projects ({t['requests']} requests and case checks compared)",
    ]
    if t["harness_errors"]:
        out.append(f"Harness errors: {t['harness_errors']}")
    print("\n".join(out))
    if args.json_file:
        with open(args.json_file, "w", encoding="utf-8") as handle:
            json.dump(as_json(results), handle, indent=1)
    return 2 if t["harness_errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
