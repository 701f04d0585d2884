"""HubSpot OAuth access tokens for this app, refreshed before they expire.

Written by `hapimigrate scaffold oauth`. Standard library only. Configure with:

    HUBSPOT_CLIENT_ID, HUBSPOT_CLIENT_SECRET, HUBSPOT_REFRESH_TOKEN   (required)
    HUBSPOT_TOKEN_URL   (default: https://api.hubapi.com/oauth/2026-03/token)

and migrate with `hapimigrate apply --token-provider MODULE:get_access_token`.
`get_access_token()` is cheap to call on every request: it returns the cached token
and refreshes it (grant_type=refresh_token) shortly before it expires. It is
thread-safe, and keeps the newest refresh token HubSpot sends back.

The token endpoint is HubSpot's date-based one, POST /oauth/2026-03/token, with
the parameters in a form-encoded body; /oauth/v1/token is sunset on 2027-02-16
(https://developers.hubspot.com/changelog/v1-oauth-api-deprecation).
"""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

DEFAULT_TOKEN_URL = "https://api.hubapi.com/oauth/2026-03/token"
REFRESH_MARGIN_SECONDS = 60  # refresh this long before the token expires
TIMEOUT_SECONDS = 30

_lock = threading.Lock()
_token: str | None = None
_expires_at = 0.0
_refresh_token: str | None = None


class TokenError(RuntimeError):
    """HubSpot did not hand out an access token."""


def get_access_token() -> str:
    """A valid access token, refreshed when it is about to expire."""
    global _token, _expires_at, _refresh_token
    with _lock:
        if (
            _token is not None
            and time.monotonic() < _expires_at - REFRESH_MARGIN_SECONDS
        ):
            return _token
        refresh_token = _refresh_token or _required("HUBSPOT_REFRESH_TOKEN")
        answer = _refresh(refresh_token)
        _token = answer["access_token"]
        _expires_at = time.monotonic() + float(answer.get("expires_in", 1800))
        _refresh_token = answer.get("refresh_token") or refresh_token
        return _token


def _refresh(refresh_token: str) -> dict:
    body = urllib.parse.urlencode(
        {
            "grant_type": "refresh_token",
            "client_id": _required("HUBSPOT_CLIENT_ID"),
            "client_secret": _required("HUBSPOT_CLIENT_SECRET"),
            "refresh_token": refresh_token,
        }
    ).encode()
    request = urllib.request.Request(
        os.environ.get("HUBSPOT_TOKEN_URL", DEFAULT_TOKEN_URL),
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded;charset=utf-8"},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            answer = json.loads(response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        raise TokenError(
            f"token refresh failed: HTTP {error.code}{_error_detail(error)}"
        ) from None
    except (urllib.error.URLError, ValueError) as error:
        raise TokenError(f"token refresh failed: {error}") from None
    if not isinstance(answer, dict) or not answer.get("access_token"):
        raise TokenError("token refresh failed: no access_token in the answer")
    return answer


def _error_detail(error: urllib.error.HTTPError) -> str:
    """``: invalid_grant (refresh token is invalid)``: the OAuth error fields
    (RFC 6749) of HubSpot's answer, when it has them; never a secret."""
    try:
        answer = json.loads(error.read().decode("utf-8"))
    except (OSError, ValueError):
        return ""
    if not isinstance(answer, dict):
        return ""
    code = answer.get("error")
    description = answer.get("error_description") or answer.get("message")
    if not isinstance(code, str):
        return ""
    detail = f": {code}"
    if isinstance(description, str) and description:
        detail += f" ({description[:200]})"
    return detail


def _required(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise TokenError(f"{name} is not set")
    return value
