"""Migrated clients and helpers other modules use for developer-key APIs.

Developer API keys are not sunset, and the app-level APIs (webhooks, timeline
event templates, CRM extension settings, the ecommerce bridge settings, ...:
:mod:`hapimigrate.hubspot.families`) take nothing else. A client or request
helper a module builds with the key, migrated there because its own calls take a
token, may be what another module uses for those APIs:

    hub.py    client = HubSpot(api_key=os.environ["HUBSPOT_API_KEY"])
    hooks.py  client.webhooks.subscriptions_api.get_all(app_id=APP_ID)

    hs.py     def get(path): ... params["hapikey"] = KEY ...
    hooks.py  hs.get("/webhooks/v1/%s/settings" % APP_ID)

Such a module is left as it is, its sites manual, naming the other module's use
(``hooks.py:9``). The path may come by name: a constant, a table's entry, a
class attribute, or a function returning one (``paths.subscriptions(APP_ID)``,
of the module, of another one, relayed by a third; in a module holding such
paths, one looked up by a run-time name, ``globals()[name]``, counts). The
other module may reach the API through names: an alias
(``tl = client.crm.timeline; tl.templates_api.get_all(app)``, of an alias too),
an attribute (``self.tl``), a parameter its own calls give the sub-client
(:mod:`hapimigrate.tree_aliases`), or a function of a third module it hands the
sub-client to (not followed: ``list_templates(client.crm.timeline)`` counts). Cheap: only the changed modules are read (:mod:`ast`), and the
other modules only when their bytes name a developer-key API and they import one.
"""

from __future__ import annotations

import ast
import dataclasses
import functools
import json
import os
import re
from typing import Callable, Iterable, Iterator

from hapimigrate import prefilter
from hapimigrate.model import FileResult, Site, Status
from hapimigrate.tree_aliases import (
    Chains,
    ImportedName,
    bound_names,
    imported_aliases,
    value_chain,
)
from hapimigrate.tree_hold import hold
from hapimigrate.tree_imports import imported_names, importable_names

DEVELOPER_ELSEWHERE = (
    "{where} uses {name} for a developer-key API ({what}), which takes the "
    "developer key only (not a token, and developer keys are not sunset): keep "
    "the key for those calls and give the others a token, by hand"
)
HELD = "another module uses this module for a developer-key API: by hand"

# bytes a module that reaches a developer-key API holds (the families' paths,
# the SDKs' attributes): the others are not parsed. Plain searches, much faster
# than a pattern tried at every position: a word, then (where it is found) the
# forms that confirm it, None when the word is enough
_HUBSPOT3_SETTINGS = re.compile(
    rb"\.(?:create_or_update|get_sync|create_or_update_sync)_settings\b"
)
_WORDS: tuple[tuple[bytes, tuple[bytes, ...] | None], ...] = (
    (b"webhooks", None),
    # an attribute too: a sub-client bound to a name (tl = client.crm.timeline)
    # a quoted word too: a segment a helper joins (get("crm", "v3", "timeline"))
    (
        b"timeline",
        (b"/timeline/", b"timeline.t", b".timeline", b"'timeline'", b'"timeline"'),
    ),
    # /extensions/ecomm/ too
    (b"extensions", (b"extensions/", b".extensions", b"'extensions'", b'"extensions"')),
    (
        b"automation",
        (
            b"automation/",
            b"automation.actions",
            b".automation",
            b"'automation'",
            b'"automation"',
        ),
    ),
    (b"bridge", (b"ecommerce_bridge", b"media-bridge/")),
    (b"custom-channels", None),
)


def may_name_developer_api(data: bytes) -> bool:
    """Whether a module's bytes may name a developer-key API (a byte scan)."""
    for word, forms in _WORDS:
        if word in data and (forms is None or any(f in data for f in forms)):
            return True
    return b"_settings" in data and _HUBSPOT3_SETTINGS.search(data) is not None


# names bound to developer-key paths -> None, or for a table (a dict with
# literal keys) the keys of the entries that hold one
_Tables = dict[str, "frozenset[str] | None"]


@dataclasses.dataclass(frozen=True)
class Use:
    """Another module's use of a name of the changed module for a
    developer-key API: which name, where (``hooks.py:9``) and what."""

    name: str
    where: str
    what: str


