"""Which HubSpot endpoints the methods of HubSpot's Python SDKs call.

``data/sdk_operations.json`` is built from the SDKs' own sources by
``scripts/build_sdk_operations.py`` (the versions it read are recorded there):

* hubspot-api-client: the attribute chain after the client object,
  ``crm.contacts.basic_api.get_page`` -> ``GET /crm/v3/objects/contacts``;
* hubspot3: ``contacts.get_all`` after a ``Hubspot3`` object, or ``get_all`` after
  a ``ContactsClient`` -> its v1 calls;
* hapipy (``hapi``): ``get_leads`` after a ``LeadsClient``.

:func:`endpoints` answers for one method call, filling the path's placeholders
that change what the call needs (``list_id="all"``, ``object_type``) from the
call's literal arguments, or their defaults when the call does not pass them.

Each operation in the data is a list of ``[method, path]`` (a hand-written
method may make several calls), with an optional third element mapping a
placeholder to ``[parameter, position or null, default or null]``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from hapimigrate.hubspot import datafiles
from typing import Mapping, Sequence

from hapimigrate.model import Endpoint

HUBSPOT_API_CLIENT = "hubspot-api-client"
HUBSPOT3 = "hubspot3"
HAPIPY = "hapipy"
# the facade objects whose attributes are per-API clients
FACADES = {HUBSPOT3: "Hubspot3"}
# generated methods answer under three names; the data keeps the plain one
_SUFFIXES = ("_with_http_info", "_without_preload_content")
_PLACEHOLDER = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class Arguments:
    """What a call passes, as far as the source tells: each positional and
    keyword argument's text when it is a literal (None when it is not), and
    whether it spreads ``*args``/``**kwargs`` (which may carry any parameter)."""

    positional: tuple[str | None, ...] = ()
    keywords: Mapping[str, str | None] = field(default_factory=dict)
    spread: bool = False


def sdks() -> tuple[str, ...]:
    return tuple(_data())


def versions(sdk: str) -> tuple[str, ...]:
    """The SDK versions the mapping was read from (the first wins)."""
    return tuple(_data().get(sdk, {}).get("versions", ()))


def client_class(sdk: str, attribute: str) -> str | None:
    """The class of a facade's attribute: hubspot3 ``contacts`` ->
    ``ContactsClient``."""
    return _data().get(sdk, {}).get("clients", {}).get(attribute)


def endpoints(
    sdk: str,
    chain: Sequence[str],
    arguments: Arguments | None = None,
    client: str | None = None,
) -> tuple[Endpoint, ...] | None:
    """The endpoints the call ``<client object>.<chain>(...)`` makes; None when
    the mapping does not know the method.

    ``client`` is the class of the object for the SDKs whose clients are
    classes of their own (hubspot3's ``ContactsClient``, hapipy's
    ``LeadsClient``); for a ``Hubspot3`` object (or None) the first attribute of
    ``chain`` names the client."""
    operations = _data().get(sdk, {}).get("operations", {})
    if not chain:
        return None
    name = chain[-1]
    for suffix in _SUFFIXES:
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    if sdk == HUBSPOT_API_CLIENT:
        key = ".".join([*chain[:-1], name])
    else:
        owner = client
        rest = list(chain[:-1])
        if owner is None or owner == FACADES.get(sdk):
            if not rest:
                return None
            owner = client_class(sdk, rest.pop(0))
        if owner is None or rest:
            return None
        key = f"{owner}.{name}"
    found = operations.get(key)
    if found is None:
        return None
    out: list[Endpoint] = []
    for entry in found:
        endpoint = Endpoint(entry[0], _bind(entry[1], entry[2:], arguments))
        if endpoint not in out:
            out.append(endpoint)
    return tuple(out)


def _bind(path: str, extra: list, arguments: Arguments | None) -> str:
    """Fill the placeholders the data names from the call's literal arguments:
    given by keyword or position, or the parameter's default when the call
    cannot be passing it."""
    if not extra or arguments is None:
        return path
    bindings: dict[str, list] = extra[0]

    def value(match: re.Match) -> str:
        binding = bindings.get(match.group(1))
        if binding is None:
            return match.group(0)
        parameter, position, default = binding
        if parameter in arguments.keywords:
            given = arguments.keywords[parameter]
        elif position is not None and position < len(arguments.positional):
            given = arguments.positional[position]
        elif not arguments.spread:
            given = default
        else:
            given = None
        if given is None or "/" in given or not given.strip():
            return match.group(0)
        return given

    return _PLACEHOLDER.sub(value, path)


@lru_cache(maxsize=1)
def _data() -> dict:
    return json.loads(datafiles.read_text("sdk_operations.json"))
