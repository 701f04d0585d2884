"""Adding the imports a token provider needs: once, and where a person would.

A standard-library module (``import os``) joins the leading run of standard-library
imports in alphabetical order, or goes first, set apart from third-party imports by
a blank line. ``from module import name`` goes after the leading imports. Either goes
after any docstring and ``__future__`` imports, and never twice. (LibCST's
``AddImportsVisitor`` places imports alike, but importing ``libcst.codemod`` costs
0.4 s a process: more than the rest of a typical run.)
"""

from __future__ import annotations

import sys
from typing import Iterable

import libcst as cst
from libcst.helpers import get_full_name_for_node

from hapimigrate.model import Import


def add_imports(module: cst.Module, needed: Iterable[Import]) -> cst.Module:
    for item in sorted(set(needed), key=lambda i: (i.module, i.name or "")):
        if item.name is None and _is_stdlib(item.module):
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
