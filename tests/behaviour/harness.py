"""One corpus project end to end: copy, migrate, run every case before and after, compare.

``run_project(path)`` copies ``src/`` twice into a temporary folder, runs
``python -m hapimigrate apply -q --report report.json <copy>`` on the second, runs each
``case_*`` of ``scenario.py`` in a fresh process on both copies (``tests.behaviour.runner``)
with the environments of ``bench/corpus/README.md``, and returns a ``ProjectResult``:
site counts, every verdict, notes for scenario authors and errors of the harness itself.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from tests.behaviour import compare
from tests.behaviour.records import (
    CaseRun,
    Site,
    case_run_from_dict,
    sites_from_report,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_TOKEN = compare.DEFAULT_TOKEN  # what the default provider reads, after
TOKEN_VARIABLE = "HUBSPOT_ACCESS_TOKEN"
STATUSES = ("rewrite", "manual", "kept", "unparsed")


@dataclass(frozen=True)
class SiteCounts:
    rewrite: int = 0
    manual: int = 0
    kept: int = 0
    unparsed: int = 0

    @classmethod
    def of(cls, sites: tuple[Site, ...]) -> SiteCounts:
        return cls(
            *(sum(site.status == status for site in sites) for status in STATUSES)
        )

    @property
    def to_migrate(self) -> int:
        """Sites that had to become tokens: migrated or left for a person."""
        return self.rewrite + self.manual + self.unparsed


@dataclass(frozen=True)
class Settings:
    python: str = sys.executable
    cap: int = 300  # requests per case
    time_limit: float = 15.0  # seconds per case, inside the runner
    jobs: int = 1  # case runs in parallel within the project
    keep: Path | None = None  # keep the work folder here (for a person to look at)


@dataclass(frozen=True)
class ProjectResult:
    project: str
    doc: str
    cases: tuple[str, ...]
    apply_exit: int | None
    sites: tuple[Site, ...]
    counts: SiteCounts
    verdicts: tuple[compare.Verdict, ...]
    notes: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    seconds: float = 0.0
    runs: tuple[tuple[CaseRun, CaseRun], ...] = field(default=(), repr=False)

    @classmethod
    def failed(cls, project: str, error: str, seconds: float) -> ProjectResult:
        """A project the harness could not measure."""
        return cls(
            project=project,
            doc="",
            cases=(),
            apply_exit=None,
            sites=(),
            counts=SiteCounts(),
            verdicts=(),
            errors=(error,),
            seconds=seconds,
        )

    def tally(self, kind: str) -> int:
        return sum(verdict.kind == kind for verdict in self.verdicts)

    @property
    def wrong(self) -> tuple[compare.Verdict, ...]:
        return tuple(v for v in self.verdicts if v.kind == compare.WRONG)


def find_projects(corpus: Path) -> list[Path]:
    """Every folder of the corpus with a scenario.py, by name."""
    return sorted(p for p in corpus.iterdir() if (p / "scenario.py").is_file())


def is_portal_key(value: str) -> bool:
    return value.startswith("key-")


def before_env(env: Mapping[str, str], case_env: Mapping[str, str]) -> dict[str, str]:
    return {**env, **case_env}


def after_env(
    env: Mapping[str, str], case_env: Mapping[str, str], keep_keys: bool
) -> dict[str, str]:
    """Portal keys gone (unless a person still has work to do), the default token set;
    developer keys and OAuth tokens stay."""
    merged = before_env(env, case_env)
    kept = {k: v for k, v in merged.items() if keep_keys or not is_portal_key(v)}
    return {**kept, TOKEN_VARIABLE: DEFAULT_TOKEN}


def clean_environment(home: str, extra: Mapping[str, str]) -> dict[str, str]:
    """Nothing from the caller's environment but PATH: no real key can leak in."""
    base = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": home,
        "LANG": "C.UTF-8",
        "TZ": "UTC",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
        "PYTHONIOENCODING": "utf-8",
    }
    return {**base, **extra}


