"""Automation share: how many key sites hapimigrate migrates by itself, and why not the rest.

    .venv/bin/python bench/automation.py [PROJECT...] [--corpus DIR] [--at REF]
                                         [--json FILE] [--since FILE] [-j N] [--keep DIR] [-v]

For each project of a behavioural corpus (default ``bench/corpus_auto``, the held-out
corpus of issue #12; ``--corpus bench/corpus`` for the other one), runs the behavioural
harness (``tests/behaviour/harness.py``: ``hapimigrate apply --report`` on a copy, every
scenario case before and after, every request compared) and prints:

- per project and in total, the key sites by status (``rewrite``, ``kept``, ``manual``,
  ``unparsed``; sites of kind ``call`` and ``version`` are HubSpot calls, not key uses,
  and are not counted) and the share migrated automatically, (rewrite + kept) / all key
  sites;
- the harness's wrong-rewrite verdicts (as ``bench/behaviour.py`` prints them);
- every manual or unparsed site's reason, first by its root (the last link of a chain
  "X is also sent by F, which cannot change: <why>"), then by the shape of the whole
  reason (names, lines and lists of keys replaced by placeholders), each exact reason
  with its places, so that one sees which shapes block automation;
- the calls whose endpoint the apply report does not know (so neither their scopes), and
  the Python 2 files the harness cannot run, checked to still parse as Python 2.

A project the harness could not measure (``apply`` wrote no report, a case's runner
failed) is listed under "Not measured" and left out of the totals: its verdicts would
compare a migrated copy that does not exist. ``--at REF`` measures the tool as committed
at REF (``git archive`` of ``hapimigrate/`` put first on ``PYTHONPATH`` of the
``apply`` runs), so that a measurement does not depend on edits in progress in the
working tree. ``--since FILE`` compares with an earlier ``--json`` file: the share, and
which sites stopped or started needing a person, and new wrong verdicts.

Exit 0 (a measurement, whatever the figures), 2 when the harness failed on a project.
"""

from __future__ import annotations

import argparse
import ast
import dataclasses
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
for entry in (ROOT, ROOT / "bench"):
    if str(entry) not in sys.path:
        sys.path.insert(0, str(entry))

import behaviour  # noqa: E402  (bench/behaviour.py: corpus resolution, wrong lines)
from tests.behaviour import compare  # noqa: E402
from tests.behaviour.harness import ProjectResult, Settings, run_project  # noqa: E402
from tests.behaviour.records import Site  # noqa: E402

CORPUS = ROOT / "bench" / "corpus_auto"
NOT_KEY_USES = frozenset({"call", "version"})  # report entries that are calls, not keys
AUTOMATIC = ("rewrite", "kept")
NEEDS_PERSON = ("manual", "unparsed")
STATUSES = (*AUTOMATIC, *NEEDS_PERSON)


@dataclass(frozen=True)
class Tally:
    """Key sites of one project (or of all) by status."""

    rewrite: int = 0
    kept: int = 0
    manual: int = 0
    unparsed: int = 0

    @classmethod
    def of(cls, sites: Iterable[Site]) -> Tally:
        """A status this script does not know counts as needing a person."""
        counts = Counter(
            site.status if site.status in STATUSES else "manual" for site in sites
        )
        return cls(*(counts.get(status, 0) for status in STATUSES))

    @classmethod
    def total(cls, tallies: Iterable[Tally]) -> Tally:
        items = list(tallies)
        return cls(*(sum(getattr(t, status) for t in items) for status in STATUSES))

    @property
    def sites(self) -> int:
        return self.rewrite + self.kept + self.manual + self.unparsed

    @property
    def automatic(self) -> int:
        return self.rewrite + self.kept

    @property
    def share(self) -> float | None:
        return self.automatic / self.sites if self.sites else None


@dataclass(frozen=True)
class Blocked:
    """One site left for a person: where, and why."""

    project: str
    path: str
    line: int
    status: str
    kind: str
    reason: str

    @property
    def where(self) -> str:
        return f"{self.project}/{self.path}:{self.line}"

    @property
    def shape(self) -> str:
        shape = reason_shape(self.reason or "no reason given")
        return shape if self.status in NEEDS_PERSON else f"[{self.status}] {shape}"


