"""The configured keys a module's manual sites still send: "two keys stay two"
for every key the tree sends, not only those that become the token.

A use left for a person for a reason of its own (a helper of another module
not followed, a dict entry, a producer left manual) still sends its key to a
HubSpot portal once the rest is migrated by hand. Where that key is another
configured key than one a plain use migrates (``config.MAIN_KEY`` handed to an
unfollowed ``generate_auth`` here, ``config.SANDBOX_KEY`` in a params mapping
there), the one provider token would stand for both portals: once the token
holds the main portal's, the sandbox requests would read and write the main
portal. So the identities of the configured keys such sites send join the
module's ``chosen_keys`` (the keys its manual uses send, compared with the keys
that become the token, in the module and across the tree).

Only what is surely a configured portal key counts: an expression the site's
code holds whose origin is the configuration, whose identity names a key (not a
literal, not a free name, not a URL or another constant), whose name does not
say developer key, at a site of a key family (not a guard, a setting, a call)
whose reason is not about developer keys (those stay ``kept`` or are a
developer key misnamed: not a second portal)."""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate import decide, hubspot
from hapimigrate.analysis import origins
from hapimigrate.model import UNPLACED_KEY, Kind
from hapimigrate.python.context import ModuleContext

# the site kinds whose node holds a key sent with requests
_SENDING = frozenset({Kind.URL, Kind.PARAMS, Kind.SESSION, Kind.SDK, Kind.ARGUMENT})
# reasons saying the key is (or may be) a developer key: not a portal's
_DEVELOPER_REASONS = (decide.DEVELOPER_NAME_TOKEN_ENDPOINT, decide.MIXED_DEVELOPER)
# an identity naming a key: HUBSPOT_API_KEY, MAIN_KEY, hapikey, PORTAL_TOKEN
_KEY_NAMED = re.compile(r"(?i)key|token")
# a name (MAIN_KEY, config.SANDBOX_KEY), or a producer's call (config.sandbox_key())
_IDENTIFIER = re.compile(r"[A-Za-z_][\w.]*(?:\(\))?")


def note_manual_keys(ctx: ModuleContext) -> None:
    """Add to ``ctx.chosen_keys`` the identities of the configured keys that
    this module's manual sites send (see the module's docstring)."""
    for node, kind, reason in ctx.manual_nodes:
        if kind not in _SENDING or reason.startswith(_DEVELOPER_REASONS):
            continue
        ctx.chosen_keys.update(_configured_keys(ctx, node))


def _configured_keys(ctx: ModuleContext, node: cst.CSTNode) -> set[str]:
    """The identities of the configured keys ``node``'s code reads: its
    outermost names, attributes and lookups (not a called function's name)."""
    found: set[str] = set()
    stack: list[cst.CSTNode] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, (cst.Name, cst.Attribute, cst.Subscript, cst.Call)):
            identity = _identity(ctx, current)
            if identity is not None:
                found.add(identity)
                continue
        if isinstance(current, cst.Call):  # its arguments, not its function
            stack.extend(arg.value for arg in current.args)
            if isinstance(current.func, cst.Attribute):
                stack.append(current.func.value)  # the object of a method call
            continue
        if isinstance(current, (cst.Attribute, cst.Subscript)):
            # config.MAIN_KEY is one name: not config, not MAIN_KEY alone; and
            # the container of a lookup (configuration.api_key["hapikey"]) is
            # not a key
            continue
        if isinstance(current, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
            # what is assigned, not where (a target is not sent)
            stack.extend([current.value] if current.value is not None else [])
            continue
        stack.extend(current.children)
    return found


def _identity(ctx: ModuleContext, expression: cst.CSTNode) -> str | None:
    """The configured key ``expression`` reads, if surely one (see above)."""
    if not isinstance(expression, cst.BaseExpression):
        return None
    label = ctx.code(expression)
    if hubspot.names_developer_key(label):
        return None
    try:
        identity, _ = origins.config_key(ctx, expression)
    except (KeyError, ValueError, RecursionError):
        return None
    if (
        identity.startswith(UNPLACED_KEY)
        or not _IDENTIFIER.fullmatch(identity)  # a literal, a call's code
        or not _KEY_NAMED.search(identity.removesuffix("()").rsplit(".", 1)[-1])
        or hubspot.names_developer_key(identity)
    ):
        return None
    if origins.key_origin(ctx, expression).kind != origins.CONFIG:
        return None
    return identity
