"""A key that is a field of a configured settings object (issue #12):

    # config.py                                 # client.py (a carrier's owner)
    @dataclass(frozen=True)                     class HubSpotAPI:
    class Settings:                                 def __init__(self, settings):
        api_key: str                                    self.settings = settings
    def load():                                     def get(self, path):
        return Settings(                                params = {"hapikey": self.settings.api_key}
            api_key=os.environ["HUBSPOT_API_KEY"])      ...
                                                # app.py
                                                HubSpotAPI(config.load())

``HubSpotAPI`` now takes a token in ``settings.api_key`` (its requests send the
field as ``Authorization: Bearer``), so the object handed in must hold one: the
factory's environment read becomes the provider's token where the object is
made (``api_key=<token>``), the field keeping its name. That is the behaviour
of before only when all of these hold (else the site stays manual, with why):

- the object comes straight from a call of a factory of the tree: a module
  function or a class's ``@classmethod`` that returns ``Cls(field=...)`` (or
  ``cls(...)``), the field given by keyword from one environment read with a
  literal name (``os.environ["V"]``, ``os.environ.get("V")``, ``os.getenv("V")``),
  directly or through a local bound once to it and otherwise only tested;
- ``Cls`` is made nowhere else in the tree (tests too), except by a test with a
  made-up key (a fake token then); no subclass, no ``replace``/``_replace``,
  ``setattr`` or assignment of the field; objects made outside the tree are
  callers' credentials, as a key parameter's are;
- the field is read nowhere in the tree but in the statements of the carrier's
  owner (the class or function taking the object) that send it as the key;
- the variable names one portal key (not a developer key) and the module sends
  no second key (``several keys``).

The run carries the change to the factory's module as a carrier of its own
(:func:`factory_carrier`): its module makes the read the token only when every
module handing the object on migrated (:func:`make_token`).

The object may also be the owner's default, made when a caller gives none
(``self.settings = settings or config.load()``, :attr:`origins.Origin.default`,
asked by ``attach.callers_keys``: :func:`default_problem`). The same conditions
hold for the factory the default calls; the owner may then send the field
from several statements (a request's params, an SDK client's ``api_key=``),
and its module tells the run, once its sites are decided, whether every one
migrated (:class:`_DefaultUses`): else the factory, and the owner's sites with
it, stay. The default may also be a module-level object one factory of the
owner's own module makes (``settings or SETTINGS``, ``SETTINGS =
Settings.from_env()``), which nothing may replace (``module.SETTINGS = ...``, a
test's ``patch.object``); that module hears what became of its own factory
(:func:`blocked`). A caller outside the tree handing in its own object now
hands in a token (``callers pass access tokens now``, as for a key parameter).

The factory's read may go through what its callers leave at defaults: a
mapping that is the environment unless a parameter gives one (``env =
os.environ if environ is None else environ``), a name a parameter's default
begins (``os.environ.get(prefix + "API_KEY")``, ``prefix="HUBKIT_"``); then no
call of the factory in the tree may give that parameter, nor hand the factory
on as a value (:func:`_given_defaults`); and through the project's own JSON
config file naming the variable (``os.environ[raw["hubspot"]["api_key_env"]]``,
``raw = json.load(fh)`` of ``open(path)``: :func:`config_loaders.file_named`),
whose path no call may give. The owner may hand the field as it is to another
module's client taking a token (``AsyncHubSpot(cfg.hubspot_key)``): that
statement is one of its sends (:func:`config_loaders.handed_reads`).
"""

from __future__ import annotations

import ast
import functools
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from hapimigrate import hubspot, keys
from hapimigrate.analysis import config_loaders, values
from hapimigrate.analysis.function_locals import assigns as _assigns
from hapimigrate.analysis.function_locals import bound_once as _bound_once
from hapimigrate.analysis.function_locals import last_name as _last
from hapimigrate.analysis.function_locals import left_parameter as _left_parameter
from hapimigrate.model import Carrier, CarrierUse, Kind, Status
from hapimigrate.python.context import ModuleContext, walk
from libcst.metadata import GlobalScope
from hapimigrate.tree_imports import importable_names, is_test_module, module_file

if TYPE_CHECKING:
    from hapimigrate.analysis import origins

# a factory carrier: a field, no parameter (a token owner's carrier always
# names its parameter); ``method``: the classmethod, "" for a function
FACTORY_MARK = "configured-object"


@dataclass(frozen=True)
class Placement:
    """Where the object's field is filled from the key's variable."""

    path: str  # the factory's module
    name: str  # the name the reader imports: the function, or the class
    method: str  # the classmethod making it ("" for a module function)
    cls: str  # the class made
    field: str  # the field holding the key
    variable: str  # the environment variable read
    line: int  # the line of the environment read
    made: tuple[int, int]  # where the factory makes the object (line, column)
    # the factory's parameters its callers must leave at their defaults (name,
    # position): one gives the mapping read (``environ=None``), one the
    # variable's name (``prefix="HUBKIT_"``)
    defaults: tuple[tuple[str, int], ...] = ()
    at: tuple[int, int] = (0, 0)  # where the read starts (line, column)
    holder: str = ""  # the module-level name holding the object (SETTINGS)

    @property
    def factory(self) -> str:
        return f"{self.name}.{self.method}()" if self.method else f"{self.name}()"


