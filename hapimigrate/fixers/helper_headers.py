"""The header handed per call to a keyless helper that takes ``headers``
(issue #12: a "wanted sink" given both keyed and keyless URLs).

A module holding no key has a helper other modules hand URLs; some carry the
key, others go elsewhere (a warehouse, an exchange-rate API)::

    # fetch.py                                  # report.py
    def get_json(url, headers=None):            def deals():
        request = Request(url, headers=dict(        return fetch.get_json(deals_url(0))
            headers or {}, Accept="..."))       def rates():
        ...                                         return fetch.get_json(RATES_URL)

The helper cannot send the token with every URL it is given, but it already
takes headers per call and sends them with its request. Then the helper stays
as it is, each call handing it a URL whose key migrates gets
``headers={"Authorization": "Bearer " + token}`` (merged into a ``headers=``
dict display it already gives), and the calls giving it keyless URLs change
not at all::

    return fetch.get_json(deals_url(0), headers={"Authorization": "Bearer " + TOKEN})

The key may also come in a mapping the helper sends as its requests' params
(``call("GET", HS + "/contacts/...", params={**DEFAULTS})`` where ``def
call(method, url, params=None, auth=None, headers=None)``): the mapping drops
the key and the call gets the header the same way (:class:`PerCall`'s
``params``; the URL the call gives is the request's host).

The helper's side (:func:`headers_parameter`): a parameter named ``headers``
whose value reaches the ``headers=`` of every request the URL goes to, merged
(``headers``, ``dict(headers or {}, Accept=...)``, ``{**(headers or {}),
"Accept": ...}``; no literal Authorization written over it), read nowhere
else, and nothing in its module setting an Authorization header another way
(written out, ``add_header``, a session's ``.auth``).
The callers' side (:func:`call_problem`, :func:`keyless_problem`,
:func:`give_header`): a keyed call gives no headers but a dict display, and not
the helper's ``auth`` (``auth=`` would replace the header); a keyless call
does not give it a HubSpot URL (one whose key hapimigrate did not see would
lose it).
"""

from __future__ import annotations

import dataclasses
import re

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import arguments, values
from hapimigrate.analysis.flow import Flow, FlowError, Route
from hapimigrate.model import Carrier
from hapimigrate.tree_imports import package_mentions
from hapimigrate.python.context import ModuleContext, walk
from hapimigrate.python.edits import is_authorization_entry

PARAMETER = "headers"
# another way the helper may set the header: written out, or added to a
# request object, a connection or a session's defaults
_OTHER_AUTH = re.compile(
    r"""(?i)['"]authorization['"]|\badd_header\b|\bputheader\b|\bbearer\b|"""
    r"""\.auth\s*=[^=]|\bauth\s*=\s*(?!None\b|auth\s*[,)\n])"""
)  # auth=auth or DEFAULT_AUTH: a default credential for callers giving none


WHAT = "{}() of {}.py takes the header per call through its {}"


@dataclasses.dataclass(frozen=True)
class PerCall:
    """A helper its keyed callers hand the header: its headers parameter, the
    route of its URL parameter, and the parameter (and its place) sent only as
    those requests' ``params`` (a caller's keyed mapping may come there)."""

    headers: str
    route: Route
    params: str = ""
    params_position: int = -1


def per_call(
    ctx: ModuleContext, function: cst.FunctionDef, parameter: str
) -> PerCall | None:
    """How the helper takes the header per call, when its keyed callers can
    hand it there (see the module's doc)."""
    flow = Flow(ctx)
    try:
        route = flow.follow_parameter(function, parameter)
    except FlowError:
        return None
    if (
        route.appended
        or route.formats
        or any(f is not function for f, _, _ in route.helpers)
    ):
        return None  # the URL it is given ends differently without the key
    name = headers_parameter(ctx, function, route)
    if name is None or _OTHER_AUTH.search(ctx.module.code):
        return None
    if _shared_receiver(ctx, route):
        return None
    params = _params_parameter(ctx, function, route, (parameter, name))
    return PerCall(name, route, params, _position(function, params))


