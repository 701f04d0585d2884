"""The endpoints of wrappers whose callers are in other modules (#12 item 9).

A wrapper's request names its path by a parameter, and its own module never
says which (:func:`hapimigrate.analysis.call_endpoints._wrapped` leaves the
endpoint with ``via``); the modules using it do:

    hubspot_api.py  class HubSpotAPI:
                        def _request(self, method, path, **kw):
                            kw.setdefault("params", {})["hapikey"] = self.key
                            return requests.request(method, BASE + path, **kw)
                        def get(self, path, **kw): return self._request("GET", path, **kw)
    extensions.py   hubspot = HubSpotAPI()
    views.py        from .extensions import hubspot
                    hubspot.get("/contacts/v1/contact/vid/%d/profile" % vid)

The report then gives the site ``GET /contacts/v1/contact/vid/{}/profile`` and
its scopes, not "the endpoint is built at run time". The calls looked for, in
every module of the tree but tests (whose calls are stand-ins):

- a function: ``get_json(...)`` after ``from api import get_json`` (or ``as``),
  ``api.get_json(...)`` after ``import api`` / ``from pkg import api``;
- a method: on an instance of the class or of a subclass (``x = HubSpotAPI(...)``
  in the module, ``from extensions import hubspot`` where that module made it
  at its top level, ``self.client = HubSpotAPI(...)`` then ``self.client.get``,
  ``HubSpotAPI(...).get(...)``), and ``self.get(...)`` in a subclass's methods.

Only the report changes: a call found gives its endpoint (the argument's text
as far as the source tells, a field for the rest); a wrapper with no call
found keeps "built at run time". A name bound to an instance and to anything
else is not followed. Cheap: a module is parsed only when its bytes name a
wrapper's function and its import lines name the wrapper's module (or package,
or a module holding an instance), or it is that module.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from typing import Iterator

from hapimigrate import hubspot
from hapimigrate.python import slicing
from hapimigrate.model import Endpoint, FileResult, Status, Wrapper
from hapimigrate.tree_imports import importable_names, imported_names, read, tree_root
from hapimigrate.tree_imports import is_test_module

_FIELD = re.compile(r"\{(\w+)\}")
_PERCENT = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdifr]")


@dataclasses.dataclass(frozen=True)
class _Wanted:
    """A wrapper of module ``path``: the class (or "") and the function."""

    path: str
    owner: str
    function: str


@dataclasses.dataclass(frozen=True)
class Given:
    """What one call in the tree gives a wrapper: the wrapper's URL template
    with the call's argument in it (fields for what the source does not
    tell), the method when a parameter gives it, and where the call is."""

    url: str
    method: str | None
    where: str  # "jobs.py:9"
    # the call's file and line: two modules may share a file name
    place: tuple[str, int] = dataclasses.field(default=("", 0), compare=False)


def resolve(results: list[FileResult], files: list[str]) -> list[FileResult]:
    """``results`` with each ``via`` endpoint replaced by the endpoints its
    wrapper's calls in the tree give (left as it is when none is found), and
    each carrier's definition given the endpoints of the requests sending it."""
    return _wrapped(_carried(results), files)


def given_urls(
    results: list[FileResult], files: list[str]
) -> dict[tuple[str, Wrapper], list[Given]]:
    """(wrapper's module, wrapper) -> what each of its calls in the tree gives
    it, for the wrappers of the results' sites (``via`` endpoints)."""
    wanted = _wanted(results)
    if not wanted:
        return {}
    root = tree_root(files)
    modules = [f for f in files if f.endswith(".py") and not is_test_module(f, root)]
    return _calls(wanted, modules)


