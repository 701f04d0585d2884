"""Whether a key read from a file at run time is used for nothing but HubSpot.

A key a file holds (``key = f.read().strip()``, ``keys = json.load(f)`` then
``keys["hubspot"]``) stays where it is read and is sent as the token
(:mod:`hapimigrate.analysis.config_files`): once the file holds a token, every
read of that value gets the token. So, as for a caller's parameter
(``attach.other_reads``), each read of the value must send it as HubSpot's key
(or only test it): one handed to ``len()`` (a format guard), logged, or sent
to another host keeps the site manual. The value is followed forward from the
read: down its fixed fields (another field of the same file, ``keys["mapbox"]``,
is another value), through plain assignments to a name, and out of a module
function that returns it to that function's calls. The file's whole object
handed anywhere else (``print(keys)``, ``load_settings(keys)``) is a read of
the key too.
"""

from __future__ import annotations

import re
from typing import Callable

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate import hubspot
from hapimigrate.analysis import config_files, top_level_order
from hapimigrate.analysis.origins import Origin
from hapimigrate.python.context import ModuleContext
from hapimigrate.tree_imports import package_mentions

OTHER_READ = (
    "the value from {} is also read at line {}{} for something else than "
    "HubSpot's requests: once the file holds a token, that use gets the token "
    "too; change it by hand"
)
_DEPTH = 12


def problem(
    ctx: ModuleContext,
    origin: Origin,
    sends_key: Callable[[ModuleContext, cst.CSTNode], bool],
) -> str | None:
    """``OTHER_READ`` where the value ``origin`` reads (``origin.read`` down
    ``origin.path``) is read other than to send it as the key (``sends_key``:
    the statement sends it as hapikey, tests it, or hands it to a function that
    sends it); None when every read sends it."""
    if origin.read is None:
        return None
    ends: list[cst.CSTNode] = []
    escapes: list[cst.CSTNode] = []
    _follow(ctx, origin.read, origin.path, ends, escapes, 0, set())
    others = escapes + [n for n in ends if not sends_key(ctx, n)]
    if not others:
        return None
    first = min(others, key=lambda n: ctx.start(n))
    return OTHER_READ.format(
        origin.parameter, ctx.start(first)[0], what_read(ctx, first)
    )


def _follow(
    ctx: ModuleContext,
    node: cst.CSTNode,
    path: tuple[str, ...],
    ends: list[cst.CSTNode],
    escapes: list[cst.CSTNode],
    depth: int,
    seen: set[int],
) -> None:
    """Collect in ``ends`` the reads of the key (``node`` with ``path`` still to
    go down), in ``escapes`` where a value holding it goes out of sight."""
    if depth > _DEPTH or id(node) in seen:
        escapes.append(node)
        return
    seen.add(id(node))
    again = lambda n, p: _follow(  # noqa: E731
        ctx, n, p, ends, escapes, depth + 1, seen
    )
    parent = ctx.parent(node)
    if isinstance(parent, cst.Subscript) and parent.value is node:
        step = _step_of(ctx, parent)
        if path and step == path[0]:
            return again(parent, path[1:])
        if path and step is not None:
            return  # another field of the file: another value
        escapes.append(node)  # computed index, or indexing the key itself
        return
    if isinstance(parent, cst.Attribute) and parent.value is node:
        call = ctx.parent(parent)
        if isinstance(call, cst.Call) and call.func is parent:
            method = parent.attr.value
            if method in ("strip", "lstrip", "rstrip") and not call.args:
                return again(call, path)
            step = _step_of(ctx, call) if method == "get" else None
            if path and step == path[0]:
                return again(call, path[1:])
            if path and step is not None:
                return
        if not path:
            ends.append(node)  # key.upper(), key.startswith(...): judged as a read
            return
        escapes.append(node)
        return
    target = _assigned_name(parent, node)
    if target is not None:
        references = _references(ctx, target)
        if references is None:
            escapes.append(node)
            return
        for reference in references:
            again(reference, path)
        return
    if isinstance(parent, cst.Return):
        calls = _calls_of_returning(ctx, parent)
        if calls is None:
            escapes.append(node)
            return
        for call in calls:
            again(call, path)
        return
    if path:
        escapes.append(node)  # the file's object handed on whole
    else:
        ends.append(node)


def _step_of(ctx: ModuleContext, node: cst.BaseExpression) -> str | None:
    """The literal field ``node`` (``x["a"]``, ``x.get("a")``) reads."""
    return config_files.field_step(node) or None


def _assigned_name(parent: cst.CSTNode | None, node: cst.CSTNode) -> cst.Name | None:
    if (
        isinstance(parent, cst.Assign)
        and parent.value is node
        and len(parent.targets) == 1
        and isinstance(parent.targets[0].target, cst.Name)
    ):
        return parent.targets[0].target
    if (
        isinstance(parent, cst.AnnAssign)
        and parent.value is node
        and isinstance(parent.target, cst.Name)
    ):
        return parent.target
    return None


def _references(ctx: ModuleContext, target: cst.Name) -> list[cst.CSTNode] | None:
    """The reads of the assignment binding ``target``; None where the name is
    also written from elsewhere (a ``global``/``nonlocal`` statement)."""
    scope = ctx.lexical_scope(target)
    if scope is None:
        return None
    mine = [a for a in scope[target.value] if getattr(a, "node", None) is target]
    if len(mine) != 1:
        return None
    if isinstance(scope, GlobalScope) and _named_elsewhere(ctx, target.value):
        return None  # API_KEY imported by another module: its reads unseen
    reads = [access.node for access in ctx.references(mine[0])]
    return top_level_order.reached_reads(ctx, target, reads)


