"""The JavaScript/TypeScript front end (``.js .mjs .cjs .jsx .ts .tsx``): find
the hapikey uses (:mod:`.js_sites`), decide each one, and splice the edits into
the original bytes.

    fetch(`https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey=${process.env.HAPIKEY}&count=10`)
    -> fetch(`https://api.hubapi.com/contacts/v1/lists/all/contacts/all?count=10`, { headers: { Authorization: `Bearer ${process.env.HUBSPOT_ACCESS_TOKEN}` } })

A use is migrated only with every request it reaches (all edits of a request or
none); a developer key or a developer-key endpoint is ``kept``; a form submission
loses its key and gets no token; anything else is ``manual`` with its reason.
Uses the front end does not recognise are found by the text scan and reported
``manual``, so every finding of ``check`` is a site here too. A key definition
that becomes unused (``const HAPIKEY = process.env.HAPIKEY``) stays: harmless,
and another module may read it.
"""

from __future__ import annotations

import dataclasses

from hapimigrate import hubspot, textscan
from hapimigrate.fingerprint import fingerprint
from hapimigrate.foreign import js_calls, js_guards, js_headers, js_keys, js_sites
from hapimigrate.foreign.js_flow import Flow
from hapimigrate.foreign.js_syntax import module_bindings, outer, parse_for, unwrap
from hapimigrate.foreign.js_token import Token, import_edit, name_taken, token_for
from hapimigrate.foreign.splice import (
    Edit,
    OverlappingEdits,
    apply_edits,
    error_count,
    position,
    reparses,
)
from hapimigrate.model import UNPLACED_KEY, FileResult, Kind, RunOptions, Site, Status

UNRECOGNISED = (
    "a hapikey use the JavaScript front end does not recognise: migrate it by hand "
    "to an Authorization: Bearer header"
)
DEVELOPER_ENDPOINT = "a developer-key endpoint: developer API keys are not sunset"


@dataclasses.dataclass
class _Decision:
    candidate: js_sites.Candidate
    status: Status
    reason: str = ""
    header: bool = False  # the requests it reaches need the header


def process(path: str, data: bytes, options: RunOptions) -> FileResult:
    """Migrate (or describe) one JavaScript/TypeScript file."""
    parse = parse_for(path)
    tree = parse(data)
    text = data.decode("utf-8", errors="replace")
    if error_count(tree):
        where = _first_error(tree.root_node)
        reason = f"does not parse as JavaScript/TypeScript (near line {where})"
        sites = textscan.text_sites(
            path, text, textscan.SLASH, Status.UNPARSED, reason, strict=options.strict
        )
        return FileResult(path, tuple(sites), original=data)
    root = tree.root_node
    lowered = data.lower()
    keys = b"apikey" in lowered  # hapikey, apiKey: else no use to look for
    calls = bool(options.calls) and (b"hubapi" in lowered or b"hubspot" in lowered)
    flow = Flow(module_bindings(root) if keys or calls else {})
    token = token_for(options.provider)
    decisions = [
        _decide(c, token, options.provider.spec)
        for c in (js_sites.candidates(root, flow) if keys else ())
    ]
    _two_keys(decisions)
    _developer_and_portal(decisions)
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    header_edits = _headers(decisions, token, newline, flow)
    _mixed_requests(decisions)
    edits = _edits(decisions, header_edits, token, root, data, path)
    new = None
    if edits:
        try:
            new = apply_edits(data, edits)
        except OverlappingEdits:
            _all_manual(
                decisions, "the edits of this file would overlap; migrate by hand"
            )
            new = None
        if new is not None and not reparses(parse, data, new):
            _all_manual(decisions, "the rewrite would not parse; migrate by hand")
            new = None
    sites = [_site(path, data, d) for d in decisions]
    sites += _guard_sites(path, data, root, decisions)
    # the text scan finds every use check finds; those not sites here already
    # (by their place) are uses the front end does not recognise
    placed = {(s.line, s.column) for s in sites}
    sites += [
        s
        for s in textscan.text_sites(
            path,
            text,
            textscan.SLASH,
            Status.MANUAL,
            UNRECOGNISED,
            strict=options.strict,
        )
        if (s.line, s.column) not in placed
    ]
    if calls:
        sites += _call_sites(path, data, root, flow, options.calls, decisions)
    sites.sort(key=lambda s: (s.line, s.column))
    return FileResult(path, tuple(sites), original=data, new=new)