def is_factory(carrier: Carrier) -> bool:
    """A carrier :func:`factory_carrier` made."""
    return carrier.method_parameter == FACTORY_MARK


def factory_carrier(place: Placement, identity: str, label: str) -> Carrier:
    """The carrier telling the factory's module to make the field the token."""
    return Carrier(
        place.path,
        importable_names(place.path)[0],
        place.name,
        Kind.ARGUMENT,
        identity,
        label,
        used_here=True,
        field=place.field,
        method=place.method,
        method_parameter=FACTORY_MARK,
    )


MADE_UP = Placement("", "", "", "", "", "", 0, (0, 0))  # a test's fake object


def made_up(ctx: ModuleContext, value: cst.BaseExpression, field: str) -> bool:
    """``HubSpotAPI(Settings(api_key="test-key"))`` in a test: an object made
    with a placeholder, not a portal's key; as a token it goes to the same
    mock (as a made-up key handed in directly does). So is a mapping written
    in the test (``{"api_key": "test-key", "portal_id": "1"}``, ``dict(api_key=
    "test-key")``) when the key is its item (``["api_key"]``)."""
    if not is_test_module(ctx.path):
        return False
    item = re.fullmatch(r"\[\s*(['\"])(\w+)\1\s*\]", field)
    name = item.group(2) if item else field.lstrip(".")
    if item and isinstance(value, cst.Dict):
        if any(not isinstance(e, cst.DictElement) for e in value.elements):
            return False  # {**defaults, ...}: the key may come from there
        given = [
            e.value
            for e in value.elements
            if not isinstance(e.key, cst.SimpleString) or e.key.evaluated_value == name
        ]
    elif isinstance(value, cst.Call) and (
        not item or (isinstance(value.func, cst.Name) and value.func.value == "dict")
    ):
        if any(a.star for a in value.args):
            return False  # Settings(**raw): the key may come from there
        given = [
            a.value
            for a in value.args
            if a.keyword is not None and a.keyword.value == name
        ]
    else:
        return False
    return (
        len(given) == 1
        and isinstance(given[0], cst.SimpleString)
        and isinstance(given[0].evaluated_value, str)
        and not keys.is_plausible_key(given[0].evaluated_value)
    )


def blocked(ctx: ModuleContext, place: Placement) -> str | None:
    """Why the run keeps the factory as it is (another module's object goes to
    a call that stays), once it says so; None while it can change."""
    for carrier in ctx.carriers:
        if (
            is_factory(carrier)
            and carrier.blocked
            and os.path.abspath(carrier.path) == os.path.abspath(place.path)
            and carrier.name == place.name
        ):
            return (
                f"{place.cls}.{place.field} stays the key where {place.factory} "
                f"makes it: {carrier.blocked}"
            )
    if os.path.abspath(place.path) == os.path.abspath(ctx.path):
        # a factory of this module: what became of its carrier comes back here
        outcome = ctx.sent_elsewhere.get(place.name)
        if outcome is not None and outcome.status != Status.REWRITE:
            return (
                f"{place.cls}.{place.field} stays the key where {place.factory} "
                f"makes it: {outcome.reason}"
            )
    return None


def placement(
    ctx: ModuleContext,
    value: cst.BaseExpression,
    field: str,
    owner: Carrier,
    several: bool = False,
) -> Placement | str:
    """The factory filling ``field`` of the object ``value`` (handed to
    ``owner``, whose requests send that field) from the key's variable, or why
    it cannot become the token there. ``several``: the owner may send the
    field from several statements (each a site of its module, which checks
    they all migrate: :class:`_DefaultUses`)."""
    if not re.fullmatch(r"\.[A-Za-z_]\w*", field):
        return f"the key is {field} of the object, not a field read by name"
    name = field[1:]
    if len(ctx.several_keys) > 1:
        return "the tree sends several configured keys"
    found = _factory(ctx, value, here=several)
    if isinstance(found, str):
        return found
    path, imported, method, holder = found
    made = _made(path, imported, method)
    if isinstance(made, str):
        return made
    cls, filled, variable, line, at, defaults, read = made
    if filled != name:
        return f"{imported}() fills {filled} from the key's variable, not {name}"
    place = Placement(
        path, imported, method, cls, name, variable, line, at, defaults, read, holder
    )
    problem = _elsewhere(place, owner, several, _takers(ctx, owner.path))
    return problem or place


DEFAULT_LEFT = (
    "the key is the {field} of what callers pass as {parameter}, by default "
    "{default}: {why}"
)


