"""The last tree-wide step: key settings nothing reads any more.

After the migration, ``settings.HUBSPOT_API_KEY`` may be read by no module of the
tree, while ``settings.py`` still requires the old variable at start-up. The
migrated modules say which settings they stopped reading
(``FileResult.imported_keys``); a setting no file of the tree names any more (its
migrated text, for a file that changes) is handed to its settings module, which
removes the definition or says why it cannot (:mod:`hapimigrate.python.dead_settings`).
"""

from __future__ import annotations

import dataclasses
import io
import os
import re
import tokenize
from typing import Callable, Iterable, Mapping

from hapimigrate import prefilter
from hapimigrate.model import FileResult, RunOptions
from hapimigrate.tree_imports import SET_BY

Process = Callable[[str, RunOptions], FileResult]


def resolve(
    results: list[FileResult],
    files: list[str],
    options: RunOptions,
    per_path: dict[str, RunOptions],
    process: Process,
    held: frozenset[str] = frozenset(),
) -> list[FileResult]:
    """Run again the settings modules whose keys no module reads any more,
    dropping those definitions; not a module a tree-wide pass ``held`` as it
    is (run again, it would be migrated after all)."""
    wanted = {key for r in results if r.changed for key in r.imported_keys}
    if not wanted:
        return results
    by_path = {r.path: r for r in results}
    modules: dict[str, list[str]] = {}
    for path in files:
        if prefilter.is_python(path):
            stem = os.path.splitext(os.path.basename(path))[0]
            modules.setdefault(stem, []).append(path)
    dead: dict[str, list[tuple[str, str]]] = {}
    for module, name in sorted(wanted):
        homes = modules.get(module, []) or _holders(module, name, files, by_path)
        if len(homes) != 1:
            continue  # no settings module in the tree, or several of that name
        home = homes[0]
        if home in held:
            continue
        where = next(
            (
                f"{os.path.basename(path)}:{line}" + (" (a test)" * _test(path))
                for path in sorted(files, key=_test)  # code first, then tests
                if path != home
                for line in [
                    _reads(name, _text(path, by_path), prefilter.is_python(path))
                ]
                if line
            ),
            "",
        )
        dead.setdefault(home, []).append((name, where))
    if not dead:
        return results
    changed = {
        home: process(
            home,
            dataclasses.replace(
                per_path.get(home, options), dead_settings=tuple(names)
            ),
        )
        for home, names in dead.items()
    }
    return [changed.get(r.path, r) for r in results]


# an environment variable's name written to read the variable, not the setting
_ENV_READ = re.compile(
    rb"(?:environ\[|environ\.get\(|getenv\(|\benv(?:\.\w+)?\(|\bconfig\()\s*$"
)


def _reads(name: str, text: bytes, python: bool = False) -> int:
    """The first line where ``text`` reads the setting ``name`` (0: none):
    ``settings.NAME``, ``NAME``, ``getattr(settings, "NAME")``, a template's
    ``{{ NAME }}``; not ``os.environ["NAME"]``, which reads the variable, nor
    (``python``) a comment or a string naming it among other words."""
    words: list[tuple[int, int]] | None = None
    for match in re.finditer(rb"\b" + re.escape(name.encode()) + rb"\b", text):
        before = text[max(0, match.start() - 40) : match.start()]
        if before[-1:] in (b'"', b"'") and _ENV_READ.search(before[:-1]):
            continue
        if python:
            words = _words(name, text) if words is None else words
            if any(start <= match.start() < end for start, end in words):
                continue
        if _OVERRIDDEN.search(text, max(0, match.start() - 300), match.start()):
            if _SET_AFTER.match(text, match.end()):
                continue  # override_settings(NAME=...): set for a test, not read
        return text.count(b"\n", 0, match.start()) + 1
    return 0


# Django's override_settings(NAME=value) (a decorator or a with): it sets the
# setting for a test, whether or not the settings module defines it
_OVERRIDDEN = re.compile(rb"\boverride_settings\([^()]*$")
_TEST_FILE = re.compile(
    r"(?:^|/)(?:tests?/|test_[^/]*$|[^/]*_tests?\.py$|tests\.py$|conftest\.py$)"
)


def _test(path: str) -> bool:
    """Whether ``path`` is a test module (``tests.py``, ``test_x.py``, under
    ``tests/``, a ``conftest.py``)."""
    return bool(_TEST_FILE.search(path.replace(os.sep, "/")))


