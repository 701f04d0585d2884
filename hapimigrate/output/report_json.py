"""The report as JSON (format ``version`` 2, documented in the README)."""

from __future__ import annotations

import json
from datetime import date

from hapimigrate import __version__
from hapimigrate.hubspot import Lifecycle
from hapimigrate.hubspot import lifecycle as lifecycles
from hapimigrate.model import Kind, Status
from hapimigrate.report import VERSION, CallScopes, Report, SiteScopes
from hapimigrate.rules import rule_id


def call_json(call: CallScopes, on: date | None = None) -> dict:
    need = call.need
    life = call.lifecycle
    return {
        "method": call.endpoint.method,
        "endpoint": call.endpoint.path,
        "scopes": list(need.scopes) if need else None,
        "scopes_any_of": list(need.any_of) if need else None,
        "legacy_scopes": list(need.legacy_scopes) if need else None,
        "source": need.source if need else None,
        "lifecycle": (
            lifecycle_json(life, on or lifecycles.today()) if life is not None else None
        ),
    }


def lifecycle_json(life: Lifecycle, on: date) -> dict:
    """What HubSpot has announced for a call's endpoint, judged on ``on``."""
    state = life.state(on)
    left = life.days_left(on)
    twin = life.twin
    return {
        "status": state,
        "announced": life.status,
        "date": life.date,
        "date_precision": (
            None if life.date is None else "month" if life.month_only else "day"
        ),
        "days_left": left if left is not None and left > 0 else None,
        "failing_since": life.date if state == lifecycles.RETIRED else None,
        "family": life.family,
        "effect": life.effect,
        "replacements": [
            {
                "method": r.method,
                "endpoint": r.path,
                "note": r.note,
                "basis": r.basis,
                "in_spec": r.in_spec,
                "sources": list(r.sources),
            }
            for r in life.replacements
        ],
        "dated": (
            None
            if twin is None
            else {
                "method": twin.method,
                "endpoint": twin.path,
                "schemas_identical": twin.identical,
                "differences": list(twin.differences),
                "changes": list(twin.changes()),
            }
        ),
        "no_dated_counterpart": life.no_twin,
        "breaking_notes": life.breaking_notes,
        "method_dependent": life.method_dependent,
        "version": life.version,
        "events": [
            {"date": e.date, "what": e.what, "sources": list(e.sources)}
            for e in life.events
        ],
        "sources": list(life.sources),
    }


def site_json(entry: SiteScopes, on: date | None = None) -> dict:
    site = entry.site
    return {
        "path": site.path,
        "line": site.line,
        "column": site.column,
        "end_line": site.end_line,
        "end_column": site.end_column,
        "kind": site.kind.value,
        "status": site.status.value,
        "reason": site.reason,
        "method": site.method,
        "endpoint": site.endpoint,
        "scopes": list(entry.scopes),
        "scopes_any_of": [list(g) for g in entry.any_of],
        "legacy_scopes": list(entry.legacy_scopes),
        "hardcoded_key": site.hardcoded_key,
        "calls": [call_json(c, on) for c in entry.calls],
        "rule": rule_id(site),
        "fingerprint": site.fingerprint,
        **({"cell": site.cell, "cell_line": site.cell_line} if site.cell else {}),
    }


def render(report: Report) -> str:
    document = {
        "version": VERSION,
        "tool": f"hapimigrate {__version__}",
        "auth": "header",
        "token_provider": report.token_provider,
        "sites": [site_json(s, report.today) for s in report.sites],
        "scopes": list(report.scopes),
        "scopes_any_of": [list(g) for g in report.any_of],
        "legacy_scopes": list(report.legacy_scopes),
        "unknown_endpoints": [
            {
                "path": u.site.path,
                "line": u.site.line,
                "column": u.site.column,
                "method": u.endpoint.method if u.endpoint else None,
                "endpoint": u.endpoint.path if u.endpoint else None,
                "reason": u.reason,
            }
            for u in report.unknown
        ],
        "summary": {
            "sites": len(report.key_sites),
            **{status.value: report.count(status) for status in Status},
            "hardcoded_keys": len(report.hardcoded),
            "files_changed": report.files_changed,
            "calls": report.count_kind(Kind.CALL),
            "versions": report.count_kind(Kind.VERSION),
        },
        "lifecycle": lifecycle_summary(report),
        "token_advice": token_advice(report),
    }
    return json.dumps(document, indent=2) + "\n"


def lifecycle_summary(report: Report) -> dict:
    counts = report.lifecycle_counts()
    by_date: dict[str, int] = {}
    for key, count in sorted((k, v) for k, v in counts.items() if isinstance(k, tuple)):
        by_date[key[1]] = by_date.get(key[1], 0) + count
    return {
        "as_of": lifecycles.as_of(),
        "today": report.today.isoformat(),
        **{
            state.replace("-", "_"): counts[state]
            for state in (
                lifecycles.RETIRED,
                lifecycles.SUNSETTING,
                lifecycles.UNSUPPORTED_FROM,
                lifecycles.UNSUPPORTED,
                lifecycles.CURRENT,
            )
        },
        "by_date": by_date,
        "modernizable": counts["modernizable"],
        "sources": {i: lifecycles.source_url(i) for i in report.cited},
    }


def token_advice(report: Report) -> dict:
    """What to create for the token today (legacy private apps can no longer be
    created): a service key for one account without webhooks, a project-based
    app with webhooks, OAuth for several accounts."""
    return {
        "single_account": "project-app" if report.webhooks else "service-key",
        "several_accounts": "oauth",
        "webhooks": report.webhooks,
        "sources": {i: lifecycles.source_url(i) for i in ("S1", "S34", "S36", "S37")},
    }
