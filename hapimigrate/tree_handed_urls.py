"""A helper's URL handed in by its callers, its host another module's constant.

    config.py   list_url = "https://api.hubapi.com/contacts/v1/lists/7/contacts/all?"
    check.py    from config import list_url
                def get_contacts(url):
                    return requests.get(url + urlencode({"hapikey": hapikey}))
                get_contacts(list_url)

A module's first run sees ``list_url`` as a host known only at run time and
leaves the request for a person (``get_contacts() also sends other callers'
URLs``). This tree-wide pass runs such a module again knowing the string
constants it imports from the tree's modules
(:func:`hapimigrate.tree_imports.imported_constants`: the literal each assigns
at its top level; Django's ``settings.X`` for the tree's one ``settings.py``).
The callers' URLs then render to their hosts and the fixers decide as for a
URL written in the module. An environment read with a HubSpot default (``URL =
os.environ.get("URL", "https://api.hubapi.com/...")``) proves nothing: the
deployment sets the variable (a docker-compose pointing it at an egress proxy),
as the same read written in the module itself is left for a person.

Not a module whose constants' module may be changed from elsewhere at import
time (``from local_settings import *``, ``globals()``, ``setattr``): the
constant's literal is then not proven to be the value sent. The constants stay
known to the module's later runs (``RunOptions.handed_constants``); a constant
rebound at run time by another module is the later passes' to find
(:mod:`hapimigrate.tree_values`, :mod:`hapimigrate.tree_hosts`).
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Callable

from hapimigrate.analysis import handed_urls
from hapimigrate.model import FileResult, RunOptions, Status
from hapimigrate.tree_imports import from_imports, imported_constants, modules_of
from hapimigrate.tree_imports import plain_imports, read

Process = Callable[[str, RunOptions], FileResult]
Constants = tuple[tuple[str, str], ...]


def prepare(
    first: list[FileResult], files: list[str], options: RunOptions, process: Process
) -> tuple[list[FileResult], RunOptions]:
    """The modules whose sites wait on their callers' hosts, run again knowing
    the constants they import; ``options`` carries those for later runs."""
    waiting = [
        i
        for i, r in enumerate(first)
        if any(
            s.status == Status.MANUAL and handed_urls.waits_on_callers(s.reason)
            for s in r.sites
        )
    ]
    if not waiting:
        return first, options
    modules = modules_of(files)
    known: dict[str, Constants] = {}
    for i in waiting:
        path = first[i].path
        constants = _constants(path, modules, files)
        if constants:
            known[path] = constants
    if not known:
        return first, options
    options = dataclasses.replace(
        options,
        handed_constants=(*options.handed_constants, *sorted(known.items())),
    )
    first = list(first)
    for i in waiting:
        if first[i].path in known:
            first[i] = process(first[i].path, options)
    return first, options


def constants_for(options: RunOptions, path: str) -> Constants:
    """The constants this pass gave ``path`` (none for other modules)."""
    for where, constants in options.handed_constants:
        if where == path:
            return constants
    return ()


def _constants(path: str, modules: dict[str, str], files: list[str]) -> Constants:
    """What ``path`` imports from the tree's modules, with the literal default
    of their top-level environment reads; nothing where one of those modules
    may be changed at import time, or another module of the tree extends it
    (``from settings import *`` then its own values). Django's ``settings.X``
    only where no other module of the tree assigns ``X`` at its top level (a
    second settings module ``DJANGO_SETTINGS_MODULE`` may name)."""
    imported = _imported(path, modules)
    here = os.path.abspath(path)
    sources = {s for _, s, _ in imported if os.path.abspath(s) != here}
    if not sources or any(_changeable(read(source)) for source in sources):
        return ()
    others = [f for f in files if f.endswith(".py") and os.path.abspath(f) != here]
    texts = {f: read(f) for f in others}
    stems = {os.path.splitext(os.path.basename(s))[0] for s in sources}
    if any(_extends(text, stems) for text in texts.values()):
        return ()
    found = list(imported_constants(path, modules))
    names = {name for name, _ in found}
    home = modules.get("settings", "")
    return tuple(
        (name, value)
        for name, value in found
        if not _django_setting(path, name)
        or not _assigned_elsewhere(name.split(".", 1)[1], texts, home)
    )


def _imported(path: str, modules: dict[str, str]) -> list[tuple[str, str, str]]:
    """(local name, the tree's module, its name there) for each name ``path``
    imports, in the forms :func:`~hapimigrate.tree_imports.imported_constants`
    reads: ``X`` for ``from config import X``; a whole module, ``config.`` and
    ``*``, for ``import config`` or ``from app import config``."""
    data = read(path)
    found: list[tuple[str, str, str]] = []
    for module, names in from_imports(data):
        source = module.split(".")[-1]
        for name, local in names:
            if source in modules:
                found.append((local, modules[source], name))
            elif name in modules:
                found.append((f"{local}.", modules[name], "*"))
    for dotted, local in plain_imports(data):
        target = modules.get(dotted.split(".")[-1])
        if target is not None:
            found.append((f"{local}.", target, "*"))
    return found


def _extends(text: bytes, stems: set[str]) -> bool:
    """``from settings import *`` (``from .settings import *``) of a source."""
    return any(
        match.group(1).decode().split(".")[-1] in stems
        for match in re.finditer(
            rb"^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+\*", text, re.M
        )
    )


_DJANGO_SETTINGS = re.compile(
    rb"^from[ \t]+django\.conf[ \t]+import[ \t]+[^\n]*\bsettings\b", re.M
)


def _django_setting(path: str, name: str) -> bool:
    """``settings.X`` where ``settings`` is Django's (``from django.conf import
    settings``): the module DJANGO_SETTINGS_MODULE names at run time."""
    return name.startswith("settings.") and bool(_DJANGO_SETTINGS.search(read(path)))


def _assigned_elsewhere(name: str, texts: dict[str, bytes], home: str) -> bool:
    """Whether a module of the tree other than ``home`` assigns ``name`` at its
    top level."""
    pattern = re.compile(rb"^" + re.escape(name.encode()) + rb"[ \t]*[-+]?=(?!=)", re.M)
    return any(
        pattern.search(text)
        for where, text in texts.items()
        if os.path.abspath(where) != os.path.abspath(home)
    )


# what may change a module's names at import time, past its own assignments
_CHANGEABLE = re.compile(
    rb"^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]+\*|\bglobals\(\)|\bsetattr\(|"
    rb"\bvars\(\)|\b__dict__\b",
    re.MULTILINE,
)


def _changeable(data: bytes) -> bool:
    return bool(_CHANGEABLE.search(data))
