"""Which calls send HTTP requests, where their URL and params go, and how the
Authorization header is attached to them.

Module functions and constructors are recognised by qualified name, through
imports and aliases. Methods (``session.get(url)``) are recognised by their verb
when the receiver is known to be an HTTP client: built from a known constructor
in the same scope, or named like one (``session``, ``self.client``, ``http``).
One named like a client must also be known to take ``headers=``, and the
call's own ``headers=`` must be a mapping: :mod:`~hapimigrate.analysis.header_fit`
says why not (``HttpCall.doubt``), and the request stays with a person.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import header_fit, urllib3_fields
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.edits import is_authorization_entry

VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
_REQUEST_FUNCS = {f"{lib}.{verb}" for lib in ("requests", "httpx") for verb in VERBS}
_REQUEST_FUNCS |= {"requests.api." + verb for verb in VERBS}
_METHOD_FIRST = {
    "requests.request",
    "requests.api.request",
    "httpx.request",
    "httpx.stream",
}
_METHOD_FIRST |= {"requests.Request", "requests.models.Request"}
_URLOPEN = {"urllib.request.urlopen", "urllib2.urlopen"}
_REQUEST_OBJECTS = {"urllib.request.Request", "urllib2.Request"}
_CLIENTS = {"httpx.Client", "httpx.AsyncClient"}
CLIENT_CONSTRUCTORS = header_fit.CLIENT_CONSTRUCTORS
_TRANSPARENT = {
    "urllib.parse.urlencode",
    "urllib.urlencode",
    "requests.compat.urlencode",
    "six.moves.urllib.parse.urlencode",
    "urllib.parse.urljoin",
    "urlparse.urljoin",
    "builtins.str",
    "builtins.dict",
    "builtins.sorted",
    "builtins.list",
}
_CLIENT_NAME = re.compile(r"(?i)session|client|http|conn|requests|^s$|^api$")
_LOGGING = re.compile(r"^(logging|logger|log|LOG|LOGGER|_log|_logger)$")


@dataclass(frozen=True)
class HttpCall:
    """A call that sends (or prepares) a request."""

    kind: str  # "request", "urlopen", "request_object", "client"
    method: str | None
    url_index: int | None  # positional index of the URL, None for clients
    # why a headers= argument cannot be added or merged (see header_problem)
    doubt: str | None = None


def classify(ctx: ModuleContext, call: cst.Call) -> HttpCall | None:
    info = _classify(ctx, call)
    if info is None:
        return None
    doubt = header_fit.listed_headers(ctx, call)
    return dataclasses.replace(info, doubt=doubt) if doubt else info


def _classify(ctx: ModuleContext, call: cst.Call) -> HttpCall | None:
    names = ctx.qualified_names(call.func)
    if names & _REQUEST_FUNCS:
        verb = next(iter(names & _REQUEST_FUNCS)).rsplit(".", 1)[1]
        return HttpCall("request", verb.upper(), 0)
    if names & _METHOD_FIRST:
        return HttpCall("request", _literal_method(call), 1)
    if names & _URLOPEN:
        return HttpCall("urlopen", _urllib_method(call, data_index=1), 0)
    if names & _REQUEST_OBJECTS:
        return HttpCall("request_object", _urllib_method(call, data_index=1), 0)
    if names & _CLIENTS:
        return HttpCall("client", None, None)
    dynamic = _dynamic_verb(ctx, call)
    if dynamic is not None:
        return dynamic
    func = call.func
    if isinstance(func, cst.Attribute) and client_receiver(ctx, func.value):
        info = method_request(call)
        doubt = (
            header_fit.receiver_doubt(ctx, func)
            or header_fit.defaults_replaced(ctx, call)
            if info is not None
            else None
        )
        return dataclasses.replace(info, doubt=doubt) if doubt else info
    return None


def _dynamic_verb(ctx: ModuleContext, call: cst.Call) -> HttpCall | None:
    """``getattr(requests, method)(url, ...)``, ``requests.__getattribute__(
    method)(url, ...)`` (requests' or httpx's functions; not a session's, whose
    own headers and auth are not looked at for this shape): the request of a
    verb chosen at run time, its URL first, its method unknown unless written.
    Also a conditional choosing among such verbs (``(requests.post if data
    else requests.get)(url)``), and a name bound once to one (``req_fn =
    getattr(requests, m) if m else requests.get``, then ``req_fn(url)``)."""
    if isinstance(call.func, cst.Attribute):
        return None  # requests.get(...), session.get(...): classified elsewhere
    verbs = _chosen_verbs(ctx, call.func, 0)
    if verbs is None:
        return None
    written = set(verbs)
    method = written.pop() if len(written) == 1 else None
    return HttpCall("request", method.upper() if method else None, 0)


_CHOICE_DEPTH = 3


def _chosen_verbs(
    ctx: ModuleContext, node: cst.BaseExpression, depth: int
) -> list[str | None] | None:
    """The verbs (None: chosen at run time) of requests' or httpx's functions
    ``node`` may be, or None where it may be anything else."""
    if depth > _CHOICE_DEPTH:
        return None
    if isinstance(node, cst.Call):
        verb = _getattr_verb(ctx, node)
        return None if verb is False else [verb]  # type: ignore[list-item]
    if isinstance(node, cst.IfExp):
        body = _chosen_verbs(ctx, node.body, depth + 1)
        other = _chosen_verbs(ctx, node.orelse, depth + 1)
        return body + other if body is not None and other is not None else None
    if depth == 0:
        if isinstance(node, cst.Name):
            return _chosen_verbs(ctx, ctx.assigned_once(node) or node, 1)
        return None
    names = ctx.qualified_names(node) & _REQUEST_FUNCS
    if names:  # requests.post, beside another verb
        return [next(iter(names)).rsplit(".", 1)[1]]
    return None


def _getattr_verb(ctx: ModuleContext, func: cst.Call) -> str | None | bool:
    """``getattr(requests, method)``, ``requests.__getattribute__(method)``: the
    verb written (lowercase), None if chosen at run time; False for any other
    call (a session's or client's verb, a name that is no verb)."""
    if (
        isinstance(func.func, cst.Name)
        and func.func.value == "getattr"
        and len(func.args) == 2
    ):
        receiver, verb = func.args[0].value, func.args[1].value
    elif (
        isinstance(func.func, cst.Attribute)
        and func.func.attr.value == "__getattribute__"
        and len(func.args) == 1
    ):
        receiver, verb = func.func.value, func.args[0].value
    else:
        return False
    if any(a.star or a.keyword for a in func.args):
        return False
    if not ctx.qualified_names(receiver) & {"requests", "httpx"}:
        # a session's or client's: its own headers and auth are checked where
        # the receiver of session.get(...) is found, not for this shape
        return False
    written = verb.evaluated_value if isinstance(verb, cst.SimpleString) else None
    if isinstance(written, str) and written.lower() not in VERBS:
        return False  # getattr(requests, "request"), "Session": not a verb
    return written.lower() if isinstance(written, str) else None


def method_request(call: cst.Call) -> HttpCall | None:
    """``client.get(url)``, ``client.request("GET", url)``: the request a client
    method sends, by the method's name."""
    if not isinstance(call.func, cst.Attribute):
        return None
    verb = call.func.attr.value
    if verb in VERBS:
        return HttpCall("request", verb.upper(), 0)
    if verb in ("request", "stream"):
        return HttpCall("request", _literal_method(call), 1)
    return None


