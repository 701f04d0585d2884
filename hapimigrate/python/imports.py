"""Adding the imports a token provider needs: once, and where a person would.

A standard-library module (``import os``) joins the leading run of standard-library
imports in alphabetical order, or goes first, set apart from third-party imports by
a blank line. ``from module import name`` goes after the leading imports. Either goes
after any docstring and ``__future__`` imports, and never twice. (LibCST's
``AddImportsVisitor`` places imports alike, but importing ``libcst.codemod`` costs
0.4 s a process: more than the rest of a typical run.)

The names the inserted code uses (``os``, the provider's function, ``Request``)
must mean the imported thing wherever the code goes, and must not change what
the module's own code means: :class:`InsertedNames` writes the plain name only
when the module binds it nowhere but by that very import (and does not read it
unbound, a builtin's name); else it imports under a fresh private alias
(``import os as _os``, ``from app.secrets import token as _token``). In the
provider's own module, the function is called by its own name, not imported
(a module importing itself fails at start-up).
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Iterator

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import GlobalScope

from hapimigrate.model import Import
from hapimigrate.python.import_cycles import closes_cycle
from hapimigrate.python.metadata import walk

if TYPE_CHECKING:  # context imports this module
    from hapimigrate.python.context import ModuleContext


@dataclass(frozen=True)
class AliasedImport(Import):
    """``import module as alias``, or ``from module import name as alias``."""

    alias: str = ""


class InsertedNames:
    """For one module: the name to write for each thing inserted code imports,
    and the import that binds it (see the module's docstring)."""

    def __init__(
        self, module: cst.Module, scopes: Iterable[object], path: str = ""
    ) -> None:
        self._module = module
        self._path = path
        self._scopes = scopes
        self._taken: set[str] | None = None
        self._chosen: dict[Import, tuple[Import | None, str]] = {}
        # the tree's modules imported where the token is needed, as each is
        # written (an import cycle: see _lazy)
        self.lazy: dict[str, str] = {}
        # name -> the nodes binding it: (at module level, node)
        self._bindings: dict[str, list[tuple[bool, cst.CSTNode | None]]] = {}
        # names read anywhere (one a star import gives is read unbound)
        self._read: set[str] = set()
        # names the module may unbind: ``del os`` (at any level), or a
        # ``globals()`` entry removed by its name
        self._unbound: set[str] = set()
        self._loaded = False

    def _load(self) -> None:
        """The module's bindings and reads, from LibCST's scopes (once, when
        a first name is asked for)."""
        self._loaded = True
        for scope in set(self._scopes):
            if scope is None:
                continue
            top = isinstance(scope, GlobalScope)
            for assignment in scope.assignments:  # type: ignore[attr-defined]
                node = getattr(assignment, "node", None)
                self._bindings.setdefault(assignment.name, []).append((top, node))
            for access in scope.accesses:  # type: ignore[attr-defined]
                name = get_full_name_for_node(access.node)
                if name:
                    self._read.add(name.split(".")[0])
        self._unbound = _unbound_names(self._module)

    def bindings(self, name: str) -> list[tuple[bool, cst.CSTNode | None]]:
        """The nodes binding ``name``: (at module level, node)."""
        if not self._loaded:
            self._load()
        return self._bindings.get(name, [])

    def resolve(self, item: Import) -> tuple[Import | None, str]:
        """The import to add (None: none is needed) and the name (dotted for
        ``import a.b``) the inserted code writes for ``item``."""
        if isinstance(item, AliasedImport):
            return item, item.alias
        if not self._loaded:
            self._load()
        if item not in self._chosen:
            self._chosen[item] = self._choose(item)
        return self._chosen[item]

    def _choose(self, item: Import) -> tuple[Import | None, str]:
        wanted = item.name or item.module
        bare = wanted.split(".")[0]
        bindings = self._bindings.get(bare, [])
        if item.name is not None and self._own_module(item.module):
            own = [n for top, n in bindings if top and not _binds_by_import(n)]
            if own and all(top for top, _ in bindings):
                return None, item.name  # the module's own function: no import
            if own:  # hidden by a local of the same name somewhere
                return None, f'globals()["{item.name}"]'
        if closes_cycle(self._path, item.module):
            return self._lazy(item)
        # the module's own import, its only binding, never undone: ``del os``
        # after reading the key would make the inserted ``os.environ`` a
        # NameError when the request runs
        exact = (
            bindings
            and bare not in self._unbound
            and all(top and _imports_exactly(node, item) for top, node in bindings)
        )
        # a name the module neither binds nor reads: importing it changes
        # nothing else (not even a builtin's meaning, or a star import's name)
        unbound = not bindings and bare not in self._read and bare not in self._unbound
        if exact or unbound:
            return item, wanted
        for name, bound in sorted(self._bindings.items()):
            if name in self._unbound:
                continue
            if all(top and _imports_as(node, item, name) for top, node in bound):
                # the module's own ``import os as _os``, its only binding
                return AliasedImport(item.module, item.name, name), name
        alias = self._fresh(wanted)
        return AliasedImport(item.module, item.name, alias), alias

    def _lazy(self, item: Import) -> tuple[Import | None, str]:
        """A module of the tree that imports this one as it is imported (an
        import cycle): imported where the token is needed, not at the top
        (``importlib.import_module("myapp.auth").hubspot_token``), when both
        modules are done (see :func:`defined_too_late` for code that runs
        at import)."""
        chosen, importlib = self.resolve(Import("importlib"))
        written = f'{importlib}.import_module("{item.module}")'
        written += f".{item.name}" if item.name else ""
        self.lazy[item.module] = written
        return chosen, written

    def _own_module(self, dotted: str) -> bool:
        """Whether ``dotted`` names the module being rewritten: its path ends
        with ``a/b.py`` (or ``a/b/__init__.py``) for ``a.b``, and the folder
        above ``a`` is no package (where it is, the module is ``p.a.b``, and
        ``a.b`` another one)."""
        parts = os.path.normpath(os.path.abspath(self._path or ".")).split(os.sep)
        if not parts[-1].endswith(".py"):
            return False
        parts[-1] = parts[-1][: -len(".py")]
        if parts[-1] == "__init__":
            parts.pop()
        want = dotted.split(".")
        if parts[-len(want) :] != want:
            return False
        above = os.sep.join(parts[: -len(want)]) or os.sep
        return not os.path.isfile(os.path.join(above, "__init__.py"))

    def _fresh(self, wanted: str) -> str:
        if self._taken is None:
            self._taken = {
                n.value for n in walk(self._module) if isinstance(n, cst.Name)
            }
        base = wanted.replace(".", "_")
        for candidate in (f"_{base}", f"_hubspot_{base}"):
            if candidate not in self._taken:
                break
        else:
            number = 2
            while f"_hubspot_{base}{number}" in self._taken:
                number += 1
            candidate = f"_hubspot_{base}{number}"
        self._taken.add(candidate)
        return candidate

    def expression(
        self, source: str, imports: Iterable[Import]
    ) -> tuple[tuple[Import, ...], str]:
        """A provider's expression and its imports, with each imported name
        written as :meth:`resolve` says."""
        needed: list[Import] = []
        renames: dict[str, str] = {}
        for item in imports:
            chosen, name = self.resolve(item)
            if chosen is not None:
                needed.append(chosen)
            written = item.name or item.module
            if name != written:
                renames[written] = name
        if not renames:
            return tuple(needed), source
        tree = cst.parse_expression(source).visit(_Renamer(renames))
        return tuple(needed), cst.Module([]).code_for_node(tree)


def _unbound_names(module: cst.Module) -> set[str]:
    """The names a module may unbind as it runs: ``del os`` anywhere (a
    function's ``global os; del os`` too), ``del globals()["os"]``,
    ``globals().pop("os")``."""
    found: set[str] = set()

    def targets(node: cst.BaseExpression) -> Iterator[cst.BaseExpression]:
        if isinstance(node, (cst.Tuple, cst.List)):
            for element in node.elements:
                yield from targets(element.value)
        else:
            yield node

    for node in _small_statements(module):
        if isinstance(node, cst.Del):
            for target in targets(node.target):
                if isinstance(target, cst.Name):
                    found.add(target.value)
                elif isinstance(target, cst.Subscript) and _is_globals(target.value):
                    found.update(_strings(target))
            continue
        call = getattr(node, "value", None)  # globals().pop("os"), x = ...pop()
        if (
            isinstance(call, cst.Call)
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value in ("pop", "__delitem__")
            and _is_globals(call.func.value)
        ):
            found.update(_strings(call))
    return found


def _small_statements(module: cst.Module) -> Iterator[cst.BaseSmallStatement]:
    """Every simple statement of a module, in every block (functions and
    classes too), without walking expressions (LibCST's ``children`` rebuilds
    nodes: a walk of every node of a big module takes a second)."""
    stack: list[cst.CSTNode] = [module]
    while stack:
        node = stack.pop()
        if isinstance(node, (cst.SimpleStatementLine, cst.SimpleStatementSuite)):
            yield from node.body
            continue
        body = getattr(node, "body", None)
        if isinstance(body, (list, tuple)):  # a module's, an indented block's
            stack.extend(b for b in body if isinstance(b, cst.CSTNode))
        elif isinstance(body, cst.BaseSuite):
            stack.append(body)
        for field in ("orelse", "finalbody"):
            value = getattr(node, field, None)
            if isinstance(value, cst.CSTNode):
                stack.append(value)
        stack.extend(getattr(node, "handlers", ()))
        stack.extend(getattr(node, "cases", ()))


def _is_globals(node: cst.BaseExpression) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Name)
        and node.func.value in ("globals", "vars")
    )


