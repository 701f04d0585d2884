"""URL strings that carry ``hapikey=``.

    requests.get(BASE + "/contacts/v1/lists?hapikey=" + API_KEY + "&count=10")
    requests.get(f"{BASE}/deals/v1/deal/{deal_id}?hapikey={API_KEY}")
    requests.get("%s/owners/v2/owners?hapikey=%s" % (BASE, API_KEY))
    requests.get(URL_TEMPLATE.format(vid=vid, key=API_KEY))

become

    requests.get(BASE + "/contacts/v1/lists?count=10", headers={"Authorization": "Bearer " + TOKEN})
    requests.get(f"{BASE}/deals/v1/deal/{deal_id}", headers={"Authorization": "Bearer " + TOKEN})
    requests.get("%s/owners/v2/owners" % (BASE,), headers={"Authorization": "Bearer " + TOKEN})
    requests.get(URL_TEMPLATE.format(vid=vid), headers={"Authorization": "Bearer " + TOKEN})

The parameter is cut out of the literal text (the query left well formed), the key
operand or replacement field goes with it, a ``%`` or ``.format`` argument that fed
it is dropped, and every request the URL reaches gets the header.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import libcst as cst

from hapimigrate.analysis import already_bearer, call_endpoints, format_positions
from hapimigrate.analysis import origins
from hapimigrate.analysis import percent_tuples, query_tails, querystring
from hapimigrate.analysis import url_builders, values
from hapimigrate import keys
from hapimigrate.python.context import ModuleContext
from hapimigrate.decide import Decision, KeyUse, decide
from hapimigrate.fixers import attach
from hapimigrate.fixers.registry import register
from hapimigrate.analysis.flow import Flow, FlowError, NoUse, Route, Unused
from hapimigrate.fixers import across_modules, prefix_names, template_carriers
from hapimigrate.model import Kind, Status
from hapimigrate.analysis.querystring import Cut, Piece, Unsafe
from hapimigrate.analysis.url_pieces import OperandAt, TextAt, pieces_of


@register(
    "url-strings",
    (cst.SimpleString, cst.FormattedStringText),
    lambda node: "hapikey=" in node.value,  # type: ignore[attr-defined]
)
def fix(ctx: ModuleContext, strings: Sequence[cst.CSTNode]) -> None:
    roots: dict[int, cst.BaseExpression] = {}
    for node in strings:
        root = values.string_root(ctx, node)
        if not _is_docstring(ctx, root):
            roots.setdefault(id(root), root)
    for root in roots.values():
        _fix_url(ctx, root)


def _is_docstring(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    return isinstance(ctx.parent(node), cst.Expr)


# -- one URL ------------------------------------------------------------------


_SEPARATORS = {"?", "&"}


def _separator(ctx: ModuleContext):
    """Whether an opaque piece is only a query separator: ``"&" if "?" in path
    else "?"``, in place or as ``sep`` assigned it (and nothing else) in its
    function."""

    def literal(node: cst.BaseExpression | None) -> bool:
        return (
            isinstance(node, cst.SimpleString) and node.evaluated_value in _SEPARATORS
        )

    def separator(node: cst.BaseExpression | None) -> bool:
        return literal(node) or (  # ("&" if "?" in path else "?"), in place
            isinstance(node, cst.IfExp) and literal(node.body) and literal(node.orelse)
        )

    def test(at) -> bool:
        return separator(at.node) or values.always_assigned(ctx, at.node, separator)

    return test


def _fix_url(
    ctx: ModuleContext, root: cst.BaseExpression, pieces: list[Piece] | None = None
) -> None:
    """``pieces``: the URL's, where a name stands for its text (prefix_names)."""
    pieces = pieces_of(root) if pieces is None else pieces
    try:
        cut = querystring.find_key(
            pieces, is_separator=_separator(ctx), is_tail=query_tails.tail_test(ctx)
        )
    except Unsafe as problem:
        if str(problem) == querystring.VALUE_ELSEWHERE and prefix_names.fix(
            ctx, root, _fix_url
        ):
            return  # "...?hapikey=" in a name: its uses are the URLs
        decision = decide(KeyUse(ctx.code(root), problem=str(problem)))
        ctx.site(root, Kind.URL, decision.status, decision.reason)
        return
    if cut is None:
        return
    url = values.url_template(ctx, root)
    key_nodes = [handle.node for handle in cut.value_nodes]
    key_source = " ".join([cut.value_text, *(ctx.code(n) for n in key_nodes)])
    hardcoded = _literal_value(cut) or any(
        values.is_literal_key(ctx, n) for n in key_nodes
    )
    route, problem = None, None
    flow = Flow(ctx, needs_format=cut.has_placeholders)
    try:
        route = flow.follow(root)
    except FlowError as error:
        problem = str(error)
        if isinstance(error, (Unused, NoUse)) and _export(
            ctx, error, flow.route, pieces, cut, key_nodes, root, url, hardcoded
        ):
            return
    if route is not None and route.appended:
        # text is added after the URL at run time: the "?" (or a separator
        # chosen at run time) must stay for it
        try:
            cut = (
                querystring.find_key(
                    pieces, keep_question=True, is_tail=query_tails.tail_test(ctx)
                )
                or cut
            )
        except Unsafe as error:
            problem = problem or f"text is added after the key at run time, and {error}"
    calls = call_endpoints.site_endpoints(ctx, route, root)
    format_edits: list[FormatEdit] = []
    # the requests already send this very variable as Bearer: hapikey only goes
    bearer = (
        already_bearer.bearer_variable(ctx, route, key_nodes)
        if not cut.has_placeholders
        else None
    )
    if route is not None:
        problem = problem or (None if bearer else attach.sink_problem(ctx, route, root))
        try:
            if cut.has_placeholders:
                _check_positions(ctx, pieces, cut)
                format_edits = [
                    _format_edit(
                        ctx, op, format_positions.placed_cut(ctx, op, root, cut), pieces
                    )
                    for op in route.formats
                ]
        except FlowError as error:
            problem = problem or str(error)
    if route is not None and route.formats:
        problem = problem or _template_set_elsewhere(ctx, root)
    urls = (url, *attach.route_urls(ctx, route)) if route is not None else (url,)
    values_fed = [*key_nodes, *(v for edit in format_edits for v in edit.key_values)]
    # what feeds a "%s"/"{}" field counts too: "...&hapikey=%s" % (APP_ID, DEV_KEY)
    key_source = " ".join(
        [cut.value_text, *(origins.described(ctx, n) for n in values_fed)]
    )
    origin, in_reach = origins.Origin(origins.CONFIG), True  # a literal key
    if values_fed:
        origin = origins.combine([origins.key_origin(ctx, v) for v in values_fed])
        in_reach = (
            route is not None
            # one expression to send as the caller's token (self.key, read in
            # each of its class's methods formatting the URL, is one)
            and format_positions.one_key(ctx, values_fed)
            and all(attach.key_in_reach(ctx, v, route) for v in values_fed)
        )
    elif cut.has_placeholders:  # fed by an argument of a formatting not seen
        origin = origins.Origin(origins.UNKNOWN)
    passed, callers_problem = attach.callers_keys(ctx, origin)
    problem = problem or callers_problem or attach.guarded_elsewhere(ctx, values_fed)
    literal = None if values_fed else cut.value_text
    # a builder's key parameter is a field its callers fill, whatever the
    # URL's syntax ("?hapikey=" + api_key as "?hapikey=%s" % api_key): other
    # modules' calls of it cannot simply gain the header
    fields = cut.has_placeholders or url_builders.fills_parameter(ctx, origin, route)
    problem = problem or across_modules.route_problem(
        ctx,
        route,
        Kind.URL,
        values_fed,
        url=url,
        literal=literal,
        placeholders=fields,
    )
    use = KeyUse(
        key_source,
        calls,
        urls,
        problem,
        origin,
        in_reach,
        ctx.several_keys,
        bool(passed),
    )
    decision = decide(use)
    builder = url_builders.configured_builder(
        ctx, decision, origin, route, passed, attach.passing_owners(ctx, origin)
    )
    if builder is not None:  # a helper's parameter, always the configured key
        decision = builder.decision
    if decision.rewrites and bearer is not None:
        _cut_pieces(ctx, pieces, cut)  # no header: the request sends it already
        decision = Decision(Status.REWRITE, already_bearer.REASON.format(bearer))
    elif decision.rewrites:
        assert route is not None
        statement = ctx.parent(root)
        if isinstance(statement, cst.AugAssign) and cut.takes_all(pieces):
            ctx.edits.statements[statement] = []  # `url += "&hapikey=" + K` goes
        else:
            _cut_pieces(ctx, pieces, cut)
        for edit in format_edits:  # a caller's key sent as the token stays read
            edit.record(ctx, note_keys=decision.key_may_go)
        across_modules.export_route(
            ctx,
            route,
            Kind.URL,
            values_fed,
            url=url,
            literal=literal,
            placeholders=fields,
        )
        key = values_fed[0] if values_fed else root
        if builder is not None:  # its callers pass the token, its requests send it
            attach.replace_configured(ctx, builder.passed)
            attach.send_token(ctx, route, at=key)
        else:
            attach.give_token(
                ctx,
                decision,
                origin,
                route,
                key,
                literal=literal,
                passed=passed,
                also_keys=tuple(values_fed[1:]),
            )
        if decision.key_may_go:
            for node in key_nodes:
                ctx.note_key(node)
    attach.note_requests(ctx, route, decision.status)
    ctx.site(
        root,
        Kind.URL,
        decision.status,
        decision.reason,
        calls=calls,
        hardcoded_key=hardcoded,
    )


