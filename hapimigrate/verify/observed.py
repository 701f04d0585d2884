"""What ``verify run`` saw, as a file (``--observed FILE``), and its merge into the
report (``report --observed FILE``, ``verify token --observed FILE``).

The file holds, for each (method, endpoint) the program called, how often, through
which libraries, and the stacks of the program's own code that made it; and the
violations and warnings, each where it happened. Endpoints carry ``{}`` where the
path held a value; no file holds a token, a key, a query value or a body.

The merge traces each observed call back to the report's sites: a call made from a
site's lines, or from the function around it (``Client._request``), or, for an SDK
client, any call through that SDK from the site's file. Calls the source did not
show join the site's calls (``observed=True``), and the "unknown endpoints" they
answer (an endpoint built at run time, an unknown method, an SDK client's calls)
are dropped. Every observed call is also kept in ``Report.observed``."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

from hapimigrate import __version__
from hapimigrate.model import Endpoint, Kind, Site
from hapimigrate.report import (
    ObservedScopes,
    Report,
    SiteScopes,
    Unknown,
    call_scopes,
)
from hapimigrate.verify import classify
from hapimigrate.verify.records import Frame, Request, Watched
from hapimigrate.verify.scopes import needs_token

VERSION = 1
KIND = "hapimigrate-observed"
MAX_STACKS = 20  # distinct stacks kept per call
_PLACEHOLDER = re.compile(r"\{[^}]*\}")


class ObservedError(ValueError):
    """The observed file cannot be read."""


@dataclass(frozen=True)
class Call:
    method: str
    endpoint: str
    count: int
    hosts: tuple[str, ...] = ()
    layers: tuple[str, ...] = ()
    sdk: str | None = None
    stacks: tuple[tuple[Frame, ...], ...] = ()  # innermost frame first

    @property
    def where(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(str(s[0]) for s in self.stacks if s))


@dataclass(frozen=True)
class Finding:
    """Problems of one severity with requests made at one place."""

    severity: str  # classify.VIOLATION or classify.WARNING
    where: Frame | None
    method: str
    endpoint: str
    problems: tuple[classify.Problem, ...]
    count: int = 1

    @property
    def location(self) -> str:
        return str(self.where) if self.where else "(no frame of the program's own)"


@dataclass(frozen=True)
class Observed:
    root: str  # the folder frame paths are relative to
    processes: int
    layers: tuple[str, ...]
    calls: tuple[Call, ...]
    findings: tuple[Finding, ...]

    @property
    def violations(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == classify.VIOLATION)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.severity == classify.WARNING)

    @property
    def requests(self) -> int:
        return sum(c.count for c in self.calls)


def from_watched(watched: Watched, root: str) -> Observed:
    return Observed(
        root=os.path.abspath(root),
        processes=watched.processes,
        layers=tuple(sorted(watched.layers)),
        calls=_calls(watched.requests),
        findings=_findings(watched.requests),
    )


def _calls(requests: list[Request]) -> tuple[Call, ...]:
    grouped: dict[tuple[str, str], list[Request]] = {}
    for request in requests:
        grouped.setdefault((request.method, request.endpoint), []).append(request)
    calls = []
    for (method, endpoint), made in sorted(grouped.items()):
        stacks = tuple(dict.fromkeys(r.frames for r in made))[:MAX_STACKS]
        sdks = sorted({r.sdk for r in made if r.sdk})
        calls.append(
            Call(
                method,
                endpoint,
                len(made),
                tuple(sorted({r.host for r in made})),
                tuple(sorted({r.layer for r in made})),
                sdks[0] if sdks else None,
                stacks,
            )
        )
    return tuple(calls)


def _findings(requests: list[Request]) -> tuple[Finding, ...]:
    counts: Counter = Counter()
    for request in requests:
        found = classify.problems(request)
        for severity in (classify.VIOLATION, classify.WARNING):
            mine = tuple(p for p in found if p.severity == severity)
            if mine:
                key = (severity, request.where, request.method, request.endpoint, mine)
                counts[key] += 1
    findings = [Finding(*key, count=n) for key, n in counts.items()]
    return tuple(sorted(findings, key=_finding_order))


def _finding_order(finding: Finding) -> tuple:
    where = finding.where
    return (
        finding.severity != classify.VIOLATION,
        where is None,
        where.path if where else "",
        where.line if where else 0,
        finding.method,
        finding.endpoint,
    )


# --- the file ------------------------------------------------------------------------


def _frame_json(frame: Frame) -> dict:
    return {"path": frame.path, "line": frame.line, "function": frame.function}


def _finding_json(finding: Finding) -> dict:
    where = finding.where
    return {
        "path": where.path if where else None,
        "line": where.line if where else None,
        "function": where.function if where else None,
        "method": finding.method,
        "endpoint": finding.endpoint,
        "problems": [{"kind": p.kind, "message": p.message} for p in finding.problems],
        "count": finding.count,
    }


def dump(observed: Observed) -> str:
    document = {
        "version": VERSION,
        "tool": f"hapimigrate {__version__}",
        "kind": KIND,
        "root": observed.root,
        "processes": observed.processes,
        "layers": list(observed.layers),
        "calls": [
            {
                "method": c.method,
                "endpoint": c.endpoint,
                "count": c.count,
                "hosts": list(c.hosts),
                "layers": list(c.layers),
                "sdk": c.sdk,
                "stacks": [[_frame_json(f) for f in stack] for stack in c.stacks],
            }
            for c in observed.calls
        ],
        "violations": [_finding_json(f) for f in observed.violations],
        "warnings": [_finding_json(f) for f in observed.warnings],
    }
    return json.dumps(document, indent=2) + "\n"


def load(path: str) -> Observed:
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        raise ObservedError(f"{path}: {error.strerror or error}") from None
    except ValueError as error:
        raise ObservedError(f"{path}: not JSON: {error}") from None
    if not isinstance(document, dict) or document.get("kind") != KIND:
        raise ObservedError(f"{path}: not a file written by `verify run --observed`")
    if document.get("version") != VERSION:
        raise ObservedError(
            f"{path}: version {document.get('version')!r} is not {VERSION}"
        )
    try:
        return Observed(
            root=str(document["root"]),
            processes=int(document.get("processes", 0)),
            layers=tuple(document.get("layers", ())),
            calls=tuple(_call(c) for c in document.get("calls", ())),
            findings=tuple(
                _finding(f, severity)
                for key, severity in (
                    ("violations", classify.VIOLATION),
                    ("warnings", classify.WARNING),
                )
                for f in document.get(key, ())
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ObservedError(f"{path}: malformed: {error!r}") from None


def _frame(entry: dict) -> Frame:
    return Frame(str(entry["path"]), int(entry["line"]), str(entry["function"]))


def _call(entry: dict) -> Call:
    return Call(
        method=str(entry["method"]),
        endpoint=str(entry["endpoint"]),
        count=int(entry.get("count", 1)),
        hosts=tuple(entry.get("hosts", ())),
        layers=tuple(entry.get("layers", ())),
        sdk=entry.get("sdk"),
        stacks=tuple(
            tuple(_frame(f) for f in stack) for stack in entry.get("stacks", ())
        ),
    )


def _finding(entry: dict, severity: str) -> Finding:
    where = None
    if entry.get("path") is not None:
        where = Frame(str(entry["path"]), int(entry["line"]), str(entry["function"]))
    return Finding(
        severity,
        where,
        str(entry["method"]),
        str(entry["endpoint"]),
        tuple(
            classify.Problem(str(p["kind"]), severity, str(p["message"]))
            for p in entry.get("problems", ())
        ),
        int(entry.get("count", 1)),
    )


# --- the merge -----------------------------------------------------------------------


def merge(report: Report, observed: Observed) -> Report:
    """``report`` with what really happened: see the module's docstring."""
    traced: dict[int, list[Site]] = {i: [] for i in range(len(observed.calls))}
    unknown_of: dict[Site, list[Unknown]] = {}
    for entry in report.unknown:
        unknown_of.setdefault(entry.site, []).append(entry)
    sites, unknown = [], []
    for entry in report.sites:
        site = entry.site
        made = []
        if needs_token(site):
            made = [
                i
                for i, call in enumerate(observed.calls)
                if _made_by(site, call, observed.root)
            ]
        for i in made:
            traced[i].append(site)
        calls = [observed.calls[i] for i in made]
        new = tuple(
            call_scopes(Endpoint(c.method, c.endpoint), observed=True)
            for c in calls
            if not any(_same_call(known.endpoint, c) for known in entry.calls)
        )
        sites.append(SiteScopes(site, entry.calls + new))
        for left in unknown_of.get(site, ()):
            answered = left.reason != "not in the scope catalog" and any(
                _answers(left.endpoint, c) for c in calls
            )
            if not answered:
                unknown.append(left)
        unknown += [
            Unknown(site, c.endpoint, "seen at run time; not in the scope catalog")
            for c in new
            if c.need is None
        ]
    seen = tuple(
        ObservedScopes(
            endpoint=Endpoint(call.method, call.endpoint),
            need=call_scopes(Endpoint(call.method, call.endpoint)).need,
            count=call.count,
            where=call.where,
            sites=tuple(traced[i]),
        )
        for i, call in enumerate(observed.calls)
    )
    return dataclasses.replace(
        report, sites=tuple(sites), unknown=tuple(unknown), observed=seen
    )


