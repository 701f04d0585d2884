"""What a module's text says about imports, read without parsing it: the names
other modules import it by, and the words of its import lines. The tree-wide
passes use these to find, among many files, the few that may read a name."""

from __future__ import annotations

import functools
import os
import re
import stat

# a place another module only sets a name (tree_settings.first_reader marks
# it so; python.dead_keys says it is set there, not read)
SET_BY = "set:"


def importable_names(path: str) -> tuple[str, ...]:
    """The names other modules import a module's contents by: its stem and its
    package's (``from crm import Client`` reaches ``crm/hub.py`` through a
    re-export in ``crm/__init__.py``)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    package = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return (package,) if stem == "__init__" else (stem, package)


# an import line; in a notebook's JSON, one opening a quoted source line
_IMPORT_LINE = re.compile(
    rb'^[ \t]*"?(?:from[ \t]+([\w.]+)[ \t]+import\b'
    rb"([ \t]*\([^)]*\)|[^\n#\\]*(?:\\\n[^\n#\\]*)*)"  # ( a,\n b,\n ), a, \\\n b
    rb"|import\b([^\n#\\]*(?:\\\n[^\n#\\]*)*))",
    re.MULTILINE,
)


def imported_names(data: bytes, path: str = "") -> set[bytes]:
    """Every word of a module's import lines: the modules and packages it
    imports from (``from app.settings import KEY`` gives app, settings, KEY);
    with the module's ``path``, also the packages its relative imports name
    (``from . import BaseClient`` in ``app/x.py`` gives app)."""
    words: set[bytes] = set()
    for match in _IMPORT_LINE.finditer(_COMMENT.sub(b"", data)):
        for group in match.groups():
            if group:
                words.update(re.findall(rb"\w+", group))
    if path:
        for dots in _RELATIVE.findall(data):
            folder = os.path.dirname(os.path.abspath(path))
            for _ in range(len(dots) - 1):
                folder = os.path.dirname(folder)
            words.add(os.path.basename(folder).encode())
    return words


_RELATIVE = re.compile(
    rb"^[ \t]*from[ \t]+(\.+)[ \t]*(?:[\w.]*[ \t]+)?import\b", re.MULTILINE
)


# a comment, cut before reading import lines (`from m import (  # urls`)
_COMMENT = re.compile(rb"#[^\n]*")
_FROM_IMPORT = re.compile(  # one line, or a parenthesised list over several
    rb"^from[ \t]+([\w.]+)[ \t]+import[ \t]+(?:\(([\w\s,]+)\)|([\w \t,]+))[ \t]*$",
    re.MULTILINE,
)
_IMPORT = re.compile(
    rb"^import[ \t]+([\w.]+)(?:[ \t]+as[ \t]+(\w+))?[ \t]*$", re.MULTILINE
)


def from_imports(data: bytes) -> list[tuple[str, list[tuple[str, str]]]]:
    """A module's top-level absolute ``from m import a, b as c`` statements
    (on one line, or parenthesised over several): (m, [(a, a), (b, c)])."""
    found = []
    for match in _FROM_IMPORT.finditer(_COMMENT.sub(b"", data)):
        names = []
        for part in (match.group(2) or match.group(3)).decode().split(","):
            words = part.split()
            if words:
                names.append((words[0], words[-1]))
        found.append((match.group(1).decode(), names))
    return found


def plain_imports(data: bytes) -> list[tuple[str, str]]:
    """A module's top-level ``import a.b [as c]`` statements: (a.b, the name bound)."""
    return [
        (m.group(1).decode(), (m.group(2) or m.group(1)).decode())
        for m in _IMPORT.finditer(data)
    ]


