"""``report --merge``: per-repository JSON reports combined into one table.

Each input is a report as ``report --format json`` or ``apply --report FILE.json``
writes it (version 2). :func:`load_all` reads and checks every file first, so a
bad or foreign file stops the run (:class:`MergeError`, exit 2) before anything is
printed. Only places are taken from a report (path and line), never a value: a
report holds no key, and nothing of a file that is not one is ever echoed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, replace
from typing import Any, Iterable

from hapimigrate import __version__
from hapimigrate.model import Status
from hapimigrate.report import VERSION

STATUSES = tuple(s.value for s in Status)  # rewrite, manual, kept, unparsed
MERGED_KIND = "hapimigrate-merged-report"
# file names that say nothing of the repository: its folder names it instead
GENERIC_STEMS = frozenset(
    {"report", "hapimigrate", "hapimigrate-report", "hapimigrate_report", "scopes"}
)


class MergeError(ValueError):
    """A file that is not a hapimigrate JSON report; the message names it."""


@dataclass(frozen=True)
class Place:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class ManualSite:
    place: Place
    reason: str


@dataclass(frozen=True)
class RetiredCall:
    """A call to an endpoint HubSpot has switched off: it fails whatever the token."""

    place: Place
    method: str | None
    endpoint: str
    failing_since: str | None
    replacements: tuple[str, ...]  # "GET /crm/owners/2026-03"

    @property
    def call(self) -> str:
        return f"{self.method} {self.endpoint}" if self.method else self.endpoint


@dataclass(frozen=True)
class UnknownEndpoint:
    place: Place
    reason: str


@dataclass(frozen=True)
class RepoReport:
    """What one repository's report says, reduced to what a migration across
    many repositories needs."""

    name: str
    source: str  # the file it was read from
    token_provider: str
    scopes: tuple[str, ...]
    scopes_any_of: tuple[tuple[str, ...], ...]
    counts: tuple[tuple[str, int], ...]  # status -> key uses, then "calls"
    files_changed: int
    hardcoded: tuple[Place, ...]
    manual: tuple[ManualSite, ...]
    retired: tuple[RetiredCall, ...]
    unknown: tuple[UnknownEndpoint, ...]
    single_account: str  # token_advice: service-key or project-app
    webhooks: bool

    def count(self, name: str) -> int:
        return dict(self.counts).get(name, 0)


@dataclass(frozen=True)
class Merged:
    repos: tuple[RepoReport, ...]

    def total(self, name: str) -> int:
        return sum(r.count(name) for r in self.repos)

    def scope_users(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Each scope any repository needs, with the repositories needing it."""
        users: dict[str, list[str]] = {}
        for repo in self.repos:
            for scope in repo.scopes:
                users.setdefault(scope, []).append(repo.name)
        return tuple((s, tuple(users[s])) for s in sorted(users))


# -- reading -----------------------------------------------------------------


def load_all(paths: Iterable[str]) -> Merged:
    """Every report, checked, in the order given; names made unique."""
    loaded = [parse(_read(path), path) for path in paths]
    names = [r.name for r in loaded]
    unique = []
    for repo in loaded:
        if names.count(repo.name) > 1:  # two "report.json" of one folder name...
            repo = replace(repo, name=repo.source)
        unique.append(repo)
    return Merged(tuple(unique))


def _read(path: str) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as error:
        raise MergeError(f"{path}: cannot read: {error.strerror or error}") from None
    except UnicodeDecodeError:
        raise MergeError(f"{path}: not a hapimigrate JSON report (not UTF-8 text)")
    except ValueError as error:  # the position only: the text may hold a secret
        where = f"line {error.lineno}" if hasattr(error, "lineno") else "it"
        raise MergeError(
            f"{path}: not a hapimigrate JSON report (not JSON at {where})"
        ) from None


