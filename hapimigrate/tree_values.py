"""Module-level values a migrated request reads that another module changes.

A module's fixers see its own code only, and its own writes by name only. A
table of URLs (or a base URL, or the key itself) that the module's rewritten
request reads may be changed by another module of the tree, through another
name, or be another module's:

    client.py  URLS = {"contacts": "https://api.hubapi.com/..."}
               def fetch(name): return requests.get(URLS[name], params={"hapikey": KEY})
    more.py    client.URLS.update(status="https://status.example.com/ping")
               client.URLS["alert"] = SLACK_HOOK; from client import URLS; URLS.append(...)
               client.BASE = args.base_url; setattr(client, "KEY", sys.argv[1])
               urls = client.URLS; urls[name] = url     (an alias, a parameter, self.urls)
               Client.URLS["alert"] = ...; Client().URLS.update(...)   (a class's table)
    client.py  table = URLS; table[name] = url          (its own, through another name)

    crm.py     from config import URLS      (config.py: a table with a Slack hook)

Then the token, sent to whatever the value holds at run time, may reach a host
that is not HubSpot's (or one run's key becomes the one token). Such a module is
left as it is (:mod:`hapimigrate.tree_hold`), its sites manual, naming the
change (``more.py:2``). A change that only writes HubSpot's URLs, paths or other
literals is no risk. Tests (``test_*.py``, a ``tests`` folder) are left aside:
a test pointing a client at its stand-in server sends it what it sent before.

Cheap: only the changed modules are parsed, and the other modules only when
their bytes name a value one of them reads and import its module.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
import sys
from typing import Iterable, Iterator

from hapimigrate.tree_imports import is_test_module, tree_root
from hapimigrate.tree_aliases import function_locals
from hapimigrate import prefilter
from hapimigrate.hubspot.urls import host, takes_tokens
from hapimigrate.model import FileResult, Status
from hapimigrate.tree_aliases import Chain, Chains, bound_names, value_chain
from hapimigrate.tree_hold import hold
from hapimigrate.tree_imports import imported_names, importable_names, module_file

CHANGED_ELSEWHERE = (
    "{where} changes {name}, which this request reads ({what}): the token would "
    "go wherever it then points, not only to HubSpot; migrate by hand"
)
DEFINED_ELSEWHERE = (
    "{name}, read from {where}, holds {what}: the token goes to HubSpot only; "
    "migrate by hand"
)
KEY_CHANGED = (
    "{where} sets {name}, the key this request sends (a per-run value: a "
    "portal's key handed to this code): read as the provider's one token, every "
    "run would send the same token; change the writer and this code together, "
    "by hand"
)
HELD = "another module changes a value this module's requests read: by hand"
RUN_TIME = "a value known at run time"

# methods that add to or replace entries of a table in place
_MUTATORS = frozenset(
    {"update", "append", "extend", "insert", "setdefault", "__setitem__", "add"}
)

Value = tuple[str, str]  # (the defining module's path, the name)


@dataclasses.dataclass(frozen=True)
class Change:
    """Why a value a request reads is not only what its module writes:
    changed at ``where`` (``more.py:2``) to ``what`` (a host, or RUN_TIME), or
    (``defined``) another module's table holding such an entry."""

    name: str
    where: str
    what: str
    defined: bool = False
    module: str = ""  # the changing module's path
    # written through an alias, a parameter, an attribute (``table = URLS;
    # table[k] = v``): a module's fixers do not see its own such changes
    hidden: bool = False
    # the literal keys a write of a table's entries sets (``HUBSPOT["API_KEY"]
    # = ...``, ``.update(API_KEY=...)``); None: not known, or the whole value
    entries: tuple[str, ...] | None = None
    top: bool = False  # written at the changing module's top level (on import)

    def reason(self, keys: Iterable[str] = (), key: str | None = None) -> str:
        """Why the request reading it stays; ``keys``: the names of the
        module's keys (a key set elsewhere is one run's key, not a host);
        ``key``: the key it changes, as the request reads it."""
        if not self.defined and (key or self.name in keys):
            return KEY_CHANGED.format(name=key or self.name, where=self.where)
        template = DEFINED_ELSEWHERE if self.defined else CHANGED_ELSEWHERE
        return template.format(name=self.name, where=self.where, what=self.what)


