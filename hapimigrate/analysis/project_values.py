"""A value read from a project module the walked tree does not hold.

    import const                                  # const.py: git-ignored secrets
    hapikey = const.apikey

    from crawler.spiders.emails import EmailsSpider   # the file's own package
    class HubspotPipeline:
        apikey = EmailsSpider.hskey

A module the tree does not hold is usually a library's, whose objects may hold
anything (``stripe.api_key``, a client per tenant): the origin walk
(:mod:`hapimigrate.analysis.origins`) leaves those unplaced. Two kinds are the
project's own, and a plain read of one of their names (no call, no index) is
one process-wide setting, like ``const.API_KEY`` already is:

- a module named as a place for settings or secrets (``const``, ``constants``,
  ``keys``, ``private``, ``local``, a ``secrets`` read for no name of the
  standard library's ``secrets``): the usual git-ignored module of keys;
- a module of the importing file's own top-level package
  (``crawler.spiders.emails`` read from ``crawler/pipelines.py``), or of a
  relative import: project code that is missing from the walked tree.

The name read is the module's own variable (``const.apikey``, ``from const
import apikey``) or a class attribute of one of its classes
(``EmailsSpider.hskey``). It stays unplaced where it may be anything else:
the standard library's modules, a per-request or per-tenant word in the
module's or the class's name (``Account.api_key``, a class of ``models``:
a row's column), a longer chain (``const.client.api_key``, an SDK object's),
an object imported from a package (``from app import hub; hub.api_key``), and a
name the tree writes (``const.apikey = tenant.key``, ``setattr(const, ...)``,
``vars(const)``, ``EmailsSpider.hskey = ...``) in this file or another of its
package. Two names of such modules sent are two keys: the "several keys"
check of the walk sees them by name.
"""

from __future__ import annotations

import functools
import os
import re
import secrets
import sys
from dataclasses import dataclass

from hapimigrate import tree_imports
from hapimigrate.python.context import ModuleContext

# the words a module of settings or secrets is named by (``const.py``,
# ``my_keys.py``, ``private.py``, ``local.py``); a part of the dotted name or of
# its underscore-separated words
_SETTINGS_MODULE_WORDS = frozenset(
    {
        "const",
        "consts",
        "constant",
        "constants",
        "keys",
        "apikey",
        "apikeys",
        "private",
        "local",
        "creds",
        "secrets",
        "passwords",
    }
)
# a module's name saying it holds state per request, user or tenant
_PER_REQUEST_MODULE = re.compile(
    r"(?i)session|tenant|current|request|cookie|context|(?:^|_)users?(?:$|_)|"
    r"(?:^|_)(?:g|threadlocal|thread_local)(?:$|_)|customer|account|portal|client"
)
# a class of rows (an ORM's model) or a module of them: its attribute is a
# column, each row's value
_ROW_CLASS = re.compile(r"(?:Model|Base|Document|Table|Row|Record|Entity)$")
_ROWS_MODULE = re.compile(r"(?i)^(?:models?|db|database|schemas?|tables|orm|entities)$")
_CLASS_NAME = re.compile(r"^_?[A-Z][a-z0-9]\w*$")  # CapWords, not a CONSTANT
_STDLIB_SECRETS = frozenset(dir(secrets))


@dataclass(frozen=True)
class ProjectRead:
    """A plain read of a project module's name: what holds it (``const``,
    ``EmailsSpider``), the name, and where the tree writes it ("" where
    nowhere: then it is the configuration)."""

    holder: str
    attribute: str
    written: str = ""


WRITTEN = (
    "{}: the project's {} is set {} (a value per run, per portal or per "
    "tenant?): the token would replace whatever is set"
)


def project_read(
    ctx: ModuleContext,
    module: str,
    name: str,
    level: int,
    names: list[str],
    bound: str,
) -> ProjectRead | None:
    """The plain read of an import outside the tree that is the project's
    (None for any other): ``module``/``name``/``level`` the import (``import
    const``: ("const", "", 0); ``from crawler.spiders.emails import
    EmailsSpider``: (``crawler.spiders.emails``, ``EmailsSpider``, 0)),
    ``names`` the attributes read after the bound name ``bound``. The caller
    has checked that the read is a chain of attributes only and that no module
    of the tree is the one imported."""
    read = _read(module, name, names)
    if read is None:
        return None
    holder, attribute = read
    parts = [p for p in module.split(".") if p]
    if not level and (not parts or _standard_library(parts[0], name, names)):
        return None
    # the modules along the read: ``from app import const; const.apikey``'s const
    path = parts + ([name] if name and names and name[0].islower() else [])
    if any(
        _PER_REQUEST_MODULE.search(p) and p.lower() not in _SETTINGS_MODULE_WORDS
        for p in path
    ):
        return None
    if holder[0].isupper() and (
        _PER_REQUEST_MODULE.search(holder)
        or _ROW_CLASS.search(holder)
        or any(_ROWS_MODULE.search(p) for p in path)
    ):
        return None  # Account.api_key, models.Portal: a row's, or a tenant's
    if not (level or _settings_module(path) or _own_package(ctx.path, parts)):
        return None
    if _package_names(ctx.path, parts, level, [name, *names]):
        return None  # from . import keys, with keys = load() in __init__.py
    if _SEARCH_PATH.search(ctx.text) or (
        not level and parts and _elsewhere_in_tree(ctx.path, parts[-1])
    ):
        return None  # sys.path.append("../shared"); import const: shared/const.py
    return ProjectRead(holder, attribute, _written(ctx, {holder, bound}, attribute))