def modules_of(files: list[str]) -> dict[str, str]:
    """Module name (a file's stem) -> its path, for the Python files of a tree;
    names two files share are left out (which one an import means is not known)."""
    found: dict[str, str] = {}
    shared = set()
    for path in files:
        if path.endswith(".py"):
            stem = os.path.splitext(os.path.basename(path))[0]
            if stem in found:
                shared.add(stem)
            found[stem] = path
    return {k: v for k, v in found.items() if k not in shared}


def imported_constants(
    path: str, modules: dict[str, str]
) -> tuple[tuple[str, str], ...]:
    """The string constants a module imports from others of the tree, as its
    code names them: ``HUBSPOT_URL`` (``from app.http import HUBSPOT_URL``) or
    ``http.HUBSPOT_URL`` (``from app import http``, ``import http``), with the
    literal their module assigns them at its top level."""
    data = read(path)
    found: list[tuple[str, str]] = []
    for module, names in from_imports(data):
        source = module.split(".")[-1]
        for name, local in names:
            if source in modules:  # from app.http import HUBSPOT_URL
                known = dict(_constants(modules[source]))
                if name in known:
                    found.append((local, known[name]))
                if f"{name}()" in known:  # from app.http import url
                    found.append((f"{local}()", known[f"{name}()"]))
            elif name in modules:  # from app import http
                found += [(f"{local}.{n}", v) for n, v in _constants(modules[name])]
    for dotted, local in plain_imports(data):
        target = modules.get(dotted.split(".")[-1])
        if target is not None:
            found += [(f"{local}.{n}", v) for n, v in _constants(target)]
    return tuple(found)


_CONSTANT = re.compile(
    rb"^([A-Za-z_]\w*)[ \t]*=[ \t]*(['\"])([^'\"\\\n{}%]*)\2[ \t]*(?:#.*)?$",
    re.MULTILINE,
)


def _constants(path: str) -> list[tuple[str, str]]:
    """``NAME = "text"`` at the top level of a module, as its readers may see
    it: its one assignment; or, where branches or functions assign it other
    literals too (``if MOCK: BASE_URL = "http://mock..."``), one that is not a
    HubSpot URL (the reader must not take it for HubSpot's); nothing where an
    assignment is not a literal (``NAME += ...``)."""
    data = read(path)
    found = []
    for match in _CONSTANT.finditer(data):
        name = match.group(1)
        assigned = re.findall(  # a branch or a function may assign it too
            rb"^[ \t]*" + re.escape(name) + rb"[ \t]*[-+]?=(?!=)", data, re.M
        )
        value = match.group(3).decode("utf-8", "replace")
        if len(assigned) > 1:
            literals = [
                m.group(2).decode("utf-8", "replace")
                for m in re.finditer(
                    rb"^[ \t]*" + re.escape(name) + rb"[ \t]*=[ \t]*(['\"])"
                    rb"([^'\"\\\n{}%]*)\1[ \t]*(?:#.*)?$",
                    data,
                    re.M,
                )
            ]
            if len(literals) != len(assigned):
                continue
            value = next((v for v in literals if _other_host(v)), value)
        found.append((name.decode(), value))
    return found + _url_functions(data, dict(found))


# def url(path):
#     return HUBSPOT + path
_URL_FUNCTION = re.compile(
    rb"^def[ \t]+(\w+)[ \t]*\([ \t]*(\w+)[ \t]*\)[ \t]*:[ \t]*(?:#[^\n]*)?\n"
    rb"[ \t]+return[ \t]+(\w+)[ \t]*\+[ \t]*\2[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE,
)