def hold_changed_values(
    results: list[FileResult], files: list[str]
) -> list[FileResult]:
    """``results``, with the changed modules whose rewritten requests read a
    value another module changes (or another module's table holding another
    host) left as they are, their sites manual."""
    readers = {}
    for result in results:
        if (
            result.changed
            and result.original
            and prefilter.is_python(result.path)
            and _may_read_values(result)
        ):
            reader = _Reader.read(result)
            if reader is not None and reader.watched:
                readers[result.path] = reader
    if not readers:
        return results
    watched = {value for r in readers.values() for value in r.watched}
    parsed = {os.path.abspath(p): r.tree for p, r in readers.items()}
    changes, urls = _changes(watched, files, parsed)
    if not changes:
        return results
    out = []
    for result in results:
        reader = readers.get(result.path)
        reasons = reader.reasons(changes, urls) if reader is not None else {}
        if reasons:
            result = hold(result, lambda s: reasons.get(id(s)), HELD)
        out.append(result)
    return out


# a name a module binds at its top: a function, a class, an assignment
_BOUND_AT_TOP = re.compile(
    rb"^(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)"
    rb"|^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)",
    re.MULTILINE,
)
_IMPORT_AT_TOP = re.compile(
    rb"^(?:from[ \t]+(\.*)([\w.]*)[ \t]+import[ \t]+([^\n#]*)|import[ \t]+([^\n#]*))",
    re.MULTILINE,
)


def _may_read_values(result: FileResult) -> bool:
    """Whether a rewritten site of a changed module may read a value this
    pass watches, from its bytes (most changed modules are not parsed again):
    False when each site is in a top-level function whose text names none of
    the module's other top-level names nor a name imported from the tree, and
    which nothing else in the module names."""
    data = result.original or b""
    spans: dict[bytes, int] = {}  # a top-level name -> where its statement starts
    bound = []
    for match in _BOUND_AT_TOP.finditer(data):
        name = match.group(1) or match.group(2)
        bound.append((match.start(), name))
        if match.group(1):
            spans.setdefault(name, len(bound) - 1)
    names = {name for _, name in bound} | _tree_imports(result.path, data)
    for site in result.sites:
        if site.status != Status.REWRITE:
            continue
        owner = site.enclosing.split(".")[0].encode()
        index = spans.get(owner)
        if not owner or index is None or len([n for _, n in bound if n == owner]) > 1:
            return True  # at the module's top, or bound twice: read it
        start = bound[index][0]
        if data.startswith(b"class", start):
            return True  # its own attributes (Client.URLS) may be watched
        end = bound[index + 1][0] if index + 1 < len(bound) else len(data)
        words = set(re.findall(rb"[A-Za-z_]\w*", data[start:end]))
        if words & (names - {owner}):
            return True
        elsewhere = data[:start] + data[end:]
        if re.search(rb"\b" + re.escape(owner) + rb"\b", elsewhere):
            return True  # its callers' values reach it
    return False


def _tree_imports(path: str, data: bytes) -> set[bytes]:
    """The names a module's top-level imports of the tree's modules bind
    (``from config import URLS``, ``import config``)."""
    found: set[bytes] = set()
    for match in _IMPORT_AT_TOP.finditer(data):
        dots, source, names, plain = match.groups()
        if plain is not None:
            parts = [p.strip() for p in plain.split(b",")]
            modules = [(p.split()[0], p.split()[-1]) for p in parts if p]
            for module, local in modules:
                dotted = module.decode("ascii", "replace")
                if dotted.split(".")[0] in sys.stdlib_module_names:
                    continue
                if module_file(path, dotted) is not None:
                    found.add(local.split(b".")[0])
            continue
        level = len(dots)
        source_text = source.decode("ascii", "replace")
        if not level and source_text.split(".")[0] in sys.stdlib_module_names:
            continue
        if b"(" in names or names.rstrip().endswith(b"\\"):
            names = b"*"  # over several lines: any name may be one
        home = module_file(path, source_text, level) if source_text else None
        for part in names.split(b","):
            words = part.split()
            if not words:
                continue
            name, local = words[0], words[-1]
            dotted = f"{source_text}.{name.decode('ascii', 'replace')}".strip(".")
            if home is not None or module_file(path, dotted, level) is not None:
                found.add(local if name != b"*" else b"*")
    if b"*" in found:
        found |= set(re.findall(rb"[A-Za-z_]\w*", data))  # a star import: any
    return found


