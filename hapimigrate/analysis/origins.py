"""Where a key's value comes from: the app's configuration, or the caller.

    API_KEY = os.environ["HUBSPOT_API_KEY"]      config: the token provider replaces it
    def contacts(portal_key): ...portal_key...   caller: whoever calls passes the key
    self.api_key = api_key  (in __init__)        caller: whoever builds the client
    def get(key=API_KEY): ...key...              mixed: the caller's, or the config's
    self.key = key or settings.HUBSPOT_API_KEY   fallback: the caller's, else the
                                                 config's (which can become the token)

Only a key of the configuration may become the provider's token: a caller's
credential (multi-tenant code, web handlers) must stay the caller's. The walk is
small and conservative: what it cannot place is ``unknown``.
"""

from __future__ import annotations

import builtins
import dataclasses
import functools
import os
import re
from dataclasses import dataclass

from typing import TypeVar

import libcst as cst
from libcst.metadata import ClassScope, FunctionScope, GlobalScope

from hapimigrate import keys, tree_imports
from hapimigrate.analysis import arguments, named_variables, namespace_writes, values
from hapimigrate.analysis import configured_sources, django_options, flask_config
from hapimigrate.analysis import config_files, config_objects, same_key, top_level_order
from hapimigrate.analysis import project_values
from hapimigrate.analysis.flow import Flow
from hapimigrate.model import UNPLACED_KEY
from hapimigrate.python.context import ModuleContext, dotted_code, walk

_Node = TypeVar("_Node", bound=cst.CSTNode)

CONFIG, CALLER, FALLBACK = "config", "caller", "fallback"
MIXED, UNKNOWN = "mixed", "unknown"
SEVERAL = "several"  # one of two configured keys: A if DEBUG else B
_DEPTH = 8


@dataclass(frozen=True)
class Origin:
    kind: str  # CONFIG, CALLER, FALLBACK, MIXED or UNKNOWN
    parameter: str = ""  # for CALLER and MIXED: "portal_key of contacts()"
    fallback: cst.BaseExpression | None = None  # FALLBACK: the configured default
    param: cst.Param | None = None  # CALLER, FALLBACK: the parameter it comes in by
    # CALLER: the key is this field of what the caller passes (cfg.hubspot_key):
    # the caller's object stays an object, it cannot become the token
    container: str = ""
    # CALLER with a container: the object taken when the caller gives none
    # (``settings or config.load()``), whose field may become the token where
    # a factory makes it (:mod:`hapimigrate.analysis.configured_objects`)
    default: cst.BaseExpression | None = None
    # CALLER given at run time by a file (no parameter): the read (``f.read()``,
    # ``json.load(f)``) and the literal fields down to the key (``("hubspot",)``)
    read: cst.CSTNode | None = None
    path: tuple[str, ...] = ()


_LITERALS = (cst.SimpleString, cst.ConcatenatedString, cst.Integer, cst.Float)


def key_origin(ctx: ModuleContext, node: cst.CSTNode) -> Origin:
    return _origin(ctx, node, 0, set())


def combine(origins: list[Origin]) -> Origin:
    """The origin of a value built from values of these origins."""
    kinds = {o.kind for o in origins}
    named = next((o.parameter for o in origins if o.parameter), "")
    if SEVERAL in kinds:
        return next(o for o in origins if o.kind == SEVERAL)
    fallbacks = {id(o.fallback) for o in origins if o.kind == FALLBACK}
    if kinds == {FALLBACK} and len(fallbacks) == 1:
        return origins[0]
    if not kinds or UNKNOWN in kinds:
        return Origin(UNKNOWN, named)
    if kinds == {CONFIG}:
        return Origin(CONFIG)
    params = {id(o.param) for o in origins}
    reads = {(id(o.read), o.path) for o in origins}
    if kinds == {CALLER} and len(params) == 1 and len(reads) == 1:
        return origins[0]
    # two callers' values (key or self.settings.api_key: a parameter, and a
    # field of what the constructor was given): which one is sent, and whether
    # its callers pass a token, is for a person
    return Origin(MIXED, named)


def _origin(
    ctx: ModuleContext, node: cst.CSTNode, depth: int, seen: set[int]
) -> Origin:
    found = _chosen(ctx, node, _several(ctx, node, depth, seen))
    return found


def _chosen(ctx: ModuleContext, node: cst.CSTNode, found: Origin) -> Origin:
    """``found``, its keys noted when it is one of several configured keys
    (``os.environ["PROD_KEY"] if LIVE else os.environ["TEST_KEY"]``, or a
    module's dict of them looked up at run time: ``KEYS[portal]``): a use left
    manual for it still tells that the module sends those portals' keys, so
    that a plain use of one of them elsewhere is not taken as the only key."""
    if found.kind == SEVERAL and found.parameter:
        ctx.chosen_keys.update(found.parameter.split(", "))
    computed = _computed_pick(ctx, node)
    if computed is not None:  # os.environ["HUBSPOT_KEY_" + region.upper()]
        ctx.chosen_keys.add(computed)
    table = _looked_up_table(node)
    if isinstance(table, cst.Attribute):
        _note_imported_table(ctx, table)  # settings.REGIONAL_KEYS[region]
    if isinstance(table, cst.Name):
        _note_imported_table(ctx, table)  # REGIONAL_KEYS, imported
        scope = ctx.lexical_scope(table)
        bindings = list(scope[table.value]) if scope is not None else []
        bound = (
            values.assigned_value(ctx, getattr(bindings[0], "node", None))
            if len(bindings) == 1
            else None
        )
        if isinstance(bound, (cst.Dict, cst.DictComp)):
            names = set(_ENV_NAME.findall(ctx.code(bound)))
            for element in getattr(bound, "elements", ()):
                if isinstance(element, cst.DictElement):  # {"us": HUBSPOT_API_KEY}
                    names |= _variables(ctx, element.value, 0, set())
            if len(names) > 1:
                ctx.chosen_keys.update(names)
            elif isinstance(bound, cst.DictComp) and _ENV_READ.search(
                ctx.code(bound)
            ):  # {p: os.environ.get("HUBSPOT_KEY_" + p.upper()) for p in ...}
                ctx.chosen_keys.add(f"{table.value}[...]")
    return found