def is_transparent(ctx: ModuleContext, call: cst.Call) -> bool:
    """Calls whose result carries their argument on (``urlencode``, ``str``)."""
    names = ctx.qualified_names(call.func)
    if names & _TRANSPARENT:
        return True
    return isinstance(call.func, cst.Name) and call.func.value in (
        "urlencode",
        "str",
        "sorted",
        "list",
    )


_INSPECTIONS = {f"builtins.{name}" for name in ("isinstance", "len", "type", "bool")}


def is_inspection(ctx: ModuleContext, call: cst.Call) -> bool:
    """``isinstance(params, dict)``, ``len(params)``: a look at the value that
    neither keeps nor sends it."""
    return bool(ctx.qualified_names(call.func) & _INSPECTIONS)


def is_logging(ctx: ModuleContext, call: cst.Call) -> bool:
    """``print(url)`` and ``logger.info(url)`` send nothing."""
    func = call.func
    if isinstance(func, cst.Name):
        return func.value == "print"
    if isinstance(func, cst.Attribute):
        base = func.value
        name = (
            base.attr.value
            if isinstance(base, cst.Attribute)
            else getattr(base, "value", "")
        )
        return isinstance(name, str) and bool(_LOGGING.match(name))
    return False


def client_receiver(ctx: ModuleContext, node: cst.BaseExpression) -> bool:
    """Whether ``node`` is (very likely) an HTTP client or session object.
    Judged by its name alone, it may not take ``headers=``: see
    :func:`header_fit.receiver_doubt`."""
    if isinstance(node, cst.Call):
        return bool(ctx.qualified_names(node.func) & CLIENT_CONSTRUCTORS)
    if isinstance(node, cst.Name) and header_fit.built_by_constructor(ctx, node):
        return True
    if urllib3_fields.is_pool(ctx, node):  # pool = urllib3.PoolManager()
        return True
    if isinstance(node, cst.Name) and _built_by_local_class(ctx, node):
        return False  # api = Api(): its post() is the module's own method
    name = (
        node.attr.value
        if isinstance(node, cst.Attribute)
        else getattr(node, "value", None)
    )
    return isinstance(name, str) and bool(_CLIENT_NAME.search(name))


def _built_by_local_class(ctx: ModuleContext, name: cst.Name) -> bool:
    """``api = Api()`` where ``class Api`` is defined in this module."""
    classes = {
        node.name.value for node in ctx.module.body if isinstance(node, cst.ClassDef)
    }
    scope = ctx.lexical_scope(name)
    for assignment in scope[name.value] if scope is not None else ():
        holder = ctx.parent(getattr(assignment, "node", None) or name)
        if isinstance(holder, cst.AssignTarget):
            holder = ctx.parent(holder)
        value = getattr(holder, "value", None)
        if (
            isinstance(value, cst.Call)
            and isinstance(value.func, cst.Name)
            and value.func.value in classes
        ):
            return True
    return False


