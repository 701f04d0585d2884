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
    (FileResult.tasks) not looked for yet -> one read of each file of the
    project (a mention, a registered name, a task chosen at run time) -> the
    step again, with ``RunOptions.enqueued``
"""

from __future__ import annotations

import ast
import os
import re
import stat
from hapimigrate.model import FileResult, RunOptions
from hapimigrate.discover import every_file
from hapimigrate.tree_imports import read, tree_root


def enqueued(
    results: list[FileResult],
    files: list[str],
    options: RunOptions,
    searched: dict[tuple[str, str], str | None],
) -> tuple[tuple[str, str, str], ...]:
    """The tasks of ``results`` taken as callers' credentials that a file of
    the project names, and where (path, task, "file:line"). ``searched`` is the
    run's memory of the tasks looked for already (the carriers step runs again
    and again): each is looked for once, the project read once for them."""
    tasks = [
        (r.path, name, names)
        for r in results
        for name, names in r.tasks
        if (r.path, name) not in searched
    ]
    plain = [
        (r.path, name)
        for r in results
        for name in r.callables
        if (r.path, name) not in searched
    ]
    if not tasks and not plain:
        return ()
    searched.update(_named_elsewhere(tasks, files))
    searched.update(_named_by_path(plain, files))
    return tuple(
        (path, name, searched[path, name])  # type: ignore[misc]
        for path, name, *_ in (*tasks, *plain)
        if searched[path, name] is not None
    )


def _named_elsewhere(
    tasks: list[tuple[str, str, tuple[str, ...]]], files: list[str]
) -> dict[tuple[str, str], str | None]:
    """(path, task) -> "file:line" where the project may enqueue the task, or
    None: any file of the project's folder (the run's and the others: a run on
    some files does not see the producers; a schedule may be YAML, a crontab,
    a template, a shell script) that mentions its name or registered name
    other than by importing it or calling it with no arguments, its own module
    mentioning it other than by defining or calling it (``f"{__name__}.sync"``,
    ``sync.delay``), or any file choosing a task by a name made at run time
    (``send_task("a." + kind)``, ``getattr(tasks, name)``)."""
    found: dict[tuple[str, str], str | None] = {}
    candidates = list(
        dict.fromkeys(os.path.abspath(f) for f in [*files, *_project_files(files)])
    )
    patterns = {}
    for path, name, registered in tasks:
        found[path, name] = None
        word = re.compile(
            b"|".join(
                rb"(?<![\w])" + re.escape(n.encode()) + rb"(?![\w])"
                for n in (name, *registered)
            )
        )
        stem = os.path.splitext(os.path.basename(path))[0]
        computed = re.compile(
            _COMPUTED
            + rb"|\b(?:getattr|dir|vars)\(\s*(?:\w+\.)*"
            + re.escape(stem.encode())
            + rb"\b"
        )
        patterns[path, name] = (os.path.abspath(path), word, computed)
    for other in candidates:  # each file read once, kept for no longer
        data = read(other)
        if not data:
            continue
        for key, (own_path, word, computed) in patterns.items():
            if found[key] is not None:
                continue  # named in a file met earlier
            chosen = computed.search(data)
            at = chosen.start() if chosen is not None else None
            if at is None and word.search(data):
                at = _named_at(other == own_path, other, data, word)
            if at is not None:
                line = data.count(b"\n", 0, at) + 1
                found[key] = f"{os.path.basename(other)}:{line}"
        if all(v is not None for v in found.values()):
            break
    return found


def _named_by_path(
    functions: list[tuple[str, str]], files: list[str]
) -> dict[tuple[str, str], str | None]:
    """(path, function) -> "file:line" where the project names a plain function
    by its dotted path, or None. Such a function's callers in Python are
    followed as any function's; a job queue or a scheduler calls it by its
    path instead, with what it is handed there (``q.enqueue("pkg.jobs.sync",
    KEY)``, ``func: pkg.jobs:sync`` in a YAML schedule, ``add_job("pkg.jobs:sync",
    args=[KEY])``, ``f"{__name__}.sync"``, ``"pkg.sync"`` re-exported by the
    package): in a string of a Python file, or anywhere in another file. A
    string naming its module where a module is imported by name
    (``getattr(import_module("pkg.jobs"), name)``) names every function of it."""
    found: dict[tuple[str, str], str | None] = dict.fromkeys(functions)
    if not functions:
        return found
    candidates = list(
        dict.fromkeys(os.path.abspath(f) for f in [*files, *_project_files(files)])
    )
    patterns = {}
    for path, name in functions:
        owners = b"|".join(
            re.escape(o.encode()) for o in sorted(_owner_names(path), key=len)[::-1]
        )
        word = re.escape(name.encode())
        dotted = re.compile(
            rb"(?<![\w.])(?:" + owners + rb")[.:]" + word
            + rb"(?![\w])|__(?:name|package)__\W{0,8}[.:](?:\w+\.)*" + word
            + rb"(?![\w])"
        )  # fmt: skip
        whole = re.escape(_dotted(path).encode())
        module = re.compile(rb"""['"]""" + whole + rb"""['"]""")
        # f"pkg.jobs.{job}", "pkg.jobs." + job, "pkg.jobs:%s" % job: any function
        dotted = re.compile(
            dotted.pattern
            + rb"""|['"]""" + whole + rb"""[.:](?:\{|%[sr]|['"]\s*\+)"""
        )  # fmt: skip
        patterns[path, name] = (name.encode(), _dotted(path).encode(), dotted, module)
    for other in candidates:  # each file read once, kept for no longer
        data = read(other)
        for key, (name, whole, dotted, module) in patterns.items():
            if found[key] is not None or (name not in data and whole not in data):
                continue
            at = _path_mention(other, data, dotted, module)
            if at is not None:
                line = data.count(b"\n", 0, at) + 1
                found[key] = f"{os.path.basename(other)}:{line}"
        if all(v is not None for v in found.values()):
            break
    return found