def _carried(results: list[FileResult]) -> list[FileResult]:
    """A module-level value other modules send (``PARAMS = {"hapikey": KEY}``
    in constants.py: a carrier) calls what their requests call: its site gets
    those endpoints, which its own module never shows."""
    readers: dict[tuple[str, str], list[Endpoint]] = {}
    for result in results:
        lines = {}
        for site in result.sites:
            for line in range(site.line, site.end_line + 1):
                lines.setdefault(line, []).extend(site.calls)
        for use in result.carrier_uses:
            if use.status == Status.REWRITE and use.where.count(":") == 1:
                line = use.where.rpartition(":")[2]
                calls = lines.get(int(line), []) if line.isdigit() else []
                readers.setdefault((use.path, use.name), []).extend(calls)
    if not readers:
        return results
    changed = []
    for result in results:
        names = {c.name for c in result.exports if (result.path, c.name) in readers}
        spans = _definitions(result.path, names) if names else {}
        sites = []
        for site in result.sites:
            calls = [
                call
                for name, (first, last) in spans.items()
                if not site.calls and first <= site.line <= last
                for call in readers[(result.path, name)]
            ]
            sites.append(
                dataclasses.replace(site, calls=tuple(dict.fromkeys(calls)))
                if calls
                else site
            )
        changed.append(
            dataclasses.replace(result, sites=tuple(sites))
            if sites != list(result.sites)
            else result
        )
    return changed


def _definitions(path: str, names: set[str]) -> dict[str, tuple[int, int]]:
    """The lines of the top-level statements binding ``names`` once."""
    try:
        tree = ast.parse(read(path))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return {}
    found: dict[str, list[tuple[int, int]]] = {}
    for statement in tree.body:
        for name, _ in _bindings(statement):
            if name in names:
                span = (statement.lineno, statement.end_lineno or statement.lineno)
                found.setdefault(name, []).append(span)
    return {name: spans[0] for name, spans in found.items() if len(spans) == 1}


def _wanted(results: list[FileResult]) -> dict[_Wanted, Wrapper]:
    wanted: dict[_Wanted, Wrapper] = {}
    for result in results:
        for site in result.sites:
            for endpoint in site.calls:
                if endpoint.via is not None:
                    owner, _, function = endpoint.via.function.rpartition(".")
                    wanted[_Wanted(result.path, owner, function)] = endpoint.via
    return wanted


def _wrapped(results: list[FileResult], files: list[str]) -> list[FileResult]:
    found = given_urls(results, files)
    if not found:
        return results
    return [_with_endpoints(result, found) for result in results]


def _with_endpoints(
    result: FileResult, found: dict[tuple[str, Wrapper], list[Given]]
) -> FileResult:
    sites = []
    for site in result.sites:
        calls: list[Endpoint] = []
        for endpoint in site.calls:
            given = found.get((result.path, endpoint.via)) if endpoint.via else None
            if given:
                method = endpoint.method
                calls += [
                    Endpoint(g.method or method, hubspot.endpoint_path(g.url))
                    for g in given
                ]
            else:
                calls.append(endpoint)
        sites.append(
            dataclasses.replace(site, calls=tuple(dict.fromkeys(calls)))
            if calls != list(site.calls)
            else site
        )
    if all(a is b for a, b in zip(sites, result.sites)):
        return result
    return dataclasses.replace(result, sites=tuple(sites))


def _calls(
    wanted: dict[_Wanted, Wrapper], modules: list[str]
) -> dict[tuple[str, Wrapper], list[Given]]:
    """(wrapper's module, wrapper) -> what its calls give, in file order."""
    homes = {w.path: set(importable_names(w.path)) for w in wanted}
    names = {w.function.encode() for w in wanted}
    texts = {path: read(path) for path in modules}
    instances = _module_instances(wanted, homes, texts)
    # a module can call a wrapper only if it is the wrapper's, or imports its
    # module (or package), or a module holding an instance of its class
    own = {os.path.abspath(w.path) for w in wanted}
    reached = {name.encode() for home in homes.values() for name in home}
    reached |= {stem.encode() for stem, _ in instances}
    found: dict[tuple[str, Wrapper], list[Given]] = {}
    for path, data in texts.items():
        if not any(n in data for n in names):
            continue
        if os.path.abspath(path) not in own and not imported_names(data) & reached:
            continue
        words = names | {w.owner.encode() for w in wanted if w.owner} | reached
        try:
            tree = ast.parse(slicing.statements_naming(data, words))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        module = _Module(path, tree, homes, instances)
        for want, wrapper in wanted.items():
            for call in module.calls_of(want):
                given = given_at(call, wrapper, path)
                if given is not None:
                    found.setdefault((want.path, wrapper), []).append(given)
    return found


