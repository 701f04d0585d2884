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
"""

from __future__ import annotations

import ast
import functools
import os
import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate import hubspot, keys
from hapimigrate.analysis import origins, values
from hapimigrate.model import Carrier, CarrierUse, Kind, Status
from hapimigrate.python.context import ModuleContext, walk
from hapimigrate.tree_imports import importable_names, is_test_module, module_file

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
    mock (as a made-up key handed in directly does)."""
    if not (is_test_module(ctx.path) and isinstance(value, cst.Call)):
        return False
    given = [
        a.value
        for a in value.args
        if a.keyword is not None and a.keyword.value == field.lstrip(".")
    ]
    return (
        len(given) == 1
        and not any(a.star for a in value.args)
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
    return None


def placement(
    ctx: ModuleContext, value: cst.BaseExpression, field: str, owner: Carrier
) -> Placement | str:
    """The factory filling ``field`` of the object ``value`` (handed to
    ``owner``, whose requests send that field) from the key's variable, or why
    it cannot become the token there."""
    if not re.fullmatch(r"\.[A-Za-z_]\w*", field):
        return f"the key is {field} of the object, not a field read by name"
    name = field[1:]
    if len(ctx.several_keys) > 1:
        return "the tree sends several configured keys"
    found = _factory(ctx, value)
    if isinstance(found, str):
        return found
    path, imported, method = found
    made = _made(path, imported, method)
    if isinstance(made, str):
        return made
    cls, filled, variable, line, at = made
    if filled != name:
        return f"{imported}() fills {filled} from the key's variable, not {name}"
    place = Placement(path, imported, method, cls, name, variable, line, at)
    problem = _elsewhere(place, owner)
    return problem or place


def _factory(ctx: ModuleContext, value: cst.BaseExpression) -> tuple | str:
    """(the factory's file, the name imported, the classmethod) of a call,
    or of the call a local name is bound to, once (``cfg = config.load()``)."""
    if isinstance(value, cst.Name):
        scope = ctx.lexical_scope(value)
        bindings = list(scope[value.value]) if scope is not None else []
        if len(bindings) == 1:
            bound = getattr(bindings[0], "node", None)
            made = values.assigned_value(ctx, bound) if bound is not None else None
            value = made if isinstance(made, cst.Call) else value
    if not isinstance(value, cst.Call):
        return "the object is not made by a call of a factory here"
    dotted = _dotted(value.func)
    if dotted is None:
        return "the object's factory is not named"
    parts = dotted.split(".")
    module = _imported_module(ctx, parts[0], parts[1:])
    if module is not None and len(module[1]) in (1, 2):
        path, names = _as_run_names(ctx.path, module[0]), module[1]
        return path, names[0], names[1] if len(names) == 2 else ""
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
    if function is None:
        return f"{name}{'.' + method if method else ''}() is not a factory hapimigrate reads"
    returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
    if len(returns) != 1 or not isinstance(returns[0].value, ast.Call):
        return f"{name}() does not return one object it makes"
    call = returns[0].value
    made = call.func
    if isinstance(made, ast.Name) and made.id == "cls" and cls_name:
        made_name = cls_name
    elif isinstance(made, ast.Name):
        made_name = made.id
    else:
        return f"{name}() does not return an object of a class of its module"
    cls = top.get(made_name)
    if not isinstance(cls, ast.ClassDef):
        return f"{made_name}, which {name}() makes, is not a class of its module"
    if call.args or any(k.arg is None for k in call.keywords):
        return f"{name}() gives {made_name} values by position or **"
    filled = []
    for keyword in call.keywords:
        read = _env_read(keyword.value, function)
        if read is not None and _portal_key(read[0]):
            filled.append((keyword.arg, *read))
    if len(filled) != 1:
        return (
            f"{name}() does not fill one field of {made_name} from the key's variable"
        )
    field, variable, line = filled[0]
    return made_name, field, variable, line, (call.lineno, call.col_offset)


def _portal_key(variable: str) -> bool:
    """A variable naming a portal's key (not a developer key)."""
    return bool(re.search(r"KEY|HAPI", variable, re.I)) and not (
        hubspot.names_developer_key(variable)
    )


def _env_read(node: ast.expr, function: ast.FunctionDef) -> tuple[str, int] | None:
    """The variable ``node`` reads (directly, or a local bound once to it and
    otherwise only tested), with the read's line."""
    read = _variable(node)
    if read is not None:
        return read, node.lineno
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
    assigns = [
        n
        for n in ast.walk(function)
        if isinstance(n, ast.Assign)
        and len(n.targets) == 1
        and isinstance(n.targets[0], ast.Name)
        and n.targets[0].id == node.id
    ]
    if len(bindings) != 1 or len(assigns) != 1:
        return None
    if any(a.arg == node.id for a in function.args.args + function.args.kwonlyargs):
        return None
    tested = {
        id(n)
        for test in ast.walk(function)
        if isinstance(test, ast.If)
        for n in ast.walk(test.test)
    }
    if any(id(n) not in tested and n is not node for n in loads):
        return None  # read for something else than to be given
    read = _variable(assigns[0].value)
    return (read, assigns[0].value.lineno) if read is not None else None


def _variable(node: ast.expr) -> str | None:
    """``os.environ["V"]``, ``os.environ.get("V"[, d])``, ``os.getenv("V"[, d])``."""
    if isinstance(node, ast.Subscript) and _names(node.value, "environ"):
        key = node.slice
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            return key.value
    if isinstance(node, ast.Call) and node.args and not node.keywords:
        func = node.func
        reads = (
            isinstance(func, ast.Attribute)
            and func.attr == "get"
            and _names(func.value, "environ")
        ) or _names(func, "getenv")
        first = node.args[0]
        if (
            reads
            and len(node.args) <= 2
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
            and all(isinstance(a, ast.Constant) for a in node.args[1:])
        ):
            return first.value
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


def _elsewhere(place: Placement, owner: Carrier) -> str | None:
    """Why the field cannot be the token: the class made, changed or its field
    read elsewhere in the tree."""
    factory = os.path.abspath(place.path)
    owner_path = os.path.abspath(owner.path)
    field = place.field
    names = sorted({place.cls, place.name, field})  # the factory's callers too
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
            _owner_sends(tree, text, owner.name, field) if here == owner_path else set()
        )
        if len(sends) > 1:
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
    return None


