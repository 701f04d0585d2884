"""Files hapimigrate writes for its users (scaffold), and the name the migrated
code imports such a file by (:func:`import_name`)."""

from __future__ import annotations

import keyword
import os
import re
from dataclasses import dataclass

SOURCE_ROOTS = ("src",)  # a src/ layout: its packages import without "src."


@dataclass(frozen=True)
class ImportName:
    """``dotted``: the module name for ``--token-provider``; ``renames``: what to
    rename first, as (from, to) paths, when the path is not importable as given;
    ``root``: the folder that must be on the import path."""

    dotted: str
    renames: tuple[tuple[str, str], ...] = ()
    root: str = "."


def import_name(path: str, cwd: str | None = None) -> ImportName:
    """How the app imports the module written at ``path``: relative to the
    current folder, less a leading ``src/``; outside it, from the outermost
    package (folders with ``__init__.py``) up. Parts that are not identifiers
    (``hubspot-oauth.py``, ``my-app/``) are named with ``_``, and listed as
    renames."""
    cwd = os.path.abspath(cwd or os.getcwd())
    absolute = os.path.abspath(os.path.join(cwd, path))
    relative = os.path.relpath(absolute, cwd)
    if relative.startswith(os.pardir + os.sep) or relative == os.pardir:
        parts = [os.path.basename(absolute)]
        folder = os.path.dirname(absolute)
        while os.path.isfile(os.path.join(folder, "__init__.py")):
            parts.insert(0, os.path.basename(folder))
            folder = os.path.dirname(folder)
        root = folder
    else:
        parts = relative.split(os.sep)
        root = cwd
        if len(parts) > 1 and parts[0] in SOURCE_ROOTS:
            root = os.path.join(cwd, parts.pop(0))
    stem, extension = os.path.splitext(parts[-1])
    names = [*parts[:-1], stem]
    fixed = [_identifier(name) for name in names]
    renames = []
    base = root
    for index, (name, good) in enumerate(zip(names, fixed)):
        last = index == len(names) - 1
        was = os.path.join(base, parts[index])
        now = os.path.join(base, good + (".py" if last else ""))
        if was != now:
            renames.append((_shown(was, cwd), _shown(now, cwd)))
        base = now
    shown_root = _shown(root, cwd)
    return ImportName(".".join(fixed), tuple(renames), shown_root)


def _identifier(name: str) -> str:
    fixed = re.sub(r"\W", "_", name)
    if not fixed or fixed[0].isdigit() or keyword.iskeyword(fixed):
        fixed = "_" + fixed
    return fixed


def _shown(path: str, cwd: str) -> str:
    relative = os.path.relpath(path, cwd)
    return path if relative.startswith(os.pardir) else relative
