"""Readers of a module's value that the tree's Python does not show.

:mod:`python.unsent_values` deletes a keyed value once nothing in the tree's
Python reads it. Two readers escape that search:

- a file of the project that is not Python: a Django or Jinja template
  (``{{ hubspot.properties_endpoint }}``), a notebook, a YAML or JSON
  configuration naming the attribute; :func:`text_reader` names the first
  file of the project (below :func:`project_folder`, walked as discovery
  walks it: ignored files, virtual environments and anything but regular
  files left out, text up to 1 MB) that holds the name as a word;
- code outside the tree: a project that declares a distribution (a
  ``pyproject.toml`` with a ``[project]`` or ``[tool.poetry]`` table, a
  ``setup.py`` or ``setup.cfg``) is installed and imported by others, who may
  read any of its public names (``from hubspot_helpers import parameters``):
  :func:`distribution` names the file declaring it.

Either keeps the value (the site stays ``manual`` with the reason given here).

:func:`test_driving` answers the same question for a guard: a test module of
the project that sets the key's setting to drive the code
(``@override_settings(HUBSPOT_API_KEY=None)``) would no longer control a
guard made a test of the token (:mod:`python.leftover_reads` keeps it).
"""

from __future__ import annotations

import os
import re
import sys
from hapimigrate.discover import every_file, marked_folder

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover  (Python 3.10: the tomli backport, a dependency there)
    import tomli as tomllib

# a name read by an installed package's users: reported with the file declaring it
PUBLIC = (
    "{} held the key and nothing in the tree reads it, but it is a public name "
    "of the package {} declares: code outside the tree may send it; remove it "
    "by hand once no user of the package reads it"
)
IN_TEXT = (
    "{} held the key and no Python module reads it, but {} names {} (a "
    "template, a notebook, a configuration may read it): the key may be shown "
    "or sent from there; change that file by hand, then delete this"
)
TOO_LARGE = "the project (over 5000 files: not searched)"
_LARGEST = 1 << 20  # bytes of one text file read
_MOST_FILES = 5000  # a "project" larger than this (a home folder?) is not read
_SKIPPED = (".py", ".pyc", ".pyo", ".so", ".dll", ".whl", ".zip", ".gz", ".tar",
            ".bz2", ".xz", ".7z", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf",
            ".woff", ".woff2", ".ttf", ".eot", ".mo", ".sqlite", ".sqlite3", ".db",
            ".xlsx", ".xls", ".parquet", ".pkl", ".pickle", ".npy")  # fmt: skip
_SETUP_FILES = ("setup.py", "setup.cfg")


def project_folder(path: str) -> str:
    """The folder of the project ``path`` belongs to (as
    :func:`hapimigrate.stdin.project_root` finds it, which this module may not
    import: stdin runs the whole tool)."""
    return marked_folder(os.path.dirname(os.path.abspath(path)))


def text_reader(path: str, word: str) -> str | None:
    """The first file of ``path``'s project, other than Python source, that
    names ``word`` (as a word), relative to the project's folder; None when
    none does. A project too large to read (over 5000 files) answers that:
    the answer is unknown there."""
    root = project_folder(path)
    pattern = re.compile(rb"(?<![A-Za-z0-9_])" + re.escape(word.encode()) + rb"\b")
    for count, found in enumerate(sorted(every_file(root)), 1):
        if count > _MOST_FILES:
            return TOO_LARGE
        if found.lower().endswith(_SKIPPED):
            continue
        data = _read(found)
        if data is not None and pattern.search(data):
            return os.path.relpath(found, root)
    return None


def distribution(path: str) -> str | None:
    """The file that declares ``path``'s project a distribution (relative to the
    project's folder), looked for in each folder from the module's up to the
    project's; None when none does."""
    root = os.path.abspath(project_folder(path))
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        for name in _SETUP_FILES:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.relpath(os.path.join(folder, name), root)
        pyproject = os.path.join(folder, "pyproject.toml")
        if _declares(pyproject):
            return os.path.relpath(pyproject, root)
        parent = os.path.dirname(folder)
        if folder == root or parent == folder or not folder.startswith(root):
            return None
        folder = parent


def _declares(pyproject: str) -> bool:
    """A ``pyproject.toml`` with a ``[project]`` or ``[tool.poetry]`` table."""
    data = _read(pyproject)
    if data is None:
        return False
    try:
        table = tomllib.loads(data.decode("utf-8", "replace"))
    except tomllib.TOMLDecodeError:
        return b"[project]" in data or b"[tool.poetry]" in data
    tool = table.get("tool")
    return "project" in table or (isinstance(tool, dict) and "poetry" in tool)


def _read(path: str) -> bytes | None:
    """A regular file's bytes, up to the size read; None when it is not one."""
    try:
        if not os.path.isfile(path) or os.path.getsize(path) > _LARGEST:
            return None
        with open(path, "rb") as handle:
            return handle.read(_LARGEST)
    except OSError:
        return None


DRIVEN = (
    "a guard on the old key {}: the tests set {} ({}) to drive it; made a test "
    "of the token, they would no longer control it: test the token here and "
    "set HUBSPOT_ACCESS_TOKEN in those tests (mock.patch.dict(os.environ)) by "
    "hand"
)
# a test driving a setting: override_settings(NAME=...), settings.NAME = ...,
# patch.object(settings, "NAME", ...), monkeypatch.setattr(settings, "NAME", ...),
# patch("app.settings.NAME", ...)
_DRIVES = (
    r"override_settings\([^)]*\b{0}\s*=(?!=)",
    r"\bsettings\.{0}\s*=(?!=)",
    r"(?:patch\.object|setattr)\(\s*settings\s*,\s*['\"]{0}['\"]",
    r"(?:patch|setattr)\(\s*['\"][\w.]*\.{0}['\"]",
)


def test_driving(path: str, name: str) -> str | None:
    """The first test module of ``path``'s project that sets the setting
    ``name`` for its code (``@override_settings(HUBSPOT_API_KEY=None)``...),
    as ``file:line``; None when none does."""
    from hapimigrate.tree_imports import is_test_module  # the tree's rule

    root = project_folder(path)
    pattern = re.compile(
        "|".join(p.format(re.escape(name)) for p in _DRIVES).encode(), re.S
    )
    for count, found in enumerate(sorted(every_file(root)), 1):
        if count > _MOST_FILES:
            return TOO_LARGE
        if not found.endswith(".py") or not is_test_module(found, root):
            continue
        data = _read(found)
        match = pattern.search(data) if data is not None else None
        if match is not None:
            line = data.count(b"\n", 0, match.start()) + 1  # type: ignore[union-attr]
            return f"{os.path.relpath(found, root)}:{line}"
    return None
