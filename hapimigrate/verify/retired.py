"""Whether an endpoint ``verify run`` saw is retired (a violation) or has a
retirement date ahead (a warning): the one place ``verify`` asks the lifecycle data.

:func:`lookup` answers through :data:`source`, a function ``(method, endpoint) ->
Retirement | None``: by default :func:`lifecycle_source`, the package's lifecycle
data; tests, and anyone with a list of their own, point it elsewhere (:func:`use`,
:func:`from_patterns`)."""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

RETIRED = "retired"  # stopped working: a violation
SUNSETTING = "sunsetting"  # a removal date ahead: a warning


@dataclass(frozen=True)
class Retirement:
    name: str  # the endpoint family: "Owners v2"
    status: str  # RETIRED or SUNSETTING
    date: str  # when it stopped (or will stop) working: "2025-03-24"
    replacement: str = ""  # what to call instead: "GET /crm/owners/2026-03"


Source = Callable[[str, str], "Retirement | None"]


def lifecycle_source(method: str, endpoint: str) -> Retirement | None:
    """The package's lifecycle data (:func:`hapimigrate.hubspot.lifecycle_of`),
    judged on :func:`hapimigrate.hubspot.today` (``HAPIMIGRATE_TODAY`` pins it): a
    retired endpoint, or one whose switch-off date is ahead. A general end of
    support (v1-v3 in September 2027) is not a retirement: those endpoints work."""
    from hapimigrate import hubspot

    found = hubspot.lifecycle_of(method, endpoint)
    if found is None:
        return None
    state = found.state(hubspot.today())
    if state not in (RETIRED, SUNSETTING):
        return None
    instead = found.replacements[0] if found.replacements else None
    return Retirement(
        found.family,
        state,
        found.date or "",
        f"{instead.method} {instead.path}" if instead else "",
    )


source: Source = lifecycle_source


def lookup(method: str, endpoint: str) -> Retirement | None:
    return source(method.upper(), endpoint)


@contextlib.contextmanager
def use(other: Source) -> Iterator[None]:
    """Answer from ``other`` inside the block."""
    global source
    previous, source = source, other
    try:
        yield
    finally:
        source = previous


def from_patterns(
    entries: Iterable[tuple[str, str | None, Retirement]],
) -> Source:
    """A source from ``(path regex, method or None for any, Retirement)`` entries,
    first match wins (the lifecycle data's own shape)."""
    table = [(re.compile(p), m.upper() if m else None, r) for p, m, r in entries]

    def answer(method: str, endpoint: str) -> Retirement | None:
        for pattern, wanted, retirement in table:
            if (wanted is None or wanted == method) and pattern.search(endpoint):
                return retirement
        return None

    return answer
