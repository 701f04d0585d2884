"""Whether the Authorization header can be given to a request as ``headers=``:
the object a request method is called on must be known to take it (built by a
known HTTP client's constructor, or, when it was taken for a client by its
name, a class or factory whose code shows it: see
:mod:`~hapimigrate.analysis.imported_clients` for other modules of the tree),
and a ``headers=`` value must be a mapping the header can be merged into (not
a list of pairs). Nor may it override what the object sends already: another
module's session that sets its own Authorization header (an OAuth mode), or a
urllib3 pool's default headers, which a request's ``headers=`` replaces. Each
answer is a reason for a person, or None.
"""

from __future__ import annotations

import ast
import os
import re

import libcst as cst

from hapimigrate.analysis import imported_clients, values
from hapimigrate.python.context import ModuleContext
from hapimigrate.tree_imports import package_mentions

CLIENT_CONSTRUCTORS = {
    "httpx.Client",
    "httpx.AsyncClient",
    "requests.Session",
    "requests.session",
    "requests.sessions.Session",
    "aiohttp.ClientSession",
}


def built_by_constructor(ctx: ModuleContext, name: cst.Name) -> bool:
    """``session = requests.Session()``, ``async with aiohttp.ClientSession() as
    session``: a name bound to a known HTTP client."""
    scope = ctx.lexical_scope(name)
    if scope is None:
        return False
    for assignment in scope.assignments[name.value]:
        node = getattr(assignment, "node", None)
        holder = ctx.parent(node) if node is not None else None
        if isinstance(holder, cst.AssignTarget):
            holder = ctx.parent(holder)
        value = getattr(holder, "value", None) if holder is not None else None
        if isinstance(holder, cst.AsName):
            item = ctx.parent(holder)
            value = getattr(item, "item", None)
        if isinstance(value, cst.Await):
            value = value.expression
        if (
            isinstance(value, cst.Call)
            and ctx.qualified_names(value.func) & CLIENT_CONSTRUCTORS
        ):
            return True
    return False


NOT_KNOWN_TO_TAKE_HEADERS = (
    "{}.{}() is {}, not known to take headers= (an object of another module, "
    "package or class): add the header by hand"
)


def receiver_doubt(ctx: ModuleContext, func: cst.Attribute) -> str | None:
    """Why ``client.get(...)``, taken for a request by the receiver's name, may
    not take ``headers=``: the receiver (or what built it) is imported from a
    package not known to be an HTTP client, or comes from a module of the tree
    or a class whose code does not show that it takes them (``def get(self,
    url, params=None)``)."""
    receiver, method = func.value, func.attr.value
    if isinstance(receiver, cst.Call):
        return None  # requests.Session().get(...): client_receiver knew it
    root = receiver
    while isinstance(root, cst.Attribute):
        root = root.value
    if not isinstance(root, cst.Name):
        return None
    scope = ctx.lexical_scope(root)
    bindings = list(scope[root.value]) if scope is not None else []
    if not bindings:
        return None
    label = ctx.code(receiver)
    if any(_is_import(b) for b in bindings):
        return _imported_doubt(ctx, receiver, method, label)
    if receiver is root:
        if built_by_constructor(ctx, root):
            return None
        values = [_assigned_value(ctx, b) for b in bindings]
        for binding in bindings:  # def fetch(session, ...): what callers pass
            if isinstance(getattr(binding, "node", None), cst.Param):
                values += _passed_values(ctx, binding.node)
    elif (
        isinstance(receiver, cst.Attribute)
        and receiver.value is root
        and root.value == "self"
    ):
        values = _self_attribute_values(ctx, receiver)
    else:
        return None
    for value in values:  # client = Client(), self.http = make_http()
        doubt = _value_doubt(ctx, value, method, label)
        if doubt:
            return doubt
    return None


def _value_doubt(
    ctx: ModuleContext,
    value: cst.BaseExpression | None,
    method: str,
    label: str,
    depth: int = 0,
) -> str | None:
    """Why the object ``value`` evaluates to may not take headers=."""
    if isinstance(value, cst.Await):
        value = value.expression
    if isinstance(value, cst.Call):
        return _built_doubt(ctx, value, method, label)
    if isinstance(value, cst.Name) and values.imported_here(ctx, value):
        return _imported_doubt(ctx, value, method, label)
    if isinstance(value, cst.Name) and depth < 2:  # fetch(http): http = Vendor()
        scope = ctx.lexical_scope(value)
        for binding in scope[value.value] if scope is not None else ():
            found = _value_doubt(
                ctx, _assigned_value(ctx, binding), method, label, depth + 1
            )
            if found:
                return found
    return None


