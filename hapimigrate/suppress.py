"""Suppressions: ``# hapimigrate: ignore`` or ``# noqa: HM001`` on the line of a
use (in any comment syntax), ``hapimigrate: file-ignore`` anywhere in a file.

``check`` drops suppressed findings (:func:`unsuppressed`); ``diff`` and ``apply``
do not rewrite them (:func:`honour`). A file's edits are planned together (the
header on the request, the import, a key definition that goes), so they cannot be
told apart per site here: a file with a suppressed site that would be rewritten is
left exactly as it is, and its other rewrites become ``manual``, saying why.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from hapimigrate.model import FileResult, Kind, Site, Status
from hapimigrate.rules import rule_id

_IGNORE = re.compile(r"hapimigrate:\s*ignore\b")
_FILE_IGNORE = re.compile(r"hapimigrate:\s*file-ignore\b")
_NOQA = re.compile(r"noqa:\s*([A-Z]+[0-9]+(?:\s*,\s*[A-Z]+[0-9]+)*)")
COMMENT = "# hapimigrate: ignore"


def unsuppressed(sites: tuple[Site, ...], text: str) -> list[Site]:
    if _FILE_IGNORE.search(text):
        return []
    lines = text.splitlines()
    return [site for site in sites if not _is_suppressed(site, lines)]


@dataclass(frozen=True)
class Honoured:
    """A result with its suppressions honoured: ``result`` holds the sites left
    (and no new bytes when a suppressed rewrite holds the file back);
    ``suppressed`` the sites the comments silence."""

    result: FileResult
    suppressed: tuple[Site, ...] = ()


def honour(result: FileResult) -> Honoured:
    """``result`` as ``diff`` and ``apply`` must treat it: suppressed sites are
    not rewritten, nor counted."""
    if not result.sites or result.original is None:
        return Honoured(result)
    text = result.original.decode(result.encoding, errors="replace")
    if _FILE_IGNORE.search(text):
        return Honoured(
            dataclasses.replace(result, sites=(), new=None), tuple(result.sites)
        )
    lines = text.splitlines()
    suppressed = tuple(s for s in result.sites if _is_suppressed(s, lines))
    if not suppressed:
        return Honoured(result)
    left = tuple(s for s in result.sites if s not in suppressed)
    holding = [s for s in suppressed if s.status == Status.REWRITE]
    if not holding or not result.changed:
        return Honoured(dataclasses.replace(result, sites=left), suppressed)
    where = ", ".join(sorted({str(s.line) for s in holding}, key=int))
    reason = (
        f"not rewritten: line {where} of this file is suppressed ({COMMENT} or "
        f"noqa), and a file's edits go together; migrate by hand or drop the comment"
    )
    held = tuple(
        (
            dataclasses.replace(s, status=Status.MANUAL, reason=reason)
            if s.status == Status.REWRITE
            else s
        )
        for s in left
    )
    return Honoured(dataclasses.replace(result, sites=held, new=None), suppressed)


def _is_suppressed(site: Site, lines: list[str]) -> bool:
    span = lines[site.line - 1 : site.end_line] if site.line <= len(lines) else []
    # a versioned path (--modernize) is no rule's finding: only "ignore" silences it
    rule = rule_id(site) if site.kind != Kind.VERSION else None
    return any(_suppresses(line, rule) for line in span)


def _suppresses(line: str, rule: str | None) -> bool:
    if _IGNORE.search(line):
        return True
    match = _NOQA.search(line)
    return (
        bool(match)
        and rule is not None
        and rule in re.split(r"\s*,\s*", match.group(1))
    )
