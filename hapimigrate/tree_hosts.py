"""Base URLs another module rebinds at run time, read by a migrated request.

A module's fixers see a constant's first value only when the constant lives in
another module of the tree:

    constants.py  BASE_URL = "https://api.hubapi.com"
                  def configure(url):
                      global BASE_URL
                      BASE_URL = url          (or globals()["BASE_URL"] = url)
    client.py     requests.get(constants.BASE_URL + path, params={"hapikey": KEY})

Once ``configure("https://recorder.example.com")`` has run, the token would go
there. A changed module that imports such a module and names the constant is
left as it is (:mod:`hapimigrate.tree_hold`), its sites manual, naming the
rebinding. Only constants whose first value writes a URL or a host count, and a
rebinding to a HubSpot literal is no risk. (Another module assigning
``constants.BASE_URL = ...`` is :mod:`hapimigrate.tree_values`' to find; the
module's own requests, its fixers'.)
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re

from hapimigrate import prefilter
from hapimigrate.hubspot.urls import host, takes_tokens
from hapimigrate.model import FileResult
from hapimigrate.tree_hold import hold
from hapimigrate.tree_imports import imported_names, importable_names

REBOUND = (
    "{where} rebinds {name} at run time ({how}), and this module reads it: the "
    "token would go wherever it then points, not only to HubSpot; migrate by hand"
)
_HOSTNAME = re.compile(r"^[\w-]+(?:\.[\w-]+)+(?::\d+)?/?$")
# bytes a module needs to rebind one of its globals from a function
_MAY_REBIND = re.compile(rb"\bglobal\b|\b(?:globals|vars)\(\)|\bsys\.modules\b")


@dataclasses.dataclass(frozen=True)
class Rebinding:
    """A module-level constant holding a URL or host that ``how`` rebinds,
    at ``where`` (``constants.py:5``)."""

    home: str  # the defining module's absolute path
    name: str
    where: str
    how: str

    def reason(self) -> str:
        return REBOUND.format(where=self.where, name=self.name, how=self.how)


def hold_rebound_hosts(results: list[FileResult], files: list[str]) -> list[FileResult]:
    """``results``, with the changed modules that read another module's
    rebound base URL left as they are."""
    readers = [
        r
        for r in results
        if r.changed and r.original is not None and prefilter.is_python(r.path)
    ]
    if not readers:
        return results
    texts = {os.path.abspath(r.path): r.original for r in results if r.original}
    imported = {w for r in readers for w in imported_names(r.original or b"")}
    found: list[Rebinding] = []
    for path in files:
        if not prefilter.is_python(path) or not imported & {
            s.encode() for s in importable_names(path)
        }:
            continue  # no migrated module imports it
        here = os.path.abspath(path)
        data = texts.get(here)
        if data is None:
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
        if _MAY_REBIND.search(data):
            found += rebindings(here, data)
    if not found:
        return results
    held = {}
    for result in readers:
        here = os.path.abspath(result.path)
        data = result.original or b""
        hit = next(
            (r for r in found if r.home != here and reads(data, r.home, r.name)),
            None,
        )
        if hit is not None:
            reason = hit.reason()
            held[id(result)] = hold(result, lambda _site: reason, reason)
    return [held.get(id(r), r) for r in results]


def reads(data: bytes, home: str, name: str) -> bool:
    """Whether a module's bytes may read ``name`` of the module at ``home``:
    ``from ..constants import NAME`` (or ``*``), ``constants.NAME``
    (``crm.constants.NAME``), ``c.NAME`` after ``import crm.constants as c``;
    through the package too (``from crm import NAME``: a re-export)."""
    word = re.escape(name.encode())
    for stem in (re.escape(s.encode()) for s in importable_names(home)):
        from_import = re.compile(
            rb"^[ \t]*from[ \t]+[\w.]*\b" + stem + rb"[ \t]+import[ \t]+"
            rb"(?:\([^)]*\)|[^\n]*)",
            re.MULTILINE,
        )
        for imported in from_import.finditer(data):
            if re.search(rb"\b" + word + rb"\b|\*", imported.group()):
                return True
        aliases = [stem] + [
            re.escape(a)
            for a in re.findall(rb"\b" + stem + rb"[ \t]+as[ \t]+(\w+)", data)
        ]
        for alias in aliases:
            if re.search(rb"\b" + alias + rb"\s*\.\s*" + word + rb"\b", data):
                return True
    return False


def rebindings(path: str, data: bytes) -> list[Rebinding]:
    """The module's URL or host constants that code rebinds at run time."""
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError):
        return []
    label = os.path.basename(path)
    constants = _host_constants(tree)
    if not constants:
        return []
    found: dict[str, Rebinding] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            declared = {
                n for g in ast.walk(node) if isinstance(g, ast.Global) for n in g.names
            }
            for name, line, value in _assignments(node, declared & constants):
                if not _hubspot_literal(value):
                    how = f"{node.name}(), global"
                    found.setdefault(
                        name, Rebinding(path, name, f"{label}:{line}", how)
                    )
        for name, how in _namespace_writes(node, constants):
            found.setdefault(name, Rebinding(path, name, f"{label}:{node.lineno}", how))
    return list(found.values())


