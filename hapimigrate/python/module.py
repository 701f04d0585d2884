"""One Python module through the codemod: parse, run the fixers (find the sites
and plan the edits), apply the edits, add the provider's imports, and check that
the result parses. Imported only for files that may hold a site: LibCST takes a
third of a second to import."""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

import libcst as cst

from hapimigrate import textscan
from hapimigrate.analysis import key_labels, sent_keys, values
from hapimigrate.fixers import params, registry
from hapimigrate.python import dead_attributes, dead_keys, dead_settings, guards
from hapimigrate.python import import_time_reads, prepare, roundtrip, slicing
from hapimigrate.python import bearer_reads, split_keys, unsent_values
from hapimigrate.python import context, lost_names
from hapimigrate.python.context import ModuleContext, walk
from hapimigrate.python.edits import EditApplier, Edits
from hapimigrate.python.imports import add_imports, defined_too_late
from hapimigrate.model import FileResult, Kind, RunOptions, Site, Status
from hapimigrate.textscan import unparsed

UNRECOGNISED = "a hapikey use the codemod does not recognise: migrate it by hand"
LOST_NAMES = (
    "the rewrite would leave {} unbound where the new code reads it (one edit "
    "removed what another needs): nothing is written; migrate by hand"
)


def process_source(
    path: str,
    data: bytes,
    options: RunOptions,
    part: object = prepare.UNSLICED,
    *,
    findings_only: bool = False,
) -> FileResult:
    """The codemod on ``data``; on its relevant statements only, for a big file.
    ``part``: :func:`prepare.reduced` of ``data`` when the process that read the
    file made it already. ``findings_only``: the caller reads only the sites
    and the error (``check`` on a file): where the rewrite cannot change them,
    it is not made (see :func:`_rewrite_unread`)."""
    if not prepare.needs_codemod(data, options):
        return FileResult(path)  # HubSpot calls, but nothing asked about them
    return _sliced(path, data, options, part=part, findings_only=findings_only)


def _sliced(
    path: str,
    data: bytes,
    options: RunOptions,
    python2: bool = False,
    part: object = prepare.UNSLICED,
    findings_only: bool = False,
) -> FileResult:
    """The codemod on ``data``'s relevant statements, or on all of it (see
    _process for ``python2``); ``part``: :func:`prepare.reduced` of ``data``;
    ``findings_only``: see process_source (not for a normalised text: the
    roundtrip module calls this without it, and reads the rewrite)."""
    if part is prepare.UNSLICED:
        part = prepare.reduced(data, options)
    assert part is None or isinstance(part, slicing.Slice)
    if part is None and roundtrip.too_deep(data):  # LibCST's parser would crash
        return unparsed(path, data, "too deeply nested to parse", options)
    if part is not None:
        # the slice may leave out what says Python 2 (a .has_key( elsewhere)
        python2 = python2 or context.looks_python2(data)
        result = _process(path, part.source, options, python2, findings_only, True)
        if not result.sites or result.sites[0].status != Status.UNPARSED:
            sites = tuple(
                dataclasses.replace(
                    s, line=part.line(s.line), end_line=part.line(s.end_line)
                )
                for s in result.sites
            )
            if result.new is None:
                return dataclasses.replace(result, sites=sites, original=data)
            spliced = slicing.splice(part, result.new)
            if spliced is not None:
                return dataclasses.replace(
                    result, sites=sites, original=data, new=spliced
                )
    return _process(path, data, options, python2, findings_only)


def _carriers(ctx: ModuleContext, options: RunOptions) -> None:
    """Hand the context what the tree knows of carriers across modules."""
    ctx.carriers = options.carriers
    if any(c.helper and not c.own_key for c in ctx.carriers):
        from hapimigrate.fixers import across_modules

        ctx.remote_helpers = across_modules.helper_calls(ctx)
    ctx.sent_elsewhere = {o.name: o for o in options.sent_elsewhere}
    ctx.imported_constants = dict(options.constants)
    if not options.constants and options.handed_constants:
        from hapimigrate import tree_handed_urls

        handed = tree_handed_urls.constants_for(options, ctx.path)
        ctx.imported_constants = dict(handed)
    ctx.wanted_sinks = tuple(f for p, f in options.wanted_sinks if p == ctx.path)


