"""The key read back out of a mapping by its parameter name:

    assert m.last_request.qs["hapikey"] == ["env-test-key"]   # a test's check
    self.assertEqual(params["hapikey"], "test-key")

Once the requests send the token, no ``hapikey`` is there to read: the test
fails (a KeyError, or a value no longer equal). No fixer follows what such a read is for, so
one that no other site of its statement accounts for is left for a person,
saying where: never passed over in silence (blind5 hubcrm_hierarchy_tests
``tests/test_clients.py:30`` was not reported at all).
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from hapimigrate.fixers.registry import is_key_literal, register
from hapimigrate.model import Kind, Status
from hapimigrate.python.context import ModuleContext

READ = (
    'the key is read here out of "hapikey" of {} (a test checking the request?): '
    "once the requests send the token it is not there; change this by hand"
)


@register("key-reads", cst.SimpleString, is_key_literal)
def fix(ctx: ModuleContext, strings: Sequence[cst.CSTNode]) -> None:
    for node in strings:
        read = _subscript_read(ctx, node)
        if read is not None and not _accounted_for(ctx, node):
            ctx.site(
                node, Kind.PARAMS, Status.MANUAL, READ.format(ctx.code(read.value))
            )


def _subscript_read(ctx: ModuleContext, node: cst.CSTNode) -> cst.Subscript | None:
    """``X["hapikey"]`` read (not set, nor deleted)."""
    index = ctx.parent(node)
    element = ctx.parent(index) if isinstance(index, cst.Index) else None
    subscript = (
        ctx.parent(element) if isinstance(element, cst.SubscriptElement) else None
    )
    if not (isinstance(subscript, cst.Subscript) and len(subscript.slice) == 1):
        return None
    target, holder = subscript, ctx.parent(subscript)
    while isinstance(holder, (cst.Element, cst.StarredElement, cst.Tuple, cst.List)):
        target, holder = holder, ctx.parent(holder)  # a, q["hapikey"] = ...
    if isinstance(holder, (cst.AssignTarget, cst.Del)) or (
        isinstance(holder, (cst.AugAssign, cst.AnnAssign, cst.For, cst.WithItem))
        and getattr(holder, "target", getattr(holder, "asname", None)) is target
    ):
        return None  # set or deleted: the params fixers' (or nobody's) concern
    return subscript if _checked(ctx, subscript) else None


def _checked(ctx: ModuleContext, read: cst.Subscript) -> bool:
    """The read compared (``qs["hapikey"] == [...]``, ``in``) or handed to a
    test's assertion (``self.assertEqual(qs["hapikey"], ...)``): a check of
    what was sent. A read handed on (``Client(row["hapikey"])``, a tenant's
    key from its row) is the credential's flow, which the fixers follow."""
    holder = ctx.parent(read)
    if isinstance(holder, (cst.Comparison, cst.ComparisonTarget)):
        return True
    call = ctx.parent(holder) if isinstance(holder, cst.Arg) else None
    return (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value.startswith("assert")
    )


def _accounted_for(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """A site of the statement holding it already tells (a fixer's own)."""
    statement = ctx.ancestor(node, cst.SimpleStatementLine) or node
    start, end = ctx.start(statement)[0], ctx.end(statement)[0]
    return any(s.line <= end and start <= s.end_line for s in ctx.sites)
