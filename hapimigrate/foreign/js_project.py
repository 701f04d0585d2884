"""The JavaScript project a file belongs to, for the callers of what it exports:
the folder of the nearest ``package.json`` (the project's root), its modules
(``node_modules`` and hidden folders aside), and which of them import a given
module by a relative specifier (``require('./client')``, ``import { get } from
'../lib/client.js'``).

A file whose callers cannot all be seen this way says why (:class:`Project`'s
``reason``): no ``package.json`` above it (nothing tells where the project
ends), a ``package.json`` above that one (a workspace: other packages may import
it by name), the file is the package's entry point (``main``, ``exports``,
``module``: users outside the tree call it), or too many files to read.

Files are parsed once per process and kept (keyed by their path, size and
modification time), so many sites of one tree cost one read of it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import lru_cache

from hapimigrate.foreign.js_syntax import Node, parse_for

SUFFIXES = (".js", ".mjs", ".cjs", ".jsx", ".ts", ".tsx", ".mts", ".cts")
MAX_FILES = 4000  # more than this: the callers are not looked for
_SKIP = ("node_modules", "bower_components")

# root node id -> the file's path (the file processed, and the project's files
# read for their callers); the trees are kept so that their ids stay theirs
_PATHS: dict[int, str] = {}
_TREES: dict[tuple[str, int, int], object] = {}


_RESETS: list = []  # caches keyed by node ids, emptied for every new file


def enter(path: str, root: Node) -> None:
    """Record that ``root`` is the tree of ``path`` (the file being processed);
    what was learnt from the previous file's nodes is forgotten (a freed
    tree's node ids may be reused)."""
    for reset in _RESETS:
        reset()
    _PATHS[root.id] = path
    _TREES[("current", 0, 0)] = root  # keeps it alive while it is processed


def path_of(node: Node) -> str | None:
    """The path of the file ``node`` belongs to, when known."""
    root = node
    while root.parent is not None:
        root = root.parent
    return _PATHS.get(root.id)


@dataclass(frozen=True)
class Project:
    """Where a file's importers may be: ``files`` (absolute paths) below
    ``root``; ``reason`` when they cannot all be seen."""

    root: str = ""
    files: tuple[str, ...] = ()
    reason: str = ""


def project(path: str) -> Project:
    where = os.path.abspath(path)
    if not os.path.isfile(where):
        return Project(
            reason="its file is not on disk, so its importers cannot be looked for"
        )
    return _project(where, *_stamp(where))


_DATA: dict[tuple[str, int, int], bytes] = {}


def data_of(path: str) -> bytes | None:
    """A project file's bytes, read once per process (per size and time)."""
    key = (path, *_stamp(path))
    found = _DATA.get(key)
    if found is None:
        try:
            with open(path, "rb") as handle:
                found = handle.read()
        except OSError:
            return None
        if len(_DATA) > 20000:
            _DATA.clear()
        _DATA[key] = found
    return found


def _stamp(path: str) -> tuple[int, int]:
    try:
        info = os.stat(path)
    except OSError:
        return (0, 0)
    return (info.st_mtime_ns, info.st_size)


@lru_cache(maxsize=64)
def _project(path: str, _mtime: int, _size: int) -> Project:
    folder = os.path.dirname(path)
    root = None
    while True:
        if os.path.isfile(os.path.join(folder, "package.json")):
            root = folder
            break
        if os.path.isdir(os.path.join(folder, ".git")):
            break
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    if root is None:
        return Project(
            reason="no package.json above it tells which modules make its project"
        )
    above = os.path.dirname(root)
    while above != os.path.dirname(above) and not os.path.isdir(
        os.path.join(root, ".git")
    ):
        if os.path.isfile(os.path.join(above, "package.json")):
            where = os.path.relpath(os.path.join(above, "package.json"), root)
            return Project(
                root,
                reason=f"{where} makes its package part of a larger one, whose other "
                "packages may import it by name",
            )
        if os.path.isdir(os.path.join(above, ".git")):
            break
        above = os.path.dirname(above)
    entry = _entry_point(root, path)
    if entry:
        return Project(root, reason=entry)
    files = _files(root, *_stamp(root))
    if files is None:
        return Project(
            root,
            reason=f"its project has more than {MAX_FILES} modules to look through",
        )
    return Project(root, files)


@lru_cache(maxsize=16)
def _files(root: str, _mtime: int, _size: int) -> tuple[str, ...] | None:
    """The project's modules (None: too many to look through)."""
    files = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d not in _SKIP and not d.startswith("."))
        for name in sorted(names):
            if name.endswith(SUFFIXES) and not name.endswith(".d.ts"):
                files.append(os.path.join(folder, name))
        if len(files) > MAX_FILES:
            return None
    return tuple(files)


def _entry_point(root: str, path: str) -> str:
    """Why ``path`` is its package's entry point (what users of the package
    load), or ""."""
    try:
        with open(os.path.join(root, "package.json"), encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return "its package.json cannot be read"
    if not isinstance(data, dict):
        return "its package.json cannot be read"
    named = []
    for field in ("main", "module", "browser", "types"):
        if isinstance(data.get(field), str):
            named.append((field, data[field]))
    named.extend(("exports", target) for target in _strings(data.get("exports")))
    if "main" not in data and "exports" not in data:
        named.append(("main", "index.js"))
    stem = os.path.splitext(os.path.relpath(path, root))[0]
    for field, target in named:
        target = os.path.normpath(target)
        if os.path.isabs(target) or target.startswith(".."):
            continue
        target_stem = os.path.splitext(target)[0]
        if target_stem in (stem, os.path.join(stem, "index")) or (
            os.path.join(target_stem, "index") == stem
        ):
            return (
                f"its module is its package's entry point (package.json {field}): "
                "users of the package outside this tree call it"
            )
    return ""


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def parsed(path: str) -> Node | None:
    """The syntax tree of a project file (None when it cannot be read or does
    not parse)."""
    mtime, size = _stamp(path)
    key = (path, mtime, size)
    tree = _TREES.get(key)
    if tree is None:
        data = data_of(path)
        if data is None:
            return None
        tree = parse_for(path)(data)
        if len(_TREES) > 2000:
            current = _TREES.pop(("current", 0, 0), None)
            _TREES.clear()
            _PATHS.clear()
            if current is not None:
                _TREES[("current", 0, 0)] = current
        _TREES[key] = tree
    root = tree.root_node  # type: ignore[attr-defined]
    if root.has_error:
        return None
    _PATHS[root.id] = path
    return root


def resolves_to(specifier: str, importer: str, target: str) -> bool:
    """Whether a relative specifier written in ``importer`` names the module
    ``target`` (as Node and TypeScript resolve it: with or without its suffix,
    a folder's ``index``, ``.js`` naming a ``.ts`` file)."""
    if not specifier.startswith((".", "/")):
        return False
    base = os.path.normpath(os.path.join(os.path.dirname(importer), specifier))
    target = os.path.normpath(target)
    if base == target:
        return True
    stem, suffix = os.path.splitext(base)
    candidates = [base + s for s in SUFFIXES]
    candidates += [os.path.join(base, "index" + s) for s in SUFFIXES]
    if suffix in SUFFIXES:  # './client.js' for client.ts
        candidates += [stem + s for s in SUFFIXES]
    return target in candidates