def hold_developer_uses(
    results: list[FileResult],
    candidates: Iterable[tuple[str, bytes]],
    files: Iterable[str] = (),
) -> list[FileResult]:
    """``results``, with the changed modules other modules use for
    developer-key APIs left as they are (their sites manual). ``candidates``:
    the modules whose bytes may name such an API (:func:`may_name_developer_api`),
    with their bytes; ``files``: the tree's, among which the modules importing
    a developer-key path a candidate defines (``paths.WEBHOOK_SUBSCRIPTIONS``)
    are readers too."""
    changed = [
        r
        for r in results
        if r.changed and r.original is not None and prefilter.is_python(r.path)
    ]
    others = [_Other(path, data) for path, data in candidates] if changed else []
    exported = _exported_paths(others)
    known = {os.path.abspath(o.path) for o in others}
    for _ in range(3):  # paths.py -> routes.py (def subs(): paths.SUBS) -> hooks.py
        if not exported:
            break
        new = [_Other(p, d) for p, d in _importers(files, exported, known)]
        known |= {os.path.abspath(o.path) for o in new}
        others += new
        relayed = _relayed_paths(new, exported)
        if not relayed:
            break
        exported.update(relayed)
    for other in others:
        other.exported = exported
    if not others:
        return results
    held: dict[str, FileResult] = {}
    for result in changed:
        homes = importable_names(result.path)
        readers = [o for o in others if o.path != result.path and o.imports(homes)]
        own = _own_uses(result, exported)  # paths its fixers cannot read
        if not readers and not own:
            continue
        module = _Module.read(result.original or b"")
        if module is None or not module.names:
            continue
        # the names through which another module reaches a rewritten site:
        # a module that names none of them is not parsed
        owners = {
            name
            for s in result.sites
            if s.status == Status.REWRITE
            for name in module.owner(s.line)
        }
        names = frozenset(n for n in module.names if module.closure(n) & owners)
        readers = [o for o in readers if o.names_any(names)]
        uses = [u for o in readers for u in o.uses(homes, module.names)]
        uses += [
            Use(name, where, what)
            for line, where, what, named in own
            for name in sorted((named & module.names) | module.owner(line))
        ]
        reached = _reached(module, result.sites, uses)
        if reached:
            held[result.path] = hold(
                result, lambda s: _reason(reached.get(id(s))), HELD
            )
    return [held.get(r.path, r) for r in results]


class _Other:
    """Another module that may name a developer-key API, read once: its import
    words, its imports, and its statements that reach such an API (a
    developer-key path, an SDK chain ending in a developer-key method); the
    module's names they use are asked for each changed module."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.label = os.path.basename(path)
        self._words: set[bytes] | None = None
        self._read = False
        self._imports: list[tuple[str | None, str, str]] = []
        self._units: list[tuple[list[ast.stmt], list[_Item]]] = []
        # the developer-key paths other modules of the tree define, by module
        # path: those this module imports are its own (set before it is read)
        self.exported: dict[str, dict[str, frozenset[str] | None]] = {}
        self._tree: ast.Module | bool | None = None

    def imports(self, homes: tuple[str, ...]) -> bool:
        if self._words is None:
            self._words = imported_names(self.data)
        return any(h.encode() in self._words for h in homes)

    def names_any(self, names: frozenset[str]) -> bool:
        """Whether the module's bytes hold one of ``names`` as a word."""
        return any(
            n.encode() in self.data
            and re.search(rb"\b" + re.escape(n.encode()) + rb"\b", self.data)
            for n in names
        )

    def uses(self, homes: tuple[str, ...], names: frozenset[str]) -> list[Use]:
        if not self._read:
            self._scan()
        if not self._units:
            return []
        direct, modules = _imports(self._imports, homes, names)
        if not direct and not modules:
            return []
        found: list[Use] = []
        for unit, items in self._units:
            reader = _Reader(direct, modules, names)
            reader.bind(unit)
            for item in items:
                found.extend(reader.uses(item, self.label))
        return found

    def tree(self) -> ast.Module | None:
        """The module parsed (once), None when it does not parse."""
        if self._tree is None:
            try:
                self._tree = ast.parse(self.data)
            except (SyntaxError, ValueError, RecursionError):
                self._tree = False
        return self._tree or None

    def read_imports(self, tree: ast.Module) -> list[ImportedName]:
        """(source of a from-import or None, name, local) of its imports."""
        return imported_aliases(_statements(tree.body))  # imports are statements

    def _scan(self) -> None:
        self._read = True
        tree = self.tree()
        if tree is None:
            return
        self._imports = self.read_imports(tree)
        lines = self.data.split(b"\n")
        units = list(_units(tree))  # the module's top last: its names first
        # paths imported from other modules (paths.WEBHOOK_SUBSCRIPTIONS), and
        # the entries of tables holding them (ROUTES["subs"] is one, not
        # ROUTES["owners"])
        tables = {**_imported_paths(self.path, self._imports, self.exported)}
        tables.update(_path_names(tree, seed=tables))  # def subs(): paths.SUBS
        top = _developer_names(units[-1], set(tables), tables)
        # names standing for an SDK chain (tl = client.crm.timeline, a parameter
        # the module's calls give one, self.tl): a unit naming one is read too
        chains = Chains(tree)
        hints = top | chains.hints(_names_developer_word)
        hints |= {n.rsplit(".", 1)[-1] for n in top if "." in n}  # Paths().subs
        for unit in [units[-1], *units[:-1]]:
            text = b"\n".join(
                line
                for statement in unit
                for line in lines[statement.lineno - 1 : statement.end_lineno]
            )
            if not may_name_developer_api(text) and not any(
                name.encode() in text for name in hints
            ):
                continue  # most of a module: read no further
            scope = (
                unit[0]
                if len(unit) == 1
                and isinstance(unit[0], (ast.FunctionDef, ast.AsyncFunctionDef))
                else None
            )
            items = _items(
                unit, top, lambda c: chains.expand(c, scope), chains.defines, tables
            )
            if items:
                self._units.append((unit, items))