def _python2(data: bytes) -> roundtrip.Normalised | None:
    """Python 2's normalised text (see roundtrip): fissix only for such files."""
    from hapimigrate.python import python2

    return python2.normalise(data)


def _two_credentials(ctx: ModuleContext) -> dict[int, frozenset[str]]:
    """The requests given two credentials (the configured key's token, a
    caller's key over it), with them: their reason says so (attach)."""
    return {
        request: frozenset(bearers)
        for request, bearers in ctx.request_bearers.items()
        if len(bearers) > 1
    }


def _mixed_requests(ctx: ModuleContext) -> frozenset[int]:
    """Requests reached by uses decided differently, or given two credentials
    (the configured key's token, a caller's key over it)."""
    return frozenset(
        request
        for request, statuses in ctx.request_statuses.items()
        if Status.REWRITE in statuses and len(statuses) > 1
    ) | frozenset(
        request for request, bearers in ctx.request_bearers.items() if len(bearers) > 1
    )


def _process(
    path: str,
    data: bytes,
    options: RunOptions,
    python2: bool = False,
    findings_only: bool = False,
    sliced: bool = False,
) -> FileResult:
    """``python2``: ``data`` is a Python 2 file normalised (see roundtrip): the
    generated code must stay valid Python 2. ``findings_only``: see
    process_source; ``sliced``: ``data`` is a slice (see python.slicing), whose
    rewrite is spliced back by its markers."""
    try:
        module = cst.parse_module(data)
    except cst.ParserSyntaxError as error:
        retried = roundtrip.retry(path, data, options, _sliced, (_python2,))
        if retried is not None:
            return retried
        where = f"near line {error.editor_line}"
        return unparsed(
            path, data, f"does not parse (Python 2 or a syntax error {where})", options
        )
    except (UnicodeDecodeError, LookupError, SyntaxError) as error:
        return unparsed(path, data, f"cannot be decoded: {error}", options)
    if module.bytes != data:
        retried = roundtrip.retry(path, data, options, _sliced, (_python2,))
        if retried is not None:
            return retried
        return unparsed(
            path, data, "LibCST cannot reproduce this file byte for byte", options
        )
    fixers = registry.all_fixers()
    asked = {"modernize": options.modernize, "calls": options.calls}
    ctx = ModuleContext(
        path,
        module,
        options.provider,
        fixers,
        options.several_keys,
        options.shared_elsewhere,
        **asked,
    )
    ctx.guarded_elsewhere = dict(options.guarded_elsewhere)
    ctx.written_elsewhere = dict(options.written_elsewhere)
    ctx.protected = options.protected
    ctx.enqueued = {f: w for p, f, w in options.enqueued if p == path}
    _carriers(ctx, options)
    ctx.python2_style |= python2
    registry.run(ctx)
    sent_keys.note_manual_keys(ctx)  # keys its manual sites send count too
    aliases = dict(options.key_aliases)  # HAPIKEY = API_KEY: one key
    for _ in range(3):  # each pass can only turn rewrites into manual sites
        provider = {aliases.get(i, i) for i, _ in ctx.provider_keys}
        chosen = {aliases.get(i, i) for i in ctx.chosen_keys}
        several = bool(provider) and len(provider | chosen) > 1
        mixed = _mixed_requests(ctx) | ctx.mixed_requests
        if (not several or ctx.several_keys) and mixed == ctx.mixed_requests:
            break
        # two portals' keys would become one token, or a request is reached by
        # uses decided differently: decide again, knowing it
        labels = key_labels.several_labels(  # one name per key, no key's value
            ctx.provider_keys,
            chosen - provider,  # a use chose between them, or sends one
            aliases,
            [s.line for s in ctx.sites if s.hardcoded_key],
        )
        credentials = {**ctx.two_credentials, **_two_credentials(ctx)}
        left = dict(ctx.left_keys)
        ctx = ModuleContext(
            path,
            module,
            options.provider,
            fixers,
            labels if several else ctx.several_keys,
            options.shared_elsewhere,
            **asked,
        )
        ctx.mixed_requests = mixed
        ctx.two_credentials = credentials
        ctx.left_keys = left
        ctx.guarded_elsewhere = dict(options.guarded_elsewhere)
        ctx.written_elsewhere = dict(options.written_elsewhere)
        ctx.protected = options.protected
        ctx.enqueued = {f: w for p, f, w in options.enqueued if p == path}
        _carriers(ctx, options)
        ctx.python2_style |= python2
        registry.run(ctx)
        sent_keys.note_manual_keys(ctx)
    params.settle_passed_keywords(ctx)  # hapikey= handed a token now
    import_time_reads.soften(ctx)  # a lenient key read at import stays lenient
    bearer_reads.migrate(ctx)  # the old variable already sent as a Bearer token
    split_keys.report(ctx)  # "?hap" + "ikey=": a key use the fixers cannot see
    late = defined_too_late(ctx)
    if late is not None:  # the provider's own module would call it before its def
        ctx.edits = Edits()
        ctx.sites = [
            (
                dataclasses.replace(s, status=Status.MANUAL, reason=late)
                if s.status == Status.REWRITE
                else s
            )
            for s in ctx.sites
        ]
    if options.dead_settings:
        dead_settings.remove(ctx, options.dead_settings, options.protected)
    guards.report(ctx, dead_keys.removed_nodes(ctx), options.token_checks)
    ctx.token_checks_asked = options.token_checks
    removed: tuple[str, ...] = tuple(ctx.removed_names) if ctx.edits else ()
    if late is None and options.remove_dead_keys:  # check too: it turns a site
        removed += unsent_values.remove(ctx, options.protected)  # keyed, unsent
    unread = findings_only and _rewrite_unread(ctx, options, sliced)
    # before the sites: kept ones report
    if ctx.edits and options.remove_dead_keys and not unread:
        readers, kept_from = dict(options.kept_readers), len(ctx.sites)
        removed += dead_keys.remove(ctx, options.protected, readers)
        removed += dead_attributes.remove(ctx, options.protected, readers)
        if options.scan_text:  # check: the uses it finds tell a person already
            del ctx.sites[kept_from:]
    # every use check finds is a site of report, diff and apply too: where apply
    # exits 0, check on the result does
    covered = {
        line
        for s in ctx.sites
        if s.kind not in (Kind.CALL, Kind.VERSION)  # not key uses
        for line in range(s.line, s.end_line + 1)
    }
    text = data.decode(module.encoding, errors="replace")
    sites = ctx.sites + textscan.text_sites(
        path,
        text,
        textscan.HASH,
        Status.MANUAL,
        UNRECOGNISED,
        strict=options.strict,
        covered=covered,
        prose=ctx.docstring_lines(),
        python=True,
    )
    sites = _merged(sorted(sites, key=lambda s: (s.line, s.column)))
    if not ctx.edits or unread:
        return FileResult(
            path,
            sites,
            original=data,
            encoding=module.encoding,
            exports=tuple(dict.fromkeys(ctx.exports)),
            carrier_uses=tuple(ctx.carrier_uses),
            tasks=tuple(sorted(ctx.tasks.items())),
            callables=tuple(sorted(ctx.callables)),
            chosen_keys=tuple(sorted(ctx.chosen_keys)),
            # a session its callers hand in, left manual here: the tree pass
            # still proves what other modules hand in (analysis/caller_sessions)
            parameter_sessions=tuple(sorted(ctx.parameter_sessions)),
        )
    new_module = ctx.module.visit(EditApplier(ctx.edits, ctx.parent))
    new_module = add_imports(new_module, ctx.imports)
    new = new_module.bytes
    try:
        cst.parse_module(new)
    except cst.ParserSyntaxError as error:  # never hand back code that does not parse
        return FileResult(
            path,
            sites,
            original=data,
            error=f"internal error: the rewrite does not parse ({error.message})",
        )
    missing = lost_names.lost(text, new.decode(module.encoding, errors="replace"))
    if missing:  # one pass removed what another's edit reads: write nothing
        reason = LOST_NAMES.format(", ".join(sorted(missing)))
        return FileResult(
            path,
            [
                (
                    dataclasses.replace(s, status=Status.MANUAL, reason=reason)
                    if s.status == Status.REWRITE
                    else s
                )
                for s in sites
            ],
            original=data,
            encoding=module.encoding,
        )
    return FileResult(
        path,
        sites,
        original=data,
        new=new,
        encoding=module.encoding,
        removed_keys=removed,
        token_parameters=tuple(sorted(ctx.token_parameters)),
        session_headers=tuple(sorted(ctx.session_headers)),
        session_factories=tuple(sorted(ctx.session_factories)),
        tasks=tuple(sorted(ctx.tasks.items())),
        callables=tuple(sorted(ctx.callables)),
        parameter_hosts=tuple(sorted(ctx.parameter_hosts)),
        parameter_sessions=tuple(sorted(ctx.parameter_sessions)),
        guarded_functions=tuple(sorted(ctx.guarded_functions)),
        condition_guarded=tuple(sorted(ctx.condition_guarded)),
        session_classes=tuple(sorted(ctx.session_classes)),
        class_reads=_class_reads(text, sites),
        provider_keys=tuple(sorted(ctx.provider_keys)),
        chosen_keys=tuple(sorted(ctx.chosen_keys)),
        imported_keys=tuple(sorted(ctx.imported_keys())),
        exports=tuple(dict.fromkeys(ctx.exports)),
        carrier_uses=tuple(ctx.carrier_uses),
        developer_copies=tuple(ctx.developer_copies),
    )