class _Reader:
    """A changed module: for each site it rewrote, the module-level values
    (its own, or other modules' it imports) its top-level statement reads,
    through the module's functions it calls."""

    def __init__(self, result: FileResult, tree: ast.Module) -> None:
        self.tree = tree
        self.path = os.path.abspath(result.path)
        self.keys = {
            *result.removed_keys,
            *(label for _, label in result.provider_keys),
        }
        self.sites = [s for s in result.sites if s.status == Status.REWRITE]
        own = _literal_names(tree)
        imports = _import_map(result.path, tree)
        spans: list[tuple[int, int, frozenset[str]]] = []
        reads: dict[str, set[Value]] = {}
        calls: dict[str, set[str]] = {}
        for index, statement in enumerate(tree.body):
            # a statement binding nothing (``if __name__ == ...``) owns its sites
            bound = bound_names(statement) or frozenset([f"<{index}>"])
            start = min(
                [statement.lineno]
                + [d.lineno for d in getattr(statement, "decorator_list", ())]
            )
            spans.append((start, statement.end_lineno or start, bound))
            values = set(_values_read(statement, own, imports, self.path))
            names = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
            for name in bound:
                reads.setdefault(name, set()).update(values)
                calls.setdefault(name, set()).update(names)
        self._spans = spans
        self._reads = reads
        self._calls = calls
        self.per_site: dict[int, set[Value]] = {}
        for site in self.sites:
            # what the site's statement reads, and what the statements using
            # it read (``PARAMS = {"hapikey": KEY}`` is sent by ``fetch``,
            # which reads URLS; a helper's URL comes from its callers)
            owner = self._owner(site.line)
            reached = self._closure(owner | self._users(owner))
            values = {v for name in reached for v in reads.get(name, ())}
            if values:
                self.per_site[id(site)] = values
        self.watched = {v for values in self.per_site.values() for v in values}

    @classmethod
    def read(cls, result: FileResult) -> "_Reader | None":
        try:
            return cls(result, ast.parse(result.original or b""))
        except (SyntaxError, ValueError, RecursionError):
            return None

    def _owner(self, line: int) -> frozenset[str]:
        for start, end, bound in self._spans:
            if start <= line <= end:
                return bound
        return frozenset()

    def _users(self, names: Iterable[str]) -> set[str]:
        """The module's names whose statements use one of ``names``, at any
        depth."""
        found: set[str] = set()
        todo = set(names)
        while todo:
            todo = {
                user
                for user, used in self._calls.items()
                if used & todo and user not in found
            }
            found |= todo
        return found

    def _closure(self, names: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(names)
        while todo:
            current = todo.pop()
            if current in seen or current not in self._calls:
                continue
            seen.add(current)
            todo.extend(self._calls[current] & self._calls.keys())
        return seen

    def reasons(
        self, changes: dict[Value, list[Change]], urls: set[Value]
    ) -> dict[int, str]:
        """Site (by id) -> why it stays. The module's own values changed in
        the module itself are its fixers' to judge (they see that code). A
        value not written out counts for a value holding URLs (``urls``) or a
        key; another host, for any value."""
        found = {}
        for site in self.sites:
            hit = sorted(
                (
                    change
                    for value in self.per_site.get(id(site), ())
                    for change in changes.get(value, ())
                    if not (
                        value[0] == self.path
                        and change.module == self.path
                        and not change.hidden
                        and "." not in value[1]  # its fixers see URLS[k] = v,
                        # not Client.URLS[k] = v
                    )
                    and (
                        (change.what and (change.what != RUN_TIME or value in urls))
                        or (
                            _sent_key(change, self.keys) is not None
                            # a settings module filling its own table on
                            # import (HUBSPOT["API_KEY"] = os.environ[...]) is
                            # its configuration, as KEY = ... is
                            and not (change.top and change.module == value[0])
                        )
                    )
                ),
                key=lambda c: (c.where, c.name),
            )
            if hit:
                found[id(site)] = hit[0].reason(self.keys, _sent_key(hit[0], self.keys))
        return found


def _literal_names(tree: ast.Module) -> set[str]:
    """The module's top-level names whose value writes a string (a URL, a
    table of them, a key read from the environment): those another module may
    point elsewhere. Not a session, a logger, a client object."""
    found = set()
    for statement, owner in _assignments(tree):
        value = statement.value
        if value is not None and any(
            isinstance(n, ast.Constant) and isinstance(n.value, str)
            for n in ast.walk(value)
        ):
            found |= {owner + n for n in bound_names(statement)}
    return found


def _assignments(tree: ast.Module) -> Iterator[tuple[ast.Assign | ast.AnnAssign, str]]:
    """The module's top-level assignments, and its classes' (their names
    prefixed ``Client.``: a class attribute, ``Client.URLS``)."""
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            yield statement, ""
        elif isinstance(statement, ast.ClassDef):
            for item in statement.body:
                if isinstance(item, (ast.Assign, ast.AnnAssign)):
                    yield item, statement.name + "."


def _import_map(path: str, tree: ast.Module) -> dict[str, Value | str]:
    """A module's top-level imports of the tree's modules: local name -> the
    value it is ((module path, name)), or -> the module's path (``import
    config``, ``from app import config``); dotted for ``import app.config``.
    A standard library module's name is its (a tree of the standard library
    itself aside: ``os.environ`` is not watched)."""
    found: dict[str, Value | str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                if alias.name.split(".")[0] in sys.stdlib_module_names:
                    continue
                target = module_file(path, alias.name)
                if target is not None:
                    found[alias.asname or alias.name] = os.path.abspath(target)
        elif isinstance(statement, ast.ImportFrom):
            source = statement.module or ""
            if not statement.level and source.split(".")[0] in sys.stdlib_module_names:
                continue
            home = module_file(path, source, statement.level) if source else None
            for alias in statement.names:
                local = alias.asname or alias.name
                dotted = f"{source}.{alias.name}" if source else alias.name
                module = module_file(path, dotted, statement.level)
                if module is not None:
                    found[local] = os.path.abspath(module)
                elif home is not None and alias.name != "*":
                    found[local] = (os.path.abspath(home), alias.name)
    return found


def _values_read(
    statement: ast.stmt, own: set[str], imports: dict[str, Value | str], path: str
) -> Iterator[Value]:
    """The watched values a statement reads: its module's own names (its
    classes' attributes too: ``self.URLS`` in ``Client``, ``Client.URLS``),
    names imported from the tree's modules, ``config.URLS`` of an imported
    module, ``Client.URLS`` of an imported class."""
    home = statement.name if isinstance(statement, ast.ClassDef) else ""
    for node in ast.walk(statement):
        if isinstance(node, ast.Name):
            if node.id in own:
                yield path, node.id
            bound = imports.get(node.id)
            if isinstance(bound, tuple):
                yield bound
                # and the module's own name for it: another module's
                # client.KEY = ... rebinds what this one reads
                yield path, node.id
        elif isinstance(node, ast.Attribute):
            chain = value_chain(node)
            if chain is None:
                continue
            if len(chain) == 2:
                root, name = chain
                owner = home if root in ("self", "cls") else root
                if f"{owner}.{name}" in own:
                    yield path, f"{owner}.{name}"
                bound = imports.get(root)
                if isinstance(bound, tuple):  # an imported class
                    yield bound[0], f"{bound[1]}.{name}"
            found = _module_value(chain, imports)
            if found is not None:
                yield found


def _module_value(chain: Chain, imports: dict[str, Value | str]) -> Value | None:
    """``config.URLS``, ``app.config.URLS`` (an imported module's name), or
    ``config.Client.URLS`` (a class's attribute): the value it is, when the
    chain ends there."""
    for size in range(1, len(chain)):
        module = imports.get(".".join(chain[:size]))
        if isinstance(module, str) and size >= len(chain) - 2:
            return module, ".".join(chain[size:])
    return None


def _changes(
    watched: set[Value], files: list[str], parsed: dict[str, ast.Module]
) -> tuple[dict[Value, list[Change]], set[Value]]:
    """For each watched value changed elsewhere (or another module's table
    holding another host), those changes; and the values whose definition
    holds a URL (a base URL, a table of them). ``parsed``: the trees of
    modules read already. A module is parsed when it defines a watched value,
    or its bytes write one of their names (:func:`_writes_pattern`)."""
    names = {name.rsplit(".", 1)[-1] for _, name in watched}
    writes = _writes_pattern(names)
    homes = {path for path, _ in watched}
    stems = {
        s.encode() for path in homes for s in importable_names(path) if s != "__init__"
    }
    root = tree_root(files)
    found: dict[Value, list[Change]] = {}
    urls: set[Value] = set()
    for path in sorted(files):
        if not prefilter.is_python(path) or is_test_module(path, root):
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        here = os.path.abspath(path)
        if here not in homes and not (
            any(n.encode() in data for n in names)
            and writes.search(data)
            and imported_names(data, path) & stems
        ):
            continue
        tree = parsed.get(here)
        if tree is None:
            try:
                tree = ast.parse(data)
            except (SyntaxError, ValueError, RecursionError):
                continue
        label = os.path.basename(path)
        changes = _module_changes(
            here, tree, watched, label, writes.search(data) is not None
        )
        for home, change in changes:
            found.setdefault((home, change.name), []).append(change)
        urls |= {(here, name) for name in _url_names(tree)}
    return found, urls


def _writes_pattern(names: set[str]) -> re.Pattern[bytes]:
    """Bytes that may write one of ``names`` (``NAME[...] =``, ``NAME +=``,
    ``NAME.update(``, a quoted name: ``setattr(m, "NAME"``, ``patch.object(m,
    "NAME"``, ``patch("app.m.NAME"``), or hand it on to code that may
    (``x = m.NAME``, ``f(m.NAME)``, ``return m.NAME``, ``import NAME as
    x``): a module without them
    is not parsed."""
    alternatives = b"|".join(re.escape(n.encode()) for n in sorted(names))
    word = rb"\b(?:" + alternatives + rb")\b"
    methods = b"|".join(m.encode() for m in sorted(_MUTATORS))
    return re.compile(
        word
        + rb"(?:\s*\[[^\n]*?\])?\s*(?:=(?!=)|\+=|\|=)|"
        + word
        + rb"\s*\.\s*(?:"
        + methods
        + rb")\s*\(|['\"](?:[\w.]*\.)?(?:"
        + alternatives
        + rb")['\"]|"
        + word
        + rb"[ \t]*(?:[,)]|$)|"
        + word
        + rb"[ \t]+as\b",  # imported under another name
        re.MULTILINE,
    )


def _url_names(tree: ast.Module) -> set[str]:
    """The module's top-level names assigned a value that writes a URL."""
    return {
        owner + name
        for statement, owner in _assignments(tree)
        if statement.value is not None and _holds_url(statement.value)
        for name in bound_names(statement)
    }


def _holds_url(value: ast.expr) -> bool:
    return any(
        isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and host(n.value) is not None
        for n in ast.walk(value)
    )


def _module_changes(
    path: str, tree: ast.Module, watched: set[Value], label: str, writing: bool
) -> Iterator[tuple[str, Change]]:
    """The changes one module makes to watched values (its own too, when they
    are read by another module: its tables' entries); ``writing``: whether its
    bytes may write one at all (else only its own tables are looked at)."""
    imports = _import_map(path, tree)
    imports.update(_patched_modules(path, tree, imports))  # patch("app.m.KEY")
    own = {name for home, name in watched if home == path}
    held: dict[int, frozenset[str]] = {}

    def local(scope: ast.AST) -> frozenset[str]:
        """The names a function binds itself (once per function)."""
        if id(scope) not in held:
            held[id(scope)] = function_locals(scope)
        return held[id(scope)]

    def resolve(chain: Chain, scope, expand: bool | str = True) -> Value | None:
        if expand == "root":  # what its root stands for: m = client; m.KEY
            roots = sorted(chains.expand(chain[:-1], scope))
            candidates = [(*root, chain[-1]) for root in roots]
        else:
            candidates = sorted(chains.expand(chain, scope)) if expand else [chain]
        for expanded in candidates:
            if len(expanded) == 1 and expanded[0] == "cls":
                # cls.KEY = ... in a classmethod: its class's entry (review 27, R8)
                expanded = (chains.class_of(scope) or "cls",)
            if len(expanded) == 1:
                if scope is not None and expanded[0] in local(scope):
                    continue  # a function's own variable of that name
                bound = imports.get(expanded[0])
                if isinstance(bound, tuple) and bound in watched:
                    return bound
                if expanded[0] in own:
                    return path, expanded[0]
            elif len(expanded) == 2:  # a class's attribute
                root, name = expanded
                if root in ("self", "cls"):
                    root = chains.class_of(scope) or root
                elif scope is not None and root in local(scope):
                    continue
                if f"{root}.{name}" in own:
                    return path, f"{root}.{name}"
                bound = imports.get(root)
                if isinstance(bound, tuple):
                    value = (bound[0], f"{bound[1]}.{name}")
                    if value in watched:
                        return value
            value = _module_value(expanded, imports)
            if value is not None and value in watched:
                return value
        return None

    # another module's table read here: its own entries must be HubSpot's
    for statement, owner in _assignments(tree):
        for name in {owner + n for n in bound_names(statement)} & own:
            value = statement.value
            if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)) and (
                _holds_url(value)  # a table of URLs, not of params
            ):
                what = _unsafe(value)
                if what is not None:
                    where = f"{label}:{statement.lineno}"
                    yield path, Change(name, where, what, True, path)
    if not writing:
        return
    chains = Chains(tree)
    for scope, statements in chains.scopes():
        for statement in statements:
            for node in ast.walk(statement):
                for target, values in _writes(node):
                    found = _written_value(target, scope, resolve)
                    if found is None:
                        continue
                    value, hidden = found
                    # "": HubSpot's URLs or other literals only (a risk for a
                    # key, which another portal's may replace)
                    what = next(filter(None, map(_unsafe, values)), "")
                    where = f"{label}:{node.lineno}"
                    change = Change(value[1], where, what, False, path, hidden)
                    if target[0] == "entries":
                        change = dataclasses.replace(change, entries=_entries(node))
                    if scope is None:
                        change = dataclasses.replace(change, top=True)
                    yield value[0], change


