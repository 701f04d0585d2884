"""The LibCST metadata a :class:`~hapimigrate.python.context.ModuleContext` needs
(parents, positions, scopes, qualified names), resolved without LibCST's empty walks.

LibCST resolves its batchable providers in layers (parents and expression
contexts, then scopes, then qualified names), each layer by one "batched" walk of
the whole tree that calls each provider's ``visit_*`` methods. These four
providers only have ``visit_Module`` (each runs its own walk from there), so the
batched walk below the module calls nothing; yet it visits, and rebuilds, every
node: three walks for nothing. Here a batched walk whose visitors have nothing
but ``visit_Module``/``leave_Module`` (and no before/after hook) does not descend.

Parents are found here, not by LibCST's ``ParentNodeProvider``, whose walk asks
each node for its ``children`` (LibCST rebuilds every node twice for that): a
node's children are the nodes in its fields, which is what ``children`` collects;
fourteen times faster, the same map (``tests/test_metadata.py`` compares them).
Qualified names are not resolved by ``QualifiedNameProvider``'s walk, which
gives each node of the module a lazy value: its scope's
``get_qualified_names_for(node)`` (an empty set for a node without a scope);
here that value is made when a node's names are first asked for
(:class:`QualifiedNames`; ``tests/test_metadata_names.py`` compares them): a
walk of the module less, 7% of a candidate. What is resolved is unchanged.

It replaces a method of a private LibCST class, so it is installed only on the
LibCST versions it was checked against (1.x, where ``_BatchedCSTVisitor`` has
this shape); elsewhere LibCST runs as shipped (see also :mod:`speedups`)."""

from __future__ import annotations

import dataclasses
from typing import Callable, Iterator, Mapping

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from hapimigrate.python import speedups

try:
    from libcst._batched_visitor import _BatchedCSTVisitor
except ImportError:  # pragma: no cover - a LibCST that reorganised its insides
    _BatchedCSTVisitor = None  # type: ignore[assignment,misc]

# what LibCST resolves (the parents are found by parents())
PROVIDERS = (PositionProvider, ScopeProvider, QualifiedNameProvider)
_ROOT_ONLY = frozenset({"visit_Module", "leave_Module"})


def _on_visit(self, node: cst.CSTNode) -> bool:
    """LibCST 1.x's ``_BatchedCSTVisitor.on_visit``, but for the return value:
    no descent when nothing below the root would be called."""
    before_visit = self.before_visit
    if before_visit is not None:
        before_visit(node)
    type_name = type(node).__name__
    for v in self.visitor_methods.get(f"visit_{type_name}", []):
        v(node)
    return not (
        before_visit is None
        and self.after_leave is None
        and self.visitor_methods.keys() <= _ROOT_ONLY
    )


def applies(version: str) -> bool:
    """Whether skipping the empty walks is known to be safe on this LibCST."""
    return (
        speedups.applies(version)
        and _BatchedCSTVisitor is not None
        and callable(getattr(_BatchedCSTVisitor, "on_visit", None))
    )


def install() -> bool:
    """Install where it applies; whether it was installed."""
    if not applies(speedups.LIBCST_VERSION):
        return False
    _BatchedCSTVisitor.on_visit = _on_visit  # type: ignore[method-assign]
    return True


def resolve(wrapper: MetadataWrapper) -> Mapping[type, Mapping[cst.CSTNode, object]]:
    """Positions, scopes and qualified names of ``wrapper``'s module."""
    if not speedups.applies(speedups.LIBCST_VERSION):
        return wrapper.resolve_many(PROVIDERS)
    resolved = dict(wrapper.resolve_many(PROVIDERS[:2]))
    resolved[QualifiedNameProvider] = QualifiedNames(
        wrapper.module, resolved[ScopeProvider]
    )
    return resolved


class _Lazy:
    """A value made on its first call (LibCST's ``LazyValue``)."""

    __slots__ = ("make", "value")

    def __init__(self, make: Callable[[], object]) -> None:
        self.make: Callable[[], object] | None = make
        self.value: object = None

    def __call__(self) -> object:
        if self.make is not None:
            self.value, self.make = self.make(), None
        return self.value


class QualifiedNames(Mapping):
    """``QualifiedNameProvider``'s map for ``module``, each value made when it
    is first asked for: as LibCST 1.x's ``QualifiedNameVisitor`` makes it for
    every node of the module, a lazy ``get_qualified_names_for`` of the node's
    scope, or an empty set for a node without one. No value for a node outside
    the module (a string annotation's nodes, which the scopes also hold)."""

    def __init__(
        self, module: cst.Module, scopes: Mapping[cst.CSTNode, object]
    ) -> None:
        self.module = module
        self.scopes = scopes
        self.made: dict[cst.CSTNode, object] = {}

    def __getitem__(self, node: cst.CSTNode) -> object:
        value = self.made.get(node)
        if value is not None:
            return value
        if node is not self.module and node not in parents(self.module):
            raise KeyError(node)
        scope = self.scopes.get(node)
        if scope:
            value = _Lazy(lambda: scope.get_qualified_names_for(node))
        else:
            value = set()
        self.made[node] = value
        return value

    def __iter__(self) -> Iterator[cst.CSTNode]:
        yield self.module
        yield from parents(self.module)

    def __len__(self) -> int:
        return 1 + len(parents(self.module))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def parents(module: cst.Module) -> dict[cst.CSTNode, cst.CSTNode]:
    """Each node's parent: ``ParentNodeProvider``'s map, without its walk
    (the last module's map is kept: a module's contexts and its qualified
    names ask for it again; read-only)."""
    global _last_parents
    last = _last_parents  # one read: another thread may set it meanwhile
    if last[0] is module:
        return last[1]
    found: dict[cst.CSTNode, cst.CSTNode] = {}
    stack: list[cst.CSTNode] = [module]
    pop, push = stack.pop, stack.append
    node_type = cst.CSTNode
    while stack:
        node = pop()
        for name in _FIELDS.get(type(node)) or _fields(type(node)):
            value = getattr(node, name)
            if isinstance(value, node_type):
                found[value] = node
                push(value)
            elif type(value) is tuple or type(value) is list:
                for child in value:
                    if isinstance(child, node_type):
                        found[child] = node
                        push(child)
    _last_parents = (module, found)
    return found


_last_parents: tuple[cst.Module | None, dict[cst.CSTNode, cst.CSTNode]] = (None, {})


speedups.install()
install()


def walk(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """``node`` and every node below it, in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))
