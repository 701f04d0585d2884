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

No cycle: the step runs before the carriers step, and again on each of its
results (a reader may show a call only once it knows another module's carrier:
a URL a function of a third module returns). A helper is looked at once: the
carriers step runs again only when a helper is new, so at most once per helper
of the tree. Each helper module is run at most once more per helper it drops
(N helpers asked of it: at most N + 1 runs here); the carriers step and the
passes after it re-run modules as they do for any carrier (a bounded number of
rounds, a carrier refused at most once).
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
    """What the step decided: the helpers wanted; those it looked at and
    refused, with why; the calls of each found in the callers' sites
    (caller's path, the code called); and the helper modules' results before
    they were asked (to go back to)."""

    helpers: tuple[Key, ...] = ()
    problems: dict[Key, str] = dataclasses.field(default_factory=dict)
    callers: dict[Key, tuple[tuple[str, str], ...]] = dataclasses.field(
        default_factory=dict
    )
    originals: dict[str, FileResult] = dataclasses.field(default_factory=dict)

    @property
    def tried(self) -> frozenset[Key]:
        return frozenset(self.helpers) | frozenset(self.problems)

    @property
    def refused(self) -> dict[tuple[str, str], str]:
        """(caller, code) -> the reason its site gets, for refused helpers."""
        return {
            call: REFUSED.format(call[1], self.problems[key])
            for key, calls in self.callers.items()
            if key in self.problems
            for call in calls
        }


def prepare(
    first: list[FileResult],
    files: list[str],
    options: RunOptions,
    process: Process,
    wanted: Wanted = Wanted(),
    later: Iterable[FileResult] = (),
) -> tuple[list[FileResult], RunOptions, Wanted]:
    """The results with the wanted helpers' modules run knowing them, and the
    options every later run takes (with ``wanted_sinks``). ``wanted``: what an
    earlier call decided; ``later``: results of the carriers step, whose
    readers may hand URLs to helpers the first results did not show (a URL
    another module's function returns). Returns ``wanted`` itself when no
    helper is new."""
    calls = _calls(first) | _calls(later)
    by_path = {r.path: r for r in first}
    known = {os.path.abspath(f): f for f in files}
    callers = {k: list(v) for k, v in wanted.callers.items()}
    new = []
    for caller, code in sorted(calls):
        key = _resolve(caller, code, known)
        if key is None:
            continue
        if key not in callers:
            if key in wanted.tried or not _keyless(
                wanted.originals.get(key[0], by_path.get(key[0])), key[1]
            ):
                continue
            callers[key] = []
            new.append(key)
        if (caller, code) not in callers[key]:
            callers[key].append((caller, code))
    found = {k: tuple(v) for k, v in callers.items()}
    if not new:
        return first, options, dataclasses.replace(wanted, callers=found)
    problems = {**wanted.problems, **_tree_problems(sorted(new), files, by_path)}
    chosen = (set(wanted.helpers) | set(new)) - set(problems)
    originals = dict(wanted.originals)
    index = {r.path: i for i, r in enumerate(first)}
    first = list(first)
    for _ in range(len(chosen) + 1):  # each round drops one at least, or ends
        asked = dataclasses.replace(options, wanted_sinks=tuple(sorted(chosen)))
        dropped = False
        for path in sorted({p for p, _ in chosen}):
            originals.setdefault(path, by_path[path])
            result = process(path, asked)
            first[index[path]] = result
            for key in sorted(k for k in chosen if k[0] == path):
                problem = _own_problem(result, key)
                if problem is not None:
                    problems[key] = problem
                    chosen.discard(key)
                    dropped = True
        if not dropped:
            break
    for path in set(originals) - {p for p, _ in chosen}:
        first[index[path]] = originals[path]  # as it was: nothing asked of it
    options = dataclasses.replace(options, wanted_sinks=tuple(sorted(chosen)))
    return first, options, Wanted(tuple(sorted(chosen)), problems, found, originals)