def _writes(node: ast.AST) -> Iterator[tuple[tuple[str, ast.expr], list[ast.expr]]]:
    """What a node writes: (("rebind", a target) | ("entries", a table), the
    values written)."""
    indirect = list(_indirect_writes(node))
    if indirect:  # vars(m)["KEY"] = ..., patch.object(m, "KEY", ...)
        yield from indirect
        return
    if isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
        value = node.value
        if value is None:
            return
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript):  # T["a"]["b"] = v: T's "a"
                yield ("entries", _table_root(target.value)[0]), [value]
            elif isinstance(node, ast.AugAssign):
                yield ("entries", target), [value]  # URLS += [...] grows the list
            else:
                target = _class_spelled(target)
                yield ("rebind", target), [value]
                if isinstance(target, ast.Attribute):  # Config.API_KEY = ...:
                    yield ("entries", target.value), [value]  # an entry of Config
    elif isinstance(node, ast.Call):
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr in _MUTATORS:
            given = [*node.args, *(k.value for k in node.keywords)]
            if func.attr in ("setdefault", "__setitem__", "insert") and given:
                given = given[1:]  # the key or the index
            yield ("entries", _table_root(func.value)[0]), given
        elif (
            isinstance(func, ast.Name)
            and func.id == "setattr"
            and len(node.args) == 3
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            target = ast.Attribute(node.args[0], node.args[1].value, ast.Store())
            yield ("rebind", target), [node.args[2]]
            yield ("entries", node.args[0]), [node.args[2]]  # setattr(Config, ...)


def _class_spelled(target: ast.expr) -> ast.expr:
    """``type(self).KEY`` and ``self.__class__.KEY`` as ``cls.KEY``: a write of
    the class's attribute from one of its methods (review 27, R8)."""
    if not isinstance(target, ast.Attribute):
        return target
    holder = target.value
    if (
        isinstance(holder, ast.Call)
        and isinstance(holder.func, ast.Name)
        and holder.func.id == "type"
        and len(holder.args) == 1
        and isinstance(holder.args[0], ast.Name)
    ) or (
        isinstance(holder, ast.Attribute)
        and holder.attr == "__class__"
        and isinstance(holder.value, ast.Name)
    ):
        return ast.Attribute(ast.Name("cls", ast.Load()), target.attr, target.ctx)
    return target


def _indirect_writes(
    node: ast.AST,
) -> Iterator[tuple[tuple[str, ast.expr], list[ast.expr]]]:
    """Writes through a module's namespace or a patcher, as :func:`_writes`
    gives them: ``vars(m)["KEY"] = v``, ``m.__dict__.update(KEY=v)``,
    ``(mock.)patch.object(m, "KEY", v)``, ``monkeypatch.setattr(m, "KEY", v)``,
    ``patch("app.m.KEY", v)``, ``patch.dict(m.TABLE, {...})``. Each may run
    for each portal (a worker's loop), not only in a test."""
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        for target in targets:
            if isinstance(target, ast.Subscript) and node.value is not None:
                holder, name = _namespace(target.value), _string(target.slice)
                if holder is not None and name is not None:
                    attribute = ast.Attribute(holder, name, ast.Store())
                    yield ("rebind", attribute), [node.value]
        return
    if not isinstance(node, ast.Call):
        return
    func, args = node.func, node.args
    if isinstance(func, ast.Attribute) and func.attr in _MUTATORS:
        holder = _namespace(func.value)
        keys = _entries(node)
        if holder is not None and keys is not None:
            given = [*node.args, *(k.value for k in node.keywords)]
            for key in keys:
                yield ("rebind", ast.Attribute(holder, key, ast.Store())), given
        return
    kind = _patcher(func)
    new = next((k.value for k in node.keywords if k.arg in ("new", "value")), None)
    dotted = _string(args[0]) if args else None
    if dotted is not None and not _DOTTED.match(dotted):
        return  # requests.patch("https://..."): a request, not a patcher
    if kind in ("object", "setattr") and len(args) >= 2 and dotted is None:
        name = _string(args[1])
        if name is not None:
            new = args[2] if len(args) > 2 else new
            target = ast.Attribute(args[0], name, ast.Store())
            yield ("rebind", target), [new] if new is not None else []
            yield ("entries", args[0]), [new] if new is not None else []
    elif kind in ("patch", "setattr") and dotted is not None and "." in dotted:
        new = args[1] if len(args) > 1 else new
        yield ("rebind", _dotted_node(dotted)), [new] if new is not None else []
    elif kind == "dict" and args:
        table = _dotted_node(dotted) if dotted is not None else args[0]
        given = [*args[1:], *(k.value for k in node.keywords)]
        yield ("entries", table), given


# a dotted name a patcher is given (``"app.client.KEY"``)
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+\Z")


def _patcher(func: ast.expr) -> str | None:
    """``patch``, ``patch.object``, ``patch.dict`` (of ``mock``, ``mocker``)
    or ``monkeypatch.setattr``: "patch", "object", "dict" or "setattr"."""
    if isinstance(func, ast.Name):
        return "patch" if func.id == "patch" else None
    if not isinstance(func, ast.Attribute):
        return None
    if func.attr in ("patch", "setattr"):
        return func.attr
    inner = func.value
    if func.attr in ("object", "dict") and (
        (isinstance(inner, ast.Name) and inner.id == "patch")
        or (isinstance(inner, ast.Attribute) and inner.attr == "patch")
    ):
        return func.attr
    return None


def _namespace(node: ast.expr) -> ast.expr | None:
    """``m`` of ``vars(m)`` or ``m.__dict__``: a module's namespace."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "vars"
        and len(node.args) == 1
    ):
        return node.args[0]
    if isinstance(node, ast.Attribute) and node.attr == "__dict__":
        return node.value
    return None


def _entries(node: ast.AST) -> tuple[str, ...] | None:
    """The literal keys a write of a table's entries sets (``T["k"] = v``,
    ``T.update(k=v)``, ``T.update({"k": v})``, ``T.setdefault("k", v)``,
    ``patch.dict(T, {"k": v})``); None when one is not written out."""
    keys: list[str | None] = []
    if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        keys = [
            (
                _table_root(t.value)[1]
                if isinstance(t.value, ast.Subscript)
                else _string(t.slice)
            )
            for t in targets
            if isinstance(t, ast.Subscript)
        ] + [t.attr for t in targets if isinstance(t, ast.Attribute)]
    elif isinstance(node, ast.Call) and (
        _patcher(node.func) in ("object", "setattr")
        or (isinstance(node.func, ast.Name) and node.func.id == "setattr")
    ):
        keys = [_string(node.args[1]) if len(node.args) > 1 else None]
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        attr, patcher = node.func.attr, _patcher(node.func)
        if isinstance(node.func.value, ast.Subscript) and patcher is None:
            keys = [_table_root(node.func.value)[1]]  # T["a"].update(...)
        elif attr in ("setdefault", "__setitem__") and node.args:
            keys = [_string(node.args[0])]
        elif attr == "update" or patcher == "dict":
            items = node.args[1:] if patcher == "dict" else node.args
            for keyword in node.keywords:
                if keyword.arg == "values" and patcher == "dict":
                    items = [*items, keyword.value]
                else:  # clear=True, **others: every entry
                    keys.append(keyword.arg if keyword.arg != "clear" else None)
            for item in items:
                if isinstance(item, ast.Dict):
                    keys += [_string(k) if k is not None else None for k in item.keys]
                else:
                    keys.append(None)
    return tuple(keys) if keys and None not in keys else None  # type: ignore


def _table_root(node: ast.expr) -> tuple[ast.expr, str | None]:
    """``T`` of ``T["a"]["b"]``, and the entry of ``T`` it is in (``"a"``;
    None when not written out, or when ``node`` is ``T`` itself)."""
    key = None
    while isinstance(node, ast.Subscript):
        key = _string(node.slice)
        node = node.value
    return node, key


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _dotted_node(dotted: str) -> ast.expr:
    """``app.m.KEY`` as the attribute chain it names."""
    parts = dotted.split(".")
    node: ast.expr = ast.Name(parts[0], ast.Load())
    for part in parts[1:]:
        node = ast.Attribute(node, part, ast.Load())
    return node


def _patched_modules(
    path: str, tree: ast.Module, imports: dict[str, Value | str]
) -> dict[str, str]:
    """The tree's modules a module's patchers name by their dotted path
    (``patch("app.client.KEY", ...)``): ``app.client`` -> its file."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        dotted = _string(node.args[0])
        if dotted is None or not _DOTTED.match(dotted) or _patcher(node.func) is None:
            continue
        module = dotted.rsplit(".", 1)[0]
        if module in imports or module in found:
            continue
        target = module_file(path, module)
        if target is not None:
            found[module] = os.path.abspath(target)
    return found


