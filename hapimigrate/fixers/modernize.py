"""Date-based API paths (``diff``/``apply --modernize``): a v3 or v4 path whose
2026-03 twin has the same request and response schemas becomes the date-based
path. HubSpot stops supporting v1-v3 in September 2027 and v4 on 2027-03-30.

    requests.get(f"{BASE}/crm/v3/objects/contacts/{cid}", headers=AUTH)
    client.post(BASE + "/crm/v4/associations/contacts/companies/batch/read", json=q)

become

    requests.get(f"{BASE}/crm/objects/2026-03/contacts/{cid}", headers=AUTH)
    client.post(BASE + "/crm/associations/2026-03/contacts/companies/batch/read", json=q)

Only the versioned prefix changes (``/crm/v3/objects`` -> ``/crm/objects/2026-03``,
HubSpot's rule for where the date goes), in the string that holds it, and only when
every request the string reaches (followed as a key would be: constants, helpers,
wrappers taking the path) is an operation whose twin the spec comparison found
identical. A site of kind ``version`` each: ``rewrite``, or ``manual`` with the
reason -- the twin differs (v3 associations land on the v4 shape; pipeline stages,
property options, files, users and timeline events differ), the spec has no twin,
a request's path or host is not known from the source, the prefix is split across
strings. v1/v2 paths are never rewritten: their replacements answer differently;
``hapimigrate report`` names them.
"""

from __future__ import annotations

import re
from typing import Sequence

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import api_calls, call_endpoints, values
from hapimigrate.analysis.flow import Flow, FlowError, Route, Sink
from hapimigrate.fixers.registry import register
from hapimigrate.hubspot.lifecycle import prefix_rules
from hapimigrate.model import Endpoint, Kind, Status
from hapimigrate.python.context import ModuleContext

_VERSIONED = re.compile(r"/v[34](?:/|$)")
_AFTER_PREFIX = re.compile(r"""(?:[/?#'"]|$)""")
_BEFORE_PATH = re.compile(
    r"""^['"]?(?:[a-z][a-z0-9+.-]*://[^/?#\s'"]*|%[sr]|\{[^{}]*\})?$""", re.I
)
NO_REQUEST = "no request using this path was found in this module: rewrite it by hand"
SPLIT = "the versioned prefix {} is split across strings: rewrite it by hand"
ESCAPED = "the path is written with escape sequences: rewrite it by hand"
RUN_TIME = "a request using it builds its path or method at run time"
NOT_HUBSPOT = "it is also sent to {}, which is not HubSpot"
SEVERAL = "its requests need different prefixes ({})"


@register(
    "modernize",
    (cst.SimpleString, cst.FormattedStringText),
    lambda node: "/v3" in node.value or "/v4" in node.value,  # type: ignore[attr-defined]
)
def fix(ctx: ModuleContext, strings: Sequence[cst.CSTNode]) -> None:
    if not ctx.modernize:
        return
    for node in strings:
        text = _text(node)
        if text is None or not _VERSIONED.search(text):
            continue
        root = values.string_root(ctx, node)
        if isinstance(ctx.parent(root), cst.Expr):
            continue  # a docstring
        _modernize(ctx, node, text, root)


def _modernize(
    ctx: ModuleContext, node: cst.CSTNode, text: str, root: cst.BaseExpression
) -> None:
    try:
        route = Flow(ctx).follow(root)
    except FlowError as error:
        if _holds_prefix(text):
            ctx.site(node, Kind.VERSION, Status.MANUAL, f"{error}: rewrite it by hand")
        return
    endpoints, problem = _endpoints(ctx, node, route)
    swaps = {e: hubspot.path_swap(e.method, e.path) for e in endpoints if e.path}
    if not any(swaps.values()):
        if problem is None and not endpoints and _holds_prefix(text):
            ctx.site(node, Kind.VERSION, Status.MANUAL, NO_REQUEST)
        return  # not a versioned HubSpot path
    calls = tuple(endpoints)
    reason = problem or _unsafe(endpoints, swaps)
    if reason is None:
        prefixes = {(s.old_prefix, s.new_prefix) for s in swaps.values() if s}
        if len(prefixes) > 1:
            reason = SEVERAL.format(", ".join(sorted(p for p, _ in prefixes)))
        else:
            [(old, new)] = prefixes
            reason = _edit(ctx, node, text, old, new)
            if reason is None:
                ctx.site(
                    node,
                    Kind.VERSION,
                    Status.REWRITE,
                    f"{old} -> {new}: the 2026-03 twin has the same schemas",
                    calls=calls,
                )
                return
    ctx.site(node, Kind.VERSION, Status.MANUAL, reason, calls=calls)