def _shared_receiver(ctx: ModuleContext, route: Route) -> bool:
    """A request made on a module-level session or client other modules may
    reach (``SESSION.request(...)`` named in another module of the package, or
    handed out by a function returning it): one of them may give it ``.auth``,
    which would replace the per-call header (review 18's T10, T27)."""
    for sink in route.sinks:
        func = sink.call.func if sink.call is not None else None
        receiver = func.value if isinstance(func, cst.Attribute) else None
        while isinstance(receiver, cst.Attribute):
            receiver = receiver.value
        if not isinstance(receiver, cst.Name):
            continue
        scope = ctx.lexical_scope(receiver)
        for binding in scope[receiver.value] if scope is not None else ():
            node = getattr(binding, "node", None)
            if node is not None and ctx.ancestor(node, cst.FunctionDef) is None:
                if isinstance(node, cst.Import):
                    continue  # a module: urllib.request.urlopen(...)
                if isinstance(node, cst.ImportFrom):
                    libraries = ("requests", "urllib", "httpx", "http", "urllib3")
                    if not any(
                        q.split(".")[0] in libraries
                        for q in ctx.qualified_names(receiver)
                    ):
                        return True  # another module's session
                    continue
                if package_mentions(
                    ctx.path, rb"\b" + re.escape(receiver.value.encode()) + rb"\b"
                ):
                    return True
                if re.search(  # handed out: def session(): return _SESSION
                    rf"\breturn\s+{re.escape(receiver.value)}\b|\byield\s+"
                    rf"{re.escape(receiver.value)}\b",
                    ctx.text,
                ):
                    return True
    return False


def _params_parameter(
    ctx: ModuleContext, function: cst.FunctionDef, route: Route, taken: tuple
) -> str:
    """The one other parameter sent only as the ``params`` of the URL's
    requests (``SESSION.request(method, url, params=params, ...)``), or ""."""
    requests = {id(s.call) for s in route.sinks}
    found = []
    for name in arguments.parameter_names(function):
        if name in taken or name in ("self", "cls"):
            continue
        try:
            sent = Flow(ctx).follow_parameter(function, name)
        except FlowError:
            continue
        if (
            sent.sinks
            and not (sent.appended or sent.formats)
            and all(s.role == "params" and id(s.call) in requests for s in sent.sinks)
        ):
            found.append(name)
    return found[0] if len(found) == 1 else ""


def _position(function: cst.FunctionDef, name: str) -> int:
    positional = [*function.params.posonly_params, *function.params.params]
    return next((i for i, p in enumerate(positional) if p.name.value == name), -1)


def headers_parameter(
    ctx: ModuleContext, function: cst.FunctionDef, route: Route
) -> str | None:
    """``headers`` when the helper's parameter of that name is merged into the
    headers of every request its URL parameter reaches (``route``), and read
    nowhere else; None otherwise."""
    names = arguments.parameter_names(function)
    if PARAMETER not in names or not route.sinks:
        return None
    star = function.params.star_kwarg
    if star is not None and star.name.value == PARAMETER:
        return None
    allowed: set[int] = set()
    for sink in route.sinks:
        if sink.call is None or sink.role != "url":
            return None
        if ctx.ancestor(sink.call, cst.FunctionDef) is not function:
            return None  # a second helper's request: not seen from here
        value = _headers_argument(sink.call)
        if value is None or not _merges(value):
            return None
        allowed.update(id(n) for n in walk(value))
    keywords = {
        id(n.keyword) for n in walk(function.body) if isinstance(n, cst.Arg)
    } | {id(n.attr) for n in walk(function.body) if isinstance(n, cst.Attribute)}
    for node in walk(function.body):
        if (
            isinstance(node, cst.Name)
            and node.value == PARAMETER
            and id(node) not in keywords
            and id(node) not in allowed
        ):
            return None  # read, rebound or handed on elsewhere
    return PARAMETER


def _headers_argument(call: cst.Call) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "headers":
            return arg.value
    return None


def _is_parameter(node: cst.BaseExpression) -> bool:
    """``headers`` or ``headers or {}``."""
    if isinstance(node, cst.Name):
        return node.value == PARAMETER
    return (
        isinstance(node, cst.BooleanOperation)
        and isinstance(node.operator, cst.Or)
        and isinstance(node.left, cst.Name)
        and node.left.value == PARAMETER
        and isinstance(node.right, cst.Dict)
        and not node.right.elements
    )


def _merges(value: cst.BaseExpression) -> bool:
    """The request's headers hold every entry of the parameter: it is the
    value itself, spread into a dict display, or the mapping of ``dict(...)``,
    with no Authorization written over it."""
    if _is_parameter(value):
        return True
    if isinstance(value, cst.Dict):
        spread = [
            e
            for e in value.elements
            if isinstance(e, cst.StarredDictElement) and _is_parameter(e.value)
        ]
        return len(spread) == 1 and not any(
            is_authorization_entry(e)
            or (isinstance(e, cst.StarredDictElement) and e not in spread)
            or (
                isinstance(e, cst.DictElement)
                and not isinstance(e.key, cst.SimpleString)
            )
            for e in value.elements
        )
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "dict"
        and value.args
        and value.args[0].keyword is None
        and not value.args[0].star
        and _is_parameter(value.args[0].value)
    ):
        rest = value.args[1:]
        return all(
            a.keyword is not None and a.keyword.value.lower() != "authorization"
            for a in rest
        )
    return False


