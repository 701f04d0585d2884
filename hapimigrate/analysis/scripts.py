"""Whether a module is a script, whose module-level names are one run's values.

    hapikey = input("What's your API key? ")        download_contacts.py: no
    params = {"hapikey": hapikey, "count": 100}     module of the tree imports
    while has_more:                                 it, and importing it runs
        r = requests.get(URL, params=params)        the download

A module-level value is a carrier other modules may import
(:mod:`hapimigrate.fixers.across_modules`): when its key is not one configured
key, changing it here could break the importers' requests, so the site stays
manual. A script is the exception: nobody imports it, and its module-level
names are the values of the one run that starts it. Then a key read there at
run time (typed at ``input()``, given on ``sys.argv``, read from a file) is the
run's one key, and the site is decided exactly as the same code inside a
function is: the existing run-time policy (``decide.RUN_TIME_TOKEN``,
:mod:`hapimigrate.fixers.run_time_reads`, :mod:`hapimigrate.analysis.config_files`)
keeps the read and sends what it gives as the token, or leaves the site manual
for its own reasons (the value printed, written, sent elsewhere...).

A module is a script when all of these hold (:func:`is_script`):

* it is a file, not a package's ``__init__.py`` (its names are the package's);
* it runs at import (:func:`runs_at_import`): an ``if __name__ == "__main__":``
  block, or, at the top level (outside functions and classes), a loop, a call
  made for its effect (``main()``, ``print(...)``), a request
  (``requests.get(...)``), or a read of what the run is given (``input()``,
  ``getpass()``, ``sys.argv``, ``parse_args()``, ``open(...)``);
* no other file around it names it where an import could (:func:`imported_by`):
  an import line naming its stem (``import dl``, ``from dl import *``, ``from
  tools import dl``, inside a parenthesised import list too), or a string naming
  it (``importlib.import_module("dl")``, ``exec(open("dl.py").read())``, an
  entry point ``"dl:main"`` in ``setup.py``, ``pyproject.toml``,
  ``setup.cfg``). The files looked at are those of its folder and every folder
  below (in a package: of the folder holding its top package), and the files
  directly in each of the three folders above (``app.py`` importing ``scripts.dl``,
  a namespace package's root importing ``tools.hubspot.dl``); past 5000 files below
  it (a home folder) it is taken as imported. A
  notebook's cells (one module named ``x.ipynb[cells]``, no file) and standard
  input are never scripts here.

Only a key read at run time counts (:func:`run_value`): a configured key is
already a carrier the run tells its importers about, and any other key (a
tenant's, one rebound per row of a CSV) is left as before. A key whose origin
is unknown is decided as in a function too (manual, saying so). Stricter than
in a function: a script reading two credentials at run time (a source portal's
and a destination's, :func:`several_reads`) leaves its sites manual, as two
keys of one run, not the run's one key.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Sequence

import libcst as cst

from hapimigrate.analysis import origins
from hapimigrate.python.context import ModuleContext, dotted_code

# what a top-level call reads of the run (a person's input, the command line,
# a file) or sends (a request): work done on import, not a definition
_RUN_READS = frozenset(
    {"input", "raw_input", "getpass", "getpass.getpass", "open", "sys.argv"}
)
_RUN_METHODS = frozenset({"parse_args", "parse_known_args", "read_text"})
_REQUEST_MODULES = ("requests.", "httpx.", "urllib.request.", "urllib2.")

# files that may name a module as an entry point, beside Python files
_ENTRY_POINT_FILES = frozenset({"pyproject.toml", "setup.cfg", "setup.py"})
_SKIPPED_FOLDERS = frozenset(
    {"node_modules", "venv", "env", "site-packages", "__pycache__", "build", "dist"}
)


def run_value(ctx: ModuleContext, keys: Sequence[cst.BaseExpression]) -> bool:
    """Whether the module is a script and ``keys`` one key it reads at run time
    (the command line, ``input()``, a file), or one whose origin is unknown
    (then the site stays manual, saying that, not that others may import it):
    its module-level values carrying it are that run's, no other module's."""
    if len(keys) != 1 or len(ctx.several_keys) > 1:
        return False
    origin = origins.key_origin(ctx, keys[0])
    if origin.kind in (origins.UNKNOWN, origins.MIXED):
        return is_script(ctx)
    return _read_at_run_time(origin) and is_script(ctx) and _one_key_read(ctx)


def _read_at_run_time(origin: origins.Origin) -> bool:
    """The value typed on the command line or read from a file, once (not a
    caller's parameter, a tenant's record, a field of an object)."""
    return (
        origin.kind == origins.CALLER
        and origin.param is None
        and not origin.container
        and (origin.read is not None or origin.parameter == "the command line")
    )


_CREDENTIAL_NAME = re.compile(r"(?i)key|token|secret|cred|auth|pass")


SEVERAL_READS = (
    "the script reads {} keys at run time ({}): one run's values, but not one "
    "key the token can stand for; change them by hand"
)


def several_reads(ctx: ModuleContext, keys: Sequence[cst.BaseExpression]) -> str | None:
    """``SEVERAL_READS`` where the module is a script, ``keys`` is read at run
    time and the script reads more than one credential so."""
    if len(keys) != 1 or not _read_at_run_time(origins.key_origin(ctx, keys[0])):
        return None
    names = _credential_reads(ctx)
    if len(names) < 2 or not is_script(ctx):
        return None
    return SEVERAL_READS.format(len(names), ", ".join(names))


def _one_key_read(ctx: ModuleContext) -> bool:
    return len(_credential_reads(ctx)) <= 1


def _credential_reads(ctx: ModuleContext) -> tuple[str, ...]:
    """The credentials the script reads at run time at its top level: names
    bound there to such a value (``api_key = input()``, ``hapikey =
    sys.argv[1]``, ``key = f.read().strip()``) and fields read of one
    (``args.api_key``, ``keys["hubspot_key"]``) that name a credential. Two (a
    source portal's and a destination's, typed one after the other) are two
    keys of one run."""

    def found() -> tuple[str, ...]:
        names: set[str] = set()
        bound: set[int] = set()  # key = args.api_key: counted once, as key
        for statement in _top_statements(ctx.module.body):
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)
                    and _CREDENTIAL_NAME.search(small.targets[0].target.value)
                    and _read_at_run_time(origins.key_origin(ctx, small.value))
                ):
                    names.add(small.targets[0].target.value)
                    bound.add(id(small.value))
            for node in _top_nodes(statement):
                if id(node) not in bound and _credential_field(ctx, node):
                    names.add(ctx.code(node))
        return tuple(sorted(names))

    return ctx.memoized("scripts.credential_reads", found)


def _credential_field(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """``args.api_key``, ``config["hubspot_key"]``: a field naming a credential
    of a value read at run time."""
    if isinstance(node, cst.Attribute):
        field = node.attr.value
    elif isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        value = index.value if isinstance(index, cst.Index) else None
        if not isinstance(value, cst.SimpleString):
            return False
        field = str(value.evaluated_value)
    else:
        return False
    return bool(_CREDENTIAL_NAME.search(field)) and _read_at_run_time(
        origins.key_origin(ctx, node)
    )


def _top_statements(body: Sequence[cst.CSTNode]) -> list[cst.SimpleStatementLine]:
    """The simple statements run at import: at the top level and inside its
    if/try/with/loop statements, not in functions or classes."""
    found: list[cst.SimpleStatementLine] = []
    for statement in body:
        if isinstance(statement, cst.SimpleStatementLine):
            found.append(statement)
        elif not isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            inner = [
                s
                for s in _inner_statements(statement)
                if isinstance(s, cst.BaseStatement)
            ]
            found += _top_statements(inner)
    return found


def is_script(ctx: ModuleContext) -> bool:
    """Whether the module is a script: run, never imported (module docstring)."""
    return ctx.memoized(
        "scripts.is_script",
        lambda: os.path.basename(ctx.path) != "__init__.py"
        and os.path.isfile(ctx.path)
        and runs_at_import(ctx.module)
        and imported_by(ctx.path) is None,
    )


def runs_at_import(module: cst.Module) -> bool:
    """Whether importing ``module`` does a run's work (module docstring)."""
    return any(_runs(statement) for statement in module.body)