def _tail(text: str, lines: int = 8) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _runner(
    settings: Settings, args: list[str], env: dict[str, str], timeout: float
) -> str:
    """Run the runner; "" on success, else what went wrong."""
    command = [settings.python, "-m", "tests.behaviour.runner", *args]
    try:
        done = subprocess.run(
            command,
            cwd=REPO_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired:
        return f"runner killed after {timeout} s"
    if done.returncode != 0:
        return f"runner exited {done.returncode}: {_tail(done.stderr)}"
    return ""


def describe_scenario(
    settings: Settings, src: Path, scenario: Path, work: Path
) -> dict[str, Any]:
    out = work / "describe.json"
    env = clean_environment(str(work), {})
    problem = _runner(
        settings, ["describe", str(src), str(scenario), str(out)], env, 60
    )
    if problem:
        raise HarnessError(f"scenario.py: {problem}")
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


class HarnessError(Exception):
    pass


def apply_migration(
    settings: Settings, src: Path, work: Path
) -> tuple[int, dict[str, Any], str]:
    """``hapimigrate apply`` on the copy: exit status, the JSON report ({} if none), stderr."""
    report = work / "report.json"
    command = [settings.python, "-m", "hapimigrate", "apply", "-q", "-j", "1"]
    command += ["--color", "never", "--report", str(report), str(src)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        command, cwd=work, env=env, capture_output=True, text=True, timeout=600
    )
    data = json.loads(report.read_text(encoding="utf-8")) if report.is_file() else {}
    return done.returncode, data, done.stderr


def relative_sites(sites: tuple[Site, ...], src: Path) -> tuple[Site, ...]:
    """Report paths relative to the migrated src/, like the frames of the runs."""
    fixed = []
    for site in sites:
        path = Path(site.path)
        if path.is_absolute():
            path = Path(os.path.relpath(path, src))
        fixed.append(
            Site(
                os.path.normpath(path).replace(os.sep, "/"),
                site.line,
                site.status,
                site.reason,
                site.kind,
            )
        )
    return tuple(fixed)


def run_case(
    settings: Settings,
    src: Path,
    scenario: Path,
    case: str,
    phase: str,
    env: dict[str, str],
    work: Path,
) -> CaseRun:
    out = work / "runs" / f"{case}.{phase}.json"
    out.parent.mkdir(exist_ok=True)
    args = ["run", str(src), str(scenario), case, phase, str(out)]
    args += ["--cap", str(settings.cap), "--time-limit", str(settings.time_limit)]
    home = work / "home"
    home.mkdir(exist_ok=True)
    problem = _runner(
        settings, args, clean_environment(str(home), env), settings.time_limit + 15
    )
    if problem or not out.is_file():
        return CaseRun(case, phase, (), harness_error=problem or "no output")
    return case_run_from_dict(json.loads(out.read_text(encoding="utf-8")))


def run_project(project: Path, settings: Settings = Settings()) -> ProjectResult:
    started = time.monotonic()
    project = project.resolve()
    work = Path(tempfile.mkdtemp(prefix=f"behaviour-{project.name}-"))
    try:
        return _run_project(project, work, settings, started)
    except (HarnessError, OSError, ValueError, subprocess.SubprocessError) as error:
        message = str(error) if isinstance(error, HarnessError) else repr(error)
        return ProjectResult.failed(project.name, message, time.monotonic() - started)
    finally:
        if settings.keep is not None:
            target = settings.keep / project.name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(work, target)
        shutil.rmtree(work, ignore_errors=True)


def _run_project(
    project: Path, work: Path, settings: Settings, started: float
) -> ProjectResult:
    source, scenario = project / "src", project / "scenario.py"
    if not source.is_dir():
        raise HarnessError(f"{project.name}: no src/ folder")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    copies = {phase: work / phase / "src" for phase in ("before", "after")}
    for copy in copies.values():
        shutil.copytree(source, copy, ignore=ignore, symlinks=True)
    info = describe_scenario(settings, copies["before"], scenario, work)
    cases: list[str] = list(info["cases"])
    exit_status, report, stderr = apply_migration(settings, copies["after"], work)
    errors, notes = [], []
    if not report:
        errors.append(f"apply exited {exit_status} without a report: {_tail(stderr)}")
    elif exit_status not in (0, 1):
        notes.append(f"apply exited {exit_status}: {_tail(stderr, 3)}")
    sites = relative_sites(sites_from_report(report), copies["after"])
    keep_keys = any(site.status in compare.NEEDS_PERSON for site in sites)
    env, case_envs = info["env"], info["case_env"]
    plans = [
        (case, phase, env_for(phase, env, case_envs.get(case, {}), keep_keys))
        for case in cases
        for phase in ("before", "after")
    ]
    with ThreadPoolExecutor(max_workers=max(1, settings.jobs)) as pool:
        runs = list(
            pool.map(
                lambda plan: run_case(
                    settings, copies[plan[1]], scenario, plan[0], plan[1], plan[2], work
                ),
                plans,
            )
        )
    verdicts: list[compare.Verdict] = []
    pairs = tuple(zip(runs[0::2], runs[1::2]))
    for before, after in pairs:
        problems = [
            f"{r.phase}: {r.harness_error}" for r in (before, after) if r.harness_error
        ]
        if problems:
            errors += [f"{before.case} {problem}" for problem in problems]
            continue
        verdicts += compare.compare_case(before, after, sites)
        notes += case_notes(before, after)
    if not cases:
        notes.append("scenario.py has no case_* function")
    return ProjectResult(
        project=project.name,
        doc=str(info.get("doc", "")),
        cases=tuple(cases),
        apply_exit=exit_status,
        sites=sites,
        counts=SiteCounts.of(sites),
        verdicts=tuple(verdicts),
        notes=tuple(notes),
        errors=tuple(errors),
        seconds=time.monotonic() - started,
        runs=pairs,
    )


def env_for(
    phase: str, env: Mapping[str, str], case_env: Mapping[str, str], keep_keys: bool
) -> dict[str, str]:
    if phase == "before":
        return before_env(env, case_env)
    return after_env(env, case_env, keep_keys)


def case_notes(before: CaseRun, after: CaseRun) -> list[str]:
    """What a scenario author should know: a case that learns little."""
    notes = []
    if before.error is not None:
        notes.append(
            compare.redact(
                f"{before.case} raised before migration: {before.error.type}: "
                f"{before.error.message[:120]} ({before.error.where})"
            )
        )
    if not before.requests:
        notes.append(f"{before.case} made no request before migration")
    if before.capped:
        notes.append(f"{before.case} reached the request cap before migration")
    return notes
