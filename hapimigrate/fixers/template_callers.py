"""The checks a caller's credential passes before a reader of another
module's template (:mod:`hapimigrate.fixers.template_carriers`,
:mod:`hapimigrate.fixers.filled_templates`) sends it as the Bearer token:
those of the same URL written in one module (:mod:`hapimigrate.fixers.url_strings`)."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import origins
from hapimigrate.analysis.flow import Route
from hapimigrate.analysis.origins import Origin
from hapimigrate.fixers import attach
from hapimigrate.python.context import ModuleContext


@dataclass(frozen=True)
class CallerKey:
    """A caller's credential filled into another module's template: the
    configured keys this module's callers hand in, why it cannot be sent as
    the token (None: it can), and whether it can be read at each request."""

    passed: tuple[cst.BaseExpression, ...]
    problem: str | None
    in_reach: bool


def caller_key(
    ctx: ModuleContext,
    origin: Origin,
    key: cst.BaseExpression | None,
    route: Route | None,
) -> CallerKey:
    """The checks a caller's key (a parameter of the function reading the
    template) passes before it is sent as the Bearer token, those of the same
    URL written in this module (:mod:`hapimigrate.fixers.url_strings`); for
    the configured key (or no key told), nothing to check."""
    if origin.kind != origins.CALLER or key is None:
        return CallerKey((), None, True)
    passed, problem = attach.callers_keys(ctx, origin)
    in_reach = route is not None and attach.key_in_reach(ctx, key, route)
    return CallerKey(passed, problem, in_reach)
