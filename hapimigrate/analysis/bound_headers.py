"""Dual-auth code whose branches each bind the headers: the key's branch's own
dict literal gets the token.

    def get_all_owners(hapikey, app_private_token, next_url=None):
        if hapikey is not None:
            url = "https://api.hubapi.com/crm/v3/owners/?"
            parameter_dict = {"hapikey": hapikey}
            headers = {}
        else:
            url = next_url or "https://api.hubapi.com/crm/v3/owners/"
            headers = {"Authorization": f"Bearer {app_private_token}"}
            parameter_dict = ""
        r = requests.get(url=url + urllib.parse.urlencode(parameter_dict),
                         headers=headers)

A person migrating this changes the key's branch alone: the key leaves the
query and that branch's ``headers = {}`` becomes ``headers = {"Authorization":
"Bearer " + hapikey}`` (callers hand the token in ``hapikey`` now; a configured
key gives way to the provider's token), the OAuth branch byte for byte.
:mod:`dual_auth` handles the OAuth branch *writing* ``headers["Authorization"]``
into a dict bound before the test; here every branch *binds* the name.

:func:`placement` proves the token reaches exactly the requests the key
reached, and only on the key's paths:

- the key is added by a plain statement (:func:`guarded_header.plain_statement`:
  no loop, ``try:``, ``with:`` or ``x if c else y`` around it) written directly
  in one branch of an ``if``/``elif``/``else`` chain (not in a test nested in it);
- the chain ends in ``else`` and every branch binds the same local name H
  exactly once, by a statement written directly in it, to a dict literal: the
  other branches' literals hold an Authorization entry, the key's branch's
  literal none (and no ``**spread`` or computed key that could hold one);
- H is bound nowhere else in the function (so no value of it from before the
  chain, no rebinding after), is no parameter, no ``global``/``nonlocal``, and
  every read of it is the ``headers=`` of a request the key reaches: nothing
  writes into it (``headers.update(extra)``), hands it on, or sends it
  elsewhere (another host's request);
- every request the key reaches is made in that function, after the chain,
  with ``headers=H``;
- the key's branch is not picked by the key's own presence
  (``dual_auth``'s KEY_PRESENCE: ``if os.environ.get("HUBSPOT_API_KEY"):``);
  a test of a caller's parameter (``if hapikey is not None:``) is the token's
  presence now, its callers handing the token in it;
- every other sign of another way to authenticate in the function lies on the
  paths without the key (:func:`guarded_header.signs_apart`).

Where the chain is such a dual-auth chain but not proven, :func:`precise_reason`
says why where it knows (the key's presence picks the branch; an Authorization
bound to H under a separate test that may hold together with the key's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import dual_auth, guarded_header, origins
from hapimigrate.analysis.flow import Route
from hapimigrate.python.context import ModuleContext, walk

_AUTHORIZATION = "authorization"
# the function's locals reached by name: a binding the scopes cannot see
_BY_NAME = re.compile(r"\b(?:locals|vars|exec|eval)\s*\(")


@dataclass(frozen=True)
class BoundPlacement(guarded_header.Placement):
    """The token goes into ``literal``, the dict the key's branch binds to
    ``holder`` (``headers = {}``); ``after`` is the key's statement."""

    literal: cst.Dict | None = None


@dataclass(frozen=True)
class _Chain:
    """An ``if``/``elif``/``else`` chain and its branches' bodies, in order."""

    top: cst.If
    bodies: tuple[cst.BaseSuite, ...]
    exhaustive: bool  # it ends in ``else``


