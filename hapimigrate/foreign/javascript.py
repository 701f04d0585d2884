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


from hapimigrate import textscan
from hapimigrate.fingerprint import fingerprint
from hapimigrate.foreign import js_calls, js_decide, js_guards, js_headers, js_sites
from hapimigrate.foreign import js_project
from hapimigrate.foreign.js_flow import Flow
from hapimigrate.foreign.js_syntax import module_bindings, outer, parse_for, unwrap
from hapimigrate.foreign.js_token import (
    PROVIDER_MODULE,
    Token,
    for_file,
    import_edit,
    module_conflict,
    name_taken,
    token_for,
)
from hapimigrate.foreign.sites import call_site
from hapimigrate.foreign.splice import (
    Edit,
    OverlappingEdits,
    apply_edits,
    error_count,
    position,
    reparses,
)
from hapimigrate.model import FileResult, Kind, RunOptions, Site, Status

UNRECOGNISED = (
    "a hapikey use the JavaScript front end does not recognise: migrate it by hand "
    "to an Authorization: Bearer header"
)


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
    js_project.enter(path, root)  # the callers of its exports: js_callers
    lowered = data.lower()
    keys = b"apikey" in lowered  # hapikey, apiKey: else no use to look for
    calls = bool(options.calls) and (b"hubapi" in lowered or b"hubspot" in lowered)
    flow = Flow(module_bindings(root) if keys or calls else {})
    token = token_for(options.provider)
    if token is not None and keys:
        token = for_file(token, root, path)
    decisions = [
        js_decide.decide(c, token, options.provider.spec)
        for c in (js_sites.candidates(root, flow) if keys else ())
    ]
    js_decide.two_keys(decisions)
    js_decide.developer_and_portal(decisions)
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    header_edits = _headers(decisions, token, newline, flow)
    js_decide.mixed_requests(decisions)
    edits = _edits(decisions, header_edits, token, root, data, path)
    new = None
    if edits:
        try:
            new = apply_edits(data, edits)
        except OverlappingEdits:
            js_decide.all_manual(
                decisions, "the edits of this file would overlap; migrate by hand"
            )
            new = None
        if new is not None and not reparses(parse, data, new):
            js_decide.all_manual(
                decisions, "the rewrite would not parse; migrate by hand"
            )
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
        and (
            name_taken(root, token.function)
            or (token.commonjs and name_taken(root, PROVIDER_MODULE))
        )
    ):
        for d in decisions:
            if d.status == Status.REWRITE and (d.header or d.candidate.sdk_token):
                d.status, d.header = Status.MANUAL, False
                d.reason = f"the name {token.function} is already used in this file"
        return _edits(decisions, header_edits, token, root, data, path)
    conflict = (
        module_conflict(root, path)
        if uses_token
        and token is not None
        and token.module is not None
        and not imported
        else ""
    )
    if conflict:
        for d in decisions:
            if d.status == Status.REWRITE and (d.header or d.candidate.sdk_token):
                d.status, d.header, d.reason = Status.MANUAL, False, conflict
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
        found.append(call_site(path, data, offset, endpoints))
    return found


def _site(path: str, data: bytes, d: js_decide.Decision) -> Site:
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
