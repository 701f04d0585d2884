"""What a name at the root of an attribute chain stands for, within one module.

    tl = client.crm.timeline            (an alias, of an alias too: t = tl.templates_api)
    self.tl = client.crm.timeline       (an attribute a class's methods share)
    def sync(tl): tl.templates_api...   (a parameter the module's calls give a chain:
    sync(client.crm.timeline)            sync(...), Syncer(...) for __init__, self.sync(...))

:class:`Chains` reads a module's :mod:`ast` once and expands a chain rooted at
such a name to the chains it may stand for, ``("tl", "templates_api",
"get_all")`` to ``("client", "crm", "timeline", "templates_api", "get_all")``, so
that a developer-key API reached through a name is seen as the inline chain is
(:mod:`hapimigrate.tree_developer`). Every binding a name has anywhere in its
scope counts (branches, shadowing): more chains, never fewer, so a use is never
missed for taking the wrong one. Only syntax: nothing is imported or run.
"""

from __future__ import annotations

import ast
from typing import Callable, Iterable, Iterator

Chain = tuple[str, ...]
Scope = ast.AST | None  # a function (or method) node, None for the module's top

# how far a chain is followed through names (t -> tl -> client.crm.timeline)
_DEPTH = 5
# at most this many chains for one (names bound in many branches)
_MOST = 64
_SELF = ("self", "cls")


def value_chain(node: ast.AST) -> Chain | None:
    """An expression as the chain it reads, root first: ``client.crm.timeline``,
    ``tl``, ``make_client().crm`` (calls passed through); None for another one."""
    names: list[str] = []
    current = node
    while True:
        if isinstance(current, ast.Attribute):
            names.append(current.attr)
            current = current.value
        elif isinstance(current, ast.Call):
            current = current.func
        elif isinstance(current, ast.Name):
            names.append(current.id)
            return tuple(reversed(names))
        else:
            return None


