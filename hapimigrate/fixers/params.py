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

import libcst as cst

from hapimigrate import inference, static
from hapimigrate.context import ModuleContext
from hapimigrate.fixers import common
from hapimigrate.flow import Flow, FlowError, Route
from hapimigrate.model import Kind, Status


def fix(ctx: ModuleContext) -> None:
    for element in ctx.index.key_elements:
        _dict_entry(ctx, element)
    for arg in ctx.index.key_keywords:
        _keyword_entry(ctx, arg)
    for assign in ctx.index.key_subscripts:
        _item_assignment(ctx, assign)
    for call in ctx.index.key_setdefaults:
        _setdefault(ctx, call)
    for pair in ctx.index.key_pairs:
        _pair_entry(ctx, pair)


def _dict_entry(ctx: ModuleContext, element: cst.DictElement) -> None:
    mapping = ctx.parent(element)
    assert isinstance(mapping, cst.Dict)
    index = list(mapping.elements).index(element)
    emptied = len(mapping.elements) == 1

    def record(route: Route) -> cst.BaseSmallStatement | None:
        ctx.edits.drop_elements[mapping].add(index)
        if not emptied:
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
        ctx.site(
            arg,
            Kind.PARAMS,
            Status.MANUAL,
            f"the key is passed as hapikey= to {ctx.code(func)}()",
        )
        return

    def record(route: Route) -> cst.BaseSmallStatement | None:
        ctx.edits.calls[call].drop_args.add(index)
        if emptied and target is not None:
            return _drop_statement(ctx, call)
        return None

    _migrate(ctx, arg, call, arg.value, record, start=start, target=target)


def _item_assignment(ctx: ModuleContext, assign: cst.Assign) -> None:
    subscript = next(
        t.target for t in assign.targets if isinstance(t.target, cst.Subscript)
    )

    def record(route: Route) -> cst.BaseSmallStatement | None:
        return _drop_statement(ctx, assign)

    _migrate(ctx, assign, assign, assign.value, record, target=subscript.value)


def _migrate(ctx, where, holder, value, record, *, start=None, target=None) -> None:
    """Follow the mapping to its requests; record the edits if all is safe."""
    hardcoded = static.is_literal_key(ctx, value)
    kind = Kind.PARAMS
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
        if common.developer_key((), ctx.code(value)):
            ctx.site(
                where,
                kind,
                Status.KEPT,
                common.DEVELOPER_REASON,
                hardcoded_key=hardcoded,
            )
        else:
            ctx.site(where, kind, Status.MANUAL, str(problem), hardcoded_key=hardcoded)
        return
    if any(s.role == "session" for s in route.sinks):
        kind = Kind.SESSION
    calls = inference.site_endpoints(ctx, route)
    found = dict(calls=calls, hardcoded_key=hardcoded)
    if common.developer_key(calls, ctx.code(value)):
        ctx.site(where, kind, Status.KEPT, common.DEVELOPER_REASON, **found)
        return
    problem = common.sink_problem(route)
    if problem:
        ctx.site(where, kind, Status.MANUAL, problem, **found)
        return
    replaced = record(route)
    urls = common.route_urls(ctx, route)
    if urls and all(common.endpoints.needs_no_auth(u) for u in urls):
        ctx.site(where, kind, Status.REWRITE, common.NO_AUTH_REASON, **found)
        return
    common.send_token(ctx, route, replaces=replaced)
    ctx.note_key(value)
    ctx.site(where, kind, Status.REWRITE, **found)


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
