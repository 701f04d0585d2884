"""Standard input as one file (``hapimigrate diff -``, ``check - --stdin-filename
app/crm.py``), for editors and pipes: the same front ends as a file on disk, fed
the bytes read, writing nothing. The name given (or ``-``) is the path the sites
and the diff show, and picks the front end (Python unless it says otherwise)."""

from __future__ import annotations

import dataclasses
import os
import re
import shutil
import tempfile
import traceback

from hapimigrate import discover, prefilter, run, textscan
from hapimigrate.model import FileResult, RunOptions, Status

NAME = "-"  # the path shown when no --stdin-filename is given


def process(
    name: str | None, data: bytes, options: RunOptions, excludes: tuple = ()
) -> FileResult:
    """What ``run.process_file`` gives for a file of this name holding ``data``;
    ``original`` always set (``apply -`` prints it back when nothing changes).
    ``diff -``/``apply -`` also run the tree-wide passes over it: within its
    project when the name is a path in one (the piped bytes standing in for
    the file, see :func:`in_project`), else as over a tree of that one file
    (what still reads the old variable, a host the module rebinds...), so that
    a file piped in gets the answer it gets on disk."""
    path = name or NAME
    result = _process(path, data, options)
    if not options.scan_text and (result.changed or result.exports):
        alone = _as_a_tree(path, data, options, result)
        result = _in_its_project(path, data, options, alone, excludes)
    if result.original is None:
        return dataclasses.replace(result, original=data)
    return result


def _as_a_tree(
    path: str, data: bytes, options: RunOptions, alone: FileResult
) -> FileResult:
    """The file's result from ``run.results`` on a private folder holding it
    alone, under its own name (``stdin.py`` for ``-``), shown by ``path``."""
    base = os.path.basename(path.replace("\\", "/"))
    if path == NAME:
        base = "stdin.py"
    elif not (prefilter.is_python(base) or prefilter.is_notebook(base)):
        return alone  # a script without an extension: the front end alone
    with tempfile.TemporaryDirectory(prefix="hapimigrate-stdin-") as folder:
        copy = os.path.join(folder, base)
        with open(copy, "wb") as handle:
            handle.write(data)
        (result,) = run.results([copy], options, jobs=1)
    sites = tuple(dataclasses.replace(s, path=path) for s in result.sites)
    return dataclasses.replace(result, path=path, sites=sites, original=data)


# what marks the folder of a project when no configuration file does
# a "project" larger than this (a home folder?) is not walked for one file
_MOST_FILES = 5000
TIED = (
    "migrated together with other modules of its project ({}), which this "
    "run on {} alone does not rewrite: run hapimigrate on the project"
)


def project_root(paths: tuple[str, ...]) -> str:
    """The folder of the project the files belong to: the configuration file's
    (``[tool.hapimigrate]``), else the nearest folder above holding ``.git``,
    ``.hg``, ``pyproject.toml``, ``setup.py`` or ``setup.cfg``, else theirs
    (above their packages: the folder ``import app.fetch`` is run from)."""
    from hapimigrate import config

    found = config.find(paths)
    if found is not None:
        return os.path.dirname(os.path.abspath(found))
    absolute = [os.path.dirname(os.path.abspath(p)) for p in paths]
    return discover.marked_folder(os.path.commonpath(absolute))


def project_files(root: str, excludes: tuple = ()) -> list[str] | None:
    """The files a run on ``root`` looks at (None: too many for one file's sake)."""
    files: list[str] = []
    try:
        for found in discover.discover((root,), excludes):
            if isinstance(found, str):
                files.append(found)
                if len(files) > _MOST_FILES:
                    return None
    except (OSError, discover.MissingPath):
        return None
    return files


_NEAREST = 400  # the files of the neighbourhood kept, nearest first


