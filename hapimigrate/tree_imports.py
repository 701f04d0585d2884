"""What a module's text says about imports, read without parsing it: the names
other modules import it by, and the words of its import lines. The tree-wide
passes use these to find, among many files, the few that may read a name."""

from __future__ import annotations

import os
import re


def importable_names(path: str) -> tuple[str, ...]:
    """The names other modules import a module's contents by: its stem and its
    package's (``from crm import Client`` reaches ``crm/hub.py`` through a
    re-export in ``crm/__init__.py``)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    package = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return (package,) if stem == "__init__" else (stem, package)


_IMPORT_LINE = re.compile(
    rb"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import\b([^\n#]*)|import\b([^\n#]*))",
    re.MULTILINE,
)


def imported_names(data: bytes) -> set[bytes]:
    """Every word of a module's import lines: the modules and packages it
    imports from (``from app.settings import KEY`` gives app, settings, KEY)."""
    words: set[bytes] = set()
    for match in _IMPORT_LINE.finditer(data):
        for group in match.groups():
            if group:
                words.update(re.findall(rb"\w+", group))
    return words
