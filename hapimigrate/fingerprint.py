"""Fingerprints of uses, for baselines and SARIF: stable when lines move (no line
numbers), different when the use or the function or class it sits in changes, and carrying
nothing of a key (key-looking values are masked before hashing)."""

from __future__ import annotations

import hashlib
import re

_MASKS = (
    (re.compile(r"(hapikey\s*[=:]\s*['\"]?)[^&#\"'\s{}%+,)]+", re.I), r"\1***"),
    (
        re.compile(
            r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I
        ),
        "***",
    ),
    (re.compile(r"(api_key\s*=\s*)(['\"])[^'\"]*\2"), r'\1"***"'),
)


def normalized(code: str) -> str:
    for pattern, replacement in _MASKS:
        code = pattern.sub(replacement, code)
    return " ".join(code.split())


def fingerprint(kind: str, enclosing: str, code: str) -> str:
    digest = hashlib.sha256(f"{kind}\0{enclosing}\0{normalized(code)}".encode("utf-8"))
    return digest.hexdigest()[:32]
