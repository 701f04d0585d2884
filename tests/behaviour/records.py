"""What one run of one case produced, as frozen dataclasses with a JSON round trip.

A ``Request`` is what a fake saw leave the process (or, for an SDK stand-in, a pseudo
request describing the SDK call); ``CaseRun`` is one case in one phase (before or after
migration); ``Site`` is one entry of hapimigrate's JSON report.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

PHASES = ("before", "after")


@dataclass(frozen=True)
class Frame:
    """One stack frame inside the project's ``src/`` (path relative to it)."""

    file: str
    line: int
    function: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}"


@dataclass(frozen=True)
class Request:
    """One request as it would have gone on the wire."""

    transport: str  # requests, http.client, urllib, urllib3, httpx, sdk:hubspot, ...
    method: str
    url: str
    headers: tuple[tuple[str, str], ...]
    body: str | None  # decoded as UTF-8 (undecodable bytes backslash-escaped)
    stack: tuple[Frame, ...]  # outermost first, only frames inside src/
    sdk_call: str = ""  # for SDK pseudo requests: the method chain called
    callbacks: tuple[Frame, ...] = ()  # src code run for it by the library (auth hooks)

    @property
    def where(self) -> str:
        """``file:line`` of the innermost frame inside src/, or ``?``."""
        return str(self.stack[-1]) if self.stack else "?"

    def header_values(self, name: str) -> tuple[str, ...]:
        wanted = name.lower()
        return tuple(value for key, value in self.headers if key.lower() == wanted)


@dataclass(frozen=True)
class Failure:
    """The exception a case raised (or a time-out), with its frames inside src/."""

    type: str
    message: str
    frames: tuple[Frame, ...]

    @property
    def where(self) -> str:
        return str(self.frames[-1]) if self.frames else "?"


@dataclass(frozen=True)
class CaseRun:
    """One case in one phase."""

    case: str
    phase: str
    requests: tuple[Request, ...]
    error: Failure | None = None
    capped: bool = False  # the request cap ended the case
    harness_error: str | None = None  # the runner itself failed: nothing to compare


@dataclass(frozen=True)
class Site:
    """One site of ``hapimigrate apply --report`` (path relative to the migrated src/)."""

    path: str
    line: int
    status: str  # rewrite, manual, kept, unparsed
    reason: str = ""
    kind: str = ""


def _frames(items: Any) -> tuple[Frame, ...]:
    return tuple(
        Frame(str(f["file"]), int(f["line"]), str(f["function"])) for f in items
    )


def request_from_dict(data: dict[str, Any]) -> Request:
    return Request(
        transport=str(data["transport"]),
        method=str(data["method"]),
        url=str(data["url"]),
        headers=tuple((str(k), str(v)) for k, v in data["headers"]),
        body=None if data.get("body") is None else str(data["body"]),
        stack=_frames(data.get("stack", ())),
        sdk_call=str(data.get("sdk_call", "")),
        callbacks=_frames(data.get("callbacks", ())),
    )


def failure_from_dict(data: dict[str, Any] | None) -> Failure | None:
    if data is None:
        return None
    return Failure(str(data["type"]), str(data["message"]), _frames(data["frames"]))


def case_run_to_dict(run: CaseRun) -> dict[str, Any]:
    return asdict(run)


def case_run_from_dict(data: dict[str, Any]) -> CaseRun:
    return CaseRun(
        case=str(data["case"]),
        phase=str(data["phase"]),
        requests=tuple(request_from_dict(r) for r in data["requests"]),
        error=failure_from_dict(data.get("error")),
        capped=bool(data.get("capped", False)),
        harness_error=data.get("harness_error"),
    )


def sites_from_report(report: dict[str, Any]) -> tuple[Site, ...]:
    """The sites of a hapimigrate JSON report (paths as the report gives them)."""
    return tuple(
        Site(
            path=str(site["path"]),
            line=int(site.get("line") or 0),
            status=str(site["status"]),
            reason=str(site.get("reason") or ""),
            kind=str(site.get("kind") or ""),
        )
        for site in report.get("sites", ())
    )
