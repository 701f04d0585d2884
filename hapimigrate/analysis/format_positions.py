"""Where a keyed piece sits in the template a ``%`` or ``.format`` fills.

A URL piece that holds the key's positional field (``KEY_QS = "hapikey=%s"``)
may reach its formatting after other text that has fields of its own::

    CONTACT_API = "/contacts/v1/contact/vid/%s/profile?"
    requests.get((BASE + CONTACT_API + KEY_QS) % (contact_id, self.api_key))

The key's ``%s`` is the piece's first field but the template's second: the
argument that goes with the key is ``self.api_key``, not ``contact_id``.
:func:`fields_before` counts the positional fields the formatted template holds
before the piece, so that the right argument is dropped; it raises
:class:`FlowError` where the text before the piece is not known (a name whose
value hapimigrate cannot read may hold fields too).
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

import libcst as cst

from hapimigrate.analysis import querystring, values
from hapimigrate.analysis.flow import FlowError
from hapimigrate.analysis.querystring import Cut
from hapimigrate.python.context import ModuleContext

UNTOLD = (
    "{} is formatted after other text that may hold fields of its own: the "
    "key's argument cannot be told apart"
)


def template_of(op: cst.CSTNode) -> cst.BaseExpression | None:
    """The template a formatting fills: the left of ``%``, the string whose
    ``.format`` is called."""
    if isinstance(op, cst.BinaryOperation):
        return op.left
    if isinstance(op, cst.Call) and isinstance(op.func, cst.Attribute):
        return op.func.value
    return None


def fields_before(
    ctx: ModuleContext, op: cst.CSTNode, piece: cst.BaseExpression
) -> int:
    """How many positional fields of ``op``'s template come before ``piece``'s
    text (0 when the template starts with it, as in ``piece % args``)."""
    template = template_of(op)
    if template is None or _leads(template, piece):
        return 0
    text = values.url_template(ctx, template)
    own = values.url_template(ctx, piece)
    if not own or text.count(own) != 1:
        raise FlowError(UNTOLD.format(ctx.code(piece)))
    prefix = text[: text.index(own)]
    if not prefix:
        return 0
    if "{" in prefix or "}" in prefix:
        # a part whose text is not known (rendered {name}), or a .format field
        raise FlowError(UNTOLD.format(ctx.code(piece)))
    if isinstance(op, cst.BinaryOperation):
        fields = querystring.percent_fields(prefix)
        if any(not isinstance(f.ref, int) for f in fields):
            raise FlowError(UNTOLD.format(ctx.code(piece)))
        return len(fields)
    return 0  # no brace in the text before: no .format field either


def _leads(template: cst.BaseExpression, piece: cst.BaseExpression) -> bool:
    """Whether the template's text starts with the piece's, written in place:
    the piece itself, or the first operand of a ``+`` chain (parenthesised or not)."""
    node: cst.BaseExpression = template
    while True:
        if node is piece:
            return True
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
            node = node.left
            continue
        return False


def placed_cut(
    ctx: ModuleContext, op: cst.CSTNode, piece: cst.BaseExpression, cut: Cut
) -> Cut:
    """``cut`` with its positional ``%`` fields counted in ``op``'s whole
    template (see :func:`fields_before`)."""
    shift = fields_before(ctx, op, piece)
    if not shift:
        return cut
    return dataclasses.replace(
        cut,
        percent_fields=tuple(
            ref + shift if isinstance(ref, int) else ref for ref in cut.percent_fields
        ),
    )


def fills_key_field(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` is the argument a formatting puts right after a
    ``hapikey=`` of its template: ``(BASE + PATH + KEY_QS) % (vid, self.key)``
    with ``KEY_QS = "hapikey=%s"`` sends ``self.key`` as the key, though the
    statement does not say hapikey itself."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.Element):
        items = ctx.parent(parent)
        op = ctx.parent(items)
        if not isinstance(items, cst.Tuple):
            return False
        position: int | str = next(
            (i for i, e in enumerate(items.elements) if e is parent), -1
        )
    elif isinstance(parent, cst.BinaryOperation) and parent.right is node:
        op, position = parent, 0
    else:
        return False
    if not (
        isinstance(op, cst.BinaryOperation)
        and isinstance(op.operator, cst.Modulo)
        and op.right in (node, items if isinstance(parent, cst.Element) else None)
    ):
        return False
    text = values.url_template(ctx, op.left)
    if "{" in text or "}" in text:
        return False  # a part not known may hold fields of its own
    fields = querystring.percent_fields(text)
    if any(not isinstance(f.ref, int) for f in fields):
        return False
    return any(
        f.ref == position and text[: f.start].lower().endswith("hapikey=")
        for f in fields
    )


def one_key(ctx: ModuleContext, fed: Sequence[cst.BaseExpression]) -> bool:
    """Whether the values fed to a URL's key field are one credential: a single
    expression, or the same ``self.attribute`` read in methods of one class
    (each formatting of a shared template fills it with the instance's key)."""
    if len(fed) == 1:
        return True
    if not fed or len({ctx.code(value) for value in fed}) != 1:
        return False
    first = fed[0]
    if not (
        isinstance(first, cst.Attribute)
        and isinstance(first.value, cst.Name)
        and first.value.value == "self"
    ):
        return False
    owners = {id(ctx.ancestor(value, cst.ClassDef)) for value in fed}
    return len(owners) == 1 and ctx.ancestor(first, cst.ClassDef) is not None
