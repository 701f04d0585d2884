"""PHP front end: finds every ``hapikey`` use of a PHP file on its tree-sitter
tree, and migrates it to ``Authorization: Bearer <token>`` by byte splices on the
original text, under the codemod's contract (a site is migrated so the program
behaves as before with a token, or left unchanged and reported ``manual``).

    parse -> sites (SDK clients, URL strings, query arrays, Guzzle 'query',
    Laravel Http) -> the key cut, the request followed, the header planned
    -> decided (kept, manual, rewrite) -> edits of a site all or none
    -> applied, re-parsed -> the uses left: manual (text scan)

The token provider ``env:NAME`` becomes ``getenv('NAME')``; a Python callable
cannot be called from PHP, so other providers leave every site manual.

The parts: :mod:`.php_syntax` (tree helpers, array splices), :mod:`.php_sites`
(finding and deciding each site), :mod:`.php_keys` (what a key expression is),
:mod:`.php_origin` (whether it is the one configured key: an allow-list),
:mod:`.php_config` (what Laravel's ``config()`` reads), :mod:`.php_urls`
(cutting the key out of URLs and query arrays), :mod:`.php_hosts` (whether a URL
goes to HubSpot), :mod:`.php_flow` (where a URL goes), :mod:`.php_clients`
(where a Guzzle client with a default key sends), :mod:`.php_values` (what a
variable holds), :mod:`.php_requests` and :mod:`.php_curl` (the header on a
request), :mod:`.php_sdk` (SDK clients). This module: the file-level passes (a
key sent to developer-key and ordinary endpoints, two keys, requests shared by
uses decided differently, colliding edits, the re-parse).
"""

from __future__ import annotations

from dataclasses import replace

from hapimigrate import textscan
from hapimigrate.fingerprint import fingerprint
from hapimigrate.foreign import php_calls, php_keys, php_sites
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign.php_sites import FORM, Plan
from hapimigrate.foreign.sites import call_site
from hapimigrate.foreign.splice import (
    Edit,
    apply_edits,
    error_count,
    overlaps,
    position,
)
from hapimigrate.model import FileResult, RunOptions, Site, Status

UNRECOGNISED = "a hapikey use hapimigrate does not recognise in PHP: migrate it by hand"


def process(path: str, data: bytes, options: RunOptions) -> FileResult:
    """Migrate one PHP file. Never raises for bad input."""
    text = data.decode("utf-8", errors="replace")
    try:
        tree = syn.parse(data)
    except Exception as error:  # the grammar refused the bytes
        return _unparsed(path, data, text, f"cannot be parsed as PHP: {error}", options)
    errors = error_count(tree)
    broken = ""
    if errors:
        line = _first_error_line(tree)
        broken = f"does not parse as PHP (a syntax error near line {line})"
    finder = php_sites.Finder(path, data, tree, options, broken)
    plans = finder.plans()
    if errors:
        plans = [_outside_errors(tree, p, broken) for p in plans]
    plans = _developer_and_portal(plans, data)
    plans = _two_keys(plans)
    plans = _shared_requests(plans, data)
    plans, edits = _accept(plans)
    new = apply_edits(data, edits) if edits else None
    if new is not None and error_count(syn.parse(new)) > errors:
        plans, new = _parsing(data, plans, errors)
    plans += finder.framework_notes(plans)
    sites = [_site(path, data, p) for p in plans]
    covered = {line for s in sites for line in range(s.line, s.end_line + 1)}
    sites += textscan.text_sites(
        path,
        text,
        textscan.SLASH,
        Status.UNPARSED if broken else Status.MANUAL,
        broken or UNRECOGNISED,
        strict=options.strict,
        covered=covered,
    )
    lowered = data.lower()
    if options.calls and (b"hubapi" in lowered or b"hubspot" in lowered):
        sites += _call_sites(path, data, finder, plans, options.calls)
    sites.sort(key=lambda s: (s.line, s.column))
    if new == data:
        new = None
    return FileResult(path, tuple(sites), original=data, new=new)


def _call_sites(path: str, data: bytes, finder, plans: list[Plan], mode: str):
    """HubSpot calls without a key (kind ``call``, kept): see :mod:`.php_calls`."""
    listed = [e for p in plans for e in p.calls]
    taken = {r for p in plans for r in p.requests}
    found = []
    for offset, endpoints in php_calls.calls(
        finder.style,
        finder.root,
        mode,
        listed,
        taken,
        php_sites.endpoint_path,
        bool(finder.broken),
    ):
        found.append(call_site(path, data, offset, endpoints))
    return found


def _outside_errors(tree, plan: Plan, reason: str) -> Plan:
    """A file with a syntax error: a site in a function that does not parse, or
    at the top of the file (whose flow the error may hide), or whose edits touch
    such code, is ``unparsed``; sites in whole functions are decided as usual."""

    def broken(node) -> bool:
        scope = node if node.type in syn.SCOPES else syn.scope_of(node)
        return scope is None or scope.type == "program" or scope.has_error

    nodes = [plan.node] if plan.node is not None else []
    nodes += [
        tree.root_node.descendant_for_byte_range(e.start, max(e.start, e.end - 1))
        for e in plan.edits
    ]
    if any(broken(node) for node in nodes):
        return replace(plan, status=Status.UNPARSED, edits=(), reason=reason)
    return plan


