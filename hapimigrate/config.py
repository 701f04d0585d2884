"""``[tool.hapimigrate]`` in the nearest ``pyproject.toml``: defaults for the
command-line options, under the long flags' names (``token-provider = "env:X"``)."""

from __future__ import annotations

import os
import sys
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = (
    "token-provider",
    "jobs",
    "quiet",
    "verbose",
    "color",
    "exclude",
    "modernize",  # diff, apply
    "fail-before",  # check
)


class ConfigError(ValueError):
    """The configuration cannot be read or names an unknown option."""


def find_pyproject(paths: tuple[str, ...]) -> str | None:
    """The ``pyproject.toml`` nearest to the paths' common folder, going up."""
    absolute = [os.path.abspath(p) for p in paths] or [os.getcwd()]
    try:
        start = os.path.commonpath(absolute)
    except ValueError:
        start = os.getcwd()
    directory = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        candidate = os.path.join(directory, "pyproject.toml")
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def load(paths: tuple[str, ...]) -> dict[str, Any]:
    """The ``[tool.hapimigrate]`` table, keys as click parameter names."""
    path = find_pyproject(paths)
    if path is None:
        return {}
    try:
        with open(path, "rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("hapimigrate", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from error
    unknown = sorted(set(table) - set(KEYS))
    if unknown:
        raise ConfigError(
            f"{path}: unknown [tool.hapimigrate] keys: {', '.join(unknown)}"
        )
    return {key.replace("-", "_"): value for key, value in table.items()}