def neighbourhood(named: dict[str, bytes], root: str, context: list[str]) -> list[str]:
    """The files of the project the named files' answer may depend on: the
    modules they import (with their packages' ``__init__.py``, followed), the
    modules importing any of those (by name: ``import fetch``, ``from app
    import fetch``, ``import_module("fetch")``), and what those import; at
    most ``_NEAREST``, the nearest by folder first. Reading the project's
    files is fast; running the passes over all of them is not."""
    texts: dict[str, bytes] = {}
    for path in context:
        try:
            with open(path, "rb") as handle:
                texts[os.path.realpath(path)] = handle.read()
        except OSError:
            continue
    by_real = {os.path.realpath(p): p for p in context}
    for path, data in named.items():
        texts[os.path.realpath(path)] = data
    root = os.path.realpath(root)
    ours = set(texts) & {os.path.realpath(p) for p in named}
    chosen = set(ours)
    imported = _imports_closure(ours, texts, root, 4)
    chosen |= imported
    importers = _importers(ours | imported, texts, root)
    chosen |= importers | _imports_closure(importers, texts, root, 2)
    chosen -= ours
    here = [os.path.dirname(p) for p in ours]

    def distance(path: str) -> int:
        common = max(len(os.path.commonpath([path, h])) for h in here)
        return -common

    kept = sorted((p for p in chosen if p in by_real), key=lambda p: (distance(p), p))
    return [by_real[p] for p in kept[:_NEAREST]]


_IMPORT_LINE = re.compile(
    rb"(?m)^[ \t]*(?:from[ \t]+(\.*)([\w.]*)[ \t]+)?import[ \t]+([^\n#]+)"
)


_DYNAMIC_IMPORT = re.compile(
    rb"""(?:import_module|__import__)\(\s*[rbu]?["']([\w.]+)["']"""
)


def _module_files(root: str, folder: str, dotted: str) -> list[str]:
    """The files ``dotted`` may be, from each folder between ``folder`` and
    ``root`` (the places a script's imports are found), with the packages'
    ``__init__.py`` files Python runs first."""
    found = []
    parts = [p for p in dotted.split(".") if p]
    if not parts:
        return found
    places = [folder, root, os.path.join(root, "src")]
    directory = folder
    while os.path.isfile(os.path.join(directory, "__init__.py")):
        directory = os.path.dirname(directory)  # the folder above the package
        places.append(directory)
    for directory in places:
        for i in range(1, len(parts) + 1):
            base = os.path.join(directory, *parts[:i])
            found += [base + ".py", os.path.join(base, "__init__.py")]
    return found


def _imports_closure(
    start: set[str], texts: dict[str, bytes], root: str, depth: int
) -> set[str]:
    """The project's files the files ``start`` import, followed ``depth`` times."""
    found: set[str] = set()
    pending = set(start)
    for _ in range(depth):
        grown: set[str] = set()
        for path in pending:
            folder = os.path.dirname(path)
            for match in _IMPORT_LINE.finditer(texts.get(path, b"")):
                dots, module, names = match.groups()
                dots = dots or b""
                module = (module or b"").decode("latin-1")
                base = folder
                for _ in range(max(len(dots) - 1, 0)):
                    base = os.path.dirname(base)
                names_text = names.decode("latin-1").replace("(", " ").replace(")", " ")
                listed = [
                    n.strip().split(" as ")[0].strip()
                    for n in names_text.split(",")
                    if n.strip()
                ]
                dotted = [module] if module else []
                dotted += [f"{module}.{n}" if module else n for n in listed]
                for name in dotted:
                    if "import_module" in name or "__import__" in name:
                        continue
                    where = [base] if dots else [folder]
                    for start_folder in where:
                        for candidate in _module_files(root, start_folder, name):
                            if candidate in texts and candidate not in found:
                                grown.add(candidate)
            for match in _DYNAMIC_IMPORT.finditer(texts.get(path, b"")):
                name = match.group(1).decode("latin-1")
                for candidate in _module_files(root, folder, name):
                    if candidate in texts:
                        grown.add(candidate)
        grown -= found | start
        if not grown:
            break
        found |= grown
        pending = grown
    return found


