"""Which parameter of a function each argument of a call binds to: the one place
that knows about ``self``/``cls``, keywords, defaults and ``*``/``**``."""

from __future__ import annotations

import libcst as cst


def parameter_names(function: cst.FunctionDef) -> list[str]:
    params = function.params
    return [
        p.name.value
        for p in (*params.posonly_params, *params.params, *params.kwonly_params)
    ]


def _positional(
    function: cst.FunctionDef, call: cst.Call, bound: bool = False
) -> list[cst.Param]:
    """The parameters positional arguments fill (a method's ``self`` skipped
    when it is called as ``obj.method(...)``, or ``bound``: ``Class(...)`` for
    ``__init__``)."""
    params = function.params
    positional = [*params.posonly_params, *params.params]
    if (
        (bound or isinstance(call.func, cst.Attribute))
        and positional
        and positional[0].name.value in ("self", "cls")
    ):
        positional = positional[1:]
    return positional


def bind(
    function: cst.FunctionDef, call: cst.Call, bound: bool = False
) -> dict[str, cst.BaseExpression]:
    """Parameter name -> the argument (or default) a call gives it; ``bound``:
    the call fills a method's parameters after ``self`` (``Class(...)``)."""
    positional = _positional(function, call, bound)
    bound: dict[str, cst.BaseExpression] = {}
    for param in (*positional, *function.params.kwonly_params):
        if param.default is not None:
            bound[param.name.value] = param.default
    args = [a for a in call.args if not a.star]
    for param, arg in zip(positional, [a for a in args if a.keyword is None]):
        bound[param.name.value] = arg.value
    for arg in args:
        if arg.keyword is not None:
            bound[arg.keyword.value] = arg.value
    return bound


def parameter_of(function: cst.FunctionDef, call: cst.Call, arg: cst.Arg) -> str | None:
    """The parameter ``arg`` binds to; None when it is unpacked (``*``/``**``)
    or falls into ``*args``."""
    if arg.keyword is not None:
        return arg.keyword.value
    if arg.star:
        return None
    positional = _positional(function, call)
    index = [a for a in call.args if a.keyword is None].index(arg)
    return positional[index].name.value if index < len(positional) else None
