"""One file in, one :class:`FileResult` out; and the pool that runs it over many.

    read -> prefilter -> parse -> fixers (find + record edits) -> apply edits
         -> add imports -> check the new code parses -> FileResult

Nothing here writes files or prints: the commands decide what to do with results.
"""

from __future__ import annotations

import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

from hapimigrate import discover, notebooks, textscan
from hapimigrate.model import FileResult, Status
from hapimigrate.providers import TokenProvider

# Below this many candidate files a pool costs more than it saves.
POOL_THRESHOLD = 16


@dataclass(frozen=True)
class Job:
    provider: TokenProvider
    verbose: bool = False
    scan_text: bool = False  # check: also non-Python files, and uses the codemod misses
    strict: bool = False  # check --strict: uses in comments and docstrings count too
    protected: frozenset[str] = frozenset()  # key names other modules read
    remove_dead_keys: bool = True  # off for notebook cells, which share their names


def process_file(path: str, job: Job) -> FileResult:
    """Read, migrate and describe one file. Never raises for bad input."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return FileResult(path, error=f"cannot read: {error.strerror or error}")
    try:
        if path.endswith(".ipynb"):
            return notebooks.process_notebook(path, data, job)
        if not path.endswith(discover.PYTHON_SUFFIXES):
            return _text_file(path, data, job)
        if not discover.may_hold_site(data):
            return FileResult(path)
        from hapimigrate.codemod import process_source  # LibCST only when needed

        return process_source(path, data, job)
    except RecursionError:
        return unparsed(path, data, "too deeply nested to parse", job)
    except Exception as error:  # a bug of ours must not stop the run
        detail = (
            traceback.format_exc()
            if job.verbose
            else f"{type(error).__name__}: {error}"
        )
        return FileResult(path, original=data, error=f"internal error: {detail}")


def unparsed(path: str, data: bytes, reason: str, job: Job) -> FileResult:
    """A Python file LibCST cannot take: its uses, found by the text scanner."""
    text = data.decode("utf-8", errors="replace")
    sites = textscan.text_sites(
        path, text, textscan.HASH, Status.UNPARSED, reason, strict=job.strict
    )
    return FileResult(path, tuple(sites), original=data)


def _text_file(path: str, data: bytes, job: Job) -> FileResult:
    """A file that is not Python: only ``check`` looks inside."""
    syntax = textscan.family(path)
    if not job.scan_text or syntax is None or b"hapikey" not in data.lower():
        return FileResult(path)
    if b"\0" in data:
        return FileResult(path)  # binary
    text = data.decode("utf-8", errors="replace")
    reason = "not Python: migrate by hand to an Authorization: Bearer header"
    sites = textscan.text_sites(
        path, text, syntax, Status.MANUAL, reason, strict=job.strict
    )
    return FileResult(path, tuple(sites), original=data)


def process_files(
    paths: Iterable[str], job: Job, jobs: int | None = None
) -> Iterator[FileResult]:
    """A result per path: files that cannot hold a site first (one cheap read and
    a regular expression, here), then the candidates in the order of ``paths``,
    in a process pool when there are enough of them to pay for it."""
    candidates = []
    for path in paths:
        if _candidate(path, job):
            candidates.append(path)
        else:
            yield FileResult(path)
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(candidates) < POOL_THRESHOLD:
        for path in candidates:
            yield process_file(path, job)
        return
    workers = min(workers, len(candidates))
    chunksize = max(1, len(candidates) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(
            process_file, candidates, [job] * len(candidates), chunksize=chunksize
        )


def _candidate(path: str, job: Job) -> bool:
    """Whether a file may hold a site; unreadable files are candidates, so that
    process_file reports them."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return True
    if path.endswith(discover.PYTHON_SUFFIXES):
        return discover.may_hold_site(data)
    return b"hapikey" in data.lower() or (
        path.endswith(".ipynb") and b"api_key" in data
    )
