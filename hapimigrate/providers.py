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
``factory(ARGUMENT or "")``, which returns a provider.
"""

from __future__ import annotations

import keyword
import re
from importlib.metadata import entry_points

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


def _plugin(spec: str) -> object | None:
    name, _, argument = spec.partition(":")
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == name:
            return entry.load()(argument)
    return None


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
