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


def send_token(
    ctx: ModuleContext, route: Route, replaces: cst.BaseSmallStatement | None = None
) -> None:
    """Make every request of the route carry ``Authorization: Bearer <token>``.

    Session-level params get a ``session.headers["Authorization"] = ...``
    statement after the one that set them (instead of it, for ``replaces``).
    """
    for sink in route.sinks:
        if sink.call is not None:
            edit = ctx.edits.calls[sink.call]
            if edit.bearer is None:
                edit.bearer = ctx.bearer()
                if sink.info is not None and sink.info.kind == "urlopen":
                    edit.wrap_request = _request_class(ctx, sink.call)
        elif sink.statement is not None and sink.session is not None:
            header = _session_header(ctx, sink.session)
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


def _session_header(ctx: ModuleContext, session: cst.BaseExpression) -> cst.Assign:
    target = cst.Subscript(
        cst.Attribute(session, cst.Name("headers")),
        [cst.SubscriptElement(cst.Index(cst.SimpleString('"Authorization"')))],
    )
    return cst.Assign([cst.AssignTarget(target)], ctx.bearer())