def _runs(statement: cst.CSTNode) -> bool:
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
        return False
    if isinstance(statement, cst.BaseExpression):  # with open(...) as f:
        return any(_reads_the_run(node) for node in _top_nodes(statement))
    if isinstance(statement, (cst.For, cst.While)):
        return True
    if isinstance(statement, cst.If) and _tests_main(statement.test):
        return True
    if isinstance(statement, cst.SimpleStatementLine):
        if any(
            isinstance(small, cst.Expr) and isinstance(small.value, cst.Call)
            for small in statement.body
        ):
            return True
        return any(_reads_the_run(node) for node in _top_nodes(statement))
    # if/try/with at the top level: what their own statements do
    return any(_runs(inner) for inner in _inner_statements(statement))


def _inner_statements(statement: cst.CSTNode) -> list[cst.CSTNode]:
    found: list[cst.CSTNode] = []
    for child in statement.children:
        if isinstance(child, (cst.IndentedBlock, cst.SimpleStatementSuite)):
            found += list(child.body)
        elif isinstance(child, cst.BaseSmallStatement):
            found.append(child)
        elif isinstance(
            child, (cst.If, cst.Else, cst.ExceptHandler, cst.Finally, cst.BaseSuite)
        ):
            found += _inner_statements(child)
    if isinstance(statement, cst.With):
        found += [item.item for item in statement.items]  # with open(...) as f:
    return found


