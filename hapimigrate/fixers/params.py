"""Query-parameter mappings with a ``hapikey`` entry, per request or per session.

    requests.get(url, params={"hapikey": API_KEY, "count": 10})
    requests.get(url, params=dict(hapikey=API_KEY))
    params = {"hapikey": API_KEY}; ...; requests.get(url, params=params)
    params["hapikey"] = API_KEY
    params.update(hapikey=API_KEY)
    urlopen(BASE + "?" + urlencode({"hapikey": API_KEY, "q": q}))
    session.params = {"hapikey": API_KEY}
    session.params["hapikey"] = API_KEY

The entry goes (a statement that only set it goes whole), and the requests that
the mapping reaches get ``headers={"Authorization": "Bearer " + TOKEN}``; a session
gets ``session.headers["Authorization"] = "Bearer " + TOKEN`` instead.
"""

from __future__ import annotations

import dataclasses
from typing import Callable, Optional, Sequence

import libcst as cst

from hapimigrate.analysis import call_endpoints, origins, url_builders
from hapimigrate.analysis import dual_bearer, encoded_params, values
from hapimigrate.python.context import ModuleContext
from hapimigrate.decide import Decision, KeyUse, decide
from hapimigrate.fixers import across_modules, attach
from hapimigrate.fixers.registry import is_key_literal, register
from hapimigrate.analysis.flow import Flow, FlowError, Route, key_guard
from hapimigrate.model import Kind, Status


@register("params-dict-entry", cst.DictElement, lambda node: is_key_literal(node.key))
def _dict_entries(ctx: ModuleContext, elements: Sequence[cst.CSTNode]) -> None:
    for element in elements:
        _dict_entry(ctx, element)  # type: ignore[arg-type]


@register(
    "params-keyword",
    cst.Arg,
    lambda node: node.keyword is not None and node.keyword.value == "hapikey",
)
def _keyword_entries(ctx: ModuleContext, args: Sequence[cst.CSTNode]) -> None:
    for arg in args:
        _keyword_entry(ctx, arg)  # type: ignore[arg-type]


def _sets_key_item(node: cst.Assign) -> bool:
    return any(
        isinstance(t.target, cst.Subscript)
        and len(t.target.slice) == 1
        and isinstance(t.target.slice[0].slice, cst.Index)
        and is_key_literal(t.target.slice[0].slice.value)
        for t in node.targets
    )


@register("params-item-assignment", cst.Assign, _sets_key_item)
def _item_assignments(ctx: ModuleContext, assigns: Sequence[cst.CSTNode]) -> None:
    for assign in assigns:
        _item_assignment(ctx, assign)  # type: ignore[arg-type]


def _sets_key_default(node: cst.Call) -> bool:
    func = node.func
    return (
        isinstance(func, cst.Attribute)
        and func.attr.value == "setdefault"
        and len(node.args) == 2
        and is_key_literal(node.args[0].value)
    )


@register("params-setdefault", cst.Call, _sets_key_default)
def _setdefaults(ctx: ModuleContext, calls: Sequence[cst.CSTNode]) -> None:
    for call in calls:
        _setdefault(ctx, call)  # type: ignore[arg-type]


@register(
    "params-pair",
    cst.Tuple,
    lambda node: len(node.elements) == 2 and is_key_literal(node.elements[0].value),
)
def _pair_entries(ctx: ModuleContext, pairs: Sequence[cst.CSTNode]) -> None:
    for pair in pairs:
        _pair_entry(ctx, pair)  # type: ignore[arg-type]


def _dict_entry(ctx: ModuleContext, element: cst.DictElement) -> None:
    mapping = ctx.parent(element)
    assert isinstance(mapping, cst.Dict)
    index = list(mapping.elements).index(element)
    emptied = len(mapping.elements) == 1

    def record(route: Route) -> cst.BaseSmallStatement | None:
        ctx.edits.drop_elements[mapping].add(index)
        if not emptied:
            return None
        bare = encoded_params.bare_query(ctx, mapping)
        if bare is not None:  # "/path?%s" % urlencode({}) -> "/path"
            ctx.edits.replace[bare.operation] = bare.text
            return None
        return _drop_empty_argument(ctx, mapping, route)

    _migrate(ctx, element, mapping, element.value, record, start=mapping)


