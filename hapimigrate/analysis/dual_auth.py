"""Dual-auth code: the key's branch sends the token in the header container the
OAuth branch already fills.

    if self.access_token:
        headers["Authorization"] = "Bearer %s" % self.access_token
    else:
        params = dict(params, hapikey=self.api_key)
    resp = self.session.request(method, url, params=params, headers=headers)

A person migrating this changes the key's branch alone: the key leaves the
params and the token goes into the same ``headers`` the other branch writes
(``headers = {**headers, "Authorization": ...}`` where that dict may be a
caller's, so that the caller's dict is not written into), the OAuth branch
byte for byte as it was. The same in a constructor whose OAuth branch sets its
session's header (``self.session.headers["Authorization"] = ...``) while the
key's branch keeps ``self.auth_params = {"hapikey": KEY}`` for the requests
of that session: the key's branch sets the session's header too.

:func:`placement` finds where the header goes, only when it is proven to reach
exactly the requests the key reached:

- the key is added by a plain statement (:func:`guarded_header.plain_statement`)
  in one branch of an ``if`` chain whose other branches write
  ``<container>["Authorization"] = ...`` into one container, and the key's own
  branch writes no Authorization;
- every other sign of another way to authenticate in the function lies on the
  paths without the key (:func:`guarded_header.signs_apart`);
- a local container (``headers``) is bound once, before the test, in a block
  around it, and used only to write items into and as the ``headers=`` of the
  key's requests, all made in that function after the key; bound from anything
  but a new dict built from no parameter (``kwargs.pop("headers", None) or
  {}``) it may be a caller's dict, and is rebound instead of written into;
- a session's headers (``self.<s>.headers``, in ``__init__``): ``self.<s>`` is
  bound once in that constructor, before the test, to a new
  ``requests.Session()``, and every request of the key is made with it. Which
  hosts the session's other requests reach, whether it escapes or its headers
  are replaced, is judged by the caller (``attach``) with the checks it uses
  for sessions given the key: every other request of it must go to a HubSpot
  endpoint taking a token (not a form submission, not a developer-key API),
  and other modules' uses of the class's instances are looked at by the tree
  pass (``session_classes``; a constructor's ``self.headers`` of a class
  taking the token: a key holder for :mod:`hapimigrate.tree_instances`);
- the key's branch is not picked by the key's own presence (:func:`key_presence`:
  ``if os.environ.get("HUBSPOT_API_KEY"):``, ``elif self.api_key:``, ``if key:``
  of ``key = ...``; a parameter its callers hand the token in is the token's
  presence): that branch never runs once the key is gone, so it stays manual
  saying so (``KEY_PRESENCE``), ``guarded_header``'s placement too.

Likewise :func:`session_branch`: ``s.params = {"hapikey": KEY}`` in the key's
branch, ``s.headers["Authorization"] = ...`` in the other, for the same
session: the session's header takes the params' place (as for any session
given the key), the OAuth branch as it is.

Where the header cannot go there (``attach`` asks), the site stays manual,
with :func:`precise_reason` where the other credential is seen not to be an
exclusive OAuth branch (a test of its own that may hold together with the
key's; another host's credential handed to the same helper); :func:`keyless`
tells a route whose every endpoint needs no auth (a form submission): no
header goes, so an OAuth branch beside it, the hosts the token could reach and
the paths without the key do not matter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.analysis import call_endpoints, guarded_header, values
from hapimigrate.analysis.flow import Flow, Route
from hapimigrate.python.context import ModuleContext, walk

_AUTHORIZATION = "authorization"
_SESSIONS = frozenset(
    {"requests.Session", "requests.session", "requests.sessions.Session"}
)


SEPARATE_TESTS = (
    "the key is added under the test {} (line {}) and an Authorization header "
    "under another, {} (line {}): both may hold for one request, which would "
    "then carry both credentials; only the key's branch may change, by hand"
)
CONTAINER_READ = (
    "the headers the OAuth branch fills ({}) are also read at line {} ({}): "
    "given the token too, it would go wherever that goes (a form submission, "
    "another host?); only the key's branch may change, by hand"
)
KEY_PRESENCE = (
    "the key's presence chooses the auth mode ({} at line {}): once the key is "
    "gone the other branch runs instead, so changing the key's branch changes "
    "nothing; test the token there, or drop the key's branch, by hand"
)
OTHER_HOST_AUTH = (
    "{}() also sends another host's credential ({} at line {}, to {}): that "
    "Authorization is not a HubSpot mode the key's branch could mirror; send "
    "the token from HubSpot's callers by hand"
)


@dataclass(frozen=True)
class DualPlacement(guarded_header.Placement):
    """The header goes into ``holder`` right after the key's statement, as the
    OAuth branch's ``oauth`` statement puts it there."""

    oauth: cst.Assign | None = None  # ``headers["Authorization"] = ...``
    rebind: bool = False  # the dict may be a caller's: rebind the name
    session: cst.Attribute | None = None  # ``self.session`` of ``.headers``
    # the parameters a rebound dict may come from (None: the ``**kwargs``)
    given: tuple[str | None, ...] = ()
    # ``self.<h>`` of this class's constructor: its instances elsewhere
    instance: cst.ClassDef | None = None


