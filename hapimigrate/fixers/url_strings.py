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

import re

import libcst as cst

from hapimigrate import inference, querystring, static
from hapimigrate.context import ModuleContext
from hapimigrate.edits import plus_operands
from hapimigrate.fixers import common
from hapimigrate.flow import Flow, FlowError
from hapimigrate.model import Kind, Status
from hapimigrate.querystring import Cut, Piece, Unsafe


def fix(ctx: ModuleContext) -> None:
    roots: dict[int, cst.BaseExpression] = {}
    for node in ctx.index.key_strings:
        root = _root(ctx, node)
        if not _is_docstring(ctx, root):
            roots.setdefault(id(root), root)
    for root in roots.values():
        _fix_url(ctx, root)


def _root(ctx: ModuleContext, node: cst.CSTNode) -> cst.BaseExpression:
    """The whole string expression a literal belongs to."""
    if isinstance(node, cst.FormattedStringText):
        node = ctx.parent(node)
    while True:
        parent = ctx.parent(node)
        if isinstance(parent, cst.ConcatenatedString) or (
            isinstance(parent, cst.BinaryOperation)
            and isinstance(parent.operator, cst.Add)
        ):
            node = parent
        else:
            return node  # type: ignore[return-value]


def _is_docstring(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    return isinstance(ctx.parent(node), cst.Expr)


# -- pieces -------------------------------------------------------------------
# A piece's node is a handle saying how to edit it:
#   ("text", node, offset, operand)  literal text at `offset` in node.value
#   ("operand", chain, index)        an operand of a `+` chain
#   ("part", fstring, index)         a replacement field of an f-string


def pieces_of(root: cst.BaseExpression) -> list[Piece]:
    operands = plus_operands(root)
    if len(operands) == 1:
        return _string_pieces(root, None)
    pieces: list[Piece] = []
    for index, operand in enumerate(operands):
        if isinstance(
            operand, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)
        ):
            pieces += _string_pieces(operand, ("operand", root, index))
        else:
            pieces.append(Piece(None, ("operand", root, index)))
    return pieces


def _string_pieces(node: cst.BaseExpression, operand) -> list[Piece]:
    if isinstance(node, cst.SimpleString):
        start = len(node.prefix) + len(node.quote)
        body = node.value[start : len(node.value) - len(node.quote)]
        return [Piece(body, ("text", node, start, operand))]
    if isinstance(node, cst.FormattedString):
        return [
            (
                Piece(part.value, ("text", part, 0, None))
                if isinstance(part, cst.FormattedStringText)
                else Piece(None, ("part", node, index))
            )
            for index, part in enumerate(node.parts)
        ]
    if isinstance(node, cst.ConcatenatedString):
        return _string_pieces(node.left, None) + _string_pieces(node.right, None)
    return [Piece(None, operand)] if operand else []


# -- one URL ------------------------------------------------------------------


def _fix_url(ctx: ModuleContext, root: cst.BaseExpression) -> None:
    pieces = pieces_of(root)
    try:
        cut = querystring.find_key(pieces)
    except Unsafe as problem:
        ctx.site(root, Kind.URL, Status.MANUAL, str(problem))
        return
    if cut is None:
        return
    url = static.url_template(ctx, root)
    key_nodes = [_handle_node(h) for h in cut.value_nodes]
    key_source = " ".join([cut.value_text, *(ctx.code(n) for n in key_nodes)])
    hardcoded = _literal_value(cut) or any(
        static.is_literal_key(ctx, n) for n in key_nodes
    )
    route, problem = None, ""
    try:
        route = Flow(ctx, needs_format=cut.has_placeholders).follow(root)
    except FlowError as error:
        problem = str(error)
    if route is not None and route.appended:
        cut = querystring.find_key(pieces, keep_question=True) or cut
    calls = inference.site_endpoints(ctx, route, root)
    found = dict(calls=calls, hardcoded_key=hardcoded)
    if common.developer_key(calls, key_source):
        ctx.site(root, Kind.URL, Status.KEPT, common.DEVELOPER_REASON, **found)
        return
    try:
        if route is None:
            raise FlowError(problem)
        problem = common.sink_problem(route)
        if problem:
            raise FlowError(problem)
        format_edits = [_format_edit(ctx, op, cut, pieces) for op in route.formats]
    except FlowError as error:
        ctx.site(root, Kind.URL, Status.MANUAL, str(error), **found)
        return
    statement = ctx.parent(root)
    if isinstance(statement, cst.AugAssign) and cut.takes_all(pieces):
        ctx.edits.statements[statement] = []  # `url += "&hapikey=" + KEY` goes whole
    else:
        _cut_pieces(ctx, pieces, cut)
    if cut.has_placeholders:
        for record in format_edits:
            record()
    urls = [url, *common.route_urls(ctx, route)]
    no_auth = any(common.endpoints.needs_no_auth(u) for u in urls)
    if not no_auth:
        common.send_token(ctx, route)
    reason = common.NO_AUTH_REASON if no_auth else ""
    for node in key_nodes:
        ctx.note_key(node)
    ctx.site(root, Kind.URL, Status.REWRITE, reason, **found)