def _pair_entry(ctx: ModuleContext, pair: cst.Tuple) -> None:
    """``params=[("hapikey", KEY), ("count", 10)]``: a list of pairs."""
    element = ctx.parent(pair)
    sequence = ctx.parent(element)
    if not isinstance(sequence, (cst.List, cst.Tuple)):
        return  # a lone ("hapikey", v) pair is not a parameter list
    index = list(sequence.elements).index(element)
    emptied = len(sequence.elements) == 1

    def record(route: Route) -> cst.BaseSmallStatement | None:
        ctx.edits.drop_elements[sequence].add(index)
        return _drop_empty_argument(ctx, sequence, route) if emptied else None

    _migrate(ctx, pair, sequence, pair.elements[1].value, record, start=sequence)


def _setdefault(ctx: ModuleContext, call: cst.Call) -> None:
    """``params.setdefault("hapikey", KEY)``."""
    assert isinstance(call.func, cst.Attribute)
    kept = _does_more(ctx, call)
    if kept is not None:
        return _left(ctx, call, call.args[1].value, call.func.value, kept)

    def record(route: Route) -> cst.BaseSmallStatement | None:
        return _drop_statement(ctx, call)

    _migrate(ctx, call, call, call.args[1].value, record, target=call.func.value)


def _keyword_entry(ctx: ModuleContext, arg: cst.Arg) -> None:
    call = ctx.parent(arg)
    assert isinstance(call, cst.Call)
    func = call.func
    index = list(call.args).index(arg)
    emptied = len(call.args) == 1
    if isinstance(func, cst.Attribute) and func.attr.value == "update":
        target, start = func.value, None
    elif isinstance(func, cst.Name) and func.value == "dict":
        target, start = None, call
    else:
        problem = f"the key is passed as hapikey= to {ctx.code(func)}()"
        decision = decide(KeyUse(ctx.code(arg.value), problem=problem))
        line = ctx.start(arg)[0]
        what = f"the key passed as hapikey= to {ctx.code(func)}() at line {line}"
        _note_passed_key(ctx, call, decision.status, what)
        ctx.site(arg, Kind.PARAMS, decision.status, decision.reason)
        return

    def record(route: Route) -> cst.BaseSmallStatement | None:
        ctx.edits.calls[call].drop_args.add(index)
        if emptied and target is not None:
            return _drop_statement(ctx, call)
        return None

    _migrate(ctx, arg, call, arg.value, record, start=start, target=target)


def _note_unfollowed(
    ctx: ModuleContext, problem: FlowError, status: Status, where: cst.CSTNode
) -> None:
    """The requests the reads the flow did not follow reach (``client.auth``
    of a property returning the key): they carry this key, left for a person,
    so another use reaching them leaves them as they are too."""
    what = f"the key at line {ctx.start(where)[0]}"
    for read in getattr(problem, "unfollowed", ()):
        try:
            reached = Flow(ctx).follow(read)
        except FlowError:
            continue
        attach.note_requests(ctx, reached, status)
        for sink in reached.sinks if status != Status.REWRITE else ():
            if sink.call is not None:
                ctx.left_keys.setdefault(id(sink.call), what)


PASSED_AS_TOKEN = (
    "the configured key handed to {}() as hapikey= is the provider's token now "
    "({}() takes a token)"
)


