"""Names another module of the tree re-exports: ``from app.sdk import HubSpot``
where ``app/sdk.py`` (or a package's ``__init__.py``) says ``from hubspot import
HubSpot``. LibCST names such a class ``app.sdk.HubSpot``; what it is, is
``hubspot.HubSpot``. Followed through the tree's modules (a few hops, relative
imports too), read with :mod:`ast` once per file."""

from __future__ import annotations

import ast
import functools
import os

import libcst as cst

from hapimigrate import tree_imports
from hapimigrate.python.context import ModuleContext

_HOPS = 4


def resolved_names(ctx: ModuleContext, node: cst.CSTNode) -> set[str]:
    """The qualified names of ``node``, and what each is where another module of
    the tree only imports it from elsewhere (outside the tree)."""
    names = ctx.qualified_names(node)
    found = set(names)
    for name in names:
        module, _, attribute = name.rpartition(".")
        if not module or name.startswith("."):
            continue
        path = tree_imports.module_file(ctx.path, module, 0)
        if path is not None:
            outside = _imported_from_outside(path, attribute, 0)
            if outside is not None:
                found.add(outside)
    return found


def _imported_from_outside(path: str, name: str, hops: int) -> str | None:
    """``hubspot.HubSpot`` when the module at ``path`` binds ``name`` only by
    ``from hubspot import HubSpot`` (perhaps through more modules of the tree);
    None when it defines or assigns it, or binds it more than once."""
    if hops > _HOPS:
        return None
    module = _parsed(path)
    if module is None:
        return None
    found: list[tuple[str, str, int]] = []  # (source, imported name, level)
    for statement in module.body:
        if isinstance(statement, ast.ImportFrom):
            for alias in statement.names:
                if (alias.asname or alias.name) == name and alias.name != "*":
                    found.append((statement.module or "", alias.name, statement.level))
        elif _binds(statement, name):
            return None
    if len(found) != 1:
        return None
    source, imported, level = found[0]
    inner = tree_imports.module_file(path, source, level) if source or level else None
    if inner is not None and os.path.abspath(inner) != os.path.abspath(path):
        return _imported_from_outside(inner, imported, hops + 1)
    if level or not source:
        return None
    return f"{source}.{imported}"


def _binds(statement: ast.stmt, name: str) -> bool:
    """Whether a top-level statement other than ``from x import`` binds
    ``name`` (a def, a class, an assignment, ``import name``, a branch)."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return statement.name == name
    if isinstance(statement, ast.Import):
        return any((a.asname or a.name.split(".")[0]) == name for a in statement.names)
    if isinstance(statement, (ast.If, ast.Try, ast.With, ast.For, ast.While)):
        return any(
            isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
            for n in ast.walk(statement)
        ) or any(
            isinstance(n, (ast.ImportFrom, ast.Import))
            and any((a.asname or a.name) == name for a in n.names)
            for n in ast.walk(statement)
        )
    return any(
        isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
        for n in ast.walk(statement)
    )


def _parsed(path: str) -> ast.Module | None:
    """The module at ``path``, parsed once for each version of the file."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _parse(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parse(path: str, mtime: int, size: int) -> ast.Module | None:
    try:
        return ast.parse(tree_imports.read(path))
    except (SyntaxError, ValueError, RecursionError):
        return None
