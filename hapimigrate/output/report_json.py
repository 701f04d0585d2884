"""The report as JSON (format ``version`` 1, documented in the README)."""

from __future__ import annotations

import json

from hapimigrate import __version__
from hapimigrate.model import Status
from hapimigrate.report import VERSION, CallScopes, Report, SiteScopes
from hapimigrate.rules import rule_for


def call_json(call: CallScopes) -> dict:
    need = call.need
    return {
        "method": call.endpoint.method,
        "endpoint": call.endpoint.path,
        "scopes": list(need.scopes) if need else None,
        "scopes_any_of": list(need.any_of) if need else None,
        "legacy_scopes": list(need.legacy_scopes) if need else None,
        "source": need.source if need else None,
    }


def site_json(entry: SiteScopes) -> dict:
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
        "calls": [call_json(c) for c in entry.calls],
        "rule": rule_for(site).id,
        "fingerprint": site.fingerprint,
        **({"cell": site.cell, "cell_line": site.cell_line} if site.cell else {}),
    }


def render(report: Report) -> str:
    document = {
        "version": VERSION,
        "tool": f"hapimigrate {__version__}",
        "auth": "header",
        "token_provider": report.token_provider,
        "sites": [site_json(s) for s in report.sites],
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
            "sites": len(report.sites),
            **{status.value: report.count(status) for status in Status},
            "hardcoded_keys": len(report.hardcoded),
            "files_changed": report.files_changed,
        },
    }
    return json.dumps(document, indent=2) + "\n"
