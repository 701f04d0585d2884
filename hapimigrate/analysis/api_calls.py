"""The HubSpot API calls a module makes, found from the requests themselves rather
than from a key: code that already sends a Bearer token has calls too, and their
endpoints have lifecycles (``report``, ``check``, ``apply --modernize``).

A request (``requests.get``, ``session.post``, ``httpx``, ``urlopen``, ...:
:func:`http_calls.classify`) is a HubSpot call when its URL template names a
HubSpot host, or names no host (``BASE_URL + "/crm/v3/objects/contacts"`` with
``BASE_URL`` imported) but a path HubSpot's catalogs know. A request inside a
function that takes the path or the method (``def _get(self, path)``) is made at
that function's call sites in the module: each is a call of its own, with the
endpoint its arguments give. Read-only: nothing here edits the module.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import arguments, call_endpoints, http_calls, values
from hapimigrate.analysis.flow import Flow, Sink
from hapimigrate.model import Endpoint
from hapimigrate.python.context import ModuleContext


@dataclass(frozen=True)
class ApiCall:
    """One HubSpot call: ``where`` it is made (the request, or the call of the
    wrapper that makes it), the request, and its endpoint."""

    where: cst.Call
    request: cst.Call
    endpoint: Endpoint
    url: str  # the URL template

    @property
    def host(self) -> str | None:
        return hubspot.host(self.url)


def calls_of(ctx: ModuleContext, request: cst.Call) -> list[ApiCall]:
    """The HubSpot calls ``request`` makes; none when it is not a request, or
    not known to go to HubSpot."""
    info = http_calls.classify(ctx, request)
    if info is None or info.kind == "client":
        return []
    url = call_endpoints.sink_url_node(Sink(request, info, "url"))
    if url is None:
        return []
    method = info.method or _literal(_method_node(request, info))
    method_parameter = _method_parameter(request, info)
    template = _template(ctx, url) or ""
    base = _client_base(ctx, request)
    function = ctx.ancestor(request, cst.FunctionDef)
    parameters = (
        set(arguments.parameter_names(function))
        if isinstance(function, cst.FunctionDef)
        else set()
    )
    used = values.placeholders(template) & parameters
    if method_parameter is not None and method_parameter not in parameters:
        method_parameter = None
    found: list[ApiCall] = []
    callers = (
        Flow(ctx).callers(function)
        if isinstance(function, cst.FunctionDef) and (used or method_parameter)
        else []
    )
    for caller in callers:
        bound = arguments.bind(function, caller)  # type: ignore[arg-type]
        bindings = {
            name: values.url_template(ctx, bound[name])
            for name in used
            if name in bound
        }
        text = _template(ctx, url, bindings) or ""
        chosen = method
        if method_parameter is not None:
            chosen = _literal(bound.get(method_parameter))
        found += _hubspot(caller, request, chosen, base + text if base else text)
    if not callers:
        found += _hubspot(
            request, request, method, base + template if base else template
        )
    return found


def _hubspot(
    where: cst.Call, request: cst.Call, method: str | None, url: str
) -> list[ApiCall]:
    path = hubspot.endpoint_path(url)
    if path is None or not is_hubspot_call(method, url):
        return []
    return [ApiCall(where, request, Endpoint(method, path), url)]


def is_hubspot_call(method: str | None, url: str) -> bool:
    """A URL template to a HubSpot host; or with no host known, a path HubSpot's
    catalogs name (never a bare ``/v1/users`` of some other API)."""
    path = hubspot.endpoint_path(url)
    if path is None:
        return False
    host = hubspot.host(url)
    if host is not None:
        return hubspot.is_hubspot_host(host)
    if not url.startswith(("{", "/")) and "://" in url:
        return False  # a host we cannot read, but a host
    if hubspot.auth_kind(method, path) is not None:
        return True
    if hubspot.scopes_for(method or "GET", path) is not None:
        return True
    life = hubspot.lifecycle_of(method, path)
    return life is not None and life.family not in hubspot.GENERAL_RULES


def _template(
    ctx: ModuleContext, url: cst.BaseExpression, bindings: dict | None = None
) -> str | None:
    """The URL a request is sent to; through a small helper of the module that
    returns it (``self._url("/crm/v3/objects")``)."""
    if isinstance(url, cst.Call) and not _is_format(url):
        helper = Flow(ctx).local_function(url)
        returned = _single_return(helper) if helper is not None else None
        if returned is not None:
            bound = arguments.bind(helper, url)  # type: ignore[arg-type]
            names = values.placeholders(values.url_template(ctx, returned))
            inner = {
                name: values.url_template(ctx, bound[name], bindings)
                for name in names
                if name in bound
            }
            return values.url_template(ctx, returned, inner)
    return values.url_template(ctx, url, bindings)


def _is_format(call: cst.Call) -> bool:
    return isinstance(call.func, cst.Attribute) and call.func.attr.value == "format"


def _single_return(function: cst.FunctionDef) -> cst.BaseExpression | None:
    """``return <expression>``, when that is all the function does."""
    body = function.body.body
    statements = [
        s
        for s in body
        if not (
            isinstance(s, cst.SimpleStatementLine)
            and len(s.body) == 1
            and isinstance(s.body[0], cst.Expr)
            and isinstance(s.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
        )
    ]
    if len(statements) != 1 or not isinstance(statements[0], cst.SimpleStatementLine):
        return None
    small = statements[0].body
    if len(small) == 1 and isinstance(small[0], cst.Return):
        return small[0].value
    return None


def _client_base(ctx: ModuleContext, request: cst.Call) -> str:
    """``base_url`` of the httpx client a method request is made with, when the
    client is a name the scope binds once to ``httpx.Client(base_url=...)``."""
    func = request.func
    if not (isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name)):
        return ""
    scope = ctx.lexical_scope(func.value)
    if scope is None:
        return ""
    assignments = list(scope[func.value.value])
    if len(assignments) != 1:
        return ""
    node = getattr(assignments[0], "node", None)
    holder = ctx.parent(node) if node is not None else None
    if isinstance(holder, cst.AssignTarget):
        holder = ctx.parent(holder)
    value = getattr(holder, "value", None)
    if isinstance(holder, cst.AsName):
        value = getattr(ctx.parent(holder), "item", None)
    if not isinstance(value, cst.Call):
        return ""
    if not ctx.qualified_names(value.func) & http_calls.CLIENT_CONSTRUCTORS:
        return ""
    for arg in value.args:
        if arg.keyword is not None and arg.keyword.value == "base_url":
            return values.url_template(ctx, arg.value)
    return ""


def _method_node(
    request: cst.Call, info: http_calls.HttpCall
) -> cst.BaseExpression | None:
    """The method argument of ``request(method, url)``."""
    for arg in request.args:
        if arg.keyword is not None and arg.keyword.value == "method":
            return arg.value
    positional = [a for a in request.args if a.keyword is None and not a.star]
    if info.url_index == 1 and positional:
        return positional[0].value
    return None


def _method_parameter(request: cst.Call, info: http_calls.HttpCall) -> str | None:
    if info.method is not None:
        return None
    node = _method_node(request, info)
    return node.value if isinstance(node, cst.Name) else None


def _literal(node: cst.CSTNode | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.upper() if isinstance(value, str) else None
    return None
