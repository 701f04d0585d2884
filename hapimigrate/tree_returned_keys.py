"""Where a function's keyed return value goes, when its own module never calls it.

    config.py                 class Config:
                                  @staticmethod
                                  def generate_auth(hapikey):
                                      return {"hapikey": hapikey}
    company_properties.py     requests.get(URL, params=Config.generate_auth(hapikey))

The fixers of ``config.py`` see no call of ``generate_auth()`` and leave its
mapping for a person: "the value is returned by generate_auth(), which nothing
in this module calls". That is true and tells the person nothing to act on:
the requests are in other modules. :func:`reword` names the places in the tree
that call it (``company_properties.py:10``), so the person knows what to change
together. Text only: statuses and sources stay as they are.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Iterable

from hapimigrate import prefilter
from hapimigrate.model import FileResult, Status
from hapimigrate.tree_imports import imported_names, importable_names, read

UNCALLED = re.compile(
    r"^the value is returned by ([A-Za-z_]\w*)\(\), which nothing in this module "
    r"calls$"
)
CALLED_ELSEWHERE = (
    "; other modules call it ({}) and send what it returns, the key with it: "
    "change it and them together, by hand"
)
_SHOWN = 4  # places named in a reason, then "..."


def reword(results: list[FileResult], files: Iterable[str]) -> list[FileResult]:
    """``results``, each manual site of a function nothing in its module calls
    naming the places other modules of the tree call it."""
    wanted = [
        r
        for r in results
        if any(s.status == Status.MANUAL and UNCALLED.match(s.reason) for s in r.sites)
    ]
    if not wanted:
        return results
    texts = {
        path: read(path)
        for path in files
        if prefilter.is_python(path) and os.path.isfile(path)
    }
    out = []
    for result in results:
        if result not in wanted:
            out.append(result)
            continue
        sites = []
        for site in result.sites:
            found = (
                UNCALLED.match(site.reason) if site.status == Status.MANUAL else None
            )
            places = _callers(result.path, found.group(1), texts) if found else []
            if places:
                shown = ", ".join(places[:_SHOWN]) + (
                    ", ..." if len(places) > _SHOWN else ""
                )
                site = dataclasses.replace(
                    site, reason=site.reason + CALLED_ELSEWHERE.format(shown)
                )
            sites.append(site)
        out.append(dataclasses.replace(result, sites=tuple(sites)))
    return out


def _callers(home: str, name: str, texts: dict[str, bytes]) -> list[str]:
    """``file.py:line`` of each call of ``name`` in a module of the tree that
    imports ``home``'s module (by its name or its package's)."""
    called = re.compile(rb"\b" + re.escape(name.encode()) + rb"\s*\(")
    defined = re.compile(rb"\bdef\s+" + re.escape(name.encode()) + rb"\s*\(")
    module = {n.encode() for n in importable_names(home)}
    places = []
    for path, text in sorted(texts.items()):
        if os.path.abspath(path) == os.path.abspath(home) or not called.search(text):
            continue
        if defined.search(text) or not module & imported_names(text, path):
            continue  # a function of its own of that name, or not the home's
        for match in called.finditer(text):
            line = text.count(b"\n", 0, match.start()) + 1
            places.append(f"{os.path.basename(path)}:{line}")
    return places
