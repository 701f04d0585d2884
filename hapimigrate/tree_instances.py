"""Instances of a migrated client class that other modules reach without its
name, and the class reached by name strings (review 11: N14, N15, N16).

The carriers step (:mod:`hapimigrate.fixers.across_modules`) follows a class
whose constructor now takes the token through the modules that *import* it:
a call there giving it another host, or an instance whose host is set there,
keeps it as it is. An instance travels further than the class's name:

    facade.py  def make(): return ContactsClient(os.environ["HUBSPOT_API_KEY"])
    app.py     c = facade.make(); c.base_url = MIRROR; c.owners()
    app.py     from resources import client; audit(client.api_key[-4:])
    app.py     mod = importlib.import_module("crm.resources")
               mod.ContactsClient(os.environ["HUBSPOT_API_KEY"])

(a factory's return value, a module-level instance, a container, a parameter,
a dynamic import). Once the class sends ``Authorization: Bearer`` with its
key holder, the mirror gets the token, the audit log the token's tail, and the
dynamic caller's key goes to HubSpot as a token (401).

So, for each family of migrated client classes (a class whose requests read
attributes through ``self``, and the subclasses the carriers step made
carriers of their own), every module of the tree but tests is looked at:

- a write of an attribute the family's requests read, on anything but
  ``self``/``cls`` or a module (``x.base_url = ...``, ``x.api_key += ...``,
  ``setattr(x, "base_url", ...)`` or with a name known at run time,
  ``object.__setattr__``, ``x.__dict__[...] = ...``, ``vars(x).update(...)``);
- a read of an attribute holding the key (``x.api_key``, ``getattr(x,
  "api_key")``) on anything but ``self``/``cls`` or a module;
- the class reached by a string: ``importlib.import_module`` / ``__import__``
  of a family module, ``getattr(module, "ContactsClient")``, a dotted path
  ``"crm.resources.ContactsClient"`` (settings, entry points), or a dynamic
  import with a name known at run time in a module naming a family class.

Each module of such a family is left as it is (:mod:`hapimigrate.tree_hold`):
its sites manual, naming the place; its carriers are then refused and the
carriers step runs again without them, so the callers stay as they are too.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import os
import re
from typing import Iterable, Iterator

from hapimigrate import prefilter
from hapimigrate.model import FileResult, Kind, Site, Status
from hapimigrate.tree_hold import hold
from hapimigrate.tree_imports import (
    importable_names,
    imported_names,
    is_test_module,
    tree_root,
)

WRITTEN = (
    "{where} sets {attribute} on an object that may be an instance of {classes} "
    "(made elsewhere: a factory, a module-level instance, a parameter), which "
    "its requests read: the token would go where that code sends them; "
    "change them together, by hand"
)
READ = (
    "{where} reads {attribute} of an object that may be an instance of "
    "{classes}: migrated, it would hold the token, not the key, so these "
    "classes' modules stay as they are; change them together, by hand"
)
NAMED = (
    "{where}: {cls}, {kin} {classes}, reads {attribute} by its name ({how}), "
    "which held the key: its requests would go without it once migrated; "
    "change them together, by hand"
)
REACHED = (
    "{where} reaches {what} by {how}, which hapimigrate does not follow: its "
    "callers there may hand in the key, which would go to HubSpot as a token; "
    "change them together, by hand"
)
EMPTIED = (
    "{where} reads {attribute} of an object that may be an instance of "
    "{classes}: the key in it is gone once migrated (its own requests add the "
    "token in a header), so that read's request would go without a credential; "
    "change them together, by hand"
)
RELATIVE = (
    "{where}: {cls}, a base or subclass of {classes}, reads self.{attribute}, "
    "which held the key: its requests would go without it once migrated (or "
    "with the token where the key was); change them together, by hand"
)

_KEYISH = re.compile(r"(?i)key|token|secret|cred|auth")
_DYNAMIC_IMPORTS = {
    "import_module",
    "__import__",
    "spec_from_file_location",
    "run_module",
    "run_path",
    "load_entry_point",
}
# attributes that cannot take a request elsewhere nor hold a key
_HARMLESS = re.compile(
    r"(?i)^_*(?:timeout|\w*retries|retry\w*|backoff\w*|verify|debug|verbose|"
    r"logger|log|page_size|per_page|limit)$"
)
_COPIES = {"replace", "evolve", "_replace", "copy", "model_copy"}
_ENTRY_POINT_FILES = ("setup.cfg", "pyproject.toml", "entry_points.txt")


@dataclasses.dataclass(frozen=True)
class Family:
    """Migrated client classes sharing requests: a class and its subclasses
    (by name), the modules defining them, the attributes their requests read
    through ``self`` and those holding the key."""

    classes: frozenset[str]
    paths: frozenset[str]
    reads: frozenset[str]
    holders: frozenset[str]
    # attributes holding the key's params dict or URL (``self.params =
    # {"hapikey": KEY}``), emptied by the rewrite: a reader elsewhere loses it
    emptied: frozenset[str] = frozenset()

    def named(self) -> str:
        return " or ".join(sorted(self.classes))

    def writable(self) -> frozenset[str]:
        """What another module must not set: the attributes its requests read
        (but a timeout, a retry count) and its key holders."""
        kept = (a for a in self.reads if not _HARMLESS.match(a))
        return frozenset(kept) | self.holders

    def stems(self) -> frozenset[str]:
        """The last part of the dotted names the family's modules are
        imported by (``resources`` of ``crm.resources``)."""
        found = set()
        for path in self.paths:
            stem = os.path.splitext(os.path.basename(path))[0]
            found.add(importable_names(path)[0] if stem == "__init__" else stem)
        return frozenset(found)


def hold_escaped_instances(
    results: list[FileResult], files: Iterable[str]
) -> list[FileResult]:
    """``results``, with the modules of each migrated client class whose
    instances (or the class itself) another module reaches out of the
    carriers step's sight left as they are, their sites manual."""
    families = _families(results)
    if not families:
        return results
    files = sorted(files)
    root = tree_root(files)
    texts = {
        path: _read(path)
        for path in files
        if prefilter.is_python(path) and not is_test_module(path, root)
    }
    words = {path: imported_names(data, path) for path, data in texts.items()}
    near = {family: _neighbourhood(family, texts, words) for family in families}
    escapes: dict[Family, str] = {}
    layout = _Layout.of(files, texts)
    for path, data in texts.items():
        pending = [
            f
            for f in families
            if f not in escapes and _may_reach(data, f, path in near[f])
        ]
        if not pending:
            continue
        try:
            tree = ast.parse(data)
        except (SyntaxError, ValueError, RecursionError):
            continue
        where = os.path.relpath(path, root) if root else os.path.basename(path)
        module = _Module(tree, where, layout)
        for family in pending:
            found = next(module.escapes(family, path in near[family]), None)
            if found is not None:
                escapes[family] = found
    escapes.update(_entry_points(root, families, escapes))
    if not escapes:
        return results
    held: dict[str, tuple[Family, str]] = {}
    for family, reason in escapes.items():
        for path in family.paths:
            held.setdefault(path, (family, reason))
    out = []
    for result in results:
        if result.path in held:
            family, reason = held[result.path]
            # no site in one of its classes (a module dict they copy): the
            # reason itself, which names the reading line
            result = hold(
                result, lambda s, f=family, r=reason: _reason(s, f, r), reason
            )
        out.append(result)
    return out