def _importers(modules: set[str], texts: dict[str, bytes], root: str) -> set[str]:
    """The files whose text imports one of ``modules`` by its name."""
    stems = set()
    for path in modules:
        stem = os.path.splitext(os.path.basename(path))[0]
        if stem == "__init__":
            stem = os.path.basename(os.path.dirname(path))
        stems.add(re.escape(stem.encode()))
    if not stems:
        return set()
    word = rb"(?:" + rb"|".join(sorted(stems)) + rb")"
    pattern = re.compile(
        rb"(?m)^[^\n#]*\bimport\b[^\n#]*\b" + word + rb"\b"
        rb"|^[ \t]*from[ \t]+[\w.]*\b" + word + rb"\b"
        rb"|(?:import_module|__import__)\([^)\n]*\b" + word + rb"\b"
    )
    return {
        p
        for p, text in texts.items()
        if p not in modules
        and pattern.search(text)
        and _imports_closure({p}, texts, root, 1) & modules
    }


def in_project(
    named: list[str],
    options: RunOptions,
    alone: list[FileResult],
    excludes=(),
    within: tuple[str, list[str]] | None = None,
) -> list[FileResult]:
    """The results of files named on their own (``apply app/fetch.py``), decided
    within their project, as ``apply .`` decides them: another module may use
    a helper, read a key, or import a settings module that loads the
    environment. The project's other files are read, never rewritten: a named
    file whose rewrite differs from its rewrite alone, or that carries the key
    to other modules, while the project's run also rewrites other files, is
    tied to those (its sites stay manual, saying so). ``within``: the root
    and files of the project when the caller knows them."""
    if not named or any(not os.path.isfile(p) for p in named):
        return alone
    if within is None:
        root = project_root(tuple(named))
        context = project_files(root, excludes)
        if context is not None:
            context = neighbourhood(_texts(named), root, context)
    else:
        root, context = within
    if context is None:
        return alone
    wanted = {os.path.realpath(p): p for p in named}
    every = list(named) + [p for p in context if os.path.realpath(p) not in wanted]
    mine: dict[str, FileResult] = {}
    others: list[str] = []
    for result in run.results(every, options, jobs=1):
        real = os.path.realpath(result.path)
        if real in wanted:
            mine[wanted[real]] = result
        elif result.changed:
            others.append(result.path)
    by_path = {r.path: r for r in alone}
    order = [r.path for r in alone] + [p for p in named if p not in by_path]
    return [  # in the order the run alone gives them (its output's)
        _tied(mine.get(p, by_path.get(p)), by_path.get(p), others, p, root)
        for p in order
        if p in mine or p in by_path
    ]


def _tied(
    result: FileResult,
    alone: FileResult | None,
    others: list[str],
    shown: str,
    root: str,
) -> FileResult:
    """``result`` unless its rewrite needs other files' (see :func:`in_project`):
    a module it imports or that imports it changes too, and its rewrite differs
    from its rewrite alone (or it exports carriers of the key to that importer)."""
    if result is None or not result.changed or not others:
        return result
    same = alone is not None and alone.new == result.new
    texts = {os.path.realpath(p): t for p, t in _texts(others).items()}
    # a key definition it removes because the other modules' rewrites stop
    # reading it (crm.API_KEY in digest.py's URL): it needs those rewrites
    removes_read = any(
        re.search(rb"\b" + re.escape(name.encode()) + rb"\b", text)
        for name in result.removed_keys
        for text in texts.values()
    )
    if same and not result.exports and not removes_read:
        return result
    mine = os.path.realpath(result.path)
    texts[mine] = result.original or b""
    real = os.path.realpath(root)
    related = _importers({mine}, texts, real)
    if not same:
        related |= _imports_closure({mine}, texts, real, 2)
    if not related:
        return result
    others = [p for p in others if os.path.realpath(p) in related]
    shown_others = sorted(os.path.relpath(p, root) for p in others)
    listed = ", ".join(shown_others[:3]) + (", ..." if len(others) > 3 else "")
    reason = TIED.format(listed, os.path.basename(shown))
    sites = tuple(
        (
            dataclasses.replace(s, status=Status.MANUAL, reason=reason)
            if s.status is Status.REWRITE
            else s
        )
        for s in result.sites
    )
    return dataclasses.replace(result, sites=sites, new=None)