def reword(results: Iterable[FileResult], wanted: Wanted) -> list[FileResult]:
    """The callers' sites left at a helper that is not wanted: their reason
    says why it cannot send the token (and so do the sites whose reason
    quotes theirs: a carrier's, in its own module, when the code called names
    one helper wherever the tree calls it so)."""
    refused = wanted.refused
    helpers: dict[str, set[Key]] = {}
    for key, calls in wanted.callers.items():
        for _, code in calls:
            helpers.setdefault(code, set()).add(key)
    quoted = {
        code: next(r for (_, c), r in refused.items() if c == code)
        for code, keys in helpers.items()
        if len(keys) == 1 and any(c == code for _, c in refused)
    }
    out = []
    for result in results:
        if any(s.status == Status.MANUAL for s in result.sites) and quoted:
            sites = tuple(
                _reworded(s, result.path, refused, quoted) for s in result.sites
            )
            result = dataclasses.replace(result, sites=sites)
        out.append(result)
    return out


def _reworded(site, path: str, refused: dict, quoted: dict[str, str]):
    if site.status != Status.MANUAL:
        return site
    match = NOT_FOLLOWED.search(site.reason)
    if match is None:
        return site
    reason = refused.get((path, match.group(1)), quoted.get(match.group(1)))
    if reason is None:
        return site
    text = site.reason[: match.start()] + reason + site.reason[match.end() :]
    return dataclasses.replace(site, reason=text)


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


def _keyless(result: FileResult | None, function: str) -> bool:
    """A module that parsed, whose ``function`` holds no key use of its own
    (its other functions may: ``build_url`` adding the key), nor is a carrier
    of its module already (its own keyed call made it one: the carriers
    step's, with its rules)."""
    if result is None or result.error is not None:
        return False
    if not prefilter.is_python(result.path) or any(
        c.name == function for c in result.exports
    ):
        return False
    tree = _parsed(result.path)
    span = next(
        (
            (node.lineno, node.end_lineno or node.lineno)
            for node in (tree.body if tree is not None else ())
            if isinstance(node, ast.FunctionDef) and node.name == function
        ),
        None,
    )
    if span is None:
        return False
    return not any(
        s.kind not in (Kind.CALL, Kind.VERSION)
        and (s.status == Status.UNPARSED or span[0] <= s.line <= span[1])
        for s in result.sites
    )


def _parsed(path: str) -> ast.Module | None:
    """The file's syntax tree (read once while it is unchanged: the step asks
    after each carriers step)."""
    try:
        stat = os.stat(path)
        stamp = (path, stat.st_mtime_ns, stat.st_size)
        if stamp not in _TREES:
            if len(_TREES) > 256:  # the callers and helpers of one tree: few
                _TREES.clear()
            with open(path, "rb") as handle:
                _TREES[stamp] = ast.parse(handle.read())
        return _TREES[stamp]
    except (OSError, SyntaxError, ValueError, RecursionError):
        return None


_TREES: dict[tuple[str, int, int], ast.Module] = {}


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
    if where is not None and os.path.basename(where) == "__init__.py":
        where = _reexported(where, function) or where  # from .fetch import f
    if where is None or os.path.abspath(where) not in known:
        return None
    path = known[os.path.abspath(where)]
    if path == caller or not _defines(path, function):
        return None
    return path, function


def _reexported(package: str, function: str) -> str | None:
    """The module a package's ``__init__.py`` imports ``function`` from, by
    its own name (``from .fetch import get_json``), when it is one."""
    tree = _parsed(package)
    found = {
        module_file(package, node.module or "", node.level)
        for node in (tree.body if tree is not None else ())
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
        if alias.name == function and alias.asname in (None, function)
    }
    return found.pop() if len(found) == 1 else None


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
            elif os.path.basename(path) == "__init__.py" and _in_all(
                ast.parse(data), key[1]
            ):  # the package hands it out
                problems[key] = _cannot(
                    key,
                    f"{_shown(path)} lists it in __all__: code outside the tree may "
                    "call it with other URLs",
                )
    return problems


def _shown(path: str) -> str:
    """``pkg/__init__.py``: a package's module, named with its folder."""
    folder = os.path.basename(os.path.dirname(os.path.abspath(path)))
    return f"{folder}/{os.path.basename(path)}"


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