def argument_role(call: cst.Call, arg: cst.Arg, info: HttpCall) -> str:
    """What an argument is to the request: "url", "params" or its keyword."""
    if arg.keyword is not None:
        keyword = arg.keyword.value
        if keyword == "fields" and _pool_request(call, info):
            return urllib3_fields.fields_role(info.method)  # query, or body
        return "url" if keyword in ("url", "base_url") else keyword
    if arg.star:
        return "starred"
    position = [a for a in call.args if a.keyword is None].index(arg)
    if position == info.url_index:
        return "url"
    return f"argument {position + 1}"


def _pool_request(call: cst.Call, info: HttpCall) -> bool:
    """``http.request(method, url, fields=...)``: urllib3's signature."""
    return (
        info.kind == "request"
        and info.url_index == 1
        and isinstance(call.func, cst.Attribute)
        and call.func.attr.value == "request"
    )


PASSES_KWARGS = "the request passes **kwargs, which may already hold headers"


def _written_without_headers(value: cst.BaseExpression) -> bool:
    """``**{"json": data}``, ``**({"json": data} if data else {})``: keyword
    arguments written out, none of them ``headers`` (nor ``auth``)."""
    if isinstance(value, cst.IfExp):
        return _written_without_headers(value.body) and _written_without_headers(
            value.orelse
        )
    if not isinstance(value, cst.Dict):
        return False
    for element in value.elements:
        if not isinstance(element, cst.DictElement) or not isinstance(
            element.key, cst.SimpleString
        ):
            return False
        if element.key.evaluated_value in ("headers", "auth"):
            return False
    return True


def header_problem(call: cst.Call, info: HttpCall, python2: bool = False) -> str | None:
    """Why the Authorization header cannot be attached to this call, if so."""
    if info.doubt is not None:
        return info.doubt
    keywords = {a.keyword.value for a in call.args if a.keyword is not None}
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "headers":
            if isinstance(arg.value, cst.Dict) and any(
                is_authorization_entry(e) for e in arg.value.elements
            ):
                return "the request already sends an Authorization header"
    if "headers" not in keywords and any(
        # headers= goes after them: no Python 2 (``f(**d, headers=h)``)
        a.star == "**" and (python2 or not _written_without_headers(a.value))
        for a in call.args
    ):
        return PASSES_KWARGS
    positional = len([a for a in call.args if a.keyword is None])
    if positional_headers(call, info) is not None:
        positional = 0  # Request(url, data, {...}): they become headers={...}
    if info.kind == "request_object" and positional > 2:
        return "urllib Request gets its headers positionally"
    if info.url_index is not None and positional > info.url_index + 2:
        # conn.request("POST", url, body, HEADERS): http.client's headers
        # come fourth; a headers= keyword would be given twice
        extra = [a for a in call.args if a.keyword is None][info.url_index + 2]
        shown = cst.Module([]).code_for_node(extra.value)
        return (
            f"the request may get its headers positionally ({shown}, argument "
            f"{info.url_index + 3}): a headers= keyword would give them twice; "
            "migrate by hand"
        )
    if info.kind == "urlopen":
        first = call.args[0] if call.args else None
        if first is None or first.keyword is not None or first.star:
            return "urlopen is not given the URL as its first argument"
    return None


def positional_headers(call: cst.Call, info: HttpCall) -> int | None:
    """The index (in ``call.args``) of the headers urllib's ``Request(url,
    data, {...})`` is given third, written out with literal names and no
    Authorization among them: the header joins them, given as ``headers=``
    (the parameter's name in Python 2 and 3); None for any other call."""
    if info.kind != "request_object" or any(
        a.star or (a.keyword is not None and a.keyword.value == "headers")
        for a in call.args
    ):
        return None
    positional = [i for i, a in enumerate(call.args) if a.keyword is None]
    if len(positional) != 3:
        return None
    value = call.args[positional[2]].value
    if not isinstance(value, cst.Dict) or not all(
        isinstance(e, cst.DictElement) and isinstance(e.key, cst.SimpleString)
        for e in value.elements
    ):
        return None
    if any(is_authorization_entry(e) for e in value.elements):
        return None
    return positional[2]


def _literal_method(call: cst.Call) -> str | None:
    for arg in call.args:
        if arg.keyword is None or arg.keyword.value == "method":
            if isinstance(arg.value, cst.SimpleString):
                return str(arg.value.evaluated_value).upper()
            return None
    return None


def _urllib_method(call: cst.Call, data_index: int) -> str:
    positional = [a for a in call.args if a.keyword is None]
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "method":
            if isinstance(arg.value, cst.SimpleString):
                return str(arg.value.evaluated_value).upper()
    has_data = len(positional) > data_index or any(
        a.keyword is not None and a.keyword.value == "data" for a in call.args
    )
    return "POST" if has_data else "GET"
