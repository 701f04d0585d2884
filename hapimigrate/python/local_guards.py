"""Guards on the old key in the shapes real code writes them, proven presence
tests all the same (asked by :mod:`python.token_checks`).

:func:`python.token_checks.check_of` knows the bare presence test
(``if not API_KEY: return``). Real integrations write it with more around it,
and each extra piece here is proven to test presence only:

- an if with an else where one of the two branches is inert
  (:func:`inert_branch`: it prints, logs, exits or raises messages, returns
  nothing, sets names to None, and calls nothing else): ``if api_key: self.client =
  HubSpot(api_key=api_key) else: print("HubSpot API key not configured")``.
  A branch building a client from another credential is no inert branch: two
  auth modes stay for a person;
- a placeholder test after the presence test of the same value, in the same
  and/or: ``not settings.hubspot_api_key or
  settings.hubspot_api_key.startswith("your-")`` (:func:`placeholder_test`:
  a literal no real key or token starts with, such as ``your-``, ``<``,
  ``xxx``, ``changeme``); the short circuit keeps the second read from a
  missing value, and neither a key nor a token is a placeholder, so the test
  decides as it did. ``.startswith("pat-")`` (a format check) is none;
- a message saying only that the key is absent (``"HubSpot API key not
  set"``, ``"API key not configured"``): :func:`absence_message` tells it from
  instructions (``"Generate an api key over at hubspot"``, ``"Settings >
  Integrations > API key"``); it keeps its words (a test, a log search or an
  API response may match them). An instruction stays for a person to reword.
- a settings object imported inside the function (``from app.config import
  settings`` in each action): :func:`import_origin` says two reads name the
  same setting when their roots are bound by the same import alone;
- a flag kept from the test (``self.ready = bool(settings.HUBSPOT_API_KEY)``,
  :func:`flag_assignment`): it holds a bool, no key; its reads
  (:func:`flag_reads`) must each be a presence test, whose messages say why
  it is false;
- a display of the value masked in a print or log (``key[:4]``,
  ``mask_value(key)`` of a function of the module showing at most
  :data:`_MASK_WIDTH` characters of each end: :func:`masked_printer`): shown
  for the token, it shows no more of it than it showed of the key.

These are shapes only; :mod:`python.token_checks` proves the rest (the tree
sends the key nowhere else, the provider is the environment's, one key) and
rewrites.
"""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate.python.context import ModuleContext

# words a message saying only "the key is absent" is made of (besides the
# old variable's name, which is renamed, and the key's own words)
_ABSENCE_WORDS = frozenset("""
    hubspot hub api key keys apikey no not is isn t was has been be are
    set configured found provided defined given present available missing
    required empty unset in the a an environment env variable variables var
    skipping skipped skip sync integration disabled or yet nothing to do
    cannot can connect error warning please ensure your file dotenv
    """.split())
_KEY_PHRASE = re.compile(r"(?i)\b(api)([ -]?)(keys?)\b")
_WORD = re.compile(r"[A-Za-z]+")

# a literal no real key or token starts with: a configuration template's
_PLACEHOLDER = re.compile(
    r"(?i)^(?:your|<|\{|xxx|changeme|change-me|change_me|replace|placeholder|"
    r"insert|enter|put|todo|fixme|dummy|example|fake|test-key|sk-your)"
)

_LOG_METHODS = frozenset(
    ("debug", "info", "warning", "warn", "error", "critical", "exception")
)
_LOGGERS = frozenset(("logger", "logging", "log", "LOGGER", "LOG", "_logger", "_log"))
_EXITS = frozenset(("exit", "quit"))


def absence_message(text: str, variable: str) -> bool:
    """Whether ``text`` (a message) says only that the key is absent, in the
    words of :data:`_ABSENCE_WORDS` (its old variable's name aside), speaking
    of the key as an "API key"."""
    if _KEY_PHRASE.search(text) is None:
        return False
    rest = re.sub(rf"\b{re.escape(variable)}\b", " ", text) if variable else text
    return all(w.lower() in _ABSENCE_WORDS for w in _WORD.findall(rest))


def placeholder_test(
    node: cst.CSTNode, parent_of
) -> cst.BaseExpression | None:  # type: ignore[no-untyped-def]
    """``X.startswith("your-")`` (or ``X == "your-key"``) for the read ``node``
    of X, standing after a presence test of the same X in an and/or
    (``not X or X.startswith(...)``, ``X and not X.startswith(...)``): the
    expression to go on from (the call or comparison), else None."""
    attribute = parent_of(node)
    call = parent_of(attribute) if isinstance(attribute, cst.Attribute) else None
    if (
        isinstance(attribute, cst.Attribute)
        and attribute.value is node
        and attribute.attr.value == "startswith"
        and isinstance(call, cst.Call)
        and call.func is attribute
        and len(call.args) == 1
        and call.args[0].keyword is None
        and not call.args[0].star
        and _placeholder(call.args[0].value)
    ):
        test: cst.BaseExpression = call
    elif (
        isinstance(attribute, cst.Comparison)
        and attribute.left is node
        and len(attribute.comparisons) == 1
        and isinstance(attribute.comparisons[0].operator, (cst.Equal, cst.NotEqual))
        and _placeholder(attribute.comparisons[0].comparator)
    ):
        test = attribute
    else:
        return None
    return test if _after_presence(test, node, parent_of) else None


