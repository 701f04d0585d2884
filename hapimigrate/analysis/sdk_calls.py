"""The HubSpot calls a module makes through an SDK client, found from the object
the constructor builds: the name it is bound to (``hs = HubSpot(api_key=K)``),
a ``self.client`` attribute within its class, a chain on the call itself, the
calls of a factory function that returns it; and the names the chain is stored in
on the way (``api = hs.crm.contacts.basic_api``).
Each method call maps to endpoints through :mod:`hapimigrate.hubspot.sdk_operations`.

The list is complete only when every use of the client in the module is such a
method call the mapping knows. A client returned, passed to a function, or stored
elsewhere may make calls this module does not show; a method the mapping does
not know has an unknown endpoint. Read-only: nothing here edits the module.
"""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis.flow import Flow
from hapimigrate.hubspot import sdk_operations
from hapimigrate.hubspot.sdk_operations import Arguments
from hapimigrate.model import Endpoint
from hapimigrate.python.context import ModuleContext


@dataclass(frozen=True)
class ClientCalls:
    """The endpoints a client's method calls in the module reach, and whether
    that is all it may call (False: an unknown method, or the client leaves the
    module's sight)."""

    endpoints: tuple[Endpoint, ...]
    complete: bool


# uses of the client that make no call and let it go nowhere
_HARMLESS_PARENTS = (
    cst.ComparisonTarget,
    cst.Comparison,
    cst.If,
    cst.While,
    cst.UnaryOperation,
    cst.Expr,
)


def client_calls(
    ctx: ModuleContext, constructor: cst.Call, sdk: str, client: str | None
) -> ClientCalls:
    """What the client ``constructor`` builds calls. ``sdk`` is one of
    :mod:`~hapimigrate.hubspot.sdk_operations`' names; ``client`` the class
    built, for the SDKs with a class per API."""
    walk = _Walk(ctx, sdk, client)
    walk.follow(constructor, ())
    return ClientCalls(tuple(walk.endpoints), walk.complete)


class _Walk:
    def __init__(self, ctx: ModuleContext, sdk: str, client: str | None) -> None:
        self.ctx = ctx
        self.sdk = sdk
        self.client = client
        self.endpoints: list[Endpoint] = []
        self.complete = True
        self._seen: set[int] = set()

    def follow(self, node: cst.BaseExpression, prefix: tuple[str, ...]) -> None:
        """One expression that evaluates to the client (or to ``prefix`` of it)."""
        if id(node) in self._seen:
            return
        self._seen.add(id(node))
        ctx = self.ctx
        chain, current = list(prefix), node
        parent = ctx.parent(current)
        while isinstance(parent, cst.Attribute) and parent.value is current:
            chain.append(parent.attr.value)
            current, parent = parent, ctx.parent(parent)
        if isinstance(parent, cst.Call) and parent.func is current:
            self._method_call(tuple(chain), parent)
        elif isinstance(parent, cst.Assign) and parent.value is current:
            for target in parent.targets:
                self._bound(target.target, tuple(chain))
        elif isinstance(parent, cst.AssignTarget) and len(chain) > len(prefix):
            pass  # hs.api_key = ...: sdk_clients' business; no call
        elif isinstance(parent, _HARMLESS_PARENTS):
            pass  # if client: ..., client is None, a bare statement
        elif isinstance(parent, cst.Return) and parent.value is current:
            # a factory: its callers in the module use the client too; other
            # modules may call it as well
            self.complete = False
            function = ctx.ancestor(parent, cst.FunctionDef)
            if isinstance(function, cst.FunctionDef):
                for caller in Flow(ctx).callers(function):
                    self.follow(caller, tuple(chain))
        elif self._bound_method(tuple(chain)):
            pass  # retry(client.crm.deals.basic_api.get_page): called elsewhere
        else:
            self.complete = False  # returned, passed on, stored: calls elsewhere

    def _method_call(self, chain: tuple[str, ...], call: cst.Call) -> None:
        found = sdk_operations.endpoints(self.sdk, chain, _arguments(call), self.client)
        if found is None:
            self.complete = False
            return
        for endpoint in found:
            if endpoint not in self.endpoints:
                self.endpoints.append(endpoint)

    def _bound_method(self, chain: tuple[str, ...]) -> bool:
        """A method of the SDK handed on uncalled: whoever calls it makes that
        method's calls, with arguments unknown here."""
        found = sdk_operations.endpoints(
            self.sdk, chain, Arguments(spread=True), self.client
        )
        for endpoint in found or ():
            if endpoint not in self.endpoints:
                self.endpoints.append(endpoint)
        return bool(found)

    def _bound(self, target: cst.BaseExpression, chain: tuple[str, ...]) -> None:
        if isinstance(target, cst.Name):
            for reference in self._references(target):
                self.follow(reference, chain)
            if self._in_class_body(target):  # class Sync: client = HubSpot(...)
                for reference in self._self_attributes(target):
                    self.follow(reference, chain)
        elif (
            isinstance(target, cst.Attribute)
            and isinstance(target.value, cst.Name)
            and target.value.value == "self"
        ):
            for reference in self._self_attributes(target):
                self.follow(reference, chain)
        else:
            self.complete = False  # obj.client = ..., d["client"] = ...

    def _references(self, target: cst.Name) -> list[cst.CSTNode]:
        scope = self.ctx.lexical_scope(target)
        if scope is None:
            self.complete = False
            return []
        found = []
        # a name declared ``global`` in a function is assigned in the module's scope
        for where in {scope, getattr(scope, "globals", scope)}:
            for assignment in where.assignments[target.value]:
                if getattr(assignment, "node", None) is target:
                    found += [r.node for r in self.ctx.references(assignment)]
        return found

    def _in_class_body(self, target: cst.Name) -> bool:
        statement = self.ctx.ancestor(target, cst.SimpleStatementLine)
        block = self.ctx.parent(statement) if statement is not None else None
        return isinstance(self.ctx.parent(block), cst.ClassDef)

    def _self_attributes(self, target: cst.Attribute | cst.Name) -> list[cst.CSTNode]:
        """``self.client`` read anywhere in the class that sets it (in a method,
        or as a class attribute)."""
        ctx = self.ctx
        cls = ctx.ancestor(target, cst.ClassDef)
        name = target.attr.value if isinstance(target, cst.Attribute) else target.value
        found = []
        for attribute in ctx.index.attributes.get(name, ()):
            if (
                attribute is not target
                and isinstance(attribute.value, cst.Name)
                and attribute.value.value == "self"
                and ctx.ancestor(attribute, cst.ClassDef) is cls
                and not isinstance(ctx.parent(attribute), cst.AssignTarget)
            ):
                found.append(attribute)
        return found


def _arguments(call: cst.Call) -> Arguments:
    positional: list[str | None] = []
    keywords: dict[str, str | None] = {}
    spread = False
    for arg in call.args:
        if arg.star:
            spread = True  # and the positions after *args are unknown
        elif arg.keyword is not None:
            keywords[arg.keyword.value] = _literal(arg.value)
        elif not spread:
            positional.append(_literal(arg.value))
    return Arguments(tuple(positional), keywords, spread)


def _literal(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    if isinstance(node, cst.Integer):
        return node.value
    return None
