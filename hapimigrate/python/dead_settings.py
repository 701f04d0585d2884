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
from hapimigrate.python.exports import exported_names
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.setting_values import (
    dotenv_reason,
    may_raise,
    reads_environment,
)

REMOVED = (
    "nothing in the tree reads {} any more: removed, so the old variable is no "
    "longer required at start-up"
)
STILL_READ = dead_keys.STILL_READ
STILL_REQUIRED = dead_keys.STILL_REQUIRED
EXPORTED = dead_keys.EXPORTED
EXPORTED_MAYBE = (
    "{} may be listed in __all__ (built by code hapimigrate does not read), so "
    "code outside this module may import it: the definition stays, and the old "
    "variable stays required; delete it by hand, or keep the variable set"
)
# the calls that read a setting from the environment or a config file


def remove(
    ctx: ModuleContext,
    settings: tuple[tuple[str, str], ...],
    protected: frozenset[str] = frozenset(),
) -> None:
    """Remove (or report) the module-level definitions of the settings the
    migrated modules stopped reading: (name, where another still reads it)."""
    gone = dead_keys.removed_nodes(ctx)
    readers = dict(settings)
    exported = exported_names(ctx.module)
    for statement in _definitions(ctx, set(readers)):
        target = statement.targets[0].target
        assert isinstance(target, cst.Name)
        name = target.value
        if _references(ctx, target):
            continue  # this module reads it itself: not dead
        dead_keys.dotenv_note(ctx, statement, statement.value)
        if readers[name]:
            reason = STILL_READ.format(name, readers[name])
            ctx.site(statement, Kind.SETTING, Status.MANUAL, reason)
            continue
        if exported is None or name in exported:  # a public export: kept
            reason = (EXPORTED if exported else EXPORTED_MAYBE).format(name)
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
        reason = dotenv_reason(ctx, "pydantic's env_file")
        if reason is not None:
            dead_keys.report(ctx, field, reason)
    elif field.value is not None:
        dead_keys.dotenv_note(ctx, field, field.value)


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


def _settings_class(ctx: ModuleContext, owner: cst.ClassDef) -> bool:
    return any(ctx.code(base.value).endswith(_SETTINGS_BASES) for base in owner.bases)


def _env_file(ctx: ModuleContext, owner: cst.ClassDef) -> bool:
    """The settings class names an ``env_file`` (``class Config``, a
    ``model_config = SettingsConfigDict(env_file=...)``)."""
    return "env_file" in ctx.code(owner)


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
