"""Attaching the token: what stops the header from going on a route's requests, the
URLs they send to, and the edits that make each of them carry
``Authorization: Bearer <token>``."""

from __future__ import annotations

import dataclasses
import re
from typing import Callable, Sequence

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate import hubspot

from hapimigrate.analysis import arguments, header_fit, http_calls, kwargs
from hapimigrate.analysis import imported_clients, own_name
from hapimigrate.analysis import format_positions, format_templates, prefix_names
from hapimigrate.analysis import call_endpoints
from hapimigrate.analysis import session_escapes, session_uses, values
from hapimigrate.python import edits
from hapimigrate.python.context import ModuleContext, walk
from hapimigrate.analysis.flow import Flow, FlowError, Route, Sink
from hapimigrate.analysis import after_made, namespace_writes, origins, reached_hosts
from hapimigrate.analysis import (
    condition_forms,
    dual_auth,
    guarded_header,
    key_conditions,
)
from hapimigrate.analysis import bound_headers, sent_keys
from hapimigrate.analysis import django_options, named_variables
from hapimigrate.analysis import configured_objects, response_cache, reassigned
from hapimigrate.analysis import caller_sessions, configured_sources, starred_callers
from hapimigrate.fixers import developer_urls, helper_headers, rebound_keys
from hapimigrate.fixers import run_time_reads
from hapimigrate.fixers import template_carriers
from hapimigrate.analysis.origins import Origin
from hapimigrate.decide import Decision
from hapimigrate.model import Carrier, Import, Kind, Status
from hapimigrate.python import bearer_reads
from hapimigrate.tree_imports import importable_names
from hapimigrate import tree_handed
from hapimigrate.analysis import bearer_first, handed_urls
from hapimigrate.analysis import other_auth
from hapimigrate.analysis import dual_elsewhere

OTHER_URLS = "the request at line {} also sends to {}: the token goes to HubSpot only"
NOT_API_HOST = (
    "the request at line {} sends to {}, a HubSpot domain but not one of its API hosts "
    "(api.hubapi.com, api-eu1.hubapi.com, ...): the token goes to those only; point the "
    "URL at the API host first"
)


def other_urls(line: int, where: str) -> str:
    """Why a request's token could leave HubSpot's API: another host, or a
    HubSpot domain that is not an API host (``hubapi.com`` without ``api.``)."""
    if hubspot.is_hubspot_host(where) and not hubspot.takes_tokens(where):
        return NOT_API_HOST.format(line, where)
    return OTHER_URLS.format(line, where)


OTHER_CALLERS = (
    "{}() is also called without the key (line {}): the token would go with those "
    "requests too"
)
MIXED_REQUESTS = (
    "the request at line {} also sends uses of the key left for a person: it "
    "changes only when they all do"
)
MIXED_LEFT = (
    "the request at line {} also sends {}, left for a person: it changes only "
    "when that does"
)
TWO_CREDENTIALS = (
    "the request at line {} sends the configured key with a caller's key ({}) "
    "written over it: migrated, the provider's token would replace the caller's; "
    "decide there which token each caller sends, by hand"
)
NO_REQUEST = "no request in this module sends it"
EXISTING_AUTH = (
    "this code already sends an Authorization header on another path (an OAuth "
    "mode?): only the key's branch may change, by hand"
)
HEADERS_REPLACED = (
    "{} is replaced later in this module ({}): a header set here would be lost"
)
OTHER_HOSTS = (
    "{}() also sends other callers' URLs (line {}): the token would reach "
    "hosts other than HubSpot"
)
# signs of another way to authenticate: an Authorization header or Bearer value,
# requests' auth=, an OAuth mode or an access token beside the key
_AUTH_TEXT = re.compile(
    r"""(?i)['"]authorization['"]|['"]bearer\s|\bauth\s*=|oauth|access_token"""
)


def sink_problem(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None = None
) -> str | None:
    """Why the header cannot go on the route's requests safely, if so."""
    if not route.sinks:
        return NO_REQUEST
    for sink in route.sinks:
        if sink.role == "remote":
            problem = _remote_problem(ctx, sink)
            if problem:
                return problem
        if sink.call is not None and sink.info is not None:
            problem = http_calls.header_problem(sink.call, sink.info, ctx.python2_style)
            if problem == http_calls.PASSES_KWARGS and kwargs.own_kwargs(
                ctx, sink.call
            ):
                problem = _callers_auth(ctx, sink.call)
            if problem:
                return problem
    guarded = _guarded(ctx, route)
    beside = beside_key(ctx, route, key)  # the header goes where the key went
    conditioned: set[int] = set()  # under the code's own condition: forms pass it
    if beside is not None:
        functions = {id(ctx.ancestor(s.call, cst.FunctionDef)) for s in route.sinks}
        guarded.update(functions)
        if condition_forms.admits_forms(ctx, beside.after):
            conditioned = functions
    for sink in route.sinks:
        owner = ctx.ancestor(sink.call or sink.statement, cst.ClassDef)
        if isinstance(owner, cst.ClassDef) and owner.name.value in ctx.shared_elsewhere:
            return SUBCLASSED_ELSEWHERE.format(owner.name.value)
        if isinstance(owner, cst.ClassDef):
            prefix = owner.name.value + "."
            held = sorted(n for n in ctx.shared_elsewhere if n.startswith(prefix))
            if held:
                return KEY_READ_ELSEWHERE.format(held[0])
        if (
            sink.call is not None
            and sink.info is not None
            and sink.info.kind == "client"
        ):
            # httpx.Client(params=...): every request it makes, wherever it goes
            problem = _client_problem(ctx, sink.call)
            if problem:
                return problem
    keyless = dual_auth.keyless(ctx, route)  # form submissions: no token goes
    # s.params = {"hapikey": ...} in the key's branch, s.headers[...] in the other
    branch = dual_auth.session_branch(ctx, route, key)
    return (
        (
            _existing_auth(ctx, route, key)
            if (beside is None or key is None) and not keyless and branch is None
            else (
                _dual_auth_problem(ctx, route, beside)
                if isinstance(beside, dual_auth.DualPlacement)
                else (
                    _auth_beside(ctx, route, key, beside)
                    if beside is not None and key is not None
                    else (
                        _other_session_auth(ctx, route.sinks[0].session, branch)
                        if branch is not None and route.sinks[0].session is not None
                        else None
                    )
                )
            )
        )
        or (
            None  # a caller's dict, rebound by the key's branch (dual_auth)
            if isinstance(beside, dual_auth.DualPlacement) and beside.rebind
            else _opaque_headers(ctx, route)
        )
        or _headers_replaced(ctx, route)
        or _session_headers_read(ctx, route)
        or (None if keyless else _other_hosts(ctx, route, guarded, conditioned))
        or _other_callers(ctx, route, guarded)
        or _mixed_requests(ctx, route)
        or _headers_parameter(ctx, route)
        or _callers_own_keys(ctx, route, key)
        or (guard_problem(ctx, route) if beside is None else None)
        or _factory_elsewhere(ctx, route)
        or _callers_elsewhere(ctx, route)
        or _fallback_problem(ctx, route)
        or _response_resent(ctx, route)
        or _parameter_host(ctx, route)
        or caller_sessions.problem(ctx, route)
        or developer_urls.route_problem(ctx, route)
        or (
            key_conditions.conditional_key_problem(ctx, route.sinks, key, carries_key)
            if beside is None and not keyless
            else None
        )
    )


