"""Everything hapimigrate knows about HubSpot's API, behind one set of questions.

The fixers, the report and check ask here, never the data files, so they cannot
disagree:

* :func:`endpoint_path`, :func:`host`, :func:`is_hubspot_host` -- what a URL is;
* :func:`auth_kind` -- whether an endpoint takes a developer key, no auth at all,
  or (None) a portal access token;
* :func:`scopes_for` -- the OAuth scopes a call needs (:class:`ScopeNeed`);
* :func:`names_developer_key` -- whether a key's name says it is a developer key;
* :func:`developer_api_named` -- the developer-key API a URL's parts name, if any;
* :func:`lifecycle_of` -- what HubSpot has announced for an endpoint: retired,
  sunsetting, unsupported from a date, or a current date-based version, with the
  replacements and the sources (:class:`Lifecycle`); :func:`path_swap` -- the
  2026-03 path of a v3/v4 call and whether swapping it is safe; :func:`today` --
  the date lifecycles are compared with;
* :mod:`sdk_operations` -- the endpoints the methods of HubSpot's Python SDKs call
  (``sdk_operations.endpoints("hubspot-api-client", ("crm", "contacts",
  "basic_api", "get_page"))``), built by ``scripts/build_sdk_operations.py``.

Catalogs live in ``data/``: ``auth_families.json`` (curated), ``legacy.json``
(curated API-key era endpoints), ``openapi.json`` (built from HubSpot's OpenAPI
descriptions by ``scripts/build_catalog.py``) and ``lifecycle.json`` (built from
the lifecycle facts and the v3/2026-03 pairs by ``scripts/build_lifecycle.py``).
"""

from __future__ import annotations

import re

from hapimigrate.hubspot import catalog, sdk_operations
from hapimigrate.hubspot.lifecycle import (
    GENERAL_RULES,
    Lifecycle,
    PathSwap,
    dated_twin,
    path_swap,
    today,
)
from hapimigrate.hubspot.lifecycle import lookup as lifecycle_of
from hapimigrate.hubspot.catalog import ScopeNeed, is_read
from hapimigrate.hubspot.families import DEVELOPER_KEY, NO_AUTH, family_of
from hapimigrate.hubspot.urls import HOST_NAME, OTHER_HOST_URL
from hapimigrate.hubspot.urls import endpoint_path, host, is_hubspot_host, takes_tokens
from hapimigrate.hubspot.urls import cannot_leave_hubspot, host_part

__all__ = [
    "DEVELOPER_KEY",
    "GENERAL_RULES",
    "NO_AUTH",
    "Lifecycle",
    "PathSwap",
    "ScopeNeed",
    "auth_kind",
    "cannot_leave_hubspot",
    "dated_twin",
    "endpoint_path",
    "host",
    "is_hubspot_host",
    "takes_tokens",
    "host_part",
    "is_read",
    "lifecycle_of",
    "names_developer_key",
    "developer_api_named",
    "path_swap",
    "scopes_for",
    "sdk_operations",
    "today",
]

_DEVELOPER_KEY_NAME = re.compile(r"(?i)dev(?:eloper)?_?(?:api_?)?key|developer")


def auth_kind(method: str | None, url_or_path: str | None) -> str | None:
    """DEVELOPER_KEY, NO_AUTH, or None for an endpoint that takes a token (or is
    unknown): the curated families first, then HubSpot's own descriptions."""
    if not url_or_path:
        return None
    family = family_of(url_or_path)
    if family is not None:
        return family.auth
    path = endpoint_path(url_or_path)
    if path is not None and catalog.developer_operation(method, path):
        return DEVELOPER_KEY
    return None


def scopes_for(method: str | None, path: str | None) -> ScopeNeed | None:
    """What a token needs to call ``method path``; None where unknown."""
    if not path:
        return None
    family = family_of(path)
    if family is not None:
        return ScopeNeed((), source=family.auth, basis=family.basis, note=family.name)
    return catalog.lookup(method, path)


def developer_api_named(text: str) -> str | None:
    """The developer-key API a text built from a URL's parts names (``{}``
    where a part is unknown), at any of its slashes: ``webhooks`` for
    ``https://api.hubapi.com/webhooks/v3/{}/settings`` or
    ``{}/webhooks/v3/{}/subscriptions``; None when it names none."""
    path = re.sub(r"(?i)^[a-z][a-z0-9+.-]*://[^/?#]*", "", text)
    path = re.sub(r"/{2,}", "/", "/" + path.split("?")[0].split("#")[0])
    starts = [i for i, c in enumerate(path) if c == "/"]
    for start in starts:
        suffix = path[start:]
        family = family_of(suffix)
        if family is not None:
            if family.auth == DEVELOPER_KEY:
                return family.name
            continue
        if catalog.developer_operation(None, suffix):
            return suffix
    return None


def names_developer_key(source: str) -> bool:
    """Whether the code of a key expression says it is a developer key."""
    return _DEVELOPER_KEY_NAME.search(source) is not None


# 2degrees' hubspot-connection: PortalConnection(APIKey(key), source) sends the
# key as ?hapikey=, and its OAuthKey as ?access_token=, which HubSpot no longer
# takes: neither can carry a token in the Authorization header
HUBSPOT_CONNECTION_REASON = (
    "hubspot-connection sends the key as ?hapikey= (APIKey), and a token only "
    "as ?access_token= (OAuthKey), which HubSpot does not take: port its "
    "PortalConnection to a session sending Authorization: Bearer, by hand"
)
