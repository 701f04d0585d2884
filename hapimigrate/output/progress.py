"""A progress line on stderr for long runs: on a terminal only, never in CI, with
--quiet, or when the output is for machines."""

from __future__ import annotations

import os
import sys
import time
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")
_EVERY = 0.1  # seconds between redraws


def wanted(quiet: bool, machine_output: bool) -> bool:
    return (
        not quiet
        and not machine_output
        and sys.stderr.isatty()
        and not os.environ.get("CI")
    )


def progress(items: Iterable[T], total: int, enabled: bool) -> Iterator[T]:
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
                shown = now
            yield item
    finally:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
