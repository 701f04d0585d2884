"""Unified diffs of what a rewrite changes, in git's ``a/`` ``b/`` form."""

from __future__ import annotations

import difflib

import click

from hapimigrate.model import FileResult
from hapimigrate.source import display_text

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(result: FileResult) -> str:
    assert result.original is not None and result.new is not None
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