def key_sites(result: ProjectResult) -> tuple[Site, ...]:
    return tuple(site for site in result.sites if site.kind not in NOT_KEY_USES)


def blocked_sites(results: Sequence[ProjectResult]) -> list[Blocked]:
    return [
        Blocked(r.project, s.path, s.line, s.status, s.kind, s.reason)
        for r in results
        for s in key_sites(r)
        if s.status not in AUTOMATIC
    ]


_SHAPES = (
    (re.compile(r"\(line \d+\)"), "(line N)"),
    (re.compile(r"\bline \d+\b"), "line N"),
    (re.compile(r"[\w./-]+\.py:\d+"), "FILE:N"),
    (re.compile(r"several keys \((?:[^()]|\([^()]*\))*\)"), "several keys (...)"),
    (re.compile(r"stored in \S.*?(?=, which|$)"), "stored in NAME"),
    (re.compile(r"[A-Za-z_][\w.]*(\[[^\]]*\])*\(\)"), "NAME()"),
    (re.compile(r"^[A-Za-z_][\w.]*(\[[^\]]*\])* is "), "NAME is "),
    (re.compile(r"\b[A-Za-z_][\w.]* is also sent by"), "NAME is also sent by"),
    (re.compile(r"\b[A-Za-z_][\w.]* (is used here|comes here)"), r"NAME \1"),
    (re.compile(r"\bof [\w./-]+\.py\b"), "of FILE"),
    (re.compile(r"(the old key) [\w.\[\]\"']+"), r"\1 NAME"),
    (re.compile(r"\((\w+) of NAME\(\)\)"), "(PARAM of NAME())"),
)


def reason_shape(reason: str) -> str:
    """The reason with the project's own names, lines and key lists taken out."""
    shape = reason
    for pattern, replacement in _SHAPES:
        shape = pattern.sub(replacement, shape)
    return shape


CHAIN = "which cannot change: "  # "X is also sent by F, which cannot change: <why>"


def root_shape(reason: str) -> str:
    """The last link of a chain of reasons: why the whole chain stays manual."""
    return reason_shape(reason.rsplit(CHAIN, 1)[-1])


def root_lines(blocked: Sequence[Blocked]) -> list[str]:
    counts = Counter(root_shape(item.reason or "no reason given") for item in blocked)
    return [
        f"{n:>4}  {shape}"
        for shape, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]