def _neighbourhood(
    family: Family, texts: dict[str, bytes], words: dict[str, set[bytes]]
) -> frozenset[str]:
    """The modules that may hold the family's instances and hand them to code
    that sets or reads attributes by names known at run time: those importing
    a family module (directly, or through modules that do), and the modules
    they import (a helper given the instance: ``tweak.configure(client, opts)``)."""
    importers: dict[bytes, list[str]] = {}
    for path, found in words.items():
        for word in found:
            importers.setdefault(word, []).append(path)
    stems = {path: importable_names(path)[0].encode() for path in texts}
    downstream = set(family.paths)
    todo = [s.encode() for s in family.stems()]
    seen = set(todo)
    while todo:
        for path in importers.get(todo.pop(), ()):
            if path not in downstream:
                downstream.add(path)
                if stems[path] not in seen:
                    seen.add(stems[path])
                    todo.append(stems[path])
    used = {w for p in downstream for w in words.get(p, ())}
    return frozenset(downstream | {p for p in texts if stems[p] in used})


def _reason(site: Site, family: Family, reason: str) -> str | None:
    """The escape's reason for a site of the family (in one of its classes,
    or naming one), else None (it points at the first that does)."""
    owner = site.enclosing.split(".")[0]
    words = set(re.findall(r"\w+", site.reason))
    return reason if owner in family.classes or words & family.classes else None


