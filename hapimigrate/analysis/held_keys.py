"""A key an object holds: its constructor's parameter, put into an attribute's
value in ``__init__`` and sent by the object's own methods (issue #12, sample 6
"a key held by an object"):

    class HubSpotDeal(object):
        def __init__(self, token):
            self.params = {"hapikey": token}

        def get_company_by_name(self, name):
            return requests.post(SEARCH_URL, json=payload, params=self.params)

    hub = HubSpotDeal(API_KEY)

The key is the constructor's parameter (a caller's credential), but the
requests are made by the methods, where ``token`` cannot be read: the one
decision says ``manual`` ("the request is made elsewhere"). The class takes a
token now, like a function whose parameter is sent
(:data:`hapimigrate.decide.CALLERS_TOKEN`): the constructor keeps the token it is
given in an attribute of its own (``self._hubspot_token = token``, set right
after the statement that held the key), the attribute's value loses the key,
and each request of the methods sends ``"Bearer " + self._hubspot_token``. The
callers in this module pass the provider's token instead of their configured
key, through the callers' own parameters too (``delete(token)`` building
``HubSpotDeal(token)``), as for a function (:func:`attach.callers_keys`, which
also finds what keeps that manual: a caller passing a key that cannot be
placed, the class made in other modules or handed on as a value, the
parameter read otherwise).

Only this shape is taken (:func:`held_key`): the parameter of a module-level
class's ``__init__`` (not defaulted, not a field of an object, not rebound
there), read once, in a plain ``self.NAME = ...`` statement of the
constructor's own body (not under a condition: every instance holds it), every
request of the route in another method of that same class taking ``self`` (not
a subclass's, not a static method's, not another module's), and a name for the
token's attribute that the module does not use yet. Anything else stays
``manual`` with the reason it had.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import origins
from hapimigrate.analysis.flow import Route
from hapimigrate.analysis.origins import Origin
from hapimigrate.decide import CALLER_OUT_OF_REACH, Decision
from hapimigrate.model import Status
from hapimigrate.python.context import ModuleContext

# the attribute the constructor keeps the token in
TOKEN_ATTRIBUTE = "_hubspot_token"

HELD_KEY = (
    "sends the token {}() is given ({} of __init__(), kept as self.{} for its "
    "methods' requests): callers pass access tokens now"
)

UNBUILT = (
    "the key is {} of {}(), which this module never makes: its users (other "
    "modules, or code outside the tree) hand it their key (one per tenant "
    "perhaps): decide by hand whether it takes a token"
)


@dataclass(frozen=True)
class HeldKey:
    """A constructor's parameter held in an attribute and sent by the methods:
    the statement holding it, the class and the token's attribute."""

    statement: cst.Assign  # self.params = {"hapikey": token}
    cls: cst.ClassDef
    parameter: str  # token
    attribute: str  # _hubspot_token
    # this module makes instances, each given a key (callers_keys placed them
    # all): False, the class is made only elsewhere, by its users
    built: bool = True

    def bearer_key(self) -> cst.Attribute:
        """The token, as the methods read it: ``self._hubspot_token``."""
        return cst.Attribute(cst.Name("self"), cst.Name(self.attribute))

    def keeping(self) -> cst.Assign:
        """The statement keeping the token: ``self._hubspot_token = token``."""
        return cst.Assign(
            [cst.AssignTarget(self.bearer_key())], cst.Name(self.parameter)
        )

    def reason(self) -> str:
        if not self.built:
            return UNBUILT.format(self.parameter, self.cls.name.value)
        return HELD_KEY.format(self.cls.name.value, self.parameter, self.attribute)


