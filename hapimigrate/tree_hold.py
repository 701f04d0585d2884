"""Leave a whole module as it is, for a reason the tree-wide step found.

When another module's use makes a file's rewrite wrong and no fixer can be told
(a client used for developer-key APIs elsewhere), the file keeps its text: every
site it would have rewritten becomes manual, those the reason is about with it,
the others saying they stay with them. What the tree-wide passes read of the
file is cleared too, so that they undo what depended on its change (its
carriers: :func:`hapimigrate.carriers.broken` sees them gone).
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from hapimigrate.model import FileResult, Site, Status

WITH_THE_MODULE = "left with this module's other uses of the key: line {}: {}"


def hold(
    result: FileResult, reason_for: Callable[[Site], str | None], fallback: str
) -> FileResult:
    """``result`` unchanged: each site it rewrote becomes manual, with
    ``reason_for(site)`` when that gives one, else a pointer to the first
    site that did (or ``fallback`` when none did)."""
    reasons = {id(s): reason_for(s) for s in result.sites if s.status == Status.REWRITE}
    first = next(
        ((s, reasons[id(s)]) for s in result.sites if reasons.get(id(s))), None
    )
    other = WITH_THE_MODULE.format(first[0].line, first[1]) if first else fallback
    sites = tuple(
        (
            dataclasses.replace(s, status=Status.MANUAL, reason=reasons[id(s)] or other)
            if id(s) in reasons
            else s
        )
        for s in result.sites
    )
    return dataclasses.replace(
        result,
        sites=sites,
        new=None,
        removed_keys=(),
        token_parameters=(),
        session_headers=(),
        session_factories=(),
        session_classes=(),
        class_reads=(),
        provider_keys=(),
        imported_keys=(),
        exports=(),
        developer_copies=(),
        carrier_uses=tuple(
            (
                dataclasses.replace(u, status=Status.MANUAL, reason=other)
                if u.status == Status.REWRITE
                else u
            )
            for u in result.carrier_uses
        ),
    )