def repo_name(path: str) -> str:
    """``reports/shop-api.json`` is ``shop-api``; ``reports/shop-api/report.json``
    is ``shop-api`` too (its folder's name)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    if stem.lower() in GENERIC_STEMS:
        folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
        if folder:
            return folder
    return stem or path


def parse(document: Any, source: str) -> RepoReport:
    """One report, checked field by field; :class:`MergeError` names the file
    and the field, never a value."""
    if not isinstance(document, dict):
        raise MergeError(f"{source}: not a hapimigrate JSON report (not an object)")
    if document.get("kind") == MERGED_KIND:
        raise MergeError(
            f"{source}: a merged report (report --merge --format json); merge the "
            "per-repository reports instead"
        )
    tool = document.get("tool")
    if not (isinstance(tool, str) and tool.startswith("hapimigrate")):
        raise MergeError(
            f'{source}: not a hapimigrate JSON report (no "tool": "hapimigrate ...")'
        )
    version = document.get("version")
    if version != VERSION:
        raise MergeError(
            f"{source}: report version {_shown(version)}; this hapimigrate reads "
            f"version {VERSION} (write it again with hapimigrate report --format json)"
        )
    check = _Checker(source)
    sites = check.list(document, "sites")
    summary = check.mapping(document, "summary")
    counts = tuple(
        (name, check.integer(summary, name, f"summary.{name}"))
        for name in (*STATUSES, "calls")
    )
    hardcoded: list[Place] = []
    manual: list[ManualSite] = []
    retired: list[RetiredCall] = []
    for index, site in enumerate(sites):
        at = f"sites[{index}]"
        if not isinstance(site, dict):
            raise check.wrong(at, "an object")
        place = Place(
            check.string(site, "path", f"{at}.path"),
            check.integer(site, "line", f"{at}.line"),
        )
        status = check.string(site, "status", f"{at}.status")
        if status not in STATUSES:
            raise check.wrong(f"{at}.status", "one of " + ", ".join(STATUSES))
        if check.boolean(site, "hardcoded_key", f"{at}.hardcoded_key"):
            if place not in hardcoded:
                hardcoded.append(place)
        if status in (Status.MANUAL.value, Status.UNPARSED.value):
            manual.append(
                ManualSite(place, check.string(site, "reason", f"{at}.reason"))
            )
        for n, call in enumerate(check.list(site, "calls", f"{at}.calls")):
            found = _retired(check, call, place, f"{at}.calls[{n}]")
            if found is not None and found not in retired:
                retired.append(found)
    advice = document.get("token_advice")
    advice = advice if isinstance(advice, dict) else {}
    return RepoReport(
        name=repo_name(source),
        source=source,
        token_provider=check.string(document, "token_provider"),
        scopes=tuple(check.strings(document, "scopes")),
        scopes_any_of=tuple(
            tuple(check.strings({"g": g}, "g", f"scopes_any_of[{i}]"))
            for i, g in enumerate(check.list(document, "scopes_any_of"))
        ),
        counts=counts,
        files_changed=check.integer(summary, "files_changed", "summary.files_changed"),
        hardcoded=tuple(hardcoded),
        manual=tuple(manual),
        retired=tuple(retired),
        unknown=_unknown(check, check.list(document, "unknown_endpoints")),
        single_account=str(advice.get("single_account") or "service-key"),
        webhooks=bool(advice.get("webhooks")),
    )


def _unknown(check: "_Checker", entries: list) -> tuple[UnknownEndpoint, ...]:
    found = []
    for i, entry in enumerate(entries):
        at = f"unknown_endpoints[{i}]"
        if not isinstance(entry, dict):
            raise check.wrong(at, "an object")
        place = Place(
            check.string(entry, "path", f"{at}.path"),
            check.integer(entry, "line", f"{at}.line"),
        )
        found.append(UnknownEndpoint(place, str(entry.get("reason") or "")))
    return tuple(found)


def _retired(check: "_Checker", call: Any, place: Place, at: str) -> RetiredCall | None:
    if not isinstance(call, dict):
        raise check.wrong(at, "an object")
    life = call.get("lifecycle")
    if life is None:
        return None
    if not isinstance(life, dict):
        raise check.wrong(f"{at}.lifecycle", "an object or null")
    if life.get("status") != "retired":
        return None
    replacements = tuple(
        (
            f"{r.get('method')} {r.get('endpoint')}"
            if r.get("method")
            else str(r.get("endpoint"))
        )
        for r in life.get("replacements") or ()
        if isinstance(r, dict) and r.get("endpoint")
    )
    since = life.get("failing_since")
    return RetiredCall(
        place,
        call.get("method") if isinstance(call.get("method"), str) else None,
        check.string(call, "endpoint", f"{at}.endpoint"),
        since if isinstance(since, str) else None,
        replacements,
    )


def _shown(value: Any) -> str:
    """A version as it may be shown: a number, else only its JSON type."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return "missing" if value is None else f"of type {type(value).__name__}"