def _template_set_elsewhere(ctx: ModuleContext, root: cst.CSTNode) -> str | None:
    """A template filled where it is used (``self.url.format(key=...)``) whose
    attribute another class of the module sets too (a subclass's own
    ``self.url`` with ``{key}``): dropping the key's argument would leave that
    template's field unfilled (``KeyError``)."""
    holder = ctx.parent(root)
    if isinstance(holder, cst.AssignTarget) or not isinstance(
        holder, (cst.Assign, cst.AnnAssign)
    ):
        return None
    target = (
        holder.targets[0].target if isinstance(holder, cst.Assign) else holder.target
    )
    owner = ctx.ancestor(root, cst.ClassDef)
    if owner is None:
        return None
    if isinstance(target, cst.Attribute) and ctx.code(target.value) in ("self", "cls"):
        name = target.attr.value
        others = [
            a
            for a in ctx.index.attributes.get(name, ())
            if ctx.code(a.value) in ("self", "cls")
            and isinstance(ctx.parent(a), cst.AssignTarget)
            and ctx.ancestor(a, cst.ClassDef) is not owner
        ]
    elif isinstance(target, cst.Name):
        name = target.value
        others = [
            t.target
            for cls in ctx.index.classes
            if cls is not owner
            for line in cls.body.body
            if isinstance(line, cst.SimpleStatementLine)
            for small in line.body
            if isinstance(small, cst.Assign)
            for t in small.targets
            if isinstance(t.target, cst.Name) and t.target.value == name
        ]
    else:
        return None
    if not others:
        return None
    other = others[0]
    cls = ctx.ancestor(other, cst.ClassDef)
    return (
        f"{name} is also set by {cls.name.value if cls else 'another class'} "
        f"(line {ctx.start(other)[0]}), whose template the same formatting fills: "
        "migrate them together, by hand"
    )


