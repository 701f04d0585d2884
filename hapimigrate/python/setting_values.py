"""What a key setting's definition does when it runs, for the steps that
remove or report definitions (:mod:`~hapimigrate.python.dead_keys`,
:mod:`~hapimigrate.python.dead_settings`, :mod:`~hapimigrate.python.dead_attributes`):
does it only read the environment or a config file (then it can go), may it
raise without the old variable, does it read the key through a library that
reads ``.env`` files without filling ``os.environ``.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate.python.context import ModuleContext

_CONSTANTS = ("None", "True", "False")
_READERS = ("getenv", "environ.get", "env", "env.str", "config", "os.getenv")
DOTENV = (
    "the old key is read through {}, which reads .env files without copying them "
    "into os.environ, while the migrated code reads the token from "
    'os.environ["{}"]: set that variable in the process environment (a line in '
    ".env is not seen), or use a --token-provider that reads it the way the key was"
)


def keylike(value: cst.BaseExpression) -> bool:
    """A literal, an environment or settings lookup: nothing whose removal would
    skip a side effect."""
    if isinstance(
        value, (cst.SimpleString, cst.ConcatenatedString, cst.Name, cst.Attribute)
    ):
        return True
    if isinstance(value, cst.Subscript):  # os.environ["X"], config["hubspot"]["key"]
        return keylike(value.value)
    if isinstance(value, cst.Call):
        func = cst.Module([]).code_for_node(value.func)
        return func.endswith(("getenv", "environ.get")) and all(
            isinstance(a.value, (cst.SimpleString, cst.Name)) for a in value.args
        )
    return False


def literal(value: cst.BaseExpression | None) -> bool:
    """A key written in the code: keeping its definition requires no variable
    (the hard-coded key is reported as such)."""
    return isinstance(
        value, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)
    ) or (isinstance(value, cst.Name) and value.value in _CONSTANTS)


def may_raise(ctx: ModuleContext, value: cst.BaseExpression | None) -> bool:
    """A class attribute's value that may fail without the old variable (not a
    literal, not ``os.environ.get(...)`` / ``os.getenv(...)``)."""
    if value is None or isinstance(
        value, (cst.SimpleString, cst.ConcatenatedString, cst.Integer, cst.Name)
    ):
        return False
    return not (
        isinstance(value, cst.Call)
        and ctx.code(value.func).endswith(("getenv", "environ.get"))
    )


def dotenv_reason(ctx: ModuleContext, library: str) -> str | None:
    """The ``DOTENV`` reason, when the token comes from ``os.environ`` (the
    ``env:`` provider) while the key was read through ``library``."""
    spec = ctx.provider.spec
    if spec.startswith("env:"):
        return DOTENV.format(library, spec[len("env:") :])
    return None


def decouple_reason(ctx: ModuleContext, value: cst.BaseExpression) -> str | None:
    """The ``DOTENV`` reason when ``value`` reads the key with python-decouple's
    ``config(...)``."""
    if (
        isinstance(value, cst.Call)
        and ctx.code(value.func) in ("config", "decouple.config")
        and "decouple" in ctx.text
    ):
        return dotenv_reason(ctx, "python-decouple's config()")
    return None


def reads_environment(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """A literal, ``os.environ[...]``, ``os.getenv(...)``, a config reader
    (``env("X")``, ``config("X")``) or a function of this module that reads the
    environment, called with literals only: nothing else happens when it runs."""
    if keylike(value):
        return True
    if isinstance(value, cst.BooleanOperation):  # ini.get(...) or os.environ.get(...)
        return reads_environment(ctx, value.left) and reads_environment(
            ctx, value.right
        )
    if not isinstance(value, cst.Call) or not all(
        isinstance(a.value, (cst.SimpleString, cst.Integer))
        or (isinstance(a.value, cst.Name) and a.value.value in _CONSTANTS)
        for a in value.args
    ):
        return False
    func = ctx.code(value.func)
    if func.endswith(_READERS) or _config_read(ctx, value.func):
        return True
    if isinstance(value.func, cst.Name):
        scope = ctx.lexical_scope(value.func)
        for binding in scope[func] if scope is not None else ():
            node = getattr(binding, "node", None)
            if isinstance(node, cst.FunctionDef) and isinstance(
                binding.scope, GlobalScope
            ):
                body = ctx.code(node)
                return ("environ" in body or "getenv" in body) and _only_environment(
                    ctx, node
                )
    return False


_CONFIG_CLASSES = ("ConfigParser", "RawConfigParser", "SafeConfigParser")


def _config_read(ctx: ModuleContext, func: cst.BaseExpression) -> bool:
    """``ini.get(...)``, ``ini.getint(...)`` on a module-level ``ConfigParser()``."""
    if not (
        isinstance(func, cst.Attribute)
        and func.attr.value in ("get", "getint", "getboolean", "getfloat")
        and isinstance(func.value, cst.Name)
    ):
        return False
    scope = ctx.lexical_scope(func.value)
    bindings = list(scope[func.value.value]) if scope is not None else []
    if len(bindings) != 1 or not isinstance(bindings[0].scope, GlobalScope):
        return False
    holder = ctx.parent(getattr(bindings[0], "node", None))
    statement = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    made = getattr(statement, "value", None)
    if not isinstance(made, cst.Call):
        return False
    return _standard_parser(ctx, made.func) or _returns_parser(ctx, made)


def _standard_parser(ctx: ModuleContext, func: cst.BaseExpression) -> bool:
    """The standard library's ConfigParser (not a subclass of the project's,
    whose ``get`` may do more): by what the name is imported as."""
    names = ctx.qualified_names(func)
    return bool(names) and all(
        n.rsplit(".", 1)[0] in ("configparser", "ConfigParser")
        and n.rsplit(".", 1)[-1] in _CONFIG_CLASSES
        for n in names
    )


def _returns_parser(ctx: ModuleContext, call: cst.Call) -> bool:
    """``load()`` of ``_cfg = load()``, a function of this module each of whose
    ``return``s gives a local name bound once, to a new ``ConfigParser()``."""
    if not isinstance(call.func, cst.Name):
        return False
    function = next(
        (
            node
            for node in ctx.module.body
            if isinstance(node, cst.FunctionDef) and node.name.value == call.func.value
        ),
        None,
    )
    if function is None or function.decorators:
        return False
    collected = _Returns()
    function.body.visit(collected)
    returns = collected.found
    if not returns:
        return False
    for returned in returns:
        value = returned.value
        if not isinstance(value, cst.Name):
            return False
        scope = ctx.lexical_scope(value)
        bindings = list(scope[value.value]) if scope is not None else []
        if len(bindings) != 1:
            return False
        holder = ctx.parent(getattr(bindings[0], "node", None))
        made = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
        made = getattr(made, "value", None)
        if not (isinstance(made, cst.Call) and _standard_parser(ctx, made.func)):
            return False
    return True


def _only_environment(ctx: ModuleContext, function: cst.FunctionDef) -> bool:
    """The function calls nothing but environment readers and exception
    constructors (``raise ImproperlyConfigured(...)``)."""
    for call in ctx.index.calls:
        if ctx.ancestor(call, cst.FunctionDef) is not function:
            continue
        name = ctx.code(call.func)
        if (
            name.endswith(_READERS)
            or ctx.parent(call) is not None
            and isinstance(ctx.parent(call), cst.Raise)
        ):
            continue
        return False
    return True


class _Returns(cst.CSTVisitor):
    """The ``return`` statements of a function's body, not of the functions
    defined in it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[cst.Return] = []

    def visit_Return(self, node: cst.Return) -> None:
        self.found.append(node)

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False
