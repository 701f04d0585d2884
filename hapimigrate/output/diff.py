"""Unified diffs of what a rewrite changes, in git's ``a/`` ``b/`` form."""

from __future__ import annotations

import difflib
import json

import click

from hapimigrate.model import FileResult
from hapimigrate.source import display_text

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(result: FileResult) -> str:
    """The diff as text, for people (review mode); undecodable bytes escaped."""
    assert result.original is not None and result.new is not None
    if result.path.endswith(".ipynb"):
        return _notebook_diff(result)
    before = display_text(result.original, result.encoding).splitlines(keepends=True)
    after = display_text(result.new, result.encoding).splitlines(keepends=True)
    lines = []
    for line in difflib.unified_diff(
        before, after, f"a/{result.path}", f"b/{result.path}", lineterm="\n"
    ):
        lines.append(line)
        if not line.endswith(("\n", "\r")):
            lines.append("\n" + _NO_NEWLINE)
    return "".join(lines)


def patch(result: FileResult) -> bytes:
    """The diff as bytes that ``git apply`` and ``patch`` take: the lines are the
    file's own bytes, in its own encoding (a Latin-1 file's diff is Latin-1, as
    ``git diff`` prints it), split at line endings only."""
    assert result.original is not None and result.new is not None
    if result.path.endswith(".ipynb"):
        return _notebook_diff(result).encode("utf-8")
    name = result.path.encode("utf-8", errors="surrogateescape")
    out = []
    for line in difflib.diff_bytes(
        difflib.unified_diff,
        result.original.splitlines(keepends=True),
        result.new.splitlines(keepends=True),
        b"a/" + name,
        b"b/" + name,
        lineterm=b"\n",
    ):
        out.append(line)
        if not line.endswith((b"\n", b"\r")):
            out.append(b"\n" + _NO_NEWLINE.encode())
    return b"".join(out)


def colored(diff: str) -> str:
    out = []
    for line in diff.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        end = line[len(body) :]
        if line.startswith(("+++", "---")):
            body = click.style(body, bold=True)
        elif line.startswith("+"):
            body = click.style(body, fg="green")
        elif line.startswith("-"):
            body = click.style(body, fg="red")
        elif line.startswith("@@"):
            body = click.style(body, fg="cyan")
        out.append(body + end)
    return "".join(out)


def colored_patch(data: bytes) -> bytes:
    """:func:`colored` for :func:`patch`'s bytes, split at ``\\n`` only (the
    ANSI codes are ASCII; the file's bytes pass untouched)."""
    out = []
    for line in data.split(b"\n"):
        if line.startswith((b"+++", b"---")):
            style = b"\x1b[1m"
        elif line.startswith(b"+"):
            style = b"\x1b[32m"
        elif line.startswith(b"-"):
            style = b"\x1b[31m"
        elif line.startswith(b"@@"):
            style = b"\x1b[36m"
        else:
            out.append(line)
            continue
        body = line.rstrip(b"\r")
        out.append(style + body + b"\x1b[0m" + line[len(body) :])
    return b"\n".join(out)


def _notebook_diff(result: FileResult) -> str:
    """A notebook's diff, cell by cell: ``--- a/nb.ipynb (cell 3)``."""
    assert result.original is not None and result.new is not None
    before = json.loads(result.original)["cells"]
    after = json.loads(result.new)["cells"]
    out = []
    for number, (old, new) in enumerate(zip(before, after), start=1):
        if old.get("source") == new.get("source"):
            continue
        lines = [_cell_lines(old), _cell_lines(new)]
        name = f"{result.path} (cell {number})"
        for line in difflib.unified_diff(
            *lines, f"a/{name}", f"b/{name}", lineterm="\n"
        ):
            out.append(line if line.endswith("\n") else line + "\n" + _NO_NEWLINE)
    return "".join(out)


def _cell_lines(cell: dict) -> list[str]:
    source = cell.get("source", "")
    text = "".join(source) if isinstance(source, list) else source
    return text.splitlines(keepends=True)
