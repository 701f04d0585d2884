"""Helpers made sinks by their callers (issue #12, item 5, "wanted sinks").

A module holding no key has a small helper that other modules hand URLs
carrying the key::

    # fetch.py                          # contacts.py
    def get_json(url):                  URL = BASE + "/contacts/v1/...?hapikey=" + KEY
        return requests.get(url).json() def profile():
                                            return fetch.get_json(URL)

The tree step (:mod:`hapimigrate.tree_wanted`) names such helpers in
``RunOptions.wanted_sinks``. Here, in the helper's module, the helper's URL
parameter is followed as if a caller had handed it the key (the code path of a
key entering a function through a parameter), and the helper is exported as a
``Carrier(helper=True, wanted=True)``; its callers' keyed URLs then end there as
sinks of role ``remote``. The header is added only on the run that knows every
call of it in the tree migrates (its outcome REWRITE); otherwise nothing
changes here. Why it cannot take the header is recorded as a use of its own
carrier, left for a person, which blocks it.

In the callers' modules, :func:`check_call` holds each call to the rule that
every call of the helper hands it a URL whose key migrates to the provider's
token.
"""

from __future__ import annotations

import os
import re

import libcst as cst

from hapimigrate.analysis import arguments
from hapimigrate.analysis.flow import Flow, FlowError, Route
from hapimigrate.fixers import attach, helper_headers
from hapimigrate.model import Carrier, CarrierUse, Kind, Status
from hapimigrate.python.context import ModuleContext
from hapimigrate.tree_imports import importable_names

CANNOT = "{}() of {} cannot send the token with the URLs it is given: {}"
# a parameter whose name says it is the URL: its flow's error is the reason
_URL_NAME = re.compile(r"(?i)url|uri|endpoint|path|link|href")


def fix(ctx: ModuleContext) -> None:
    """The post-pass of a module with wanted helpers (``ctx.wanted_sinks``)."""
    functions = {
        s.name.value: s
        for s in ctx.module.body
        if isinstance(s, cst.FunctionDef) and s.name.value in ctx.wanted_sinks
    }
    chosen: dict[str, tuple[cst.FunctionDef, str]] = {}
    for name in sorted(functions):
        function = functions[name]
        parameter, problem = _url_parameter(ctx, function)
        called = Flow(ctx).callers(function)
        if problem is None and called:  # a key of its own there, or none
            problem = (
                f"it is also called in its own module (line {ctx.start(called[0])[0]}),"
                " whose URLs hapimigrate does not follow into it"
            )
        if problem is None and function.decorators:
            problem = (
                "it is decorated (the decorator may call it with other URLs, or "
                "cache its results by URL)"
            )
        if problem is not None or parameter is None:
            _export(ctx, function, parameter or "", Route())
            _own_use(ctx, function, problem or "its URL is not one of its parameters")
            continue
        chosen[name] = (function, parameter)
    if not chosen:
        return
    route, problem = _route(ctx, chosen.values())
    if problem is not None and len(chosen) > 1:  # each alone, then
        for name, (function, parameter) in sorted(chosen.items()):
            _decide(ctx, {name: (function, parameter)})
        return
    _decide(ctx, chosen, route, problem)


def _decide(
    ctx: ModuleContext,
    chosen: dict[str, tuple[cst.FunctionDef, str]],
    route: Route | None = None,
    problem: str | None = None,
) -> None:
    """Export the helpers of ``chosen`` (sharing one route), and add the header
    where the tree says every call of them migrates."""
    if route is None:
        route, problem = _route(ctx, chosen.values())
    if len(chosen) == 1:  # it takes headers per call: its keyed callers give them
        function, parameter = next(iter(chosen.values()))
        taken = helper_headers.per_call(ctx, function, parameter)
        if taken is not None:
            return _export(ctx, function, parameter, taken.route, per_call=taken)
    group = [function for function, _ in chosen.values()]
    for function, parameter in chosen.values():
        _export(ctx, function, parameter, route)
    for function, _, _ in route.helpers:  # a second helper it hands the URL to
        if _other_helper(ctx, function, chosen) and function not in group:
            _export(ctx, function, _inner_parameter(route, function), route, True)
            group.append(function)
    # they change together: one whose calls elsewhere cannot stops them all
    outcomes = {f.name.value: ctx.sent_elsewhere.get(f.name.value) for f in group}
    stopped = [
        (name, o)
        for name, o in outcomes.items()
        if o is not None and o.status != Status.REWRITE
    ]
    if stopped:
        name, outcome = stopped[0]
        problem = f"it shares its request with {name}(), which stays: {outcome.reason}"
    if problem is not None:
        for function in group:
            if function.name.value not in dict(stopped):
                _own_use(ctx, function, problem)
        return
    if all(outcomes[name] is not None for name in chosen):
        attach.send_token(ctx, route)