def default_problem(
    ctx: ModuleContext, origin: origins.Origin, owner: str
) -> str | None:
    """Why the object ``owner`` takes by default (``settings or config.load()``,
    :attr:`origins.Origin.default`) cannot hold the token, so that ``owner``
    cannot send its field as one; None when it can (or there is none). When it
    can, the module tells the run, once its sites are decided, whether every
    statement of ``owner`` sending the field migrated (:class:`_DefaultUses`)."""
    if origin.default is None:
        return None
    found = _default_placement(ctx, origin, owner)
    if isinstance(found, str):
        return DEFAULT_LEFT.format(
            field=origin.container,
            parameter=origin.parameter,
            default=(
                f"the object {ctx.code(origin.default)} makes"
                if isinstance(origin.default, cst.Call)
                else ctx.code(origin.default)
            ),
            why=found,
        )
    problem = blocked(ctx, found)
    if problem is None:
        watch = _DefaultUses(found, owner, ctx.start(origin.default)[0])
        if watch not in ctx.post_passes:
            ctx.post_passes.append(watch)
    return problem


@dataclass(frozen=True)
class _DefaultUses:
    """A post pass of the owner's module: the factory making the default
    object changes (its carrier, :func:`factory_carrier`) only when every
    statement of the owner sending the field is a site that migrated; else
    the run blocks it, and the owner's sites with it (:func:`blocked`)."""

    place: Placement
    owner: str
    line: int  # the default's

    def __call__(self, ctx: ModuleContext) -> None:
        left = _unmigrated_sends(ctx, self.owner, self.place.field)
        where = f"{os.path.basename(ctx.path)}:{self.line}"
        status = Status.MANUAL if left else Status.REWRITE
        reason = (
            f"{self.owner} sends .{self.place.field} at line {left[0]} without "
            "migrating it"
            if left
            else ""
        )
        carrier = factory_carrier(self.place, self.place.variable, self.place.variable)
        if carrier not in ctx.exports:
            ctx.exports.append(carrier)
        ctx.carrier_uses.append(
            CarrierUse(self.place.path, self.place.name, status, reason, where)
        )


def _unmigrated_sends(ctx: ModuleContext, owner: str, field: str) -> list[int]:
    """The first lines of ``owner``'s statements sending ``.field`` that hold
    no key site, or one that did not migrate."""
    tree = _parsed_text(ctx.text)
    if tree is None:
        return [0]
    parents = {
        id(child): node
        for node in ast.walk(tree)
        for child in ast.iter_child_nodes(node)
    }
    spans = set()
    takers = _takers(ctx, ctx.path)
    for read in _owner_sends(tree, ctx.text, owner, field, takers).values():
        node: ast.AST = read
        while not isinstance(node, ast.stmt) and id(node) in parents:
            node = parents[id(node)]
        spans.add((node.lineno, getattr(node, "end_lineno", node.lineno)))
    sites = [s for s in ctx.sites if s.kind.value not in ("call", "version")]
    left = []
    for first, last in sorted(spans):
        here = [s for s in sites if first <= s.line <= last]
        if not here or any(s.status != Status.REWRITE for s in here):
            left.append(first)
    return left


def _default_placement(
    ctx: ModuleContext, origin: origins.Origin, owner: str
) -> Placement | str:
    assert origin.default is not None
    taker = Carrier(ctx.path, "", owner, Kind.ARGUMENT, "", "")
    return placement(ctx, origin.default, origin.container, taker, several=True)


def _factory(
    ctx: ModuleContext, value: cst.BaseExpression, here: bool = False
) -> tuple | str:
    """(the factory's file, the name imported, the classmethod, the module's
    name holding the object or "") of a call, or of the call a name is bound
    to, once (``cfg = config.load()``, ``SETTINGS = Settings.from_env()`` at
    module level); ``here``: the factory may be a function or class of this
    module."""
    holder = ""
    if isinstance(value, cst.Name):
        scope = ctx.lexical_scope(value)
        bindings = list(scope[value.value]) if scope is not None else []
        if len(bindings) == 1:
            bound = getattr(bindings[0], "node", None)
            made = values.assigned_value(ctx, bound) if bound is not None else None
            if isinstance(made, cst.Call):
                global_scope = isinstance(bindings[0].scope, GlobalScope)
                holder = value.value if global_scope else ""
                value = made
    if not isinstance(value, cst.Call):
        return "the object is not made by a call of a factory here"
    dotted = _dotted(value.func)
    if dotted is None:
        return "the object's factory is not named"
    parts = dotted.split(".")
    module = _imported_module(ctx, parts[0], parts[1:])
    if module is not None and len(module[1]) in (1, 2):
        path, names = _as_run_names(ctx.path, module[0]), module[1]
        return path, names[0], names[1] if len(names) == 2 else "", holder
    defined = {
        n.name.value
        for n in ctx.module.body
        if isinstance(n, (cst.FunctionDef, cst.ClassDef))
    }
    if here and parts[0] in defined and len(parts) in (1, 2):
        return ctx.path, parts[0], parts[1] if len(parts) == 2 else "", holder
    return f"{dotted}() is not a factory of another module of the tree"


def _as_run_names(here: str, path: str) -> str:
    """``path`` (absolute) spelled as the run spells ``here``'s path, so that
    the run knows it as the same file (``app/config.py`` beside ``app/main.py``)."""
    if os.path.isabs(here):
        return path
    folder = os.path.dirname(here)
    relative = os.path.relpath(path, os.path.dirname(os.path.abspath(here)))
    joined = os.path.join(folder, relative)
    return joined if ".." not in relative.split(os.sep) else os.path.normpath(joined)


