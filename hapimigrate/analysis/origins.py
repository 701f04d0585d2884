"""Where a key's value comes from: the app's configuration, or the caller.

    API_KEY = os.environ["HUBSPOT_API_KEY"]      config: the token provider replaces it
    def contacts(portal_key): ...portal_key...   caller: whoever calls passes the key
    self.api_key = api_key  (in __init__)        caller: whoever builds the client
    def get(key=API_KEY): ...key...              mixed: the caller's, or the config's
    self.key = key or settings.HUBSPOT_API_KEY   fallback: the caller's, else the
                                                 config's (which can become the token)

Only a key of the configuration may become the provider's token: a caller's
credential (multi-tenant code, web handlers) must stay the caller's. The walk is
small and conservative: what it cannot place is ``unknown``.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.metadata import ClassScope, FunctionScope, GlobalScope

from hapimigrate.python.context import ModuleContext

CONFIG, CALLER, FALLBACK = "config", "caller", "fallback"
MIXED, UNKNOWN = "mixed", "unknown"
_DEPTH = 8


@dataclass(frozen=True)
class Origin:
    kind: str  # CONFIG, CALLER, FALLBACK, MIXED or UNKNOWN
    parameter: str = ""  # for CALLER and MIXED: "portal_key of contacts()"
    fallback: cst.BaseExpression | None = None  # FALLBACK: the configured default


def key_origin(ctx: ModuleContext, node: cst.CSTNode) -> Origin:
    return _origin(ctx, node, 0, set())


def combine(origins: list[Origin]) -> Origin:
    """The origin of a value built from values of these origins."""
    kinds = {o.kind for o in origins}
    named = next((o.parameter for o in origins if o.parameter), "")
    fallbacks = {id(o.fallback) for o in origins if o.kind == FALLBACK}
    if kinds == {FALLBACK} and len(fallbacks) == 1:
        return origins[0]
    if not kinds or UNKNOWN in kinds:
        return Origin(UNKNOWN, named)
    if kinds == {CONFIG}:
        return Origin(CONFIG)
    if kinds == {CALLER}:
        return Origin(CALLER, named)
    return Origin(MIXED, named)


def _origin(
    ctx: ModuleContext, node: cst.CSTNode, depth: int, seen: set[int]
) -> Origin:
    if depth > _DEPTH or id(node) in seen:
        return Origin(UNKNOWN)
    seen = seen | {id(node)}
    again = lambda child: _origin(ctx, child, depth + 1, seen)  # noqa: E731
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)):
        return Origin(CONFIG)  # written in the code
    if isinstance(node, cst.FormattedString):
        parts = [
            p.expression
            for p in node.parts
            if isinstance(p, cst.FormattedStringExpression)
        ]
        return combine([again(p) for p in parts]) if parts else Origin(CONFIG)
    if isinstance(node, cst.Name):
        return _name_origin(ctx, node, again)
    if isinstance(node, cst.Attribute):
        return _attribute_origin(ctx, node, again)
    if isinstance(node, cst.Subscript):
        return again(node.value)  # portal["api_key"], os.environ["X"]
    if isinstance(node, cst.Call):
        func = node.func
        if isinstance(func, cst.Attribute):  # config.get("key"), os.getenv("X")
            return combine([again(func.value), *(again(a.value) for a in node.args)])
        if isinstance(func, cst.Name):
            return combine([again(func), *(again(a.value) for a in node.args)])
        return Origin(UNKNOWN)
    if isinstance(node, cst.BooleanOperation):
        left, right = again(node.left), again(node.right)
        if isinstance(node.operator, cst.Or) and (left.kind, right.kind) == (
            CALLER,
            CONFIG,
        ):
            return Origin(FALLBACK, left.parameter, node.right)
        return combine([left, right])
    if isinstance(node, cst.IfExp):
        return combine([again(node.body), again(node.orelse)])
    if isinstance(node, cst.BinaryOperation):
        return combine([again(node.left), again(node.right)])
    return Origin(UNKNOWN)


def _name_origin(ctx: ModuleContext, name: cst.Name, again) -> Origin:
    if name.value in ("None", "True", "False"):
        return Origin(CONFIG)
    scope = ctx.lexical_scope(name)
    if scope is None:
        return Origin(UNKNOWN)
    bindings = list(scope[name.value])
    if not bindings:
        return Origin(CONFIG)  # a free name: a global (star import) or a builtin
    found = []
    for binding in bindings:
        node = getattr(binding, "node", None)
        if isinstance(binding.scope, GlobalScope):
            found.append(Origin(CONFIG))  # module level: a constant, an import
        elif isinstance(node, cst.Param):
            found.append(_parameter_origin(ctx, node, again))
        elif isinstance(node, (cst.Import, cst.ImportFrom)):
            found.append(Origin(CONFIG))
        elif isinstance(binding.scope, (FunctionScope, ClassScope)):
            value = _assigned_value(ctx, node)
            found.append(again(value) if value is not None else Origin(UNKNOWN))
        else:
            found.append(Origin(UNKNOWN))
    return combine(found)


def _parameter_origin(ctx: ModuleContext, param: cst.Param, again) -> Origin:
    function = ctx.ancestor(param, cst.FunctionDef, cst.Lambda)
    where = (
        f"{param.name.value} of {function.name.value}()"
        if isinstance(function, cst.FunctionDef)
        else param.name.value
    )
    if param.default is None or (
        isinstance(param.default, cst.Name) and param.default.value == "None"
    ):
        return Origin(CALLER, where)
    default = again(param.default)
    return Origin(MIXED, where) if default.kind != UNKNOWN else Origin(UNKNOWN, where)


def _assigned_value(
    ctx: ModuleContext, target: cst.CSTNode | None
) -> cst.BaseExpression | None:
    holder = ctx.parent(target) if target is not None else None
    if isinstance(holder, cst.AssignTarget):
        statement = ctx.parent(holder)
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            return statement.value
    if isinstance(holder, (cst.AnnAssign, cst.AugAssign)) and holder.value is not None:
        return holder.value
    return None


def _attribute_origin(ctx: ModuleContext, node: cst.Attribute, again) -> Origin:
    base = node.value
    if not (isinstance(base, cst.Name) and base.value in ("self", "cls")):
        # settings.KEY, config.hubspot.key, self.config.key: where the object is from
        return again(base)
    owner = ctx.ancestor(node, cst.ClassDef)
    if owner is None:
        return Origin(UNKNOWN)
    values = []
    for statement in owner.body.body:  # class attributes: API_KEY = ...
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, (cst.Assign, cst.AnnAssign))
                    and _targets(small, node.attr.value)
                    and small.value is not None
                ):
                    values.append(small.value)
    for other in ctx.index.attributes.get(node.attr.value, ()):
        holder = ctx.parent(other)
        if (
            isinstance(other.value, cst.Name)
            and other.value.value in ("self", "cls")
            and ctx.ancestor(other, cst.ClassDef) is owner
        ):
            value = _assigned_value(ctx, other)
            if value is not None:
                values.append(value)
            elif isinstance(holder, cst.AssignTarget):
                return Origin(UNKNOWN)  # a, self.x = ...
    if not values:
        return Origin(UNKNOWN)  # set by a subclass, a mixin, or from outside
    return combine([again(v) for v in values])


def _targets(statement: cst.Assign | cst.AnnAssign, name: str) -> bool:
    targets = (
        [t.target for t in statement.targets]
        if isinstance(statement, cst.Assign)
        else [statement.target]
    )
    return any(isinstance(t, cst.Name) and t.value == name for t in targets)