def _export(
    ctx: ModuleContext,
    unused: Unused | NoUse,
    partial: Route,
    pieces: list[Piece],
    cut: Cut,
    key_nodes: list[cst.BaseExpression],
    root: cst.BaseExpression,
    url: str,
    hardcoded: bool,
) -> bool:
    """A URL bound to a module-level name, or returned by a module-level
    function, that no code here sends: a carrier for other modules (see
    :mod:`hapimigrate.fixers.across_modules`). Its key must be filled here, by
    the formatting met on the way (``"%s?hapikey=%s" % (url, KEY)`` in a helper)."""
    if partial.appended:
        try:
            cut = (
                querystring.find_key(
                    pieces, keep_question=True, is_tail=query_tails.tail_test(ctx)
                )
                or cut
            )
        except Unsafe:
            return False
    edits: list[FormatEdit] = []
    told = True  # the key's fields are told apart from the others
    if cut.has_placeholders:
        try:
            _check_positions(ctx, pieces, cut)
            edits = [
                _format_edit(
                    ctx, op, format_positions.placed_cut(ctx, op, root, cut), pieces
                )
                for op in partial.formats
            ]
        except FlowError:
            if partial.formats:
                return False
            told = False
    # its key field filled by whoever sends it: a template carrier (its
    # readers drop their argument for it, or say why they cannot)
    filled_elsewhere = cut.has_placeholders and not edits
    fed = [*key_nodes, *(v for edit in edits for v in edit.key_values)]
    leaving = partial.returned or partial.carrier
    if leaving is not None:  # the URL as it leaves: formatted, completed
        url = values.url_template(ctx, leaving)

    def record(_: Route) -> None:
        _cut_pieces(ctx, pieces, cut)
        for edit in edits:
            edit.record(ctx)

    if filled_elsewhere:
        return across_modules.exported(
            ctx,
            unused,
            Kind.URL,
            fed,
            root,
            record,
            url=url,
            hardcoded=hardcoded,
            template=(
                template_carriers.whole_template(ctx, pieces, cut) if told else ""
            ),
            key_fields=cut.percent_fields or cut.brace_fields,
        )
    return across_modules.exported(
        ctx,
        unused,
        Kind.URL,
        fed,
        root,
        record,
        url=url,
        literal=None if fed else cut.value_text,
        hardcoded=hardcoded,
    )


