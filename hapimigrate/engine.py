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

import libcst as cst

from hapimigrate import discover, fixers, notebooks, textscan
from hapimigrate.context import ModuleContext
from hapimigrate.edits import EditApplier
from hapimigrate.imports import add_imports
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
            return FileResult(path, original=data)
        return process_source(path, data, job)
    except RecursionError:
        return _unparsed(path, data, "too deeply nested to parse", job)
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
            path, data, f"does not parse (Python 2 or a syntax error {where})", job
        )
    except (UnicodeDecodeError, LookupError, SyntaxError) as error:
        return _unparsed(path, data, f"cannot be decoded: {error}", job)
    if module.bytes != data:
        return _unparsed(
            path, data, "LibCST cannot reproduce this file byte for byte", job
        )
    ctx = ModuleContext(path, module, job.provider)
    fixers.run(ctx)
    sites = ctx.sites
    if job.scan_text:
        covered = {line for s in sites for line in range(s.line, s.end_line + 1)}
        text = data.decode(module.encoding, errors="replace")
        sites = sites + textscan.text_sites(
            path,
            text,
            textscan.HASH,
            Status.MANUAL,
            "a hapikey use the codemod does not recognise",
            strict=job.strict,
            covered=covered,
            prose=ctx.docstring_lines(),
            python=True,
        )
    sites = tuple(sorted(sites, key=lambda s: (s.line, s.column)))
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


def _unparsed(path: str, data: bytes, reason: str, job: Job) -> FileResult:
    text = data.decode("utf-8", errors="replace")
    sites = textscan.text_sites(
        path, text, textscan.HASH, Status.UNPARSED, reason, strict=job.strict
    )
    return FileResult(path, tuple(sites), original=data)


def _text_file(path: str, data: bytes, job: Job) -> FileResult:
    """A file that is not Python: only ``check`` looks inside."""
    syntax = textscan.family(path)
    if not job.scan_text or syntax is None or b"hapikey" not in data.lower():
        return FileResult(path, original=data)
    if b"\0" in data:
        return FileResult(path, original=data)  # binary
    text = data.decode("utf-8", errors="replace")
    reason = "not Python: migrate by hand to an Authorization: Bearer header"
    sites = textscan.text_sites(
        path, text, syntax, Status.MANUAL, reason, strict=job.strict
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