@dataclasses.dataclass(frozen=True)
class _Item:
    """A statement that reaches a developer-key API: by a path (``path``, the
    family) or by SDK chains (``chains``: the names, root first)."""

    line: int
    expressions: tuple[ast.expr, ...]
    path: str | None
    chains: tuple[tuple[str, ...], ...]
    # sub-clients of a developer-key API handed to a function of another
    # module (``list_templates(client.crm.timeline)``): (chain, the callee)
    handed: tuple[tuple[tuple[str, ...], str], ...] = ()


def _developer_names(
    unit: list[ast.stmt],
    known: set[str],
    tables: _Tables | None = None,
    literal: bool = True,
) -> set[str]:
    """The names a unit binds to developer-key paths (``path = "/webhooks/v1/
    %s/settings" % APP``), besides ``known`` (the module's own; ``tables``:
    the entries of those that are tables, see :func:`_name_used`); only those
    bound from ``known`` unless ``literal``."""
    paths = set(known)
    for _ in range(2):  # a name bound from another one
        for statement in _statements(unit):
            if isinstance(statement, (ast.For, ast.AsyncFor)):  # for p in PATHS
                value: ast.expr | None = statement.iter
                targets = [statement.target]
            elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
                value = statement.value
                targets = (
                    statement.targets
                    if isinstance(statement, ast.Assign)
                    else [statement.target]
                )
            else:
                continue
            if value is None:
                continue
            if (literal and _developer_path(value) is not None) or _uses_name(
                value, paths, tables
            ):
                paths |= {
                    n.id
                    for t in targets
                    for n in ast.walk(t)
                    if isinstance(n, ast.Name)
                }
    return paths


def _items(
    unit: list[ast.stmt],
    top: set[str],
    expand: Callable[[tuple[str, ...]], set[tuple[str, ...]]] = lambda c: {c},
    defines: Callable[[str], bool] = lambda name: False,
    tables: _Tables | None = None,
) -> list[_Item]:
    """The unit's statements that reach a developer-key API, whoever's names
    they use (``top``: the module's names bound to developer-key paths);
    ``expand`` gives what a chain's root name may stand for (``tl.templates_api``
    is ``client.crm.timeline.templates_api``: :mod:`hapimigrate.tree_aliases`).
    A sub-client of such an API handed to a function the module does not
    define (``defines``) counts too: what that function calls is not seen.
    ``tables``: the entries of the tables among ``top`` that hold such paths."""
    paths = _developer_names(unit, top, tables)
    items = []
    for statement in _statements(unit):
        expressions = tuple(_own_expressions(statement))
        path = next(
            (p for e in expressions for p in [_developer_path(e)] if p is not None),
            None,
        )
        if path is None:
            named = next(
                filter(None, (_name_used(e, paths, tables) for e in expressions)), None
            )
            if named is not None:
                path = f"a developer-key path given by name: {named}"
        chains = tuple(
            chain
            for e in expressions
            for node in ast.walk(e)
            if isinstance(node, ast.Attribute)  # inner chains too: the API of
            # client.webhooks.subscriptions_api.get_all(...)
            for written in [_chain(node)]
            if written is not None
            for chain in sorted(expand(written))
            if any(developer_chain(list(chain[k:])) for k in range(1, len(chain)))
        )
        handed = tuple(
            (chain, callee)
            for e in expressions
            for call in ast.walk(e)
            if isinstance(call, ast.Call)
            for callee in [_callee(call)]
            if callee is not None and not defines(callee)
            for argument in [*call.args, *(k.value for k in call.keywords)]
            for written in [value_chain(argument)]
            if written is not None
            for chain in sorted(expand(written))
            if any(developer_prefix(chain[k:]) for k in range(1, len(chain)))
        )
        if path is not None or chains or handed:
            items.append(_Item(statement.lineno, expressions, path, chains, handed))
    return items


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _names_developer_word(chain: tuple[str, ...]) -> bool:
    return any(_SDK_WORDS.search(part) for part in chain)


def _uses_name(node: ast.AST, names: set[str], tables: _Tables | None = None) -> bool:
    return _name_used(node, names, tables) is not None


def _name_used(
    node: ast.AST, names: set[str], tables: _Tables | None = None
) -> str | None:
    """The first of ``names`` (plain, or dotted: ``paths.SUBS``) an
    expression reads. A table of ``tables`` read at a literal entry that holds
    no developer-key path (``ROUTES["owners"]``, ``ROUTES.get("owners")``)
    does not count; at any other (``ROUTES[name]``), it does."""
    if not names:
        return None
    skipped: set[int] = set()
    for child in ast.walk(node) if tables else ():
        entry = _entry_read(child)
        if entry is not None:
            entries = tables.get(_dotted(entry[0]) or "")
            if entries is not None and entry[1] not in entries:
                skipped.add(id(entry[0]))
    dotted = any("." in n for n in names)
    for child in ast.walk(node):
        if id(child) in skipped or not isinstance(
            getattr(child, "ctx", None), ast.Load
        ):
            continue
        if isinstance(child, ast.Name) and child.id in names:
            return child.id
        if dotted and isinstance(child, ast.Attribute):
            written = _dotted(child)
            if written is None and isinstance(child.value, ast.Call):
                made = _dotted(child.value.func)  # Paths().subscriptions
                written = f"{made}.{child.attr}" if made else None
            if written in names:
                return written
    return None


