"""The report: every site with the endpoints it calls, the scopes the new token
needs for them, per site and in total, and each call's lifecycle (retired,
sunsetting, unsupported from a date: :mod:`hapimigrate.hubspot.lifecycle`), judged
on the day the report is built. Built from sites alone, shared by the ``report``
command, ``--report`` of ``diff``/``apply`` and ``check --format json``."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Iterable

from hapimigrate.model import Endpoint, Kind, Site, Status
from hapimigrate import hubspot
from hapimigrate.hubspot import Lifecycle, ScopeNeed, scopes_for
from hapimigrate.hubspot import lifecycle as lifecycles

VERSION = (
    2  # 2: lifecycles (calls[].lifecycle, "lifecycle"), sites of kind call/version
)
# Sites that are not key uses: HubSpot calls (report, check) and versioned paths
# (--modernize). They are listed, but counted apart from the key uses.
NOT_KEY_USES = (Kind.CALL, Kind.VERSION)
# An any-of set this long means "depends on a value known at run time".
_TOO_MANY_ALTERNATIVES = 12


@dataclass(frozen=True)
class CallScopes:
    endpoint: Endpoint
    need: ScopeNeed | None  # None: scopes unknown
    observed: bool = False  # seen at run time by `verify run`, not in the source

    @property
    def lifecycle(self) -> Lifecycle | None:
        """What HubSpot has announced for the endpoint (None: nothing known)."""
        return hubspot.lifecycle_of(self.endpoint.method, self.endpoint.path)


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
class ObservedScopes:
    """A call `verify run` saw (``report --observed``): what it needs, how often it
    was made, where from, and the sites it was traced back to (none: a call made by
    code without a hapikey use, already-migrated code or an SDK elsewhere)."""

    endpoint: Endpoint
    need: ScopeNeed | None
    count: int
    where: tuple[str, ...]  # "path:line" of the code that made it
    sites: tuple[Site, ...] = ()


@dataclass(frozen=True)
class LifecycleCall:
    """A call with a lifecycle, and its state on the report's day."""

    site: Site
    call: CallScopes
    lifecycle: Lifecycle
    state: str  # retired, sunsetting, unsupported-from, unsupported, current


@dataclass(frozen=True)
class Report:
    token_provider: str
    sites: tuple[SiteScopes, ...]
    unknown: tuple[Unknown, ...]
    files_changed: int = 0
    observed: tuple[ObservedScopes, ...] = ()  # report --observed
    # the day lifecycles are judged on (HAPIMIGRATE_TODAY, else today)
    today: date = field(default_factory=hubspot.today)

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

    @property
    def key_sites(self) -> tuple[SiteScopes, ...]:
        """The uses of a key (not the calls and versioned paths listed too)."""
        return tuple(s for s in self.sites if s.site.kind not in NOT_KEY_USES)

    def count(self, status: Status) -> int:
        """Key uses of a status."""
        return sum(1 for s in self.key_sites if s.site.status == status)

    def count_kind(self, kind: Kind) -> int:
        return sum(1 for s in self.sites if s.site.kind == kind)

    def _needing_token(self) -> Iterable[SiteScopes]:
        """Key uses that get the token, and the HubSpot calls that already send
        one: one service key or app serves them all."""
        return (
            s
            for s in self.sites
            if (
                s.site.kind not in NOT_KEY_USES
                and s.site.status in (Status.REWRITE, Status.MANUAL)
            )
            or s.site.kind == Kind.CALL
        )

    # -- lifecycles ---------------------------------------------------------------
    @property
    def lifecycle_calls(self) -> tuple[LifecycleCall, ...]:
        """Every call with a lifecycle, once per site and endpoint (a versioned
        path of --modernize is also a key use's or a call's: not counted twice)."""
        found = []
        for entry in self.sites:
            if entry.site.kind == Kind.VERSION:
                continue
            for call in entry.calls:
                life = call.lifecycle
                if life is not None:
                    state = life.state(self.today)
                    found.append(LifecycleCall(entry.site, call, life, state))
        return tuple(found)

    def lifecycle_counts(self) -> Counter:
        """Calls by state; unsupported-from also by date (``unsupported-from
        2027-09``)."""
        counts: Counter = Counter()
        for item in self.lifecycle_calls:
            counts[item.state] += 1
            if item.state in (lifecycles.UNSUPPORTED_FROM, lifecycles.SUNSETTING):
                counts[(item.state, item.lifecycle.date)] += 1
            if (
                item.lifecycle.modernizable
                and item.state != lifecycles.CURRENT
                and item.site.kind != Kind.SDK  # --modernize moves paths, not methods
            ):
                counts["modernizable"] += 1
        return counts

    @property
    def cited(self) -> tuple[str, ...]:
        """The sources the lifecycles cite, in their order (S1, S2, ... S74)."""
        ids = set()
        for item in self.lifecycle_calls:
            life = item.lifecycle
            ids.update(life.sources)
            for replacement in life.replacements:
                ids.update(replacement.sources)
            for event in life.events:
                ids.update(event.sources)
        return tuple(sorted(ids, key=lambda s: int(s[1:])))

    @property
    def webhooks(self) -> bool:
        """Whether the code also calls app-level endpoints (webhooks, timeline
        types: developer-key), which a service key cannot authenticate."""
        return any(
            c.need is not None and c.need.source == hubspot.DEVELOPER_KEY
            for s in self.sites
            for c in s.calls
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
            if (
                site.status in (Status.REWRITE, Status.MANUAL)
                and site.kind not in NOT_KEY_USES
                and need is None
            ):
                unknown.append(Unknown(site, endpoint, _why(endpoint, site)))
        if (
            not site.calls
            and site.status in (Status.REWRITE, Status.MANUAL)
            and site.kind
            not in (Kind.GUARD, Kind.SETTING, *NOT_KEY_USES)  # send nothing themselves
        ):
            unknown.append(Unknown(site, None, _why_none(site)))
        reports.append(SiteScopes(site, tuple(calls)))
    return Report(token_provider, tuple(reports), tuple(unknown), files_changed)


def call_scopes(endpoint: Endpoint, observed: bool = False) -> CallScopes:
    """One call and what it needs, as :func:`build` judges it."""
    need = scopes_for(endpoint.method, endpoint.path)
    if need is not None and len(need.any_of) > _TOO_MANY_ALTERNATIVES:
        need = None
    return CallScopes(endpoint, need, observed)


def _why(endpoint: Endpoint, site: Site) -> str:
    if site.kind == Kind.SDK and endpoint.path is None and endpoint.method is None:
        return SDK_MORE_CALLS
    if endpoint.path is None and endpoint.via is not None:
        return (
            f"the path is {endpoint.via.function}()'s {endpoint.via.parameter}, "
            "and no call of it in the tree gives one"
        )
    if endpoint.path is None:
        return "the endpoint is built at run time"
    if endpoint.method is None:
        return "the HTTP method is not known from the source"
    return "not in the scope catalog"


SDK_MORE_CALLS = (
    "SDK client: it may make other calls than those listed (a method the SDK "
    "mapping does not know, or the client is returned or passed on)"
)


def _why_none(site: Site) -> str:
    if site.kind.value == "sdk":
        return "SDK client: the scopes depend on the API methods the code calls"
    return "no request using it was found in this module"
