"""The old key's variable already sent as a Bearer token becomes the token.

    client = HubSpot(api_key=os.getenv("HUBSPOT_API_KEY"))      # a key site
    HUBSPOT_TOKEN = os.getenv("HUBSPOT_API_KEY")                 # this read
    def headers():
        return {"Authorization": f"Bearer {HUBSPOT_TOKEN}"}

Code written half-way through the move to tokens often reads the token from the
old variable (the owner put a private app's token in ``HUBSPOT_API_KEY``). Once
the module's key sites read the provider's token, such a read is all that still
needs the old variable: the tree pass would call it "still required". Where the
module migrates a key read from that same variable, and every use of the read's
value is the credential of an ``Authorization: Bearer`` header (written out
here: ``f"Bearer {X}"`` or ``"Bearer " + X`` under an ``Authorization`` key),
or a ``X.startswith("...")`` test of it, the read becomes the provider's
token read, as lenient as it was (``os.getenv`` -> ``os.environ.get``). With
the token set, those requests send the token the migrated ones send; the old
variable is read no more.

The module must name no host but HubSpot's API hosts: a header built here
may be sent to any URL the module holds. Anything else stays as it is (and the tree pass reports it): a value handed to
a function, stored on an object, returned, compared, logged, sent any other way,
a name bound more than once or declared ``global``, a module-level name another
module of the package names (it may import it and use it otherwise), a read
with a default.
"""

from __future__ import annotations

import re
from typing import Iterator

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate import hubspot, tree_imports
from hapimigrate.analysis import http_calls, reached_hosts
from hapimigrate.model import Kind, Status
from hapimigrate.python import startup_checks, token_checks
from hapimigrate.python.context import ModuleContext, walk

MIGRATED = (
    "{} was already sent as a Bearer token here: it now reads the token, as "
    "the migrated requests do"
)

_UPPER = re.compile(r"\b[A-Z][A-Z0-9_]{2,}\b")
_AUTHORIZATION = re.compile(r"""^(?:[rRuU]?)(['"])authorization\1$""", re.I)


def migrate(ctx: ModuleContext) -> None:
    """Make the reads of a migrated key's variable that are only sent as
    Bearer credentials read the provider's token (see the module's docstring)."""
    if ctx._token is None or not ctx.edits:  # nothing here reads the token
        return
    if names_another_host(ctx):  # a Bearer header may go there: not ours to say
        return
    migrated = {
        name for identity, _ in ctx.provider_keys for name in _UPPER.findall(identity)
    }
    for read, variable, lenient in _environment_reads(ctx):
        if variable not in migrated or _edited(ctx, read):
            continue
        if not _only_bearer(ctx, read):
            continue
        if not lenient and not _check_renamed(ctx, read, variable):
            continue  # a start-up check whose message cannot name the token
        ctx.edits.replace[read] = ctx.lenient_token() if lenient else ctx.token()
        ctx.site(read, Kind.SETTING, Status.REWRITE, MIGRATED.format(variable))


def _check_renamed(ctx: ModuleContext, read: cst.CSTNode, variable: str) -> bool:
    """A read in a try whose except handles its ``KeyError`` is a start-up
    check: its messages naming the old variable name the token's now
    (:func:`startup_checks.rename_messages`); False where they cannot."""
    statement = ctx.ancestor(read, cst.BaseSmallStatement)
    handlers = startup_checks.catching_handlers(ctx, statement) if statement else []
    if not handlers:
        return True
    token = token_checks.token_variable(ctx.provider)
    if token is None:
        return False
    target = statement.targets[0].target if isinstance(statement, cst.Assign) else None
    name = target.value if isinstance(target, cst.Name) else ""
    return startup_checks.rename_messages(ctx, handlers, name, variable, token) is None


def names_another_host(ctx: ModuleContext) -> bool:
    """A string of the module names a host that is not one of HubSpot's API
    hosts, or a request of the module goes to a host not written here as
    HubSpot's (``requests.post(ANALYTICS_URL, ...)`` of an imported constant):
    the headers built here may be sent there."""
    return ctx.memoized("another_host", lambda: _another_host(ctx))


def _another_host(ctx: ModuleContext) -> bool:
    for call in ctx.index.calls:
        info = http_calls.classify(ctx, call)
        if info is None:
            continue
        url = _url_argument(call, info)
        hosts = reached_hosts.reached_hosts(ctx, url) if url is not None else []
        if not hosts or not all(hubspot.takes_tokens(h) for h in hosts):
            return True  # a host known only at run time, or another one
    for node in walk(ctx.module):
        if isinstance(node, cst.SimpleString):
            text = node.evaluated_value
        elif isinstance(node, cst.FormattedStringText):
            text = node.value
        else:
            continue
        where = reached_hosts.literal_host(text) if isinstance(text, str) else None
        if where is not None and not hubspot.takes_tokens(where):
            return True
    return False