def _rewrite_unread(ctx: ModuleContext, options: RunOptions, sliced: bool) -> bool:
    """Whether the findings cannot depend on the rewrite, so that ``check`` need
    not make it (the removal of dead key definitions, the edits applied, the
    result parsed again: a fifth of a candidate's time). Check reads a file's
    sites and its error. The removal of dead definitions only adds sites, which
    check drops, and edits (to definitions and imports); the rewrite is read
    back where the file's own text is migrated in a slice, to splice it by the
    markers (a marker missing sends the whole file through again): so not
    where an edit reaches into a marker line. (A text the roundtrip module
    normalised is never handed here: its rewrite is transplanted, and the sites
    depend on that.) What check does not see: a rewrite that would not parse,
    a bug of ours that diff and apply report as an internal error."""
    if not options.scan_text:
        return False
    if not sliced:
        return True
    markers = [
        statement
        for statement in ctx.module.body
        if isinstance(statement, cst.SimpleStatementLine)
        and statement.trailing_whitespace.comment is not None
        and statement.trailing_whitespace.comment.value.startswith(_MARKER_COMMENT)
    ]
    inside = {id(node) for marker in markers for node in walk(marker)}
    for held in dataclasses.fields(ctx.edits):
        if held.name == "names":  # the names inserted code writes: no edit
            continue
        value = getattr(ctx.edits, held.name)
        if not isinstance(value, (dict, set, frozenset)):
            return False  # an edit of a kind not known here: made, to be sure
        if any(id(node) in inside for node in value):
            return False
    return True