def _families(results: list[FileResult]) -> list[Family]:
    """The families of classes whose requests a result rewrote: class
    carriers (their constructor takes the token now) linked to their bases,
    and the classes a module rewrote a site of (``class_reads``)."""
    members: list[tuple[str, str, str, tuple[str, ...], tuple[str, ...]]] = []
    built: dict[str, dict[str, bool]] = {}  # path -> self.X -> an object only?
    emptied: dict[str, frozenset[str]] = {}
    # module-level dicts carrying the key that a rewrite empties, by name: a
    # class elsewhere may copy one into an attribute (from settings import ...)
    seeds = frozenset(
        name
        for result in results
        if result.changed
        for name in _keyed_globals(result.original or b"")
    )
    for result in results:
        if not any(s.status == Status.REWRITE for s in result.sites):
            continue
        carried = set()
        built[result.path] = _object_holders(result.original or b"")
        emptied[result.path] = _key_holders(result.original or b"", seeds)
        for carrier in result.exports:
            if carrier.kind == Kind.ARGUMENT and carrier.parameter and carrier.reads:
                members.append(
                    (
                        result.path,
                        carrier.name,
                        carrier.base,
                        carrier.reads,
                        carrier.holders,
                    )
                )
                carried.add(carrier.name)
        for name, reads in result.class_reads:
            if name not in carried:
                holders = tuple(r for r in reads if _KEYISH.search(r))
                members.append((result.path, name, "", reads, holders))
        # a class copying an emptied module dict into an attribute (self.params
        # = dict(KEY_PARAMS)) with no rewritten site of its own: its
        # relatives' reads of that attribute lose the key all the same
        known = carried | {name for name, _ in result.class_reads}
        if result.changed:
            flow = _key_flow(result.original or b"", seeds)
            for name, reads in flow.classes:
                if name not in known:
                    holders = tuple(r for r in reads if _KEYISH.search(r))
                    members.append((result.path, name, "", reads, holders))
    if not members:
        return []
    parent = {name: name for _, name, _, _, _ in members}

    def find(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    for _, name, base, _, _ in members:
        if base:
            parent[find(name)] = find(base)
    groups: dict[str, list] = {}
    for member in members:
        groups.setdefault(find(member[1]), []).append(member)
    families = []
    for _, group in sorted(groups.items()):
        paths = frozenset(m[0] for m in group)

        def an_object(holder: str) -> bool:
            seen = [built[p][holder] for p in paths if holder in built.get(p, {})]
            return bool(seen) and all(seen)

        holders = {h for m in group for h in m[4]}
        families.append(
            Family(
                frozenset(m[1] for m in group),
                paths,
                frozenset(r for m in group for r in m[3]),
                frozenset(h for h in holders if not an_object(h)),
                frozenset(a for m in group for a in m[3] if a in emptied.get(m[0], ())),
            )
        )
    return families


def _key_holders(source: bytes, seeds: frozenset[str] = frozenset()) -> frozenset[str]:
    """The attributes a module's classes set to a value carrying ``hapikey``:
    what the rewrite empties. The value names it (``self.params = {"hapikey":
    KEY}``, a class's ``URL_PARAMS = {...}``, ``self.params["hapikey"] = KEY``)
    or reaches such a value through the module's own names (review 26 R2): a
    module dict (``self.params = dict(KEY_PARAMS)``), a method or function
    returning one (``self.params = self._auth()``), another such attribute, a
    local; ``seeds``: such module-level names of the tree's other rewritten
    modules (``from settings import KEY_PARAMS``)."""
    return _key_flow(source, seeds).attributes


def _keyed_globals(source: bytes) -> frozenset[str]:
    """The module-level names a module binds to a value carrying ``hapikey``
    (``KEY_PARAMS = {"hapikey": KEY}``): seeds for its importers."""
    return _key_flow(source, frozenset()).globals


@functools.lru_cache(maxsize=8)  # the module the loop is at: big ones too
def _key_flow(source: bytes, seeds: frozenset[str]) -> "_KeyFlow":
    """:meth:`_KeyFlow.of`, once per module and seeds (its holders, then its
    classes)."""
    return _KeyFlow.of(source, seeds)


# calls whose value is a response, not the dict handed to them
_REQUESTS = frozenset(
    "get post put patch delete head options request send urlopen fetch".split()
)


@dataclasses.dataclass(frozen=True)
class _KeyFlow:
    """Where a module's values carrying ``hapikey`` go: the attributes set
    on ``self``/``cls`` (or in a class body, or a property returning one) and
    the module-level names (and functions returning one: ``key_params()``)."""

    attributes: frozenset[str]
    globals: frozenset[str]
    # each class setting one of those attributes -> the attributes it sets
    # so and reads through self/cls
    classes: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @classmethod
    def of(cls, source: bytes, seeds: frozenset[str]) -> "_KeyFlow":
        if b"hapikey" not in source and not any(
            re.search(rb"\b%s\b" % re.escape(s.encode()), source) for s in seeds
        ):
            return cls(frozenset(), frozenset())
        try:
            tree = ast.parse(source)
        except (SyntaxError, ValueError, RecursionError):
            return cls(frozenset(), frozenset())
        scope_of: dict[int, ast.AST] = {}  # node id -> its function, class or module
        todo: list[tuple[ast.AST, ast.AST]] = [(tree, tree)]
        while todo:
            node, scope = todo.pop()
            for child in ast.iter_child_nodes(node):
                scope_of[id(child)] = scope
                inner = (
                    child if isinstance(child, (*_FUNCTIONS, ast.ClassDef)) else scope
                )
                todo.append((child, inner))
        names: set[tuple[int, str]] = {(id(tree), s) for s in seeds}
        attributes: set[str] = set()
        functions: set[str] = set()
        assigns = [
            n
            for n in ast.walk(tree)
            if isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign))
        ]
        updates = [
            n
            for n in ast.walk(tree)
            if isinstance(n, ast.Call)
            and isinstance(n.func, ast.Attribute)
            and n.func.attr in ("update", "setdefault", "__setitem__")
        ]
        defined = [n for n in ast.walk(tree) if isinstance(n, _FUNCTIONS[:2])]

        def bound(scope: ast.AST, name: str) -> bool:
            return (id(scope), name) in names or (id(tree), name) in names

        def carries(value: ast.AST | None, scope: ast.AST) -> bool:
            if value is None:
                return False
            if _literal(value) == "hapikey":
                return True
            if isinstance(value, ast.Name):
                return bound(scope, value.id)
            if isinstance(value, ast.Attribute):
                if _is_name(value.value, "self", "cls") or _is_type_of_self(
                    value.value
                ):
                    return value.attr in attributes
                return value.attr in seeds or carries(value.value, scope)
            if isinstance(value, ast.Call):
                func = value.func
                called = getattr(func, "attr", getattr(func, "id", ""))
                if isinstance(func, ast.Name) and (
                    called in functions or (id(tree), called) in names
                ):  # this module's function, or another's (key_params())
                    return True
                if (
                    isinstance(func, ast.Attribute)
                    and _is_name(func.value, "self", "cls")
                    and called in functions
                ):
                    return True
                if any(k.arg == "hapikey" for k in value.keywords):
                    return True
                if called in _REQUESTS:
                    return False
                given = [*value.args, *(k.value for k in value.keywords)]
                if isinstance(func, ast.Attribute):
                    given.append(func.value)  # KEY_PARAMS.copy()
                return any(carries(a, scope) for a in given)
            if isinstance(value, _FUNCTIONS):
                return False
            return any(carries(c, scope) for c in ast.iter_child_nodes(value))

        def mark(target: ast.AST, scope: ast.AST, keyed: bool) -> bool:
            if isinstance(target, ast.Subscript):
                keyed = keyed or _literal(target.slice) == "hapikey"
                target = target.value
            if not keyed:
                return False
            if isinstance(target, ast.Attribute) and (
                _is_name(target.value, "self", "cls") or _is_type_of_self(target.value)
            ):
                if target.attr not in attributes:
                    attributes.add(target.attr)
                    return True
            elif isinstance(target, ast.Name):
                if isinstance(scope, ast.ClassDef):
                    if target.id not in attributes:
                        attributes.add(target.id)
                        return True
                elif (id(scope), target.id) not in names:
                    names.add((id(scope), target.id))
                    return True
            elif isinstance(target, (ast.Tuple, ast.List)):
                return any([mark(t, scope, keyed) for t in target.elts])
            return False

        for _ in range(6):  # a name -> a method -> an attribute -> ...
            grew = False
            for node in assigns:
                scope = scope_of.get(id(node), tree)
                targets = (
                    node.targets if isinstance(node, ast.Assign) else [node.target]
                )
                keyed = carries(node.value, scope) or (
                    node.value is not None and _names_hapikey(node.value)
                )
                for target in targets:
                    grew = mark(target, scope, keyed) or grew
            for call in updates:
                scope = scope_of.get(id(call), tree)
                given = [*call.args, *(k.value for k in call.keywords)]
                keyed = any(k.arg == "hapikey" for k in call.keywords) or any(
                    carries(a, scope) for a in given
                )
                grew = mark(call.func.value, scope, keyed) or grew  # type: ignore[attr-defined]
            for function in defined:
                if function.name in functions:
                    continue
                returns = [n for n in _own_nodes(function) if isinstance(n, ast.Return)]
                if any(carries(r.value, function) for r in returns):
                    functions.add(function.name)
                    if _is_property(function):  # read as self.auth_params
                        attributes.add(function.name)
                    grew = True
            if not grew:
                break
        classes = []
        for node in ast.walk(tree):
            if not isinstance(node, ast.ClassDef):
                continue
            used = {
                n.attr
                for n in ast.walk(node)
                if isinstance(n, ast.Attribute) and _is_name(n.value, "self", "cls")
            }
            own = {
                t.id
                for n in node.body
                if isinstance(n, (ast.Assign, ast.AnnAssign))
                for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
                if isinstance(t, ast.Name)
            }
            if (used | own) & attributes:
                classes.append((node.name, tuple(sorted(used | (own & attributes)))))
        top = {
            f.name for f in tree.body if isinstance(f, _FUNCTIONS[:2])
        } & functions  # def key_params(): return {"hapikey": KEY}
        return cls(
            frozenset(attributes),
            frozenset(name for scope, name in names if scope == id(tree)) | top,
            tuple(classes),
        )


