"""Asking HubSpot what a token may do (standard library HTTP only).

=============  ==============================================================
private app    ``POST /oauth/v2/private-apps/get/access-token-info``,
               JSON ``{"tokenKey": token}`` -> hub, app, scopes
OAuth          ``POST /oauth/2026-03/token/introspect``, form ``token``,
               ``client_id``, ``client_secret`` -> active, hub, scopes, expiry;
               without client credentials ``GET /oauth/v1/access-tokens/{token}``
               (which HubSpot retires on 2027-02-16)
=============  ==============================================================

The token (and the client secret) go to the API base URL and nowhere else: HTTPS
only (plain HTTP for this machine alone: ``localhost``, ``127.0.0.1``, ``::1``),
redirects are not followed, and every message is scrubbed of both. Nothing is
retried: a rate limit is reported with HubSpot's ``Retry-After``."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Callable, Mapping

DEFAULT_API_BASE = "https://api.hubapi.com"
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
PRIVATE_APP_INFO = "/oauth/v2/private-apps/get/access-token-info"
OAUTH_INTROSPECT = "/oauth/2026-03/token/introspect"
OAUTH_V1 = "/oauth/v1/access-tokens/{token}"
OAUTH_V1_SUNSET = "2027-02-16"
TIMEOUT_SECONDS = 30
_MESSAGE_LIMIT = 300

# (method, url, headers, body) -> (status, headers, body); raises OSError when the
# server cannot be reached
Asker = Callable[
    [str, str, Mapping[str, str], "bytes | None"],
    "tuple[int, Mapping[str, str], bytes]",
]


class IntrospectionError(Exception):
    """HubSpot could not be asked, or did not answer usefully (exit 2)."""


@dataclass(frozen=True)
class TokenInfo:
    kind: str  # private-app or oauth
    endpoint: (
        str  # how it was asked: "POST /oauth/v2/private-apps/get/access-token-info"
    )
    active: bool
    reason: str = ""  # why not active
    hub_id: str | None = None
    app_id: str | None = None
    scopes: tuple[str, ...] = ()
    expires_in: int | None = None  # seconds, OAuth only
    token_type: str | None = None
    note: str = ""


def check_api_base(url: str) -> str:
    """``url`` without its trailing slash, or ValueError: HTTPS, or HTTP to this
    machine; no credentials, query or fragment."""
    parts = urllib.parse.urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    if parts.scheme not in ("https", "http") or not host:
        raise ValueError(f"--api-base must be an https:// URL, not {url!r}")
    if parts.scheme == "http" and host not in LOCAL_HOSTS:
        raise ValueError(
            f"--api-base must use HTTPS (plain http only for localhost, 127.0.0.1 "
            f"and ::1): the token would cross the network in clear to {host}"
        )
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ValueError("--api-base takes no credentials, query or fragment")
    return urllib.parse.urlunsplit(
        (parts.scheme, parts.netloc, parts.path.rstrip("/"), "", "")
    )


def introspect(
    token: str,
    kind: str,
    api_base: str,
    client_id: str | None = None,
    client_secret: str | None = None,
    asker: Asker | None = None,
    timeout: float = TIMEOUT_SECONDS,
) -> TokenInfo:
    base = check_api_base(api_base)
    ask = asker or _urllib_asker(base, timeout)
    secrets = [s for s in (token, client_secret) if s]
    if kind == "private-app":
        return _private_app(token, base, ask, secrets)
    if kind == "oauth":
        if client_id and client_secret:
            return _oauth(token, client_id, client_secret, base, ask, secrets)
        return _oauth_v1(token, base, ask, secrets)
    raise IntrospectionError(f"no introspection for {kind} tokens")


def _private_app(token, base, ask, secrets) -> TokenInfo:
    shown = f"POST {PRIVATE_APP_INFO}"
    status, headers, body = _ask(
        ask,
        "POST",
        base + PRIVATE_APP_INFO,
        {"Content-Type": "application/json", "Accept": "application/json"},
        json.dumps({"tokenKey": token}).encode(),
        shown,
        secrets,
    )
    if status in (400, 404):
        return TokenInfo(
            "private-app",
            shown,
            False,
            "HubSpot does not know this token "
            f"({status}{_their_message(body, secrets)}): revoked, rotated or mistyped",
        )
    answer = _answer(status, headers, body, shown, base, secrets)
    return TokenInfo(
        "private-app",
        shown,
        True,
        hub_id=_id(_field(answer, "hubId", "hub_id")),
        app_id=_id(_field(answer, "appId", "app_id")),
        scopes=_scopes(answer),
    )


def _oauth(token, client_id, client_secret, base, ask, secrets) -> TokenInfo:
    shown = f"POST {OAUTH_INTROSPECT}"
    form = urllib.parse.urlencode(
        {
            "token": token,
            "token_type_hint": "access_token",
            "client_id": client_id,
            "client_secret": client_secret,
        }
    ).encode()
    status, headers, body = _ask(
        ask,
        "POST",
        base + OAUTH_INTROSPECT,
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        },
        form,
        shown,
        secrets,
    )
    answer = _answer(status, headers, body, shown, base, secrets)
    if not answer.get("active"):
        return TokenInfo(
            "oauth",
            shown,
            False,
            "the token is not active: expired (OAuth access tokens last 30 "
            "minutes: have the provider refresh it) or revoked",
        )
    if str(answer.get("token_use") or "access").lower() == "refresh":
        return TokenInfo(
            "oauth",
            shown,
            False,
            "this is a refresh token: the provider must give the access token "
            "the refresh grant returns",
        )
    return _oauth_info(answer, shown, "")


def _oauth_v1(token, base, ask, secrets) -> TokenInfo:
    shown = f"GET {OAUTH_V1}"
    status, headers, body = _ask(
        ask,
        "GET",
        base + OAUTH_V1.format(token=urllib.parse.quote(token, safe="")),
        {"Accept": "application/json"},
        None,
        shown,
        secrets,
    )
    note = (
        f"asked with {shown}, which HubSpot retires on {OAUTH_V1_SUNSET}: set "
        f"HUBSPOT_CLIENT_ID and HUBSPOT_CLIENT_SECRET to ask {OAUTH_INTROSPECT}"
    )
    if status in (400, 404):
        return TokenInfo(
            "oauth",
            shown,
            False,
            "HubSpot does not know this token "
            f"({status}{_their_message(body, secrets)}): expired (OAuth access "
            "tokens last 30 minutes: have the provider refresh it), revoked or "
            "mistyped",
            note=note,
        )
    answer = _answer(status, headers, body, shown, base, secrets)
    return _oauth_info(answer, shown, note)


def _oauth_info(answer: dict, shown: str, note: str) -> TokenInfo:
    expires_in = answer.get("expires_in")
    try:
        expires = int(expires_in) if expires_in is not None else None
    except (TypeError, ValueError):
        expires = None
    if expires is not None and expires <= 0:
        return TokenInfo(
            "oauth",
            shown,
            False,
            "the token has expired: have the provider refresh it",
            hub_id=_id(answer.get("hub_id")),
            expires_in=expires,
            note=note,
        )
    return TokenInfo(
        "oauth",
        shown,
        True,
        hub_id=_id(answer.get("hub_id")),
        app_id=_id(answer.get("app_id")),
        scopes=_scopes(answer),
        expires_in=expires,
        token_type=answer.get("token_type"),
        note=note,
    )


# --- HTTP ------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # urllib then raises HTTPError for the 3xx


def _urllib_asker(base: str, timeout: float) -> Asker:
    host = (urllib.parse.urlsplit(base).hostname or "").lower()
    # this machine is never reached through a proxy; HubSpot through the
    # environment's (HTTPS: the proxy sees a tunnel, not the token)
    proxies = urllib.request.ProxyHandler({} if host in LOCAL_HOSTS else None)
    opener = urllib.request.build_opener(proxies, _NoRedirect)

    def ask(method, url, headers, body):
        request = urllib.request.Request(
            url, data=body, headers=dict(headers), method=method
        )
        try:
            with opener.open(request, timeout=timeout) as response:
                return response.status, dict(response.headers.items()), response.read()
        except urllib.error.HTTPError as error:
            with error:
                data = error.read() if error.fp is not None else b""
            return error.code, dict((error.headers or {}).items()), data
        except urllib.error.URLError as error:
            reason = error.reason
            raise OSError(getattr(reason, "strerror", None) or str(reason)) from None

    return ask


def _ask(ask, method, url, headers, body, shown, secrets):
    try:
        return ask(method, url, headers, body)
    except (OSError, ValueError) as error:
        base = url.split("/oauth/")[0]
        raise IntrospectionError(
            _scrub(f"cannot reach {base} ({shown}): {error}", secrets)
        ) from None


def _answer(status, headers, body, shown, base, secrets) -> dict:
    """The JSON of a 200, or IntrospectionError with a message a person can act on."""
    if status == 200:
        try:
            answer = json.loads(body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            answer = None
        if isinstance(answer, dict):
            return answer
        raise IntrospectionError(
            f"{shown} on {base} did not answer JSON: is --api-base HubSpot's API?"
        )
    theirs = _their_message(body, secrets)
    if status == 401:
        raise IntrospectionError(
            f"HubSpot refused the request (401{theirs}): the token (or, for OAuth, "
            "HUBSPOT_CLIENT_ID / HUBSPOT_CLIENT_SECRET) is not valid: revoked, "
            "mistyped, or from another account"
        )
    if status == 429:
        wait = _retry_after(_header(headers, "Retry-After"))
        raise IntrospectionError(
            f"HubSpot's rate limit was hit (429{theirs}): "
            + (f"retry after {wait}" if wait else "retry later")
        )
    if 300 <= status < 400:
        raise IntrospectionError(
            f"{shown} on {base} answered a redirect ({status}), which is not "
            "followed: the token goes to --api-base and nowhere else"
        )
    if status >= 500:
        raise IntrospectionError(
            f"HubSpot failed to answer ({status}{theirs}): try again later"
        )
    raise IntrospectionError(f"{shown} answered {status}{theirs}")


def _header(headers: Mapping[str, str], name: str) -> str | None:
    for key, value in headers.items():
        if key.lower() == name.lower():
            return value
    return None


def _retry_after(value: str | None) -> str:
    if not value:
        return ""
    value = value.strip()
    if value.isdigit():
        seconds = int(value)
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value[:60]


def _their_message(body: bytes, secrets: list[str]) -> str:
    """``": HubSpot's message"`` from an error's JSON, scrubbed; or nothing."""
    try:
        answer = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, AttributeError):
        return ""
    if not isinstance(answer, dict):
        return ""
    parts = [str(answer[k]) for k in ("category", "message") if answer.get(k)]
    text = _scrub(" ".join(parts), secrets)[:_MESSAGE_LIMIT]
    return f": {text}" if text else ""


def _scrub(text: str, secrets: list[str]) -> str:
    for secret in secrets:
        for form in {
            secret,
            urllib.parse.quote(secret, safe=""),
            urllib.parse.quote_plus(secret),
        }:
            text = text.replace(form, "***")
    return text


def _field(answer: dict, *names: str):
    for name in names:
        if answer.get(name) is not None:
            return answer[name]
    return None


def _id(value) -> str | None:
    return None if value is None else str(value)


def _scopes(answer: dict) -> tuple[str, ...]:
    value = answer.get("scopes") or answer.get("scope") or ()
    if isinstance(value, str):
        value = value.split()
    return tuple(sorted({str(s) for s in value}))
