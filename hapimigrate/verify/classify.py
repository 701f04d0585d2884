"""What is wrong with a request ``verify run`` saw: the rules, in one place.

Violations (``verify run`` exits 1):

* ``hapikey`` sent (in the URL or the body) to an endpoint that does not take a
  developer key; the old key's value sent anywhere (URL, body, a header, or as the
  Bearer token);
* no ``Authorization: Bearer`` header where HubSpot wants a token, an empty one
  (``Bearer None``), or the token in the URL (``?access_token=``, which HubSpot
  ignores);
* a retired endpoint (:mod:`hapimigrate.verify.retired`).

Warnings: an endpoint with a retirement date ahead.

Endpoints that take a developer key (app settings, webhooks) may send ``hapikey``
and need no Bearer token; form submissions and the OAuth endpoints (which take the
app's client credentials) need none either. ``hapimigrate.hubspot`` says which."""

from __future__ import annotations

import re
from dataclasses import dataclass

from hapimigrate import hubspot
from hapimigrate.verify import retired
from hapimigrate.verify.records import Request

VIOLATION, WARNING = "violation", "warning"
# OAuth's own endpoints authenticate with the app's client id and secret (or carry
# the token being asked about), never with a Bearer token.
_CREDENTIAL_ENDPOINTS = re.compile(r"^/oauth/")
_PLACES = {"url": "the URL", "body": "the body", "header": "a header"}


@dataclass(frozen=True)
class Problem:
    kind: str  # hapikey, old-key, no-bearer, empty-bearer, bearer-old-key,
    # not-bearer, access-token-param, retired, sunsetting
    severity: str  # VIOLATION or WARNING
    message: str


def auth_kind(request: Request) -> str | None:
    """hubspot.DEVELOPER_KEY, hubspot.NO_AUTH, "credentials" (OAuth's endpoints), or
    None: the endpoint wants a token."""
    if _CREDENTIAL_ENDPOINTS.match(request.endpoint):
        return "credentials"
    host = request.host.split(":")[0] if not request.host.startswith("[") else ""
    url = (
        f"https://{host}{request.endpoint}"
        if host and hubspot.is_hubspot_host(host)
        else request.endpoint
    )
    return hubspot.auth_kind(request.method, url)


def problems(request: Request) -> list[Problem]:
    found = []
    kind = auth_kind(request)
    covered: set[str] = set()
    if request.hapikey and kind != hubspot.DEVELOPER_KEY:
        covered = set(request.hapikey)
        what = (
            "hapikey (the old API key)" if covered & set(request.old_key) else "hapikey"
        )
        found.append(
            Problem("hapikey", VIOLATION, f"sends {what} in {_places(request.hapikey)}")
        )
    elsewhere = [p for p in request.old_key if p not in covered]
    if elsewhere:
        found.append(
            Problem(
                "old-key", VIOLATION, f"sends the old API key in {_places(elsewhere)}"
            )
        )
    if request.auth == "bearer-old-key":
        found.append(
            Problem(
                "bearer-old-key", VIOLATION, "sends the old API key as the Bearer token"
            )
        )
    elif request.auth == "bearer-empty":
        found.append(
            Problem(
                "empty-bearer",
                VIOLATION,
                "sends an empty Bearer token (the provider gave nothing, or None)",
            )
        )
    elif kind is None and request.auth in ("none", "other"):
        if request.auth == "other":
            message = "sends an Authorization header that is not Bearer"
        else:
            message = "sends no Authorization: Bearer header"
        found.append(
            Problem(
                "no-bearer" if request.auth == "none" else "not-bearer",
                VIOLATION,
                message,
            )
        )
    if request.access_token_param:
        found.append(
            Problem(
                "access-token-param",
                VIOLATION,
                "sends access_token in the URL (HubSpot takes tokens only in the "
                "Authorization header, and URLs end up in logs)",
            )
        )
    found += _lifecycle(request)
    return found


def _lifecycle(request: Request) -> list[Problem]:
    found = retired.lookup(request.method, request.endpoint)
    if found is None:
        return []
    instead = f"; call {found.replacement} instead" if found.replacement else ""
    if found.status == retired.RETIRED:
        return [
            Problem(
                "retired",
                VIOLATION,
                f"calls a retired endpoint: {found.name} (retired {found.date}){instead}",
            )
        ]
    return [
        Problem(
            "sunsetting",
            WARNING,
            f"calls an endpoint HubSpot retires on {found.date}: {found.name}{instead}",
        )
    ]


def _places(places) -> str:
    names = [_PLACES.get(p, p) for p in places]
    return " and ".join(names)
