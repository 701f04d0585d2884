"""The carrier side of a ``functools.partial`` binding the key that other
modules import and call (:mod:`hapimigrate.analysis.imported_partials` says
what it is and checks each call).

In its own module, the partial is exported as a carrier that names the request
function it wraps (:func:`carrier`); blocked there when the header cannot go on
it (what :func:`hapimigrate.fixers.attach.sink_problem` says of the partial's
request, as for a partial called in its own module). In each module importing
it, every read is decided as a request of its own (:func:`migrate_read`): the
call must keep the partial's arguments and send to HubSpot, and its endpoints
are decided like any other (a developer-key API keeps the key). Nothing changes
there: once every read of every module migrates, the partial's own module drops
the key and gives the partial the header (:func:`sent_elsewhere`).
"""

from __future__ import annotations

import dataclasses
import os
from typing import Callable

import libcst as cst

from hapimigrate.analysis import call_endpoints, imported_partials, origins
from hapimigrate.analysis.flow import Route, Sink
from hapimigrate.decide import KeyUse, decide
from hapimigrate.fixers import attach
from hapimigrate.model import Carrier, CarrierUse
from hapimigrate.python.context import ModuleContext


def route(partial: cst.Call, exported: imported_partials.Exported) -> Route:
    """The partial as the one request its key reaches."""
    return Route(sinks=[Sink(partial, exported.info, exported.role)])


def carrier(
    ctx: ModuleContext,
    found: Carrier,
    partial: cst.Call,
    exported: imported_partials.Exported,
) -> Carrier:
    """The carrier ``found`` marked as a partial of ``exported.verb`` (its
    readers' calls are its requests), or blocked saying why the partial
    cannot take the header."""
    problem = (
        found.blocked
        or exported.problem
        or attach.sink_problem(ctx, route(partial, exported))
    )
    return dataclasses.replace(
        found, partial=exported.verb, partial_bound=exported.bound, blocked=problem
    )


def marked(
    ctx: ModuleContext,
    found: Carrier,
    name: cst.Name,
    followed: Route,
    token: bool = True,
) -> Carrier:
    """``found``, exported for the module-level ``name`` of a route its own
    module migrates: when ``name`` is bound to a partial that is one of the
    route's requests (``hs_get = partial(requests.get, params={"hapikey": K})``
    called here and elsewhere), marked as one, so that other modules' calls
    of it are checked as this module's were. Its own module's calls taking no
    token (a form submission: ``token`` False) block it: the partial gets the
    header for every call or for none."""
    assign = ctx.parent(ctx.parent(name))
    if not (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and assign.targets[0].target is name
        and isinstance(assign.value, cst.Call)
    ):
        return found
    partial = assign.value
    if not any(s.call is partial and s.role == "params" for s in followed.sinks):
        return found
    exported = imported_partials.exported(ctx, partial)
    if exported is None:
        return found
    formed = "" if token else OWN_NO_TOKEN.format(name.value, ctx.start(name)[0])
    return dataclasses.replace(
        found,
        partial=exported.verb,
        partial_bound=exported.bound,
        blocked=found.blocked or exported.problem or formed,
    )


def sent_elsewhere(
    ctx: ModuleContext,
    partial: cst.Call,
    exported: imported_partials.Exported,
    record: Callable[[Route], object],
) -> None:
    """Every read in every module migrated: the key leaves the partial
    (``record``) and the partial sends the provider's token."""
    found = route(partial, exported)
    record(found)
    attach.send_token(ctx, found)


OWN_NO_TOKEN = (
    "{}() (line {}) is called in its own module for a form submission, which "
    "takes no credential, and elsewhere for requests that need the token: one "
    "partial cannot do both; give them separate functions, by hand"
)
NO_TOKEN = (
    "this call is a form submission, which takes no credential: the header "
    "{}() of {}.py would bind goes with every call of it; change them by hand"
)


def migrate_read(
    ctx: ModuleContext,
    carrier: Carrier,
    node: cst.CSTNode,
    left: Callable[[ModuleContext, Carrier, cst.CSTNode, str], None],
) -> None:
    """Decide one read of an imported partial binding the key (``left``: how
    a use that cannot change is reported, blocking the carrier)."""
    if carrier.blocked:
        return left(ctx, carrier, node, carrier.blocked)
    checked = imported_partials.call_problem(ctx, carrier, node)
    if checked.problem is not None or checked.call is None:
        return left(ctx, carrier, node, checked.problem or "")
    request = Route(sinks=[Sink(checked.call, checked.info, "params")])
    problem = attach.sink_problem(ctx, request, None)
    if problem:
        return left(ctx, carrier, node, problem)
    calls = call_endpoints.site_endpoints(ctx, request)
    use = KeyUse(
        carrier.label,
        calls,
        attach.route_urls(ctx, request),
        None,
        origins.Origin(origins.CONFIG),
        True,
        ctx.several_keys,
        False,
    )
    decision = decide(use)
    if decision.rewrites and not decision.send_token:  # a form submission
        return left(ctx, carrier, node, NO_TOKEN.format(carrier.name, carrier.module))
    attach.note_requests(ctx, request, decision.status)
    reason = decision.reason or (
        f"{carrier.name} of {carrier.module}.py binds the key: the header goes "
        "there, this call sends it"
    )
    ctx.site(node, carrier.kind, decision.status, reason, calls=calls)
    where = f"{os.path.basename(ctx.path)}:{ctx.start(node)[0]}"
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, decision.status, decision.reason, where)
    )
