"""LibCST looks up a batched visitor's ``visit_*``/``leave_*`` methods with
``inspect.getmembers`` on every provider of every file: about 6 ms a file, most
of the time spent on a small module. The set of methods depends only on the
class, so it is looked up once per class here. Behaviour is unchanged."""

from __future__ import annotations

import inspect
from functools import lru_cache
from typing import Mapping

from libcst._batched_visitor import BatchableCSTVisitor


@lru_cache(maxsize=None)
def _visitor_names(cls: type) -> tuple[str, ...]:
    return tuple(
        name
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if (name.startswith("visit_") or name.startswith("leave_"))
        and not getattr(member, "_is_no_op", False)
    )


def _get_visitors(self: BatchableCSTVisitor) -> Mapping[str, object]:
    return {name: getattr(self, name) for name in _visitor_names(type(self))}


def install() -> None:
    BatchableCSTVisitor.get_visitors = _get_visitors  # type: ignore[method-assign]
