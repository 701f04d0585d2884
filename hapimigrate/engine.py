"""One file in, one :class:`FileResult` out; and the pool that runs it over many.

    read -> prefilter -> parse -> fixers (find + record edits) -> apply edits
         -> add imports -> check the new code parses -> FileResult

Nothing here writes files or prints: the commands decide what to do with results.
"""

from __future__ import annotations

import os
import re
import traceback
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Iterable, Iterator

import libcst as cst

from hapimigrate import discover, fixers
from hapimigrate.context import ModuleContext
from hapimigrate.edits import EditApplier
from hapimigrate.imports import add_imports
from hapimigrate.model import FileResult, Kind, Site, Status
from hapimigrate.providers import TokenProvider

_KEY_LINE = re.compile(rb"hapikey")
# Below this many candidate files a pool costs more than it saves.
POOL_THRESHOLD = 16


@dataclass(frozen=True)
class Job:
    provider: TokenProvider
    verbose: bool = False


def process_file(path: str, job: Job) -> FileResult:
    """Read, migrate and describe one file. Never raises for bad input."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        return FileResult(path, error=f"cannot read: {error.strerror or error}")
    if not discover.may_hold_site(data):
        return FileResult(path, original=data)
    try:
        return process_source(path, data, job)
    except RecursionError:
        return _unparsed(path, data, "too deeply nested to parse")
    except Exception as error:  # a bug of ours must not stop the run
        detail = (
            traceback.format_exc()
            if job.verbose
            else f"{type(error).__name__}: {error}"
        )
        return FileResult(path, original=data, error=f"internal error: {detail}")


def process_source(path: str, data: bytes, job: Job) -> FileResult:
    try:
        module = cst.parse_module(data)
    except cst.ParserSyntaxError as error:
        where = f"near line {error.editor_line}"
        return _unparsed(
            path, data, f"does not parse (Python 2 or a syntax error {where})"
        )
    except (UnicodeDecodeError, LookupError, SyntaxError) as error:
        return _unparsed(path, data, f"cannot be decoded: {error}")
    if module.bytes != data:
        return _unparsed(path, data, "LibCST cannot reproduce this file byte for byte")
    ctx = ModuleContext(path, module, job.provider)
    fixers.run(ctx)
    sites = tuple(sorted(ctx.sites, key=lambda s: (s.line, s.column)))
    if not ctx.edits:
        return FileResult(path, sites, original=data, encoding=module.encoding)
    new_module = ctx.module.visit(EditApplier(ctx.edits))
    new_module = add_imports(new_module, ctx.imports)
    new = new_module.bytes
    try:
        cst.parse_module(new)
    except cst.ParserSyntaxError as error:  # never hand back code that does not parse
        return FileResult(
            path,
            sites,
            original=data,
            error=f"internal error: the rewrite does not parse ({error.message})",
        )
    return FileResult(path, sites, original=data, new=new, encoding=module.encoding)


def _unparsed(path: str, data: bytes, reason: str) -> FileResult:
    sites = []
    for number, line in enumerate(data.splitlines(), start=1):
        for match in _KEY_LINE.finditer(line):
            column = match.start() + 1
            sites.append(
                Site(
                    path,
                    number,
                    column,
                    number,
                    column + 7,
                    Kind.TEXT,
                    Status.UNPARSED,
                    reason,
                )
            )
    return FileResult(path, tuple(sites), original=data)


def process_files(
    paths: Iterable[str], job: Job, jobs: int | None = None
) -> Iterator[FileResult]:
    """Results in the order of ``paths``; a process pool when it pays."""
    paths = list(paths)
    workers = jobs or os.cpu_count() or 1
    if workers <= 1 or len(paths) < POOL_THRESHOLD:
        for path in paths:
            yield process_file(path, job)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(process_file, paths, [job] * len(paths), chunksize=8)
