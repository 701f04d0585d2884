"""Which HubSpot endpoints a site calls: (method, path) pairs for the report.

The method comes from the call (``requests.get`` is GET, ``requests.request("PUT",
url)`` is PUT, ``urlopen`` with data is POST); the path from the URL's literal parts,
interpolated parts becoming path parameters (``/deals/v1/deal/{deal_id}``). A wrapper
that takes the path or the method as parameters (``def _request(self, method,
path)``) is resolved at its call sites, from the arguments they pass. Session-level
keys are followed to the requests the session makes.
"""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import arguments, partials
from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext
from hapimigrate.analysis.flow import Flow, FlowError, Route, Sink
from hapimigrate.model import Endpoint, Wrapper

_HOST_THEN_FIELD = re.compile(r"^[a-z][a-z0-9+.-]*://[^/?#{]*\{", re.I)
_FIELD = re.compile(r"\{(\w+)\}")


def site_endpoints(
    ctx: ModuleContext, route: Route | None, url: cst.CSTNode | None = None
) -> tuple[Endpoint, ...]:
    """The calls of a site whose value reached ``route``; ``url`` is the URL
    expression of a URL site (used when it holds the path)."""
    if route is not None and route.carrier is not None:
        carrier = values.url_template(ctx, route.carrier)
        if _holds_path(carrier) or url is None:
            url = route.carrier  # `BASE + "/x?hapikey=" + K`, `"{b}/x".format(b=BASE)`
    if url is not None and not _holds_path(values.url_template(ctx, url)):
        url = None  # only the query: the path is in the request's URL
    if route is None:
        if url is None:
            return ()
        return (Endpoint(None, hubspot.endpoint_path(values.url_template(ctx, url))),)
    found: list[Endpoint] = []
    for sink in route.sinks:
        if sink.role == "session":
            found += _client_endpoints(ctx, sink.session, "")
        elif sink.info is not None and sink.info.kind == "client":
            found += _client_endpoints(ctx, sink.call, _base_url(ctx, sink.call))
        else:
            found += _sink_endpoints(ctx, sink, url)
    return tuple(dict.fromkeys(found))


def _holds_path(template: str) -> bool:
    """``https://api.hubapi.com/x`` or ``https://api.hubapi.com{path}``."""
    return hubspot.endpoint_path(template) is not None or bool(
        _HOST_THEN_FIELD.match(template)
    )


def sink_url_node(sink: Sink) -> cst.BaseExpression | None:
    """The URL argument of a request call."""
    if sink.call is None or sink.info is None:
        return None
    for arg in sink.call.args:
        if arg.keyword is not None and arg.keyword.value in ("url", "base_url"):
            return arg.value
    positional = [a for a in sink.call.args if a.keyword is None and not a.star]
    index = sink.info.url_index
    if index is not None and index < len(positional):
        return positional[index].value
    return None


def _method_node(sink: Sink) -> cst.BaseExpression | None:
    """The method argument of ``request(method, url)``."""
    assert sink.call is not None
    for arg in sink.call.args:
        if arg.keyword is not None and arg.keyword.value == "method":
            return arg.value
    positional = [a for a in sink.call.args if a.keyword is None and not a.star]
    if sink.info is not None and sink.info.url_index == 1 and positional:
        return positional[0].value
    return None


def _sink_endpoints(
    ctx: ModuleContext, sink: Sink, url: cst.CSTNode | None
) -> list[Endpoint]:
    url = url if url is not None else sink_url_node(sink)
    if url is None and partials.is_partial(ctx, sink.call):  # its calls' URLs
        given = partials.given_urls(ctx, sink.call)  # type: ignore[arg-type]
        return [e for u in given for e in _sink_endpoints(ctx, sink, u)] or [
            Endpoint(sink.info.method if sink.info is not None else None, None)
        ]
    method = sink.info.method if sink.info is not None else None
    method_node = (
        _method_node(sink) if method is None and sink.call is not None else None
    )
    if url is None:
        return [Endpoint(method, None)]
    template = values.url_template(ctx, url)
    function = ctx.ancestor(url, cst.FunctionDef)
    parameters = (
        arguments.parameter_names(function)
        if isinstance(function, cst.FunctionDef)
        else []
    )
    used = values.placeholders(template) & set(parameters)
    method_parameter = (
        method_node.value
        if isinstance(method_node, cst.Name) and method_node.value in parameters
        else None
    )
    if not used and method_parameter is None:
        return [
            Endpoint(method or _literal(method_node), hubspot.endpoint_path(template))
        ]
    assert isinstance(function, cst.FunctionDef)
    inside = (
        sink.call is not None and ctx.ancestor(sink.call, cst.FunctionDef) is function
    )
    if inside:
        return _wrapped(ctx, function, template, used, method, method_parameter)
    found = []
    for call in Flow(ctx).callers(function):
        bound = arguments.bind(function, call)
        bindings = {
            name: values.url_template(ctx, bound[name])
            for name in used
            if name in bound
        }
        path = hubspot.endpoint_path(values.url_template(ctx, url, bindings))
        # a helper returning the URL: the caller's request says the method
        try:
            sinks = Flow(ctx).follow(call).sinks
        except FlowError:
            sinks = []
        methods = {s.info.method for s in sinks if s.info is not None} or {None}
        found += [Endpoint(m, path) for m in sorted(methods, key=str)]
    return found or [Endpoint(method, hubspot.endpoint_path(template))]


