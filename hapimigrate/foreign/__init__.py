"""Front ends for languages other than Python (JavaScript/TypeScript, PHP), on
tree-sitter grammars installed as optional extras (``hapimigrate[js,php]``).

Each language module exposes ``process(path, data, options) -> FileResult`` and
rewrites by byte-range splices on the original text (see :mod:`.splice`). Nothing
here is imported on the Python path: :func:`front_end` imports a language module
only for a file of that language, and only when its grammar is installed.
"""

from __future__ import annotations

import importlib
import importlib.util
import os

# file suffix -> (language module, the grammar package it needs, the extra)
_LANGUAGES = {
    ".js": ("javascript", "tree_sitter_javascript", "js"),
    ".mjs": ("javascript", "tree_sitter_javascript", "js"),
    ".cjs": ("javascript", "tree_sitter_javascript", "js"),
    ".jsx": ("javascript", "tree_sitter_javascript", "js"),
    ".ts": ("javascript", "tree_sitter_typescript", "js"),
    ".tsx": ("javascript", "tree_sitter_typescript", "js"),
    ".mts": ("javascript", "tree_sitter_typescript", "js"),
    ".cts": ("javascript", "tree_sitter_typescript", "js"),
    ".php": ("php", "tree_sitter_php", "php"),
}


def extra_for(path: str) -> str | None:
    """The extra (``js``/``php``) that migrates this file, or None."""
    entry = _LANGUAGES.get(os.path.splitext(path)[1].lower())
    return entry[2] if entry else None


def installed(path: str) -> bool:
    """Whether the grammar for this file's language is installed."""
    entry = _LANGUAGES.get(os.path.splitext(path)[1].lower())
    if entry is None:
        return False
    return (
        importlib.util.find_spec("tree_sitter") is not None
        and importlib.util.find_spec(entry[1]) is not None
    )


def front_end(path: str):
    """The language module that migrates ``path``, or None (not a language of
    ours, or its extra is not installed)."""
    entry = _LANGUAGES.get(os.path.splitext(path)[1].lower())
    if entry is None or not installed(path):
        return None
    return importlib.import_module(f"{__name__}.{entry[0]}")
