"""Where the URL a helper's caller hands in comes from, when the module cannot
tell its host: said precisely in the helper's manual reason.

    from config import list_url            # a module the tree does not hold
    def get_contacts(url): requests.get(url + "?" + urlencode({"hapikey": KEY}))
    get_contacts(list_url)

The helper adds the key to every URL it is given; the token may replace it only
where each caller's URL is one of HubSpot's API hosts. When a caller hands in a
name imported from another module (``list_url``; ``settings.X`` of Django, also
through ``ENDPOINT = settings.X``), the parameter of a function no call of the
tree gives one (the URL comes from another program), or an environment variable
read with no default, the reason names it and says what a person checks. Only
the first, an imported name, can be settled by the tree itself: a module of the
tree holding its literal (:mod:`hapimigrate.tree_handed_urls` runs the module
again knowing it).
"""

from __future__ import annotations

from typing import Mapping

import libcst as cst

from hapimigrate.analysis import values
from hapimigrate.analysis.flow import Flow
from hapimigrate.python.context import ModuleContext

# the generic reason (fixers.attach.OTHER_HOSTS), whose host another module may hold
_OTHER_HOSTS = "also sends other callers' URLs"
FROM_ANOTHER_MODULE = (
    "{}() is given {} at line {}, {}: the host its URL names is not known here "
    "(the token would reach it); if it is a HubSpot API URL, send the token "
    "there by hand, or migrate with that module in the tree"
)
_FROM_ANOTHER_MODULE = FROM_ANOTHER_MODULE[FROM_ANOTHER_MODULE.index(", {}:") + 5 :]
FROM_OUTSIDE = (
    "{}() is given {}()'s parameter {} at line {}, and no call of {}() in the "
    "tree gives it: its callers (another program?) choose the host the token "
    "would reach; if they send HubSpot API URLs only, send the token there by hand"
)
FROM_ENVIRONMENT = (
    "{}() is given {} at line {}, the environment variable {} with no default: "
    "the host the token would reach is chosen at run time; if it is always a "
    "HubSpot API URL, send the token there by hand"
)


def waits_on_callers(reason: str) -> bool:
    """A manual reason another module of the tree may settle: a caller's URL
    whose host it holds (the generic reason, or one naming an imported name)."""
    return _OTHER_HOSTS in reason or _FROM_ANOTHER_MODULE in reason


def caller_url_problem(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    call: cst.Call,
    fields: set[str],
    bound: Mapping[str, cst.BaseExpression],
) -> str | None:
    """Why ``call``'s URL (given to ``function``'s parameters ``fields``, the
    host part of its request's URL) has a host known only at run time, named:
    None where no single source is found (the generic reason stands)."""
    line = ctx.start(call)[0]
    name = function.name.value
    for field in sorted(fields):
        given = bound.get(field)
        if given is None:
            continue
        origin = _imported_origin(ctx, given)
        if origin is not None:
            return FROM_ANOTHER_MODULE.format(name, ctx.code(given), line, origin)
        variable = _environment_variable(ctx, given)
        if variable is not None:
            return FROM_ENVIRONMENT.format(name, ctx.code(given), line, variable)
        outer = _unfed_parameter(ctx, given)
        if outer is not None:
            return FROM_OUTSIDE.format(name, outer, ctx.code(given), line, outer)
    return None


def _imported_origin(ctx: ModuleContext, node: cst.BaseExpression) -> str | None:
    """``imported from config`` for a name (or ``module.NAME``) an import binds,
    through at most one plain assignment (``ENDPOINT = settings.ENDPOINT``);
    ``Django's setting settings.X`` for ``from django.conf import settings``."""
    for _ in range(2):
        root = node
        while isinstance(root, cst.Attribute):
            root = root.value
        if not isinstance(root, cst.Name):
            return None
        binding = values.import_binding(ctx, root)
        if binding is not None:
            module, imported, level = binding
            if (module, imported) == ("django.conf", "settings"):
                return (
                    f"Django's setting {ctx.code(node)} (no settings module in the "
                    "tree writes it out)"
                )
            source = "." * level + (module or imported)
            return f"imported from {source} (not in the tree, or not written out there)"
        if not isinstance(node, cst.Name):
            return None
        value = ctx.assigned_once(node)
        if not isinstance(value, (cst.Name, cst.Attribute)):
            return None
        node = value
    return None


_ENVIRON_GETS = {"os.getenv", "os.environ.get"}


def _environment_variable(ctx: ModuleContext, node: cst.BaseExpression) -> str | None:
    """``os.environ["X"]``, ``os.getenv("X")`` (no default), directly or through
    one plain assignment: the variable's name."""
    if isinstance(node, cst.Name):
        node = ctx.assigned_once(node) or node
    if isinstance(node, cst.Subscript) and ctx.qualified_names(node.value) & {
        "os.environ"
    }:
        elements = node.slice
        if len(elements) == 1 and isinstance(elements[0].slice, cst.Index):
            key = elements[0].slice.value
            if isinstance(key, cst.SimpleString):
                return str(key.evaluated_value)
    if (
        isinstance(node, cst.Call)
        and ctx.qualified_names(node.func) & _ENVIRON_GETS
        and len(node.args) == 1
        and node.args[0].keyword is None
        and isinstance(node.args[0].value, cst.SimpleString)
    ):
        return str(node.args[0].value.evaluated_value)
    return None


def _unfed_parameter(ctx: ModuleContext, node: cst.BaseExpression) -> str | None:
    """The function whose parameter ``node`` is, where no call in the module
    gives it (its callers are elsewhere, or nowhere)."""
    if not isinstance(node, cst.Name):
        return None
    scope = ctx.lexical_scope(node)
    bindings = list(scope[node.value]) if scope is not None else []
    if len(bindings) != 1 or not isinstance(
        getattr(bindings[0], "node", None), cst.Param
    ):
        return None
    outer = ctx.ancestor(bindings[0].node, cst.FunctionDef)
    if not isinstance(outer, cst.FunctionDef) or not isinstance(
        ctx.parent(outer), cst.Module
    ):
        return None
    if Flow(ctx).callers(outer):
        return None
    return outer.name.value