def _unsafe(endpoints, swaps) -> str | None:
    for endpoint in endpoints:
        if endpoint.path is None:
            return RUN_TIME
        swap = swaps.get(endpoint)
        if swap is None:
            method = endpoint.method or "(any method)"
            return f"no date-based twin of {method} {endpoint.path} is known"
        if not swap.safe:
            return swap.reason
    return None


def _edit(
    ctx: ModuleContext, node: cst.CSTNode, text: str, old: str, new: str
) -> str | None:
    """Swap ``old`` for ``new`` in the literal; the reason when it cannot be."""
    at = _find_prefix(text, old)
    if at is None:
        return SPLIT.format(old)
    raw = node.value  # type: ignore[attr-defined]
    offset = _raw_offset(node)
    found = _find_prefix(raw[offset:], old)
    if found is None:
        return ESCAPED
    start = offset + found
    ctx.edits.text_cuts[node].append((start, start + len(old), new))
    return None


def _find_prefix(text: str, prefix: str) -> int | None:
    """Where ``prefix`` starts the path of ``text``, as whole segments: at the
    start, after a host (``https://api.hubapi.com``) or a placeholder (``%s``,
    ``{base}``); never in prose (``"calling /crm/v3/objects"``)."""
    at = text.find(prefix)
    while at >= 0:
        if _AFTER_PREFIX.match(text, at + len(prefix)) and _BEFORE_PATH.match(
            text[:at]
        ):
            return at
        at = text.find(prefix, at + 1)
    return None


def _holds_prefix(text: str) -> bool:
    return any(_find_prefix(text, old) is not None for old, _ in prefix_rules())


# -- which calls the string makes ----------------------------------------------


def _endpoints(
    ctx: ModuleContext, node: cst.CSTNode, route: Route
) -> tuple[list[Endpoint], str | None]:
    """The endpoints of the requests the string reaches (for a wrapper taking the
    path, only the call that passes this string), and a reason to leave it."""
    found: list[Endpoint] = []
    for sink in route.sinks:
        if sink.role != "url" or sink.call is None:
            if sink.role == "params":
                continue
            for endpoint in call_endpoints.site_endpoints(ctx, Route(sinks=[sink])):
                if endpoint not in found:
                    found.append(endpoint)
            continue
        calls = api_calls.calls_of(ctx, sink.call)
        mine = [c for c in calls if ctx.inside(node, c.where)] or calls
        if not mine:
            url = call_endpoints.sink_url_node(sink)
            template = values.url_template(ctx, url) if url is not None else ""
            host = hubspot.host(template)
            if host is not None and not hubspot.is_hubspot_host(host):
                return found, NOT_HUBSPOT.format(host)
            for endpoint in _plain_endpoints(ctx, sink):
                if endpoint not in found:
                    found.append(endpoint)
            continue
        for call in mine:
            if call.endpoint not in found:
                found.append(call.endpoint)
    return found, None


def _plain_endpoints(ctx: ModuleContext, sink: Sink) -> list[Endpoint]:
    """The endpoints of a request api_calls does not take for a HubSpot one
    (an unknown path): as the scope report sees them."""
    return list(call_endpoints.site_endpoints(ctx, Route(sinks=[sink])))


# -- strings --------------------------------------------------------------------


def _text(node: cst.CSTNode) -> str | None:
    if isinstance(node, cst.FormattedStringText):
        return node.value
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value.decode("latin-1") if isinstance(value, bytes) else value
    return None


def _raw_offset(node: cst.CSTNode) -> int:
    """Where the text starts in ``node.value`` (after prefix and quote)."""
    if isinstance(node, cst.SimpleString):
        return len(node.prefix) + len(node.quote)
    return 0
