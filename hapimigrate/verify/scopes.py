"""The scopes a token has, against those the code needs (the report's).

A call is satisfied when the token has every scope it needs and, where it needs one
of a group (``scopes_any_of``), one of them; or, for the API-key era endpoints, the
coarse scopes old OAuth apps were granted (``legacy_scopes``). What an unsatisfied
call lacks is *missing* (each with the calls that need it); a granted scope that no
call uses is *extra* (least privilege: a warning). ``oauth``, which every OAuth app
has, is never extra.

The report's sites that need a token count (key uses migrated or left for a person,
and the HubSpot calls that already send a token), and so do the calls ``verify run``
saw that no site accounts for (``Report.observed``)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Iterable, Iterator

from hapimigrate.hubspot import ScopeNeed
from hapimigrate.model import Endpoint, Kind, Site, Status
from hapimigrate.report import VERSION, Report

ALWAYS_GRANTED = frozenset({"oauth"})
_NEEDING_TOKEN = (Status.REWRITE, Status.MANUAL)
_NOT_KEY_USES = (Kind.CALL, Kind.VERSION)


def needs_token(site: Site) -> bool:
    """A key use that gets the token (``rewrite``, ``manual``), or a HubSpot call
    that already sends one (``call``): as the report counts them."""
    if site.kind == Kind.CALL:
        return True
    return site.kind not in _NOT_KEY_USES and site.status in _NEEDING_TOKEN


class ReportFileError(ValueError):
    """A --from-report file that cannot be used."""


@dataclass(frozen=True)
class Use:
    """A call that needs a scope: where the code makes it."""

    where: str  # path:line
    method: str | None
    endpoint: str | None

    def __str__(self) -> str:
        call = " ".join(filter(None, (self.method, self.endpoint)))
        return f"{self.where} {call}".rstrip()


@dataclass(frozen=True)
class Missing:
    scope: str
    needed_by: tuple[Use, ...]


@dataclass(frozen=True)
class Group:
    scopes: tuple[str, ...]  # one of these is enough
    satisfied_by: tuple[str, ...]  # those the token has
    needed_by: tuple[Use, ...]


@dataclass(frozen=True)
class Comparison:
    needed: tuple[str, ...]  # every scope some call needs
    groups: tuple[Group, ...]
    missing: tuple[Missing, ...] = ()
    extra: tuple[str, ...] = ()
    granted: tuple[str, ...] = ()
    unknown: int = 0  # endpoints whose scopes are not known
    calls: int = 0  # calls needing a token that were compared
    checked: bool = True  # False: the token's scopes were not asked

    @property
    def unmet_groups(self) -> tuple[Group, ...]:
        return tuple(g for g in self.groups if not g.satisfied_by)


def _calls(report: Report) -> Iterator[tuple[Use, ScopeNeed]]:
    for entry in report.sites:
        site = entry.site
        if not needs_token(site):
            continue
        for call in entry.calls:
            if call.need is not None:
                yield _use(site, call.endpoint), call.need
    for seen in report.observed:
        if not seen.sites and seen.need is not None:
            where = seen.where[0] if seen.where else "(seen at run time)"
            yield Use(where, seen.endpoint.method, seen.endpoint.path), seen.need


def _use(site: Site, endpoint: Endpoint) -> Use:
    return Use(f"{site.path}:{site.line}", endpoint.method, endpoint.path)


def needed_only(report: Report) -> Comparison:
    """What the code needs, for a token whose scopes could not be asked."""
    calls = list(_calls(report))
    needed = sorted({s for _, need in calls for s in need.scopes})
    groups: dict[tuple[str, ...], list[Use]] = {}
    for use, need in calls:
        if need.any_of and not set(need.any_of) & set(needed):
            groups.setdefault(need.any_of, []).append(use)
    return Comparison(
        tuple(needed),
        tuple(Group(g, (), tuple(u)) for g, u in sorted(groups.items())),
        unknown=len(report.unknown),
        calls=len(calls),
        checked=False,
    )


def compare(report: Report, granted: Iterable[str]) -> Comparison:
    have = set(granted)
    calls = list(_calls(report))
    used: set[str] = set()
    missing: dict[str, list[Use]] = {}
    groups: dict[tuple[str, ...], list[Use]] = {}
    for use, need in calls:
        modern = set(need.scopes) <= have and (
            not need.any_of or bool(set(need.any_of) & have)
        )
        legacy = bool(need.legacy_scopes) and set(need.legacy_scopes) <= have
        if need.any_of:
            groups.setdefault(need.any_of, []).append(use)
        if modern:
            used |= set(need.scopes) | (set(need.any_of) & have)
        elif legacy:
            used |= set(need.legacy_scopes)
        else:
            for scope in sorted(set(need.scopes) - have):
                missing.setdefault(scope, []).append(use)
            used |= (set(need.scopes) | set(need.any_of)) & have
    needed = sorted({s for _, need in calls for s in need.scopes})
    return Comparison(
        needed=tuple(needed),
        groups=tuple(
            Group(g, tuple(sorted(set(g) & have)), tuple(_unique(u)))
            for g, u in sorted(groups.items())
        ),
        missing=tuple(
            Missing(s, tuple(_unique(u))) for s, u in sorted(missing.items())
        ),
        extra=tuple(sorted(have - used - ALWAYS_GRANTED)) if calls else (),
        granted=tuple(sorted(have)),
        unknown=len(report.unknown),
        calls=len(calls),
    )


def _unique(uses: list[Use]) -> list[Use]:
    return list(dict.fromkeys(uses))


# --- --from-report ---------------------------------------------------------------------


def sites_from_report(path: str) -> list[Site]:
    """The sites of a JSON report (``apply --report FILE.json``, ``report --format
    json``): after ``apply`` the code no longer says what it calls, its report does."""
    try:
        with open(path, encoding="utf-8") as handle:
            document = json.load(handle)
    except OSError as error:
        raise ReportFileError(f"{path}: {error.strerror or error}") from None
    except ValueError as error:
        raise ReportFileError(f"{path}: not JSON: {error}") from None
    if not isinstance(document, dict) or document.get("version") not in range(
        1, VERSION + 1
    ):
        raise ReportFileError(f"{path}: not a hapimigrate JSON report")
    try:
        return [
            Site(
                path=str(s["path"]),
                line=int(s["line"]),
                column=int(s.get("column", 1)),
                end_line=int(s.get("end_line", s["line"])),
                end_column=int(s.get("end_column", 1)),
                kind=Kind(s.get("kind", "url")),
                status=Status(s["status"]),
                reason=str(s.get("reason", "")),
                calls=tuple(
                    Endpoint(c.get("method"), c.get("endpoint"))
                    for c in s.get("calls", ())
                ),
                hardcoded_key=bool(s.get("hardcoded_key", False)),
            )
            for s in document.get("sites", ())
        ]
    except (KeyError, TypeError, ValueError) as error:
        raise ReportFileError(f"{path}: malformed report: {error!r}") from None