def _literal_value(cut: Cut) -> bool:
    """Whether the URL's text holds a key that could be real (``hapikey=<uuid>``),
    not a placeholder (``hapikey=test-key``, ``hapikey={key}``: nothing to revoke)."""
    text = cut.value_text
    return (
        not cut.has_placeholders
        and not keys.is_template_field(text)
        and keys.is_plausible_key(text)
    )


def _cut_pieces(ctx: ModuleContext, pieces: list[Piece], cut: Cut) -> None:
    edits = ctx.edits
    for index, piece in enumerate(pieces):
        handle = piece.node
        if prefix_names.is_handle(handle) and index in cut.text_cuts:
            handle.cut(ctx, *cut.text_cuts[index])  # a name standing for its text
            continue
        if index in cut.removed:
            if isinstance(handle, OperandAt):
                edits.drop_operands[handle.chain].add(handle.index)
            else:
                edits.drop_parts[handle.fstring].add(handle.index)
        elif index in cut.text_cuts:
            a, b = cut.text_cuts[index]
            operand = handle.operand
            if operand is not None and a == 0 and b == len(piece.text or ""):
                edits.drop_operands[operand.chain].add(operand.index)  # all of it
            else:
                edits.text_cuts[handle.node].append(
                    (handle.offset + a, handle.offset + b, "")
                )


# -- % and .format --------------------------------------------------------------


@dataclass(frozen=True)
class FormatEdit:
    """What dropping the key's ``%`` or ``.format`` arguments takes."""

    empty_percent: cst.BinaryOperation | None = None  # no % argument left
    keep_empty_tuple: bool = False  # ... but `%%` escapes need `% ()`
    drop_elements: tuple[cst.CSTNode, frozenset[int]] | None = None
    call: cst.Call | None = None  # .format(...) losing arguments
    drop_args: frozenset[int] = frozenset()
    unwrap_format: bool = False  # .format() with no argument left goes
    renumber: tuple[tuple[cst.CSTNode, tuple[int, int, str]], ...] = ()
    key_names: tuple[cst.Name, ...] = ()  # the names passed for the cut fields
    key_values: tuple[cst.BaseExpression, ...] = ()  # every value passed for them

    def record(self, ctx: ModuleContext, note_keys: bool = True) -> None:
        """Make the edits; ``note_keys``: the names passed for the cut fields
        may go once nothing reads them (not a caller's key the header sends)."""
        edits = ctx.edits
        if self.empty_percent is not None:
            edits.percent_emptied[self.empty_percent] = self.keep_empty_tuple
        if self.drop_elements is not None:
            node, indexes = self.drop_elements
            edits.drop_elements[node].update(indexes)
        if self.call is not None:
            edit = edits.calls[self.call]
            edit.drop_args.update(self.drop_args)
            edit.unwrap_format = self.unwrap_format
        for node, span in self.renumber:
            edits.text_cuts[node].append(span)
        if note_keys:
            ctx.key_names.extend(self.key_names)


