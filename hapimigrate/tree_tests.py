"""Tests of the tree that check the key, moved to the token with the code they
test (issue #12).

**The rule: a test is rewritten only so that it passes against the migrated
code exactly when it passed against the original code.** That takes what the
whole run decided, so this is a tree-wide pass, the last to change a file:

- only test modules (:func:`hapimigrate.tree_imports.is_test_module`) the run
  left as they are, with key sites left for a person;
- only when the code they test -- the tree's modules they import, and those
  these import -- is migrated in this run and keeps no key site for a person
  (a settings definition that stays is not one: it sends nothing); else the
  test stays as it is, each site saying so;
- only when the token the migrated code sends is the key the test gives it:
  a made-up key the test hands a parameter that takes a token now (the
  carriers step's sites say so), or the key's variable or the module's key the
  test sets, where the migrated code reads the provider's variable
  (``env:NAME`` providers only) in its place, at request time: the test then
  sets that variable to the same value, for its own duration.

What a test function may hold, and how it changes, is the fixer's
(:mod:`hapimigrate.fixers.test_expectations`): the shapes it proves, else the
whole function stays.
"""

from __future__ import annotations

import dataclasses
import os
import re

from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import FileResult, Kind, RunOptions, Site, Status
from hapimigrate.tree_imports import (
    importable_names,
    imported_names,
    is_test_module,
    tree_root,
)

NOT_KEYS = (Kind.CALL, Kind.VERSION)
MADE_UP = "made-up key, which stands for a token"  # or an object with one
CODE_LEFT = (
    "{}; the code this test checks keeps a key site for a person ({}), so the "
    "test stays as it is: change both together, by hand"
)
NOT_ENV = (
    "{}; the token comes from {}, not an environment variable a test can set: "
    "change this test by hand"
)
_ENV_READ = re.compile(
    r"""^os\.(?:environ\[|environ\.get\(|getenv\()\s*["'](\w+)["']"""
)
SET_BESIDE = (
    "{} is set here for the test; the token's variable is set beside it, to "
    "the same value, for the code it tests reads that one now"
)
NO_VALUE = "does not itself give"
_VALUE_REASONS = (
    "does not itself give",
    "several keys",
    "binds to something else",
    "also checks the request",
    "changes the environment",
)


def rewrite_tests(
    results: list[FileResult], files: list[str], options: RunOptions
) -> list[FileResult]:
    """``results`` with the tests of migrated code expecting the token."""
    candidates = [
        r
        for r in results
        if r.path.endswith(".py")
        and r.error is None
        and not r.changed
        and r.original is not None
        and any(_manual(s) for s in r.sites)
    ]
    if not candidates:
        return results
    root = tree_root(files)
    candidates = [r for r in candidates if is_test_module(r.path, root)]
    if not candidates:
        return results
    by_path = {os.path.abspath(r.path): r for r in results}
    modules: dict[str, list[str]] = {}
    for path in files:
        if path.endswith(".py") and not is_test_module(path, root):
            for name in importable_names(path):
                modules.setdefault(name, []).append(os.path.abspath(path))
    variable = _env_variable(options)
    chosen = {id(r) for r in candidates}
    out = []
    for result in results:
        if id(result) in chosen:
            result = _one(result, by_path, modules, (variable, options.provider.spec))
        out.append(result)
    return out


def _manual(site) -> bool:
    return site.status in (Status.MANUAL, Status.UNPARSED) and site.kind not in NOT_KEYS


def _env_variable(options: RunOptions) -> str | None:
    spec = options.provider.spec
    if spec.startswith("env:") and options.provider.expression == (
        f'os.environ["{spec[4:]}"]'
    ):
        return spec[4:]
    return None


def _tested(
    result: FileResult,
    by_path: dict[str, FileResult],
    modules: dict[str, list[str]],
) -> list[FileResult]:
    """The tree's modules ``result`` imports, and those they import: every
    module a word of their import lines may name (a package: its modules too,
    one of them may be what it re-exports)."""
    seen: dict[str, FileResult] = {}
    todo = [result]
    while todo:
        current = todo.pop()
        data = current.original or b""
        for word in imported_names(data, current.path):
            for path in modules.get(word.decode("ascii", "replace"), ()):
                if path in seen or path not in by_path:
                    continue
                seen[path] = by_path[path]
                todo.append(by_path[path])
    return list(seen.values())


def _left(tested: list[FileResult]) -> str | None:
    """Where the tested code keeps a key site for a person (or an error)."""
    for r in tested:
        if r.error is not None:
            return os.path.basename(r.path)
        for s in r.sites:
            if _manual(s) and s.kind != Kind.SETTING:
                return f"{os.path.basename(r.path)}:{s.line}"
    return None


