"""The rule ids of ``hapimigrate check``: stable, documented, one per kind of use,
and two for the lifecycle of the endpoints HubSpot calls reach (retired: the call
fails today; an announced date: a note, failing with ``--strict`` or
``--fail-before``). Lifecycles are judged on :func:`hapimigrate.hubspot.today`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from hapimigrate import hubspot
from hapimigrate.hubspot import lifecycle as lifecycles
from hapimigrate.model import Kind, Site, Status


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    title: str
    help: str
    help_uri: str = ""  # where the rule's facts come from


def _source(source: str) -> str:
    return lifecycles.source_url(source)


RULES = {
    rule.id: rule
    for rule in (
        Rule(
            "HM001",
            "hapikey-in-url",
            "HubSpot API key in a URL",
            "HubSpot no longer accepts portal API keys (?hapikey=). Send a private-app or OAuth "
            "access token as 'Authorization: Bearer <token>' instead; `hapimigrate apply` "
            "rewrites most uses.",
        ),
        Rule(
            "HM002",
            "hapikey-in-parameters",
            "HubSpot API key in query parameters",
            "A 'hapikey' entry in request or session parameters sends a sunset portal API key. "
            "Remove it and send 'Authorization: Bearer <token>'; `hapimigrate apply` does both.",
        ),
        Rule(
            "HM003",
            "sdk-api-key",
            "HubSpot SDK client built with an API key",
            "HubSpot SDK clients take an access token now; built with an API key they send a "
            "sunset portal key. Python (hubspot-api-client, hubspot3): access_token= instead of "
            "api_key=, which `hapimigrate apply` rewrites. Node @hubspot/api-client and hubspot: "
            "accessToken instead of apiKey (setAccessToken, not setApiKey). PHP hubspot/api-client: "
            "Factory::createWithAccessToken instead of createWithApiKey; SevenShores hubspot-php: "
            "Factory::createWithOAuth2Token instead of Factory::create. Ruby: an access token "
            "instead of hapikey in Hubspot.configure.",
        ),
        Rule(
            "HM004",
            "hardcoded-api-key",
            "Hard-coded HubSpot API key",
            "A literal API key is written in the code. Revoke it in HubSpot, then migrate the use "
            "to an access token read from the environment or a secret store.",
        ),
        Rule(
            "HM005",
            "hapikey-outside-python",
            "HubSpot API key used outside Python",
            "A file hapimigrate cannot rewrite (JavaScript, shell, configuration, templates, "
            "Python that does not parse) sends or stores a hapikey. Migrate it by hand to "
            "'Authorization: Bearer <token>'.",
        ),
        Rule(
            "HM006",
            "old-key-guard",
            "A guard still tests the old HubSpot API key",
            "The requests send an access token now, but this test still reads the old key: "
            "once the key is gone from the configuration it skips the work or stops the "
            "app. Test the token instead.",
        ),
        Rule(
            "HM007",
            "retired-endpoint",
            "Call to a retired HubSpot endpoint",
            "HubSpot has switched this endpoint off: the call fails today (often with "
            "HTTP 404), whatever the token. Move it to the replacement the message "
            "names; `hapimigrate report` lists every replacement, what differs, and the "
            "source of each date. HubSpot's list of sunset APIs: " + _source("S15"),
            _source("S15"),
        ),
        Rule(
            "HM008",
            "endpoint-end-date",
            "Call to a HubSpot endpoint with an announced end date",
            "HubSpot has announced a date for this endpoint: a sunset (it stops working "
            "then) or the end of support (v1-v3 APIs: September 2027; v4: 2027-03-30; no "
            "fixes after it). A note: it fails the check with --strict, or with "
            "--fail-before DATE when its date comes first. `hapimigrate report` names the "
            "date-based replacements; `hapimigrate apply --modernize` rewrites v3/v4 paths "
            "whose 2026-03 twin has the same schemas. The announcement: "
            + _source("S1")
            + "; the migration guide: "
            + _source("S2"),
            _source("S1"),
        ),
    )
}
LIFECYCLE_RULES = ("HM007", "HM008")

_BY_KIND = {
    Kind.URL: "HM001",
    Kind.PARAMS: "HM002",
    Kind.SESSION: "HM002",
    Kind.SDK: "HM003",
    Kind.TEXT: "HM005",
    Kind.GUARD: "HM006",
    Kind.SETTING: "HM006",  # the old key still required at start-up
    Kind.ARGUMENT: "HM002",  # a key handed to a client that sends it
}


def rule_for(site: Site) -> Rule:
    """One rule a use: a hard-coded key first, else the kind of use; for a
    HubSpot call, whether its endpoint is retired today."""
    if site.kind == Kind.CALL:
        return RULES["HM007" if _worst(site)[0] == lifecycles.RETIRED else "HM008"]
    if site.hardcoded_key:
        return RULES["HM004"]
    return RULES[_BY_KIND[site.kind]]


def rule_id(site: Site) -> str | None:
    """The rule a site is a finding of; None for a site check does not report
    (a versioned path of --modernize, a call to a current endpoint)."""
    if site.kind == Kind.VERSION:
        return None
    if site.kind == Kind.CALL and _worst(site)[1] is None:
        return None
    return rule_for(site).id


def fails(site: Site, strict: bool = False, fail_before: date | None = None) -> bool:
    """Whether a finding fails the check: a retired endpoint always; a date
    announced for an endpoint with --strict, or when it comes before
    ``fail_before``; a developer key with --strict; any other use always."""
    if site.kind == Kind.CALL:
        state, life = _worst(site)
        if life is None:
            return False
        if state == lifecycles.RETIRED or strict:
            return True
        earliest = _earliest(site)
        return None not in (fail_before, earliest) and earliest < fail_before  # type: ignore[operator]
    return strict or site.status != Status.KEPT


def message(site: Site) -> str:
    text = rule_for(site).title
    if site.kind == Kind.CALL:
        return f"{text}: {_lifecycle_message(site)}"
    if site.reason:
        text += f" ({site.status.value}: {site.reason})"
    elif site.status.value == "rewrite":
        text += " (`hapimigrate apply` migrates it)"
    return text


def _dated(site: Site) -> list[tuple[str, hubspot.Lifecycle, object]]:
    on = hubspot.today()
    found = []
    for call in site.calls:
        life = hubspot.lifecycle_of(call.method, call.path)
        if life is not None and life.status != lifecycles.CURRENT:
            found.append((life.state(on), life, call))
    return found


def _worst(site: Site) -> tuple[str | None, hubspot.Lifecycle | None]:
    found = _dated(site)
    if not found:
        return None, None
    state, life, _ = max(found, key=lambda f: lifecycles.SEVERITY[f[0]])
    return state, life


def _earliest(site: Site) -> date | None:
    ends = [life.end for _, life, _ in _dated(site) if life.end is not None]
    return min(ends) if ends else None


def _lifecycle_message(site: Site) -> str:
    """``GET /owners/v2/owners: Owners v2, retired: failing since 2025-03-24; use
    GET /crm/owners/2026-03 (and 1 more) (source: https://...)``."""
    found = _dated(site)
    if not found:
        return "no date announced"
    state, life, call = max(found, key=lambda f: lifecycles.SEVERITY[f[0]])
    what = " ".join(filter(None, (call.method, call.path)))  # type: ignore[attr-defined]
    text = f"{what}: {life.short_name}, {life.when(hubspot.today())}"
    instead = life.instead()
    if instead:
        text += f"; instead: {instead}"
    if life.modernizable:
        text += " (`hapimigrate apply --modernize` rewrites it)"
    if life.sources:
        text += f" (source: {_source(life.sources[0])})"
    if len(found) > 1:
        text += f" (and {len(found) - 1} more call{'s' if len(found) > 2 else ''})"
    return text