def held_key(
    ctx: ModuleContext,
    decided: Decision,
    origin: Origin,
    value: cst.BaseExpression,
    route: Route,
) -> HeldKey | None:
    """The held key ``value`` is (see the module's docstring), where the one
    decision left it manual only because the requests are made elsewhere;
    None for any other shape."""
    param = origin.param
    if (
        decided.status != Status.MANUAL
        or decided.reason != CALLER_OUT_OF_REACH.format(origin.parameter)
        or origin.kind != origins.CALLER
        or param is None
        or origin.container
        or origin.default is not None
        or origin.read is not None
        or param.default is not None
        or not route.sinks
    ):
        return None
    init = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(init, cst.FunctionDef) or init.name.value != "__init__":
        return None
    cls = ctx.ancestor(init, cst.ClassDef)
    if not isinstance(cls, cst.ClassDef) or ctx.parent(cls) is not ctx.module:
        return None
    if ctx.parent(ctx.parent(init)) is not cls or not _takes_self(init):
        return None  # a nested function named __init__, or no self
    statement = _holding_statement(ctx, init, value)
    if statement is None:
        return None
    name = param.name.value
    if _rebound(init, name) or _reads(init, name) != 1:
        return None  # token = token.strip(); or read again: other uses
    if TOKEN_ATTRIBUTE in ctx.code(ctx.module):
        return None  # the name is taken: a person picks another
    if re.search(r"\b__(slots|setattr|getattr|getattribute)__\b", ctx.code(cls)):
        return None  # a new attribute might not be set, or read, as written
    for sink in route.sinks:
        if sink.remote is not None or sink.call is None:
            return None  # another module's helper, or a session's params
        method = ctx.ancestor(sink.call, cst.FunctionDef)
        if (
            not isinstance(method, cst.FunctionDef)
            or method is init
            or ctx.parent(ctx.parent(method)) is not cls
            or not _takes_self(method)
        ):
            return None
    given = origins.caller_arguments(ctx, param)
    if given is None or any(
        isinstance(v, cst.Name) and v.value == "None" for v in given
    ):
        return None  # HubSpotDeal(None): "Bearer " + None would raise
    return HeldKey(statement, cls, name, TOKEN_ATTRIBUTE, bool(given))


def _takes_self(function: cst.FunctionDef) -> bool:
    """A plain method: its first parameter is ``self``, no static or class
    method's decorator."""
    params = function.params.params
    if not params or params[0].name.value != "self":
        return False
    return not any(
        isinstance(d.decorator, cst.Name)
        and d.decorator.value in ("staticmethod", "classmethod")
        for d in function.decorators
    )


def _holding_statement(
    ctx: ModuleContext, init: cst.FunctionDef, value: cst.BaseExpression
) -> cst.Assign | None:
    """``self.NAME = ...`` holding ``value``, a statement of the constructor's
    own body (run whenever an instance is made), alone on its line."""
    statement = ctx.ancestor(value, cst.BaseSmallStatement)
    if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
        return None
    target = statement.targets[0].target
    if not (
        isinstance(target, cst.Attribute)
        and isinstance(target.value, cst.Name)
        and target.value.value == "self"
    ):
        return None
    line = ctx.parent(statement)
    if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
        return None
    if ctx.parent(line) is not init.body:
        return None  # under an if, a loop, a try: not every instance holds it
    return statement


class _Names(cst.CSTVisitor):
    """The reads and the bindings of one name in a function."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.reads = 0
        self.bound = False

    def visit_Name(self, node: cst.Name) -> None:
        if node.value == self.name:
            self.reads += 1

    def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
        self._binds(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._binds(node.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        self._binds(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._binds(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._binds(node.name)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._binds(node.target)

    def visit_Global(self, node: cst.Global) -> None:
        self.bound = self.bound or any(n.name.value == self.name for n in node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.bound = self.bound or any(n.name.value == self.name for n in node.names)

    def _binds(self, target: cst.CSTNode) -> None:
        if any(isinstance(n, cst.Name) and n.value == self.name for n in _walk(target)):
            self.bound = True


def _walk(node: cst.CSTNode):
    yield node
    for child in node.children:
        yield from _walk(child)


def _scan(init: cst.FunctionDef, name: str) -> _Names:
    names = _Names(name)
    init.body.visit(names)
    return names


def _rebound(init: cst.FunctionDef, name: str) -> bool:
    return _scan(init, name).bound


def _reads(init: cst.FunctionDef, name: str) -> int:
    """How often the body names ``name`` (its parameter list aside)."""
    return _scan(init, name).reads


def keep_token(ctx: ModuleContext, held: HeldKey) -> None:
    """Put ``self._hubspot_token = token`` right after the statement that held
    the key (which stays, as edited: its value without the key)."""
    planned = ctx.edits.statements.get(held.statement, [None])
    ctx.edits.statements[held.statement] = [*planned, held.keeping()]
