"""Human-readable lines for stderr: one per site that matters, and the summary."""

from __future__ import annotations

import os
from collections import Counter
from typing import Iterable, Mapping

import click

from hapimigrate import hubspot
from hapimigrate.hubspot import lifecycle as lifecycles
from hapimigrate.model import Kind, Site, Status

_COLORS = {
    Status.REWRITE: "green",
    Status.MANUAL: "yellow",
    Status.KEPT: "blue",
    Status.UNPARSED: "magenta",
}


def color_choice(choice: str, environ: Mapping[str, str] = os.environ) -> bool | None:
    """``--color``: True or False when decided, None to colour a terminal only.
    With ``auto``, a non-empty ``NO_COLOR`` turns colour off (no-color.org) and a
    ``FORCE_COLOR`` other than ``0`` turns it on (force-color.org), ``NO_COLOR``
    first."""
    if choice in ("always", "never"):
        return choice == "always"
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return None


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


def retired_calls(sites: Iterable[Site]) -> int:
    """Calls of key uses to endpoints HubSpot has retired (or switched off):
    migrated or not, they fail today."""
    on = hubspot.today()
    count = 0
    for site in sites:
        if site.kind in (Kind.CALL, Kind.VERSION):
            continue
        for call in site.calls:
            life = hubspot.lifecycle_of(call.method, call.path)
            if life is not None and life.state(on) == lifecycles.RETIRED:
                count += 1
    return count


def summary(
    verb: str,
    changed: int,
    sites: Iterable[Site],
    errors: int,
    skipped: int,
    suppressed: int = 0,
    elsewhere: int = 0,
) -> str:
    """The last line of diff and apply. ``elsewhere``: uses they cannot migrate
    (other languages, shell lines of notebooks); ``suppressed``: sites a comment
    silences (left as they are)."""
    sites = list(sites)
    counts = Counter(site.status for site in sites if site.kind != Kind.VERSION)
    versions = Counter(site.status for site in sites if site.kind == Kind.VERSION)
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
    if elsewhere:
        parts.append(
            f"{elsewhere} outside Python (other languages, notebook shell lines)"
        )
    if counts[Status.UNPARSED] or elsewhere:
        parts[-1] += ": not migrated, see hapimigrate check"
    if suppressed:
        parts.append(f"{suppressed} suppressed by a comment")
    if versions:
        moved = versions[Status.REWRITE]
        text = f"{moved} path{'s' if moved != 1 else ''} moved to 2026-03"
        if versions[Status.MANUAL]:
            text += f" ({versions[Status.MANUAL]} left for a person)"
        parts.append(text)
    retired = retired_calls(sites)
    if retired:
        what = click.style(
            f"{retired} call{'s' if retired != 1 else ''} to "
            f"{'retired endpoints' if retired != 1 else 'a retired endpoint'}",
            fg="red",
            bold=True,
        )
        parts.append(f"{what} (they fail whatever the token: see hapimigrate report)")
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''}")
    if skipped:
        parts.append(f"{skipped} skipped")
    return "hapimigrate: " + ", ".join(parts)
