"""Whether a ``.format`` argument is the value a template's ``hapikey=`` field takes.

A URL template held in a name and filled where the request is made::

    url_campaign_data = "https://api.hubapi.com/email/public/v1/campaigns/{0}?appId={1}&hapikey={2}"
    urllib2.urlopen(url_campaign_data.format(campaign_id, app_id, hapikey))

sends ``hapikey`` as the key, though the statement does not say hapikey itself.
:func:`fills_key_field` tells such an argument (the ``.format`` twin of
:func:`format_positions.fills_key_field`, which reads ``%``), so that a key
parameter read there is known to be sent as the key, not read "for something
else". It answers True only where the argument's field is told for sure: the
template's whole text is known, its fields are all positional (auto-numbered or
numbered, never mixed with named ones) or the argument is a keyword naming the
field, and no ``*``/``**`` unpacking moves the positions.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.analysis import querystring, values
from hapimigrate.python.context import ModuleContext


def fills_key_field(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` is an argument of ``TEMPLATE.format(...)`` that fills
    a field standing right after ``hapikey=`` in the template's text."""
    arg = ctx.parent(node)
    if not isinstance(arg, cst.Arg) or arg.value is not node or arg.star:
        return False
    call = ctx.parent(arg)
    if not (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "format"
    ):
        return False
    if any(a.star for a in call.args):
        return False  # *args, **kwargs: the positions are not told
    text = values.url_template(ctx, call.func.value)
    fields = querystring.brace_fields(text)
    if not fields or "hapikey=" not in text.lower():
        return False
    named = [f for f in fields if isinstance(f.ref, str)]
    if arg.keyword is not None:
        ref: int | str = arg.keyword.value
        if len(named) != len(fields):
            return False  # named fields mixed with positional ones
    else:
        if named:
            return False  # a template with named fields mixed (or unknown parts)
        positional = [a for a in call.args if a.keyword is None]
        ref = next(i for i, a in enumerate(positional) if a is arg)
    return any(
        f.ref == ref and text[: f.start].lower().endswith("hapikey=") for f in fields
    )
