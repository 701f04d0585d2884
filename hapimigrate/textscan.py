"""Finding hapikey uses in text: files hapimigrate cannot rewrite (JavaScript,
shell, PHP, Ruby, configuration, ``.env``, templates) and Python that does not parse.

A use is ``hapikey`` followed by ``=`` or ``:`` (a URL parameter, an object or
mapping key, a configuration entry). Uses inside comments are marked, for
``check --strict``; a literal value that looks like a key marks a hard-coded key.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Iterator

from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import FileResult, Kind, RunOptions, Site, Status

USE = re.compile(
    r"(?<![A-Za-z0-9])hapikey['\"]?\s*[=:]|(?<=['\"])hapikey['\"]\s*,", re.I
)
_LITERAL_VALUE = re.compile(r"\s*['\"]?([A-Za-z0-9-]{8,})(?=$|['\"`&#\s,;)}\]])")

HASH, SLASH, MARKUP, NONE = "hash", "slash", "markup", "none"
FAMILIES = {
    **dict.fromkeys((".py", ".pyw", ".pyi", ".sh", ".bash", ".zsh", ".rb", ".yml", ".yaml",
                     ".toml", ".ini", ".cfg", ".conf", ".env", ".properties", ".pl", ".r"), HASH),
    **dict.fromkeys((".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".php", ".java", ".go",
                     ".cs", ".kt", ".swift", ".scala", ".rs", ".c", ".cpp", ".h"), SLASH),
    **dict.fromkeys((".html", ".htm", ".xml", ".vue", ".svelte", ".jinja", ".jinja2", ".j2",
                     ".tmpl", ".tpl", ".erb", ".twig", ".hbs", ".mustache", ".liquid"), MARKUP),
    **dict.fromkeys((".json",), NONE),
}  # fmt: skip


@dataclass(frozen=True)
class TextUse:
    line: int
    column: int  # 1-based
    end_column: int
    in_comment: bool
    hardcoded: bool
    code: str  # the line, for the fingerprint


def family(path: str) -> str | None:
    """The comment syntax of a scannable file, or None for a file not scanned."""
    name = os.path.basename(path).lower()
    if name == ".env" or name.startswith(".env.") or name.endswith(".env"):
        return HASH
    return FAMILIES.get(os.path.splitext(name)[1])


def scan(text: str, syntax: str) -> Iterator[TextUse]:
    in_block = False
    for number, line in enumerate(text.splitlines(), start=1):
        comment_from, in_block = _comment_start(line, syntax, in_block)
        for match in USE.finditer(line):
            value = _LITERAL_VALUE.match(line, match.end())
            yield TextUse(
                number,
                match.start() + 1,
                match.start() + 8,
                match.start() >= comment_from,
                value is not None and any(c.isdigit() for c in value.group(1)),
                line,
            )


def _comment_start(line: str, syntax: str, in_block: bool) -> tuple[int, bool]:
    """Where the comment on a line starts (len(line) + 1: none), and whether a
    block comment is still open after it."""
    none = len(line) + 1
    if syntax == MARKUP:
        opens, closes = "<!--", "-->"
    elif syntax == SLASH:
        opens, closes = "/*", "*/"
    else:
        opens = closes = ""
    if in_block:
        end = line.find(closes)
        return (0, True) if end < 0 else (0, False)  # a use on a closing line: comment
    if syntax == HASH:
        return _outside_strings(line, "#"), False
    if syntax == SLASH:
        line_comment = _outside_strings(line, "//", not_after=":")
        block = _outside_strings(line, "/*")
        if block < line_comment:
            return block, line.find("*/", block + 2) < 0
        stripped = line.lstrip()
        if stripped.startswith("*"):
            return len(line) - len(stripped), False
        return line_comment, False
    if syntax == MARKUP:
        start = line.find(opens)
        if start >= 0:
            return start, line.find(closes, start + 4) < 0
    return none, False


def _outside_strings(line: str, marker: str, not_after: str = "") -> int:
    """The first ``marker`` not inside a quoted string (len(line) + 1 if none)."""
    quote = None
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                quote = None
        elif char in "'\"`":
            quote = char
        elif line.startswith(marker, index) and not (
            not_after and index and line[index - 1] in not_after
        ):
            return index
        index += 1
    return len(line) + 1


def text_sites(
    path: str,
    text: str,
    syntax: str,
    status: Status,
    reason: str,
    *,
    strict: bool = False,
    covered: set[int] = frozenset(),  # type: ignore[assignment]
    prose: set[int] = frozenset(),  # type: ignore[assignment]
    python: bool = False,
) -> list[Site]:
    """Sites for the uses found in text. ``covered``: lines a parsed site already
    reports; ``prose``: docstring lines; ``python``: rule by the kind of use
    rather than HM005 (uses in Python the codemod does not recognise)."""
    sites = []
    for use in scan(text, syntax):
        if use.line in covered:
            continue
        in_comment = use.in_comment or use.line in prose
        if in_comment and not strict:
            continue
        kind = Kind.TEXT
        if python:
            before = use.code[use.column - 2 : use.column - 1]
            kind = Kind.URL if before in ("?", "&") else Kind.PARAMS
        sites.append(
            Site(
                path,
                use.line,
                use.column,
                use.line,
                use.end_column,
                kind,
                status,
                "in a comment or docstring" if in_comment else reason,
                hardcoded_key=use.hardcoded,
                fingerprint=fingerprint(kind.value, "", use.code),
                in_comment=in_comment,
            )
        )
    return sites


def unparsed(path: str, data: bytes, reason: str, options: RunOptions) -> FileResult:
    """A Python file LibCST cannot take: its uses, found in its text."""
    text = data.decode("utf-8", errors="replace")
    sites = text_sites(path, text, HASH, Status.UNPARSED, reason, strict=options.strict)
    return FileResult(path, tuple(sites), original=data)