def _passed_values(ctx: ModuleContext, param: cst.Param) -> list[cst.BaseExpression]:
    """What the calls of a module-level function in this module pass for
    ``param`` (by position or keyword)."""
    function = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef) or not isinstance(
        ctx.parent(function), cst.Module
    ):
        return []
    positional = [*function.params.posonly_params, *function.params.params]
    index = positional.index(param) if param in positional else None
    name = param.name.value
    found: list[cst.BaseExpression] = []
    for call in ctx.index.calls:
        if not (
            isinstance(call.func, cst.Name) and call.func.value == function.name.value
        ):
            continue
        plain = [a for a in call.args if a.keyword is None and not a.star]
        for arg in call.args:
            if arg.keyword is not None and arg.keyword.value == name:
                found.append(arg.value)
        if index is not None and index < len(plain):
            found.append(plain[index].value)
    return found


def _imported_doubt(
    ctx: ModuleContext, node: cst.BaseExpression, method: str, label: str
) -> str | None:
    names = ctx.qualified_names(node)
    if names and all(
        imported_clients.takes_headers(ctx.path, n, method) for n in names
    ):
        return None
    source = min(names) if names else ctx.code(node)
    return NOT_KNOWN_TO_TAKE_HEADERS.format(
        label, method, f"imported from {_package(source)}"
    )


def _built_doubt(
    ctx: ModuleContext, call: cst.Call, method: str, label: str
) -> str | None:
    """Why what ``call`` builds may not take headers=: an imported class or
    factory, or one of this module, whose code does not show it does."""
    names = ctx.qualified_names(call.func)
    if names & CLIENT_CONSTRUCTORS:
        return None
    built = f"built by {ctx.code(call.func)}()"
    if values.imported_here(ctx, call.func):
        if names and all(
            imported_clients.builds_a_client(ctx.path, n, method) for n in names
        ):
            return None
        source = min(names) if names else ctx.code(call.func)
        return NOT_KNOWN_TO_TAKE_HEADERS.format(
            label, method, f"{built} from {_package(source)}"
        )
    func = call.func
    if isinstance(func, cst.Name) and _defined_here(ctx, func.value):
        if imported_clients.local_builds_a_client(ctx.text, func.value, method):
            return None
        return NOT_KNOWN_TO_TAKE_HEADERS.format(label, method, built)
    return None  # a parameter's, a method's result: judged by the name


def _defined_here(ctx: ModuleContext, name: str) -> bool:
    return any(
        isinstance(node, (cst.ClassDef, cst.FunctionDef)) and node.name.value == name
        for node in ctx.module.body
    )


def self_attribute_values(
    ctx: ModuleContext, receiver: cst.Attribute
) -> list[cst.BaseExpression]:
    """What ``self.<name>`` is assigned in the class it is read in."""
    return _self_attribute_values(ctx, receiver)


def _self_attribute_values(
    ctx: ModuleContext, receiver: cst.Attribute
) -> list[cst.BaseExpression]:
    """What ``self.<name>`` is assigned in the class ``receiver`` is read in."""
    cls = ctx.ancestor(receiver, cst.ClassDef)
    found = []
    for attribute in ctx.index.attributes.get(receiver.attr.value, ()):
        holder = ctx.parent(attribute)
        if (
            isinstance(attribute.value, cst.Name)
            and attribute.value.value == "self"
            and isinstance(holder, cst.AssignTarget)
            and ctx.ancestor(attribute, cst.ClassDef) is cls
        ):
            statement = ctx.parent(holder)
            value = getattr(statement, "value", None)
            if isinstance(value, cst.Await):
                value = value.expression
            if value is not None:
                found.append(value)
    return found


def _package(dotted: str) -> str:
    """``internal_http`` for ``internal_http.client``: where the object comes from."""
    module = dotted.rsplit(".", 1)[0] if "." in dotted.lstrip(".") else dotted
    return module or dotted