def _named_elsewhere(ctx: ModuleContext, name: str) -> bool:
    """Whether another module of the package names ``name`` (``from hs import
    api_key``): what it does with the value is not followed here."""
    pattern = rb"\b" + re.escape(name).encode() + rb"\b"
    return package_mentions(ctx.path, pattern, importers=True)


def _calls_of_returning(
    ctx: ModuleContext, statement: cst.Return
) -> list[cst.Call] | None:
    """The calls of the module function that returns the value (``def
    hubspot_key(): ... return keys["hubspot"]``): where its value goes on; None
    for a method, a nested function, or a function named but not called."""
    function = ctx.ancestor(statement, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef) or ctx.parent(function) is not (
        ctx.module
    ):
        return None
    name = function.name.value
    calls = [
        call
        for call in ctx.index.calls
        if isinstance(call.func, cst.Name) and call.func.value == name
    ]
    mentions = [
        n for n in _names(ctx.module) if n.value == name and n is not function.name
    ]
    if len(mentions) != len(calls):
        return None  # handed on as a value too: Thread(target=hubspot_key)
    if _named_elsewhere(ctx, name):
        return None  # doctor.py's len(api_key()) != 36 is not followed
    return calls


def _names(module: cst.Module) -> list[cst.Name]:
    found: list[cst.Name] = []

    class _Collect(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            found.append(node)

    module.visit(_Collect())
    return found


def what_read(ctx: ModuleContext, node: cst.CSTNode) -> str:
    """`` (handed to len())``, `` (compared with ...)``: what the read does,
    when plain to say (no literal is shown)."""
    child, parent = node, ctx.parent(node)
    while isinstance(parent, (cst.BooleanOperation, cst.UnaryOperation)):
        child, parent = parent, ctx.parent(parent)
    if isinstance(parent, cst.Arg) and isinstance(ctx.parent(parent), cst.Call):
        func = ctx.parent(parent).func
        shown = " ".join(ctx.code(func).split())
        if len(shown) <= 40 and '"' not in shown and "'" not in shown:
            return f" (handed to {shown}())"
    if isinstance(parent, (cst.FormattedStringExpression, cst.BinaryOperation)):
        return " (built into a string: a log line, a message, another URL?)"
    return ""


HOST_UNWRITTEN = (
    "a caller passes the value from {} (line {}), and {} builds a URL whose host "
    "is not a HubSpot API host written in the code (read from configuration too?): "
    "the file's value is sent as the token only to HubSpot's hosts written in the "
    "code; send it here by hand"
)


def passed_host_problem(
    ctx: ModuleContext, param: cst.Param, found: Origin, value: cst.CSTNode
) -> str | None:
    """``HOST_UNWRITTEN`` where a caller hands ``param`` a configuration file's
    field (``found``: ``contacts(config["hubspot"]["key"])``) while the code
    that takes it (its function, or its class for a constructor's) writes no
    URL, or one whose host is not a HubSpot API host written out
    (``f"https://{HOST}/..."``, ``HOST = config["hubspot"]["domain"]``), as
    :func:`config_files.host_problem` asks of a site reading the file itself."""
    if found.read is None or not found.path:
        return None
    function = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    owner = ctx.ancestor(function, cst.ClassDef) or function
    templates = [t for t in (_template(n) for n in _strings(owner)) if t and "://" in t]
    hosts = [hubspot.host(t) for t in templates]
    if hosts and all(h is not None and hubspot.takes_tokens(h) for h in hosts):
        return None
    where = getattr(owner, "name", function.name).value
    return HOST_UNWRITTEN.format(found.parameter, ctx.start(value)[0], f"{where}()")


def _strings(owner: cst.CSTNode) -> list[cst.BaseExpression]:
    found: list[cst.BaseExpression] = []

    class _Collect(cst.CSTVisitor):
        def visit_SimpleString(self, node: cst.SimpleString) -> None:
            found.append(node)

        def visit_FormattedString(self, node: cst.FormattedString) -> bool:
            found.append(node)
            return False

    owner.visit(_Collect())
    return found


def _template(node: cst.BaseExpression) -> str | None:
    """The text of a string literal, an f-string's fields as ``{}``."""
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.FormattedString):
        return "".join(
            p.value if isinstance(p, cst.FormattedStringText) else "{}"
            for p in node.parts
        )
    return None


ANOTHER_FIELD = (
    "this call hands {}() the value from {} and another value of a configuration "
    "file ({}: a host? a portal?), which hapimigrate does not follow into that "
    "module: the file's value is sent as the token only to HubSpot's hosts "
    "written in the code; decide by hand"
)


def another_field_passed(
    ctx: ModuleContext, call: cst.Call, value: cst.CSTNode, found: Origin
) -> str | None:
    """``ANOTHER_FIELD`` where a call of another module's function hands it a
    configuration file's field as the key and another field of a file besides
    (``Client(cfg["api_key"], cfg["domain"])``): where that one goes (the host)
    is out of sight here."""
    from hapimigrate.analysis import origins

    if found.read is None or not found.path:
        return None
    for arg in call.args:
        if arg.value is value:
            continue
        other = origins.key_origin(ctx, arg.value)
        if other.read is not None:
            name = ctx.code(call.func)
            return ANOTHER_FIELD.format(name, found.parameter, other.parameter)
    return None
