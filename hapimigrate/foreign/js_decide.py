"""Deciding the JavaScript uses found (:mod:`.js_sites`): each alone (the
endpoint's kind of authentication, the host, where the key comes from, the
provider), then together (two keys in one file, one key sent to developer-key
endpoints and to others, a request reached by uses decided differently).
Decisions only turn rewrites into manual sites, never the other way."""

from __future__ import annotations

import dataclasses

from hapimigrate import hubspot
from hapimigrate.foreign import js_calls, js_keys, js_urls
from hapimigrate.foreign.js_candidate import Candidate
from hapimigrate.foreign.js_token import Token
from hapimigrate.model import UNPLACED_KEY, Status

DEVELOPER_ENDPOINT = "a developer-key endpoint: developer API keys are not sunset"


@dataclasses.dataclass
class Decision:
    candidate: Candidate
    status: Status
    reason: str = ""
    header: bool = False  # the requests it reaches need the header


def decide(c: Candidate, token: Token | None, spec: str) -> Decision:
    manual = lambda reason: Decision(c, Status.MANUAL, reason)  # noqa: E731
    urls = c.templates or tuple(call.path or "" for call in c.calls)  # SDK: paths
    kinds = {
        hubspot.auth_kind(call.method, t or call.path) for call, t in zip(c.calls, urls)
    }
    if kinds == {hubspot.DEVELOPER_KEY}:
        return Decision(c, Status.KEPT, DEVELOPER_ENDPOINT)
    if c.key is not None and c.key.kind == js_keys.DEVELOPER:
        if kinds != {hubspot.NO_AUTH} and _token_endpoints(c.calls):
            return manual(DEVELOPER_NAME_TOKEN_ENDPOINT)
        return Decision(c, Status.KEPT, c.key.reason)
    if c.reason:
        return manual(c.reason)
    if hubspot.DEVELOPER_KEY in kinds:
        return manual("the key is sent both to developer-key endpoints and to others")
    for call, template in zip(c.calls, c.templates):
        given = js_urls.given_by_callers(template)
        if given:
            return manual(given)
        host = hubspot.host(template) if template else None
        if host is not None and not hubspot.is_hubspot_host(host):
            return manual(f"the key is sent to {host}, not to HubSpot")
        if (
            host is not None
            and template.lower().startswith("http://")
            and hubspot.auth_kind(call.method, template) != hubspot.NO_AUTH
        ):  # a form takes no token
            return manual(PLAIN_HTTP)
        if host is None and not js_calls.hubspot_path(call):
            return manual(
                "cannot tell that the request goes to HubSpot: its host is known "
                "only at run time and its path is not a HubSpot endpoint"
            )
    if c.key is None or c.key.kind != js_keys.CONFIG:
        return manual(c.key.reason if c.key is not None else "the key cannot be placed")
    if c.ends_query and any(extended for _, extended in c.requests):
        return manual(
            "the URL is extended after the key elsewhere: cutting ?hapikey= would break its query"
        )
    if not (c.requests or c.session is not None or c.sdk_token):
        return manual("the request that sends the key cannot be found")
    if hubspot.NO_AUTH in kinds:
        if kinds != {hubspot.NO_AUTH}:
            return manual("the key is sent both to a form submission and to the API")
        return Decision(c, Status.REWRITE)  # forms take no authentication
    if token is None:
        return manual(
            f"the token provider {spec} has no JavaScript form: use env:NAME or module:function"
        )
    for request, _ in c.requests:
        source = request.call.text or b""
        if b"access_token" in source or b"Bearer" in source:
            return manual(
                "the request also authenticates another way (access_token or Bearer)"
            )
    return Decision(c, Status.REWRITE, header=bool(c.requests) or c.session is not None)


PLAIN_HTTP = (
    "the URL is http://: HubSpot redirects it to https, and the redirect drops the "
    "Authorization header (the token would also travel in clear); write https:// "
    "and run again"
)
DEVELOPER_NAME_TOKEN_ENDPOINT = (
    "the key's name says developer key, but it goes to an endpoint that takes an "
    "access token: a portal key named for an environment? decide by hand"
)


def _token_endpoints(calls) -> bool:
    """Whether a call goes to an endpoint known to take an access token (one
    with scopes, not a developer-key or form endpoint)."""
    for call in calls:
        if call.path and hubspot.auth_kind(call.method, call.path) is None:
            if hubspot.scopes_for(call.method or "GET", call.path) is not None:
                return True
    return False


def developer_and_portal(decisions: list[Decision]) -> None:
    """One key sent to a developer-key endpoint (kept) and to others: which it
    is, a person decides."""
    kept = {
        d.candidate.key.identity: d
        for d in decisions
        if d.status == Status.KEPT and d.reason == DEVELOPER_ENDPOINT
        and d.candidate.key is not None and d.candidate.key.kind == js_keys.CONFIG
    }  # fmt: skip
    for d in decisions:
        key = d.candidate.key
        if d.status == Status.REWRITE and key is not None and key.identity in kept:
            d.status, d.header = Status.MANUAL, False
            d.reason = "the key is also sent to a developer-key endpoint: which key it is, a person decides"


def two_keys(decisions: list[Decision]) -> None:
    """Two configured keys in one file (two portals) must not become one token."""
    keys = {
        d.candidate.key.identity: d.candidate.key.label
        for d in decisions
        if d.candidate.key is not None
        and d.candidate.key.kind == js_keys.CONFIG
        and d.status != Status.KEPT
        and not d.candidate.key.identity.startswith(UNPLACED_KEY)  # a free name
    }
    if len(keys) < 2:
        return
    labels = ", ".join(sorted(set(keys.values())))
    for d in decisions:
        if d.status == Status.REWRITE and d.candidate.key is not None:
            d.status, d.header = Status.MANUAL, False
            d.reason = f"two keys in this file ({labels}): one token for both would mix them up"


def mixed_requests(decisions: list[Decision]) -> None:
    """A request reached by a use left as it is and by one migrated would send
    the key and the token: both are left for a person."""
    while True:
        left = {}
        for d in decisions:
            if d.status != Status.REWRITE:
                for request, _ in d.candidate.requests:
                    left.setdefault(request.key, d)
        changed = False
        for d in decisions:
            if d.status != Status.REWRITE:
                continue
            other = next(
                (left[r.key] for r, _ in d.candidate.requests if r.key in left), None
            )
            if other is not None:
                line = other.candidate.requests[0][0].call.start_point[0] + 1
                d.status, d.header = Status.MANUAL, False
                d.reason = f"the request on line {line} also sends a key left as it is"
                changed = True
        if not changed:
            return


def all_manual(decisions: list[Decision], reason: str) -> None:
    for d in decisions:
        if d.status == Status.REWRITE:
            d.status, d.reason, d.header = Status.MANUAL, reason, False
