"""HubSpot SDK clients for PHP built with an API key.

* hubspot/api-client: ``\\HubSpot\\Factory::createWithApiKey($key)`` becomes
  ``createWithAccessToken(<token>)`` (both exist side by side in every release
  that has the first; same further arguments).
* SevenShores hubspot/hubspot-php: ``Factory::create($key)`` and ``new
  Factory(['key' => $key])``. ``createWithToken`` there means OAuth 1
  (``?access_token=``, refused by HubSpot); the Bearer header comes with
  ``'oauth2' => true``, and ``Factory::createWithAccessToken()`` since 5.1.0
  (its changelog). The release is read from the project's ``composer.lock`` (or
  the lower bound of ``composer.json``'s constraint); below 5.1, or unknown, the
  site is manual with the replacement to write.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from hapimigrate import hubspot
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign.splice import Edit
from hapimigrate.model import Endpoint

API_CLIENT = "hubspot\\factory"
SEVENSHORES = "sevenshores\\hubspot\\factory"
SEVENSHORES_PACKAGE = "hubspot/hubspot-php"
ACCESS_TOKEN_SINCE = (5, 1)
_VERSION = re.compile(r"(\d+)(?:\.(\d+))?")


@dataclass(frozen=True)
class Client:
    """One SDK client built with a key: its edits, or the reason it has none."""

    node: object
    key: object
    edits: tuple[Edit, ...] = ()
    reason: str = ""
    sdk: str = API_CLIENT  # API_CLIENT or SEVENSHORES


def imported_names(root) -> dict[str, str]:
    """Local class names -> fully qualified (lower case) from ``use`` lines."""
    names = {}
    for node in syn.walk(root, into_scopes=False):
        if node.type != "namespace_use_clause":
            continue
        qualified = next(
            (c for c in node.named_children if c.type in ("qualified_name", "name")),
            None,
        )
        if qualified is None:
            continue
        full = qualified.text.decode().lstrip("\\").lower()
        alias = node.child_by_field_name("alias")
        local = alias.text.decode() if alias is not None else full.rsplit("\\", 1)[-1]
        names[local.lower()] = full
    return names


def resolve(node, imports: dict[str, str]) -> str:
    """The fully qualified, lower-case class a name node refers to."""
    text = syn.name_of(node).lower()
    if not text:
        return ""
    if node.text.decode().startswith("\\") or "\\" in text:
        head, _, rest = text.partition("\\")
        if not node.text.decode().startswith("\\") and head in imports:
            return imports[head] + ("\\" + rest if rest else "")
        return text
    return imports.get(text, text)


def find(src: syn.Source, root, token: str, path: str) -> list[Client]:
    """Every SDK client of the file built with a key."""
    imports = imported_names(root)
    found = []
    for node in syn.walk(root, into_scopes=True):
        if node.type == "scoped_call_expression":
            cls = resolve(node.child_by_field_name("scope"), imports)
            method = node.child_by_field_name("name").text.decode().lower()
            if cls == API_CLIENT and method == "createwithapikey":
                found.append(_api_client(src, node, token))
            elif cls == SEVENSHORES and method == "create":
                client = _sevenshores_create(src, node, token, path)
                if client is not None:
                    found.append(client)
        elif node.type == "object_creation_expression":
            name = next(
                (
                    c
                    for c in node.named_children
                    if c.type in ("name", "qualified_name")
                ),
                None,
            )
            if name is not None and resolve(name, imports) == SEVENSHORES:
                client = _sevenshores_new(src, node, token, path)
                if client is not None:
                    found.append(client)
    return found


def _api_client(src: syn.Source, call, token: str) -> Client:
    args = syn.arguments(call)
    if not args:
        return Client(
            call, None, reason="createWithApiKey() with named or no arguments"
        )
    name = call.child_by_field_name("name")
    key = syn.value(args[0])
    edits = (
        Edit(name.start_byte, name.end_byte, b"createWithAccessToken"),
        Edit(key.start_byte, key.end_byte, token.encode()),
    )
    return Client(call, key, edits)


def _sevenshores_create(src: syn.Source, call, token: str, path: str) -> Client | None:
    args = syn.arguments(call)
    if args is None:
        return Client(
            call,
            None,
            reason="Factory::create() with named or unpacked arguments",
            sdk=SEVENSHORES,
        )
    if not args:
        return None  # the key comes from HUBSPOT_SECRET: not visible here
    key = syn.value(args[0])
    if len(args) > 1 and src.text(syn.value(args[1])).strip().lower() != "null":
        return Client(
            call,
            key,
            reason="Factory::create() is given its own Http client, whose configuration "
            "holds the key: give that client ['key' => <token>, 'oauth2' => true]",
            sdk=SEVENSHORES,
        )
    version = installed_version(path)
    if version is None or version < ACCESS_TOKEN_SINCE:
        return Client(
            call,
            key,
            reason=_advice(version, "Factory::createWithAccessToken(<token>)"),
            sdk=SEVENSHORES,
        )
    name = call.child_by_field_name("name")
    edits = (
        Edit(name.start_byte, name.end_byte, b"createWithAccessToken"),
        Edit(key.start_byte, key.end_byte, token.encode()),
    )
    return Client(call, key, edits, sdk=SEVENSHORES)


def _sevenshores_new(src: syn.Source, node, token: str, path: str) -> Client | None:
    args = syn.arguments(node)
    if not args:
        return None
    config = syn.unwrap(syn.value(args[0]))
    if not syn.is_array(config) or syn.entries(config) is None:
        return _configuration_elsewhere(node, config)
    key = syn.entry(config, "key")
    if key is None:
        return None
    if len(args) > 1 and src.text(syn.value(args[1])).strip().lower() != "null":
        return Client(
            node,
            key.value,
            reason="the Factory is given its own Http client, which holds the key",
            sdk=SEVENSHORES,
        )
    oauth = syn.entry(config, "oauth")
    oauth2 = syn.entry(config, "oauth2")
    if oauth is not None and src.text(oauth.value).strip().lower() not in (
        "false",
        "0",
    ):
        return Client(
            node,
            key.value,
            reason="'oauth' => true sends ?access_token= (OAuth 1), which HubSpot refuses: "
            "use 'oauth2' => true with an access token",
            sdk=SEVENSHORES,
        )
    if oauth2 is not None and src.text(oauth2.value).strip().lower() in ("true", "1"):
        return None  # already an access token
    version = installed_version(path)
    if version is None or version < ACCESS_TOKEN_SINCE:
        return Client(
            node,
            key.value,
            reason=_advice(
                version, "new Factory(['key' => <token>, 'oauth2' => true])"
            ),
            sdk=SEVENSHORES,
        )
    edits = [Edit(key.value.start_byte, key.value.end_byte, token.encode())]
    if oauth2 is not None:
        edits.append(Edit(oauth2.value.start_byte, oauth2.value.end_byte, b"true"))
    else:
        edits.extend(syn.add_entry(src, config, "'oauth2' => true"))
    return Client(node, key.value, tuple(edits), sdk=SEVENSHORES)


def _configuration_elsewhere(node, config) -> Client | None:
    """``new Factory($config)`` with ``$config = ['key' => ...]`` assigned in
    the function: a site left for a person (the array may be shared or
    changed before); None when no key is seen."""
    name = syn.variable(config)
    if name is None:
        return None
    for use in syn.uses(syn.scope_of(node), name):
        found = syn.assignment_of(use)
        if found is None or use.start_byte > node.start_byte:
            continue
        array = syn.unwrap(found[0].child_by_field_name("right"))
        key = syn.entry(array, "key") if syn.is_array(array) else None
        if key is not None:
            return Client(
                node,
                key.value,
                reason=f"the Factory's configuration is kept in ${name} (line "
                f"{found[0].start_point[0] + 1}): give it the access token with "
                "'oauth2' => true by hand",
                sdk=SEVENSHORES,
            )
    return None


def chains(client: Client) -> list[list[str]]:
    """The method chains called on the client where the file keeps it (a
    variable, or a property of its class): ``$hubspot->crm()->contacts()
    ->basicApi()->getById($id)`` is ``[crm, contacts, basicApi, getById]``.
    None seen where the client is handed on as it is made."""
    holder = client.node.parent
    while holder is not None and holder.type == "parenthesized_expression":
        holder = holder.parent
    if holder is None or holder.type != "assignment_expression":
        return []
    left = holder.child_by_field_name("left")
    name = syn.variable(left)
    if name is not None:
        uses = syn.uses(syn.scope_of(holder), name)
    elif (
        left.type == "member_access_expression"
        and left.child_by_field_name("object").text == b"$this"
    ):
        cls = holder.parent
        while cls is not None and cls.type != "class_declaration":
            cls = cls.parent
        prop = left.child_by_field_name("name").text
        uses = [
            n
            for n in (syn.walk(cls, into_scopes=True) if cls is not None else ())
            if n.type == "member_access_expression"
            and n.child_by_field_name("object").text == b"$this"
            and n.child_by_field_name("name").text == prop
        ]
    else:
        return []
    found = []
    for use in uses:
        if syn.assignment_of(use) is not None:
            continue
        chain, node = [], use
        while (
            node.parent is not None
            and node.parent.type
            in ("member_call_expression", "nullsafe_member_call_expression")
            and node.parent.child_by_field_name("object").id == node.id
        ):
            node = node.parent
            chain.append(node.child_by_field_name("name").text.decode())
        if chain:
            found.append(chain)
    return found


_HANDED = (
    "what it is used for there, a developer-key API (webhooks) or another, cannot "
    "be seen; migrate by hand"
)


def handed_on(client: Client) -> str:
    """Why the client's calls cannot all be seen: it is returned or passed as
    it is made, kept in a property other classes may read (not private), or
    its variable or property is returned, passed or stored; "" when every use
    is a method call on it."""
    holder = client.node.parent
    while holder is not None and holder.type == "parenthesized_expression":
        holder = holder.parent
    line = client.node.start_point[0] + 1
    if holder is not None and holder.type == "expression_statement":
        return ""  # made and dropped: nothing else uses it
    if holder is None or holder.type != "assignment_expression":
        return f"the client made on line {line} is handed on as it is made: {_HANDED}"
    left = holder.child_by_field_name("left")
    name = syn.variable(left)
    if name is not None:
        uses = [u for u in syn.uses(syn.scope_of(holder), name) if u.id != left.id]
    elif (
        left.type == "member_access_expression"
        and left.child_by_field_name("object").text == b"$this"
    ):
        cls = holder.parent
        while cls is not None and cls.type != "class_declaration":
            cls = cls.parent
        prop = left.child_by_field_name("name").text
        private = False
        for node in syn.walk(cls, into_scopes=True) if cls is not None else ():
            if node.type == "property_declaration" and any(
                e.type == "property_element"
                and e.child_by_field_name("name") is not None
                and e.child_by_field_name("name").text == b"$" + prop
                for e in node.named_children
            ):
                private = any(
                    c.type == "visibility_modifier" and c.text == b"private"
                    for c in node.children
                )
        if not private:
            return (
                f"the client is kept in $this->{prop.decode()}, which code outside "
                f"its class may read: {_HANDED}"
            )
        uses = [
            n
            for n in (syn.walk(cls, into_scopes=True) if cls is not None else ())
            if n.type == "member_access_expression"
            and n.child_by_field_name("object").text == b"$this"
            and n.child_by_field_name("name").text == prop
            and n.id != left.id
        ]
    else:
        return f"the client is stored in {syn.shown(left, 30)}: {_HANDED}"
    for use in uses:
        if syn.assignment_of(use) is not None:
            continue
        parent = use.parent
        if (
            parent is not None
            and parent.type
            in ("member_call_expression", "nullsafe_member_call_expression")
            and parent.child_by_field_name("object").id == use.id
        ):
            continue
        return (
            f"the client is handed on on line {use.start_point[0] + 1} "
            f"({syn.shown(parent or use, 40)}): {_HANDED}"
        )
    return ""


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


PORTAL, UNKNOWN, TIMELINE = "portal", "unknown", "timeline"


def calls(client: Client) -> tuple[tuple[Endpoint, ...], set[str]]:
    """The endpoints the client calls in this file (hubspot/api-client, by the
    SDK's operation mapping), and how each chain authenticates: a developer
    key (webhooks, timeline event templates, extension settings), a portal's,
    :data:`TIMELINE` (SevenShores: event types take a developer key, events
    do not) or :data:`UNKNOWN`."""
    from hapimigrate.hubspot import sdk_operations

    found: list[Endpoint] = []
    kinds: set[str] = set()
    for chain in chains(client):
        first = chain[0].lower()
        if client.sdk != API_CLIENT:
            kinds.add(
                hubspot.DEVELOPER_KEY
                if first == "webhooks"
                else TIMELINE if first == "timeline" else PORTAL
            )
            continue
        known = sdk_operations.endpoints(
            sdk_operations.HUBSPOT_API_CLIENT, [_snake(n) for n in chain]
        )
        if not known:
            kinds.add(hubspot.DEVELOPER_KEY if first == "webhooks" else UNKNOWN)
            continue
        for endpoint in known:
            if endpoint not in found:
                found.append(endpoint)
            kind = hubspot.auth_kind(endpoint.method, endpoint.path)
            kinds.add(kind if kind == hubspot.DEVELOPER_KEY else PORTAL)
    return tuple(found), kinds


def _advice(version: tuple[int, int] | None, replacement: str) -> str:
    known = (
        f"hubspot/hubspot-php {version[0]}.{version[1]} is locked"
        if version is not None
        else "the hubspot/hubspot-php release is not known (no composer.lock)"
    )
    return (
        f"{known}: with 5.1 or later write {replacement}; with an older release "
        "Factory::createWithOAuth2Token(<token>) or new Factory(['key' => <token>, "
        "'oauth2' => true]), where it has them (never createWithToken: it sends "
        "?access_token=)"
    )


def installed_version(path: str) -> tuple[int, int] | None:
    """The hubspot/hubspot-php release of the project holding ``path``."""
    return _project_version(os.path.dirname(os.path.abspath(path)))


@lru_cache(maxsize=64)
def _project_version(directory: str) -> tuple[int, int] | None:
    for _ in range(12):
        lock = os.path.join(directory, "composer.lock")
        manifest = os.path.join(directory, "composer.json")
        if os.path.isfile(lock):
            return _locked(lock)
        if os.path.isfile(manifest):
            return _required(manifest)
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return None


def _read_json(path: str):
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except (OSError, ValueError):
        return None


def _locked(path: str) -> tuple[int, int] | None:
    data = _read_json(path)
    if not isinstance(data, dict):
        return None
    for package in data.get("packages", []) or []:
        if isinstance(package, dict) and package.get("name") == SEVENSHORES_PACKAGE:
            match = _VERSION.search(str(package.get("version", "")))
            if match:
                return int(match.group(1)), int(match.group(2) or 0)
    return None


def _required(path: str) -> tuple[int, int] | None:
    """The lowest release a ``composer.json`` constraint allows (``^5.1``,
    ``~5.1.0``, ``>=5.1``, ``5.1.*``; every ``||`` alternative)."""
    data = _read_json(path)
    if not isinstance(data, dict):
        return None
    constraint = (data.get("require") or {}).get(SEVENSHORES_PACKAGE)
    if not isinstance(constraint, str):
        return None
    lowest = None
    for alternative in re.split(r"\|\|?", constraint):
        match = re.match(r"\s*(?:\^|~|>=|=|v)?\s*(\d+)(?:\.(\d+))?", alternative)
        if match is None:
            return None  # "<6", "*", "dev-master": no lower bound
        version = int(match.group(1)), int(match.group(2) or 0)
        lowest = version if lowest is None else min(lowest, version)
    return lowest
