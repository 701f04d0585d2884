"""A key added under a condition: the header goes under the same condition.

    def request(self, method, url, **kwargs):
        if _is_hubspot(url):
            kwargs["params"] = dict(kwargs.get("params") or {}, hapikey=self.key)
        return self.session.request(method, url, **kwargs)

The request is also made without the key (Slack, S3), so a header put on the
request would go on every path. Put right after the statement adding the key,
in the same block, it goes with exactly the requests that carried the key:

        if _is_hubspot(url):
            kwargs["params"] = dict(kwargs.get("params") or {})
            kwargs["headers"] = {**(kwargs.get("headers") or {}), "Authorization": ...}

Likewise ``headers["Authorization"] = ...`` beside ``params["hapikey"] = KEY``
for a request sending a local ``headers`` dict, and in the key's branch of a
dual-auth test (``if token: headers["Authorization"] = "Bearer " + token
else: url += "?hapikey=" + KEY``), whose OAuth branch stays as it is.

The header may go there only when it reaches the requests the key reached and
no others, and changes no one else's dict:

- the key is added by a plain statement (no ``x if c else y``, no loop, no
  ``try:``) of the function making every request the key reaches;
- the headers are the request's own: the function's ``**kw`` passed to one
  request (``kwargs.own_kwargs``) that nothing else gives headers to, or a name
  bound once, before the key, to a new dict (``{...}``, ``dict(...)``,
  ``x.copy()``) built from no parameter (a caller's headers may hold its own
  Authorization), and used only to write items into and as the ``headers=``
  of those requests: a module-level ``JSON_HEADERS`` is never written into;
- another way to authenticate in the function (an OAuth mode) lies only on the
  paths without the key: another branch of a test the key is under, that test,
  or a name only those read (``token = os.environ.get("..._OAUTH_TOKEN")``).

A constructor's key (``elif api_key: self._params = {"hapikey": api_key}``)
whose requests, in the class's methods, send ``headers=self._headers`` gets
``self._headers["Authorization"] = ...`` beside it, when that private dict is
bound only there, before the key, written into only there and sent only by
those requests, and the key's own attribute is changed nowhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import libcst as cst

from hapimigrate.analysis import kwargs as own_kwargs
from hapimigrate.analysis import own_name
from hapimigrate.python.context import ModuleContext, walk


@dataclass(frozen=True)
class Placement:
    """Where the header goes: right after ``after`` (the statement adding the
    key), into ``holder``: the wrapper's ``**kw`` (``kwargs``) or a local dict."""

    after: cst.BaseSmallStatement
    holder: cst.Name | cst.Attribute  # ``headers``, ``kw``, or ``self._headers``
    kwargs: bool


# the blocks a key statement may sit in, up to its function
_PLAIN = (
    cst.If,
    cst.Else,
    cst.IndentedBlock,
    cst.SimpleStatementLine,
    cst.SimpleStatementSuite,
)
# inside the statement: a part that may not run, or runs many times
_PARTIAL = (cst.IfExp, cst.Lambda, cst.CompFor)


def placement(ctx: ModuleContext, route, key: cst.CSTNode | None) -> Placement | None:
    """Where the header goes beside the key (see the module), or None."""
    plain = routed_statement(ctx, route, key)
    if plain is None:
        return None
    statement, function = plain
    if function.name.value == "__init__":
        return _instance_placement(ctx, route, function, statement)
    holders = set()
    kinds = set()
    for sink in route.sinks:
        call = sink.call
        if call is None or sink.remote is not None or sink.role == "session":
            return None
        if ctx.ancestor(call, cst.FunctionDef) is not function:
            return None
        if not _after(ctx, call, statement):
            return None
        kw = own_kwargs.own_kwargs(ctx, call)
        given = _headers_arg(call)
        if kw is not None and given is None:
            if not _kwargs_headers_free(ctx, function, kw, statement):
                return None
            holders.add(kw.value)
            kinds.add(True)
        elif isinstance(given, cst.Name):
            holders.add(given.value)
            kinds.add(False)
        else:
            return None
    if len(holders) != 1 or len(kinds) != 1:
        return None
    (name,) = holders
    (is_kwargs,) = kinds
    if not is_kwargs and not _own_dict(ctx, function, name, statement, route):
        return None
    return Placement(statement, cst.Name(name), is_kwargs)