def _is_property(function: ast.AST) -> bool:
    """A method read as an attribute: ``@property``, ``@cached_property``,
    ``@functools.cached_property`` (review 27, R9)."""
    return any(
        getattr(d, "id", getattr(d, "attr", "")) in ("property", "cached_property")
        for d in getattr(function, "decorator_list", ())
    )


def _is_type_of_self(node: ast.AST) -> bool:
    """``type(self)`` or ``self.__class__``."""
    if isinstance(node, ast.Call) and _is_name(node.func, "type"):
        return len(node.args) == 1 and _is_name(node.args[0], "self")
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "__class__"
        and _is_name(node.value, "self")
    )


def _names_hapikey(value: ast.expr) -> bool:
    return any(
        _literal(n) == "hapikey" or (isinstance(n, ast.keyword) and n.arg == "hapikey")
        for n in ast.walk(value)
    )


def _object_holders(source: bytes) -> dict[str, bool]:
    """Each attribute a module's classes set on ``self`` -> whether every value
    is an object built by a class (``self.contacts = ContactsClient(key)``):
    reading one elsewhere uses that object (whose own family is looked at),
    not the key."""
    if b"self." not in source:
        return {}  # (a big generated module: parsed for nothing)
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return {}
    built: dict[str, bool] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Attribute) and _is_name(target.value, "self"):
                    func = node.value.func if isinstance(node.value, ast.Call) else None
                    # Client(key), crm.Client(key); not key.strip(), clean(key)
                    name = getattr(func, "attr", getattr(func, "id", ""))
                    made = name[:1].isupper()
                    built[target.attr] = built.get(target.attr, True) and made
    return built


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def _may_reach(data: bytes, family: Family, generic: bool) -> bool:
    """A cheap look at the bytes for what the rules look for: a write of a
    family attribute (or its name in a string or a keyword), a read of a key
    holder, a class name, a dynamic import, and near the family a way to set
    or read attributes by names known at run time."""
    return bool(
        _pattern(family).search(data)
        or _DYNAMIC_BYTES.search(data)
        or (generic and _GENERIC_BYTES.search(data))
    )


_DYNAMIC_BYTES = re.compile(
    rb"\b(?:import_module|__import__|spec_from_file_location|run_module|run_path|"
    rb"load_entry_point)\b|\bsys\.modules\b"
)
_GENERIC_BYTES = re.compile(
    rb"\b(?:setattr|__setattr__|__dict__|vars|__class__|__init__)\b|\btype\("
)


@functools.lru_cache(maxsize=64)
def _pattern(family: Family) -> re.Pattern[bytes]:
    def alternation(words: Iterable[str]) -> bytes:
        return b"|".join(re.escape(w.encode()) for w in sorted(words))

    written = alternation(family.writable())
    parts = [
        rb"\b(?:" + alternation(family.classes) + rb")\b",
        rb"\bgetattr\(\s*(?:[\w.]*\.)?(?:" + alternation(family.stems()) + rb")\b",
    ]
    if written:
        parts += [
            rb"\.(?:" + written + rb")\s*(?:[-+*/%|&^@]|//|\*\*|<<|>>)?=(?!=)",
            rb"['\"](?:" + written + rb")['\"]",
            rb"\b(?:" + written + rb")\s*=(?!=)",
        ]
    if family.holders | family.emptied:
        held = family.holders | family.emptied
        parts.append(rb"\.(?:" + alternation(held) + rb")\b")
    return re.compile(b"|".join(parts))


@dataclasses.dataclass(frozen=True)
class _Layout:
    """The tree's Python modules: ``(package folder, stem)`` of each, and
    every stem and folder name (an import's first part from the tree)."""

    modules: frozenset[tuple[str, str]]
    names: frozenset[str]
    # every class the tree defines -> the names of its bases (a class two
    # modules define has the bases of both)
    bases: dict[str, frozenset[str]]

    @classmethod
    def of(cls, files: list[str], texts: dict[str, bytes]) -> "_Layout":
        modules = {
            (
                os.path.basename(os.path.dirname(os.path.abspath(p))),
                os.path.splitext(os.path.basename(p))[0],
            )
            for p in files
            if prefilter.is_python(p)
        }
        bases: dict[str, set[str]] = {}
        for data in texts.values():
            for name, given in _CLASS.findall(data):
                words = {w.decode() for w in re.findall(rb"\w+", given)}
                bases.setdefault(name.decode(), set()).update(words)
        return cls(
            frozenset(modules),
            frozenset(n for pair in modules for n in pair),
            {name: frozenset(words) for name, words in bases.items()},
        )

    def relatives(self, family: Family) -> frozenset[str]:
        """The tree's classes outside ``family`` that are its classes' bases
        (a mixin, a ``BaseAPI``) or derive from them (by their bases' names):
        their methods run on the same objects, reading the same attributes."""
        found = set()
        for name in self.bases:
            if name not in family.classes and (
                not self.other_class(name, family)
                or any(self._derives(c, name) for c in family.classes)
            ):
                found.add(name)
        return frozenset(found)

    def _derives(self, name: str, ancestor: str) -> bool:
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in seen:
                continue
            seen.add(current)
            given = self.bases.get(current, frozenset())
            if ancestor in given:
                return True
            todo += list(given)
        return False

    def other_class(self, name: str, family: Family) -> bool:
        """Whether ``name`` is a class of the tree that is not of the family,
        nor derives from one of its classes (as far as its bases' names go)."""
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in family.classes:
                return False
            if current in seen:
                continue
            seen.add(current)
            todo += [b for b in self.bases.get(current, ()) if b in self.bases]
            if any(b in family.classes for b in self.bases.get(current, ())):
                return False
        return name in self.bases