def _module_instances(
    wanted: dict[_Wanted, Wrapper],
    homes: dict[str, set[str]],
    texts: dict[str, bytes],
) -> dict[tuple[str, str], set[_Wanted]]:
    """(module's importable name, top-level name) -> the wrappers' classes it
    holds an instance of (``hubspot = HubSpotAPI()`` in extensions.py), for
    the modules that import it. Every Python module is looked at whose bytes
    name one of the classes."""
    owned = [w for w in wanted if w.owner]
    classes = {w.owner.encode() for w in owned}
    held: dict[tuple[str, str], set[_Wanted]] = {}
    for path, data in texts.items():
        if not any(c in data for c in classes):
            continue
        try:
            tree = ast.parse(data)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        module = _Module(path, tree, homes, {})
        for name, kinds in module.top_level_instances(owned).items():
            for stem in importable_names(path)[:1]:
                held.setdefault((stem, name), set()).update(kinds)
    return held


class _Module:
    """One module's view of the wrappers: which of its names are their classes,
    modules, functions and instances."""

    def __init__(
        self,
        path: str,
        tree: ast.Module,
        homes: dict[str, set[str]],
        instances: dict[tuple[str, str], set[_Wanted]],
    ) -> None:
        self.path = path
        self.tree = tree
        self.homes = homes
        self.instances = instances
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.imports = [
            n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom))
        ]
        self._by_class: dict[tuple[str, str], tuple] = {}

    # what a name of this module is
    def _imported(self, home: str, name: str) -> set[str]:
        """The local names ``from <home> import name`` (or ``as``) binds."""
        local = set()
        for node in self.imports:
            if isinstance(node, ast.ImportFrom) and node.module is not None:
                if node.module.split(".")[-1] in self.homes.get(home, ()):
                    for alias in node.names:
                        if alias.name == name:
                            local.add(alias.asname or alias.name)
            elif isinstance(node, ast.ImportFrom) and node.level:
                continue  # from . import x: x is a module, see _module_names
        return local

    def _module_names(self, home: str) -> set[str]:
        """The local names bound to ``home``'s module (``import api``, ``from
        pkg import api``)."""
        stems = importable_names(home)[:1]
        local = set()
        for node in self.imports:
            for alias in node.names:
                last = alias.name.split(".")[-1]
                if last in stems:
                    if isinstance(node, ast.Import) and alias.asname is None:
                        local.add(alias.name)  # import pkg.api: pkg.api.f()
                    else:
                        local.add(alias.asname or alias.name)
        return local

    def _refers(self, node: ast.AST, home: str, name: str) -> bool:
        """``node`` names ``name`` of module ``home``."""
        if os.path.abspath(self.path) == os.path.abspath(home):
            if isinstance(node, ast.Name) and node.id == name:
                return True
        if isinstance(node, ast.Name):
            return node.id in self._imported(home, name)
        if isinstance(node, ast.Attribute) and node.attr == name:
            return _dotted(node.value) in self._module_names(home)
        return False

    def _classes(self, want: _Wanted) -> set[str]:
        """The local names of the wrapper's class and its subclasses here."""
        names = {n for n in self._imported(want.path, want.owner)}
        if os.path.abspath(self.path) == os.path.abspath(want.path):
            names.add(want.owner)
        grew = True
        while grew:
            grew = False
            for node in ast.walk(self.tree):
                if isinstance(node, ast.ClassDef) and node.name not in names:
                    if any(
                        self._refers(b, want.path, want.owner)
                        or (isinstance(b, ast.Name) and b.id in names)
                        for b in node.bases
                    ):
                        names.add(node.name)
                        grew = True
        return names

    def _makes(self, value: ast.AST | None, want: _Wanted, classes: set[str]) -> bool:
        """``value`` is a new instance of the class (or a subclass)."""
        return isinstance(value, ast.Call) and (
            (isinstance(value.func, ast.Name) and value.func.id in classes)
            or self._refers(value.func, want.path, want.owner)
        )

    def top_level_instances(self, wants: list[_Wanted]) -> dict[str, set[_Wanted]]:
        """Top-level names bound once, to an instance of a wrapper's class."""
        bound: dict[str, list[ast.AST | None]] = {}
        for statement in self.tree.body:
            for target, value in _bindings(statement):
                bound.setdefault(target, []).append(value)
        found: dict[str, set[_Wanted]] = {}
        for want in wants:
            classes = self._classes(want)
            for name, values in bound.items():
                if len(values) == 1 and self._makes(values[0], want, classes):
                    found.setdefault(name, set()).add(want)
        return found

    def calls_of(self, want: _Wanted) -> Iterator[ast.Call]:
        """The calls in this module of the wrapper ``want``."""
        if not want.owner:
            for node in ast.walk(self.tree):
                if isinstance(node, ast.Call) and self._refers(
                    node.func, want.path, want.function
                ):
                    yield node
            return
        classes, holders, attributes = self._holders(want)
        for node in ast.walk(self.tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == want.function
            ):
                continue
            target = node.func.value
            if isinstance(target, ast.Name) and target.id in holders:
                yield node
            elif self._held_by_module(target, want):
                yield node  # extensions.hubspot.get(...) after import extensions
            elif self._makes(target, want, classes):
                yield node
            elif (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and (self._class_of(node), target.attr) in attributes
            ):
                yield node
            elif (
                isinstance(target, ast.Name)
                and target.id == "self"
                and self._class_of(node) in classes
                and self._class_of(node) != want.owner
            ):
                yield node  # a subclass's own call (the class's: its module's)

    def _held_by_module(self, target: ast.AST, want: _Wanted) -> bool:
        """``target`` is ``module.name``, a module holding an instance of the
        wrapper's class at its top level (``import extensions``)."""
        if not (
            isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name)
        ):
            return False
        local = target.value.id
        for node in self.imports:
            for alias in node.names:
                if (alias.asname or alias.name.split(".")[0]) != local:
                    continue
                if (
                    isinstance(node, ast.Import)
                    and alias.asname is None
                    and "." in alias.name
                ):
                    continue  # import pkg.mod binds pkg
                stem = alias.name.split(".")[-1]
                if want in self.instances.get((stem, target.attr), set()):
                    return True
        return False

    def _holders(
        self, want: _Wanted
    ) -> tuple[set[str], set[str], set[tuple[str, str]]]:
        """The class's local names, the names holding an instance and the
        ``self`` attributes holding one: the same for each method of a class
        (``get``, ``post``, ...), so found once a class."""
        key = (want.path, want.owner)
        if key not in self._by_class:
            classes = self._classes(want)
            self._by_class[key] = (
                classes,
                self._instance_names(want, classes),
                self._instance_attributes(want, classes),
            )
        return self._by_class[key]

    def _instance_names(self, want: _Wanted, classes: set[str]) -> set[str]:
        """Names bound here only to instances (any scope: a name bound to an
        instance and to something else is left), and those imported from a
        module holding one."""
        bound: dict[str, list[ast.AST | None]] = {}
        for node in ast.walk(self.tree):
            if isinstance(node, ast.stmt) and not isinstance(
                node, (ast.Import, ast.ImportFrom)
            ):
                for target, value in _bindings(node):
                    bound.setdefault(target, []).append(value)
        names = {
            name
            for name, values in bound.items()
            if all(self._makes(v, want, classes) for v in values)
        }
        for node in self.imports:
            if isinstance(node, ast.ImportFrom) and node.module is not None:
                stem = node.module.split(".")[-1]
                for alias in node.names:
                    kinds = self.instances.get((stem, alias.name), set())
                    local = alias.asname or alias.name
                    if want in kinds and local not in bound:
                        names.add(local)
        return names

    def _instance_attributes(
        self, want: _Wanted, classes: set[str]
    ) -> set[tuple[str, str]]:
        """(class, attribute): ``self.client = HubSpotAPI(...)`` in a method,
        the attribute given nothing else in that class."""
        given: dict[tuple[str, str], list[ast.AST | None]] = {}
        for node in ast.walk(self.tree):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = (
                    node.targets if isinstance(node, ast.Assign) else [node.target]
                )
                for target in targets:
                    if (
                        isinstance(target, ast.Attribute)
                        and isinstance(target.value, ast.Name)
                        and target.value.id == "self"
                    ):
                        key = (self._class_of(node), target.attr)
                        given.setdefault(key, []).append(node.value)
        return {
            key
            for key, values in given.items()
            if all(self._makes(v, want, classes) for v in values)
        }

    def _class_of(self, node: ast.AST) -> str:
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.ClassDef):
                return node.name
        return ""


