"""A request that already sends the key's own variable as a Bearer token: the
``hapikey`` parameter goes, and nothing else changes.

    HUBSPOT_TOKEN = os.getenv("HUBSPOT_TOKEN")

    def contact_id(email):
        url = f"https://api.hubapi.com/crm/v3/objects/contacts?hapikey={HUBSPOT_TOKEN}"
        headers = {"Authorization": f"Bearer {HUBSPOT_TOKEN}", "Content-Type": ...}
        requests.get(url + "&filters=...", headers=headers)

Every request the URL reaches sends ``Authorization: Bearer <the same
variable>``: the code was half moved to tokens. Deleting the URL parameter is
the whole change; no header is added and the variable stays what it is (its
value must be a token, which the report says). :func:`bearer_variable` proves,
for every request:

- it is a request call of this module (no remote helper, no session) with no
  ``auth=``, whose ``headers=`` is a dict written at the call or a local name
  bound once in the request's function, before it, to a dict display, read
  nowhere but as the ``headers=`` of these requests (no item written, no
  alias, no call handing it on);
- the dict has no ``**`` spread and one ``Authorization`` entry (any case),
  ``f"Bearer {X}"``, ``"Bearer " + X``, ``"Bearer %s" % X`` or
  ``"Bearer {}".format(X)``;
- ``X`` is the very variable the URL's key is: the same name, bound once in
  the same scope (a module's ``HUBSPOT_TOKEN``, a function's local), read by
  the URL and the header in the function making the requests, so the two
  read one value on every run (a URL built at import time, with a variable
  another module may set later, could hold an older value).

Another variable's Bearer (``Bearer {OAUTH_TOKEN}`` beside ``hapikey={KEY}``)
is an OAuth mode, or two credentials: not this shape, the site stays manual.
"""

from __future__ import annotations

import re
from typing import Sequence

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate.analysis import origins
from hapimigrate.analysis.flow import Route
from hapimigrate.python.context import ModuleContext
from hapimigrate.tree_imports import package_mentions

REASON = (
    "the request already sends {0} as a Bearer token: only the hapikey "
    "parameter goes; {0} must hold a token (a private app's or a service "
    "key's), not a portal API key"
)


def bearer_variable(
    ctx: ModuleContext, route: Route | None, keys: Sequence[cst.CSTNode]
) -> str | None:
    """The key's variable's name when every request of ``route`` already sends
    it as ``Authorization: Bearer`` (see the module); None otherwise."""
    if route is None or not route.sinks or len(keys) != 1:
        return None
    (key,) = keys
    variable = _variable(ctx, key)
    if variable is None:
        return None
    function = ctx.ancestor(key, cst.FunctionDef)
    calls = []
    for sink in route.sinks:
        if sink.call is None or sink.remote is not None or sink.session is not None:
            return None
        if sink.role not in ("url", "params"):
            return None
        if function is None or ctx.ancestor(sink.call, cst.FunctionDef) is not function:
            return None  # a URL built elsewhere may hold an older value
        calls.append(sink.call)
    if any(_sent_display(ctx, call, variable, calls) is None for call in calls):
        return None
    if not _configured(ctx, key, variable):
        return None
    if isinstance(variable.scope, GlobalScope) and package_mentions(
        ctx.path, rb"\b" + re.escape(variable.name.encode()) + rb"\b"
    ):  # another module may set it per tenant or check its format (review 25 R1)
        return None
    for reference in ctx.references(variable):
        # a start-up check of its format, a log line, another request: the
        # variable would have to be a key there and a token here
        read = reference.node
        display = ctx.ancestor(read, cst.Dict)
        if read is not key and not (
            isinstance(display, cst.Dict) and _bearer_entry(ctx, display, variable)
        ):
            return None  # (another request's Bearer of it is the same token)
    return ctx.code(key)


def _configured(ctx: ModuleContext, key: cst.CSTNode, variable) -> bool:
    """Whether the variable holds the configured key (an environment read, a
    setting), not a literal API key (``Bearer <api key>`` cannot work) nor a
    row's, a request's or a caller's value (each tenant's)."""
    statement = ctx.parent(ctx.parent(variable.node))
    value = getattr(statement, "value", None)
    if value is None or isinstance(
        value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
    ):
        return False
    return origins.key_origin(ctx, key).kind == origins.CONFIG


