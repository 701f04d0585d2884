"""Tasks the tree enqueues: their key parameters stay a person's to migrate.

A task (``@app.task def sync(api_key)``) is called by a worker with what its
producers enqueued. Producers out of the tree are callers out of sight, as for
any function others import: the first pass takes the key parameter as their
credential (sent as their token; the report says callers pass tokens now).
A producer in the tree is not followed, whatever it hands in:
``sync.delay(settings.HUBSPOT_API_KEY)`` in a view, ``send_task("app.tasks.sync",
args=[KEY])``, a beat schedule naming it (``"task": "app.tasks.sync"``), a test
calling it. Such a task's module runs again knowing where it is named, and its
key parameter is manual (:func:`hapimigrate.fixers.attach._enqueued`).

    a carriers step's results -> the tasks taken as callers' credentials
    (FileResult.tasks) -> one read of each other file naming one (its function
    name used other than imported or called with no arguments, or its name in a
    string) -> the step again, with ``RunOptions.enqueued``
"""

from __future__ import annotations

import os
import re
from hapimigrate.model import FileResult, RunOptions
from hapimigrate.name_uses import may_pass_arguments


def enqueued(
    results: list[FileResult], files: list[str], options: RunOptions
) -> tuple[tuple[str, str, str], ...]:
    """The tasks of ``results`` taken as callers' credentials that another file
    names, and where (path, task, "file:line"); those already known left out."""
    known = {(path, name) for path, name, _ in options.enqueued}
    tasks = [
        (r.path, name, names)
        for r in results
        for name, names in r.tasks
        if (r.path, name) not in known
    ]
    return tuple(_named_elsewhere(tasks, files)) if tasks else ()


def _named_elsewhere(
    tasks: list[tuple[str, str, tuple[str, ...]]], files: list[str]
) -> list[tuple[str, str, str]]:
    """(path, task, "file:line") for each task another file names."""
    found: list[tuple[str, str, str]] = []
    texts: dict[str, bytes | None] = {}
    for path, name, registered in tasks:
        quoted = re.compile(
            rb"['\"][\w.:]*\b"
            + re.escape(name.encode())
            + rb"['\"]"
            + b"".join(
                rb"|['\"]" + re.escape(r.encode()) + rb"['\"]" for r in registered
            )
        )
        word = re.compile(rb"\b" + re.escape(name.encode()) + rb"\b")
        for other in files:
            if other == path:
                continue
            if other not in texts:
                texts[other] = _read(other)
            data = texts[other]
            if not data or not word.search(data) and not quoted.search(data):
                continue
            match = quoted.search(data)
            if match is None and not may_pass_arguments(other, data, name):
                continue  # imported, or called with no arguments: hands in no key
            at = match.start() if match is not None else word.search(data).start()
            line = data.count(b"\n", 0, at) + 1
            found.append((path, name, f"{os.path.basename(other)}:{line}"))
            break
    return found


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None
