"""The key's query parameter written so that ``hapikey=`` is not in the text:

    requests.get(BASE + '/contacts/v1/lists/all/contacts/all\\?hapikey\\=' + key)
    url = BASE + "/deals/v1/deal/paged?hapikey%3D" + key

(found in real code: a backslash before ``?`` and ``=``, which Python keeps in the
string, or ``=`` percent-encoded). The request still sends the key, under a name
HubSpot may or may not read; no other fixer cuts it, so the literal is left for a
person: never passed over in silence while the key is still in the URL.
"""

from __future__ import annotations

import re
from typing import Sequence

import libcst as cst

from hapimigrate.fixers.registry import register
from hapimigrate.model import Kind, Status
from hapimigrate.python.context import ModuleContext

# hapikey, then backslashes before "=", or "=" percent-encoded (source text)
ODD = re.compile(r"hapikey(?:\\+=|%3[dD])", re.IGNORECASE)
WRITTEN = (
    "the key's query parameter is written {} (not hapikey=): the request still "
    "sends the key that way, and hapimigrate does not cut it; remove it and send "
    "the token by hand"
)


@register(
    "odd-key-params",
    (cst.SimpleString, cst.FormattedStringText),
    lambda node: ODD.search(node.value) is not None,  # type: ignore[attr-defined]
)
def fix(ctx: ModuleContext, strings: Sequence[cst.CSTNode]) -> None:
    for node in strings:
        if isinstance(ctx.parent(node), cst.Expr):
            continue  # a docstring
        found = ODD.search(node.value)  # type: ignore[attr-defined]
        assert found is not None  # the registry matched it
        ctx.site(node, Kind.URL, Status.MANUAL, WRITTEN.format(found.group(0)))
