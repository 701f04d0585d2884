"""Keys bound by ``functools.partial`` (issue #12): follow them to the requests.

    hs_get = functools.partial(requests.get, params={"hapikey": KEY}, timeout=15)
    def contact_properties():
        return hs_get(HS + "/properties/v1/contacts/properties").json()

becomes ``hs_get = functools.partial(requests.get, headers={"Authorization":
"Bearer " + TOKEN}, timeout=15)``: the partial itself is the request the key
reaches (a :class:`~hapimigrate.analysis.flow.Sink` whose call is the partial),
so the fixers drop the key from it and give it the header, as they would a
request call; its URLs are those its calls give. The rule, each condition
checked here (where one does not hold, the use stays ``manual`` saying which):

- the partial wraps a request function hapimigrate knows (``requests.get``,
  ``requests.request``, httpx's, a session's or client's method) and binds the
  key as the request's ``params`` or in its URL; a partial of another function
  (a wrapper of the tree) is not followed;
- every use of the partial is seen: it is bound to a name once (module level or
  in a function) whose every read is a call of it, or called right away, or
  returned by a function (not a method) whose every read is a call, each call's
  result followed the same way; a name listed in ``__all__``, handed on as a
  value, or not called in its module at all stays manual; a module-level name
  (or function) other modules import goes through the tree pass like any other
  module-level value (:mod:`hapimigrate.fixers.across_modules`: their uses,
  which it does not follow as calls, keep it manual);
- every call gives the request arguments the partial's cannot be replaced by:
  no ``headers=`` (a call-time keyword replaces the partial's, so the header
  would be dropped), no ``params=`` for a key bound in ``params`` (that call
  sent no key: it must not get the token either), no ``*``/``**`` and nothing
  by position past the URL; neither the partial nor a call passes ``auth=``
  (another credential, which would replace the header); and every URL (the partial's, or each call's) is
  one of HubSpot's API hosts, written so that the source tells;
- the token is read where the key was: a partial made at import time with a
  configured key reads the provider's token then, once, which is only right
  for a provider reading an environment variable (as
  :func:`hapimigrate.fixers.attach.default_bound_problem` says for ``def
  f(key=KEY)`` defaults); the header is merged with the partial's own
  ``headers=`` and its other params (``params={"limit": 10}``) stay.

A key given at a call of such a partial (``get_company = functools.partial(
requests.get, timeout=10)``; ``get_company(url, params={"hapikey": key})``)
makes that call a request like any other (:func:`called_request`), the header
given there, when the partial binds nothing that header would replace or the
dropped key would let through (``headers=``, ``auth=``, ``params=``, the URL).
A partial binding the key that its own module calls and another module calls
too is not followed there: that call is a manual site (the tree pass reports
it), and the partial stays. One that only other modules call is followed into
them (:mod:`hapimigrate.analysis.imported_partials`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate import hubspot
from hapimigrate.analysis import header_fit, http_calls, values
from hapimigrate.analysis.http_calls import HttpCall
from hapimigrate.python.context import ModuleContext, walk
from hapimigrate.tree_imports import package_mentions

_PARTIAL = frozenset({"functools.partial"})
# the positional parameters before **kwargs of each request function, by name
_POSITIONAL = {
    "get": ("url", "params"),
    "post": ("url", "data", "json"),
    "put": ("url", "data"),
    "patch": ("url", "data"),
    "delete": ("url",),
    "head": ("url",),
    "options": ("url",),
    "request": ("method", "url"),
    "stream": ("method", "url"),
}
_PROVIDER_VARIABLE = re.compile(
    r"""^os\.(?:environ\[|environ\.get\(|getenv\()\s*['"](\w+)['"]\s*[\])]$"""
)
_DEPTH = 3  # factories returning factories: how far their results are followed

NOT_A_REQUEST = (
    "the value is bound by functools.partial() to {}(), which is not a request "
    "function hapimigrate knows (requests, httpx, a session's method): its "
    "requests are not followed"
)
HANDED_ON = (
    "the functools.partial() binding the key is {} at line {}, where its calls "
    "are not seen"
)
HEADERS_GIVEN = (
    "the call at line {} of the functools.partial() binding the key passes "
    "headers=, which replaces the partial's: the Authorization header would be "
    "dropped there; move the header to each call by hand"
)
PARAMS_GIVEN = (
    "the call at line {} of the functools.partial() binding the key passes "
    "params=, which replaces the partial's: no key was sent there, and the token "
    "would be; change it by hand"
)
OTHER_AUTH = (
    "{} passes auth=, another credential, which would replace the Authorization "
    "header: decide which one is sent, by hand"
)
STARRED = (
    "the call at line {} of the functools.partial() binding the key passes * or "
    "** arguments, which may replace the partial's"
)
POSITIONAL = (
    "the call at line {} of the functools.partial() binding the key passes "
    "arguments by position after the URL, which may replace the partial's"
)
NO_URL = (
    "the call at line {} of the functools.partial() binding the key gives no URL "
    "hapimigrate can find"
)
UNKNOWN_HOST = (
    "the call at line {} of the functools.partial() binding the key sends to a "
    "URL whose host the source does not tell: the token goes to HubSpot only"
)
OTHER_HOST = (
    "the call at line {} of the functools.partial() binding the key sends to {}: "
    "the token goes to HubSpot only"
)
BOUND_ONCE = (
    "the functools.partial() binding the key is made once, at import: the "
    "provider's token would be read then, once, and one that expires would not "
    "be renewed; read the token at each call, by hand"
)
NOT_CALLED = (
    "{} binds the key with functools.partial() and is not called in this module: "
    "other modules may call it, where hapimigrate does not follow it"
)
IN_ALL = (
    "{} binds the key with functools.partial() and is listed in __all__: other "
    "modules' calls of it are not seen"
)
ASSIGNED_AGAIN = "{} is assigned again at line {}: which value is called is not known"


class PartialError(Exception):
    """Why a key bound by ``functools.partial`` stays for a person;
    ``uncalled``: the module-level name it is bound to, called nowhere in its
    module (other modules may: the tree pass reports their uses)."""

    def __init__(self, message: str, uncalled: cst.Name | None = None) -> None:
        super().__init__(message)
        self.uncalled = uncalled


@dataclass(frozen=True)
class Bound:
    """A partial binding the key, whose every use was seen."""

    info: HttpCall  # the request, its URL's index counted in the partial's args
    role: str  # "params" or "url"
    calls: tuple[cst.Call, ...]  # every call of the partial
    names: tuple[cst.Name, ...]  # module-level names it is bound to
    functions: tuple[cst.FunctionDef, ...]  # the functions returning it
    module_functions: tuple[cst.Name, ...]  # ... those at module level


def is_partial(ctx: ModuleContext, call: cst.CSTNode | None) -> bool:
    """``functools.partial(...)`` or ``partial(...)`` imported from functools."""
    return isinstance(call, cst.Call) and bool(
        ctx.qualified_names(call.func) & _PARTIAL
    )


def bound(ctx: ModuleContext, partial: cst.Call, arg: cst.Arg) -> Bound:
    """The request the partial makes with ``arg`` (the value carrying the key)
    and every call of it, or :class:`PartialError` saying which condition of
    the rule (see the module's docstring) does not hold."""
    if any(a.star for a in partial.args) or not partial.args:
        raise PartialError("the value is passed to functools.partial() with * or **")
    wrapped = partial.args[0]
    if wrapped.keyword is not None or arg is wrapped:
        raise PartialError("the value is passed to functools.partial() unusually")
    info, verb = _request(ctx, wrapped.value, partial)
    if info is None or info.url_index is None:
        raise PartialError(NOT_A_REQUEST.format(ctx.code(wrapped.value)))
    role = _role(partial, arg, info)
    if role not in ("params", "url"):
        raise PartialError(f"the value goes into the request's {role}")
    if any(a.keyword is not None and a.keyword.value == "auth" for a in partial.args):
        raise PartialError(OTHER_AUTH.format("the functools.partial() binding the key"))
    _check_receiver(ctx, wrapped.value)
    uses = _Uses(ctx)
    uses.of(partial, 0)
    if not uses.calls and not uses.executed:
        raise PartialError(HANDED_ON.format("not called", ctx.start(partial)[0]))
    for call in uses.calls:
        _check_call(ctx, partial, call, info, verb, role)
    for call in uses.executed:
        _check_executed(ctx, partial, call, info)
    if ctx.ancestor(partial, cst.FunctionDef) is None:
        if _provider_variable(ctx) is None:  # made at import, read once
            raise PartialError(BOUND_ONCE)
    return Bound(
        info,
        role,
        tuple(uses.calls),
        tuple(uses.names),
        tuple(uses.functions),
        tuple(uses.module_functions),
    )


def given_urls(ctx: ModuleContext, partial: cst.Call) -> list[cst.BaseExpression]:
    """The URLs the calls of a partial give (none when the partial binds its
    own, or is not one whose uses are all seen): its requests' endpoints."""
    if not is_partial(ctx, partial) or not partial.args:
        return []
    info, verb = _request(ctx, partial.args[0].value, partial)
    if info is None or info.url_index is None or _url_of(partial, info) is not None:
        return []
    uses = _Uses(ctx)
    try:
        uses.of(partial, 0)
    except PartialError:
        return []
    found = (_call_url(partial, call, info, verb) for call in uses.calls)
    return [url for url in found if url is not None]


# -- a key given at a call of a partial ------------------------------------------

CALLED_BINDS = (
    "{}() is a functools.partial() that binds {}=, which the header given at "
    "this call would replace (or which sends what this call's key replaced): "
    "change it by hand"
)


def called_request(ctx: ModuleContext, call: cst.Call) -> HttpCall | None:
    """``get_company(url, params={"hapikey": key})`` where ``get_company =
    functools.partial(requests.get, timeout=10)``: the request this call makes
    (its URL's index counted in the call's arguments), so that the header goes
    on this call; None when ``call`` does not call such a partial. The
    partial must bind nothing the call's ``headers=`` would replace or its
    dropped key would let through: no ``headers=``, ``auth=``, ``params=``,
    ``*``/``**``, nothing by position but the method."""
    partial = _bound_partial(ctx, call.func)
    if partial is None:
        return None
    info, verb = _request(ctx, partial.args[0].value, partial)
    if info is None or info.url_index is None:
        return None
    name = ctx.code(call.func)
    for arg in partial.args[1:]:
        if arg.star:
            raise PartialError(
                CALLED_BINDS.format(name, "*" if arg.star == "*" else "**")
            )
        if arg.keyword is not None and arg.keyword.value in (
            "headers",
            "auth",
            "params",
            "url",
        ):
            raise PartialError(CALLED_BINDS.format(name, arg.keyword.value))
    _check_receiver(ctx, partial.args[0].value)
    bound = len([a for a in partial.args if a.keyword is None]) - 1
    index = _POSITIONAL[verb].index("url") - bound
    if index < 0:
        raise PartialError(CALLED_BINDS.format(name, "the URL"))
    return HttpCall(info.kind, info.method, index, info.doubt)


RECEIVER_AUTH = (
    "the functools.partial() wraps a method of {}, and this module or another "
    "of the package gives a session or client credentials of its own (.auth, "
    "auth=, headers), which would replace the token's header: change it by hand"
)
# a session's or client's own credentials, anywhere in the module
_OWN_AUTH = re.compile(r"""(?i)\.auth\b|\bauth\s*=|['"]authorization['"]""")


# requests.get, httpx.post: a module's function, no session behind it
_MODULE_FUNCTIONS = frozenset(
    f"{m}.{v}" for m in ("requests", "httpx") for v in _POSITIONAL
)


def _check_receiver(ctx: ModuleContext, wrapped: cst.BaseExpression) -> None:
    """``partial(session.get, ...)``: a session the module gives an ``.auth``
    (or ``auth=``, an Authorization header) sends those instead of a per-call
    Authorization header (requests' ``prepare_auth`` runs last)."""
    if ctx.qualified_names(wrapped) & _MODULE_FUNCTIONS:
        return  # requests.get: the module's function, no session of its own
    if isinstance(wrapped, cst.Attribute) and _OWN_AUTH.search(ctx.text):
        raise PartialError(RECEIVER_AUTH.format(ctx.code(wrapped.value)))
    if isinstance(wrapped, cst.Attribute):  # another module's session (T21)
        elsewhere = header_fit.imported_auth(ctx, wrapped.value)
        if elsewhere is not None:
            raise PartialError(elsewhere)
        name = wrapped.value
        if isinstance(name, cst.Name) and package_mentions(  # T30: a third module
            ctx.path,
            rb"\b" + re.escape(name.value.encode()) + rb"\s*\.\s*(?:auth|headers)\b",
        ):
            raise PartialError(RECEIVER_AUTH.format(name.value))


def _bound_partial(ctx: ModuleContext, func: cst.BaseExpression) -> cst.Call | None:
    """The ``functools.partial(...)`` a name is bound to, once, in its scope;
    or ``self._get``, set once in its class, in ``__init__``, to one."""
    if (
        isinstance(func, cst.Attribute)
        and isinstance(func.value, cst.Name)
        and func.value.value == "self"
    ):
        return _attribute_partial(ctx, func)
    if not isinstance(func, cst.Name):
        return None
    scope = ctx.lexical_scope(func)
    bindings = list(scope[func.value]) if scope is not None else []  # or outer
    if len(bindings) != 1:
        return None
    target = getattr(bindings[0], "node", None)
    statement = ctx.parent(target) if target is not None else None
    if isinstance(statement, cst.AssignTarget):
        statement = ctx.parent(statement)
    if not (
        isinstance(statement, cst.Assign)
        and len(statement.targets) == 1
        and statement.targets[0].target is target
        and is_partial(ctx, statement.value)
    ):
        return None
    partial = statement.value
    assert isinstance(partial, cst.Call)
    if not partial.args or partial.args[0].keyword is not None or partial.args[0].star:
        return None
    return partial


def _attribute_partial(ctx: ModuleContext, func: cst.Attribute) -> cst.Call | None:
    """``self._get = functools.partial(self.session.get, timeout=t)`` in the
    class's ``__init__``: the one binding of the attribute anywhere in the
    module (no other ``x._get = ...``, no class attribute of that name)."""
    cls = ctx.ancestor(func, cst.ClassDef)
    if not isinstance(cls, cst.ClassDef):
        return None
    name = func.attr.value
    if len(re.findall(rf"\.{re.escape(name)}\s*=(?!=)", ctx.text)) != 1:
        return None
    found = None
    for node in walk(cls):
        if isinstance(node, cst.Assign) and any(
            isinstance(t.target, cst.Attribute)
            and isinstance(t.target.value, cst.Name)
            and t.target.value.value == "self"
            and t.target.attr.value == name
            for t in node.targets
        ):
            found = node
        elif isinstance(node, cst.Assign) and any(
            isinstance(t.target, cst.Name) and t.target.value == name
            for t in node.targets
        ):
            return None  # a class attribute of that name
    method = ctx.ancestor(found, cst.FunctionDef) if found is not None else None
    if (
        found is None
        or len(found.targets) != 1
        or not isinstance(method, cst.FunctionDef)
        or method.name.value != "__init__"
        or not is_partial(ctx, found.value)
    ):
        return None
    partial = found.value
    assert isinstance(partial, cst.Call)
    if not partial.args or partial.args[0].keyword is not None or partial.args[0].star:
        return None
    return partial


# -- the request it makes --------------------------------------------------------


def _request(
    ctx: ModuleContext, wrapped: cst.BaseExpression, partial: cst.Call
) -> tuple[HttpCall | None, str]:
    """The request ``partial(wrapped, ...)`` makes (its URL's index counted in
    the partial's arguments, the function first) and the function's name."""
    virtual = cst.Call(func=wrapped, args=partial.args[1:])
    info = http_calls._classify(ctx, virtual)
    if info is None or info.kind != "request" or info.url_index is None:
        return None, ""
    names = ctx.qualified_names(wrapped)
    verb = (
        wrapped.attr.value
        if isinstance(wrapped, cst.Attribute)
        else next(iter(names), "").rsplit(".", 1)[-1]
    )
    if verb not in _POSITIONAL:
        return None, ""
    return HttpCall(info.kind, info.method, info.url_index + 1, info.doubt), verb


def _role(partial: cst.Call, arg: cst.Arg, info: HttpCall) -> str:
    if arg.keyword is not None:
        keyword = arg.keyword.value
        return "url" if keyword == "url" else keyword
    position = [a for a in partial.args if a.keyword is None].index(arg)
    if position == info.url_index:
        return "url"
    return f"argument {position}"


def _url_of(call: cst.Call, info: HttpCall) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "url":
            return arg.value
    positional = [a for a in call.args if a.keyword is None and not a.star]
    index = info.url_index
    if index is not None and index < len(positional):
        return positional[index].value
    return None


def _call_url(
    partial: cst.Call, call: cst.Call, info: HttpCall, verb: str
) -> cst.BaseExpression | None:
    """The URL a call of the partial gives (the partial binding none)."""
    bound = len([a for a in partial.args if a.keyword is None]) - 1
    index = _POSITIONAL[verb].index("url") - bound
    return (
        _url_of(call, HttpCall(info.kind, info.method, index)) if index >= 0 else None
    )


def _check_call(
    ctx: ModuleContext,
    partial: cst.Call,
    call: cst.Call,
    info: HttpCall,
    verb: str,
    role: str,
) -> None:
    """A call of the partial keeps the partial's arguments and sends to HubSpot."""
    line = ctx.start(call)[0]
    keywords = {a.keyword.value for a in call.args if a.keyword is not None}
    if any(a.star for a in call.args):
        raise PartialError(STARRED.format(line))
    if "headers" in keywords:
        raise PartialError(HEADERS_GIVEN.format(line))
    if "auth" in keywords:
        raise PartialError(OTHER_AUTH.format(f"the call at line {line} of the partial"))
    if role == "params" and "params" in keywords:
        raise PartialError(PARAMS_GIVEN.format(line))
    bound = len([a for a in partial.args if a.keyword is None]) - 1
    given = len([a for a in call.args if a.keyword is None])
    if bound + given > _POSITIONAL[verb].index("url") + 1:
        raise PartialError(POSITIONAL.format(line))
    url = _url_of(partial, info)
    if url is None:
        url = _call_url(partial, call, info, verb)
    _check_host(ctx, url, line)


def _check_executed(
    ctx: ModuleContext, partial: cst.Call, call: cst.Call, info: HttpCall
) -> None:
    """A partial an executor calls with nothing more: its own URL is HubSpot's."""
    _check_host(ctx, _url_of(partial, info), ctx.start(call)[0])


def _check_host(ctx: ModuleContext, url: cst.BaseExpression | None, line: int) -> None:
    """The request at ``line`` goes to a HubSpot host taking tokens."""
    if url is None:
        raise PartialError(NO_URL.format(line))
    host = hubspot.host(values.url_template(ctx, url))
    if host is None:
        raise PartialError(UNKNOWN_HOST.format(line))
    if not hubspot.takes_tokens(host):
        raise PartialError(OTHER_HOST.format(line, host))


_TO_THREAD = {"asyncio.to_thread"}


def _executor_call(ctx: ModuleContext, value: cst.BaseExpression) -> cst.Call | None:
    """The call that runs ``value`` with no argument of its own:
    ``loop.run_in_executor(executor, value)`` (nothing after it),
    ``asyncio.to_thread(value)``."""
    arg = ctx.parent(value)
    call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(call, cst.Call) or arg.keyword is not None or arg.star:
        return None
    if any(a.star or a.keyword is not None for a in call.args):
        return None
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value == "run_in_executor":
        return call if len(call.args) == 2 and call.args[1] is arg else None
    if ctx.qualified_names(func) & _TO_THREAD:
        return call if len(call.args) == 1 else None
    return None


# -- every use of it -------------------------------------------------------------


class _Uses:
    """The calls of a partial object, wherever its uses take it."""

    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx
        self.calls: list[cst.Call] = []
        self.names: list[cst.Name] = []
        self.functions: list[cst.FunctionDef] = []
        self.module_functions: list[cst.Name] = []
        # loop.run_in_executor(None, partial), asyncio.to_thread(partial): called
        # there with no argument of its own
        self.executed: list[cst.Call] = []

    def of(self, value: cst.BaseExpression, depth: int) -> None:
        ctx = self.ctx
        parent = ctx.parent(value)
        line = ctx.start(value)[0]
        if isinstance(parent, cst.Call) and parent.func is value:
            self.calls.append(parent)
            return
        if (
            isinstance(parent, cst.Assign)
            and parent.value is value
            and len(parent.targets) == 1
            and isinstance(parent.targets[0].target, cst.Name)
        ):
            return self._name(parent.targets[0].target)
        if isinstance(parent, cst.AnnAssign) and isinstance(parent.target, cst.Name):
            return self._name(parent.target)
        if isinstance(parent, cst.Return) and depth < _DEPTH:
            return self._returned(parent, depth)
        executor = _executor_call(ctx, value)
        if executor is not None:  # loop.run_in_executor(None, partial)
            self.executed.append(executor)
            return
        raise PartialError(HANDED_ON.format(_what(ctx, value), line))

    def _name(self, name: cst.Name) -> None:
        ctx = self.ctx
        scope = ctx.lexical_scope(name)
        if scope is None:
            raise PartialError(HANDED_ON.format("stored", ctx.start(name)[0]))
        bindings = list(scope.assignments[name.value])
        for other in bindings:
            node = getattr(other, "node", None)
            if node is not name:
                where = ctx.start(node)[0] if node is not None else "?"
                raise PartialError(ASSIGNED_AGAIN.format(name.value, where))
        refs = [r.node for b in bindings for r in ctx.references(b)]
        if isinstance(scope, GlobalScope):
            if _in_all(ctx, name.value):
                raise PartialError(IN_ALL.format(name.value))
            if not refs:
                raise PartialError(NOT_CALLED.format(name.value), uncalled=name)
            self.names.append(name)
        for ref in refs:
            call = ctx.parent(ref)
            if not (isinstance(call, cst.Call) and call.func is ref):
                raise PartialError(
                    HANDED_ON.format(
                        f"bound to {name.value}, {_what(ctx, ref)}",
                        ctx.start(ref)[0],
                    )
                )
            self.calls.append(call)

    def _returned(self, ret: cst.Return, depth: int) -> None:
        ctx = self.ctx
        function = ctx.ancestor(ret, cst.FunctionDef, cst.Lambda, cst.ClassDef)
        line = ctx.start(ret)[0]
        if not isinstance(function, cst.FunctionDef) or isinstance(
            ctx.parent(ctx.parent(function)), cst.ClassDef
        ):
            raise PartialError(HANDED_ON.format("returned by a method", line))
        if function.decorators:
            raise PartialError(
                HANDED_ON.format("returned by a decorated function", line)
            )
        scope = ctx.lexical_scope(function)
        bindings = list(scope.assignments[function.name.value]) if scope else []
        refs = [
            r.node
            for b in bindings
            if getattr(b, "node", None) is function
            for r in ctx.references(b)
        ]
        if len(bindings) != 1:
            raise PartialError(HANDED_ON.format("returned", line))
        self.functions.append(function)
        if isinstance(scope, GlobalScope):
            if _in_all(ctx, function.name.value):
                raise PartialError(IN_ALL.format(function.name.value + "()"))
            self.module_functions.append(function.name)
        if not refs:
            raise PartialError(NOT_CALLED.format(function.name.value + "()"))
        for ref in refs:
            call = ctx.parent(ref)
            if not (isinstance(call, cst.Call) and call.func is ref):
                raise PartialError(
                    HANDED_ON.format(
                        f"returned by {function.name.value}(), which is "
                        + _what(ctx, ref),
                        ctx.start(ref)[0],
                    )
                )
            self.of(call, depth + 1)


def _what(ctx: ModuleContext, node: cst.CSTNode) -> str:
    """How a read of the partial hands it on: ``passed to map()``."""
    parent = ctx.parent(node)
    if isinstance(parent, cst.Arg):
        call = ctx.parent(parent)
        if isinstance(call, cst.Call):
            return f"passed to {ctx.code(call.func)}()"
        return "passed to a call"
    if isinstance(parent, (cst.Assign, cst.AnnAssign, cst.AugAssign, cst.AssignTarget)):
        return "stored"
    if isinstance(parent, cst.Return):
        return "returned"
    if isinstance(parent, cst.Attribute):
        return f"read as .{parent.attr.value}"
    return "used in an expression"


def _in_all(ctx: ModuleContext, name: str) -> bool:
    """Whether a module-level ``__all__`` names ``name``."""
    for statement in ctx.module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
                targets = (
                    [t.target for t in small.targets]
                    if isinstance(small, cst.Assign)
                    else [small.target]
                )
                if any(
                    isinstance(t, cst.Name) and t.value == "__all__" for t in targets
                ):
                    text = ctx.code(small.value) if small.value is not None else ""
                    if re.search(r"""['"]{}['"]""".format(re.escape(name)), text):
                        return True
    return False


def _provider_variable(ctx: ModuleContext) -> str | None:
    """The environment variable the provider's token is read from, if it is
    one (as :func:`hapimigrate.fixers.attach.default_bound_problem` asks)."""
    match = _PROVIDER_VARIABLE.match(ctx.provider.expression.strip())
    return match.group(1) if match else None
