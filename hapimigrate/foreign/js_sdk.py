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
    snippet,
    enclosing_statement,
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
    if not args or unwrap(args[0]) is None:
        return None
    if unwrap(args[0]).type != "object":
        return _options_elsewhere(new, constructor, unwrap(args[0]), flow)
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
    elsewhere = _sends_elsewhere(options) or _handed_on(new)
    if elsewhere:
        return Candidate(Kind.SDK, offset, 6, key=key, reason=elsewhere,
                         calls=_calls_of(new, flow, constructor))  # fmt: skip
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
        calls=_calls_of(new, flow, constructor),
        sdk_token=True,
        key_node=member_value(pair),
    )


def _options_elsewhere(
    new: Node, constructor: Node, given: Node, flow: Flow
) -> Candidate | None:
    """An SDK client given its ``apiKey`` in options built elsewhere (``const
    opts = { apiKey }``, ``Object.assign({...}, { apiKey })``): a site for a
    person, placed on the ``apiKey`` word (``check`` finds it there)."""
    if not _is_sdk(constructor, flow.bindings):
        return None
    objects = []
    if given.type == "identifier":
        binding = resolve(given)
        value = unwrap(binding.value) if binding is not None else None
        if value is not None and value.type == "object":
            objects.append(value)
    for node in [given] + objects:
        for child in _walk(node):
            if child.type in ("pair", "shorthand_property_identifier") and (
                child.parent is not None and child.parent.type == "object"
            ):
                from hapimigrate.foreign.js_syntax import property_name

                if property_name(child) == "apiKey":
                    return Candidate(
                        Kind.SDK,
                        child.start_byte,
                        6,
                        key=js_keys.origin(member_value(child)),
                        reason="the client's apiKey is given in options built "
                        f"elsewhere ({snippet(given)}): write accessToken there "
                        "by hand",
                    )
    return None


def _walk(node: Node):
    from hapimigrate.foreign.js_syntax import walk

    return walk(node)


_BASES = ("baseUrl", "baseURL", "basePath", "host", "hostname")


def _sends_elsewhere(options: Node) -> str:
    """Why a client's options may send it (and its token) elsewhere: a base
    URL option not HubSpot's written host, or options spread in from a value
    this tool does not read."""
    from hapimigrate import hubspot
    from hapimigrate.foreign.js_urls import given_by_callers, url_template

    for child in options.named_children:
        if child.type == "spread_element":
            return (
                f"the client's options are spread in from {snippet(child)}: one "
                "may set its base URL or a key; migrate by hand"
            )
    for name in _BASES:
        pair = member(options, name)
        if pair is None:
            continue
        template = url_template(member_value(pair)) or "{}"
        reason = given_by_callers(template)
        if reason:
            return reason
        host = hubspot.host(template)
        if host is None:
            return (
                f"the client's {name} is known only at run time: the token would go "
                "to whatever host it names; migrate by hand"
            )
        if not hubspot.is_hubspot_host(host):
            return f"the client's {name} sends its requests to {host}, not to HubSpot"
    return ""


def _handed_on(new: Node) -> str:
    """Why the client's calls cannot all be seen: it is not kept in a name of
    this file, or the name is handed on (exported, returned, passed, stored)."""
    holder = outer(new)
    declarator = holder.parent
    if declarator is not None and declarator.type == "expression_statement":
        return ""  # made and dropped: nothing else uses it
    if declarator is None or declarator.type != "variable_declarator":
        return (
            f"the client is not kept in a name on line {new.start_point[0] + 1} (handed "
            "on or exported): what it is used for elsewhere, a developer-key API or "
            "another, cannot be seen; migrate by hand"
        )
    name = declarator.child_by_field_name("name")
    binding = resolve(name) if name is not None and name.type == "identifier" else None
    if binding is None:
        return (
            "the client is destructured: its uses cannot be followed; migrate by hand"
        )
    for ref in references(binding):
        parent = ref.parent
        if (
            parent is not None
            and parent.type == "member_expression"
            and parent.child_by_field_name("object") == ref
        ):
            continue
        return (
            f"the client is handed on on line {ref.start_point[0] + 1} "
            f"({snippet(enclosing_statement(ref))}): what it is "
            "used for there, a developer-key API or another, cannot be seen; migrate "
            "by hand"
        )
    return ""


def _calls_of(new: Node, flow: Flow, constructor: Node) -> tuple[Endpoint, ...]:
    if _api_client(constructor, flow.bindings):
        return _sdk_calls(new, flow)
    return _legacy_calls(new)


# the old ``hubspot`` package's namespaces for developer-key APIs (node-hubspot
# lib/webhooks.js, lib/timeline.js: /webhooks/v1/{appId}, /integrations/v1/{appId})
_LEGACY_DEVELOPER = {
    "webhooks": "/webhooks/v1/{appId}/settings",
    "timelines": "/integrations/v1/{appId}/timeline/event-types",
    "timeline": "/integrations/v1/{appId}/timeline/event-types",
}


def _legacy_calls(new: Node) -> tuple[Endpoint, ...]:
    """What an old ``hubspot`` client kept in a name calls in this file: its
    developer-key namespaces (webhooks, timelines), ``apiRequest({ path })``
    with a literal path, and an unknown endpoint for any other method."""
    from hapimigrate.foreign.js_syntax import string_value

    declarator = outer(new).parent
    if declarator is None or declarator.type != "variable_declarator":
        return (Endpoint(None, None),)
    name = declarator.child_by_field_name("name")
    binding = resolve(name) if name is not None and name.type == "identifier" else None
    if binding is None:
        return (Endpoint(None, None),)
    found: list[Endpoint] = []
    for ref in references(binding):
        parent = ref.parent
        if parent is None or parent.type != "member_expression":
            continue
        first = text(parent.child_by_field_name("property"))
        endpoint = Endpoint(None, None)
        if first in _LEGACY_DEVELOPER:
            endpoint = Endpoint(None, _LEGACY_DEVELOPER[first])
        elif first == "apiRequest" and parent.parent is not None:
            args = (
                arguments(parent.parent)
                if parent.parent.type == "call_expression"
                else []
            )
            options = unwrap(args[0]) if args else None
            path = (
                member(options, "path")
                if options is not None and options.type == "object"
                else None
            )
            method = member(options, "method") if path is not None else None
            written = string_value(member_value(path)) if path is not None else None
            verb = string_value(member_value(method)) if method is not None else None
            if written:
                endpoint = Endpoint((verb or "GET").upper(), written.split("?")[0])
        if endpoint not in found:
            found.append(endpoint)
    return tuple(found) or (Endpoint(None, None),)


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