def _strings(node: cst.CSTNode) -> set[str]:
    """The plain string literals below ``node``."""
    return {
        value
        for n in walk(node)
        if isinstance(n, cst.SimpleString)
        and isinstance(value := n.evaluated_value, str)
    }


def _imports_exactly(node: cst.CSTNode | None, item: Import) -> bool:
    """Whether the import statement ``node`` binds ``item``'s name to what
    ``item`` imports (``import os``, ``import os.path`` for ``os``; ``from m
    import name``)."""
    if item.name is None:
        if not isinstance(node, cst.Import):
            return False
        top = item.module.split(".")[0]
        return any(
            a.asname is None and a.evaluated_name.split(".")[0] == top
            for a in node.names
        )
    if not isinstance(node, cst.ImportFrom) or node.relative or node.module is None:
        return False
    if get_full_name_for_node(node.module) != item.module:
        return False
    if isinstance(node.names, cst.ImportStar):
        return False
    return any(
        a.evaluated_name == item.name
        and (a.asname is None or a.evaluated_alias == item.name)
        for a in node.names
    )


def _imports_as(node: cst.CSTNode | None, item: Import, name: str) -> bool:
    """Whether the import statement ``node`` binds ``name`` to what ``item``
    imports, under that other name (``import os as _os``)."""
    if isinstance(node, cst.Import) and item.name is None:
        return any(
            a.asname is not None
            and a.evaluated_alias == name
            and a.evaluated_name == item.module
            for a in node.names
        )
    if (
        not isinstance(node, cst.ImportFrom)
        or item.name is None
        or node.relative
        or node.module is None
        or isinstance(node.names, cst.ImportStar)
        or get_full_name_for_node(node.module) != item.module
    ):
        return False
    return any(
        a.evaluated_name == item.name and a.evaluated_alias == name for a in node.names
    )