def _check_positions(ctx: ModuleContext, pieces: list[Piece], cut: Cut) -> None:
    """A positional field (``%s``, ``{}``) is matched to its argument by counting
    the fields before it, so every piece before the key's must be known text
    without fields of its own (``TEMPLATE + "?hapikey=%s"``, where TEMPLATE holds
    ``%s``, would drop the wrong argument)."""
    positional = any(
        isinstance(r, int) for r in (*cut.percent_fields, *cut.brace_fields)
    )
    if not positional:
        return
    first = min([*cut.text_cuts, *cut.removed])
    for piece in pieces[:first]:
        if piece.text is not None:
            continue
        # unknown parts render as {name}: a brace means unknown, or a field
        text = values.url_template(ctx, piece.node.node)
        if "{" in text or "}" in text:  # config.BASE of another module, known
            text = values.imported_literal(ctx, piece.node.node) or text
        if "{" in text or "}" in text or querystring.percent_fields(text):
            raise FlowError(
                f"{ctx.code(piece.node.node)} is part of the template and may hold "
                "fields of its own: the key's argument cannot be told apart"
            )


def _format_edit(
    ctx: ModuleContext, op: cst.CSTNode, cut: Cut, pieces: list[Piece]
) -> FormatEdit:
    """The edit that drops the arguments feeding the cut placeholders; raises
    FlowError where they cannot be told apart safely."""
    template = "".join(p.text or "" for p in pieces)
    if isinstance(op, cst.BinaryOperation):
        return _percent_edit(ctx, op, cut, template)
    assert isinstance(op, cst.Call)
    return _brace_edit(op, cut, pieces, template)


def _percent_edit(
    ctx: ModuleContext,
    op: cst.BinaryOperation,
    cut: Cut,
    template: str,
    right: cst.BaseExpression | None = None,
) -> FormatEdit:
    """``right``: the arguments' tuple display, where ``op`` reads it through a
    local name (:mod:`percent_tuples`)."""
    refs = cut.percent_fields
    bound = right is not None
    right = op.right if right is None else right
    named = [
        f.ref for f in querystring.percent_fields(template) if isinstance(f.ref, str)
    ]
    if any(named.count(ref) > 1 for ref in set(refs) if isinstance(ref, str)):
        raise FlowError("the key's % argument fills another field of the template too")
    positions = [r for r in refs if isinstance(r, int)]
    keys = {r for r in refs if isinstance(r, str)}
    # with no argument left, `%` goes, unless `%%` escapes need it: `% ()`
    escaped = querystring.has_escapes(template)
    fed = _values_at(right, positions, keys)
    names = tuple(v for v in fed if isinstance(v, cst.Name))
    if isinstance(right, cst.Tuple):
        if any(p >= len(right.elements) for p in positions):
            raise FlowError("the % arguments do not match the template")
        if any(isinstance(e, cst.StarredElement) for e in right.elements):
            raise FlowError("the % arguments are unpacked with *")
        if len(positions) == len(right.elements):
            if bound:
                assert isinstance(op.right, cst.Name)
                raise FlowError(percent_tuples.only_key_reason(ctx, op.right, right))
            return FormatEdit(op, escaped, key_names=names, key_values=fed)
        return FormatEdit(
            drop_elements=(right, frozenset(positions)), key_names=names, key_values=fed
        )
    if isinstance(right, cst.Dict) and keys:
        drop = frozenset(
            i
            for i, e in enumerate(right.elements)
            if isinstance(e, cst.DictElement)
            and isinstance(e.key, cst.SimpleString)
            and e.key.evaluated_value in keys
        )
        return FormatEdit(drop_elements=(right, drop), key_names=names, key_values=fed)
    if positions == [0] and not isinstance(right, cst.Dict):
        return FormatEdit(op, escaped, key_names=names, key_values=fed)
    if keys:
        return FormatEdit()  # an extra mapping key is harmless
    if isinstance(right, cst.Name):  # TEMPLATE % args, args = (vid, KEY, mode)
        display = percent_tuples.bound_tuple(ctx, right)
        if display is not None:
            return _percent_edit(ctx, op, cut, template, display)
        raise FlowError(percent_tuples.unwritten_reason(ctx, right))
    raise FlowError("the % arguments do not match the template")