def beside_key(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> guarded_header.Placement | None:
    """Where the header goes when the key is added on some paths only, or
    beside another way to authenticate (an OAuth branch): right after the key,
    under the same condition (see guarded_header); None: on the requests."""
    placed = (
        guarded_header.placement(ctx, route, key)
        or dual_auth.placement(ctx, route, key)
        or bound_headers.placement(ctx, route, key)  # each branch binds them
        or dual_elsewhere.placement(ctx, route, key)  # a builder's headers
    )
    if placed is None or key is None:
        return None
    if dual_auth.key_presence(ctx, key) is not None:
        return None  # a branch the key's presence picks: dual_auth says why
    function = ctx.ancestor(placed.after, cst.FunctionDef)
    assert isinstance(function, cst.FunctionDef)  # placement checked it
    if key_conditions.conditional_key_problem(
        ctx, route.sinks, key, carries_key
    ) or guarded_header.signs(ctx, function, key):
        return placed
    return None


def _auth_beside(
    ctx: ModuleContext,
    route: Route,
    key: cst.CSTNode,
    beside: guarded_header.Placement,
) -> str | None:
    """EXISTING_AUTH for a header put beside the key, unless every sign of
    another way to authenticate lies on the paths without the key (another
    branch of its test, the test), the headers come from nothing else showing
    one, and no session sends one."""
    function = ctx.ancestor(beside.after, cst.FunctionDef)
    assert isinstance(function, cst.FunctionDef)  # placement checked it
    if not guarded_header.signs_apart(ctx, function, key):
        return dual_elsewhere.reason(ctx, route, key) or EXISTING_AUTH
    for sink in route.sinks:
        assert sink.call is not None  # guarded_header.placement checked it
        method = ctx.ancestor(sink.call, cst.FunctionDef)
        assert isinstance(method, cst.FunctionDef)  # placement checked it
        if method is not function and guarded_header.signs(ctx, method):
            # a constructor's key, a method's requests
            return dual_elsewhere.reason(ctx, route, key) or EXISTING_AUTH
        for arg in sink.call.args:
            if arg.keyword is not None and arg.keyword.value == "headers":
                for source in _header_sources(ctx, arg.value, 3):
                    # the functions' own code: guarded_header.signs(_apart)
                    if not ctx.inside(source, method) and _AUTH_TEXT.search(
                        ctx.code(source)
                    ):
                        return dual_elsewhere.reason(ctx, route, key) or EXISTING_AUTH
        if _session_auth(ctx, sink):
            return dual_elsewhere.reason(ctx, route, key) or EXISTING_AUTH
    return None


def _dual_auth_problem(
    ctx: ModuleContext, route: Route, placed: dual_auth.DualPlacement
) -> str | None:
    """Why the key's branch of a dual-auth test may not put the header where
    its OAuth branch does (see dual_auth): a session's header goes with every
    request of it, which must all go to HubSpot, and stay there; a request's
    session sending an Authorization of its own; a caller's headers holding
    one (in this module)."""
    if placed.session is not None:
        uses = session_escapes.follow(ctx, placed.session, "session")
        keyed = {id(s.call) for s in route.sinks}
        # the requests that carried the key get the token where the key went
        # (their hosts: _other_hosts); the session's others must go to HubSpot
        others = tuple(r for r in uses.requests if id(r.call) not in keyed)
        for request in others:  # sent without the key: a form, a developer API?
            url = call_endpoints.sink_url_node(request)
            template = values.url_template(ctx, url) if url is not None else ""
            method = request.info.method if request.info is not None else None
            if hubspot.auth_kind(method, template) is not None:
                return SESSION_NO_TOKEN.format(ctx.start(request.call)[0])
        uses = dataclasses.replace(uses, requests=others)
        session = Route(sinks=[Sink(None, None, "session", session=placed.session)])
        return (
            _other_session_auth(ctx, placed.session, placed.oauth)
            or _uses_problem(ctx, uses)
            or _session_kept(ctx, placed.session)
            or _session_headers_read(ctx, session)
        )
    for sink in route.sinks:
        problem = _session_auth(ctx, sink)
        if problem is not None:
            return problem
    if placed.instance is not None:  # self.headers: other modules' instances
        holder = placed.holder
        assert isinstance(holder, cst.Attribute)
        # (its reasons speak of a session: the OAuth mode's, as it was said)
        if _class_instances_elsewhere(ctx, placed.instance, holder.attr.value):
            return EXISTING_AUTH
    if placed.rebind:  # the caller's headers: none of this module's hold one
        function = ctx.ancestor(placed.after, cst.FunctionDef)
        assert isinstance(function, cst.FunctionDef)  # placement checked it
        for parameter in placed.given:
            problem = _handed_auth(ctx, function, parameter, 0, set())
            if problem is not None:
                return problem
    return None


SESSION_NO_TOKEN = (
    "the session also makes the request at line {} without the key, to an "
    "endpoint that takes no token (a form submission, a developer-key API): "
    "its header would go there too; by hand"
)


def _other_session_auth(
    ctx: ModuleContext, node: cst.BaseExpression, oauth: cst.Assign
) -> str | None:
    """EXISTING_AUTH where the session gets an Authorization (or ``.auth``)
    anywhere but in the OAuth branch's statement ``oauth``."""
    session = ctx.code(node)
    for attribute in (
        *ctx.index.attributes.get("headers", ()),
        *ctx.index.attributes.get("auth", ()),
    ):
        if ctx.code(attribute.value) != session:
            continue
        statement = ctx.ancestor(attribute, cst.BaseSmallStatement)
        if statement is oauth:
            continue
        if attribute.attr.value == "auth" or (
            statement is not None and _AUTH_TEXT.search(ctx.code(statement))
        ):
            return EXISTING_AUTH
    return None


PROVIDER = "the provider's token"  # a remote sink's bearer (see send_token)
REMOTE_HOST = (
    "{}() of another module now sends the token with the URL it is given, and "
    "this one goes to {}: the token would go there"
)


def _remote_problem(ctx: ModuleContext, sink: Sink) -> str | None:
    """A value given as the URL of another module's helper that now adds the
    token: its host must be one of HubSpot's API hosts, written in the code (or
    another module's constant)."""
    assert sink.remote is not None and sink.value is not None
    blocked = ctx.remote_helpers[id(sink.remote)].blocked
    if blocked:  # another of its uses cannot change: none does
        return blocked
    where = hubspot.host(values.url_template(ctx, sink.value))
    if where is None and ctx.remote_helpers[id(sink.remote)].headers:
        # HS + path in def hs_get(path): the paths its calls give
        where = helper_headers.wrapper_host(ctx, sink.remote, sink.value)
    if where is None or not hubspot.takes_tokens(where):
        name = ctx.code(sink.remote.func)
        problem = REMOTE_HOST.format(name, where or "a host known only at run time")
        if ctx.remote_helpers[id(sink.remote)].wanted:  # it changes with this
            problem = problem.replace("now sends", "would send", 1)
        return problem
    return None


def _callers_elsewhere(ctx: ModuleContext, route: Route) -> str | None:
    """What other modules' calls made of the module-level function a request is
    made in (it adds the key to the URLs they give it): one that cannot take
    the token there blocks it here."""
    for sink in route.sinks:
        function = ctx.ancestor(sink.call, cst.FunctionDef) if sink.call else None
        if isinstance(function, cst.FunctionDef) and isinstance(
            ctx.parent(function), cst.Module
        ):
            outcome = ctx.sent_elsewhere.get(function.name.value)
            if outcome is not None and outcome.status not in (
                Status.REWRITE,
                Status.KEPT,
            ):
                return outcome.reason
    return None


def _client_problem(ctx: ModuleContext, call: cst.Call) -> str | None:
    """A client made with the key (``httpx.Client(params=...)``, bound by
    assignment, ``with ... as``, ``self.client = ...``, or returned): each of
    its uses followed to a request to HubSpot (a relative path goes to its
    base URL), none escaping, none in other modules sending elsewhere."""
    uses = session_escapes.follow(ctx, call, "client")
    base = call_endpoints.sink_url_node(Sink(call, http_calls.classify(ctx, call), ""))
    where = hubspot.host(values.url_template(ctx, base)) if base is not None else None
    if where is not None and not hubspot.takes_tokens(where):
        return other_urls(ctx.start(call)[0], where)  # its relative paths
    return _uses_problem(ctx, uses, _hubspot_literal_host(ctx, base))


def _hubspot_literal_host(ctx: ModuleContext, base: cst.BaseExpression | None) -> bool:
    if base is None:
        return False
    where = hubspot.host(values.url_template(ctx, base))
    return where is not None and hubspot.takes_tokens(where)


# a URL that may replace a client's base URL (httpx and urljoin keep an absolute
# one): a scheme, ``//host``, or a value known only at run time (``{path}``)
_MAY_BE_ABSOLUTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|[a-z0-9+.-]*\{)", re.I)


def _uses_problem(
    ctx: ModuleContext, uses: session_escapes.Uses, hubspot_base: bool = False
) -> str | None:
    """Why a session's or client's header may leave HubSpot: a use that
    escapes, a request elsewhere, a name, factory or class holding it that
    other modules (the tree pass says) or its instances send elsewhere."""
    if uses.escape is not None:
        return uses.escape
    for request in uses.requests:
        url = call_endpoints.sink_url_node(request)
        rebound = rebound_host(ctx, url, ctx.start(request.call)[0]) if url else None
        if rebound is not None:
            return rebound
        template = values.url_template(ctx, url) if url is not None else ""
        where = hubspot.host(template)
        if where is not None and hubspot.takes_tokens(where):
            continue  # not status.hubspot.com: a third party's page
        if where is None and hubspot_base and not _MAY_BE_ABSOLUTE.match(template):
            continue  # a relative path under its HubSpot base URL, as before
        other = reached_hosts.other_host(ctx, url) if where is None else None
        if other is not None:  # MIRROR.rstrip("/") + path
            return other_urls(ctx.start(request.call)[0], other)
        path = hubspot.endpoint_path(template)
        method = request.info.method if request.info is not None else None
        if where is None and path and hubspot.scopes_for(method or "GET", path):
            continue
        return other_urls(ctx.start(request.call)[0], where or "an unknown host")
    for name in uses.names:
        if name.value in ctx.shared_elsewhere:
            return SESSION_ELSEWHERE.format(name.value)
    for factory in uses.factories:
        if factory in ctx.shared_elsewhere:
            return FACTORY_ELSEWHERE.format(factory)
    for home, attribute in uses.holders:
        if isinstance(ctx.parent(home), cst.Module):
            problem = _class_instances_elsewhere(ctx, home, attribute)
        else:
            problem = HANDED_OUT.format(home.name.value, "a class not at module level")
        if problem:
            return problem
    return None


def _guarded(ctx: ModuleContext, route: Route) -> set[int]:
    """The functions (ids) of the route's requests that will send the header
    to HubSpot's hosts only: their other callers' URLs need not hold the key."""
    found = set()
    for sink in route.sinks:
        function = guarded_helper(ctx, sink)
        if function is not None and host_guard(ctx, sink, function)[0] is not None:
            found.add(id(function))
    return found


GUARDED_ELSEWHERE = (
    "{} tests the old key {} (a flag or a check): once the key is gone it would "
    "switch this off; change it together with this use, by hand"
)


def guarded_elsewhere(ctx: ModuleContext, keys: Sequence[cst.CSTNode]) -> str | None:
    """A configured key another module tests (``settings.HUBSPOT_ENABLED =
    bool(HUBSPOT_API_KEY)``), found by the tree-wide pass; or a key given at
    run time that is read for something else (:func:`run_time_other_reads`)."""
    for key in keys:
        identity, _ = origins.config_key(ctx, key)
        where = ctx.guarded_elsewhere.get(identity)
        if where is not None:
            return GUARDED_ELSEWHERE.format(where, identity)
        where = ctx.written_elsewhere.get(identity)
        if where is not None:
            return WRITTEN_ELSEWHERE.format(where, identity)
        if identity.isidentifier() and re.search(
            r"""environ\s*\[\s*['"]%s['"]\s*\]\s*=(?!=)|"""
            # os.environ.setdefault / os.putenv, not request.session.setdefault
            r"""(?:environ\s*\.\s*setdefault|putenv)\(\s*['"]%s['"]"""
            % (identity, identity),
            ctx.text,
        ):
            return SETS_ITS_VARIABLE.format(identity)
    return run_time_other_reads(ctx, keys)


WRITTEN_ELSEWHERE = (
    "{} sets {} (a value per run, from the command line or a caller?): the token "
    "would replace whatever it sets; change them together by hand"
)
SETS_ITS_VARIABLE = (
    "this module sets {} itself (os.environ[...] = ..., setdefault): reading the "
    "token's variable instead would find nothing; change both by hand"
)


def _other_callers(
    ctx: ModuleContext, route: Route, guarded: set[int] = frozenset()
) -> str | None:
    """A helper the value entered through a parameter sends every caller's value:
    each other caller must hand it the key as well (and is then a site of its own),
    or its requests would get the token too (unless the header goes to HubSpot's
    hosts only and they give others)."""
    followed = {id(call) for _, call, _ in route.helpers}
    for function, _, parameter in route.helpers:
        line = used_as_value(ctx, function)
        if line is not None:
            return PASSED_AROUND.format(function.name.value, line)
        if id(function) in guarded:
            continue
        for call in Flow(ctx).callers(function):
            if id(call) in followed:
                continue
            given = arguments.bind(function, call).get(parameter)
            if given is None or not carries_key(ctx, given):
                return OTHER_CALLERS.format(function.name.value, ctx.start(call)[0])
    return None


PASSED_AROUND = (
    "{}() is also used as a value (line {}), so not every URL it is given is "
    "seen: the token could go with other hosts' requests"
)


def used_as_value(ctx: ModuleContext, function: cst.FunctionDef) -> int | None:
    """The line where a function is named other than to call it (``map(get_json,
    FEEDS)``, ``pool.submit(fetch, url)``, ``handlers = [fetch]``), if it is."""
    scope = ctx.lexical_scope(function)
    name = function.name.value
    for assignment in scope[name] if scope is not None else ():
        if getattr(assignment, "node", None) is not function:
            continue
        for reference in ctx.references(assignment):
            node = reference.node
            parent = ctx.parent(node)
            if isinstance(parent, cst.Call) and parent.func is node:
                continue
            if isinstance(parent, cst.Attribute) and parent.value is node:
                continue  # fetch.__doc__ and the like
            return ctx.start(node)[0]
    return None


def carries_key(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """Whether an argument holds the key: its code, or (a name) what it is
    assigned in its function, says ``hapikey``."""
    if "hapikey" in ctx.code(value).lower() or id(value) in ctx.carrier_values:
        return True  # the key, or another module's value that holds it
    if isinstance(value, cst.Name):
        scope = ctx.lexical_scope(value)
        for binding in scope[value.value] if scope is not None else ():
            assigned = values.assigned_value(ctx, getattr(binding, "node", None))
            if assigned is not None and (
                "hapikey" in ctx.code(assigned).lower()
                or id(assigned) in ctx.carrier_values
            ):
                return True
        function = ctx.ancestor(value, cst.FunctionDef)
        # the parameter's name written after it (a key's name: url_wf(id,
        # hapikey) says nothing of id)
        if function is not None and re.search(
            rf"\b{re.escape(value.value)}\b[^\n]*(?:['\"]hapikey|hapikey\s*=)",
            ctx.code(function),
            re.I,
        ):
            return True  # params["hapikey"] = KEY, params.update(hapikey=KEY)
    return False


def _mixed_requests(ctx: ModuleContext, route: Route) -> str | None:
    """Set on a second pass: a request that uses left alone also reach."""
    for sink in route.sinks:
        if sink.call is not None and id(sink.call) in ctx.mixed_requests:
            line = ctx.start(sink.call)[0]
            bearers = ctx.two_credentials.get(id(sink.call))
            if bearers:
                return TWO_CREDENTIALS.format(line, _callers_credential(ctx, bearers))
            left = ctx.left_keys.get(id(sink.call))
            if left:
                return MIXED_LEFT.format(line, left)
            return MIXED_REQUESTS.format(line)
    return None


def _callers_credential(ctx: ModuleContext, bearers: frozenset[str]) -> str:
    """The caller's key among a request's Bearer values, by its name
    (``api_key``, ``self.key``); never a value."""
    provider = ctx.code(ctx.bearer())
    for bearer in sorted(bearers - {provider}):
        name = bearer.split("+", 1)[-1].strip()
        if re.fullmatch(r"[A-Za-z_][\w.]*", name):
            return name
    return "a parameter"


def _callers_auth(ctx: ModuleContext, call: cst.Call) -> str | None:
    """A wrapper's callers in this module that hand in another credential
    through its ``**kwargs`` (``headers={"Authorization": ...}``, ``auth=``), or
    headers hapimigrate cannot see into: the merged header would replace theirs."""
    function = ctx.ancestor(call, cst.FunctionDef)
    if function is None:
        return None
    return _handed_elsewhere(ctx, function) or _handed_auth(
        ctx, function, None, 0, set()
    )


HANDED_ELSEWHERE = (
    "{} hands {}() its own headers or credentials (an Authorization header, auth=, "
    "or headers built elsewhere), which the header added would replace: migrate "
    "them together, by hand"
)


def _qualified(ctx: ModuleContext, function: cst.FunctionDef) -> str:
    owner = ctx.parent(ctx.parent(function))
    if isinstance(owner, cst.ClassDef):
        return f"{owner.name.value}.{function.name.value}"
    return function.name.value


def _handed_elsewhere(ctx: ModuleContext, function: cst.FunctionDef) -> str | None:
    """Another module's call handing ``function`` headers of its own (found by
    the tree-wide pass, :mod:`hapimigrate.tree_handed`)."""
    where = tree_handed.marked(
        ctx.shared_elsewhere, tree_handed.HEADERS, _qualified(ctx, function)
    )
    return HANDED_ELSEWHERE.format(where, function.name.value) if where else None


CALLERS_HEADERS = (
    "the call at line {} hands {}() headers hapimigrate cannot see into ({}): "
    "they may hold an Authorization header (another auth mode?), which the one "
    "added would replace; by hand"
)
_DEPTH = 3


def module_callers(ctx: ModuleContext, function: cst.FunctionDef) -> list[cst.Call]:
    """The calls in this module that may call ``function``: by name, as
    ``self.<name>``, and for a method any ``<object>.<name>(...)`` that is not a
    known HTTP library's (a subclass's ``self.request(...)``, an instance's)."""
    found = {id(c): c for c in Flow(ctx).callers(function)}
    if isinstance(ctx.parent(ctx.parent(function)), cst.ClassDef):
        for attribute in ctx.index.attributes.get(function.name.value, ()):
            call = ctx.parent(attribute)
            if not (isinstance(call, cst.Call) and call.func is attribute):
                continue
            names = ctx.qualified_names(attribute)
            if any(imported_clients.is_http_package(n) for n in names):
                continue  # requests.request(...), httpx.get(...)
            if http_calls.classify(ctx, call) is not None:
                continue  # self.session.get(...), a client's request
            found.setdefault(id(call), call)
    return list(found.values())


def _handed_auth(
    ctx: ModuleContext,
    function: cst.FunctionDef,
    parameter: str | None,
    depth: int,
    seen: set[tuple[int, str | None]],
) -> str | None:
    """What the callers of ``function`` in this module hand in through its
    ``**kwargs`` (``parameter`` None) or its parameter ``parameter`` that the
    header would replace: another credential, or headers not seen. A caller
    passing on its own ``**kw`` or parameter is followed to its callers."""
    if (id(function), parameter) in seen:
        return None
    seen.add((id(function), parameter))
    name = function.name.value
    for caller in module_callers(ctx, function):
        line = ctx.start(caller)[0]
        if parameter is not None:
            given = arguments.bind(function, caller).get(parameter)
            if any(a.star for a in caller.args) and given is None:
                return CALLERS_HEADERS.format(line, name, "passed with * or **")
            problem = (
                _headers_value(ctx, given, depth, seen, (line, name))
                if given is not None
                else None
            )
            if problem is not None:
                return problem
            continue
        for arg in caller.args:
            if arg.star == "**":
                outer = ctx.ancestor(caller, cst.FunctionDef)
                star = outer.params.star_kwarg if outer is not None else None
                if not (
                    isinstance(arg.value, cst.Name)
                    and isinstance(star, cst.Param)
                    and star.name.value == arg.value.value
                    and depth < _DEPTH
                ):
                    shown = _star_shown(ctx, arg.value)
                    return CALLERS_HEADERS.format(line, name, shown)
                problem = _handed_auth(ctx, outer, None, depth + 1, seen)
                if problem is not None:
                    return problem
                continue
            if arg.keyword is None:
                continue
            if arg.keyword.value == "auth" or _AUTH_TEXT.search(ctx.code(arg)):
                return EXISTING_AUTH
            if arg.keyword.value == "headers":
                problem = _headers_value(ctx, arg.value, depth, seen, (line, name))
                if problem is not None:
                    return problem
    return None


def _headers_value(
    ctx: ModuleContext,
    value: cst.BaseExpression,
    depth: int,
    seen: set[tuple[int, str | None]],
    call: tuple[int, str],
) -> str | None:
    """Why the headers a caller hands in may hold an Authorization header, or
    None when they are seen not to: a dict written out, None, a name assigned
    one, a parameter its callers give one, a function of this module that
    names no credential. ``call``: the caller's line and the function's name."""
    code = ctx.code(value)
    if _AUTH_TEXT.search(code):
        return EXISTING_AUTH
    unseen = CALLERS_HEADERS.format(call[0], call[1], code)
    if depth > _DEPTH:
        return unseen
    if isinstance(value, cst.Name) and value.value == "None":
        return None
    if isinstance(value, cst.Dict):
        for element in value.elements:
            if isinstance(element, cst.StarredDictElement):
                problem = _headers_value(ctx, element.value, depth + 1, seen, call)
                if problem is not None:
                    return problem
            elif not isinstance(element.key, (cst.SimpleString, cst.FormattedString)):
                return unseen  # {name: ...}: any name
        return None
    if isinstance(value, cst.BooleanOperation):
        return _headers_value(ctx, value.left, depth + 1, seen, call) or _headers_value(
            ctx, value.right, depth + 1, seen
        )
    if isinstance(value, cst.IfExp):
        return _headers_value(ctx, value.body, depth + 1, seen, call) or _headers_value(
            ctx, value.orelse, depth + 1, seen
        )
    if isinstance(value, cst.Call):
        function = Flow(ctx).local_function(value)
        if function is not None:
            return EXISTING_AUTH if _AUTH_TEXT.search(ctx.code(function)) else None
        if isinstance(value.func, cst.Name) and value.func.value == "dict":
            for arg in value.args:
                problem = _headers_value(ctx, arg.value, depth + 1, seen, call)
                if problem is not None:
                    return problem
            return None
        return unseen
    if (
        isinstance(value, cst.Attribute)
        and isinstance(value.value, cst.Name)
        and value.value.value == "self"
    ):  # self.headers: what the class assigns it, if nothing else changes it
        owner = ctx.ancestor(value, cst.ClassDef)
        uses = re.compile(rf"\bself\.{re.escape(value.attr.value)}\b[^\n]*")
        if owner is None or any(
            _AUTH_TEXT.search(use.group(0)) for use in uses.finditer(ctx.code(owner))
        ):
            return EXISTING_AUTH if owner is not None else unseen
        assigned = header_fit.self_attribute_values(ctx, value)
        if not assigned or _mutated_attribute(ctx, owner, value.attr.value):
            return unseen
        for given in assigned:
            problem = _headers_value(ctx, given, depth + 1, seen, call)
            if problem is not None:
                return problem
        return None
    if not isinstance(value, cst.Name):
        return unseen  # CONFIG["headers"], a module's attribute: set elsewhere
    scope = ctx.lexical_scope(value)
    bindings = list(scope[value.value]) if scope is not None else []
    if not bindings:
        return unseen
    for binding in bindings:
        node = getattr(binding, "node", None)
        if isinstance(node, cst.Param):
            holder = ctx.ancestor(node, cst.FunctionDef)
            if holder is None or node is holder.params.star_kwarg:
                return unseen
            problem = _handed_auth(ctx, holder, node.name.value, depth + 1, seen)
            if problem is not None:
                return problem
            continue
        assigned = values.assigned_value(ctx, node)
        if assigned is None:
            return unseen
        problem = _headers_value(ctx, assigned, depth + 1, seen, call)
        if problem is not None:
            return problem
    return None


def _mutated_attribute(ctx: ModuleContext, owner: cst.ClassDef, name: str) -> bool:
    """``self.<name>`` changed in place or read from outside the class: its
    items may come from anywhere (``self.headers.update(extra)``)."""
    text = ctx.code(owner)
    if re.search(rf"\bself\.{re.escape(name)}\s*(?:\[|\.(?!get\b|copy\b)|\|=)", text):
        return True
    outside = (
        rf"(?<!self)\.{re.escape(name)}\s*(?:=(?!=)|\[[^\]\n]*\]\s*=(?!=)|\.update\()"
    )
    return bool(re.search(outside, ctx.text))


def note_requests(ctx: ModuleContext, route: Route | None, status: Status) -> None:
    """Remember which requests a use reaches and what became of it: a request
    some uses rewrite and others leave must stay as it is."""
    for sink in route.sinks if route is not None else ():
        request = sink.call if sink.call is not None else sink.remote
        if request is not None:
            ctx.request_statuses.setdefault(id(request), set()).add(status)


def _existing_auth(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> str | None:
    """An OAuth (or other) mode beside the key's: where the requests are made,
    where the key is put in, or in a helper building the request's headers."""
    places = [s.call if s.call is not None else s.statement for s in route.sinks]
    functions = {ctx.ancestor(p, cst.FunctionDef) for p in places if p is not None}
    if key is not None:
        functions.add(ctx.ancestor(key, cst.FunctionDef))
    sources: list[cst.CSTNode] = [f for f in functions if f is not None]
    for sink in route.sinks:
        for arg in sink.call.args if sink.call is not None else ():
            if arg.keyword is not None and arg.keyword.value == "headers":
                sources += _header_sources(ctx, arg.value, 3)
    for source in sources:
        if _AUTH_TEXT.search(_own_code(ctx, source, key)):
            return (
                dual_auth.precise_reason(ctx, route, key)
                or bound_headers.precise_reason(ctx, route, key)
                or bearer_first.fallback_reason(ctx, key)
                or dual_elsewhere.reason(ctx, route, key)
                or EXISTING_AUTH
            )
    for sink in route.sinks:
        problem = _session_auth(ctx, sink)
        if problem is not None:
            return problem
    return None


def _own_code(
    ctx: ModuleContext, node: cst.CSTNode, key: cst.CSTNode | None = None
) -> str:
    """A function's code, its decorators too (``@with_oauth`` may put its own
    Authorization on the call), but not the comments above them (``#
    FEEDLY_API_ACCESS_TOKEN = ...`` of the code before it), nor any comment,
    nor another host's credential (a Slack request's header: other_auth), nor
    the key's own variable's name (``private_app_access_token``: own_name)."""
    own = own_name.own_name_nodes(ctx, key)
    if isinstance(node, cst.FunctionDef):
        decorators = [d.with_changes(leading_lines=()) for d in node.decorators]
        shown = node.with_changes(leading_lines=(), decorators=decorators)
        return other_auth.shown_code(ctx, node, shown, own)
    return other_auth.shown_code(ctx, node, node, own)


def _session_auth(ctx: ModuleContext, sink: Sink) -> str | None:
    """The session making the request sends its own Authorization (here, or
    given it in another module: an OAuth mode)."""
    session = sink.session if sink.session is not None else _receiver(sink)
    if session is not None and _sets_session_auth(ctx, ctx.code(session)):
        return EXISTING_AUTH
    return header_fit.imported_auth(ctx, session) if session else None


def _headers_parameter(ctx: ModuleContext, route: Route) -> str | None:
    """``def get(self, path, headers=None): ... requests.get(..., headers=headers)``:
    the header merged into what the callers hand in would replace their own
    Authorization header; each caller in this module must be seen not to give one."""
    for sink in route.sinks:
        function = ctx.ancestor(sink.call, cst.FunctionDef) if sink.call else None
        problem = _parameter_headers(ctx, sink.call, function) if function else None
        if problem is not None:
            return problem
    return None


OWN_KEYS = (
    "{}() adds the key to what its callers hand in (only when missing?), and the "
    "call at {} hands in a key of its own (a tenant's?): with the header "
    "added, that request would carry both credentials; migrate them together, "
    "by hand"
)


def _callers_own_keys(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> str | None:
    """``def get(self, path, params=None): params = dict(params or {}); if
    "hapikey" not in params: params["hapikey"] = KEY``: a caller in this
    module handing in its own key keeps it, and would now send the token beside
    it. The function stays whole while one does."""
    function = ctx.ancestor(key, cst.FunctionDef) if key is not None else None
    if function is None:
        return None
    own = [p for p in arguments.parameter_names(function) if p not in ("self", "cls")]
    if not own and function.params.star_kwarg is None:
        return None
    where = tree_handed.marked(
        ctx.shared_elsewhere, tree_handed.KEY, _qualified(ctx, function)
    )
    if where is not None:
        return OWN_KEYS.format(function.name.value, where)
    followed = {id(call) for _, call, _ in route.helpers}
    given = _key_parameters(ctx, function, key)
    for caller in module_callers(ctx, function):
        if id(caller) in followed:
            continue
        keyed = [a.value for a in caller.args if carries_key(ctx, a.value)]
        if keyed and given:  # get_contacts(hapikey, offset): the key itself
            bound = arguments.bind(function, caller)
            keyed = [v for v in keyed if not any(bound.get(p) is v for p in given)]
        if keyed:
            return OWN_KEYS.format(function.name.value, f"line {ctx.start(caller)[0]}")
    return None


def _key_parameters(
    ctx: ModuleContext, function: cst.FunctionDef, key: cst.CSTNode | None
) -> set[str]:
    """The parameters of ``function`` the key is (``def get_contacts(hapikey):
    params = {"hapikey": hapikey}``): a caller handing one in hands in the key
    the header now carries, not a key of its own beside it. ``key`` may be
    the keyed URL (``BASE + "?hapikey=" + hapikey``): the parameter sent as its
    key (:mod:`rebound_keys`)."""
    if key is None:
        return set()
    if not isinstance(key, cst.Name):
        return {
            name
            for node in walk(key)
            if isinstance(node, cst.Name)
            and isinstance(key, cst.BaseExpression)
            and rebound_keys.sent_as_key(ctx, key, node)
            for name in _key_parameters(ctx, function, node)
        }
    scope = ctx.lexical_scope(key)
    return {
        key.value
        for binding in (scope[key.value] if scope is not None else ())
        if isinstance(getattr(binding, "node", None), cst.Param)
        and ctx.ancestor(binding.node, cst.FunctionDef) is function
    }


def _parameter_headers(
    ctx: ModuleContext, call: cst.Call, function: cst.FunctionDef
) -> str | None:
    if _has_headers(call) and _handed_elsewhere(ctx, function):
        return _handed_elsewhere(ctx, function)
    for arg in call.args:
        if arg.keyword is None or arg.keyword.value != "headers":
            continue
        for node in walk(arg.value):
            if not isinstance(node, cst.Name):
                continue
            scope = ctx.lexical_scope(node)
            for binding in scope[node.value] if scope is not None else ():
                param = getattr(binding, "node", None)
                if (
                    isinstance(param, cst.Param)
                    and ctx.ancestor(param, cst.FunctionDef) is function
                    and param is not function.params.star_kwarg
                    and param.name.value not in ("self", "cls")  # not a caller's
                ):
                    problem = _handed_auth(ctx, function, param.name.value, 0, set())
                    if problem is not None:
                        return problem
    return None


def other_auth_near(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """The function around ``node`` shows another way to authenticate (an OAuth
    branch beside the key's): ``if is_oauth(): return {}``."""
    function = ctx.ancestor(node, cst.FunctionDef)
    return function is not None and bool(_AUTH_TEXT.search(ctx.code(function)))


def _opaque_headers(ctx: ModuleContext, route: Route) -> str | None:
    """A request whose headers come from a function of another module: what it
    returns cannot be seen (an OAuth header, in another mode?)."""
    for sink in route.sinks:
        for arg in sink.call.args if sink.call is not None else ():
            if arg.keyword is None or arg.keyword.value != "headers":
                continue
            for source in _header_sources(ctx, arg.value, 3):
                if isinstance(source, cst.Call) and not _seen_into(ctx, source):
                    return (
                        f"the request's headers come from {ctx.code(source.func)}(), "
                        "which hapimigrate cannot see into: it may already send "
                        "Authorization (another auth mode?), by hand"
                    )
    return None


def _seen_into(ctx: ModuleContext, call: cst.Call) -> bool:
    """A call whose result is known: this module's function, dict(), a copy."""
    func = call.func
    if Flow(ctx).local_function(call) is not None:
        return True
    if isinstance(func, cst.Name) and func.value == "dict":
        return True
    if header_fit.builds_plain_headers(ctx, call):  # json_headers() of http.py
        return True
    return isinstance(func, cst.Attribute) and func.attr.value in ("copy", "get")


def _header_sources(
    ctx: ModuleContext, value: cst.BaseExpression, depth: int
) -> list[cst.CSTNode]:
    """The code a request's ``headers=`` value comes from: the expression, what
    its name is assigned (here or at module level), and the body of a local
    function building it (``headers = auth_headers()``)."""
    found: list[cst.CSTNode] = [value]
    if depth <= 0:
        return found
    if isinstance(value, cst.Call):
        function = Flow(ctx).local_function(value)
        if function is not None:
            found.append(function)
        for arg in value.args:
            found += _header_sources(ctx, arg.value, depth - 1)
    elif isinstance(value, cst.Name):
        scope = ctx.lexical_scope(value)
        for binding in scope[value.value] if scope is not None else ():
            assigned = values.assigned_value(ctx, getattr(binding, "node", None))
            if assigned is not None:
                found += _header_sources(ctx, assigned, depth - 1)
            holder = ctx.ancestor(getattr(binding, "node", None), cst.FunctionDef)
            if isinstance(getattr(binding, "node", None), cst.Param) and holder:
                found.append(holder)  # a parameter: the callers' headers
    elif isinstance(value, (cst.BooleanOperation, cst.BinaryOperation)):
        found += _header_sources(ctx, value.left, depth - 1)
        found += _header_sources(ctx, value.right, depth - 1)
    return found


def _receiver(sink: Sink) -> cst.BaseExpression | None:
    func = sink.call.func if sink.call is not None else None
    return func.value if isinstance(func, cst.Attribute) else None


def _sets_session_auth(ctx: ModuleContext, session: str) -> bool:
    """``session.headers["Authorization"] = ...``, ``.headers.update(...)`` with
    one, or ``session.auth = ...``, anywhere in the module."""
    for attribute in (
        *ctx.index.attributes.get("headers", ()),
        *ctx.index.attributes.get("auth", ()),
    ):
        if ctx.code(attribute.value) != session:
            continue
        statement = ctx.ancestor(attribute, cst.SimpleStatementLine)
        if statement is not None and _AUTH_TEXT.search(ctx.code(statement)):
            return True
        if attribute.attr.value == "auth" and isinstance(
            ctx.parent(attribute), cst.AssignTarget
        ):
            return True
    return False


def _headers_replaced(ctx: ModuleContext, route: Route) -> str | None:
    """A session whose headers the module replaces or clears after it is set up
    (``s.headers = {...}``), or a session object built again: a header set once
    would be lost."""
    for sink in route.sinks:
        made = _made_object_replaced(ctx, sink.call) if sink.call is not None else None
        if made is not None:
            return made
        if sink.session is None:
            continue
        problem = _session_kept(ctx, sink.session) or _session_sends_elsewhere(
            ctx, sink.session
        )
        if problem is not None:
            return problem
    return None


def _session_kept(ctx: ModuleContext, node: cst.BaseExpression) -> str | None:
    """Why a header set on the session once may not stay with its requests:
    its headers replaced or cleared, the session another module's or the
    caller's, its instances or a helper taking it elsewhere."""
    session = ctx.code(node)
    if session in ctx.shared_elsewhere:
        return SESSION_ELSEWHERE.format(session)
    for attribute in ctx.index.attributes.get("headers", ()):
        if ctx.code(attribute.value) != session:
            continue
        holder = ctx.parent(attribute)
        replaced = isinstance(holder, cst.AssignTarget) or (
            isinstance(holder, cst.Attribute)
            and holder.attr.value == "clear"
            and isinstance(ctx.parent(holder), cst.Call)
        )
        if replaced:
            line = ctx.start(attribute)[0]
            return HEADERS_REPLACED.format(f"{session}.headers", f"line {line}")
    if values.imported_here(ctx, node):  # hub.s: another module made it
        return ANOTHER_MODULES_SESSION.format(session)
    given = callers_session(ctx, node)
    if given is not None:
        return CALLERS_SESSION.format(session, given)
    instances = _instances_elsewhere(ctx, node)
    if instances is not None:
        return instances
    helper = _replaced_by_a_helper(ctx, session)
    if helper is not None:
        return HEADERS_REPLACED.format(f"{session}.headers", f"by {helper}()")
    return None


def _session_headers_read(ctx: ModuleContext, route: Route) -> str | None:
    """A session given the header whose headers the code reads as a whole
    (``dict(s.headers)`` for another request, a log line): the token would go
    with them. Or a client made with another host's base URL
    (``httpx.Client(base_url=MIRROR)`` then ``client.params = {...}``): its
    relative paths go there."""
    for sink in route.sinks:
        if sink.session is None:
            continue
        where = _receiver_base_host(ctx, sink.session)
        if where is not None:
            return SESSION_BASE.format(ctx.code(sink.session), where)
        session = ctx.code(sink.session)
        function = ctx.ancestor(sink.session, cst.FunctionDef)
        local = function is not None and not session.startswith("self.")
        read = after_made.headers_read(ctx, session, function if local else ctx.module)
        if read is not None:
            return HEADERS_READ.format(read.line, session, read.code)
    return None


INSTANCES_ELSEWHERE = (
    "the instances of {} carry the session: at line {} one may send it to another "
    "host (or leaves where it is made), and the header would go along: by hand"
)


def _made_object_replaced(ctx: ModuleContext, call: cst.Call) -> str | None:
    """``req = Request(url, ...)`` (urllib's, requests', an httpx client) whose
    headers the code replaces or clears after: the header given to the
    constructor would be lost."""
    statement = ctx.parent(call)
    prepared = ctx.parent(statement)  # prep = requests.Request(...).prepare()
    if (
        isinstance(statement, cst.Attribute)
        and statement.attr.value == "prepare"
        and isinstance(prepared, cst.Call)
    ):
        statement = ctx.parent(prepared)
    if not (
        isinstance(statement, cst.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0].target, cst.Name)
    ):
        return None
    name = statement.targets[0].target.value
    where = ctx.ancestor(call, cst.FunctionDef) or ctx.module
    replaced = re.search(
        rf"\b{re.escape(name)}\.headers\s*(?:=(?!=)|\.clear\(|\|=)", ctx.code(where)
    )
    if replaced is not None:
        return HEADERS_REPLACED.format(f"{name}.headers", "after it is made")
    for made in _prepared_names(ctx, name, where):
        moved = after_made.re_pointed(ctx, made, where)
        if moved is not None:
            return RE_POINTED.format(made, moved.line, moved.code)
        read = after_made.headers_read(ctx, made, where)
        if read is not None:
            return HEADERS_READ.format(read.line, made, read.code)
    return None


SESSION_BASE = (
    "{} is made with the base URL of another host, {}: its requests to a path go "
    "there, and the token goes to HubSpot only"
)
RE_POINTED = (
    "{} is re-pointed after it is made (line {}: {}): the header it is given would "
    "go wherever it then points, not only to HubSpot; migrate by hand"
)
HEADERS_READ = (
    "line {} reads the headers of {} ({}): migrated, they would hold the token, "
    "which would go wherever they are sent or written; migrate by hand"
)


def _prepared_names(ctx: ModuleContext, name: str, where: cst.CSTNode) -> list[str]:
    """``req`` and the names its prepared form is bound to (``prep =
    req.prepare()``, ``prep = s.prepare_request(req)``)."""
    found = [name]
    for node in walk(where):
        if not (
            isinstance(node, cst.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0].target, cst.Name)
            and isinstance(node.value, cst.Call)
            and isinstance(node.value.func, cst.Attribute)
        ):
            continue
        func = node.value.func
        if (func.attr.value == "prepare" and ctx.code(func.value) == name) or (
            func.attr.value == "prepare_request"
            and node.value.args
            and ctx.code(node.value.args[0].value) == name
        ):
            found.append(node.targets[0].target.value)
    return found


CALLER_NONE = (
    "the call at line {} leaves {} at its default None: no key was sent then, and "
    "a header built from None would raise; decide by hand"
)


ANOTHER_MODULES_SESSION = (
    "{} is another module's session: setting its header here changes it for that "
    "module's requests too, while its own key stays; migrate them together by hand"
)


HANDED_OUT = (
    "{} hands its session out ({}): whatever its callers send with it would carry "
    "the header, and they are not followed: by hand"
)


def _hands_out(ctx: ModuleContext, home: cst.ClassDef, attribute: str) -> str | None:
    """A method of the class returning its session (``__enter__`` returning
    ``self.s``, a ``session()`` getter), or a session subclass's ``__enter__``
    returning something else than ``self``."""
    wanted = f"self.{attribute}" if attribute else None
    for statement in home.body.body:
        if not isinstance(statement, cst.FunctionDef):
            continue
        for node in origins.own_returns(statement):
            text = ctx.code(node.value) if node.value is not None else ""
            if wanted is not None and text == wanted:
                return f"{statement.name.value}() returns {text}"
            if (
                wanted is None
                and statement.name.value in ("__enter__", "__aenter__")
                and text != "self"
            ):
                return f"{statement.name.value}() returns {text or 'None'}"
        for node in _own_yields(statement):  # a @contextmanager, a generator
            text = ctx.code(node.value) if node.value is not None else ""
            if text == (wanted or "self"):
                return f"{statement.name.value}() yields {text}"
    return None


def session_class(
    ctx: ModuleContext, session: cst.BaseExpression
) -> tuple[cst.ClassDef, str] | None:
    """The module-level class whose instances hold the session (``self`` of a
    ``requests.Session`` subclass, attribute ""; ``self.session``, attribute
    "session"), if the session is one of theirs."""
    owner, attribute = session, ""
    if isinstance(session, cst.Attribute):
        owner, attribute = session.value, session.attr.value
    if not (isinstance(owner, cst.Name) and owner.value == "self"):
        return None
    home = ctx.ancestor(session, cst.ClassDef)
    if home is None or not isinstance(ctx.parent(home), cst.Module):
        return None
    return home, attribute


def _instances_elsewhere(ctx: ModuleContext, session: cst.BaseExpression) -> str | None:
    """Why the instances of the class holding the session may send its header
    to other hosts, in this module or others (the tree pass says), if so."""
    held = session_class(ctx, session)
    if held is None:
        return None
    return _class_instances_elsewhere(ctx, *held)


def _class_instances_elsewhere(
    ctx: ModuleContext, home: cst.ClassDef, attribute: str
) -> str | None:
    """Why the instances of ``home`` (holding the session as ``attribute``:
    ``self.session``, a class-body ``session``) may take it elsewhere."""
    name = home.name.value
    handed = _hands_out(ctx, home, attribute)
    if handed is not None:
        return HANDED_OUT.format(name, handed)
    module_instances = [n.value for n in bound_to_calls_of(ctx, name)]
    bound = {
        target.target.value
        for node in walk(ctx.module)
        if isinstance(node, cst.Assign)
        and isinstance(node.value, cst.Call)
        and isinstance(node.value.func, cst.Name)
        and node.value.func.value == name
        for target in node.targets
        if isinstance(target.target, cst.Name)
    }
    for function in ctx.module.body:  # def default(): return _default
        if isinstance(function, cst.FunctionDef) and any(
            (isinstance(r.value, cst.Name) and r.value.value in bound)
            or (
                isinstance(r.value, cst.Call)
                and isinstance(r.value.func, cst.Name)
                and r.value.func.value == name
            )
            for r in origins.own_returns(function)
        ):
            return HANDED_OUT.format(
                name, f"{function.name.value}() returns an instance"
            )
    instances = {
        each + (f".{attribute}" if attribute else "") for each in module_instances
    }
    if f"{name}()" in ctx.shared_elsewhere or instances & ctx.shared_elsewhere:
        return SESSION_ELSEWHERE.format(
            f"{name}()" + (f".{attribute}" if attribute else "")
        )
    outside = ctx.text.replace(ctx.code(home), "\n" * ctx.code(home).count("\n"), 1)
    line = session_uses.held_elsewhere(outside.encode(), name, attribute, followed=True)
    if line is None:
        return None
    return INSTANCES_ELSEWHERE.format(name, line)


CALLERS_SESSION = (
    "{} may be the caller's own session ({}): a header set on it stays with the "
    "caller's other requests (its own Authorization replaced, other hosts): by hand"
)


def callers_session(ctx: ModuleContext, session: cst.BaseExpression) -> str | None:
    """The parameter a session may come from (``session = session or
    requests.Session()``, ``self.session = session or ...``), if any: setting
    its headers changes the caller's session for good."""
    if isinstance(session, cst.Name):
        scope = ctx.lexical_scope(session)
        candidates: list[cst.BaseExpression] = [session]
        for binding in scope[session.value] if scope is not None else ():
            assigned = values.assigned_value(ctx, getattr(binding, "node", None))
            if assigned is not None:
                candidates += _alternatives(assigned)
    elif (
        isinstance(session, cst.Attribute)
        and isinstance(session.value, cst.Name)
        and session.value.value in ("self", "cls")
    ):
        candidates = []
        for attribute in ctx.index.attributes.get(session.attr.value, ()):
            assign = ctx.parent(ctx.parent(attribute))
            if (
                isinstance(attribute.value, cst.Name)
                and attribute.value.value == session.value.value
                and isinstance(ctx.parent(attribute), cst.AssignTarget)
                and isinstance(assign, cst.Assign)
            ):
                candidates += _alternatives(assign.value)
    else:
        return None
    for candidate in candidates:
        if not isinstance(candidate, cst.Name) or candidate.value in ("self", "cls"):
            continue  # a Session subclass's own instance is no caller's
        scope = ctx.lexical_scope(candidate)
        if scope is not None and any(
            isinstance(getattr(b, "node", None), cst.Param)
            for b in scope[candidate.value]
        ):
            return f"the parameter {candidate.value}"
    return None


def _alternatives(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """What a value may be: each side of ``a or b``, each branch of ``a if c
    else b``, through ``.rstrip("/")`` and the like."""
    if isinstance(value, cst.BooleanOperation):
        return _alternatives(value.left) + _alternatives(value.right)
    if isinstance(value, cst.IfExp):
        return _alternatives(value.body) + _alternatives(value.orelse)
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and value.func.attr.value in ("rstrip", "strip", "lstrip", "lower")
    ):
        return _alternatives(value.func.value)
    return [value]


def _reads_parameters(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """Whether a URL's host is built from its function's parameters
    (``"%s://%s" % (scheme, host)``; not ``URL + "?hapikey=" + key``)."""
    fields = set(
        re.findall(r"\{(\w+)\}", hubspot.host_part(values.url_template(ctx, value)))
    )
    for node in walk(value):
        if isinstance(node, cst.Name) and node.value in fields - {"self", "cls"}:
            if _parameter_bound(ctx, node) is not None:
                return True
    return False


SUBCLASSED_ELSEWHERE = (
    "other modules of the tree subclass {} setting an attribute its requests read "
    "(the key, the base URL?), set one on its instances, or build it with another "
    "host: migrate them together by hand"
)
KEY_READ_ELSEWHERE = (
    "other modules of the tree read {} of its instances, which would hold the "
    "token: change them together, by hand"
)
FACTORY_ELSEWHERE = (
    "{}() hands out the session or client (return, yield), and other modules of "
    "the tree use it: its header would go with whatever they send (another host?); "
    "migrate them together by hand"
)
FACTORY_USE = (
    "{}() hands out the session (return, yield), and line {} uses it in a way "
    "hapimigrate does not follow{}: its header would go with whatever is sent with "
    "it (another host?); migrate by hand"
)
_FIXTURE = re.compile(r"\bfixture\b")


def session_factory(ctx: ModuleContext, sink: Sink) -> cst.FunctionDef | None:
    """The function a session is made in and handed out from, whole: returned
    (``def make_session(): s = requests.Session(); ...; return s``) or yielded
    (a ``@contextmanager``, a generator dependency or fixture), a module-level
    function or a method."""
    if sink.session is None or sink.statement is None:
        return None
    function = ctx.ancestor(sink.statement, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    name = re.escape(ctx.code(sink.session))
    handed = rf"\b(?:return|yield)\b[^\n]*(?<![\w.]){name}\b(?!\s*[.(\[])"
    if re.search(handed, ctx.code(function)):
        return function
    return None


def _factory_elsewhere(ctx: ModuleContext, route: Route) -> str | None:
    for sink in route.sinks:
        factory = session_factory(ctx, sink)
        if factory is None:
            continue
        if factory.name.value in ctx.shared_elsewhere:
            return FACTORY_ELSEWHERE.format(factory.name.value)
        problem = _factory_uses(ctx, factory)
        if problem:
            return problem
        for name in factory_results(ctx, factory):  # SESSION = make_session()
            problem = _session_sends_elsewhere(ctx, name)
            if problem:
                return problem
            if name.value in ctx.shared_elsewhere:
                return SESSION_ELSEWHERE.format(name.value)
    return None


def _factory_uses(ctx: ModuleContext, factory: cst.FunctionDef) -> str | None:
    """The uses in this module of a function handing out a session that the
    flow does not follow: a generator's (``with hubspot() as s``, ``for s in
    gen()``), a method called on anything but ``self``, the function named
    without a call (``Depends(get_session)``), a pytest fixture (its tests
    take it by name). Each session so bound must send to HubSpot only."""
    name = factory.name.value
    if any(_FIXTURE.search(ctx.code(d.decorator)) for d in factory.decorators):
        return FACTORY_USE.format(
            name, ctx.start(factory)[0], " (a fixture: its tests are not followed)"
        )
    generator = bool(_own_yields(factory))
    method = not isinstance(ctx.parent(factory), cst.Module)
    for use in _factory_references(ctx, factory):
        call = ctx.parent(use)
        if not (isinstance(call, cst.Call) and call.func is use):
            return FACTORY_USE.format(name, ctx.start(use)[0], "")
        followed = not method or (
            isinstance(use, cst.Attribute)
            and isinstance(use.value, cst.Name)
            and use.value.value in ("self", "cls")
        )
        if followed and not generator:
            continue  # the flow follows returns to these callers
        bound = _bound_session(ctx, call, generator)
        if bound is None:
            return FACTORY_USE.format(name, ctx.start(call)[0], "")
        flow = Flow(ctx, client=True)
        try:
            flow.follow_client(bound)
        except FlowError as error:
            return FACTORY_USE.format(name, ctx.start(call)[0], f" ({error})")
        problem = _session_sends_elsewhere(ctx, bound)
        if problem:
            return problem
    return None


def _own_yields(function: cst.FunctionDef) -> list[cst.Yield]:
    """The function's own yields (not those of nested functions)."""
    return origins.own_nodes(function, cst.Yield)


def _factory_references(
    ctx: ModuleContext, factory: cst.FunctionDef
) -> list[cst.BaseExpression]:
    """The names (a function's) or attributes (a method's: ``.session``) that
    may refer to the factory in this module."""
    name = factory.name.value
    if not isinstance(ctx.parent(factory), cst.Module) and isinstance(
        ctx.parent(ctx.parent(factory)), cst.ClassDef
    ):
        return list(ctx.index.attributes.get(name, ()))
    scope = ctx.lexical_scope(factory)
    found: list[cst.BaseExpression] = []
    for assignment in scope.assignments[name] if scope is not None else ():
        if getattr(assignment, "node", None) is factory:
            found += [r.node for r in ctx.references(assignment)]
    return found


def _bound_session(
    ctx: ModuleContext, call: cst.Call, generator: bool
) -> cst.Name | None:
    """The name a handed-out session is bound to: ``with gen() as s`` (also
    async), ``for s in gen()`` for a generator, ``s = make()`` else."""
    holder = ctx.parent(call)
    if generator and isinstance(holder, cst.WithItem) and holder.item is call:
        target = holder.asname.name if holder.asname is not None else None
    elif generator and isinstance(holder, (cst.For, cst.CompFor)):
        target = holder.target if holder.iter is call else None
    elif not generator and isinstance(holder, cst.Assign) and len(holder.targets) == 1:
        target = holder.targets[0].target
    else:
        target = None
    return target if isinstance(target, cst.Name) else None


def factory_results(ctx: ModuleContext, factory: cst.FunctionDef) -> list[cst.Name]:
    """Module-level names bound to the factory's result (``SESSION =
    make_session()``): sessions like any other."""
    return bound_to_calls_of(ctx, factory.name.value)


def bound_to_calls_of(ctx: ModuleContext, name: str) -> list[cst.Name]:
    """Module-level names bound to a call of ``name`` (``SESSION =
    make_session()``, ``hub = HubSpot()``)."""
    found = []
    for node in ctx.module.body:
        for small in node.body if isinstance(node, cst.SimpleStatementLine) else ():
            if (
                isinstance(small, cst.Assign)
                and len(small.targets) == 1
                and isinstance(small.targets[0].target, cst.Name)
                and isinstance(small.value, cst.Call)
                and isinstance(small.value.func, cst.Name)
                and small.value.func.value == name
            ):
                found.append(small.targets[0].target)
    return found


def _session_sends_elsewhere(
    ctx: ModuleContext, session: cst.BaseExpression
) -> str | None:
    """A session given the key's params sends them with every request it makes:
    once they are a token header, each must go to HubSpot, by its URL's host or
    (a base known only at run time) by a path HubSpot serves; and none of its
    uses may take it where it is not followed (stored, passed on, yielded).
    Where some also go to other hosts, the session gets requests' auth hook
    instead of a header, if it can (:func:`session_guard`)."""
    uses = session_escapes.follow(ctx, session, "session")
    if uses.escape is not None:
        return uses.escape
    guard = session_guard(ctx, session, uses)
    if guard.problem is not None:
        return guard.problem
    return _uses_problem(ctx, dataclasses.replace(uses, requests=()))


# -- a session that also sends elsewhere: requests' auth hook -------------------

SESSION_ELSEWHERE_UNGUARDED = (
    "the session also sends to {}: its header would go there, and the token "
    "cannot be kept to HubSpot's hosts: {}"
)
SESSION_HUBSPOT_AT_RUN_TIME = (
    "the request at line {} sends to a HubSpot endpoint on a host known only at "
    "run time, and the session also sends to {}: kept to {} by the session's "
    "auth hook, the token might not reach HubSpot there"
)
SESSION_NO_HUBSPOT_HOST = (
    "the session also sends to {}, and no request of it names HubSpot's API "
    "host: the token could not be kept to it"
)
_REQUESTS_SESSIONS = frozenset(
    {"requests.Session", "requests.session", "requests.sessions.Session"}
)


@dataclasses.dataclass(frozen=True)
class SessionHosts:
    """Where a session's requests go, as its auth hook needs to know."""

    hosts: tuple[str, ...] = ()  # HubSpot's hosts taking tokens, as written
    elsewhere: str = ""  # the first request to a URL known only at run time
    elsewhere_line: int = 0
    hubspot_at_run_time: int = 0  # line of a HubSpot path on an unknown host
    written: str = ""  # the first written host not taking tokens (no hook for it)
    written_line: int = 0
    unguardable: str = ""  # a request the hook cannot serve (its own auth=)
    problem: str | None = None  # a host rebound at run time

    @property
    def needs_guard(self) -> bool:
        return bool(self.elsewhere)


def session_hosts(
    ctx: ModuleContext,
    requests_: Sequence[Sink],
    hosted: Callable[[str], str] = lambda template: template,
) -> SessionHosts:
    """Sort a session's requests: to HubSpot's token hosts (written), to a
    HubSpot endpoint on a host known at run time, to another host written in
    the code (a proxy may forward it to HubSpot: no hook), or elsewhere (a URL
    known only at run time, not a HubSpot endpoint: the hook's case); and note
    one the hook cannot serve: a request's own ``auth=`` replaces the
    session's, ``**kwargs`` may hold one."""
    hosts: list[str] = []
    elsewhere: tuple[str, int] | None = None
    written: tuple[str, int] | None = None
    at_run_time = 0
    unguardable = ""
    for request in requests_:
        if request.call is None:
            continue
        line = ctx.start(request.call)[0]
        if _sends_own_key(ctx, request.call):
            return SessionHosts(problem=SESSION_OWN_KEY.format(line))
        if not unguardable:
            unguardable = _request_auth(ctx, request.call, line)
        url = call_endpoints.sink_url_node(request)
        rebound = rebound_host(ctx, url, line) if url is not None else None
        if rebound is not None:
            return SessionHosts(problem=rebound)
        template = hosted(values.url_template(ctx, url)) if url is not None else ""
        where = hubspot.host(template)
        if where is None and url is not None:  # MIRROR.rstrip("/") + path
            where = reached_hosts.other_host(ctx, url)
        if where is not None and hubspot.takes_tokens(where):
            hosts.append(where)
            continue
        path = hubspot.endpoint_path(template)
        method = request.info.method if request.info is not None else None
        if where is None and path and hubspot.scopes_for(method or "GET", path):
            at_run_time = at_run_time or line
        elif where is not None:  # a HubSpot name (status.hubspot.com) comes last
            if written is None or (
                hubspot.is_hubspot_host(written[0])
                and not hubspot.is_hubspot_host(where)
            ):
                written = (where, line)
        else:
            elsewhere = elsewhere or ("a URL known at run time", line)
    return SessionHosts(
        tuple(sorted(set(hosts))),
        *(elsewhere or ("", 0)),
        at_run_time,
        *(written or ("", 0)),
        unguardable,
    )


SESSION_OWN_KEY = (
    "the request at line {} sends a key of its own (hapikey), which requests "
    "sends in place of the session's: the session's token would go with it, and "
    "HubSpot would answer for the token's portal"
)


def _sends_own_key(ctx: ModuleContext, call: cst.Call) -> bool:
    """Whether a session's request carries a key itself (its URL, ``params=``,
    any argument): a tenant's key overriding the session's."""
    for arg in call.args:
        if arg.star == "**" and "hapikey" in ctx.code(arg.value).lower():
            return True
        if arg.star != "**" and carries_key(ctx, arg.value):
            return True
        if _parameter_bound(ctx, arg.value) is None:
            continue
        # def get(path, **kw): s.get(BASE + path, **kw) called get(..., params=
        # {"hapikey": tenant_key}) here
        function = ctx.ancestor(call, cst.FunctionDef)
        callers = module_callers(ctx, function) if function is not None else []
        if any(carries_key(ctx, a.value) for c in callers for a in c.args):
            return True
    return False


def _request_auth(ctx: ModuleContext, call: cst.Call, line: int) -> str:
    """Why a request of a session with an auth hook would lose the token."""
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "auth":
            return (
                f"the request at line {line} gives its own auth=, which replaces "
                "the session's"
            )
        if arg.star == "**":
            return (
                f"the request at line {line} passes {_star_shown(ctx, arg.value)}, "
                "which may hold an auth= replacing the session's"
            )
    return ""


def _star_shown(ctx: ModuleContext, value: cst.BaseExpression) -> str:
    """``**kwargs`` as a reason names it: a name or attribute as written, else
    "a ** mapping" (never a literal's text: it may hold a key or password)."""
    if isinstance(value, (cst.Name, cst.Attribute)):
        return f"**{ctx.code(value)}"
    return "a ** mapping"


def session_unguarded(ctx: ModuleContext, session: cst.BaseExpression) -> str:
    """Why the module making ``session`` cannot give it requests' auth hook
    (``session.auth = lambda r, ...``) ("" when it can): a
    ``requests.Session()`` made here, in Python 3 code, whose ``auth`` nothing
    here sets, in a module that names neither ``.netrc`` nor ``trust_env`` (a
    session with ``auth`` skips ``.netrc``)."""
    if ctx.python2_style:
        return "this is Python 2 code"
    name = ctx.code(session)
    if not (isinstance(session, cst.Name) and _made_by_requests(ctx, session)):
        return f"{name} is not made here by requests.Session()"
    if re.search(
        rf"\b{re.escape(name)}\.auth\b|\bsetattr\(\s*{re.escape(name)}\b", ctx.text
    ):
        return f"this module sets {name}.auth"
    if re.search(r"netrc|\btrust_env\b", ctx.text):
        return (
            "this module reads .netrc or sets trust_env (a session with an auth "
            "hook skips .netrc)"
        )
    if re.search(r"\burlsplit\b", ctx.text):
        return "this module names urlsplit already"
    return ""


def _made_by_requests(ctx: ModuleContext, name: cst.Name) -> bool:
    """Every binding of ``name`` is ``requests.Session()`` (or ``with
    requests.Session() as name``): not a subclass, a factory's result, a
    parameter."""
    scope = ctx.lexical_scope(name)
    assignments = list(scope.assignments[name.value]) if scope is not None else []
    for assignment in assignments:
        node = getattr(assignment, "node", None)
        holder = ctx.parent(node) if node is not None else None
        if isinstance(holder, cst.AssignTarget):
            holder = ctx.parent(holder)
        value = holder.value if isinstance(holder, cst.Assign) else None
        if isinstance(holder, cst.AsName):
            item = ctx.parent(holder)
            value = item.item if isinstance(item, cst.WithItem) else None
        if not (
            isinstance(value, cst.Call)
            and ctx.qualified_names(value.func) & _REQUESTS_SESSIONS
        ):
            return False
    return bool(assignments)


def session_carrier_guard(
    ctx: ModuleContext, name: str
) -> tuple[str, bool, tuple[str, ...]]:
    """What a module-level session exported to other modules tells them about
    its auth hook: why this module cannot give it one ("" if it can), whether
    its own requests need one, and the HubSpot hosts they name."""
    session = _top_level_name(ctx, name)
    if session is None:
        return f"{name} is not made at this module's top level", False, ()
    own = session_hosts(ctx, session_escapes.follow(ctx, session, "session").requests)
    unguarded = session_unguarded(ctx, session) or own.unguardable
    if not unguarded and own.written:
        unguarded = f"its request at line {own.written_line} sends to {own.written}"
    if not unguarded and own.hubspot_at_run_time:
        unguarded = (
            f"its request at line {own.hubspot_at_run_time} sends to a HubSpot "
            "endpoint on a host known only at run time"
        )
    return unguarded, own.needs_guard, own.hosts


def _top_level_name(ctx: ModuleContext, name: str) -> cst.Name | None:
    """The target of ``name = ...`` among the module's top-level statements."""
    for statement in ctx.module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            targets = small.targets if isinstance(small, cst.Assign) else ()
            for target in targets:
                if isinstance(target.target, cst.Name) and target.target.value == name:
                    return target.target
    return None


def reader_unguarded(ctx: ModuleContext, session: cst.CSTNode) -> str:
    """Why a module using another module's session (``net.hubspot``) keeps
    its auth hook from working: it sets the session's ``auth`` (its own would
    replace the hook), or names ``.netrc`` or ``trust_env``."""
    name = re.escape(ctx.code(session))
    if re.search(rf"{name}\.auth\b|\bsetattr\(\s*{name}\b", ctx.text):
        return f"this module sets {ctx.code(session)}.auth"
    if re.search(r"netrc|\btrust_env\b", ctx.text):
        return (
            "this module reads .netrc or sets trust_env (a session with an auth "
            "hook skips .netrc)"
        )
    return ""


@dataclasses.dataclass(frozen=True)
class SessionGuard:
    """What a session given the key's params gets: a header (``hosts`` empty),
    or requests' auth hook for ``hosts``; or why neither (``problem``)."""

    hosts: tuple[str, ...] = ()
    problem: str | None = None


def session_guard(
    ctx: ModuleContext,
    session: cst.BaseExpression,
    uses: session_escapes.Uses | None = None,
) -> SessionGuard:
    """Decide between a header and the auth hook for the session this module
    makes: its own requests, and what other modules' requests made of it (the
    carrier's outcome, on the run that knows it)."""
    if uses is None:
        uses = session_escapes.follow(ctx, session, "session")
    own = session_hosts(ctx, uses.requests)
    if own.problem is not None:
        return SessionGuard(problem=own.problem)
    if own.written:
        return SessionGuard(problem=other_urls(own.written_line, own.written))
    outcome = (
        ctx.sent_elsewhere.get(session.value)
        if isinstance(session, cst.Name) and is_module_level_name(ctx, session)
        else None
    )
    elsewhere = outcome is not None and outcome.guarded
    if not (own.needs_guard or elsewhere):
        return SessionGuard()  # every request goes to HubSpot: a header
    hosts = tuple(sorted({*own.hosts, *(outcome.hosts if outcome else ())}))
    if own.needs_guard:
        where = f"{own.elsewhere} (line {own.elsewhere_line})"
    else:  # only other modules' requests go elsewhere
        assert outcome is not None
        where = f"other hosts from other modules ({outcome.reason})"
    unguarded = session_unguarded(ctx, session) or own.unguardable
    if unguarded:
        return SessionGuard(
            problem=SESSION_ELSEWHERE_UNGUARDED.format(where, unguarded)
        )
    if own.hubspot_at_run_time:
        return SessionGuard(
            problem=SESSION_HUBSPOT_AT_RUN_TIME.format(
                own.hubspot_at_run_time, where, " and ".join(hosts) or "no host"
            )
        )
    if not hosts and own.needs_guard:  # as before the hook: whatever it is given
        line = own.elsewhere_line
        return SessionGuard(problem=other_urls(line, "an unknown host"))
    if not hosts:
        return SessionGuard(problem=SESSION_NO_HUBSPOT_HOST.format(where))
    return SessionGuard(hosts)


def _replaced_by_a_helper(ctx: ModuleContext, session: str) -> str | None:
    """``_defaults(session)`` where ``def _defaults(s): s.headers = {...}``."""
    for call in _calls_with_argument(ctx, session):
        function = Flow(ctx).local_function(call)
        if function is None:
            continue
        for name, given in arguments.bind(function, call).items():
            if ctx.code(given) != session:
                continue
            pattern = rf"\b{re.escape(name)}\.headers\s*(?:=(?!=)|\.clear\()"
            if re.search(pattern, ctx.code(function)):
                return function.name.value
    return None


def _calls_with_argument(ctx: ModuleContext, text: str) -> list[cst.Call]:
    found = []
    for call in ctx.index.calls:
        if any(ctx.code(a.value) == text for a in call.args):
            found.append(call)
    return found


def _other_hosts(
    ctx: ModuleContext,
    route: Route,
    guarded: set[int] = frozenset(),
    conditioned: set[int] = frozenset(),
) -> str | None:
    """The token goes to HubSpot only. A request whose URL variable is also
    assigned another host's URL (``if crm == "hubspot": url = ... else: url =
    pipedrive``), or a helper whose URL comes from its callers (``def fetch(url)``,
    ``f"https://{host}{path}"``), must send HubSpot URLs only. A helper whose
    header goes under its own condition (``if "hubspot" in url``: the
    ``conditioned`` functions) must be given URLs whose host is written: a form
    submission's passes such a condition."""
    for sink in route.sinks:
        url = call_endpoints.sink_url_node(sink) if sink.call is not None else None
        if url is None:
            continue
        rebound = rebound_host(ctx, url, ctx.start(sink.call)[0])
        if rebound is not None:
            return rebound
        elsewhere = _attribute_hosts(ctx, url)
        if elsewhere is not None:
            return other_urls(ctx.start(sink.call)[0], elsewhere)
        for template in (values.url_template(ctx, url), *_assigned_urls(ctx, url)):
            where = hubspot.host(template)
            if where is not None and not hubspot.takes_tokens(where):
                return other_urls(ctx.start(sink.call)[0], where)
        where = _base_host(ctx, sink, url)
        if where is not None:
            return BASE_HOST.format(ctx.start(sink.call)[0], where)
        if _hubspot_connection(ctx, sink):
            continue  # conn.request("GET", path): the connection's host
        function = ctx.ancestor(sink.call, cst.FunctionDef)
        if isinstance(function, cst.FunctionDef) and id(function) in guarded:
            if id(function) in conditioned:
                unwritten = _run_time_through_condition(ctx, function, url)
                if unwritten is not None:
                    return unwritten
            continue
        template = values.url_template(ctx, url)
        hidden = (  # BASE.rstrip("/") + path, CONFIG[...], a default: after callers'
            reached_hosts.other_host(ctx, url)
            if hubspot.host(template) is None
            else None
        )
        parameters = (
            set(arguments.parameter_names(function))
            if isinstance(function, cst.FunctionDef)
            else set()
        )
        relayed = relayed_calls(ctx, route)  # hosts checked where they are given
        for field in (
            set(re.findall(r"\{(\w+)\}", hubspot.host_part(template))) - parameters
        ):
            where = _chosen_host(ctx, url, field)
            if where is not None:
                return other_urls(ctx.start(sink.call)[0], where)
        where = _table_host(ctx, url)
        if where is not None:
            return other_urls(ctx.start(sink.call)[0], where)
        if not isinstance(function, cst.FunctionDef) or not (
            parameters & set(re.findall(r"\{(\w+)\}", hubspot.host_part(template)))
        ):  # the host is the helper's own
            if hidden is not None:
                return other_urls(ctx.start(sink.call)[0], hidden)
            continue
        for call in Flow(ctx).callers(function):
            if id(call) in relayed:
                continue
            bound = arguments.bind(function, call)
            rendered = values.url_template(
                ctx,
                url,
                {
                    name: values.url_template(ctx, value)
                    for name, value in bound.items()
                    if name in parameters
                },
            )
            where = hubspot.host(rendered)
            if where is None or not hubspot.is_hubspot_host(where):
                fields = parameters & set(
                    re.findall(r"\{(\w+)\}", hubspot.host_part(template))
                )
                return handed_urls.caller_url_problem(
                    ctx, function, call, fields, bound
                ) or OTHER_HOSTS.format(function.name.value, ctx.start(call)[0])
        if hidden is not None:
            return other_urls(ctx.start(sink.call)[0], hidden)
    return None


CONDITION_RUN_TIME = (
    "{}() sends the token where its condition sent the key, and the call at "
    "line {} gives it a URL known only at run time, which the condition may let "
    "through (a form submission's: it would get the token); change it by hand"
)


def _run_time_through_condition(
    ctx: ModuleContext, function: cst.FunctionDef, url: cst.BaseExpression
) -> str | None:
    """A call of ``function`` (whose request's host comes from its parameters)
    giving it a URL whose host is not written (review 26, R8)."""
    parameters = set(arguments.parameter_names(function))
    template = values.url_template(ctx, url)
    if not parameters & set(re.findall(r"\{(\w+)\}", hubspot.host_part(template))):
        return None  # the host is the helper's own
    for call in Flow(ctx).callers(function):
        bound = arguments.bind(function, call)
        rendered = values.url_template(
            ctx,
            url,
            {
                name: values.url_template(ctx, value)
                for name, value in bound.items()
                if name in parameters
            },
        )
        if hubspot.host(rendered) is None:
            return CONDITION_RUN_TIME.format(function.name.value, ctx.start(call)[0])
    return None


def relayed_calls(ctx: ModuleContext, route: Route) -> set[int]:
    """The calls (ids) on a route entered at a helper's parameter (a wanted
    sink: tree_wanted) that hand that parameter on as it is, to a second
    helper: the URL's host is checked where other modules give it."""
    entries = {(id(f), p) for f, call, p in route.helpers if call is None}
    found: set[int] = set()
    grown = bool(entries)
    while grown:
        grown = False
        for function, call, parameter in route.helpers:
            if call is None or id(call) in found:
                continue
            given = arguments.bind(function, call).get(parameter)
            outer = ctx.ancestor(call, cst.FunctionDef)
            if (
                isinstance(given, cst.Name)
                and outer is not None
                and (id(outer), given.value) in entries
            ):
                found.add(id(call))
                entries.add((id(function), parameter))
                grown = True
    return found


BASE_HOST = (
    "the request at line {} goes to a path of the base URL or host its client or "
    "connection is made with, {}: the token goes to HubSpot only"
)
# a URL that names its scheme: absolute, whatever base its client has
_ABSOLUTE = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def _base_host(ctx: ModuleContext, sink: Sink, url: cst.BaseExpression) -> str | None:
    """A request to a relative path (or one known at run time) on a client made
    with a base URL (``httpx.Client(base_url=...)``, aiohttp's) or a connection
    made to a host (``http.client.HTTPSConnection(host)``, urllib3's pools):
    the host that base may be when it is not HubSpot's API."""
    if _ABSOLUTE.match(values.url_template(ctx, url)):
        return None
    return _receiver_base_host(ctx, _receiver(sink))


def _receiver_base_host(
    ctx: ModuleContext, receiver: cst.BaseExpression | None
) -> str | None:
    """The base URL's or host's host of the client or connection ``receiver``
    names, when it may be other than HubSpot's API."""
    for call in _receiver_made(ctx, receiver):
        based = reached_hosts.base_of(ctx, call)
        if based is None:
            continue
        base, bare = based
        where = _attribute_hosts(ctx, base)  # base_url=self.BASE
        if where is not None:
            return where
        shown = values.url_template(ctx, base)
        where = hubspot.host("https://" + shown if bare else shown)
        if where is None:
            where = reached_hosts.other_host(ctx, base)
        if where is not None and not hubspot.takes_tokens(where):
            return where
    return None


def _receiver_made(
    ctx: ModuleContext, receiver: cst.BaseExpression | None
) -> list[cst.Call]:
    """The calls that make the client or connection ``receiver`` names
    (``self.conn`` of ``self.conn = HTTPSConnection(HOST)``, a local's)."""
    if isinstance(receiver, cst.Attribute) and _self_attribute(receiver):
        return [
            value
            for value, _ in _attribute_values(ctx, receiver.attr.value)
            if isinstance(value, cst.Call)
        ]
    if receiver is not None:
        return reached_hosts.made_with(ctx, receiver)
    return []


def _hubspot_connection(ctx: ModuleContext, sink: Sink) -> bool:
    """Whether the request is made on a connection to HubSpot's API host
    (``http.client.HTTPSConnection("api.hubapi.com")``, a urllib3 pool): the
    path it is given, whatever its callers pass, cannot send it elsewhere."""
    made = _receiver_made(ctx, _receiver(sink))
    for call in made:
        based = reached_hosts.base_of(ctx, call)
        if based is None or not based[1]:
            return False  # not a connection to a bare host
        shown = values.url_template(ctx, based[0])
        where = hubspot.host("https://" + shown)
        if where is None or not hubspot.takes_tokens(where):
            return False
    return bool(made)


REBOUND_HOST = (
    "the request at line {} reads {}, which {} rebinds at run time (line {}): the "
    "token would go wherever it then points, not only to HubSpot; migrate by hand"
)


def rebound_host(
    ctx: ModuleContext, url: cst.BaseExpression, line: int, depth: int = 0
) -> str | None:
    """A module-level name the URL reads (``BASE + path``, through the local
    variables it is built in) that a function rebinds to anything but a
    HubSpot literal: ``global BASE; BASE = base``, ``globals()["BASE"] = ...``,
    ``setattr(sys.modules[__name__], "BASE", ...)``. Its host is known only
    at run time, whatever the module writes first. A name sent as the key
    (:mod:`rebound_keys`) chooses the credential, not the host: said so
    unless a name of the URL chooses the host too."""
    key_rebound: str | None = None
    for node in walk(url):
        if not isinstance(node, cst.Name):
            continue
        scope = ctx.lexical_scope(node)
        for binding in scope[node.value] if scope is not None else ():
            target = getattr(binding, "node", None)
            if isinstance(target, cst.FunctionDef) and depth < 3:
                for returned in origins.own_returns(target):  # def api(path)
                    if returned.value is not None:
                        found = rebound_host(ctx, returned.value, line, depth + 1)
                        if found is not None:
                            return found
            if not isinstance(target, cst.Name):
                continue
            value = values.assigned_value(ctx, target)
            if not isinstance(binding.scope, GlobalScope):
                if value is not None and depth < 3 and value is not url:
                    found = rebound_host(ctx, value, line, depth + 1)
                    if found is not None:
                        return found
                continue
            function = ctx.ancestor(target, cst.FunctionDef)
            if function is None or _hubspot_literal(ctx, value):
                continue  # the module's own top-level values: judged as written
            how, where = f"{function.name.value}()", ctx.start(target)[0]
            if rebound_keys.sent_as_key(ctx, url, node):  # which key, not where
                key_rebound = key_rebound or rebound_keys.reason(
                    line, node.value, how, where
                )
                continue
            return REBOUND_HOST.format(line, node.value, how, where)
        written = namespace_writes.namespace_write(ctx, node.value)
        if written is not None:
            if rebound_keys.sent_as_key(ctx, url, node):
                key_rebound = key_rebound or rebound_keys.reason(
                    line, node.value, *written
                )
                continue
            return REBOUND_HOST.format(line, node.value, written[0], written[1])
    return key_rebound


def _hubspot_literal(ctx: ModuleContext, value: cst.BaseExpression | None) -> bool:
    """A value written out whose host (if any) is HubSpot's."""
    if not isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
        return False
    where = hubspot.host(values.url_template(ctx, value))
    return where is None or hubspot.takes_tokens(where)


def _chosen_host(ctx: ModuleContext, url: cst.BaseExpression, field: str) -> str | None:
    """The host part of a URL is a name chosen at run time (a loop over hosts,
    ``A if SANDBOX else B``, branches assigning it, ``REGIONS[region]``): a
    host it may take that is not HubSpot's ("a host known at run time" for a
    loop over values not written here)."""
    names = [n for n in walk(url) if isinstance(n, cst.Name) and n.value == field]
    if isinstance(url, cst.Name):
        names += [
            n
            for v in _assigned_values(ctx, url)
            for n in walk(v)
            if isinstance(n, cst.Name) and n.value == field
        ]
    for name in names:
        scope = ctx.lexical_scope(name)
        for binding in scope[name.value] if scope is not None else ():
            node = getattr(binding, "node", None)
            loop = _loop_over(ctx, node)
            if loop is not None:
                table = _iterated(loop.iter)
                hosts = _literal_hosts(ctx, table)
                if not hosts or _mutated(ctx, table):
                    return "a host known at run time"
                unwritten = _unwritten_entry(ctx, table)
                if unwritten is not None:
                    return unwritten
                other = next((h for h in hosts if not hubspot.takes_tokens(h)), None)
                if other is not None:
                    return other
                continue
            value = values.assigned_value(ctx, node) if node is not None else None
            if value is None:
                continue
            other = next(
                (h for h in _literal_hosts(ctx, value) if not hubspot.takes_tokens(h)),
                None,
            )
            if other is not None:
                return other
    return None


def _loop_over(
    ctx: ModuleContext, node: cst.CSTNode | None
) -> cst.For | cst.CompFor | None:
    """The loop (``for``, or a comprehension's) whose target binds ``node``,
    also inside a tuple target (``for name, url in URLS.items()``)."""
    child = node
    holder = ctx.parent(node) if node is not None else None
    while isinstance(holder, (cst.Tuple, cst.List, cst.Element)):
        child, holder = holder, ctx.parent(holder)
    if isinstance(holder, (cst.For, cst.CompFor)) and holder.target is child:
        return holder
    return None


def _table_host(ctx: ModuleContext, url: cst.BaseExpression) -> str | None:
    """``URLS[name] + "?hapikey=" + KEY``: the URL is one entry of a table; a
    host of its entries that does not take tokens, or "a host known at run
    time" for a table changed after it is made."""
    tables = [n for n in walk(url) if isinstance(n, cst.Subscript)]
    if isinstance(url, cst.Name):
        tables += [
            n
            for v in _assigned_values(ctx, url)
            for n in walk(v)
            if isinstance(n, cst.Subscript)
        ]
    for table in tables:
        if not isinstance(table.value, (cst.Name, cst.Attribute)):
            continue
        hosts = _literal_hosts(ctx, table)
        if not hosts:
            continue  # not a table of URLs (params["x"], a header)
        if _mutated(ctx, table.value):
            return "a host known at run time"
        unwritten = _unwritten_entry(ctx, table.value)
        if unwritten is not None:
            return unwritten
        other = next((h for h in hosts if not hubspot.takes_tokens(h)), None)
        if other is not None:
            return other
    return None


def _unwritten_entry(ctx: ModuleContext, table: cst.BaseExpression) -> str | None:
    """An entry of a table of URLs that is not a URL written out
    (``"alert": SLACK_URL``, ``os.environ["ALERT_URL"]``): its host, when not
    HubSpot's, or "a host known at run time"."""
    if not isinstance(table, cst.Name):
        return None
    for value in _assigned_values(ctx, table):
        if isinstance(value, cst.Dict):
            entries = [
                e.value for e in value.elements if isinstance(e, cst.DictElement)
            ]
            if any(not isinstance(e, cst.DictElement) for e in value.elements):
                return "a host known at run time"  # {**OTHER}
        elif isinstance(value, (cst.List, cst.Tuple, cst.Set)):
            entries = [e.value for e in value.elements if isinstance(e, cst.Element)]
            if any(not isinstance(e, cst.Element) for e in value.elements):
                return "a host known at run time"
        else:
            continue
        for entry in entries:
            if isinstance(entry, (cst.SimpleString, cst.ConcatenatedString)):
                continue
            where = hubspot.host(values.url_template(ctx, entry))
            if where is None:
                return "a host known at run time"
            if not hubspot.takes_tokens(where):
                return where
    return None


def _mutated(ctx: ModuleContext, table: cst.BaseExpression) -> bool:
    """``URLS["status"] = ...``, ``URLS.append(...)``, ``URLS += [...]``: a table
    whose entries are not only those written where it is made."""
    if not isinstance(table, (cst.Name, cst.Attribute)):
        return False
    name = re.escape(ctx.code(table))
    return (
        re.search(
            rf"\b{name}\s*(?:\[[^\]]*\]\s*=(?!=)|\+=|\|=|\.(?:append|extend|insert|"
            rf"update|setdefault|__setitem__)\()",
            ctx.text,
        )
        is not None
    )


def _iterated(node: cst.BaseExpression) -> cst.BaseExpression:
    """What a loop walks: ``URLS`` of ``URLS.items()``, ``enumerate(URLS)``."""
    if isinstance(node, cst.Call):
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in (
            "items",
            "values",
            "keys",
        ):
            return func.value
        if (
            isinstance(func, cst.Name)
            and func.value in ("enumerate", "sorted", "list", "tuple", "reversed")
            and node.args
        ):
            return node.args[0].value
    return node


def _literal_hosts(ctx: ModuleContext, node: cst.CSTNode, depth: int = 2) -> list[str]:
    """The hosts of the URL literals in an expression (the branches of an
    ``if``, a tuple's items, the values of a dict it indexes)."""
    found = []
    for literal in walk(node):
        if not isinstance(literal, cst.SimpleString):
            continue
        where = hubspot.host(str(literal.evaluated_value))
        if where is not None:
            found.append(where)
    if depth and isinstance(node, (cst.Subscript, cst.Name)):
        base = node.value if isinstance(node, cst.Subscript) else node
        if isinstance(base, cst.Name):
            for value in _assigned_values(ctx, base):
                found += _literal_hosts(ctx, value, depth - 1)
    return found


def _attribute_hosts(ctx: ModuleContext, url: cst.BaseExpression) -> str | None:
    """A URL built on ``self.base_url``: the other values the attribute gets in
    this module (a subclass's class attribute, ``self.base_url = base_url`` from
    a constructor whose callers pass another host) must be HubSpot's too. The
    host that is not (or "a host known at run time")."""
    nodes = [url, *(_assigned_values(ctx, url) if isinstance(url, cst.Name) else [])]
    texts = [ctx.code(n) for n in nodes]
    # not the key's self.api_key after "https://api.hubapi.com/x?hapikey=": a
    # name is skipped only where every text naming it holds it after the host
    settled = [
        configured_sources.after_host(values.url_template(ctx, n)) for n in nodes
    ]
    for node in nodes:  # self._url(path): what the class's method returns
        returned = values.returned_url(ctx, node)
        if returned is not None:
            texts.append(ctx.code(returned[0]))
        lead = _leading_self_attribute(node)
        if lead is not None and not _defined_here(ctx, lead):
            # self.BASE_URL or self._url() of a class or mixin of another module
            return "a host known at run time"
    skipped = [*settled, *([frozenset()] * (len(texts) - len(settled)))]
    names = {
        m
        for t, after in zip(texts, skipped)
        for m in values.SELF_ATTRIBUTE.findall(t)
        if m not in after
    }
    for name in names:
        for value, passed in _attribute_values(ctx, name):
            other = reached_hosts.other_host(ctx, value)
            if other is not None:  # a property's os.environ.get("X", MIRROR)
                return other
            if isinstance(value, cst.Subscript):  # HOSTS[self.env]: each entry
                other = next(
                    (
                        h
                        for h in _literal_hosts(ctx, value)
                        if not hubspot.takes_tokens(h)
                    ),
                    None,
                )
                if other is not None:
                    return other
            where = hubspot.host(values.url_template(ctx, value))
            if where is None and passed and not _is_none_value(value):
                return "a host known at run time"  # ApiClient(url)
            if where is not None and not hubspot.takes_tokens(where):
                return where
    return None


def _defined_here(ctx: ModuleContext, name: str) -> bool:
    """Whether the module gives the attribute ``name`` a value anywhere: a class
    body's ``name = ...`` or ``def name``, ``obj.name = ...`` (a constructor's
    ``self.base = base``, whatever its callers pass); not so for one a class of
    another module defines."""
    for node in ctx.module.body:
        if not isinstance(node, cst.ClassDef):
            continue
        for statement in node.body.body:
            if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
                if statement.name.value == name:
                    return True
            elif isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    targets = (
                        [t.target for t in small.targets]
                        if isinstance(small, cst.Assign)
                        else [small.target] if isinstance(small, cst.AnnAssign) else []
                    )
                    if any(
                        isinstance(t, cst.Name) and t.value == name for t in targets
                    ):
                        return True
    return any(
        values.assigned_value(ctx, a) is not None
        for a in ctx.index.attributes.get(name, ())
    )


def _leading_self_attribute(url: cst.CSTNode) -> str | None:
    """``BASE_URL`` of ``self.BASE_URL + path``, ``_url`` of ``self._url(path)``:
    the attribute the URL starts with, which gives its host."""
    head = url
    while isinstance(head, cst.BinaryOperation) and isinstance(head.operator, cst.Add):
        head = head.left
    target = head.func if isinstance(head, cst.Call) else head
    if (
        isinstance(target, cst.Attribute)
        and isinstance(target.value, cst.Name)
        and target.value.value == "self"
    ):
        return target.attr.value
    return None


def _is_none_value(value: cst.BaseExpression) -> bool:
    return isinstance(value, cst.Name) and value.value == "None"


def _assigned_values(ctx: ModuleContext, name: cst.Name) -> list[cst.BaseExpression]:
    """What each plain assignment of ``name`` in its scope gives it."""
    scope = ctx.lexical_scope(name)
    found = []
    for binding in scope[name.value] if scope is not None else ():
        node = getattr(binding, "node", None)
        if isinstance(node, cst.Name) and reassigned.overwritten(ctx, node, name):
            continue  # assigned again before this use, on every path
        value = values.assigned_value(ctx, node)
        if value is not None:
            found.append(value)
    return found


def _attribute_values(
    ctx: ModuleContext, name: str
) -> list[tuple[cst.BaseExpression, bool]]:
    """Every value this module gives the attribute ``name``: class bodies'
    ``name = ...``, ``obj.name = ...``; a constructor parameter's default and
    what the constructor's callers here pass for it (True: passed by a caller)."""
    found: list[tuple[cst.BaseExpression, bool]] = []
    for node in ctx.module.body:
        if not isinstance(node, cst.ClassDef):
            continue
        for statement in node.body.body:
            if isinstance(statement, cst.SimpleStatementLine):
                for small in statement.body:
                    if isinstance(small, cst.Assign) and any(
                        isinstance(t.target, cst.Name) and t.target.value == name
                        for t in small.targets
                    ):
                        found.append((small.value, False))
            elif (
                isinstance(statement, cst.FunctionDef) and statement.name.value == name
            ):
                # a property (or a method) of that name: what each class returns
                found += [
                    (r.value, False)
                    for r in origins.own_returns(statement)
                    if r.value is not None
                ]
    for attribute in ctx.index.attributes.get(name, ()):
        assigned = values.assigned_value(ctx, attribute)
        if assigned is None:
            continue
        # self.base = base or DEFAULT: each side (the callers' values too)
        for value in _alternatives(assigned):
            param = _parameter_bound(ctx, value)
            if param is None:
                # "%s://%s" % (scheme, host): built from what callers give
                found.append((value, _reads_parameters(ctx, value)))
                continue
            if param.default is not None:
                found.append((param.default, False))
            found += [(given, True) for given in _parameter_values(ctx, param)]
    return found


def _parameter_bound(ctx: ModuleContext, value: cst.BaseExpression) -> cst.Param | None:
    if not isinstance(value, cst.Name):
        return None
    scope = ctx.lexical_scope(value)
    bindings = list(scope[value.value]) if scope is not None else []
    nodes = [getattr(b, "node", None) for b in bindings]
    return nodes[0] if len(nodes) == 1 and isinstance(nodes[0], cst.Param) else None


def _parameter_values(ctx: ModuleContext, param: cst.Param) -> list[cst.BaseExpression]:
    """The values this module's calls of the class (or its subclasses) pass
    for a constructor parameter."""
    function = ctx.ancestor(param, cst.FunctionDef)
    owner = ctx.ancestor(function, cst.ClassDef) if function is not None else None
    found: list[cst.BaseExpression] = []
    if not isinstance(function, cst.FunctionDef) or not isinstance(owner, cst.ClassDef):
        return found
    names = {owner.name.value} | {c.name.value for c in origins.subclasses(ctx, owner)}
    for call in ctx.index.calls:
        if isinstance(call.func, cst.Name) and call.func.value in names:
            given = arguments.bind(function, call, bound=True).get(param.name.value)
            if given is not None and given is not param.default:
                found.append(given)
    return found


def _assigned_urls(ctx: ModuleContext, url: cst.BaseExpression) -> list[str]:
    """The URL templates a request's URL name is assigned, in its function."""
    if not isinstance(url, cst.Name):
        return []
    return [values.url_template(ctx, v) for v in _assigned_values(ctx, url)]


def route_urls(ctx: ModuleContext, route: Route) -> tuple[str, ...]:
    """The URL templates the route's requests send to, where the source tells."""
    nodes = (call_endpoints.sink_url_node(sink) for sink in route.sinks)
    return tuple(values.url_template(ctx, node) for node in nodes if node is not None)


def key_in_reach(ctx: ModuleContext, key: cst.CSTNode, route: Route) -> bool:
    """Whether the key expression can be read where each request is made: in the
    same function, or (``self.x``) in a method of the same class; or the
    header goes right beside the key (:func:`beside_key`)."""
    if beside_key(ctx, route, key) is not None:
        return True
    home = ctx.ancestor(key, cst.FunctionDef)
    own = _self_attribute(key)
    for sink in route.sinks:
        at = sink.call if sink.call is not None else sink.statement
        there = ctx.ancestor(at, cst.FunctionDef) if at is not None else None
        if there is home:
            continue
        if own and isinstance(there, cst.FunctionDef) and _method_of(ctx, there, key):
            continue
        return False
    return True


def _self_attribute(node: cst.CSTNode) -> bool:
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return isinstance(node, cst.Name) and node.value == "self"


def _method_of(ctx: ModuleContext, function: cst.FunctionDef, key: cst.CSTNode) -> bool:
    params = function.params.params
    return (
        bool(params)
        and params[0].name.value == "self"
        and ctx.ancestor(function, cst.ClassDef) is ctx.ancestor(key, cst.ClassDef)
    )


CALLER_UNPLACED = "a caller passes a key hapimigrate cannot place (line {})"
CALLER_STARRED = "a caller passes its arguments with * or **"
CALLED_ELSEWHERE = (
    "{}() is called from other modules of the tree, which may pass configured keys: "
    "migrate it together with its callers by hand"
)
SESSION_ELSEWHERE = (
    "{} is used by other modules of the tree, which replace its headers, send "
    "it to other (or unknown) hosts or hand it on: a header set here would be "
    "lost, or leak"
)


def token_owner(ctx: ModuleContext, origin: Origin) -> str | None:
    """The name callers use to hand in a caller's credential: the function, or
    the class whose constructor takes it."""
    function = ctx.ancestor(origin.param, cst.FunctionDef) if origin.param else None
    if not isinstance(function, cst.FunctionDef):
        return None
    owner = ctx.ancestor(function, cst.ClassDef)
    if function.name.value == "__init__" and isinstance(owner, cst.ClassDef):
        return owner.name.value
    return function.name.value


def export_token_owner(
    ctx: ModuleContext, origin: Origin, owner: str, optional: bool = False
) -> None:
    """Other modules may call ``owner`` with configured keys: tell the run
    (:mod:`hapimigrate.carriers`), which gives them the token or blocks this;
    ``optional``: it also runs in another auth mode, without the key."""
    function = ctx.ancestor(origin.param, cst.FunctionDef) if origin.param else None
    if not isinstance(function, cst.FunctionDef) or origin.param is None:
        return
    positional = [*function.params.posonly_params, *function.params.params]
    static = any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in function.decorators
    )
    if ctx.ancestor(function, cst.ClassDef) is not None and positional and not static:
        positional = positional[1:]  # self (or cls): not passed by the caller
    name = origin.param.name.value
    position = next((i for i, p in enumerate(positional) if p.name.value == name), -1)
    reads: tuple[str, ...] = ()
    holders: tuple[str, ...] = ()
    cls = ctx.ancestor(function, cst.ClassDef)
    if function.name.value == "__init__" and isinstance(cls, cst.ClassDef):
        reads = tuple(sorted(set(values.SELF_ATTRIBUTE.findall(ctx.code(cls)))))
        holders = _key_holders(ctx.code(function), name)
    # key or settings.KEY: the configured key it sends by default, also for a
    # None given (not key=settings.KEY: None stays None), for its callers
    # elsewhere (another configured key, a tenant's, is not the same)
    identity, label = (
        origins.config_key(ctx, origin.fallback)
        if origin.kind == origins.FALLBACK
        and origin.fallback is not None
        and origin.fallback is not origin.param.default
        else ("", "")
    )
    ctx.exports.append(
        Carrier(
            ctx.path,
            importable_names(ctx.path)[0],
            owner,
            Kind.ARGUMENT,
            identity,
            label,
            used_here=True,
            parameter=name,
            position=position,
            field=origin.container,
            reads=reads,
            holders=holders,
            optional=optional,
        )
    )


def _key_holders(code: str, parameter: str) -> tuple[str, ...]:
    """The attributes a constructor sets from its key parameter
    (``self.api_key = api_key``, ``self._auth = {"hapikey": api_key}``)."""
    found = re.findall(
        rf"\bself\.(\w+)\s*(?::[^=\n]*)?=(?!=)[^\n]*\b{re.escape(parameter)}\b", code
    )
    return tuple(sorted(set(found)))


OPTION_OUT_OF_SIGHT = (
    "{} is filled by a command-line option declared out of sight ({}): its default "
    "may be the key; make it the token by hand"
)


def _option_out_of_sight(
    ctx: ModuleContext, function: cst.FunctionDef, parameter: str
) -> str | None:
    """A click command's parameter that no option decorator of this module
    declares, while the command has decorators made elsewhere
    (``@api_key_option``, ``@common.options``): the option, and its default,
    are not seen."""
    decorators = [ctx.code(d.decorator) for d in function.decorators]
    if not any(re.search(r"(?:^|\.)(?:command|group)\b", d) for d in decorators):
        return None
    declared = any(
        isinstance(d.decorator, cst.Call)
        and _OPTION_CALL.search(ctx.code(d.decorator.func))
        and _option_parameter(ctx, d.decorator) == parameter
        for d in function.decorators
    )
    if declared:
        return None
    for d in function.decorators:
        call = d.decorator.func if isinstance(d.decorator, cst.Call) else d.decorator
        text = ctx.code(call)
        if not re.search(
            r"(?:^|\.)(?:command|group|option|Option|argument|Argument|pass_context|pass_obj)$",
            text,
        ):
            return f"@{ctx.code(d.decorator)}"
    return None


KEY_OPTION = (
    "the {} option reads the key from {} ({}=): with this token provider it "
    "cannot read the token the same way; change the option by hand"
)
UNTIED_OPTION = (
    "the {} option reads the key from {}, and hapimigrate cannot see whether its "
    "value is what reaches this (ctx.obj, a settings object?): make it read the "
    "token by hand"
)
UNCLEAR_OPTIONS = (
    "the command's options read {} from the environment: which one gives the key "
    "here is not known; make the option that does read the token by hand"
)
# the portal key's variable; a developer or app key's is not it
_HUBSPOT_KEY_VARIABLE = re.compile(r"(?i)^(?!.*(?:dev|app)).*(?:hapikey|hubspot\w*key)")
_ANY_KEY_VARIABLE = re.compile(r"(?i)key|token|secret")
_OPTION_CALL = re.compile(r"(?:^|\.)(?:option|Option|argument|Argument)$")
_PROVIDER_VARIABLE = re.compile(
    r"""^os\.(?:environ\[|environ\.get\(|getenv\()\s*['"](\w+)['"]\s*[\])]$"""
)


def _envvars(ctx: ModuleContext) -> list[tuple[cst.Call, cst.BaseExpression]]:
    """Every ``envvar=`` of a click or typer option or argument in the module."""
    return [
        (call, arg.value)
        for call in ctx.index.calls
        if _OPTION_CALL.search(ctx.code(call.func))
        for arg in call.args
        if arg.keyword is not None and arg.keyword.value == "envvar"
    ]


def _names(value: cst.BaseExpression) -> list[str]:
    strings = (
        [e.value for e in value.elements]
        if isinstance(value, (cst.List, cst.Tuple))
        else [value]
    )
    return [
        str(s.evaluated_value) if isinstance(s, cst.SimpleString) else "?"
        for s in strings
    ]


def key_options(ctx: ModuleContext) -> list[tuple[cst.Call, cst.SimpleString]]:
    """The command-line options that fall back on the portal key's variable
    (click's and typer's ``envvar="HUBSPOT_API_KEY"``): run without the option,
    the command gives the key read there."""
    return [
        (call, value)
        for call, value in _envvars(ctx)
        if isinstance(value, cst.SimpleString)
        and _HUBSPOT_KEY_VARIABLE.search(str(value.evaluated_value))
    ]


def _chain_parameters(chain: Sequence[Origin]) -> set[tuple[int, str]]:
    """(function, parameter) of each step of a caller's credential's way in."""
    found = set()
    for origin in chain:
        if origin.param is not None:
            found.add((id(origin.param), origin.param.name.value))
    return found


def _tied(ctx: ModuleContext, call: cst.Call, chain: Sequence[Origin]) -> bool:
    """Whether the option gives its value to a parameter on the credential's
    way: the option decorates (or is the default of) that very parameter."""
    function = ctx.ancestor(call, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return False
    name = _option_parameter(ctx, call)
    params = [
        p
        for p in (*function.params.params, *function.params.kwonly_params)
        if p.name.value == name
    ]
    wanted = _chain_parameters(chain)
    return any((id(p), p.name.value) in wanted for p in params)


def _option_parameter(ctx: ModuleContext, call: cst.Call) -> str:
    """The parameter an option fills: typer's is the one it is the default or
    annotation of; click's is named by its declarations (``"--api-key"`` ->
    ``api_key``, or a name given without dashes)."""
    param = ctx.ancestor(call, cst.Param)
    if isinstance(param, cst.Param):
        return param.name.value
    names = [
        str(a.value.evaluated_value)
        for a in call.args
        if a.keyword is None and isinstance(a.value, cst.SimpleString)
    ]
    plain = [n for n in names if not n.startswith("-")]
    if plain:
        return plain[0]
    longest = max(names, key=len) if names else ""
    return longest.lstrip("-").replace("-", "_").lower()


def key_options_problem(ctx: ModuleContext, chain: Sequence[Origin]) -> str | None:
    """Why the options reading a key's variable cannot follow a caller's
    credential becoming a token: an option not seen to feed it (its value may
    reach the credential another way, ``ctx.obj``), options that leave unclear
    which one gives the key (several, a list of variables, only names like
    ``API_KEY``), or a provider that is not an environment variable."""
    found = key_options(ctx)
    others = [
        name
        for call, value in _envvars(ctx)
        if (call, value) not in found
        for name in _names(value)
        if name == "?"
        or _HUBSPOT_KEY_VARIABLE.search(name)
        or (not found and _ANY_KEY_VARIABLE.search(name))
    ]
    if re.search(r"\bauto_envvar_prefix\b", ctx.text):
        others.append("variables named by auto_envvar_prefix")
    for call in ctx.index.calls:  # @click.option("--api-key", default=os.getenv(...))
        if _OPTION_CALL.search(ctx.code(call.func)) and any(
            a.keyword is not None
            and a.keyword.value == "default"
            and _HUBSPOT_KEY_VARIABLE.search(ctx.code(a.value))
            for a in call.args
        ):
            others.append(f"the default of {_option_name(ctx, call)}")
    if len(found) > 1 or others:
        names = [str(v.evaluated_value) for _, v in found] + others
        return UNCLEAR_OPTIONS.format(", ".join(sorted(set(names))))
    for call, value in found:
        if not _tied(ctx, call, chain) and not _only_sent(ctx, call):
            return UNTIED_OPTION.format(_option_name(ctx, call), value.evaluated_value)
        if _provider_variable(ctx) is None:
            return KEY_OPTION.format(
                _option_name(ctx, call), value.evaluated_value, "envvar"
            )
    return None


def _only_sent(ctx: ModuleContext, call: cst.Call) -> bool:
    """Whether the option's parameter is read only to be sent as the key or
    handed on to what sends it (``Exporter(hapikey)``, a client taking a token
    now): its value then reaches no other credential of the module (not by
    ``ctx.obj``, a dict or an attribute), and each use it reaches has its own
    chain, the option tied to it."""
    function = ctx.ancestor(call, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return False
    name = _option_parameter(ctx, call)
    param = next(
        (
            p
            for p in (*function.params.params, *function.params.kwonly_params)
            if p.name.value == name
        ),
        None,
    )
    if param is None or other_reads(ctx, param) is not None:
        return False
    scope = ctx.lexical_scope(function.body)
    reads = [
        reference.node
        for assignment in (scope[name] if scope is not None else ())
        if getattr(assignment, "node", None) is param
        for reference in ctx.references(assignment)
    ]
    # each read an argument of a client's constructor (Exporter(hapikey)): not
    # stored in a dict (dict(hapikey=...)), an attribute or ctx.obj that other
    # commands read, nor handed to a function that may send it elsewhere
    return all(_to_client(ctx, r) for r in reads)


def _to_client(ctx: ModuleContext, read: cst.CSTNode) -> bool:
    """Whether ``read`` is an argument of a call making a class of this module
    or another module's class that takes a token now."""
    arg = ctx.parent(read)
    call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(call, cst.Call):
        return False
    func = call.func
    name = func.attr.value if isinstance(func, cst.Attribute) else ""
    name = func.value if isinstance(func, cst.Name) else name
    if isinstance(func, cst.Name) and _key_class(ctx, name):
        return True
    return any(
        c.parameter and c.name == name and c.name[:1].isupper() for c in ctx.carriers
    )


def _key_class(ctx: ModuleContext, name: str, depth: int = 0) -> bool:
    """A class of this module that sends the key (its code says hapikey), or
    subclasses one that does, or another module's class taking a token now
    (``class ContactsClient(BaseClient)``); not a holder (``Settings(dict)``)."""
    for node in ctx.module.body:
        if not (isinstance(node, cst.ClassDef) and node.name.value == name):
            continue
        if "hapikey" in ctx.code(node).lower():
            return True
        for base in node.bases:
            value = base.value
            label = value.attr.value if isinstance(value, cst.Attribute) else ""
            label = value.value if isinstance(value, cst.Name) else label
            if any(c.parameter and c.name == label for c in ctx.carriers):
                return True
            if depth < 5 and label and _key_class(ctx, label, depth + 1):
                return True
    return False


def retarget_key_options(ctx: ModuleContext, chain: Sequence[Origin]) -> None:
    """``envvar="HUBSPOT_API_KEY"`` -> the provider's variable: the option, by
    default the key, is by default the token now (its callers hand in tokens).
    Only once :func:`key_options_problem` found nothing against it."""
    variable = _provider_variable(ctx)
    if variable is None or key_options_problem(ctx, chain) is not None:
        return
    for call, value in key_options(ctx):
        if value in ctx.edits.replace:
            continue
        quote = value.quote
        ctx.edits.replace[value] = cst.SimpleString(f"{quote}{variable}{quote}")
        ctx.provider_keys.add((str(value.evaluated_value), ctx.code(value)))
        ctx.site(
            value,
            Kind.SETTING,
            Status.REWRITE,
            f"the {_option_name(ctx, call)} option takes a token now: by default "
            f"it reads {variable}",
        )


def _provider_variable(ctx: ModuleContext) -> str | None:
    match = _PROVIDER_VARIABLE.match(ctx.provider.expression.strip())
    return match.group(1) if match else None


def _option_name(ctx: ModuleContext, call: cst.Call) -> str:
    names = [
        str(a.value.evaluated_value)
        for a in call.args
        if a.keyword is None and isinstance(a.value, cst.SimpleString)
    ]
    return next((n for n in names if n.startswith("--")), names[0] if names else "")


OPTION_READ_ELSEWHERE = (
    "the option {} is also read at line {}: once it defaults to the token, that "
    "use would get the token too; change the option by hand"
)


def option_read_elsewhere(ctx: ModuleContext, value: cst.BaseExpression) -> str | None:
    """``args.api_key`` handed on here, and read again elsewhere in the module
    (a subprocess, a request left for a person): its default cannot become the
    token for this use alone."""
    if not isinstance(value, cst.Attribute):
        other = django_options.other_read(ctx, value, _only_tested)
        if other is None:
            return None
        return OPTION_READ_ELSEWHERE.format(ctx.code(value), ctx.start(other)[0])
    base = ctx.code(value.value)
    for other in ctx.index.attributes.get(value.attr.value, ()):
        if other is value or ctx.code(other.value) != base or _only_tested(ctx, other):
            continue
        return OPTION_READ_ELSEWHERE.format(ctx.code(value), ctx.start(other)[0])
    return None


def _only_tested(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """``if not args.api_key: parser.error(...)``: a test of presence, which a
    token passes as the key did."""
    parent = ctx.parent(node)
    while isinstance(parent, (cst.UnaryOperation, cst.BooleanOperation)):
        node, parent = parent, ctx.parent(parent)
    if isinstance(parent, cst.Comparison):
        return all(
            isinstance(t.comparator, cst.Name) and t.comparator.value == "None"
            for t in parent.comparisons
        )
    # (x if api_key else y: the same test, in an expression)
    return (
        isinstance(parent, (cst.If, cst.While, cst.Assert, cst.IfExp))
        and parent.test is node
    )


OTHER_READS = (
    "{} is also read at line {} for something else than HubSpot's requests: once "
    "callers pass a token, that use gets the token too; change it by hand"
)


def other_reads(
    ctx: ModuleContext, param: cst.Param, seen: frozenset[int] = frozenset()
) -> int | None:
    """The line where a caller's-credential parameter, or the attribute it is
    stored in (``self.api_key = api_key``), is read other than to send it as the
    key: a test of presence, another key use, handing it on to a function that
    sends the key. ``requests.post(exporter, json={"hubspot_key": key})`` or
    ``export(key)`` are such reads."""
    function = ctx.ancestor(param, cst.FunctionDef)
    scope = ctx.lexical_scope(function.body) if function is not None else None
    if scope is None:
        return None
    reads: list[cst.CSTNode] = []
    for assignment in scope[param.name.value]:
        if getattr(assignment, "node", None) is param:
            reads += [ref.node for ref in ctx.references(assignment)]
    for node in list(reads):  # key = api_key or DEFAULT: the reads of key
        local = _stored_in_local(ctx, node, scope)
        if local is not None:
            reads.remove(node)
            reads += local
    for node in list(reads):
        statement = ctx.ancestor(node, cst.BaseSmallStatement)
        stored = _stored_in_self(ctx, node, statement)
        if stored is not None:
            reads.remove(node)
            reads += stored
    for node in reads:
        if not _sends_key(ctx, node, seen | {id(param)}):
            return ctx.start(node)[0]
    return None


RUN_TIME_OTHER_READS = (
    "{} is given at run time and also read at line {} for something else than "
    "HubSpot's requests{}: once it holds a token, that use gets the token too (a "
    "check of the key's format would refuse it); change it by hand"
)


def run_time_other_reads(ctx: ModuleContext, keys: Sequence[cst.CSTNode]) -> str | None:
    """Why a key given at run time (``sys.argv[1]``, ``input()``, a file read)
    cannot simply be sent as the token: the variable holding it is read other
    than to send it as the key or test its presence (``if len(API_KEY) != 36:
    sys.exit(...)``, ``API_KEY[-6:]`` posted elsewhere), as :func:`other_reads`
    asks of a caller's-credential parameter. Copies (``key = API_KEY.strip()``)
    are followed."""
    for key in keys:
        if not isinstance(key, (cst.Name, cst.Attribute)):
            continue
        try:
            origin = origins.key_origin(ctx, key)
        except (KeyError, ValueError, RecursionError):
            continue
        if origin.kind != origins.CALLER or origin.param is not None:
            continue
        reads = (
            _other_variable_reads(ctx, key, 0)
            if isinstance(key, cst.Name)
            else _other_field_reads(ctx, key)
        )
        for node in reads:
            line = ctx.start(node)[0]
            what = run_time_reads.what_read(ctx, node)
            return RUN_TIME_OTHER_READS.format(ctx.code(key), line, what)
    return None


def _other_variable_reads(ctx: ModuleContext, name: cst.Name, depth: int) -> list:
    """The reads of the variable ``name`` reads, wherever bound, that neither
    send the key nor test it, following plain copies of it (``key =
    API_KEY.strip()``, ``key = API_KEY or DEFAULT``)."""
    scope = ctx.lexical_scope(name)
    if scope is None or depth > 3:
        return []
    found: list[cst.CSTNode] = []
    for assignment in scope[name.value]:
        for ref in ctx.references(assignment):
            node = ref.node
            if _sends_key(ctx, node):
                continue
            target = _plain_copy(ctx, node)
            if target is not None:
                found += _other_variable_reads(ctx, target, depth + 1)
            else:
                found.append(node)
    return found


def _other_field_reads(ctx: ModuleContext, key: cst.Attribute) -> list:
    """The reads of ``args.hapikey`` (the same field of the same name, in the
    key's function or module) that neither send the key nor test it: an
    argparse option checked for its format (``len(args.hapikey) != 36``)."""
    if not isinstance(key.value, cst.Name):
        return []
    scope = ctx.lexical_scope(key.value)
    owner = ctx.ancestor(key, cst.FunctionDef) or ctx.module
    found = []
    for node in walk(owner):
        if (
            isinstance(node, cst.Attribute)
            and node is not key
            and isinstance(node.value, cst.Name)
            and node.value.value == key.value.value
            and node.attr.value == key.attr.value
            and ctx.lexical_scope(node.value) is scope
            and not isinstance(ctx.parent(node), cst.AssignTarget)
            and not _sends_key(ctx, node)
        ):
            found.append(node)
    return found


def _plain_copy(ctx: ModuleContext, node: cst.CSTNode) -> cst.Name | None:
    """The name ``node``'s value is copied into as it is: ``key = node``,
    ``key = node.strip()``, ``key = node or DEFAULT``, ``key = str(node)``."""
    value = ctx.parent(node)
    if (
        isinstance(value, cst.Attribute)
        and value.value is node
        and value.attr.value in ("strip", "rstrip", "lstrip")
        and isinstance(ctx.parent(value), cst.Call)
    ):
        value = ctx.parent(value)
    elif isinstance(value, cst.Arg) and isinstance(ctx.parent(value), cst.Call):
        call = ctx.parent(value)
        if not (isinstance(call.func, cst.Name) and call.func.value == "str"):
            return None
        value = call
    elif isinstance(value, cst.BooleanOperation) and value.left is node:
        pass
    else:
        value = node
    statement = ctx.parent(value)
    if (
        isinstance(statement, cst.Assign)
        and statement.value is value
        and len(statement.targets) == 1
        and isinstance(statement.targets[0].target, cst.Name)
    ):
        return statement.targets[0].target
    return None


def _stored_in_local(
    ctx: ModuleContext, node: cst.CSTNode, scope
) -> list[cst.CSTNode] | None:
    """``key = api_key``, ``key = api_key or DEFAULT``, ``key = api_key if
    api_key else DEFAULT`` (:func:`origins.tested_alternative`) in the
    parameter's function: the reads of ``key`` there, instead of this one
    (None: not such an assignment)."""
    value = ctx.parent(node)
    if isinstance(value, cst.BooleanOperation):
        if not (isinstance(value.operator, cst.Or) and value.left is node):
            return None
    elif isinstance(value, cst.IfExp):
        if origins.tested_alternative(ctx, value) is not node:
            return None
    else:
        value = node
    statement = ctx.parent(value)
    if not (
        isinstance(statement, cst.Assign)
        and statement.value is value
        and len(statement.targets) == 1
        and isinstance(statement.targets[0].target, cst.Name)
    ):
        return None
    target = statement.targets[0].target
    bindings = [a for a in scope[target.value] if getattr(a, "node", None) is target]
    if len(bindings) != 1 or bindings[0].scope is not scope:
        return None  # a global, a nonlocal: read out of sight
    return [  # (api_key = api_key or ...: not its own right side)
        ref.node
        for ref in ctx.references(bindings[0])
        if ctx.ancestor(ref.node, cst.Assign) is not statement
    ]


def other_read_what(ctx: ModuleContext, param: cst.Param, line: int) -> str:
    """What the read of ``param`` (or its ``self.`` attribute) at ``line`` that
    :func:`other_reads` found does: `` (compared with settings.KEY)``, ``
    (handed to export())``; "" when it says nothing plainer. String literals
    are elided (a key's value is never shown)."""
    name = param.name.value
    function = ctx.ancestor(param, cst.FunctionDef) or ctx.module
    owner = ctx.ancestor(param, cst.ClassDef) or function
    for node in walk(owner):
        if (
            not isinstance(node, (cst.Name, cst.Attribute))
            or ctx.start(node)[0] != line
        ):
            continue
        if isinstance(node, cst.Name) and node.value != name:
            continue
        if isinstance(node, cst.Attribute) and not (
            isinstance(node.value, cst.Name) and node.value.value == "self"
        ):
            continue
        if isinstance(node, cst.Name) and isinstance(ctx.parent(node), cst.Attribute):
            if ctx.parent(node).attr is node:
                continue
        child, parent = node, ctx.parent(node)
        while isinstance(parent, (cst.BooleanOperation, cst.UnaryOperation)):
            child, parent = parent, ctx.parent(parent)
        if isinstance(parent, cst.Comparison) and parent.comparisons:
            other = (
                parent.comparisons[0].comparator
                if parent.left is child
                else parent.left
            )
            return f" (compared with {_shown(ctx, other)})"
        if isinstance(parent, cst.Arg) and isinstance(ctx.parent(parent), cst.Call):
            return f" (handed to {_shown(ctx, ctx.parent(parent).func)}())"
        if isinstance(parent, (cst.FormattedStringExpression, cst.BinaryOperation)):
            return " (built into a string: a log line, a message?)"
    return ""


_LITERAL_TEXT = re.compile(r"""(['"])[^'"]*\1""")


def _shown(ctx: ModuleContext, node: cst.CSTNode) -> str:
    text = _LITERAL_TEXT.sub("'...'", " ".join(ctx.code(node).split()))
    return text if len(text) <= 50 else text[:47] + "..."


def _stored_in_self(
    ctx: ModuleContext, node: cst.CSTNode, statement: cst.CSTNode | None
) -> list[cst.CSTNode] | None:
    """``self.api_key = api_key [or ...]``: the reads of ``self.api_key`` in the
    class, instead of this one."""
    if not isinstance(statement, cst.Assign) or len(statement.targets) != 1:
        return None
    if "hapikey" in ctx.code(statement).lower() or not isinstance(
        statement.value, (cst.Name, cst.BooleanOperation)
    ):
        return None  # a key use of its own, or not the credential as such
    target = statement.targets[0].target
    if not (
        isinstance(target, cst.Attribute)
        and isinstance(target.value, cst.Name)
        and target.value.value == "self"
    ):
        return None
    owner = ctx.ancestor(statement, cst.ClassDef)
    return [
        attribute
        for attribute in ctx.index.attributes.get(target.attr.value, ())
        if attribute is not target
        and ctx.ancestor(attribute, cst.ClassDef) is owner
        and not isinstance(ctx.parent(attribute), cst.AssignTarget)
    ]


def _sends_key(
    ctx: ModuleContext, node: cst.CSTNode, seen: frozenset[int] = frozenset()
) -> bool:
    """A read that sends the key (its statement says hapikey), tests it, or
    hands it to a function of this module that sends the key."""
    if _only_tested(ctx, node):
        return True
    statement = ctx.ancestor(node, cst.BaseSmallStatement)
    text = _sending_text(ctx, statement)
    if isinstance(node, cst.Name):  # a variable named hapikey says nothing
        text = without_name(text, node.value)
    if "hapikey" in text.lower() or format_positions.fills_key_field(ctx, node):
        return True
    if prefix_names.joined_to_prefix(ctx, node):  # HS_URL + key, "...?hapikey="
        return True
    if format_templates.fills_key_field(ctx, node):  # TEMPLATE.format(vid, key)
        return True
    if template_carriers.fills_key(ctx, node):  # another module's TEMPLATE
        return True
    if bearer_reads.bearer_credential(
        ctx, node
    ) and not bearer_reads.names_another_host(ctx):
        # f"Bearer {self.api_key}" under Authorization: already sent as a
        # token, to HubSpot only (the module names no other host)
        return True
    parent = ctx.parent(node)
    while isinstance(parent, (cst.BooleanOperation, cst.IfExp)):
        parent = ctx.parent(parent)
    call = ctx.parent(parent) if isinstance(parent, cst.Arg) else None
    if not isinstance(call, cst.Call):
        return False
    if any(
        q.split(".")[0] in ("hubspot", "hubspot3", "hapi")
        for q in ctx.qualified_names(call.func)
    ):
        # an SDK client's key (HubSpot(api_key=...), ContactsClient(api_key));
        # not any call's api_key=: PipelineClient(api_key=key) of a module
        # not seen keeps taking a key (a class of the tree is looked at below)
        return True
    callee = Flow(ctx).local_function(call)
    if callee is not None and "hapikey" in ctx.code(callee).lower():
        return True
    if callee is not None and _hands_on_key(ctx, callee, call, parent, seen):
        return True
    if callee is not None and isinstance(ctx.parent(callee), cst.ClassDef):
        return "hapikey" in ctx.code(ctx.parent(callee)).lower()
    name = call.func.attr.value if isinstance(call.func, cst.Attribute) else ""
    name = call.func.value if isinstance(call.func, cst.Name) else name
    for node in ctx.module.body:  # Client(api_key), a class of this module
        if isinstance(node, cst.ClassDef) and node.name.value == name:
            return _key_class(ctx, name)
    # another module's function or class that takes a token now
    return any(c.parameter and c.name == name for c in ctx.carriers)


def _sending_text(ctx: ModuleContext, statement: cst.CSTNode | None) -> str:
    """The code of ``statement`` that may say it sends the key: not an
    assert's (a check, its message saying hapikey), nor the functions it calls
    (``HAPIKEY_FORMAT.match(key)``, ``check_hapikey(key)``: a validator named
    for the key sends nothing), nor a name handed to a call that is no request
    (``re.match(HAPIKEY_PATTERN, key)``)."""
    if statement is None or isinstance(statement, cst.Assert):
        return ""
    text = ctx.code(statement)
    for node in walk(statement):
        if not isinstance(node, cst.Call):
            continue
        func = node.func  # a dotted name only: not requests.get(...).json
        while isinstance(func, cst.Attribute):
            func = func.value
        if isinstance(func, cst.Name) and "hapikey" in ctx.code(node.func).lower():
            text = without_name(text, ctx.code(node.func))
        if http_calls.classify(ctx, node) is not None:
            continue  # a request's own arguments say what it sends
        for arg in node.args:  # re.match(HAPIKEY_PATTERN, key): a pattern
            if isinstance(arg.value, (cst.Name, cst.Attribute)) and arg.keyword is None:
                shown = ctx.code(arg.value)
                if "hapikey" in shown.lower():
                    text = without_name(text, shown)
    return text


def without_name(text: str, name: str) -> str:
    """``text`` without the code name ``name`` (a variable, ``a.b``), where it
    stands as a name: not inside a string's ``hapikey=``, nor a keyword or dict
    key (``hapikey=key``, ``"hapikey": key``)."""
    return re.sub(rf"""(?<![.\w'"]){re.escape(name)}\b(?![\s'"]*[=:](?!=))""", "", text)


def _hands_on_key(
    ctx: ModuleContext,
    callee: cst.FunctionDef,
    call: cst.Call,
    arg: cst.Arg,
    seen: frozenset[int],
) -> bool:
    """``source_client(use_mirror, key)``: a function of this module whose
    parameter the key binds to reads it only to send it as the key, test it, or
    hand it on again (``return HubSpotClient(api_key)``, a client taking a token
    now). A parameter already being looked at (recursion) is not assumed."""
    name = arguments.parameter_of(callee, call, arg)
    params = callee.params
    param = next(
        (
            p
            for p in (*params.posonly_params, *params.params, *params.kwonly_params)
            if p.name.value == name
        ),
        None,
    )
    if param is None or id(param) in seen:
        return False
    return other_reads(ctx, param, seen) is None


NAMESPACE_DEFAULT = (
    "the key is .{} of the parsed options passed in, and --{} has a default (the "
    "old key?): make that default the token, or pass tokens, by hand"
)
ENQUEUED_TASK = (
    "{}() is a task, and {} enqueues it or names it (perhaps with the configured "
    "key), which is not followed; migrate them together by hand"
)
REGISTERED_UNSEEN = (
    "{}() is a task registered under a name written at run time (line {}): its "
    "producers cannot be looked for; migrate them together by hand"
)
# @app.task, @shared_task, @dramatiq.actor, and aliases (hubspot_task = app.task())
_TASK_DECORATOR = re.compile(
    r"(?:^|[._])(?:task|shared_task|periodic_task|actor|job)(?:\(|$)"
)


NAMED_BY_PATH = (
    "{}() is named by its dotted path at {} (a job queue, a scheduler?), which "
    "calls it with what it is handed there, perhaps the configured key: not "
    "followed; migrate them together by hand"
)
TASK_CLASS = (
    "{}() is a task class's entry point (a queue calls it with what its "
    "producers enqueue, by the class's name), which is not followed; migrate "
    "them together by hand"
)


def _task_class_run(ctx: ModuleContext, function: cst.FunctionDef) -> bool:
    """``class SyncOwners(Task): def run(self, api_key)``: Celery's class-based
    task (or a base named ``...Task``/``...Job``/``...Actor``)."""
    cls = ctx.parent(ctx.parent(function))
    return (
        isinstance(cls, cst.ClassDef)
        and function.name.value in ("run", "__call__", "perform")
        and any(re.search(r"(?:Task|Job|Actor)$", ctx.code(b.value)) for b in cls.bases)
    )


def _task_decorators(
    ctx: ModuleContext, function: cst.FunctionDef
) -> list[cst.Decorator]:
    """The decorators making ``function`` a task (``@app.task``, ``@shared_task``,
    ``@task("hubspot.sync")``, ``@dramatiq.actor``)."""
    return [
        d for d in function.decorators if _TASK_DECORATOR.search(ctx.code(d.decorator))
    ]


def _enqueued(ctx: ModuleContext, function: cst.FunctionDef) -> str | None:
    """Why a task's key parameter cannot be taken as its producers' credential,
    if it cannot. A task is called by a worker with what its producers
    enqueued: producers outside the tree are callers out of sight, as for any
    function others import (their key is a token now: the report says so). A
    producer in the tree (``sync.delay(KEY)``, ``send_task("app.sync", [KEY])``,
    a beat schedule naming it) is not followed: manual. Another module naming
    the task is found by :mod:`hapimigrate.tree_tasks` (the module runs again);
    here, this module's own uses: the task named other than by a direct call
    (``sync.delay(...)``, ``sync.s(...)``, handed on), or its registered name
    written again."""
    name = function.name.value
    where = ctx.enqueued.get(name)
    if where is not None:
        return ENQUEUED_TASK.format(name, where)
    names = [
        a.value
        for d in _task_decorators(ctx, function)
        if isinstance(d.decorator, cst.Call)
        for a in d.decorator.args
        if a.keyword is None or a.keyword.value in ("name", "actor_name")
    ]
    registered = tuple(
        str(n.evaluated_value)
        for n in names
        if isinstance(n, cst.SimpleString) and isinstance(n.evaluated_value, str)
    )
    if len(registered) < len(names):  # @shared_task(name=SYNC_OWNERS)
        return REGISTERED_UNSEEN.format(name, ctx.start(names[0])[0])
    line = _named_here(ctx, function, registered)
    if line is not None:
        return ENQUEUED_TASK.format(name, f"line {line}")
    ctx.tasks[name] = registered
    return None


def _named_here(
    ctx: ModuleContext, function: cst.FunctionDef, registered: tuple[str, ...]
) -> int | None:
    """The line where this module names the task other than to call it directly
    (direct calls are callers, followed as any function's), if it does."""
    scope = ctx.lexical_scope(function)
    for assignment in scope[function.name.value] if scope is not None else ():
        if getattr(assignment, "node", None) is not function:
            continue
        for reference in ctx.references(assignment):
            node = reference.node
            parent = ctx.parent(node)
            if not (isinstance(parent, cst.Call) and parent.func is node):
                return ctx.start(node)[0]
    for text in registered:  # a schedule naming it, beside the decorator
        found = list(re.finditer(rf"""['"]{re.escape(text)}['"]""", ctx.text))
        if len(found) > 1:
            return ctx.text[: found[1].start()].count("\n") + 1
    return None


CALLED_AS_VALUE = (
    "{}() is also used as a value (line {}): what those calls pass is not seen, "
    "perhaps a configured key; migrate them together by hand"
)
CONTAINER_CONFIGURED = (
    "the key is the {} of what callers pass, and line {} passes a configured "
    "object: make that field the token where the object is made, by hand"
)


def callers_keys(
    ctx: ModuleContext, origin: Origin
) -> tuple[tuple[cst.BaseExpression, ...], str | None]:
    """The configured keys this module's callers hand to a caller's-credential
    parameter, at any depth (``run()`` passes the key to ``main(key)``, which
    passes it on to ``deals(key)``): once the function sends what it is given as
    a token, they must become the provider's token too. A problem where a caller
    passes a key that cannot be placed, or a configured object whose field is
    the key."""
    if origin.kind == origins.CALLER and origin.read is not None:
        # a file's value (key.txt, keys.json's "hubspot"): read for HubSpot only?
        return (), run_time_reads.problem(ctx, origin, _sends_key)
    if origin.kind not in (origins.CALLER, origins.FALLBACK) or origin.param is None:
        return (), None
    cached = response_cache.shared_cache(ctx)
    if cached is not None:  # callers asking one URL would share its response
        return (), cached
    passed: list[cst.BaseExpression] = []
    owners: list[Origin] = []
    problem = _collect(ctx, origin, passed, set(), owners)
    for each in [origin, *owners]:  # settings or load(): said whatever the site
        if each.default is not None:  # (a caller handing on its default's field too)
            owner = token_owner(ctx, each) or ""
            default = configured_objects.default_problem(ctx, each, owner)
            problem = problem or default
    for value in passed:  # copy(wid, to_key=TO_KEY, from_key=FROM_KEY)
        arg = ctx.parent(value)
        call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
        problem = problem or sent_keys.another_key_beside(ctx, call, value)
    if problem:
        return (), problem
    stored = (stored_field(ctx, owner) for owner in owners)
    return tuple(passed), (
        key_options_problem(ctx, [origin, *owners])
        or _untied_defaults(ctx, passed)
        or next(filter(None, stored), None)  # what the other checks left
    )


UNTIED_DEFAULT = (
    "the option {} defaults to the key, and hapimigrate cannot see that its value "
    "is what reaches this (a framework calls the code with it: handle(**options)?): "
    "make its default the token by hand"
)


def _untied_defaults(
    ctx: ModuleContext, passed: Sequence[cst.BaseExpression]
) -> str | None:
    """An ``add_argument`` of this module whose default reads the key, and that
    is not among the defaults becoming the token: a framework may hand its value
    to the credential (Django's ``handle(**options)``)."""
    replaced = {id(p) for p in passed}
    for call in ctx.index.calls:
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value == "add_argument"):
            continue
        for arg in call.args:
            if (
                arg.keyword is not None
                and arg.keyword.value == "default"
                and id(arg.value) not in replaced
                and _HUBSPOT_KEY_VARIABLE.search(ctx.code(arg.value))
            ):
                return UNTIED_DEFAULT.format(_option_name(ctx, call))
    return None


def passing_owners(ctx: ModuleContext, origin: Origin) -> list[Origin]:
    """The parameters of this module's functions that hand ``origin``'s
    parameter their own callers' credential: they take tokens too."""
    owners: list[Origin] = []
    if origin.kind in (origins.CALLER, origins.FALLBACK) and origin.param is not None:
        _collect(ctx, origin, [], set(), owners)
    return owners


WRAPPED = (
    "{}() is wrapped by {}, a decorator of this module, which may hand it the key "
    "itself: migrate them together by hand"
)


def _own_decorator(ctx: ModuleContext, function: cst.FunctionDef) -> str | None:
    """A decorator of ``function`` defined in this module (it calls the function
    itself, with what arguments is not followed)."""
    defined = {
        node.name.value
        for node in ctx.module.body
        if isinstance(node, (cst.FunctionDef, cst.ClassDef))
    }
    for decorator in function.decorators:
        name = decorator.decorator
        if isinstance(name, cst.Call):
            name = name.func
        if isinstance(name, cst.Name) and name.value in defined:
            return name.value
    return None


def _collect(
    ctx: ModuleContext,
    origin: Origin,
    passed: list[cst.BaseExpression],
    seen: set[int],
    owners: list[Origin],
) -> str | None:
    assert origin.param is not None
    seen.add(id(origin.param))
    function = ctx.ancestor(origin.param, cst.FunctionDef)
    if isinstance(function, cst.FunctionDef) and _task_decorators(ctx, function):
        # @app.task: a queue hands it what its producers enqueue
        problem = _enqueued(ctx, function)
        if problem:
            return problem
    elif isinstance(function, cst.FunctionDef) and ctx.parent(function) is ctx.module:
        # a plain function: a queue or a scheduler may name it by its path
        where = ctx.enqueued.get(function.name.value)
        if where is not None:
            return NAMED_BY_PATH.format(function.name.value, where)
        ctx.callables.add(function.name.value)
    if isinstance(function, cst.FunctionDef) and _task_class_run(ctx, function):
        return TASK_CLASS.format(function.name.value)
    if isinstance(function, cst.FunctionDef):
        wrapper = _own_decorator(ctx, function)
        if wrapper is not None:  # @with_key: def with_key(fn): ... fn(KEY, ...)
            return WRAPPED.format(function.name.value, wrapper)
        line = used_as_value(ctx, function)
        if line is not None:  # Thread(target=deals, args=(KEY,)), partial(deals, KEY)
            return CALLED_AS_VALUE.format(function.name.value, line)
        hidden = _option_out_of_sight(ctx, function, origin.param.name.value)
        if hidden is not None:
            return OPTION_OUT_OF_SIGHT.format(origin.param.name.value, hidden)
    other = None if origin.container else other_reads(ctx, origin.param)
    if other is not None:
        what = other_read_what(ctx, origin.param, other)
        return OTHER_READS.format(origin.param.name.value, f"{other}{what}")
    bound = default_bound_problem(ctx, origin)
    if bound is not None:
        return bound
    owner = token_owner(ctx, origin)
    if owner in ctx.shared_elsewhere:
        return CALLED_ELSEWHERE.format(owner)
    outcome = ctx.sent_elsewhere.get(owner or "")
    if outcome is not None and outcome.status != Status.REWRITE:
        return outcome.reason
    given = origins.caller_arguments(ctx, origin.param)
    if given is None:  # which call, and what it unpacks
        return starred_callers.reason(ctx, origin.param)
    left = origins.caller_leaving_none(ctx, origin.param)
    # (api_key or os.environ.get(...): None takes the configured default)
    if left is not None and not origin.container and origin.kind != origins.FALLBACK:
        return CALLER_NONE.format(left, origin.param.name.value)
    for value in given:
        if isinstance(value, cst.Name) and value.value == "None":
            continue
        found = origins.key_origin(ctx, value)
        default = (
            origins.command_line_default(ctx, value)
            if found.kind == origins.CALLER
            else None
        )
        if found.kind == origins.CONFIG or default is not None:
            if origin.container:
                line = ctx.start(value)[0]
                return CONTAINER_CONFIGURED.format(origin.container, line)
            if default is not None:
                problem = option_read_elsewhere(ctx, value)
                if problem:
                    return problem
            # --api-key, by default the configured key: by default the token
            passed.append(default if default is not None else value)
        elif found.kind == origins.CALLER:
            problem = origins.command_line_default_problem(ctx, value)
            field = origin.container.lstrip(".")
            if (
                not problem
                and field.isidentifier()
                and origins.dest_defaults(ctx, field)
            ):
                # deals(args) sending args.api_key: --api-key's default stays the key
                problem = NAMESPACE_DEFAULT.format(field, field.replace("_", "-"))
            if problem:
                return problem
            if found.param is None and found.read is not None:
                # a file's value (keys.json's "hubspot"): read for HubSpot only?
                problem = run_time_reads.problem(
                    ctx, found, _sends_key
                ) or run_time_reads.passed_host_problem(ctx, origin.param, found, value)
                if problem:
                    return problem
            if found.param is None or id(found.param) in seen:
                continue  # the command line, a tenant's: a token now
            deeper = dataclasses.replace(
                found, container=found.container or origin.container
            )
            owners.append(deeper)
            problem = _collect(ctx, deeper, passed, seen, owners)
            if problem:
                return problem
        else:
            named = named_variables.set_elsewhere(ctx, value)  # from_env(name)
            if named is not None:
                line = ctx.start(value)[0]
                return f"a caller passes the key read from {named} (line {line})"
            return _unplaced(ctx, value)
    return None


def stored_field(
    ctx: ModuleContext, origin: Origin, value: cst.CSTNode | None = None
) -> str | None:
    """``sync(account)`` handing on ``account.hubspot_api_key`` (``value``; else
    the origin's own read), ``sync`` called by nobody in the tree (a task, a
    signal handler): each account's stored key, not one to make a token."""
    if not (
        origin.param is not None
        and (origin.container or "").startswith(".")  # an object's field
        and origin.default is None
        and origins.caller_arguments(ctx, origin.param) == []
        and token_owner(ctx, origin) not in ctx.shared_elsewhere
    ):
        return None
    where = value if value is not None else origin.param
    what = ctx.code(value) if value is not None else origin.param.name.value
    what += "" if value is not None else origin.container
    return STORED_FIELD.format(what, ctx.start(where)[0])


STORED_FIELD = (
    "a caller passes {} (line {}), a field of what its own callers hand it, and "
    "nothing in the tree calls it: each account's or tenant's stored key, "
    "perhaps; give each its own token by hand"
)
DEFAULT_BOUND = (
    "{} of {}() defaults to the key, a value bound once, when the function is "
    "defined: the provider's token would be read then, once, and one that expires "
    "would not be renewed; make the default None and read the token in the body, "
    "by hand"
)
DEFAULT_NONE_GIVEN = (
    "the call at line {} passes None for {}, which has the key as its default: no "
    "key was sent then, and a header built from None would raise; decide by hand"
)


def default_bound_problem(ctx: ModuleContext, origin: Origin) -> str | None:
    """``def make_getter(path, key=HAPIKEY)``: the key is the caller's, by
    default the configured key, bound when the function is defined. It may
    become the token there only when the provider reads an environment variable
    (the key was read once too; a provider function may hand out tokens that
    expire), and only when no call of this module passes None (which stays
    None, unlike ``key or DEFAULT``)."""
    param = origin.param
    if origin.kind != origins.FALLBACK or param is None:
        return None
    if origin.fallback is None or origin.fallback is not param.default:
        return None  # key or DEFAULT: read when called
    function = ctx.ancestor(param, cst.FunctionDef)
    name = function.name.value if isinstance(function, cst.FunctionDef) else "?"
    if _provider_variable(ctx) is None:
        return DEFAULT_BOUND.format(param.name.value, name)
    for value in origins.caller_arguments(ctx, param) or ():
        if isinstance(value, cst.Name) and value.value == "None":
            return DEFAULT_NONE_GIVEN.format(ctx.start(value)[0], param.name.value)
    return None


def _unplaced(ctx: ModuleContext, value: cst.BaseExpression) -> str:
    """CALLER_UNPLACED, with what the caller passes when its code shows no
    literal (a key's value is never shown): ``config.load(path)``."""
    reason = CALLER_UNPLACED.format(ctx.start(value)[0])
    code = " ".join(ctx.code(value).split())
    if len(code) > 60 or re.search(r"['\"]|\d{4}", code):
        return reason
    return f"{reason[:-1]}: {code})"


def give_token(
    ctx: ModuleContext,
    decision: Decision,
    origin: Origin,
    route: Route,
    key: cst.BaseExpression,
    replaces: cst.BaseSmallStatement | None = None,
    literal: str | None = None,
    passed: tuple[cst.BaseExpression, ...] = (),
    also_keys: tuple[cst.BaseExpression, ...] = (),
) -> None:
    """The token edits a rewrite decided on: the requests carry the provider's
    token, or the caller's (``key``), whose configured default becomes the
    provider's token. ``literal``: the key's value, written in the URL's text;
    ``passed``: configured keys callers in this module hand in (:func:`callers_keys`);
    ``also_keys``: the other key expressions the use is fed (several formattings).
    """
    optional = beside_key(ctx, route, key) is not None  # a mode without the key
    replace_configured_keys(ctx, decision, origin, passed, optional)
    if decision.callers_token:
        for each in [origin, *passing_owners(ctx, origin)]:
            owner = token_owner(ctx, each)
            if owner is not None:
                ctx.token_parameters.add(owner)
                export_token_owner(ctx, each, owner, optional)
    if decision.send_token and not decision.callers_token:
        if literal is not None:  # ?hapikey=VALUE in the text
            ctx.provider_keys.add((repr(literal), origins.LITERAL_KEY))
        else:  # one template may be fed two keys: .format(key=A), .format(key=B)
            for value in (key, *also_keys):
                ctx.provider_keys.add(origins.config_key(ctx, value))
    if decision.send_token:
        send_token(
            ctx, route, replaces, key if decision.callers_token else None, at=key
        )


def replace_configured_keys(
    ctx: ModuleContext,
    decision: Decision,
    origin: Origin,
    passed: tuple[cst.BaseExpression, ...],
    optional: bool = False,
) -> None:
    """Where a caller's credential becomes the token, the configured keys that
    feed it become the provider's token: a default (``key or settings.KEY``) and
    the keys this module's callers pass (``get(FROM_KEY)``); ``optional``: the
    code runs without the key too (another auth mode), so a key read leniently
    (``os.getenv(...)``) gives way to a token read leniently."""
    configured = list(passed)
    if decision.callers_token and origin.param is not None:
        # a parameter: a command's option may feed it
        retarget_key_options(ctx, [origin, *passing_owners(ctx, origin)])
    if decision.token_default and origin.fallback is not None:
        configured.append(origin.fallback)
    replace_configured(ctx, configured, optional)


_LENIENT_READS = frozenset({"os.getenv", "os.environ.get"})


def replace_configured(
    ctx: ModuleContext,
    configured: Sequence[cst.BaseExpression],
    optional: bool = False,
) -> None:
    """Configured keys that feed a caller's credential become the provider's
    token (read leniently where an option's or a parameter's default is read at
    start-up, or,
    for ``optional`` keys, where the key was: ``os.getenv("HUBSPOT_API_KEY")``
    in a dual-auth app whose OAuth mode runs without it; likewise a name read
    from elsewhere, ``settings.HUBSPOT_API_KEY``, which may hold None there)."""
    for value in configured:
        default = ctx.parent(ctx.parent(value)) if ctx.parent(value) else None
        lenient = optional and (
            (
                isinstance(value, cst.Call)
                and len(value.args) == 1
                and bool(ctx.qualified_names(value.func) & _LENIENT_READS)
            )
            or isinstance(value, (cst.Name, cst.Attribute))  # dual_auth's callers
        )
        ctx.edits.replace[value] = (
            ctx.lenient_token()  # add_argument(..., default=...): read at start-up
            if lenient
            or isinstance(default, cst.Call)
            and ctx.code(default.func).endswith("add_argument")
            # def sync(api_key=settings.KEY): read when the def runs, at import
            or isinstance(ctx.parent(value), cst.Param) and _may_be_unset(ctx, value)
            else ctx.token()
        )
        ctx.note_key(value)
        ctx.provider_keys.add(origins.config_key(ctx, value))


def _may_be_unset(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """Whether a configured key's read may find nothing without raising:
    ``os.getenv("K")``, ``os.environ.get("K")``, a name bound to one here, or
    another module's setting (``settings.HUBSPOT_API_KEY``, None where unset).
    A strict read (``os.environ["K"]``) stays one: the token is read as the key
    was."""
    if isinstance(value, cst.Name):
        scope = ctx.lexical_scope(value)
        bindings = list(scope[value.value]) if scope is not None else []
        if len(bindings) != 1:
            return False
        node = getattr(bindings[0], "node", None)
        if isinstance(node, (cst.Import, cst.ImportFrom)):
            return True  # from app.settings import HUBSPOT_API_KEY: a setting
        bound = values.assigned_value(ctx, node)
        return bound is not None and _may_be_unset(ctx, bound)
    if isinstance(value, cst.Call):
        return bool(ctx.qualified_names(value.func) & _LENIENT_READS)
    return isinstance(value, cst.Attribute)


def send_token(
    ctx: ModuleContext,
    route: Route,
    replaces: cst.BaseSmallStatement | None = None,
    key: cst.BaseExpression | None = None,
    at: cst.CSTNode | None = None,
) -> None:
    """Make every request of the route carry ``Authorization: Bearer <token>``:
    the provider's token, or ``key``'s value (a caller's credential).

    Session-level params get a ``session.headers["Authorization"] = ...``
    statement after the one that set them (instead of it, for ``replaces``).
    A key added on some paths only (``at``: where) gets the header beside it,
    under the same condition (:func:`beside_key`).
    """
    beside = beside_key(ctx, route, at)
    if beside is not None:
        _place_beside_key(ctx, beside, key)
    for sink in route.sinks:
        if sink.remote is not None:  # its own module adds the provider's token
            bearers = ctx.request_bearers.setdefault(id(sink.remote), set())
            bearers.add(PROVIDER if key is None else ctx.code(key))
            continue
        if sink.call is not None:
            # one request, two credentials (the configured key, a caller's over
            # it): the module decides again, the request mixed (module.py)
            bearers = ctx.request_bearers.setdefault(id(sink.call), set())
            bearers.add(ctx.code(ctx.bearer(key)))
            if beside is not None:  # the token goes where the key went
                ctx.guarded_functions.add(ctx.enclosing_name(sink.call))
                forms = condition_forms.admits_forms(ctx, beside.after)
                if forms:
                    ctx.condition_guarded.add(ctx.enclosing_name(sink.call))
                _export_own_key_helper(ctx, sink, route, guarded=True, forms=forms)
                continue
            _export_own_key_helper(ctx, sink, route)
            kw = kwargs.own_kwargs(ctx, sink.call)
            if kw is not None and not _has_headers(sink.call):
                _merge_into_kwargs(ctx, sink.call, kw, key)
                continue
            if sink.info is not None and sink.info.kind == "client":
                _note_holders(ctx, session_escapes.follow(ctx, sink.call, "client"))
            edit = ctx.edits.calls[sink.call]
            if edit.bearer is None:
                edit.bearer = ctx.bearer(key)
                edit.merge = _merge_style(ctx, sink.call)
                given = (
                    http_calls.positional_headers(sink.call, sink.info)
                    if sink.info is not None
                    else None
                )
                if given is not None:  # Request(url, data, {...}): headers={...}
                    edit.rename.setdefault(given, ("headers", None))
                function = guarded_helper(ctx, sink)
                if function is not None:
                    edit.guard, _ = host_guard(ctx, sink, function)
                    assert edit.guard is not None  # guard_problem said so
                    ctx.guarded_functions.add(ctx.enclosing_name(sink.call))
                    ctx.imports.add(Import("urllib.parse", "urlsplit"))
                if sink.info is not None and sink.info.kind == "urlopen":
                    edit.wrap_request = _request_class(ctx, sink.call)
        elif sink.statement is not None and sink.session is not None:
            if is_module_level_name(ctx, sink.session):
                ctx.session_headers.add(ctx.code(sink.session))
            held = session_class(ctx, sink.session)
            if held is not None:
                ctx.session_classes.add((held[0].name.value, held[1]))
                # hub = HubSpot() at module level: other modules' hub.session
                for instance in bound_to_calls_of(ctx, held[0].name.value):
                    attribute = f".{held[1]}" if held[1] else ""
                    ctx.session_headers.add(instance.value + attribute)
            factory = session_factory(ctx, sink)
            if factory is not None:
                ctx.session_factories.add(factory.name.value)
                ctx.session_headers.update(
                    n.value for n in factory_results(ctx, factory)
                )
            _note_holders(ctx, session_escapes.follow(ctx, sink.session, "session"))
            header = _session_header(ctx, sink.session, key)
            guard = session_guard(ctx, sink.session)
            assert guard.problem is None  # sink_problem said so
            if guard.hosts:  # some requests go elsewhere: the token to HubSpot's
                header = edits.session_auth_hook(
                    sink.session, ctx.bearer(key), guard.hosts
                )
                ctx.imports.add(Import("urllib.parse", "urlsplit"))
            keep = [] if sink.statement is replaces else [None]
            ctx.edits.statements[sink.statement] = keep + [header]


def _note_holders(ctx: ModuleContext, uses: session_escapes.Uses) -> None:
    """What other modules may reach a session or client given the header by:
    its module-level names, the functions handing it out, the classes holding
    it (and their module-level instances); the tree pass looks at their uses."""
    ctx.session_headers.update(n.value for n in uses.names)
    ctx.session_factories.update(uses.factories)
    for home, attribute in uses.holders:
        if not isinstance(ctx.parent(home), cst.Module):
            continue
        ctx.session_classes.add((home.name.value, attribute))
        for instance in bound_to_calls_of(ctx, home.name.value):
            ctx.session_headers.add(f"{instance.value}.{attribute}")


GUARD_IMPOSSIBLE = (
    "{}() is also given other hosts' URLs by other modules ({}), and {}: the "
    "token cannot be kept to HubSpot's hosts"
)
_API_HOST = re.compile(r"^api(?:-[a-z0-9]+)?\.(?:hubapi|hubspot)\.com$")


def is_api_host(host: str) -> bool:
    """``api.hubapi.com``, ``api-eu1.hubapi.com``: where HubSpot takes tokens."""
    return _API_HOST.match(host) is not None


def guarded_helper(ctx: ModuleContext, sink: Sink) -> cst.FunctionDef | None:
    """The function the request is made in, when some of its callers give it
    other hosts' URLs (written in the code, without the key) as well as
    HubSpot's with the key: callers in this module, or in others (its carrier
    outcome is ``guarded``). The header must go with HubSpot's only."""
    if sink.call is None:
        return None
    function = ctx.ancestor(sink.call, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    if isinstance(ctx.parent(function), cst.Module):
        outcome = ctx.sent_elsewhere.get(function.name.value)
        if outcome is not None and outcome.guarded:
            return function
    url = call_endpoints.sink_url_node(sink)
    if not isinstance(url, cst.Name):
        return None
    for call in Flow(ctx).callers(function):
        given = arguments.bind(function, call).get(url.value)
        if given is not None and not _gives_key(ctx, call):
            host = hubspot.host(values.url_template(ctx, given))
            if host is not None and not is_api_host(host):
                return function
    return None


def host_guard(
    ctx: ModuleContext, sink: Sink, function: cst.FunctionDef
) -> tuple[cst.BaseExpression | None, str]:
    """``urlsplit(url).hostname == "api.hubapi.com"`` for a request of ``function``
    whose URL is one of its parameters, with the HubSpot API hosts its callers in
    this module give it with the key (the others must give other hosts, written
    in the code); or why there is no such test."""
    url = call_endpoints.sink_url_node(sink) if sink.call is not None else None
    if ctx.python2_style:
        return None, "this is Python 2 code"
    if sink.info is not None and sink.info.kind == "urlopen":
        return None, "its request is made with urlopen"
    if kwargs.own_kwargs(ctx, sink.call) is not None and not _has_headers(sink.call):
        return None, "its request passes on its **kwargs"
    if not (
        isinstance(url, cst.Name) and url.value in arguments.parameter_names(function)
    ):
        return None, "its request's URL is not one of its parameters"
    scope = ctx.lexical_scope(url)
    if scope is None or any(
        not isinstance(getattr(b, "node", None), cst.Param) for b in scope[url.value]
    ):
        return None, f"it changes {url.value} before the request"
    if re.search(r"\burlsplit\b", ctx.text):
        return None, "this module names urlsplit already"
    if used_as_value(ctx, function) is not None:
        return None, "it is also used as a value, with URLs not seen"
    hosts = set()
    for call in Flow(ctx).callers(function):
        given = arguments.bind(function, call).get(url.value)
        if given is not None and _class_attribute_in(ctx, given):
            line = ctx.start(call)[0]
            return (
                None,
                f"the host of the URL given at line {line} is a class attribute",
            )
        host = hubspot.host(values.url_template(ctx, given)) if given else None
        keyed = _gives_key(ctx, call)
        if host is None or is_api_host(host) != keyed:
            line = ctx.start(call)[0]
            return None, f"the host of the URL given at line {line} is not known"
        if keyed:
            hosts.add(host)
    if not hosts:
        return None, "no call in this module tells HubSpot's host"
    return edits.host_guard(cst.Name(url.value), sorted(hosts)), ""


def _class_attribute_in(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """Whether a URL reads a class attribute (``self.BASE + path``, directly or
    through a name assigned it): a subclass or a later assignment may change
    it, so its host is not known for sure."""
    classes = {
        node.name.value for node in ctx.module.body if isinstance(node, cst.ClassDef)
    }
    names = ["self", "cls", *map(re.escape, sorted(classes))]
    pattern = re.compile(r"\b(?:" + "|".join(names) + r")\.")
    texts = [ctx.code(value)]
    if isinstance(value, cst.Name):
        texts += [ctx.code(v) for v in _assigned_values(ctx, value)]
    return any(pattern.search(text) for text in texts)


def _gives_key(ctx: ModuleContext, call: cst.Call) -> bool:
    """Whether a call hands the key in (in its URL, its params, ...)."""
    return any(carries_key(ctx, arg.value) for arg in call.args)


GUARD_IMPOSSIBLE_HERE = (
    "{}() is also given other hosts' URLs, and {}: the token cannot be kept to "
    "HubSpot's hosts"
)


def guard_problem(ctx: ModuleContext, route: Route) -> str | None:
    """Why a request of a helper also given other hosts' URLs cannot keep the
    token to HubSpot's hosts, if so."""
    for sink in route.sinks:
        function = guarded_helper(ctx, sink)
        if function is None:
            continue
        guard, why = host_guard(ctx, sink, function)
        if guard is None:
            outcome = ctx.sent_elsewhere.get(function.name.value)
            if outcome is not None and outcome.guarded:
                return GUARD_IMPOSSIBLE.format(function.name.value, outcome.reason, why)
            return GUARD_IMPOSSIBLE_HERE.format(function.name.value, why)
    return None


def _export_own_key_helper(
    ctx: ModuleContext,
    sink: Sink,
    route: Route,
    guarded: bool = False,
    forms: bool = False,
) -> None:
    """``def get(url, **kw): return requests.get(url, params={"hapikey": KEY},
    **kw)``: a module-level function sending whatever URL it is given, with the
    token now: other modules' calls must give it HubSpot's hosts (the tree-wide
    step checks them). Not one the key reached through that URL (``get_json(BASE
    + "?hapikey=" + KEY)``): its callers' URLs must carry the key, each a use
    that migrates (``across_modules._export_helpers``)."""
    url = call_endpoints.sink_url_node(sink) if sink.call is not None else None
    function = ctx.ancestor(sink.call, cst.FunctionDef) if sink.call else None
    if not (
        isinstance(url, cst.Name)
        and isinstance(function, cst.FunctionDef)
        and isinstance(ctx.parent(function), cst.Module)
        and url.value in arguments.parameter_names(function)
    ):
        return
    if any(f is function and p == url.value for f, _, p in route.helpers):
        return
    positional = [*function.params.posonly_params, *function.params.params]
    position = next(
        (i for i, p in enumerate(positional) if p.name.value == url.value), -1
    )
    ctx.exports.append(
        Carrier(
            ctx.path,
            importable_names(ctx.path)[0],
            function.name.value,
            Kind.URL,
            "",
            "",
            used_here=True,
            parameter=url.value,
            position=position,
            helper=True,
            own_key=True,
            guarded=guarded,
            admits_forms=forms,
        )
    )


def _has_headers(call: cst.Call) -> bool:
    return any(
        a.keyword is not None and a.keyword.value == "headers" for a in call.args
    )


def _merge_into_kwargs(
    ctx: ModuleContext,
    call: cst.Call,
    kw: cst.Name,
    key: cst.BaseExpression | None,
) -> None:
    """``kw["headers"] = {**(kw.get("headers") or {}), "Authorization": ...}``
    just before the statement that passes ``**kw`` to the request."""
    statement = ctx.ancestor(call, cst.BaseSmallStatement)
    assert statement is not None  # kwargs.own_kwargs checked it
    planned = ctx.edits.statements.get(statement, [None])
    if any(
        isinstance(s, cst.Assign) and s.targets[0].target.deep_equals(_headers_item(kw))
        for s in planned
        if s is not None
    ):
        return  # another use of the key reaches this request too
    existing = cst.Call(
        cst.Attribute(kw, cst.Name("get")),
        [cst.Arg(cst.SimpleString('"headers"'))],
    )
    merged = edits.merged_headers(
        existing,
        ctx.bearer(key),
        edits.DICT_CALL if ctx.python2_style else edits.SPREAD_OR_EMPTY,
    )
    header = cst.Assign([cst.AssignTarget(_headers_item(kw))], merged)
    ctx.edits.statements[statement] = [header, *planned]


def _place_beside_key(
    ctx: ModuleContext,
    placed: guarded_header.Placement,
    key: cst.BaseExpression | None,
) -> None:
    """The header statement right after the one adding the key (which may be
    removed: the header takes its place)."""
    bearer = ctx.bearer(key)
    if isinstance(placed, bound_headers.BoundPlacement):  # the branch's own dict
        assert placed.literal is not None
        token = bound_headers.with_token(placed.literal, bearer)
        ctx.edits.replace.setdefault(placed.literal, token)
        return
    existing = cst.Call(
        cst.Attribute(placed.holder.deep_clone(), cst.Name("get")),
        [cst.Arg(cst.SimpleString('"headers"'))],
    )
    merged = edits.merged_headers(
        existing,
        bearer,
        edits.DICT_CALL if ctx.python2_style else edits.SPREAD_OR_EMPTY,
    )
    header = (
        dual_auth.header_statement(placed, bearer, ctx.python2_style)
        if isinstance(placed, dual_auth.DualPlacement)
        else guarded_header.header_statement(placed, bearer, merged)
    )
    if isinstance(placed, dual_auth.DualPlacement):
        _note_dual_holders(ctx, placed)
    planned = ctx.edits.statements.get(placed.after, [None])
    if any(s is not None and s.deep_equals(header) for s in planned):
        return  # another use of the key placed it already
    ctx.edits.statements[placed.after] = [*planned, header]


def _note_dual_holders(ctx: ModuleContext, placed: dual_auth.DualPlacement) -> None:
    """A constructor's session or headers dict given the token (dual_auth):
    the tree pass looks at other modules' uses of its class's instances, as
    for a session given the key (another host reached with them: manual)."""
    if placed.session is not None:
        _note_holders(ctx, session_escapes.follow(ctx, placed.session, "session"))
    if placed.instance is not None and isinstance(placed.holder, cst.Attribute):
        owner, attribute = placed.instance.name.value, placed.holder.attr.value

        def held(ctx: ModuleContext) -> None:
            # a class whose constructor takes the token: its headers hold it, and
            # tree_instances holds the class where any module reads them
            carried = False
            for i, carrier in enumerate(ctx.exports):
                if carrier.kind == Kind.ARGUMENT and carrier.name == owner:
                    carried = carried or bool(carrier.parameter and carrier.reads)
                    if attribute not in carrier.holders:
                        holders = (*carrier.holders, attribute)
                        ctx.exports[i] = dataclasses.replace(carrier, holders=holders)
            if not carried:  # its importers' instances, as for a session
                ctx.session_classes.add((owner, attribute))
                for instance in bound_to_calls_of(ctx, owner):
                    ctx.session_headers.add(f"{instance.value}.{attribute}")

        ctx.post_passes.append(held)


def _headers_item(kw: cst.Name) -> cst.Subscript:
    return cst.Subscript(
        cst.Name(kw.value),
        [cst.SubscriptElement(cst.Index(cst.SimpleString('"headers"')))],
    )


def _merge_style(ctx: ModuleContext, call: cst.Call) -> str:
    """How the header joins the call's ``headers=`` value: spread into a new dict
    when the value is surely a dict, guarded with ``or {}`` when it may be None,
    through ``dict(...)`` in Python 2 code."""
    if ctx.python2_style:
        return edits.DICT_CALL
    for arg in call.args:
        if arg.keyword is not None and arg.keyword.value == "headers":
            return (
                edits.SPREAD
                if _surely_a_dict(ctx, arg.value)
                else edits.SPREAD_OR_EMPTY
            )
    return edits.SPREAD


def _surely_a_dict(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    if isinstance(value, (cst.Dict, cst.DictComp)):
        return True
    if not isinstance(value, cst.Name):
        return False
    scope = ctx.lexical_scope(value)
    bindings = list(scope[value.value]) if scope is not None else []
    assigned = [values.assigned_value(ctx, getattr(b, "node", None)) for b in bindings]
    return bool(assigned) and all(
        isinstance(v, (cst.Dict, cst.DictComp)) for v in assigned
    )


def _request_class(ctx: ModuleContext, call: cst.Call) -> str:
    func = call.func
    if isinstance(func, cst.Attribute):
        return ctx.code(func.value) + ".Request"
    names = ctx.qualified_names(func)
    if len(_urllib_modules(names, "urlopen")) > 1:
        return "Request"  # imported beside it in each branch (_fallback_problem)
    module = "urllib2" if "urllib2.urlopen" in names else "urllib.request"
    ctx.imports.add(Import(module, "Request"))
    return "Request"


_URLLIB = ("urllib2", "urllib.request")


def _urllib_modules(names: set[str], attribute: str) -> set[str]:
    return {m for m in _URLLIB if f"{m}.{attribute}" in names}


PARAMETER_HOST_ELSEWHERE = (
    "{}() is called from other modules of the tree, and its request's host comes "
    "from its {}: the token would go to whatever host they give; migrate them "
    "together by hand"
)


def _parameter_host(ctx: ModuleContext, route: Route) -> str | None:
    """A request whose host comes from its function's parameters
    (``f"https://{host}{path}"``, ``urljoin(BASE, url)``): its callers here are
    checked elsewhere; other modules' calls are the tree pass's to find."""
    for sink in route.sinks:
        if sink.call is None:
            continue
        url = call_endpoints.sink_url_node(sink)
        function = ctx.ancestor(sink.call, cst.FunctionDef)
        if url is None or not isinstance(function, cst.FunctionDef):
            continue
        params = function.params
        names = {
            p.name.value
            for p in (*params.posonly_params, *params.params, *params.kwonly_params)
        } - {"self", "cls"}
        if isinstance(url, cst.Name) and url.value in names:
            continue  # the URL is the parameter: a helper other modules' calls check
        fields = set(
            re.findall(r"\{(\w+)\}", hubspot.host_part(values.url_template(ctx, url)))
        )
        given = sorted(fields & names)
        if not given:
            continue
        owner = ctx.ancestor(function, cst.ClassDef)
        word = (
            owner.name.value if isinstance(owner, cst.ClassDef) else function.name.value
        )
        ctx.parameter_hosts.add(word)
        if f"hosts:{word}" in ctx.shared_elsewhere:
            return PARAMETER_HOST_ELSEWHERE.format(function.name.value, given[0])
    return None


RESENT = (
    "the response's URL is requested again (line {}: a retry?), and it no longer "
    "holds the key: migrate the retry together, by hand"
)
HOOKED = (
    "the request has response hooks (line {}), which may send it again (a retry?) "
    "with the URL that no longer holds the key: migrate them together, by hand"
)
_SENDS_AGAIN = r"\b(?:get|post|put|patch|delete|head|request|urlopen|send)\([^)]*\b{}\.(?:url|request)\b"


def _response_resent(ctx: ModuleContext, route: Route) -> str | None:
    """A request whose response hooks may send it again (``hooks=``), or whose
    response's ``.url`` (``.request``) is sent again: the key rode in it."""
    for sink in route.sinks:
        call = sink.call
        if call is None:
            continue
        if any(a.keyword is not None and a.keyword.value == "hooks" for a in call.args):
            return HOOKED.format(ctx.start(call)[0])
        holder = ctx.parent(call)
        if not (isinstance(holder, cst.Assign) and len(holder.targets) == 1):
            continue
        target = holder.targets[0].target
        scope = ctx.ancestor(holder, cst.FunctionDef) or ctx.module
        if isinstance(target, cst.Name):
            code = ctx.code(scope)
            again = re.search(_SENDS_AGAIN.format(re.escape(target.value)), code)
            if again:
                first = ctx.start(scope)[0] - len(getattr(scope, "leading_lines", ()))
                line = first + code.count("\n", 0, again.start())
                return RESENT.format(line)
    return None


def _fallback_problem(ctx: ModuleContext, route: Route) -> str | None:
    """``try: from urllib2 import urlopen / except ImportError: from
    urllib.request import urlopen``: the ``Request`` it needs must come the same
    way; one import of either module would break the other Python."""
    for sink in route.sinks:
        if sink.info is None or sink.info.kind != "urlopen" or sink.call is None:
            continue
        func = sink.call.func
        if isinstance(func, cst.Attribute):
            continue
        modules = _urllib_modules(ctx.qualified_names(func), "urlopen")
        if len(modules) < 2:
            continue
        scope = ctx.lexical_scope(func)
        requests_ = set()
        for binding in scope["Request"] if scope is not None else ():
            node = getattr(binding, "node", None)
            if isinstance(node, (cst.Import, cst.ImportFrom)):
                source = (
                    ctx.code(node.module)
                    if isinstance(node, cst.ImportFrom) and node.module
                    else ""
                )
                requests_.add(source)
            else:
                requests_.add("?")
        if requests_ != modules:
            return (
                "urlopen comes from urllib2 or urllib.request (an import fallback), "
                "and Request is not imported beside it in both: add it there, then "
                "migrate"
            )
    return None


def is_module_level_name(ctx: ModuleContext, node: cst.BaseExpression | None) -> bool:
    """A name bound at module level: other modules can import it."""
    if not isinstance(node, cst.Name):
        return False
    scope = ctx.lexical_scope(node)
    return scope is not None and any(
        isinstance(b.scope, GlobalScope) for b in scope[node.value]
    )


def _session_header(
    ctx: ModuleContext, session: cst.BaseExpression, key: cst.BaseExpression | None
) -> cst.Assign:
    target = cst.Subscript(
        cst.Attribute(session, cst.Name("headers")),
        [cst.SubscriptElement(cst.Index(cst.SimpleString('"Authorization"')))],
    )
    return cst.Assign([cst.AssignTarget(target)], ctx.bearer(key))
