"""The one cheap test of "could this file hold a site", on its bytes.

Every stage that skips a file or a statement without parsing it asks here, so the
stages cannot disagree. A Python file or notebook can hold a site when it says
``hapikey`` (any case) or imports a HubSpot SDK (hubspot-api-client, hubspot3,
hapipy); a file of another language when it says ``hapikey``.
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
    return mentions_key(data)


def may_hold_python_site(data: bytes) -> bool:
    if not any(gate in data for gate in _GATES):
        return False
    return mentions_key(data) or _SDK_IMPORT.search(data) is not None


def mentions_key(data: bytes) -> bool:
    if b"hapikey" in data:
        return True
    return any(gate in data for gate in _GATES[:3]) and _KEY.search(data) is not None