_MARKER_COMMENT = "# hapimigrate-slice:"


def _class_reads(
    text: str, sites: Sequence[Site]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """For each class with a rewritten site: the attributes its code reads
    through ``self``/``cls`` (what a subclass could change)."""
    classes = sorted(
        {
            s.enclosing.split(".")[0]
            for s in sites
            if s.status == Status.REWRITE and s.enclosing  # a method's, a class body's
        }
    )
    found = []
    for name in classes:
        body = re.search(
            rf"^class\s+{re.escape(name)}\b.*?(?=^\S|\Z)", text, re.M | re.S
        )
        if body is not None:
            found.append(
                (name, tuple(sorted(set(values.SELF_ATTRIBUTE.findall(body.group(0))))))
            )
    return tuple(found)


def _merged(sites: list[Site]) -> tuple[Site, ...]:
    """One site per place and kind: two fixers (this module's and the
    carriers step) may both leave the same node for a person, each with its
    reason; the site says both."""
    found: dict[tuple, Site] = {}
    for site in sites:
        place = (site.line, site.column, site.kind)
        first = found.get(place)
        if first is None:
            found[place] = site
        elif (
            first.status == site.status == Status.MANUAL
            and site.reason not in first.reason
        ):
            found[place] = dataclasses.replace(
                first, reason=f"{first.reason}; also: {site.reason}"
            )
        elif first.status != site.status:
            found[place] = first if first.status == Status.MANUAL else site
    return tuple(found.values())