def _sent_key(change: Change, keys: Iterable[str]) -> str | None:
    """The key (as the request reads it: ``KEY``, ``HUBSPOT["API_KEY"]``,
    ``settings.KEY``) that a change of a value writes, if any: the value is
    named in it, and a change of a table's entries sets that entry."""
    for label in sorted(keys):
        bare = re.sub(r"(['\"])(?:(?!\1).)*\1", "''", label)
        if change.name not in re.findall(r"[A-Za-z_]\w*", bare):
            continue
        entry = re.search(
            r"\b"
            + re.escape(change.name)
            + r"\s*(?:(?:\[\s*|\.get\(\s*)(['\"])((?:(?!\1).)*)\1|\.(\w+)\b(?!\())",
            label,
        )
        written = entry and (entry.group(2) if entry.group(1) else entry.group(3))
        if not written or change.entries is None or written in change.entries:
            return label
    return None


def _written_value(target, scope, resolve) -> tuple[Value, bool] | None:
    """The watched value a write reaches: a table's entries (``URLS[...] =``,
    ``URLS.update``), or another module's name rebound (``client.BASE = ...``);
    and whether through another name (an alias, a parameter). A module's own
    later ``BASE = ...`` is judged as its fixers judge one in the reading
    module (a base URL from the environment is configuration)."""
    kind, node = target
    chain = value_chain(node)
    if chain is None or (kind == "rebind" and len(chain) == 1):
        return None
    direct = resolve(chain, scope, expand=False)
    if direct is not None:
        return direct, False
    if kind == "rebind":  # the name itself, not what an alias of it stands
        # for (self.urls = client.URLS); but the attribute of a root standing
        # for a module (m = client; m.KEY = ...; def use(mod, k): mod.KEY = k)
        value = resolve(chain, scope, expand="root")
        return (value, True) if value is not None else None
    value = resolve(chain, scope)
    return (value, True) if value is not None else None


