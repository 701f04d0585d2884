"""URL templates whose key field their senders fill, across modules (issue #12):

    # constants.py
    OWNER_URL = BASE + "/owners/v2/owners/%s?hapikey=%s"
    # hub.py
    client.get(OWNER_URL % (owner_id, HUBSPOT_KEY))

The defining module cannot see the key; each reader cannot see the template.
The defining module exports the template as a carrier
(:func:`hapimigrate.fixers.across_modules.exported`, ``placeholders``) with its
literal text and the ``%`` fields the key fills (:func:`whole_template`;
``.format`` ones: :mod:`hapimigrate.fixers.filled_templates`); each
reader checks its use (:func:`filled`): the template ``%``-formatted right
where it is read, by a tuple literal (or a mapping for named fields) whose
value at the key's field is one configured key. Then the reader drops that
value and sends the token, and the template loses ``?hapikey=%s``; a carrier
changes only when every use of it does (:mod:`hapimigrate.carriers`).
Anything else is a manual site in the reader, saying why: never a read of
the template passed over in silence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import libcst as cst

from hapimigrate.analysis import origins, querystring, values
from hapimigrate.analysis.querystring import Cut, Piece
from hapimigrate.fixers import filled_templates
from hapimigrate.model import Carrier
from hapimigrate.python.context import ModuleContext


def whole_template(ctx: ModuleContext, pieces: Sequence[Piece], cut: Cut) -> str:
    """The template's literal text, when its ``%`` fields are all known: every
    piece built at run time (``BASE``) renders without fields of its own, and
    the key's fields are ``%`` ones ("" otherwise: its readers stay manual)."""
    if cut.brace_fields and cut.percent_fields:
        return ""
    if not cut.percent_fields and not filled_templates.is_brace_template(
        "".join(p.text or "" for p in pieces)
    ):
        return ""  # .format fields (filled_templates), and no % field at all
    for piece in pieces:
        if piece.text is not None:
            continue
        node = piece.node.node
        text = values.url_template(ctx, node)
        if "{" in text or "}" in text:  # config.BASE of another module, known
            text = values.imported_literal(ctx, node) or text
        if "{" in text or "}" in text or "%" in text:
            return ""
    return "".join(p.text or "" for p in pieces)


@dataclass(frozen=True)
class Edit:
    """Dropping the key's ``%`` arguments: the whole ``%`` (``% ()`` when
    ``%%`` escapes need it), or some elements of its tuple or mapping."""

    op: cst.BinaryOperation
    values: tuple[cst.BaseExpression, ...]  # what goes: the key, in all likelihood
    drop: frozenset[int] = frozenset()  # elements of op.right
    everything: bool = False
    escaped: bool = False

    def record(self, ctx: ModuleContext, note_keys: bool = True) -> None:
        if self.everything:
            ctx.edits.percent_emptied[self.op] = self.escaped
        else:
            ctx.edits.drop_elements[self.op.right].update(self.drop)
        if note_keys:  # not a caller's key, which the header sends
            ctx.key_names.extend(v for v in self.values if isinstance(v, cst.Name))


def _edit(
    op: cst.BinaryOperation, key_fields: Sequence[int | str], template: str
) -> Edit | None:
    """What drops the arguments of ``op`` that fill ``key_fields`` (None: they
    do not match the template)."""
    right = op.right
    escaped = querystring.has_escapes(template)
    positions = {f for f in key_fields if isinstance(f, int)}
    names = {f for f in key_fields if isinstance(f, str)}
    fields = querystring.percent_fields(template)
    if any("*" in template[f.start : f.end] for f in fields):
        return None  # %*d takes its width from an argument too
    if any(sum(f.ref == n for f in fields) > 1 for n in names):
        return None  # the key's name fills another field too
    if isinstance(right, cst.Dict):
        if not all(isinstance(e, cst.DictElement) for e in right.elements):
            return None  # {**extra, ...}
        drop = {
            i
            for i, e in enumerate(right.elements)
            if isinstance(e, cst.DictElement)
            and isinstance(e.key, cst.SimpleString)
            and e.key.evaluated_value in names
        }
        if positions or len(drop) != len(names):
            return None
        fed = tuple(right.elements[i].value for i in sorted(drop))
        return Edit(op, fed, frozenset(drop))
    if names:
        return None
    if isinstance(right, cst.Tuple):
        elements = right.elements
        if any(p >= len(elements) for p in positions):
            return None
        fed = tuple(elements[p].value for p in sorted(positions))
        if len(positions) == len(elements):
            return Edit(op, fed, everything=True, escaped=escaped)
        return Edit(op, fed, frozenset(positions))
    if positions == {0}:
        return Edit(op, (right,), everything=True, escaped=escaped)
    return None


@dataclass(frozen=True)
class Filled:
    """One reader's use of a template carrier: why it cannot change (None: it
    can), the edit dropping the key's value, and that value."""

    problem: str | None
    edit: Edit | filled_templates.FormatDrop | None = None
    key: cst.BaseExpression | None = None
    # where the key comes from: the configured key, or the reader's parameter
    origin: origins.Origin = origins.Origin(origins.CONFIG)


