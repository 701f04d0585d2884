"""``[tool.hapimigrate]``: defaults for the command-line options, under the long
flags' names (``token-provider = "env:X"``), found as ruff finds its settings.

The table is read from ``--config FILE``, else from the nearest ``pyproject.toml``
*that has one*, going up from the paths given (a ``pyproject.toml`` without the
table does not hide the one above it). Every key is checked, by type and value,
before anything runs: a mistake is a :class:`ConfigError` naming the file, the key
and what was expected, never a silent default. The folder of that file is the
project root: configured excludes and the baseline path are relative to it.
"""

from __future__ import annotations

import difflib
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from hapimigrate.discover import Exclude

CHECK_FORMATS = ("text", "json", "github", "sarif")
COLORS = ("auto", "always", "never")
TABLE = "[tool.hapimigrate]"
# What marks a project's root when no file configures hapimigrate.
ROOT_MARKERS = (".git", ".hg", "pyproject.toml")


class ConfigError(ValueError):
    """The configuration cannot be read, or a key or value is wrong."""


# -- the keys -----------------------------------------------------------------


def _string(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _expected(key, "a non-empty string", value)
    return value


def _boolean(key: str, value: Any) -> bool:
    if not isinstance(value, bool):
        raise _expected(key, "true or false", value)
    return value


def _jobs(key: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise _expected(key, "a whole number of at least 1 (jobs = 4)", value)
    return value


def _globs(key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        raise ConfigError(
            f"{key}: expected a list of strings, got a string "
            f"(write {key} = [{_toml_string(value)}])"
        )
    if not isinstance(value, list) or not all(
        isinstance(item, str) and item.strip() for item in value
    ):
        raise _expected(key, 'a list of non-empty strings (["legacy/*"])', value)
    return tuple(value)


def _choice(choices: tuple[str, ...]) -> Callable[[str, Any], str]:
    def check(key: str, value: Any) -> str:
        if value not in choices:
            raise _expected(key, f"one of {', '.join(choices)}", value)
        return value

    return check


def _date(key: str, value: Any) -> date:
    if isinstance(value, date):  # TOML's own dates (2027-09-01 unquoted)
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _expected(key, "a date (2027-09-01)", value)


@dataclass(frozen=True)
class Key:
    """One key of the table: how its value is checked, and the click parameter
    it sets per command (empty: the parameter of its own name, wherever a
    command has one)."""

    check: Callable[[str, Any], Any]
    targets: Mapping[str, str] = field(default_factory=dict)


KEYS: dict[str, Key] = {
    "token-provider": Key(_string),  # where migrated code gets its token
    "jobs": Key(_jobs),
    "quiet": Key(_boolean),
    "verbose": Key(_boolean),
    "color": Key(_choice(COLORS)),
    "exclude": Key(_globs),  # replaces nothing built in: tool folders stay skipped
    "extend-exclude": Key(_globs),  # added to exclude (and to --exclude)
    "force-exclude": Key(_boolean),  # excludes apply to files named too
    "modernize": Key(_boolean),  # diff, apply
    "fail-before": Key(_date),  # check
    "strict": Key(_boolean),  # check, baseline
    # check --baseline, and where `hapimigrate baseline` writes
    "baseline": Key(_string, {"check": "baseline_file", "baseline": "output"}),
    "output-format": Key(_choice(CHECK_FORMATS), {"check": "output_format"}),
}
ALIASES = {"format": "output-format"}  # the flag's own name works too
PATH_KEYS = ("baseline",)


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_SHOWN = re.compile(r"^[A-Za-z0-9_.:/*-]{1,24}$")


def _described(value: Any) -> str:
    """A value as an error message may show it: its type, and the value itself
    only when short and plain (nothing that could be a key or a token)."""
    kind = {
        bool: "a boolean",
        int: "an integer",
        float: "a number",
        str: "a string",
        list: "a list",
        dict: "a table",
    }.get(type(value), "a date" if isinstance(value, date) else "a value")
    if isinstance(value, str) and _SHOWN.match(value) and not _key_like(value):
        return f"{kind} ({_toml_string(value)})"
    if isinstance(value, (bool, int, float)) and not isinstance(value, str):
        return f"{kind} ({str(value).lower() if isinstance(value, bool) else value})"
    return kind


def _key_like(value: str) -> bool:
    return sum(c.isdigit() for c in value) >= 6  # keys, tokens, ids


def _expected(key: str, expected: str, value: Any) -> ConfigError:
    return ConfigError(f"{key}: expected {expected}, got {_described(value)}")


# -- finding and reading the file ---------------------------------------------


@dataclass(frozen=True)
class Config:
    """The checked table (values by TOML key), the file it came from (None when
    no file configures hapimigrate) and the project root."""

    path: str | None
    root: str
    values: Mapping[str, Any]

    def where(self) -> str:
        return self.path or "default"


def _start(paths: tuple[str, ...]) -> str:
    absolute = [os.path.abspath(p) for p in paths if p != "-"] or [os.getcwd()]
    try:
        start = os.path.commonpath(absolute)
    except ValueError:  # different drives
        start = os.getcwd()
    return start if os.path.isdir(start) else os.path.dirname(start)


def _ancestors(directory: str):
    while True:
        yield directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return
        directory = parent


def _table_of(path: str) -> dict | None:
    """The ``[tool.hapimigrate]`` table of a ``pyproject.toml`` (None without
    one); for another file given with ``--config``, its top level (as
    ``ruff.toml``), or its ``[tool.hapimigrate]`` table if it has one."""
    try:
        with open(path, "rb") as handle:
            document = tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    tool = document.get("tool")
    if isinstance(tool, dict) and "hapimigrate" in tool:
        table = tool["hapimigrate"]
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: {TABLE} must be a table")
        return table
    if os.path.basename(path) == "pyproject.toml":
        return None
    return document


def find(paths: tuple[str, ...]) -> str | None:
    """The nearest ``pyproject.toml`` with a ``[tool.hapimigrate]`` table, going
    up from the paths' common folder."""
    for directory in _ancestors(_start(paths)):
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate) and _table_of(candidate) is not None:
            return candidate
    return None


def project_root(paths: tuple[str, ...]) -> str:
    """Without a configuration file: the nearest folder holding ``.git``, ``.hg``
    or a ``pyproject.toml``, going up from the paths (else their common folder)."""
    start = _start(paths)
    for directory in _ancestors(start):
        if any(os.path.exists(os.path.join(directory, m)) for m in ROOT_MARKERS):
            return directory
    return start


def load(paths: tuple[str, ...], explicit: str | None = None) -> Config:
    """The checked configuration for a run on ``paths``; ``explicit`` is
    ``--config FILE``. Raises :class:`ConfigError`."""
    if explicit is not None:
        if not os.path.isfile(explicit):
            raise ConfigError(f"{explicit}: --config: no such file")
        path: str | None = explicit
        table = _table_of(explicit)
        if table is None:
            raise ConfigError(f"{explicit}: --config: it has no {TABLE} table")
    else:
        path = find(paths)
        table = _table_of(path) if path else {}
    if path is None:
        return Config(None, project_root(paths), {})
    root = os.path.dirname(os.path.abspath(path))
    return Config(path, root, check(table or {}, path, root))


def check(table: Mapping[str, Any], path: str, root: str) -> dict[str, Any]:
    """Every key of ``table`` checked and converted; paths made absolute."""
    values: dict[str, Any] = {}
    unknown = []
    for name, value in table.items():
        key = ALIASES.get(name, name)
        if key not in KEYS:
            unknown.append(name)
            continue
        if key in values:
            names = " and ".join(n for n in table if ALIASES.get(n, n) == key)
            raise ConfigError(f"{path}: {TABLE} sets both {names} (the same setting)")
        try:
            checked = KEYS[key].check(name, value)
        except ConfigError as error:
            raise ConfigError(f"{path}: {TABLE} {error}") from None
        if key in PATH_KEYS:
            checked = os.path.normpath(os.path.join(root, checked))
        values[key] = checked
    if unknown:
        raise ConfigError(f"{path}: unknown {TABLE} keys: {_suggest(unknown)}")
    return values


def _suggest(unknown: list[str]) -> str:
    known = [*KEYS, *ALIASES]
    parts = []
    for name in sorted(unknown):
        close = difflib.get_close_matches(name.replace("_", "-").lower(), known, n=1)
        parts.append(f"{name} (did you mean {close[0]}?)" if close else name)
    return ", ".join(parts) + f"; known keys: {', '.join(KEYS)}"


# -- merging with the command line --------------------------------------------


@dataclass(frozen=True)
class Resolved:
    """Each option's value, and where it came from ("command line", the
    configuration file, or "default")."""

    options: dict[str, Any]
    sources: dict[str, str]
    config: Config


def merge(
    loaded: Config,
    command: str,
    options: dict[str, Any],
    given: Callable[[str], bool],
) -> Resolved:
    """Options not ``given`` on the command line take the configured values.
    ``exclude`` becomes :class:`~hapimigrate.discover.Exclude` patterns: a
    configured one anchored at the project root, one from the command line at
    the current folder; ``extend-exclude`` patterns are added to them."""
    options = dict(options)
    sources = {
        name: "command line" if given(name) else "default"
        for name in options
        if name != "paths"
    }
    where = loaded.where()
    for key, value in loaded.values.items():
        if key == "extend-exclude":
            continue  # added to the excludes below
        target = KEYS[key].targets.get(command)
        if KEYS[key].targets and target is None:
            continue  # a key of other commands
        name = target or key.replace("-", "_")
        if name not in options or given(name):
            continue
        options[name] = value
        sources[name] = where

    here = os.getcwd()

    def anchored(patterns, source: str) -> tuple[Exclude, ...]:
        anchor = here if source == "command line" else loaded.root
        return tuple(Exclude(p, anchor) for p in patterns)

    excludes = anchored(options.get("exclude") or (), sources.get("exclude", ""))
    extend = tuple(
        Exclude(p, loaded.root) for p in loaded.values.get("extend-exclude", ())
    )
    extend += tuple(Exclude(p, here) for p in options.get("extend_exclude") or ())
    if extend:
        parts = [s for s in (where if loaded.values.get("extend-exclude") else "",
                             "command line" if options.get("extend_exclude") else "") if s]  # fmt: skip
        sources["extend_exclude"] = " + ".join(parts)
    options["exclude"] = excludes
    options["extend_exclude"] = extend
    return Resolved(options, sources, loaded)


# -- --show-settings ------------------------------------------------------------

_PROVIDER = re.compile(
    r"^(env:[A-Za-z_]\w*|[A-Za-z_][\w.]*:[A-Za-z_]\w*|[A-Za-z_][\w-]*(:[\w./-]{0,80})?)$"
)


def show(resolved: Resolved, command: str, labels: Mapping[str, str]) -> str:
    """The resolved settings of a command (``labels``: each option's flag) and
    where each came from. Nothing secret: a token provider that does not read as
    a spec is not shown."""
    loaded = resolved.config
    lines = [
        f"command: {command}",
        f"configuration file: {loaded.path or '(none)'}",
        f"project root: {loaded.root}",
    ]
    options = resolved.options
    for name in sorted(options, key=lambda n: labels.get(n, n).lstrip("-")):
        if name == "paths":
            continue
        value = options[name]
        if name in ("exclude", "extend_exclude"):
            shown = ", ".join(f"{e.pattern} (from {e.anchor})" for e in value)
            shown = f"[{shown}]"
        elif name == "token_provider":
            spec = str(value)
            plain = _PROVIDER.match(spec) and not _key_like(spec)
            shown = spec if plain else "(not shown: not a provider spec)"
        elif isinstance(value, bool) or value is None:
            shown = {True: "true", False: "false", None: "(unset)"}[value]
        else:
            shown = str(value)
        label = labels.get(name, "--" + name.replace("_", "-"))
        source = resolved.sources.get(name, "default")
        lines.append(f"{label} {shown}    # {source}")
    lines.append("PATHS " + " ".join(options.get("paths", ())))
    return "\n".join(lines) + "\n"
