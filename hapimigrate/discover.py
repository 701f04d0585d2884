"""Which files to look at: walk the paths given, honour ``.gitignore`` files and
``--exclude`` globs, skip tool and virtualenv folders, never follow symlinks, and
yield what is left with what was skipped and why."""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from typing import Iterator

import pathspec

from hapimigrate import prefilter, textscan

SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        "node_modules",
        "__pycache__",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        "site-packages",
    }
)


class MissingPath(Exception):
    """A path named on the command line does not exist."""


@dataclass(frozen=True)
class Skipped:
    path: str
    reason: str


def discover(
    paths: tuple[str, ...], excludes: tuple[str, ...] = (), text_files: bool = False
) -> Iterator[str | Skipped]:
    """Yield each Python file and notebook below ``paths`` (and, with
    ``text_files``, each file the text scanner reads), as given joined with what
    was walked, or a :class:`Skipped` record for what was passed over and why."""

    def wanted(name: str) -> bool:
        if prefilter.is_python(name) or prefilter.is_notebook(name):
            return True
        return text_files and textscan.family(name) is not None

    for path in paths:
        if os.path.islink(path):
            yield Skipped(path, "symlink not followed")
        elif os.path.isdir(path):
            yield from _walk(path, excludes, wanted)
        elif os.path.isfile(path):
            yield path
        elif not os.path.exists(path):
            raise MissingPath(path)
        else:
            yield Skipped(path, "not a regular file")


def _excluded(relative: str, path: str, excludes: tuple[str, ...]) -> bool:
    """A glob matches the path below the walked folder, the path as shown, or
    the file or folder name."""
    candidates = (relative, path.replace(os.sep, "/"), os.path.basename(path))
    return any(fnmatch.fnmatch(c, pattern) for c in candidates for pattern in excludes)


def _walk(root: str, excludes: tuple[str, ...], wanted) -> Iterator[str | Skipped]:
    ignores: list[tuple[str, pathspec.PathSpec]] = []
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        ignores = [(base, spec) for base, spec in ignores if _inside(directory, base)]
        spec = _gitignore(directory)
        if spec is not None:
            ignores.append((directory, spec))

        def ignored(path: str, is_dir: bool) -> bool:
            for base, spec in ignores:
                relative = os.path.relpath(path, base).replace(os.sep, "/")
                if spec.match_file(relative + "/" if is_dir else relative):
                    return True
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            return _excluded(relative, path, excludes)

        kept = []
        for name in sorted(dirnames):
            full = os.path.join(directory, name)
            if name in SKIPPED_DIRS or os.path.islink(full):
                continue
            if os.path.exists(os.path.join(full, "pyvenv.cfg")):
                continue  # a virtualenv under any name
            if not ignored(full, True):
                kept.append(name)
        dirnames[:] = kept
        for name in sorted(filenames):
            if not wanted(name):
                continue
            full = os.path.normpath(os.path.join(directory, name))
            if ignored(full, False):
                continue
            if os.path.islink(full):
                yield Skipped(full, "symlink not followed")
            else:
                yield full


def _inside(directory: str, base: str) -> bool:
    return directory == base or directory.startswith(base.rstrip(os.sep) + os.sep)


def _gitignore(directory: str) -> pathspec.PathSpec | None:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8") as f:
            return pathspec.GitIgnoreSpec.from_lines(f.read().splitlines())
    except (OSError, UnicodeDecodeError):
        return None