def _in_its_project(
    path: str, data: bytes, options: RunOptions, alone: FileResult, excludes
) -> FileResult:
    """The piped file's result within the project its name is a path of, in a
    private copy of that project's files with the piped bytes standing in."""
    if path == NAME or not os.path.isdir(os.path.dirname(os.path.abspath(path))):
        return alone
    if not (prefilter.is_python(path) or prefilter.is_notebook(path)):
        return alone
    real = os.path.abspath(path)
    root = project_root((real,))
    context = project_files(root, excludes)
    if context is None:
        return alone
    context = neighbourhood({real: data}, root, context)
    with tempfile.TemporaryDirectory(prefix="hapimigrate-stdin-") as folder:
        copies = []
        for source in context:
            if os.path.realpath(source) == os.path.realpath(real):
                continue
            copies.append(
                _copy(source, os.path.join(folder, os.path.relpath(source, root)))
            )
        mine = os.path.join(folder, os.path.relpath(real, root))
        os.makedirs(os.path.dirname(mine), exist_ok=True)
        with open(mine, "wb") as handle:
            handle.write(data)
        found = in_project(
            [mine],
            options,
            [dataclasses.replace(alone, path=mine)],
            within=(folder, copies),
        )
    if len(found) != 1 or found[0] is None:
        return alone
    result = found[0]
    sites = tuple(dataclasses.replace(s, path=path) for s in result.sites)
    return dataclasses.replace(result, path=path, sites=sites, original=data)


def _texts(paths: list[str]) -> dict[str, bytes]:
    found = {}
    for path in paths:
        try:
            with open(path, "rb") as handle:
                found[path] = handle.read()
        except OSError:
            continue
    return found


def _copy(source: str, target: str) -> str:
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
    return target


def _process(path: str, data: bytes, options: RunOptions) -> FileResult:
    try:
        if prefilter.is_notebook(path):
            if not prefilter.may_hold_site(path, data):
                return FileResult(path, original=data)
            from hapimigrate.python import notebooks

            return notebooks.process_notebook(path, data, options)
        if _python(path):
            if not prefilter.may_hold_python_site(data):
                return FileResult(path, original=data)
            from hapimigrate.python import module

            return module.process_source(path, data, options)
        return _text(path, data, options)
    except RecursionError:
        return textscan.unparsed(path, data, "too deeply nested to parse", options)
    except Exception as error:  # a bug of ours must not stop the run
        detail = (
            traceback.format_exc()
            if options.verbose
            else f"{type(error).__name__}: {error}"
        )
        return FileResult(path, original=data, error=f"internal error: {detail}")


def _python(path: str) -> bool:
    """``-``, a ``.py``/``.pyi`` name, or a name without an extension (a script)."""
    if path == NAME or prefilter.is_python(path):
        return True
    if textscan.family(path) is not None:  # .env, .js, ...
        return False
    return "." not in path.replace("\\", "/").rsplit("/", 1)[-1]


def _text(path: str, data: bytes, options: RunOptions) -> FileResult:
    """Another language: only ``check`` looks inside (as ``run`` does)."""
    syntax = textscan.family(path)
    if not options.scan_text or syntax is None or b"\0" in data:
        return FileResult(path, original=data)
    if not prefilter.may_hold_site(path, data):
        return FileResult(path, original=data)
    text = data.decode("utf-8", errors="replace")
    sites = textscan.text_sites(
        path, text, syntax, Status.MANUAL, run.NOT_PYTHON, strict=options.strict
    )
    return FileResult(path, tuple(sites), original=data)
