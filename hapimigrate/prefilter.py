"""The one cheap test of "could this file hold a site", on its bytes.

Every stage that skips a file or a statement without parsing it asks here, so the
stages cannot disagree. A Python file or notebook can hold a site when it says
``hapikey`` (any case, also in pieces Python joins: ``"?hap" + "ikey="``) or
imports a HubSpot SDK (hubspot-api-client, hubspot3, hapipy); a notebook also when
it names HubSpot and a key (its saved outputs may show the key); a file of another language when it says ``hapikey``, or names HubSpot
(``hubspot``, ``HubSpot``, ``HUBSPOT``) and a key (``key``, ``Key``, ``KEY``), or
says ``SevenShores``, ``HS_API``, ``HS_KEY`` or ``HAPI_KEY``: where an SDK client
is built with ``apiKey``, ``createWithApiKey`` or SevenShores' ``Factory::create``,
or a key is written as ``HUBSPOT_API_KEY=...``.

A Python file may also hold HubSpot API calls without a key, whose endpoints
``report``, ``check`` and ``apply --modernize`` look at: it names a HubSpot API
host (``api.hubapi.com``), or names HubSpot and a versioned API path
(``/crm/v3/``, ``/crm/objects/2026-03/``). The codemod proper parses such a file
only when the run asks for calls or for ``--modernize``
(:func:`may_hold_key_site` says which files it needs).
"""

from __future__ import annotations

import functools
import os
import stat
import re

PYTHON_SUFFIXES = (".py", ".pyw", ".pyi")
NOTEBOOK_SUFFIX = ".ipynb"

# `in` on bytes is a fast scan; a case-insensitive regular expression over every
# file would double a run's time, so it runs only on files these words let through
_GATES = (b"hapi", b"Hapi", b"HAPI", b"hubspot")  # hapikey in any usual case; SDKs
# HubSpot API calls: a HubSpot API host, or HubSpot named and a versioned path
_API_GATES = (b"hubapi", b"api.hubspot")
_API_HOST = re.compile(rb"hubapi\.(?:com|eu)\b|api\.hubspot\.com\b", re.IGNORECASE)
_API_PATH = re.compile(rb"[\"'/](?:[\w-]+/)*(?:v[1-4]|\d{4}-\d{2})(?:/|[\"'])")
_KEY = re.compile(rb"hapikey", re.IGNORECASE)
# hapikey in pieces Python joins ("?hap" + "ikey=", "hap" "ikey"): between two of
# its letters, a quote, spaces, +, ( and a string prefix, a quote
_JOIN = rb"""(?:['"][\s+(]*[rRbBuUfF]{0,2}['"])?"""
SPLIT_KEY = _JOIN.join((b"h", b"a", b"p", b"i", b"k", b"e", b"y"))
_SPLIT_KEY = re.compile(SPLIT_KEY, re.IGNORECASE)
# ``import hubspot``, ``import os, hubspot3``, ``from vendor.hubspot3 import X``
_SDK_IMPORT = re.compile(
    rb"\b(?:from[ \t]+(?:[\w.]*\.)?|import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*)"
    rb"(?:hubspot3?|hapi)\b",
    re.IGNORECASE,
)
# an SDK client built with a key whose class another module of the tree
# re-exports (``from app.sdk import HubSpot``: no SDK import here)
_SDK_CLIENT_WITH_KEY = re.compile(
    rb"\b(?:HubSpot|Hubspot3|HubSpot3|Client\.create)\s*\([^()]*\bapi_key\s*="
)
# Other languages: SDK clients and key entries name HubSpot and a key, whatever the
# case of either (plain byte scans, like _GATES)
_HUBSPOT = (b"ubspot", b"ubSpot", b"UBSPOT")  # hubspot, Hubspot, HubSpot, HUBSPOT
_SHORT_NAMES = (b"HS_API", b"hs_api", b"HS_KEY", b"hs_key", b"hsApi", b"HAPI_KEY",
                b"hapi_key")  # fmt: skip
_KEY_WORDS = (b"key", b"Key", b"KEY")
_LOWERED_GATES = (b"hapi", b"ubspot", b"hubapi")  # all of the above, lowered
# What a top-level statement must mention to matter to the codemod (slicing).
STATEMENT_SEED = re.compile(SPLIT_KEY + rb"|hubspot|hubapi|\bhapi\b", re.IGNORECASE)
# ... and to matter to the lifecycle of its calls (report, check, --modernize)
CALL_SEED = re.compile(
    SPLIT_KEY + rb"|hubspot|hubapi|\bhapi\b|/(?:v[1-4]|\d{4}-\d{2})(?:/|[\"'])",
    re.IGNORECASE,
)


def is_python(path: str) -> bool:
    """A ``.py``/``.pyw`` file, or a script without an extension whose ``#!``
    line runs Python (``bin/sync-contacts``)."""
    if path.endswith(PYTHON_SUFFIXES):
        return True
    name = os.path.basename(path)
    return "." not in name and _python_script(path)


@functools.lru_cache(maxsize=4096)
def _python_script(path: str) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # a FIFO would wait for a writer forever
        with open(path, "rb") as handle:
            first = handle.readline(256)
    except OSError:
        return False
    return _PYTHON_SHEBANG.match(first) is not None


_PYTHON_SHEBANG = re.compile(rb"#![^\n]*\bpython(?:[\d.]*)?\b")


def is_notebook(path: str) -> bool:
    return path.endswith(NOTEBOOK_SUFFIX)


def may_hold_site(path: str, data: bytes) -> bool:
    """Whether the file at ``path`` with bytes ``data`` may hold a site."""
    if is_notebook(path) and b"output_type" in data and names_hubspot_key(data):
        return True  # its saved outputs may show the key (python.notebook_outputs)
    if is_python(path) or is_notebook(path):
        return may_hold_python_site(data)
    return mentions_key(data) or names_hubspot_key(data)


def may_hold_python_site(data: bytes) -> bool:
    # every word below (hapi, Hapi, HAPI, hubspot, hubapi, api.hubspot and the
    # spellings of HubSpot) holds one of these once lowered: one pass to lower
    # and three scans instead of nine scans of a file that holds none of them
    lowered = data.lower()
    if not any(word in lowered for word in _LOWERED_GATES):
        # "?hap" + "ikey=": any split of it in two keeps "hap" or "ikey" whole
        return (b"hap" in lowered or b"ikey" in lowered) and split_key(data)
    return may_hold_key_site(data) or calls_hubspot_api(data)


def may_hold_key_site(data: bytes) -> bool:
    """A Python file that may use a key: says ``hapikey`` or imports an SDK."""
    if any(gate in data for gate in _GATES) and (
        mentions_key(data) or _SDK_IMPORT.search(data) is not None
    ):
        return True
    if b"api_key" in data and _SDK_CLIENT_WITH_KEY.search(data) is not None:
        return True
    return split_key(data)


def split_key(data: bytes) -> bool:
    """Whether ``data`` spells hapikey in pieces Python joins (``"?hap" +
    "ikey="``: :mod:`hapimigrate.python.split_keys`)."""
    return any(len(m.group(0)) > len(b"hapikey") for m in _SPLIT_KEY.finditer(data))


def calls_hubspot_api(data: bytes) -> bool:
    """A Python file that may call HubSpot's API, with or without a key."""
    if any(gate in data for gate in _API_GATES) and _API_HOST.search(data):
        return True
    return any(word in data for word in _HUBSPOT) and bool(_API_PATH.search(data))


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