_CLASS = re.compile(rb"^[ \t]*class[ \t]+(\w+)[ \t]*(?:\(([^)]*)\))?[ \t]*:", re.M)


class _Module:
    """One module's ways of reaching a family's instances or classes."""

    def __init__(self, tree: ast.Module, where: str, layout: "_Layout") -> None:
        self.tree = tree
        self.where = where
        self.layout = layout
        self.family = Family(frozenset(), frozenset(), frozenset(), frozenset())
        self.stems: frozenset[str] = frozenset()
        self.packages: set[str] = set()
        self.writable: frozenset[str] = frozenset()
        self.generic = False
        self.tree_names = layout.names
        # one walk: the nodes the rules look at, and every word the module
        # names (names, attributes, strings)
        self.nodes: list[ast.AST] = []
        self.imports: list[ast.Import | ast.ImportFrom] = []
        self.words: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, (ast.Attribute, ast.Call, ast.Subscript)):
                self.nodes.append(node)
                if isinstance(node, ast.Attribute):
                    self.words.add(node.attr)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                self.nodes.append(node)
                self.words.add(node.value)
            elif isinstance(node, ast.Name):
                self.words.add(node.id)
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                self.imports.append(node)
        self.modules = _module_names(self.imports, layout.modules)
        self.imported = _import_roots(self.imports)
        # (id of a function, class or the module) -> name -> its values, or
        # None when one binding is not a plain assignment
        self._scopes: dict[int, dict[str, list[ast.expr] | None]] = {}

    @functools.cached_property
    def dotted_imports(self) -> dict[str, str]:
        found = {}
        for n in self.imports:
            if isinstance(n, ast.Import):
                for a in n.names:
                    local = (a.asname or a.name).split(".")[0]
                    found[local] = a.name if a.asname else local
            elif isinstance(n, ast.ImportFrom):
                for a in n.names:
                    found[a.asname or a.name] = f"{n.module or ''}.{a.name}".strip(".")
        return found

    @functools.cached_property
    def bound(self) -> set[str]:
        return {
            n.id
            for n in ast.walk(self.tree)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
        } | {n.name for n in ast.walk(self.tree) if isinstance(n, _BINDERS[2:])}

    @functools.cached_property
    def parents(self) -> dict[int, ast.AST]:
        return {
            id(child): node
            for node in ast.walk(self.tree)
            for child in ast.iter_child_nodes(node)
        }

    @functools.cached_property
    def listed(self) -> set[int]:
        """``__all__ = ["ContactsClient"]``, ``def f() -> "ContactsClient"``:
        strings that name a class without reaching it."""
        return {
            id(c)
            for node in ast.walk(self.tree)
            for part in _annotations(node)
            for c in ast.walk(part)
        }

    def _bindings(self, scope: ast.AST) -> dict[str, list[ast.expr] | None]:
        """Each name ``scope`` binds itself -> the values assigned to it, or
        None when a binding is not ``name = value`` (a parameter, a loop, an
        import, ``global``)."""
        if id(scope) in self._scopes:
            return self._scopes[id(scope)]
        found: dict[str, list[ast.expr] | None] = {}

        def opaque(name: str) -> None:
            found[name] = None

        for name in _parameters(scope):
            opaque(name)
        for node in _own_nodes(scope):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                assign = self.parents.get(id(node))
                values = found.setdefault(node.id, [])
                if values is None:
                    continue
                if isinstance(assign, ast.Assign) and node in assign.targets:
                    values.append(assign.value)
                else:
                    opaque(node.id)
            elif isinstance(node, (ast.Global, ast.Nonlocal)):
                for name in node.names:
                    opaque(name)
            elif isinstance(node, _BINDERS):
                for name in _bound_by(node):
                    opaque(name)
        self._scopes[id(scope)] = found
        return found

    def _attributes_set(self, cls: ast.ClassDef) -> dict[str, list[ast.expr] | None]:
        """``self.X = value`` in a class's methods: X -> the values, or None
        when one is not a plain assignment (``self.X += 1``)."""
        key = -id(cls)
        if key in self._scopes:
            return self._scopes[key]
        found: dict[str, list[ast.expr] | None] = {}
        for each in ast.walk(cls):
            if (
                isinstance(each, ast.Attribute)
                and _is_name(each.value, "self")
                and isinstance(each.ctx, ast.Store)
            ):
                assign = self.parents.get(id(each))
                values = found.setdefault(each.attr, [])
                if values is None:
                    continue
                if isinstance(assign, ast.Assign) and each in assign.targets:
                    values.append(assign.value)
                else:
                    found[each.attr] = None
        self._scopes[key] = found
        return found

    def _class_around(self, node: ast.AST) -> str | None:
        around = self.parents.get(id(node))
        while around is not None and not isinstance(around, ast.ClassDef):
            around = self.parents.get(id(around))
        return around.name if isinstance(around, ast.ClassDef) else None

    def at(self, node: ast.AST) -> str:
        return f"{self.where}:{getattr(node, 'lineno', 0)}"

    def _class_of(self, func: ast.expr) -> str | None:
        """How a call makes (or sets up again) an object through another
        object's class: ``type(x)(...)``, ``x.__class__(...)``,
        ``x.__init__(...)`` (``x`` not ``self``, a module or another
        library's object): the class's constructor, given what the caller
        gives, out of the carriers step's sight."""
        if (
            isinstance(func, ast.Call)
            and _is_name(func.func, "type")
            and len(func.args) == 1
            and self._object(func.args[0])
        ):
            return "type(...)"
        if (
            isinstance(func, ast.Attribute)
            and func.attr in ("__class__", "__init__")
            and not (
                isinstance(func.value, ast.Call) and _is_name(func.value.func, "super")
            )
            and self._object(func.value)
        ):
            return f".{func.attr}"
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "__new__"
            and isinstance(func.value, ast.Call)
            and _is_name(func.value.func, "type")
        ):
            return "type(...).__new__"
        return None

    def _object(self, node: ast.expr) -> bool:
        """Whether ``node`` may be an instance: not ``self``/``cls`` (its own
        class's object), a module, or a name the module binds to something
        else only (:meth:`_other`)."""
        if _is_name(node, "self", "cls"):
            return False
        if isinstance(node, ast.Attribute) and _is_name(node.value, "self"):
            return not self._own_other(node)
        return not (
            isinstance(node, ast.Name)
            and (node.id in self.modules or self._other(node))
        )

    def _own_other(self, node: ast.Attribute) -> bool:
        """``self.session`` where every ``self.session = ...`` of the class
        makes something no class of the tree made (``requests.Session()``)."""
        cls = self.parents.get(id(node))
        while cls is not None and not isinstance(cls, ast.ClassDef):
            cls = self.parents.get(id(cls))
        if not isinstance(cls, ast.ClassDef):
            return False
        values = self._attributes_set(cls).get(node.attr)
        return bool(values) and all(self._made_elsewhere(v, _DEPTH) for v in values)

    def _other(self, name: ast.Name, depth: int = 0) -> bool:
        """Every binding of ``name`` in its scope makes something no class of
        the tree made: a literal, or a call of another library's or a
        builtin (``session = requests.Session()``, ``args =
        parser.parse_args()``, ``opts = dict(...)``)."""
        scope: ast.AST | None = self.parents.get(id(name))
        while scope is not None and not (
            isinstance(scope, _FUNCTIONS) and name.id in self._bindings(scope)
        ):
            scope = self.parents.get(id(scope))
        values = self._bindings(scope if scope is not None else self.tree).get(name.id)
        return bool(values) and all(self._made_elsewhere(v, depth) for v in values)

    def _made_elsewhere(self, value: ast.expr, depth: int) -> bool:
        if isinstance(value, _LITERALS):
            return True
        if not isinstance(value, ast.Call):
            return False
        root = value.func
        while isinstance(root, (ast.Attribute, ast.Call)):
            root = root.value if isinstance(root, ast.Attribute) else root.func
        if not isinstance(root, ast.Name):
            return False
        called = getattr(value.func, "attr", getattr(value.func, "id", ""))
        if called in {"deepcopy", *_COPIES} and value.args:
            return False  # copy.copy(client): a copy of what it is given
        if root.id in self.imported and self.imported[root.id] not in self.tree_names:
            return True  # requests.Session(), argparse.ArgumentParser()
        if root.id in _BUILTINS and root.id not in self.bound:
            return True
        # Config(), settings.Settings(): a class of the tree outside the family
        callee = value.func
        name = getattr(callee, "attr", getattr(callee, "id", ""))
        if name[:1].isupper() and self.layout.other_class(name, self.family):
            return True
        if root.id in self.imported:
            return False
        function = self._module_function(value.func)
        if function is not None:  # args = parse_args(argv), a function of here
            returns = [n for n in _own_nodes(function) if isinstance(n, ast.Return)]
            return (
                depth < _DEPTH
                and bool(returns)
                and all(
                    r.value is not None and self._made_elsewhere(r.value, depth + 1)
                    for r in returns
                )
            )
        # args = parser.parse_args(), parser = argparse.ArgumentParser()
        return depth < _DEPTH and self._other(root, depth + 1)

    def _module_function(self, func: ast.expr) -> ast.FunctionDef | None:
        """The module-level function ``func`` names, when the module binds
        that name once, to it, and no function around the call binds it."""
        if not isinstance(func, ast.Name):
            return None
        scope = self.parents.get(id(func))
        while scope is not None:
            if isinstance(scope, _FUNCTIONS) and func.id in self._bindings(scope):
                return None
            scope = self.parents.get(id(scope))
        defined = [
            node
            for node in _own_nodes(self.tree)
            if func.id in _bound_by(node)
            or (isinstance(node, ast.Name) and node.id == func.id)
            and isinstance(node.ctx, ast.Store)
        ]
        if len(defined) != 1 or not isinstance(defined[0], ast.FunctionDef):
            return None
        return defined[0]

    def written(self, node: ast.AST, attribute: str) -> str:
        return WRITTEN.format(
            where=self.at(node), attribute=attribute, classes=self.family.named()
        )

    def escapes(self, family: Family, generic: bool) -> Iterator[str]:
        """Each way this module reaches ``family``; with ``generic``, also
        attributes set or read by names known at run time (``setattr(x, k,
        v)``, ``vars(x)``), which count near the family only."""
        self.family = family
        self.generic = generic
        self.stems = family.stems()
        self.packages = {
            os.path.basename(os.path.dirname(os.path.abspath(p)))
            for p in family.paths
            if os.path.isfile(os.path.join(os.path.dirname(p), "__init__.py"))
        }
        self.writable = family.writable()
        self.relatives = (
            self.layout.relatives(family) if family.emptied else frozenset()
        )
        for node in self.nodes:
            if isinstance(node, ast.Attribute):
                yield from self._attribute(node)
            elif isinstance(node, ast.Call):
                yield from self._call(node)
            elif isinstance(node, ast.Subscript):
                yield from self._subscript(node)
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield from self._string(node)

    def _attribute(self, node: ast.Attribute) -> Iterator[str]:
        store = isinstance(node.ctx, ast.Store)
        load = isinstance(node.ctx, ast.Load)
        if load and node.attr in self.family.emptied:
            if _is_name(node.value, "self", "cls"):
                owner = self._class_around(node)
                if owner in self.relatives:
                    yield RELATIVE.format(
                        where=self.at(node),
                        cls=owner,
                        attribute=node.attr,
                        classes=self.family.named(),
                    )
                return
            if self.generic and self._object(node.value):
                yield EMPTIED.format(
                    where=self.at(node),
                    attribute=node.attr,
                    classes=self.family.named(),
                )
                return
        if not (
            (store and node.attr in self.writable)
            or (load and node.attr in self.family.holders)
            or (load and node.attr == "__dict__" and self.generic)
        ) or not self._object(node.value):
            return
        if isinstance(node.ctx, ast.Store) and node.attr in self.writable:
            yield self.written(node, node.attr)
        elif (
            isinstance(node.ctx, ast.Load)
            and node.attr == "__dict__"
            and self.generic
            and self.family.holders
        ):
            yield READ.format(
                where=self.at(node),
                attribute="every attribute (__dict__)",
                classes=self.family.named(),
            )
        elif isinstance(node.ctx, ast.Load) and node.attr in self.family.holders:
            yield READ.format(
                where=self.at(node), attribute=node.attr, classes=self.family.named()
            )

    def _call(self, node: ast.Call) -> Iterator[str]:
        made = self._class_of(node.func) if self.generic else None
        if made is not None and not (node.args or node.keywords):
            # api.__init__(): set up with the defaults, as HubSpotAPI() is
            # (hands in nothing: config_loaders)
            made = None
        if made is not None:  # type(client)(tenant_key), client.__class__(k, MIRROR)
            yield REACHED.format(
                where=self.at(node),
                what=f"the class of an object that may be an instance of "
                f"{self.family.named()}",
                how=made,
            )
            return
        func = node.func
        name = func.id if isinstance(func, ast.Name) else ""
        name = func.attr if isinstance(func, ast.Attribute) else name
        args = node.args
        if name == "__setattr__" and isinstance(func, ast.Attribute):
            # object.__setattr__(x, "a", v), or x.__setattr__("a", v)
            if _is_name(func.value, "object", "super") or isinstance(
                func.value, ast.Call
            ):
                name, args = "setattr", args
            else:
                name, args = "setattr", [func.value, *args]
        if name == "setattr" and len(args) >= 2 and self._object(args[0]):
            attribute = _literal(args[1])
            if (attribute is None and self.generic) or attribute in self.writable:
                yield self.written(node, attribute or "an attribute named at run time")
        elif name == "getattr" and len(args) >= 2:
            attribute = _literal(args[1])
            if (
                attribute in self.family.emptied
                and self.generic
                and self._object(args[0])
            ):
                yield EMPTIED.format(
                    where=self.at(node),
                    attribute=attribute,
                    classes=self.family.named(),
                )
            elif attribute in self.family.holders and self._object(args[0]):
                yield READ.format(
                    where=self.at(node),
                    attribute=attribute,
                    classes=self.family.named(),
                )
            elif attribute in self.family.classes:
                yield self.reached(node, attribute, f'getattr(..., "{attribute}")')
            elif attribute is None and self._module(self._imported_as(args[0])):
                yield self.reached(node, self.family.named(), "getattr() of a name")
        elif name == "update" and isinstance(func, ast.Attribute):
            holder = _instance_dict(func.value)
            if holder is not None and self._object(holder):
                given = {k.arg for k in node.keywords}
                if ((args or None in given) and self.generic) or given & self.writable:
                    yield self.written(node, "attributes through its __dict__")
        elif name in _COPIES and (node.keywords or args):
            # dataclasses.replace(c, base_url=...), c._replace(...), attr.evolve
            if name in ("replace", "evolve") and args:
                receiver: ast.expr = args[0]  # the function's, not a method's
            else:
                receiver = func.value if isinstance(func, ast.Attribute) else func
            given = {k.arg for k in node.keywords} | {
                key
                for k in node.keywords
                if k.arg == "update" and isinstance(k.value, ast.Dict)
                for key in map(_literal, k.value.keys)
            }
            changed = sorted(a for a in given if a in self.writable)
            if changed and self._object(receiver):
                yield self.written(node, f"{changed[0]} (a copy given it)")
        elif name == "vars" and len(args) == 1 and isinstance(func, ast.Name):
            held = self.family.holders or self.family.emptied
            if self.generic and held and self._object(args[0]):
                yield READ.format(
                    where=self.at(node),
                    attribute="every attribute (vars())",
                    classes=self.family.named(),
                )
        elif name in _DYNAMIC_IMPORTS and args:
            target = _literal(args[0])
            if target is None and self._names_a_class():
                yield self.reached(node, self.family.named(), f"{name}() of a name")
            elif target is not None and self._module(target, package=True):
                yield self.reached(node, self.family.named(), f'{name}("{target}")')

    def _subscript(self, node: ast.Subscript) -> Iterator[str]:
        if isinstance(node.ctx, ast.Store):
            holder = _instance_dict(node.value)
            if holder is not None and self._object(holder):
                key = _literal(node.slice)
                if (key is None and self.generic) or key in self.writable:
                    yield self.written(node, key or "an attribute through __dict__")
        elif _dotted(node.value) == "sys.modules":
            target = _literal(node.slice)
            if target is not None and self._module(target, package=True):
                yield self.reached(
                    node, self.family.named(), f'sys.modules["{target}"]'
                )

    def _string(self, node: ast.Constant) -> Iterator[str]:
        if id(node) in self.listed:
            return  # __all__ = ["ContactsClient"]
        value = node.value
        if value in self.family.emptied:
            yield from self._named(node)
        if value in self.family.classes:
            yield self.reached(node, value, f'its name in a string ("{value}")')
            return
        match = re.fullmatch(r"([\w.]+)[.:](\w+)", value)
        if (
            match
            and match.group(2) in self.family.classes
            and self._module(match.group(1))
        ):
            yield self.reached(node, match.group(2), f'a dotted path ("{value}")')

    def _named(self, node: ast.Constant) -> Iterator[str]:
        """An emptied attribute's name in a string in a class of the family
        or one of its relatives (``getattr(self, "auth_params", {})``,
        ``self.__dict__["auth_params"]``, ``hasattr``, ``vars(self).get``,
        ``operator.attrgetter``): a read the attribute rules do not see
        (review 26 R2)."""
        owner = self._class_around(node)
        if owner is None or not (
            owner in self.relatives or owner in self.family.classes
        ):
            return
        around = self.parents.get(id(node))
        if not _by_name(node, around):
            return
        how = (
            ast.unparse(around)
            if isinstance(around, (ast.Call, ast.Subscript))
            else repr(node.value)
        )
        yield NAMED.format(
            where=self.at(node),
            cls=owner,
            kin="one of" if owner in self.family.classes else "a base or subclass of",
            classes=self.family.named(),
            attribute=node.value,
            how=how if len(how) <= 80 else how[:77] + "...",
        )

    def _module(self, dotted: str, package: bool = False) -> bool:
        """Whether ``dotted`` names a family module (``package``: or the
        package holding one, whose attributes reach it)."""
        last = dotted.strip(".").split(".")[-1]
        return last in self.stems or (package and last in self.packages)

    def _imported_as(self, node: ast.expr) -> str:
        """The dotted module an expression names through this module's
        imports (``resources`` after ``from crm import resources``:
        ``crm.resources``), or ``""``."""
        dotted = _dotted(node)
        head, _, rest = dotted.partition(".")
        module = self.dotted_imports.get(head)
        if not module:
            return ""
        return f"{module}.{rest}" if rest else module

    def _names_a_class(self) -> bool:
        return bool(self.words & self.family.classes)

    def reached(self, node: ast.AST, what: str, how: str) -> str:
        return REACHED.format(where=self.at(node), what=what, how=how)