def reason_lines(blocked: Sequence[Blocked], verbose: bool) -> list[str]:
    """Shapes by count; under each, the exact reasons with their locations."""
    by_shape: dict[str, list[Blocked]] = defaultdict(list)
    for item in blocked:
        by_shape[item.shape].append(item)
    lines = []
    for shape, items in sorted(by_shape.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"{len(items):>4}  {shape}")
        exact: dict[str, list[Blocked]] = defaultdict(list)
        for item in items:
            exact[item.reason].append(item)
        for reason, group in sorted(exact.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if reason != shape or verbose or len(exact) > 1:
                lines.append(f"        {len(group):>3}  {reason or '(no reason)'}")
            lines.append(f"             at {', '.join(g.where for g in group)}")
    return lines


def table(results: Sequence[ProjectResult]) -> list[str]:
    header = (
        f"{'project':<34} {'sites':>5} {'rewrite':>7} {'kept':>4} {'manual':>6} "
        f"{'unparsed':>8} {'auto':>5}  {'requests':>8} {'wrong':>5} {'apply':>5}"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        t = Tally.of(key_sites(r))
        lines.append(row(r.project, t, len(r.verdicts), r.tally(compare.WRONG), r))
    total = Tally.total(Tally.of(key_sites(r)) for r in results)
    lines.append("-" * len(header))
    requests = sum(len(r.verdicts) for r in results)
    wrong = sum(r.tally(compare.WRONG) for r in results)
    lines.append(row("TOTAL", total, requests, wrong, None))
    return lines


def row(name: str, t: Tally, requests: int, wrong: int, r: ProjectResult | None) -> str:
    share = "-" if t.share is None else f"{t.share:.0%}"
    status = "" if r is None else ("-" if r.apply_exit is None else str(r.apply_exit))
    return (
        f"{name:<34} {t.sites:>5} {t.rewrite:>7} {t.kept:>4} {t.manual:>6} "
        f"{t.unparsed:>8} {share:>5}  {requests:>8} {wrong:>5} {status:>5}"
    )


ELSEWHERE = "but sites need a person in"  # the harness's words for a site off the stack


def reported_elsewhere(results: Sequence[ProjectResult]) -> int:
    """Wrong verdicts of a key left where apply did report a site for a person, in a
    file that is not on the request's stack (a client built in one module, used in
    another): the harness cannot tie the two, a person can."""
    return sum(
        v.reason == "key-left-unreported" and any(ELSEWHERE in d for d in v.details)
        for r in results
        for v in r.wrong
    )


def summary(results: Sequence[ProjectResult]) -> dict[str, Any]:
    total = Tally.total(Tally.of(key_sites(r)) for r in results)
    blocked = blocked_sites(results)
    return {
        "projects": len(results),
        "sites": total.sites,
        "rewrite": total.rewrite,
        "kept": total.kept,
        "manual": total.manual,
        "unparsed": total.unparsed,
        "automatic": total.automatic,
        "automatic_share": total.share,
        "requests": sum(len(r.verdicts) for r in results),
        "wrong": sum(r.tally(compare.WRONG) for r in results),
        "projects_with_wrong": sum(bool(r.wrong) for r in results),
        "wrong_reported_elsewhere": reported_elsewhere(results),
        "apply_failed": [r.project for r in results if r.apply_exit not in (0, 1)],
        "harness_errors": sum(len(r.errors) for r in results),
        "manual_reasons": dict(Counter(item.shape for item in blocked).most_common()),
        "manual_root_reasons": dict(
            Counter(root_shape(item.reason) for item in blocked).most_common()
        ),
    }


def as_json(results: Sequence[ProjectResult]) -> dict[str, Any]:
    projects = []
    for r in results:
        t = Tally.of(key_sites(r))
        projects.append(
            {
                "project": r.project,
                "sites": t.sites,
                "rewrite": t.rewrite,
                "kept": t.kept,
                "manual": t.manual,
                "unparsed": t.unparsed,
                "automatic_share": t.share,
                "apply_exit": r.apply_exit,
                "requests": len(r.verdicts),
                "wrong": [
                    {
                        "case": v.case,
                        "where": v.where,
                        "label": v.label,
                        "details": [compare.redact(d) for d in v.details],
                    }
                    for v in r.wrong
                ],
                "blocked": [
                    {
                        "path": b.path,
                        "line": b.line,
                        "status": b.status,
                        "kind": b.kind,
                        "reason": b.reason,
                        "shape": b.shape,
                    }
                    for b in blocked_sites([r])
                ],
                "notes": [compare.redact(n) for n in r.notes],
                "errors": [compare.redact(e) for e in r.errors],
            }
        )
    return {"projects": projects, "totals": summary(results)}


def since_lines(previous: dict[str, Any], now: dict[str, Any]) -> list[str]:
    """What changed against an earlier ``--json`` file: the share, the wrong verdicts,
    and the sites that stopped or started needing a person (by project, file and line).
    """

    def blocked(data: dict[str, Any]) -> dict[tuple[str, str, int], str]:
        return {
            (p["project"], b["path"], b["line"]): b["reason"]
            for p in data.get("projects", ())
            for b in p.get("blocked", ())
        }

    def wrong(data: dict[str, Any]) -> set[tuple[str, str, str, str]]:
        return {
            (p["project"], w["case"], w["where"], w["label"])
            for p in data.get("projects", ())
            for w in p.get("wrong", ())
        }

    measured = {p["project"] for p in now.get("projects", ())}

    def figures(data: dict[str, Any]) -> str:
        """Automatic/all and wrong verdicts over the projects measured now."""
        items = [p for p in data.get("projects", ()) if p["project"] in measured]
        sites = sum(p["sites"] for p in items)
        auto = sum(p["rewrite"] + p["kept"] for p in items)
        share = f"{auto / sites:.0%}" if sites else "n/a"
        return f"{auto}/{sites} ({share}), {sum(len(p['wrong']) for p in items)} wrong"

    old_blocked = {k: v for k, v in blocked(previous).items() if k[0] in measured}
    new_blocked = blocked(now)
    old_wrong = {w for w in wrong(previous) if w[0] in measured}
    new_wrong = wrong(now)
    lines = [
        f"Since the earlier measurement (tool: {previous.get('tool', '?')}), on the "
        f"{len(measured)} projects measured now: {figures(previous)} -> {figures(now)}"
    ]
    freed = sorted(set(old_blocked) - set(new_blocked))
    stuck = sorted(set(new_blocked) - set(old_blocked))
    lines += [f"  no longer left for a person: {len(freed)}"]
    lines += [f"    {p}/{f}:{n}  (was: {old_blocked[(p, f, n)]})" for p, f, n in freed]
    lines += [f"  newly left for a person: {len(stuck)}"]
    lines += [f"    {p}/{f}:{n}  {new_blocked[(p, f, n)]}" for p, f, n in stuck]
    gone, came = sorted(old_wrong - new_wrong), sorted(new_wrong - old_wrong)
    lines += [f"  wrong verdicts gone: {len(gone)}, new: {len(came)}"]
    lines += [f"    new: {p}  {c}  {w}  {label}" for p, c, w, label in came]
    return lines


@dataclass(frozen=True)
class Python2File:
    """A file of the project that only Python 2 parses, before and after ``apply``. The
    harness runs Python 3, so these are checked for syntax only."""

    project: str
    path: str
    changed: bool
    parses_after: bool  # still valid Python 2 after apply
    keys_before: int  # occurrences of "hapikey"
    keys_after: int
    bearer_after: bool

    def describe(self) -> str:
        if not self.changed:
            return f"{self.project}/{self.path}: unchanged"
        syntax = "parses" if self.parses_after else "NO LONGER PARSES"
        bearer = "a Bearer header" if self.bearer_after else "no Bearer header"
        return (
            f"{self.project}/{self.path}: migrated, {syntax} as Python 2, hapikey "
            f"{self.keys_before} -> {self.keys_after}, {bearer}"
        )


def parses_as_python3(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError):
        return False
    return True


def parses_as_python2(text: str) -> bool:
    """Python 2 syntax (print and exec statements), by fissix's grammar."""
    from fissix import pygram, pytree
    from fissix.pgen2 import driver

    parser = driver.Driver(pygram.python_grammar, convert=pytree.convert)
    try:
        parser.parse_string(text if text.endswith("\n") else text + "\n")
    except Exception:  # noqa: BLE001 - any parse failure means "does not parse"
        return False
    return True


def python2_files(project: str, work: Path) -> list[Python2File]:
    """The project's Python-2-only files in the harness's kept work folder (none
    without fissix, which reads Python 2)."""
    if importlib.util.find_spec("fissix") is None:
        return []
    before, after = work / "before" / "src", work / "after" / "src"
    found = []
    for file in sorted(before.rglob("*.py")):
        text = file.read_text(encoding="utf-8", errors="replace")
        if parses_as_python3(text) or not parses_as_python2(text):
            continue
        rel = file.relative_to(before)
        migrated = after / rel
        new = (
            migrated.read_text(encoding="utf-8", errors="replace")
            if migrated.is_file()
            else ""
        )
        found.append(
            Python2File(
                project=project,
                path=rel.as_posix(),
                changed=new != text,
                parses_after=parses_as_python2(new),
                keys_before=text.lower().count("hapikey"),
                keys_after=new.lower().count("hapikey"),
                bearer_after="bearer" in new.lower(),
            )
        )
    return found


@dataclass(frozen=True)
class UnknownEndpoint:
    """A call of the apply report whose endpoint or method is not known (or not in the
    scope catalog): its scopes cannot be told (#12 items 9 and 11)."""

    project: str
    path: str
    line: int
    method: str
    endpoint: str
    reason: str

    @property
    def where(self) -> str:
        return f"{self.project}/{self.path}:{self.line}"


def unknown_endpoints(project: str, work: Path) -> list[UnknownEndpoint]:
    """The ``unknown_endpoints`` of the apply report in the kept work folder."""
    report = work / "report.json"
    if not report.is_file():
        return []
    data = json.loads(report.read_text(encoding="utf-8"))
    found = []
    for item in data.get("unknown_endpoints", ()):
        path = str(item.get("path", "?")).replace(os.sep, "/")
        path = path.split("/after/src/", 1)[-1]
        found.append(
            UnknownEndpoint(
                project=project,
                path=path,
                line=int(item.get("line") or 0),
                method=str(item.get("method") or "?"),
                endpoint=str(item.get("endpoint") or "?"),
                reason=str(item.get("reason") or ""),
            )
        )
    return found


def endpoint_lines(items: Sequence[UnknownEndpoint]) -> list[str]:
    by_reason: dict[str, list[UnknownEndpoint]] = defaultdict(list)
    for item in items:
        by_reason[item.reason].append(item)
    lines = []
    for reason, group in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"{len(group):>4}  {reason}")
        for item in group:
            lines.append(f"             {item.where}  {item.method} {item.endpoint}")
    return lines


@dataclass(frozen=True)
class WorkChecks:
    """What the kept work folders tell beyond the harness's verdicts."""

    python2: tuple[Python2File, ...] = ()
    endpoints: tuple[UnknownEndpoint, ...] = ()


def check_work(results: Sequence[ProjectResult], kept: Path) -> WorkChecks:
    measured = [r for r in results if not r.errors and (kept / r.project).is_dir()]
    return WorkChecks(
        python2=tuple(
            f for r in measured for f in python2_files(r.project, kept / r.project)
        ),
        endpoints=tuple(
            e for r in measured for e in unknown_endpoints(r.project, kept / r.project)
        ),
    )


def snapshot(ref: str) -> Path:
    """``hapimigrate/`` as committed at REF, in a fresh folder (the caller removes it)."""
    folder = Path(tempfile.mkdtemp(prefix="automation-tool-"))
    archive = subprocess.run(
        ["git", "archive", "--format=tar", ref, "hapimigrate"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


def measure(
    projects: Sequence[Path], settings: Settings, jobs: int, at: str | None
) -> tuple[list[ProjectResult], WorkChecks]:
    """Run the harness on every project (with the tool of REF ``at``, if given), then
    look at its work folders: Python 2 files it cannot run, unknown endpoints."""
    tool = snapshot(at) if at else None
    saved = os.environ.get("PYTHONPATH")
    temporary = settings.keep is None  # the work folders, for the Python 2 check
    kept = settings.keep or Path(tempfile.mkdtemp(prefix="automation-work-"))
    settings = dataclasses.replace(settings, keep=kept)
    if tool is not None:  # the apply runs inherit this process's environment
        os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tool), saved]))
    try:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(lambda p: run_project(p, settings), projects))
        return results, check_work(results, kept)
    finally:
        if tool is not None:
            if saved is None:
                os.environ.pop("PYTHONPATH", None)
            else:
                os.environ["PYTHONPATH"] = saved
            shutil.rmtree(tool, ignore_errors=True)
        if temporary:
            shutil.rmtree(kept, ignore_errors=True)


