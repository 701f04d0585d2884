"""Where a CI job, a test runner or a container sets a migrated key's variable.

Once the code reads the token's variable (``HUBSPOT_ACCESS_TOKEN``), the places
outside Python that feed the old one (``HUBSPOT_API_KEY``) to the program go on
setting what nothing reads: a workflow's ``env:``, tox's ``setenv``, pytest-env's
``env =``, docker-compose's ``environment:``, a Dockerfile's ``ENV``, a ``.env``
file. A start-up check that now tests the token then fails there (a test suite
erroring at collection), or a job runs without credentials. Each such line of a
runner's configuration is reported as a ``setting`` left for a person: "set the
token's variable here too". A file that already sets the token's variable is
left alone. Values are never read out, only the variable's name.
"""

from __future__ import annotations

import dataclasses
import re

from hapimigrate import tree_leftovers
from hapimigrate.runner_files import runner
from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import FileResult, Kind, RunOptions, Site, Status
from hapimigrate.tree_imports import read

SET_FOR_RUNS = (
    "{} is set here ({}), while the migrated code reads {} now: set that one "
    "here too (for tests, any placeholder they accept)"
)
_TOKEN_VARIABLE = re.compile(r'os\.environ\["([A-Z][A-Z0-9_]*)"\]')


def report(results: list[FileResult], options: RunOptions) -> list[FileResult]:
    """``results`` with a ``setting`` site for each line of the run's runner
    configurations (``options.runner_files``) setting a migrated key's
    variable (see the module)."""
    if not any(r.changed for r in results):
        return results
    migrated = tree_leftovers.migrated_variables(results)
    provider = options.provider
    token = _TOKEN_VARIABLE.fullmatch(provider.expression)
    token_name = token.group(1) if token else None
    shown = token_name or f"the token ({provider.spec})"
    by_path = {r.path: r for r in results}
    added: dict[str, list[Site]] = {}
    for path in options.runner_files:
        what = runner(path)
        if what is None:
            continue
        try:
            text = read(path).decode("utf-8", errors="replace")
        except OSError:
            continue
        if token_name is not None and re.search(rf"\b{token_name}\b", text):
            continue  # the token's variable is set here already
        sites = list(_sites(path, text, migrated, what, shown))
        if sites:
            added[path] = sites
    out = []
    for result in results:
        more = added.pop(result.path, [])
        out.append(
            dataclasses.replace(result, sites=result.sites + tuple(more))
            if more
            else result
        )
    for path, sites in added.items():  # a file no other pass reported
        if path not in by_path:
            out.append(FileResult(path, tuple(sites)))
    return out


def _setting(variable: str) -> re.Pattern[str]:
    """A line setting ``variable``: ``V: x`` (YAML), ``V = x`` / ``V=x`` (ini,
    .env, ``export``), ``- V=x`` (a compose list), ``ENV V x`` (Dockerfile),
    ``"V=x"`` (pytest-env's list), ``V=x pytest`` (a Makefile recipe), ``- name:
    V`` (a Kubernetes manifest), ``"V": {...}`` (app.json)."""
    name = re.escape(variable)
    return re.compile(
        rf"""^[ \t]*(?:-[ \t]*)?(?:export[ \t]+|ENV[ \t]+|ARG[ \t]+)?['"]?{name}"""
        rf"""['"]?[ \t]*(?::[ \t]*\S|=|[ \t]+\S)|['"]{name}="""
        # a recipe's `HUBSPOT_API_KEY=x pytest`, a manifest's `- name: VAR`,
        # app.json's `"VAR": {...}`
        rf"""|(?<=[ \t;]){name}=|\bname:[ \t]*['"]?{name}\b|"{name}"[ \t]*:""",
        re.MULTILINE,
    )


def _sites(path: str, text: str, migrated: set[str], what: str, token: str):
    candidates = set(re.findall(r"\b[A-Z][A-Z0-9_]{2,}\b", text))
    for variable in sorted(candidates):
        if variable not in migrated and not tree_leftovers.names_portal_key(variable):
            continue
        for match in _setting(variable).finditer(text):
            start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
            line = text.count("\n", 0, match.start()) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            yield Site(
                path,
                line,
                column,
                line,
                column + len(variable),
                Kind.SETTING,
                Status.MANUAL,
                SET_FOR_RUNS.format(variable, what, token),
                fingerprint=fingerprint(Kind.SETTING.value, "", variable),
            )
