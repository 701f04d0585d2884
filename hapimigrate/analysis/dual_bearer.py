"""Two auth modes, each with its own credential: the key's branch sends its own
value as the Bearer token, into the headers the other branch fills.

    if self.access_token:
        self.session.headers.update({"Authorization": f"Bearer {self.access_token}"})
    else:
        self.session.params.update({"hapikey": self.api_key})

    headers = {"Content-Type": "application/json"}
    if config["access_token"]:
        headers["Authorization"] = f"Bearer {config['access_token']}"
        params = {}
    else:
        params = {"hapikey": config["api_key"]}
    requests.post(url, headers=headers, json=body, params=params)

The key's statement goes (or loses its entry) and ``<headers>["Authorization"]
= "Bearer " + <the key's expression>`` comes right after it, in the same
branch: each mode keeps its own credential (a per-user or per-tenant key stays
per-user, where the provider's one token would be wrong), and the setting that
held the key must hold a token now (the reason names it). This is
:mod:`already_bearer`'s change (the key's own variable as the token) for code
whose two modes are two branches. :func:`own_bearer` proves, else None (the
site stays as the other rules leave it):

- the key's statement is ``P["hapikey"] = K``, ``P = {"hapikey": K}`` or
  ``P.update({"hapikey": K})``, in one branch of an ``if``/``elif``/``else``
  chain (the modes exclude each other), whose other branches hold exactly one
  Authorization write, ``H["Authorization"] = "Bearer ..." `` or
  ``H.update({..., "Authorization": "Bearer ...", ...})``, of another value
  than ``K``; the key's branch mentions no Authorization or Bearer;
- ``P`` and ``H`` reach exactly the key's requests: either one session's
  ``self.s.params`` and ``self.s.headers`` (``self.s`` a new
  ``requests.Session()`` bound once, in the constructor, before the test; its
  headers and params never replaced, nor ``self.s`` handed anywhere), or two
  local dicts whose every read is an item write or the ``params=`` /
  ``headers=`` of the same requests, made after the test in the function, and
  ``H`` bound once before the test to a dict display with no Authorization;
- ``K`` is a name, ``self.x`` or ``obj["x"]`` read nowhere but the key's
  statement and ``if`` tests (``if not key and not token``), bound where no
  literal key is written; the requests' hosts, developer-key endpoints and
  form submissions are ``attach``'s and ``decide``'s checks as for any key.

:func:`apart_reason` says, for the near shapes, what keeps the site manual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import values
from hapimigrate.analysis.already_bearer import _bearer_of
from hapimigrate.analysis.flow import Route
from hapimigrate.python.context import ModuleContext, walk

REASON = (
    "the key's branch sends its own value ({0}) as the Bearer token, into the "
    "headers the other branch fills ({1}): {2} must hold an access token now (a "
    "private app's or a service key's), not a portal API key"
)
# the shape proven, left to a person (review 25): who fills the key is not seen
BY_HAND = (
    "two auth modes: the key's branch can send its own value ({0}) as the Bearer "
    "token, in the headers the other branch fills, once everything that fills "
    "{0} (a setting, each tenant's or caller's stored key) holds an access token "
    "and nothing else checks or sends it as a key; change it by hand"
)
HEADERS_ELSEWHERE = (
    "the key's branch could send its own value as the Bearer token in {0}, but "
    "{0} also goes to the request at line {1}, which never sent the key: the "
    "token would reach it too; change it by hand"
)
SESSION_HEADERS_REPLACED = (
    "the key's branch could send its own value as the Bearer token in {0}, but "
    "{0} is set again at line {1}: a header put there would be lost; change it "
    "by hand"
)
ALSO_READ = (
    "the key's branch could send its own value as the Bearer token, but {0} is "
    "also read at line {1} ({2}), which would then see a token: change them "
    "together, by hand"
)
OTHER_CREDENTIAL = (
    "the key's branch could send its own value as the Bearer token in {0}, but "
    "a request of it may carry a credential of its own (line {1}: {2}: an "
    "Authorization header, auth= or a ** mapping that may hold either), which "
    "would replace or drop it; change it by hand"
)
KEY_AS_HEADER = (
    "the key is sent as a 'hapikey' header ({0}), which HubSpot never read: the "
    "key's mode sent unauthenticated requests; whether it should send a token "
    "now is for a person"
)
_AUTH_TEXT = re.compile(r"(?i)authorization|bearer")
_ENV_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
_SESSIONS = frozenset(
    {"requests.Session", "requests.session", "requests.sessions.Session"}
)


@dataclass(frozen=True)
class OwnBearer:
    """The header statement ``holder[name] = "Bearer " + value`` goes right
    after ``after`` (the key's statement, which loses the key)."""

    after: cst.BaseSmallStatement
    holder: cst.BaseExpression
    name: cst.SimpleString
    value: cst.BaseExpression
    reason: str
    session: cst.Attribute | None = None  # ``self.s`` whose headers get it
    owner: str | None = None  # the class of a ``self.x`` key


@dataclass(frozen=True)
class _Modes:
    """The key's statement, its container, and the other branch's write."""

    statement: cst.BaseSmallStatement
    params: cst.BaseExpression  # P
    top: cst.If  # the chain's first test
    holder: cst.BaseExpression  # H
    name: cst.SimpleString  # the "Authorization" of H's write
    token: cst.BaseExpression  # T
    write: cst.BaseSmallStatement  # the other branch's statement


def own_bearer(
    ctx: ModuleContext, route: Route | None, key: cst.CSTNode | None
) -> OwnBearer | None:
    """Where the key's branch sends its own value as the token (see the
    module), or None."""
    modes = _modes(ctx, route, key)
    if modes is None or route is None or not isinstance(key, cst.BaseExpression):
        return None
    function = ctx.ancestor(modes.statement, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    session = _session_pair(ctx, function, modes)
    if session is None and not _local_pair(ctx, route, function, modes):
        return None
    if session is not None and any(
        s.role != "session" or ctx.code(s.session) != ctx.code(session)
        for s in route.sinks
    ):
        return None  # the session's params reach its every request
    where = ctx.ancestor(function, cst.ClassDef) if session is not None else function
    if where is None or _other_auth(ctx, where, modes.top) is not None:
        return None
    if not _reads_only(ctx, key) or values.is_literal_key(ctx, key):
        return None
    reason = REASON.format(ctx.code(key), ctx.code(modes.token), _setting(ctx, key))
    owner = ctx.ancestor(key, cst.ClassDef) if isinstance(key, cst.Attribute) else None
    return OwnBearer(
        modes.statement,
        modes.holder,
        modes.name,
        key,
        reason,
        session=session,
        owner=owner.name.value if isinstance(owner, cst.ClassDef) else None,
    )


def _other_auth(
    ctx: ModuleContext, where: cst.CSTNode, top: cst.If
) -> cst.CSTNode | None:
    """Another sign of a credential in the session's class or the requests'
    function, outside the two modes' ``if`` chain: an Authorization or Bearer
    text (a request's own header would replace the session's), ``auth=``, a
    ``**`` mapping handed to a call (it may hold either)."""
    for node in walk(where):
        if isinstance(node, cst.Arg) and (
            node.star == "**"
            or (node.keyword is not None and node.keyword.value == "auth")
        ):
            if not ctx.inside(node, top):
                return node
        text = (
            node.value
            if isinstance(node, (cst.SimpleString, cst.FormattedStringText))
            else None
        )
        if text is not None and _AUTH_TEXT.search(text) and not ctx.inside(node, top):
            return node
    return None


def apart_reason(
    ctx: ModuleContext, route: Route | None, key: cst.CSTNode | None
) -> str | None:
    """Why a key's branch beside a Bearer branch cannot send its own value as
    the token, where a precise reason is known: its headers also go to a
    request the key never reached, the session's headers are set again after
    the test, or the key was sent as a header HubSpot never read."""
    statement = ctx.ancestor(key, cst.BaseSmallStatement) if key is not None else None
    if statement is not None and key is not None:
        header = _key_header(ctx, statement, key)
        if header is not None:
            return KEY_AS_HEADER.format(f"line {ctx.start(statement)[0]}")
    modes = _modes(ctx, route, key)
    if modes is None or route is None:
        return None
    function = ctx.ancestor(modes.statement, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    holder = ctx.code(modes.holder)
    if isinstance(modes.holder, cst.Name):
        keyed = {id(s.call) for s in route.sinks if s.call is not None}
        for call in _calls_given(ctx, function, modes.holder.value, "headers"):
            if id(call) not in keyed:
                return HEADERS_ELSEWHERE.format(holder, ctx.start(call)[0])
    if isinstance(modes.holder, cst.Attribute):
        for node in walk(function):
            if (
                isinstance(node, cst.AssignTarget)
                and ctx.code(node.target) == holder
                and ctx.start(node) > ctx.end(modes.top)
            ):
                return SESSION_HEADERS_REPLACED.format(holder, ctx.start(node)[0])
    if isinstance(modes.holder, cst.Attribute):
        owner = ctx.ancestor(function, cst.ClassDef)
        other = _other_auth(ctx, owner, modes.top) if owner is not None else None
        if other is not None:
            line = ctx.ancestor(other, cst.SimpleStatementLine)
            shown = " ".join(ctx.code(line or other).split())
            shown = re.sub(r"""(['"])[^'"]*\1""", "'...'", shown)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            return OTHER_CREDENTIAL.format(holder, ctx.start(other)[0], shown)
    strays = _stray_reads(ctx, key) if isinstance(key, cst.BaseExpression) else None
    if strays:
        line = ctx.ancestor(strays[0], cst.SimpleStatementLine)
        shown = " ".join(ctx.code(line or strays[0]).split())
        shown = re.sub(r"""(['"])[^'"]*\1""", "'...'", shown)  # no literal shown
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return ALSO_READ.format(ctx.code(key), ctx.start(strays[0])[0], shown)
    return None


def _modes(
    ctx: ModuleContext, route: Route | None, key: cst.CSTNode | None
) -> _Modes | None:
    if route is None or not route.sinks or key is None:
        return None
    if not isinstance(key, (cst.Name, cst.Attribute, cst.Subscript)):
        return None
    for sink in route.sinks:
        if sink.remote is not None or (sink.call is None) == (sink.role != "session"):
            return None  # a request of this module, or a session's params
    statement = ctx.ancestor(key, cst.BaseSmallStatement)
    if not isinstance(statement, cst.BaseSmallStatement):
        return None
    params = _params_of(ctx, statement, key)
    if params is None:
        return None
    line = ctx.parent(statement)
    block = ctx.parent(line) if line is not None else None
    branch = ctx.parent(block) if block is not None else None
    if not (
        isinstance(line, cst.SimpleStatementLine)
        and len(line.body) == 1
        and isinstance(block, cst.IndentedBlock)
        and isinstance(branch, (cst.If, cst.Else))
    ):
        return None
    top = branch
    while isinstance(ctx.parent(top), cst.If) and ctx.parent(top).orelse is top:
        top = ctx.parent(top)
    if not isinstance(top, cst.If):
        return None
    bodies: list[cst.BaseSuite] = []
    current: cst.CSTNode | None = top
    while isinstance(current, (cst.If, cst.Else)):
        bodies.append(current.body)
        current = current.orelse if isinstance(current, cst.If) else None
    mine = [b for b in bodies if b is block]
    if len(mine) != 1 or _AUTH_TEXT.search(ctx.code(block)):
        return None
    writes = [w for b in bodies if b is not block for w in _authorization_writes(b)]
    if len(writes) != 1:
        return None
    write, holder, name, value = writes[0]
    token = _bearer_of(value)
    if token is None or ctx.code(token) == ctx.code(key):
        return None
    return _Modes(statement, params, top, holder, name, token, write)


def _params_of(
    ctx: ModuleContext, statement: cst.BaseSmallStatement, key: cst.CSTNode
) -> cst.BaseExpression | None:
    """``P`` of ``P["hapikey"] = K``, ``P = {"hapikey": K}``,
    ``P.update({"hapikey": K})``, where ``K`` is ``key``."""
    if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
        target = statement.targets[0].target
        if statement.value is key and isinstance(target, cst.Subscript):
            if _string_index(target) == "hapikey":
                return target.value
            return None
        if isinstance(statement.value, cst.Dict) and _only_key(statement.value, key):
            return target if isinstance(target, (cst.Name, cst.Attribute)) else None
        return None
    if isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call):
        call = statement.value
        if (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "update"
            and len(call.args) == 1
            and call.args[0].keyword is None
            and not call.args[0].star
            and isinstance(call.args[0].value, cst.Dict)
            and _only_key(call.args[0].value, key)
        ):
            return call.func.value
    return None


def _only_key(display: cst.Dict, key: cst.CSTNode) -> bool:
    return (
        len(display.elements) == 1
        and isinstance(display.elements[0], cst.DictElement)
        and display.elements[0].value is key
        and isinstance(display.elements[0].key, cst.SimpleString)
        and display.elements[0].key.evaluated_value == "hapikey"
    )


def _key_header(
    ctx: ModuleContext, statement: cst.BaseSmallStatement, key: cst.CSTNode
) -> cst.BaseExpression | None:
    """``X.headers`` of ``X.headers.update({"hapikey": K})`` or
    ``X.headers["hapikey"] = K``: the key sent as a header."""
    params = _params_of(ctx, statement, key)
    if isinstance(params, cst.Attribute) and params.attr.value == "headers":
        return params
    return None


def _authorization_writes(
    body: cst.CSTNode,
) -> list[
    tuple[
        cst.BaseSmallStatement, cst.BaseExpression, cst.SimpleString, cst.BaseExpression
    ]
]:
    """``H["Authorization"] = V`` and ``H.update({..., "Authorization": V})``
    statements in ``body``: (statement, H, the name's string, V); a write
    with a ``**`` spread or of another form is returned with V unknown
    (None-free: it is left out and counted by :func:`_modes` as text)."""
    found = []
    for node in walk(body):
        if isinstance(node, cst.Assign) and len(node.targets) == 1:
            target = node.targets[0].target
            if isinstance(target, cst.Subscript) and _authorization(
                _index_node(target)
            ):
                found.append((node, target.value, _index_node(target), node.value))
        elif isinstance(node, cst.Expr) and isinstance(node.value, cst.Call):
            call = node.value
            if not (
                isinstance(call.func, cst.Attribute)
                and call.func.attr.value == "update"
                and len(call.args) == 1
                and isinstance(call.args[0].value, cst.Dict)
            ):
                continue
            for element in call.args[0].value.elements:
                if isinstance(element, cst.DictElement) and _authorization(element.key):
                    found.append((node, call.func.value, element.key, element.value))
    return found


def _authorization(node: cst.CSTNode | None) -> bool:
    return (
        isinstance(node, cst.SimpleString)
        and isinstance(node.evaluated_value, str)
        and node.evaluated_value.lower() == "authorization"
    )


def _index_node(target: cst.Subscript) -> cst.CSTNode | None:
    if len(target.slice) != 1 or not isinstance(target.slice[0].slice, cst.Index):
        return None
    return target.slice[0].slice.value


def _string_index(target: cst.Subscript) -> str | None:
    node = _index_node(target)
    if isinstance(node, cst.SimpleString) and isinstance(node.evaluated_value, str):
        return node.evaluated_value
    return None


def _session_pair(
    ctx: ModuleContext, function: cst.FunctionDef, modes: _Modes
) -> cst.Attribute | None:
    """``self.s`` when ``P`` is ``self.s.params`` and ``H`` ``self.s.headers``
    of one new session of the constructor (see the module)."""
    params, holder = modes.params, modes.holder
    if not (
        isinstance(params, cst.Attribute)
        and params.attr.value == "params"
        and isinstance(holder, cst.Attribute)
        and holder.attr.value == "headers"
        and isinstance(params.value, cst.Attribute)
        and ctx.code(params.value) == ctx.code(holder.value)
    ):
        return None
    session = params.value
    if not (isinstance(session.value, cst.Name) and session.value.value == "self"):
        return None
    owner = ctx.ancestor(function, cst.ClassDef)
    if (
        function.name.value != "__init__"
        or not isinstance(owner, cst.ClassDef)
        or not isinstance(ctx.parent(owner), cst.Module)
    ):
        return None
    if re.search(r"\b(?:setattr|getattr|vars)\(|__dict__", ctx.text):
        return None  # attributes reached by name
    bound = 0
    for use in ctx.index.attributes.get(session.attr.value, ()):
        if ctx.ancestor(use, cst.ClassDef) is not owner or ctx.code(use) != ctx.code(
            session
        ):
            return None  # another object's attribute of that name: not followed
        parent = ctx.parent(use)
        if isinstance(parent, cst.AssignTarget):
            assign = ctx.parent(parent)
            bound += 1
            if not (
                ctx.ancestor(use, cst.FunctionDef) is function
                and isinstance(assign, cst.Assign)
                and len(assign.targets) == 1
                and isinstance(assign.value, cst.Call)
                and not assign.value.args
                and bool(ctx.qualified_names(assign.value.func) & _SESSIONS)
                and ctx.end(assign) < ctx.start(modes.top)
                and ctx.ancestor(assign, cst.If) is None
            ):
                return None
            continue
        if not (isinstance(parent, cst.Attribute) and parent.value is use):
            return None  # handed on, returned, aliased
        if parent.attr.value in ("headers", "params", "auth", "cookies"):
            if not _plain_session_use(ctx, parent, modes):
                return None
    return session if bound == 1 else None


def _plain_session_use(
    ctx: ModuleContext, attribute: cst.Attribute, modes: _Modes
) -> bool:
    """A use of ``self.s.headers`` / ``.params`` that neither replaces nor
    reads them: the key's statement, the other branch's write, an item
    written or ``.update({...})`` of other names (no Authorization, no
    ``**``); nothing for ``.auth`` / ``.cookies``."""
    statement = ctx.ancestor(attribute, cst.BaseSmallStatement)
    if statement is modes.statement or statement is modes.write:
        return True
    if attribute.attr.value not in ("headers", "params"):
        return False
    parent = ctx.parent(attribute)
    if isinstance(parent, cst.Subscript) and isinstance(
        ctx.parent(parent), cst.AssignTarget
    ):
        name = _string_index(parent)
        return name is not None and name.lower() not in ("authorization", "hapikey")
    call = ctx.parent(parent) if isinstance(parent, cst.Attribute) else None
    if (
        isinstance(parent, cst.Attribute)
        and parent.attr.value == "update"
        and isinstance(call, cst.Call)
        and isinstance(ctx.parent(call), cst.Expr)
        and len(call.args) == 1
        and isinstance(call.args[0].value, cst.Dict)
    ):
        return all(
            isinstance(e, cst.DictElement)
            and isinstance(e.key, cst.SimpleString)
            and str(e.key.evaluated_value).lower() not in ("authorization", "hapikey")
            for e in call.args[0].value.elements
        )
    return False


def _local_pair(
    ctx: ModuleContext, route: Route, function: cst.FunctionDef, modes: _Modes
) -> bool:
    """``P`` and ``H`` local dicts of the function reaching exactly the key's
    requests (see the module)."""
    params, holder = modes.params, modes.holder
    if not (isinstance(params, cst.Name) and isinstance(holder, cst.Name)):
        return False
    if params.value == holder.value:
        return False
    scope = ctx.lexical_scope(function.body)
    if scope is None:
        return False
    for name in (params.value, holder.value):
        assignments = list(scope.assignments[name])
        if not assignments or any(
            not isinstance(ctx.parent(getattr(a, "node", None)), cst.AssignTarget)
            for a in assignments
        ):
            return False  # a parameter, a loop's target, a global...
        for assignment in assignments:
            statement = ctx.parent(ctx.parent(assignment.node))
            if not (
                isinstance(statement, cst.Assign)
                and len(statement.targets) == 1
                and isinstance(statement.value, cst.Dict)
                and all(
                    isinstance(e, cst.DictElement) for e in statement.value.elements
                )
            ):
                return False
            if name == holder.value:
                if len(assignments) != 1 or ctx.end(statement) >= ctx.start(modes.top):
                    return False
                if any(_authorization(e.key) for e in statement.value.elements):
                    return False
                block = ctx.ancestor(statement, cst.IndentedBlock)
                if block is None or not ctx.inside(modes.top, block):
                    return False
            elif not (
                ctx.end(statement) < ctx.start(modes.top)
                or ctx.inside(statement, modes.top)
            ):
                return False
        for reference in {
            id(r.node): r.node for a in assignments for r in ctx.references(a)
        }.values():
            if not _plain_local_use(ctx, reference, name, modes):
                return False
    keyed = {id(s.call) for s in route.sinks}
    given_params = _calls_given(ctx, function, params.value, "params")
    given_headers = _calls_given(ctx, function, holder.value, "headers")
    if {id(c) for c in given_params} != keyed or {
        id(c) for c in given_headers
    } != keyed:
        return False
    return all(
        ctx.start(c) > ctx.end(modes.top)
        and ctx.ancestor(c, cst.FunctionDef) is function
        for c in given_params
    )


def _plain_local_use(
    ctx: ModuleContext, use: cst.CSTNode, name: str, modes: _Modes
) -> bool:
    """An item written into the dict, or the dict given as a request's
    ``params=`` / ``headers=`` (which :func:`_local_pair` matches up)."""
    parent = ctx.parent(use)
    if isinstance(parent, cst.Subscript) and parent.value is use:
        if not isinstance(ctx.parent(parent), cst.AssignTarget):
            return False
        statement = ctx.ancestor(parent, cst.BaseSmallStatement)
        if statement is modes.statement or statement is modes.write:
            return True
        index = _string_index(parent)
        return index is not None and index.lower() not in ("authorization", "hapikey")
    return (
        isinstance(parent, cst.Arg)
        and parent.keyword is not None
        and parent.keyword.value in ("params", "headers")
        and isinstance(ctx.parent(parent), cst.Call)
    )


def _calls_given(
    ctx: ModuleContext, function: cst.FunctionDef, name: str, keyword: str
) -> list[cst.Call]:
    """The calls of ``function`` given ``keyword=name``."""
    found = []
    for node in walk(function):
        if isinstance(node, cst.Call):
            for arg in node.args:
                if (
                    arg.keyword is not None
                    and arg.keyword.value == keyword
                    and isinstance(arg.value, cst.Name)
                    and arg.value.value == name
                ):
                    found.append(node)
    return found


def _reads_only(ctx: ModuleContext, key: cst.BaseExpression) -> bool:
    """Whether the key's value is read nowhere but the key's statement and
    ``if`` tests of its truth: no format check, no log line, no other host,
    no comparison."""
    return _stray_reads(ctx, key) == []


def _stray_reads(
    ctx: ModuleContext, key: cst.BaseExpression
) -> list[cst.CSTNode] | None:
    """The reads of the key's value other than the key's statement and ``if``
    tests of its truth; None where its bindings cannot be told (bound twice,
    outside the constructor, through ``getattr``)."""
    if isinstance(key, cst.Name):
        scope = ctx.lexical_scope(key)
        assignments = list(scope[key.value]) if scope is not None else []
        if len(assignments) != 1:
            return None
        reads = [r.node for r in ctx.references(assignments[0])]
        return [r for r in reads if r is not key and not _truth_test(ctx, r)]
    if isinstance(key, cst.Attribute):
        owner = ctx.ancestor(key, cst.ClassDef)
        if (
            not (isinstance(key.value, cst.Name) and key.value.value == "self")
            or not isinstance(owner, cst.ClassDef)
            or re.search(r"\b(?:setattr|getattr|vars)\(|__dict__", ctx.text)
        ):
            return None
        bound, strays = 0, []
        for use in ctx.index.attributes.get(key.attr.value, ()):
            if use is key:
                continue
            if ctx.ancestor(use, cst.ClassDef) is not owner or ctx.code(
                use
            ) != ctx.code(key):
                return None  # another object's attribute of that name
            if isinstance(ctx.parent(use), cst.AssignTarget):
                bound += 1
                function = ctx.ancestor(use, cst.FunctionDef)
                if not (
                    isinstance(function, cst.FunctionDef)
                    and function.name.value == "__init__"
                ):
                    return None
            elif not _truth_test(ctx, use):
                strays.append(use)
        return strays if bound == 1 else None
    if isinstance(key, cst.Subscript):
        name = _string_index(key)
        if name is None:
            return None
        base = ctx.code(key.value)
        entries, strays = 0, []
        for node in walk(ctx.module):
            if not (
                isinstance(node, cst.SimpleString) and node.evaluated_value == name
            ):
                continue
            holder = ctx.parent(ctx.parent(ctx.parent(node)))
            element = ctx.parent(node)
            if isinstance(element, cst.DictElement) and element.key is node:
                entries += 1  # the setting's entry in its dict display
            elif not (
                isinstance(holder, cst.Subscript) and ctx.code(holder.value) == base
            ):
                strays.append(node)  # the name read another way (.get("api_key"))
            elif isinstance(ctx.parent(holder), cst.AssignTarget):
                return None  # written here
            elif holder is not key and not _truth_test(ctx, holder):
                strays.append(holder)
        return strays if entries <= 1 else None
    return None


def _truth_test(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """``node`` read for its truth by an ``if``'s test: ``if key:``, ``if not
    key and not token:``."""
    child = node
    parent = ctx.parent(node)
    while isinstance(parent, (cst.UnaryOperation, cst.BooleanOperation)):
        if isinstance(parent, cst.UnaryOperation) and not isinstance(
            parent.operator, cst.Not
        ):
            return False
        child, parent = parent, ctx.parent(parent)
    return isinstance(parent, cst.If) and parent.test is child


def _setting(ctx: ModuleContext, key: cst.BaseExpression) -> str:
    """What held the key, and must hold a token now: the environment variables
    its value is read from, else its code."""
    names: list[str] = []
    for value in _bound_values(ctx, key):
        for node in walk(value):
            if isinstance(node, cst.SimpleString):
                text = node.evaluated_value
                if isinstance(text, str) and _ENV_NAME.match(text):
                    names.append(text)
    names = list(dict.fromkeys(names))
    if names:
        return " / ".join(names) + f" (read into {ctx.code(key)})"
    if isinstance(key, cst.Name):
        scope = ctx.lexical_scope(key)
        bindings = list(scope[key.value]) if scope is not None else []
        function = ctx.ancestor(key, cst.FunctionDef)
        if (
            len(bindings) == 1
            and isinstance(getattr(bindings[0], "node", None), cst.Param)
            and isinstance(function, cst.FunctionDef)
        ):  # a caller's credential: its callers pass tokens now
            return f"what the callers of {function.name.value}() pass as {key.value}"
    bound = _bound_values(ctx, key)
    if len(bound) == 1 and isinstance(bound[0], (cst.Call, cst.Subscript)):
        shown = " ".join(ctx.code(bound[0]).split())
        if len(shown) <= 60:  # credentials.get("hubspot_api_key"): a stored one
            return f"what {shown} gives (read into {ctx.code(key)})"
    return ctx.code(key)


def _bound_values(ctx: ModuleContext, key: cst.BaseExpression) -> list[cst.CSTNode]:
    """The values the key's expression is bound to in this module."""
    found: list[cst.CSTNode] = []
    if isinstance(key, cst.Name):
        scope = ctx.lexical_scope(key)
        for assignment in scope[key.value] if scope is not None else ():
            bound = values.assigned_value(ctx, getattr(assignment, "node", None))
            if bound is not None:
                found.append(bound)
    elif isinstance(key, cst.Attribute):
        for use in ctx.index.attributes.get(key.attr.value, ()):
            target = ctx.parent(use)
            assign = ctx.parent(target) if target is not None else None
            if isinstance(target, cst.AssignTarget) and isinstance(assign, cst.Assign):
                found.append(assign.value)
    elif isinstance(key, cst.Subscript):
        name = _string_index(key)
        for node in walk(ctx.module):
            if (
                isinstance(node, cst.DictElement)
                and isinstance(node.key, cst.SimpleString)
                and node.key.evaluated_value == name
            ):
                found.append(node.value)
    return found