def not_measured_lines(failed: Sequence[ProjectResult]) -> list[str]:
    lines = []
    for r in failed:
        lines.append(f"{r.project}: HARNESS ERROR")
        for error in r.errors:
            tail = error.strip().splitlines()[-1] if error.strip() else "?"
            lines.append(f"    {compare.redact(tail)}")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("projects", nargs="*", help="corpus folder names or paths")
    parser.add_argument(
        "--corpus",
        default=str(CORPUS),
        help="corpus folder (default bench/corpus_auto)",
    )
    parser.add_argument(
        "--at", metavar="REF", help="measure hapimigrate as committed at REF (git)"
    )
    parser.add_argument("--json", dest="json_file", help="write the results as JSON")
    parser.add_argument(
        "--since", metavar="FILE", help="compare with an earlier --json file"
    )
    parser.add_argument("--jobs", "-j", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--keep", help="keep each project's work folder under DIR")
    parser.add_argument(
        "--verbose", "-v", action="store_true", help="every exact reason, and requests"
    )
    args = parser.parse_args(argv)
    projects = behaviour.resolve(args.projects, Path(args.corpus))
    jobs = max(1, args.jobs)
    settings = Settings(
        python=sys.executable,
        jobs=max(1, jobs // max(1, len(projects))),
        keep=Path(args.keep).resolve() if args.keep else None,
    )
    tool = "working tree"
    if args.at:
        sha = subprocess.run(
            ["git", "rev-parse", "--short", args.at],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        tool = f"{args.at} ({sha})"
    results, checks = measure(projects, settings, jobs, args.at)
    python2 = checks.python2
    measured = [r for r in results if not r.errors]
    failed = [r for r in results if r.errors]
    out = table(measured)
    wrong = behaviour.wrong_lines(measured, args.verbose)
    out += ["", "Wrong results:" if wrong else "Wrong results: none", *wrong]
    blocked = blocked_sites(measured)
    out += ["", f"Sites left for a person, by root reason ({len(blocked)}):"]
    out += root_lines(blocked) or ["   none"]
    if blocked:
        out += ["", "The same, by whole reason, with the places:"]
        out += reason_lines(blocked, args.verbose)
    notes = [f"{r.project}: {note}" for r in measured for note in r.notes]
    if notes:
        out += ["", "Notes:", *(compare.redact(n) for n in notes)]
    if checks.endpoints:
        out += [
            "",
            f"Calls whose endpoint the report does not know ({len(checks.endpoints)}:"
            " no scopes for them; #12 items 9 and 11):",
            *endpoint_lines(checks.endpoints),
        ]
    if python2:
        out += [
            "",
            "Python 2 files (the harness runs Python 3: checked for Python 2 syntax only):",
            *(f"   {f.describe()}" for f in python2),
        ]
    if failed:
        out += ["", "Not measured (left out of the totals):"]
        out += not_measured_lines(failed)
    t = summary(measured)
    share = "n/a" if t["automatic_share"] is None else f"{t['automatic_share']:.0%}"
    out += [
        "",
        f"Key sites migrated automatically: {t['automatic']}/{t['sites']} ({share})"
        f" = (rewrite {t['rewrite']} + kept {t['kept']}) / all key sites"
        f" (manual {t['manual']}, unparsed {t['unparsed']})",
        f"Wrong rewrites: {t['wrong']} verdicts in {t['projects_with_wrong']} of "
        f"{t['projects']} projects ({t['requests']} requests and case checks compared)",
    ]
    broken = [r.project for r in measured if r.apply_exit not in (0, 1)]
    if broken:
        out.append(
            f"apply failed (exit 2) in {len(broken)} projects ({', '.join(broken)}):"
            " the files it failed on are missing from its report, so these projects'"
            " figures and verdicts are partial (see the notes)"
        )
    elsewhere = reported_elsewhere(measured)
    if elsewhere:
        out.append(
            f"  of which {elsewhere} still send the key where apply reported a manual site"
            " in another file of the project, off the request's stack (the harness"
            " attributes by stack: check these by hand before calling them wrong)"
        )
    out.append(f"Tool measured: hapimigrate of the {tool}")
    if failed:
        out.append(f"Harness errors: {len(failed)} projects not measured")
    data = as_json(measured)
    data["not_measured"] = [
        {"project": r.project, "errors": [compare.redact(e) for e in r.errors]}
        for r in failed
    ]
    data["tool"] = tool
    data["python2_files"] = [dataclasses.asdict(f) for f in python2]
    data["unknown_endpoints"] = [dataclasses.asdict(e) for e in checks.endpoints]
    if args.since:
        with open(args.since, encoding="utf-8") as handle:
            out += ["", *since_lines(json.load(handle), data)]
    print("\n".join(out))
    if args.json_file:
        with open(args.json_file, "w", encoding="utf-8") as handle:
            json.dump(data, handle, indent=1)
    return 2 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