def _variable(ctx: ModuleContext, node: cst.CSTNode) -> object | None:
    """The one binding a name reads (a plain assignment, once in its scope)."""
    if not isinstance(node, cst.Name):
        return None
    scope = ctx.lexical_scope(node)
    if scope is None:
        return None
    bindings = list(scope[node.value])
    if len(bindings) != 1:
        return None
    (binding,) = bindings
    target = getattr(binding, "node", None)
    if not (
        isinstance(target, cst.Name)
        and isinstance(ctx.parent(target), cst.AssignTarget)
    ):
        return None
    statement = ctx.parent(ctx.parent(target))
    if not (isinstance(statement, cst.Assign) and len(statement.targets) == 1):
        return None
    if len(list(binding.scope.assignments[node.value])) != 1:
        return None  # bound again in its scope (a global statement elsewhere?)
    return binding


def _sent_display(
    ctx: ModuleContext, call: cst.Call, variable: object, calls: list[cst.Call]
) -> cst.Dict | None:
    """The headers dict ``call`` sends, when it holds the variable's Bearer."""
    headers = None
    for arg in call.args:
        if arg.star:
            return None  # **kwargs: headers or auth may be in it
        keyword = arg.keyword.value if arg.keyword is not None else None
        if keyword == "auth":
            return None
        if keyword == "headers":
            headers = arg.value
    if headers is None:
        return None
    display = _dict_of(ctx, headers, call, calls)
    if display is None or not _bearer_entry(ctx, display, variable):
        return None
    return display


def _dict_of(
    ctx: ModuleContext, value: cst.BaseExpression, call: cst.Call, calls: list
) -> cst.Dict | None:
    if isinstance(value, cst.Dict):
        return value
    if not isinstance(value, cst.Name):
        return None
    function = ctx.ancestor(call, cst.FunctionDef)
    scope = ctx.lexical_scope(value)
    if function is None or scope is None:
        return None
    assignments = list(scope.assignments[value.value])
    if len(assignments) != 1 or assignments[0].scope is not scope:
        return None
    (binding,) = assignments
    target = getattr(binding, "node", None)
    holder = ctx.parent(target) if target is not None else None
    statement = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    if not (
        isinstance(statement, cst.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.value, cst.Dict)
        and ctx.ancestor(statement, cst.FunctionDef) is function
        and ctx.start(statement) < ctx.start(call)
    ):
        return None
    for reference in binding.references:
        arg = ctx.parent(reference.node)
        if not (
            isinstance(arg, cst.Arg)
            and arg.keyword is not None
            and arg.keyword.value == "headers"
            and any(ctx.parent(arg) is other for other in calls)
        ):
            return None  # written into, aliased, handed on, returned
    return statement.value


def _bearer_entry(ctx: ModuleContext, display: cst.Dict, variable: object) -> bool:
    authorization = []
    for element in display.elements:
        if not isinstance(element, cst.DictElement):
            return False  # **other: may hold its own Authorization
        key = element.key
        if not (
            isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str)
        ):
            return False
        if key.evaluated_value.lower() == "authorization":
            authorization.append(element.value)
    if len(authorization) != 1:
        return False
    sent = _bearer_of(authorization[0])
    return sent is not None and _variable(ctx, sent) is variable


def _bearer_of(value: cst.BaseExpression) -> cst.BaseExpression | None:
    """``X`` of ``f"Bearer {X}"``, ``"Bearer " + X``, ``"Bearer %s" % X``,
    ``"Bearer {}".format(X)``."""
    if isinstance(value, cst.FormattedString):
        parts = [
            p
            for p in value.parts
            if not (isinstance(p, cst.FormattedStringText) and p.value == "")
        ]
        if (
            len(parts) == 2
            and isinstance(parts[0], cst.FormattedStringText)
            and parts[0].value == "Bearer "
            and isinstance(parts[1], cst.FormattedStringExpression)
            and parts[1].format_spec is None
            and parts[1].conversion in (None, "s")
            and parts[1].equal is None
        ):
            return parts[1].expression
        return None
    if isinstance(value, cst.BinaryOperation):
        left = value.left
        if isinstance(value.operator, cst.Add) and _text(left) == "Bearer ":
            return value.right
        if isinstance(value.operator, cst.Modulo) and _text(left) == "Bearer %s":
            right = value.right
            if isinstance(right, cst.Tuple):
                if len(right.elements) != 1 or isinstance(
                    right.elements[0], cst.StarredElement
                ):
                    return None
                return right.elements[0].value
            return right if isinstance(right, cst.Name) else None
        return None
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and value.func.attr.value == "format"
        and _text(value.func.value) == "Bearer {}"
        and len(value.args) == 1
        and value.args[0].keyword is None
        and not value.args[0].star
    ):
        return value.args[0].value
    return None


def _text(node: cst.CSTNode) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None
