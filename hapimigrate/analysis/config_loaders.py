"""A configured object's key field handed on to code that takes a token.

:mod:`hapimigrate.analysis.configured_objects` lets a factory's object hold the
token only when its key field is read nowhere but in the statements of the
owner that send it as the key (``params = {"hapikey": self.settings.api_key}``).
An app that loads its configuration once often hands the field itself on to a
client of another module instead::

    # run.py                                   # hubspot.py
    async def main(cfg=None):                   class AsyncHubSpot:
        cfg = cfg or config.from_env()              def __init__(self, api_key):
        hub = AsyncHubSpot(cfg.hubspot_key)             ... {"hapikey": api_key} ...

``AsyncHubSpot`` takes a token now (its module proved that every use of its
parameter sends it to HubSpot: a carrier with ``parameter``), so handing it the
field is sending it: the statement counts as one of the owner's sends
(:func:`handed_reads`), and like those it must hold a key site that migrated
(``configured_objects._unmigrated_sends``), else the factory stays.

Only a direct argument counts: the field itself, at the parameter's keyword or
position, of a call of a name this module imports from the carrier's own module
(``from .hubspot import AsyncHubSpot``, also aliased). Anything else (the field
in an f-string, a log call, a call of an unknown function, a ``*args``) is still
another read, and keeps the object's field the key.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from typing import Iterable, Sequence

from hapimigrate.model import Carrier
from hapimigrate.tree_imports import module_file


@dataclass(frozen=True)
class TokenTaker:
    """A callable this module imports whose parameter takes a token now."""

    local: str  # the name it is called by here
    parameter: str  # the parameter's name, given by keyword
    position: int  # its place among positional arguments (-1: keyword only)


def token_takers(
    path: str, tree: ast.Module, carriers: Iterable[Carrier]
) -> tuple[TokenTaker, ...]:
    """The callables of other modules, imported by name at the top of the module
    at ``path``, whose parameter takes a token now (a carrier naming its
    ``parameter``, with no field: the parameter is the key itself)."""
    wanted = {
        (os.path.abspath(c.path), c.name): c
        for c in carriers
        if c.parameter and not c.field and not c.helper and not c.blocked
    }
    if not wanted:
        return ()
    found: list[TokenTaker] = []
    for statement in tree.body:
        if not isinstance(statement, ast.ImportFrom):
            continue
        for alias in statement.names:
            source = statement.module or ""
            home = module_file(path, source, statement.level) if source else None
            if home is None and statement.level:
                home = module_file(path, "__init__", statement.level)
            if home is None:
                continue
            carrier = wanted.get((os.path.abspath(home), alias.name))
            if carrier is not None:
                found.append(
                    TokenTaker(
                        alias.asname or alias.name,
                        carrier.parameter,
                        carrier.position,
                    )
                )
    locals_bound = _rebound(tree, {t.local for t in found})
    return tuple(t for t in found if t.local not in locals_bound)


def _rebound(tree: ast.Module, names: set[str]) -> set[str]:
    """The names among ``names`` bound anywhere in the module other than by an
    import (``AsyncHubSpot = Mock``, ``def AsyncHubSpot``): not the carrier."""
    bound = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            bound.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return bound & names


def handed_reads(
    statement: ast.stmt, field: str, takers: Sequence[TokenTaker]
) -> list[ast.Attribute]:
    """The ``.field`` reads of ``statement`` that are handed, as they are, to a
    token taker's parameter: ``AsyncHubSpot(cfg.hubspot_key)``,
    ``Client(api_key=cfg.hubspot_key)``. Only a statement whose every read of
    ``.field`` is such an argument counts (else none do)."""
    if not takers:
        return []
    by_name = {t.local: t for t in takers}
    handed: list[ast.Attribute] = []
    for call in ast.walk(statement):
        if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name)):
            continue
        taker = by_name.get(call.func.id)
        if taker is None:
            continue
        if any(isinstance(a, ast.Starred) for a in call.args) or any(
            k.arg is None for k in call.keywords
        ):
            continue
        given = [k.value for k in call.keywords if k.arg == taker.parameter]
        if 0 <= taker.position < len(call.args):
            given.append(call.args[taker.position])
        handed += [g for g in given if isinstance(g, ast.Attribute) and g.attr == field]
    reads = [
        n
        for n in ast.walk(statement)
        if isinstance(n, ast.Attribute) and n.attr == field
    ]
    if {id(n) for n in reads} != {id(n) for n in handed}:
        return []
    return handed