def _placeholder(value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.Tuple):  # startswith(("your-", "<"))
        return bool(value.elements) and all(
            _placeholder(e.value) for e in value.elements
        )
    text = value.evaluated_value if isinstance(value, cst.SimpleString) else None
    return isinstance(text, str) and bool(_PLACEHOLDER.match(text))


def _after_presence(test: cst.BaseExpression, node: cst.CSTNode, parent_of) -> bool:  # type: ignore[no-untyped-def]
    """``not X or <test>`` / ``X and not <test>``: the value was found present
    (a string) before ``test`` reads it again."""
    child: cst.CSTNode = test
    parent = parent_of(child)
    if (
        isinstance(parent, cst.UnaryOperation)
        and isinstance(parent.operator, cst.Not)
        and isinstance(test, cst.Call)
    ):
        child, parent = parent, parent_of(parent)
        wanted: type = cst.And
    else:
        wanted = cst.Or
    if not (
        isinstance(parent, cst.BooleanOperation)
        and parent.right is child
        and isinstance(parent.operator, wanted)
    ):
        return False
    left = parent.left
    if wanted is cst.Or:
        if not (
            isinstance(left, cst.UnaryOperation) and isinstance(left.operator, cst.Not)
        ):
            return False
        left = left.expression
    if isinstance(left, cst.BooleanOperation):  # not A or not X or X.startswith
        left = left.right
        if wanted is cst.Or:
            if not (
                isinstance(left, cst.UnaryOperation)
                and isinstance(left.operator, cst.Not)
            ):
                return False
            left = left.expression
    return cst.Module([]).code_for_node(left) == cst.Module([]).code_for_node(node)


def inert_branch(body: cst.BaseSuite) -> bool:
    """Whether a branch only prints, logs, warns, exits or raises messages,
    returns nothing, sets names to None, or passes: it uses no credential,
    calls nothing, and hands back no value (``return "oauth"`` names a mode)."""
    if isinstance(body, cst.SimpleStatementSuite):
        statements: list[cst.CSTNode] = list(body.body)
    elif isinstance(body, cst.IndentedBlock):
        statements = []
        for line in body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                return False  # an if, a loop, a try: more than a message
            statements.extend(line.body)
    else:
        return False
    return bool(statements) and all(_inert(s) for s in statements)


def _inert(statement: cst.CSTNode) -> bool:
    if isinstance(statement, cst.Pass):
        return True
    if isinstance(statement, cst.Expr):
        return isinstance(statement.value, cst.Call) and _inert_call(statement.value)
    if isinstance(statement, cst.Return):  # a value returned may name a mode
        return statement.value is None or _none(statement.value)
    if isinstance(statement, cst.Raise):
        exc = statement.exc
        return exc is None or (
            _exception(exc.func if isinstance(exc, cst.Call) else exc)
            and (
                not isinstance(exc, cst.Call)
                or all(_constant(a.value) and not a.star for a in exc.args)
            )
        )
    if isinstance(statement, cst.Assign):  # self.client = None
        return _none(statement.value) and all(
            _plain_target(t.target) for t in statement.targets
        )
    if isinstance(statement, cst.AnnAssign):
        return (
            statement.value is not None
            and _none(statement.value)
            and _plain_target(statement.target)
        )
    return False


def _none(value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.Name) and value.value == "None"


def _plain_target(target: cst.BaseExpression) -> bool:
    """``name``, ``self.name``."""
    return isinstance(target, cst.Name) or (
        isinstance(target, cst.Attribute) and isinstance(target.value, cst.Name)
    )


def _inert_call(call: cst.Call) -> bool:
    """print(...), logger.info(...), warnings.warn(...), sys.exit(...)."""
    func = call.func
    if isinstance(func, cst.Name):
        known = func.value == "print" or func.value in _EXITS
    elif isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
        owner, method = func.value.value, func.attr.value
        known = (
            (owner in _LOGGERS and method in _LOG_METHODS)
            or (owner == "warnings" and method == "warn")
            or (owner == "sys" and method == "exit")
        )
    elif (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Attribute)
        and isinstance(func.value.value, cst.Name)
    ):  # self.logger.info(...)
        known = (
            func.value.value.value == "self"
            and func.value.attr.value in _LOGGERS
            and func.attr.value in _LOG_METHODS
        )
    else:
        known = False
    return known and all(_constant(a.value) for a in call.args)


