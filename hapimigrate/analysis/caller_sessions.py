"""Requests sent through a session or client the function's callers hand in.

    def update_deal(deal_id, props, session=None):
        http = session or requests
        return http.patch(URL % (deal_id, KEY), json=...)

    oauth_sync.py  update_deal(deal_id, props, session=session_for(installation))

The caller's session may carry a credential of its own (an installation's
OAuth token, another portal's): a request-level header would override it, so
that portal's writes would go to the provider token's portal (review 24 R9,
review 26 R3 and R12). The receiver is the handed session however it is held
(:func:`handed`): the parameter itself, a local bound to it on some path
(``http = session or requests``, ``if session is not None: http = session``,
``with (session or requests.Session()) as http``), a key of ``**kwargs``
(``kwargs.get("session")``), or an attribute a method of the class sets from
its parameter (``self.http = session or requests.Session()`` in
``__init__``: its callers are the class's instantiations).

The request migrates only when every value handed in, here and in the
other modules, is PROVEN plain (:mod:`hapimigrate.analysis.session_proof`):
absent, ``None``, a plain client the caller makes itself, or the caller's own
parameter proven alike; anything else keeps the site manual, naming the call
or write. (A function no call of which the tree shows is not held: its
callers are another program's, unseen; see the README.) The class's own other
writes of the attribute must be plain defaults too. Other modules' calls are proven by the tree pass
(``session_proof.elsewhere``, each :class:`Handed` entry of
``ModuleContext.parameter_sessions``; back as ``sessions:<entry> <where>``
in ``shared_elsewhere``, the module migrated again knowing it).
"""

from __future__ import annotations

import dataclasses
from typing import Iterable

import libcst as cst

from hapimigrate.analysis import values
from hapimigrate.analysis.flow import Route
from hapimigrate.analysis.session_proof import (
    CREDENTIAL_ARGUMENTS,
    DEPTH,
    CONSTRUCTOR,
    FUNCTION,
    INHERITED,
    METHOD,
    PLAIN_CLIENTS,
    Handed,
    prove,
)
from hapimigrate.python.context import ModuleContext, walk

HANDED_HERE = (
    "{}() sends through the {} {} hand in, and the call or write at line {} "
    "gives one not shown to be a plain client (made by the caller without auth or "
    "headers): it may carry its own Authorization (an OAuth session), which "
    "a request header would override; migrate them together, by hand"
)
HANDED_ELSEWHERE = (
    "{}() sends through the {} {} hand in, and the call or write at {} gives "
    "one not shown to be a plain client (made by the caller without auth or "
    "headers): it may carry its own Authorization (an OAuth session), which "
    "a request header would override; migrate them together, by hand"
)

SET_HERE = "set"  # the class also sets the attribute to what is not shown plain
SET_OTHERWISE = (
    "{}() sends through the {} the callers of its class hand in, and line {} "
    "sets it to one not shown to be a plain client: it may carry its own "
    "Authorization (an OAuth session), which a request header would override; "
    "migrate them together, by hand"
)


def problem(ctx: ModuleContext, route: Route) -> str | None:
    """Why a request sent through a session its callers hand in cannot take
    the header: a value handed in is not shown to be a plain client."""
    for sink in route.sinks:
        if sink.call is None or not isinstance(sink.call.func, cst.Attribute):
            continue
        function = ctx.ancestor(sink.call, cst.FunctionDef)
        if not isinstance(function, cst.FunctionDef):
            continue
        name = function.name.value
        for spec in handed(ctx, function, sink.call.func.value):
            reason = _unproven(ctx, spec, name)
            if reason is not None:
                return reason
    return None


def _unproven(ctx: ModuleContext, spec: Handed, name: str) -> str | None:
    if spec.kind == SET_HERE:
        return SET_OTHERWISE.format(name, spec.attribute, spec.index)
    if spec.kind == INHERITED:  # all the tree pass's
        ctx.parameter_sessions.add(spec.entry)
        where = _marked(ctx.shared_elsewhere, spec)
        if where is not None:
            return HANDED_ELSEWHERE.format(
                name, spec.attribute, f"the callers of {spec.callee}()", where
            )
        return None
    proof = ctx.memoized(
        f"caller_sessions:{spec.entry}",
        lambda: prove(ctx.text.encode(), spec, own=True),
    )
    if proof.unproven is not None:
        return HANDED_HERE.format(
            name, spec.param, _callers(spec, name), proof.unproven
        )
    for each in (spec, *(h for h, _ in proof.onward)):
        ctx.parameter_sessions.add(each.entry)  # the tree pass: elsewhere
        where = _marked(ctx.shared_elsewhere, each)
        if where is not None:
            return HANDED_ELSEWHERE.format(
                name, spec.param, _callers(spec, name), where
            )
    return None