_WRAPPED_DEPTH = 4


def _wrapped(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    template: str,
    used: set[str],
    method: str | None,
    method_parameter: str | None,
    depth: int = 0,
) -> list[Endpoint]:
    """The requests of a wrapper whose URL (``template``) names its parameters
    ``used`` (and whose method may be its parameter too): each call of it in
    this module gives them, or passes its own function's parameters on
    (``def get(self, path): return self._request("GET", path)``), followed
    the same way. A wrapper none of this module's calls give a path carries
    it as ``via``, for other modules' calls (:mod:`hapimigrate.tree_endpoints`)."""
    found: list[Endpoint] = []
    for call in Flow(ctx).callers(function):
        outer = ctx.ancestor(call, cst.FunctionDef)
        if outer is function:
            continue  # it calls itself (the next page): nothing new
        bound = arguments.bind(function, call)
        passed = set(arguments.parameter_names(outer)) if outer is not None else set()
        given = {}
        still: set[str] = set()
        for name in used:
            argument = bound.get(name)
            if argument is None:
                continue  # not given (``**kw``): the field stays
            given[name] = values.url_template(ctx, argument)
            if isinstance(argument, cst.Name) and argument.value in passed:
                still.add(argument.value)  # the caller's own parameter, passed on
        filled = _fill(template, given)
        chosen = method or _literal(bound.get(method_parameter or "", None))
        chosen_parameter = None
        argument = bound.get(method_parameter or "", None)
        if (
            chosen is None
            and isinstance(argument, cst.Name)
            and argument.value in passed
        ):
            chosen_parameter = argument.value
        if (still or chosen_parameter) and outer is not None and depth < _WRAPPED_DEPTH:
            found += _wrapped(
                ctx, outer, filled, still, chosen, chosen_parameter, depth + 1
            )
        else:
            found.append(Endpoint(chosen, hubspot.endpoint_path(filled)))
    if found:
        return found
    return [
        Endpoint(
            method,
            hubspot.endpoint_path(template),
            _wrapper(ctx, function, template, used, method_parameter),
        )
    ]


def _fill(template: str, given: dict[str, str]) -> str:
    """``template`` with its ``{name}`` fields replaced by the text given."""
    return _FIELD.sub(lambda m: given.get(m.group(1), m.group(0)), template)


def _wrapper(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    template: str,
    used: set[str],
    method_parameter: str | None,
) -> Wrapper | None:
    """``function`` as other modules call it: a module-level function or a
    method of a module-level class, the path given by one parameter."""
    if len(used) != 1:
        return None
    owner = ctx.parent(function)
    if isinstance(owner, cst.IndentedBlock):
        owner = ctx.parent(owner)
    if isinstance(owner, cst.ClassDef) and isinstance(ctx.parent(owner), cst.Module):
        name = f"{owner.name.value}.{function.name.value}"
    elif isinstance(owner, cst.Module):
        name = function.name.value
    else:
        return None
    params = function.params
    positional = [p.name.value for p in (*params.posonly_params, *params.params)]
    if isinstance(owner, cst.ClassDef) and positional[:1] in (["self"], ["cls"]):
        positional = positional[1:]
    return Wrapper(
        name, tuple(positional), next(iter(used)), template, method_parameter or ""
    )


def _client_endpoints(
    ctx: ModuleContext, client: cst.CSTNode, base: str
) -> list[Endpoint]:
    """The requests made with a session or client (``base``: its base_url)."""
    flow = Flow(ctx, client=True)
    try:
        if isinstance(client, cst.Call):
            flow.follow(client)
        else:
            flow.follow_client(client)
    except FlowError:
        pass  # what was found before the trail went cold still counts
    found = []
    for request in flow.route.sinks:
        for endpoint in _sink_endpoints(ctx, request, None):
            if base and endpoint.path is None:
                url = sink_url_node(request)
                template = values.url_template(ctx, url) if url is not None else ""
                endpoint = Endpoint(
                    endpoint.method, hubspot.endpoint_path(base + template)
                )
            found.append(endpoint)
    return found


def _base_url(ctx: ModuleContext, call: cst.Call) -> str:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "base_url":
            return values.url_template(ctx, arg.value)
    return ""


def _literal(node: cst.CSTNode | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.upper() if isinstance(value, str) else None
    return None
