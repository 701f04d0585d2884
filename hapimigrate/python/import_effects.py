"""Whether importing a module of the tree does anything besides binding names.

A migrated module may stop reading a settings module's key; its ``from settings
import HUBSPOT_API_KEY`` then looks unused. Dropping it is safe only when
importing ``settings`` did nothing else: a module that loads a ``.env`` file
(``load_dotenv()`` at the top, in a ``try``, behind an ``if``), fills
``os.environ`` by hand, configures logging or a socket timeout, or imports a
module of the tree that does, must still be imported, or the migrated program
would start without the token (``KeyError``) or behave otherwise.

The test is a whitelist, read with :mod:`ast`: top-level statements that only
bind names from values with no effect (literals, names, environment reads,
``os.path`` and ``pathlib`` arithmetic, ``logging.getLogger``...), a
``ConfigParser`` of its own filled with ``read`` (a missing file is skipped),
function and class definitions (decorators from a short list), docstrings, ``__all__``,
imports (a module of the tree followed in turn), an ``if __name__ ==
"__main__":`` block. Anything else counts as doing something."""

from __future__ import annotations

import ast
import importlib
import os
import sys
from typing import Callable

from hapimigrate.analysis.function_locals import dotted

# calls whose result is a value and which change nothing (by the dotted name
# the code calls them by)
_PURE_CALLS = frozenset(
    {
        *(f"os.{n}" for n in ("getenv", "environ.get", "getcwd")),
        *("getenv", "environ.get"),
        *(f"os.path.{n}" for n in ("join", "dirname", "abspath", "basename")),
        *(f"os.path.{n}" for n in ("realpath", "expanduser", "normpath", "exists")),
        *(f"path.{n}" for n in ("join", "dirname", "abspath", "basename")),
        *("Path", "pathlib.Path", "PurePath", "pathlib.PurePath"),
        *("str", "int", "float", "bool", "tuple", "list", "dict", "set", "frozenset"),
        *("len", "sorted", "min", "max", "range", "object", "frozenset"),
        *("logging.getLogger", "getLogger", "re.compile", "namedtuple"),
        *("collections.namedtuple", "typing.NamedTuple", "TypeVar", "typing.TypeVar"),
    }
)
# methods that compute a value from one (Path(__file__).resolve().parent)
_PURE_METHODS = frozenset(
    {"resolve", "absolute", "joinpath", "with_name", "with_suffix", "expanduser"}
    | {"strip", "lower", "upper", "split", "rstrip", "lstrip", "replace", "format"}
    | {"get", "copy", "keys", "values", "items", "startswith", "endswith"}
    | {"getint", "getfloat", "getboolean", "has_option", "has_section"}
)
# a module's own ConfigParser: made, then filled from files that may be missing
# (``ini.read(path)`` skips those), it changes nothing outside itself
_PARSER_CLASSES = ("ConfigParser", "RawConfigParser", "SafeConfigParser")
_PARSER_MODULES = ("configparser", "ConfigParser")  # Python 3's, Python 2's
_PARSER_FILLS = frozenset({"read", "read_string", "read_dict"})
_PURE_DECORATORS = frozenset(
    {"dataclass", "dataclasses.dataclass", "staticmethod", "classmethod"}
    | {"property", "functools.lru_cache", "lru_cache", "functools.cache", "cache"}
    | {"functools.wraps", "wraps", "abc.abstractmethod", "abstractmethod"}
)
_DEPTH = 6  # modules of the tree followed through their imports
# libraries a key is read through, whose import does nothing the program needs
# once the key is no longer read (the framework loads its own settings)
_LIBRARIES = frozenset(
    {
        *("decouple", "dotenv", "environs", "dynaconf", "pydantic"),
        *("pydantic_settings", "yaml", "toml", "keyring", "hvac", "boto3"),
        *("django", "flask", "airflow", "streamlit", "prefect", "dagster"),
        *("google", "azure", "hubspot", "hubspot3", "hapi", "requests"),
    }
)