def _parsing(
    data: bytes, plans: list[Plan], errors: int = 0
) -> tuple[list[Plan], bytes | None]:
    """The rewrites that keep the file parsing, one site at a time; the others
    are left for a person (a safety net: a planned edit should always parse)."""
    kept: list[Edit] = []
    decided = []
    for plan in plans:
        if plan.status == Status.REWRITE and plan.edits:
            trial = kept + [e for e in plan.edits if e not in kept]
            if error_count(syn.parse(apply_edits(data, trial))) > errors:
                plan = replace(
                    plan,
                    status=Status.MANUAL,
                    edits=(),
                    reason="the rewrite would not parse: migrate it by hand",
                )
            else:
                kept = trial
        decided.append(plan)
    return decided, (apply_edits(data, kept) if kept else None)


def _unparsed(
    path: str, data: bytes, text: str, reason: str, options: RunOptions
) -> FileResult:
    sites = textscan.text_sites(
        path, text, textscan.SLASH, Status.UNPARSED, reason, strict=options.strict
    )
    return FileResult(path, tuple(sites), original=data)


def _first_error_line(tree) -> int:
    stack = [tree.root_node]
    while stack:
        node = stack.pop()
        if node.is_error or node.is_missing:
            return node.start_point[0] + 1
        stack.extend(reversed(node.children) if node.has_error else ())
    return 1


def _site(path: str, data: bytes, plan: Plan) -> Site:
    line, column = position(data, plan.start)
    end_line, end_column = position(data, plan.end)
    where = syn.enclosing(plan.node) if plan.node is not None else ""
    start = data.rfind(b"\n", 0, plan.start) + 1
    stop = data.find(b"\n", plan.start)
    code = data[start : stop if stop >= 0 else len(data)].decode("utf-8", "replace")
    return Site(
        path,
        line,
        column,
        end_line,
        end_column,
        plan.kind,
        plan.status,
        plan.reason,
        calls=plan.calls,
        hardcoded_key=plan.hardcoded,
        enclosing=where,
        fingerprint=fingerprint(plan.kind.value, where, code),
    )


def _developer_and_portal(plans: list[Plan], data: bytes) -> list[Plan]:
    """One key sent both to a developer-key endpoint (kept) and to an ordinary
    one (migrated): which key it really is, a developer key or a portal's, a
    person decides; every use of it is left."""
    kept = {
        p.key: p
        for p in reversed(plans)
        if p.status == Status.KEPT and p.key is not None
    }
    portal = {
        p.key: p
        for p in reversed(plans)
        if p.status == Status.REWRITE and p.key is not None and p.reason != FORM
    }
    both = set(kept) & set(portal)
    if not both:
        return plans
    decided = []
    for plan in plans:
        if plan.key in both and plan.status in (Status.KEPT, Status.REWRITE):
            other = portal[plan.key] if plan.status == Status.KEPT else kept[plan.key]
            line = position(data, other.start)[0]
            what = (
                "an ordinary endpoint"
                if plan.status == Status.KEPT
                else ("a developer-key endpoint")
            )
            plan = replace(
                plan,
                status=Status.MANUAL,
                edits=(),
                reason=f"the key is also sent to {what} (line {line}): which key it "
                "is, a developer key or a portal's, a person decides",
            )
        decided.append(plan)
    return decided


def _two_keys(plans: list[Plan]) -> list[Plan]:
    """Two different configured keys in one file are two portals: one token for
    both would mix them up."""
    keys = {
        p.key
        for p in plans
        if p.status == Status.REWRITE and p.key is not None and p.reason != FORM
    }
    if len(keys) < 2:
        return plans
    shown = ", ".join(sorted({php_keys.key_label(k) for k in keys}))
    reason = f"two different keys in this file ({shown}): one token for both would mix them up"
    return [
        (
            replace(p, status=Status.MANUAL, reason=reason, edits=())
            if p.status == Status.REWRITE and p.key is not None and p.reason != FORM
            else p
        )
        for p in plans
    ]


def _shared_requests(plans: list[Plan], data: bytes) -> list[Plan]:
    """A request reached by uses decided differently (one migrated, one left:
    a helper given several URLs) would send a key and a token: every use that
    reaches it is left for a person."""
    while True:
        held = {}
        for plan in plans:
            if plan.status != Status.REWRITE:
                for request in plan.requests:
                    held.setdefault(request, plan)
        changed = False
        decided = []
        for plan in plans:
            other = next((held[r] for r in plan.requests if r in held), None)
            if plan.status == Status.REWRITE and other is not None:
                line = position(data, other.start)[0]
                plan = replace(
                    plan,
                    status=Status.MANUAL,
                    edits=(),
                    reason=f"its request also sends the use of line {line}, which is "
                    f"{other.status.value}: migrate them together",
                )
                changed = True
            decided.append(plan)
        plans = decided
        if not changed:
            return plans


def _accept(plans: list[Plan]) -> tuple[list[Plan], list[Edit]]:
    """Each site's edits all or none: a site whose edits collide with another's
    is left for a person."""
    accepted: list[Edit] = []
    decided = []
    for plan in plans:
        if plan.status != Status.REWRITE:
            decided.append(plan)
            continue
        fresh = [e for e in plan.edits if e not in accepted]
        if overlaps(fresh, accepted):
            decided.append(
                replace(
                    plan,
                    status=Status.MANUAL,
                    edits=(),
                    reason="its rewrite collides with another one in the same code: migrate it by hand",
                )
            )
            continue
        accepted.extend(fresh)
        decided.append(plan)
    return decided, accepted