def _computed_pick(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """A key picked by a name made at run time: an environment variable
    (``os.environ["HUBSPOT_API_KEY_" + region.upper()]``, ``os.getenv(f"...")``)
    or a settings attribute (``getattr(settings, "HUBSPOT_%s_KEY" % region)``):
    one key per value, counted as a key of its own ("os.environ[...]")."""
    picked: cst.BaseExpression | None = None
    holder = ""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if isinstance(index, cst.Index) and ctx.code(node.value) in (
            "os.environ",
            "environ",
        ):
            picked, holder = index.value, "os.environ[...]"
    elif isinstance(node, cst.Call) and node.args and not node.args[0].star:
        func = ctx.code(node.func)
        if func in ("os.environ.get", "environ.get", "os.getenv", "getenv"):
            picked, holder = node.args[0].value, "os.environ[...]"
        elif func == "getattr" and len(node.args) >= 2:
            holder = f"getattr({ctx.code(node.args[0].value)}, ...)"
            picked = node.args[1].value
    if picked is None or isinstance(picked, _LITERALS):
        return None
    if isinstance(picked, cst.Name):
        # NAME = "HUBSPOT_API_KEY": one variable; a parameter naming it
        # (def hs_get(path, variable="HUBSPOT_API_KEY")) is named_variables'
        scope = ctx.lexical_scope(picked)
        bindings = list(scope[picked.value]) if scope is not None else []
        nodes = [getattr(b, "node", None) for b in bindings]
        if any(isinstance(n, cst.Param) for n in nodes):
            return None
        if len(bindings) == 1:
            value = values.assigned_value(ctx, nodes[0])
            if isinstance(value, _LITERALS):
                return None
    return holder


def _looked_up_table(node: cst.CSTNode) -> cst.BaseExpression | None:
    """The table ``node`` looks a key up in by a value known at run time:
    ``KEYS[region]``, ``KEYS.get(region)``, ``settings.KEYS.get(region, KEY)``;
    None for a literal index (``KEYS["us"]``: one key) or no lookup."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        table, index = node.value, node.slice[0].slice
        if not isinstance(index, cst.Index):
            return None
        index = index.value
    elif (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get"
        and node.args
        and node.args[0].keyword is None
        and not node.args[0].star
    ):
        table, index = node.func.value, node.args[0].value
    else:
        return None
    if isinstance(index, _LITERALS) or not isinstance(table, (cst.Name, cst.Attribute)):
        return None
    return table


_DICT_ASSIGNMENT = re.compile(r"\s*[A-Za-z_]\w*\s*(?::[^=]*)?=\s*\{")


def _note_imported_table(ctx: ModuleContext, table: cst.BaseExpression) -> None:
    """As for a module's own dict of keys (see :func:`_chosen`), for one another
    module of the tree defines: ``settings.REGIONAL_KEYS[region]`` after ``from
    app import settings`` or ``import app.settings``, or ``REGIONAL_KEYS[region]``
    after ``from app.settings import REGIONAL_KEYS``. A table looked up by a
    value known at run time holds a key per that value, whatever its shape
    (``dict(...)``, filled item by item, chosen under an ``if``, read with a
    settings library): its environment variables when one literal dict names
    several, else the table itself counts as a key of its own."""
    found = _table_module(ctx, table)
    if found is None:
        return
    path = tree_imports.module_file(ctx.path, found[0], found[1])
    if path is None:
        return
    name = table.attr.value if isinstance(table, cst.Attribute) else found[2]
    text = tree_imports.variable_source(path, name)
    if text is None or not _DICT_ASSIGNMENT.match(text):
        ctx.chosen_keys.add(f"{ctx.code(table)}[...]")
        return
    names = set(_ENV_NAME.findall(text))
    if len(names) > 1:
        ctx.chosen_keys.update(names)
    elif _distinct_values(text) != 1:  # {"us": KEY, "eu": "0a9b..."}: two keys
        ctx.chosen_keys.add(f"{ctx.code(table)}[...]")


def _distinct_values(text: str) -> int:
    """How many different values the dict literal of ``text`` (its first
    statement; the others bind the names it reads) holds, names resolved:
    ``{"us": HUBSPOT_API_KEY, "default": HUBSPOT_API_KEY}`` holds one."""
    import ast

    try:
        statements = ast.parse(text).body
    except (SyntaxError, ValueError, RecursionError):
        return 0
    table = getattr(statements[0], "value", None) if statements else None
    if not isinstance(table, ast.Dict):
        return 0
    bound = {
        target.id: ast.dump(statement.value)
        for statement in statements[1:]
        if isinstance(statement, ast.Assign)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }
    return len(
        {
            bound.get(v.id, v.id) if isinstance(v, ast.Name) else ast.dump(v)
            for v in table.values
        }
    )


def _table_module(
    ctx: ModuleContext, table: cst.BaseExpression
) -> tuple[str, int, str] | None:
    """The module (dotted, level) another module's table is defined in, and
    its name there when imported by name; None where no import binds it."""
    if isinstance(table, cst.Attribute):
        owner = table.value
        if isinstance(owner, cst.Name):
            found = values.imported_module(ctx, owner)
            return (found[0], found[1], "") if found and found[0] else None
        dotted = dotted_code(owner)  # app.settings, after `import app.settings`
        imported = {
            dotted_code(alias.name)
            for statement in walk(ctx.module)
            if isinstance(statement, cst.Import)
            for alias in statement.names
            if alias.asname is None
        }
        return (dotted, 0, "") if dotted in imported else None
    if isinstance(table, cst.Name):
        binding = values.import_binding(ctx, table)
        if binding and binding[1] and (binding[0] or binding[2]):
            return binding[0], binding[2], binding[1]
    return None


def _several(
    ctx: ModuleContext, node: cst.CSTNode, depth: int, seen: set[int]
) -> Origin:
    found = _origin_of(ctx, node, depth, seen)
    if found.kind == CONFIG and isinstance(node, (cst.BooleanOperation, cst.Call)):
        # os.environ.get("HUBSPOT_API_KEY") or os.environ["HUBSPOT_SANDBOX_KEY"],
        # os.environ.get("A", os.environ.get("B")): whichever is set, two keys
        names = set(_ENV_NAME.findall(ctx.code(node)))
        if len(names) > 1:
            return Origin(SEVERAL, ", ".join(sorted(names)))
    if found.kind == CONFIG and depth == 0:
        # the same through names and functions: KEY = os.getenv("A") or
        # SANDBOX_KEY; def key(): return TEST_KEY if DEBUG else PROD_KEY
        names = _variables(ctx, node, 0, set())
        if len(names) > 1:
            return Origin(SEVERAL, ", ".join(sorted(names)))
    return found


_READERS = re.compile(
    r"""^(?:os\.)?(?:environ\s*\[|environ\.get\(|getenv\()\s*['"]([A-Za-z_]\w*)['"]"""
)


def _variables(
    ctx: ModuleContext, node: cst.CSTNode, depth: int, seen: set[int]
) -> set[str]:
    """The environment variables a configured value may be read from, through
    ``or``/``if-else`` alternatives, lookup defaults, names and this module's
    functions' returns (not their tests: ``os.getenv("DEBUG")`` decides, it is
    not the key)."""
    if depth > _DEPTH or id(node) in seen:
        return set()
    seen.add(id(node))
    again = lambda child: _variables(ctx, child, depth + 1, seen)  # noqa: E731
    if isinstance(node, cst.BooleanOperation):
        return again(node.left) | again(node.right)
    if isinstance(node, cst.IfExp):
        return again(node.body) | again(node.orelse)
    if isinstance(node, (cst.Call, cst.Subscript)):
        read = _READERS.match(ctx.code(node))
        if read:
            found = {read.group(1)}
            if isinstance(node, cst.Call):
                for arg in node.args[1:2]:
                    found |= again(arg.value)  # os.environ.get("A", FALLBACK)
            return found
    if isinstance(node, cst.Call):
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in ("strip", "lower"):
            return again(func.value)
        if isinstance(func, cst.Name):
            function = Flow(ctx).local_function(node)
            if isinstance(function, cst.FunctionDef):
                return set().union(
                    *(again(r.value) for r in own_returns(function) if r.value)
                )
        return set()
    if isinstance(node, cst.Name):
        scope = ctx.lexical_scope(node)
        found: set[str] = set()
        for binding in scope[node.value] if scope is not None else ():
            bound = getattr(binding, "node", None)
            if isinstance(bound, cst.ImportFrom):  # each module's, by branch
                source = ctx.code(bound.module) if bound.module else ""
                found.add(f"{'.' * len(bound.relative)}{source}.{node.value}")
                continue
            value = values.assigned_value(ctx, bound)
            if value is not None:
                found |= again(value)
        return found
    return set()


def _parameter_based(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether the expression reads out of a parameter (``app.config["K"]`` of
    ``init_app(self, app)``): its callers say which application."""
    base = node
    while isinstance(base, (cst.Subscript, cst.Call, cst.Attribute)):
        base = base.value if not isinstance(base, cst.Call) else base.func
    if not isinstance(base, cst.Name):
        return False
    scope = ctx.lexical_scope(base)
    bindings = list(scope[base.value]) if scope is not None else []
    return any(isinstance(getattr(b, "node", None), cst.Param) for b in bindings)


def own_returns(function: cst.FunctionDef) -> list[cst.Return]:
    """The function's own return statements (not those of nested functions)."""
    return own_nodes(function, cst.Return)


def own_nodes(function: cst.FunctionDef, kind: type[_Node]) -> list[_Node]:
    """The function's own nodes of ``kind`` (its returns, its yields), not those
    of the functions, classes and lambdas inside it."""
    found: list[_Node] = []

    class Own(cst.CSTVisitor):
        def on_visit(self, node: cst.CSTNode) -> bool:
            if isinstance(node, kind):
                found.append(node)
            if isinstance(node, cst.FunctionDef):
                return node is function
            return not isinstance(node, (cst.ClassDef, cst.Lambda))

    function.visit(Own())
    return found


def _origin_of(
    ctx: ModuleContext, node: cst.CSTNode, depth: int, seen: set[int]
) -> Origin:
    if depth > _DEPTH or id(node) in seen:
        return Origin(UNKNOWN)
    seen = seen | {id(node)}
    again = lambda child: _origin(ctx, child, depth + 1, seen)  # noqa: E731
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)):
        return Origin(CONFIG)  # written in the code
    if isinstance(node, cst.FormattedString):
        parts = [
            p.expression
            for p in node.parts
            if isinstance(p, cst.FormattedStringExpression)
        ]
        return combine([again(p) for p in parts]) if parts else Origin(CONFIG)
    if isinstance(node, (cst.Subscript, cst.Call)):
        # os.environ[variable], variable="HUBSPOT_API_KEY" whatever the callers
        if named_variables.defaulted_variable(ctx, node) is not None:
            return Origin(CONFIG)
        named = named_variables.set_elsewhere(ctx, node)
        if named is not None:  # a caller may name another variable
            return Origin(MIXED, named)
        if flask_config.configured(ctx, node):  # app.config["K"] in init_app(app)
            return Origin(CONFIG)
        flask = flask_config.config_key(node)
        where = (
            flask_config.set_per_app(ctx, flask)
            if flask and not _parameter_based(ctx, node)
            else None
        )
        if where is not None:  # app.config["K"] = tenant.key in an app factory
            return Origin(UNKNOWN, f"config {flask} set at {where}, per app")
    if isinstance(node, (cst.Name, cst.Attribute, cst.Subscript, cst.Call)):
        imported = _incoming(ctx, node) or _imported_chain(ctx, node, depth)
        if imported is not None:
            return imported
    if isinstance(node, cst.Name):
        return _name_origin(ctx, node, again)
    if isinstance(node, cst.Attribute):
        return _attribute_origin(ctx, node, again)
    incoming = _incoming(ctx, node)
    if incoming is not None:
        return incoming
    if isinstance(node, cst.Subscript):
        # portal["api_key"], os.environ["X"]; the index counts when it is not
        # written in the code: os.environ["KEY_" + client], KEYS[portal]
        index = [
            s.slice.value
            for s in node.slice
            if isinstance(s.slice, cst.Index)
            and not isinstance(s.slice.value, _LITERALS)
        ]
        field = config_objects.dict_attribute_field(
            ctx, node
        ) or config_objects.module_dict_field(ctx, node)
        if field is not None:  # self.credentials["hubspot"]["api_key"], CONFIG["k"]
            filled = again(field)
            if filled.kind == CONFIG:
                return filled
        read = again(node.value)
        if read.read is not None:  # keys["hubspot"] of json.load(f)
            return _file_field(read, node)
        container = _contents(read, ctx.code(node)[len(ctx.code(node.value)) :])
        return combine([container, *(_chooser(again(i)) for i in index)])
    if isinstance(node, cst.Call):
        func = node.func
        same = _same_text(ctx, node)
        if same is not None:  # str(KEY): what KEY is
            return again(same)
        if _reads_the_command_line(ctx, node):
            return Origin(CALLER, "the command line")
        if _read_from_a_file(ctx, node):
            return Origin(CALLER, "a file read at run time", read=node)
        loaded = config_files.structured_read(ctx, node)
        if loaded is not None:  # json.load(f) of with open("keys.json") as f
            return Origin(CALLER, f"{loaded}, read at run time", read=node)
        if _stored_lookup(ctx, node, again):
            shown = re.sub(r"""(['"])[^'"]*\1""", "'...'", ctx.code(node))
            return Origin(CALLER, f"key stored per tenant ({shown})")  # no literal
        # config.get("key"), os.getenv("X"), portal.get("api_key"): what the
        # receiver (or function) and the non-literal arguments are
        given = [a.value for a in node.args if not isinstance(a.value, _LITERALS)]
        if isinstance(func, cst.Attribute):
            receiver = again(func.value)
            if receiver.read is not None:  # keys.get("hubspot"), key.strip()
                return _file_field(receiver, node)
            if func.attr.value not in _KEY_METHODS:
                # cfg.get("hubspot", "api_key"): read out of what it is called
                # on (the caller's object stays an object; not the default's)
                receiver = _contents(receiver, f".{func.attr.value}()")
            return combine([receiver, *(_chooser(again(v)) for v in given)])
        if isinstance(func, cst.Name):
            return combine([again(func), *(_chooser(again(v)) for v in given)])
        return Origin(UNKNOWN)
    if isinstance(node, cst.BooleanOperation):
        left, right = again(node.left), again(node.right)
        if (
            isinstance(node.operator, cst.Or)
            and (left.kind, right.kind) == (CALLER, CONFIG)
            and left.default is None  # not a default object's field: mixed
        ):
            return Origin(
                FALLBACK, left.parameter, node.right, left.param, left.container
            )
        return combine([left, right])
    if isinstance(node, cst.IfExp):
        both = [again(node.body), again(node.orelse)]
        caller = tested_alternative(ctx, node)
        if caller is not None:  # api_key if api_key else settings.KEY
            given, default = both if caller is node.body else both[::-1]
            fallback = node.orelse if caller is node.body else node.body
            if (given.kind, default.kind) == (CALLER, CONFIG) and given.default is None:
                return Origin(
                    FALLBACK, given.parameter, fallback, given.param, given.container
                )
        if [o.kind for o in both] == [CONFIG, CONFIG]:
            names = {config_key(ctx, node.body)[0], config_key(ctx, node.orelse)[0]}
            if len(names) > 1 and not any(
                _is_none(n) for n in (node.body, node.orelse)
            ):
                return Origin(SEVERAL, ", ".join(sorted(names)))
        return combine(both)
    if isinstance(node, cst.BinaryOperation):
        return combine([again(node.left), again(node.right)])
    return Origin(UNKNOWN)


def _chooser(origin: Origin) -> Origin:
    """The origin of an index or argument that picks the key
    (``os.environ[SETTINGS["key_env"]]``, ``os.getenv(cfg["name"])``): a file's
    value there names which variable is read, it is not the key itself, so it
    cannot make the key one given at run time."""
    return Origin(UNKNOWN) if origin.read is not None else origin


def tested_alternative(ctx: ModuleContext, node: cst.IfExp) -> cst.CSTNode | None:
    """The branch of ``node`` that is the value its test tests: ``key`` of
    ``key if key else D``, ``key if key is not None else D``, ``D if not key
    else key``, ``D if key is None else key`` (None: another test)."""
    test = node.test
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        tested, given = test.expression, node.orelse
    elif (
        isinstance(test, cst.Comparison)
        and len(test.comparisons) == 1
        and _is_none(test.comparisons[0].comparator)
        and isinstance(test.comparisons[0].operator, (cst.Is, cst.IsNot))
    ):
        negated = isinstance(test.comparisons[0].operator, cst.Is)
        tested, given = test.left, node.orelse if negated else node.body
    else:
        tested, given = test, node.body
    if ctx.code(tested) != ctx.code(given):
        return None
    return given


# a key's own string methods: what they return is still that key
_KEY_METHODS = frozenset(
    {"strip", "lstrip", "rstrip", "lower", "upper", "decode", "encode"}
)


def _name_origin(ctx: ModuleContext, name: cst.Name, again) -> Origin:
    if name.value in ("None", "True", "False"):
        return Origin(CONFIG)
    scope = ctx.lexical_scope(name)
    if scope is None:
        return Origin(UNKNOWN)
    bindings = list(scope[name.value])
    if not bindings:
        return _free_name_origin(ctx, name)
    if all(isinstance(b.scope, GlobalScope) for b in bindings):
        written = _globals_write(ctx, name.value)
        if written:
            return Origin(UNKNOWN, f"{name.value}, also set through {written}")
    bindings = reaching(ctx, name, bindings)
    modules = _imported_modules(ctx, name.value, bindings)
    if len(modules) > 1:
        # if "--sandbox" in sys.argv: import sandbox_const as const / else:
        # import const: the module, and so its key, is chosen at run time
        return Origin(SEVERAL, f"{name.value} imported from {', '.join(modules)}")
    found = []
    configured = set()  # the configured keys the name is given, by identity
    for binding in bindings:
        node = getattr(binding, "node", None)
        assigned = values.assigned_value(ctx, node) if node is not None else None
        if assigned is not None and not _is_none(assigned):
            # config = json.loads(config) is not taken for the Variable read
            # before it: two DAGs' own Variables would look like one key, and a
            # task writing config[...] per run is not looked at (review 26, R9
            # and R10); config_objects.rebinds_itself stays for that proof
            configured.add(config_key(ctx, assigned)[0])
        if isinstance(node, cst.Param):
            found.append(_parameter_origin(ctx, node, again))
        elif isinstance(node, cst.FunctionDef) and _called(ctx, name):
            found.append(_returned_origin(ctx, node, again, ctx.parent(name)))
        elif isinstance(
            node, (cst.Import, cst.ImportFrom, cst.FunctionDef, cst.ClassDef)
        ):
            found.append(Origin(CONFIG))  # an import, a module function or class
        elif (stored := _loop_over_stored(ctx, node)) is not None:
            found.append(stored)
        elif isinstance(binding.scope, (GlobalScope, FunctionScope, ClassScope)):
            # what is assigned, wherever (a `global` assignment in a function
            # too); a loop variable, a with/except target: who knows
            value = values.assigned_value(ctx, node)
            found.append(again(value) if value is not None else Origin(UNKNOWN))
        else:
            found.append(Origin(UNKNOWN))
    origin = combine(found)
    if origin.kind == CONFIG and len(configured) > 1:
        # KEY = os.environ["HUBSPOT_API_KEY"], then `global KEY; KEY = SANDBOX`
        return Origin(SEVERAL, ", ".join(sorted(configured)))
    return origin


def _imported_modules(ctx: ModuleContext, bound: str, bindings: list) -> list[str]:
    """The distinct things the imports among ``bindings`` bind to ``bound``
    (``sandbox_const``, ``const``; ``local_settings.API_KEY``,
    ``settings.API_KEY``): more than one is a choice made at run time."""
    imported = set()
    for binding in bindings:
        for node, name in _import_bindings(ctx, getattr(binding, "node", None), bound):
            module, attribute, level = _imported_as(ctx, node, name)
            imported.add("." * level + ".".join(p for p in (module, attribute) if p))
    return sorted(imported)


def _import_bindings(
    ctx: ModuleContext, node: cst.CSTNode | None, bound: str
) -> list[tuple[cst.Import | cst.ImportFrom, str]]:
    """The imports a binding of ``bound`` stands for, with the name each binds:
    the import itself, or the imports of the name it is set to (``const =
    sandbox_const``, at the top or through ``global const``): a module rebound
    at run time is chosen as surely as one imported in a branch."""
    if isinstance(node, (cst.Import, cst.ImportFrom)):
        return [] if _fallback(ctx, node) else [(node, bound)]
    value = values.assigned_value(ctx, node) if node is not None else None
    if not isinstance(value, cst.Name) or value.value == bound:
        return []
    scope = ctx.lexical_scope(value)
    inner = [getattr(b, "node", None) for b in (scope[value.value] if scope else ())]
    if not inner or not all(isinstance(n, (cst.Import, cst.ImportFrom)) for n in inner):
        return []
    return [(n, value.value) for n in inner if not _fallback(ctx, n)]


_IMPORT_ERRORS = {"ImportError", "ModuleNotFoundError"}


def _fallback(ctx: ModuleContext, statement: cst.CSTNode) -> bool:
    """Whether ``statement`` is one side of ``try: import a / except
    ImportError: import b``: which module is there is the deployment's, not
    a choice each run makes (``local_settings``, else ``settings``)."""
    attempt = ctx.ancestor(statement, cst.Try)
    if attempt is None:
        return False
    for handler in attempt.handlers:
        caught = handler.type
        names = (
            (
                [e.value for e in caught.elements]
                if isinstance(caught, cst.Tuple)
                else [caught]
            )
            if caught is not None
            else []
        )
        if caught is None or any(
            ctx.code(n).split(".")[-1] in _IMPORT_ERRORS for n in names
        ):
            return True
    return False


def reaching(ctx: ModuleContext, name: cst.Name, bindings: list) -> list:
    """The bindings of ``name`` that may reach this read, where a statement of
    the function's own body (not in a branch or loop) rebinds it: ``api_key =
    api_key or settings.KEY`` hides the parameter from the reads below it, and
    the read in its own value sees only what was bound before it."""
    function = ctx.ancestor(name, cst.FunctionDef)
    if function is None:  # a script's later `data = resp.json()`: not yet run
        return top_level_order.seen_by_top_level_read(ctx, name, bindings)
    if not isinstance(function.body, cst.IndentedBlock):
        return bindings
    if ctx.lexical_scope(name) is not ctx.lexical_scope(function.body):
        return bindings  # a nested function, a comprehension: read when?
    body = function.body.body
    read = ctx.ancestor(name, cst.SimpleStatementLine)
    here = next((i for i, s in enumerate(body) if s is read), None)
    if here is None:  # in a compound statement: after which rebinding?
        here = next(
            (i for i, s in enumerate(body) if ctx.ancestor(name, type(s)) is s),
            None,
        )
    if here is None:
        return bindings
    at = {id(b): _top_rebinding(ctx, body, b) for b in bindings}
    before = [at[id(b)] for b in bindings if at[id(b)] is not None and at[id(b)] < here]
    if read is not None and any(at[id(b)] == here for b in bindings):
        # api_key = api_key or ...: the right side reads the earlier value
        return [b for b in bindings if at[id(b)] is None or at[id(b)] < here]
    if not before:
        return bindings
    last = max(before)  # the latest rebinding above the read hides the rest
    return [
        b
        for b in bindings
        if not isinstance(getattr(b, "node", None), cst.Param)
        and (at[id(b)] is None or at[id(b)] >= last)
    ]


def _top_rebinding(ctx: ModuleContext, body, binding) -> int | None:
    """The index in ``body`` of the statement ``name = value`` that makes
    ``binding``, when it is one of the function's own statements."""
    node = getattr(binding, "node", None)
    target = ctx.parent(node) if isinstance(node, cst.Name) else None
    assign = ctx.parent(target) if isinstance(target, cst.AssignTarget) else None
    if not (isinstance(assign, cst.Assign) and len(assign.targets) == 1):
        return None
    line = ctx.parent(assign)
    if not (isinstance(line, cst.SimpleStatementLine) and len(line.body) == 1):
        return None
    return next((i for i, s in enumerate(body) if s is line), None)


def _free_name_origin(ctx: ModuleContext, name: cst.Name) -> Origin:
    """A name no binding LibCST sees: bound where the analysis cannot follow
    it (a ``match`` capture, a walrus in a comprehension, ``globals()["KEY"] =
    key``, a name a loader injects, marked ``# noqa: F821``) it may hold any
    value; a builtin, a star import's global or a name defined nowhere
    (shorthand for a configured key) is the code's own, as before."""
    if name.value in _BUILTINS:
        return Origin(CONFIG)
    how = _bound_unseen(ctx, name)
    if how:
        return Origin(UNKNOWN, f"{name.value}, {how}")
    return Origin(CONFIG)


_UNSEEN_HINTS = re.compile(r"\bmatch\b|:=|globals\(|setattr\(|F821|name-defined")


def _bound_unseen(ctx: ModuleContext, name: cst.Name) -> str | None:
    """How ``name`` is bound out of LibCST's sight, if the module shows it."""
    if not _UNSEEN_HINTS.search(ctx.text):
        return None
    lines = re.split(r"\r\n|\r|\n", ctx.text)  # as LibCST counts (not \x0c)
    number = ctx.start(name)[0] - 1
    line = lines[number] if 0 <= number < len(lines) else ""
    if "F821" in line or "name-defined" in line:
        return "a name defined outside the module (noqa: F821)"
    for node in walk(ctx.module):
        if isinstance(node, (cst.MatchAs, cst.MatchStar)):
            bound = node.name
        elif isinstance(node, cst.MatchMapping):
            bound = node.rest
        elif isinstance(node, cst.NamedExpr):
            bound = node.target
        else:
            continue
        if isinstance(bound, cst.Name) and bound.value == name.value:
            return (
                "captured by a match pattern"
                if not isinstance(node, cst.NamedExpr)
                else "assigned by := inside a comprehension"
            )
    written = _globals_write(ctx, name.value)
    return f"set through {written}" if written else None


_BUILTINS = frozenset(dir(builtins)) | {"__file__", "__name__", "__builtins__"}


def _globals_write(ctx: ModuleContext, name: str) -> str | None:
    """How the module's namespace is written by name (``globals()["KEY"] =
    key``), if it is: then the name holds whatever was written."""
    written = namespace_writes.namespace_write(ctx, name)
    return written[0] if written else None


def _called(ctx: ModuleContext, name: cst.Name) -> bool:
    parent = ctx.parent(name)
    return isinstance(parent, cst.Call) and parent.func is name


def _returned_origin(
    ctx: ModuleContext, function: cst.FunctionDef, again, call: cst.CSTNode = None
) -> Origin:
    """What a call of this module's function gives: its returns' origin
    (``get_key()`` returning ``request.cookies.get("key")`` is the request's).
    A return computed from its own parameters is the arguments' business: the
    call's other parts decide, as for a function of another module."""
    returns = [r.value for r in own_returns(function) if r.value is not None]
    if not returns:
        return Origin(UNKNOWN, f"{function.name.value}() returns no key")
    found = [again(value) for value in returns]
    given = not isinstance(call, cst.Call) or bool(call.args)  # key(): its default
    chosen = _looked_up_by_parameter(function, returns) if given else None
    if chosen is not None:  # TENANT_KEYS[portal]: not the argument, a key it picks
        # its call without arguments (the default portal's key) is one of them:
        # that use is no longer the only key the module sends
        if _ENV_READ.search(ctx.code(function)):  # portals' variables, not a table
            ctx.chosen_keys.add(f"{function.name.value}(...)")
        return Origin(
            UNKNOWN,
            f"{function.name.value}() picks a key by its argument {chosen} (from "
            "a table, a tenant's key perhaps)",
        )
    if any(o.parameter.endswith(f" of {function.name.value}()") for o in found):
        return Origin(CONFIG)  # as any function: its arguments decide
    return combine(found)


def _looked_up_by_parameter(
    function: cst.FunctionDef, returns: list[cst.BaseExpression]
) -> str | None:
    """A parameter the returns use to choose a value, not as the value: an
    index (``TENANT_KEYS[portal]``) or a call's argument (``keys.get(portal)``,
    ``os.environ[name]``, ``vault.read(portal)``)."""
    params = function.params
    names = {
        p.name.value
        for p in (*params.posonly_params, *params.params, *params.kwonly_params)
    }
    for value in returns:
        for node in walk(value):
            if isinstance(node, cst.SubscriptElement):
                used = node.slice
            elif isinstance(node, cst.Arg):
                used = node
            else:
                continue
            for inner in walk(used):
                if isinstance(inner, cst.Name) and inner.value in names:
                    return inner.value
    return None


_COMMAND_LINE = {"parse_args", "parse_known_args", "input", "getpass", "raw_input"}

# -- values the program is handed at run time, per call ---------------------------
# An incoming web request's data (Flask's ``request.form["api_key"]``), and a
# lookup by a run-time value in another module (``db.portal_key(portal_id)``,
# rows of ``store.active_portals()``): a credential per tenant, never the one
# configured key. Like a caller's, it is sent as the token (what is posted or
# stored must be a token now), and never replaced by the provider's.
_REQUEST_DATA = {
    "form", "args", "values", "json", "get_json", "headers", "cookies", "data",
    "GET", "POST", "query_params", "body",
}  # fmt: skip
_CONFIG_WORDS = re.compile(r"(?i)conf|setting|environ|\benv|secret|vault|param|option")
# a store's own imports: database drivers and ORMs (anything else it imports,
# another module of the app's, may hand it the configured key)
_STORAGE_MODULES = {
    "sqlite3", "psycopg2", "psycopg", "asyncpg", "sqlalchemy", "pymongo", "motor",
    "redis", "peewee", "pony", "MySQLdb", "pymysql", "mysql", "dataset", "records",
    "threading", "contextlib", "functools", "typing", "dataclasses", "logging",
}  # fmt: skip
_IMPORTS = re.compile(r"^\s*(?:from|import)\s+\.*(\w*)", re.MULTILINE)
_KEY_LITERAL = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|\bpat-[a-z0-9]+-"
)
# what a function reading configuration (not a store of tenants' keys) shows
_READS_CONFIGURATION = re.compile(
    r"(?i)environ|getenv|conf|setting|secret|vault|open\(|json\.load|yaml|toml|"
    r"dotenv|\.ini\b|subprocess|keyring"
)

# where the store's own database is (``sqlite3.connect(os.environ.get("HOOKD_DB",
# ":memory:"))``): an environment read naming a location, not a credential
_STORE_LOCATION = re.compile(
    r"""\bos\.(?:environ\.get\(|getenv\(|environ\[)\s*['"]"""
    r"(?![^'\"]*(?i:key|token|secret|hapi|hubspot|auth|pass|cred|portal))"
    r"""(?=[^'"]*(?i:db|database|dsn|sqlite|path|file|dir|url|uri))[A-Za-z_]\w*['"]"""
)


def _incoming(ctx: ModuleContext, node: cst.CSTNode) -> Origin | None:
    """``request.form[...]``, ``request.headers.get(...)``, ``request.json[...]``:
    the web request's data."""
    defaults = False  # request.args.get("hapikey", KEY): the configured key, else
    while isinstance(node, (cst.Subscript, cst.Call, cst.Attribute)):
        if isinstance(node, cst.Call):
            defaults |= any(not isinstance(a.value, _LITERALS) for a in node.args[1:])
        inner = node.func if isinstance(node, cst.Call) else node.value
        if (
            isinstance(node, cst.Attribute)
            and node.attr.value in _REQUEST_DATA
            and _is_imported_request(ctx, inner)
        ):
            where = f"key in the web request ({ctx.code(node)})"
            return Origin(MIXED, where) if defaults else Origin(CALLER, where)
        node = inner
    return None


def _is_imported_request(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """``request`` imported as such (Flask's, Quart's, Bottle's, a shim's), or
    read from its imported module (``flask.request``)."""
    if (
        isinstance(node, cst.Attribute)
        and node.attr.value == "request"
        and isinstance(node.value, cst.Name)
    ):
        node = node.value  # flask.request: flask must be an import
        scope = ctx.lexical_scope(node)
        bindings = list(scope[node.value]) if scope is not None else []
        return bool(bindings) and all(
            isinstance(getattr(b, "node", None), cst.Import) for b in bindings
        )
    if not (isinstance(node, cst.Name) and node.value == "request"):
        return False
    scope = ctx.lexical_scope(node)
    bindings = list(scope[node.value]) if scope is not None else []
    return bool(bindings) and all(
        isinstance(getattr(b, "node", None), cst.ImportFrom) for b in bindings
    )


# -- what an imported object stands for -------------------------------------------
# An import is the configuration only where the code says so: a settings module or
# object (``from django.conf import settings``, ``import config``, ``os.environ``,
# ``decouple.config("KEY")``), a constant (``from keys import HUBSPOT_KEY``), a
# module of the tree. State per request, per user or per tenant (Flask's ``g`` and
# ``session``, flask_login's ``current_user``, django-tenants' ``connection.tenant``,
# ``Site.objects.get_current()``, a ``ContextVar``, a ``threading.local()``), and
# any other library's object, may hold each user's own key: not the configured one.
_CONFIGURATION_WORD = re.compile(
    r"(?i)conf|setting|environ|(?:^|_)env(?:$|_)|getenv|secret|vault|param|option|"
    r"credential|keyring|dotenv|decouple|dynaconf|^cfg$|^os$|^variables?$|"
    r"^get_connection$"  # Airflow's Variable.get("k"), BaseHook.get_connection("c")
)
_PER_REQUEST_WORD = re.compile(
    r"^(?:g|local|_local|_thread_local|thread_local|flask_g)$|session|tenant|"
    r"current_user|get_current|request|cookie|contextvar|(?:^|_)users?(?:$|_)"
)
_CONSTANT = re.compile(r"^_*[A-Z][A-Z0-9_]*$")
# clouds' secret stores (boto3.session.Session().client("secretsmanager"))
_SECRET_SDKS = {"boto3", "botocore", "hvac", "google", "azure"}
_PER_REQUEST_SOURCE = re.compile(
    r"\b(?:request|session|current_user|get_current\w*|ContextVar|contextvars|"
    r"threading\.local|local\(\)|tenant\w*|cookies)\b|\bg\."
)
PER_REQUEST = (
    "{}: state per request, per user or per tenant ({}), which may hold each "
    "user's own key, not the configured one"
)
IMPORTED_OBJECT = (
    "{}: a value of {}, which hapimigrate does not know for the app's "
    "configuration (it may differ per request, user or tenant)"
)


def _chain(node: cst.CSTNode) -> tuple[cst.CSTNode, list[str], bool]:
    """The root of ``a.b().c["d"]``, the names along it from the root (``b``,
    ``c``) and whether a call in it is given values not written out (then the
    call computes from them: ``quote(KEY)``, whose origin is its arguments')."""
    names: list[str] = []
    computed = False
    while True:
        if isinstance(node, cst.Attribute):
            names.append(node.attr.value)
            node = node.value
        elif isinstance(node, cst.Subscript):
            node = node.value
        elif isinstance(node, cst.Call):
            computed |= any(not isinstance(a.value, _LITERALS) for a in node.args)
            node = node.func
        else:
            break
    names.reverse()
    return node, names, computed


def _extends_chain(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` is the inner part of a longer ``a.b[...]()`` chain."""
    parent = ctx.parent(node)
    return (
        (isinstance(parent, cst.Attribute) and parent.value is node)
        or (isinstance(parent, cst.Subscript) and parent.value is node)
        or (isinstance(parent, cst.Call) and parent.func is node)
    )


def _import_statement(
    ctx: ModuleContext, name: cst.Name
) -> cst.Import | cst.ImportFrom | None:
    """The one import that binds ``name`` (None: another binding, or several)."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    statements = {
        id(getattr(b, "node", None)): getattr(b, "node", None) for b in bindings
    }
    if len(statements) != 1:
        return None
    statement = next(iter(statements.values()))
    return statement if isinstance(statement, (cst.Import, cst.ImportFrom)) else None


def _imported_as(
    ctx: ModuleContext, statement: cst.Import | cst.ImportFrom, bound: str
) -> tuple[str, str, int]:
    """(module, name, level) that the import binding ``bound`` reads: ``import
    a.b as c`` is ("a.b", "", 0), ``from ..a import b as c`` ("a", "b", 2)."""
    if isinstance(statement, cst.Import):
        for alias in statement.names:
            dotted = ctx.code(alias.name).replace(" ", "")
            if (alias.evaluated_alias or dotted.split(".")[0]) == bound:
                return (dotted if alias.asname else dotted.split(".")[0]), "", 0
        return "", "", 0
    module = ctx.code(statement.module).replace(" ", "") if statement.module else ""
    level = len(statement.relative)
    if isinstance(statement.names, cst.ImportStar):
        return module, "", level
    for alias in statement.names:
        name = ctx.code(alias.name).replace(" ", "")
        if (alias.evaluated_alias or name) == bound:
            return module, name, level
    return module, "", level


def _imported_chain(ctx: ModuleContext, node: cst.CSTNode, depth: int) -> Origin | None:
    """The origin of a value read from an import (``g.hubspot_key``,
    ``session["key"]``, ``current_tenant().key``), decided once, for the whole
    chain: None where the usual walk decides (the configuration, or a call
    computing from other values)."""
    if depth > 0 and _extends_chain(ctx, node):
        return None  # the chain around it was decided
    root, names, computed = _chain(node)
    if not isinstance(root, cst.Name) or (computed and _stored_lookup(ctx, node)):
        return None  # tenants.key_for(portal_id): a store of keys per tenant
    statement = _import_statement(ctx, root)
    if statement is None:
        return None
    module, name, level = _imported_as(ctx, statement, root.value)
    words = [w for w in [*module.split("."), name, root.value, *names] if w]
    if {"argv", *_COMMAND_LINE} & set(words) or module.split(".")[0] in _SECRET_SDKS:
        return None  # sys.argv, getpass.getpass(): the command line's
    code = ctx.code(node)
    marked = [  # what is read, not the module it is read from (user_settings.py)
        w
        for w in [name, root.value, *names]
        if w
        and w not in module.split(".")
        and not _CONSTANT.match(w)
        and _PER_REQUEST_WORD.search(w.lower())
    ]
    if marked:  # session.get("key", DEFAULT) too: whatever it is given
        return Origin(UNKNOWN, PER_REQUEST.format(code, marked[-1]))
    if computed:  # quote(KEY), lookup(portal_id): its arguments decide
        picked = _tree_pick(ctx, node, module, name, level, names)
        if picked:  # a key per argument: another key than a plain use's
            assert isinstance(node, cst.Call)
            ctx.chosen_keys.add(f"{dotted_code(node.func)}(...)")
        return Origin(UNKNOWN, picked) if picked else None
    if any(_CONFIGURATION_WORD.search(w) or _CONSTANT.match(w) for w in words):
        return None
    local = _tree_import(ctx, module, name, level, names)
    if local is not None:
        return None if local else Origin(UNKNOWN, PER_REQUEST.format(code, module))
    project = (
        project_values.project_read(ctx, module, name, level, names, root.value)
        if _plain_read(node)
        else None
    )
    if project is not None:  # const.apikey of a git-ignored const.py
        if not project.written:
            return None
        written = f"{project.holder}.{project.attribute}"
        where = project.written
        return Origin(UNKNOWN, project_values.WRITTEN.format(code, written, where))
    return Origin(UNKNOWN, IMPORTED_OBJECT.format(code, module or name))


def _plain_read(node: cst.CSTNode) -> bool:
    """``a.b.c``: names and attributes only, no call or index."""
    while isinstance(node, cst.Attribute):
        node = node.value
    return isinstance(node, cst.Name)


def _tree_import(
    ctx: ModuleContext, module: str, name: str, level: int, names: list[str]
) -> bool | None:
    """For an import of a module of the tree: True when what the chain reads is
    the module's own (its variables, a function of it reading no per-request
    state), False when a function of it reads such state; None for an import
    from outside the tree."""
    parts = [p for p in module.split(".") if p]
    rest = ([name] if name else []) + names
    path = None
    for extra in range(len(rest), -1, -1):  # the longest dotted path of a file
        dotted = ".".join(parts + rest[:extra])
        found = tree_imports.module_file(ctx.path, dotted, level) if dotted else None
        if found is not None:
            path, rest = found, rest[extra:]
            break
    if path is None:
        return None
    source = tree_imports.function_source(path, rest[0]) if rest else None
    return source is None or not _PER_REQUEST_SOURCE.search(source)


def _tree_pick(
    ctx: ModuleContext,
    node: cst.CSTNode,
    module: str,
    name: str,
    level: int,
    names: list[str],
) -> str:
    """Why a call of another module's function given arguments
    (``settings.api_key(PORTAL)``) is not its arguments' key: its returns pick
    one by them (``TENANT_KEYS[portal]``); "" otherwise."""
    if not (isinstance(node, cst.Call) and node.args):
        return ""
    parts = [p for p in module.split(".") if p]
    rest = ([name] if name else []) + names
    for extra in range(len(rest) - 1, -1, -1):
        dotted = ".".join(parts + rest[:extra])
        found = tree_imports.module_file(ctx.path, dotted, level) if dotted else None
        if found is not None and len(rest) == extra + 1:
            chosen = _picks_by_parameter(found, rest[extra])
            return (
                f"{rest[extra]}() picks a key by its argument {chosen} (from a "
                "table, a tenant's key perhaps)"
                if chosen
                else ""
            )
    return ""


@functools.lru_cache(maxsize=256)
def _picks_by_parameter(path: str, function: str) -> str:
    """A parameter the top-level ``function`` of the file at ``path`` returns a
    value chosen by (an index, a call's argument), as
    :func:`_looked_up_by_parameter` reads this module's functions."""
    import ast

    try:
        tree = ast.parse(tree_imports.read(path))
    except (SyntaxError, ValueError, RecursionError):
        return ""
    for top in tree.body:
        if not (
            isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef))
            and top.name == function
        ):
            continue
        params = {a.arg for a in (*top.args.posonlyargs, *top.args.args)}
        params |= {a.arg for a in top.args.kwonlyargs}
        for ret in ast.walk(top):
            if not isinstance(ret, ast.Return) or ret.value is None:
                continue
            for inner in ast.walk(ret.value):
                used = (
                    [inner.slice]
                    if isinstance(inner, ast.Subscript)
                    else (
                        [*inner.args, *(k.value for k in inner.keywords)]
                        if isinstance(inner, ast.Call)
                        else []
                    )
                )
                for part in used:
                    for leaf in ast.walk(part):
                        if isinstance(leaf, ast.Name) and leaf.id in params:
                            return leaf.id
    return ""


def _stored_lookup(ctx: ModuleContext, call: cst.CSTNode, again=None) -> bool:
    """``db.portal_key(event["portalId"])``: a function of an imported module
    (not a configuration reader), called with a value known at run time (its
    origin by ``again``; any arguments when None)."""
    if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute):
        return False
    root = call.func.value
    if not isinstance(root, cst.Name) or _CONFIG_WORDS.search(ctx.code(call.func)):
        return False
    if not _stores_keys(ctx, root, call.func.attr.value):
        return False
    if again is None:
        return True
    return any(
        not isinstance(a.value, _LITERALS) and again(a.value).kind in (CALLER, UNKNOWN)
        for a in call.args
    )


def _stores_keys(ctx: ModuleContext, module: cst.Name, function: str) -> bool:
    """Whether ``module.function`` is a function of a module of this tree (found
    beside this file or above it) that reads no configuration: a store of
    tenants' records, not the app's settings in disguise."""
    found = values.imported_module(ctx, module)
    if found is None or not found[0]:
        return False
    dotted, level = found
    path = tree_imports.module_file(ctx.path, dotted, level)
    source = tree_imports.function_source(path, function) if path else None
    if source is None:
        return False
    stripped = _STORE_LOCATION.sub("", source)
    # os for where its database is, and paths: nothing else of it
    allowed = _STORAGE_MODULES | (
        {"os"} if not re.search(r"\bos\.(?!path\.)", stripped) else set()
    )
    return (
        not _READS_CONFIGURATION.search(stripped)
        and not _KEY_LITERAL.search(source)
        and all(m.group(1) in allowed for m in _IMPORTS.finditer(source))
    )


def _loop_over_stored(ctx: ModuleContext, node: cst.CSTNode) -> Origin | None:
    """A loop variable over another module's rows (``for portal in
    store.active_portals()``): one tenant's record per turn."""
    loop = ctx.parent(node) if node is not None else None
    if isinstance(loop, cst.For) and loop.target is node:
        if _stored_lookup(ctx, loop.iter):
            return Origin(
                CALLER, f"key stored per tenant (a record of {ctx.code(loop.iter)})"
            )
    return None


def command_line_defaults(ctx: ModuleContext, value: cst.CSTNode) -> list:
    """The ``default=`` of every ``add_argument`` of this module that fills the
    option ``value`` reads (``args.api_key``)."""
    if not isinstance(value, cst.Attribute):
        option = django_options.option_name(ctx, value)  # options["api_key"]
        return dest_defaults(ctx, option) if option is not None else []
    return dest_defaults(ctx, value.attr.value)


def dest_defaults(ctx: ModuleContext, dest: str) -> list:
    """The ``default=`` of every ``add_argument`` of this module for ``dest``."""
    found = []
    for call in ctx.index.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "add_argument"):
            continue
        keywords = {a.keyword.value: a.value for a in call.args if a.keyword}
        if _dest(call, keywords) == dest and "default" in keywords:
            found.append(keywords["default"])
    return found


def _dest(call: cst.Call, keywords: dict) -> str | None:
    dest = keywords.get("dest")
    if isinstance(dest, cst.SimpleString):
        return str(dest.evaluated_value)
    options = [
        str(a.value.evaluated_value)
        for a in call.args
        if a.keyword is None and isinstance(a.value, cst.SimpleString)
    ]
    long = [o for o in options if o.startswith("--")] or options
    return long[0].lstrip("-").replace("-", "_") if long else None


COMMAND_LINE_DEFAULTS = (
    "the option {} has a default hapimigrate cannot make the token (two parsers, "
    "or not a configured key): run without it, the program would send that as "
    "a token; change the default by hand"
)


def command_line_default_problem(ctx: ModuleContext, value: cst.CSTNode) -> str | None:
    """Why an option's default cannot become the token, when it has one that
    :func:`command_line_default` does not give."""
    defaults = [
        d
        for d in command_line_defaults(ctx, value)
        if not (isinstance(d, cst.Name) and d.value == "None")
    ]
    if defaults and command_line_default(ctx, value) is None:
        return COMMAND_LINE_DEFAULTS.format(ctx.code(value))
    return None


def command_line_default(
    ctx: ModuleContext, value: cst.CSTNode
) -> cst.BaseExpression | None:
    """The configured default of a command-line option ``value`` reads:
    ``args.api_key`` with ``parser.add_argument("-k", "--api-key",
    default=os.environ.get("HUBSPOT_API_KEY"))`` in this module. When the option
    now takes a token, that default must be the provider's token."""
    if isinstance(value, cst.Attribute):
        wanted: str | None = value.attr.value
    else:
        wanted = django_options.option_name(ctx, value)  # options["api_key"]
    if wanted is None:
        return None
    found = None
    for call in ctx.index.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "add_argument"):
            continue
        keywords = {a.keyword.value: a.value for a in call.args if a.keyword}
        dest = keywords.get("dest")
        if isinstance(dest, cst.SimpleString):
            name = dest.evaluated_value
        else:
            options = [
                str(a.value.evaluated_value)
                for a in call.args
                if a.keyword is None and isinstance(a.value, cst.SimpleString)
            ]
            long = [o for o in options if o.startswith("--")] or options
            name = long[0].lstrip("-").replace("-", "_") if long else None
        if name != wanted or "default" not in keywords:
            continue
        if found is not None:
            return None  # two parsers, two defaults: which one is not known
        found = keywords["default"]
    if found is None or key_origin(ctx, found).kind != CONFIG:
        return None
    return found


def _reads_the_command_line(ctx: ModuleContext, call: cst.Call) -> bool:
    """``parser.parse_args()``, ``input()``, ``getpass()``: values a person types
    (``sys.argv[1]`` is an index of ``sys.argv``, seen as the attribute below)."""
    func = call.func
    name = (
        func.attr.value
        if isinstance(func, cst.Attribute)
        else getattr(func, "value", "")
    )
    return name in _COMMAND_LINE


_STRIPS = {"strip", "rstrip", "lstrip"}


def _read_from_a_file(ctx: ModuleContext, call: cst.Call) -> bool:
    """``handle.read().strip()`` of ``with open(path) as handle`` (text), or
    ``open(path).read().strip()``: what a file holds at run time, as a value typed on
    the command line is: the program sends what the file says (a token, once
    the file holds one)."""
    stripped = False
    while (
        isinstance(call.func, cst.Attribute)
        and call.func.attr.value in _STRIPS
        and isinstance(call.func.value, cst.Call)
    ):
        call, stripped = call.func.value, True
    holder = ctx.parent(call)  # the read itself, of handle.read().strip()
    if isinstance(holder, cst.Attribute) and holder.attr.value in _STRIPS:
        outer = ctx.parent(holder)
        stripped = stripped or (
            isinstance(outer, cst.Call) and outer.func is holder and not outer.args
        )
    if not stripped:
        return False  # a file's last newline would make an invalid header
    func = call.func
    if not (
        isinstance(func, cst.Attribute)
        and func.attr.value in ("read", "readline")
        and not call.args
    ):
        return False
    handle = func.value
    if isinstance(handle, cst.Call):
        return _opens_text(ctx, handle)
    if not isinstance(handle, cst.Name):
        return False
    scope = ctx.lexical_scope(handle)
    bindings = list(scope[handle.value]) if scope is not None else []
    if len(bindings) != 1:
        return False
    name = getattr(bindings[0], "node", None)
    item = ctx.ancestor(name, cst.WithItem) if name is not None else None
    return (
        isinstance(item, cst.WithItem)
        and item.asname is not None
        and item.asname.name is name
        and isinstance(item.item, cst.Call)
        and _opens_text(ctx, item.item)
    )


def _file_field(read: Origin, node: cst.BaseExpression) -> Origin:
    """The origin of ``node``, a step down from ``read``, a value read from a
    file at run time: a literal field extends the fixed path to the key
    (:func:`config_files.field_step`); anything else is not followed."""
    step = config_files.field_step(node)
    if step is None:
        return Origin(UNKNOWN, "a value read from a file, then picked")
    if step == config_files.KEEP:
        return read
    path = (*read.path, step)
    label = config_files.field_label(read.parameter, path)
    return dataclasses.replace(read, path=path, parameter=label)


def _opens_text(ctx: ModuleContext, call: cst.Call) -> bool:
    """``open(path)`` or ``open(path, "r")``: text, not bytes ("rb" would make
    ``"Bearer " + key`` raise), of a path that is the same on every call (not a
    file per portal or per customer: ``open(f"{portal}.key")``)."""
    if ctx.qualified_names(call.func) != {"builtins.open"}:
        return False
    if not call.args or not config_files.fixed_path(ctx, call.args[0].value):
        return False
    if config_files.written_here(ctx, call.args[0].value):
        return False  # the program's own configure step writes it
    mode = config_files.open_mode(call)
    if mode is None:
        return True
    text = mode.evaluated_value if isinstance(mode, cst.SimpleString) else None
    return isinstance(text, str) and "b" not in text


def _parameter_origin(ctx: ModuleContext, param: cst.Param, again) -> Origin:
    function = ctx.ancestor(param, cst.FunctionDef, cst.Lambda)
    where = (
        f"{param.name.value} of {function.name.value}()"
        if isinstance(function, cst.FunctionDef)
        else param.name.value
    )
    itself = configured_sources.object_itself(ctx, param)
    if itself is not None:  # self.load_key(): what the class reads, not a caller's
        return Origin(UNKNOWN, itself)
    if param.default is None or (
        isinstance(param.default, cst.Name) and param.default.value == "None"
    ):
        return Origin(CALLER, where, param=param)
    default = again(param.default)
    if default.kind == CONFIG:
        # def f(key=HUBSPOT_KEY): the caller's, by default the configured key
        # (attach.default_bound_problem: when the default may become the token)
        return Origin(FALLBACK, where, param.default, param)
    return Origin(MIXED, where) if default.kind != UNKNOWN else Origin(UNKNOWN, where)


def _attribute_origin(ctx: ModuleContext, node: cst.Attribute, again) -> Origin:
    base = node.value
    if ctx.code(node) == "sys.argv":
        return Origin(CALLER, "the command line")
    if not (isinstance(base, cst.Name) and base.value in ("self", "cls")):
        defaulted = _annotated_default(ctx, base, node.attr.value)
        if defaulted is not None:
            return Origin(MIXED, defaulted)
        # settings.KEY, config.hubspot.key, self.config.key: where the object is from
        return _contents(again(base), "." + node.attr.value)
    owner = ctx.ancestor(node, cst.ClassDef)
    if owner is None:
        return Origin(UNKNOWN)
    classes = [owner, *subclasses(ctx, owner)]  # a subclass may set its own key
    assigned = []
    shadowed = _always_set_by_init(ctx, classes, node.attr.value)
    for cls in classes:
        for statement in cls.body.body:  # class attributes: API_KEY = ...
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if (
                        isinstance(small, (cst.Assign, cst.AnnAssign))
                        and _targets(small, node.attr.value)
                        and small.value is not None
                        and not (shadowed and _is_none(small.value))
                    ):
                        assigned.append(small.value)
    for cls in classes:
        field = _constructor_field(ctx, cls, node.attr.value)
        if field is not None:
            return Origin(MIXED, field)
        if re.search(r"\bsetattr\(\s*(?:self|cls)\b|\b__dict__\b", ctx.code(cls)):
            # setattr(self, name, value) for what the constructor is given
            return Origin(
                MIXED,
                f"self.{node.attr.value}, {cls.name.value} sets attributes by name",
            )
    for other in ctx.index.attributes.get(node.attr.value, ()):
        holder = ctx.parent(other)
        if isinstance(holder, cst.AssignTarget) and not (
            isinstance(other.value, cst.Name) and other.value.value in ("self", "cls")
        ):  # c = Client(); c.api_key = tenant["key"]
            where = f"{ctx.code(other)}, set at line {ctx.start(other)[0]}"
            return Origin(MIXED, f"self.{node.attr.value}, also {where}")
        if (
            isinstance(other.value, cst.Name)
            and other.value.value in ("self", "cls")
            and ctx.ancestor(other, cst.ClassDef) in classes
        ):
            value = values.assigned_value(ctx, other)
            if value is not None:
                assigned.append(value)
            elif isinstance(holder, cst.AssignTarget):
                return Origin(UNKNOWN)  # a, self.x = ...
    declared = config_objects.declared_field(ctx, owner, node.attr.value, assigned)
    if not assigned:
        # set by a base class, a mixin, or from outside
        return Origin(
            UNKNOWN, declared or configured_sources.set_elsewhere(ctx, node, owner)
        )
    found = combine([again(v) for v in assigned])
    if found.kind == UNKNOWN and declared is not None:
        return Origin(UNKNOWN, declared)  # options = Prop() of a Propertized
    keys = {ctx.code(v) for v in assigned if not _is_none(v)}
    if found.kind == CONFIG and len(keys) > 1:
        # Portal.api_key and SandboxPortal.api_key: two configured keys
        return Origin(MIXED, f"self.{node.attr.value}, set to {len(keys)} keys")
    return found


def _always_set_by_init(
    ctx: ModuleContext, classes: list[cst.ClassDef], attr: str
) -> bool:
    """Whether every instance has ``self.<attr>`` set by the constructor before
    any method runs: the class's ``__init__`` assigns it in its own body (not
    under an ``if``, a ``try``, a loop), and no subclass defines another
    ``__init__``. Its class-level ``attr = None`` is then never read through
    ``self`` (``api_key = None`` beside ``self.api_key = api_key``)."""
    owner, *others = classes
    if any(_defines_init(cls) for cls in others):
        return False
    init = next(
        (
            s
            for s in owner.body.body
            if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"
        ),
        None,
    )
    if init is None or not isinstance(init.body, cst.IndentedBlock):
        return False
    for statement in init.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign) and any(
                isinstance(t.target, cst.Attribute)
                and isinstance(t.target.value, cst.Name)
                and t.target.value.value == "self"
                and t.target.attr.value == attr
                for t in small.targets
            ):
                return True
    return False


def _annotated_default(ctx: ModuleContext, base: cst.CSTNode, attr: str) -> str | None:
    """``s.api_key`` of a parameter ``s: Settings`` whose class (of this
    module) gives ``api_key`` a value of its own (``field(default_factory=lambda:
    os.environ["HUBSPOT_API_KEY"])``): a caller's ``Settings()`` holds the
    configured key, another's a token; which, the callers say."""
    if not isinstance(base, cst.Name):
        return None
    scope = ctx.lexical_scope(base)
    for binding in scope[base.value] if scope is not None else ():
        param = getattr(binding, "node", None)
        if not isinstance(param, cst.Param) or param.annotation is None:
            continue
        named = set(re.findall(r"[A-Za-z_]\w*", ctx.code(param.annotation.annotation)))
        for cls in ctx.module.body:
            if isinstance(cls, cst.ClassDef) and cls.name.value in named:
                if _class_value(cls, attr):
                    return (
                        f"{base.value}.{attr}, a {cls.name.value} whose {attr} has "
                        "a value of its own"
                    )
    return None


def _class_value(cls: cst.ClassDef, attr: str) -> bool:
    """Whether the class body gives ``attr`` a value other than None."""
    for statement in cls.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, (cst.Assign, cst.AnnAssign))
                    and _targets(small, attr)
                    and small.value is not None
                    and not _is_none(small.value)
                ):
                    return True
    return False


_FIELD_CLASSES = re.compile(
    r"^(?:dataclass(?:es\.dataclass)?|attr\.s|attrs?\.define|attrs?\.frozen|"
    r"attr\.attrs|define|frozen|pydantic\.dataclasses\.dataclass)\b"
)
_FIELD_BASES = re.compile(
    r"\b(?:BaseModel|BaseSettings|NamedTuple|TypedDict|Struct|Schema)\b"
)


def _constructor_field(ctx: ModuleContext, cls: cst.ClassDef, name: str) -> str | None:
    """``api_key: str = ...`` of a dataclass, an attrs class, a pydantic model
    or a NamedTuple: a constructor parameter, whose class-body value is only a
    default (callers, here or in other modules, may give another key)."""
    decorated = any(_FIELD_CLASSES.match(ctx.code(d.decorator)) for d in cls.decorators)
    based = any(_FIELD_BASES.search(ctx.code(b.value)) for b in cls.bases)
    if not (decorated or based):
        return None
    for statement in cls.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            attrs_field = (
                isinstance(small, cst.Assign)
                and _targets(small, name)
                and re.match(r"(?:attr|attrs)\.(?:ib|field)\(", ctx.code(small.value))
            )
            if (
                isinstance(small, cst.AnnAssign) and _targets(small, name)
            ) or attrs_field:
                return f"self.{name}, a field of {cls.name.value}: its callers may give another"
    return None


def _contents(container: Origin, field: str) -> Origin:
    """The origin of a value read out of an object (``settings.api_key``): the
    object's, except that a configured default object (``settings or
    Settings.from_env()``) is a caller's object whose default is a factory's
    (another default cannot become the token), and a caller's object is
    marked so (``field``: ``.api_key``, ``["api_key"]``): the key is one of its
    fields."""
    if (
        container.kind == FALLBACK
        and isinstance(container.fallback, (cst.Call, cst.Name))
        and re.fullmatch(r"\.[A-Za-z_]\w*", field)
    ):
        # settings or config.load() (or SETTINGS, made once by one): the caller's
        # object, by default a factory's (attach.callers_keys asks whether its
        # field can be the token)
        return Origin(
            CALLER,
            container.parameter,
            None,
            container.param,
            field,
            container.fallback,
        )
    if container.kind == FALLBACK:
        return Origin(MIXED, container.parameter)
    if container.kind == CALLER and container.param is not None:
        return dataclasses.replace(container, container=container.container or field)
    return container


def _is_none(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


def subclasses(ctx: ModuleContext, owner: cst.ClassDef) -> list[cst.ClassDef]:
    """Classes of this module that derive from ``owner``, at any depth."""
    found: list[cst.ClassDef] = []
    names = {owner.name.value}
    changed = True
    while changed:
        changed = False
        for node in ctx.module.body:
            if (
                isinstance(node, cst.ClassDef)
                and node not in found
                and node is not owner
                and any(
                    isinstance(b.value, cst.Name) and b.value.value in names
                    for b in node.bases
                )
            ):
                found.append(node)
                names.add(node.name.value)
                changed = True
    return found


def _targets(statement: cst.Assign | cst.AnnAssign, name: str) -> bool:
    targets = (
        [t.target for t in statement.targets]
        if isinstance(statement, cst.Assign)
        else [statement.target]
    )
    return any(isinstance(t, cst.Name) and t.value == name for t in targets)


LITERAL_KEY = "a key written in the code"
UNPLACED = UNPLACED_KEY
_ENV_NAME = re.compile(
    r"""(?:environ\s*\[|environ\.get\(|getenv\()\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]"""
)


def _literal_text(node: cst.CSTNode) -> object:
    return getattr(node, "evaluated_value", None) or cst.Module([]).code_for_node(node)


def described(ctx: ModuleContext, node: cst.CSTNode, depth: int = 3) -> str:
    """The key expression's code with what its names are assigned (``KEY``, then
    ``os.environ["HUBSPOT_DEVELOPER_API_KEY"]``): what its name says it is."""
    text = ctx.code(node)
    if depth == 0:
        return text
    more = []
    for name in _names_in(node):
        scope = ctx.lexical_scope(name)
        for binding in scope[name.value] if scope is not None else ():
            value = values.assigned_value(ctx, getattr(binding, "node", None))
            if value is not None:
                more.append(described(ctx, value, depth - 1))
    return " ".join([text, *more])


def _names_in(node: cst.CSTNode) -> list[cst.Name]:
    if isinstance(node, cst.Name):
        return [node]
    found: list[cst.Name] = []
    for child in node.children:
        if isinstance(child, cst.Attribute):
            continue  # settings.KEY names itself
        found += _names_in(child)
    return found


def config_key(
    ctx: ModuleContext, node: cst.CSTNode, depth: int = 0
) -> tuple[str, str]:
    """Which configured key an expression reads, as (identity, label). The
    identity is the key's name as the configuration knows it, so that spellings
    of one key agree across modules: ``os.environ["HUBSPOT_API_KEY"]``, an
    ``API_KEY`` assigned it, ``settings.HUBSPOT_API_KEY`` and an imported
    ``HUBSPOT_API_KEY`` are all ``HUBSPOT_API_KEY``. The label names it for
    people and never shows a literal key's value."""
    label = ctx.code(node)
    sole = same_key.sole_content(node)
    if sole is not None and depth < _KEY_DEPTH:  # f"{KEY}", "{}".format(KEY): KEY
        return config_key(ctx, sole, depth + 1)[0], label
    if isinstance(
        node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
    ):
        return repr(_literal_text(node)), LITERAL_KEY
    named = named_variables.defaulted_variable(ctx, node)
    if named is not None:  # os.environ[variable], by default HUBSPOT_API_KEY
        return named, label
    environment = _ENV_NAME.search(label)
    if environment:  # os.environ["HUBSPOT_API_KEY"], os.getenv("HUBSPOT_API_KEY")
        return environment.group(1), label
    named = _variable_by_name(ctx, node)
    if named is not None:  # ENV = "HUBSPOT_US_API_KEY"; os.environ[ENV]
        return named, label
    if isinstance(node, cst.Name):
        scope = ctx.lexical_scope(node)
        bindings = list(scope[node.value]) if scope is not None else []
        if len(bindings) == 1:
            value = values.assigned_value(ctx, getattr(bindings[0], "node", None))
            if value is not None and depth < _KEY_DEPTH:
                identity, _ = config_key(ctx, value, depth + 1)
                if _is_blank(value) and _names_holding(ctx, value) > 1:
                    # FromAPIKey = "" and ToAPIKey = "" (or "YOUR_API_KEY"): two
                    # names left to fill in for two portals' keys are two keys
                    # (a real key written out twice is one; one name and the
                    # same text written in a URL, one)
                    identity = f"{node.value} (left blank)"
                return identity, label
        if not bindings:  # a free name (a star import?): it says nothing certain
            return UNPLACED + node.value, label
        imported = getattr(bindings[0], "node", None)
        if len(bindings) == 1 and isinstance(imported, cst.ImportFrom):
            names = imported.names
            for alias in names if not isinstance(names, cst.ImportStar) else ():
                bound = alias.asname.name if alias.asname is not None else alias.name
                if ctx.code(bound) != node.value:
                    continue
                name = ctx.code(alias.name)  # from config import KEY as K: KEY
                dotted = ("." * len(imported.relative)) + (
                    ctx.code(imported.module) if imported.module is not None else ""
                )
                return _module_key(ctx, dotted, name), label
        return node.value, label  # an imported HUBSPOT_API_KEY
    if isinstance(node, cst.Attribute):  # settings.HUBSPOT_API_KEY
        if isinstance(node.value, cst.Name) and node.value.value in ("self", "cls"):
            # self.key = os.environ["HUBSPOT_API_KEY"], once, in __init__
            value = values.class_attribute(ctx, node) or _flask_set(ctx, node)
            if value is not None and depth < _KEY_DEPTH:
                identity, _ = config_key(ctx, value, depth + 1)
                return identity, label
        dotted = _imported_module(ctx, node.value)
        if dotted is not None:
            return _module_key(ctx, dotted, node.attr.value), label
        return node.attr.value, label
    flask = flask_config.config_key(node)
    if flask is not None:  # current_app.config["K"], app.config["K"]: K
        return flask, label
    inner = _same_text(ctx, node)
    if inner is not None and depth < _KEY_DEPTH:  # str(KEY), KEY.strip(): KEY
        return config_key(ctx, inner, depth + 1)[0], label
    field = None
    if isinstance(node, cst.Subscript) and depth < _KEY_DEPTH:
        field = config_objects.dict_attribute_field(
            ctx, node
        ) or config_objects.module_dict_field(ctx, node)
    if field is not None and _is_blank(field):
        # {"api_key": "your_api_key", "eu_api_key": "your_api_key"}: each slot
        # left for the user to fill in is a key of its own
        return config_objects.slot_name(ctx, node) + " (left blank)", label
    if field is not None:  # CONFIG["hubspot_api_key"]: what its item reads
        return config_key(ctx, field, depth + 1)[0], label
    subscript = same_key.subscript_identity(ctx, node)
    if subscript is not None and depth < _KEY_DEPTH:
        held = _bound_root(ctx, node)
        if held is not None:  # config = json.loads(os.environ["US"]): US[...]
            root, value = held
            return config_key(ctx, value, depth + 1)[0] + subscript[len(root) :], label
    if subscript is not None:  # st.secrets["api_key"], st.secrets['api_key']
        return subscript, label
    return label, label


_ENV_READ_CALLS = re.compile(r"(?:^|\.)(?:environ\.get|getenv)$")


def _variable_by_name(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """For an environment read in ``node`` keyed by a name, not a literal
    (``os.environ[ENV]``, ``json.loads(os.getenv(ENV))``): the variable a module
    constant bound once names (``ENV = "HUBSPOT_US_API_KEY"``); otherwise the
    read's text and this module's path, a key of its own, never the same as
    another module's ``os.environ[ENV]`` (review 27, R5). None where no such
    read is found."""
    for part in walk(node):
        if isinstance(part, cst.Subscript) and dotted_code(part.value).endswith(
            "environ"
        ):
            index = part.slice[0].slice if len(part.slice) == 1 else None
            name = index.value if isinstance(index, cst.Index) else None
        elif isinstance(part, cst.Call) and _ENV_READ_CALLS.search(
            dotted_code(part.func)
        ):
            name = part.args[0].value if part.args else None
        else:
            continue
        if not isinstance(name, cst.Name):
            continue
        constant = _constant_text(ctx, name)
        return constant or f"{ctx.code(part)} of {ctx.path}"
    return None


def _constant_text(ctx: ModuleContext, name: cst.Name) -> str | None:
    """The string a module-level name bound once holds, or None."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1:
        return None
    target = getattr(bindings[0], "node", None)
    if not isinstance(target, cst.Name) or ctx.ancestor(target, cst.FunctionDef):
        return None
    value = values.assigned_value(ctx, target)
    if isinstance(value, cst.SimpleString) and isinstance(value.evaluated_value, str):
        return value.evaluated_value
    return None


def _bound_root(
    ctx: ModuleContext, node: cst.Subscript
) -> tuple[str, cst.BaseExpression] | None:
    """For ``config["hubspot"]["api_key"]``: the name ``config`` and the value
    its one assignment gives it, so that two functions' or modules' ``config``
    bound to two configurations' blobs are two keys (review 26, R9); None for
    a root bound otherwise (a parameter, an import, several assignments)."""
    root: cst.BaseExpression = node
    while isinstance(root, cst.Subscript):
        root = root.value
    if not isinstance(root, cst.Name):
        return None
    scope = ctx.lexical_scope(root)
    bindings = list(scope[root.value]) if scope is not None else []
    if len(bindings) != 1:
        return None
    value = values.assigned_value(ctx, getattr(bindings[0], "node", None))
    if not isinstance(value, (cst.Call, cst.Attribute, cst.Subscript)) or any(
        isinstance(part, cst.SimpleString)
        and keys.is_plausible_key(str(part.evaluated_value))
        for part in walk(value)
    ):
        return None  # a dict written out: its text may hold a key's value
    return root.value, value


def _same_text(ctx: ModuleContext, node: cst.CSTNode) -> cst.BaseExpression | None:
    """The key expression ``node`` passes on as the same text: ``str(KEY)`` (the
    builtin), ``KEY.strip()``; None for anything else."""
    if not isinstance(node, cst.Call):
        return None
    func = node.func
    if (
        isinstance(func, cst.Name)
        and func.value == "str"
        and len(node.args) == 1
        and node.args[0].keyword is None
        and not node.args[0].star
        and "builtins.str" in ctx.qualified_names(func)
    ):
        return node.args[0].value
    if (
        isinstance(func, cst.Attribute)
        and func.attr.value in ("strip", "lstrip", "rstrip")
        and not node.args
    ):
        return func.value
    return None


_ENV_READ = re.compile(r"\b(?:environ\s*\[|environ\.get\(|getenv\()")


def _names_holding(ctx: ModuleContext, literal: cst.CSTNode) -> int:
    """How many names of the module are assigned this literal's text."""
    table = ctx.memoized("literal_names", lambda: _literal_names(ctx))
    text = literal.evaluated_value if isinstance(literal, cst.SimpleString) else None
    return len(table.get(text, ()))


def _literal_names(ctx: ModuleContext) -> dict[object, set[str]]:
    """Each string literal's text, with the names assigned it (``NAME = "..."``)."""
    table: dict[object, set[str]] = {}
    for node in walk(ctx.module):
        if (
            isinstance(node, cst.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0].target, cst.Name)
            and isinstance(node.value, cst.SimpleString)
        ):
            text = node.value.evaluated_value
            table.setdefault(text, set()).add(node.targets[0].target.value)
    return table


def _is_blank(node: cst.CSTNode) -> bool:
    """A string literal that is no real key (empty, ``"YOUR_API_KEY"``,
    ``"<your key>"``, ``"xxx"``: keys.py's rule): a key left for the user to
    fill in, one per name."""
    value = node.evaluated_value if isinstance(node, cst.SimpleString) else None
    return isinstance(value, str) and not keys.is_plausible_key(value)


_KEY_DEPTH = 6  # assignments followed to a key's configured name


def _flask_set(ctx: ModuleContext, node: cst.Attribute) -> cst.CSTNode | None:
    """``app.config["K"]`` of ``self.api_key = app.config["K"]`` in a Flask
    extension's ``init_app``, its constructor setting it None otherwise."""
    owner = ctx.ancestor(node, cst.ClassDef)
    found = []
    for attribute in ctx.index.attributes.get(node.attr.value, ()):
        holder = ctx.parent(attribute)
        if (
            isinstance(attribute.value, cst.Name)
            and attribute.value.value == "self"
            and ctx.ancestor(attribute, cst.ClassDef) is owner
            and isinstance(holder, cst.AssignTarget)
        ):
            value = values.assigned_value(ctx, attribute)
            if not _is_none(value):
                found.append(value)
    if len(found) == 1 and flask_config.configured(ctx, found[0]):
        return found[0]
    return None


def _imported_module(ctx: ModuleContext, node: cst.BaseExpression) -> str | None:
    """The module ``node`` names, where an import binds it (``import
    settings``, ``import app.sandbox as sb``, ``from app import sandbox``)."""
    if not isinstance(node, cst.Name):
        return None
    scope = ctx.lexical_scope(node)
    bindings = list(scope[node.value]) if scope is not None else []
    statement = getattr(bindings[0], "node", None) if len(bindings) == 1 else None
    if isinstance(statement, cst.Import):
        for alias in statement.names:
            bound = alias.asname.name if alias.asname is not None else alias.name
            if ctx.code(bound) == node.value:
                return ctx.code(alias.name)
    if isinstance(statement, cst.ImportFrom) and not isinstance(
        statement.names, cst.ImportStar
    ):
        base = ("." * len(statement.relative)) + (
            ctx.code(statement.module) if statement.module is not None else ""
        )
        for alias in statement.names:
            bound = alias.asname.name if alias.asname is not None else alias.name
            if ctx.code(bound) == node.value:
                joined = ctx.code(alias.name)
                return f"{base}.{joined}" if base.strip(".") else base + joined
    return None


def _module_key(ctx: ModuleContext, dotted: str, name: str, depth: int = 0) -> str:
    """The identity of another module's key ``name``: the bare name where the
    module of the tree assigns it from an environment variable (the tree's
    aliases tell that variable) or is not in the tree, else the module and the
    name (``sandbox.API_KEY``, read from a file, is not ``settings.API_KEY``:
    two portals' keys)."""
    level = len(dotted) - len(dotted.lstrip("."))
    path = tree_imports.module_file(ctx.path, dotted.lstrip("."), level)
    if path is None:  # const.apikey of a git-ignored const.py: not sandbox_const's
        return project_values.qualified_key(ctx, dotted, name) or name
    text = tree_imports.read(path).decode("utf-8", "replace")
    assigned = re.findall(
        rf"^[ \t]*{re.escape(name)}[ \t]*(?::[^=\n]*)?=(?!=)([^\n]*)", text, re.M
    )
    aliased = {re.sub(r"#.*", "", v).strip() for v in assigned}
    if len(aliased) == 1 and re.fullmatch(r"[A-Za-z_]\w*", next(iter(aliased))):
        target = aliased.pop()
        once = len(re.findall(rf"^[ \t]*{target}[ \t]*=(?!=)", text, re.M)) == 1
        if depth < 3 and once and not re.search(rf"\bglobal\b.*\b{target}\b", text):
            return _module_key(ctx, dotted, target, depth + 1)  # HAPIKEY = API_KEY
    if all(_ENV_NAME.search(v) or _VARIABLE_NAMED.search(v) for v in assigned):
        variables = {m.group(1) for v in assigned for m in [_ENV_NAME.search(v)] if m}
        folders = {os.path.dirname(path), os.path.dirname(os.path.abspath(ctx.path))}
        read = set().union(*(_env_names(f).get(name, set()) for f in folders))
        if len(variables) == 1 and len(read) > 1:  # sandbox.py's API_KEY too
            return variables.pop()  # HUBSPOT_SANDBOX_KEY is not HUBSPOT_API_KEY
        return name  # API_KEY = get_env("HUBSPOT_API_KEY"), config("...")
    return f"{dotted.lstrip('.')}.{name}"


@functools.lru_cache(maxsize=64)
def _env_names(folder: str) -> dict[str, set[str]]:
    """The names the Python files of a folder assign an environment variable
    at their top level (``API_KEY = os.environ["HUBSPOT_API_KEY"]``) -> the
    variables: a name two modules give different variables is two keys."""
    found: dict[str, set[str]] = {}
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return found
    for entry in names:
        if entry.endswith(".py"):
            text = tree_imports.read(os.path.join(folder, entry))
            for match in _TOP_ENV_ASSIGNMENT.finditer(text):
                found.setdefault(match.group(1).decode(), set()).add(
                    match.group(2).decode()
                )
    return found


_TOP_ENV_ASSIGNMENT = re.compile(
    rb"^([A-Za-z_]\w*)[ \t]*=[ \t]*(?:os\.)?(?:environ\[|environ\.get\(|getenv\()"
    rb"[ \t]*['\"]([A-Za-z_]\w*)['\"]",
    re.MULTILINE,
)
# a settings reader's argument naming an environment variable
_VARIABLE_NAMED = re.compile(r"""\(\s*['"][A-Z][A-Z0-9]*_[A-Z0-9_]+['"]""")


def caller_arguments(
    ctx: ModuleContext, param: cst.Param
) -> list[cst.BaseExpression] | None:
    """What the calls in this module pass for ``param``: to its function, or to
    the class whose ``__init__`` it belongs to. None where a call cannot be read
    (``*args``, ``**kwargs``)."""
    calls = _caller_calls(ctx, param)
    if calls is None:
        return None
    found = []
    for function, call, bound in calls:
        if any(a.star for a in call.args):
            return None
        value = arguments.bind(function, call, bound).get(param.name.value)
        if value is not None and value is not param.default:
            found.append(value)
    return found


def caller_leaving_none(ctx: ModuleContext, param: cst.Param) -> int | None:
    """The line of a call in this module that leaves ``param`` at its default
    ``None`` (``Client()`` of ``__init__(self, api_key=None)``): the key was
    then ``None``, which requests drops; a header built from it would raise."""
    if not (isinstance(param.default, cst.Name) and param.default.value == "None"):
        return None
    for function, call, bound in _caller_calls(ctx, param) or ():
        if any(a.star for a in call.args):
            continue
        value = arguments.bind(function, call, bound).get(param.name.value)
        if value is None or value is param.default:
            return ctx.start(call)[0]
    return None


def _caller_calls(
    ctx: ModuleContext, param: cst.Param
) -> list[tuple[cst.FunctionDef, cst.Call, bool]] | None:
    """The calls of this module reaching ``param``'s function, each with
    whether it fills the parameters after ``self``; None outside a function."""
    function = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    calls = list(Flow(ctx).callers(function))
    owner = ctx.ancestor(function, cst.ClassDef)
    constructor = function.name.value == "__init__" and isinstance(owner, cst.ClassDef)
    unbound: list[cst.Call] = []
    if constructor:
        assert isinstance(owner, cst.ClassDef)
        calls = _calls_named(ctx, owner) + _calls_of_cls(ctx, owner)
        # subclasses that inherit this __init__ (Sandbox(KEY)), and those whose
        # own __init__ hands it on (super().__init__(KEY), Base.__init__(self, KEY))
        for sub, inherits in _init_heirs(ctx, owner):
            if inherits:
                calls += _calls_named(ctx, sub) + _calls_of_cls(ctx, sub)
            calls += _super_init_calls(ctx, sub)
        unbound = _explicit_init_calls(ctx, owner)
    return [(function, call, constructor) for call in calls] + [
        (function, call, False) for call in unbound
    ]


def _defines_init(cls: cst.ClassDef) -> bool:
    return any(
        isinstance(s, cst.FunctionDef) and s.name.value == "__init__"
        for s in cls.body.body
    )


def _init_heirs(
    ctx: ModuleContext, owner: cst.ClassDef
) -> list[tuple[cst.ClassDef, bool]]:
    """The classes of this module whose ``super().__init__`` is ``owner``'s:
    each with whether it inherits it (defines no ``__init__`` of its own); not
    a developer-key subclass keeping copies of the requests (its key stays)."""
    from hapimigrate.fixers.developer_here import keeps_its_requests

    found: list[tuple[cst.ClassDef, bool]] = []
    pending = [owner]
    while pending:
        base = pending.pop()
        for node in ctx.module.body:
            if (
                isinstance(node, cst.ClassDef)
                and any(
                    isinstance(b.value, cst.Name) and b.value.value == base.name.value
                    for b in node.bases
                )
                and not keeps_its_requests(ctx, node)
            ):
                inherits = not _defines_init(node)
                if all(node is not c for c, _ in found):
                    found.append((node, inherits))
                    if inherits:
                        pending.append(node)  # its subclasses' super() is ours too
    return found


def _super_init_calls(ctx: ModuleContext, cls: cst.ClassDef) -> list[cst.Call]:
    """``super().__init__(...)`` / ``super(Cls, self).__init__(...)`` in ``cls``."""
    found = []
    for node in walk(cls):
        if (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "__init__"
            and isinstance(node.func.value, cst.Call)
            and isinstance(node.func.value.func, cst.Name)
            and node.func.value.func.value == "super"
        ):
            found.append(node)
    return found


def _explicit_init_calls(ctx: ModuleContext, owner: cst.ClassDef) -> list[cst.Call]:
    """``Base.__init__(self, ...)`` anywhere in the module."""
    found = []
    for attribute in ctx.index.attributes.get("__init__", ()):
        call = ctx.parent(attribute)
        if (
            isinstance(call, cst.Call)
            and call.func is attribute
            and isinstance(attribute.value, cst.Name)
            and attribute.value.value == owner.name.value
        ):
            found.append(call)
    return found


def _calls_of_cls(ctx: ModuleContext, owner: cst.ClassDef) -> list[cst.Call]:
    """``cls(...)`` in a class method and ``type(self)(...)``: constructor calls
    the class makes of itself (factories such as ``from_env``)."""
    found = []
    for node in walk(owner):
        if not isinstance(node, cst.Call):
            continue
        func = node.func
        if (isinstance(func, cst.Name) and func.value == "cls") or (
            isinstance(func, cst.Call)
            and isinstance(func.func, cst.Name)
            and func.func.value == "type"
        ):
            found.append(node)
    return found


def _calls_named(ctx: ModuleContext, owner: cst.ClassDef) -> list[cst.Call]:
    name = owner.name.value
    scope = ctx.lexical_scope(owner)
    calls = []
    for assignment in scope[name] if scope is not None else ():
        for ref in ctx.references(assignment):
            call = ctx.parent(ref.node)
            if isinstance(call, cst.Call) and call.func is ref.node:
                calls.append(call)
    return calls
