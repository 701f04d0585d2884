"""Start-up checks of a migrated key, moved to the token (a tree-wide pass).

Once every send of a configured key reads the provider's token, a module that
only checks the key is set (``if not settings.HUBSPOT_API_KEY: raise
CommandError(...)`` in a management command, ``if not hubspot_utils.API_KEY:
sys.exit(...)`` in a script) keeps the old variable required, and keeps its
definition alive. Such a check is changed to test the token's presence
(``os.environ.get("HUBSPOT_ACCESS_TOKEN")``, which never raises), and the key's
definition then goes like any other nothing reads (:mod:`tree_settings` for a
settings module; the defining module is run again without the protection its
reader gave it). Only where it is proven:

- the provider is ``env:NAME``: a provider function called in a check might
  refresh a token, or raise;
- the tree sends one configured key, and no module but tests keeps a key site
  for a person or kept (a guard of another shape, a send left as it was: the key
  is still needed); no file failed;
- the reader is no test, was left as it was by the run, and no test of the
  tree names both the key and the reader (a test giving the key to run the
  check);
- the key read is ``B.NAME`` (``B`` imported once, at module level) or
  ``NAME`` (``from M import NAME``) bound to what a migrated send's key was
  bound to: the module defining it, or the same import as the sender's;
- every read of that key in the reader is a presence test standing as an if,
  elif, while or assert test: the key alone, ``not``, ``is None``, ``is not
  None``, ``bool()``, an operand of and/or; the module names it nowhere else
  (``getattr(settings, "NAME")``), and ``os`` there is the module's ``import
  os`` or unbound.

A comparison of the key's value (``.startswith("pat-")``, ``== ""``,
``len(KEY)``), a test that also chooses an auth mode, a check in a module with
key sites of its own (its guards are sites of :mod:`python.guards`) stay as
they are. A string of the check's body or the assert's message that names the
old variable in a sentence (``"HUBSPOT_API_KEY is not set"``) names the
token's variable instead.
"""

from __future__ import annotations

import dataclasses
import os
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Mapping

import libcst as cst
from libcst.metadata import (
    GlobalScope,
    ImportAssignment,
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    ScopeProvider,
)

from hapimigrate import prefilter
from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import FileResult, Import, Kind, RunOptions, Site, Status
from hapimigrate.python.edits import drop_items
from hapimigrate.python.imports import add_imports
from hapimigrate.python.token_checks import (
    REWRITTEN,
    check_of,
    messages,
    renamed,
    sentence,
    token_variable,
)
from hapimigrate.tree_imports import (
    importable_names,
    imported_names,
    imports_any,
    is_test_module,
    module_file,
    read,
    tree_root,
)

Process = Callable[[str, RunOptions], FileResult]
# where the key's definition module says which other module reads it
Place = Callable[[str, Iterable[str], Mapping[str, bytes], dict], str]
_NOT_KEY_USES = (Kind.CALL, Kind.VERSION, Kind.SETTING)  # a definition sends nothing
_LEFT = (Status.MANUAL, Status.UNPARSED, Status.KEPT)


@dataclass(frozen=True)
class Rewritten:
    """A reader whose checks now test the token: its new result, and the
    names of the keys it no longer reads."""

    result: FileResult
    names: frozenset[str]