def _dotted(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr.value}" if inner else None
    return None


def _imported_module(
    ctx: ModuleContext, local: str, rest: list[str]
) -> tuple[str, list[str]] | None:
    """The file ``local`` comes from, and the names read in it: ``load`` after
    ``from app.config import load``; ``config`` (then ``rest``) after ``from app
    import config`` or ``import app.config as config``."""
    for statement in ctx.module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.ImportFrom) and not isinstance(
                small.names, cst.ImportStar
            ):
                source = _dotted(small.module) if small.module else ""
                level = len(small.relative)
                for alias in small.names:
                    name = _dotted(alias.name) or ""
                    if (alias.evaluated_alias or name) != local:
                        continue
                    submodule = module_file(
                        ctx.path, f"{source}.{name}" if source else name, level
                    )
                    if submodule is not None and rest:
                        return submodule, rest
                    home = module_file(ctx.path, source or "", level)
                    if home is not None:
                        return home, [name, *rest]
            elif isinstance(small, cst.Import):
                for alias in small.names:
                    name = _dotted(alias.name) or ""
                    if alias.asname is not None and alias.evaluated_alias == local:
                        home = module_file(ctx.path, name)
                        if home is not None and rest:
                            return home, rest
    return None


def _parsed(path: str) -> ast.Module | None:
    text = _text(path)
    return _parsed_text(text) if text is not None else None


