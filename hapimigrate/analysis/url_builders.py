"""A keyed URL built by a helper from a key its callers hand it, and requested
by those callers: the configured key, every time.

    def get_authed_url(endpoint, api_key):
        return "%s?hapikey=%s" % (BASE + endpoint, api_key)

    requests.post(get_authed_url(CREATE, HUBSPOT_API_KEY), json=body)

The key is the builder's parameter (a caller's credential), but the request is
made by the caller, where the parameter cannot be read: the one decision says
``manual`` ("the request is made elsewhere"). When every call of the builder in
this module gives one and the same configured key, passed or as the
parameter's default (``api_key=settings.KEY``; no caller hands on a credential
of its own or passes None, the builder is called from no other module and not
used as a value: :func:`attach.callers_keys` says so), the key the URL carried
is always that configured key: the URL loses it where it is built, each request
the returned URL reaches (the flow followed it out of the builder) sends the
provider's token, and the callers pass the token instead of the key (and so
does the default). The builder's parameter stays, unused: dropping it would
change the builder's signature for its callers, which hapimigrate does not
rewrite; a person may drop it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import libcst as cst

from hapimigrate.analysis import origins
from hapimigrate.analysis.flow import Route
from hapimigrate.analysis.origins import Origin
from hapimigrate.decide import CALLER_OUT_OF_REACH, SEVERAL_KEYS, Decision
from hapimigrate.model import Status
from hapimigrate.python.context import ModuleContext

CONFIGURED_BUILDER = (
    "the key is {} of {}(), which every call in this module gives the configured "
    "key ({}): the URL loses it, and the requests it reaches send the provider's "
    "token ({}() keeps the parameter, given the token: drop it by hand)"
)


@dataclass(frozen=True)
class ConfiguredBuilder:
    """A builder whose key parameter is always the one configured key (a
    rewrite), or is given two configured keys (manual)."""

    decision: Decision
    passed: tuple[cst.BaseExpression, ...]  # the configured keys its callers pass


_BUILT_FROM = (origins.CALLER, origins.FALLBACK)  # a parameter, perhaps defaulted


def fills_parameter(ctx: ModuleContext, origin: Origin, route: Route | None) -> bool:
    """Whether the key is a parameter of a function that returns the keyed
    URL (a builder): its callers fill it, as they fill a template's field."""
    if origin.kind not in _BUILT_FROM or origin.param is None or route is None:
        return False
    function = ctx.ancestor(origin.param, cst.FunctionDef)
    return function is not None and function in route.returned_by


def configured_builder(
    ctx: ModuleContext,
    decided: Decision,
    origin: Origin,
    route: Route | None,
    passed: Sequence[cst.BaseExpression],
    owners: Sequence[Origin],
) -> ConfiguredBuilder | None:
    """The rewrite of a URL whose key is a builder's parameter and whose
    requests are made by the builder's callers, where every caller passes the
    one configured key (``passed``: :func:`attach.callers_keys`; ``owners``:
    the callers' own credential parameters feeding it, which must be none).
    None where that is not proven, and ``decided`` stands."""
    param = origin.param
    if (
        decided.status != Status.MANUAL
        or decided.reason != CALLER_OUT_OF_REACH.format(origin.parameter)
        or origin.kind not in _BUILT_FROM
        or param is None
        or origin.container
        or origin.default is not None
        or route is None
        or not route.sinks
        or not route.returned_by
        or owners
    ):
        return None
    if not fills_parameter(ctx, origin, route):
        return None  # the key is not the parameter of the helper returning the URL
    function = ctx.ancestor(param, cst.FunctionDef)
    assert function is not None
    configured = _configured_values(ctx, origin, passed)
    if not configured:
        return None
    codes = ", ".join(
        sorted({origins.config_key(ctx, value)[1] for value in configured})
    )
    if len({origins.config_key(ctx, value)[0] for value in configured}) != 1:
        # two configured keys through one builder: two portals perhaps
        manual = Decision(Status.MANUAL, SEVERAL_KEYS.format(codes))
        return ConfiguredBuilder(manual, ())
    name = function.name.value
    reason = CONFIGURED_BUILDER.format(param.name.value, name, codes, name)
    return ConfiguredBuilder(Decision(Status.REWRITE, reason), configured)


def _configured_values(
    ctx: ModuleContext, origin: Origin, passed: Sequence[cst.BaseExpression]
) -> tuple[cst.BaseExpression, ...]:
    """The configured keys the builder's parameter is given, each call's or its
    default's (``api_key=settings.KEY``), when they are all it is ever given;
    () otherwise (a call leaving a default that is not a configured key, or
    passing None or something that is not placed). A fallback in the body
    (``api_key or settings.KEY``) is not taken: the test of the key it makes
    stays a guard for a person."""
    param = origin.param
    assert param is not None
    given = origins.caller_arguments(ctx, param)
    calls = origins._caller_calls(ctx, param)
    if given is None or calls is None:
        return ()
    fallback = origin.fallback if origin.kind == origins.FALLBACK else None
    if fallback is not None and fallback is not param.default:
        return ()  # api_key or settings.KEY
    if fallback is None and len(given) != len(calls):
        return ()  # a call left the parameter's default, not a configured key
    placed = {id(value) for value in passed}
    if any(id(value) not in placed for value in given):
        return ()  # None sent as the key, or something not placed
    return (*passed, *([fallback] if fallback is not None else []))