def _handle_node(handle) -> cst.CSTNode:
    kind = handle[0]
    if kind == "operand":
        return plus_operands(handle[1])[handle[2]]
    if kind == "part":
        return handle[1].parts[handle[2]].expression
    return handle[1]


def _literal_value(cut: Cut) -> bool:
    text = cut.value_text
    return bool(text) and not cut.has_placeholders


def _cut_pieces(ctx: ModuleContext, pieces: list[Piece], cut: Cut) -> None:
    edits = ctx.edits
    for index, piece in enumerate(pieces):
        handle = piece.node
        if index in cut.removed:
            if handle[0] == "operand":
                edits.drop_operands[handle[1]].add(handle[2])
            else:
                edits.drop_parts[handle[1]].add(handle[2])
        elif index in cut.text_cuts:
            _, node, offset, operand = handle
            a, b = cut.text_cuts[index]
            if operand is not None and a == 0 and b == len(piece.text or ""):
                edits.drop_operands[operand[1]].add(operand[2])  # nothing left of it
            else:
                edits.text_cuts[node].append((offset + a, offset + b, ""))


# -- % and .format --------------------------------------------------------------


def _format_edit(ctx: ModuleContext, op: cst.CSTNode, cut: Cut, pieces: list[Piece]):
    """Check that the arguments feeding the cut placeholders can go, and return
    the function that records their removal."""
    template = "".join(p.text or "" for p in pieces)
    edits = ctx.edits
    if not cut.has_placeholders:
        return lambda: None
    if isinstance(op, cst.BinaryOperation):
        refs = cut.percent_fields
        right = op.right
        positions = [r for r in refs if isinstance(r, int)]
        keys = {r for r in refs if isinstance(r, str)}
        # with no argument left, `%` goes, unless `%%` escapes need it: `% ()`
        escaped = querystring.has_escapes(template)
        ctx.key_names.extend(_names_at(right, positions))
        if isinstance(right, cst.Tuple):
            if any(p >= len(right.elements) for p in positions):
                raise FlowError("the % arguments do not match the template")
            if any(isinstance(e, cst.StarredElement) for e in right.elements):
                raise FlowError("the % arguments are unpacked with *")
            if len(positions) == len(right.elements):
                return lambda: edits.percent_emptied.__setitem__(op, escaped)
            return lambda: edits.drop_elements[right].update(positions)
        if isinstance(right, cst.Dict) and keys:
            drop = {
                i
                for i, e in enumerate(right.elements)
                if isinstance(e, cst.DictElement)
                and isinstance(e.key, cst.SimpleString)
                and e.key.evaluated_value in keys
            }
            return lambda: edits.drop_elements[right].update(drop)
        if positions == [0] and not isinstance(right, cst.Dict):
            return lambda: edits.percent_emptied.__setitem__(op, escaped)
        if keys:
            return lambda: None  # an extra mapping key is harmless
        raise FlowError("the % arguments do not match the template")
    assert isinstance(op, cst.Call)
    refs = cut.brace_fields
    if any(a.star for a in op.args):
        raise FlowError("the .format arguments are unpacked with * or **")
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
    renumber = _renumbering(pieces, cut, removed) if _numbers_fields(template) else []
    everything = len(drop) == len(op.args)
    if everything and querystring.has_escapes(template):
        everything = False  # keep .format() so the escaped braces still resolve

    def record() -> None:
        edit = edits.calls[op]
        edit.drop_args.update(drop)
        ctx.key_names.extend(
            op.args[i].value for i in drop if isinstance(op.args[i].value, cst.Name)
        )
        edit.unwrap_format = everything
        for node, span in renumber:
            edits.text_cuts[node].append(span)

    return record


def _names_at(right: cst.BaseExpression, positions: list[int]) -> list[cst.Name]:
    """The names passed for the cut ``%`` fields: the key, in all likelihood."""
    values = (
        [e.value for e in right.elements] if isinstance(right, cst.Tuple) else [right]
    )
    return [
        values[p]
        for p in positions
        if p < len(values) and isinstance(values[p], cst.Name)
    ]


def _numbers_fields(template: str) -> bool:
    return re.search(r"(?<!\{)\{\d", template) is not None


def _renumbering(pieces: list[Piece], cut: Cut, removed: list[int]):
    """Text edits that renumber ``{2}`` to ``{1}`` when argument 0 goes."""
    edits = []
    for index, piece in enumerate(pieces):
        if piece.text is None or piece.node[0] != "text":
            continue
        _, node, offset, _ = piece.node
        skip = cut.text_cuts.get(index, (0, 0))
        for start, end, ref in querystring.brace_fields(piece.text):
            if not isinstance(ref, int) or skip[0] <= start < skip[1]:
                continue
            shift = sum(1 for r in removed if r < ref)
            if shift:
                digits = start + 1, start + 1 + len(str(ref))
                edits.append(
                    (node, (offset + digits[0], offset + digits[1], str(ref - shift)))
                )
    return edits
