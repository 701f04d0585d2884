"""Modules of the tree that write a configured key's environment variable.

A runner that hands each portal's key to a child through ``HUBSPOT_API_KEY``
(``subprocess.run(..., env=dict(os.environ, HUBSPOT_API_KEY=key))``), or a CLI
that puts ``--api-key`` there (``os.environ["HUBSPOT_API_KEY"] = args.api_key``),
makes the variable a per-run input: a module reading it, rewritten to the
provider's one token, would send that token for every portal. Such readers stay
manual, with a reason naming the writer (``cli.py:11``).

    first results -> the variables of the keys they rewrote (and the module-level
    names the tree binds to them) -> one byte scan of the tree for those names ->
    the few files that name one and an environment parsed (:mod:`ast`) for writes
    -> the rewritten readers run again knowing them (as a key another module
    tests: :func:`hapimigrate.fixers.attach.guarded_elsewhere`), their reasons
    reworded to name the writer

Tests (``test_*.py``, ``conftest.py``, a ``tests`` folder) and
``monkeypatch.setenv`` are left aside: a test that sets a key for its fixture is
not a run that picks a portal.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from typing import Callable, Iterable

from hapimigrate.tree_imports import is_test_module, tree_root
from hapimigrate import prefilter
from hapimigrate.tree_hold import hold
from hapimigrate.model import UNPLACED_KEY, FileResult, RunOptions, Site

Process = Callable[[str, RunOptions], FileResult]

WRITTEN_ELSEWHERE = (
    "{where} sets {name} (a per-run value: a portal's key handed to this code): "
    "read as the provider's one token, every run would send the same token; "
    "change the writer and this reader together, by hand"
)

_NAME = re.compile(r"[A-Za-z_]\w*\Z")


@dataclasses.dataclass(frozen=True)
class Writes:
    """The variables written in the tree (name -> first ``file:line``), and the
    identities (variables and the names bound to them) whose readers must stay;
    true when there are some."""

    variables: tuple[tuple[str, str], ...] = ()
    identities: tuple[tuple[str, str], ...] = ()
    # read by the same scan, for :mod:`hapimigrate.tree_developer`: the modules
    # whose bytes may name a developer-key API, with their bytes
    developer: tuple[tuple[str, bytes], ...] = dataclasses.field(default=(), repr=False)

    def __bool__(self) -> bool:
        return bool(self.variables)


def prepare(
    first: list[FileResult],
    files: list[str],
    options: RunOptions,
    process: Process,
) -> tuple[list[FileResult], RunOptions, Writes]:
    """The options of the tree-wide passes, knowing the writers, and the first
    results, those that rewrote a written variable run again knowing them."""
    if not any(r.changed or r.exports for r in first):
        return first, options, Writes()
    writes = find(files, _identities(first))
    if not writes:
        return first, options, writes  # (its developer modules still count)
    identities = dict(writes.identities)
    options = dataclasses.replace(
        options, guarded_elsewhere=(*options.guarded_elsewhere, *writes.identities)
    )
    again = []
    for result in first:
        named = {k for k, _ in result.provider_keys}
        named |= {c.identity for c in result.exports}
        if named & identities.keys():
            result = process(result.path, options)
        again.append(result)
    return again, options, writes


def _identities(results: Iterable[FileResult]) -> set[str]:
    """The configured keys the results rewrote, as names a variable may have."""
    found = set()
    for result in results:
        for key, _ in result.provider_keys:
            if not key.startswith(UNPLACED_KEY) and _NAME.match(key):
                found.add(key)
        for carrier in result.exports:
            if _NAME.match(carrier.identity):
                found.add(carrier.identity)
    return found


# API_KEY = os.environ["HUBSPOT_API_KEY"] at a module's top: other modules'
# API_KEY is that variable (as tree_imports.env_aliases reads it)
_ENV_ASSIGNMENT = re.compile(
    rb"^([A-Za-z_]\w*)[ \t]*=[ \t]*(?:os\.)?(?:environ\[|environ\.get\(|getenv\()[ \t]*"
    rb"['\"]([A-Za-z_]\w*)['\"]",
    re.MULTILINE,
)


def find(files: Iterable[str], keys: set[str]) -> Writes:
    """The writers of ``keys`` (variables, or names the tree binds to one) in
    the tree, and the modules that may name a developer-key API. One read of
    each Python file; a second of those that mention an environment only when a
    key is a name bound to a variable not among ``keys``."""
    from hapimigrate.tree_developer import may_name_developer_api

    files = sorted(files)
    root = tree_root(files)
    env_files: list[str] = []
    developer: list[tuple[str, bytes]] = []
    bound: dict[str, set[str]] = {}
    found: dict[str, str] = {}
    for path in files:
        data = _read_python(path)
        if data is None:
            continue
        if may_name_developer_api(data):
            developer.append((path, data))
        if b"env" not in data:
            continue
        env_files.append(path)
        named = _named(data, keys)
        if not named:
            continue
        for match in _ENV_ASSIGNMENT.finditer(data):
            name = match.group(1).decode()
            if name in keys:
                bound.setdefault(name, set()).add(match.group(2).decode())
        _add_writes(found, path, data, named, root)
    aliases = {n: v.pop() for n, v in bound.items() if len(v) == 1}
    extra = set(aliases.values()) - keys
    for path in env_files if extra else ():
        data = _read_python(path)
        named = _named(data, extra) if data is not None else set()
        if named:
            _add_writes(found, path, data, named, root)
    identities = {v: w for v, w in found.items() if v in keys}
    for name, variable in aliases.items():
        if variable in found:
            identities.setdefault(name, found[variable])
            identities.setdefault(variable, found[variable])
    return Writes(
        tuple(sorted(found.items())),
        tuple(sorted(identities.items())),
        tuple(developer),
    )


def _read_python(path: str) -> bytes | None:
    if not prefilter.is_python(path):
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _named(data: bytes, names: set[str]) -> set[str]:
    return {
        n
        for n in names
        if n.encode() in data
        and re.search(rb"\b" + re.escape(n.encode()) + rb"\b", data)
    }


def _add_writes(
    found: dict[str, str], path: str, data: bytes, named: set[str], root: str
) -> None:
    if is_test_module(path, root):
        return
    for variable, line in _writes(data, named):
        found.setdefault(variable, f"{os.path.basename(path)}:{line}")


def _writes(data: bytes, variables: set[str]) -> list[tuple[str, int]]:
    """Where the module writes one of ``variables`` into an environment."""
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError):
        return []
    tree = _ConstantsInlined(tree).visit(tree)  # VAR = "HUBSPOT_API_KEY"; environ[VAR]
    found = []
    holders = _env_holders(tree)
    for node in ast.walk(tree):
        for variable in _written(node, variables, holders):
            found.append((variable, node.lineno))
    return sorted(found, key=lambda f: f[1])


class _ConstantsInlined(ast.NodeTransformer):
    """A module's string constants (``VAR = "HUBSPOT_API_KEY"`` at its top,
    bound once) read as their text, so that ``os.environ[VAR] = ...`` is seen."""

    def __init__(self, tree: ast.AST) -> None:
        bound: dict[str, list[str | None]] = {}
        for node in getattr(tree, "body", ()):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        bound.setdefault(target.id, []).append(_text(node.value))
        self.constants = {
            name: values[0]
            for name, values in bound.items()
            if len(values) == 1 and values[0] is not None
        }

    def visit_Name(self, node: ast.Name) -> ast.AST:
        value = self.constants.get(node.id)
        if value is None or not isinstance(node.ctx, ast.Load):
            return node
        return ast.copy_location(ast.Constant(value), node)


def _env_holders(tree: ast.AST) -> set[str]:
    """Names bound to an environment (``env = os.environ.copy()``, ``env =
    dict(os.environ)``): their items are the child's variables."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and _mentions_environ(node.value):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def _written(node: ast.AST, variables: set[str], holders: set[str]) -> Iterable[str]:
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if (
                isinstance(target, ast.Subscript)
                and _text(target.slice) in variables
                and _env(target.value, holders)
            ):
                yield _text(target.slice)
    elif isinstance(node, ast.Call):
        yield from _call_writes(node, variables, holders)
    elif isinstance(node, ast.Dict):
        keys = {_text(k) for k in node.keys if k is not None} & variables
        spread = any(
            k is None and _mentions_environ(v) for k, v in zip(node.keys, node.values)
        )
        if keys and spread:
            yield from sorted(keys)