def _host_constants(tree: ast.Module) -> set[str]:
    """Top-level names first assigned a value that writes a URL or a host."""
    names = set()
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value:
            targets = (
                statement.targets
                if isinstance(statement, ast.Assign)
                else [statement.target]
            )
            if any(_is_host(n) for n in ast.walk(statement.value)):
                names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _is_host(node: ast.AST) -> bool:
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return False
    if host(node.value) is not None:
        return True
    bare = _HOSTNAME.match(node.value) is not None
    return bare and re.search(r"hubapi|hubspot|hsforms", node.value) is not None


def _assignments(function: ast.AST, names: set[str]):
    """(name, line, value) of the function's writes of ``names`` (value None
    when not a plain assignment: a loop, ``+=``, a ``with ... as``)."""
    if not names:
        return
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            if node.id in names:
                yield node.id, node.lineno, _assigned(function, node)


def _assigned(function: ast.AST, target: ast.Name) -> ast.expr | None:
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and target in node.targets:
            return node.value
        if isinstance(node, ast.AnnAssign) and node.target is target:
            return node.value
    return None


def _hubspot_literal(value: ast.expr | None) -> bool:
    if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
        return False
    where = host(value.value)
    if where is None and _HOSTNAME.match(value.value):
        where = value.value.rstrip("/").split(":")[0].lower()
    return where is None or takes_tokens(where)


def _namespace_writes(node: ast.AST, constants: set[str]):
    """``globals()["BASE"] = ...``, ``globals().update(BASE=...)``,
    ``setattr(sys.modules[__name__], "BASE", ...)``: (name, how); a key not
    written out may be any of ``constants``."""
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if (
                isinstance(target, ast.Subscript)
                and _namespace(target.value)
                and not _hubspot_literal(node.value)
            ):
                key = target.slice
                for name in _keys(key, constants):
                    yield name, "globals()[...]"
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        if _namespace(node.func.value) and node.func.attr in ("update", "setdefault"):
            named = {k.arg for k in node.keywords if k.arg}
            every = any(k.arg is None for k in node.keywords) or node.args
            for name in constants if every else named & constants:
                yield name, f"globals().{node.func.attr}()"
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "setattr"
        and len(node.args) == 3
        and "modules" in ast.dump(node.args[0])
        and not _hubspot_literal(node.args[2])
    ):
        for name in _keys(node.args[1], constants):
            yield name, "setattr(sys.modules[...])"


def _namespace(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("globals", "vars")
        and not node.args
    )


def _keys(key: ast.AST, constants: set[str]) -> set[str]:
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return {key.value} & constants
    return set(constants)  # a key known at run time: any of them
