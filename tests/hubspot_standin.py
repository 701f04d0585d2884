"""A local stand-in for HubSpot's API, on 127.0.0.1, for end-to-end tests.

Like HubSpot today it answers 401 to a portal API key (``hapikey``) and accepts
only ``Authorization: Bearer <token>``. App-level (developer) endpoints still take
the developer key as ``hapikey``. Every request is recorded for the test to check.

Tokens are :class:`Grant`s: the stand-in's own token may call anything, unless the
test gives it scopes; a token with scopes gets 403 ``MISSING_SCOPES`` for a call that
needs one it lacks (the scopes ``hapimigrate.hubspot.scopes_for`` names), and an
expired OAuth token gets 401. It answers HubSpot's token introspection:

* ``POST /oauth/v2/private-apps/get/access-token-info`` (``{"tokenKey": ...}``);
* ``POST /oauth/2026-03/token/introspect`` (form: ``token``, ``client_id``,
  ``client_secret``), checking the client credentials when the test sets them;
* ``GET /oauth/v1/access-tokens/{token}``.

``throttle(n, retry_after)`` answers the next ``n`` requests 429 with that
``Retry-After``.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

from hapimigrate import hubspot

BODY = {
    "vid": 51,
    "dealId": 7,
    "contacts": [],
    "deals": [],
    "companies": [],
    "results": [],
}


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict
    authorization: str | None
    raw: str  # request line and headers, as received
    body: bytes = b""

    @property
    def hapikey(self) -> str | None:
        values = self.query.get("hapikey")
        return values[0] if values else None

    @property
    def without_credentials(self) -> tuple:
        """The request without its key or token: method, path, the other
        query parameters, body (what a migration must keep)."""
        query = {k: v for k, v in self.query.items() if k != "hapikey"}
        return self.method, self.path, sorted(query.items()), self.body


PRIVATE_APP_INFO = "/oauth/v2/private-apps/get/access-token-info"
OAUTH_INTROSPECT = "/oauth/2026-03/token/introspect"
OAUTH_V1_PREFIX = "/oauth/v1/access-tokens/"


@dataclass(frozen=True)
class Grant:
    """What a token may do. ``scopes`` None: every call (no enforcement)."""

    kind: str = "private-app"  # or "oauth"
    scopes: tuple[str, ...] | None = None
    hub_id: int = 62515
    app_id: int = 1234567
    expires_in: int = 1800  # OAuth: seconds left; 0 or less: expired

    @property
    def expired(self) -> bool:
        return self.kind == "oauth" and self.expires_in <= 0


def _missing_scopes(seen: "Seen", granted: tuple[str, ...]) -> list[str]:
    need = hubspot.scopes_for(seen.method, seen.path)
    if need is None:
        return []
    have = set(granted)
    modern = set(need.scopes) <= have and (not need.any_of or have & set(need.any_of))
    legacy = bool(need.legacy_scopes) and set(need.legacy_scopes) <= have
    if modern or legacy:
        return []
    return sorted(set(need.scopes) - have) or list(need.any_of)


class StandIn:
    def __init__(
        self,
        token: str,
        developer_key: str,
        *,
        grants: dict[str, Grant] | None = None,
        client_id: str | None = None,
        client_secret: str | None = None,
        unknown_token_status: int = 401,
    ) -> None:
        self.token = token
        self.developer_key = developer_key
        self.grants = {token: Grant(), **(grants or {})}
        self.client_id, self.client_secret = client_id, client_secret
        self.unknown_token_status = unknown_token_status
        self.seen: list[Seen] = []
        self._throttled = 0
        self._retry_after = "10"
        self._lock = threading.Lock()
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def throttle(self, count: int, retry_after: str = "10") -> None:
        """Answer the next ``count`` requests 429 with ``Retry-After``."""
        with self._lock:
            self._throttled, self._retry_after = count, retry_after

    def answer(self, seen: Seen) -> int:
        return self.respond(seen)[0]

    def respond(self, seen: Seen) -> tuple[int, dict, dict]:
        """Status, JSON body and extra headers for a request."""
        with self._lock:
            if self._throttled > 0:
                self._throttled -= 1
                return (
                    429,
                    _error(
                        "RATE_LIMITS",
                        "You have reached your ten_secondly_rolling limit.",
                    ),
                    {"Retry-After": self._retry_after},
                )
        if seen.path == PRIVATE_APP_INFO and seen.method == "POST":
            return self._private_app_info(seen)
        if seen.path == OAUTH_INTROSPECT and seen.method == "POST":
            return self._introspect(seen)
        if seen.path.startswith(OAUTH_V1_PREFIX) and seen.method == "GET":
            return self._access_token_v1(unquote(seen.path[len(OAUTH_V1_PREFIX) :]))
        if hubspot.auth_kind(seen.method, seen.path) == hubspot.DEVELOPER_KEY:
            ok = seen.hapikey == self.developer_key
            return (
                (200, BODY, {}) if ok else (401, _error("INVALID_AUTHENTICATION"), {})
            )
        if seen.hapikey is not None:
            return (
                401,
                _error("INVALID_AUTHENTICATION"),
                {},
            )  # portal API keys are sunset
        scheme, _, token = (seen.authorization or "").partition(" ")
        grant = self.grants.get(token) if scheme == "Bearer" else None
        if grant is None:
            return 401, _error("INVALID_AUTHENTICATION"), {}
        if grant.expired:
            return (
                401,
                _error(
                    "EXPIRED_AUTHENTICATION",
                    "The OAuth token used to make this call expired.",
                ),
                {},
            )
        if grant.scopes is not None:
            missing = _missing_scopes(seen, grant.scopes)
            if missing:
                body = _error(
                    "MISSING_SCOPES",
                    "This app hasn't been granted all required scopes to make this call.",
                )
                body["errors"] = [
                    {
                        "message": "One or more of the following scopes are required.",
                        "context": {"requiredGranularScopes": missing},
                    }
                ]
                return 403, body, {}
        return 200, BODY, {}

    def _private_app_info(self, seen: Seen) -> tuple[int, dict, dict]:
        try:
            token = json.loads(seen.body or b"{}").get("tokenKey")
        except ValueError:
            return 400, _error("VALIDATION_ERROR", "Invalid JSON"), {}
        grant = self.grants.get(token)
        if grant is None or grant.kind != "private-app":
            return (
                self.unknown_token_status,
                _error("INVALID_AUTHENTICATION", "token not found"),
                {},
            )
        return (
            200,
            {
                "userId": 77,
                "hubId": grant.hub_id,
                "appId": grant.app_id,
                "scopes": list(grant.scopes or ()),
            },
            {},
        )

    def _introspect(self, seen: Seen) -> tuple[int, dict, dict]:
        form = {k: v[0] for k, v in parse_qs(seen.body.decode()).items()}
        if self.client_id is not None and (
            form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
        ):
            return (
                401,
                _error("INVALID_AUTHENTICATION", "invalid client credentials"),
                {},
            )
        grant = self.grants.get(form.get("token", ""))
        if grant is None or grant.kind != "oauth" or grant.expired:
            return 200, {"active": False}, {}
        return 200, self._oauth_fields(grant, active=True), {}

    def _access_token_v1(self, token: str) -> tuple[int, dict, dict]:
        grant = self.grants.get(token)
        if grant is None or grant.kind != "oauth" or grant.expired:
            return 404, _error("NOT_FOUND", "access token not found or expired"), {}
        return 200, {"token": token, **self._oauth_fields(grant)}, {}

    @staticmethod
    def _oauth_fields(grant: Grant, **extra) -> dict:
        return {
            **extra,
            "token_type": "access",
            "token_use": "access",
            "user": "ada@example.com",
            "hub_id": grant.hub_id,
            "app_id": grant.app_id,
            "scopes": list(grant.scopes or ()),
            "expires_in": grant.expires_in,
        }

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                data = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                seen = Seen(
                    self.command,
                    parts.path,
                    parse_qs(parts.query),
                    self.headers.get("Authorization"),
                    self.requestline + "\n" + str(self.headers),
                    data,
                )
                standin.seen.append(seen)
                status, answer, headers = standin.respond(seen)
                body = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

            def log_message(self, *args) -> None:
                pass

        return Handler


def _error(category: str, message: str = "") -> dict:
    return {"status": "error", "message": message or category, "category": category}