def _call_writes(
    call: ast.Call, variables: set[str], holders: set[str]
) -> Iterable[str]:
    func = call.func
    method = func.attr if isinstance(func, ast.Attribute) else None
    first = _text(call.args[0]) if call.args else None
    if method == "putenv" and first in variables:
        yield first
    elif method in ("setdefault", "__setitem__") and first in variables:
        if _env(func.value, holders):
            yield first
    elif method == "update" and _env(func.value, holders):
        yield from sorted({k.arg for k in call.keywords if k.arg} & variables)
        for arg in call.args:
            if isinstance(arg, ast.Dict):
                yield from sorted({_text(k) for k in arg.keys if k} & variables)
    elif isinstance(func, ast.Name) and func.id == "dict":
        given = {k.arg for k in call.keywords if k.arg} & variables
        if given and any(_mentions_environ(a) for a in call.args):
            yield from sorted(given)
    # env={"HUBSPOT_API_KEY": key} / env=dict(HUBSPOT_API_KEY=key) given to a
    # child process: the mapping is its whole environment
    for keyword in call.keywords:
        if keyword.arg != "env":
            continue
        value = keyword.value
        if isinstance(value, ast.Dict):
            yield from sorted({_text(k) for k in value.keys if k} & variables)
        elif isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
            if value.func.id == "dict":
                yield from sorted({k.arg for k in value.keywords if k.arg} & variables)