def _url_functions(data: bytes, constants: dict[str, str]) -> list[tuple[str, str]]:
    """``url()`` for a top-level ``def url(path): return HUBSPOT + path``
    (HUBSPOT one of the module's constants), with the constant: a call
    ``url("/x")`` renders to it followed by its one argument. Not a function
    decorated, defined or bound twice."""
    found = []
    for match in _URL_FUNCTION.finditer(data):
        name, base = match.group(1), match.group(3).decode()
        before = data[: match.start()].rstrip(b"\n").rsplit(b"\n", 1)[-1]
        bound = re.findall(
            rb"^[ \t]*(?:(?:async[ \t]+)?def[ \t]+|class[ \t]+)"
            + re.escape(name)
            + rb"\b|^[ \t]*"
            + re.escape(name)
            + rb"[ \t]*(?::[^=\n]*)?=(?!=)|\bimport\b[^\n]*\b"
            + re.escape(name)
            + rb"\b|\bglobal\b[^\n]*\b"
            + re.escape(name)
            + rb"\b",
            data,
            re.M,
        )
        if (
            base in constants
            and len(bound) == 1
            and not before.lstrip().startswith(b"@")
        ):
            found.append((f"{name.decode()}()", constants[base]))
    return found


def _other_host(text: str) -> bool:
    from hapimigrate import hubspot

    host = hubspot.host(text)
    return host is not None and not hubspot.is_hubspot_host(host)


def _constant(path: str, name: str) -> str | None:
    return dict(_constants(path)).get(name)


def literal_constant(path: str, name: str) -> str | None:
    """The string ``name`` is assigned once, at the top level of the module at
    ``path``, with no other assignment of it there (None otherwise)."""
    data = read(path)
    word = re.escape(name.encode())
    if len(re.findall(rb"^[ \t]*" + word + rb"[ \t]*[-+]?=(?!=)", data, re.M)) != 1:
        return None
    if re.search(rb"\b(?:global|nonlocal)\b[^\n]*\b" + word + rb"\b", data):
        return None
    return _constant(path, name)