def _is_import(binding: object) -> bool:
    return isinstance(getattr(binding, "node", None), (cst.Import, cst.ImportFrom))


def _assigned_value(ctx: ModuleContext, binding: object) -> cst.BaseExpression | None:
    node = getattr(binding, "node", None)
    holder = ctx.parent(node) if isinstance(node, cst.CSTNode) else None
    if isinstance(holder, cst.AssignTarget):
        holder = ctx.parent(holder)
    value = getattr(holder, "value", None) if holder is not None else None
    if isinstance(value, cst.Await):
        value = value.expression
    return value if isinstance(value, cst.BaseExpression) else None


LISTED_HEADERS = (
    "the request's headers= is a list of pairs ({}), not a mapping: add the "
    "Authorization pair by hand"
)
_SEQUENCES = (cst.List, cst.Tuple, cst.ListComp, cst.GeneratorExp)
_SEQUENCE_CALLS = {"builtins.list", "builtins.tuple", "builtins.sorted"}


def listed_headers(ctx: ModuleContext, call: cst.Call) -> str | None:
    """``headers=[("Accept", ...)]`` (httpx, aiohttp and urllib3 take pairs, and
    repeated names): a header cannot be merged into it as into a dict. Also
    through a name or ``self.<name>`` assigned such a value, and from the
    callers of a wrapper that hands its own ``**kwargs`` to the request."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "headers":
            shown = _pairs(ctx, arg.value)
            return LISTED_HEADERS.format(shown) if shown else None
    for arg in call.args:
        if arg.star == "**" and isinstance(arg.value, cst.Name):
            for caller in _callers_handing(ctx, call, arg.value.value):
                for given in caller.args:
                    if given.keyword is not None and given.keyword.value == "headers":
                        shown = _pairs(ctx, given.value)
                        if shown:
                            line = ctx.start(caller)[0]
                            where = (
                                f"written in the call at line {line}"
                                if shown == "written here"
                                else f"{shown}, by the call at line {line}"
                            )
                            return LISTED_HEADERS.format(where)
    return None


def _pairs(ctx: ModuleContext, value: cst.BaseExpression) -> str | None:
    """How to name ``value`` when it is known to be a list of pairs."""
    if _is_sequence(ctx, value):
        return "written here"
    bound: list[cst.BaseExpression | None] = []
    if isinstance(value, cst.Name):
        scope = ctx.lexical_scope(value)
        bindings = scope[value.value] if scope is not None else ()
        bound = [_assigned_value(ctx, b) for b in bindings]
    elif (
        isinstance(value, cst.Attribute)
        and isinstance(value.value, cst.Name)
        and value.value.value == "self"
    ):
        bound = [*_self_attribute_values(ctx, value), *_class_values(ctx, value)]
    if any(v is not None and _is_sequence(ctx, v) for v in bound):
        return ctx.code(value)
    return None


def _callers_handing(ctx: ModuleContext, call: cst.Call, kwargs: str) -> list[cst.Call]:
    """The calls in the module of the function ``call`` is made in, when it
    hands its own ``**kwargs`` to ``call`` (``def send(path, **kw):
    return httpx.get(..., **kw)``): by name, or as ``self.send``."""
    function = ctx.ancestor(call, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return []
    star = function.params.star_kwarg
    if star is None or star.name.value != kwargs:
        return []
    name = function.name.value
    return [
        c
        for c in ctx.index.calls
        if (isinstance(c.func, cst.Name) and c.func.value == name)
        or (isinstance(c.func, cst.Attribute) and c.func.attr.value == name)
    ]


def _is_sequence(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """A value known to be a list or tuple: a display, a comprehension,
    ``list(...)``, ``pairs + [...]``."""
    if isinstance(value, _SEQUENCES):
        return True
    if isinstance(value, cst.Call):
        return bool(ctx.qualified_names(value.func) & _SEQUENCE_CALLS)
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add):
        return _is_sequence(ctx, value.left) or _is_sequence(ctx, value.right)
    return False


def _class_values(
    ctx: ModuleContext, attribute: cst.Attribute
) -> list[cst.BaseExpression]:
    """``HEADERS = [...]`` in the body of the class ``self.HEADERS`` is read in."""
    cls = ctx.ancestor(attribute, cst.ClassDef)
    found: list[cst.BaseExpression] = []
    if not isinstance(cls, cst.ClassDef):
        return found
    name = attribute.attr.value
    for line in cls.body.body:
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for statement in line.body:
            if isinstance(statement, cst.Assign) and any(
                isinstance(t.target, cst.Name) and t.target.value == name
                for t in statement.targets
            ):
                found.append(statement.value)
            elif (
                isinstance(statement, cst.AnnAssign)
                and isinstance(statement.target, cst.Name)
                and statement.target.value == name
                and statement.value is not None
            ):
                found.append(statement.value)
    return found


# -- what another object already sends: its own Authorization header (an OAuth
# mode), or default headers a request's headers= replaces (urllib3) ---------------

ANOTHER_MODULES_AUTH = (
    "{} is {}'s object, which sets its own Authorization header there (line {}: "
    "an OAuth mode?): a header given to this request would override it; migrate "
    "by hand"
)
DEFAULTS_REPLACED = (
    "{} is a urllib3 pool made with default headers ({}), and a request's "
    "headers= replaces them (urllib3 does not merge): the header given here "
    "would drop them; add it to them or merge them in, by hand"
)
_AUTH_TEXT = re.compile(
    r"""(?i)['"]authorization['"]|['"]bearer\s|\bauth\s*=|oauth|access_token"""
)


def imported_object(
    ctx: ModuleContext, receiver: cst.BaseExpression
) -> tuple[str, ast.Module, str] | None:
    """The module of the tree (its path, parsed) and the module-level name of the
    object ``receiver`` is, when it is imported from one (``from crm.http import
    session``, ``http.session`` after ``from crm import http``)."""
    if not values.imported_here(ctx, receiver):
        return None
    names = ctx.qualified_names(receiver)
    if len(names) != 1:
        return None
    found = imported_clients._resolve(  # the same search as takes_headers'
        os.path.dirname(os.path.abspath(ctx.path)), next(iter(names))
    )
    if found is None or len(found[1]) != 1:
        return None
    module = imported_clients._parse(found[0])
    return (found[0], module, found[1][0]) if module is not None else None


def imported_auth(ctx: ModuleContext, receiver: cst.BaseExpression) -> str | None:
    """Why another module's session or client, which sets its own Authorization
    header (``session.headers["Authorization"] = ...`` in an OAuth branch,
    ``.auth = ...``, ``httpx.Client(auth=...)``), must not get a per-request
    one: it would override the other module's credential."""
    found = imported_object(ctx, receiver)
    if found is not None:
        path, module, name = found
        line = _sets_auth(module, name)
        if line is None:
            return None
        where = os.path.basename(path)
        return ANOTHER_MODULES_AUTH.format(ctx.code(receiver), where, line)
    # s = make_session(), self.http = HubSession(): another module's factory or
    # class whose code gives what it builds a credential (in an OAuth mode?)
    for value in _built_values(ctx, receiver):
        if isinstance(value, cst.Await):
            value = value.expression
        if not isinstance(value, cst.Call):
            continue
        local = _local_definition(ctx, value.func)
        if local is not None and _AUTH_TEXT.search(ctx.code(local)):
            return ANOTHER_MODULES_BUILT_AUTH.format(
                ctx.code(receiver),
                ctx.code(value.func),
                "this module",
                ctx.start(local)[0],
            )
        made = imported_object(ctx, value.func)
        if made is None:
            continue
        path, module, name = made
        binding = imported_clients._top_level(module, name)
        if isinstance(
            binding, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
        ) and _AUTH_TEXT.search(ast.unparse(binding)):
            return ANOTHER_MODULES_BUILT_AUTH.format(
                ctx.code(receiver),
                ctx.code(value.func),
                os.path.basename(path),
                binding.lineno,
            )
    return None


def _local_definition(
    ctx: ModuleContext, func: cst.BaseExpression
) -> cst.FunctionDef | cst.ClassDef | None:
    """The module-level function or class of this module ``func`` names."""
    if not isinstance(func, cst.Name):
        return None
    for node in ctx.module.body:
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            if node.name.value == func.value:
                return node
    return None


ANOTHER_MODULES_BUILT_AUTH = (
    "{} is built by {}() of {} (line {}), whose code gives it a credential of its "
    "own (an Authorization header, auth=, an OAuth mode?): a header given to this "
    "request would override it; migrate by hand"
)


def _sets_auth(module: ast.Module, name: str) -> int | None:
    """The line of a statement of ``module`` that gives the object ``name`` an
    Authorization header or auth: it binds ``name`` or sets ``name.headers``
    or ``name.auth`` (any branch, any function)."""
    for node in ast.walk(module):
        if not isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr)):
            continue
        targets = node.targets if isinstance(node, ast.Assign) else []
        binds = any(isinstance(t, ast.Name) and t.id == name for t in targets)
        touches = any(
            isinstance(n, ast.Attribute)
            and n.attr in ("headers", "auth")
            and isinstance(n.value, ast.Name)
            and n.value.id == name
            for n in ast.walk(node)
        )
        if (binds or touches) and _AUTH_TEXT.search(ast.unparse(node)):
            return node.lineno
    return None