def _facts(result: FileResult, tested: list[FileResult], variable: str):
    from hapimigrate.fixers import test_expectations as fixer

    env_keys, module_keys = set(), set()
    for r in tested:
        if not r.changed:
            continue
        stem = os.path.splitext(os.path.basename(r.path))[0]
        text = (r.original or b"").decode(r.encoding or "utf-8", "replace")
        for identity, label in r.provider_keys:
            read = _ENV_READ.match(label)
            if read is not None and _read_at_request_time(text, label):
                env_keys.add(read.group(1))
            elif label.isidentifier():
                module_keys.add((stem, label))
            elif re.fullmatch(r"[\w.]+", label) and "." in label:
                owner, _, name = label.rpartition(".")
                module_keys.add((owner.rpartition(".")[2], name))
    made_up = frozenset(
        (s.line, s.column)
        for s in result.sites
        if s.kind == Kind.ARGUMENT
        and s.status == Status.REWRITE
        and MADE_UP in s.reason
    )
    return fixer.Facts(
        variable,
        frozenset(env_keys),
        frozenset(module_keys),
        made_up,
        _headers_sent(tested),
    )


_VERBS = ("get", "post", "put", "patch", "delete", "head", "options", "request")


def _headers_sent(tested: list[FileResult]) -> frozenset[str]:
    """The functions ``requests.<verb>`` the tested code calls, every call
    giving ``headers=`` a display whose Authorization entry nothing after it
    can replace: a test patching one reads the header its calls were given."""
    import ast

    good: set[str] = set()
    bad: set[str] = set()
    for r in tested:
        data = r.new if r.changed else r.original
        try:
            tree = ast.parse(data or b"")
        except (SyntaxError, ValueError):
            return frozenset()
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "requests"
                and node.func.attr in _VERBS
            ):
                continue
            name = f"requests.{node.func.attr}"
            (good if _gives_header(node) else bad).add(name)
    return frozenset(good - bad)


def _gives_header(call) -> bool:
    import ast

    if any(k.arg is None for k in call.keywords):
        return False  # **kwargs: may give headers too
    given = [k.value for k in call.keywords if k.arg == "headers"]
    if len(given) != 1 or not isinstance(given[0], ast.Dict):
        return False
    keys = given[0].keys
    at = [
        i
        for i, k in enumerate(keys)
        if isinstance(k, ast.Constant) and k.value == "Authorization"
    ]
    return bool(at) and None not in keys[at[-1] :]


def _read_at_request_time(text: str, label: str) -> bool:
    """Every line reading ``label`` is inside a block (a function): not read
    once at import, so a test setting the variable reaches it."""
    lines = [line for line in text.splitlines() if label in line]
    return bool(lines) and all(line[:1] in (" ", "\t") for line in lines)


def _one(result, by_path, modules, provider: tuple[str | None, str]) -> FileResult:
    from hapimigrate.fixers import test_expectations as fixer

    variable, spec = provider
    tested = _tested(result, by_path, modules)
    if not any(r.changed for r in tested):
        return result  # nothing it tests changes: its expectations hold
    manual = [s for s in result.sites if _manual(s)]
    left = _left(tested)
    if left is not None:
        return _reworded(
            result, {id(s): CODE_LEFT.format(s.reason, left) for s in manual}
        )
    facts = _facts(result, tested, variable or "")
    if variable is None:  # a test cannot set the token: made-up keys only
        facts = dataclasses.replace(
            facts, env_keys=frozenset(), module_keys=frozenset()
        )
    text = result.original.decode(result.encoding or "utf-8")
    outcome = fixer.rewrite(text, [(s.line, s.column) for s in manual], facts)
    reasons = dict(outcome.reasons)
    sites = []
    for s in result.sites:
        place = (s.line, s.column)
        if _manual(s) and place in outcome.rewritten:
            s = dataclasses.replace(s, status=Status.REWRITE, reason=reasons[place])
        elif _manual(s) and variable is None and NO_VALUE in reasons.get(place, ""):
            s = dataclasses.replace(s, reason=NOT_ENV.format(s.reason, spec))
        elif _manual(s) and any(w in reasons.get(place, "") for w in _VALUE_REASONS):
            s = dataclasses.replace(s, reason=f"{s.reason}; {reasons[place]}")
        sites.append(s)
    lines = {n for s in sites for n in range(s.line, s.end_line + 1)}
    for line, column, end_line, end_column, variable in outcome.settings:
        if line not in lines:
            sites.append(
                Site(
                    result.path,
                    line,
                    column,
                    end_line,
                    end_column,
                    Kind.SETTING,
                    Status.REWRITE,
                    SET_BESIDE.format(variable),
                    fingerprint=fingerprint(
                        Kind.SETTING.value, "", text.splitlines()[line - 1].strip()
                    ),
                )
            )
    if outcome.text is None:
        return dataclasses.replace(result, sites=tuple(sites))
    return dataclasses.replace(
        result,
        sites=tuple(sites),
        new=outcome.text.encode(result.encoding or "utf-8"),
    )


def _reworded(result: FileResult, reasons: dict[int, str]) -> FileResult:
    sites = tuple(
        dataclasses.replace(s, reason=reasons[id(s)]) if id(s) in reasons else s
        for s in result.sites
    )
    return dataclasses.replace(result, sites=sites)
