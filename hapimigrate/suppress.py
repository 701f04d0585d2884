"""Suppressions: ``# hapimigrate: ignore`` or ``# noqa: HM001`` on the line of a
use (in any comment syntax), ``hapimigrate: file-ignore`` anywhere in a file."""

from __future__ import annotations

import re

from hapimigrate.model import Site
from hapimigrate.rules import rule_for

_IGNORE = re.compile(r"hapimigrate:\s*ignore\b")
_FILE_IGNORE = re.compile(r"hapimigrate:\s*file-ignore\b")
_NOQA = re.compile(r"noqa:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")


def unsuppressed(sites: tuple[Site, ...], text: str) -> list[Site]:
    if _FILE_IGNORE.search(text):
        return []
    lines = text.splitlines()
    kept = []
    for site in sites:
        span = lines[site.line - 1 : site.end_line] if site.line <= len(lines) else []
        if not any(_suppresses(line, rule_for(site).id) for line in span):
            kept.append(site)
    return kept


def _suppresses(line: str, rule: str) -> bool:
    if _IGNORE.search(line):
        return True
    match = _NOQA.search(line)
    return bool(match) and rule in re.split(r"\s*,\s*", match.group(1))