def _parsed_text(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return None


def _text(path: str) -> str | None:
    """The file's text, read again when it changed (a run after ``apply``)."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _read(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _read(path: str, mtime: int, size: int) -> str | None:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return None


def _made(path: str, name: str, method: str, text: str | None = None) -> tuple | str:
    """(the class, the field, the variable, the read's line, the object's
    place) of the one field the factory fills from the key's variable in the
    object it returns; or why not."""
    tree = _parsed(path) if text is None else _parsed_text(text)
    if tree is None:
        return f"{os.path.basename(path)} cannot be read"
    top = {
        n.name: n
        for n in tree.body
        if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
    }
    node = top.get(name)
    cls_name = ""
    if method and isinstance(node, ast.ClassDef):
        cls_name = node.name
        function = next(
            (
                f
                for f in node.body
                if isinstance(f, ast.FunctionDef)
                and f.name == method
                and any(
                    isinstance(d, ast.Name) and d.id == "classmethod"
                    for d in f.decorator_list
                )
            ),
            None,
        )
    elif not method and isinstance(node, ast.FunctionDef):
        function = node
    else:
        function = None
    factory = f"{name}{'.' + method if method else ''}"
    if function is None:
        return f"{factory}() is not a factory hapimigrate reads"
    returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
    if len(returns) != 1 or not isinstance(returns[0].value, ast.Call):
        return f"{factory}() does not return one object it makes"
    call = returns[0].value
    made = call.func
    if isinstance(made, ast.Name) and made.id == "cls" and cls_name:
        made_name = cls_name
    elif isinstance(made, ast.Name):
        made_name = made.id
    else:
        return f"{factory}() does not return an object of a class of its module"
    cls = top.get(made_name)
    if not isinstance(cls, ast.ClassDef):
        return f"{made_name}, which {factory}() makes, is not a class of its module"
    if call.args or any(k.arg is None for k in call.keywords):
        return f"{factory}() gives {made_name} values by position or **"
    filled = []
    for keyword in call.keywords:
        read = _env_read(keyword.value, function, path)
        if read is not None and _portal_key(read[0]):
            filled.append((keyword.arg, *read))
    if len(filled) > 1:  # a HubSpot key beside other services' (MAILCHIMP_API_KEY)
        filled = [f for f in filled if _HUBSPOT_VARIABLE.search(f[1])]
    if len(filled) != 1:
        return (
            f"{factory}() does not fill one field of {made_name} from the key's "
            "variable (read from the environment by a name written in the code)"
        )
    field, variable, line, column, defaults = filled[0]
    written = _variable_set(path, variable)
    if written is not None:
        return (
            f"{written} sets {variable} at run time (per run, per portal?): the "
            f"key {factory}() reads may be any of them, each needing its own token"
        )
    lines = (text if text is not None else _text(path) or "").splitlines()
    if 0 < line <= len(lines):  # ast counts UTF-8 bytes, LibCST characters
        column = len(lines[line - 1].encode()[:column].decode(errors="replace"))
    skip = 1 if method else 0  # cls
    positional = [a.arg for a in function.args.posonlyargs + function.args.args]
    kept = tuple(
        (p, positional.index(p) - skip if p in positional else -1) for p in defaults
    )
    at = (call.lineno, call.col_offset)
    return made_name, field, variable, line, at, kept, (line, column)


_HUBSPOT_VARIABLE = re.compile(r"HUBSPOT|HAPI|(?:^|_)HS_", re.I)


def _variable_set(path: str, variable: str) -> str | None:
    """Where ("agency.py:11") a module of the project other than a test sets
    the environment variable ``variable`` to a value not written in the code
    (``os.environ["HUBSPOT_API_KEY"] = os.environ[var]`` in a loop over
    portals, ``os.putenv``, ``os.environ.update(HUBSPOT_API_KEY=...)``)."""
    name = re.escape(variable)
    written = re.compile(
        rf"""environ\[\s*['"]{name}['"]\s*\]\s*=(?!=)\s*(?P<value>.*)"""
        rf"""|(?:putenv|environ\.setdefault)\(\s*['"]{name}['"]\s*,\s*(?P<arg>.*)"""
        rf"""|environ\.update\((?P<update>.*\b{name}\b.*)"""
    )
    for other in project_files(path) or ():
        text = _text(other)
        if not text or variable not in text or is_test_module(other):
            continue
        for match in written.finditer(text):
            value = (match.group("value") or match.group("arg") or "").strip()
            if re.fullmatch(r"""(['"])[^'"]*\1\)?""", value):
                continue  # a value written in the code (a default, a stand-in)
            line = text.count("\n", 0, match.start()) + 1
            return f"{os.path.basename(other)}:{line}"
    return None


def _portal_key(variable: str) -> bool:
    """A variable naming a portal's key (not a developer key)."""
    return bool(re.search(r"KEY|HAPI", variable, re.I)) and not (
        hubspot.names_developer_key(variable)
    )


def _presence_reads(test: ast.expr) -> list[ast.Name]:
    """The names ``test`` reads for their presence only: ``key``, ``not key``,
    ``key is None``, ``key is not None``, and and/or of those. Not ``len(key)
    == 36`` nor ``UUID.match(key)``: a token would fail a test of the key's
    form."""
    if isinstance(test, ast.Name):
        return [test]
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _presence_reads(test.operand)
    if isinstance(test, ast.BoolOp):
        return [n for value in test.values for n in _presence_reads(value)]
    if (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and len(test.ops) == 1
        and isinstance(test.ops[0], (ast.Is, ast.IsNot))
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
    ):
        return [test.left]
    return []


def _env_read(
    node: ast.expr, function: ast.FunctionDef, path: str = ""
) -> tuple | None:
    """The variable ``node`` reads (directly, or a local bound once to it and
    otherwise only tested), with the read's line and column and the
    parameters to be left at their defaults (:func:`_variable`; ``path``: the
    factory's module, whose project's config file may name the variable)."""
    read = _variable(node, function, path)
    if read is not None:
        return read[0], node.lineno, node.col_offset, read[1]
    if not isinstance(node, ast.Name):
        return None
    bindings = [
        n
        for n in ast.walk(function)
        if isinstance(n, ast.Name) and n.id == node.id and isinstance(n.ctx, ast.Store)
    ]
    loads = [
        n
        for n in ast.walk(function)
        if isinstance(n, ast.Name) and n.id == node.id and isinstance(n.ctx, ast.Load)
    ]
    assigns = _assigns(function, node.id)
    if len(bindings) != 1 or len(assigns) != 1:
        return None
    if any(a.arg == node.id for a in function.args.args + function.args.kwonlyargs):
        return None
    tested = {
        id(n)
        for test in ast.walk(function)
        if isinstance(test, ast.If)
        for n in _presence_reads(test.test)
    }
    if any(id(n) not in tested and n is not node for n in loads):
        return None  # read for something else than to be given
    value = assigns[0].value
    read = _variable(value, function, path)
    if read is None:
        return None
    return read[0], value.lineno, value.col_offset, read[1]


def _variable(
    node: ast.expr, function: ast.FunctionDef | None = None, path: str = ""
) -> tuple[str, tuple[str, ...]] | None:
    """``os.environ["V"]``, ``os.environ.get("V"[, d])``, ``os.getenv("V"[, d])``,
    with the parameters of ``function`` its callers must leave at their
    defaults for it to read ``V``: the mapping may be a local bound once to
    the environment unless a parameter defaulting to None gives another
    (``env = os.environ if environ is None else environ``), and the name a
    parameter's literal default and a literal (``prefix + "API_KEY"``), or
    the value the project's JSON config file, which ``function`` loads, holds
    there (``raw["hubspot"]["api_key_env"]``, :func:`config_loaders.file_named`)."""
    if isinstance(node, ast.Subscript):
        source = _environment(node.value, function)
        name = _name_of(node.slice, function) or config_loaders.file_named(
            node.slice, function, path
        )
        if source is not None and name is not None:
            return name[0], source + name[1]
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        func = node.func
        source = None
        if isinstance(func, ast.Attribute) and func.attr == "get":
            source = _environment(func.value, function)
        elif _names(func, "getenv"):
            source = ()
        name = (
            _name_of(node.args[0], function)
            or config_loaders.file_named(node.args[0], function, path)
            if source is not None
            else None
        )
        if (
            name is not None
            and len(node.args) <= 2
            and all(isinstance(a, ast.Constant) for a in node.args[1:])
        ):
            return name[0], (*source, *name[1])
    return None


def _environment(
    node: ast.expr, function: ast.FunctionDef | None
) -> tuple[str, ...] | None:
    """``os.environ`` (no parameter), or a local bound once to it unless the
    parameter it tests gives another mapping: (that parameter,)."""
    if _names(node, "environ"):
        return ()
    if function is None or not isinstance(node, ast.Name):
        return None
    value = _bound_once(function, node.id)
    given = None
    if (
        isinstance(value, ast.IfExp)
        and isinstance(value.test, ast.Compare)
        and isinstance(value.test.left, ast.Name)
        and len(value.test.ops) == 1
        and isinstance(value.test.comparators[0], ast.Constant)
        and value.test.comparators[0].value is None
    ):
        tested, op = value.test.left.id, value.test.ops[0]
        sides = {
            ast.Is: (value.body, value.orelse),
            ast.IsNot: (value.orelse, value.body),
        }
        environ, other = sides.get(type(op), (None, None))
        if (
            environ is not None
            and _names(environ, "environ")
            and isinstance(other, ast.Name)
            and other.id == tested
        ):
            given = tested
    elif (
        isinstance(value, ast.BoolOp)
        and isinstance(value.op, ast.Or)
        and len(value.values) == 2
        and isinstance(value.values[0], ast.Name)
        and _names(value.values[1], "environ")
    ):
        given = value.values[0].id  # environ or os.environ
    if given is None or not _left_parameter(function, given, None):
        return None
    return (given,)


def _name_of(
    node: ast.expr, function: ast.FunctionDef | None
) -> tuple[str, tuple[str, ...]] | None:
    """A variable's name written in the code: a literal, or a parameter's
    literal default and a literal (``prefix + "API_KEY"``): (name, parameters)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value, ()
    if (
        function is not None
        and isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.left, ast.Name)
        and isinstance(node.right, ast.Constant)
        and isinstance(node.right.value, str)
    ):
        default = _left_parameter(function, node.left.id, str)
        if isinstance(default, str):
            return default + node.right.value, (node.left.id,)
    return None


def _names(node: ast.expr, name: str) -> bool:
    """``name`` or ``os.name``."""
    if isinstance(node, ast.Name):
        return node.id == name
    return (
        isinstance(node, ast.Attribute)
        and node.attr == name
        and isinstance(node.value, ast.Name)
        and node.value.id == "os"
    )


_SKIPPED = {".git", "node_modules", "__pycache__", "venv", ".venv", ".tox", "env"}


def project_files(path: str) -> tuple[str, ...] | None:
    """The Python files of the project holding ``path``: below the folder
    above its top package (above ``src`` for a src layout); None when there
    are more than :data:`MOST_FILES` (not a project: a home folder?)."""
    return _project_files(os.path.dirname(os.path.abspath(path)))


MOST_FILES = 5000


def _project_files(folder: str) -> tuple[str, ...] | None:
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder = os.path.dirname(folder)
    if os.path.basename(folder) == "src":
        folder = os.path.dirname(folder)
    found = []
    for here, dirs, names in os.walk(folder):
        dirs[:] = sorted(
            d
            for d in dirs
            if d not in _SKIPPED
            and not os.path.exists(os.path.join(here, d, "pyvenv.cfg"))
        )
        found += [os.path.join(here, n) for n in sorted(names) if n.endswith(".py")]
        if len(found) > MOST_FILES:
            return None
    return tuple(found)


def _takers(
    ctx: ModuleContext, owner_path: str
) -> tuple[config_loaders.TokenTaker, ...]:
    """The callables this module (the owner's) hands the field on to as a
    token (:mod:`config_loaders`); none when the owner is another module's."""
    if os.path.abspath(owner_path) != os.path.abspath(ctx.path):
        return ()
    tree = _parsed_text(ctx.text)
    if tree is None:
        return ()
    return config_loaders.token_takers(ctx.path, tree, ctx.carriers)


def _elsewhere(
    place: Placement,
    owner: Carrier,
    several: bool = False,
    takers: tuple[config_loaders.TokenTaker, ...] = (),
) -> str | None:
    """Why the field cannot be the token: the class made, changed or its field
    read elsewhere in the tree; a parameter the factory's read needs left at
    its default given by a call (or the factory handed on as a value).
    ``takers``: what the owner's module may hand the field to as a token."""
    factory = os.path.abspath(place.path)
    owner_path = os.path.abspath(owner.path)
    field = place.field
    names = sorted({place.cls, place.name, field, place.method, place.holder} - {""})
    word = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))})\b")
    files = project_files(place.path)
    if files is None:
        return f"the project of {os.path.basename(place.path)} is too large to check"
    for path in files:
        text = _text(path)
        if text is None or not word.search(text):
            continue
        tree = _parsed(path)
        where = os.path.basename(path)
        if tree is None:
            return f"{where} does not parse: it may make {place.cls}"
        here = os.path.abspath(path)
        test = is_test_module(path)
        sends = (
            {
                id(n)
                for n in _owner_sends(tree, text, owner.name, field, takers).values()
            }
            if here == owner_path
            else set()
        )
        if len(sends) > 1 and not several:
            # one statement sends it: the key site whose migration made the
            # carrier (another might stay manual, and send the token as a key)
            return (
                f"{owner.name} sends .{field} from {len(sends)} places in "
                f"{where}: one must send it"
            )
        if _OPAQUE.search(text):
            found = _OPAQUE.search(text)
            line = text.count("\n", 0, found.start()) + 1
            return f"{where}:{line} reads objects' fields without naming them"
        parents = {
            id(child): node
            for node in ast.walk(tree)
            for child in ast.iter_child_nodes(node)
        }
        for node in ast.walk(tree):
            line = getattr(node, "lineno", 0)
            at = f"{where}:{line}"
            if isinstance(node, ast.ClassDef) and any(
                _last(b) == place.cls for b in node.bases
            ):
                return f"{node.name} ({at}) derives from {place.cls}"
            if isinstance(node, ast.Call):
                problem = _construction(node, place, here == factory, test, at)
                if problem:
                    return problem
            problem = _given_defaults(node, place, at, parents)
            if isinstance(node, ast.Attribute) and node.attr == field:
                if not isinstance(node.ctx, ast.Load):
                    return f"{at} sets {field} of an object"
                if id(node) not in sends:
                    return (
                        f"{at} reads .{field} other than to send it as the key "
                        f"in {owner.name}"
                    )
            if isinstance(node, ast.Constant) and node.value == field:
                return f"{at} names {field} in a string (a setattr, a getattr?)"
            if place.holder and _replaces_holder(node, place.holder):
                return f"{at} may replace {place.holder} (patched, set from outside)"
            if problem:
                return problem
    return None


