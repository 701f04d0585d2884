"""HubSpot API calls, with or without a key: read-only sites of kind ``call``, so
that ``report`` and ``check`` can tell each call's endpoint lifecycle (retired,
sunsetting, unsupported from a date) in code that already sends a Bearer token.

    requests.get(f"{BASE}/owners/v2/owners", headers=AUTH)        # call: retired
    session.post(BASE + "/crm/v3/objects/contacts/search", ...)   # call: v3

Nothing is edited; the sites are ``kept``. Runs last, when the run asks for calls
(:data:`~hapimigrate.model.RunOptions.calls`): for ``report``, the calls no key
site of the module lists already (a key site shows its endpoints itself); for
``check``, every call to an endpoint with an announced date, so that the CI guard
keeps a migrated integration healthy. ``diff`` and ``apply`` never ask.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import api_calls
from hapimigrate.fixers.registry import register
from hapimigrate.hubspot.lifecycle import CURRENT
from hapimigrate.model import CALLS_DATED, Endpoint, Kind, Status
from hapimigrate.python.context import ModuleContext

_NOT_KEY_SITES = (Kind.CALL, Kind.VERSION)


@register(
    "calls",
    cst.Call,
    lambda node: isinstance(node.func, (cst.Attribute, cst.Name)),  # type: ignore[attr-defined]
)
def find(ctx: ModuleContext, requests: Sequence[cst.CSTNode]) -> None:
    if not ctx.calls:
        return
    listed = {
        (c.method, c.path)
        for s in ctx.sites
        if s.kind not in _NOT_KEY_SITES
        for c in s.calls
        if c.path
    }
    found: dict[int, tuple[cst.Call, list[Endpoint]]] = {}
    for request in requests:
        assert isinstance(request, cst.Call)
        for call in api_calls.calls_of(ctx, request):
            endpoint = call.endpoint
            if ctx.calls == CALLS_DATED:
                if not _dated(endpoint):
                    continue
            elif _listed(endpoint, listed):
                continue
            where, endpoints = found.setdefault(id(call.where), (call.where, []))
            if endpoint not in endpoints:
                endpoints.append(endpoint)
    for where, endpoints in sorted(found.values(), key=lambda item: ctx.start(item[0])):
        ctx.site(where, Kind.CALL, Status.KEPT, calls=tuple(endpoints))


def _dated(endpoint: Endpoint) -> bool:
    """Whether HubSpot has announced a date for the endpoint."""
    life = hubspot.lifecycle_of(endpoint.method, endpoint.path)
    return life is not None and life.status != CURRENT


def _listed(endpoint: Endpoint, listed: set[tuple[str | None, str | None]]) -> bool:
    """A key site of the module lists the endpoint (a method it does not know
    counts as the same)."""
    return any(
        path == endpoint.path
        and (method == endpoint.method or method is None or endpoint.method is None)
        for method, path in listed
    )