def _entry_read(node: ast.AST) -> tuple[ast.expr, str] | None:
    """``TABLE["key"]`` or ``TABLE.get("key")``: the table and the key."""
    if isinstance(node, ast.Subscript):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return node.value, key.value
    elif (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "get"
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return node.func.value, node.args[0].value
    return None


def _chain(node: ast.Attribute) -> tuple[str, ...] | None:
    """``client.webhooks.get_all`` (calls passed through: ``make_client().x``)
    as its names, root first; None when the root is not a name."""
    chain: list[str] = []
    current: ast.expr = node
    while True:
        if isinstance(current, ast.Attribute):
            chain.append(current.attr)
            current = current.value
        elif isinstance(current, ast.Call):
            current = current.func
        else:
            break
    if not isinstance(current, ast.Name):
        return None
    chain.append(current.id)
    return tuple(reversed(chain))


def _reason(use: Use | None) -> str | None:
    if use is None:
        return None
    return DEVELOPER_ELSEWHERE.format(where=use.where, name=use.name, what=use.what)


def _reached(
    module: "_Module", sites: Iterable[Site], uses: list[Use]
) -> dict[int, Use]:
    """The sites (by id) each use reaches through the module's names."""
    found: dict[int, Use] = {}
    for use in uses:
        reach = module.closure(use.name)
        for site in sites:
            if site.status != Status.REWRITE or id(site) in found:
                continue  # a site kept for the developer key is right as it is
            if module.owner(site.line) & reach:
                found[id(site)] = use
    return found


class _Module:
    """A changed module's top-level names: what each statement binds, the
    names each one uses, and their lines."""

    def __init__(self, tree: ast.Module) -> None:
        self.spans: list[tuple[int, int, frozenset[str]]] = []
        self.uses: dict[str, set[str]] = {}
        for statement in tree.body:
            bound = bound_names(statement)
            if not bound:
                continue
            start = min(
                [statement.lineno]
                + [d.lineno for d in getattr(statement, "decorator_list", ())]
            )
            self.spans.append((start, statement.end_lineno or start, bound))
            used = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
            for name in bound:
                self.uses.setdefault(name, set()).update(used)
        self.names = frozenset(self.uses)

    @classmethod
    def read(cls, data: bytes) -> "_Module | None":
        try:
            return cls(ast.parse(data))
        except (SyntaxError, ValueError):
            return None

    def owner(self, line: int) -> frozenset[str]:
        for start, end, bound in self.spans:
            if start <= line <= end:
                return bound
        return frozenset()

    def closure(self, name: str) -> set[str]:
        """``name`` and the module's names it uses, and theirs."""
        seen, todo = set(), [name]
        while todo:
            current = todo.pop()
            if current in seen or current not in self.uses:
                continue
            seen.add(current)
            todo.extend(self.uses[current] & self.names)
        return seen


def _path_names(
    tree: ast.Module, hidden: bool = False, seed: _Tables | None = None
) -> _Tables:
    """A module's top-level names (and its classes' attributes: ``Paths.SUBS``)
    bound to developer-key paths, or to values built from them; a dict with
    literal keys with the keys of the entries holding one; a function (or a
    class's method: ``Paths.subscriptions``) returning one (``def
    subscriptions(app): return "/webhooks/v1/%s/subscriptions" % app``, or
    ``return SUBS``, ``return other(app)``). ``hidden``: only those its fixers
    do not read as a path (tables, class attributes, functions: not a string,
    which they follow). ``seed``: the paths the module imports, as it names
    them (``paths.SUBS``), which its own names may be built from (not given
    back)."""
    found: _Tables = dict(seed or {})
    plain: set[str] = set()  # strings its fixers follow (left out when hidden)

    def add(prefix: str, statements: list[ast.stmt]) -> None:
        for statement in statements:
            if isinstance(statement, ast.ClassDef) and not prefix:
                add(statement.name + ".", statement.body)
                continue
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                if _returns_path(statement, found):
                    found[prefix + statement.name] = None
                continue
            value = getattr(statement, "value", None)
            if not isinstance(statement, (ast.Assign, ast.AnnAssign)) or value is None:
                continue
            if _developer_path(value) is None and not _uses_name(
                value, set(found), found
            ):
                continue
            entries = None
            if isinstance(value, ast.Dict) and all(
                isinstance(k, ast.Constant) and isinstance(k.value, str)
                for k in value.keys
            ):
                entries = frozenset(
                    k.value
                    for k, v in zip(value.keys, value.values)
                    if isinstance(k, ast.Constant)
                    and (_developer_path(v) is not None or _uses_name(v, set(found)))
                )
            targets = (
                statement.targets
                if isinstance(statement, ast.Assign)
                else [statement.target]
            )
            for target in targets:
                if isinstance(target, ast.Name):
                    found[prefix + target.id] = entries
                    if not prefix and isinstance(value, _STRINGS):
                        plain.add(target.id)

    for _ in range(3):  # a function may use a name bound below it
        before = len(found)
        add("", tree.body)
        if len(found) == before:
            break
    return {
        name: entries
        for name, entries in found.items()
        if name not in (seed or {}) and not (hidden and name in plain)
    }


def _returns_path(function: ast.AST, known: _Tables) -> bool:
    """Whether a function returns (or yields) a developer-key path: written
    out, one of ``known`` (the module's, imported ones), or a local bound to
    one; or, in a module holding such paths, a value it looks up by a name
    known at run time (``globals()[name]``, ``getattr(paths, name)``): it
    cannot be read, and may be one."""
    body = getattr(function, "body", [])
    local = set(known)
    for _ in range(2):  # a name bound from another one
        for statement in _statements(body):
            if isinstance(statement, ast.Assign) and any(
                _developer_path(part) is not None or _uses_name(part, local, known)
                for part in _path_parts(statement.value)
            ):  # path = "/webhooks/..." % app; not response = get(path)
                local |= {t.id for t in statement.targets if isinstance(t, ast.Name)}
    unreadable = _looked_up if known else (lambda value: False)
    todo = list(body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            continue  # an inner function's returns are its own
        if isinstance(node, ast.ClassDef):
            continue
        if isinstance(node, (ast.Return, ast.Yield, ast.YieldFrom)):
            value = node.value
            for part in _path_parts(value) if value is not None else ():
                if (
                    _developer_path(part) is not None
                    or _uses_name(part, local, known)
                    or unreadable(part)
                ):
                    return True
        todo.extend(ast.iter_child_nodes(node))
    return False


# calls whose value is built from their arguments' text (a path still)
_BUILDERS = frozenset({"format", "join", "urljoin", "quote", "replace", "strip"})


def _path_parts(value: ast.expr) -> Iterator[ast.expr]:
    """The parts of a returned value that make its text: the strings, names,
    entries and path functions it is built from (``SUBS % app``,
    ``"/webhooks/..." + x``, ``SUBS.format(app)``, ``paths.subs(app)``); not
    the arguments of another call (``return hs_get("/webhooks/...")`` returns
    a response, not a path)."""
    if isinstance(value, ast.BinOp):
        yield from _path_parts(value.left)
        yield from _path_parts(value.right)
    elif isinstance(value, ast.IfExp):
        yield from _path_parts(value.body)
        yield from _path_parts(value.orelse)
    elif isinstance(value, (ast.Tuple, ast.List)):
        for item in value.elts:
            yield from _path_parts(item)
    elif isinstance(value, ast.Call):
        func = value.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in _BUILDERS:
            if isinstance(func, ast.Attribute):
                yield from _path_parts(func.value)  # SUBS.format(app)
            for argument in value.args:
                yield from _path_parts(argument)
        elif name in ("globals", "vars", "getattr"):
            yield value
        elif _dotted(func) is not None:
            yield func  # paths.subscriptions(app): the function's name
        elif isinstance(func, ast.Attribute) and isinstance(func.value, ast.Call):
            inner = func.value.func  # Paths().subscriptions(app)
            if _dotted(inner) is not None:
                yield ast.Attribute(inner, func.attr, ast.Load())
    elif isinstance(value, ast.Subscript):
        root = value
        while isinstance(root, ast.Subscript):
            root = root.value
        if _dotted(root) is not None or _looked_up(root):
            yield value  # ROUTES[kind], globals()[name]
    elif isinstance(value, ast.Attribute):
        if _dotted(value) is not None:
            yield value
    elif isinstance(value, (ast.Constant, ast.JoinedStr, ast.Name)):
        yield value  # a string, an f-string, a name


def _looked_up(value: ast.expr) -> bool:
    """Whether an expression reads a namespace by a name known at run time:
    ``globals()[...]``, ``vars(m)[...]``, ``getattr(m, name)``,
    ``m.__dict__[...]``, ``sys.modules[...]``."""
    for node in ast.walk(value):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in ("globals", "vars", "locals"):
                return True
            if node.func.id == "getattr" and len(node.args) >= 2:
                name = node.args[1]
                if not (isinstance(name, ast.Constant) and isinstance(name.value, str)):
                    return True
        if isinstance(node, ast.Attribute) and node.attr in ("__dict__", "modules"):
            return True
    return False


_STRINGS = (ast.Constant, ast.JoinedStr, ast.BinOp)
# a developer-key path written in a module (``"/webhooks/v1/{}/..."``,
# ``'webhooks/v3/'``): only such a module may export one
_PATH_BYTES = re.compile(
    rb"(?:webhooks|timeline|extensions|automation|media-bridge|custom-channels)/"
    rb"|/timeline\b"
)


def _exported_paths(others: list["_Other"]) -> dict[str, _Tables]:
    """The developer-key paths the candidate modules define at their top
    (``WEBHOOK_SUBSCRIPTIONS = "/webhooks/v1/{}/subscriptions"``), by path."""
    found = {}
    for other in others:
        if not _PATH_BYTES.search(other.data):
            continue  # an SDK chain's words, no path written
        tree = other.tree()
        names = _path_names(tree) if tree is not None else {}
        if names:
            found[os.path.abspath(other.path)] = names
    return found


def _relayed_paths(
    importers: list["_Other"], exported: dict[str, _Tables]
) -> dict[str, _Tables]:
    """The names the ``importers`` of ``exported`` paths bind to them at their
    top (``def subscriptions(app): return paths.SUBS % app``, ``SUBS =
    paths.subscriptions``): developer-key paths they export in turn."""
    found = {}
    for other in importers:
        tree = other.tree()
        if tree is None:
            continue
        seed = _imported_paths(other.path, other.read_imports(tree), exported)
        names = _path_names(tree, seed=seed) if seed else {}
        if names:
            found[os.path.abspath(other.path)] = names
    return found


def _importers(
    files: Iterable[str], exported: dict[str, _Tables], known: set[str]
) -> Iterator[tuple[str, bytes]]:
    """The tree's modules, besides ``known``, that may import one of the
    ``exported`` paths (a byte scan: the module's name among their import
    words, and a path's name in their text), with their bytes."""
    stems = {s.encode() for path in exported for s in importable_names(path) if s} - {
        b"__init__"
    }
    words = {n.split(".")[0].encode() for names in exported.values() for n in names}
    for path in sorted(files):
        if os.path.abspath(path) in known or not prefilter.is_python(path):
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if not any(w in data for w in words) or not any(s in data for s in stems):
            continue
        if imported_names(data) & stems:
            yield path, data


def _imported_paths(
    path: str,
    imports: list[tuple[str | None, str, str]],
    exported: dict[str, _Tables],
) -> _Tables:
    """The developer-key paths of other modules a module imports, as its code
    names them: ``SUBS`` (``from app.paths import SUBS``), ``paths.SUBS``
    (``from app import paths``, ``import app.paths as paths``), with their
    tables' entries. ``imports``: (source of a from-import or None, name,
    local), as :class:`_Other` reads them."""
    found: _Tables = {}
    here = os.path.abspath(path)
    for home, names in exported.items():
        if home == here:
            continue
        homes = importable_names(home)
        for source, name, local in imports:
            if name.split(".")[-1] == homes[0]:  # the module itself (import
                # app.paths, from app import paths): its names through it
                found.update({f"{local}.{n}": e for n, e in names.items()})
            elif source is None:
                continue
            elif source in homes and name == "*":
                found.update({n: e for n, e in names.items() if "." not in n})
            elif source in homes:
                found.update(
                    {
                        local + n[len(name) :]: e
                        for n, e in names.items()
                        if n == name or n.startswith(name + ".")
                    }
                )
    return found


def _own_uses(
    result: FileResult, exported: dict[str, _Tables]
) -> list[tuple[int, str, str, frozenset[str]]]:
    """The statements of a changed module itself that reach a developer-key
    path its fixers do not read (a table's entry: ``ROUTES["subs"]``, a class
    attribute, another module's path constant): (line, ``file:line``, what,
    the names the statement reads)."""
    data = result.original or b""
    stems = {s.encode() for home in exported for s in importable_names(home)}
    if not may_name_developer_api(data) and not (
        stems and imported_names(data) & stems
    ):
        return []
    other = _Other(result.path, data)
    tree = other.tree()
    if tree is None:
        return []
    other.exported = exported
    hidden = _imported_paths(result.path, other.read_imports(tree), exported)
    hidden.update(_path_names(tree, hidden=True))
    if not hidden:
        return []
    found = []
    label = os.path.basename(result.path)
    for unit in _units(tree):
        paths = _developer_names(unit, set(hidden), hidden, literal=False)
        for statement in _statements(unit):
            expressions = _own_expressions(statement)
            named = next(
                filter(None, (_name_used(e, paths, hidden) for e in expressions)),
                None,
            )
            if named is None:
                continue
            read = frozenset(
                n.id
                for e in expressions
                for n in ast.walk(e)
                if isinstance(n, ast.Name)
            )
            what = f"a developer-key path given by name: {named}"
            found.append((statement.lineno, f"{label}:{statement.lineno}", what, read))
    return found


def developer_uses(
    data: bytes, label: str, homes: tuple[str, ...], names: frozenset[str]
) -> list[Use]:
    """Where a module (``label`` its file's name) uses one of ``names`` of the
    module importable as ``homes`` for a developer-key API: an SDK method of
    one, or a statement that names one with a developer-key path."""
    other = _Other(label, data)
    if not may_name_developer_api(data) or not other.imports(homes):
        return []
    return other.uses(homes, names)


def _imports(
    imports: list[tuple[str | None, str, str]],
    homes: tuple[str, ...],
    names: frozenset[str],
) -> tuple[dict[str, str], set[str]]:
    """Local name -> the module's name it is (``from app.hub import client``),
    and the dotted names the module itself goes by (``hs``, ``app.hs``), from
    a module's imports as (source of a from-import or None, name, local)."""
    direct: dict[str, str] = {}
    modules: set[str] = set()
    for source, name, local in imports:
        if source is None:
            if name.split(".")[-1] in homes:
                modules.add(local)
        elif source in homes and name == "*":
            direct.update({n: n for n in names})
        elif source in homes and name in names:
            direct[local] = name
        elif name in homes:
            modules.add(local)
    return direct, modules


def _units(tree: ast.Module) -> Iterator[list[ast.stmt]]:
    """The functions (methods included), and the module's other statements."""
    top: list[ast.stmt] = []
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield [statement]
        elif isinstance(statement, ast.ClassDef):
            for item in statement.body:
                yield [item]
        else:
            top.append(statement)
    yield top


def _statements(unit: list[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements of a unit and those in them, not walking expressions."""
    todo = list(reversed(unit))
    while todo:
        statement = todo.pop()
        yield statement
        inner: list[ast.stmt] = []
        for field in ("body", "orelse", "finalbody"):
            value = getattr(statement, field, None)
            if isinstance(value, list):
                inner.extend(s for s in value if isinstance(s, ast.stmt))
        for handler in getattr(statement, "handlers", ()):
            inner.extend(handler.body)
        for case in getattr(statement, "cases", ()):
            inner.extend(case.body)
        todo.extend(reversed(inner))


def _own_expressions(statement: ast.stmt) -> list[ast.expr]:
    """The expressions of a statement itself, not of the statements in it."""
    found: list[ast.expr] = []
    for field, value in ast.iter_fields(statement):
        if field in ("body", "orelse", "finalbody", "handlers", "decorator_list"):
            continue
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, ast.expr):
                found.append(item)
            elif isinstance(item, ast.withitem):
                found.append(item.context_expr)
    return found


class _Reader:
    """One function's (or the module top's) uses of the module's names."""

    def __init__(
        self, direct: dict[str, str], modules: set[str], names: frozenset[str]
    ) -> None:
        self.direct = dict(direct)
        self.modules = modules
        self.names = names
        self.aliases: dict[str, set[str]] = {}  # c = make_client()

    def bind(self, unit: list[ast.stmt]) -> None:
        for _ in range(2):  # a name bound from another one
            for statement in _statements(unit):
                value = getattr(statement, "value", None)
                if (
                    not isinstance(statement, (ast.Assign, ast.AnnAssign))
                    or value is None
                ):
                    continue
                held = self._named(value)
                if not held:
                    continue
                targets = (
                    statement.targets
                    if isinstance(statement, ast.Assign)
                    else [statement.target]
                )
                for target in targets:
                    for node in ast.walk(target):
                        if isinstance(node, ast.Name):
                            self.aliases.setdefault(node.id, set()).update(held)

    def _named(self, node: ast.AST) -> set[str]:
        """The module's names an expression uses."""
        found = set()
        for child in ast.walk(node):
            if isinstance(child, ast.Name):
                if child.id in self.direct:
                    found.add(self.direct[child.id])
                found |= self.aliases.get(child.id, set())
            elif isinstance(child, ast.Attribute):
                dotted = _dotted(child.value)  # hs.get, hs the module: get
                if dotted in self.modules and child.attr in self.names:
                    found.add(child.attr)
        return found

    def uses(self, item: _Item, label: str) -> Iterator[Use]:
        where = f"{label}:{item.line}"
        for chain in item.chains:
            use = self._sdk_use(chain, where)
            if use is not None:
                yield use
        for chain, callee in item.handed:
            roots, rest = self._root(chain)
            if roots and developer_prefix(tuple(rest)):
                what = f"{'.'.join(rest)}, handed to {callee}(), not followed"
                yield Use(sorted(roots)[0], where, what)
        if item.path is not None:
            for expression in item.expressions:
                for name in sorted(self._named(expression)):
                    yield Use(name, where, item.path)

    def _sdk_use(self, chain: tuple[str, ...], where: str) -> Use | None:
        """``client.webhooks.subscriptions_api.get_all``, ``make_client().
        ecommerce_bridge.get_sync_settings``, ``hub.client.webhooks``."""
        roots, rest = self._root(chain)
        if not roots or not rest:
            return None
        what = developer_chain(rest)
        if what is None:
            return None
        return Use(sorted(roots)[0], where, what)

    def _root(self, chain: tuple[str, ...]) -> tuple[set[str], list[str]]:
        """The module's names a chain starts from, and the rest of it."""
        if chain[0] in self.direct:
            return {self.direct[chain[0]]}, list(chain[1:])
        if chain[0] in self.aliases:
            return self.aliases[chain[0]], list(chain[1:])
        for size in range(1, len(chain)):
            if ".".join(chain[:size]) in self.modules and chain[size] in self.names:
                return {chain[size]}, list(chain[size + 1 :])
        return set(), []


def _dotted(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else None
    return None


def _developer_path(node: ast.AST) -> str | None:
    """The family of a developer-key path written in an expression."""
    from hapimigrate import hubspot
    from hapimigrate.hubspot.families import family_of

    for child in ast.walk(node):
        if isinstance(child, (ast.Constant, ast.JoinedStr, ast.BinOp)):
            text = _template(child)
        elif isinstance(child, ast.Call) and len(child.args) > 1:
            text = _segments(child.args)  # get("webhooks", "v3", APP, "settings")
        elif isinstance(child, (ast.Tuple, ast.List)) and len(child.elts) > 1:
            text = _segments(child.elts)  # SEGMENTS = ("webhooks", "v3", APP)
        else:
            continue
        if "/" not in text or not may_name_developer_api(text.encode()):
            continue
        for candidate in (text, "/" + text.lstrip("/")):
            if hubspot.auth_kind(None, candidate) == hubspot.DEVELOPER_KEY:
                family = family_of(candidate)
                return family.name if family is not None else candidate
    return None


def _segments(parts: list[ast.expr]) -> str:
    """Parts a helper joins into a path (``get(api, version, rest)``, ``"/".join(
    parts)``), as one: ``/webhooks/v3/{}/settings``; a starred part is any."""
    return "/" + "/".join(
        "{}" if isinstance(p, ast.Starred) else _template(p).strip("/") for p in parts
    )


def _template(node: ast.AST) -> str:
    """A string expression as a URL template: ``"/a/" + x + "/b"`` is
    ``/a/{}/b``, an f-string's fields and other values ``{}``."""
    if isinstance(node, ast.Constant):
        return node.value if isinstance(node.value, str) else "{}"
    if isinstance(node, ast.JoinedStr):
        return "".join(
            _template(v) if isinstance(v, ast.Constant) else "{}" for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _template(node.left) + _template(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return _template(node.left)  # "/webhooks/v1/%s/settings" % app
    return "{}"


# a word every developer-key chain of the SDKs has in one of its names
_SDK_WORDS = re.compile(
    r"webhooks|timeline|extensions|automation|actions|bridge|settings|sync"
)


def developer_chain(chain: list[str]) -> str | None:
    """The developer-key API an SDK attribute chain (after the client) reaches:
    a method whose endpoint takes the developer key, or an API all of whose
    methods do (``webhooks``)."""
    if not chain or not any(_SDK_WORDS.search(part) for part in chain):
        return None  # most chains: the SDK data is not even read
    name = re.sub(r"_with_http_info$|_without_preload_content$", "", chain[-1])
    joined = ".".join([*chain[:-1], name])
    modern, legacy, methods = _developer_operations()
    if joined in modern or joined in legacy or joined in _prefixes():
        return joined
    if len(chain) >= 2 and any(k.endswith("." + joined) for k in modern):
        return joined  # a sub-API held by the module (hub.webhooks_api...)
    if len(chain) == 1 and name in methods:
        return joined  # an EcommerceBridgeClient of the module
    return None


def developer_prefix(chain: tuple[str, ...]) -> bool:
    """Whether an SDK chain (after the client) is a sub-client some of whose
    methods take the developer key only (``crm.timeline``, ``webhooks``), not
    a whole method: handed on, it may be used for them."""
    return (
        bool(chain)
        and any(_SDK_WORDS.search(part) for part in chain)
        and ".".join(chain) in _developer_sub_clients()
    )


@functools.lru_cache(maxsize=1)
def _developer_sub_clients() -> frozenset[str]:
    modern, _, _ = _developer_operations()
    return frozenset(
        ".".join(parts[:size])
        for key in modern
        for parts in [key.split(".")]
        for size in range(1, len(parts))
    )


@functools.lru_cache(maxsize=1)
def _developer_operations() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """hubspot-api-client's developer-key chains; hubspot3's as ``facade
    attribute.method``; and hubspot3's developer-key method names."""
    from hapimigrate import hubspot
    from hapimigrate.hubspot import datafiles, sdk_operations

    data = json.loads(datafiles.read_text("sdk_operations.json"))

    def developer(entries: list) -> bool:
        return any(
            hubspot.auth_kind(e[0], e[1]) == hubspot.DEVELOPER_KEY for e in entries
        )

    modern = frozenset(
        k
        for k, v in data.get(sdk_operations.HUBSPOT_API_CLIENT, {})
        .get("operations", {})
        .items()
        if developer(v)
    )
    legacy_data = data.get(sdk_operations.HUBSPOT3, {})
    classes = {c: a for a, c in legacy_data.get("clients", {}).items()}
    methods = {
        tuple(k.split(".", 1))
        for k, v in legacy_data.get("operations", {}).items()
        if developer(v)
    }
    # the ecommerce bridge's settings (/extensions/ecomm/v2/settings) under the
    # names hubspot3 releases gave them
    extra = {
        ("EcommerceBridgeClient", m)
        for m in ("get_sync_settings", "create_or_update_sync_settings")
    }
    pairs = methods | extra
    legacy = frozenset(f"{classes[c]}.{m}" for c, m in pairs if c in classes)
    return modern, legacy, frozenset(m for _, m in pairs)


@functools.lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """hubspot-api-client APIs all of whose methods take the developer key
    (``webhooks``, ``crm.timeline.templates_api``)."""
    from hapimigrate.hubspot import datafiles, sdk_operations

    data = json.loads(datafiles.read_text("sdk_operations.json"))
    every = data.get(sdk_operations.HUBSPOT_API_CLIENT, {}).get("operations", {})
    modern, _, _ = _developer_operations()
    developer, other = set(), set()
    for key in every:
        parts = key.split(".")
        prefixes = {".".join(parts[:size]) for size in range(1, len(parts))}
        (developer if key in modern else other).update(prefixes)
    return frozenset(developer - other)