def qualified_key(ctx: ModuleContext, dotted: str, name: str) -> str | None:
    """The identity of a key read by name from a project module outside the
    tree (``const.apikey``, ``crawler.spiders.emails.EmailsSpider.hskey``): the
    module and the name, so that ``const.apikey`` and ``sandbox_const.apikey``
    are two keys; None for a CONSTANT (named as the configuration knows it,
    ``API_KEY``, as before) or any other module."""
    if re.fullmatch(r"_*[A-Z][A-Z0-9_]*", name):
        return None
    level = len(dotted) - len(dotted.lstrip("."))
    parts = [p for p in dotted.split(".") if p]
    if not parts or (not level and parts[0] in sys.stdlib_module_names):
        return None
    if level or _settings_module(parts) or _own_package(ctx.path, parts):
        return ".".join([*parts, name]) + _found_from(ctx.path, level)
    return None


def _found_from(path: str, level: int) -> str:
    """Where the import looks for the missing module, for a script's plain
    ``import const`` (its own folder, with no ``__init__.py``): two scripts'
    folders may each hold their own git-ignored ``const.py``, one per portal
    (review 27, R7); "" for a package's module or a relative import."""
    folder = os.path.dirname(os.path.abspath(path))
    if level or os.path.isfile(os.path.join(folder, "__init__.py")):
        return ""
    return f" (beside {folder})"


def _read(module: str, name: str, names: list[str]) -> tuple[str, str] | None:
    """(what holds the name, the name) of a plain read: ``const.apikey``
    ("const", "apikey"), ``from const import apikey`` ("const", "apikey"),
    ``EmailsSpider.hskey`` ("EmailsSpider", "hskey"), ``const.Keys.hubspot``
    ("Keys", "hubspot"), ``from . import const; const.apikey`` ("const",
    "apikey"); None for any other chain."""
    stem = module.rsplit(".", 1)[-1]
    if not name:  # import const; const.apikey / const.Keys.hubspot
        if len(names) == 1:
            return stem, names[0]
        if len(names) == 2 and _CLASS_NAME.match(names[0]):
            return names[0], names[1]
        return None
    if not names:  # from const import apikey
        return (stem, name) if stem else None
    if len(names) == 1 and _CLASS_NAME.match(name):  # EmailsSpider.hskey
        return name, names[0]
    if len(names) == 1 and _settings_module([name]):  # from . import const
        return name, names[0]
    return None


def _standard_library(top: str, name: str, names: list[str]) -> bool:
    """A module of the standard library: not the project's, but for a
    ``secrets`` read for a name the standard module lacks (a local
    ``secrets.py`` of keys shadowing it)."""
    if top not in sys.stdlib_module_names:
        return False
    if top != "secrets":
        return True
    return any(n in _STDLIB_SECRETS for n in [name, *names] if n)


def _package_names(path: str, parts: list[str], level: int, rest: list[str]) -> bool:
    """Whether a package's ``__init__.py`` on the import's way names what
    comes after it (``from . import keys`` with ``keys = load()`` in the
    package's ``__init__.py``): then the name is no missing module's but that
    file's, something the tree makes."""
    here = os.path.dirname(os.path.abspath(path))
    for _ in range(max(level - 1, 0)):
        here = os.path.dirname(here)
    steps = [p for p in [*parts, *rest] if p]
    for count in range(len(parts) + 1):
        if count:
            found = tree_imports.module_file(path, ".".join(parts[:count]), level)
        else:
            found = os.path.join(here, "__init__.py") if level else None
        if found is None or os.path.basename(found) != "__init__.py":
            continue
        following = steps[count] if count < len(steps) else ""
        if following and re.search(
            rb"\b" + re.escape(following.encode()) + rb"\b", tree_imports.read(found)
        ):
            return True
    return False


# a module's search path changed by the code: an import may find a file of the
# tree that the usual places do not show
_SEARCH_PATH = re.compile(r"\bsys\.path\b|\baddsitedir\b|\bPYTHONPATH\b|\bimportlib\b")
_MOST_FILES = 2000


_PROJECT_MARKERS = (
    ".git",
    "setup.py",
    "setup.cfg",
    "pyproject.toml",
    "requirements.txt",
)


