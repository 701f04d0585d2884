"""Requests whose path the URL reader cannot show, in a module that speaks to
developer-key APIs.

Webhooks, timeline event templates and the other app-level APIs
(:mod:`hapimigrate.hubspot.families`) take the developer key only: a token sent
there is refused. A URL built with a path join (``posixpath.join(BASE,
WEBHOOKS, APP_ID, "settings")``, ``os.path.join(...)``, ``"/".join(parts)``
with ``parts`` a list written in the module) renders to no path
(:func:`hapimigrate.analysis.values.url_template` leaves it a field), so the
key there looked like a portal key. Here such a URL is rendered once more,
through those joins and the names feeding them; the request stays for a person
when that rendering names a developer-key API. (A helper whose path its callers
give, other modules among them, is :mod:`hapimigrate.tree_developer`'s: a module
merely holding a webhooks path does not make its other requests manual.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import call_endpoints, values

if TYPE_CHECKING:
    from hapimigrate.analysis.flow import Route
    from hapimigrate.python.context import ModuleContext

NAMES_DEVELOPER_API = (
    "the URL's path cannot be read here, and what it is built from names a "
    "developer-key API ({}), which takes the developer key only (a token is "
    "refused there): keep the key for it, or migrate the request by hand"
)

_PATH_JOINS = {"posixpath.join", "os.path.join"}
_URLJOINS = {"urllib.parse.urljoin", "urlparse.urljoin", "requests.compat.urljoin"}
_DEPTH = 6


def route_problem(ctx: ModuleContext, route: Route) -> str | None:
    """Why the route's requests must not get the token, if a URL whose path
    cannot be read may go to a developer-key API."""
    endpoints = call_endpoints.site_endpoints(ctx, route)
    if endpoints and all(e.path for e in endpoints):
        return None  # known through the callers (hs_get(ROUTES["owners"])): decided
    for sink in route.sinks:
        node = call_endpoints.sink_url_node(sink)
        if node is None:
            continue
        problem = url_problem(ctx, node)
        if problem:
            return problem
    return None


def url_problem(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """The same for one URL expression."""
    if hubspot.endpoint_path(values.url_template(ctx, node)) is not None:
        return None  # readable: the endpoint's own kind decides
    found = hubspot.developer_api_named(_render(ctx, node, 0))
    if found:
        return NAMES_DEVELOPER_API.format(found)
    return None


def _render(ctx: ModuleContext, node: cst.CSTNode, depth: int) -> str:
    """The text ``node`` makes, through path joins and the names that feed
    them; ``{}`` where it is not written in the module."""
    if depth > _DEPTH:
        return "{}"
    again = lambda child: _render(ctx, child, depth + 1)  # noqa: E731
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    if isinstance(node, cst.ConcatenatedString):
        return again(node.left) + again(node.right)
    if isinstance(node, cst.FormattedString):
        return "".join(
            p.value if isinstance(p, cst.FormattedStringText) else again(p.expression)
            for p in node.parts
        )
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return again(node.left) + again(node.right)
    if isinstance(node, cst.Call):
        if ctx.qualified_names(node.func) & _URLJOINS and len(node.args) == 2:
            base, url = (again(a.value) for a in node.args)  # roughly: scanned below
            return url if "://" in url else base.rstrip("/") + "/" + url.lstrip("/")
        joined = _join_items(ctx, node)
        if joined is not None:
            separator, items = joined
            if separator is None:  # a path join: one slash between the parts
                return "/".join(again(i).strip("/") or "{}" for i in items)
            return separator.join(again(i) for i in items)
        if isinstance(node.func, cst.Attribute) and node.func.attr.value in (
            "lower",
            "strip",
            "rstrip",
            "lstrip",
        ):
            return again(node.func.value)
    if isinstance(node, cst.Name):
        value = _single_value(ctx, node)
        if value is not None:
            return again(value)
        return "{}"
    text = values.url_template(ctx, node)
    return text


def _single_value(ctx: ModuleContext, name: cst.Name) -> cst.BaseExpression | None:
    """The value of the one plain assignment of ``name`` it can see."""
    scope = ctx.lexical_scope(name)
    if scope is None or name.value not in scope:
        return None
    bindings = list(scope[name.value])
    if len(bindings) != 1:
        return None
    target = getattr(bindings[0], "node", None)
    if not isinstance(target, cst.Name):
        return None
    return values.assigned_value(ctx, target)


def _join_items(
    ctx: ModuleContext, node: cst.CSTNode
) -> tuple[str | None, list[cst.BaseExpression]] | None:
    """``posixpath.join(a, b)`` / ``os.path.join(a, b)``: (None, [a, b]);
    ``"/".join(x)`` with ``x`` a list or tuple written out, or a name given
    one: ("/", its items)."""
    if not isinstance(node, cst.Call) or any(a.star for a in node.args):
        return None
    if ctx.qualified_names(node.func) & _PATH_JOINS:
        return None, [a.value for a in node.args if a.keyword is None]
    func = node.func
    if not (
        isinstance(func, cst.Attribute)
        and func.attr.value == "join"
        and isinstance(func.value, cst.SimpleString)
        and len(node.args) == 1
        and node.args[0].keyword is None
    ):
        return None
    separator = func.value.evaluated_value
    if not isinstance(separator, str):
        return None
    items = node.args[0].value
    if isinstance(items, cst.Name):
        items = _single_value(ctx, items)
    if not isinstance(items, (cst.List, cst.Tuple)):
        return None
    if not all(isinstance(e, cst.Element) for e in items.elements):
        return None
    return separator, [e.value for e in items.elements]