def rewrite_checks(
    results: list[FileResult],
    files: list[str],
    options: RunOptions,
    per_path: Mapping[str, RunOptions],
    process: Process,
    place: Place,
) -> list[FileResult]:
    """``results`` with each provable check of a migrated key testing the
    token, and the key's defining modules run again where their definition
    was kept for such a check only (``place``: the original line of a reader's
    migrated text, :func:`hapimigrate.run._original_place`)."""
    variable = token_variable(options.provider)
    if variable is None or options.several_keys:
        return results
    root = tree_root(files)
    tests = [r for r in results if _is_test(r.path, root)]
    code = [r for r in results if not _is_test(r.path, root)]
    identities = {i for r in results for i, _ in r.provider_keys}
    if len(identities) != 1 or any(r.error for r in code):
        return results
    (identity,) = identities
    # the modules whose sends migrated, their own checks of the key left: each
    # run again asked to move those (python.token_checks); all of them must
    guarded = [
        r
        for r in code
        if r.changed and any(_left(s) for s in r.sites)
        if all(s.kind == Kind.GUARD for s in r.sites if _left(s))
    ]
    if any(_left(s) for r in code if r not in guarded for s in r.sites):
        return results  # a send of the key left for a person
    before = results
    moved: dict[str, FileResult] = {}
    for result in guarded:
        asked = per_path.get(result.path, options)
        again = process(result.path, dataclasses.replace(asked, token_checks=True))
        if any(_left(s) for s in again.sites) or not _same_sends(result, again):
            return results  # a guard of another shape, or a send after all
        moved[result.path] = again
    results = [moved.get(r.path, r) for r in results]
    code = [moved.get(r.path, r) for r in code]
    keys = _migrated_keys(code)
    if not keys:
        return before if _still_imported(moved, results, files, {}) else results
    changed: dict[str, Rewritten] = {}
    for result in code:
        if result.changed or result.error or not result.path.endswith(".py"):
            continue
        if any(s.kind not in (Kind.CALL, Kind.VERSION) for s in result.sites):
            continue
        done = _rewrite_reader(result, keys, identity, variable, tests)
        if done is not None:
            changed[result.path] = done
    if _still_imported(moved, results, files, changed):
        return before  # healthcheck.py's `from hs import KEY` would fail
    if not changed:
        return results
    out = [changed[r.path].result if r.path in changed else r for r in results]
    asked = {
        path: dataclasses.replace(o, token_checks=path in moved)
        for path, o in per_path.items()
    }
    return _unprotect(out, files, asked, process, place, changed)


def _still_imported(
    moved: Mapping[str, FileResult],
    results: list[FileResult],
    files: list[str],
    changed: Mapping[str, "Rewritten"],
) -> bool:
    """Whether a definition a module run again with its checks moved to the
    token no longer has (``HUBSPOT_API_KEY = os.environ.get(...)``) may still
    be read by another module that is not rewritten here: one that imports the
    module in any spelling (``from hs import (\n KEY,\n)``, ``from hs import
    *``, ``import hs as sync``, a dynamic import) and names the definition
    anywhere; it would fail at start (review 26, R11; review 27, R1)."""
    final = {r.path: r for r in results}
    for path, again in moved.items():
        if not again.removed_keys:
            continue
        stem = os.path.splitext(os.path.basename(path))[0].encode()
        named = re.compile(
            rb"\b(?:"
            + rb"|".join(re.escape(n.encode()) for n in again.removed_keys)
            + rb")\b"
        )
        for other in files:
            if other == path or other in changed or not prefilter.is_python(other):
                continue
            result = final.get(other)
            data = (
                result.new
                if result is not None and result.changed and result.new
                else read(other)
            )
            if named.search(data) and imports_any(data, other, (stem,)):
                return True
    return False


def _is_test(path: str, root: str) -> bool:
    return is_test_module(path, root) or os.path.basename(path) == "tests.py"


def _left(site: Site) -> bool:
    return site.kind not in _NOT_KEY_USES and site.status in _LEFT


# --- what a name is bound to -------------------------------------------------


def _origins(module: cst.Module, path: str) -> dict[str, str]:
    """The module-level names bound once, by an import at the top level, each
    with what it is bound to: ``file:/t/app/settings.py`` (a module of the
    tree), ``file:/t/app/conf.py#settings`` (a name of one), ``mod:django.conf
    #settings`` (outside the tree)."""
    bound: dict[str, list[str | None]] = {}
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            for name in _names_bound(statement):
                bound.setdefault(name, []).append(None)
            continue
        for small in statement.body:
            for name, origin in _import_origins(small, path):
                bound.setdefault(name, []).append(origin)
            if not isinstance(small, (cst.Import, cst.ImportFrom)):
                for name in _names_bound(small):
                    bound.setdefault(name, []).append(None)
    return {
        name: origins[0]
        for name, origins in bound.items()
        if len(origins) == 1 and origins[0] is not None
    }


def _names_bound(node: cst.CSTNode) -> set[str]:
    """Names a top-level statement may bind (assignment targets, defs)."""
    found: set[str] = set()
    if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
        found.add(node.name.value)
    targets: list[cst.CSTNode] = []
    if isinstance(node, cst.Assign):
        targets = [t.target for t in node.targets]
    elif isinstance(node, (cst.AnnAssign, cst.AugAssign)):
        targets = [node.target]
    elif isinstance(node, (cst.If, cst.Try, cst.With, cst.For, cst.While)):
        found |= {n.value for n in _all(node, cst.Name)}  # anything inside
    for target in targets:
        found |= {n.value for n in _all(target, cst.Name)}
    return found