def _text(path: str, by_path: dict[str, FileResult]) -> bytes:
    """A file's text after the migration."""
    result = by_path.get(path)
    if result is not None and result.changed:
        return result.new or b""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def _words(name: str, text: bytes) -> list[tuple[int, int]]:
    """The byte spans of a Python module's comments and of its strings other
    than ``"NAME"`` itself (``getattr(settings, "NAME")`` reads it; ``help="
    defaults to settings.NAME"`` does not)."""
    code = text.decode("latin-1")  # one character per byte: offsets agree
    starts = [0]
    for line in code.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type == tokenize.STRING:
                if token.string.strip("\"'").lstrip("rRbBuUfF").strip("\"'") == name:
                    continue
            elif token.type != tokenize.COMMENT:
                continue
            (row, col), (end_row, end_col) = token.start, token.end
            spans.append((starts[row - 1] + col, starts[end_row - 1] + end_col))
    except (tokenize.TokenError, SyntaxError, IndexError):
        pass  # what was read counts
    return spans


def first_reader(name: str, paths: Iterable[str], texts: Mapping[str, bytes]) -> str:
    """``health.py:7``: the first place one of ``paths`` reads ``name`` (their
    texts in ``texts``): as an attribute (``hub.API_KEY``, ``getattr(c, "key")``)
    if one does, else by the bare word past the import of it; "" if none.
    A place that only sets it (``settings.API_KEY = x``,
    ``mock.patch("crm.client.API_KEY", ...)``, ``setattr``) is no read: when
    that is all, the first such place marked ``SET_BY`` (``set:test_x.py:6``)."""
    named = re.compile(
        rb"\.\s*"
        + re.escape(name.encode())
        + rb"\b|[\"']"
        + re.escape(name.encode())
        + rb"[\"']"
    )
    written = ""
    for path in sorted(paths):
        text = texts.get(path, b"")
        for match in named.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            if text[match.start() : match.start() + 1] in b"\"'" and _ENV_READ.search(
                before
            ):
                continue  # os.environ["API_KEY"]: the variable, not the setting
            line = text.count(b"\n", 0, match.start()) + 1
            where = f"{os.path.basename(path)}:{line}"
            if _sets(text, match.start(), match.end()):
                written = written or where
                continue
            return where
    for path in sorted(paths):
        text = texts.get(path, b"")
        line = _reads(name, text)
        if not line:
            continue
        lines = text.split(b"\n")
        while line <= len(lines) and (
            _IMPORT_LINE.match(lines[line - 1]) or _sets_only(name, lines[line - 1])
        ):
            later = _reads(name, b"\n".join(lines[line:]))
            if not later:
                break
            line += later
        where = f"{os.path.basename(path)}:{line}"
        if line <= len(lines) and _sets_only(name, lines[line - 1]):
            written = written or where
            continue
        return where
    return SET_BY + written if written else ""


# settings.KEY = x, settings.KEY += x (not ==)
_SET_AFTER = re.compile(rb"[ \t]*(?:[-+*/|&]?=(?!=))")
# setattr(settings, "KEY", ...), mock.patch("crm.client.KEY", ...),
# patch.object(client, "KEY", ...), monkeypatch.setattr(...), del settings.KEY
_SET_BEFORE = re.compile(
    rb"(?:\b(?:setattr|delattr)|\bpatch(?:\.object|\.multiple)?)\s*\([^()\n]*$"
    rb"|\bdel\s+[\w.]*$"
)


def _sets(text: bytes, start: int, end: int) -> bool:
    """Whether the name read at ``start:end`` of ``text`` is set there."""
    line_start = text.rfind(b"\n", 0, start) + 1
    if _SET_BEFORE.search(text[line_start:start]):
        return True
    quoted = text[end - 1 : end] in (b'"', b"'")
    return not quoted and bool(_SET_AFTER.match(text, end))


def _sets_only(name: str, line: bytes) -> bool:
    """Whether each mention of ``name`` on ``line`` sets it."""
    found = list(re.finditer(rb"\b" + re.escape(name.encode()) + rb"\b", line))
    return bool(found) and all(_sets(line, m.start(), m.end()) for m in found)


_IMPORT_LINE = re.compile(rb"\s*(?:from\s+[\w.]+\s+)?import\b")


def _holders(
    instance: str, name: str, files: list[str], by_path: dict[str, FileResult]
) -> list[str]:
    """The modules that define a settings object ``instance`` at module level
    and a class field ``name``: ``settings = Settings()`` with ``hubspot_api_key:
    str`` in ``class Settings(BaseSettings)``, imported as ``from app.config
    import settings``."""
    made = re.compile(
        rb"^" + re.escape(instance.encode()) + rb"\s*(?::[^=\n]*)?=", re.M
    )
    field = re.compile(rb"^[ \t]+" + re.escape(name.encode()) + rb"\s*[:=]", re.M)
    return [
        path
        for path in files
        if prefilter.is_python(path)
        for text in [_text(path, by_path)]
        if made.search(text) and field.search(text)
    ]