def unseen_may_run(dotted: str, level: int, name: str = "") -> bool:
    """Whether importing ``dotted``, a module outside the tree, may do more
    than bind names: a module of the program nobody gave us (``import const``,
    ``from config import API_KEY`` with ``config.py`` gitignored) may load the
    ``.env`` the token comes from; the standard library and the libraries keys
    are read through do nothing the program needs. A ``name`` imported from
    it that the standard library's module lacks (``from secrets import
    HUBSPOT_API_KEY``) tells a module of the program shadowing it."""
    top = dotted.split(".")[0]
    if level or top in _LIBRARIES:
        return bool(level)
    if top not in sys.stdlib_module_names:
        return True
    return bool(name) and not _stdlib_defines(dotted, name)


_RUN_ON_IMPORT = frozenset({"this", "antigravity", "__hello__", "__phello__"})


def _stdlib_defines(dotted: str, name: str) -> bool:
    """Whether the standard library's module ``dotted`` has ``name``."""
    if dotted.split(".")[0] in _RUN_ON_IMPORT:
        return False
    try:
        module = importlib.import_module(dotted)
    except Exception:  # noqa: BLE001 (a platform's module missing here)
        return False
    return hasattr(module, name)


def runs_something(
    path: str, resolve: Callable[[str, str, int], str | None], depth: int = 0
) -> bool:
    """Whether importing the module at ``path`` may do more than bind names;
    ``resolve(importer, dotted, level)`` gives the file of the tree an import
    means (None: not the tree's). Unreadable or unparsable: it may."""
    return _runs(path, resolve, depth, set())


def _runs(
    path: str, resolve: Callable[[str, str, int], str | None], depth: int, seen: set
) -> bool:
    """:func:`runs_something`, each module looked at once (``seen``); the
    ``__init__.py`` of the packages holding the module, which Python runs
    first (``from settings.hubspot import KEY`` runs ``settings/__init__.py``),
    count as its own."""
    if path in seen:
        return False
    seen.add(path)
    if depth > _DEPTH:
        return True
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        package = os.path.join(folder, "__init__.py")
        if not os.path.isfile(package):
            break
        if package != os.path.abspath(path) and _runs(
            package, resolve, depth + 1, seen
        ):
            return True
        folder = os.path.dirname(folder)
    try:
        with open(path, "rb") as handle:
            tree = ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return True
    used = _names_used(tree)

    def imports_something(node: ast.Import | ast.ImportFrom) -> bool:
        ours = False  # a module of the tree: judged by what it runs
        for dotted, level in _imported(node):
            target = resolve(path, dotted, level)
            ours = ours or target is not None
            if target is not None and _runs(target, resolve, depth + 1, seen):
                return True
        return not ours and _imported_for_its_effect(node, used)

    local = _pure_functions(tree)
    parsers = _parsers(tree)
    return not all(_binds_only(s, imports_something, local, parsers) for s in tree.body)


def _parsers(tree: ast.Module) -> frozenset[str]:
    """The names the module binds once, at its top, to a new ConfigParser of
    the standard library (``_ini = configparser.ConfigParser()``; not a
    subclass, whose ``read`` may do more)."""
    imported = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        and node.module in _PARSER_MODULES
        and not node.level
        for alias in node.names
        if alias.name in _PARSER_CLASSES
    }
    modules = {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.Import)
        for alias in node.names
        if alias.name in _PARSER_MODULES
    }
    rebound = {  # a class of its own of that name, or the name assigned
        n.id
        for n in ast.walk(tree)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    } | {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}

    def standard(func: ast.expr) -> bool:
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            return func.value.id in modules and func.attr in _PARSER_CLASSES
        return isinstance(func, ast.Name) and func.id in imported - rebound

    made: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.Name)) and isinstance(node.ctx, ast.Store):
            made[node.id] = made.get(node.id, 0) + 1
    return frozenset(
        target.id
        for statement in tree.body
        if isinstance(statement, ast.Assign)
        and len(statement.targets) == 1
        and isinstance(target := statement.targets[0], ast.Name)
        and made.get(target.id) == 1
        and isinstance(statement.value, ast.Call)
        and standard(statement.value.func)
        and all(_pure(a) for a in statement.value.args)
        and all(_pure(k.value) for k in statement.value.keywords)
    )