def _callers(spec: Handed, name: str) -> str:
    """Who hands the session in: the function's callers, or its class's."""
    return "its callers" if spec.callee == name else f"the callers of {spec.callee}()"


def _marked(shared: frozenset[str], spec: Handed) -> str | None:
    prefix = f"sessions:{spec.entry} "
    found = sorted(e[len(prefix) :] for e in shared if e.startswith(prefix))
    return found[0] if found else None


# the receiver: the session the callers hand in ---------------------------------


def handed(
    ctx: ModuleContext, function: cst.FunctionDef, receiver: cst.BaseExpression
) -> list[Handed]:
    """The parameter whose value the request's receiver may be, on some path:
    the parameter itself (``session.get``), a local bound to it or to a
    choice between it and a default (``http = session or requests``, ``if
    session: http = session``, ``with (session or Session()) as http``), a key
    of the ``**kwargs`` parameter (``kwargs.get("session")``), or an attribute
    a method of the class (or of a base class in this module) sets so
    (``self.http = session or requests.Session()``). Each such parameter."""
    found: dict[str, Handed] = {}
    for spec in _handed(ctx, function, receiver, 0):
        found.setdefault(spec.entry, spec)
    return list(found.values())


def _handed(
    ctx: ModuleContext, function: cst.FunctionDef, node: cst.CSTNode, depth: int
) -> Iterable[Handed]:
    if depth > DEPTH:
        return
    if isinstance(node, cst.Name):
        if values.given_parameter(function, node) is not None:
            yield _spec(ctx, function, node.value, -2)
            return
        for value in _bound_values(ctx, function, node):
            yield from _handed(ctx, function, value, depth + 1)
    elif isinstance(node, cst.BooleanOperation):
        yield from _handed(ctx, function, node.left, depth + 1)
        yield from _handed(ctx, function, node.right, depth + 1)
    elif isinstance(node, cst.IfExp):
        yield from _handed(ctx, function, node.body, depth + 1)
        yield from _handed(ctx, function, node.orelse, depth + 1)
    elif (key := _kwargs_key(function, node)) is not None:
        yield _spec(ctx, function, key, -1)
    elif (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
    ):
        attribute = node.attr.value
        found, others = [], []
        sets = _attribute_sets(ctx, function, attribute)
        if not sets:  # set by a base class of another module, perhaps
            inherited = _inherited(ctx, function, attribute)
            if inherited is not None:
                yield inherited
        for method, value in sets:
            specs = [
                dataclasses.replace(spec, attribute=attribute)
                for spec in _handed(ctx, method, value, depth + 1)
            ]
            found += specs
            others += [] if specs else [value]
        yield from found
        if found:  # the class's other writes of it: plain defaults only
            for value in others:
                if not _default(ctx, value):
                    line = ctx.start(value)[0]
                    yield Handed(SET_HERE, attribute, attribute, "", line, attribute)


def _inherited(
    ctx: ModuleContext, function: cst.FunctionDef, attribute: str
) -> Handed | None:
    """``self.session`` of a class no class of this module sets it in, whose
    bases include classes of other modules: the tree pass looks for their
    ``__init__`` setting it from a parameter."""
    owner = ctx.ancestor(function, cst.ClassDef)
    if not isinstance(owner, cst.ClassDef):
        return None
    classes = {n.name.value: n for n in ctx.module.body if isinstance(n, cst.ClassDef)}
    outer, pending, seen = [], [owner], set()
    while pending:
        cls = pending.pop()
        if cls.name.value in seen:
            continue
        seen.add(cls.name.value)
        for base in cls.bases:
            value = base.value
            name = value.attr.value if isinstance(value, cst.Attribute) else None
            name = value.value if isinstance(value, cst.Name) else name
            if name in classes:
                pending.append(classes[name])
            elif name is not None and name != "object":
                outer.append(name)
    if not outer:
        return None
    cls = owner.name.value
    return Handed(INHERITED, cls, cls, ",".join(sorted(set(outer))), -1, attribute)


