"""Key settings nothing reads any more (issue #12, item 5).

A settings module defines the key (``HUBSPOT_API_KEY = get_env("HUBSPOT_API_KEY")``,
raising at start-up when the variable is missing) and other modules read it. Once
the run has migrated every reader, nothing in the tree reads the setting, but the
app still needs the old variable to start. The run (:mod:`hapimigrate.run`) finds
such settings and hands their names here: a definition whose value only reads the
environment (or a literal) is removed, with the imports only it used, and reported
as a ``setting`` site; any other definition is reported ``manual``, naming the
variable that stays required.

A field of a settings class (pydantic's ``BaseSettings``: ``hubspot_api_key: str``,
read as ``settings.hubspot_api_key``) is not removed (a model may refuse variables
it has no field for) but reported ``manual`` when it stays required. And a key
read through a library that reads ``.env`` files without copying them into
``os.environ`` (pydantic's ``env_file``, python-decouple's ``config``) is
reported too when the token is read from ``os.environ`` (the ``env:`` provider):
a token put beside the key in ``.env`` would never be seen.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate.model import Kind, Status
from hapimigrate.python import dead_keys
from hapimigrate.python.context import ModuleContext

REMOVED = (
    "nothing in the tree reads {} any more: removed, so the old variable is no "
    "longer required at start-up"
)
STILL_READ = dead_keys.STILL_READ
STILL_REQUIRED = dead_keys.STILL_REQUIRED
# the calls that read a setting from the environment or a config file
_CONSTANTS = ("None", "True", "False")
_READERS = ("getenv", "environ.get", "env", "env.str", "config", "os.getenv")


def remove(
    ctx: ModuleContext,
    settings: tuple[tuple[str, str], ...],
    protected: frozenset[str] = frozenset(),
) -> None:
    """Remove (or report) the module-level definitions of the settings the
    migrated modules stopped reading: (name, where another still reads it)."""
    gone = dead_keys.removed_nodes(ctx)
    readers = dict(settings)
    for statement in _definitions(ctx, set(readers)):
        target = statement.targets[0].target
        assert isinstance(target, cst.Name)
        name = target.value
        if _references(ctx, target):
            continue  # this module reads it itself: not dead
        dotenv_note(ctx, statement, statement.value)
        if readers[name]:
            reason = STILL_READ.format(name, readers[name])
            ctx.site(statement, Kind.SETTING, Status.MANUAL, reason)
            continue
        if not reads_environment(ctx, statement.value):
            ctx.site(
                statement, Kind.SETTING, Status.MANUAL, STILL_REQUIRED.format(name)
            )
            continue
        ctx.edits.statements[statement] = []
        gone.add(id(statement))
        for root in dead_keys.roots(statement.value):
            if root not in protected:  # a notebook's other cells may read it
                dead_keys.remove_unused_import(ctx, statement, root, gone)
        ctx.site(statement, Kind.SETTING, Status.REWRITE, REMOVED.format(name))
    found = {t.value for s in _definitions(ctx, set(readers)) for t in _names(s)}
    for field, owner in _fields(ctx, set(readers) - found):
        _field(ctx, field, owner, readers)


FIELD_REQUIRED = (
    "nothing in the tree reads {} any more, but it is a field of {} without a "
    "default: the settings fail to load without the old variable; give it a "
    "default, delete it (if the settings ignore variables they have no field "
    "for), or keep the variable set"
)
FIELD_STILL_REQUIRED = (
    "nothing in the tree reads {} any more, but it stays a field of {}, read when "
    "the class is defined (or by name: from_object, a settings library): delete "
    "it by hand, or keep the old variable set"
)
DOTENV = (
    "the old key is read through {}, which reads .env files without copying them "
    "into os.environ, while the migrated code reads the token from "
    'os.environ["{}"]: set that variable in the process environment (a line in '
    ".env is not seen), or use a --token-provider that reads it the way the key was"
)
_SETTINGS_BASES = ("BaseSettings",)


def _names(statement: cst.Assign) -> list[cst.Name]:
    return [t.target for t in statement.targets if isinstance(t.target, cst.Name)]


def _fields(
    ctx: ModuleContext, names: set[str]
) -> list[tuple[cst.AnnAssign | cst.Assign, cst.ClassDef]]:
    """The class-body definitions of ``names`` (``hubspot_api_key: str``)."""
    found = []
    for owner in ctx.index.classes if names else ():
        for line in owner.body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                if isinstance(small, cst.AnnAssign):
                    target = small.target
                elif isinstance(small, cst.Assign) and len(small.targets) == 1:
                    target = small.targets[0].target
                else:
                    continue
                if isinstance(target, cst.Name) and target.value in names:
                    found.append((small, owner))
    return found


def _field(
    ctx: ModuleContext,
    field: cst.AnnAssign | cst.Assign,
    owner: cst.ClassDef,
    readers: dict[str, str],
) -> None:
    """Report a settings class's field the migrated modules stopped reading."""
    target = (
        field.target if isinstance(field, cst.AnnAssign) else field.targets[0].target
    )
    assert isinstance(target, cst.Name)
    name = f"{owner.name.value}.{target.value}"
    pydantic = _settings_class(ctx, owner)
    if readers[target.value]:
        reason = STILL_READ.format(name, readers[target.value])
    elif pydantic and _required(ctx, field.value):
        reason = FIELD_REQUIRED.format(target.value, owner.name.value)
    elif not pydantic and may_raise(ctx, field.value):
        reason = FIELD_STILL_REQUIRED.format(target.value, owner.name.value)
    else:
        reason = ""
    if reason:
        dead_keys.report(ctx, field, reason)
    if pydantic and _env_file(ctx, owner):
        _dotenv_site(ctx, field, "pydantic's env_file")
    elif field.value is not None:
        dotenv_note(ctx, field, field.value)