def _top_nodes(node: cst.CSTNode) -> list[cst.CSTNode]:
    """The nodes of a statement, outside lambdas (run when called, not here)."""
    found: list[cst.CSTNode] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, cst.Lambda):
            continue
        found.append(current)
        stack.extend(current.children)
    return found


def _reads_the_run(node: cst.CSTNode) -> bool:
    if isinstance(node, cst.Attribute) and dotted_code(node) == "sys.argv":
        return True
    if not isinstance(node, cst.Call):
        return False
    try:
        called = dotted_code(node.func)
    except Exception:  # noqa: BLE001 - an odd callee reads nothing named
        return False
    if called in _RUN_READS or called.startswith(_REQUEST_MODULES):
        return True
    return isinstance(node.func, cst.Attribute) and node.func.attr.value in (
        _RUN_METHODS
    )


def _tests_main(test: cst.BaseExpression) -> bool:
    """``__name__ == "__main__"`` (either way round)."""
    if not (isinstance(test, cst.Comparison) and len(test.comparisons) == 1):
        return False
    right = test.comparisons[0].comparator
    sides = {_text(test.left), _text(right)}
    return isinstance(test.comparisons[0].operator, cst.Equal) and sides == {
        "__name__",
        "__main__",
    }


def _text(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value if isinstance(node.evaluated_value, str) else ""
    return ""


def imported_by(path: str) -> str | None:
    """The first file around ``path`` that may import it (module docstring), or
    None."""
    own = os.path.abspath(path)
    stem = os.path.splitext(os.path.basename(own))[0]
    folder = os.path.dirname(own)
    while os.path.exists(os.path.join(folder, "__init__.py")):
        folder = os.path.dirname(folder)  # in a package: the folder holding it
    found = _naming_file(folder, own, stem, True)
    for _ in range(_FOLDERS_UP):  # namespace packages: tools/hubspot/dl.py
        parent = os.path.dirname(folder)
        if found or parent == folder:
            break
        folder = parent
        found = _naming_file(folder, own, stem, False)
    return found


# how far imported_by looks: folders above the script's (namespace packages), and
# files at most below it (a script given alone in a big folder stays manual)
_FOLDERS_UP = 3
_MOST_FILES = 5000


@functools.lru_cache(maxsize=256)
def _naming_file(folder: str, own: str, stem: str, recursive: bool) -> str | None:
    word = re.escape(stem).encode()
    imports = re.compile(
        rb"^[ \t]*\"?[ \t]*(?:from|import)\b[^\n#]*\b" + word + rb"\b"  # import dl
        rb"|^[ \t]*\"?[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]*\([^)]*\b"
        + word
        + rb"\b"  # from tools import (a,\n dl)
        + rb"|['\"][^'\"\n]*\b"
        + word
        + rb"\b",  # "dl", "tools.dl:main", "dl.py"
        re.MULTILINE,
    )
    looked = 0
    for top, folders, files in os.walk(folder):
        looked += len(files)
        if looked > _MOST_FILES:  # a home folder: too much to read; may import it
            return f"{folder} (more than {_MOST_FILES} files around it, not read)"
        if recursive:
            folders[:] = sorted(
                f
                for f in folders
                if not f.startswith(".") and f not in _SKIPPED_FOLDERS
            )
        else:
            folders[:] = []
        for each in sorted(files):
            path = os.path.join(top, each)
            if path == own or not (
                each.endswith((".py", ".ipynb")) or each in _ENTRY_POINT_FILES
            ):
                continue
            if imports.search(_read(path)):
                return path
    return None


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(1_000_000)
    except OSError:
        return b""
