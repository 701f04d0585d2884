"""Unified diffs of what a rewrite changes, in git's ``a/`` ``b/`` form."""

from __future__ import annotations

import difflib
import json

import click

from hapimigrate.model import FileResult
from hapimigrate.source import display_text

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(result: FileResult) -> str:
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