def _binds_by_import(node: cst.CSTNode | None) -> bool:
    """A binding's node that is an import (not the module's own definition)."""
    return isinstance(node, (cst.Import, cst.ImportFrom))


class _Renamer(cst.CSTTransformer):
    """Writes each imported name (``os``, ``a.b``, ``token``) as its alias."""

    def __init__(self, renames: dict[str, str]) -> None:
        super().__init__()
        self.renames = renames

    def leave_Name(self, original, updated):
        new = self.renames.get(original.value)
        return _written(new, updated) if new else updated

    def leave_Attribute(self, original, updated):
        new = self.renames.get(get_full_name_for_node(original) or "")
        if new:
            return _written(new, updated)
        return updated.with_changes(attr=original.attr)  # ``x.os`` is not ``os``

    def leave_Arg(self, original, updated):
        return updated.with_changes(keyword=original.keyword)


def _written(new: str, updated: cst.BaseExpression) -> cst.BaseExpression:
    parens = {"lpar": updated.lpar, "rpar": updated.rpar}
    if new.isidentifier():
        return cst.Name(new, **parens)
    return cst.parse_expression(new).with_changes(**parens)


class PlannedImports(set):
    """The imports inserted code needs (a set of :class:`Import`): each one
    added is written as :class:`InsertedNames` says, and ``names`` tells the
    edits which name to write for it."""

    def __init__(self, names: InsertedNames) -> None:
        super().__init__()
        self.resolver = names
        self.names: dict[str, str] = {}  # the name imported -> the name to write

    def add(self, item: Import) -> None:
        chosen, name = self.resolver.resolve(item)
        if chosen is not None:
            super().add(chosen)
        self.names[item.name or item.module] = name

    def update(self, *items: Iterable[Import]) -> None:
        for each in items:
            for item in each:
                self.add(item)


