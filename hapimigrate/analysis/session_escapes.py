"""Where a session or client given the key goes, inside its module.

A session (``s.params = {"hapikey": KEY}``) or a client made with the key
(``httpx.Client(params={"hapikey": KEY})``) sends it with every request it
makes: once the key is a token header, each of those requests must be seen
to go to HubSpot. :func:`follow` walks every use of the object (the name it
is bound to, ``with ... as`` targets, ``self.attr``, a class-body attribute,
the callers of a function returning it) and tells the requests found, the
place where it escapes unfollowed (stored in a table, passed to a function
hapimigrate does not see, yielded, its bound ``.get`` handed on), and the
names through which other modules of the tree may reach it.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst
from libcst.metadata import ClassScope, GlobalScope

from hapimigrate.analysis.flow import Flow, FlowError, NoUse, Sink, Unused
from hapimigrate.analysis.flow import UnusedReturn
from hapimigrate.python.context import ModuleContext

ESCAPES = (
    "the {} carrying the key leaves where it can be followed ({}): its header "
    "would go with whatever is sent with it there (another host?); migrate by hand"
)


@dataclass(frozen=True)
class Uses:
    """What a session or client is used for in its module."""

    requests: tuple[Sink, ...]
    escape: str | None  # why a use cannot be followed (a reason), None if none
    names: tuple[cst.Name, ...]  # module-level names bound to it
    factories: tuple[str, ...]  # functions (and methods) handing it out
    holders: tuple[tuple[cst.ClassDef, str], ...]  # (class, attribute) holding it


def follow(ctx: ModuleContext, start: cst.BaseExpression, what: str) -> Uses:
    """The uses of the session or client ``start``: a constructor call
    (``httpx.Client(...)``: followed from where its value goes) or the
    expression naming it (``session``, ``self.session``)."""
    flow = Flow(ctx, client=True)
    escape = None
    names: list[cst.Name] = []
    factories: list[str] = []
    try:
        if isinstance(start, cst.Call):
            flow.follow(start)
        else:
            flow.follow_client(start)
    except UnusedReturn as error:
        factories.append(error.name.value)
    except Unused as error:
        names.append(error.name)
    except NoUse as error:
        escape = _unused_escape(ctx, error, factories, what)
    except FlowError as error:
        escape = ESCAPES.format(what, error)
    if isinstance(start, cst.Name) and start.value in ("self", "cls"):
        escape = None  # a Session subclass: its instances are judged instead
    route = flow.route
    for function in route.returned_by:
        escape = escape or _unfollowed_call(ctx, function, what)
        if not isinstance(ctx.parent(function), cst.Module):
            factories.append(function.name.value)  # other modules' obj.method()
    names += route.module_names
    factories += [n.value for n in route.module_functions]
    if isinstance(start, cst.Name) and _module_level(ctx, start):
        names.append(start)
    return Uses(
        requests=tuple(route.sinks),
        escape=escape,
        names=tuple(dict.fromkeys(names)),
        factories=tuple(dict.fromkeys(factories)),
        holders=tuple({(id(c), a): (c, a) for c, a in route.held}.values()),
    )


def _unused_escape(
    ctx: ModuleContext, error: NoUse, factories: list[str], what: str
) -> str | None:
    """Nothing in this module reads where it was put: harmless for a local or
    module-level name (other modules' uses are the tree pass's), a class's
    attribute (its instances are checked), a method returning it (its callers
    elsewhere); an escape for another object's attribute (``config.client``)."""
    node = error.node
    if isinstance(node, cst.Name):
        function = ctx.ancestor(node, cst.FunctionDef)
        if isinstance(function, cst.FunctionDef) and function.name is node:
            factories.append(node.value)  # a method nothing here calls
        return None
    if (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value in ("self", "cls")
        and isinstance(ctx.ancestor(node, cst.ClassDef), cst.ClassDef)
    ):
        return None
    return ESCAPES.format(what, error)


def _unfollowed_call(
    ctx: ModuleContext, function: cst.FunctionDef, what: str
) -> str | None:
    """A use of a function returning the object that the flow did not follow
    to its requests: the function named without a call (``Depends(client)``,
    a callback), a method called on anything but ``self``/``cls`` of its class
    (``api.client()``)."""
    name = function.name.value
    home = ctx.parent(ctx.parent(function))
    if isinstance(home, cst.ClassDef):
        for attribute in ctx.index.attributes.get(name, ()):
            call = ctx.parent(attribute)
            receiver = attribute.value
            if (
                isinstance(call, cst.Call)
                and call.func is attribute
                and isinstance(receiver, cst.Name)
                and receiver.value in ("self", "cls")
                and ctx.ancestor(attribute, cst.ClassDef) is home
            ):
                continue
            line = ctx.start(attribute)[0]
            return ESCAPES.format(what, f"line {line} reaches {name}() unfollowed")
        return None
    scope = ctx.lexical_scope(function)
    for assignment in scope.assignments[name] if scope is not None else ():
        if getattr(assignment, "node", None) is not function:
            continue
        for reference in ctx.references(assignment):
            call = ctx.parent(reference.node)
            if not (isinstance(call, cst.Call) and call.func is reference.node):
                line = ctx.start(reference.node)[0]
                return ESCAPES.format(what, f"{name} is handed on at line {line}")
    return None


def _module_level(ctx: ModuleContext, name: cst.Name) -> bool:
    return isinstance(ctx.lexical_scope(name), GlobalScope)


def in_class_body(ctx: ModuleContext, name: cst.BaseExpression) -> bool:
    """A name bound in a class body (``session = requests.Session()``)."""
    return isinstance(name, cst.Name) and isinstance(
        ctx.lexical_scope(name), ClassScope
    )