def _default(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """A value the class may hold besides the handed session: the parameter
    or a choice between it and ``None``, ``requests``, a plain client."""
    if isinstance(value, (cst.BooleanOperation, cst.IfExp)):
        parts = (
            (value.left, value.right)
            if isinstance(value, cst.BooleanOperation)
            else (value.body, value.orelse)
        )
        return all(_default(ctx, p) for p in parts)
    if isinstance(value, cst.Name):
        function = ctx.ancestor(value, cst.FunctionDef)
        if isinstance(function, cst.FunctionDef) and values.given_parameter(
            function, value
        ):
            return True
        return value.value == "None" or bool(
            ctx.qualified_names(value) & {"requests", "httpx"}
        )
    if isinstance(value, cst.Call):
        return bool(ctx.qualified_names(value.func) & PLAIN_CLIENTS) and not any(
            a.star
            or (a.keyword is not None and a.keyword.value in CREDENTIAL_ARGUMENTS)
            for a in value.args
        )
    return False


def _bound_values(
    ctx: ModuleContext, function: cst.FunctionDef, name: cst.Name
) -> list[cst.BaseExpression]:
    """The values the function's bindings of ``name`` give it: assignments,
    ``with ... as name``, ``(name := ...)``."""
    scope = ctx.lexical_scope(name)
    if scope is None:
        return []
    found = []
    for assignment in scope[name.value]:
        target = getattr(assignment, "node", None)
        if not isinstance(target, cst.Name):
            continue
        if ctx.ancestor(target, cst.FunctionDef) is not function:
            continue
        value = values.single_value_of(ctx, target)
        holder = ctx.parent(target)
        if value is None and isinstance(holder, cst.AsName):
            item = ctx.parent(holder)
            value = item.item if isinstance(item, cst.WithItem) else None
        if value is None and isinstance(holder, cst.NamedExpr):
            value = holder.value
        if value is not None:
            found.append(value)
    return found


def _kwargs_key(function: cst.FunctionDef, node: cst.CSTNode) -> str | None:
    """``"session"`` of ``kwargs.get("session")``, ``kwargs.pop("session",
    None)`` or ``kwargs["session"]``, ``kwargs`` the function's ``**``."""
    star = function.params.star_kwarg
    if star is None:
        return None
    key = None
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value in ("get", "pop")
        and node.args
    ):
        holder, key = node.func.value, node.args[0].value
    elif isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        holder = node.value
        key = index.value if isinstance(index, cst.Index) else None
    else:
        return None
    if not (isinstance(holder, cst.Name) and holder.value == star.name.value):
        return None
    if isinstance(key, cst.SimpleString) and isinstance(key.evaluated_value, str):
        return key.evaluated_value
    return None


def _attribute_sets(
    ctx: ModuleContext, function: cst.FunctionDef, attribute: str
) -> list[tuple[cst.FunctionDef, cst.BaseExpression]]:
    """Each ``self.<attribute> = value`` in a method of the function's class
    or of its base classes defined in this module, with its method."""
    owner = ctx.ancestor(function, cst.ClassDef)
    if not isinstance(owner, cst.ClassDef):
        return []
    classes = {n.name.value: n for n in ctx.module.body if isinstance(n, cst.ClassDef)}
    found: list[tuple[cst.FunctionDef, cst.BaseExpression]] = []
    pending, seen = [owner], set()
    while pending:
        cls = pending.pop()
        if id(cls) in seen:
            continue
        seen.add(id(cls))
        pending += [
            classes[b.value.value]
            for b in cls.bases
            if isinstance(b.value, cst.Name) and b.value.value in classes
        ]
        for method in cls.body.body:
            if not isinstance(method, cst.FunctionDef):
                continue
            for node in walk(method):
                if isinstance(node, cst.Assign):
                    targets = [t.target for t in node.targets]
                elif isinstance(node, cst.AnnAssign) and node.value is not None:
                    targets = [node.target]
                else:
                    continue
                if any(
                    isinstance(t, cst.Attribute)
                    and isinstance(t.value, cst.Name)
                    and t.value.value == "self"
                    and t.attr.value == attribute
                    for t in targets
                ):
                    found.append((method, node.value))
    return found


def _spec(
    ctx: ModuleContext, function: cst.FunctionDef, param: str, index: int
) -> Handed:
    """``index`` -2: the parameter's place, found here; -1: keyword only."""
    owner = ctx.parent(ctx.parent(function))
    positional = [
        p.name.value for p in (*function.params.posonly_params, *function.params.params)
    ]
    if isinstance(owner, cst.ClassDef) and positional[:1] in (["self"], ["cls"]):
        positional = positional[1:]
    if index == -2:
        index = positional.index(param) if param in positional else -1
    name = function.name.value
    if not isinstance(owner, cst.ClassDef):
        return Handed(FUNCTION, name, name, param, index)
    cls = owner.name.value
    if name == "__init__":
        return Handed(CONSTRUCTOR, cls, cls, param, index)
    return Handed(METHOD, cls, name, param, index)