TOO_LATE = (
    "the token provider {}() is this module's own, defined below code that runs "
    "at import and would now call it (a NameError at start-up): define it above "
    "that code, or migrate by hand"
)
CYCLE_AT_IMPORT = (
    "the token provider's module {} imports this module as it is imported (an "
    "import cycle), and line {} would call the provider as this module is "
    "imported, before either module is done (an ImportError or AttributeError "
    "at start-up): move that request into a function, or migrate by hand"
)


def defined_too_late(ctx: ModuleContext) -> str | None:
    """Why the module's rewrites cannot stand, or None: in the provider's own
    module, code that runs at import, above the module's definition of the
    provider's function, holds the inserted call, or calls (by name) a
    function or class of the module that holds it (:data:`TOO_LATE`); in a
    module the provider's module imports back, the provider, imported where
    the token is needed, is needed at import (:data:`CYCLE_AT_IMPORT`)."""
    if not ctx.edits:
        return None
    body = list(ctx.module.body)
    for module, written in sorted(ctx.imports.resolver.lazy.items()):
        line = _runs_at_import(ctx, written, len(body))
        if line is not None:
            return CYCLE_AT_IMPORT.format(module, line)
    own = [
        i.name
        for i in ctx.provider.imports
        if i.name is not None
        and ctx.imports.resolver.resolve(i)[0] is None
        and i.module not in ctx.imports.resolver.lazy
    ]
    if not own:
        return None
    name = own[0]
    defined = min(
        (
            body.index(_top(ctx, node))
            for at_top, node in ctx.imports.resolver.bindings(name)
            if at_top and node is not None and not _binds_by_import(node)
        ),
        default=None,
    )
    if defined is None:
        return None
    written = ctx.imports.names.get(name, name) + "("
    if _runs_at_import(ctx, written, defined) is not None:
        return TOO_LATE.format(name)
    return None


def _top(ctx: ModuleContext, node: cst.CSTNode) -> cst.CSTNode:
    """The module-level statement holding ``node``."""
    while (parent := ctx.parent(node)) is not None and parent is not ctx.module:
        node = parent
    return node