def call_problem(ctx: ModuleContext, call: cst.Call, carrier: Carrier) -> str | None:
    """Why a call handing the helper a keyed URL cannot give it the header
    through its ``headers``: it gives headers other than as a dict display
    (or positionally), an Authorization of its own, or the helper's ``auth``."""
    positional = [a for a in call.args if a.keyword is None]
    for arg in call.args:
        if arg.keyword is None:
            continue
        if arg.keyword.value == carrier.headers:
            if not isinstance(arg.value, cst.Dict):
                return (
                    f"gives it headers ({ctx.code(arg.value)}) hapimigrate cannot "
                    "merge the header into"
                )
            if any(is_authorization_entry(e) for e in arg.value.elements):
                return "gives it an Authorization header of its own"
        if arg.keyword.value == "auth":
            return "gives it auth= of its own, which would replace the header"
    if (
        len(positional)
        > max(carrier.position, carrier.method_position, carrier.params_position) + 1
    ):
        return "gives it more arguments by position (its headers among them?)"
    return None


def keyless_problem(ctx: ModuleContext, value: cst.BaseExpression) -> str | None:
    """A call handing the helper a URL without the key: one to a HubSpot host
    written in the code is suspect (its key may come in a way hapimigrate does
    not see, and would be lost with the setting); another host's, or one
    known at run time, is left as it is."""
    host = hubspot.host(values.url_template(ctx, value))
    if host is not None and hubspot.is_hubspot_host(host):
        return (
            f"gives it a URL of {host} without the key: a request to HubSpot "
            "hapimigrate sees no credential for"
        )
    return None


def give_header(ctx: ModuleContext, call: cst.Call) -> None:
    """The call hands the helper the provider's token as
    ``headers={"Authorization": "Bearer " + token}`` (merged into its dict)."""
    edit = ctx.edits.calls[call]
    if edit.bearer is None:
        edit.bearer = ctx.bearer()


def is_params(call: cst.Call, arg: cst.Arg, carrier: Carrier) -> bool:
    """``arg`` is given as the per-call helper's ``params`` parameter."""
    if not (carrier.headers and carrier.params) or arg.star:
        return False
    if arg.keyword is not None:
        return arg.keyword.value == carrier.params
    positional = [a for a in call.args if a.keyword is None]
    return next(i for i, a in enumerate(positional) if a is arg) == (
        carrier.params_position
    )


# a URL template whose literal host is followed at once by a field
_HOST_THEN_FIELD = re.compile(r"^[a-z][a-z0-9+.-]*://([^/{}?#@]+)\{(\w+)\}", re.I)


def wrapper_host(
    ctx: ModuleContext, request: cst.Call, url: cst.BaseExpression
) -> str | None:
    """``call("GET", HS + path, ...)`` in ``def hs_get(path)``: HubSpot's host,
    when ``path`` is a parameter of that module-level function, every call of
    it here gives the path as text starting with ``/``, it is named nowhere
    else here, and other modules of the tree do not call it (the tree pass
    says so: ``hosts:hs_get``, :attr:`ModuleContext.parameter_hosts`)."""
    match = _HOST_THEN_FIELD.match(values.url_template(ctx, url))
    if match is None or not hubspot.takes_tokens(match.group(1).lower()):
        return None
    function = ctx.ancestor(request, cst.FunctionDef)
    if not (
        isinstance(function, cst.FunctionDef)
        and isinstance(ctx.parent(function), cst.Module)
    ):
        return None
    field = match.group(2)
    position = _position(function, field)
    if field not in arguments.parameter_names(function) or position < 0:
        return None
    ctx.parameter_hosts.add(function.name.value)
    if f"hosts:{function.name.value}" in ctx.shared_elsewhere:
        return None
    calls = Flow(ctx).callers(function)
    if not calls or _named_otherwise(ctx, function):
        return None
    for call in calls:
        given = _argument(call, field, position)
        if given is None or not values.url_template(ctx, given).startswith("/"):
            return None
    return match.group(1).lower()


def _argument(call: cst.Call, name: str, position: int) -> cst.BaseExpression | None:
    if any(a.star == "*" for a in call.args):
        return None  # hs_get(*args); hs_get("/x", **query) gives its path
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == name:
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    return positional[position].value if position < len(positional) else None


def _named_otherwise(ctx: ModuleContext, function: cst.FunctionDef) -> bool:
    """The function named here other than to call it (``map(hs_get, PATHS)``)."""
    scope = ctx.lexical_scope(function)
    for assignment in scope[function.name.value] if scope is not None else ():
        if getattr(assignment, "node", None) is not function:
            continue
        for reference in ctx.references(assignment):
            parent = ctx.parent(reference.node)
            if not (isinstance(parent, cst.Call) and parent.func is reference.node):
                return True
    return False