def _exception(func: cst.BaseExpression) -> bool:
    """An exception class by its name (``ValueError``, ``errors.ConfigError``)."""
    name = func.attr.value if isinstance(func, cst.Attribute) else None
    name = name or (func.value if isinstance(func, cst.Name) else None)
    return bool(name) and re.search(r"(?:Error|Exception|Exit)$", name) is not None


def _constant(value: cst.BaseExpression) -> bool:
    """A literal, an f-string interpolating no call, or a container of them."""
    if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float)):
        return True
    if isinstance(value, cst.ConcatenatedString):
        return _constant(value.left) and _constant(value.right)
    if isinstance(value, cst.Name):
        return value.value in ("None", "True", "False")
    if isinstance(value, cst.FormattedString):
        return all(
            _no_call(part.expression)
            for part in value.parts
            if isinstance(part, cst.FormattedStringExpression)
        )
    if isinstance(value, (cst.Tuple, cst.List, cst.Set)):
        return all(
            isinstance(e, cst.Element) and _constant(e.value) for e in value.elements
        )
    if isinstance(value, cst.Dict):
        return all(
            isinstance(e, cst.DictElement) and _constant(e.key) and _constant(e.value)
            for e in value.elements
        )
    if isinstance(value, cst.UnaryOperation) and isinstance(value.operator, cst.Minus):
        return _constant(value.expression)
    return False


def _no_call(node: cst.CSTNode) -> bool:
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (cst.Call, cst.Lambda, cst.Await)):
            return False
        stack.extend(current.children)
    return True


def else_inert(statement: cst.If) -> bool:
    """An if with an else (no elif) one of whose branches is inert."""
    orelse = statement.orelse
    return isinstance(orelse, cst.Else) and (
        inert_branch(orelse.body) or inert_branch(statement.body)
    )


def import_origin(
    ctx: ModuleContext, attribute: cst.Attribute
) -> tuple[str, str, int] | None:
    """What the root of ``attribute`` is bound to where one import alone binds
    it in its scope (``from app.config import settings`` inside a function):
    (module, name, level); None for any other root."""
    from hapimigrate.analysis import origins

    root: cst.BaseExpression = attribute
    while isinstance(root, cst.Attribute):
        root = root.value
    if not isinstance(root, cst.Name):
        return None
    statement = origins._import_statement(ctx, root)
    if statement is None:
        return None
    found = origins._imported_as(ctx, statement, root.value)
    return found if found[0] or found[1] else None


# --- a flag kept from the test: ready = bool(KEY) -----------------------------


def flag_assignment(
    ctx: ModuleContext, node: cst.CSTNode
) -> tuple[cst.BaseExpression, cst.Assign] | None:
    """``self.ready = bool(KEY)`` (``has_key = KEY is not None`` in a
    function): the presence of the key kept as a flag, which holds a bool, no
    key; the test and its assignment. A module-level flag (other modules may
    import it, and say why it is false) is none. What reads the flag is for
    the caller to prove (:func:`flag_reads`)."""
    parent = ctx.parent(node)
    arg_call = ctx.parent(parent) if isinstance(parent, cst.Arg) else None
    if (
        isinstance(parent, cst.Arg)
        and isinstance(arg_call, cst.Call)
        and isinstance(arg_call.func, cst.Name)
        and arg_call.func.value == "bool"
        and len(arg_call.args) == 1
        and parent.keyword is None
        and not parent.star
    ):
        test: cst.BaseExpression = arg_call
    elif (
        isinstance(parent, cst.Comparison)
        and parent.left is node
        and len(parent.comparisons) == 1
        and isinstance(parent.comparisons[0].operator, (cst.Is, cst.IsNot))
        and isinstance(parent.comparisons[0].comparator, cst.Name)
        and parent.comparisons[0].comparator.value == "None"
    ):
        test = parent
    else:
        return None
    statement = ctx.parent(test)
    if not (
        isinstance(statement, cst.Assign)
        and statement.value is test
        and len(statement.targets) == 1
        and _flag_target(ctx, statement.targets[0].target)
    ):
        return None
    return test, statement


def _flag_target(ctx: ModuleContext, target: cst.BaseExpression) -> bool:
    """``self.name`` in a method, or a name local to a function."""
    from libcst.metadata import FunctionScope

    if isinstance(target, cst.Attribute):
        return (
            isinstance(target.value, cst.Name)
            and target.value.value == "self"
            and ctx.ancestor(target, cst.ClassDef) is not None
        )
    if isinstance(target, cst.Name):
        scope = ctx.lexical_scope(target)
        return isinstance(scope, FunctionScope)
    return False