def settle_passed_keywords(ctx: ModuleContext) -> None:
    """A ``hapikey=`` argument left manual by :func:`_keyword_entry` whose
    value another fixer replaced by the provider's token (the callee, a class
    or function of the tree, sends what it is given as the token now): the
    site is migrated, and says so."""
    settled = {}
    for node, kind, reason in ctx.manual_nodes:
        if not (
            isinstance(node, cst.Arg)
            and reason.startswith("the key is passed as hapikey= to ")
            and node.value in ctx.edits.replace
        ):
            continue
        call = ctx.parent(node)
        name = ctx.code(call.func) if isinstance(call, cst.Call) else "?"
        settled[ctx.start(node)] = PASSED_AS_TOKEN.format(name, name)
    if not settled:
        return
    ctx.sites = [
        (
            dataclasses.replace(s, status=Status.REWRITE, reason=settled[where])
            if s.kind == Kind.PARAMS
            and s.status == Status.MANUAL
            and (where := (s.line, s.column - 1)) in settled
            else s
        )
        for s in ctx.sites
    ]
    ctx.manual_nodes = [m for m in ctx.manual_nodes if ctx.start(m[0]) not in settled]


def _note_passed_key(
    ctx: ModuleContext, call: cst.Call, status: Status, what: str
) -> None:
    """``hs_params(hapikey=key)``, ``hs_get(**{"hapikey": key})``: the requests
    the helper's value reaches, and those its ``hapikey`` or ``**extra``
    parameter reaches inside it, carry this key too (a caller's, left for a
    person), so another key's use reaching them (``{**DEFAULT, **extra}``)
    leaves them as they are; ``what`` says which key, in their reason."""

    def note(route: Route) -> None:
        attach.note_requests(ctx, route, status)
        for sink in route.sinks if status != Status.REWRITE else ():
            if sink.call is not None:
                ctx.left_keys.setdefault(id(sink.call), what)

    try:
        note(Flow(ctx).follow(call))
    except FlowError:
        pass
    function = Flow(ctx).local_function(call)
    if function is None:
        return
    params = function.params
    names = {"hapikey"} & {
        p.name.value for p in (*params.params, *params.kwonly_params)
    }
    if isinstance(params.star_kwarg, cst.Param):
        names.add(params.star_kwarg.name.value)
    scope = ctx.lexical_scope(function.body)
    uses = [
        ref.node
        for name in (names if scope is not None else ())
        for assignment in scope.assignments[name]
        for ref in ctx.references(assignment)
    ]
    for use in uses:  # the helper's own requests (those it returns to: above)
        try:
            route = Flow(ctx).follow(use)
        except FlowError:
            continue
        inside = [
            s
            for s in route.sinks
            if s.call is not None and ctx.ancestor(s.call, cst.FunctionDef) is function
        ]
        note(dataclasses.replace(route, sinks=inside))


def _item_assignment(ctx: ModuleContext, assign: cst.Assign) -> None:
    subscript = next(
        t.target for t in assign.targets if isinstance(t.target, cst.Subscript)
    )
    kept = _does_more(ctx, assign)
    if kept is not None:
        return _left(ctx, assign, assign.value, subscript.value, kept)

    def record(route: Route) -> cst.BaseSmallStatement | None:
        guard = ctx.ancestor(assign, cst.If)
        if isinstance(guard, cst.If) and key_guard(guard, subscript.value):
            ctx.edits.drop_blocks.add(guard)  # `if "hapikey" not in p:` goes with it
        return _drop_statement(ctx, assign)

    _migrate(ctx, assign, assign, assign.value, record, target=subscript.value)


Record = Callable[[Route], Optional[cst.BaseSmallStatement]]


