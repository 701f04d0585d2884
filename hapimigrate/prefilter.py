"""The one cheap test of "could this file hold a site", on its bytes.

Every stage that skips a file or a statement without parsing it asks here, so the
stages cannot disagree. A Python file or notebook can hold a site when it says
``hapikey`` (any case) or imports a HubSpot SDK (hubspot-api-client, hubspot3,
hapipy); a file of another language when it says ``hapikey``, or names HubSpot
(``hubspot``, ``HubSpot``, ``HUBSPOT``) and a key (``key``, ``Key``, ``KEY``), or
says ``SevenShores``, ``HS_API``, ``HS_KEY`` or ``HAPI_KEY``: where an SDK client
is built with ``apiKey``, ``createWithApiKey`` or SevenShores' ``Factory::create``,
or a key is written as ``HUBSPOT_API_KEY=...``.
"""

from __future__ import annotations

import re

PYTHON_SUFFIXES = (".py", ".pyw", ".pyi")
NOTEBOOK_SUFFIX = ".ipynb"

# `in` on bytes is a fast scan; a case-insensitive regular expression over every
# file would double a run's time, so it runs only on files these words let through
_GATES = (b"hapi", b"Hapi", b"HAPI", b"hubspot")  # hapikey in any usual case; SDKs
_KEY = re.compile(rb"hapikey", re.IGNORECASE)
_SDK_IMPORT = re.compile(rb"\b(?:from|import)[ \t]+(?:hubspot3?|hapi)\b", re.IGNORECASE)
# Other languages: SDK clients and key entries name HubSpot and a key, whatever the
# case of either (plain byte scans, like _GATES)
_HUBSPOT = (b"ubspot", b"ubSpot", b"UBSPOT")  # hubspot, Hubspot, HubSpot, HUBSPOT
_SHORT_NAMES = (b"HS_API", b"hs_api", b"HS_KEY", b"hs_key", b"hsApi", b"HAPI_KEY",
                b"hapi_key")  # fmt: skip
_KEY_WORDS = (b"key", b"Key", b"KEY")
# What a top-level statement must mention to matter to the codemod (slicing).
STATEMENT_SEED = re.compile(rb"hapikey|hubspot|\bhapi\b", re.IGNORECASE)


def is_python(path: str) -> bool:
    return path.endswith(PYTHON_SUFFIXES)


def is_notebook(path: str) -> bool:
    return path.endswith(NOTEBOOK_SUFFIX)


def may_hold_site(path: str, data: bytes) -> bool:
    """Whether the file at ``path`` with bytes ``data`` may hold a site."""
    if is_python(path) or is_notebook(path):
        return may_hold_python_site(data)
    return mentions_key(data) or names_hubspot_key(data)


def may_hold_python_site(data: bytes) -> bool:
    if not any(gate in data for gate in _GATES):
        return False
    return mentions_key(data) or _SDK_IMPORT.search(data) is not None


def mentions_key(data: bytes) -> bool:
    if b"hapikey" in data:
        return True
    return any(gate in data for gate in _GATES[:3]) and _KEY.search(data) is not None


def names_hubspot_key(data: bytes) -> bool:
    """A file of another language that may build an SDK client with an API key or
    write a key under a HubSpot name."""
    if b"SevenShores" in data:  # SevenShores' Factory::create($key) names no key
        return True
    if any(word in data for word in _HUBSPOT):
        return any(word in data for word in _KEY_WORDS)
    return any(name in data for name in _SHORT_NAMES)  # HS_API_KEY=, hapi_key:
