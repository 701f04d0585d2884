"""What an expression is known to be from the source alone: the URL template a
string expression renders to (module constants resolved, the rest shown as
``{name}``), and whether a key expression is a literal written in the code."""

from __future__ import annotations

import re
import urllib.parse
import weakref
from typing import Callable, Iterator, Mapping, Sequence

import libcst as cst
from libcst.metadata import FunctionScope

from hapimigrate.python.context import ModuleContext, walk
from hapimigrate import keys
from hapimigrate.analysis import arguments, querystring, reassigned

_DEPTH = 6
_FIELD = re.compile(r"\{(\w+)\}")
_STRINGISH = (
    cst.SimpleString,
    cst.ConcatenatedString,
    cst.FormattedString,
    cst.BinaryOperation,
)

# ``self.base_url``, ``cls.API_KEY``: an attribute read through the instance or
# class (the name in group 1), in source text
SELF_ATTRIBUTE = re.compile(r"\b(?:self|cls|type\(self\)|self\.__class__)\.(\w+)")


def url_template(
    ctx: ModuleContext,
    node: cst.CSTNode,
    bindings: Mapping[str, str] | None = None,
    depth: int = 0,
) -> str:
    """The text ``node`` renders to; ``bindings`` gives the text of names (the
    arguments a wrapper function was called with)."""
    again = lambda child: url_template(ctx, child, bindings, depth)  # noqa: E731
    if ctx.carrier_templates and id(node) in ctx.carrier_templates:
        return ctx.carrier_templates[id(node)]  # another module's URL (a carrier)
    if ctx.imported_constants and isinstance(node, (cst.Name, cst.Attribute)):
        known = ctx.imported_constants.get(ctx.code(node))
        if known is not None and imported_here(ctx, node):
            return known  # HUBSPOT_URL of another module of the tree
    if (
        ctx.imported_constants
        and isinstance(node, cst.Call)
        and isinstance(node.func, (cst.Name, cst.Attribute))
        and len(node.args) == 1
        and node.args[0].keyword is None
        and not node.args[0].star
    ):  # url("/x") of another module: def url(path): return HUBSPOT + path
        known = ctx.imported_constants.get(ctx.code(node.func) + "()")
        if known is not None and imported_here(ctx, node.func):
            return known + again(node.args[0].value)
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    if isinstance(node, cst.ConcatenatedString):
        return again(node.left) + again(node.right)
    if isinstance(node, cst.FormattedString):
        return "".join(
            (
                part.value
                if isinstance(part, cst.FormattedStringText)
                else again(part.expression)
            )
            for part in node.parts
        )
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Add):
            return again(node.left) + again(node.right)
        if isinstance(node.operator, cst.Modulo):
            return _fill_percent(again(node.left), node.right, again)
    if _is_format_call(node):
        return _fill_braces(again(node.func.value), node.args, again)
    joined = _urljoin_args(ctx, node)
    if joined is not None:
        return _join(again(joined[0]), again(joined[1]))
    handed = handed_branch(ctx, node)
    if handed is not None:  # path if path.startswith("http") else BASE + path
        return again(handed)
    parts = _str_join_parts(node)
    if parts is not None:  # "".join(["https://proxy.example.com", path])
        return parts[0].join(again(p) for p in parts[1])
    if isinstance(node, cst.Name) and bindings and node.value in bindings:
        return bindings[node.value]
    if depth < _DEPTH:
        returned = returned_url(ctx, node)
        if returned is not None:  # _url("/x") with def _url(path): return BASE + path
            given = {name: again(arg) for name, arg in returned[1].items()}
            return url_template(ctx, returned[0], given, depth + 1)
        value = None
        if isinstance(node, cst.Name):
            handed = _handed_binding(ctx, node)
            if handed is not None:  # if ...: url = BASE + path / else: url = path
                return again(handed)
            parts = _built_value(ctx, node)
            if parts is not None:  # the parameters a wrapper's callers give, if local
                inner = bindings if _is_local(ctx, node) else None
                return "".join(url_template(ctx, p, inner, depth + 1) for p in parts)
        elif isinstance(node, cst.Attribute):
            value = _class_attribute(ctx, node)
        if isinstance(value, _STRINGISH) or _is_format_call(value):
            return url_template(ctx, value, None, depth + 1)
    return "{" + _placeholder(ctx, node) + "}"


_URLJOIN = {
    "urllib.parse.urljoin",
    "urlparse.urljoin",
    "requests.compat.urljoin",
    "six.moves.urllib.parse.urljoin",
    "future.backports.urllib.parse.urljoin",
}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_MAY_BE_SCHEME = re.compile(r"^[a-z0-9+.-]*\{", re.I)


def _urljoin_args(
    ctx: ModuleContext, node: cst.CSTNode
) -> tuple[cst.BaseExpression, cst.BaseExpression] | None:
    """``base`` and ``url`` of ``urljoin(base, url)``."""
    if not isinstance(node, cst.Call) or not ctx.qualified_names(node.func) & _URLJOIN:
        return None
    given = [a for a in node.args if a.keyword is None and not a.star]
    named = {a.keyword.value: a.value for a in node.args if a.keyword is not None}
    if any(a.star for a in node.args):
        return None
    values = [a.value for a in given] + [named.get(k) for k in ("base", "url")]
    values = [v for v in values if v is not None]
    return (values[0], values[1]) if len(values) >= 2 else None


def _str_join_parts(
    node: cst.CSTNode,
) -> tuple[str, list[cst.BaseExpression]] | None:
    """The separator and the items of ``"/".join([BASE, "contacts", vid])``, a
    list or tuple written out."""
    if not (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "join"
        and isinstance(node.func.value, cst.SimpleString)
        and len(node.args) == 1
        and node.args[0].keyword is None
        and not node.args[0].star
        and isinstance(node.args[0].value, (cst.List, cst.Tuple))
    ):
        return None
    items = node.args[0].value.elements
    separator = node.func.value.evaluated_value
    if not isinstance(separator, str) or not all(
        isinstance(e, cst.Element) for e in items
    ):
        return None
    return separator, [e.value for e in items]


def _join(base: str, url: str) -> str:
    """What ``urljoin`` makes of two templates. An absolute ``url`` is the
    result, whatever the base; one known only at run time (``{path}``, ``v{n}``)
    may be absolute: the result is ``url``, its host a field the callers give."""
    scheme = _SCHEME.match(base)
    if url.startswith("//"):
        return (scheme.group(0) if scheme else "https:") + url
    if _SCHEME.match(url) or _MAY_BE_SCHEME.match(url):
        return url
    if not scheme:
        return base + url  # {base}/x: the base's host
    return urllib.parse.urljoin(base, url)


def string_root(ctx: ModuleContext, node: cst.CSTNode) -> cst.BaseExpression:
    """The whole string expression a literal (or f-string text) belongs to: up
    through implicit concatenation and ``+`` chains."""
    if isinstance(node, cst.FormattedStringText):
        node = ctx.parent(node)  # type: ignore[assignment]
    while True:
        parent = ctx.parent(node)
        if isinstance(parent, cst.ConcatenatedString) or (
            isinstance(parent, cst.BinaryOperation)
            and isinstance(parent.operator, cst.Add)
        ):
            node = parent
        else:
            return node  # type: ignore[return-value]


def _fill_braces(template: str, args: Sequence[cst.Arg], render) -> str:
    """``"{base}/x/{}".format(base=BASE, i)`` with the arguments' text filled in."""
    positional = [render(a.value) for a in args if a.keyword is None and not a.star]
    named = {a.keyword.value: render(a.value) for a in args if a.keyword is not None}

    def value(field: querystring.Field) -> str:
        ref = field.ref
        if isinstance(ref, int):
            if ref < len(positional):
                return positional[ref]
        return named.get(ref, template[field.start : field.end])

    return querystring.fill_braces(template, value)


def _fill_percent(template: str, right: cst.BaseExpression, render) -> str:
    """``"%s/x/%s" % (BASE, i)`` with the arguments' text filled in."""
    if isinstance(right, cst.Tuple):
        values = [render(e.value) for e in right.elements]
    elif isinstance(right, cst.Dict):
        values = []
    else:
        values = [render(right)]
    mapping = {
        e.key.evaluated_value: render(e.value)
        for e in (right.elements if isinstance(right, cst.Dict) else ())
        if isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString)
    }

    def value(field: querystring.Field) -> str:
        if isinstance(field.ref, str):
            return mapping.get(field.ref, "{}")
        return values[field.ref] if field.ref < len(values) else "{}"

    return querystring.fill_percent(template, value)


def placeholders(template: str) -> set[str]:
    return set(_FIELD.findall(template))


def class_attribute(ctx: ModuleContext, node: cst.Attribute) -> cst.CSTNode | None:
    """The value ``self.X`` has where its class gives it one: see below."""
    return _class_attribute(ctx, node)


def _class_attribute(ctx: ModuleContext, node: cst.Attribute) -> cst.CSTNode | None:
    """The value of ``self.BASE`` when the class body assigns ``BASE = ...``,
    or else when ``__init__`` alone sets it, once (``self.api_url = "..."``)."""
    if not (isinstance(node.value, cst.Name) and node.value.value in ("self", "cls")):
        return None
    owner = ctx.ancestor(node, cst.ClassDef)
    if owner is None:
        return None
    for statement in owner.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)
                    and small.targets[0].target.value == node.attr.value
                ):
                    return small.value
    return _set_in_init(ctx, owner, node.attr.value)


def _set_in_init(
    ctx: ModuleContext, owner: cst.ClassDef, name: str
) -> cst.BaseExpression | None:
    """``v`` of the one ``self.name = v`` of the class, made in its ``__init__``
    (no other write of ``self.name`` there: ``+=``, ``del``, a second one)."""
    found = None
    for attribute in ctx.index.attributes.get(name, ()):
        if not (
            isinstance(attribute.value, cst.Name)
            and attribute.value.value == "self"
            and ctx.ancestor(attribute, cst.ClassDef) is owner
        ):
            continue
        holder = ctx.parent(attribute)
        written = isinstance(holder, (cst.AssignTarget, cst.Del)) or (
            isinstance(holder, (cst.AugAssign, cst.AnnAssign, cst.NamedExpr))
            and holder.target is attribute
        )
        if isinstance(holder, cst.Element) and isinstance(
            ctx.parent(ctx.parent(holder)), (cst.AssignTarget, cst.For)
        ):
            return None  # self.a, self.b = ...: not followed
        if not written:
            continue
        method = ctx.ancestor(attribute, cst.FunctionDef)
        value = assigned_value(ctx, attribute)
        if found is not None or value is None or method is None:
            return None
        if method.name.value != "__init__":
            return None
        found = value
    return found


def _is_format_call(node: cst.CSTNode | None) -> bool:
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
    )


def handed_branch(ctx: ModuleContext, node: cst.CSTNode) -> cst.BaseExpression | None:
    """The branch of ``path if path.startswith("http") else BASE + path`` that
    is its function's parameter as given: the callers may hand a whole URL, so
    the host is theirs (review 25, R14), whatever the other branch fixes."""
    if not isinstance(node, cst.IfExp):
        return None
    function = ctx.ancestor(node, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    for branch in (node.body, node.orelse):
        if given_parameter(function, branch) is not None:
            return branch
    return None


def given_parameter(function: cst.FunctionDef, node: cst.CSTNode) -> cst.Name | None:
    """``node``, when it is a parameter of ``function`` (not ``self`` or
    ``cls``) named as such: what its callers hand in, as given. The one test
    behind a URL chosen between the parameter and a base (:func:`handed_branch`,
    :func:`_handed_binding`) and a session the callers hand in
    (:mod:`hapimigrate.analysis.caller_sessions`)."""
    if not isinstance(node, cst.Name) or node.value in ("self", "cls"):
        return None
    return node if node.value in arguments.parameter_names(function) else None


def _handed_binding(ctx: ModuleContext, name: cst.Name) -> cst.Name | None:
    """The function's parameter that a local URL name is bound to as given on
    one path (``if path.startswith("/"): url = BASE + path`` / ``else: url =
    path``): its callers may hand a whole URL (review 26, R4)."""
    function = ctx.ancestor(name, cst.FunctionDef)
    scope = ctx.lexical_scope(name)
    if not isinstance(function, cst.FunctionDef) or scope is None:
        return None
    if given_parameter(function, name) is not None:
        return None
    for assignment in scope[name.value]:
        target = getattr(assignment, "node", None)
        if not isinstance(target, cst.Name):
            continue
        value = single_value_of(ctx, target)
        if value is not None and given_parameter(function, value) is not None:
            return value
    return None


def _placeholder(ctx: ModuleContext, node: cst.CSTNode) -> str:
    """A path-parameter name for a value: ``{deal_id}`` for ``str(deal_id)``."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    if isinstance(node, cst.Call) and len(node.args) == 1:
        return _placeholder(ctx, node.args[0].value)
    if isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name):
        return node.value.value
    return "value"


def imported_here(ctx: ModuleContext, node: cst.BaseExpression) -> bool:
    """The name (or the module of ``module.NAME``) is bound by an import only."""
    root = node
    while isinstance(root, cst.Attribute):
        root = root.value
    if not isinstance(root, cst.Name):
        return False
    scope = ctx.lexical_scope(root)
    bindings = list(scope[root.value]) if scope is not None else []
    return bool(bindings) and all(
        isinstance(getattr(b, "node", None), (cst.Import, cst.ImportFrom))
        for b in bindings
    )


def import_binding(ctx: ModuleContext, name: cst.Name) -> tuple[str, str, int] | None:
    """Where the one import binding ``name`` takes it from: ``("a.b", "", 0)``
    for ``import a.b as name``, ``("a", "b", level)`` for ``from a import b
    as name`` (``level`` dots: a relative import); None for any other binding."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1:
        return None
    statement = getattr(bindings[0], "node", None)
    if isinstance(statement, cst.Import):
        for alias in statement.names:
            code = ctx.code(alias.name).replace(" ", "")
            if (alias.evaluated_alias or code) == name.value:
                return code, "", 0
    elif isinstance(statement, cst.ImportFrom) and not isinstance(
        statement.names, cst.ImportStar
    ):
        source = ctx.code(statement.module).replace(" ", "") if statement.module else ""
        for alias in statement.names:
            code = ctx.code(alias.name).replace(" ", "")
            if (alias.evaluated_alias or code) == name.value:
                return source, code, len(statement.relative)
    return None


def imported_module(ctx: ModuleContext, name: cst.Name) -> tuple[str, int] | None:
    """The module ``name`` is, where an import binds it: ``import a.b as
    name``, or ``from a import b as name`` (the module ``a.b``)."""
    found = import_binding(ctx, name)
    if found is None:
        return None
    source, imported, level = found
    return (
        f"{source}.{imported}" if source and imported else source or imported
    ), level


def imported_literal(ctx: ModuleContext, node: cst.BaseExpression) -> str | None:
    """The text another module of the tree assigns, once and literally (no
    ``%``, no braces), to the name ``node`` reads: ``BASE`` after ``from
    hsync.config import BASE``, ``config.BASE`` after ``from hsync import
    config`` or ``import config``; None where that is not so."""
    from hapimigrate import tree_imports

    if isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name):
        found = imported_module(ctx, node.value)
        name = node.attr.value
    elif isinstance(node, cst.Name):
        binding = import_binding(ctx, node)
        found = (binding[0], binding[2]) if binding and binding[1] else None
        name = binding[1] if binding else ""
    else:
        return None
    if found is None or not (found[0] or found[1]):
        return None
    path = tree_imports.module_file(ctx.path, found[0], found[1])
    return tree_imports.literal_constant(path, name) if path else None


def _built_value(ctx: ModuleContext, name: cst.Name) -> list[cst.BaseExpression] | None:
    """The parts of a string that one assignment starts and ``+=`` extends
    (``url = BASE + path`` then ``url += "?count=1"``), in source order."""
    scope = ctx.lexical_scope(name)
    if scope is None:
        return None
    bindings = sorted(
        (
            a.node
            for a in scope[name.value]
            if isinstance(getattr(a, "node", None), cst.Name)
        ),
        key=ctx.start,
    )
    if not bindings:
        return None
    first = single_value_of(ctx, bindings[0])
    known = first is not None and (
        id(first) in ctx.carrier_templates or _imported_constant(ctx, first)
    )
    if (
        not isinstance(first, _STRINGISH)
        and not _is_format_call(first)
        and not known
        and _urljoin_args(ctx, first) is None
        and (first is None or returned_url(ctx, first) is None)
        and (first is None or handed_branch(ctx, first) is None)
    ):
        return None
    if not _imported_constant(ctx, first) and any(
        isinstance(n, cst.Name) and n.value == name.value for n in walk(first)
    ):
        return None  # url = BASE + url: what the name held before, unknown here
    parts = [first]
    for binding in bindings[1:]:
        holder = ctx.parent(binding)
        if not (
            isinstance(holder, cst.AugAssign)
            and isinstance(holder.operator, cst.AddAssign)
        ):
            return None
        parts.append(holder.value)
    return parts


def _imported_constant(ctx: ModuleContext, node: cst.BaseExpression) -> bool:
    """``ENDPOINT = settings.HUBSPOT_ENDPOINT`` (``from config import URL``):
    another module's string constant the tree shows (``ctx.imported_constants``)."""
    return (
        bool(ctx.imported_constants)
        and isinstance(node, (cst.Name, cst.Attribute))
        and ctx.code(node) in ctx.imported_constants
        and imported_here(ctx, node)
    )


def returned_url(
    ctx: ModuleContext, node: cst.CSTNode
) -> tuple[cst.BaseExpression, dict[str, cst.BaseExpression]] | None:
    """``_url("/contacts/v1/x")`` calling a plain function of this module whose
    body is one ``return`` (``def _url(path): return API_ROOT + path``), or
    ``self._url(path)`` calling such a method of the class it is called in: the
    returned expression and the argument each parameter gets. Not a function
    bound twice, decorated, async, taking ``*``/``**`` or given them."""
    if not isinstance(node, cst.Call) or any(arg.star for arg in node.args):
        return None
    function = _called_function(ctx, node.func)
    if not (
        isinstance(function, cst.FunctionDef)
        and not function.decorators
        and function.asynchronous is None
        and isinstance(function.params.star_arg, cst.MaybeSentinel)
        and function.params.star_kwarg is None
    ):
        return None
    body = [
        s
        for s in getattr(function.body, "body", ())
        if not (
            isinstance(s, cst.SimpleStatementLine)
            and len(s.body) == 1
            and isinstance(s.body[0], cst.Expr)
            and isinstance(s.body[0].value, (cst.SimpleString, cst.ConcatenatedString))
        )  # a docstring
    ]
    if not (
        len(body) == 1
        and isinstance(body[0], cst.SimpleStatementLine)
        and len(body[0].body) == 1
        and isinstance(body[0].body[0], cst.Return)
        and body[0].body[0].value is not None
    ):
        return None
    returned = body[0].body[0].value
    if any(isinstance(n, (cst.IfExp, cst.BooleanOperation)) for n in walk(returned)):
        return None  # path if path.startswith("http") else BASE + path
    given = arguments.bind(function, node)
    wanted = set(arguments.parameter_names(function))
    if isinstance(node.func, cst.Attribute):
        wanted.discard(function.params.params[0].name.value)  # self
    if set(given) != wanted:
        return None  # a parameter left unfilled: the call would raise
    return returned, given


def _called_function(
    ctx: ModuleContext, func: cst.BaseExpression
) -> cst.FunctionDef | None:
    """The module-level function ``func`` names (bound once), or for
    ``self.name`` the method ``name`` of the class the call is made in: defined
    once in its body, taking ``self`` first, and no other ``def name`` in the
    module (a subclass here overriding it; other modules' subclasses are the
    tree pass's, through the attributes the class reads)."""
    if isinstance(func, cst.Name):
        scope = ctx.lexical_scope(func)
        assignments = list(scope[func.value]) if scope is not None else []
        function = getattr(assignments[0], "node", None) if assignments else None
        if (
            len(assignments) == 1
            and isinstance(function, cst.FunctionDef)
            and isinstance(ctx.parent(function), cst.Module)
        ):
            return function
        return None
    if not (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == "self"
    ):
        return None
    caller = ctx.ancestor(func, cst.FunctionDef)
    owner = ctx.ancestor(func, cst.ClassDef)
    if (
        caller is None
        or owner is None
        or ctx.ancestor(caller, cst.ClassDef) is not owner
    ):
        return None
    if not caller.params.params or caller.params.params[0].name.value != "self":
        return None
    name = func.attr.value
    found = [
        s
        for s in owner.body.body
        if isinstance(s, cst.FunctionDef) and s.name.value == name
    ]
    if (
        len(found) != 1
        or len(re.findall(rf"\bdef\s+{re.escape(name)}\b", ctx.text)) != 1
    ):
        return None
    if len(re.findall(rf"\b{re.escape(name)}\s*(?::[^=\n]*)?=(?!=)", ctx.code(owner))):
        return None  # the name also assigned (self._url = ..., _url = staticmethod)
    method = found[0]
    params = method.params.params
    if not params or params[0].name.value != "self":
        return None
    return method


def _is_local(ctx: ModuleContext, name: cst.Name) -> bool:
    """A name of the function it is read in (``url = BASE + path``)."""
    scope = ctx.lexical_scope(name)
    return isinstance(scope, FunctionScope)


def single_value_of(ctx: ModuleContext, target: cst.Name) -> cst.BaseExpression | None:
    """The value of the one-target assignment binding ``target``."""
    holder = ctx.parent(target)
    if isinstance(holder, cst.AssignTarget):
        statement = ctx.parent(holder)
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            return statement.value
    if isinstance(holder, cst.AnnAssign) and holder.value is not None:
        return holder.value
    return None


def is_literal_key(ctx: ModuleContext, node: cst.CSTNode, depth: int = 0) -> bool:
    """Whether a key expression is, or can take its value from, a literal written
    in the source that could be a real key (:func:`hapimigrate.keys.is_plausible_key`:
    not an empty string, not a placeholder), wherever the literal sits: the
    expression itself; any assignment of the name (module, class, function, walrus,
    tuple unpacking); a parameter's default or an argument a call in the module
    passes it; ``self.X``, ``cls.X``, ``Client.X`` and ``obj.X`` (class attributes,
    attribute assignments, base classes); a dict entry (``CONFIG["key"]``,
    ``CONFIG.get("key")``); the fallback of ``os.environ.get``, ``os.getenv`` and
    ``.get(name, default)``; either side of ``or``/``and`` and of ``a if c else b``."""
    search = _KeySearch(ctx)
    return any(
        keys.is_plausible_key(_string_value(value))
        for value in search.values(node, depth)
    )


def _string_value(node: cst.CSTNode) -> str | None:
    if isinstance(node, (cst.SimpleString, cst.ConcatenatedString)):
        value = node.evaluated_value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    return None


_PASS_THROUGH = ("strip", "lstrip", "rstrip")  # "  KEY ".strip() is still KEY
_LOOKUPS = ("get", "getenv", "setdefault", "pop")  # their second argument: a fallback
_SEARCH_BUDGET = 2000  # expressions looked at for one key
_calls_by_name: "weakref.WeakKeyDictionary[ModuleContext, dict[str, list[cst.Call]]]"
_calls_by_name = weakref.WeakKeyDictionary()


class _KeySearch:
    """The expressions a key expression may take its value from, followed through
    the module up to ``_DEPTH`` steps: strings, and what could not be followed
    further (dicts, classes, calls, ...). ``_active`` breaks cycles
    (``key = key or "..."``) without hiding a node reached by a second path;
    ``_budget`` bounds the steps on a module that rebinds a name many times."""

    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx
        self._active: set[int] = set()
        self._budget = _SEARCH_BUDGET

    def values(self, node: cst.CSTNode, depth: int) -> Iterator[cst.CSTNode]:
        if depth > _DEPTH or id(node) in self._active or self._budget <= 0:
            return
        self._budget -= 1
        self._active.add(id(node))
        try:
            yield from self._values(node, depth)
        finally:
            self._active.discard(id(node))

    def _values(self, node: cst.CSTNode, depth: int) -> Iterator[cst.CSTNode]:
        deeper = depth + 1
        if isinstance(node, cst.Name):
            for value in self._name_values(node, depth):
                yield from self.values(value, deeper)
        elif isinstance(node, cst.Attribute):
            for value in self._attribute_values(node, depth):
                yield from self.values(value, deeper)
        elif isinstance(node, cst.Subscript):
            key = _subscript_key(node)
            if key is not None:
                for owner in self.values(node.value, deeper):
                    for value in _entries(owner, key):
                        yield from self.values(value, deeper)
        elif isinstance(node, cst.Call):
            yield from self._call_values(node, depth)
        elif isinstance(node, cst.BooleanOperation):
            yield from self.values(node.left, deeper)
            yield from self.values(node.right, deeper)
        elif isinstance(node, cst.IfExp):
            yield from self.values(node.body, deeper)
            yield from self.values(node.orelse, deeper)
        else:
            yield node

    # -- names ----------------------------------------------------------------
    def _name_values(self, name: cst.Name, depth: int) -> Iterator[cst.CSTNode]:
        """The values every binding of ``name`` in its scope gives it; a class or
        function for its definition."""
        scope = self.ctx.lexical_scope(name)
        if scope is None:
            return
        stored = isinstance(self.ctx.parent(name), cst.AssignTarget)
        for assignment in scope[name.value]:
            target = getattr(assignment, "node", None)
            if isinstance(target, cst.Name):
                if not stored and reassigned.overwritten(self.ctx, target, name):
                    continue  # assigned again before this use, on every path
                value = assigned_value(self.ctx, target)
                if value is not None:
                    yield value
            elif isinstance(target, cst.Param):
                yield from self._param_values(target, depth)
            elif isinstance(target, (cst.ClassDef, cst.FunctionDef)):
                yield target

    def _param_values(self, param: cst.Param, depth: int) -> Iterator[cst.CSTNode]:
        """A parameter's default and the arguments the module's calls give it;
        the class, for a method's ``self``/``cls``."""
        function = self.ctx.parent(self.ctx.parent(param))
        if not isinstance(function, cst.FunctionDef):
            return  # a lambda's
        owner = self.ctx.parent(self.ctx.parent(function))
        if not isinstance(owner, cst.ClassDef):
            owner = None
        elif not any(
            isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
            for d in function.decorators
        ):
            positional = [*function.params.posonly_params, *function.params.params]
            if positional and positional[0] is param:
                yield owner  # self, cls
                return
        if param.default is not None:
            yield param.default
        for call in self._calls_to(function, owner, depth):
            value = arguments.bind(function, call).get(param.name.value)
            if value is not None and value is not param.default:
                yield value

    def _calls_to(
        self, function: cst.FunctionDef, owner: cst.ClassDef | None, depth: int
    ) -> Iterator[cst.Call]:
        """The module's calls of ``function``: ``f(...)`` where ``f`` is bound to
        it; of a method, ``obj.f(...)`` where ``obj`` is an instance of its class."""
        calls = _calls_by_name.get(self.ctx)
        if calls is None:
            calls = _calls_by_name[self.ctx] = _collect_calls(self.ctx.module)
        for call in calls.get(function.name.value, ()):
            func = call.func
            if owner is None and isinstance(func, cst.Name):
                scope = self.ctx.lexical_scope(func)
                if scope is not None and any(
                    getattr(a, "node", None) is function for a in scope[func.value]
                ):
                    yield call
            elif owner is not None and isinstance(func, cst.Attribute):
                if any(o is owner for o in self.values(func.value, depth + 1)):
                    yield call

    def _returned_values(self, function: cst.FunctionDef) -> Iterator[cst.CSTNode]:
        """What ``return`` statements of ``function`` itself give back."""
        collector = _ReturnCollector()
        function.body.visit(collector)
        for value in collector.values:
            yield value

    # -- attributes -----------------------------------------------------------
    def _attribute_values(
        self, node: cst.Attribute, depth: int
    ) -> Iterator[cst.CSTNode]:
        name = node.attr.value
        for owner in self.values(node.value, depth + 1):
            if isinstance(owner, cst.ClassDef):
                yield from self._class_attribute_values(owner, name, depth)
        receiver = node.value
        if isinstance(receiver, cst.Name) and receiver.value in ("self", "cls"):
            return  # the class's own, above
        code = self.ctx.code(receiver)
        for attribute in self.ctx.index.attributes.get(name, ()):
            if attribute is not node and self.ctx.code(attribute.value) == code:
                value = assigned_value(self.ctx, attribute)
                if value is not None:
                    yield value  # client.api_key = "..."

    def _class_attribute_values(
        self, cls: cst.ClassDef, name: str, depth: int
    ) -> Iterator[cst.CSTNode]:
        """``X = ...`` in the class body, ``self.X = ...``/``cls.X = ...`` in its
        methods, and the same in its base classes."""
        body = cls.body.body
        for statement in body:
            smalls = (
                statement.body
                if isinstance(statement, cst.SimpleStatementLine)
                else [statement]
            )
            for small in smalls:
                if isinstance(small, cst.Assign) and any(
                    isinstance(t.target, cst.Name) and t.target.value == name
                    for t in small.targets
                ):
                    yield small.value
                elif (
                    isinstance(small, cst.AnnAssign)
                    and isinstance(small.target, cst.Name)
                    and small.target.value == name
                    and small.value is not None
                ):
                    yield small.value
        for attribute in self.ctx.index.attributes.get(name, ()):
            receiver = attribute.value
            if (
                isinstance(receiver, cst.Name)
                and receiver.value in ("self", "cls")
                and self.ctx.ancestor(attribute, cst.ClassDef) is cls
            ):
                value = assigned_value(self.ctx, attribute)
                if value is not None:
                    yield value
        for base in cls.bases:
            for owner in self.values(base.value, depth + 1):
                if isinstance(owner, cst.ClassDef) and owner is not cls:
                    yield from self._class_attribute_values(owner, name, depth + 1)

    # -- calls ----------------------------------------------------------------
    def _call_values(self, call: cst.Call, depth: int) -> Iterator[cst.CSTNode]:
        deeper = depth + 1
        func = call.func
        method = func.attr.value if isinstance(func, cst.Attribute) else None
        plain = func.value if isinstance(func, cst.Name) else None
        args = [a for a in call.args if not a.star]
        positional = [a.value for a in args if a.keyword is None]
        if method in _LOOKUPS or plain == "getenv":
            fallback = positional[1:2] or [
                a.value
                for a in args
                if a.keyword is not None and a.keyword.value == "default"
            ]
            for value in fallback:  # os.environ.get("K", "..."), os.getenv(...)
                yield from self.values(value, deeper)
            key = _string_value(positional[0]) if positional else None
            if isinstance(func, cst.Attribute) and key is not None:
                for owner in self.values(func.value, deeper):
                    for value in _entries(owner, key):  # CONFIG.get("key")
                        yield from self.values(value, deeper)
        elif method in _PASS_THROUGH and isinstance(func, cst.Attribute):
            yield from self.values(func.value, deeper)
        elif plain == "str" and len(positional) == 1:
            yield from self.values(positional[0], deeper)
        elif plain is not None:
            found = False
            for owner in self.values(func, deeper):
                if isinstance(owner, cst.ClassDef):
                    found = True
                    yield owner  # Client(): an instance of the class
                elif isinstance(owner, cst.FunctionDef):
                    found = True
                    for value in self._returned_values(owner):  # get_key()
                        yield from self.values(value, deeper)
            if not found:
                yield call
        else:
            yield call


def always_assigned(
    ctx: ModuleContext,
    node: cst.BaseExpression,
    accept: Callable[[cst.BaseExpression | None], bool],
) -> bool:
    """Whether ``node`` is a name every binding of which in its scope assigns
    a value ``accept`` takes (one binding at least)."""
    if not isinstance(node, cst.Name):
        return False
    scope = ctx.lexical_scope(node)
    bindings = list(scope[node.value]) if scope is not None else []
    return bool(bindings) and all(
        accept(assigned_value(ctx, getattr(b, "node", None))) for b in bindings
    )


def sole_assign(ctx: ModuleContext, target: cst.CSTNode | None) -> cst.Assign | None:
    """The ``name = value`` statement binding ``target`` (a binding's node)
    as its one target; None for any other binding (``a = b = v``, ``a, b =``,
    a parameter, an import)."""
    holder = ctx.parent(target) if target is not None else None
    assign = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    if (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and assign.targets[0].target is target
    ):
        return assign
    return None


def assigned_value(
    ctx: ModuleContext, target: cst.BaseExpression
) -> cst.BaseExpression | None:
    """The value a plain assignment gives ``target``: ``x = v``, ``x: T = v``,
    ``(x := v)``, ``a, x = u, v``; None for any other binding."""
    holder = ctx.parent(target)
    if isinstance(holder, cst.AssignTarget):
        statement = ctx.parent(holder)
        return statement.value if isinstance(statement, cst.Assign) else None
    if isinstance(holder, cst.AnnAssign) and holder.target is target:
        return holder.value
    if isinstance(holder, cst.NamedExpr) and holder.target is target:
        return holder.value
    if isinstance(holder, cst.Element):
        sequence = ctx.parent(holder)
        if isinstance(sequence, (cst.Tuple, cst.List)):
            value = assigned_value(ctx, sequence)
            if isinstance(value, (cst.Tuple, cst.List)) and len(value.elements) == len(
                sequence.elements
            ):
                element = value.elements[list(sequence.elements).index(holder)]
                if not isinstance(element, cst.StarredElement):
                    return element.value
    return None


def _subscript_key(node: cst.Subscript) -> str | None:
    """``"key"`` of ``CONFIG["key"]``."""
    if len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
        return _string_value(node.slice[0].slice.value)
    return None


def _entries(owner: cst.CSTNode, key: str) -> Iterator[cst.BaseExpression]:
    """The values a dict display or ``dict(...)`` call gives ``key``."""
    if isinstance(owner, cst.Dict):
        for element in owner.elements:
            if (
                isinstance(element, cst.DictElement)
                and _string_value(element.key) == key
            ):
                yield element.value
    elif (
        isinstance(owner, cst.Call)
        and isinstance(owner.func, cst.Name)
        and owner.func.value == "dict"
    ):
        for arg in owner.args:
            if arg.keyword is not None and arg.keyword.value == key:
                yield arg.value


class _CallCollector(cst.CSTVisitor):
    def __init__(self) -> None:
        super().__init__()
        self.calls: dict[str, list[cst.Call]] = {}

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        name = (
            func.value
            if isinstance(func, cst.Name)
            else func.attr.value if isinstance(func, cst.Attribute) else None
        )
        if name is not None:
            self.calls.setdefault(name, []).append(node)


def _collect_calls(module: cst.Module) -> dict[str, list[cst.Call]]:
    collector = _CallCollector()
    module.visit(collector)
    return collector.calls


class _ReturnCollector(cst.CSTVisitor):
    """The values of a function's own ``return`` statements (not nested ones)."""

    def __init__(self) -> None:
        super().__init__()
        self.values: list[cst.BaseExpression] = []

    def visit_Return(self, node: cst.Return) -> None:
        if node.value is not None:
            self.values.append(node.value)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False