def _owner_names(path: str) -> list[str]:
    """The import paths a queue may give a function of ``path`` before its own
    name: its module's whole dotted path (``pkg.jobs``), and each package's
    holding it (``pkg``, a re-export). Whole paths only: ``jobs.sync`` in a
    README is not ``pkg.jobs.sync``."""
    dotted = _dotted(path).split(".")
    return [".".join(dotted[:n]) for n in range(1, len(dotted) + 1)]


def _dotted(path: str) -> str:
    """``pkg.jobs`` of ``.../pkg/jobs.py`` (``pkg`` of ``pkg/__init__.py``)."""
    folder = os.path.dirname(os.path.abspath(path))
    stem = os.path.splitext(os.path.basename(path))[0]
    parts = [] if stem == "__init__" else [stem]
    while os.path.exists(os.path.join(folder, "__init__.py")):
        parts.insert(0, os.path.basename(folder))
        folder = os.path.dirname(folder)
    return ".".join(parts) or stem


_IMPORT_BY_NAME = re.compile(rb"\b(?:import_module|__import__|import_string|locate)\(")


def _path_mention(
    path: str, data: bytes, dotted: re.Pattern[bytes], module: re.Pattern[bytes]
) -> int | None:
    """Where ``data`` names the function by its path: anywhere in a file that
    is not Python; in a Python file, inside a string (``jobs.sync(token)`` in
    code is a call, followed), or its module's name as a whole string in a file
    importing modules by name."""
    if not data:
        return None
    matches = [m.start() for m in dotted.finditer(data)]
    if _IMPORT_BY_NAME.search(data):
        matches += [m.start() + 1 for m in module.finditer(data)]
    if not matches or not path.endswith(_PYTHON):
        return min(matches, default=None)
    strings = _string_spans(data)
    if strings is None:  # not Python 3 (a Python 2 script): any mention
        return min(matches)
    inside = [at for at in matches if any(a <= at < b for a, b in strings)]
    return min(inside, default=None)


def _string_spans(data: bytes) -> list[tuple[int, int]] | None:
    """The byte ranges of the string literals of Python source (None where it
    does not parse)."""
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError):
        return None
    starts = [0]
    for line in data.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) or (
            isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes))
        ):
            if node.end_lineno is None or node.end_col_offset is None:
                continue
            spans.append(
                (
                    starts[node.lineno - 1] + node.col_offset,
                    starts[node.end_lineno - 1] + node.end_col_offset,
                )
            )
    return spans


