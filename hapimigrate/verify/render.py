"""What ``verify token`` and ``verify run`` print. Nothing here ever sees a token."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from hapimigrate import __version__
from hapimigrate.verify import token as token_check
from hapimigrate.verify.observed import Finding, Observed
from hapimigrate.verify.scopes import Comparison

TOKEN_VERSION = 1
_KIND_NAMES = {
    token_check.PRIVATE_APP: "private-app token",
    token_check.OAUTH: "OAuth access token",
    token_check.SERVICE_KEY: "service key",
    token_check.UNKNOWN: "token of an unknown kind",
    "portal-api-key": "portal API key",
}


# --- verify token ----------------------------------------------------------------------


def token_text(outcome: token_check.Outcome) -> str:
    if not outcome.kind:  # the token could not be read: the error says why
        return ""
    out: list[str] = []
    info = outcome.info
    kind = _KIND_NAMES.get(outcome.kind, outcome.kind)
    if outcome.region:
        kind += f" (region {outcome.region})"
    head = f"token: {kind}"
    if info is not None:
        details = [
            f"hub {info.hub_id}" if info.hub_id else "",
            f"app {info.app_id}" if info.app_id else "",
        ]
        details = [d for d in details if d]
        if details:
            head += ", " + ", ".join(details)
        head += f"; asked with {info.endpoint}"
    out.append(head)
    if outcome.hub_matches is True:
        out.append(f"hub: {info.hub_id}, as expected")
    elif outcome.hub_matches is False:
        out.append(f"hub: {info.hub_id}, NOT the expected {outcome.expect_hub}")
    if info is not None and info.active and info.expires_in is not None:
        out.append(
            f"expires: in {_duration(info.expires_in)} ({_expires_at(info.expires_in)})"
        )
    if info is not None and not info.active:
        out.append(f"not active: {info.reason}")
    if outcome.skipped:
        out.append(f"skipped: {outcome.skipped}")
    comparison = outcome.comparison
    if comparison is not None:
        out.append("")
        out += _comparison_text(comparison)
    for note in outcome.notes:
        out.append(f"note: {note}")
    return "\n".join(out).rstrip("\n") + "\n"


def _comparison_text(comparison: Comparison) -> list[str]:
    out: list[str] = []
    if not comparison.calls:
        out.append(
            "The code makes no HubSpot call hapimigrate knows of that needs a "
            "token. After `apply` the hapikey uses are gone: pass the report apply "
            "wrote (--from-report FILE.json), or what `verify run --observed FILE` "
            "saw (--observed FILE)."
        )
        return out + _unknown_text(comparison)
    if not comparison.checked:
        out.append("Scopes the code needs (not checked):")
        out += [f"  {s}" for s in comparison.needed]
        out += [f"  one of {' | '.join(g.scopes)}" for g in comparison.groups]
        return out + _unknown_text(comparison)
    missing = {m.scope: m for m in comparison.missing}
    out.append(f"Scopes the code needs ({len(comparison.needed)}):")
    width = max((len(s) for s in comparison.needed), default=0)
    for scope in comparison.needed:
        if scope in missing:
            uses = missing[scope].needed_by
            shown = ", ".join(str(u) for u in uses[:3])
            more = f" and {len(uses) - 3} more" if len(uses) > 3 else ""
            out.append(f"  MISSING  {scope.ljust(width)}  needed by {shown}{more}")
        else:
            out.append(f"  ok       {scope}")
    if comparison.groups:
        out.append("")
        out.append("One of each group is enough:")
        for group in comparison.groups:
            choices = " | ".join(group.scopes)
            if group.satisfied_by:
                out.append(
                    f"  ok       {choices}  (has {', '.join(group.satisfied_by)})"
                )
            else:
                where = ", ".join(str(u) for u in group.needed_by[:3])
                out.append(f"  MISSING  {choices}  needed by {where}")
    if comparison.extra:
        out.append("")
        out.append(
            "Extra scopes no call needs (least privilege: remove them from the app"
            + (
                ", unless the unknown endpoints below need them"
                if comparison.unknown
                else ""
            )
            + "):"
        )
        out += [f"  {s}" for s in comparison.extra]
    return out + _unknown_text(comparison)


def _unknown_text(comparison: Comparison) -> list[str]:
    if not comparison.unknown:
        return []
    n = comparison.unknown
    return [
        "",
        f"{n} endpoint{'s' if n != 1 else ''} whose scopes hapimigrate cannot tell "
        "(see `hapimigrate report`): the token may need more.",
    ]


def token_summary(outcome: token_check.Outcome) -> str:
    """One line for stderr."""
    if outcome.error:
        return f"hapimigrate: error: {outcome.error}"
    if outcome.problems:
        return "hapimigrate: " + "; ".join(outcome.problems)
    if outcome.skipped:
        return "hapimigrate: nothing was checked (see 'skipped')"
    comparison = outcome.comparison
    extra = ""
    if comparison is not None and comparison.extra:
        n = len(comparison.extra)
        extra = f" (warning: {n} extra scope{'s' if n != 1 else ''})"
    return f"hapimigrate: the token has every scope the code needs{extra}"


def token_json(outcome: token_check.Outcome) -> str:
    info = outcome.info
    comparison = outcome.comparison
    document: dict = {
        "version": TOKEN_VERSION,
        "tool": f"hapimigrate {__version__}",
        "command": "verify token",
        "ok": outcome.exit_code == 0,
        "exit_code": outcome.exit_code,
        "error": outcome.error or None,
        "skipped": outcome.skipped or None,
        "problems": list(outcome.problems),
        "notes": list(outcome.notes),
        "token": {
            "kind": outcome.kind or None,
            "region": outcome.region,
            "asked_with": info.endpoint if info else None,
            "active": info.active if info else None,
            "inactive_reason": (info.reason or None) if info else None,
            "hub_id": info.hub_id if info else None,
            "app_id": info.app_id if info else None,
            "expires_in": info.expires_in if info else None,
            "scopes": list(info.scopes) if info else None,
        },
        "expect_hub": outcome.expect_hub,
        "hub_matches": outcome.hub_matches,
        "needed": None,
    }
    if comparison is not None:
        document["needed"] = {
            "scopes": list(comparison.needed),
            "scopes_any_of": [
                {
                    "scopes": list(g.scopes),
                    "satisfied_by": list(g.satisfied_by),
                    "needed_by": [_use_json(u) for u in g.needed_by],
                }
                for g in comparison.groups
            ],
            "checked": comparison.checked,
            "calls": comparison.calls,
            "unknown_endpoints": comparison.unknown,
        }
        document["missing"] = [
            {"scope": m.scope, "needed_by": [_use_json(u) for u in m.needed_by]}
            for m in comparison.missing
        ]
        document["extra"] = list(comparison.extra)
    return json.dumps(document, indent=2) + "\n"


def _use_json(use) -> dict:
    return {"where": use.where, "method": use.method, "endpoint": use.endpoint}


def _duration(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    return f"{seconds // 3600} h"


def _expires_at(seconds: int) -> str:
    at = datetime.now(timezone.utc) + timedelta(seconds=seconds)
    return at.strftime("%Y-%m-%d %H:%M UTC")


# --- verify run ------------------------------------------------------------------------


def run_text(observed: Observed, status: int, quiet: bool = False) -> str:
    """The lines ``verify run`` prints on stderr once the command has ended
    (``quiet``: the violations only)."""
    out = []
    processes = observed.processes
    layers = ", ".join(observed.layers) or "none imported"
    out.append(
        f"hapimigrate verify run: {observed.requests} HubSpot request"
        f"{'s' if observed.requests != 1 else ''} to {len(observed.calls)} endpoint"
        f"{'s' if len(observed.calls) != 1 else ''}, from {processes} Python process"
        f"{'es' if processes != 1 else ''} (libraries watched: {layers})"
    )
    for finding in observed.violations:
        out.append(_finding_line(finding, "violation"))
    for finding in observed.warnings:
        out.append(_finding_line(finding, "warning"))
    violations = len(observed.violations)
    if violations:
        out.append(
            f"hapimigrate: {violations} violation{'s' if violations != 1 else ''} "
            f"(the command exited {status})"
        )
    else:
        out.append(f"hapimigrate: no violation (the command exited {status})")
    if quiet:
        out = [_finding_line(f, "violation") for f in observed.violations]
    return "".join(line + "\n" for line in out)


def _finding_line(finding: Finding, label: str) -> str:
    times = f" ({finding.count} times)" if finding.count > 1 else ""
    what = "; ".join(p.message for p in finding.problems)
    return (
        f"{finding.location}: {label}: {finding.method} {finding.endpoint}: "
        f"{what}{times}"
    )


def nothing_watched(status: int) -> str:
    return (
        "hapimigrate: error: no Python process loaded the interposer, so nothing was "
        "watched: is the command a Python program, and was Python started without "
        f"-I, -E or -S? (the command exited {status})\n"
    )
