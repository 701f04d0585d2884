"""``check --since REF``: the lines added since a git ref (and untracked files)."""

from __future__ import annotations

import os
import re
import subprocess

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(RuntimeError):
    """git could not answer."""


def _git(*args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], capture_output=True, text=True, check=False
        )
    except OSError as error:
        raise GitError(f"cannot run git: {error}") from error
    if done.returncode != 0:
        raise GitError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def added_lines(ref: str, paths: tuple[str, ...]) -> dict[str, set[int] | None]:
    """Real path -> the added line numbers; None for a file added whole."""
    top = _git("rev-parse", "--show-toplevel").strip()
    added: dict[str, set[int] | None] = {}
    current = None
    diff = _git("diff", "--no-color", "--no-ext-diff", "--unified=0", ref, "--", *paths)
    for line in diff.splitlines():
        if line.startswith("+++ "):
            name = line[4:]
            current = (
                None
                if name == "/dev/null"
                else os.path.realpath(os.path.join(top, name[2:]))
            )
            if current is not None:
                added.setdefault(current, set())
        elif current is not None and (match := _HUNK.match(line)):
            start, count = int(match.group(1)), int(match.group(2) or 1)
            lines = added[current]
            assert lines is not None
            lines.update(range(start, start + count))
    for name in _git(
        "ls-files", "--others", "--exclude-standard", "--full-name", "--", *paths
    ).splitlines():
        added[os.path.realpath(os.path.join(top, name))] = None
    return added


def is_added(added: dict[str, set[int] | None], path: str, line: int) -> bool:
    real = os.path.realpath(path)
    if real not in added:
        return False
    lines = added[real]
    return lines is None or line in lines
