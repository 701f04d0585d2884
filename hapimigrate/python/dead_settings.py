"""Key settings nothing reads any more (issue #12, item 5).

A settings module defines the key (``HUBSPOT_API_KEY = get_env("HUBSPOT_API_KEY")``,
raising at start-up when the variable is missing) and other modules read it. Once
the run has migrated every reader, nothing in the tree reads the setting, but the
app still needs the old variable to start. The run (:mod:`hapimigrate.run`) finds
such settings and hands their names here: a definition whose value only reads the
environment (or a literal) is removed, with the imports only it used, and reported
as a ``setting`` site; any other definition is reported ``manual``, naming the
variable that stays required.
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
STILL_READ = (
    "{} is still read by {} after the migration (a check of the old key?): the "
    "old variable stays required; change that code, or keep the variable set"
)
STILL_REQUIRED = (
    "nothing in the tree reads {} any more, but this definition may do more than "
    "read the environment: delete it by hand, or keep the old variable set"
)
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
        if readers[name]:
            reason = STILL_READ.format(name, readers[name])
            ctx.site(statement, Kind.SETTING, Status.MANUAL, reason)
            continue
        if not _reads_environment(ctx, statement.value):
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


def _reads_environment(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """A literal, ``os.environ[...]``, ``os.getenv(...)``, a config reader
    (``env("X")``, ``config("X")``) or a function of this module that reads the
    environment, called with literals only: nothing else happens when it runs."""
    if dead_keys.keylike(value):
        return True
    if isinstance(value, cst.BooleanOperation):  # ini.get(...) or os.environ.get(...)
        return _reads_environment(ctx, value.left) and _reads_environment(
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