def _bindings(statement: ast.AST) -> Iterator[tuple[str, ast.AST | None]]:
    """The names a statement binds, with the value when it is a plain
    assignment (None: bound some other way)."""
    if isinstance(statement, ast.Assign):
        for target in statement.targets:
            if isinstance(target, ast.Name):
                yield target.id, statement.value
            else:
                for node in ast.walk(target):
                    if isinstance(node, ast.Name):
                        yield node.id, None
    elif isinstance(statement, ast.AnnAssign) and isinstance(
        statement.target, ast.Name
    ):
        yield statement.target.id, statement.value
    elif isinstance(
        statement, (ast.AugAssign, ast.For, ast.AsyncFor, ast.With, ast.AsyncWith)
    ):
        for node in ast.walk(
            statement.target
            if isinstance(statement, (ast.AugAssign, ast.For, ast.AsyncFor))
            else ast.Tuple(
                [i.optional_vars for i in statement.items if i.optional_vars],
                ast.Load(),
            )
        ):
            if isinstance(node, ast.Name):
                yield node.id, None
    elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield statement.name, None
    elif isinstance(statement, (ast.Import, ast.ImportFrom)):
        for alias in statement.names:
            yield (alias.asname or alias.name).split(".")[0], None


def given_at(call: ast.Call, wrapper: Wrapper, path: str) -> Given | None:
    """What one call gives the wrapper: the URL (the template with the
    argument's text) and the method when a parameter gives it."""
    if any(isinstance(a, ast.Starred) for a in call.args) or any(
        k.arg is None for k in call.keywords
    ):
        return None  # * or **: which argument is which is not known
    given = _bind(call, wrapper.positional)
    argument = given.get(wrapper.parameter)
    if argument is None:
        return None
    text = _text(argument)
    url = _FIELD.sub(
        lambda m: text if m.group(1) == wrapper.parameter else m.group(0),
        wrapper.template,
    )
    method = None
    if wrapper.method_parameter:
        value = given.get(wrapper.method_parameter)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            method = value.value.upper()
    where = f"{os.path.basename(path)}:{call.lineno}"
    return Given(url, method, where, (path, call.lineno))