def flag_reads(ctx: ModuleContext, statement: cst.Assign) -> list[cst.CSTNode]:
    """The reads of the flag ``statement`` sets: ``self.ready`` in its class,
    the local in its function."""
    target = statement.targets[0].target
    if isinstance(target, cst.Attribute):
        text, cls = ctx.code(target), ctx.ancestor(target, cst.ClassDef)
        return [
            other
            for other in ctx.index.attributes.get(target.attr.value, ())
            if other is not target
            and ctx.code(other) == text
            and ctx.ancestor(other, cst.ClassDef) is cls
        ]
    assert isinstance(target, cst.Name)
    scope = ctx.lexical_scope(target)
    return [
        ref.node
        for binding in (scope[target.value] if scope is not None else ())
        for ref in ctx.references(binding)
    ]


# --- a local read once, tested and shown masked --------------------------------

_MASK_WIDTH = 8  # characters of each end a masked display may show


def masked_printer(ctx: ModuleContext, read: cst.CSTNode) -> cst.Call | None:
    """The print or log call showing ``read`` masked (``key[:4]``,
    ``mask_value(key)`` of a function of this module showing only such ends
    of its argument), else None."""
    parent = ctx.parent(read)
    shown: cst.CSTNode | None = None
    if isinstance(parent, cst.Subscript) and parent.value is read and _end(parent):
        shown = parent
    elif isinstance(parent, cst.Arg) and parent.keyword is None and not parent.star:
        call = ctx.parent(parent)
        if (
            isinstance(call, cst.Call)
            and len(call.args) == 1
            and isinstance(call.func, cst.Name)
            and _masking_function(ctx, call.func)
        ):
            shown = call
    node = ctx.parent(shown) if shown is not None else None
    while isinstance(
        node,
        (
            cst.FormattedStringExpression,
            cst.FormattedString,
            cst.BinaryOperation,
            cst.ConcatenatedString,
            cst.Arg,
        ),
    ):
        if isinstance(node, cst.Arg) and node.keyword is not None:
            return None
        shown, node = node, ctx.parent(node)
    if isinstance(node, cst.Call) and _printing(node) and isinstance(shown, cst.Arg):
        return node
    return None


def _printing(call: cst.Call) -> bool:
    func = call.func
    if isinstance(func, cst.Name):
        return func.value == "print"
    return (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value in _LOGGERS
        and func.attr.value in _LOG_METHODS
    )


def _end(subscript: cst.Subscript) -> bool:
    """``value[:N]`` or ``value[-N:]``, N at most :data:`_MASK_WIDTH`."""
    if len(subscript.slice) != 1 or not isinstance(subscript.slice[0].slice, cst.Slice):
        return False
    part = subscript.slice[0].slice
    if part.step is not None:
        return False
    lower, upper = part.lower, part.upper
    if lower is None and isinstance(upper, cst.Integer):
        return 0 <= int(upper.value) <= _MASK_WIDTH
    if upper is None and isinstance(lower, cst.UnaryOperation):
        number = lower.expression
        return (
            isinstance(lower.operator, cst.Minus)
            and isinstance(number, cst.Integer)
            and 0 < int(number.value) <= _MASK_WIDTH
        )
    return False


def _masking_function(ctx: ModuleContext, name: cst.Name) -> bool:
    """A function of this module, bound once, whose parameter is only tested
    (``isinstance``, ``len``) or shown by its ends (``value[:4]``)."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    node = getattr(bindings[0], "node", None) if len(bindings) == 1 else None
    if not isinstance(node, cst.FunctionDef) or ctx.parent(node) is not ctx.module:
        return False
    parameters = node.params
    if (
        len(parameters.params) != 1
        or isinstance(parameters.star_arg, (cst.Param, cst.ParamStar))
        or parameters.kwonly_params
        or parameters.star_kwarg is not None
        or parameters.posonly_params
        or parameters.params[0].default is not None
    ):
        return False
    param = parameters.params[0].name.value
    uses = 0
    stack: list[cst.CSTNode] = [node.body]
    parents: dict[int, cst.CSTNode] = {}
    while stack:
        current = stack.pop()
        for child in current.children:
            parents[id(child)] = current
            stack.append(child)
        if isinstance(current, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False  # a closure might keep it
        if isinstance(current, cst.Name) and current.value == param:
            uses += 1
            holder = parents.get(id(current))
            call = parents.get(id(holder)) if holder is not None else None
            if isinstance(holder, cst.Subscript) and holder.value is current:
                if not _end(holder):
                    return False
            elif not (
                isinstance(holder, cst.Arg)
                and isinstance(call, cst.Call)
                and isinstance(call.func, cst.Name)
                and call.func.value in ("isinstance", "len")
                and call.args[0] is holder
            ):
                return False
    return uses > 0