def _env(node: ast.AST, holders: set[str]) -> bool:
    """``os.environ``, ``environ``, a name bound to a copy of it, or a name
    that says it is an environment (``env``, ``child_env``)."""
    if _mentions_environ(node):
        return True
    if isinstance(node, ast.Name):
        return node.id in holders or "env" in node.id.lower()
    if isinstance(node, ast.Attribute):
        return "env" in node.attr.lower()
    return False


def _mentions_environ(node: ast.AST) -> bool:
    return any(
        (isinstance(n, ast.Attribute) and n.attr == "environ")
        or (isinstance(n, ast.Name) and n.id == "environ")
        for n in ast.walk(node)
    )


def _text(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def reword(results: Iterable[FileResult], writes: Writes) -> list[FileResult]:
    """The reasons of the readers left for a writer, saying so (the fixers give
    the reason of a key another module tests)."""
    results = list(results)
    if not writes:
        return results
    # imported here: the run's parent imports no fixer (LibCST) until it must
    from hapimigrate.fixers.attach import GUARDED_ELSEWHERE

    swaps = [
        (
            GUARDED_ELSEWHERE.format(where, name),
            WRITTEN_ELSEWHERE.format(where=where, name=name),
        )
        for name, where in writes.identities
    ]
    out = []
    for result in results:
        sites = tuple(_swapped(s, swaps) for s in result.sites)
        if sites != result.sites:
            result = dataclasses.replace(result, sites=sites)
        out.append(result)
    return out


def _swapped(site: Site, swaps: list[tuple[str, str]]) -> Site:
    reason = site.reason
    for old, new in swaps:
        if old in reason:
            reason = reason.replace(old, new)
    return site if reason == site.reason else dataclasses.replace(site, reason=reason)


def hold_readers(results: list[FileResult], writes: Writes) -> list[FileResult]:
    """``results``, a module that still rewrote a key whose variable another
    module sets (a family that does not ask) left as it is, its sites manual."""
    if not writes:
        return results
    where = dict(writes.identities)
    out = []
    for result in results:
        written = [k for k, _ in result.provider_keys if k in where]
        if result.changed and written:
            reason = WRITTEN_ELSEWHERE.format(where=where[written[0]], name=written[0])
            result = hold(result, lambda site: reason, reason)
        out.append(result)
    return out


__all__ = [
    "WRITTEN_ELSEWHERE",
    "Writes",
    "prepare",
    "reword",
    "hold_readers",
    "find",
]