def _fills_parser(node: ast.expr, parsers: frozenset[str]) -> bool:
    """``ini.read(os.path.join(HERE, "settings.ini"))`` on one of ``parsers``."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in parsers
        and node.func.attr in _PARSER_FILLS
        and all(_pure(a) for a in node.args)
        and all(_pure(k.value) for k in node.keywords)
    )


def _names_used(tree: ast.Module) -> set[str]:
    """The names the module reads (and those ``__all__`` lists as strings),
    and those a fallback import binds (``try: import simplejson as json
    except ImportError: import json``: a name given, not an effect)."""
    used = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler):
            for inner in node.body:
                if isinstance(inner, (ast.Import, ast.ImportFrom)):
                    used |= {a.asname or a.name.split(".")[0] for a in inner.names}
    used |= {
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }
    return used


def _imported_for_its_effect(node: ast.Import | ast.ImportFrom, used: set[str]) -> bool:
    """An import of a module outside the tree that binds nothing the module
    uses (``import envkey  # noqa: F401``): it is there for what importing it
    does (envkey, dotenv's autoload and the like fill ``os.environ``)."""
    if isinstance(node, ast.ImportFrom) and node.module == "__future__":
        return False
    for alias in node.names:
        if alias.name == "*":
            return False
        bound = alias.asname or alias.name.split(".")[0]
        if bound in used:
            return False
    return True


def _pure_functions(tree: ast.Module) -> frozenset[str]:
    """The module's top-level functions a call of which changes nothing (each
    returns, raises, assigns locals, tests and tries, calling only such
    functions): ``def get_env(name): try: return os.environ[name] except
    KeyError: raise RuntimeError(...)``."""
    functions = {
        s.name: s
        for s in tree.body
        if isinstance(s, ast.FunctionDef) and not s.decorator_list
    }
    pure = frozenset(functions)
    while True:
        kept = frozenset(
            name
            for name in pure
            if all(_computes_only(s, pure) for s in functions[name].body)
        )
        if kept == pure:
            return pure
        pure = kept


def _computes_only(node: ast.stmt, local: frozenset[str]) -> bool:
    """A statement of a function that only computes (its effects stay local)."""
    if isinstance(node, ast.Return):
        return node.value is None or _pure(node.value, local)
    if isinstance(node, ast.Raise):
        return node.exc is None or _pure(node.exc, local) or _raised(node.exc)
    if isinstance(node, ast.Expr):
        return isinstance(node.value, ast.Constant)
    if isinstance(node, ast.Assign):
        return all(_target(t) for t in node.targets) and _pure(node.value, local)
    if isinstance(node, ast.If):
        return _pure(node.test, local) and all(
            _computes_only(s, local) for s in (*node.body, *node.orelse)
        )
    if isinstance(node, ast.Try):
        return all(
            _computes_only(s, local)
            for s in (
                *node.body,
                *node.orelse,
                *node.finalbody,
                *(s for h in node.handlers for s in h.body),
            )
        )
    return isinstance(node, ast.Pass)


def _raised(node: ast.expr) -> bool:
    """``RuntimeError("set %s" % name)``: an exception made to be raised."""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id.endswith(("Error", "Exception", "Exit"))
    )


def _imported(node: ast.Import | ast.ImportFrom) -> list[tuple[str, int]]:
    if isinstance(node, ast.Import):
        return [(alias.name, 0) for alias in node.names]
    source = node.module or ""
    found = [
        (f"{source}.{a.name}" if source else a.name, node.level) for a in node.names
    ]
    return found + ([(source, node.level)] if source else [])


def _binds_only(
    node: ast.stmt,
    imports_something: Callable[[ast.Import | ast.ImportFrom], bool],
    local: frozenset[str],
    parsers: frozenset[str] = frozenset(),
) -> bool:
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return not imports_something(node)
    if isinstance(node, ast.Expr):  # a docstring, or the module's parser filled
        return isinstance(node.value, ast.Constant) or _fills_parser(
            node.value, parsers
        )
    if isinstance(node, ast.Assign):
        if len(node.targets) == 1 and getattr(node.targets[0], "id", "") in parsers:
            return True  # _ini = ConfigParser(), see _parsers
        return all(_target(t) for t in node.targets) and _pure(node.value, local)
    if isinstance(node, ast.AnnAssign):
        return _target(node.target) and (node.value is None or _pure(node.value, local))
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return all(_decorator(d) for d in node.decorator_list) and all(
            _pure(d, local) for d in (*node.args.defaults, *node.args.kw_defaults) if d
        )
    if isinstance(node, ast.ClassDef):
        return (
            all(_decorator(d) for d in node.decorator_list)
            and all(_pure(b, local) for b in node.bases)
            and not node.keywords
            and all(
                _binds_only(s, imports_something, local, parsers) for s in node.body
            )
        )
    if isinstance(node, ast.If):
        return _is_main_guard(node.test) or (
            _pure(node.test, local)
            and all(
                _binds_only(s, imports_something, local, parsers)
                for s in (*node.body, *node.orelse)
            )
        )
    if isinstance(node, ast.Try):  # try: import x  except ImportError: x = None
        return all(
            _binds_only(s, imports_something, local, parsers)
            for s in (
                *node.body,
                *node.orelse,
                *node.finalbody,
                *(s for h in node.handlers for s in h.body),
            )
        )
    return isinstance(node, ast.Pass)


def _target(node: ast.expr) -> bool:
    """A name (or names) bound: not an attribute or item of something else
    (``os.environ["X"] = ...``, ``settings.KEY = ...``)."""
    if isinstance(node, ast.Name):
        return True
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_target(e) for e in node.elts)
    return False


