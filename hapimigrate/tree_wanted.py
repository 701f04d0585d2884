"""The tree step for "wanted sinks" (issue #12, item 5): a helper of a module
holding no key, to which other modules hand URLs carrying the key.

    first results -> callers' sites left because the value "is passed to
    fetch.get_json(), which hapimigrate does not follow" -> the helper's module
    and function, read from the caller's imports -> checks of the tree (a
    notebook or a file that does not parse naming it, ``__all__``) -> the
    helper's module run again with ``RunOptions.wanted_sinks``: its URL
    parameter followed as if it held the key, the helper exported as a carrier
    (:mod:`hapimigrate.fixers.wanted_sinks`) -> the carriers step
    (:mod:`hapimigrate.carriers`) runs the callers knowing it: their keyed URLs
    end there, each call is checked, and helper and callers change together or
    not at all.

A helper its own module cannot make send the token (or that the tree's checks
refuse) is not wanted: its callers' sites stay as they were, their reason
saying why (:func:`reword`).

No cycle: this step runs once, before the carriers step. Each helper module is
run at most once more per helper it drops (a module asked for N helpers runs
at most N + 1 times here); from then on the wanted helpers are fixed, and the
carriers step and the passes after it re-run modules as they do for any
carrier (a bounded number of rounds, a carrier refused at most once).
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from typing import Callable, Iterable

from hapimigrate import prefilter
from hapimigrate.model import FileResult, Kind, RunOptions, Status
from hapimigrate.tree_imports import importable_names, module_file

Process = Callable[[str, RunOptions], FileResult]
Key = tuple[str, str]  # (helper's path, function)

NOT_FOLLOWED = re.compile(
    r"the value is passed to ([A-Za-z_][\w.]*)\(\), which hapimigrate does not follow"
)
REFUSED = "the value is passed to {}(), and {}"
CANNOT = "{}() of {} cannot send the token with the URLs it is given: {}"


@dataclasses.dataclass(frozen=True)
class Wanted:
    """What the step decided: the helpers wanted, and for each caller's call
    of a helper that is not, why (``(caller, code) -> reason``)."""

    helpers: tuple[Key, ...] = ()
    refused: dict[tuple[str, str], str] = dataclasses.field(default_factory=dict)


def prepare(
    first: list[FileResult], files: list[str], options: RunOptions, process: Process
) -> tuple[list[FileResult], RunOptions, Wanted]:
    """The results with the wanted helpers' modules run knowing them, and the
    options every later run takes (with ``wanted_sinks``)."""
    calls = _calls(first)
    if not calls:
        return first, options, Wanted()
    by_path = {r.path: r for r in first}
    known = {os.path.abspath(f): f for f in files}
    helpers: dict[Key, list[tuple[str, str]]] = {}
    for caller, code in sorted(calls):
        key = _resolve(caller, code, known)
        if key is not None and _keyless(by_path.get(key[0])):
            helpers.setdefault(key, []).append((caller, code))
    if not helpers:
        return first, options, Wanted()
    problems = _tree_problems(sorted(helpers), files, by_path)
    wanted = {k for k in helpers if k not in problems}
    index = {r.path: i for i, r in enumerate(first)}
    first = list(first)
    for _ in range(len(wanted) + 1):  # each round drops one at least, or ends
        asked = dataclasses.replace(options, wanted_sinks=tuple(sorted(wanted)))
        dropped = False
        for path in sorted({p for p, _ in wanted}):
            result = process(path, asked)
            first[index[path]] = result
            for key in sorted(k for k in wanted if k[0] == path):
                problem = _own_problem(result, key)
                if problem is not None:
                    problems[key] = problem
                    wanted.discard(key)
                    dropped = True
        if not dropped:
            break
    for path in {p for p, _ in problems} - {p for p, _ in wanted}:
        first[index[path]] = by_path[path]  # as it was: nothing asked of it
    options = dataclasses.replace(options, wanted_sinks=tuple(sorted(wanted)))
    refused = {
        call: REFUSED.format(call[1], problems[key])
        for key, callers in helpers.items()
        if key in problems
        for call in callers
    }
    return first, options, Wanted(tuple(sorted(wanted)), refused)


def reword(results: Iterable[FileResult], wanted: Wanted) -> list[FileResult]:
    """The callers' sites left at a helper that is not wanted: their reason
    says why it cannot send the token."""
    out = []
    for result in results:
        mine = {c: r for c, r in wanted.refused.items() if c[0] == result.path}
        if mine:
            sites = tuple(_reworded(s, result.path, mine) for s in result.sites)
            result = dataclasses.replace(result, sites=sites)
        out.append(result)
    return out


def _reworded(site, path: str, refused: dict[tuple[str, str], str]):
    if site.status != Status.MANUAL:
        return site
    match = NOT_FOLLOWED.search(site.reason)
    if match is None or (path, match.group(1)) not in refused:
        return site
    reason = (
        site.reason[: match.start()]
        + refused[(path, match.group(1))]
        + site.reason[match.end() :]
    )
    return dataclasses.replace(site, reason=reason)


def _calls(results: Iterable[FileResult]) -> set[tuple[str, str]]:
    """(caller's path, the code of the function called) of every site left
    because its value goes to a function of another module."""
    found = set()
    for result in results:
        if not prefilter.is_python(result.path):
            continue
        for site in result.sites:
            if site.status != Status.MANUAL or site.kind in (Kind.CALL, Kind.VERSION):
                continue
            for match in NOT_FOLLOWED.finditer(site.reason):
                found.add((result.path, match.group(1)))
    return found


def _keyless(result: FileResult | None) -> bool:
    """A module that parsed and holds no key use of its own (one that does is
    the carriers step's: its own keyed call makes the helper a carrier)."""
    return (
        result is not None
        and result.error is None
        and prefilter.is_python(result.path)
        and not any(s.kind not in (Kind.CALL, Kind.VERSION) for s in result.sites)
    )


def _parsed(path: str) -> ast.Module | None:
    try:
        with open(path, "rb") as handle:
            return ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None


def _resolve(caller: str, code: str, known: dict[str, str]) -> Key | None:
    """The module of the tree and the module-level function ``code`` calls in
    ``caller``: ``fetch.get_json`` (``from . import fetch``, ``import
    pkg.fetch as fetch``, ``import fetch``) or ``gj`` (``from .fetch import
    get_json as gj``). None when not one for sure."""
    tree = _parsed(caller)
    if tree is None:
        return None
    parts = code.split(".")
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                local = alias.asname or alias.name
                if len(parts) == 1 and local == parts[0]:
                    where = module_file(caller, node.module or "", node.level)
                    found.add((where, alias.name))
                elif len(parts) == 2 and local == parts[0]:
                    dotted = ((node.module + ".") if node.module else "") + alias.name
                    found.add((module_file(caller, dotted, node.level), parts[1]))
        elif isinstance(node, ast.Import) and len(parts) > 1:
            for alias in node.names:
                head = ".".join(parts[:-1])
                if (alias.asname or alias.name) == head:
                    found.add((module_file(caller, alias.name), parts[-1]))
    if len(found) != 1:
        return None
    where, function = found.pop()
    if where is None or os.path.abspath(where) not in known:
        return None
    path = known[os.path.abspath(where)]
    if path == caller or not _defines(path, function):
        return None
    return path, function


def _defines(path: str, function: str) -> bool:
    """A module-level ``def function`` bound once, not rebound at module level."""
    tree = _parsed(path)
    if tree is None:
        return False
    bound = [
        node
        for node in tree.body
        if (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
            and node.name == function
        )
        or (
            isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign))
            and function
            in {
                t.id
                for target in getattr(node, "targets", [getattr(node, "target", None)])
                for t in ast.walk(target)
                if isinstance(t, ast.Name)
            }
        )
    ]
    return len(bound) == 1 and isinstance(bound[0], ast.FunctionDef)