def _all(node: cst.CSTNode, kind: type) -> list:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        if isinstance(current, kind):
            out.append(current)
        stack.extend(current.children)
    return out


def _dotted(node: cst.BaseExpression | None) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr.value}" if inner else ""
    return ""


def _import_origins(
    node: cst.BaseSmallStatement, path: str
) -> Iterable[tuple[str, str | None]]:
    if isinstance(node, cst.Import):
        for alias in node.names:
            dotted = _dotted(alias.name)
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                yield alias.asname.name.value, _module_origin(path, dotted, 0)
            elif "." not in dotted:
                yield dotted, _module_origin(path, dotted, 0)
            else:  # import a.b binds a, whose .b is read: not followed
                yield dotted.split(".")[0], None
    elif isinstance(node, cst.ImportFrom) and not isinstance(
        node.names, cst.ImportStar
    ):
        level = len(node.relative)
        source = _dotted(node.module) if node.module is not None else ""
        for alias in node.names:
            name = _dotted(alias.name)
            bound = name
            if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
                bound = alias.asname.name.value
            whole = f"{source}.{name}" if source else name
            origin = _module_origin(path, whole, level, outside=False)
            if origin is None:
                base = _module_origin(path, source, level) if source else None
                if base is None and not source:
                    here = os.path.dirname(os.path.abspath(path))
                    for _ in range(level - 1):
                        here = os.path.dirname(here)
                    init = os.path.join(here, "__init__.py")
                    base = f"file:{init}" if os.path.isfile(init) else None
                origin = f"{base}#{name}" if base is not None else None
            yield bound, origin


def _module_origin(
    path: str, dotted: str, level: int, outside: bool = True
) -> str | None:
    found = module_file(path, dotted, level) if dotted else None
    if found is not None:
        return f"file:{os.path.abspath(found)}"
    if outside and not level and dotted:
        return f"mod:{dotted}"
    return None


def _member(origin: str, name: str) -> str:
    """What ``B.name`` is bound to, ``B`` bound to ``origin``."""
    return f"{origin}.{name}" if "#" in origin else f"{origin}#{name}"


def _migrated_keys(code: list[FileResult]) -> dict[str, str]:
    """What each migrated send's key is bound to -> the key's name there
    (``HUBSPOT_API_KEY`` of ``settings.HUBSPOT_API_KEY``)."""
    keys: dict[str, str] = {}
    for result in code:
        if not result.changed or not result.provider_keys:
            continue
        try:
            module = cst.parse_module(result.original or read(result.path))
        except cst.ParserSyntaxError:
            continue
        origins = _origins(module, result.path)
        defined = _top_level_assigned(module)
        for _, label in result.provider_keys:
            parts = label.split(".")
            if len(parts) == 1 and parts[0] in origins:
                keys[origins[parts[0]]] = parts[0]
            elif len(parts) == 1 and parts[0] in defined:
                keys[f"file:{os.path.abspath(result.path)}#{parts[0]}"] = parts[0]
            elif len(parts) == 2 and parts[0] in origins:
                keys[_member(origins[parts[0]], parts[1])] = parts[1]
    return keys


def _top_level_assigned(module: cst.Module) -> set[str]:
    """Names one plain top-level assignment binds (``API_KEY = ...``)."""
    counts: dict[str, int] = {}
    for statement in module.body:
        smalls = (
            statement.body
            if isinstance(statement, cst.SimpleStatementLine)
            else [statement]
        )
        for small in smalls:
            for name in _names_bound(small):
                counts[name] = counts.get(name, 0) + 1
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                counts.update((name, 2) for name in _import_names(small))
    return {name for name, count in counts.items() if count == 1}


def _import_names(node: cst.Import | cst.ImportFrom) -> list[str]:
    if isinstance(node.names, cst.ImportStar):
        return ["*"]
    return [_import_names_of(a) for a in node.names]


# --- one reader ----------------------------------------------------------------