def _first_error(root) -> int:
    stack = [root]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            return node.start_point[0] + 1
        stack.extend(
            reversed(
                [c for c in node.children if c.has_error or c.is_error or c.is_missing]
            )
        )
    return 1


# -- deciding ----------------------------------------------------------------------


def _decide(c: js_sites.Candidate, token: Token | None, spec: str) -> _Decision:
    manual = lambda reason: _Decision(c, Status.MANUAL, reason)  # noqa: E731
    urls = c.templates or tuple(call.path or "" for call in c.calls)  # SDK: paths
    kinds = {
        hubspot.auth_kind(call.method, t or call.path) for call, t in zip(c.calls, urls)
    }
    if kinds == {hubspot.DEVELOPER_KEY}:
        return _Decision(c, Status.KEPT, DEVELOPER_ENDPOINT)
    if c.key is not None and c.key.kind == js_keys.DEVELOPER:
        return _Decision(c, Status.KEPT, c.key.reason)
    if c.reason:
        return manual(c.reason)
    if hubspot.DEVELOPER_KEY in kinds:
        return manual("the key is sent both to developer-key endpoints and to others")
    for call, template in zip(c.calls, c.templates):
        host = hubspot.host(template) if template else None
        if host is not None and not hubspot.is_hubspot_host(host):
            return manual(f"the key is sent to {host}, not to HubSpot")
        if host is None and not js_calls.hubspot_path(call):
            return manual(
                "cannot tell that the request goes to HubSpot: its host is known "
                "only at run time and its path is not a HubSpot endpoint"
            )
    if c.key is None or c.key.kind != js_keys.CONFIG:
        return manual(c.key.reason if c.key is not None else "the key cannot be placed")
    if c.ends_query and any(extended for _, extended in c.requests):
        return manual(
            "the URL is extended after the key elsewhere: cutting ?hapikey= would break its query"
        )
    if not (c.requests or c.session is not None or c.sdk_token):
        return manual("the request that sends the key cannot be found")
    if hubspot.NO_AUTH in kinds:
        if kinds != {hubspot.NO_AUTH}:
            return manual("the key is sent both to a form submission and to the API")
        return _Decision(c, Status.REWRITE)  # forms take no authentication
    if token is None:
        return manual(
            f"the token provider {spec} has no JavaScript form: use env:NAME or module:function"
        )
    for request, _ in c.requests:
        source = request.call.text or b""
        if b"access_token" in source or b"Bearer" in source:
            return manual(
                "the request also authenticates another way (access_token or Bearer)"
            )
    return _Decision(
        c, Status.REWRITE, header=bool(c.requests) or c.session is not None
    )


def _developer_and_portal(decisions: list[_Decision]) -> None:
    """One key sent to a developer-key endpoint (kept) and to others: which it
    is, a person decides."""
    kept = {
        d.candidate.key.identity: d
        for d in decisions
        if d.status == Status.KEPT and d.reason == DEVELOPER_ENDPOINT
        and d.candidate.key is not None and d.candidate.key.kind == js_keys.CONFIG
    }  # fmt: skip
    for d in decisions:
        key = d.candidate.key
        if d.status == Status.REWRITE and key is not None and key.identity in kept:
            d.status, d.header = Status.MANUAL, False
            d.reason = "the key is also sent to a developer-key endpoint: which key it is, a person decides"


