"""LibCST looks up a batched visitor's ``visit_*``/``leave_*`` methods with
``inspect.getmembers`` on every provider of every file: about 6 ms a file, most
of the time spent on a small module. The set of methods depends only on the
class, so it is looked up once per class here. Behaviour is unchanged.

It replaces a method of a private LibCST class, so it is installed only on the
LibCST versions it was checked against (1.x, where ``get_visitors`` has this
contract) and only when that method is there: elsewhere LibCST runs as shipped."""

from __future__ import annotations

import inspect
from functools import lru_cache
from typing import Mapping

try:
    from libcst._batched_visitor import BatchableCSTVisitor
    from libcst._version import __version__ as LIBCST_VERSION
except ImportError:  # pragma: no cover - a LibCST that reorganised its insides
    BatchableCSTVisitor = None  # type: ignore[assignment,misc]
    LIBCST_VERSION = ""

CHECKED_MAJOR = 1


@lru_cache(maxsize=None)
def _visitor_names(cls: type) -> tuple[str, ...]:
    """The names of ``cls``'s ``visit_*``/``leave_*`` functions that are not
    no-ops: ``inspect.getmembers(cls, inspect.isfunction)``'s, filtered, sorted
    as it sorts them; read from the classes' dictionaries (a class attribute is
    the first of its ``__mro__`` to define the name) rather than by a getattr
    of each of LibCST's ~1,000 names (3 ms a provider class)."""
    members: dict[str, object] = {}
    for klass in cls.__mro__:
        for name, member in _own_visitors(klass):
            members.setdefault(name, member)
    return tuple(
        name
        for name, member in sorted(members.items())
        if inspect.isfunction(member) and not getattr(member, "_is_no_op", False)
    )


@lru_cache(maxsize=None)
def _own_visitors(klass: type) -> tuple[tuple[str, object], ...]:
    """The ``visit_*``/``leave_*`` attributes ``klass`` itself defines (LibCST's
    typed visitor bases, ~1,000 of them, are read once)."""
    return tuple(
        (name, member)
        for name, member in vars(klass).items()
        if name.startswith(("visit_", "leave_"))
    )


def _visitor_names_by_getmembers(cls: type) -> tuple[str, ...]:
    """What :func:`_visitor_names` computes, as LibCST computes it (the tests
    compare them)."""
    return tuple(
        name
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if (name.startswith("visit_") or name.startswith("leave_"))
        and not getattr(member, "_is_no_op", False)
    )


def _get_visitors(self: BatchableCSTVisitor) -> Mapping[str, object]:
    return {name: getattr(self, name) for name in _visitor_names(type(self))}


def applies(version: str) -> bool:
    """Whether the speed-up is known to be safe on this LibCST version."""
    major = version.split(".", 1)[0]
    return (
        major.isdigit()
        and int(major) == CHECKED_MAJOR
        and BatchableCSTVisitor is not None
        and callable(getattr(BatchableCSTVisitor, "get_visitors", None))
    )


def install() -> bool:
    """Install the speed-up where it applies; whether it was installed."""
    if not applies(LIBCST_VERSION):
        return False
    BatchableCSTVisitor.get_visitors = _get_visitors  # type: ignore[method-assign]
    return True
