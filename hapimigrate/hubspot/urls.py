"""URL templates as HubSpot sees them: the host and the endpoint path."""

from __future__ import annotations

import re

HUBSPOT_HOST = re.compile(
    r"(?i)^(?:[\w-]+\.)*(?:hubapi\.com|hubspot\.com|hsforms\.com|hubapi\.eu)$"
)
_PERCENT = re.compile(r"%[sdir]")
_PATH = re.compile(r"^(?:[a-z][a-z0-9+.-]*://[^/?#]*|\{[^}]*\}|%[sr])?(/[^?#]*)", re.I)
# the host after any user information (https://api.hubapi.com:443@evil.example/
# goes to evil.example)
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:@]+)", re.I)
# a parameter or attribute whose name says it holds a URL or a host (``base_url``,
# ``api_root``), not a credential
HOST_NAME = re.compile(
    r"(?i)^(?!.*(?:key|token)).*(?:url|base|host|endpoint|domain|root)"
)
# a literal URL of a host other than HubSpot's, in source text
OTHER_HOST_URL = re.compile(
    r"""['"]https?://(?!(?:[\w-]+\.)*(?:hubapi\.com|hubspot\.com)\b)"""
)


def endpoint_path(url: str) -> str | None:
    """``/contacts/v1/contact/vid/{vid}/profile`` from a URL template."""
    match = _PATH.match(url)
    return _PERCENT.sub("{}", match.group(1)) if match else None


def host(url: str) -> str | None:
    """``api.hubapi.com`` from a URL template whose host is literal; the host
    as written (``proxy.example.com``, ``proxy{n}.example.com``) when its
    literal start is no HubSpot API host's start: ``"https://proxy.example.com"
    + path`` goes to another host whatever the path (None: known at run time)."""
    match = _HOST.match(url)
    if not match:
        return None
    name = match.group(1)
    if "{" not in name:
        return name.lower()
    written = name[: name.index("{")].lower()
    if not written or _begins_token_host(written):
        return None
    if "." in written:
        return written
    shown = _ENDS_IN_FIELD.fullmatch(name)  # proxy{n}.example.com{path}
    return written + (shown.group(1) if shown else name)[len(written) :]


_ENDS_IN_FIELD = re.compile(r"(.*\}[^{}]+)\{[^}]*\}")
_TOKEN_DOMAINS = ("hubapi.com", "hubspot.com", "hubapi.eu", "hsforms.com")
_TOKEN_HEAD = re.compile(
    r"a(?:p(?:i(?:-[a-z0-9]*)?)?)?|f(?:o(?:r(?:m(?:s(?:-[a-z0-9]*)?)?)?)?)?"
)


def _begins_token_host(written: str) -> bool:
    """Whether a host whose first characters are ``written`` (the rest known at
    run time) may be one of HubSpot's API hosts: ``api``, ``api-``,
    ``api.hubapi.com``, ``forms.hs``; not ``proxy.example.com``."""
    head, dot, rest = written.partition(".")
    if not dot:
        return _TOKEN_HEAD.fullmatch(head) is not None
    return any(
        takes_tokens(f"{head}.{domain}")
        for domain in _TOKEN_DOMAINS
        if domain.startswith(rest)
    )


def host_part(template: str) -> str:
    """What decides the host: ``{url}`` of ``{url}{path}`` or ``{url}/x`` (a
    leading field is the whole base), ``https://{host}`` of ``https://{host}/x``."""
    leading = re.match(r"^\{\w+\}", template)
    if leading:
        return leading.group(0)
    based = re.match(r"^[a-z][a-z0-9+.-]*://([^/?#:{]+)\{", template, re.I)
    if based and is_hubspot_host(based.group(1)):
        return ""  # BASE + path, BASE a HubSpot host: the path is a path
    match = re.match(r"^[a-z][a-z0-9+.-]*://[^/?#]*", template, re.I)
    return match.group(0) if match else ""


def is_hubspot_host(name: str) -> bool:
    return HUBSPOT_HOST.match(name) is not None


# where HubSpot's APIs answer (a token may go there): not every host under
# hubspot.com is HubSpot's API (status.hubspot.com and community.hubspot.com
# are third parties' pages)
TOKEN_HOST = re.compile(
    r"(?i)^(?:api(?:-[a-z0-9]+)?\.(?:hubapi|hubspot)\.com|api(?:-[a-z0-9]+)?\.hubapi\.eu|"
    r"(?:api|forms)(?:-[a-z0-9]+)?\.hsforms\.com|forms\.hubspot\.com)$"
)


def takes_tokens(name: str) -> bool:
    """``api.hubapi.com``, ``api-eu1.hubapi.com``, the forms hosts: HubSpot's APIs."""
    return TOKEN_HOST.match(name) is not None


def cannot_leave_hubspot(literal: str) -> bool:
    """Whether a class attribute's literal cannot take a request elsewhere, however
    a base class puts it in its URL: a path (``"contacts/v1"``, ``"/deals"``: no
    scheme, no ``//``, no dotted first part that could be a host, nothing filled
    in) or a URL of HubSpot's API hosts."""
    if "{" in literal or "%" in literal or "\\" in literal:
        return False
    if "://" in literal or literal.startswith("//"):
        where = host(literal if "://" in literal else "https:" + literal)
        return where is not None and takes_tokens(where)
    first = literal.lstrip("/").split("/", 1)[0]
    return not any(c in first for c in ".:@?#")