def _route(
    ctx: ModuleContext, chosen
) -> tuple[Route, str | None]:  # chosen: (function, parameter) pairs
    """Where the helpers' URL parameters go, together (they may share a second
    helper), and why the header cannot go there."""
    flow = Flow(ctx)
    try:
        for function, parameter in chosen:
            flow.follow_parameter(function, parameter)
    except FlowError as error:
        return flow.route, str(error)
    route = flow.route
    if route.appended or route.formats:
        return route, (
            "it adds text to the URL it is given (or formats it): without the key "
            "its callers' URLs would end differently"
        )
    if any(s.role != "url" or s.call is None for s in route.sinks):
        return route, "the URL it is given is also sent other than as a request's URL"
    return route, attach.sink_problem(ctx, route, None)


def _url_parameter(
    ctx: ModuleContext, function: cst.FunctionDef
) -> tuple[str | None, str | None]:
    """The one parameter of ``function`` that is the URL of the requests it
    makes (and nothing else), or why there is none."""
    names = [n for n in arguments.parameter_names(function) if n not in ("self", "cls")]
    found, errors = [], {}
    for name in names:
        try:
            route = Flow(ctx).follow_parameter(function, name)
        except FlowError as error:
            errors[name] = str(error)
            continue
        if route.sinks and all(s.role == "url" and s.call for s in route.sinks):
            found.append(name)
    if len(found) == 1:
        return found[0], None
    if len(found) > 1:
        return None, f"several of its parameters make a request's URL ({found[0]})"
    named = [n for n in names if _URL_NAME.search(n) and n in errors]
    if named:
        return named[0], f"its {named[0]}: {errors[named[0]]}"
    return None, "none of its parameters is only a request's URL"


def _method(
    ctx: ModuleContext, function: cst.FunctionDef, route: Route
) -> tuple[str, str, int]:
    """The method of the helper's requests: a literal one, or the parameter
    (and its place) the method comes from."""
    methods = set()
    for sink in route.sinks:
        if sink.call is None or ctx.ancestor(sink.call, cst.FunctionDef) is None:
            return "", "", -1
        node = None
        for arg in sink.call.args:
            if arg.keyword is not None and arg.keyword.value == "method":
                node = arg.value
        positional = [a for a in sink.call.args if a.keyword is None and not a.star]
        if node is None and sink.info is not None and sink.info.url_index == 1:
            node = positional[0].value if positional else None
        if isinstance(node, cst.Name) and node.value in arguments.parameter_names(
            function
        ):
            return "", node.value, _position(function, node.value)
        if isinstance(node, cst.SimpleString) and isinstance(node.evaluated_value, str):
            methods.add(node.evaluated_value.upper())
        elif node is None and sink.info is not None and sink.info.method:
            methods.add(sink.info.method)  # requests.get(url): GET
        else:
            return "", "", -1
    return (methods.pop() if len(methods) == 1 else ""), "", -1


def _position(function: cst.FunctionDef, name: str) -> int:
    positional = [*function.params.posonly_params, *function.params.params]
    return next((i for i, p in enumerate(positional) if p.name.value == name), -1)


def _other_helper(ctx: ModuleContext, function: cst.FunctionDef, chosen: dict) -> bool:
    """A module-level function the URL reaches that is not one asked for: its
    calls in other modules must hand it keyed URLs too."""
    return isinstance(ctx.parent(function), cst.Module) and not any(
        f is function for f, _ in chosen.values()
    )


def _inner_parameter(route: Route, function: cst.FunctionDef) -> str:
    return next(p for f, _, p in route.helpers if f is function)


def _export(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    parameter: str,
    route: Route,
    inner: bool = False,
    per_call: helper_headers.PerCall | None = None,
) -> None:
    """The helper as a carrier: its callers elsewhere are checked, and their
    keyed URLs end there. ``inner``: a second helper, called here too (no
    call elsewhere is fine); the first must be called elsewhere. ``per_call``:
    its keyed callers hand it the header (it stays as it is)."""
    method, method_parameter, method_position = _method(ctx, function, route)
    ctx.exports.append(
        Carrier(
            ctx.path,
            importable_names(ctx.path)[0],
            function.name.value,
            Kind.URL,
            "",
            "",
            used_here=inner,
            parameter=parameter,
            position=_position(function, parameter) if parameter else -1,
            helper=True,
            wanted=True,
            method=method,
            method_parameter=method_parameter,
            method_position=method_position,
            headers=per_call.headers if per_call else "",
            params=per_call.params if per_call else "",
            params_position=per_call.params_position if per_call else -1,
        )
    )


