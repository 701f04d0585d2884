"""The report for people: a table per file (each call's scopes and lifecycle),
then the scopes the token needs and where to get it today, then the lifecycle
summary (retired, sunsetting, unsupported from a date: the replacements, what
differs, and the sources of every date). The same content as a pull-request
comment in Markdown (``markdown=True``)."""

from __future__ import annotations

from datetime import date
from itertools import groupby
from urllib.parse import quote

from hapimigrate.hubspot import lifecycle as lifecycles
from hapimigrate.model import Kind, Status
from hapimigrate.report import LifecycleCall, Report, SiteScopes

# What to create instead of a legacy private app, and the sources that say so.
ADVICE_SOURCES = ("S1", "S34", "S36", "S37")
_STATES = (
    lifecycles.RETIRED,
    lifecycles.SUNSETTING,
    lifecycles.UNSUPPORTED,
    lifecycles.UNSUPPORTED_FROM,
)


def _status(entry: SiteScopes) -> str:
    site = entry.site
    if site.kind == Kind.CALL:
        return "call"  # a HubSpot call without a key: nothing to migrate
    status = site.status.value + (f" ({site.reason})" if site.reason else "")
    if site.hardcoded_key:
        status += " [hard-coded key]"
    return status


def _rows(entry: SiteScopes, on: date) -> list[tuple[str, str, str, str, str, str]]:
    site = entry.site
    status = _status(entry)
    if not entry.calls:
        return [(str(site.line), "-", f"({site.kind.value})", status, "-", "-")]
    rows = []
    for call in entry.calls:
        need = call.need
        scopes = "?" if need is None else ", ".join(need.scopes) or "-"
        if need is not None and need.any_of:
            scopes = (
                (scopes + "; " if need.scopes else "")
                + "one of "
                + ", ".join(need.any_of)
            )
        if need is not None and need.source in ("developer-key", "no-auth"):
            scopes = {"developer-key": "(developer key)", "no-auth": "(no auth)"}[
                need.source
            ]
        life = call.lifecycle
        rows.append(
            (
                str(site.line),
                call.endpoint.method or "?",
                call.endpoint.path or "?",
                status,
                scopes,
                life.column(on) if life is not None else "-",
            )
        )
    return rows


def _table(rows: list[tuple[str, ...]], markdown: bool) -> list[str]:
    header = ("line", "method", "endpoint", "status", "scopes", "lifecycle")
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        for row in rows:
            cells = [c.replace("|", "\\|") for c in row]
            cells[2] = f"`{cells[2]}`"
            lines.append("| " + " | ".join(cells) + " |")
        return lines
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    return [
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip()
        for row in [header, *rows]
    ]


def render(report: Report, markdown: bool = False) -> str:
    out: list[str] = ["## hapimigrate report", ""] if markdown else []
    for path, entries in groupby(report.sites, key=lambda s: s.site.path):
        rows = [row for entry in entries for row in _rows(entry, report.today)]
        out.append(f"### `{path}`" if markdown else path)
        if markdown:
            out.append("")
        out += _table(rows, markdown)
        out.append("")
    if not report.key_sites:
        out += ["No hapikey use found.", ""]
    out += _scopes(report, markdown)
    out += _lifecycle(report, markdown)
    out += _sources(report, markdown)
    return "\n".join(out).rstrip("\n") + "\n"


