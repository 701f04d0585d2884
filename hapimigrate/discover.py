"""Which files to look at: walk the paths given, honour ``.gitignore`` files and
``--exclude`` globs, skip tool and virtualenv folders, never follow symlinks, and
yield what is left with what was skipped and why.

Excludes match as ruff's do: a glob without ``/`` (``legacy``, ``*_pb2.py``) matches
a file or folder name anywhere; one with ``/`` (``legacy/*``, ``app/vendor``)
matches the path relative to its anchor, the folder of the configuration that
set it (the current folder for ``--exclude``). Files named on the command line
are looked at even when excluded, unless ``force`` (pre-commit names files)."""

from __future__ import annotations

import fnmatch
import os
import stat
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from hapimigrate import prefilter, textscan

if TYPE_CHECKING:  # imported when a .gitignore is found
    import pathspec

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
    error: bool = False  # a folder that could not be read: the run is incomplete


@dataclass(frozen=True)
class Exclude:
    """One exclude glob and the folder a glob with ``/`` is relative to."""

    pattern: str
    anchor: str

    def matches(self, path: str, is_dir: bool) -> bool:
        pattern = self.pattern.replace(os.sep, "/")
        while pattern.startswith("./"):
            pattern = pattern[2:]
        if pattern.endswith("/"):
            if not is_dir:
                return False
            pattern = pattern.rstrip("/")
        if "/" not in pattern:
            return fnmatch.fnmatch(os.path.basename(path), pattern)
        absolute = os.path.abspath(path).replace(os.sep, "/")
        anchored = os.path.join(self.anchor, pattern).replace(os.sep, "/")
        variants = {anchored, anchored.replace("**/", "")}  # **/ may match nothing
        return any(fnmatch.fnmatch(absolute, v) for v in variants)


@dataclass(frozen=True)
class Excludes:
    """The excludes of a run; ``force``: they apply to files named too."""

    patterns: tuple[Exclude, ...] = ()
    force: bool = False

    def match(self, path: str, is_dir: bool) -> bool:
        return any(e.matches(path, is_dir) for e in self.patterns)


def excludes_of(excludes: "Excludes | tuple[str | Exclude, ...]") -> Excludes:
    """Plain globs are anchored at the current folder."""
    if isinstance(excludes, Excludes):
        return excludes
    here = os.getcwd()
    return Excludes(
        tuple(e if isinstance(e, Exclude) else Exclude(e, here) for e in excludes)
    )


def discover(
    paths: tuple[str, ...],
    excludes: Excludes | tuple[str | Exclude, ...] = (),
    text_files: bool = False,
) -> Iterator[str | Skipped]:
    """Yield each Python file and notebook below ``paths`` (and, with
    ``text_files``, each file the text scanner reads), as given joined with what
    was walked, or a :class:`Skipped` record for what was passed over and why."""
    excludes = excludes_of(excludes)

    def wanted(name: str) -> bool:
        if prefilter.is_python(name) or prefilter.is_notebook(name):
            return True
        return text_files and textscan.family(name) is not None

    for path in paths:
        if excludes.force and excludes.match(path, os.path.isdir(path)):
            continue
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


_NAMED_SUFFIXES = (*prefilter.PYTHON_SUFFIXES, ".ipynb")
# what marks a project's folder
PROJECT_MARKERS = (".git", ".hg", "pyproject.toml", "setup.py", "setup.cfg")


def marked_folder(start: str) -> str:
    """The nearest folder at or above ``start`` holding a project marker
    (``.git``, ``pyproject.toml``, ...), else the folder ``start``'s top
    package is in."""
    directory = start
    while True:
        if any(os.path.exists(os.path.join(directory, m)) for m in PROJECT_MARKERS):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    while os.path.isfile(os.path.join(start, "__init__.py")):
        start = os.path.dirname(start)  # the folder its top package is in
    return start


def every_file(root: str) -> Iterator[str]:
    """Each regular file below ``root`` that a walk keeps (``.gitignore``d
    files, version control, virtual environments and caches left out), of any
    kind: where a project may name what it runs (a schedule, a crontab)."""
    for found in _walk(root, excludes_of(()), lambda path: True):
        if isinstance(found, str):
            yield found


