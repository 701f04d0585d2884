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

A manual site whose key is a parameter (``def url_wf(wid, hapikey)``, "the key
comes from the caller") sends what this module's callers pass for it, through
other parameters too (``copy_workflow(wid, os.environ["FROM_PORTAL_KEY"],
os.environ["TO_PORTAL_KEY"])`` hands ``from_key`` on to ``url_wf``): those
arguments are followed, so that the destination portal's key is not made the
one token while the source portal's goes unseen.

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
# another service's credential handed beside the key (sync(KEY, SLACK_TOKEN)):
# not a second portal's, unless its name also says HubSpot or portal
_OTHER_SERVICES = frozenset(
    "slack openai google gcp aws stripe twilio sendgrid mailchimp mailgun github "
    "zendesk salesforce pipedrive airtable notion shopify zoom intercom segment "
    "mapbox sentry postgres database db redis smtp".split()
)
_HUBSPOT_WORDS = frozenset({"hubspot", "hapikey", "hapi", "portal", "hs"})
# a name (MAIN_KEY, config.SANDBOX_KEY), or a producer's call (config.sandbox_key())
_IDENTIFIER = re.compile(r"[A-Za-z_][\w.]*(?:\(\))?")


def note_manual_keys(ctx: ModuleContext) -> None:
    """Add to ``ctx.chosen_keys`` the identities of the configured keys that
    this module's manual sites send (see the module's docstring)."""
    for node, kind, reason in ctx.manual_nodes:
        if kind not in _SENDING or reason.startswith(_DEVELOPER_REASONS):
            continue
        ctx.chosen_keys.update(_configured_keys(ctx, _filled(ctx, node)))


def _filled(ctx: ModuleContext, node: cst.CSTNode) -> cst.CSTNode:
    """The expression that fills a URL text with its values: the text's
    ``%``, ``+`` or ``.format(...)`` (``"...?hapikey=%s" % (wid, hapikey)``),
    where the key the site sends is read, not in the text itself."""
    while True:
        parent = ctx.parent(node)
        if isinstance(parent, cst.BinaryOperation):
            node = parent
        elif (
            isinstance(parent, cst.Attribute)
            and parent.value is node
            and parent.attr.value == "format"
            and isinstance(call := ctx.parent(parent), cst.Call)
            and call.func is parent
        ):
            node = call
        else:
            return node


def _configured_keys(ctx: ModuleContext, node: cst.CSTNode) -> set[str]:
    """The identities of the configured keys ``node``'s code reads: its
    outermost names, attributes and lookups (not a called function's name),
    and, for a parameter, what this module's callers pass for it."""
    found: set[str] = set()
    stack: list[cst.CSTNode] = [node]
    followed: set[cst.Param] = set()
    while stack:
        current = stack.pop()
        if isinstance(current, (cst.Name, cst.Attribute, cst.Subscript, cst.Call)):
            identity = configured_identity(ctx, current)
            if identity is not None:
                found.add(identity)
                continue
        if isinstance(current, cst.Name):
            stack.extend(_passed_for(ctx, current, followed))
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


def _passed_for(
    ctx: ModuleContext, name: cst.Name, followed: set[cst.Param]
) -> list[cst.BaseExpression]:
    """What this module's calls pass for the parameter ``name`` reads (each
    parameter once: a recursive function ends)."""
    try:
        param = origins.key_origin(ctx, name).param
    except (KeyError, ValueError, RecursionError):
        return []
    if param is None or param in followed:
        return []
    followed.add(param)
    return origins.caller_arguments(ctx, param) or []


def another_key_beside(
    ctx: ModuleContext, call: cst.CSTNode | None, value: cst.BaseExpression
) -> str | None:
    """Why ``value``, one argument of ``call``, cannot become the token: the
    same call hands another argument a second configured key (a portal
    copier's source and destination keys, ``copy(wid, FROM_KEY, TO_KEY)``),
    which may reach a use left for a person; one token for both would mix the
    portals up. None otherwise."""
    if not isinstance(call, cst.Call):
        return None
    mine = configured_identity(ctx, value)
    others = {
        configured_identity(ctx, arg.value)
        for arg in call.args
        if arg.value is not value
    }
    found = {
        i
        for i in others
        if i is not None
        and i != mine
        and not _another_service(i)
        and "key" in i.lower()  # HUBSPOT_OAUTH_TOKEN: a token, no portal's key
    }
    if mine is None or not found:
        return None
    keys = tuple(sorted({mine, *found}))
    return decide.SEVERAL_KEYS.format(", ".join(keys))


def _another_service(identity: str) -> bool:
    """``SLACK_TOKEN``, ``settings.OPENAI_API_KEY``: by its words, another
    service's credential (``HUBSPOT_EMAIL_PORTAL_KEY`` is a portal's)."""
    words = set(re.split(r"[^a-z0-9]+", identity.lower()))
    return bool(words & _OTHER_SERVICES) and not words & _HUBSPOT_WORDS


def configured_identity(ctx: ModuleContext, expression: cst.CSTNode) -> str | None:
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