# how many names a value is followed through (args -> parser -> argparse)
_DEPTH = 3
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_BINDERS = (
    ast.Import,
    ast.ImportFrom,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
)
_LITERALS = (
    ast.Constant,
    ast.Dict,
    ast.List,
    ast.Set,
    ast.Tuple,
    ast.JoinedStr,
    ast.ListComp,
    ast.DictComp,
    ast.SetComp,
)
_BUILTINS = frozenset(
    "dict list set frozenset tuple str bytes int float bool object "
    "open iter range enumerate zip map filter sorted reversed".split()
)


def _parameters(function: ast.AST) -> set[str]:
    arguments = getattr(function, "args", None)
    if not isinstance(arguments, ast.arguments):
        return set()
    return {a.arg for a in ast.walk(arguments) if isinstance(a, ast.arg)}


def _own_nodes(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of ``scope``'s body, not of the functions or classes in it
    (their definitions themselves, yes)."""
    todo = list(ast.iter_child_nodes(scope))
    while todo:
        node = todo.pop()
        yield node
        if not isinstance(node, (*_FUNCTIONS, ast.ClassDef)):
            todo.extend(ast.iter_child_nodes(node))


def _bound_by(node: ast.AST) -> set[str]:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return {(a.asname or a.name).split(".")[0] for a in node.names}
    return {getattr(node, "name", "")}


def _import_roots(imports: list[ast.Import | ast.ImportFrom]) -> dict[str, str]:
    """Each name an import binds -> the first part of the module it comes
    from (``Session`` of ``from requests import Session``: requests); a
    relative import's is ``.``, of the tree."""
    found = {}
    for node in imports:
        if isinstance(node, ast.Import):
            for a in node.names:
                found[(a.asname or a.name).split(".")[0]] = a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom):
            root = "." if node.level else (node.module or "").split(".")[0]
            for a in node.names:
                found[a.asname or a.name] = root
    return found


