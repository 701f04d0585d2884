"""Requests sent through a session or client the function's callers hand in.

    def update_deal(deal_id, props, session=None):
        http = session or requests
        return http.patch(URL % (deal_id, KEY), json=...)

    oauth_sync.py  session.headers["Authorization"] = "Bearer " + inst.token
                   update_deal(deal_id, props, session=session)

The caller's session may carry a credential of its own (an installation's
OAuth token, another portal's): a request-level header would override it, so
that portal's writes would go to the provider token's portal (review 24, R9).
The request migrates unless a caller may hand in such a session: a call in
this module handing one, in a module that gives some session or client its own
credential (an ``Authorization`` header, ``auth=``, an OAuth session), or a
module of the tree that calls the function and does (the tree pass says so
through ``sessions:<name>``: :attr:`ModuleContext.parameter_sessions`). A plain
client made and passed down (``async with httpx.AsyncClient() as client:``)
keeps no credential of its own: the header is the only one.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.analysis import origins, values
from hapimigrate.analysis.session_uses import OWN_AUTH
from hapimigrate.analysis.flow import Route
from hapimigrate.python.context import ModuleContext

HANDED_HERE = (
    "{}() sends through the {} its callers hand in, and the call at line {} "
    "gives one: it may carry its own Authorization (an OAuth session), which a "
    "request header would override; migrate them together, by hand"
)
HANDED_ELSEWHERE = (
    "{}() sends through the {} its callers hand in, and another module of the "
    "tree that calls it gives a session or client a credential of its own (an "
    "Authorization header, auth=, an OAuth session), which a request header "
    "would override; migrate them together, by hand"
)


def problem(ctx: ModuleContext, route: Route) -> str | None:
    """Why a request sent through a parameter's session cannot take the
    header, if a caller may hand one in."""
    for sink in route.sinks:
        if sink.call is None or not isinstance(sink.call.func, cst.Attribute):
            continue
        function = ctx.ancestor(sink.call, cst.FunctionDef)
        if not isinstance(function, cst.FunctionDef):
            continue
        param = _handed_param(ctx, function, sink.call.func.value)
        if param is None:
            continue
        given = origins.caller_arguments(ctx, param)
        name = function.name.value
        handed = [v for v in given or () if not _none(v)]
        if (given is None or handed) and OWN_AUTH.search(ctx.text.encode()):
            line = ctx.start(handed[0])[0] if handed else "?"
            return HANDED_HERE.format(name, param.name.value, line)
        owner = ctx.ancestor(function, cst.ClassDef)
        word = owner.name.value if isinstance(owner, cst.ClassDef) else name
        ctx.parameter_sessions.add(word)  # the tree pass: its callers' modules
        if f"sessions:{word}" in ctx.shared_elsewhere:
            return HANDED_ELSEWHERE.format(name, param.name.value)
    return None


def _handed_param(
    ctx: ModuleContext, function: cst.FunctionDef, receiver: cst.BaseExpression
) -> cst.Param | None:
    """The parameter the request's receiver may be: itself (``session.get``),
    or a local bound once to it or a default (``http = session or requests``,
    ``s = session if session else requests.Session()``)."""
    params = {
        p.name.value: p
        for p in (
            *function.params.posonly_params,
            *function.params.params,
            *function.params.kwonly_params,
        )
        if p.name.value not in ("self", "cls")
    }
    if not isinstance(receiver, cst.Name):
        return None
    if receiver.value in params:
        return params[receiver.value]
    value = _local_value(ctx, function, receiver)
    if isinstance(value, cst.BooleanOperation):
        operands = [value.left, value.right]
    elif isinstance(value, cst.IfExp):
        operands = [value.body, value.orelse]
    else:
        return None
    for operand in operands:
        if isinstance(operand, cst.Name) and operand.value in params:
            return params[operand.value]
    return None


def _local_value(
    ctx: ModuleContext, function: cst.FunctionDef, name: cst.Name
) -> cst.BaseExpression | None:
    """The value of the function's one assignment of ``name``."""
    scope = ctx.lexical_scope(name)
    if scope is None:
        return None
    bound = [
        a.node
        for a in scope[name.value]
        if isinstance(getattr(a, "node", None), cst.Name)
    ]
    if len(bound) != 1 or len(list(scope[name.value])) != 1:
        return None
    if ctx.ancestor(bound[0], cst.FunctionDef) is not function:
        return None
    return values.single_value_of(ctx, bound[0])


def _none(value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.Name) and value.value == "None"