def _rewrite_reader(
    result: FileResult,
    keys: dict[str, str],
    identity: str,
    variable: str,
    tests: list[FileResult],
) -> Rewritten | None:
    data = result.original if result.original is not None else read(result.path)
    if not any(name.encode() in data for name in keys.values()):
        return None
    try:
        module = cst.parse_module(data)
    except cst.ParserSyntaxError:
        return None
    if module.bytes != data:
        return None
    wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
    scopes = wrapper.resolve(ScopeProvider)
    parents = wrapper.resolve(ParentNodeProvider)
    positions = wrapper.resolve(PositionProvider)
    global_scope = scopes.get(module)
    if not isinstance(global_scope, GlobalScope):
        return None
    origins = _origins(module, result.path)
    reads: dict[str, list[cst.BaseExpression]] = {}  # key name -> its reads here
    imports: dict[str, list[tuple[cst.ImportFrom, str]]] = {}  # from M import KEY
    for bound, origin in origins.items():
        for assignment in global_scope[bound]:
            if not isinstance(assignment, ImportAssignment):
                continue
            if origin in keys and isinstance(assignment.node, cst.ImportFrom):
                imports.setdefault(keys[origin], []).append((assignment.node, bound))
            for access in assignment.references:
                node = access.node
                if origin in keys:
                    reads.setdefault(keys[origin], []).append(node)
                    continue
                parent = parents.get(node)
                if (
                    isinstance(parent, cst.Attribute)
                    and parent.value is node
                    and _member(origin, parent.attr.value) in keys
                ):
                    reads.setdefault(parent.attr.value, []).append(parent)
    if not reads or not _os_usable(scopes, module):
        return None
    replaced: dict[int, cst.CSTNode] = {}
    sites: list[Site] = []
    names: set[str] = set()
    presence = cst.parse_expression(f'os.environ.get("{variable}")')
    stem = os.path.splitext(os.path.basename(result.path))[0]
    for name, nodes in reads.items():
        if _tested_with(name, stem, tests) or not _only_these(module, name, nodes):
            continue
        checks = [check_of(node, parents.get) for node in nodes]
        if any(c is None for c in checks):
            continue
        for node, check in zip(nodes, checks):
            assert check is not None
            test, statement = check
            replaced[id(node)] = presence.deep_clone()
            for string in messages(statement):
                new = renamed(string, identity, variable)
                if new is not None:
                    replaced[id(string)] = new
            start, end = positions[test].start, positions[test].end
            sites.append(
                Site(
                    result.path,
                    start.line,
                    start.column + 1,
                    end.line,
                    end.column + 1,
                    Kind.GUARD,
                    Status.REWRITE,
                    REWRITTEN.format(module.code_for_node(node), variable),
                    fingerprint=fingerprint(
                        Kind.GUARD.value, "", module.code_for_node(test)
                    ),
                )
            )
        names.add(name)
        for statement, bound in imports.get(name, ()):
            _drop_import(statement, bound, replaced)
    if not replaced:
        return None
    new_module = module.visit(_Replace(replaced))
    new_module = add_imports(new_module, [Import("os")])
    new = new_module.bytes
    kept = tuple(sorted((*result.sites, *sites), key=lambda s: (s.line, s.column)))
    return Rewritten(
        dataclasses.replace(result, original=data, new=new, sites=kept),
        frozenset(names),
    )


def _drop_import(
    statement: cst.ImportFrom, bound: str, replaced: dict[int, cst.CSTNode]
) -> None:
    """``from M import KEY, other`` without the key nothing reads now; an
    import of the key alone stays (importing M may do more than bind it), and
    so the key's definition (reported, read by that import)."""
    current = replaced.get(id(statement), statement)
    assert isinstance(current, cst.ImportFrom)
    if isinstance(current.names, cst.ImportStar):
        return
    drop = {i for i, a in enumerate(current.names) if _import_names_of(a) == bound}
    if drop and len(drop) < len(current.names):
        replaced[id(statement)] = current.with_changes(
            names=drop_items(current.names, drop)
        )


