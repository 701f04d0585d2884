"""A wrapper's own ``**kwargs``: the commonest shape of a hand-written client.

    def call(self, method, path, **kw):
        kw.setdefault("params", {})["hapikey"] = self.key
        return self.session.request(method, self.base + path, **kw)

``kw`` is a dict made fresh for each call of the wrapper, so the request's headers
can be merged into it just before the request (``kw["headers"] = {**(kw.get(
"headers") or {}), "Authorization": ...}``) without touching anyone else's dict,
and ``kw["params"]`` is the request's params. That holds only while ``kw`` stays
inside the wrapper: every use must be an item read or write, a neutral method, or
``**kw`` in an HTTP request; anything else (returned, passed on, rebound) and the
dict is not ours to change.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.analysis import http_calls
from hapimigrate.python.context import ModuleContext

# methods that read or update the dict in place and let nothing escape
_NEUTRAL = {"get", "pop", "setdefault", "update", "items", "keys", "values"}


def own_kwargs(ctx: ModuleContext, call: cst.Call) -> cst.Name | None:
    """The name of the enclosing function's ``**`` parameter that ``call`` passes
    on with ``**``, when it is safe to merge a header into it (see the module)."""
    starred = [a for a in call.args if a.star == "**"]
    if len(starred) != 1 or not isinstance(starred[0].value, cst.Name):
        return None
    name = starred[0].value.value
    function = ctx.ancestor(call, cst.FunctionDef, cst.Lambda)
    if not isinstance(function, cst.FunctionDef):
        return None
    star = function.params.star_kwarg
    if not isinstance(star, cst.Param) or star.name.value != name:
        return None
    statement = ctx.ancestor(call, cst.BaseSmallStatement)
    if statement is None or ctx.ancestor(statement, cst.FunctionDef) is not function:
        return None
    if ctx.ancestor(call, cst.Lambda, cst.CompFor) is not None:
        return None
    scope = ctx.lexical_scope(function.body)
    if scope is None:
        return None
    bindings = list(scope.assignments[name])
    if len(bindings) != 1 or getattr(bindings[0], "node", None) is not star:
        return None  # rebound: kw = dict(defaults, **kw)
    passes = 0
    for reference in ctx.references(bindings[0]):
        if not _stays_inside(ctx, reference.node):
            return None
        passes += isinstance(ctx.parent(reference.node), cst.Arg)
    # one request: a header merged for it would reach any later one too
    return starred[0].value if passes == 1 else None


def _stays_inside(ctx: ModuleContext, use: cst.CSTNode) -> bool:
    """Whether this use of ``kw`` keeps the dict (and a header merged into it)
    inside the wrapper."""
    parent = ctx.parent(use)
    if isinstance(parent, cst.Subscript) and parent.value is use:
        return _item_use(ctx, parent)
    if isinstance(parent, cst.Attribute) and parent.value is use:
        call = ctx.parent(parent)
        if not (
            isinstance(call, cst.Call)
            and call.func is parent
            and parent.attr.value in _NEUTRAL
        ):
            return False
        if parent.attr.value in ("update", "setdefault") and not call.args:
            return False
        first = call.args[0].value if call.args else None
        if _literal(first) == "headers":
            return False  # the caller's headers read out: they may go elsewhere
        if parent.attr.value in ("items", "keys", "values"):
            return False  # the whole dict read: it may go anywhere
        return True
    if isinstance(parent, cst.Arg) and parent.star == "**":
        call = ctx.parent(parent)
        return isinstance(call, cst.Call) and http_calls.classify(ctx, call) is not None
    if isinstance(parent, cst.ComparisonTarget):
        return isinstance(parent.operator, (cst.In, cst.NotIn))
    return False


def _item_use(ctx: ModuleContext, item: cst.Subscript) -> bool:
    """``kw["x"] = ...``, ``kw["params"]["hapikey"] = ...``, ``del kw["x"]`` or a
    read of an item other than the headers."""
    index = item.slice[0].slice if len(item.slice) == 1 else None
    key = _literal(index.value) if isinstance(index, cst.Index) else None
    if key is None:
        return False
    holder = ctx.parent(item)
    if isinstance(holder, (cst.AssignTarget, cst.Del)):
        return True
    return key != "headers"


def _literal(node: cst.CSTNode | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def params_of(ctx: ModuleContext, target: cst.BaseExpression) -> cst.Name | None:
    """``kw`` when ``target`` is the params a wrapper's own ``**kw`` carries to
    its request: ``kw["params"]`` or ``kw.setdefault("params", {})``."""
    holder: cst.BaseExpression | None = None
    if isinstance(target, cst.Subscript) and len(target.slice) == 1:
        index = target.slice[0].slice
        if isinstance(index, cst.Index) and _is_params(index.value):
            holder = target.value
    elif (
        isinstance(target, cst.Call)
        and isinstance(target.func, cst.Attribute)
        and target.func.attr.value == "setdefault"
        and len(target.args) == 2
        and _is_params(target.args[0].value)
        and isinstance(target.args[1].value, cst.Dict)
        and not target.args[1].value.elements
    ):
        holder = target.func.value
    return holder if isinstance(holder, cst.Name) else None


def _is_params(node: cst.BaseExpression) -> bool:
    return isinstance(node, cst.SimpleString) and node.evaluated_value == "params"


def requests_passing(ctx: ModuleContext, kw: cst.Name) -> list[cst.Call] | None:
    """The HTTP requests ``**kw`` reaches, when ``kw`` is the enclosing function's
    own ``**`` parameter and stays inside it; None otherwise."""
    function = ctx.ancestor(kw, cst.FunctionDef)
    if function is None:
        return None
    star = function.params.star_kwarg
    if not isinstance(star, cst.Param) or star.name.value != kw.value:
        return None
    scope = ctx.lexical_scope(function.body)
    bindings = list(scope.assignments[kw.value]) if scope is not None else []
    if len(bindings) != 1 or getattr(bindings[0], "node", None) is not star:
        return None
    calls = []
    for reference in ctx.references(bindings[0]):
        if not _stays_inside(ctx, reference.node):
            return None
        parent = ctx.parent(reference.node)
        if isinstance(parent, cst.Arg):
            call = ctx.parent(parent)
            if own_kwargs(ctx, call) is None:  # type: ignore[arg-type]
                return None
            calls.append(call)
    return calls