def _bind(call: ast.Call, positional: tuple[str, ...]) -> dict[str, ast.AST]:
    given: dict[str, ast.AST] = dict(zip(positional, call.args))
    for keyword in call.keywords:
        if keyword.arg is not None:
            given[keyword.arg] = keyword.value
    return given


def _text(node: ast.AST) -> str:
    """The text a path argument renders to, fields for what the source does
    not tell (``"/deals/v1/deal/%s" % deal_id`` -> ``/deals/v1/deal/{value}``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(
            v.value if isinstance(v, ast.Constant) else "{" + _field(v.value) + "}"
            for v in node.values
            if isinstance(v, (ast.Constant, ast.FormattedValue))
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _text(node.left) + _text(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        given = iter(
            node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        )
        return _PERCENT.sub(
            lambda m: "{" + _field(next(given, None)) + "}", _text(node.left)
        )
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
        and isinstance(node.func.value.value, str)
    ):
        given = iter(node.args)
        named = {k.arg: k.value for k in node.keywords if k.arg}
        return re.sub(
            r"\{([^{}]*)\}",
            lambda m: "{"
            + _field(
                named.get(m.group(1))
                if m.group(1) and not m.group(1).isdigit()
                else next(given, None)
            )
            + "}",
            node.func.value.value,
        )
    return "{" + _field(node) + "}"


def _field(node: ast.AST | None) -> str:
    if isinstance(node, ast.Call) and len(node.args) == 1:
        return _field(node.args[0])  # str(vid)
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return "value"


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return ""