def _two_keys(decisions: list[_Decision]) -> None:
    """Two configured keys in one file (two portals) must not become one token."""
    keys = {
        d.candidate.key.identity: d.candidate.key.label
        for d in decisions
        if d.candidate.key is not None
        and d.candidate.key.kind == js_keys.CONFIG
        and d.status != Status.KEPT
        and not d.candidate.key.identity.startswith(UNPLACED_KEY)  # a free name
    }
    if len(keys) < 2:
        return
    labels = ", ".join(sorted(set(keys.values())))
    for d in decisions:
        if d.status == Status.REWRITE and d.candidate.key is not None:
            d.status, d.header = Status.MANUAL, False
            d.reason = f"two keys in this file ({labels}): one token for both would mix them up"


def _headers(decisions, token: Token | None, newline: bytes, flow: Flow) -> dict:
    """The header edits of every request a rewrite reaches, by request; a
    request that cannot take the header turns its uses manual."""
    edits: dict = {}
    if token is None:
        return edits
    removed = tuple(
        e for d in decisions if d.status == Status.REWRITE for e in d.candidate.removal
    )

    def is_options(ref) -> bool:
        parent = outer(ref).parent
        call = (
            parent.parent if parent is not None and parent.type == "arguments" else None
        )
        request = (
            flow.request(call)
            if call is not None and call.type == "call_expression"
            else None
        )
        return (
            request is not None
            and request.options is not None
            and (outer(request.options).start_byte == outer(ref).start_byte)
        )

    for d in decisions:
        if d.status != Status.REWRITE or not d.header:
            continue
        c = d.candidate
        plans = []
        if c.session is not None:
            plans.append(("session", c.session.start_byte,
                          js_headers.options_plan(c.session, js_headers.header_entry(token.bearer), newline, removed)))  # fmt: skip
        for request, _ in c.requests:
            plans.append(
                (
                    "request",
                    request.key,
                    js_headers.plan(
                        request, token.bearer, newline, is_options, removed
                    ),
                )
            )
        failed = next((p for _, _, p in plans if p.reason), None)
        if failed is not None:
            d.status, d.reason, d.header = Status.MANUAL, failed.reason, False
            continue
        for what, key, found in plans:
            edits[(what, key)] = found.edits
    return edits


def _mixed_requests(decisions: list[_Decision]) -> None:
    """A request reached by a use left as it is and by one migrated would send
    the key and the token: both are left for a person."""
    while True:
        left = {}
        for d in decisions:
            if d.status != Status.REWRITE:
                for request, _ in d.candidate.requests:
                    left.setdefault(request.key, d)
        changed = False
        for d in decisions:
            if d.status != Status.REWRITE:
                continue
            other = next(
                (left[r.key] for r, _ in d.candidate.requests if r.key in left), None
            )
            if other is not None:
                line = other.candidate.requests[0][0].call.start_point[0] + 1
                d.status, d.header = Status.MANUAL, False
                d.reason = f"the request on line {line} also sends a key left as it is"
                changed = True
        if not changed:
            return


def _all_manual(decisions: list[_Decision], reason: str) -> None:
    for d in decisions:
        if d.status == Status.REWRITE:
            d.status, d.reason, d.header = Status.MANUAL, reason, False


# -- editing -----------------------------------------------------------------------