class Chains:
    """A module's names bound to chains: at its top, in each function (its
    parameters too, from the module's own calls) and as ``self``/``cls``
    attributes of each class."""

    def __init__(self, tree: ast.Module) -> None:
        self._top: dict[str, set[Chain]] = {}
        self._locals: dict[int, dict[str, set[Chain]]] = {}
        # class -> self.x -> (chain, the scope it was assigned in)
        self._attributes: dict[str, dict[str, set[tuple[Chain, Scope]]]] = {}
        self._class_of: dict[int, str] = {}  # a method -> its class
        self._functions: dict[str, list[tuple[ast.AST, int]]] = {}  # f -> (def, skip)
        self._methods: dict[str, list[tuple[ast.AST, int]]] = {}
        self._scopes: list[tuple[Scope, list[ast.stmt]]] = []
        top: list[ast.stmt] = []
        for statement in tree.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._functions.setdefault(statement.name, []).append((statement, 0))
                self._scopes.append((statement, [statement]))
            elif isinstance(statement, ast.ClassDef):
                self._read_class(statement)
            else:
                top.append(statement)
        self._scopes.append((None, top))
        for scope, statements in self._scopes:
            for statement in statements:
                self._assignments(scope, statement)
        for _ in range(2):  # a chain handed on through two calls
            for scope, statements in self._scopes:
                for statement in statements:
                    self._arguments(scope, statement)

    def _read_class(self, node: ast.ClassDef) -> None:
        attributes = self._attributes.setdefault(node.name, {})
        for item in node.body:
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._class_of[id(item)] = node.name
                static = any(
                    isinstance(d, ast.Name) and d.id == "staticmethod"
                    for d in item.decorator_list
                )
                self._methods.setdefault(item.name, []).append(
                    (item, 0 if static else 1)
                )
                if item.name == "__init__":
                    self._functions.setdefault(node.name, []).append((item, 1))
                self._scopes.append((item, [item]))
            elif isinstance(item, (ast.Assign, ast.AnnAssign)):
                chain = value_chain(item.value) if item.value is not None else None
                targets = (
                    item.targets if isinstance(item, ast.Assign) else [item.target]
                )
                for target in targets:
                    if chain is not None and isinstance(target, ast.Name):
                        attributes.setdefault(target.id, set()).add((chain, None))

    def _bind(self, scope: Scope, target: ast.AST, chains: Iterable[Chain]) -> None:
        chains = set(chains)
        if not chains:
            return
        if isinstance(target, ast.Name):
            names = (
                self._top if scope is None else self._locals.setdefault(id(scope), {})
            )
            names.setdefault(target.id, set()).update(chains)
        elif (
            isinstance(target, ast.Attribute)
            and isinstance(target.value, ast.Name)
            and target.value.id in _SELF
            and scope is not None
            and id(scope) in self._class_of
        ):
            attributes = self._attributes[self._class_of[id(scope)]]
            attributes.setdefault(target.attr, set()).update(
                (chain, scope) for chain in chains
            )

    def _assignments(self, scope: Scope, statement: ast.stmt) -> None:
        for node in ast.walk(statement):
            if isinstance(node, ast.Assign):
                chain = value_chain(node.value)
                for target in node.targets if chain is not None else ():
                    self._bind(scope, target, [chain])
            elif isinstance(node, (ast.AnnAssign, ast.NamedExpr)):
                chain = value_chain(node.value) if node.value is not None else None
                if chain is not None:
                    self._bind(scope, node.target, [chain])
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                # a parameter's default: def sync(tl=client.crm.timeline)
                positional = [*node.args.posonlyargs, *node.args.args]
                pairs = list(zip(positional[::-1], node.args.defaults[::-1]))
                pairs += [
                    (a, d)
                    for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults)
                    if d is not None
                ]
                for parameter, default in pairs:
                    chain = value_chain(default)
                    if chain is not None:
                        locals_ = self._locals.setdefault(id(node), {})
                        locals_.setdefault(parameter.arg, set()).add(chain)

    def _arguments(self, scope: Scope, statement: ast.stmt) -> None:
        """The chains the module's calls give its functions' parameters."""
        for node in ast.walk(statement):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name):
                callees = self._functions.get(node.func.id, [])
            elif isinstance(node.func, ast.Attribute):
                callees = self._methods.get(node.func.attr, [])
            else:
                continue
            for function, skip in callees:
                parameters = [*function.args.posonlyargs, *function.args.args][skip:]
                given: list[tuple[str, ast.expr]] = [
                    (p.arg, a)
                    for p, a in zip(parameters, node.args)
                    if not isinstance(a, ast.Starred)
                ]
                given += [(k.arg, k.value) for k in node.keywords if k.arg is not None]
                for name, argument in given:
                    chain = value_chain(argument)
                    if chain is None:
                        continue
                    locals_ = self._locals.setdefault(id(function), {})
                    locals_.setdefault(name, set()).update(self.expand(chain, scope))

    def class_of(self, scope: Scope) -> str | None:
        """The class whose method ``scope`` is, if it is one."""
        return self._class_of.get(id(scope)) if scope is not None else None

    def defines(self, name: str) -> bool:
        """Whether the module defines a function, method or class ``name``
        (whose parameters its calls bind)."""
        return name in self._functions or name in self._methods

    def scopes(self) -> list[tuple[Scope, list[ast.stmt]]]:
        """The module's scopes with their statements: each function and method
        (its node as its scope), then the module's other statements (None)."""
        return list(self._scopes)

    def expand(self, chain: Chain, scope: Scope = None) -> set[Chain]:
        """``chain`` and the chains it may stand for in ``scope``."""
        seen = {(chain, scope)}
        frontier = [(chain, scope)]
        for _ in range(_DEPTH):
            following = []
            for current in frontier:
                for longer in self._replacements(*current):
                    if longer not in seen and len(seen) < _MOST:
                        seen.add(longer)
                        following.append(longer)
            if not following:
                break
            frontier = following
        return {c for c, _ in seen}

    def _replacements(
        self, chain: Chain, scope: Scope
    ) -> Iterator[tuple[Chain, Scope]]:
        """What the root of ``chain`` stands for in ``scope``, one step: each
        chain with the scope its own root is read in."""
        root, rest = chain[0], chain[1:]
        if root in _SELF and rest and scope is not None:
            attributes = self._attributes.get(self._class_of.get(id(scope), ""), {})
            for bound, where in attributes.get(rest[0], ()):
                yield bound + rest[1:], where
        if scope is not None:
            for bound in self._locals.get(id(scope), {}).get(root, ()):
                yield bound + rest, scope
        for bound in self._top.get(root, ()):
            yield bound + rest, None

    def hints(self, wanted: Callable[[Chain], bool]) -> set[str]:
        """The names (a local, a parameter, an attribute's) bound somewhere to a
        chain that ``wanted`` accepts, expanded: a statement naming none of them
        reaches no such chain through a name."""
        found: set[str] = set()
        tables = [(None, self._top)]
        tables += [(s, self._locals.get(id(s), {})) for s, _ in self._scopes if s]
        for scope, names in tables:
            for name, chains in names.items():
                if any(wanted(e) for c in chains for e in self.expand(c, scope)):
                    found.add(name)
        for attributes in self._attributes.values():
            for name, chains in attributes.items():
                if any(wanted(e) for c, s in chains for e in self.expand(c, s)):
                    found.add(name)
        return found


def bound_names(statement: ast.stmt) -> frozenset[str]:
    """The module-level names a top-level statement defines."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return frozenset([statement.name])
    targets: list[ast.expr] = []
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        targets = [statement.target]
    return frozenset(
        n.id
        for t in targets
        for n in ast.walk(t)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    )


def function_locals(scope: ast.AST) -> frozenset[str]:
    """The names a function binds itself (its parameters, its assignments),
    less those it declares global: ``def f(client)`` is not the module's."""
    stored, declared = set(), set()
    for node in ast.walk(scope):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            stored.add(node.id)
        elif isinstance(node, ast.arg):
            stored.add(node.arg)
        elif isinstance(node, ast.Global):
            declared.update(node.names)
    return frozenset(stored - declared)


ImportedName = tuple[str | None, str, str]  # (from-module or None, name, local)


def imported_aliases(nodes: Iterable[ast.AST]) -> list[ImportedName]:
    """(the last part of a from-import's module, or None for ``import x``; the
    name; the local name) of each import among ``nodes``."""
    found: list[ImportedName] = []
    for node in nodes:
        if isinstance(node, ast.ImportFrom):
            source = (node.module or "").split(".")[-1]
            for alias in node.names:
                found.append((source, alias.name, alias.asname or alias.name))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                found.append((None, alias.name, alias.asname or alias.name))
    return found