def filled(
    ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode, origin: bool = True
) -> Filled:
    """How ``node`` (a read of ``carrier``, or a call of the function
    returning it) fills the template's key field; ``origin``: whether the
    value filled in must be one the reader may send as the token (False: only
    which value fills the key field, :func:`fills_key`)."""
    name = f"{carrier.name} of {carrier.module}.py"
    if not carrier.template or not carrier.key_fields:
        return Filled(
            f"{name} is a template whose key field is filled here: change both "
            "by hand (its fields cannot all be told apart)"
        )
    if filled_templates.is_brace_template(carrier.template):
        brace = filled_templates.brace_fill(ctx, carrier, node)
        if brace.problem is not None or brace.key is None:
            return Filled(brace.problem)
        return _keyed(ctx, name, brace.key, brace.drop, origin)
    op = ctx.parent(node)
    if not (
        isinstance(op, cst.BinaryOperation)
        and isinstance(op.operator, cst.Modulo)
        and op.left is node
    ):
        return Filled(
            f"{name} is a template whose key field is filled later, not with % "
            "right here: change both by hand"
        )
    fields = querystring.percent_fields(carrier.template)
    positional = [f for f in fields if isinstance(f.ref, int)]
    right = op.right
    if positional and len(positional) != len(fields):
        return Filled(f"{name} mixes positional and named % fields")
    if positional and not (
        isinstance(right, cst.Tuple)
        and len(right.elements) == len(positional)
        and not any(isinstance(e, cst.StarredElement) for e in right.elements)
    ):
        if not (len(positional) == 1 and _single(right)):
            return Filled(
                f"the % arguments of {name} are not a tuple of its "
                f"{len(positional)} fields written here: the key's cannot be "
                "told apart"
            )
    if not positional and not isinstance(right, cst.Dict):
        return Filled(f"the % arguments of {name} are not a mapping written here")
    edit = _edit(op, carrier.key_fields, carrier.template)
    if edit is None:
        return Filled(f"the % arguments of {name} do not match its template")
    given = list(edit.values)
    if len(given) != 1:
        return Filled(f"{name} is given no single value for its key field here")
    return _keyed(ctx, name, given[0], edit, origin)


def _keyed(
    ctx: ModuleContext,
    name: str,
    key: cst.BaseExpression,
    edit: Edit | filled_templates.FormatDrop | None,
    checked: bool = True,
) -> Filled:
    """The fill of ``key`` into the template ``name``: the configured key, or
    a parameter of the reading function (sent as the caller's token); any
    other value leaves both manual (``checked`` False: not asked)."""
    if not checked:
        return Filled(None, edit, key)
    origin = origins.key_origin(ctx, key)
    if not filled_templates.sendable(origin):
        what = origin.parameter or ctx.code(key)
        return Filled(
            f"the key filled into {name} here ({ctx.code(key)}) is not one "
            f"configured key ({origin.kind}: {what}): change both by hand",
            edit,
            key,
        )
    return Filled(None, edit, key, origin)


def _single(value: cst.BaseExpression) -> bool:
    """A value that is not a tuple (``URL % KEY``): a name or attribute read,
    not a tuple, a mapping or a call that may return one."""
    return isinstance(value, (cst.Name, cst.Attribute, cst.Subscript))


def fills_key(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` is the value a reader fills into the key's field of
    another module's template carrier (``TEMPLATE.format(**{"hs_key":
    hs_key})``, ``TEMPLATE % (vid, key)``): a read of a caller's parameter
    that sends it as the key (:func:`hapimigrate.fixers.attach.other_reads`)."""
    read = _template_read(ctx, node)
    if read is None:
        return False
    name = read.attr.value if isinstance(read, cst.Attribute) else read.value
    for carrier in ctx.carriers:
        if carrier.name != name or not carrier.template or not carrier.key_fields:
            continue
        if not values.imported_here(ctx, read):
            return False
        fill = filled(ctx, carrier, read, origin=False)
        return fill.problem is None and fill.key is node
    return False


def _template_read(
    ctx: ModuleContext, node: cst.CSTNode
) -> cst.Name | cst.Attribute | None:
    """The template read that ``node`` may fill: ``T`` of ``T.format(node)``,
    ``T.format(k=node)``, ``T.format(**{"k": node})``, ``T % node``, ``T %
    (a, node)``, ``T % {"k": node}``."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.DictElement) and parent.value is node:
        mapping = ctx.parent(parent)
        outer = ctx.parent(mapping) if mapping is not None else None
        if isinstance(outer, cst.Arg) and outer.star == "**":
            parent = outer
        else:
            node, parent = mapping, outer
    elif isinstance(parent, cst.Element) and parent.value is node:
        node = ctx.parent(parent)
        parent = ctx.parent(node) if node is not None else None
    if isinstance(parent, cst.Arg):
        call = ctx.parent(parent)
        func = call.func if isinstance(call, cst.Call) else None
        if isinstance(func, cst.Attribute) and func.attr.value == "format":
            read = func.value
            return read if isinstance(read, (cst.Name, cst.Attribute)) else None
        return None
    if (
        isinstance(parent, cst.BinaryOperation)
        and isinstance(parent.operator, cst.Modulo)
        and parent.right is node
        and isinstance(parent.left, (cst.Name, cst.Attribute))
    ):
        return parent.left
    return None