# a field read without its name (asdict(settings)["api_key"], vars(s)):
# in a module naming the class or the field
_OPAQUE = re.compile(r"\b(?:_?asdict|astuple|vars|getattr)\(|\.__dict__\b")


def _last(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


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


def _owner_sends(tree: ast.Module, text: str, owner: str, field: str) -> set[int]:
    """The ``.field`` reads of the owner (class or function ``owner``) in
    statements that send the key (``hapikey`` written in them)."""
    found: set[int] = set()
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
            if "hapikey" not in code.lower():
                continue
            found |= {
                id(n)
                for n in ast.walk(statement)
                if isinstance(n, ast.Attribute) and n.attr == field
            }
    return found


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
            cls, field, variable, line, _ = made
            read = _read_at(ctx, variable, line)
            if read is None:
                continue
            identity, label = origins.config_key(ctx, read)
            ctx.edits.replace[read] = ctx.token()
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


def _read_at(ctx: ModuleContext, variable: str, line: int) -> cst.BaseExpression | None:
    """The environment read of ``variable`` at ``line``."""
    found = [
        node
        for node in walk(ctx.module)
        if isinstance(node, (cst.Subscript, cst.Call))
        and ctx.start(node)[0] == line
        and _ENV.fullmatch(ctx.code(node).strip())
        and variable in ctx.code(node)
    ]
    return found[0] if len(found) == 1 else None


_ENV = re.compile(
    r"""(?:os\.)?(?:environ\s*\[\s*|environ\.get\(\s*|getenv\(\s*)['"]\w+['"].*[\])]""",
    re.S,
)