def _required(ctx: ModuleContext, value: cst.BaseExpression | None) -> bool:
    """A pydantic field without a default: none, or ``Field(...)`` /
    ``Field(env="X")`` without ``default=`` or ``default_factory=``."""
    if value is None:
        return True
    if not (isinstance(value, cst.Call) and ctx.code(value.func).endswith("Field")):
        return False
    keywords = {a.keyword.value for a in value.args if a.keyword is not None}
    positional = [a for a in value.args if a.keyword is None and not a.star]
    if keywords & {"default", "default_factory"}:
        return False
    return not positional or isinstance(positional[0].value, cst.Ellipsis)


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


def _settings_class(ctx: ModuleContext, owner: cst.ClassDef) -> bool:
    return any(ctx.code(base.value).endswith(_SETTINGS_BASES) for base in owner.bases)


def _env_file(ctx: ModuleContext, owner: cst.ClassDef) -> bool:
    """The settings class names an ``env_file`` (``class Config``, a
    ``model_config = SettingsConfigDict(env_file=...)``)."""
    return "env_file" in ctx.code(owner)


def dotenv_note(
    ctx: ModuleContext, node: cst.CSTNode, value: cst.BaseExpression
) -> None:
    """The ``DOTENV`` site when ``value`` reads the key with python-decouple's
    ``config(...)`` and the token comes from ``os.environ``."""
    if (
        isinstance(value, cst.Call)
        and ctx.code(value.func) in ("config", "decouple.config")
        and "decouple" in ctx.module.code
    ):
        _dotenv_site(ctx, node, "python-decouple's config()")


def _dotenv_site(ctx: ModuleContext, node: cst.CSTNode, library: str) -> None:
    spec = ctx.provider.spec
    if spec.startswith("env:"):
        dead_keys.report(ctx, node, DOTENV.format(library, spec[len("env:") :]))


def _definitions(ctx: ModuleContext, names: set[str]) -> list[cst.Assign]:
    found = []
    for line in ctx.module.body:
        if not isinstance(line, cst.SimpleStatementLine):
            continue
        for statement in line.body:
            if (
                isinstance(statement, cst.Assign)
                and len(statement.targets) == 1
                and isinstance(statement.targets[0].target, cst.Name)
                and statement.targets[0].target.value in names
            ):
                found.append(statement)
    return found


def _references(ctx: ModuleContext, target: cst.Name) -> bool:
    scope = ctx.lexical_scope(target)
    if scope is None:
        return True
    bindings = [b for b in scope[target.value] if isinstance(b.scope, GlobalScope)]
    return len(bindings) != 1 or bool(bindings[0].references)


def reads_environment(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """A literal, ``os.environ[...]``, ``os.getenv(...)``, a config reader
    (``env("X")``, ``config("X")``) or a function of this module that reads the
    environment, called with literals only: nothing else happens when it runs."""
    if dead_keys.keylike(value):
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
    return isinstance(made, cst.Call) and ctx.code(made.func).endswith(_CONFIG_CLASSES)


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