def _migrate(
    ctx: ModuleContext,
    where: cst.CSTNode,
    holder: cst.CSTNode,
    value: cst.BaseExpression,
    record: Record,
    *,
    start: cst.CSTNode | None = None,
    target: cst.BaseExpression | None = None,
) -> None:
    """Follow the mapping to its requests, ask what becomes of the key, and
    record the edits of a rewrite (``record`` drops the entry; it returns a
    statement the session header replaces, if any)."""
    hardcoded = values.is_literal_key(ctx, value)
    key_source = origins.described(ctx, value)  # KEY = os.environ["..._DEV_KEY"]
    try:
        flow = Flow(ctx)
        if start is not None:
            route = flow.follow(start)
        else:
            statement = (
                ctx.ancestor(holder, cst.BaseSmallStatement)
                if not isinstance(holder, cst.BaseSmallStatement)
                else holder
            )
            route = flow.follow_target(target, statement)
    except FlowError as problem:
        # the mapping may leave in a URL it is encoded into (a URL helper)
        built = flow.route.returned or flow.route.carrier
        url = values.url_template(ctx, built) if built is not None else ""
        if across_modules.exported(
            ctx,
            problem,
            Kind.PARAMS,
            [value],
            where,
            record,
            url=url if "://" in url else "",
            hardcoded=hardcoded,
        ):
            return
        decision = decide(KeyUse(key_source, problem=str(problem)))
        _note_unfollowed(ctx, problem, decision.status, where)
        passed = ctx.parent(start) if start is not None else None
        if isinstance(passed, cst.Arg) and isinstance(ctx.parent(passed), cst.Call):
            helper = ctx.parent(passed)
            line = ctx.start(where)[0]
            what = f"the key passed to {ctx.code(helper.func)}() at line {line}"
            _note_passed_key(ctx, helper, decision.status, what)
        ctx.site(
            where,
            Kind.PARAMS,
            decision.status,
            decision.reason,
            hardcoded_key=hardcoded,
        )
        return
    kind = (
        Kind.SESSION if any(s.role == "session" for s in route.sinks) else Kind.PARAMS
    )
    calls = call_endpoints.site_endpoints(ctx, route)
    origin = origins.key_origin(ctx, value)
    passed, callers_problem = attach.callers_keys(ctx, origin)
    # a URL builder's key parameter (``params["hapikey"] = api_key`` encoded
    # into the URL it returns) is a field its callers fill, as in a URL string
    # (a URL: not a partial or a session a factory returns)
    fields = url_builders.fills_parameter(ctx, origin, route) and _returns_url(
        ctx, route
    )
    use = KeyUse(
        key_source,
        calls,
        attach.route_urls(ctx, route),
        attach.sink_problem(ctx, route, value)
        or callers_problem
        or attach.guarded_elsewhere(ctx, [value])
        or across_modules.route_problem(
            ctx, route, Kind.PARAMS, [value], placeholders=fields
        ),
        origin,
        attach.key_in_reach(ctx, value, route),
        ctx.several_keys,
        bool(passed),
    )
    decision = decide(use)
    builder = url_builders.configured_builder(
        ctx, decision, origin, route, passed, attach.passing_owners(ctx, origin)
    )
    if builder is not None:  # a builder's parameter, always the configured key
        decision = builder.decision
    if decision.status == Status.MANUAL and _own_bearer(
        ctx, where, kind, route, value, decision
    ):
        return  # two auth modes, named for a person (dual_bearer)
    if decision.rewrites:
        ctx.token_parameters.update(route.classes)  # other modules must not read them
        across_modules.export_route(
            ctx,
            route,
            Kind.PARAMS,
            [value],
            token=decision.send_token,
            placeholders=fields,
        )
        replaced = record(route)
        if builder is not None:  # its callers pass the token, its requests send it
            attach.replace_configured(ctx, builder.passed)
            attach.send_token(ctx, route, at=value)
        else:
            attach.give_token(
                ctx, decision, origin, route, value, replaced, passed=passed
            )
        if decision.key_may_go:
            ctx.note_key(value)
    attach.note_requests(ctx, route, decision.status)
    ctx.site(
        where,
        kind,
        decision.status,
        decision.reason,
        calls=calls,
        hardcoded_key=hardcoded,
    )