def _pure(node: ast.expr, local: frozenset[str] = frozenset()) -> bool:
    """A value computed without effects (``local``: the module's own functions
    a call of which changes nothing)."""
    if isinstance(node, (ast.Constant, ast.Name)):
        return True
    if isinstance(node, ast.Attribute):
        return _pure(node.value, local)
    if isinstance(node, ast.Subscript):
        return _pure(node.value, local) and _pure(node.slice, local)
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return all(_pure(e, local) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(_pure(k, local) for k in node.keys if k is not None) and all(
            _pure(v, local) for v in node.values
        )
    if isinstance(node, ast.BinOp):
        return _pure(node.left, local) and _pure(node.right, local)
    if isinstance(node, ast.UnaryOp):
        return _pure(node.operand, local)
    if isinstance(node, ast.BoolOp):
        return all(_pure(v, local) for v in node.values)
    if isinstance(node, ast.Compare):
        return _pure(node.left, local) and all(
            _pure(c, local) for c in node.comparators
        )
    if isinstance(node, ast.IfExp):
        return (
            _pure(node.test, local)
            and _pure(node.body, local)
            and _pure(node.orelse, local)
        )
    if isinstance(node, ast.JoinedStr):
        return all(_pure(v, local) for v in node.values)
    if isinstance(node, ast.FormattedValue):
        return _pure(node.value, local) and (
            node.format_spec is None or _pure(node.format_spec, local)
        )
    if isinstance(node, ast.Slice):
        return all(_pure(p, local) for p in (node.lower, node.upper, node.step) if p)
    if isinstance(node, ast.Lambda):
        return True  # made, not run
    if isinstance(node, ast.Call):
        name = dotted(node.func)
        method = (
            isinstance(node.func, ast.Attribute) and node.func.attr in _PURE_METHODS
        )
        return (
            (
                name in _PURE_CALLS
                or name in local
                or (method and _pure(node.func.value, local))
            )
            and all(_pure(a, local) for a in node.args)
            and all(_pure(k.value, local) for k in node.keywords)
        )
    return False


def _decorator(node: ast.expr) -> bool:
    target = node.func if isinstance(node, ast.Call) else node
    return dotted(target) in _PURE_DECORATORS


def _is_main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
    )
