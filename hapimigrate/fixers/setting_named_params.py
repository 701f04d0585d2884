"""A query-parameter mapping whose *name* comes from a setting, and whose value
is a key-looking setting, sent as a request's ``params``:

    PARAMS = {settings.HS_API_KEY: settings.HS_API_VALUE}
    requests.post(url, params=PARAMS)
    requests.get(url, params={HS_API_KEY: HS_API_VALUE})

(found in real code: a Django migration whose ``settings.HS_API_KEY`` is
``"hapikey"`` in a settings module the tree does not hold). The string
``hapikey`` is nowhere in the code, so no other fixer sees these requests, yet
they send the key in the URL. Whether the name is ``hapikey`` cannot be known
here: the mapping is left as it is and reported ``manual``, naming the setting
and the requests that send it, so that ``report`` and ``check`` never pass it
over in silence. A name bound in the module to a literal is not this case (a
literal ``"hapikey"`` is :mod:`hapimigrate.fixers.held_names`'s; any other
literal is another parameter).
"""

from __future__ import annotations

import re
from typing import Sequence

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import values
from hapimigrate.fixers.held_names import HELD
from hapimigrate.fixers.registry import register
from hapimigrate.model import Kind, Status
from hapimigrate.python.context import ModuleContext

# the value's own name: HS_API_VALUE, HUBSPOT_API_KEY, api_key, HAPIKEY, hapi_key
_KEY_LOOKING = re.compile(
    r"(?:^|_)(?:api_?value|api_?key|hapi_?key)$|^hapikey$", re.IGNORECASE
)
_VERBS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
SETTING_NAMED = (
    "the query parameter's name comes from {} (not written in the code) and its "
    "value is {}: if the name is hapikey, {} send{} the key in the URL; remove the "
    "entry and send the token as Authorization: Bearer by hand"
)


def _last_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return node.attr.value
    return None


def _candidate(node: cst.CSTNode) -> bool:
    """A ``{name: value}`` entry whose name is a name or attribute and whose value
    is named like a key (the cheap test, on the node alone)."""
    if not isinstance(node, cst.DictElement):
        return False
    if not isinstance(node.key, (cst.Name, cst.Attribute)):
        return False
    value = _last_name(node.value)
    return value is not None and _KEY_LOOKING.search(value) is not None


@register("setting-named-params", cst.DictElement, _candidate)
def fix(ctx: ModuleContext, elements: Sequence[cst.CSTNode]) -> None:
    held = HELD.split("{}")[0]
    if any(s.reason.startswith(held) for s in ctx.sites):
        return  # the name's "hapikey" literal is reported where it is held
    for element in elements:
        assert isinstance(element, cst.DictElement)
        if _named_by_a_literal(ctx, element.key):
            continue
        mapping = ctx.parent(element)
        if not isinstance(mapping, cst.Dict):
            continue
        requests = [c for c in _sending_calls(ctx, mapping) if not _elsewhere(ctx, c)]
        if not requests:
            continue
        lines = sorted({ctx.start(call)[0] for call in requests})
        shown = ", ".join(str(n) for n in lines)
        where = (
            f"the request at line {shown}"
            if len(lines) == 1
            else (f"the requests at lines {shown}")
        )
        ctx.site(  # at the value: the key it sends (not the name) counts
            element.value,
            Kind.PARAMS,
            Status.MANUAL,
            SETTING_NAMED.format(
                _shown(ctx, element.key),
                _shown(ctx, element.value),
                where,
                "s" if len(lines) == 1 else "",
            ),
        )


def _shown(ctx: ModuleContext, node: cst.BaseExpression) -> str:
    text = " ".join(ctx.code(node).split())
    return text if len(text) <= 60 else text[:57] + "..."


def _named_by_a_literal(ctx: ModuleContext, key: cst.BaseExpression) -> bool:
    """Whether the entry's name is a name the module binds (its only binding)
    to a string literal: then it is known, and not this case."""
    if not isinstance(key, cst.Name):
        return False
    value = ctx.assigned_once(key)
    return isinstance(value, (cst.SimpleString, cst.ConcatenatedString))


def _sending_calls(ctx: ModuleContext, mapping: cst.Dict) -> list[cst.Call]:
    """The calls that send ``mapping`` as their ``params``: given there itself,
    or through the name it is assigned to (``params=PARAMS``, ``params={**PARAMS,
    ...}``)."""
    holder = ctx.parent(mapping)
    if _params_argument(ctx, holder):
        call = ctx.parent(holder)
        return [call] if isinstance(call, cst.Call) else []
    name = _assigned_to(ctx, mapping)
    if name is None:
        return []
    found = []
    for call in ctx.index.calls:
        for arg in call.args:
            if arg.keyword is None or arg.keyword.value != "params":
                continue
            if _names(arg.value, name):
                found.append(call)
    return found


def _elsewhere(ctx: ModuleContext, call: cst.Call) -> bool:
    """Whether the request's URL is written with a host that is not HubSpot's
    (``https://api.wistia.com/...``): that parameter is another service's."""
    given = [a.value for a in call.args if a.keyword is None and not a.star]
    if given and isinstance(given[0], cst.SimpleString):  # request("GET", url)
        verb = given[0].evaluated_value
        if isinstance(verb, str) and verb.upper() in _VERBS:
            given = given[1:]
    url = given[0] if given else None
    url = next(
        (a.value for a in call.args if a.keyword and a.keyword.value == "url"), url
    )
    if url is None:
        return False
    host = hubspot.host(values.url_template(ctx, url))
    return host is not None and not hubspot.takes_tokens(host)


def _params_argument(ctx: ModuleContext, node: cst.CSTNode | None) -> bool:
    return (
        isinstance(node, cst.Arg)
        and node.keyword is not None
        and node.keyword.value == "params"
        and isinstance(ctx.parent(node), cst.Call)
    )


def _assigned_to(ctx: ModuleContext, mapping: cst.Dict) -> str | None:
    """``PARAMS`` of ``PARAMS = {...}`` (or ``self.params = {...}``: ``params``)."""
    statement = ctx.parent(mapping)
    if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
        return _last_name(statement.targets[0].target)
    if isinstance(statement, cst.AnnAssign) and statement.value is mapping:
        return _last_name(statement.target)
    return None


def _names(value: cst.BaseExpression, name: str) -> bool:
    """``PARAMS``, ``self.PARAMS``, or ``{**PARAMS, ...}``."""
    if _last_name(value) == name:
        return True
    if isinstance(value, cst.Dict):
        return any(
            isinstance(e, cst.StarredDictElement) and _last_name(e.value) == name
            for e in value.elements
        )
    return False
