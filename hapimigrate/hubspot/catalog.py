"""Lookup over the two data files beside this module:

* ``openapi.json`` -- every operation of HubSpot's OpenAPI descriptions (method,
  path template, scopes), built by ``scripts/build_catalog.py``;
* ``legacy.json`` -- the curated table of API-key era endpoints (v1/v2), mapped to
  today's granular scopes and to the coarse scopes of old OAuth apps.

``lookup(method, path)`` answers for a path as hapimigrate infers it
(``/deals/v1/deal/{}``): the modern operation whose template matches it most
literally, else the first legacy pattern that matches, else None. Endpoints that
take no token are :mod:`hapimigrate.hubspot.families`' business: ask the package
(``hapimigrate.hubspot.scopes_for``), which looks there first.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from hapimigrate.hubspot import datafiles

READ_METHODS = {"GET", "HEAD", "OPTIONS"}
_READ_POSTS = re.compile(r"/(search|batch/read)(/|$)|/search/query$")
_FIELD = re.compile(r"\{[^}]*\}")


@dataclass(frozen=True)
class ScopeNeed:
    """What a token needs for one call."""

    scopes: tuple[str, ...]  # every one of these
    any_of: tuple[str, ...] = ()  # and one of these
    legacy_scopes: tuple[
        str, ...
    ] = ()  # coarse scopes, for OAuth apps of the API-key era
    source: str = "openapi"  # "openapi", "legacy", "developer-key", "no-auth"
    basis: str = "doc"  # doc, inferred, low
    note: str = ""


def is_read(method: str, path: str) -> bool:
    """GET is a read; so is a POST that only searches or reads in batch."""
    return method in READ_METHODS or (
        method == "POST" and bool(_READ_POSTS.search(path))
    )


def lookup(method: str | None, path: str | None) -> ScopeNeed | None:
    if not path:
        return None
    path = path.rstrip("/") or "/"
    if method is None:  # fine only where reads and writes need the same
        read, write = lookup("GET", path), lookup("DELETE", path)
        return read if read == write else None
    method = method.upper()
    return _openapi(method, path) or _legacy(method, path)


def developer_operation(method: str | None, path: str) -> bool:
    """Whether HubSpot's descriptions say the operation takes a developer key
    (and no scopes): for any method, when ``method`` is None. Read from a small
    list of its own, so deciding a site never loads the whole catalog."""
    ours = _segments(path.rstrip("/") or "/")
    methods = [method.upper()] if method else list(_METHODS)
    return any(
        _matches(ours, template)
        for each in methods
        for template in _developer_index().get((each, len(ours)), ())
    )


_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@lru_cache(maxsize=1)
def _developer_index() -> dict[tuple[str, int], list[list[str]]]:
    data = json.loads(datafiles.read_text("developer_operations.json"))
    index: dict[tuple[str, int], list[list[str]]] = {}
    for method, path in data["operations"]:
        segments = _segments(path)
        index.setdefault((method, len(segments)), []).append(segments)
    return index


def _matches(ours: list[str], template: list[str]) -> bool:
    return all(
        _is_field(theirs) or mine == theirs for mine, theirs in zip(ours, template)
    )


def _segments(path: str) -> list[str]:
    return path.strip("/").split("/")


def _is_field(segment: str) -> bool:
    return bool(_FIELD.search(segment))


@lru_cache(maxsize=1)
def _openapi_index() -> dict[tuple[str, int], list[tuple[list[str], ScopeNeed]]]:
    data = json.loads(datafiles.read_text("openapi.json"))
    sets = [tuple(s) for s in data["scope_sets"]]
    index: dict[tuple[str, int], list[tuple[list[str], ScopeNeed]]] = {}
    for method, path, required, any_of, developer in data["operations"]:
        segments = _segments(path)
        need = ScopeNeed(
            sets[required],
            sets[any_of],
            source=(
                "developer-key"
                if developer and not sets[required] + sets[any_of]
                else "openapi"
            ),
        )
        index.setdefault((method, len(segments)), []).append((segments, need))
    return index


def _openapi(method: str, path: str) -> ScopeNeed | None:
    ours = _segments(path)
    best, best_score = None, -1
    for template, need in _openapi_index().get((method, len(ours)), ()):
        score = 0
        for mine, theirs in zip(ours, template):
            if _is_field(theirs):
                continue
            if mine != theirs:
                break
            score += 1
        else:
            if score > best_score:
                best, best_score = need, score
    return best


@lru_cache(maxsize=1)
def _legacy_table() -> list[tuple[re.Pattern[str], dict]]:
    data = json.loads(datafiles.read_text("legacy.json"))
    return [(re.compile(entry["pattern"]), entry) for entry in data["endpoints"]]


def legacy_entries() -> list[dict]:
    return [entry for _, entry in _legacy_table()]


def _legacy(method: str, path: str) -> ScopeNeed | None:
    for pattern, entry in _legacy_table():
        if not pattern.search(path):
            continue
        basis, note = entry["basis"], entry.get("note", "")
        side = "read" if is_read(method, path) else "write"
        return ScopeNeed(
            tuple(entry.get(side, ())),
            tuple(entry.get(f"{side}_any_of", ())),
            tuple(entry.get("legacy", ())),
            source="legacy",
            basis=basis,
            note=note,
        )
    return None
