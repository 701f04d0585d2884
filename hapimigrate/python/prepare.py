"""What the process that reads a candidate can make of it before the codemod:
its relevant statements (:mod:`hapimigrate.python.slicing`), without LibCST.

The command reads the files while a warm worker imports LibCST
(:mod:`hapimigrate.warm`); the worker then takes the candidates one after
another. Python's own parse of a whole candidate, which slicing needs (about
3 ms a file, a sixth of a candidate), is made here by the reading process for
the candidates the worker has not reached yet; :mod:`hapimigrate.python.module`
makes it by the same functions for the others, so the result is the same
wherever it was made."""

from __future__ import annotations

import re

from hapimigrate import prefilter
from hapimigrate.model import RunOptions
from hapimigrate.python import slicing

# the default of a part not made yet (None is a part: the whole file)
UNSLICED = object()


def needs_codemod(data: bytes, options: RunOptions) -> bool:
    """Whether a Python candidate goes through the codemod: a key may be used
    in it, or the run asks about calls, carriers or settings."""
    return bool(
        options.modernize
        or options.calls
        or options.carriers
        or options.dead_settings
        or options.sent_elsewhere  # a settings factory (analysis.configured_objects)
        or prefilter.may_hold_key_site(data)
        or _defines_wanted(data, options)
    )


def _defines_wanted(data: bytes, options: RunOptions) -> bool:
    """Whether ``data`` may define a helper the tree made a sink (tree_wanted)."""
    return any(
        re.search(rb"\bdef\s+" + re.escape(f.encode()) + rb"\b", data)
        for _, f in options.wanted_sinks
    )


def reduced(data: bytes, options: RunOptions) -> slicing.Slice | None:
    """The part of ``data`` LibCST is given: its relevant statements, or None
    for all of it (see :func:`slicing.reduce`)."""
    return slicing.reduce(data, seed(options), slicing.INSERTED | _provider(options))


def seed(options: RunOptions) -> re.Pattern[bytes] | None:
    """What a statement must mention to matter (see slicing.reduce): also the
    names of the other modules' carriers this module sends."""
    asked = options.modernize or options.calls
    wanted = [c.name for c in options.carriers] + [n for n, _ in options.dead_settings]
    wanted += [f for _, f in options.wanted_sinks]  # a helper made a sink
    if not wanted:
        return prefilter.CALL_SEED if asked else None
    base = (prefilter.CALL_SEED if asked else prefilter.STATEMENT_SEED).pattern
    names = b"|".join(re.escape(name.encode()) for name in wanted)
    return re.compile(base + rb"|\b(?:" + names + rb")\b", re.IGNORECASE)


def _provider(options: RunOptions) -> frozenset[bytes]:
    """The top-level names of the provider's imports (a rewrite may write them:
    the statements defining them stay)."""
    return frozenset(
        (i.name or i.module).split(".")[0].encode() for i in options.provider.imports
    )
