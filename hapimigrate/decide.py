"""The one decision per key use: what becomes of a hapikey a fixer has found.

A fixer describes the use (:class:`KeyUse`: the endpoints it reaches, the URL
templates it is sent to, the code of the key, and any reason the requests cannot
be rewritten safely) and asks :func:`decide`. The answer says the site's status
and reason, whether the requests get the token, and whether the key's definition
may go once nothing reads it. The rules live here once:

* a developer key (its endpoints, or its name, say so) is ``kept``, untouched;
* a use that cannot be rewritten safely is ``manual``, with the reason;
* a key the caller hands in (multi-tenant code) stays the caller's: sent as the
  Bearer token where the request is made in its reach, else ``manual``; a key
  that may be the caller's or a default, or comes from where hapimigrate cannot
  tell, is ``manual``;
* a use whose every endpoint needs no auth (form submissions) loses the key and
  gets no token; one that reaches both kinds is ``manual``;
* anything else is a ``rewrite``: the key goes, the token comes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hapimigrate import hubspot
from hapimigrate.analysis import config_files, configured_sources
from hapimigrate.analysis.origins import (
    CALLER,
    CONFIG,
    FALLBACK,
    MIXED,
    SEVERAL,
    Origin,
)
from hapimigrate.model import Endpoint, Status

DEVELOPER_REASON = "developer API key: app-level endpoints keep hapikey (not sunset)"
NO_AUTH_REASON = "form submission endpoint: needs no authentication, no token added"
MIXED_DEVELOPER = "the key goes to developer-key endpoints and to others"
DEVELOPER_NAME_TOKEN_ENDPOINT = (
    "the key's name says developer key, but it goes to an endpoint that takes an "
    "access token: a portal key named for an environment? decide by hand"
)
MIXED_NO_AUTH = "the key goes to form submission endpoints and to others"
CALLERS_TOKEN = "sends the caller's {} as the token: callers pass access tokens now"
# a value given at run time, not through a parameter: sys.argv, input(), a file
RUN_TIME_TOKEN = "sends the value from {} as the token: give it an access token now"
CALLER_OUT_OF_REACH = (
    "the key comes from the caller ({}) and the request is made elsewhere: "
    "pass the caller's token to it by hand"
)
FALLBACK_TOKEN = "sends the caller's {} as the token, by default the provider's"
MIXED_ORIGIN = (
    "the key is the caller's or a configured default ({}): decide which token "
    "each caller passes"
)
SEVERAL_KEYS = (
    "several keys are sent ({}: in this module, or by the tree's modules), two "
    "portals perhaps: one token for all would mix them up; give each its own token "
    "by hand"
)
_QUOTED = re.compile(r"""(['"])[^'"]*\1""")  # a string literal of the code
UNKNOWN_ORIGIN = (
    "hapimigrate cannot tell where the key's value comes from (a table, a file, "
    "a call): if it is the configured portal's key, send the token here by hand; "
    "if it varies (per portal, per tenant), give each its own token"
)


@dataclass(frozen=True)
class KeyUse:
    """What a fixer knows about one use of the key."""

    key_source: str  # the code of the key expression(s): API_KEY, settings.KEY
    calls: tuple[Endpoint, ...] = ()  # the endpoints the use reaches
    urls: tuple[str, ...] = ()  # URL templates its requests send to
    problem: str | None = None  # why its requests cannot be rewritten safely
    origin: Origin = Origin(CONFIG)  # where the key's value comes from
    # the key expression can be read where the requests are made
    in_reach: bool = True
    # the module's configured keys, when it sends more than one
    several_keys: tuple[str, ...] = ()
    # callers in this module hand the caller's-credential parameter configured keys
    callers_pass_keys: bool = False


@dataclass(frozen=True)
class Decision:
    status: Status
    reason: str = ""
    send_token: bool = False  # the requests get Authorization: Bearer
    key_may_go: bool = False  # the key's definition may go, once nothing reads it
    # the token is the key expression's value (the caller's credential) ...
    callers_token: bool = False
    # ... and its configured default becomes the provider's token
    token_default: bool = False

    @property
    def rewrites(self) -> bool:
        return self.status == Status.REWRITE


def decide(use: KeyUse) -> Decision:
    kinds = _auth_kinds(use)
    # a form submission needs no key at all, whatever the key's name says
    named = hubspot.names_developer_key(use.key_source) and kinds != {hubspot.NO_AUTH}
    if kinds == {hubspot.DEVELOPER_KEY} or (named and not _token_endpoints(use)):
        return Decision(Status.KEPT, DEVELOPER_REASON)
    if named:  # HUBSPOT_DEV_KEY if DEBUG else HUBSPOT_PROD_KEY, to /crm/v3/owners
        return Decision(Status.MANUAL, DEVELOPER_NAME_TOKEN_ENDPOINT)
    if hubspot.DEVELOPER_KEY in kinds:
        return Decision(Status.MANUAL, MIXED_DEVELOPER)
    if use.problem:
        return Decision(Status.MANUAL, use.problem)
    if kinds == {hubspot.NO_AUTH}:
        return Decision(Status.REWRITE, NO_AUTH_REASON, key_may_go=True)
    if hubspot.NO_AUTH in kinds:
        return Decision(Status.MANUAL, MIXED_NO_AUTH)
    origin = use.origin
    # two configured keys would become one token: every configured key is left,
    # and so is a caller's credential fed one (a default, or callers passing it)
    feeds_config = origin.kind in (CONFIG, FALLBACK) or use.callers_pass_keys
    if len(use.several_keys) > 1 and feeds_config:
        return Decision(Status.MANUAL, SEVERAL_KEYS.format(", ".join(use.several_keys)))
    if origin.kind == CALLER:
        if not use.in_reach:
            return Decision(Status.MANUAL, CALLER_OUT_OF_REACH.format(origin.parameter))
        unwritten = config_files.host_problem(origin, use.urls)
        if unwritten:  # keys.json's "hubspot", sent to the file's "domain"
            return Decision(Status.MANUAL, unwritten)
        reason = (
            CALLERS_TOKEN.format(configured_sources.caller_read(origin))
            if origin.param is not None
            else RUN_TIME_TOKEN.format(origin.parameter)
        )
        return Decision(Status.REWRITE, reason, send_token=True, callers_token=True)
    if origin.kind == FALLBACK:
        if not use.in_reach:
            return Decision(Status.MANUAL, CALLER_OUT_OF_REACH.format(origin.parameter))
        reason = FALLBACK_TOKEN.format(origin.parameter)
        return Decision(
            Status.REWRITE,
            reason,
            send_token=True,
            callers_token=True,
            token_default=True,
        )
    if origin.kind == MIXED:
        return Decision(Status.MANUAL, MIXED_ORIGIN.format(origin.parameter))
    if origin.kind == SEVERAL:
        return Decision(Status.MANUAL, SEVERAL_KEYS.format(origin.parameter))
    if origin.kind != CONFIG:
        # what origins found it to be (g.hubspot_key: state per request...), said
        # when it quotes no literal (a key's value is never shown)
        found = origin.parameter
        if found and not _QUOTED.search(found):
            return Decision(Status.MANUAL, f"{UNKNOWN_ORIGIN} ({found})")
        return Decision(Status.MANUAL, UNKNOWN_ORIGIN)
    return Decision(Status.REWRITE, send_token=True, key_may_go=True)


def _token_endpoints(use: KeyUse) -> bool:
    """Whether the use reaches an endpoint known to take a token (one with
    scopes, not a developer-key or no-auth family)."""
    for method, path in [(c.method, c.path) for c in use.calls] + [
        (None, hubspot.endpoint_path(u)) for u in use.urls
    ]:
        if path and hubspot.auth_kind(method, path) is None:
            if hubspot.scopes_for(method or "GET", path) is not None:
                return True
    return False


def _auth_kinds(use: KeyUse) -> set[str | None]:
    """How each endpoint the use names authenticates (None: with a token)."""
    kinds = {hubspot.auth_kind(c.method, c.path) for c in use.calls if c.path}
    kinds |= {hubspot.auth_kind(None, u) for u in use.urls if hubspot.endpoint_path(u)}
    return kinds