def _cite(ids, markdown: bool) -> str:
    """`` [S13, S14]`` (links in Markdown)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return ""
    if markdown:
        return " (" + ", ".join(f"[{i}]({lifecycles.source_url(i)})" for i in ids) + ")"
    return " [" + ", ".join(ids) + "]"


def _scopes(report: Report, markdown: bool) -> list[str]:
    bullet = "- " if markdown else "  "
    code = (lambda s: f"`{s}`") if markdown else (lambda s: s)
    out = []
    if report.scopes or report.any_of:
        out.append("The token needs these scopes:")
        out += [bullet + code(s) for s in report.scopes]
        out += [
            bullet + "one of " + ", ".join(code(s) for s in g) for g in report.any_of
        ]
        out.append("")
        out += _where_the_token_comes_from(report, markdown)
        value = "scope=" + quote(" ".join(report.scopes), safe="")
        out.append(f"```\n{value}\n```" if markdown else "    " + value)
        out.append(
            "An existing legacy private app's token keeps working; legacy apps go "
            "unsupported in September 2027" + _cite(("S1", "S34"), markdown) + "."
        )
        out.append("")
    if report.legacy_scopes:
        out.append(
            "OAuth apps of the API-key era name them coarsely: "
            + ", ".join(code(s) for s in report.legacy_scopes)
        )
        out.append("")
    if report.unknown:
        out.append(
            "Endpoints whose scopes hapimigrate cannot tell (check these by hand):"
        )
        for u in report.unknown:
            what = ""
            if u.endpoint is not None and (u.endpoint.method or u.endpoint.path):
                what = " " + " ".join(
                    filter(None, (u.endpoint.method, u.endpoint.path))
                )
            out.append(
                f"{bullet}{code(f'{u.site.path}:{u.site.line}')}{what}: {u.reason}"
            )
        out.append("")
    if report.hardcoded:
        out.append(
            "Hard-coded API keys (revoke them in HubSpot; their values are not shown):"
        )
        out += [bullet + code(f"{s.path}:{s.line}") for s in report.hardcoded]
        out.append("")
    return out


def _where_the_token_comes_from(report: Report, markdown: bool) -> list[str]:
    """Legacy private apps can no longer be created: what to create instead."""
    bullet = "- " if markdown else "  "
    out = [
        "Where the token comes from (new legacy private apps can no longer be "
        "created" + _cite(("S34",), markdown) + "):",
        bullet + "one HubSpot account, no webhooks: a service key with these scopes "
        "(Development > Keys > Service keys)" + _cite(("S36", "S37"), markdown),
        bullet
        + "one account, with webhooks or other app features: a project-based app "
        "with these scopes" + _cite(("S36",), markdown),
    ]
    if report.webhooks:
        out.append(
            bullet
            + "this code also uses webhook endpoints (developer key): a service key "
            "cannot authenticate webhooks; if the integration needs them, create a "
            "project-based app" + _cite(("S36", "S37"), markdown)
        )
    out.append(
        bullet + "several accounts (a marketplace or multi-portal app): an OAuth "
        "app, requesting the scopes in the authorize URL:"
    )
    return out


# -- lifecycle --------------------------------------------------------------------


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


def lifecycle_lines(report: Report) -> list[str]:
    """The summary: how many calls are retired, sunsetting, unsupported from a
    date (one sentence each)."""
    counts = report.lifecycle_counts()
    on = report.today
    out = []
    retired = counts[lifecycles.RETIRED]
    if retired:
        out.append(
            f"{_plural(retired, 'call uses an endpoint', 'calls use endpoints')} "
            f"HubSpot has retired: {'it fails' if retired == 1 else 'they fail'} "
            "today, whatever the token."
        )
    for key in sorted(k for k in counts if isinstance(k, tuple)):
        state, when = key
        count = counts[key]
        if state == lifecycles.SUNSETTING:
            left = (lifecycles.start_of(when) - on).days
            out.append(
                f"{_plural(count, 'call uses an endpoint', 'calls use endpoints')} "
                f"HubSpot switches off on {when} ({_plural(left, 'day', 'days')} left)."
            )
    for key in sorted(k for k in counts if isinstance(k, tuple)):
        state, when = key
        count = counts[key]
        if state == lifecycles.UNSUPPORTED_FROM:
            which = {
                lifecycles.general_date("v1"): "v1-v3 endpoints",
                lifecycles.general_date("v4"): "v4 endpoints",
            }.get(when, "endpoints")
            which = which if count != 1 else which.replace("endpoints", "endpoint")
            verb = "call uses a" if count == 1 else "calls use"
            article = "" if count != 1 else ("n" if which[0] in "aeiou" else "")
            out.append(
                f"{count} {verb}{article} {which} unsupported from "
                f"{lifecycles.spoken(when)}."
            )
    unsupported = counts[lifecycles.UNSUPPORTED]
    if unsupported:
        out.append(
            f"{_plural(unsupported, 'call uses an endpoint', 'calls use endpoints')} "
            "HubSpot no longer supports (no fixes)."
        )
    modern = counts["modernizable"]
    if modern:
        out.append(
            f"{_plural(modern, 'of them has', 'of them have')} a date-based twin with "
            "the same schemas: `hapimigrate apply --modernize` rewrites "
            f"{'it' if modern == 1 else 'them'}."
        )
    current = counts[lifecycles.CURRENT]
    if current:
        out.append(
            f"{_plural(current, 'call uses a', 'calls use')} date-based "
            f"version{'s' if current != 1 else ''} (current; each is supported for "
            "18 months after its release)."
        )
    return out


def _lifecycle(report: Report, markdown: bool) -> list[str]:
    summary = lifecycle_lines(report)
    if not summary:
        return []
    bullet = "- " if markdown else "  "
    code = (lambda s: f"`{s}`") if markdown else (lambda s: s)
    title = (
        f"API lifecycle (HubSpot's announcements as of {lifecycles.as_of()}, "
        f"compared with {report.today.isoformat()}):"
    )
    out = [f"### {title[:-1]}" if markdown else title]
    if markdown:
        out.append("")
    out += [bullet + line for line in summary]
    out.append("")
    dated = [c for c in report.lifecycle_calls if c.state in _STATES]
    dated.sort(
        key=lambda c: (
            -lifecycles.SEVERITY[c.state],
            c.lifecycle.end or date.max,
            c.lifecycle.family,
        )
    )
    for family, group in groupby(dated, key=lambda c: c.lifecycle.family):
        items = list(group)
        out += _family(items, report.today, markdown, bullet, code)
    return out


def _family(items: list[LifecycleCall], on: date, markdown: bool, bullet, code):
    life = items[0].lifecycle
    head = f"{life.family}: {life.when(on)}{_cite(life.sources, markdown)}"
    out = [f"**{head}**" if markdown else head]
    if markdown:
        out.append("")
    if life.effect:
        out.append(bullet + life.effect)
    seen = set()
    for item in items:
        call = item.call.endpoint
        what = " ".join(filter(None, (call.method, call.path)))
        where = f"{item.site.path}:{item.site.line}"
        key = (where, what)
        if key in seen:
            continue
        seen.add(key)
        line = f"{code(where)}  {code(what)}"
        twin = item.lifecycle.twin
        if twin is not None:
            target = " ".join(filter(None, (twin.method or call.method, twin.path)))
            if twin.identical and item.site.kind == Kind.SDK:
                how = "same schemas; an SDK method: --modernize does not move it"
            elif twin.identical:
                how = "same schemas: `hapimigrate apply --modernize` rewrites it"
            else:
                changes = twin.changes()
                how = "differs: " + (
                    "; ".join(changes[:3]) + ("; ..." if len(changes) > 3 else "")
                    if changes
                    else "request or response schemas"
                )
            line += f" -> {code(target)} ({how})"
        elif item.lifecycle.no_twin:
            line += " (no 2026-03 counterpart in HubSpot's spec)"
        if item.lifecycle.method_dependent:
            line += " (the method is not known: the date may differ by method)"
        out.append(bullet + line)
    if life.replacements:
        out.append(bullet + "instead:")
        inner = "  - " if markdown else "    "
        for r in life.replacements:
            note = f": {r.note}" if r.note else ""
            basis = "" if r.basis == "named" else f" ({_BASIS[r.basis]})"
            out.append(
                f"{inner}{code(r.method + ' ' + r.path)}{note}{basis}"
                f"{_cite(r.sources, markdown)}"
            )
    if life.breaking_notes:
        label = "note" if life.family in lifecycles.GENERAL_RULES else "what differs"
        out.append(f"{bullet}{label}: {life.breaking_notes}")
    out.append("")
    return out


_BASIS = {
    "function": "matched by function, not named by HubSpot",
    "mechanical": "the date-based form of the v3 API",
}


def _sources(report: Report, markdown: bool) -> list[str]:
    ids = set(report.cited)
    if report.scopes or report.any_of:
        ids.update(ADVICE_SOURCES)
    if not ids:
        return []
    ordered = sorted(ids, key=lambda s: int(s[1:]))
    if markdown:
        out = ["### Sources", ""]
        out += [f"- {i}: <{lifecycles.source_url(i)}>" for i in ordered]
    else:
        width = max(len(i) for i in ordered)
        out = ["Sources:"]
        out += [f"  {i.ljust(width)}  {lifecycles.source_url(i)}" for i in ordered]
    out.append("")
    return out


def scope_summary(report: Report) -> str:
    """One line for stderr at the end of diff/apply."""
    if not report.scopes and not report.any_of:
        migrated = [u for u in report.unknown if u.site.status == Status.REWRITE]
        if migrated:  # its endpoints' scopes are unknown, not absent
            n = len(migrated)
            return (
                f"hapimigrate: the scopes the token needs are unknown: {n} migrated "
                f"call{'s' * (n != 1)} go{'es' * (n == 1)} to "
                f"{'an endpoint' if n == 1 else 'endpoints'} hapimigrate does not "
                "know (see hapimigrate report)"
            )
        return (
            "hapimigrate: the migrated code needs no scopes that hapimigrate knows of"
        )
    groups = [" | ".join(g) for g in report.any_of]
    scopes = ", ".join([*report.scopes, *(f"one of ({g})" for g in groups)])
    tail = f" ({len(report.unknown)} endpoints unknown)" if report.unknown else ""
    return f"hapimigrate: the token needs these scopes: {scopes}{tail}"