class _Checker:
    """Field checks whose errors name the file and the field, not the value."""

    def __init__(self, source: str) -> None:
        self.source = source

    def wrong(self, field: str, expected: str) -> MergeError:
        return MergeError(
            f"{self.source}: not a hapimigrate JSON report ({field}: expected {expected})"
        )

    def _get(self, mapping: dict, key: str, field: str) -> Any:
        if key not in mapping:
            raise MergeError(
                f"{self.source}: not a hapimigrate JSON report (no {field})"
            )
        return mapping[key]

    def list(self, mapping: dict, key: str, field: str | None = None) -> list:
        value = self._get(mapping, key, field or key)
        if not isinstance(value, list):
            raise self.wrong(field or key, "a list")
        return value

    def mapping(self, mapping: dict, key: str, field: str | None = None) -> dict:
        value = self._get(mapping, key, field or key)
        if not isinstance(value, dict):
            raise self.wrong(field or key, "an object")
        return value

    def string(self, mapping: dict, key: str, field: str | None = None) -> str:
        value = self._get(mapping, key, field or key)
        if not isinstance(value, str):
            raise self.wrong(field or key, "a string")
        return value

    def strings(self, mapping: dict, key: str, field: str | None = None) -> list[str]:
        value = self.list(mapping, key, field)
        if not all(isinstance(v, str) for v in value):
            raise self.wrong(field or key, "a list of strings")
        return value

    def integer(self, mapping: dict, key: str, field: str | None = None) -> int:
        value = self._get(mapping, key, field or key)
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.wrong(field or key, "a whole number")
        return value

    def boolean(self, mapping: dict, key: str, field: str | None = None) -> bool:
        value = self._get(mapping, key, field or key)
        if not isinstance(value, bool):
            raise self.wrong(field or key, "true or false")
        return value


# -- rendering ---------------------------------------------------------------

COLUMNS = ("rewrite", "manual", "kept", "unparsed", "calls")
HEADINGS = (
    "repository",
    "rewrite",
    "manual",
    "kept",
    "unparsed",
    "calls",
    "hard-coded keys",
    "retired calls",
    "unknown endpoints",
    "scopes",
)


def _row(repo: RepoReport) -> tuple[str, ...]:
    return (
        repo.name,
        *(str(repo.count(c)) for c in COLUMNS),
        str(len(repo.hardcoded)),
        str(len(repo.retired)),
        str(len(repo.unknown)),
        str(len(repo.scopes)),
    )


def _totals(merged: Merged) -> tuple[str, ...]:
    return (
        f"total ({len(merged.repos)})",
        *(str(merged.total(c)) for c in COLUMNS),
        str(sum(len(r.hardcoded) for r in merged.repos)),
        str(sum(len(r.retired) for r in merged.repos)),
        str(sum(len(r.unknown) for r in merged.repos)),
        str(len(merged.scope_users())),
    )


def _scopes_line(repo: RepoReport) -> str:
    parts = list(repo.scopes)
    parts += ["one of " + " | ".join(g) for g in repo.scopes_any_of]
    return ", ".join(parts) or "none"


def retired_groups(
    repo: RepoReport,
) -> tuple[tuple[str, str | None, tuple[Place, ...], tuple[str, ...]], ...]:
    """The retired calls of a repository by endpoint: (call, retired since,
    places, HubSpot's replacements)."""
    by_call: dict[str, list[RetiredCall]] = {}
    for call in repo.retired:
        by_call.setdefault(call.call, []).append(call)
    return tuple(
        (
            call,
            found[0].failing_since,
            tuple(c.place for c in found),
            found[0].replacements,
        )
        for call, found in by_call.items()
    )


