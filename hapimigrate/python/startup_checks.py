"""A dead key read that is also a start-up check: what becomes of it.

    try:
        API_KEY = os.environ["HUBSPOT_API_KEY"]
    except KeyError:
        sys.exit("HUBSPOT_API_KEY is not set")

Once the requests send the token, nothing reads ``API_KEY`` and
:mod:`python.dead_keys` removes its definition; the try would then hold
``pass``, its handler never run, and a program started without the token would
die at its first request with a ``KeyError`` traceback instead of its message.
The read is the check: where the token is ``os.environ["NAME"]`` (the ``env:``
provider), the definition becomes that read, in its place (``os.environ[
"HUBSPOT_ACCESS_TOKEN"]``, which raises ``KeyError`` exactly when the token's
variable is unset, as the key's read did for the key's), and a message of the
handler naming the old variable names the token's (``except KeyError as e:
raise ValidationError(f"{e} ...")`` names it by itself). It stays, reported
``manual``, with the old variable required, when that is not provably the same
check: another provider (whose read raises what?), a handler naming the old
variable other than in a message (``os.environ["HUBSPOT_API_KEY"] = ...``) or
speaking of the API key itself ("set HUBSPOT_API_KEY to the portal's API key"),
or a read other than the environment's (``config("HUBSPOT_API_KEY")``: what it
raises the handler may catch) in a try with handlers.

A read that raises nothing (``os.environ.get``, ``os.getenv``) or whose
exception no handler catches (``except ValueError``) checks nothing: it goes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import values
from hapimigrate.model import Kind, Status
from hapimigrate.python import token_checks
from hapimigrate.python.context import ModuleContext

REWRITTEN = (
    "a start-up check of the old key {} (a missing variable handled by the "
    "except below): the try reads the token's variable {} there instead"
)
KEPT = (
    "{} is read in a try whose except handles a missing variable (a start-up "
    "check), and {}: the definition stays, and the old variable stays required; "
    "make it check the token, by hand"
)
OTHER_PROVIDER = (
    "the token comes from {}, which a missing variable does not make raise KeyError"
)
UNRENAMED = "the handler names {} where it cannot be renamed (in code, or a text that is no message)"
DESCRIBED = "the handler's message speaks of the API key itself"
NOT_ENVIRONMENT = (
    "the read is not the environment's (what it raises, the handler may catch)"
)
# what catches a missing environment variable's KeyError
_CATCHING = frozenset(("KeyError", "LookupError", "Exception", "BaseException"))
_LENIENT = ("getenv", "environ.get")


@dataclass(frozen=True)
class Outcome:
    """What the definition becomes: ``replacement`` (the token's read), or
    ``reason`` it stays; neither: it goes as any dead definition."""

    replacement: cst.BaseSmallStatement | None = None
    reason: str | None = None


def outcome(ctx: ModuleContext, statement: cst.Assign, name: str) -> Outcome:
    """What becomes of ``statement`` (``NAME = <read>``), which nothing reads
    any more, when it stands in a try's body whose handlers may catch what the
    read raises; records the renamed messages with the replacement."""
    handlers = _handlers(ctx, statement)
    if not handlers:
        return Outcome()
    value = statement.value
    if isinstance(value, cst.Call) and ctx.code(value.func).endswith(_LENIENT):
        return Outcome()  # raises nothing: checks nothing
    variable = _environment_name(ctx, value)
    if variable is None:
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString, cst.Name)):
            return Outcome()
        return Outcome(reason=KEPT.format(name, NOT_ENVIRONMENT))
    catching = [h for h in handlers if _catches_key_error(h)]
    if not catching:
        return Outcome()  # a KeyError went through before as it does now
    token = token_checks.token_variable(ctx.provider)
    if token is None:
        why = OTHER_PROVIDER.format(ctx.provider.spec)
        return Outcome(reason=KEPT.format(variable, why))
    why = rename_messages(ctx, handlers, name, variable, token)
    if why is not None:
        return Outcome(reason=KEPT.format(variable, why))
    ctx.site(statement, Kind.GUARD, Status.REWRITE, REWRITTEN.format(variable, token))
    return Outcome(replacement=cst.Expr(ctx.token()))


def rename_messages(
    ctx: ModuleContext, handlers: list, name: str, variable: str, token: str
) -> str | None:
    """Make the handlers' messages naming the old ``variable`` name the token's
    (a message written there, or a module constant only they read); why not,
    changing nothing, where that cannot be done (see :func:`_unrenamed`)."""
    renames: list[tuple[cst.SimpleString, cst.SimpleString]] = []
    for handler in handlers:
        for node in _walk(handler):
            why = _unrenamed(node, name, variable)
            if why is None:  # MISSING of sys.exit(MISSING): its text, if known
                node, why = _message_constant(ctx, node, handlers, variable)
            if why is not None:
                return why
            if isinstance(node, cst.SimpleString) and _names(node.value, variable):
                why = _unrenamed(node, name, variable)
                new = token_checks.renamed(node, variable, token)
                if why is not None or new is None:
                    return why or UNRENAMED.format(variable)
                renames.append((node, new))
    for old, new in renames:
        ctx.edits.replace[old] = new
    return None


def catching_handlers(ctx: ModuleContext, statement: cst.CSTNode) -> list:
    """The handlers of the try around ``statement`` that catch a missing
    environment variable's ``KeyError``: a start-up check's."""
    return [h for h in _handlers(ctx, statement) if _catches_key_error(h)]


def _handlers(ctx: ModuleContext, statement: cst.CSTNode) -> list:
    """The handlers of the nearest try whose body holds ``statement`` (in this
    function or class body: a def's body runs elsewhere)."""
    child, node = statement, ctx.parent(statement)
    while node is not None and not isinstance(
        node, (cst.FunctionDef, cst.ClassDef, cst.Lambda, cst.Module)
    ):
        if isinstance(node, (cst.Try, cst.TryStar)):
            if child is node.body:
                return list(node.handlers)
            return []  # in a handler, else or finally: not what the try checks
        child, node = node, ctx.parent(node)
    return []


def _environment_name(ctx: ModuleContext, value: cst.BaseExpression) -> str | None:
    """``NAME`` of ``os.environ["NAME"]`` (or ``environ["NAME"]``): the read
    that raises KeyError exactly when the variable is unset."""
    if not (
        isinstance(value, cst.Subscript)
        and ctx.code(value.value) in ("os.environ", "environ")
        and len(value.slice) == 1
        and isinstance(value.slice[0].slice, cst.Index)
        and isinstance(value.slice[0].slice.value, cst.SimpleString)
    ):
        return None
    name = value.slice[0].slice.value.evaluated_value
    return name if isinstance(name, str) and name else None


def _catches_key_error(handler: cst.ExceptHandler | cst.ExceptStarHandler) -> bool:
    kind = handler.type
    if kind is None:
        return True  # a bare except
    names = kind.elements if isinstance(kind, cst.Tuple) else [kind]
    for each in names:
        value = each.value if isinstance(each, cst.Element) else each
        label = value.attr.value if isinstance(value, cst.Attribute) else None
        label = label or (value.value if isinstance(value, cst.Name) else None)
        if label is None or label in _CATCHING:
            return True  # a name held in a variable: it may be KeyError
    return False


def _unrenamed(node: cst.CSTNode, name: str, variable: str) -> str | None:
    """Why the handler's ``node`` keeps the check as it is, if it does: it
    reads the key's name, names the old variable outside a message, or a
    message of it speaks of the API key ("set X to the portal's API key")."""
    if isinstance(node, cst.Name) and node.value == name:
        return UNRENAMED.format(name)
    if isinstance(node, cst.FormattedStringText):
        text = node.value
    elif isinstance(node, cst.SimpleString) and isinstance(node.evaluated_value, str):
        text = node.evaluated_value
    else:
        return None
    if not token_checks.sentence(text):
        return UNRENAMED.format(variable) if _names(text, variable) else None
    if token_checks.speaks_of_key(text, variable):
        return DESCRIBED
    if isinstance(node, cst.FormattedStringText) and _names(text, variable):
        return UNRENAMED.format(variable)
    return None


CONSTANT_ELSEWHERE = (
    "the handler's message is {}, which names {} and is read elsewhere too (or "
    "defined in another module)"
)


def _message_constant(
    ctx: ModuleContext, node: cst.CSTNode, handlers: list, variable: str
) -> tuple[cst.CSTNode, str | None]:
    """For a name the handler reads (``sys.exit(MISSING)``) bound once, at
    module level, to a string naming the old variable: that string, to rename
    like a message written in the handler, when only these handlers read the
    name; a reason to keep the check when it is read elsewhere too, or when the
    name is another module's (``messages.MISSING_KEY``). ``node`` itself, and
    no reason, for anything else."""
    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
        text = values.imported_literal(ctx, node)
        if text is not None and _names(text, variable):
            return node, CONSTANT_ELSEWHERE.format(ctx.code(node), variable)
        return node, None
    if not isinstance(node, cst.Name) or isinstance(ctx.parent(node), cst.Attribute):
        return node, None
    scope = ctx.lexical_scope(node)
    bindings = list(scope[node.value]) if scope is not None else []
    if len(bindings) != 1:
        return node, None
    binding = getattr(bindings[0], "node", None)
    if isinstance(binding, cst.ImportFrom):
        text = values.imported_literal(ctx, node)
        if text is not None and _names(text, variable):
            return node, CONSTANT_ELSEWHERE.format(node.value, variable)
        return node, None
    value = values.assigned_value(ctx, binding) if binding is not None else None
    if not (
        isinstance(value, cst.SimpleString)
        and isinstance(value.evaluated_value, str)
        and _names(value.evaluated_value, variable)
    ):
        return node, None
    inside = all(
        any(ctx.inside(ref.node, handler) for handler in handlers)
        for ref in ctx.references(bindings[0])
    )
    if not inside:
        return node, CONSTANT_ELSEWHERE.format(node.value, variable)
    return value, None


def _names(text: str, variable: str) -> bool:
    return re.search(rf"\b{re.escape(variable)}\b", text) is not None


def _walk(node: cst.CSTNode):
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(current.children)
