"""What :mod:`configured_objects` needs to know of a configuration object an
app loads once and hands down: where its key field goes (handed on as it is
to a client taking a token counts as sent), and where its factory reads the
key (an environment variable the project's own JSON config file names).

A configured object's key field handed on to code that takes a token.

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
import json
import os
from dataclasses import dataclass
from typing import Iterable, Sequence

from hapimigrate.analysis import function_locals
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


# -- a variable named by the app's own JSON config file ----------------------
#
#     def get_settings(path="config/settings.json"):
#         with open(path) as fh:
#             raw = json.load(fh)
#         return Settings(hubspot_api_key=os.environ[raw["hubspot"]["api_key_env"]])
#
# The variable read is the one the project's config file names at that place
# (``"api_key_env": "HUBSPOT_API_KEY"``): the key is still an environment read,
# whose name the code finds in a file of the tree rather than in its text.

_LOADERS = {"json.load", "load"}  # json.load(fh), from json import load
_MOST_BYTES = 1_000_000


def file_named(
    node: ast.expr, function: ast.FunctionDef | None, path: str
) -> tuple[str, tuple[str, ...]] | None:
    """The variable's name ``node`` (``raw["hubspot"]["api_key_env"]``) reads out
    of the JSON file ``function`` loads (``with open(path) as fh: raw =
    json.load(fh)``), and the parameter giving the file's path that callers
    must leave at its default; None unless the project holds exactly one such
    file, naming a variable there."""
    if function is None or not path:
        return None
    keys: list[str] = []
    while isinstance(node, ast.Subscript):
        index = node.slice
        if not (isinstance(index, ast.Constant) and isinstance(index.value, str)):
            return None
        keys.append(index.value)
        node = node.value
    if not keys or not isinstance(node, ast.Name):
        return None
    keys.reverse()
    loaded = _loaded_file(function, node.id, tuple(keys))
    if loaded is None:
        return None
    file_path, parameter = loaded
    data = _project_json(path, file_path)
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    if not (isinstance(data, str) and data.isidentifier()):
        return None
    return data, ((parameter,) if parameter else ())


def _loaded_file(
    function: ast.FunctionDef, name: str, keys: tuple[str, ...]
) -> tuple[str, str] | None:
    """(the file's path, the parameter giving it or "") of a local ``name``
    bound once, and never written into, to ``json.load(fh)`` of ``with
    open(P) as fh`` (P a literal, or a parameter's literal default never
    rebound)."""
    value = function_locals.bound_once(function, name)
    if not (
        isinstance(value, ast.Call)
        and function_locals.dotted(value.func) in _LOADERS
        and len(value.args) == 1
        and not value.keywords
        and isinstance(value.args[0], ast.Name)
    ):
        return None
    if not _read_only(function, name, keys):
        return None
    handle = value.args[0].id
    opened = [
        item.context_expr
        for node in ast.walk(function)
        if isinstance(node, (ast.With, ast.AsyncWith))
        for item in node.items
        if isinstance(item.optional_vars, ast.Name) and item.optional_vars.id == handle
    ]
    stores = [
        n
        for n in ast.walk(function)
        if isinstance(n, ast.Name) and n.id == handle and isinstance(n.ctx, ast.Store)
    ]
    if len(opened) != 1 or len(stores) != 1:
        return None
    call = opened[0]
    if not (
        isinstance(call, ast.Call)
        and isinstance(call.func, ast.Name)
        and call.func.id == "open"
        and call.args
        and all(
            isinstance(a, ast.Constant) and a.value in ("r", "rt")
            for a in call.args[1:]
        )
        and all(k.arg == "encoding" for k in call.keywords)
    ):
        return None
    given = call.args[0]
    if isinstance(given, ast.Constant) and isinstance(given.value, str):
        return given.value, ""
    if isinstance(given, ast.Name):
        default = function_locals.left_parameter(function, given.id, str)
        if isinstance(default, str):
            return default, given.id
    return None


def _read_only(function: ast.FunctionDef, name: str, keys: tuple[str, ...]) -> bool:
    """Every use of the local ``name`` (the loaded file) in ``function`` but its
    binding reads keys out of it (``raw["hubspot"]["base_url"]``, ``.get``):
    nothing writes into it (``raw["hubspot"]["api_key_env"] = ...``,
    ``raw.update(...)``), nor hands what holds the value at ``keys`` (``raw``,
    ``raw["hubspot"]``, ``raw[section]``) to code that may."""
    parents = {
        id(child): node
        for node in ast.walk(function)
        for child in ast.iter_child_nodes(node)
    }
    for node in ast.walk(function):
        if not (
            isinstance(node, ast.Name)
            and node.id == name
            and isinstance(node.ctx, ast.Load)
        ):
            continue
        top: ast.AST = node
        while isinstance(parents.get(id(top)), ast.Subscript) and (
            parents[id(top)].value is top
        ):
            top = parents[id(top)]
        if top is node or not isinstance(getattr(top, "ctx", None), ast.Load):
            return False
        above = parents.get(id(top))
        if isinstance(above, ast.Attribute) and above.attr != "get":
            return False
        if _may_hold(top, node, keys) and not isinstance(above, ast.Attribute):
            return False  # mutate(raw["hubspot"]): handed on whole
    return True


def _may_hold(top: ast.AST, name: ast.Name, keys: tuple[str, ...]) -> bool:
    """Whether the subscript chain ``top`` (on ``name``) may be a container of
    the value at ``keys``: its keys a strict beginning of them, or not all
    written in the code."""
    chain: list[object] = []
    node = top
    while node is not name and isinstance(node, ast.Subscript):
        index = node.slice
        literal = isinstance(index, ast.Constant) and isinstance(index.value, str)
        chain.append(index.value if literal else None)
        node = node.value
    chain.reverse()
    if len(chain) >= len(keys):
        return False
    return all(c is None or c == k for c, k in zip(chain, keys))


def _project_json(module: str, relative: str) -> object:
    """The JSON at ``relative`` below the folders a program of the project at
    ``module`` may run from (the one above its top package, the project's);
    None unless exactly one such file reads the same everywhere it is."""
    if os.path.isabs(relative) or ".." in relative.split("/"):
        return None
    folder = os.path.dirname(os.path.abspath(module))
    while os.path.isfile(os.path.join(folder, "__init__.py")):
        folder = os.path.dirname(folder)
    bases = [folder]
    if os.path.basename(folder) == "src":
        bases.append(os.path.dirname(folder))
    found = [
        os.path.join(base, relative)
        for base in bases
        if os.path.isfile(os.path.join(base, relative))
    ]
    if len(found) != 1:
        return None
    try:
        if os.path.getsize(found[0]) > _MOST_BYTES:
            return None
        with open(found[0], encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None