def _runs_at_import(ctx: ModuleContext, written: str, before: int) -> int | None:
    """The line of the first of the module's first ``before`` statements that
    runs an edit writing ``written`` when the module is imported: itself, or
    through a function or class of the module it calls (by name); None when
    none does."""
    body = list(ctx.module.body)
    anchors = _anchors(ctx, written)
    reaching: set[str] = set()  # the module's functions and classes that run one
    early: set[int] = set()  # the statements that run one at import
    for anchor in anchors:
        statement = _top(ctx, anchor)
        function = ctx.ancestor(anchor, cst.FunctionDef, cst.Lambda)
        if function is None:
            early.add(body.index(statement))
        elif isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            reaching.add(statement.name.value)
        else:  # a function defined in a block: unsure
            return ctx.start(statement)[0]
    grown = True
    while grown:
        grown = False
        for statement in body:
            if (
                isinstance(statement, (cst.FunctionDef, cst.ClassDef))
                and statement.name.value not in reaching
                and any(
                    isinstance(n, cst.Name) and n.value in reaching
                    for n in walk(statement)
                )
            ):
                reaching.add(statement.name.value)
                grown = True
    for index, statement in enumerate(body[:before]):
        if index in early or any(
            isinstance(n, cst.Name) and n.value in reaching
            for n in _run_at_import(statement)
        ):
            return ctx.start(statement)[0]
    return None


def _anchors(ctx: ModuleContext, written: str) -> list[cst.CSTNode]:
    """The nodes of the original tree whose edits write ``written``."""
    code = cst.Module([]).code_for_node

    def holds(*values: object) -> bool:
        return any(isinstance(v, cst.CSTNode) and written in code(v) for v in values)

    edits = ctx.edits
    found: list[cst.CSTNode] = [
        call
        for call, edit in edits.calls.items()
        if holds(edit.bearer, *(value for _, value in edit.rename.values()))
    ]
    found += [node for node, value in edits.replace.items() if holds(value)]
    found += [
        statement
        for statement, replacements in edits.statements.items()
        if holds(*replacements)
    ]
    return found


