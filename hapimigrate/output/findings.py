"""``check`` output: text lines, GitHub workflow commands, and SARIF 2.1.0."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

import click

from hapimigrate import __version__
from hapimigrate.model import Kind, Site, Status
from hapimigrate.rules import RULES, message, rule_for

HOMEPAGE = "https://pypi.org/project/hapimigrate/"


def level(site: Site) -> str:
    """A developer key is legitimate: a note, not an error; so is an endpoint
    whose date has not come. A retired endpoint is an error."""
    if site.kind == Kind.CALL:
        return "error" if rule_for(site).id == "HM007" else "note"
    return "note" if site.status == Status.KEPT else "error"


def noted(notes: list[Site]) -> str:
    """`` (1 developer key, 3 endpoint dates noted)``: the findings that do not
    fail the check; "" when there are none."""
    keys = sum(1 for s in notes if s.kind != Kind.CALL)
    dates = len(notes) - keys
    parts = [
        f"{count} {what}{'s' if count != 1 else ''}"
        for count, what in ((keys, "developer key"), (dates, "endpoint date"))
        if count
    ]
    return f" ({', '.join(parts)} noted)" if parts else ""


def _where(site: Site) -> str:
    cell = f" (cell {site.cell}, line {site.cell_line})" if site.cell else ""
    return f"{site.path}:{site.line}:{site.column}", cell


def text(sites: list[Site], color: bool) -> str:
    out = []
    for site in sites:
        where, cell = _where(site)
        rule = rule_for(site).id
        if color:
            where = click.style(where, bold=True)
            rule = click.style(rule, fg="red" if level(site) == "error" else "blue")
        out.append(f"{where}: {rule} {message(site)}{cell}\n")
    return "".join(out)


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(sites: list[Site]) -> str:
    """GitHub Actions workflow commands: inline annotations on the pull request."""
    out = []
    for site in sites:
        command = "notice" if level(site) == "note" else "error"
        rule = rule_for(site)
        props = ",".join(
            f"{name}={_escape_property(str(value))}"
            for name, value in (
                ("file", site.path),
                ("line", site.line),
                ("col", site.column),
                ("endLine", site.end_line),
                ("endColumn", site.end_column),
                ("title", f"{rule.id} {rule.title}"),
            )
        )
        _, cell = _where(site)
        out.append(f"::{command} {props}::{_escape_data(message(site) + cell)}\n")
    return "".join(out)


def _uri(path: str) -> str:
    relative = os.path.normpath(os.path.relpath(path)).replace(os.sep, "/")
    return quote(relative)


def sarif(sites: list[Site]) -> str:
    rules = list(RULES.values())
    index = {rule.id: i for i, rule in enumerate(rules)}
    results = []
    for site in sites:
        rule = rule_for(site)
        _, cell = _where(site)
        results.append(
            {
                "ruleId": rule.id,
                "ruleIndex": index[rule.id],
                "level": level(site),
                "message": {"text": message(site) + cell},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {
                                "uri": _uri(site.path),
                                "uriBaseId": "%SRCROOT%",
                            },
                            "region": {
                                "startLine": site.line,
                                "startColumn": site.column,
                                "endLine": site.end_line,
                                "endColumn": site.end_column,
                            },
                        }
                    }
                ],
                "partialFingerprints": {"hapimigrate/v1": site.fingerprint},
            }
        )
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "hapimigrate",
                        "version": __version__,
                        "informationUri": HOMEPAGE,
                        "rules": [
                            {
                                "id": rule.id,
                                "name": rule.name,
                                "shortDescription": {"text": rule.title},
                                "fullDescription": {"text": rule.help},
                                "help": {"text": rule.help, "markdown": rule.help},
                                **({"helpUri": rule.help_uri} if rule.help_uri else {}),
                                "defaultConfiguration": {
                                    "level": "note" if rule.id == "HM008" else "error"
                                },
                            }
                            for rule in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2) + "\n"