def read(path: str) -> bytes:
    """A file's bytes; none where it cannot be read, or is no regular file (a
    FIFO named ``*.py`` would wait for a writer forever)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


_ENV_ASSIGNMENT = re.compile(
    rb"^([A-Za-z_]\w*)[ \t]*=[ \t]*(?:os\.)?(?:environ\[|environ\.get\(|getenv\()[ \t]*"
    rb"['\"]([A-Za-z_]\w*)['\"]",
    re.MULTILINE,
)


def env_aliases(files: list[str]) -> dict[str, str]:
    """Module-level names the tree assigns an environment variable (``API_KEY =
    os.environ.get("HUBSPOT_API_KEY")``) -> the variable, where every module
    assigning that name agrees: other modules' ``crm.API_KEY`` is that key. A
    name its module binds once, to such a name (``HAPIKEY = API_KEY``, legacy
    spellings kept for old callers), is that key too."""
    seen: dict[str, set[str]] = {}
    renamed: dict[str, set[str]] = {}
    rebound: set[str] = set()  # a branch or a function binds it again
    for path in files:
        if not path.endswith(".py"):
            continue
        data = read(path)
        for match in _ENV_ASSIGNMENT.finditer(data):
            seen.setdefault(match.group(1).decode(), set()).add(match.group(2).decode())
            if not _bound_once(data, match.group(1)):
                rebound.add(match.group(1).decode())
        for match in _NAME_ASSIGNMENT.finditer(data):
            name, source = match.group(1), match.group(2)
            if _bound_once(data, name):
                renamed.setdefault(name.decode(), set()).add(
                    # the module's own API_KEY (read from a file, say) is not
                    # another module's API_KEY of the same name
                    source.decode()
                    if _own_env_or_unbound(data, source)
                    else _NOT_AN_ALIAS
                )
    found = {name: envs.pop() for name, envs in seen.items() if len(envs) == 1}
    for name, sources in renamed.items():
        targets = {None if s in rebound else found.get(s) for s in sources}
        if name not in seen and len(targets) == 1 and None not in targets:
            found[name] = targets.pop()
    return found


_NOT_AN_ALIAS = "\0"  # a source name no module assigns an environment variable


def _own_env_or_unbound(data: bytes, name: bytes) -> bool:
    """Whether a module binds ``name`` nowhere but from an environment variable
    (or not at all: then it is imported, and the tree's name tells)."""
    bound = re.findall(
        rb"^[ \t]*" + re.escape(name) + rb"[ \t]*(?::[^=\n]*)?=(?!=)", data, re.M
    )
    env = [m for m in _ENV_ASSIGNMENT.finditer(data) if m.group(1) == name]
    return not bound or len(env) == len(bound)


def _bound_once(data: bytes, name: bytes) -> bool:
    """Whether a module binds ``name`` once (anywhere, at any depth: a branch
    or a function binding it too may make it another key)."""
    bound = re.findall(
        rb"^[ \t]*" + re.escape(name) + rb"[ \t]*[-+]?=(?!=)", data, re.M
    )
    rebound = re.search(rb"\bglobal\b[^\n]*\b" + re.escape(name) + rb"\b", data)
    return len(bound) == 1 and rebound is None


# ``HAPIKEY = API_KEY`` at the top level of a module
_NAME_ASSIGNMENT = re.compile(
    rb"^([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_]\w*)[ \t]*(?:#.*)?$", re.MULTILINE
)


def module_file(path: str, dotted: str, level: int = 0) -> str | None:
    """The file of the tree that ``import dotted`` (``level`` dots for a relative
    import) means in the module at ``path``: looked for beside it, then in the
    folders above (a package's root), as a module or a package."""
    here = os.path.dirname(os.path.abspath(path))
    if level:
        for _ in range(level - 1):
            here = os.path.dirname(here)
        bases = [here]
    else:
        bases = [here]
        for _ in range(4):
            here = os.path.dirname(here)
            bases.append(here)
    parts = [p for p in dotted.split(".") if p]
    for base in bases:
        target = os.path.join(base, *parts)
        for candidate in (target + ".py", os.path.join(target, "__init__.py")):
            if parts and os.path.isfile(candidate):
                return candidate
    return None


@functools.lru_cache(maxsize=256)
def function_source(path: str, name: str) -> str | None:
    """The source of what the top-level function ``name`` of the file at
    ``path`` may read: itself, the other top-level functions it calls (at any
    depth), and the top-level statements (imports too) binding names they read
    (``_KEYS = {...}`` for ``return _KEYS[region]``)."""
    import ast

    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            text = handle.read()
        tree = ast.parse(text)
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None
    functions = {
        node.name: node
        for node in tree.body
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    }
    if name not in functions:
        return None
    reach, read, todo = [], set(), [name]
    while todo:
        node = functions[todo.pop()]
        reach.append(node)
        names = {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}
        read |= names
        todo += [n for n in names & set(functions) if functions[n] not in reach]
    for statement in tree.body:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        bound = {n.id for n in ast.walk(statement) if isinstance(n, ast.Name)}
        if isinstance(statement, (ast.Import, ast.ImportFrom)):
            bound = {(a.asname or a.name).split(".")[0] for a in statement.names}
        if read & bound:
            reach.append(statement)
    return "\n".join(ast.get_source_segment(text, node) or "" for node in reach)


def variable_source(path: str, name: str) -> str | None:
    """The source of the one top-level assignment of ``name`` in the file at
    ``path`` and of the top-level assignments binding the names it reads
    (``KEYS = {"us": API_KEY, ...}`` with ``API_KEY = os.environ[...]``); None
    where ``name`` is not assigned there exactly once."""
    import ast

    try:
        text = read(path).decode("utf-8", errors="replace")
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return None

    def assigned(statement: ast.stmt) -> set[str]:
        targets = getattr(statement, "targets", None) or [
            getattr(statement, "target", None)
        ]
        return {t.id for t in targets if isinstance(t, ast.Name)}

    assignments = [
        s
        for s in tree.body
        if isinstance(s, (ast.Assign, ast.AnnAssign, ast.AugAssign))
    ]
    own = [s for s in assignments if name in assigned(s)]
    if len(own) != 1:
        return None
    read_names = {n.id for n in ast.walk(own[0]) if isinstance(n, ast.Name)} - {name}
    reach = own + [s for s in assignments if assigned(s) & read_names]
    return "\n".join(ast.get_source_segment(text, node) or "" for node in reach)


_TEST_DIRS = {"tests", "test", "testing"}


def tree_root(files: list[str]) -> str:
    """The folder the tree's files share."""
    folders = {os.path.dirname(os.path.abspath(p)) for p in files}
    try:
        return os.path.commonpath(sorted(folders)) if folders else ""
    except ValueError:  # paths on different drives
        return ""


def is_test_module(path: str, root: str = "") -> bool:
    """A test module: ``test_*.py``, ``*_test.py``, ``conftest.py``, or one in
    a ``tests`` folder below ``root`` (the tree's, not the folders above it):
    its stand-ins are not the app's hosts, keys or writers."""
    name = os.path.basename(path)
    if name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py":
        return True
    folder = os.path.dirname(os.path.abspath(path))
    if root and (folder + os.sep).startswith(root + os.sep):
        folder = folder[len(root) :]
    return any(p in _TEST_DIRS for p in folder.split(os.sep))


def package_mentions(path: str, pattern: bytes, importers: bool = False) -> bool:
    """Whether another Python file of the package ``path`` belongs to matches
    ``pattern`` (a module-level object other modules may reach and change): the
    top package's files, and the files beside that package (scripts importing
    it); for a module in no package, the files beside it. Nothing for a path
    that is no file (standard input). With ``importers``, only the files whose
    import lines name the module (its stem or package, :func:`importable_names`)
    count: a sibling script using the same word for its own variable cannot
    reach this module's."""
    own = os.path.abspath(path)
    if not os.path.isfile(own):
        return False
    named = tuple(n.encode() for n in importable_names(own)) if importers else ()
    folder = os.path.dirname(own)
    if not os.path.exists(os.path.join(folder, "__init__.py")):
        return _package_mentions(folder, own, pattern, False, named)
    while os.path.exists(os.path.join(os.path.dirname(folder), "__init__.py")):
        folder = os.path.dirname(folder)
    return _package_mentions(folder, own, pattern, True, named) or _package_mentions(
        os.path.dirname(folder), own, pattern, False, named
    )


@functools.lru_cache(maxsize=64)
def _package_mentions(
    folder: str, own: str, pattern: bytes, below: bool, importing: tuple[bytes, ...]
) -> bool:
    found = re.compile(pattern)
    texts = []
    for top, folders, files in os.walk(folder):
        folders[:] = [f for f in folders if not f.startswith(".")] if below else []
        for each in files:
            path = os.path.join(top, each)
            if each.endswith((".py", ".ipynb")) and path != own:
                texts.append((path, read(path)))
    if importing and any(_star_imports(data, importing) for _, data in texts):
        importing = ()  # re-exported (from sync import *): any mention may reach it
    return any(
        found.search(data) and (not importing or imports_any(data, path, importing))
        for path, data in texts
    )


def _star_imports(data: bytes, names: tuple[bytes, ...]) -> bool:
    """``from <one of names> import *`` (or ``from .name import *``) in a file."""
    return any(
        re.search(
            rb"^\s*from\s+[\w.]*\b" + re.escape(n) + rb"\s+import\s+\*", data, re.M
        )
        for n in names
    )


def imports_any(data: bytes, path: str, names: tuple[bytes, ...]) -> bool:
    """Whether a module's import lines name one of ``names``, or reach the
    namespace some other way (``__import__``, ``importlib``, ``runpy``)."""
    if re.search(
        rb"\b(__import__|importlib|runpy|exec|execfile|run_path)\b|%(?:run|load)\b",
        data,
    ):
        return True
    words = imported_names(data, path)
    return any(n in words for n in names)
