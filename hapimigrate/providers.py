"""Token providers: where the migrated code gets its access token from.

A provider is any object with two attributes:

* ``imports`` -- a tuple of :class:`Import` the token expression needs;
* ``expression`` -- the source of a Python expression that evaluates, at request
  time, to the access token (a ``str``).

Built in:

* ``env:NAME`` -- ``os.environ["NAME"]`` (the default is ``env:HUBSPOT_ACCESS_TOKEN``);
* ``package.module:function`` -- ``function()``, imported from that module, called on
  every request so that a provider refreshing OAuth tokens works.

Third parties register a factory in the entry-point group
``hapimigrate.token_providers``; the spec ``NAME`` or ``NAME:ARGUMENT`` calls
``factory(ARGUMENT or "")``, which returns a provider. A plugin that fails to load
or raises is an error, never a fallback; so is ``name:function`` when no plugin
``name`` is installed and no module ``name`` can be found (:func:`check_findable`),
which would otherwise silently become ``from name import function``.
"""

from __future__ import annotations

import importlib.util
import keyword
import os
import re
from typing import Iterable

from hapimigrate.model import Import, TokenProvider

DEFAULT_SPEC = "env:HUBSPOT_ACCESS_TOKEN"
ENTRY_POINT_GROUP = "hapimigrate.token_providers"

_DOTTED = re.compile(r"^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$")
_ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class ProviderError(ValueError):
    """The token-provider spec cannot be used."""


def resolve(spec: str | None) -> TokenProvider:
    """Turn a ``--token-provider`` spec into a checked provider."""
    spec = (spec or DEFAULT_SPEC).strip()
    if spec.startswith("env:"):
        name = spec[4:]
        if not _ENV_NAME.match(name):
            raise ProviderError(f"not an environment variable name: {name!r}")
        return TokenProvider(spec, (Import("os"),), f'os.environ["{name}"]')
    plugin = _plugin(spec)
    if plugin is not None:
        return _checked(plugin, spec)
    module, sep, func = spec.partition(":")
    if not sep or not _DOTTED.match(module) or not _is_identifier(func):
        raise ProviderError(
            f"unknown token provider {spec!r}: use env:NAME, module.path:callable, "
            f"or a name registered under the {ENTRY_POINT_GROUP!r} entry points"
        )
    return TokenProvider(spec, (Import(module, func),), f"{func}()")


def _is_identifier(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name)


def entry_points(group: str):
    """The installed entry points of ``group``: importlib.metadata (and its scan
    of every installed package) only when a spec may name a plugin, not for
    ``env:NAME``, the default (it costs every command 10 ms at start-up)."""
    from importlib.metadata import entry_points as installed

    return installed(group=group)


def _plugin(spec: str) -> object | None:
    name, _, argument = spec.partition(":")
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == name:
            try:
                return entry.load()(argument)
            except Exception as error:  # the plugin's bug or refusal: say so
                raise ProviderError(
                    f"token provider plugin {name!r} failed: "
                    f"{type(error).__name__}: {error}"
                ) from error
    return None


def check_findable(spec: str, roots: Iterable[str]) -> None:
    """Refuse ``name:function`` (an undotted module) when no plugin ``name`` is
    installed and no module ``name`` is found: not beside the ``roots`` or their
    parent folders (or their ``src/``), nor importable here. A dotted module
    (``myapp.auth:token``) cannot be a plugin's name and is taken as written."""
    spec = (spec or DEFAULT_SPEC).strip()
    module, sep, _ = spec.partition(":")
    if spec.startswith("env:") or not sep or "." in module or _plugin(spec):
        return
    if _module_found(module, roots):
        return
    raise ProviderError(
        f"unknown token provider {spec!r}: no plugin {module!r} is installed (entry "
        f"point group {ENTRY_POINT_GROUP!r}), and no module {module!r} was found "
        f"beside the paths; install the plugin, or write the module first"
    )


def _module_found(module: str, roots: Iterable[str]) -> bool:
    folders: list[str] = []
    for root in [*roots, os.getcwd()]:
        folder = os.path.abspath(root)
        if not os.path.isdir(folder):
            folder = os.path.dirname(folder)
        while folder not in folders:
            folders.append(folder)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    for folder in folders:
        for base in (folder, os.path.join(folder, "src")):
            if os.path.isfile(os.path.join(base, module + ".py")) or os.path.isdir(
                os.path.join(base, module)
            ):
                return True
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def _checked(provider: object, spec: str) -> TokenProvider:
    expression = getattr(provider, "expression", None)
    imports = getattr(provider, "imports", None)
    if not isinstance(expression, str) or imports is None:
        raise ProviderError(f"provider {spec!r} must have 'expression' and 'imports'")
    try:
        compile(expression, "<token provider>", "eval")
    except SyntaxError as error:
        raise ProviderError(f"provider {spec!r} expression does not parse: {error}")
    checked = tuple(
        Import(i.module, getattr(i, "name", None)) for i in imports  # type: ignore[union-attr]
    )
    return TokenProvider(spec, checked, expression)