def _annotations(node: ast.AST) -> list[ast.AST]:
    """The parts of ``node`` that name things without using them: its
    annotations, and the value of an ``__all__`` assignment."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return [node.returns] if node.returns is not None else []
    if isinstance(node, ast.arg):
        return [node.annotation] if node.annotation is not None else []
    if isinstance(node, ast.AnnAssign):
        targets = [node.target]
        parts: list[ast.AST] = [node.annotation]
    elif isinstance(node, (ast.Assign, ast.AugAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        parts = []
    else:
        return []
    if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
        parts.append(node.value)
    return [p for p in parts if p is not None]


def _module_names(
    imports: list[ast.Import | ast.ImportFrom], modules: frozenset[tuple[str, str]]
) -> set[str]:
    """The names a module binds to modules: ``import x`` (``as y``), and
    ``from pkg import mod`` where ``pkg/mod.py`` is a module of the tree."""
    stems = {m for _, m in modules}
    found = set()
    for node in imports:
        if isinstance(node, ast.Import):
            found |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            package = (node.module or "").split(".")[-1]
            found |= {
                a.asname or a.name
                for a in node.names
                if (package, a.name) in modules or (not node.module and a.name in stems)
            }
    return found


def _literal(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_name(node: ast.AST, *names: str) -> bool:
    return isinstance(node, ast.Name) and node.id in names


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return node.id if isinstance(node, ast.Name) else ""


# a mapping's own methods: a string handed to one of another mapping
# (kwargs.setdefault("params", {})) is a key of it, not an attribute's name
_MAPPING_METHODS = frozenset(
    "get setdefault pop update __getitem__ __contains__ __delitem__ "
    "__setitem__ format append add index count startswith endswith".split()
)


def _by_name(node: ast.Constant, around: ast.AST | None) -> bool:
    """Whether a string names an attribute where it stands: an argument of a
    call (getattr, hasattr, setattr, delattr, operator.attrgetter, a helper
    doing so), not a key of another mapping's method; a key of an instance's
    dict (``self.__dict__["x"]``, ``vars(self).get("x")``); ``"x" in
    vars(self)``."""
    if isinstance(around, ast.Call) and node in around.args:
        func = around.func
        if isinstance(func, ast.Attribute) and func.attr in _MAPPING_METHODS:
            return _instance_dict(func.value) is not None
        return True
    if isinstance(around, ast.Subscript) and around.slice is node:
        return _instance_dict(around.value) is not None
    if isinstance(around, ast.Compare) and around.left is node:
        return any(
            _instance_dict(c) is not None
            or (isinstance(c, ast.Call) and _is_name(c.func, "dir"))
            for c in around.comparators
        )
    return False


def _instance_dict(node: ast.AST) -> ast.expr | None:
    """``x`` of ``x.__dict__`` or ``vars(x)``."""
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    if (
        isinstance(node, ast.Call)
        and _is_name(node.func, "vars")
        and len(node.args) == 1
    ):
        return node.args[0]
    return None


def _entry_points(
    root: str, families: list[Family], done: dict[Family, str]
) -> dict[Family, str]:
    """Families whose class a packaging file at the tree's root names by its
    dotted path (``crm.resources:ContactsClient``: an entry point)."""
    found: dict[Family, str] = {}
    for name in _ENTRY_POINT_FILES if root else ():
        text = _read(os.path.join(root, name)).decode("utf-8", "replace")
        if not text:
            continue
        for family in families:
            if family in done or family in found:
                continue
            for match in re.finditer(r"([\w.]+)\s*[:.]\s*(\w+)", text):
                dotted, cls = match.groups()
                if cls in family.classes and dotted.split(".")[-1] in family.stems():
                    line = text.count("\n", 0, match.start()) + 1
                    found[family] = REACHED.format(
                        where=f"{name}:{line}",
                        what=cls,
                        how=f'a dotted path ("{match.group(0)}": an entry point?)',
                    )
                    break
    return found