def _edits(
    decisions, header_edits: dict, token: Token | None, root, data: bytes, path: str
) -> list[Edit]:
    """Every edit of the migrated uses: cuts, headers, SDK options, the import."""
    needed: set = set()
    for d in decisions:
        if d.status == Status.REWRITE and d.header:
            c = d.candidate
            if c.session is not None:
                needed.add(("session", c.session.start_byte))
            needed.update(("request", r.key) for r, _ in c.requests)
    uses_token = bool(needed) or any(
        d.status == Status.REWRITE and d.candidate.sdk_token for d in decisions
    )
    imported = (
        token is not None
        and token.module is not None
        and module_bindings(root).get(token.function)
        in (f"{token.module}#{token.function}", f"./{token.module}#{token.function}")
    )  # a run before this one imported it
    if (
        uses_token
        and token is not None
        and token.module is not None
        and not imported
        and name_taken(root, token.function)
    ):
        for d in decisions:
            if d.status == Status.REWRITE and (d.header or d.candidate.sdk_token):
                d.status, d.header = Status.MANUAL, False
                d.reason = f"the name {token.function} is already used in this file"
        return _edits(decisions, header_edits, token, root, data, path)
    added = [e for key in needed for e in header_edits.get(key, ())]
    cuts = []
    for d in decisions:
        if d.status != Status.REWRITE:
            continue
        if d.candidate.sdk_token and token is not None:
            for e in d.candidate.removal:
                cuts.append(
                    Edit(e.start, e.end, b"accessToken: " + token.expression.encode())
                )
        else:
            cuts.extend(d.candidate.removal)
    # a header edit that rewrites a whole object replaces the cuts inside it
    cuts = [
        e
        for e in cuts
        if not any(
            a.start <= e.start and e.end <= a.end and a.end > a.start for a in added
        )
    ]
    edits = cuts + added
    if (
        edits
        and uses_token
        and token is not None
        and token.module is not None
        and not imported
    ):
        edits.append(import_edit(root, data, token, path))
    return edits


def _guard_sites(path, data, root, decisions) -> list[Site]:
    """Tests of a migrated key (kind ``guard``, manual): see :mod:`.js_guards`."""
    keys = [
        outer_value
        for d in decisions
        if d.status == Status.REWRITE and d.candidate.key_node is not None
        for outer_value in [unwrap(d.candidate.key_node)]
        if outer_value is not None
    ]
    found = []
    for node, name in js_guards.guards(root, keys):
        line, column = position(data, node.start_byte)
        start = data.rfind(b"\n", 0, node.start_byte) + 1
        end = data.find(b"\n", node.start_byte)
        code = data[start : end if end != -1 else len(data)].decode("utf-8", "replace")
        found.append(
            Site(
                path,
                line,
                column,
                line,
                column + len(name),
                Kind.GUARD,
                Status.MANUAL,
                js_guards.REASON.format(name),
                fingerprint=fingerprint(Kind.GUARD.value, "", code),
            )
        )
    return found


def _call_sites(path, data, root, flow, mode, decisions) -> list[Site]:
    """HubSpot calls without a key (kind ``call``, kept): see :mod:`.js_calls`."""
    listed = [e for d in decisions for e in d.candidate.calls]
    taken = {r.key for d in decisions for r, _ in d.candidate.requests}
    found = []
    for offset, endpoints in js_calls.calls(root, flow, mode, listed, taken):
        line, column = position(data, offset)
        start = data.rfind(b"\n", 0, offset) + 1
        end = data.find(b"\n", offset)
        code = data[start : end if end != -1 else len(data)].decode("utf-8", "replace")
        found.append(
            Site(
                path,
                line,
                column,
                line,
                column,
                Kind.CALL,
                Status.KEPT,
                calls=endpoints,
                fingerprint=fingerprint(Kind.CALL.value, "", code),
            )
        )
    return found


def _site(path: str, data: bytes, d: _Decision) -> Site:
    c = d.candidate
    line, column = position(data, c.offset)
    start = data.rfind(b"\n", 0, c.offset) + 1
    end = data.find(b"\n", c.offset)
    code = data[start : end if end != -1 else len(data)].decode("utf-8", "replace")
    hardcoded = c.key is not None and c.key.hardcoded
    return Site(
        path,
        line,
        column,
        line,
        column + c.width,
        c.kind,
        d.status,
        d.reason,
        calls=c.calls,
        hardcoded_key=hardcoded,
        fingerprint=fingerprint(c.kind.value, "", code),
    )