def placement(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> DualPlacement | None:
    """Where the key's branch puts the header (see the module), or None."""
    plain = guarded_header.routed_statement(ctx, route, key)
    if plain is None:
        return None
    statement, function = plain
    found = _oauth_write(ctx, statement, function)
    if found is None or _presence_test(ctx, statement, function, key) is not None:
        return None
    test, oauth = found
    if not guarded_header.signs_apart(ctx, function, key):
        return None
    holder = oauth.targets[0].target
    assert isinstance(holder, cst.Subscript)
    container = holder.value
    if isinstance(container, cst.Name):
        return _local(ctx, route, function, statement, test, oauth, container)
    return _session(ctx, route, function, statement, test, oauth, container) or (
        _instance_dict(ctx, route, function, statement, test, oauth, container)
    )


def session_branch(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> cst.Assign | None:
    """The OAuth branch's statement where the key is a session's params set
    in the key's branch of a dual-auth test whose other branch sets that
    session's Authorization (``if private_app: s.headers["Authorization"] =
    ... else: s.params = {"hapikey": ...}``): the session's header takes the
    params' place there, the other branch as it is (the session's hosts:
    ``attach``'s checks). None otherwise."""
    plain = guarded_header.routed_statement(ctx, route, key)
    if plain is None:
        return None
    statement, function = plain
    sessions = set()
    for sink in route.sinks:
        if sink.role != "session" or sink.session is None:
            return None
        if sink.statement is not statement:
            return None
        sessions.add(ctx.code(sink.session))
    found = _oauth_write(ctx, statement, function)
    if found is None or len(sessions) != 1:
        return None
    if _presence_test(ctx, statement, function, key) is not None:
        return None
    oauth = found[1]
    holder = oauth.targets[0].target
    assert isinstance(holder, cst.Subscript)
    if ctx.code(holder.value) != f"{sessions.pop()}.headers":
        return None
    return oauth if guarded_header.signs_apart(ctx, function, key) else None


def precise_reason(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> str | None:
    """What the other way to authenticate beside the key is, where it is seen
    not to be an exclusive OAuth branch: an Authorization header under a test
    of its own (both may run for one request), or another host's credential
    that callers of the request's function hand in. None: nothing more
    precise than "another path" is known."""
    if key is not None:
        plain = guarded_header.plain_statement(ctx, key)
        statement, function = plain if plain is not None else (None, None)
        test = _innermost_if(ctx, statement, function) if statement else None
        presence = key_presence(ctx, key)
        if presence is not None:
            return KEY_PRESENCE.format(
                _shown(ctx, presence.test), ctx.start(presence.test)[0]
            )
        if test is not None and function is not None:
            chain = _chain_top(ctx, test)
            for write in _authorization_writes(ctx, function.body):
                other = _innermost_if(ctx, write, function)
                if other is None or ctx.inside(other, chain):
                    continue
                if ctx.inside(chain, other):
                    continue
                return SEPARATE_TESTS.format(
                    _shown(ctx, test.test),
                    ctx.start(statement)[0],
                    _shown(ctx, other.test),
                    ctx.start(write)[0],
                )
        read = _container_read(ctx, route, statement, function) if test else None
        if read is not None:
            return read
    for sink in route.sinks:
        function = ctx.ancestor(sink.call, cst.FunctionDef) if sink.call else None
        if not isinstance(function, cst.FunctionDef):
            continue
        for caller in Flow(ctx).callers(function):
            given = next(
                (
                    a
                    for a in caller.args
                    if a.keyword is not None
                    and (
                        a.keyword.value == "auth"
                        or re.search(r"(?i)authorization|bearer\s", ctx.code(a.value))
                    )
                ),
                None,
            )
            if given is None:
                continue
            for arg in caller.args:
                where = hubspot.host(values.url_template(ctx, arg.value))
                if where is not None and not hubspot.takes_tokens(where):
                    return OTHER_HOST_AUTH.format(
                        function.name.value,
                        f"{given.keyword.value}=",
                        ctx.start(caller)[0],
                        where,
                    )
    return None


def key_presence(ctx: ModuleContext, key: cst.CSTNode | None) -> cst.If | None:
    """The test reading the key that picks the key's branch of a dual-auth
    ``if`` chain (another branch writes an Authorization): see
    :func:`_presence_test`. ``attach`` leaves such a key's header off its
    branch (``guarded_header``'s placement too); :func:`precise_reason` says
    why."""
    plain = guarded_header.plain_statement(ctx, key) if key is not None else None
    if plain is None or key is None:
        return None
    statement, function = plain
    if _oauth_write(ctx, statement, function) is None:
        return None
    return _presence_test(ctx, statement, function, key)


def _presence_test(
    ctx: ModuleContext,
    statement: cst.BaseSmallStatement,
    function: cst.FunctionDef,
    key: cst.CSTNode,
) -> cst.If | None:
    """The test of the ``if`` chain holding the key's statement, up to the
    key's own branch, that reads the key itself (``if
    os.environ.get("HUBSPOT_API_KEY"):``, ``if key:`` of ``key = ...``, ``elif
    self.api_key:``): the key's presence picks its branch, which never runs
    once the key is gone. None where no such test is seen."""
    node = _innermost_if(ctx, statement, function)
    if node is None:
        return None
    marks = _key_marks(ctx, key)
    current: cst.CSTNode | None = _chain_top(ctx, node)
    while isinstance(current, cst.If):
        if _reads_any(ctx, current.test, marks):
            return current
        if ctx.inside(statement, current.body):
            return None  # the tests after the key's branch do not choose it
        current = current.orelse
    return None


def _key_marks(ctx: ModuleContext, key: cst.CSTNode) -> tuple[set[str], set[str]]:
    """What a test reading the key reads: the strings the key's expression
    holds (the variable's name: ``"HUBSPOT_API_KEY"``), and the code of its
    names and attributes (``key``, ``self.api_key``, ``settings.HUBSPOT_API_KEY``),
    through a local name bound once to the value it was read from."""
    strings: set[str] = set()
    codes: set[str] = set()
    todo = [key]
    seen = 0
    while todo and seen < 8:
        seen += 1
        node = todo.pop()
        for each in walk(node):
            if isinstance(each, cst.SimpleString):
                value = each.evaluated_value
                if isinstance(value, str) and value and value.lower() != "hapikey":
                    strings.add(value)
            elif isinstance(each, (cst.Name, cst.Attribute)):
                parent = ctx.parent(each)
                if isinstance(parent, cst.Attribute) or (
                    isinstance(parent, cst.Call) and parent.func is each
                ):
                    continue  # a part of a longer name, a function called
                code = ctx.code(each)
                if code in ("os.environ", "self", "cls"):
                    continue
                scope = ctx.lexical_scope(each) if isinstance(each, cst.Name) else None
                bindings = list(scope[each.value]) if scope is not None else []
                if bindings and all(
                    isinstance(getattr(b, "node", None), cst.Param) for b in bindings
                ):
                    continue  # a caller's credential: its callers hand the token
                codes.add(code)
                if isinstance(each, cst.Name):
                    for binding in bindings:
                        bound = values.assigned_value(
                            ctx, getattr(binding, "node", None)
                        )
                        if bound is not None:
                            todo.append(bound)
    return strings, codes


def _reads_any(
    ctx: ModuleContext, test: cst.BaseExpression, marks: tuple[set[str], set[str]]
) -> bool:
    strings, codes = marks
    for node in walk(test):
        if isinstance(node, cst.SimpleString) and node.evaluated_value in strings:
            return True
        if isinstance(node, (cst.Name, cst.Attribute)) and ctx.code(node) in codes:
            return True
    return False


def _container_read(
    ctx: ModuleContext,
    route: Route,
    statement: cst.BaseSmallStatement | None,
    function: cst.FunctionDef | None,
) -> str | None:
    """CONTAINER_READ where the OAuth branch's ``self.<h>`` is read by
    anything but the key's requests' ``headers=``, outside its constructor."""
    if statement is None or function is None:
        return None
    found = _oauth_write(ctx, statement, function)
    if found is None:
        return None
    target = found[1].targets[0].target
    assert isinstance(target, cst.Subscript)
    holder = guarded_header._self_attribute(target.value)
    if holder is None:
        return None
    sent = {id(_headers_arg(s.call)) for s in route.sinks if s.call is not None}
    for use in ctx.index.attributes.get(holder, ()):
        if id(use) in sent or ctx.ancestor(use, cst.FunctionDef) is function:
            continue
        line = ctx.ancestor(use, cst.BaseSmallStatement)
        shown = ctx.code(line if line is not None else use).strip()
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        return CONTAINER_READ.format(ctx.code(target.value), ctx.start(use)[0], shown)
    return None


def _innermost_if(
    ctx: ModuleContext, node: cst.CSTNode, function: cst.FunctionDef
) -> cst.If | None:
    """The innermost ``if`` whose branch (not its test) holds ``node``."""
    child: cst.CSTNode = node
    current = ctx.parent(node)
    while current is not None and current is not function:
        if isinstance(current, cst.If) and child is not current.test:
            return current
        child, current = current, ctx.parent(current)
    return None


def _chain_top(ctx: ModuleContext, node: cst.If) -> cst.If:
    """The first ``if`` of the ``if``/``elif`` chain ``node`` belongs to."""
    while isinstance(ctx.parent(node), cst.If) and ctx.parent(node).orelse is node:
        node = ctx.parent(node)
    return node


def _shown(ctx: ModuleContext, test: cst.BaseExpression) -> str:
    """A test as the reason shows it: its code, literals left out."""
    return re.sub(r"""(['"])[^'"]*\1""", "'...'", ctx.code(test))


def keyless(ctx: ModuleContext, route: Route) -> bool:
    """Whether every endpoint the route's requests reach needs no auth (form
    submissions): the key goes and no header comes."""
    kinds = {
        hubspot.auth_kind(c.method, c.path)
        for c in call_endpoints.site_endpoints(ctx, route)
        if c.path
    }
    for sink in route.sinks:
        url = call_endpoints.sink_url_node(sink)
        template = values.url_template(ctx, url) if url is not None else ""
        if not hubspot.endpoint_path(template):
            return False  # a request whose endpoint is not known
        kinds.add(hubspot.auth_kind(None, template))
    return kinds == {hubspot.NO_AUTH}


def header_statement(
    placed: DualPlacement, bearer: cst.BaseExpression, python2: bool
) -> cst.Assign:
    """The key's branch's header: written into the container as the OAuth
    branch writes it, or (a caller's dict) the name rebound to a copy with it."""
    assert placed.oauth is not None
    target = placed.oauth.targets[0].target
    assert isinstance(target, cst.Subscript)
    index = target.slice[0].slice
    assert isinstance(index, cst.Index)
    name = index.value.deep_clone()
    holder = placed.holder.deep_clone()
    if not placed.rebind:
        item = cst.Subscript(holder, [cst.SubscriptElement(cst.Index(name))])
        return cst.Assign([cst.AssignTarget(item)], bearer)
    if python2:  # dict(headers, **{"Authorization": ...})
        merged: cst.BaseExpression = cst.Call(
            cst.Name("dict"),
            [
                cst.Arg(holder),
                cst.Arg(cst.Dict([cst.DictElement(name, bearer)]), star="**"),
            ],
        )
    else:
        merged = cst.Dict(
            [cst.StarredDictElement(holder), cst.DictElement(name, bearer)]
        )
    return cst.Assign([cst.AssignTarget(placed.holder.deep_clone())], merged)


def _oauth_write(
    ctx: ModuleContext, statement: cst.BaseSmallStatement, function: cst.FunctionDef
) -> tuple[cst.If, cst.Assign] | None:
    """The ``if`` chain the key's statement is in (innermost) and the one
    ``<container>["Authorization"] = ...`` its other branches hold, when they
    hold exactly one and the key's branch none."""
    node = _innermost_if(ctx, statement, function)
    if node is None:
        return None
    top = _chain_top(ctx, node)
    mine: cst.CSTNode | None = None
    others: list[cst.CSTNode] = []
    current: cst.CSTNode | None = top
    while current is not None:
        body = current.body if isinstance(current, (cst.If, cst.Else)) else None
        if body is None:
            break
        if ctx.inside(statement, body):
            mine = body
        else:
            others.append(body)
        current = current.orelse if isinstance(current, cst.If) else None
    if mine is None or not others:
        return None
    if _authorization_writes(ctx, mine):
        return None
    writes = [w for body in others for w in _authorization_writes(ctx, body)]
    if not writes or len({ctx.code(w.targets[0].target.value) for w in writes}) != 1:
        return None
    return top, writes[0]


def _authorization_writes(ctx: ModuleContext, body: cst.CSTNode) -> list[cst.Assign]:
    """``x["Authorization"] = ...`` statements in ``body`` (any case)."""
    found = []
    for node in walk(body):
        if not (isinstance(node, cst.Assign) and len(node.targets) == 1):
            continue
        target = node.targets[0].target
        if (
            isinstance(target, cst.Subscript)
            and len(target.slice) == 1
            and isinstance(target.slice[0].slice, cst.Index)
            and isinstance(target.slice[0].slice.value, cst.SimpleString)
            and target.slice[0].slice.value.evaluated_value.lower() == _AUTHORIZATION
        ):
            found.append(node)
    return found


def _headers_arg(call: cst.Call) -> cst.BaseExpression | None:
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "headers":
            return arg.value
    return None


def _local(
    ctx: ModuleContext,
    route: Route,
    function: cst.FunctionDef,
    statement: cst.BaseSmallStatement,
    test: cst.If,
    oauth: cst.Assign,
    container: cst.Name,
) -> DualPlacement | None:
    """A local headers dict: bound once before the test, sent by every request
    of the key (all after the key, in the function), used for nothing else."""
    name = container.value
    sent: set[int] = set()
    for sink in route.sinks:
        call = sink.call
        if call is None or sink.remote is not None or sink.role == "session":
            return None
        if ctx.ancestor(call, cst.FunctionDef) is not function:
            return None
        if ctx.start(call) <= ctx.end(test):
            return None
        given = _headers_arg(call)
        if not (isinstance(given, cst.Name) and given.value == name):
            return None
        sent.add(id(given))
    scope = ctx.lexical_scope(function.body)
    bindings = list(scope.assignments[name]) if scope is not None else []
    params = [b for b in bindings if isinstance(getattr(b, "node", None), cst.Param)]
    assigned = [b for b in bindings if b not in params]
    if len(assigned) != 1 or len(params) > 1:
        return None  # headers = headers or {}: the parameter, then the dict
    assign = values.sole_assign(ctx, getattr(assigned[0], "node", None))
    if assign is None or ctx.end(assign) >= ctx.start(test):
        return None
    block = ctx.ancestor(assign, cst.IndentedBlock)
    if block is None or not ctx.inside(test, block):
        return None
    uses = {id(r.node): r.node for b in bindings for r in ctx.references(b)}
    for use in uses.values():
        parent = ctx.parent(use)
        if id(use) in sent or ctx.inside(use, assign.value):
            continue
        if (
            isinstance(parent, cst.Subscript)
            and parent.value is use
            and isinstance(ctx.parent(parent), cst.AssignTarget)
        ):
            continue
        if ctx.start(use) > ctx.end(test) and _sets_default(ctx, use):
            continue
        return None
    own = guarded_header._fresh(assign.value) and not guarded_header._reads_parameters(
        ctx, function, assign.value
    )
    if not own and not _callers_dict(assign.value):
        return None  # built by something else: an Authorization of its own?
    return DualPlacement(
        statement,
        cst.Name(name),
        False,
        oauth=oauth,
        rebind=not own,
        given=() if own else _parameters_read(function, assign.value),
    )


def _sets_default(ctx: ModuleContext, use: cst.Name) -> bool:
    """``headers.setdefault("Content-Type", ...)``: another header's default."""
    attribute = ctx.parent(use)
    call = ctx.parent(attribute) if attribute is not None else None
    return (
        isinstance(attribute, cst.Attribute)
        and attribute.value is use
        and attribute.attr.value == "setdefault"
        and isinstance(call, cst.Call)
        and bool(call.args)
        and isinstance(call.args[0].value, cst.SimpleString)
        and str(call.args[0].value.evaluated_value).lower() != _AUTHORIZATION
    )


def _callers_dict(value: cst.BaseExpression) -> bool:
    """A dict a caller handed in, else a new empty one, surely a dict (the
    rebinding spreads it): ``kwargs.pop("headers", None) or {}``, ``headers or
    {}``, ``dict(headers or {})``; nothing else (a function of another
    module's making, a value that may be None)."""
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "dict"
        and len(value.args) == 1
        and value.args[0].keyword is None
        and not value.args[0].star
    ):
        value = value.args[0].value
    return (
        isinstance(value, cst.BooleanOperation)
        and isinstance(value.operator, cst.Or)
        and isinstance(value.right, cst.Dict)
        and not value.right.elements
        and _handed_in(value.left)
    )


def _handed_in(value: cst.BaseExpression) -> bool:
    """A parameter, or ``kwargs.pop("headers", ...)`` / ``.get(...)``."""
    if isinstance(value, cst.Name):
        return True
    if not (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and isinstance(value.func.value, cst.Name)
        and value.func.attr.value in ("pop", "get")
        and 1 <= len(value.args) <= 2
        and all(a.keyword is None and not a.star for a in value.args)
    ):
        return False
    name = value.args[0].value
    return (
        isinstance(name, cst.SimpleString)
        and name.evaluated_value == "headers"
        and all(
            (isinstance(a.value, cst.Name) and a.value.value == "None")
            or (isinstance(a.value, cst.Dict) and not a.value.elements)
            for a in value.args[1:]
        )
    )


_MUTATORS = frozenset({"pop", "popitem", "update", "clear", "setdefault"})


def _instance_dict(
    ctx: ModuleContext,
    route: Route,
    function: cst.FunctionDef,
    statement: cst.BaseSmallStatement,
    test: cst.If,
    oauth: cst.Assign,
    container: cst.BaseExpression,
) -> DualPlacement | None:
    """``self.<h>`` in a constructor: a new dict built from no parameter,
    bound once there before the test, written into only there, and read only
    as the ``headers=`` of the key's requests, made in the class's methods;
    the key's own attribute changed nowhere else (a method dropping it would
    send the header still). Other modules' instances: ``attach`` asks."""
    holder = guarded_header._self_attribute(container)
    owner = ctx.ancestor(function, cst.ClassDef)
    if (
        function.name.value != "__init__"
        or holder is None
        or not isinstance(owner, cst.ClassDef)
        or not isinstance(ctx.parent(owner), cst.Module)
    ):
        return None
    if re.search(r"\b(?:setattr|getattr|vars)\(|__dict__", ctx.text):
        return None  # attributes reached by name
    keyed = _key_attribute(ctx, statement)
    if keyed is None or keyed == holder:
        return None
    sent: set[int] = set()
    for sink in route.sinks:
        call = sink.call
        if call is None or sink.remote is not None or sink.role == "session":
            return None
        method = ctx.ancestor(call, cst.FunctionDef)
        if method is None or ctx.ancestor(method, cst.ClassDef) is not owner:
            return None
        given = _headers_arg(call)
        if guarded_header._self_attribute(given) != holder:
            return None
        sent.add(id(given))
    bound = 0
    for use in ctx.index.attributes.get(holder, ()):
        if id(use) in sent:
            continue
        if ctx.ancestor(use, cst.FunctionDef) is not function:
            return None
        parent = ctx.parent(use)
        if isinstance(parent, cst.AssignTarget):
            assign = ctx.parent(parent)
            bound += 1
            if not (
                isinstance(assign, cst.Assign)
                and len(assign.targets) == 1
                and guarded_header._fresh(assign.value)
                and not guarded_header._reads_parameters(ctx, function, assign.value)
                and ctx.end(assign) < ctx.start(test)
                and ctx.ancestor(assign, cst.If) is None
            ):
                return None
        elif not (
            isinstance(parent, cst.Subscript)
            and parent.value is use
            and isinstance(ctx.parent(parent), cst.AssignTarget)
        ):
            return None
    if bound != 1:
        return None
    for use in ctx.index.attributes.get(keyed, ()):
        if ctx.ancestor(use, cst.FunctionDef) is function:
            continue
        parent = ctx.parent(use)
        written = isinstance(parent, cst.AssignTarget) or (
            isinstance(parent, cst.Subscript)
            and isinstance(ctx.parent(parent), cst.AssignTarget)
        )
        if written or (
            isinstance(parent, cst.Attribute) and parent.attr.value in _MUTATORS
        ):
            return None
        if isinstance(parent, (cst.Del, cst.SubscriptElement)) or (
            isinstance(parent, cst.Subscript)
            and isinstance(ctx.parent(parent), cst.Del)
        ):
            return None
    return DualPlacement(statement, container, False, oauth=oauth, instance=owner)


def _key_attribute(ctx: ModuleContext, statement: cst.BaseSmallStatement) -> str | None:
    """``k`` of the key's statement ``self.k = {...}`` / ``self.k[...] = ...``."""
    if not (isinstance(statement, cst.Assign) and len(statement.targets) == 1):
        return None
    target = statement.targets[0].target
    if isinstance(target, cst.Subscript):
        target = target.value
    return guarded_header._self_attribute(target)


def _new_session(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """``requests.Session()``, or ``session or requests.Session()`` (a
    caller's session perhaps: ``attach`` says so)."""
    if isinstance(value, cst.BooleanOperation) and isinstance(value.operator, cst.Or):
        return isinstance(value.left, cst.Name) and _new_session(ctx, value.right)
    return (
        isinstance(value, cst.Call)
        and not value.args
        and bool(ctx.qualified_names(value.func) & _SESSIONS)
    )


def _parameters_read(
    function: cst.FunctionDef, value: cst.BaseExpression
) -> tuple[str | None, ...]:
    """The parameters ``value`` reads: a name, or None for the ``**kwargs``."""
    params = function.params
    star = (
        params.star_kwarg.name.value
        if isinstance(params.star_kwarg, cst.Param)
        else None
    )
    names = {
        p.name.value
        for p in (*params.posonly_params, *params.params, *params.kwonly_params)
    } - {"self", "cls"}
    read: list[str | None] = []
    for node in walk(value):
        if isinstance(node, cst.Name):
            if node.value == star:
                read.append(None)
            elif node.value in names:
                read.append(node.value)
    return tuple(dict.fromkeys(read))


def _session(
    ctx: ModuleContext,
    route: Route,
    function: cst.FunctionDef,
    statement: cst.BaseSmallStatement,
    test: cst.If,
    oauth: cst.Assign,
    container: cst.BaseExpression,
) -> DualPlacement | None:
    """``self.<s>.headers`` in a constructor: ``self.<s>`` a new
    ``requests.Session()`` bound once there before the test, every request of
    the key made with it."""
    if not (
        function.name.value == "__init__"
        and isinstance(container, cst.Attribute)
        and container.attr.value == "headers"
        and isinstance(container.value, cst.Attribute)
        and guarded_header._self_attribute(container.value) is not None
    ):
        return None
    session = container.value
    attribute = session.attr.value
    for sink in route.sinks:
        call = sink.call
        if call is None or sink.remote is not None or sink.role == "session":
            return None
        func = call.func
        if not (
            isinstance(func, cst.Attribute)
            and ctx.code(func.value) == ctx.code(session)
        ):
            return None
    if re.search(r"\b(?:setattr|getattr|vars)\(|__dict__", ctx.text):
        return None  # attributes reached by name
    bound = 0
    for use in ctx.index.attributes.get(attribute, ()):
        parent = ctx.parent(use)
        if not isinstance(parent, cst.AssignTarget):
            continue
        assign = ctx.parent(parent)
        bound += 1
        if not (
            ctx.ancestor(use, cst.FunctionDef) is function
            and ctx.code(use) == ctx.code(session)
            and isinstance(assign, cst.Assign)
            and len(assign.targets) == 1
            and _new_session(ctx, assign.value)
            and ctx.end(assign) < ctx.start(test)
            and ctx.ancestor(assign, cst.If) is None
        ):
            return None
    if bound != 1:
        return None
    return DualPlacement(statement, container, False, oauth=oauth, session=session)
