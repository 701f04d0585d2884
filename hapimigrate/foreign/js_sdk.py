"""HubSpot SDK clients built with an API key, in JavaScript:
``new hubspot.Client({ apiKey })`` (@hubspot/api-client; ``apiKey`` becomes
``accessToken``) and ``new Hubspot({ apiKey })`` (the old ``hubspot`` package,
which takes ``accessToken`` too). An @hubspot/api-client client's calls in the
file give the site's endpoints."""

from __future__ import annotations

import re

from hapimigrate.foreign import js_keys
from hapimigrate.foreign.js_candidate import Candidate
from hapimigrate.foreign.js_flow import Flow
from hapimigrate.foreign.js_syntax import (
    Node,
    arguments,
    member,
    member_value,
    outer,
    references,
    resolve,
    text,
    unwrap,
)
from hapimigrate.foreign.splice import Edit
from hapimigrate.model import Endpoint, Kind

# -- SDK clients ---------------------------------------------------------------------------


def sdk_site(new: Node, flow: Flow) -> Candidate | None:
    """``new hubspot.Client({ apiKey })`` / ``new Hubspot({ apiKey })``: the
    option becomes ``accessToken`` (the token is put in when decided)."""
    constructor = unwrap(new.child_by_field_name("constructor"))
    if constructor is None:
        return None
    args = arguments(new)
    if not args or unwrap(args[0]) is None or unwrap(args[0]).type != "object":
        return None
    options = unwrap(args[0])
    pair = member(options, "apiKey")
    if pair is None:
        return None
    if not _is_sdk(constructor, flow.bindings):
        return None
    value = unwrap(member_value(pair))
    if value is not None and value.type in ("true", "false", "null", "undefined"):
        return None  # apiKey: undefined: not given
    offset = pair.start_byte
    if pair.type == "pair":
        name = pair.child_by_field_name("key")
        if name is not None and name.type == "string":
            offset = name.start_byte + 1  # 'apiKey': the word, as check says
    key = js_keys.origin(member_value(pair))
    if member(options, "accessToken") is not None:
        return Candidate(
            Kind.SDK,
            offset,
            6,
            key=key,
            reason="the client is given both apiKey and accessToken",
        )
    return Candidate(
        Kind.SDK,
        offset,
        6,
        (Edit(pair.start_byte, pair.end_byte, b""),),
        key,
        calls=_sdk_calls(new, flow) if _api_client(constructor, flow.bindings) else (),
        sdk_token=True,
        key_node=member_value(pair),
    )


def _sdk_calls(new: Node, flow: Flow) -> tuple[Endpoint, ...]:
    """The endpoints an @hubspot/api-client client kept in a name calls in this
    file (``client.crm.contacts.basicApi.getById(...)``), from the mapping of
    the Python SDK, which the same descriptions generate (camelCase there is
    snake_case here)."""
    from hapimigrate.hubspot import sdk_operations

    declarator = outer(new).parent
    if declarator is None or declarator.type != "variable_declarator":
        return ()
    name = declarator.child_by_field_name("name")
    binding = resolve(name) if name is not None and name.type == "identifier" else None
    if binding is None:
        return ()
    found: list[Endpoint] = []
    for ref in references(binding):
        chain, node = [], ref
        while (
            node.parent is not None
            and node.parent.type == "member_expression"
            and (node.parent.child_by_field_name("object") == node)
        ):
            node = node.parent
            chain.append(_snake(text(node.child_by_field_name("property"))))
        call = node.parent
        if not chain or call is None or call.type != "call_expression":
            continue
        known = sdk_operations.endpoints(sdk_operations.HUBSPOT_API_CLIENT, chain)
        for endpoint in known or (Endpoint(None, None),):
            if endpoint not in found:
                found.append(endpoint)
    return tuple(found)


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def _api_client(constructor: Node, bindings: dict[str, str]) -> bool:
    """Whether the client is @hubspot/api-client's (not the old ``hubspot``)."""
    if constructor.type == "identifier":
        return bindings.get(text(constructor), "") == "@hubspot/api-client#Client"
    return _is_sdk(constructor, bindings)


def _is_sdk(constructor: Node, bindings: dict[str, str]) -> bool:
    if constructor.type == "identifier":
        module = bindings.get(text(constructor), "")
        return module in ("hubspot", "@hubspot/api-client#Client")
    if constructor.type == "member_expression":
        obj = unwrap(constructor.child_by_field_name("object"))
        prop = constructor.child_by_field_name("property")
        return (
            obj is not None
            and obj.type == "identifier"
            and prop is not None
            and text(prop) == "Client"
            and bindings.get(text(obj), "") == "@hubspot/api-client"
        )
    return False


def api_client_calls(new: Node, flow: Flow) -> tuple[Endpoint, ...]:
    """The endpoints an @hubspot/api-client client built by ``new`` calls in
    this file, for one built without an API key (a key site lists its own)."""
    constructor = unwrap(new.child_by_field_name("constructor"))
    if constructor is None or not _api_client(constructor, flow.bindings):
        return ()
    args = arguments(new)
    options = unwrap(args[0]) if args else None
    if options is not None and options.type == "object" and member(options, "apiKey"):
        return ()
    return tuple(e for e in _sdk_calls(new, flow) if e.path)