def _elsewhere_in_tree(path: str, stem: str) -> bool:
    """Whether a module or package named ``stem`` is somewhere in the project
    of the module at ``path`` (:func:`_project_folder`): the import may reach
    it through a search path set out of sight (``shared/const.py``)."""
    found = _project_files(_project_folder(path))
    if found is None:
        return True  # too big to tell: not proven missing
    return any(
        os.path.basename(p) == f"{stem}.py"
        or (
            os.path.basename(p) == "__init__.py"
            and p.endswith(f"{os.sep}{stem}{os.sep}__init__.py")
        )
        for p in found
    )


def _project_folder(path: str) -> str:
    """The nearest folder above ``path`` holding a ``.git``, ``setup.py``,
    ``pyproject.toml`` or ``requirements.txt`` (four levels at most above its
    top package), else the folder holding its top package."""
    folder = os.path.dirname(os.path.abspath(path))
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder = os.path.dirname(folder)
    here = folder
    for _ in range(4):
        if any(os.path.exists(os.path.join(here, m)) for m in _PROJECT_MARKERS):
            return here
        here = os.path.dirname(here)
    return folder


@functools.lru_cache(maxsize=8)
def _project_files(folder: str) -> tuple[str, ...] | None:
    """The Python files and notebooks below ``folder`` (dot-folders aside); None for more
    than :data:`_MOST_FILES`."""
    found: list[str] = []
    for here, folders, files in os.walk(folder):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        found += [
            os.path.join(here, f)
            for f in sorted(files)
            if f.endswith((".py", ".ipynb"))  # a notebook's cell may write it
        ]
        if len(found) > _MOST_FILES:
            return None
    return tuple(found)


def _settings_module(parts: list[str]) -> bool:
    return any(
        part.lower() in _SETTINGS_MODULE_WORDS
        or any(w in _SETTINGS_MODULE_WORDS for w in part.lower().split("_"))
        for part in parts
    )


def _own_package(path: str, parts: list[str]) -> bool:
    """Whether a dotted module (two parts at least) is in the top-level
    package of the file at ``path``: ``crawler.spiders.emails`` for
    ``crawler/pipelines.py`` (``crawler/__init__.py`` present)."""
    if len(parts) < 2:
        return False
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isfile(os.path.join(folder, "__init__.py")):
        return False
    while os.path.isfile(os.path.join(os.path.dirname(folder), "__init__.py")):
        folder = os.path.dirname(folder)
    return os.path.basename(folder) == parts[0]


def _written(ctx: ModuleContext, holders: set[str], attribute: str) -> str:
    """Where this module or another of the project (:func:`_project_folder`)
    writes the name (``const.apikey = ...``, ``const.apikey += ...``,
    ``setattr(const, ...)``, ``vars(const)``, ``const.__dict__``; in another
    module under any name: ``cfg.apikey = ...``, ``setattr(x, "apikey", ...)``):
    "at line N", "by runner.py:6", or "" where nowhere."""
    held = "|".join(re.escape(h) for h in sorted(holders) if h)
    pattern = re.compile(
        rf"(?:^|[^\w.])(?:\w+\.)*(?:{held})\s*\.\s*{re.escape(attribute)}\s*"
        rf"(?:[-+*/|&^%@]|//|<<|>>|\*\*)?=(?!=)"
        rf"|\bsetattr\(\s*(?:\w+\.)*(?:{held})\s*,"
        rf"|\bvars\(\s*(?:\w+\.)*(?:{held})\s*\)"
        rf"|\b(?:{held})\s*\.\s*__dict__\b",
        re.MULTILINE,
    )
    found = pattern.search(ctx.text)
    if found is not None:
        return f"at line {ctx.text.count(chr(10), 0, found.start()) + 1}"
    # another module may hold the module under another name (import const as
    # cfg; cfg.apikey = ...) or be handed it (def use(settings): settings.apikey
    # = ...): any write of the name but an instance's own (review 27, R6)
    name = re.escape(attribute)
    anywhere = re.compile(
        rf"(?:^|[^\w.])(?!self\b|cls\b)[A-Za-z_][\w.]*\s*\.\s*{name}\s*"
        rf"(?:[-+*/|&^%@]|//|<<|>>|\*\*)?=(?!=)"
        rf"|\bsetattr\([^,()]+,\s*['\"]{name}['\"]"
        rf"|{pattern.pattern}",  # and the holder's own: setattr(const, name, v)
        re.MULTILINE,
    )
    folder = _project_folder(ctx.path)
    files = _project_files(folder)
    if files is None:
        return "perhaps by a module of the project (too many files to read)"
    own = os.path.abspath(ctx.path)
    for other in files:
        if other == own:
            continue
        text = tree_imports.read(other).decode("utf-8", "replace")
        found = anywhere.search(text)
        if found is not None:
            line = text.count("\n", 0, found.start()) + 1
            return f"by {os.path.relpath(other, folder)}:{line}"
    return ""
