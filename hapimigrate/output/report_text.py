"""The report for people: a table per file, then the scopes to create the app with.
The same content as a pull-request comment in Markdown (``markdown=True``)."""

from __future__ import annotations

from itertools import groupby
from urllib.parse import quote

from hapimigrate.report import Report, SiteScopes


def _rows(entry: SiteScopes) -> list[tuple[str, str, str, str, str]]:
    site = entry.site
    status = site.status.value + (f" ({site.reason})" if site.reason else "")
    if site.hardcoded_key:
        status += " [hard-coded key]"
    if not entry.calls:
        return [(str(site.line), "-", f"({site.kind.value})", status, "-")]
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
        rows.append(
            (
                str(site.line),
                call.endpoint.method or "?",
                call.endpoint.path or "?",
                status,
                scopes,
            )
        )
    return rows


def _table(rows: list[tuple[str, ...]], markdown: bool) -> list[str]:
    header = ("line", "method", "endpoint", "status", "scopes")
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
        rows = [row for entry in entries for row in _rows(entry)]
        out.append(f"### `{path}`" if markdown else path)
        if markdown:
            out.append("")
        out += _table(rows, markdown)
        out.append("")
    if not report.sites:
        out += ["No hapikey use found.", ""]
    out += _scopes(report, markdown)
    return "\n".join(out).rstrip("\n") + "\n"


def _scopes(report: Report, markdown: bool) -> list[str]:
    bullet = "- " if markdown else "  "
    code = (lambda s: f"`{s}`") if markdown else (lambda s: s)
    out = []
    if report.scopes or report.any_of:
        out.append("Create the private app with these scopes:")
        out += [bullet + code(s) for s in report.scopes]
        out += [
            bullet + "one of " + ", ".join(code(s) for s in g) for g in report.any_of
        ]
        out.append("")
        out.append("For an OAuth app, request them in the authorize URL:")
        value = "scope=" + quote(" ".join(report.scopes), safe="")
        out.append(f"```\n{value}\n```" if markdown else "  " + value)
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
            if u.endpoint is not None:
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


def scope_summary(report: Report) -> str:
    """One line for stderr at the end of diff/apply."""
    if not report.scopes and not report.any_of:
        return (
            "hapimigrate: the migrated code needs no scopes that hapimigrate knows of"
        )
    groups = [" | ".join(g) for g in report.any_of]
    scopes = ", ".join([*report.scopes, *(f"one of ({g})" for g in groups)])
    tail = f" ({len(report.unknown)} endpoints unknown)" if report.unknown else ""
    return f"hapimigrate: the token needs these scopes: {scopes}{tail}"