def _brace_edit(
    op: cst.Call, cut: Cut, pieces: list[Piece], template: str
) -> FormatEdit:
    refs = cut.brace_fields
    if any(a.star for a in op.args):
        raise FlowError("the .format arguments are unpacked with * or **")
    every = [f.ref for f in querystring.brace_fields(template)]
    if any(every.count(ref) > 1 for ref in set(refs)):
        raise FlowError(
            "the key's .format argument fills another field of the template too"
        )
    positional = [i for i, a in enumerate(op.args) if a.keyword is None]
    drop: set[int] = set()
    for ref in refs:
        if isinstance(ref, int):
            if ref >= len(positional):
                raise FlowError("the .format arguments do not match the template")
            drop.add(positional[ref])
        else:
            drop.update(
                i for i, a in enumerate(op.args) if a.keyword and a.keyword.value == ref
            )
    removed = [r for r in refs if isinstance(r, int)]
    numbered = any(f.numbered for f in querystring.brace_fields(template))
    renumber = _renumbering(pieces, cut, removed) if numbered else []
    everything = len(drop) == len(op.args)
    if everything and querystring.has_escapes(template):
        everything = False  # keep .format() so the escaped braces still resolve
    return FormatEdit(
        call=op,
        drop_args=frozenset(drop),
        unwrap_format=everything,
        renumber=tuple(renumber),
        key_names=tuple(
            op.args[i].value for i in drop if isinstance(op.args[i].value, cst.Name)
        ),
        key_values=tuple(op.args[i].value for i in sorted(drop)),
    )


def _values_at(
    right: cst.BaseExpression, positions: list[int], keys: set[str]
) -> tuple[cst.BaseExpression, ...]:
    """The values passed for the cut ``%`` fields: the key, in all likelihood."""
    if isinstance(right, cst.Dict):
        return tuple(
            e.value
            for e in right.elements
            if isinstance(e, cst.DictElement)
            and isinstance(e.key, cst.SimpleString)
            and e.key.evaluated_value in keys
        )
    values = (
        [e.value for e in right.elements] if isinstance(right, cst.Tuple) else [right]
    )
    return tuple(values[p] for p in positions if p < len(values))


def _renumbering(
    pieces: list[Piece], cut: Cut, removed: list[int]
) -> list[tuple[cst.CSTNode, tuple[int, int, str]]]:
    """Text edits that renumber ``{2}`` to ``{1}`` when argument 0 goes."""
    edits = []
    for index, piece in enumerate(pieces):
        handle = piece.node
        if piece.text is None or not isinstance(handle, TextAt):
            continue
        skip = cut.text_cuts.get(index, (0, 0))
        for field in querystring.brace_fields(piece.text):
            ref = field.ref
            if not isinstance(ref, int) or skip[0] <= field.start < skip[1]:
                continue
            shift = sum(1 for r in removed if r < ref)
            if shift:
                a, b = field.start + 1, field.start + 1 + len(str(ref))
                edits.append(
                    (
                        handle.node,
                        (handle.offset + a, handle.offset + b, str(ref - shift)),
                    )
                )
    return edits