def _made_by(site: Site, call: Call, root: str) -> bool:
    """Whether ``site`` made ``call``: the innermost frame in the site's file is on
    its lines or in the function around it; for an SDK client, any call through an
    SDK from that file."""
    site_file = os.path.realpath(site.path)
    for stack in call.stacks:
        for frame in _innermost_per_file(stack, root):
            if frame[0] != site_file:
                continue
            line, function = frame[1], frame[2]
            if site.line <= line <= site.end_line:
                return True
            if _same_function(site.enclosing, function):
                return True
            if site.kind == Kind.SDK and call.sdk:
                return True
    return False


def _innermost_per_file(
    stack: Iterable[Frame], root: str
) -> list[tuple[str, int, str]]:
    found: dict[str, tuple[str, int, str]] = {}
    for frame in stack:
        path = os.path.realpath(os.path.join(root, frame.path))
        found.setdefault(path, (path, frame.line, frame.function))
    return list(found.values())


def _same_function(enclosing: str, function: str) -> bool:
    function = function.replace(".<locals>", "")
    if not enclosing:
        return function == "<module>"
    if "." not in function:  # Python < 3.11 names the function only
        return enclosing.rsplit(".", 1)[-1] == function
    return enclosing == function


def _same_path(ours: str, theirs: str) -> bool:
    a, b = ours.rstrip("/").split("/"), theirs.rstrip("/").split("/")
    return len(a) == len(b) and all(
        x == y or _PLACEHOLDER.search(x) or _PLACEHOLDER.search(y) for x, y in zip(a, b)
    )


def _same_call(known: Endpoint, call: Call) -> bool:
    return (
        known.method == call.method
        and known.path is not None
        and _same_path(known.path, call.endpoint)
    )


def _answers(endpoint: Endpoint | None, call: Call) -> bool:
    """Whether ``call`` is what an unknown endpoint turned out to be."""
    if endpoint is None:
        return True
    if endpoint.method is not None and endpoint.method != call.method:
        return False
    return endpoint.path is None or _same_path(endpoint.path, call.endpoint)
