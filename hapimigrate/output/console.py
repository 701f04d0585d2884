"""Human-readable lines for stderr: one per site that matters, and the summary."""

from __future__ import annotations

from collections import Counter
from typing import Iterable

import click

from hapimigrate.model import Site, Status

_COLORS = {
    Status.REWRITE: "green",
    Status.MANUAL: "yellow",
    Status.KEPT: "blue",
    Status.UNPARSED: "magenta",
}


def site_line(site: Site) -> str:
    where = f"{site.path}:{site.line}:{site.column}"
    status = click.style(site.status.value, fg=_COLORS[site.status])
    calls = ", ".join(
        " ".join(filter(None, (call.method, call.path)))
        for call in site.calls
        if call.path
    )
    what = f" {calls}" if calls else ""
    reason = f": {site.reason}" if site.reason else ""
    key = " [hard-coded key: revoke it]" if site.hardcoded_key else ""
    return f"{where}: {status} {site.kind.value}{what}{reason}{key}"


HARDCODED_SHOWN = 10  # locations named on the line; the report lists them all


def hardcoded_keys(sites: Iterable[Site]) -> str | None:
    """``hapimigrate: 2 hard-coded keys: revoke them (app/settings.py:3, ...)``:
    where hard-coded keys are used (after ``apply``, the rewrite may have removed
    their definition). Locations only, never a value. None when there are none."""
    lines = sorted({(s.path, s.line) for s in sites if s.hardcoded_key})
    places = [f"{path}:{line}" for path, line in lines]
    if not places:
        return None
    shown = ", ".join(places[:HARDCODED_SHOWN])
    if len(places) > HARDCODED_SHOWN:
        shown += f", and {len(places) - HARDCODED_SHOWN} more: see hapimigrate report"
    count = len(places)
    what = click.style(
        f"{count} hard-coded key{'s' if count != 1 else ''}", fg="red", bold=True
    )
    return f"hapimigrate: {what}: revoke {'them' if count != 1 else 'it'} ({shown})"


def summary(
    verb: str, changed: int, sites: Iterable[Site], errors: int, skipped: int
) -> str:
    counts = Counter(site.status for site in sites)
    parts = [
        f"{changed} file{'s' if changed != 1 else ''} {verb}",
        f"{counts[Status.REWRITE]} site{'s' if counts[Status.REWRITE] != 1 else ''} migrated",
    ]
    if counts[Status.MANUAL]:
        parts.append(f"{counts[Status.MANUAL]} need a person")
    if counts[Status.KEPT]:
        parts.append(f"{counts[Status.KEPT]} kept (developer key)")
    if counts[Status.UNPARSED]:
        parts.append(f"{counts[Status.UNPARSED]} in files that do not parse")
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if skipped:
        parts.append(f"{skipped} skipped")
    return "hapimigrate: " + ", ".join(parts)
