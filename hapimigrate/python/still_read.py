"""What a key's definition that stays is still read for, said precisely.

    API_KEY = getenv("HUBSPOT_API_KEY")
    async def criar_contato(api_key: str = API_KEY, contact: str = "None"): ...

Once the sends of ``API_KEY`` read the token, a read the migration does not
reach keeps the definition: :mod:`hapimigrate.python.dead_keys` reports it. The
reason says what the read is (a parameter's default, not "a check of the old
key?") and what the old variable's absence does: a lenient read
(``getenv``, ``environ.get``) gives None there, no error, so the variable is
not "required"; a strict one (``environ[...]``) raises, so it is.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.python.context import ModuleContext

LENIENT = (
    "{} is still read by {} after the migration ({}): read leniently, it is "
    "None there once the old variable is unset, no error; change that code, or "
    "keep the variable set"
)
_LENIENT_READERS = ("getenv", "environ.get", "os.getenv", "os.environ.get")


def reason(
    ctx: ModuleContext,
    name: str,
    statement: cst.Assign,
    reader: cst.CSTNode,
    where: str,
    strict: str,
) -> str:
    """The reason for ``name``'s definition ``statement``, still read by
    ``reader`` (at ``where``); ``strict``: the reason for a strict read."""
    if not _lenient(ctx, statement.value):
        return strict
    return LENIENT.format(name, where, _what(ctx, reader))


def _lenient(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """``getenv("X")``, ``os.environ.get("X")`` (a default or not)."""
    return (
        isinstance(value, cst.Call)
        and ctx.code(value.func) in _LENIENT_READERS
        and 1 <= len(value.args) <= 2
        and not any(a.star for a in value.args)
    )


def _what(ctx: ModuleContext, reader: cst.CSTNode) -> str:
    """What the read is: a parameter's default, else perhaps a check."""
    param = ctx.parent(reader)
    if isinstance(param, cst.Param) and param.default is reader:
        return f"the default of its parameter {param.name.value}"
    return "a check of the old key?"
