"""Attaching the token: what stops the header from going on a route's requests, the
URLs they send to, and the edits that make each of them carry
``Authorization: Bearer <token>``."""

from __future__ import annotations

import libcst as cst

from hapimigrate.analysis import http_calls
from hapimigrate.analysis import call_endpoints
from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext
from hapimigrate.analysis.flow import Route
from hapimigrate.analysis.origins import Origin
from hapimigrate.decide import Decision
from hapimigrate.model import Import


def sink_problem(route: Route) -> str | None:
    if not route.sinks:
        return "no request in this module sends it"
    for sink in route.sinks:
        if sink.call is not None and sink.info is not None:
            problem = http_calls.header_problem(sink.call, sink.info)
            if problem:
                return problem
    return None


def route_urls(ctx: ModuleContext, route: Route) -> tuple[str, ...]:
    """The URL templates the route's requests send to, where the source tells."""
    nodes = (call_endpoints.sink_url_node(sink) for sink in route.sinks)
    return tuple(values.url_template(ctx, node) for node in nodes if node is not None)


def key_in_reach(ctx: ModuleContext, key: cst.CSTNode, route: Route) -> bool:
    """Whether the key expression can be read where each request is made: in the
    same function, or (``self.x``) in a method of the same class."""
    home = ctx.ancestor(key, cst.FunctionDef)
    own = _self_attribute(key)
    for sink in route.sinks:
        at = sink.call if sink.call is not None else sink.statement
        there = ctx.ancestor(at, cst.FunctionDef) if at is not None else None
        if there is home:
            continue
        if own and isinstance(there, cst.FunctionDef) and _method_of(ctx, there, key):
            continue
        return False
    return True


def _self_attribute(node: cst.CSTNode) -> bool:
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return isinstance(node, cst.Name) and node.value == "self"


def _method_of(ctx: ModuleContext, function: cst.FunctionDef, key: cst.CSTNode) -> bool:
    params = function.params.params
    return (
        bool(params)
        and params[0].name.value == "self"
        and ctx.ancestor(function, cst.ClassDef) is ctx.ancestor(key, cst.ClassDef)
    )


def give_token(
    ctx: ModuleContext,
    decision: Decision,
    origin: Origin,
    route: Route,
    key: cst.BaseExpression,
    replaces: cst.BaseSmallStatement | None = None,
) -> None:
    """The token edits a rewrite decided on: the requests carry the provider's
    token, or the caller's (``key``), whose configured default becomes the
    provider's token."""
    if decision.token_default and origin.fallback is not None:
        ctx.edits.replace[origin.fallback] = ctx.token()
        ctx.note_key(origin.fallback)
    if decision.send_token:
        send_token(ctx, route, replaces, key if decision.callers_token else None)


def send_token(
    ctx: ModuleContext,
    route: Route,
    replaces: cst.BaseSmallStatement | None = None,
    key: cst.BaseExpression | None = None,
) -> None:
    """Make every request of the route carry ``Authorization: Bearer <token>``:
    the provider's token, or ``key``'s value (a caller's credential).

    Session-level params get a ``session.headers["Authorization"] = ...``
    statement after the one that set them (instead of it, for ``replaces``).
    """
    for sink in route.sinks:
        if sink.call is not None:
            edit = ctx.edits.calls[sink.call]
            if edit.bearer is None:
                edit.bearer = ctx.bearer(key)
                if sink.info is not None and sink.info.kind == "urlopen":
                    edit.wrap_request = _request_class(ctx, sink.call)
        elif sink.statement is not None and sink.session is not None:
            header = _session_header(ctx, sink.session, key)
            keep = [] if sink.statement is replaces else [None]
            ctx.edits.statements[sink.statement] = keep + [header]


def _request_class(ctx: ModuleContext, call: cst.Call) -> str:
    func = call.func
    if isinstance(func, cst.Attribute):
        return ctx.code(func.value) + ".Request"
    names = ctx.qualified_names(func)
    module = "urllib2" if "urllib2.urlopen" in names else "urllib.request"
    ctx.imports.add(Import(module, "Request"))
    return "Request"


def _session_header(
    ctx: ModuleContext, session: cst.BaseExpression, key: cst.BaseExpression | None
) -> cst.Assign:
    target = cst.Subscript(
        cst.Attribute(session, cst.Name("headers")),
        [cst.SubscriptElement(cst.Index(cst.SimpleString('"Authorization"')))],
    )
    return cst.Assign([cst.AssignTarget(target)], ctx.bearer(key))