def _run_at_import(statement: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The nodes of a top-level statement that run when the module is
    imported: all but the bodies of functions and lambdas."""
    stack = [statement]
    while stack:
        node = stack.pop()
        yield node
        for child in node.children:
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)) and child is node.name:
                continue
            if isinstance(node, cst.FunctionDef) and child is node.body:
                continue
            if isinstance(node, cst.Lambda) and child is node.body:
                continue
            stack.append(child)


def add_imports(module: cst.Module, needed: Iterable[Import]) -> cst.Module:
    for item in sorted(
        set(needed), key=lambda i: (i.module, i.name or "", getattr(i, "alias", ""))
    ):
        if isinstance(item, AliasedImport):
            module = _add_after_imports(
                module, _aliased(item), lambda: _has_aliased(module, item)
            )
        elif item.name is None and _is_stdlib(item.module):
            module = _add_stdlib_import(module, item.module)
        elif item.name is None:
            module = _add_after_imports(
                module, _import(item.module), lambda: _binds(module, item.module)
            )
        else:
            module = _add_after_imports(
                module,
                _from_import(item.module, item.name),
                lambda: _imports_name(module, item),
            )
    return module


def _import(name: str) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine(
        [cst.Import([cst.ImportAlias(cst.parse_expression(name))])]
    )


def _from_import(module: str, name: str) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine(
        [
            cst.ImportFrom(
                module=cst.parse_expression(module),
                names=[cst.ImportAlias(cst.Name(name))],
            )
        ]
    )


def _aliased(item: AliasedImport) -> cst.SimpleStatementLine:
    alias = cst.AsName(cst.Name(item.alias))
    if item.name is None:
        statement: cst.BaseSmallStatement = cst.Import(
            [cst.ImportAlias(cst.parse_expression(item.module), asname=alias)]
        )
    else:
        statement = cst.ImportFrom(
            module=cst.parse_expression(item.module),
            names=[cst.ImportAlias(cst.Name(item.name), asname=alias)],
        )
    return cst.SimpleStatementLine([statement])


def _has_aliased(module: cst.Module, item: AliasedImport) -> bool:
    """Whether the very import ``item`` is at the top already."""
    wanted = cst.Module([]).code_for_node(_aliased(item).body[0])
    return any(
        isinstance(statement, cst.SimpleStatementLine)
        and any(
            cst.Module([])
            .code_for_node(small.with_changes(semicolon=cst.MaybeSentinel.DEFAULT))
            .strip()
            == wanted
            for small in statement.body
        )
        for statement in module.body
    )


def _imports_name(module: cst.Module, item: Import) -> bool:
    """Whether ``from item.module import item.name`` is at the top already."""
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if (
                isinstance(small, cst.ImportFrom)
                and small.module is not None
                and get_full_name_for_node(small.module) == item.module
                and not isinstance(small.names, cst.ImportStar)
                and any(
                    a.evaluated_name == item.name and a.asname is None
                    for a in small.names
                )
            ):
                return True
    return False


def _add_after_imports(
    module: cst.Module, new: cst.SimpleStatementLine, present
) -> cst.Module:
    """``new`` after the leading imports (or after the docstring and
    ``__future__`` imports when there are none), followed by a blank line."""
    if present():
        return module
    body = list(module.body)
    index = _start(module)
    while index < len(body) and _is_import(body[index]):
        index += 1
    if index < len(body) and not body[index].leading_lines:
        body[index] = body[index].with_changes(leading_lines=[cst.EmptyLine()])
    body.insert(index, new)
    return module.with_changes(body=body)


def _is_stdlib(module: str) -> bool:
    return module.split(".")[0] in sys.stdlib_module_names


def _plain_imports(statement: cst.CSTNode) -> list[str] | None:
    """The modules of an ``import a, b`` line, or None for any other line."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return None
    if len(statement.body) != 1 or not isinstance(statement.body[0], cst.Import):
        return None
    return [get_full_name_for_node(a.name) or "" for a in statement.body[0].names]


def _is_import(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
    )


def _binds(module: cst.Module, name: str) -> bool:
    for statement in module.body:
        for imported in _plain_imports(statement) or ():
            if imported == name or imported.startswith(name + "."):
                if not any(
                    a.asname for s in statement.body for a in s.names  # type: ignore[attr-defined]
                ):
                    return True
    return False


def _start(module: cst.Module) -> int:
    """The index after the docstring and ``from __future__`` imports."""
    body = module.body
    index = 0
    if index < len(body) and isinstance(body[0], cst.SimpleStatementLine):
        first = body[0].body[0]
        if isinstance(first, cst.Expr) and isinstance(
            first.value, (cst.SimpleString, cst.ConcatenatedString)
        ):
            index = 1
    while index < len(body) and _is_future(body[index]):
        index += 1
    return index


def _is_future(statement: cst.CSTNode) -> bool:
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    first = statement.body[0]
    return (
        isinstance(first, cst.ImportFrom)
        and first.module is not None
        and not first.relative
        and get_full_name_for_node(first.module) == "__future__"
    )


def _add_stdlib_import(module: cst.Module, name: str) -> cst.Module:
    if _binds(module, name):
        return module
    body = list(module.body)
    start = _start(module)
    if start >= len(body) or not _is_import(body[start]):
        return _add_after_imports(module, _import(name), lambda: False)
    new = _import(name)
    index = start
    while index < len(body):
        names = _plain_imports(body[index])
        if not names or not all(_is_stdlib(n) for n in names):
            break
        if index > start and body[index].leading_lines:
            break  # a blank line ends the standard-library group
        if names[0] > name:
            break
        index += 1
    following = body[index] if index < len(body) else None
    if index == start and following is not None:
        # first of all imports: take over the comments above the block
        new = new.with_changes(leading_lines=following.leading_lines)
        names = _plain_imports(following)
        stdlib_next = names is not None and all(_is_stdlib(n) for n in names)
        body[index] = following.with_changes(
            leading_lines=[] if stdlib_next else [cst.EmptyLine()]
        )
    body.insert(index, new)
    return module.with_changes(body=body)