def defaults_replaced(ctx: ModuleContext, call: cst.Call) -> str | None:
    """Why ``http.request("GET", url)`` cannot be given ``headers=`` when
    ``http`` is a urllib3 pool made with default headers
    (``urllib3.PoolManager(headers={"User-Agent": ...})``): urllib3 sends the
    request's headers instead of the pool's, not merged with them. A request
    whose headers= is written out as a dict replaced them already."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return None
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "headers":
            if isinstance(arg.value, cst.Dict):
                return None
    receiver, label = func.value, ctx.code(func.value)
    found = imported_object(ctx, receiver)
    if found is not None:
        path, module, name = found
        binding = imported_clients._top_level(module, name)
        value = getattr(binding, "value", None)
        if isinstance(value, ast.Call) and _urllib3_with_headers(
            imported_clients._dotted(module, value.func), value.keywords
        ):
            where = f"{os.path.basename(path)}, line {value.lineno}"
            return DEFAULTS_REPLACED.format(label, where)
        return None
    for value in _built_values(ctx, receiver):
        if isinstance(value, cst.Call) and any(
            _urllib3_with_headers(n, value.args)
            for n in ctx.qualified_names(value.func)
        ):
            return DEFAULTS_REPLACED.format(label, f"line {ctx.start(value)[0]}")
        if isinstance(value, cst.Call) and any(
            n.startswith("urllib3.") for n in ctx.qualified_names(value.func)
        ):  # http.headers["User-Agent"] = ..., http.headers.update(...) later
            written = re.search(
                rf"(?m)^.*\b{re.escape(label)}\.headers\s*(?:\[|=(?!=)|\.\w+\()",
                ctx.text,
            )
            if written is not None:
                line = ctx.text.count("\n", 0, written.start()) + 1
                return DEFAULTS_REPLACED.format(label, f"line {line}")
            if isinstance(receiver, cst.Name) and package_mentions(
                ctx.path, rb"\." + re.escape(label.encode()) + rb"\.headers\b"
            ):  # hs.http.headers.update(...) in another module (T28)
                return DEFAULTS_REPLACED.format(label, "another module of the package")
    return None


def _urllib3_with_headers(dotted: str | None, arguments) -> bool:
    """A urllib3 pool or manager built with ``headers=`` (or ``**options``,
    which may hold them)."""
    if dotted is None or not dotted.startswith("urllib3."):
        return False
    for arg in arguments:
        keyword = getattr(arg, "keyword", None)
        word = keyword.value if isinstance(keyword, cst.Name) else None
        if isinstance(arg, ast.keyword):
            word = arg.arg if arg.arg is not None else "**"
        elif getattr(arg, "star", "") == "**":
            word = "**"
        if word in ("headers", "**"):
            return True
    return False


def _built_values(
    ctx: ModuleContext, receiver: cst.BaseExpression
) -> list[cst.BaseExpression]:
    """What the receiver is assigned in this module: a name's values (and what
    the module's calls pass for a parameter), ``self.<name>``'s in its class."""
    if isinstance(receiver, cst.Name):
        scope = ctx.lexical_scope(receiver)
        found: list[cst.BaseExpression] = []
        for binding in scope[receiver.value] if scope is not None else ():
            value = _assigned_value(ctx, binding)
            if value is not None:
                found.append(value)
            if isinstance(getattr(binding, "node", None), cst.Param):
                found += _passed_values(ctx, binding.node)
        return found
    if (
        isinstance(receiver, cst.Attribute)
        and isinstance(receiver.value, cst.Name)
        and receiver.value.value == "self"
    ):
        return _self_attribute_values(ctx, receiver)
    return []


_PLAIN_BUILTINS = frozenset(
    {"dict", "list", "tuple", "str", "len", "sorted", "isinstance", "None"}
    | {"True", "False"}
)


def builds_plain_headers(ctx: ModuleContext, call: cst.Call) -> bool:
    """``headers=json_headers()`` with ``json_headers`` a function of another
    module of the tree that cannot return a credential: its module names none
    (no Authorization, Bearer, auth=, OAuth, access token), and it reads only
    its parameters, its own locals, a few builtins and its module's literal
    values (``JSON_HEADERS = {"Accept": "application/json"}``), called with
    literals only. The Authorization header may then be merged into what it
    returns."""
    if not all(a.star == "" and _literal(a.value) for a in call.args) or not isinstance(
        call.func, (cst.Name, cst.Attribute)
    ):
        return False
    found = imported_object(ctx, call.func)
    if found is None:
        return False
    path, module, name = found
    function = imported_clients._top_level(module, name)
    if not isinstance(function, ast.FunctionDef) or function.decorator_list:
        return False
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            if _AUTH_TEXT.search(handle.read()):
                return False
    except OSError:
        return False
    literals = {
        target.id
        for statement in module.body
        if isinstance(statement, ast.Assign) and _literal_ast(statement.value)
        for target in statement.targets
        if isinstance(target, ast.Name)
    }
    bound = {a.arg for a in ast.walk(function.args) if isinstance(a, ast.arg)}
    for node in ast.walk(function):
        if isinstance(node, (ast.Global, ast.Nonlocal, ast.Lambda)):
            return False
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
    allowed = bound | literals | _PLAIN_BUILTINS
    if not all(
        node.id in allowed
        for node in ast.walk(function)
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)
    ):
        return False
    return _returns_dicts(function, module)


def _returns_dicts(function: ast.FunctionDef, module: ast.Module) -> bool:
    """Whether every ``return`` of ``function`` gives a dict: a display,
    ``dict(...)``, or a name every assignment of which (in the function, or at
    its module's top) is one. A list of pairs (httpx, aiohttp take them) cannot
    take the header merged in with ``{**h, ...}``."""
    returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
    if not returns:
        return False

    def made(value: ast.expr | None) -> bool:
        return isinstance(value, ast.Dict) or (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "dict"
        )

    def assigned(name: str, where: ast.AST) -> list[ast.expr]:
        return [
            n.value
            for n in ast.walk(where)
            if isinstance(n, (ast.Assign, ast.AnnAssign))
            and any(
                isinstance(t, ast.Name) and t.id == name
                for t in (n.targets if isinstance(n, ast.Assign) else [n.target])
            )
        ]

    for returned in returns:
        value = returned.value
        if made(value):
            continue
        if not isinstance(value, ast.Name):
            return False
        values_ = assigned(value.id, function) or [
            v
            for statement in module.body
            if not isinstance(statement, (ast.FunctionDef, ast.ClassDef))
            for v in assigned(value.id, statement)
        ]
        if not values_ or not all(made(v) for v in values_):
            return False
    return True


def _literal(value: cst.BaseExpression) -> bool:
    """A string, a number, None, or a dict of such with string keys."""
    if isinstance(value, (cst.SimpleString, cst.Integer)):
        return True
    if isinstance(value, cst.Name):
        return value.value in ("None", "True", "False")
    if isinstance(value, cst.Dict):
        return all(
            isinstance(e, cst.DictElement)
            and isinstance(e.key, cst.SimpleString)
            and _literal(e.value)
            for e in value.elements
        )
    return False


def _literal_ast(value: ast.expr) -> bool:
    if isinstance(value, ast.Constant):
        return True
    if isinstance(value, ast.Dict):
        return all(
            k is not None and _literal_ast(k) and _literal_ast(v)
            for k, v in zip(value.keys, value.values)
        )
    return False
