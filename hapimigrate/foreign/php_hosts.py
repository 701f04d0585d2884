"""Where a PHP URL template goes: its HubSpot endpoint, how HubSpot
authenticates it, and whether the token may go there. A path relative to a
client's base URI (Guzzle ``base_uri``) is resolved against it when the file
writes it, and counts from the root when it does not. A host known only at run
time is HubSpot's only when the path is one of HubSpot's endpoints."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from hapimigrate import hubspot
from hapimigrate.model import Endpoint

_RELATIVE = re.compile(r"^[A-Za-z0-9_-]+/(?![^/?#]*://)")
_HOST_THEN_HOLE = re.compile(r"^https?://([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\{\}")


def endpoint_path(url: str | None) -> str | None:
    """The endpoint of a URL template; a path relative to a client's base URI
    (Guzzle ``base_uri``: ``contacts/v1/...``) counts from the root."""
    if not url:
        return None
    path = hubspot.endpoint_path(url)
    if path is None and _RELATIVE.match(url):
        path = hubspot.endpoint_path("/" + url)
    return path


def auth_kind(method: str | None, url: str | None) -> str | None:
    """How HubSpot authenticates a URL template; a path relative to a client's
    base URI (``webhooks/v3/...``) counts from the root."""
    kind = hubspot.auth_kind(method, url) if url else None
    if kind is None and url and _RELATIVE.match(url):
        kind = hubspot.auth_kind(method, "/" + url)
    return kind


PLAIN_HTTP = (
    "the URL is http://: HubSpot redirects it to https, and the redirect drops the "
    "Authorization header (the token would also travel in clear); write https:// "
    "and run again"
)
UNKNOWN_HOST = (
    "cannot tell that the request goes to HubSpot: its host is known only at "
    "run time and its path is not a HubSpot endpoint"
)


def destination(method: str | None, url: str | None) -> str:
    """Why the token may not go to HubSpot with a request to ``url``: another
    host, or a host known only at run time with a path that is not one of
    HubSpot's endpoints; "" for a HubSpot request."""
    host = hubspot.host(url) if url else None
    if host is None and url:
        written = _HOST_THEN_HOLE.match(url)  # 'https://api.hubapi.com' . $path
        host = written.group(1).lower() if written else None
    if host is not None:
        if hubspot.is_hubspot_host(host):
            if (
                url
                and url.lower().startswith("http://")
                and auth_kind(method, url) != hubspot.NO_AUTH  # a form takes no token
            ):
                return PLAIN_HTTP
            return ""
        return f"the key is sent to {host}, not to HubSpot"
    if hubspot_path(Endpoint(method, endpoint_path(url))):
        return ""
    return UNKNOWN_HOST


def hubspot_path(call: Endpoint) -> bool:
    """Whether a path is one of HubSpot's endpoints (known to the catalogs)."""
    if not call.path or call.path.startswith("{"):
        return False
    return (
        hubspot.auth_kind(call.method, call.path) is not None
        or hubspot.scopes_for(call.method, call.path) is not None
    )


def joined(base: str | None, url: str | None) -> str | None:
    """``url`` resolved against a client's ``base_uri`` (RFC 3986, as Guzzle
    does); unchanged when either is known only at run time or ``url`` is
    absolute."""
    if not base or not url or url.startswith("{") or "://" in url.split("?")[0]:
        return url
    if base.startswith("{") or hubspot.host(base) is None:
        return url
    return urljoin(base, url)
