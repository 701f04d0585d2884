"""Whether other reads of a settings mapping read the key's entry.

    token = settings.HUBSPOT.get('API_KEY')       # the key: nothing reads it now
    hub = settings.HUBSPOT.get('HUB_ID')          # another entry of the same dict
    form_guid = settings.HUBSPOT['FORM_GUID']

A definition reading one entry of a configured mapping (``settings.HUBSPOT``)
goes once nothing reads it (:mod:`hapimigrate.python.leftover_reads`), unless
the mapping is read elsewhere in the module: such a read might reach the key
(``settings.HUBSPOT`` handed to a function, ``.get(name)``). A read that looks
up another entry written in the code (``.get('HUB_ID')``, ``['FORM_GUID']``)
never reads the key's: it reads on as before, and does not keep the key alive.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from hapimigrate.python.context import ModuleContext


def entry(ctx: ModuleContext, container: cst.BaseExpression) -> str | None:
    """The literal entry ``container`` is looked up by where it stands:
    ``'API_KEY'`` of ``container.get('API_KEY'[, default])`` or
    ``container['API_KEY']``; None for any other use."""
    parent = ctx.parent(container)
    if isinstance(parent, cst.Attribute) and parent.value is container:
        call = ctx.parent(parent)
        if (
            parent.attr.value == "get"
            and isinstance(call, cst.Call)
            and call.func is parent
            and 1 <= len(call.args) <= 2
            and not any(a.star or a.keyword is not None for a in call.args)
        ):
            return _string(call.args[0].value)
        return None
    if (
        isinstance(parent, cst.Subscript)
        and parent.value is container
        and len(parent.slice) == 1
        and isinstance(parent.slice[0].slice, cst.Index)
    ):
        return _string(parent.slice[0].slice.value)
    return None


def other_entries_only(
    ctx: ModuleContext,
    container: cst.BaseExpression,
    reads: Sequence[cst.BaseExpression],
) -> bool:
    """Whether every read in ``reads`` of the mapping ``container`` (a read
    of the key's entry in the definition going) looks up another entry
    written in the code."""
    key = entry(ctx, container)
    if key is None:
        return False
    return all(
        (other := entry(ctx, read)) is not None and other != key for read in reads
    )


def _string(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None