def _own_bearer(
    ctx: ModuleContext,
    where: cst.CSTNode,
    kind: Kind,
    route: Route,
    value: cst.BaseExpression,
    manual: Decision,
) -> bool:
    """A key's branch beside a Bearer branch (dual_bearer), for the reasons
    saying no more than "another path": the proven shape named for a person
    (review 25, R6, R8, R9, R10: other modules' readers and callers of the key,
    a caller's URL and a tenants table are out of the proof's sight, so it is
    not rewritten), or a near shape's precise reason. True: the site is
    recorded."""
    if manual.reason not in (attach.EXISTING_AUTH, attach.NO_REQUEST):
        return False
    own = dual_bearer.own_bearer(ctx, route, value)
    if own is not None:
        reason = dual_bearer.BY_HAND.format(ctx.code(own.value))
    else:
        reason = dual_bearer.apart_reason(ctx, route, value)
    if reason is None:
        return False
    attach.note_requests(ctx, route, Status.MANUAL)
    calls = call_endpoints.site_endpoints(ctx, route)
    ctx.site(where, kind, Status.MANUAL, reason, calls=calls)
    return True


def _returns_url(ctx: ModuleContext, route: Route) -> bool:
    """The value leaves its function as a URL's text (``BASE + path + "?" +
    urlencode(params)``), written with its scheme and host."""
    returned = route.returned
    return returned is not None and "://" in values.url_template(ctx, returned)


def _drop_empty_argument(ctx: ModuleContext, mapping: cst.BaseExpression, route: Route):
    """``params={}`` left behind: drop the argument; ``x.update({})``: drop the
    statement; ``session.params = {}``: the statement becomes the header."""
    arg = ctx.parent(mapping)
    if isinstance(arg, cst.Arg):
        call = ctx.parent(arg)
        assert isinstance(call, cst.Call)
        if any(s.call is call for s in route.sinks) and arg.keyword is not None:
            ctx.edits.calls[call].drop_args.add(list(call.args).index(arg))
            return None
        if (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "update"
            and len(call.args) == 1
        ):
            return _drop_statement(ctx, call)
        return None
    statement = ctx.parent(mapping)
    if isinstance(statement, cst.Assign) and any(
        s.statement is statement for s in route.sinks
    ):
        ctx.edits.statements[statement] = []
        return statement
    return None


def _does_more(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """Why the statement setting the key (``params["hapikey"] = KEY``,
    ``params.setdefault("hapikey", KEY)``) cannot simply go: it also binds
    other names (``params["hapikey"] = used = KEY``), or what ``setdefault``
    returns is used (``key = params.setdefault(...)``, ``print(...[-4:])``)."""
    statement = node if isinstance(node, cst.BaseSmallStatement) else ctx.parent(node)
    if isinstance(statement, cst.Expr) and statement.value is node:
        return None
    if statement is node and isinstance(node, cst.Assign):
        if len(node.targets) == 1:
            return None
        names = ", ".join(ctx.code(t.target) for t in node.targets[1:])
        return (
            f"the statement setting the key also sets {names}: removing it would "
            "lose that; change it by hand"
        )
    return (
        "what setdefault() returns (the key) is used here: removing the call "
        "would lose it; change it by hand"
    )


def _left(
    ctx: ModuleContext,
    where: cst.CSTNode,
    value: cst.BaseExpression,
    target: cst.BaseExpression,
    problem: str,
) -> None:
    """A key setting left for a person: its site, and the requests the mapping
    reaches noted as carrying a key left (no other use of them changes)."""
    decision = decide(KeyUse(ctx.code(value), problem=problem))
    try:
        attach.note_requests(ctx, Flow(ctx).follow(target), decision.status)
    except FlowError:
        pass
    ctx.site(where, Kind.PARAMS, decision.status, decision.reason)


def _drop_statement(
    ctx: ModuleContext, node: cst.CSTNode
) -> cst.BaseSmallStatement | None:
    """Remove the statement that only set the key (``x.update(hapikey=k)``)."""
    statement = node if isinstance(node, cst.BaseSmallStatement) else ctx.parent(node)
    if isinstance(statement, (cst.Expr, cst.Assign)) and (
        statement.value is node or statement is node
    ):
        ctx.edits.statements[statement] = []
        return statement
    return None