def _own_use(ctx: ModuleContext, function: cst.FunctionDef, problem: str) -> None:
    """Why the helper cannot send the token: a use of its carrier here, left
    for a person, which blocks it (and so its callers' uses)."""
    where = f"{os.path.basename(ctx.path)}:{ctx.start(function)[0]}"
    reason = CANNOT.format(function.name.value, os.path.basename(ctx.path), problem)
    ctx.carrier_uses.append(
        CarrierUse(ctx.path, function.name.value, Status.MANUAL, reason, where)
    )


# -- the callers ----------------------------------------------------------------


def check_call(ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode) -> None:
    """A use in this module of another module's wanted helper: a call handing
    it, as its URL, a value whose key migrates to the provider's token (decided
    once every fixer has run), or the helper stays as it is."""
    where = f"{os.path.basename(ctx.path)}:{ctx.start(node)[0]}"
    what = (
        f"{carrier.name}() of {carrier.module}.py would send the token with every "
        f"URL its {carrier.parameter or 'URL parameter'} gets"
    )
    if carrier.headers:
        what = helper_headers.WHAT.format(carrier.name, carrier.module, carrier.headers)
    call = ctx.parent(node)
    if not (isinstance(call, cst.Call) and call.func is node):
        return refuse(
            ctx,
            carrier,
            where,
            f"{what}, and {where} uses it other than by calling "
            "it: the URLs it then gets are not seen",
        )
    value, problem = _given(call, carrier)
    if problem is not None:
        return refuse(ctx, carrier, where, f"{what}, and the call at {where} {problem}")
    if value is None:
        return refuse(
            ctx, carrier, where, f"{what}, and the call at {where} gives it no URL"
        )
    ctx.post_passes.append(lambda ctx: _decided(ctx, carrier, call, value, what, where))


def _given(
    call: cst.Call, carrier: Carrier
) -> tuple[cst.BaseExpression | None, str | None]:
    positional = 0
    for arg in call.args:
        if arg.star:
            return None, "passes its arguments with * or **"
        if arg.keyword is not None:
            if arg.keyword.value == carrier.parameter:
                return arg.value, None
            continue
        if positional == carrier.position:
            return arg.value, None
        positional += 1
    return None, None


def _decided(
    ctx: ModuleContext,
    carrier: Carrier,
    call: cst.Call,
    value: cst.BaseExpression,
    what: str,
    where: str,
) -> None:
    decided = ctx.request_statuses.get(id(call), set())
    bearers = ctx.request_bearers.get(id(call), set())
    others = [
        a
        for a in call.args
        if a.value is not value
        and attach.carries_key(ctx, a.value)
        and not helper_headers.is_params(call, a, carrier)  # it drops its key
    ]
    if decided == {Status.REWRITE} and others:
        problem = (
            f"the call at {where} also hands it the key in another argument, which "
            "would stay beside the token"
        )
    elif decided == {Status.REWRITE} and bearers != {attach.PROVIDER}:
        problem = (
            f"the URL the call at {where} gives it carries a caller's key, which "
            "would be replaced by the configured token"
        )
    elif (
        decided == {Status.REWRITE}
        and carrier.headers
        and (helper_headers.call_problem(ctx, call, carrier))
    ):
        problem = f"the call at {where} " + helper_headers.call_problem(
            ctx, call, carrier
        )
    elif decided == {Status.REWRITE}:
        if carrier.headers:  # the header goes with this call only
            helper_headers.give_header(ctx, call)
        ctx.carrier_uses.append(
            CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
        )
        return
    elif decided:
        problem = (
            f"the URL the call at {where} gives it keeps its key, left for a person "
            "(the request would carry the key and the token)"
        )
    elif attach.carries_key(ctx, value):
        problem = (
            f"the URL the call at {where} gives it holds the key in a way "
            "hapimigrate does not follow to it"
        )
    elif carrier.headers:  # a call without the key stays as it is
        problem = helper_headers.keyless_problem(ctx, value)
        if problem is None:
            return
        problem = f"the call at {where} {problem}"
    else:
        problem = (
            f"the call at {where} gives it a URL without the key: the token would "
            "go with a request that had none (another host, a public endpoint, a "
            "URL known at run time?)"
        )
    refuse(ctx, carrier, where, f"{what}, but {problem}")


def refuse(ctx: ModuleContext, carrier: Carrier, where: str, reason: str) -> None:
    """A use that keeps the helper as it is: recorded for the tree (it blocks
    the helper and every caller's URL); no site here, where no key is."""
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, Status.MANUAL, reason, where)
    )