def _replaces_holder(node: ast.AST, holder: str) -> bool:
    """``module.SETTINGS = ...``, ``patch.object(module, "SETTINGS", ...)``."""
    if isinstance(node, ast.Attribute) and node.attr == holder:
        return not isinstance(node.ctx, ast.Load)
    return isinstance(node, ast.Constant) and node.value == holder


def _given_defaults(
    node: ast.AST, place: Placement, at: str, parents: dict[int, ast.AST]
) -> str | None:
    """A reference to the factory that may give a parameter its read needs
    left at its default: a call giving it, or a use other than a call."""
    if not place.defaults:
        return None
    called = place.method or place.name
    if not (
        (isinstance(node, ast.Attribute) and node.attr == called)
        or (isinstance(node, ast.Name) and node.id == called and not place.method)
    ):
        return None
    call = parents.get(id(node))
    named = ", ".join(name for name, _ in place.defaults)
    if not (isinstance(call, ast.Call) and call.func is node):
        return f"{at} hands {place.factory} on as a value: it may be given {named}"
    for name, position in place.defaults:
        if any(k.arg in (name, None) for k in call.keywords) or any(
            isinstance(a, ast.Starred) for a in call.args
        ):
            return f"{at} may give {place.factory} another {name}"
        if 0 <= position < len(call.args):
            return f"{at} gives {place.factory} another {name}"
    return None


