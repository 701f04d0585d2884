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
from hapimigrate.tree_imports import tree_root


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
    """(path, task, "file:line") for each task a file of the project names: the
    run's files and every other file of the project's folder (a run on some
    files does not see the producers; a schedule may be YAML, JSON, a crontab);
    its own module, by a string away from its decorators (a beat schedule
    naming ``worker.tasks.sync``)."""
    found: list[tuple[str, str, str]] = []
    candidates = list(
        dict.fromkeys(os.path.abspath(f) for f in [*files, *_project_files(files)])
    )
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
        word = re.compile(
            b"|".join(
                rb"\b" + re.escape(n.encode()) + rb"\b" for n in (name, *registered)
            )
        )
        for other in candidates:
            if other not in texts:
                texts[other] = _read(other)
            data = texts[other]
            if not data:
                continue
            computed = _COMPUTED.search(data) if other.endswith(_PYTHON) else None
            if computed is not None:  # send_task(f"...{kind}"): any task, perhaps
                line = data.count(b"\n", 0, computed.start()) + 1
                found.append((path, name, f"{os.path.basename(other)}:{line}"))
                break
            if not word.search(data):
                continue
            own = other == os.path.abspath(path)
            at = _named_at(own, other, data, name, quoted, word)
            if at is not None:
                line = data.count(b"\n", 0, at) + 1
                found.append((path, name, f"{os.path.basename(other)}:{line}"))
                break
    return found


def _named_at(
    own: bool,
    path: str,
    data: bytes,
    name: str,
    quoted: re.Pattern[bytes],
    word: re.Pattern[bytes],
) -> int | None:
    """Where a file names the task so that it may hand it arguments."""
    if own:  # a string of its own module, not on a decorator's line
        for match in quoted.finditer(data):
            start = data.rfind(b"\n", 0, match.start()) + 1
            if not data[start : match.start()].lstrip().startswith(b"@"):
                return match.start()
        return None
    if not path.endswith((".py", ".pyw", ".ipynb")):
        return word.search(data).start()  # a schedule, a crontab, a script
    match = quoted.search(data)
    if match is not None:
        return match.start()
    if may_pass_arguments(path, data, name):
        for match in word.finditer(data):  # the first use not an import
            start = data.rfind(b"\n", 0, match.start()) + 1
            if not re.match(rb"\s*(?:from|import)\b", data[start : match.start()]):
                return match.start()
        return word.search(data).start()
    return None  # imported, or called with no arguments: hands in no key


_PYTHON = (".py", ".pyw", ".ipynb")
# a producer choosing the task by a name made at run time: it may be any task
_COMPUTED = re.compile(
    rb"""\b(?:send_task|enqueue|enqueue_call)\(\s*(?!['"]|\))"""
    rb"""|\.tasks\[|\bgetattr\([^()\n]*\)\s*\.\s*(?:delay|apply_async|s|si|send)\b"""
)
# what a project keeps its schedules and scripts in, besides Python
_TEXT = (
    ".py", ".pyw", ".ipynb", ".yaml", ".yml", ".json", ".toml", ".ini", ".cfg",
    ".conf", ".sh", ".bash", ".env", ".txt",
)  # fmt: skip
_PLAIN = {"Procfile", "crontab", "Makefile", "Dockerfile"}
_SKIP = {"node_modules", "__pycache__", "site-packages", "venv", "env", "build", "dist"}
_MARKERS = (".git", ".hg", "pyproject.toml", "setup.py", "setup.cfg", "manage.py")
_LARGEST = 2 << 20


def _project_files(files: list[str]) -> list[str]:
    """The text files of the project the run's files belong to: below the
    nearest folder holding ``.git``, a ``pyproject.toml``, ``setup.py``...
    (else the folder the run's files share)."""
    root = tree_root(files)
    folder = root
    while folder:
        if any(os.path.exists(os.path.join(folder, m)) for m in _MARKERS):
            root = folder
            break
        parent = os.path.dirname(folder)
        folder = parent if parent != folder else ""
    found = []
    for top, folders, names in os.walk(root or "."):
        folders[:] = [f for f in folders if not f.startswith(".") and f not in _SKIP]
        for each in names:
            if not (each.endswith(_TEXT) or each in _PLAIN):
                continue
            path = os.path.join(top, each)
            try:
                if os.path.getsize(path) <= _LARGEST:
                    found.append(path)
            except OSError:
                continue
    return found


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None