def _tree_problems(
    keys: list[Key], files: list[str], by_path: dict[str, FileResult]
) -> dict[Key, str]:
    """Why the tree refuses a helper before its module is asked: users it
    cannot see (``__all__``), or a file naming it that hapimigrate cannot check
    (a notebook, a file that does not parse)."""
    problems: dict[Key, str] = {}
    words = {
        key: re.compile(rb"\b" + re.escape(key[1].encode()) + rb"\b") for key in keys
    }
    for key in keys:
        tree = _parsed(key[0])
        if tree is not None and _in_all(tree, key[1]):
            problems[key] = _cannot(
                key,
                f"{os.path.basename(key[0])} lists it in __all__: code outside the "
                "tree may call it with other URLs",
            )
    for path in files:
        todo = [k for k in keys if k not in problems and k[0] != path]
        if not todo:
            continue
        notebook = prefilter.is_notebook(path)
        if not (notebook or prefilter.is_python(path)):
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        for key in todo:
            homes = [h.encode() for h in importable_names(key[0])]
            if not (words[key].search(data) and any(h in data for h in homes)):
                continue
            if notebook or not _parses(data, by_path.get(path)):
                what = "a notebook" if notebook else "a file hapimigrate cannot parse"
                problems[key] = _cannot(
                    key,
                    f"{os.path.basename(path)} ({what}) names it too: the URLs it "
                    "gives it are not seen",
                )
    return problems


def _parses(data: bytes, result: FileResult | None) -> bool:
    """Whether the carriers step sees this file's calls: it parsed (its own
    run, or Python's parser for a file that run passed over)."""
    if result is not None and (
        result.error is not None
        or any(s.status == Status.UNPARSED for s in result.sites)
    ):
        return False
    try:
        ast.parse(data)
    except (SyntaxError, ValueError, RecursionError):
        return False
    return True


def _in_all(tree: ast.Module, name: str) -> bool:
    for node in tree.body:
        targets = (
            node.targets
            if isinstance(node, ast.Assign)
            else (
                [node.target]
                if isinstance(node, (ast.AugAssign, ast.AnnAssign))
                else []
            )
        )
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            value = getattr(node, "value", None)
            if value is None:
                continue
            if any(
                isinstance(c, ast.Constant) and c.value == name for c in ast.walk(value)
            ):
                return True
    return False


def _own_problem(result: FileResult, key: Key) -> str | None:
    """Why the helper's module cannot make it send the token (its own use of
    its carrier, left for a person); None when it exported it."""
    if result.error is not None:
        return _cannot(key, "its module could not be migrated")
    for use in result.carrier_uses:
        if (use.path, use.name) == key and use.status != Status.REWRITE:
            return use.reason
    if not any((c.path, c.name) == key for c in result.exports):
        return _cannot(key, "its module does not make it a sink")
    return None


def _cannot(key: Key, problem: str) -> str:
    return CANNOT.format(key[1], os.path.basename(key[0]), problem)