def placement(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> BoundPlacement | None:
    """Where the key's branch puts the token (see the module), or None."""
    plain = guarded_header.routed_statement(ctx, route, key)
    if plain is None:
        return None
    statement, function = plain
    if _BY_NAME.search(ctx.code(function.body)):
        return None
    chain = _chain_of(ctx, statement, function)
    if chain is None or not chain.exhaustive or len(chain.bodies) < 2:
        return None
    mine = next(b for b in chain.bodies if ctx.inside(statement, b))
    if not _directly_in(ctx, statement, mine):
        return None  # under a test nested in the branch: not on all its paths
    name = _sent_name(ctx, route, function, chain.top)
    if name is None or _declared_outside(function, name):
        return None
    literals = _branch_literals(ctx, function, chain, name)
    if literals is None or statement in {ctx.parent(lit) for lit in literals}:
        return None
    own = literals[chain.bodies.index(mine)]
    if not _without_authorization(own):
        return None
    if not all(_with_authorization(lit) for lit in literals if lit is not own):
        return None
    if not _read_only_as_sent(ctx, route, function, name):
        return None
    if dual_auth._presence_test(ctx, statement, function, key) is not None:
        return None  # the key's presence picks its branch: KEY_PRESENCE
    if origins.key_origin(ctx, key).kind != origins.CALLER:
        # a configured key's presence may pick the branch through a name
        # (USE_KEY = HAPIKEY is not None): that branch never runs once the key
        # is gone; a caller's parameter is what its callers hand in
        return None
    if not guarded_header.signs_apart(ctx, function, key):
        return None
    return BoundPlacement(statement, cst.Name(name), False, literal=own)


def with_token(literal: cst.Dict, bearer: cst.BaseExpression) -> cst.Dict:
    """``literal`` with ``"Authorization": bearer`` as its last entry, in the
    literal's own layout (one line, or one entry a line with a trailing
    comma)."""
    entry = cst.DictElement(cst.SimpleString('"Authorization"'), bearer)
    elements = list(literal.elements)
    if not elements:
        return literal.with_changes(elements=[entry])
    last = elements[-1]
    if isinstance(last.comma, cst.Comma):  # a trailing comma: one entry a line
        opening = literal.lbrace.whitespace_after
        between = (
            elements[-2].comma
            if len(elements) > 1 and isinstance(elements[-2].comma, cst.Comma)
            else cst.Comma(
                whitespace_after=(
                    opening
                    if isinstance(opening, cst.ParenthesizedWhitespace)
                    else cst.SimpleWhitespace(" ")
                )
            )
        )
        elements[-1] = last.with_changes(comma=between)
        entry = entry.with_changes(comma=last.comma)
    else:
        elements[-1] = last.with_changes(
            comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
        )
    return literal.with_changes(elements=[*elements, entry])


def precise_reason(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> str | None:
    """Why a key's branch of a chain binding the headers stays manual, where
    it is known: the key's presence picks the branch (``dual_auth``'s
    KEY_PRESENCE), or an Authorization is bound to the request's headers under
    a separate test that may hold together with the key's (SEPARATE_TESTS).
    None otherwise."""
    if key is None:
        return None
    plain = guarded_header.plain_statement(ctx, key)
    if plain is None:
        return None
    statement, function = plain
    chain = _chain_of(ctx, statement, function)
    if chain is None:
        return None
    name = _sent_name(ctx, route, function, None)
    if name is None:
        return None
    bound = _authorization_bindings(ctx, function, name)
    if not bound:
        return None
    inside = [a for a in bound if ctx.inside(a, chain.top)]
    if inside:
        presence = dual_auth._presence_test(ctx, statement, function, key)
        if presence is not None:
            return dual_auth.KEY_PRESENCE.format(
                dual_auth._shown(ctx, presence.test), ctx.start(presence.test)[0]
            )
    for assign in bound:
        if ctx.start(assign) <= ctx.end(chain.top):
            continue  # in the chain, or bound again by it
        other = dual_auth._innermost_if(ctx, assign, function)
        if other is None or ctx.inside(chain.top, other):
            continue  # on every path, or around the key's chain
        mine = next(
            (
                node
                for node in (chain.top, *_elifs(chain.top))
                if ctx.inside(statement, node.body)
            ),
            chain.top,
        )
        return dual_auth.SEPARATE_TESTS.format(
            dual_auth._shown(ctx, mine.test),
            ctx.start(statement)[0],
            dual_auth._shown(ctx, other.test),
            ctx.start(assign)[0],
        )
    return None


def _elifs(top: cst.If) -> list[cst.If]:
    found = []
    current = top.orelse
    while isinstance(current, cst.If):
        found.append(current)
        current = current.orelse
    return found


def _chain_of(
    ctx: ModuleContext, statement: cst.BaseSmallStatement, function: cst.FunctionDef
) -> _Chain | None:
    """The innermost ``if`` chain whose branch holds ``statement``."""
    node = dual_auth._innermost_if(ctx, statement, function)
    if node is None:
        return None
    top = dual_auth._chain_top(ctx, node)
    bodies: list[cst.BaseSuite] = []
    current: cst.If | cst.Else | None = top
    while current is not None:
        bodies.append(current.body)
        current = current.orelse if isinstance(current, cst.If) else None
        if isinstance(current, cst.Else):
            bodies.append(current.body)
            return _Chain(top, tuple(bodies), True)
    return _Chain(top, tuple(bodies), False)


def _directly_in(ctx: ModuleContext, node: cst.CSTNode, body: cst.BaseSuite) -> bool:
    """Whether the small statement ``node`` is written directly in ``body``
    (one of its lines, not inside a statement nested in it)."""
    line = ctx.parent(node)
    if line is body:  # if x: a = 1; b = 2
        return isinstance(body, cst.SimpleStatementSuite)
    return isinstance(line, cst.SimpleStatementLine) and ctx.parent(line) is body


def _sent_name(
    ctx: ModuleContext,
    route: Route,
    function: cst.FunctionDef,
    top: cst.If | None,
) -> str | None:
    """The one local name every request of the route sends as ``headers=``,
    each made in ``function`` (after ``top``, when given); None otherwise."""
    names = set()
    for sink in route.sinks:
        call = sink.call
        if call is None or sink.remote is not None or sink.role == "session":
            return None
        if ctx.ancestor(call, cst.FunctionDef) is not function:
            return None
        if top is not None and ctx.start(call) <= ctx.end(top):
            return None
        given = dual_auth._headers_arg(call)
        if not isinstance(given, cst.Name):
            return None
        names.add(given.value)
    return names.pop() if len(names) == 1 else None


def _declared_outside(function: cst.FunctionDef, name: str) -> bool:
    """``global H`` / ``nonlocal H`` in the function, or H a parameter."""
    params = function.params
    every = (
        *params.posonly_params,
        *params.params,
        *params.kwonly_params,
        params.star_arg,
        params.star_kwarg,
    )
    if any(isinstance(p, cst.Param) and p.name.value == name for p in every):
        return True
    for node in walk(function.body):
        if isinstance(node, (cst.Global, cst.Nonlocal)) and any(
            n.name.value == name for n in node.names
        ):
            return True
    return False


def _bindings(ctx: ModuleContext, function: cst.FunctionDef, name: str) -> list:
    scope = ctx.lexical_scope(function.body)
    return list(scope.assignments[name]) if scope is not None else []


def _branch_literals(
    ctx: ModuleContext, function: cst.FunctionDef, chain: _Chain, name: str
) -> list[cst.Dict] | None:
    """The dict literal each branch binds ``name`` to, in the branches' order:
    one binding a branch, written directly in it, and none elsewhere in the
    function. None otherwise."""
    found: dict[int, cst.Dict] = {}
    bindings = _bindings(ctx, function, name)
    if len(bindings) != len(chain.bodies):
        return None
    for binding in bindings:
        node = getattr(binding, "node", None)
        target = ctx.parent(node) if isinstance(node, cst.Name) else None
        assign = ctx.parent(target) if isinstance(target, cst.AssignTarget) else None
        if not (
            isinstance(assign, cst.Assign)
            and len(assign.targets) == 1
            and assign.targets[0].target is node
            and isinstance(assign.value, cst.Dict)
        ):
            return None
        index = next(
            (
                i
                for i, body in enumerate(chain.bodies)
                if _directly_in(ctx, assign, body)
            ),
            None,
        )
        if index is None or index in found:
            return None
        found[index] = assign.value
    return [found[i] for i in range(len(chain.bodies))]


def _entry_key(element: cst.BaseDictElement) -> str | None:
    """A literal entry's key as written (a plain string), else None."""
    if isinstance(element, cst.DictElement) and isinstance(
        element.key, cst.SimpleString
    ):
        value = element.key.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _without_authorization(literal: cst.Dict) -> bool:
    """Every entry a plain string key, none of them Authorization."""
    keys = [_entry_key(e) for e in literal.elements]
    return all(k is not None and k.lower() != _AUTHORIZATION for k in keys)


def _with_authorization(literal: cst.Dict) -> bool:
    return any(
        (_entry_key(e) or "").lower() == _AUTHORIZATION for e in literal.elements
    )


def _read_only_as_sent(
    ctx: ModuleContext, route: Route, function: cst.FunctionDef, name: str
) -> bool:
    """Every read of the name is the ``headers=`` of one of the route's
    requests, and every such ``headers=`` reads one of its bindings here."""
    sent = {
        id(dual_auth._headers_arg(s.call)) for s in route.sinks if s.call is not None
    }
    reads = {
        id(r.node): r.node
        for b in _bindings(ctx, function, name)
        for r in ctx.references(b)
    }
    return set(reads) == sent


def _authorization_bindings(
    ctx: ModuleContext, function: cst.FunctionDef, name: str
) -> list[cst.Assign]:
    """``name = {..., "Authorization": ...}`` statements in the function."""
    found = []
    for node in walk(function.body):
        if (
            isinstance(node, cst.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0].target, cst.Name)
            and node.targets[0].target.value == name
            and isinstance(node.value, cst.Dict)
            and _with_authorization(node.value)
        ):
            found.append(node)
    return found