def _unsafe(value: ast.expr) -> str | None:
    """What a written value may send the token to: None for a literal of
    HubSpot's hosts (or no host: a path, a number), else the other host, or
    RUN_TIME for a value not written out."""
    if isinstance(value, ast.Constant):
        if isinstance(value.value, str):
            where = host(value.value)
            return None if where is None or takes_tokens(where) else where
        return None
    if isinstance(value, (ast.Dict, ast.List, ast.Tuple, ast.Set)):
        items = value.values if isinstance(value, ast.Dict) else value.elts
        if isinstance(value, ast.Dict) and None in value.keys:
            return RUN_TIME  # {**OTHER}
        return next(filter(None, map(_unsafe, items)), None)
    if isinstance(value, (ast.JoinedStr, ast.BinOp)):
        where = host(_template(value))
        if where is not None and takes_tokens(where):
            return None
        return where or RUN_TIME
    return RUN_TIME


def _template(node: ast.AST) -> str:
    """A string expression as a URL template, its other values ``{}``."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else "{}"
    if isinstance(node, ast.JoinedStr):
        return "".join(
            _template(v) if isinstance(v, ast.Constant) else "{}" for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _template(node.left) + _template(node.right)
    return "{}"


__all__ = [
    "CHANGED_ELSEWHERE",
    "DEFINED_ELSEWHERE",
    "KEY_CHANGED",
    "hold_changed_values",
]