def render_text(merged: Merged) -> str:
    rows = [HEADINGS, *(_row(r) for r in merged.repos), _totals(merged)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADINGS))]
    out = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])]
        cells += [cell.rjust(widths[i + 1]) for i, cell in enumerate(row[1:])]
        if n == len(rows) - 1:
            out.append("  ".join("-" * w for w in widths))
        out.append("  ".join(cells).rstrip())
    out.append("")
    out.append("Scopes per repository:")
    out += [f"  {r.name}: {_scopes_line(r)}" for r in merged.repos]
    out.append("")
    out.append("Scopes across all repositories:")
    out += [
        f"  {scope}  ({len(users)}: {', '.join(users)})"
        for scope, users in merged.scope_users()
    ] or ["  none"]
    keyed = [r for r in merged.repos if r.hardcoded]
    if keyed:
        out.append("")
        out.append("Hard-coded keys (revoke them; their values are never shown):")
        out += [f"  {r.name}: {', '.join(map(str, r.hardcoded))}" for r in keyed]
    retired = [r for r in merged.repos if r.retired]
    if retired:
        out.append("")
        out.append("Calls to retired endpoints (they fail whatever the token):")
        for repo in retired:
            out.append(f"  {repo.name}:")
            for call, since, places, _ in retired_groups(repo):
                when = f" (retired {since})" if since else ""
                out.append(f"    {call}{when}: {', '.join(map(str, places))}")
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(merged: Merged) -> str:
    out = ["# HubSpot access-token migration: all repositories", ""]
    out.append("| " + " | ".join(HEADINGS[:-1]) + " | scopes |")
    out.append("|---" + "|---:" * (len(HEADINGS) - 2) + "|---|")
    for repo in merged.repos:
        cells = [_md(c) for c in _row(repo)[:-1]]
        scopes = "<br>".join(f"`{_md(s)}`" for s in repo.scopes)
        scopes += "".join(
            "<br>one of " + " \\| ".join(f"`{s}`" for s in g)
            for g in repo.scopes_any_of
        )
        out.append("| " + " | ".join(cells) + f" | {scopes or 'none'} |")
    totals = [f"**{c}**" for c in _totals(merged)[:-1]]
    out.append("| " + " | ".join(totals) + f" | {len(merged.scope_users())} distinct |")
    out.append("")
    out.append("## Scopes across all repositories")
    out.append("")
    out += [
        f"- `{scope}`: {', '.join(users)}" for scope, users in merged.scope_users()
    ] or ["None."]
    keyed = [r for r in merged.repos if r.hardcoded]
    if keyed:
        out += ["", "## Hard-coded keys: revoke them", ""]
        out += [
            f"- **{_md(r.name)}**: " + ", ".join(f"`{p}`" for p in r.hardcoded)
            for r in keyed
        ]
    retired = [r for r in merged.repos if r.retired]
    if retired:
        out += ["", "## Calls to retired endpoints (they fail whatever the token)", ""]
        for repo in retired:
            for call, since, places, _ in retired_groups(repo):
                when = f" (retired {since})" if since else ""
                where = ", ".join(f"`{p}`" for p in places)
                out.append(f"- **{_md(repo.name)}**: `{call}`{when}: {where}")
    return "\n".join(out) + "\n"


def render_json(merged: Merged) -> str:
    def repo_json(repo: RepoReport) -> dict:
        return {
            "name": repo.name,
            "report": repo.source,
            "token_provider": repo.token_provider,
            "summary": {
                **dict(repo.counts),
                "hardcoded_keys": len(repo.hardcoded),
                "retired_calls": len(repo.retired),
                "unknown_endpoints": len(repo.unknown),
                "files_changed": repo.files_changed,
            },
            "scopes": list(repo.scopes),
            "scopes_any_of": [list(g) for g in repo.scopes_any_of],
            "hardcoded_keys": [
                {"path": p.path, "line": p.line} for p in repo.hardcoded
            ],
            "retired_calls": [
                {
                    "path": c.place.path,
                    "line": c.place.line,
                    "method": c.method,
                    "endpoint": c.endpoint,
                    "failing_since": c.failing_since,
                    "replacements": list(c.replacements),
                }
                for c in repo.retired
            ],
            "manual": [
                {"path": m.place.path, "line": m.place.line, "reason": m.reason}
                for m in repo.manual
            ],
        }

    document = {
        "kind": MERGED_KIND,
        "version": 1,
        "tool": f"hapimigrate {__version__}",
        "repositories": [repo_json(r) for r in merged.repos],
        "totals": {
            "repositories": len(merged.repos),
            **{c: merged.total(c) for c in COLUMNS},
            "hardcoded_keys": sum(len(r.hardcoded) for r in merged.repos),
            "retired_calls": sum(len(r.retired) for r in merged.repos),
            "unknown_endpoints": sum(len(r.unknown) for r in merged.repos),
            "scopes": {scope: list(users) for scope, users in merged.scope_users()},
        },
    }
    return json.dumps(document, indent=2) + "\n"