def _import_names_of(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return _dotted(alias.name).split(".")[0]


def _os_usable(scopes: Mapping, module: cst.Module) -> bool:
    """Whether ``os`` names the os module wherever the check may be: every
    binding of ``os`` in the module is a top-level ``import os``."""
    for scope in set(scopes.values()):
        if scope is None:
            continue
        for assignment in scope.assignments:
            if assignment.name != "os":
                continue
            node = getattr(assignment, "node", None)
            if not (
                isinstance(scope, GlobalScope)
                and isinstance(node, cst.Import)
                and any(
                    _dotted(a.name) == "os" and a.asname is None for a in node.names
                )
            ):
                return False
    return True


def _tested_with(name: str, stem: str, tests: list[FileResult]) -> bool:
    """Whether a test of the tree names both the key and the reader module:
    it may set the key and run the check."""
    key, reader = re.compile(rf"\b{re.escape(name)}\b"), re.compile(
        rf"\b{re.escape(stem)}\b"
    )
    for test in tests:
        text = (test.original if test.original is not None else read(test.path)) or b""
        decoded = text.decode("utf-8", "replace")
        if key.search(decoded) and reader.search(decoded):
            return True
    return False


def _only_these(module: cst.Module, name: str, nodes: list[cst.CSTNode]) -> bool:
    """Whether the module names ``name`` only in ``nodes`` and import lines:
    no string (``getattr(settings, "NAME")``), no other attribute or name."""
    ours = {id(n) for node in nodes for n in _all(node, cst.Name)}
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine) and all(
            isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
        ):
            continue
        for found in _all(statement, cst.Name):
            if found.value == name and id(found) not in ours:
                return False
        for string in _all(statement, (cst.SimpleString, cst.FormattedStringText)):
            if name in string.value and not sentence(string.value):
                return False
    return True


class _Replace(cst.CSTTransformer):
    """Puts each replacement in place of the original node it is keyed by."""

    def __init__(self, replaced: dict[int, cst.CSTNode]) -> None:
        super().__init__()
        self.replaced = replaced

    def on_leave(self, original_node, updated_node):  # type: ignore[override]
        return self.replaced.get(id(original_node), updated_node)


# --- the definition, once its reader is gone ----------------------------------


def _unprotect(
    results: list[FileResult],
    files: list[str],
    per_path: Mapping[str, RunOptions],
    process: Process,
    place: Place,
    changed: dict[str, Rewritten],
) -> list[FileResult]:
    """Run again each module keeping a key's definition for another module's
    check that now tests the token: what reads it now (nothing, or a test
    setting it), as that module's tree pass would have found."""
    gone = {name for r in changed.values() for name in r.names}
    readers = {os.path.basename(path) for path in changed}
    by_path = {r.path: r for r in results}
    texts: dict[str, bytes] = {}
    before: dict[str, bytes] = {}

    def text(path: str) -> bytes:
        if path not in texts:
            result = by_path.get(path)
            original = result.original if result is not None else None
            before[path] = original if original is not None else read(path)
            texts[path] = (
                result.new
                if result is not None and result.changed and result.new
                else before[path]
            )
        return texts[path]

    from hapimigrate import tree_settings

    out = []
    for result in results:
        asked = per_path.get(result.path)
        names = [
            name
            for name in (asked.protected if asked is not None else ())
            if name in gone
            and dict(asked.kept_readers).get(name, "").split(":")[0] in readers
        ]
        if not names or not result.changed or asked is None:
            out.append(result)
            continue
        stems = importable_names(result.path)
        protected, kept = set(asked.protected), dict(asked.kept_readers)
        for name in names:
            word = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
            paths = [
                p
                for p in files
                if p != result.path
                and prefilter.is_python(p)
                and word.search(text(p))
                and any(s.encode() in imported_names(text(p), p) for s in stems)
            ]
            where = tree_settings.first_reader(name, paths, texts)
            where = place(where, paths, texts, before) if where else ""
            if where:
                kept[name] = where
            else:
                protected.discard(name)
                kept.pop(name, None)
        again = process(
            result.path,
            dataclasses.replace(
                asked,
                protected=frozenset(protected),
                kept_readers=tuple(sorted(kept.items())),
            ),
        )
        out.append(again if _same_sends(result, again) else result)
    return out


def _same_sends(before: FileResult, after: FileResult) -> bool:
    """Whether running a module again changed only what becomes of its key
    definitions (never a send's fate)."""

    def sends(result: FileResult) -> list[tuple[int, str, str]]:
        return sorted(
            (s.line, s.kind.value, s.status.value)
            for s in result.sites
            if s.kind not in (Kind.SETTING, Kind.GUARD)
        )

    return after.error is None and sends(before) == sends(after)
