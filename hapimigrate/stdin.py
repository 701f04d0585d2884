"""Standard input as one file (``hapimigrate diff -``, ``check - --stdin-filename
app/crm.py``), for editors and pipes: the same front ends as a file on disk, fed
the bytes read, writing nothing. The name given (or ``-``) is the path the sites
and the diff show, and picks the front end (Python unless it says otherwise)."""

from __future__ import annotations

import dataclasses
import os
import tempfile
import traceback

from hapimigrate import prefilter, run, textscan
from hapimigrate.model import FileResult, RunOptions, Status

NAME = "-"  # the path shown when no --stdin-filename is given


def process(name: str | None, data: bytes, options: RunOptions) -> FileResult:
    """What ``run.process_file`` gives for a file of this name holding ``data``;
    ``original`` always set (``apply -`` prints it back when nothing changes).
    ``diff -``/``apply -`` also run the tree-wide passes over it, as over a tree
    of that one file (what still reads the old variable, a host the module
    rebinds...), so that a file piped in gets the answer it gets on disk."""
    path = name or NAME
    result = _process(path, data, options)
    if not options.scan_text and (result.changed or result.exports):
        result = _as_a_tree(path, data, options, result)
    if result.original is None:
        return dataclasses.replace(result, original=data)
    return result


def _as_a_tree(
    path: str, data: bytes, options: RunOptions, alone: FileResult
) -> FileResult:
    """The file's result from ``run.results`` on a private folder holding it
    alone, under its own name (``stdin.py`` for ``-``), shown by ``path``."""
    base = os.path.basename(path.replace("\\", "/"))
    if path == NAME:
        base = "stdin.py"
    elif not (prefilter.is_python(base) or prefilter.is_notebook(base)):
        return alone  # a script without an extension: the front end alone
    with tempfile.TemporaryDirectory(prefix="hapimigrate-stdin-") as folder:
        copy = os.path.join(folder, base)
        with open(copy, "wb") as handle:
            handle.write(data)
        (result,) = run.results([copy], options, jobs=1)
    sites = tuple(dataclasses.replace(s, path=path) for s in result.sites)
    return dataclasses.replace(result, path=path, sites=sites, original=data)


def _process(path: str, data: bytes, options: RunOptions) -> FileResult:
    try:
        if prefilter.is_notebook(path):
            if not prefilter.may_hold_site(path, data):
                return FileResult(path, original=data)
            from hapimigrate.python import notebooks

            return notebooks.process_notebook(path, data, options)
        if _python(path):
            if not prefilter.may_hold_python_site(data):
                return FileResult(path, original=data)
            from hapimigrate.python import module

            return module.process_source(path, data, options)
        return _text(path, data, options)
    except RecursionError:
        return textscan.unparsed(path, data, "too deeply nested to parse", options)
    except Exception as error:  # a bug of ours must not stop the run
        detail = (
            traceback.format_exc()
            if options.verbose
            else f"{type(error).__name__}: {error}"
        )
        return FileResult(path, original=data, error=f"internal error: {detail}")


def _python(path: str) -> bool:
    """``-``, a ``.py``/``.pyi`` name, or a name without an extension (a script)."""
    if path == NAME or prefilter.is_python(path):
        return True
    if textscan.family(path) is not None:  # .env, .js, ...
        return False
    return "." not in path.replace("\\", "/").rsplit("/", 1)[-1]


def _text(path: str, data: bytes, options: RunOptions) -> FileResult:
    """Another language: only ``check`` looks inside (as ``run`` does)."""
    syntax = textscan.family(path)
    if not options.scan_text or syntax is None or b"\0" in data:
        return FileResult(path, original=data)
    if not prefilter.may_hold_site(path, data):
        return FileResult(path, original=data)
    text = data.decode("utf-8", errors="replace")
    sites = textscan.text_sites(
        path, text, syntax, Status.MANUAL, run.NOT_PYTHON, strict=options.strict
    )
    return FileResult(path, tuple(sites), original=data)