def _walk(root: str, excludes: Excludes, wanted) -> Iterator[str | Skipped]:
    ignores: list[tuple[str, pathspec.PathSpec]] = []
    unreadable: list[Skipped] = []
    tracked = _TrackedIgnored(root)

    def failed(error: OSError) -> None:
        where = error.filename or root
        reason = f"cannot read folder: {error.strerror or error}"
        unreadable.append(Skipped(where, reason, error=True))

    for directory, dirnames, filenames in os.walk(
        root, followlinks=False, onerror=failed
    ):
        yield from unreadable
        unreadable.clear()
        ignores = [(base, spec) for base, spec in ignores if _inside(directory, base)]
        spec = _gitignore(directory)
        if spec is not None:
            ignores.append((directory, spec))

        def ignored(path: str, is_dir: bool) -> bool:
            for base, spec in ignores:
                relative = os.path.relpath(path, base).replace(os.sep, "/")
                if spec.match_file(relative + "/" if is_dir else relative):
                    return not tracked.holds(path, is_dir)
            return excludes.match(path, is_dir)

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
            full = os.path.normpath(os.path.join(directory, name))
            try:
                mode = os.lstat(full).st_mode
            except OSError:
                continue
            if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
                # a FIFO or socket: opening it would wait for a writer forever
                if full.endswith(_NAMED_SUFFIXES) and not ignored(full, False):
                    yield Skipped(full, "not a regular file")
                continue
            if not wanted(full):  # the path: a script's #! line may say
                continue
            if ignored(full, False):
                continue
            if os.path.islink(full):
                yield Skipped(full, "symlink not followed")
            else:
                yield full
    yield from unreadable


def _inside(directory: str, base: str) -> bool:
    return directory == base or directory.startswith(base.rstrip(os.sep) + os.sep)


class _TrackedIgnored:
    """The files git tracks although a ``.gitignore`` pattern matches them
    (added with ``-f``, or before the pattern): in a CI checkout they are
    there like any other, so the guard reads them. Asked of git once, when a
    pattern first matches (nothing when git or a repository is missing)."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.paths: set[str] | None = None

    def holds(self, path: str, is_dir: bool) -> bool:
        """``path`` is such a file, or a folder holding one."""
        if self.paths is None:
            self.paths = self._ask()
        if not self.paths:
            return False
        path = os.path.normpath(os.path.abspath(path))
        if not is_dir:
            return path in self.paths
        prefix = path + os.sep
        return any(p.startswith(prefix) for p in self.paths)

    def _ask(self) -> set[str]:
        import subprocess  # only for a tree whose .gitignore matched something

        try:
            done = subprocess.run(
                ["git", "-C", self.root, "ls-files", "-z", "--cached", "--ignored",
                 "--exclude-standard"],
                capture_output=True,
                timeout=30,
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError):
            return set()
        if done.returncode != 0:
            return set()
        return {
            os.path.normpath(os.path.join(os.path.abspath(self.root), name))
            for name in done.stdout.decode("utf-8", "surrogateescape").split("\0")
            if name
        }


def _gitignore(directory: str) -> pathspec.PathSpec | None:
    try:
        with open(os.path.join(directory, ".gitignore"), encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    import pathspec  # only when a tree has a .gitignore: not at start-up

    return pathspec.GitIgnoreSpec.from_lines(lines)


def nothing_found(
    paths: tuple[str, ...], skipped: tuple[Skipped, ...], text_files: bool
) -> str:
    """The warning for a run that found no file to look at (as ruff and black
    say it), with what was passed over and why."""
    what = "files hapimigrate checks" if text_files else "Python files or notebooks"
    message = f"hapimigrate: warning: no {what} found under {', '.join(paths)}"
    if skipped:
        shown = ", ".join(f"{s.path} ({s.reason})" for s in skipped[:5])
        more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        message += f"; skipped: {shown}{more}"
    return message + "; 0 files looked at"


def files_looked_at(count: int) -> str:
    """``12 files looked at``: every summary line says it."""
    return f"{count} file{'s' if count != 1 else ''} looked at"