# a field read without its name (asdict(settings)["api_key"], vars(s)):
# in a module naming the class or the field
_OPAQUE = re.compile(r"\b(?:_?asdict|astuple|vars|getattr)\(|\.__dict__\b")


def _construction(
    call: ast.Call, place: Placement, in_factory_module: bool, test: bool, at: str
) -> str | None:
    """Why a call making (or copying) the class keeps the field from becoming
    the token; None for the factory's own, and a test's made-up key."""
    func = call.func
    if _last(func) in ("replace", "_replace") and any(
        k.arg == place.field or k.arg is None for k in call.keywords
    ):
        return f"{at} copies an object with another {place.field}"
    if _last(func) == "setattr":
        return f"{at} sets attributes by name"
    if _last(func) != place.cls and not (
        in_factory_module and isinstance(func, ast.Name) and func.id == "cls"
    ):
        return None
    if in_factory_module and (call.lineno, call.col_offset) == place.made:
        return None  # the factory's own
    if test and not call.args and all(k.arg for k in call.keywords):
        given = [k.value for k in call.keywords if k.arg == place.field]
        if (
            len(given) == 1
            and isinstance(given[0], ast.Constant)
            and isinstance(given[0].value, str)
            and not keys.is_plausible_key(given[0].value)
        ):
            return None  # a made-up key: a fake token as well
    return f"{place.cls} is also made at {at}"