def routed_statement(
    ctx: ModuleContext, route, key: cst.CSTNode | None
) -> tuple[cst.BaseSmallStatement, cst.FunctionDef] | None:
    """:func:`plain_statement` of a key whose route reaches requests: the
    start every placement beside the key (here, :mod:`dual_auth`,
    :mod:`bound_headers`) shares."""
    if key is None or not route.sinks:
        return None
    return plain_statement(ctx, key)


def plain_statement(
    ctx: ModuleContext, key: cst.CSTNode
) -> tuple[cst.BaseSmallStatement, cst.FunctionDef] | None:
    """The plain statement adding the key and its function: an assignment or
    expression statement run once whenever its block runs (no ``x if c else
    y`` around the key, no loop, ``try:`` or ``with:`` up to the function)."""
    statement = ctx.ancestor(key, cst.BaseSmallStatement)
    if not isinstance(statement, (cst.Assign, cst.AugAssign, cst.Expr)):
        return None
    node = ctx.parent(key)
    while node is not None and node is not statement:
        if isinstance(node, _PARTIAL):
            return None
        node = ctx.parent(node)
    function = ctx.ancestor(statement, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    node = ctx.parent(statement)
    while node is not None and node is not function:
        if not isinstance(node, _PLAIN):
            return None  # a loop, a try:, a with: (an exception may skip it)
        node = ctx.parent(node)
    return statement, function


def header_statement(
    placed: Placement, bearer: cst.BaseExpression, merged
) -> cst.Assign:
    """``headers["Authorization"] = bearer``, or for ``**kw``: ``kw["headers"]
    = merged`` (``merged``: the caller's headers with the header added)."""
    if placed.kwargs:
        return cst.Assign([cst.AssignTarget(_item(placed.holder, "headers"))], merged)
    return cst.Assign([cst.AssignTarget(_item(placed.holder, "Authorization"))], bearer)


def _item(holder: cst.BaseExpression, name: str) -> cst.Subscript:
    return cst.Subscript(
        holder.deep_clone(),
        [cst.SubscriptElement(cst.Index(cst.SimpleString(f'"{name}"')))],
    )


def _instance_placement(
    ctx: ModuleContext,
    route,
    init: cst.FunctionDef,
    statement: cst.BaseSmallStatement,
) -> Placement | None:
    """A key a constructor puts on the instance under a test (``elif api_key:
    self._params = {"hapikey": api_key}``) whose requests, in the class's
    methods, send ``headers=self._headers``: the header goes into that dict
    after the key, when it is a private attribute bound only there, before
    the key, to a new dict, written into only there, and sent only by those
    requests; and the key's own attribute is changed nowhere else."""
    owner = ctx.ancestor(init, cst.ClassDef)
    if not isinstance(owner, cst.ClassDef) or ctx.ancestor(init, cst.FunctionDef):
        return None
    target = (
        statement.targets[0].target
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1
        else None
    )
    keyed = _self_attribute(
        target.value if isinstance(target, cst.Subscript) else target
    )
    names = set()
    for sink in route.sinks:
        call = sink.call
        if call is None or sink.remote is not None or sink.role == "session":
            return None
        method = ctx.ancestor(call, cst.FunctionDef)
        if method is None or ctx.ancestor(method, cst.ClassDef) is not owner:
            return None
        names.add(_self_attribute(_headers_arg(call)))
    if keyed is None or len(names) != 1:
        return None
    (name,) = names
    if name is None or not name.startswith("_") or name == keyed:
        return None
    if re.search(r"\b(?:setattr|getattr|vars)\(|__dict__", ctx.text):
        return None  # attributes reached by name
    calls = [s.call for s in route.sinks]
    sent = {id(_headers_arg(c)) for c in calls}
    bound = 0
    for use in _attributes(ctx, name):
        parent = ctx.parent(use)
        if id(use) in sent:
            continue
        if ctx.ancestor(use, cst.FunctionDef) is not init:
            return None
        if isinstance(parent, cst.AssignTarget):
            assign = ctx.parent(parent)
            bound += 1
            if not (
                isinstance(assign, cst.Assign)
                and len(assign.targets) == 1
                and _fresh(assign.value)
                and not _reads_parameters(ctx, init, assign.value)
                and ctx.end(assign) < ctx.start(statement)
                and ctx.inside(statement, ctx.ancestor(assign, cst.IndentedBlock))
            ):
                return None
        elif not (
            isinstance(parent, cst.Subscript)
            and isinstance(ctx.parent(parent), cst.AssignTarget)
        ):
            return None
    if bound != 1:
        return None
    for use in _attributes(ctx, keyed):  # the key stays where it was put
        if ctx.ancestor(use, cst.FunctionDef) is init:
            continue
        if not any(ctx.inside(use, c) for c in calls):
            return None
    holder = cst.Attribute(cst.Name("self"), cst.Name(name))
    return Placement(statement, holder, False)


def _self_attribute(node: cst.CSTNode | None) -> str | None:
    """``x`` of ``self.x``."""
    if (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
    ):
        return node.attr.value
    return None


def _attributes(ctx: ModuleContext, name: str) -> list[cst.Attribute]:
    """Every ``<anything>.name`` of the module, ``self.name`` or not."""
    return list(ctx.index.attributes.get(name, ()))


def _headers_arg(call: cst.Call) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "headers":
            return arg.value
    return None


def _after(ctx: ModuleContext, node: cst.CSTNode, statement: cst.CSTNode) -> bool:
    return ctx.start(node) > ctx.end(statement)


def _kwargs_headers_free(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    kw: cst.Name,
    statement: cst.BaseSmallStatement,
) -> bool:
    """Nothing but the caller gives ``kw`` its headers: no ``kw["headers"]``
    written or deleted, no ``kw.update(...)`` (which may bring some), and the
    key statement does not already name them."""
    if "headers" in ctx.code(statement):
        return False
    scope = ctx.lexical_scope(function.body)
    bindings = list(scope.assignments[kw.value]) if scope is not None else []
    for binding in bindings:
        for reference in ctx.references(binding):
            parent = ctx.parent(reference.node)
            if isinstance(parent, cst.Attribute) and parent.attr.value == "update":
                return False
            if isinstance(parent, cst.Subscript) and "headers" in ctx.code(parent):
                return False
    return True


def _own_dict(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    name: str,
    statement: cst.BaseSmallStatement,
    route,
) -> bool:
    """``name`` is bound once in ``function``, before the key statement and in a
    block around it, to a new dict built from no parameter, and used only to
    write items into and as the ``headers=`` of the route's requests."""
    scope = ctx.lexical_scope(function.body)
    if scope is None:
        return False
    bindings = list(scope.assignments[name])
    if len(bindings) != 1:
        return False
    bound = getattr(bindings[0], "node", None)
    assign = ctx.parent(bound) if bound is not None else None
    assign = ctx.parent(assign) if isinstance(assign, cst.AssignTarget) else None
    if not (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and assign.targets[0].target is bound
        and _fresh(assign.value)
        and not _reads_parameters(ctx, function, assign.value)
        and ctx.end(assign) < ctx.start(statement)
    ):
        return False
    block = ctx.ancestor(assign, cst.IndentedBlock)
    if block is None or not ctx.inside(statement, block):
        return False
    sent = {id(_headers_arg(s.call)) for s in route.sinks if s.call is not None}
    for reference in ctx.references(bindings[0]):
        use = reference.node
        parent = ctx.parent(use)
        if id(use) in sent:
            continue
        if (
            isinstance(parent, cst.Subscript)
            and parent.value is use
            and isinstance(ctx.parent(parent), cst.AssignTarget)
        ):
            continue
        return False
    return True


def _fresh(value: cst.BaseExpression) -> bool:
    """A new dict: a display, ``dict(...)``, ``x.copy()``."""
    if isinstance(value, (cst.Dict, cst.DictComp)):
        return True
    if isinstance(value, cst.Call):
        func = value.func
        if isinstance(func, cst.Name) and func.value == "dict":
            return True
        return (
            isinstance(func, cst.Attribute)
            and func.attr.value == "copy"
            and not value.args
        )
    return False


def _reads_parameters(
    ctx: ModuleContext, function: cst.FunctionDef, value: cst.BaseExpression
) -> bool:
    params = function.params
    names = {
        p.name.value
        for p in (
            *params.posonly_params,
            *params.params,
            *params.kwonly_params,
            *(
                p
                for p in (params.star_arg, params.star_kwarg)
                if isinstance(p, cst.Param)
            ),
        )
    } - {"self", "cls"}
    return any(isinstance(n, cst.Name) and n.value in names for n in walk(value))


# -- another way to authenticate, on the paths without the key ---------------

_SIGN_TEXT = re.compile(
    r"""(?i)^[a-z]*['"]+\s*(?:authorization|bearer\s)|oauth|access_token"""
)
_SIGN_NAME = re.compile(r"(?i)oauth|access_token|^auth$")


def signs(
    ctx: ModuleContext, function: cst.FunctionDef, key: cst.CSTNode | None = None
) -> list[cst.CSTNode]:
    """The signs of another way to authenticate in ``function``: an
    Authorization header or Bearer value, ``auth``, an OAuth mode, an access
    token (docstrings and comments aside; the key's own variable, named
    ``private_app_access_token``, aside: :mod:`own_name`)."""
    found: list[cst.CSTNode] = []
    own = own_name.own_name_nodes(ctx, key)
    for node in walk(function.body):
        if id(node) in own:
            continue
        if isinstance(node, (cst.SimpleString, cst.FormattedString)):
            if isinstance(ctx.parent(node), cst.Expr):
                continue  # a docstring
            if _SIGN_TEXT.search(ctx.code(node)):
                found.append(node)
        elif isinstance(node, cst.Name) and _SIGN_NAME.search(node.value):
            found.append(node)
    return found


def signs_apart(
    ctx: ModuleContext, function: cst.FunctionDef, key: cst.CSTNode
) -> bool:
    """Whether every sign of another way to authenticate in ``function`` lies
    on the paths without the key: in another branch of a test the key is
    under, in that test, or in an assignment to names only those read."""
    regions = _apart_regions(ctx, function, key)
    found = signs(ctx, function, key)
    if not regions:
        return not found
    return all(_apart(ctx, sign, regions) for sign in found)


def _apart_regions(
    ctx: ModuleContext, function: cst.FunctionDef, key: cst.CSTNode
) -> list[cst.CSTNode]:
    """The other branches and the tests of every ``if`` chain the key is in."""
    regions: list[cst.CSTNode] = []
    child: cst.CSTNode = key
    node = ctx.parent(key)
    while node is not None and node is not function:
        if isinstance(node, cst.If) and child is not node.test:
            top = node
            while isinstance(ctx.parent(top), cst.If) and ctx.parent(top).orelse is top:
                top = ctx.parent(top)
            current: cst.CSTNode | None = top
            while isinstance(current, cst.If):
                regions.append(current.test)
                if not ctx.inside(key, current.body):
                    regions.append(current.body)
                current = current.orelse
            if isinstance(current, cst.Else) and not ctx.inside(key, current.body):
                regions.append(current.body)
        child, node = node, ctx.parent(node)
    return regions


def _apart(ctx: ModuleContext, sign: cst.CSTNode, regions: list[cst.CSTNode]) -> bool:
    if any(ctx.inside(sign, region) for region in regions):
        return True
    statement = ctx.ancestor(sign, cst.BaseSmallStatement)
    if not (isinstance(statement, cst.Assign) and len(statement.targets) == 1):
        return False
    target = statement.targets[0].target
    if _self_attribute(target) is not None:  # self._oauth_token = oauth_token
        return all(  # kept, never read
            isinstance(ctx.parent(use), cst.AssignTarget)
            for use in _attributes(ctx, _self_attribute(target))
        )
    if not isinstance(target, cst.Name):
        return False
    scope = ctx.lexical_scope(target)
    bindings = list(scope.assignments[target.value]) if scope is not None else []
    if len(bindings) != 1:
        return False
    uses = ctx.references(bindings[0])
    return bool(uses) and all(
        any(ctx.inside(use.node, region) for region in regions) for use in uses
    )