def _named_at(own: bool, path: str, data: bytes, word: re.Pattern[bytes]) -> int | None:
    """Where a file mentions the task so that it may enqueue it: a Python
    file, other than by importing it or calling it with no arguments; its own
    module, by its attribute (``sync.delay``) or a string naming it
    (``"worker.tasks.sync"``, ``f"{__name__}.sync"``, ``"sync"``); any other
    file, by its dotted path or its name quoted (a URL's path segment
    ``/deals/`` is not it)."""
    python = path.endswith(_PYTHON)
    for match in word.finditer(data):
        start = data.rfind(b"\n", 0, match.start()) + 1
        before = data[start : match.start()]
        after = data[match.end() : match.end() + 80]
        if before.endswith((b"/", b"-")) or after.startswith((b"/", b"-")):
            continue  # a URL's path segment, a word of a name
        named = re.search(rb"[\w}][.:]$", before) or (
            before.endswith((b'"', b"'")) and after[:1] in (b'"', b"'")
        )
        if own:
            if before.lstrip().startswith(b"@"):
                continue  # its decorator, naming it
            if named or re.match(rb"\s*\.\s*\w", after):
                return match.start()
            continue  # its definition, decorator, direct calls: followed
        if not python:
            if named:
                return match.start()
            continue
        if re.match(rb"\s*(?:from|import)\b", before):
            continue  # an import
        if re.search(rb"\b(?:def|class)\s+$", before):
            continue  # a definition of its own
        if re.match(rb"\s*\(\s*\)", after):
            continue  # called with no arguments: hands in no key
        return match.start()
    return None


_PYTHON = (".py", ".pyw", ".ipynb")
# a producer choosing the task by a name made at run time: it may be any task
# (the first argument anything but one string literal)
_COMPUTED = (
    rb"""\b(?:send_task|signature|subtask|Signature|enqueue\w*|import_string|"""
    rb"""import_module)\(\s*(?!['"][^'"\n]*['"]\s*[,)])"""
    rb"""|\.tasks\s*(?:\[|\.get\()"""
    # a task found at run time, enqueued: registry[path].delay, locate(p).delay
    rb"""|[)\]]\s*\.\s*(?:delay|apply_async|s|si|send|send_with_options)\("""
)
_REPOSITORY = (".git", ".hg", ".svn")
_MARKERS = ("pyproject.toml", "setup.py", "setup.cfg", "manage.py")
_LARGEST = 16 << 20
_LARGEST_TEXT = 1 << 20
# files that hold no producer's text: compiled code, archives, media
_NOT_TEXT = (".pyc", ".pyo", ".so", ".dll", ".whl", ".zip", ".gz", ".tar", ".bz2",
             ".xz", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".woff",
             ".woff2", ".ttf", ".mo", ".csv", ".tsv", ".log", ".sql", ".parquet",
             ".xlsx", ".xls", ".db", ".sqlite", ".sqlite3", ".map", ".min.js")  # fmt: skip


def _project_files(files: list[str]) -> list[str]:
    """Every file of the project the run's files belong to: below the folder
    holding ``.git`` (a monorepo's other services may enqueue its tasks), else
    the nearest holding a ``pyproject.toml``, ``setup.py``... (else the folder the run's files share, or the one their package is imported from);
    not a virtual environment's."""
    root = tree_root(files)
    while root and os.path.exists(os.path.join(root, "__init__.py")):
        root = os.path.dirname(root)  # a package's files: from where it is imported
    folder, nearest = root, ""
    while folder:
        if any(os.path.exists(os.path.join(folder, m)) for m in _REPOSITORY):
            root = folder  # a monorepo: a sibling service may enqueue it
            break
        if not nearest and any(
            os.path.exists(os.path.join(folder, m)) for m in _MARKERS
        ):
            nearest = folder
        parent = os.path.dirname(folder)
        folder = parent if parent != folder else ""
    else:
        root = nearest or root
    return [p for p in every_file(root or ".") if _searchable(p)]


def _searchable(path: str) -> bool:
    """A file that may name a task or a job: Python up to 16 MB, other text
    (a schedule, a crontab, a template) up to 1 MB; no data export, archive or
    compiled file."""
    if path.lower().endswith(_NOT_TEXT):
        return False
    try:
        status = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(status.st_mode):
        return False  # a named pipe, a device: reading it would never end
    return status.st_size <= (_LARGEST if path.endswith(_PYTHON) else _LARGEST_TEXT)