def _owner_sends(
    tree: ast.Module,
    text: str,
    owner: str,
    field: str,
    takers: tuple[config_loaders.TokenTaker, ...] = (),
) -> dict[int, ast.Attribute]:
    """The ``.field`` reads of the owner (class or function ``owner``) in
    statements that send the key (``hapikey`` written in them, or an SDK
    client given it: ``HubSpot(api_key=...)``), or hand it as it is to a
    callable taking a token (``takers``, :func:`config_loaders.handed_reads`),
    by id."""
    found: dict[int, ast.Attribute] = {}
    for node in tree.body:
        if not (
            isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.name == owner
        ):
            continue
        for statement in ast.walk(node):
            if not isinstance(statement, ast.stmt) or isinstance(
                statement, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)
            ):
                continue
            if isinstance(statement, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
                continue
            code = ast.get_source_segment(text, statement) or ""
            if "hapikey" not in code.lower() and not _SDK_KEY.search(code):
                handed = config_loaders.handed_reads(statement, field, takers)
                found.update((id(n), n) for n in handed)
                continue
            found.update(
                (id(n), n)
                for n in ast.walk(statement)
                if isinstance(n, ast.Attribute) and n.attr == field
            )
    return found


_SDK_KEY = re.compile(r"\b(?:HubSpot|Hubspot3|HubSpotClient)\(\s*api_key\s*=")


_LENIENT = frozenset({"os.getenv", "os.environ.get"})


def _token_read(ctx: ModuleContext, read: cst.BaseExpression) -> cst.BaseExpression:
    """The provider's token where the factory read the key: read as the key
    was, ``os.environ.get("HUBSPOT_API_KEY", "")`` becoming
    ``os.environ.get("HUBSPOT_ACCESS_TOKEN", "")`` for an environment provider
    (a missing variable still meets the factory's own check, not a KeyError)."""
    spec = ctx.provider.spec
    if (
        spec.startswith("env:")
        and ctx.provider.expression == f'os.environ["{spec[4:]}"]'
        and isinstance(read, cst.Call)
        and read.args
        and isinstance(read.args[0].value, cst.SimpleString)
        and ctx.qualified_names(read.func) & _LENIENT
    ):
        name = cst.SimpleString(f'"{spec[4:]}"')
        first = read.args[0].with_changes(value=name)
        return read.with_changes(args=[first, *read.args[1:]])
    return ctx.token()


def make_token(ctx: ModuleContext) -> None:
    """In the factory's module: the environment read becomes the provider's
    token, once the run says that every module handing its object on to a
    function taking a token migrated (the outcome of its carrier). A post
    pass: the carriers this module's own sites export are not factories."""
    own = {c.name for c in ctx.exports if not is_factory(c)}
    for name, outcome in ctx.sent_elsewhere.items():
        if outcome.status != Status.REWRITE or name in own:
            continue  # a carrier of this module's own sites (a client class)
        for method in _methods(ctx, name):
            made = _made(ctx.path, name, method, ctx.text)
            if isinstance(made, str):
                continue
            cls, field, variable, line, _, _, at = made
            read = _read_at(ctx, variable, at)
            if read is None:
                continue
            identity, label = variable, ctx.code(read)
            ctx.edits.replace[read] = _token_read(ctx, read)
            ctx.note_key(read)
            ctx.provider_keys.add((identity, label))
            factory = f"{name}.{method}()" if method else f"{name}()"
            place = Placement(
                ctx.path, name, method, cls, field, variable, line, (0, 0)
            )
            ctx.exports.append(factory_carrier(place, identity, label))
            where = f"{os.path.basename(ctx.path)}:{line}"
            ctx.carrier_uses.append(
                CarrierUse(ctx.path, name, Status.REWRITE, "", where)
            )
            ctx.site(
                read,
                Kind.SETTING,
                Status.REWRITE,
                f"{cls}.{field} holds the provider's token now: {factory} fills it, "
                f"and the modules it is handed to ({outcome.reason}) send it as "
                "a token",
            )


def _methods(ctx: ModuleContext, name: str) -> list[str]:
    """The factories ``name`` may stand for here: the function ("") or the
    class's classmethods."""
    for node in ctx.module.body:
        if isinstance(node, cst.FunctionDef) and node.name.value == name:
            return [""]
        if isinstance(node, cst.ClassDef) and node.name.value == name:
            return [
                f.name.value
                for f in node.body.body
                if isinstance(f, cst.FunctionDef)
                and any(
                    isinstance(d.decorator, cst.Name)
                    and d.decorator.value == "classmethod"
                    for d in f.decorators
                )
            ]
    return []


def _read_at(
    ctx: ModuleContext, variable: str, at: tuple[int, int]
) -> cst.BaseExpression | None:
    """The environment read of ``variable`` starting at ``at`` (line, column):
    the outermost subscript or call starting there (``os.environ.get(...)``,
    ``env["V"]``) that reads it (:func:`_variable`, on its own text)."""
    found = [
        node
        for node in walk(ctx.module)
        if isinstance(node, (cst.Subscript, cst.Call)) and ctx.start(node) == at
    ]
    found.sort(key=lambda node: len(ctx.code(node)), reverse=True)
    for node in found[:1]:
        code = ctx.code(node).strip()
        if variable in code and _ENV.fullmatch(code):
            return node
        if _COMPUTED.fullmatch(code) or _FILE_NAMED.fullmatch(code):
            return node  # env["V"] or os.environ.get(prefix + "V"), as _made read it
    return None


_ENV = re.compile(
    r"""(?:os\.)?(?:environ\s*\[\s*|environ\.get\(\s*|getenv\(\s*)['"]\w+['"].*[\])]""",
    re.S,
)
_FILE_NAMED = re.compile(  # os.environ[raw["hubspot"]["api_key_env"]]
    r"""(?:os\.)?(?:environ\s*\[\s*|environ\.get\(\s*|getenv\(\s*)\w+\s*\[.*[\])]""",
    re.S,
)
_COMPUTED = re.compile(
    r"""(?:os\.)?(?:\w+\s*\[\s*|\w+\.get\(\s*|getenv\(\s*)(?:\w+\s*\+\s*)?['"]\w+['"].*[\])]""",
    re.S,
)
