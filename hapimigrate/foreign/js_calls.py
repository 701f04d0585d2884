"""HubSpot API calls of a JavaScript file without a key (code already migrated,
or calls beside the key uses): read-only sites of kind ``call``, so that
``report`` still lists their endpoints and scopes (the one token serves them
all) and ``check`` their lifecycle. As in the Python front end: for ``report``
the calls no key site lists already; for ``check`` every call to an endpoint
with an announced date. Requests whose URL names a HubSpot host (or, with a
host known only at run time, a HubSpot endpoint path), and the calls of an
@hubspot/api-client client built in the file.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from hapimigrate import hubspot
from hapimigrate.foreign.js_flow import Flow
from hapimigrate.foreign.js_requests import absolute
from hapimigrate.foreign.js_sdk import api_client_calls
from hapimigrate.foreign.js_syntax import Node, walk
from hapimigrate.foreign.js_urls import url_template
from hapimigrate.hubspot.lifecycle import CURRENT
from hapimigrate.model import CALLS_DATED, Endpoint


def hubspot_path(call: Endpoint) -> bool:
    """Whether a path is one of HubSpot's endpoints (known to the catalogs)."""
    if not call.path or call.path.startswith("{"):
        return False
    return (
        hubspot.auth_kind(call.method, call.path) is not None
        or hubspot.scopes_for(call.method, call.path) is not None
    )


def calls(
    root: Node,
    flow: Flow,
    mode: str,
    listed: Iterable[Endpoint],
    taken: set[tuple[int, int]],
) -> Iterator[tuple[int, tuple[Endpoint, ...]]]:
    """(offset, endpoints) of each call to report; ``listed``: the endpoints
    key sites list; ``taken``: the requests key sites reach."""
    listed = [e for e in listed if e.path]
    for node in walk(root):
        found: tuple[Endpoint, ...] = ()
        if node.type == "call_expression":
            request = flow.request(node)
            if request is None or request.key in taken or request.url is None:
                continue
            template = absolute(request, url_template(request.url)) or ""
            host = hubspot.host(template)
            endpoint = Endpoint(request.method, hubspot.endpoint_path(template))
            if host is not None and not hubspot.is_hubspot_host(host):
                continue
            if host is None and not hubspot_path(endpoint):
                continue
            found = (endpoint,)
        elif node.type == "new_expression":
            found = api_client_calls(node, flow)
        wanted = tuple(
            e
            for e in found
            if e.path and (_dated(e) if mode == CALLS_DATED else not _listed(e, listed))
        )
        if wanted:
            yield node.start_byte, wanted


def _dated(endpoint: Endpoint) -> bool:
    life = hubspot.lifecycle_of(endpoint.method, endpoint.path)
    return life is not None and life.status != CURRENT


def _listed(endpoint: Endpoint, listed: list[Endpoint]) -> bool:
    return any(
        e.path == endpoint.path
        and (e.method == endpoint.method or None in (e.method, endpoint.method))
        for e in listed
    )
