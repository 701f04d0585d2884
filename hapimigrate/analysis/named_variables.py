"""A key read from the environment variable a parameter names, by default the
key's own (issue #12: keys handed through constructors and factories):

    @classmethod
    def from_env(cls, variable: str = "HUBSPOT_API_KEY"):
        return cls(os.environ[variable])

Every call leaving ``variable`` at its default reads ``HUBSPOT_API_KEY``: the
configured key, which the provider's token can stand for. A call naming another
variable reads another key (a sandbox portal's), which must not become the
same token. So the read counts as the configured key only when every call of
the function in its module leaves the parameter alone (a use of the function
other than a call, or a call with ``*``/``**``, may give it anything), the
parameter is not rebound in the function, and no other module's call hands it
a value (the tree-wide pass marks those, :func:`hapimigrate.tree_handed.handed_in`,
and the module is run again knowing it). What the default names must not look
like a developer key (its name is the only sign of that here).
"""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate import hubspot, tree_handed
from hapimigrate.python.context import ModuleContext, walk

# os.environ[NAME], environ[NAME], os.environ.get(NAME), os.getenv(NAME)
_READ = re.compile(r"^(?:os\.)?(?:environ\s*\[|environ\.get\(|getenv\()")
# as the tree-wide pass finds such parameters (tree_handed._defaulted)
_VARIABLE = re.compile(r"^[A-Z_][A-Z0-9_]*$")


def defaulted_variable(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """The variable ``node`` reads when it is an environment read keyed by a
    parameter whose default names it and that no caller sets; None otherwise."""
    found = _defaulted(ctx, node)
    if found is None or found[2] is not None:
        return None
    return found[0]


def set_elsewhere(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """For such a read whose parameter a caller may set: what to tell a person
    (``variable of from_env(), the environment variable it reads: sales.py:12
    may name another``); None for any other expression."""
    found = _defaulted(ctx, node)
    if found is None or found[2] is None:
        return None
    variable, param, where = found
    function = ctx.ancestor(param, cst.FunctionDef)
    owner = function.name.value if isinstance(function, cst.FunctionDef) else "?"
    return (
        f"{param.name.value} of {owner}(), the environment variable it reads "
        f"(by default {variable}): {where} may name another"
    )


def _defaulted(
    ctx: ModuleContext, node: cst.CSTNode
) -> tuple[str, cst.Param, str | None] | None:
    """(the default variable, the parameter, where a caller may set it) of an
    environment read keyed by a parameter with such a default."""
    index = _index(ctx, node)
    if index is None:
        return None
    param = _sole_parameter(ctx, index)
    if param is None:
        return None
    default = param.default
    if not isinstance(default, cst.SimpleString) or "b" in default.prefix.lower():
        return None
    variable = default.evaluated_value
    if not isinstance(variable, str) or not _VARIABLE.match(variable):
        return None
    if hubspot.names_developer_key(variable):
        return None
    function = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    if ctx.ancestor(node, cst.FunctionDef, cst.Lambda) is not function:
        # read in a nested function: the tree-wide pass looks at the function
        # whose lines change, which would be the nested one
        return variable, param, f"a function nested in {function.name.value}()"
    return variable, param, set_by_a_caller(ctx, function, param)


def _index(ctx: ModuleContext, node: cst.CSTNode) -> cst.Name | None:
    """The name an environment read is keyed by (``variable`` of
    ``os.environ[variable]``)."""
    if not _READ.match(ctx.code(node)):
        return None
    if isinstance(node, cst.Subscript):
        if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
            return None
        index = node.slice[0].slice.value
    elif isinstance(node, cst.Call):
        if len(node.args) != 1 or node.args[0].keyword or node.args[0].star:
            return None  # a fallback of its own: os.environ.get(v, OTHER)
        index = node.args[0].value
    else:
        return None
    return index if isinstance(index, cst.Name) else None


def _sole_parameter(ctx: ModuleContext, name: cst.Name) -> cst.Param | None:
    """The parameter ``name`` is, when that is its only binding."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1:
        return None
    node = getattr(bindings[0], "node", None)
    return node if isinstance(node, cst.Param) else None


def set_by_a_caller(
    ctx: ModuleContext, function: cst.FunctionDef, param: cst.Param
) -> str | None:
    """Where the module (or, as the tree-wide pass found, another module) may
    give ``param`` a value: ``line N``, ``FILE:N``; None when nothing does."""
    qualified = _qualified(ctx, function)
    elsewhere = tree_handed.marked(
        ctx.shared_elsewhere, tree_handed.VARIABLE, qualified
    )
    if elsewhere is not None:
        return elsewhere
    name = function.name.value
    position = _position(ctx, function, param)
    if position is None:
        return f"a caller of {name}()"
    for node in walk(ctx.module):
        if node is function.name:
            continue
        if isinstance(node, cst.Attribute) and node.attr.value == name:
            named: cst.CSTNode = node  # cls.from_env, HubSpotAPI.from_env
        elif isinstance(node, cst.Name) and node.value == name:
            holder = ctx.parent(node)
            if isinstance(holder, cst.Attribute) and holder.attr is node:
                continue  # seen as the attribute
            named = node
        else:
            continue
        parent = ctx.parent(named)
        if not (isinstance(parent, cst.Call) and parent.func is named):
            return f"line {ctx.start(named)[0]}"  # handed on as a value
        if _gives(parent, param.name.value, position):
            return f"line {ctx.start(parent)[0]}"
    return None


def _gives(call: cst.Call, parameter: str, position: int) -> bool:
    """Whether ``call`` may give the parameter a value."""
    positional = 0
    for arg in call.args:
        if arg.star:
            return True
        if arg.keyword is not None:
            if arg.keyword.value == parameter:
                return True
            continue
        if positional == position:
            return True
        positional += 1
    return False


def _position(
    ctx: ModuleContext, function: cst.FunctionDef, param: cst.Param
) -> int | None:
    """The parameter's place among the arguments a call passes (``self`` and
    ``cls`` of a method are not passed); a large number for keyword-only."""
    params = function.params
    positional = [*params.posonly_params, *params.params]
    method = isinstance(ctx.parent(ctx.parent(function)), cst.ClassDef)
    static = any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in function.decorators
    )
    if method and not static and positional:
        positional = positional[1:]
    for at, each in enumerate(positional):
        if each is param:
            return at
    if any(each is param for each in params.kwonly_params):
        return 1 << 30
    return None


def _qualified(ctx: ModuleContext, function: cst.FunctionDef) -> str:
    owner = ctx.parent(ctx.parent(function))
    if isinstance(owner, cst.ClassDef):
        return f"{owner.name.value}.{function.name.value}"
    return function.name.value
