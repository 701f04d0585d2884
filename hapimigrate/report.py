"""The report: every site with the endpoints it calls and the scopes the new token
needs for them, per site and in total. Built from sites alone, shared by the
``report`` command, ``--report`` of ``diff``/``apply`` and ``check --format json``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from hapimigrate.model import Endpoint, Kind, Site, Status
from hapimigrate.hubspot import ScopeNeed, scopes_for

VERSION = 1
# An any-of set this long means "depends on a value known at run time".
_TOO_MANY_ALTERNATIVES = 12


@dataclass(frozen=True)
class CallScopes:
    endpoint: Endpoint
    need: ScopeNeed | None  # None: scopes unknown


@dataclass(frozen=True)
class SiteScopes:
    site: Site
    calls: tuple[CallScopes, ...]

    @property
    def scopes(self) -> tuple[str, ...]:
        return tuple(sorted({s for c in self.calls if c.need for s in c.need.scopes}))

    @property
    def any_of(self) -> tuple[tuple[str, ...], ...]:
        return tuple(
            sorted({c.need.any_of for c in self.calls if c.need and c.need.any_of})
        )

    @property
    def legacy_scopes(self) -> tuple[str, ...]:
        return tuple(
            sorted({s for c in self.calls if c.need for s in c.need.legacy_scopes})
        )


@dataclass(frozen=True)
class Unknown:
    site: Site
    endpoint: Endpoint | None
    reason: str


@dataclass(frozen=True)
class Report:
    token_provider: str
    sites: tuple[SiteScopes, ...]
    unknown: tuple[Unknown, ...]
    files_changed: int = 0

    @property
    def scopes(self) -> tuple[str, ...]:
        return tuple(sorted({s for site in self._needing_token() for s in site.scopes}))

    @property
    def any_of(self) -> tuple[tuple[str, ...], ...]:
        """Alternatives not already met by a required scope."""
        have = set(self.scopes)
        groups = {g for site in self._needing_token() for g in site.any_of}
        return tuple(sorted(g for g in groups if not have & set(g)))

    @property
    def legacy_scopes(self) -> tuple[str, ...]:
        return tuple(
            sorted({s for site in self._needing_token() for s in site.legacy_scopes})
        )

    @property
    def hardcoded(self) -> tuple[Site, ...]:
        return tuple(s.site for s in self.sites if s.site.hardcoded_key)

    def count(self, status: Status) -> int:
        return sum(1 for s in self.sites if s.site.status == status)

    def _needing_token(self) -> Iterable[SiteScopes]:
        return (
            s for s in self.sites if s.site.status in (Status.REWRITE, Status.MANUAL)
        )


def build(sites: Iterable[Site], token_provider: str, files_changed: int = 0) -> Report:
    """The report of ``sites``, file by file in path order (a run yields some
    files late: those the tree-wide pass looks at)."""
    reports, unknown = [], []
    for site in sorted(sites, key=lambda s: (s.path, s.line, s.column)):
        calls = []
        for endpoint in site.calls:
            need = scopes_for(endpoint.method, endpoint.path)
            if need is not None and len(need.any_of) > _TOO_MANY_ALTERNATIVES:
                need = None
            calls.append(CallScopes(endpoint, need))
            if site.status in (Status.REWRITE, Status.MANUAL) and need is None:
                unknown.append(Unknown(site, endpoint, _why(endpoint)))
        if (
            not site.calls
            and site.status in (Status.REWRITE, Status.MANUAL)
            and site.kind != Kind.GUARD  # sends nothing itself
        ):
            unknown.append(Unknown(site, None, _why_none(site)))
        reports.append(SiteScopes(site, tuple(calls)))
    return Report(token_provider, tuple(reports), tuple(unknown), files_changed)


def _why(endpoint: Endpoint) -> str:
    if endpoint.path is None:
        return "the endpoint is built at run time"
    if endpoint.method is None:
        return "the HTTP method is not known from the source"
    return "not in the scope catalog"


def _why_none(site: Site) -> str:
    if site.kind.value == "sdk":
        return "SDK client: the scopes depend on the API methods the code calls"
    return "no request using it was found in this module"
