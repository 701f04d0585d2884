"""A progress line on stderr for long runs: on a terminal only, never in CI, with
--quiet, or when the output is for machines. Whatever else is printed while the
line shows clears it first (:func:`clear`), so that the line never runs into a
diff or a message."""

from __future__ import annotations

import os
import sys
import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")
_EVERY = 0.1  # seconds between redraws
_ERASE = "\r\033[K"
_showing = False  # a progress line is on the terminal now


def wanted(quiet: bool, machine_output: bool) -> bool:
    return (
        not quiet
        and not machine_output
        and sys.stderr.isatty()
        and not os.environ.get("CI")
    )


def clear() -> None:
    """Erase the progress line, if one shows, before other output."""
    global _showing
    if _showing:
        sys.stderr.write(_ERASE)
        sys.stderr.flush()
        _showing = False


def progress(items: Iterable[T], total: int, enabled: bool) -> Iterator[T]:
    global _showing
    if not enabled:
        yield from items
        return
    shown = 0.0
    done = 0
    try:
        for item in items:
            done += 1
            now = time.monotonic()
            if now - shown >= _EVERY:
                sys.stderr.write(f"\rhapimigrate: {done}/{total} files")
                sys.stderr.flush()
                _showing = True
                shown = now
            yield item
    finally:
        clear()
