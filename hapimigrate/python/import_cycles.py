"""Whether importing a module of the tree at the top of another closes a cycle.

The token provider's module (``myapp.auth``) may itself import, as it is
imported, the module being migrated (``from myapp.crm import PORTAL_ID``),
directly or through others. Then ``from myapp.auth import hubspot_token`` at the
top of ``myapp/crm.py`` fails at start-up, whichever of the two is imported
first (``ImportError: cannot import name ... (most likely due to a circular
import)``). :func:`closes_cycle` tells, so that the provider is imported when the
token is needed instead (:mod:`hapimigrate.python.imports`).

Only what runs at import counts: top-level imports, also under ``if``/``try``
and in class bodies, not those inside functions; a package's ``__init__.py``
runs before its submodules. Read with :mod:`ast`, without importing anything.
"""

from __future__ import annotations

import ast
import functools
import os
import sys

from hapimigrate.tree_imports import module_file

# how many of the tree's files one closure reads at most: a cycle through more
# is taken to exist (the answer only makes the import lazy)
_MOST_FILES = 400


def closes_cycle(path: str, dotted: str) -> bool:
    """Whether ``import dotted`` (a module of the tree, found from the module at
    ``path``), run at the top of that module, would import it back while it
    is still being imported."""
    if not path or dotted.split(".")[0] in sys.stdlib_module_names:
        return False
    target = module_file(path, dotted)
    if target is None:
        return False  # installed elsewhere: not the tree's, cannot import it back
    here = os.path.abspath(path)
    # a package holding this module is imported already (or being imported):
    # importing the provider does not run its __init__.py again
    files = [os.path.abspath(target)] + [
        init
        for init in _packages(target, dotted)
        if not here.startswith(os.path.dirname(init) + os.sep)
    ]
    reached = set()
    for file in files:
        reached |= _imported_at_import(file, _stamp(file))
    return here in reached


def _packages(target: str, dotted: str) -> list[str]:
    """The ``__init__.py`` files importing ``dotted`` runs first."""
    found = []
    folder = os.path.dirname(os.path.abspath(target))
    if os.path.basename(target) == "__init__.py":
        folder = os.path.dirname(folder)
    for _ in dotted.split(".")[:-1]:
        init = os.path.join(folder, "__init__.py")
        if os.path.isfile(init):
            found.append(init)
        folder = os.path.dirname(folder)
    return found


def _stamp(path: str) -> tuple[int, int]:
    try:
        status = os.stat(path)
    except OSError:
        return (0, 0)
    return (status.st_mtime_ns, status.st_size)


@functools.lru_cache(maxsize=64)
def _imported_at_import(start: str, stamp: tuple[int, int]) -> frozenset[str]:
    """The tree's files importing ``start`` runs (itself included), at any
    depth. ``stamp`` (its modification time and size) keys the cache."""
    seen = {start}
    todo = [start]
    while todo and len(seen) < _MOST_FILES:
        current = todo.pop()
        for found in _direct(current):
            if found not in seen:
                seen.add(found)
                todo.append(found)
    return frozenset(seen)


def _direct(path: str) -> list[str]:
    """The tree's files one module's import-time imports run."""
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError, RecursionError):
        return []
    found = []
    for node in _run_at_import(tree.body):
        if isinstance(node, ast.Import):
            names = [(a.name, 0) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            source = node.module or ""
            names = [(source, node.level)] if source else []
            # from pkg import crm: a submodule, when there is one
            names += [
                (f"{source}.{a.name}" if source else a.name, node.level)
                for a in node.names
                if a.name != "*"
            ]
        else:
            continue
        for dotted, level in names:
            if not level and dotted.split(".")[0] in sys.stdlib_module_names:
                continue
            target = module_file(path, dotted, level)
            if target is not None:
                found.append(os.path.abspath(target))
                found += _packages(target, dotted) if not level else []
    return found


def _run_at_import(body: list[ast.stmt]):
    """The statements of a module that run when it is imported: all but the
    bodies of functions (class bodies run)."""
    todo = list(body)
    while todo:
        statement = todo.pop()
        yield statement
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for field in ("body", "orelse", "finalbody"):
            value = getattr(statement, field, None)
            if isinstance(value, list):
                todo.extend(s for s in value if isinstance(s, ast.stmt))
        for handler in getattr(statement, "handlers", ()):
            todo.extend(handler.body)
        for case in getattr(statement, "cases", ()):
            todo.extend(case.body)