def _url_argument(call: cst.Call, info) -> cst.BaseExpression | None:
    """The URL a request is given: ``url=``, or its positional place."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "url":
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    index = info.url_index
    return (
        positional[index].value
        if index is not None and index < len(positional)
        else None
    )


def _environment_reads(ctx: ModuleContext) -> Iterator[tuple[cst.CSTNode, str, bool]]:
    """``os.getenv("X")``, ``os.environ.get("X")`` (lenient) and
    ``os.environ["X"]``: one argument, no default."""
    for node in walk(ctx.module):
        if isinstance(node, cst.Call) and len(node.args) == 1:
            function = ctx.code(node.func).replace(" ", "")
            if function.split(".")[-1] == "getenv" or function.endswith("environ.get"):
                name = _literal(node.args[0].value)
                if name and not node.args[0].keyword and not node.args[0].star:
                    yield node, name, True
        elif isinstance(node, cst.Subscript) and len(node.slice) == 1:
            index = node.slice[0].slice
            if ctx.code(node.value).replace(" ", "").endswith("environ") and isinstance(
                index, cst.Index
            ):
                name = _literal(index.value)
                if name:
                    yield node, name, False


def _literal(node: cst.CSTNode) -> str | None:
    value = node.evaluated_value if isinstance(node, cst.SimpleString) else None
    return value if isinstance(value, str) else None


def _edited(ctx: ModuleContext, read: cst.CSTNode) -> bool:
    """A planned edit touches the read already (a key site's own)."""
    return any(
        node in ctx.edits.replace or node in ctx.edits.calls for node in _up(ctx, read)
    )


def _up(ctx: ModuleContext, node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    while node is not None:
        yield node
        node = ctx.parent(node)


def _only_bearer(ctx: ModuleContext, read: cst.CSTNode) -> bool:
    """Every use of the read's value is a Bearer credential (or its
    ``startswith`` test): the read itself, or the one name it is bound to."""
    if bearer_credential(ctx, read):
        return True
    assign = ctx.parent(read)
    if not (
        isinstance(assign, cst.Assign)
        and assign.value is read
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
    ):
        return False
    target = assign.targets[0].target
    scope = ctx.lexical_scope(target)
    if scope is None:
        return False
    if isinstance(scope, GlobalScope) and tree_imports.package_mentions(
        ctx.path, rb"\b" + re.escape(target.value).encode() + rb"\b"
    ):
        return False  # another module may import it and use it otherwise
    assignments = list(scope.assignments[target.value])
    if len(assignments) != 1 or any(
        isinstance(node, (cst.Global, cst.Nonlocal))
        and any(n.name.value == target.value for n in node.names)
        for node in walk(ctx.module)
    ):
        return False
    uses = [r.node for r in assignments[0].references]
    return bool(uses) and all(
        bearer_credential(ctx, use) or _prefix_test(ctx, use) for use in uses
    )


def bearer_credential(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """``node`` is the credential of a Bearer header value: ``f"Bearer {node}"``
    or ``"Bearer " + node``, under an ``Authorization`` key (a dict entry, or
    ``headers["Authorization"] = ...``)."""
    holder = ctx.parent(node)
    if isinstance(holder, cst.FormattedStringExpression):
        string = ctx.parent(holder)
        if not (
            isinstance(string, cst.FormattedString)
            and len(string.parts) == 2
            and string.parts[1] is holder
            and isinstance(string.parts[0], cst.FormattedStringText)
            and string.parts[0].value == "Bearer "
            and holder.conversion is None
            and holder.format_spec is None
        ):
            return False
        value = string
    elif isinstance(holder, cst.BinaryOperation):
        if not (
            isinstance(holder.operator, cst.Add)
            and holder.right is node
            and isinstance(holder.left, cst.SimpleString)
            and holder.left.evaluated_value == "Bearer "
        ):
            return False
        value = holder
    else:
        return False
    return _under_authorization(ctx, value)


def _under_authorization(ctx: ModuleContext, value: cst.CSTNode) -> bool:
    holder = ctx.parent(value)
    if isinstance(holder, cst.DictElement):
        return holder.value is value and bool(
            _AUTHORIZATION.match(ctx.code(holder.key))
        )
    if isinstance(holder, cst.Assign) and len(holder.targets) == 1:
        target = holder.targets[0].target
        if isinstance(target, cst.Subscript) and len(target.slice) == 1:
            index = target.slice[0].slice
            return isinstance(index, cst.Index) and bool(
                _AUTHORIZATION.match(ctx.code(index.value))
            )
    return False


def _prefix_test(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """``if X.startswith("pat-"):``: which kind of credential, not a use."""
    attribute = ctx.parent(node)
    call = ctx.parent(attribute) if isinstance(attribute, cst.Attribute) else None
    return (
        isinstance(call, cst.Call)
        and call.func is attribute
        and attribute.value is node
        and attribute.attr.value == "startswith"
        and all(isinstance(a.value, cst.SimpleString) for a in call.args)
        and isinstance(ctx.parent(call), (cst.If, cst.IfExp))
        and getattr(ctx.parent(call), "test", None) is call
    )
