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

A request may also read such a constant through a helper of a third module,
which neither its fixers nor :mod:`hapimigrate.tree_values` follow:

    urls.py    def api(path): return constants.BASE_URL + path
    client.py  requests.get(api("/owners/v2/owners"), params={"hapikey": KEY})
    main.py    constants.BASE_URL = argv[1]

:func:`hold_helper_hosts` follows the helpers a rewritten request calls in
other modules (their helpers too, a lambda, a class method reading its class's
attributes, a function returning the base) to the module-level values they
read, and leaves the request as it is when one is changed at run time.
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


THROUGH = (
    "{where} changes {name}, which this request reads through {helper} ({what}): "
    "the token would go wherever it then points, not only to HubSpot; migrate by "
    "hand"
)
THROUGH_HELD = "a helper of another module reads a base URL changed at run time"
_DEPTH = 4  # helpers calling helpers: api() -> base() -> settings.base()


@dataclasses.dataclass(frozen=True)
class _Reached:
    """A module-level value a migrated request reads through a helper of
    another module: which (``(path, name)``), and the helper first called
    (``urls.api()``)."""

    value: tuple[str, str]
    helper: str


def hold_helper_hosts(results: list[FileResult], files: list[str]) -> list[FileResult]:
    """``results``, with the changed modules whose rewritten requests read a
    base URL (a constant, a class attribute, a function returning it) through
    a helper of another module (``requests.get(urls.api(path), ...)``, at any
    depth) left as they are, where that URL is changed at run time: by another
    module (``constants.BASE_URL = argv[1]``, ``setattr``, a patcher) or by
    its own module (``global``, ``globals()``)."""
    from hapimigrate import tree_values

    readers = {}
    for result in results:
        if (
            result.changed
            and result.original
            and prefilter.is_python(result.path)
            and tree_values._may_read_values(result)
        ):
            reader = tree_values._Reader.read(result)
            if reader is not None and reader.watched:
                readers[result.path] = reader
    if not readers:
        return results
    helpers = _Helpers()
    per_site: dict[str, dict[int, set[_Reached]]] = {}
    for path, reader in readers.items():
        for site in reader.sites:
            reached = {
                _Reached(value, label)
                for called in reader.per_site.get(id(site), ())
                if called[0] != reader.path
                for value, label in helpers.reads(called)
            }
            if reached:
                per_site.setdefault(path, {})[id(site)] = reached
    watched = {
        r.value for sites in per_site.values() for s in sites.values() for r in s
    }
    if not watched:
        return results
    changes, urls = tree_values._changes(watched, files, {})
    for home in {path for path, _ in watched}:
        data = helpers.data(home)
        if data and _MAY_REBIND.search(data):
            for found in rebindings(home, data):
                urls.add((home, found.name))
                change = tree_values.Change(
                    found.name, found.where, tree_values.RUN_TIME, module=home
                )
                changes.setdefault((home, found.name), []).append(change)
    out = []
    for result in results:
        reasons = {}
        for site_id, reached in per_site.get(result.path, {}).items():
            hits = sorted(
                (change.where, change.name, r.helper, change.what)
                for r in reached
                for change in changes.get(r.value, ())
                if change.what
                and (change.what != tree_values.RUN_TIME or r.value in urls)
            )
            if hits:
                where, name, helper, what = hits[0]
                reasons[site_id] = THROUGH.format(
                    where=where, name=name, helper=helper, what=what
                )
        if reasons:
            result = hold(result, lambda s: reasons.get(id(s)), THROUGH_HELD)
        out.append(result)
    return out


class _Helpers:
    """The tree's modules read as helpers: the module-level values a
    function (``path``, ``name``; ``Class.method`` for a method) reads, at
    any depth of the functions it calls, its module's and others'."""

    def __init__(self) -> None:
        self._trees: dict[str, ast.Module | None] = {}
        self._data: dict[str, bytes] = {}

    def data(self, path: str) -> bytes:
        if path not in self._data:
            try:
                with open(path, "rb") as handle:
                    self._data[path] = handle.read()
            except OSError:
                self._data[path] = b""
        return self._data[path]

    def tree(self, path: str) -> ast.Module | None:
        if path not in self._trees:
            try:
                self._trees[path] = ast.parse(self.data(path))
            except (SyntaxError, ValueError, RecursionError):
                self._trees[path] = None
        return self._trees[path]

    def reads(self, called: tuple[str, str]) -> set[tuple[tuple[str, str], str]]:
        """(value, ``module.helper()``) for each value the helper ``called``
        reads; nothing when ``called`` is not a function of its module."""
        from hapimigrate import tree_values

        label = f"{os.path.splitext(os.path.basename(called[0]))[0]}.{called[1]}()"
        found: set[tuple[tuple[str, str], str]] = set()
        seen: set[tuple[str, str]] = set()
        todo = [(called, 0)]
        while todo:
            current, depth = todo.pop()
            if current in seen or depth > _DEPTH:
                continue
            seen.add(current)
            function = self._function(*current)
            if function is None:
                if current != called:
                    found.add((current, label))  # a value, not a helper
                continue
            path = current[0]
            tree = self.tree(path)
            assert tree is not None
            own = tree_values._literal_names(tree)
            imports = tree_values._import_map(path, tree)
            for value in tree_values._values_read(function, own, imports, path):
                if value != current:
                    todo.append((value, depth + 1))
            owner = current[1].rpartition(".")[0]
            for node in ast.walk(function) if owner else ():
                # a method's cls.BASE_URL, self.BASE_URL: its class's attribute
                if (
                    isinstance(node, ast.Attribute)
                    and isinstance(node.value, ast.Name)
                    and node.value.id in ("self", "cls")
                ):
                    todo.append(((path, f"{owner}.{node.attr}"), depth + 1))
            # the module's own functions it calls (not string-valued names)
            for node in ast.walk(function):
                if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
                    if self._function(path, node.id) is not None:
                        todo.append(((path, node.id), depth + 1))
        return found

    def _function(self, path: str, name: str) -> ast.AST | None:
        """The top-level function ``name`` (or method ``Class.name``) of
        the module at ``path``."""
        tree = self.tree(path) if os.path.isfile(path) else None
        if tree is None:
            return None
        owner, _, attribute = name.rpartition(".")
        body: list[ast.stmt] = tree.body
        if owner:
            classes = [
                s for s in tree.body if isinstance(s, ast.ClassDef) and s.name == owner
            ]
            if not classes:
                return None
            body = classes[0].body
        for statement in body:
            if (
                isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
                and statement.name == attribute
            ):
                return statement
            if (  # api = lambda path: BASE_URL + path
                isinstance(statement, ast.Assign)
                and isinstance(statement.value, ast.Lambda)
                and any(
                    isinstance(t, ast.Name) and t.id == attribute
                    for t in statement.targets
                )
            ):
                return statement.value
        return None
