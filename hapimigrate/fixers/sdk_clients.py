"""HubSpot SDK clients built with an API key.

    hubspot.Client.create(api_key=API_KEY)     ->  hubspot.Client.create(access_token=TOKEN)
    HubSpot(api_key=API_KEY)                   ->  HubSpot(access_token=TOKEN)
    Hubspot3(api_key=API_KEY)                  ->  Hubspot3(access_token=TOKEN)
    ContactsClient(api_key=API_KEY)            ->  ContactsClient(access_token=TOKEN)

Names are resolved through imports (aliases included). hubspot-api-client and
hubspot3 send ``access_token`` as ``Authorization: Bearer``. hapipy (``hapi``)
cannot send a token at all, nor 2degrees' hubspot-connection in a header
(``PortalConnection(APIKey(key), source)``; its ``OAuthKey`` goes in the query):
their clients are reported for a person to port.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from hapimigrate.analysis import empty_branches, origins, sdk_calls, values
from hapimigrate.python import reexports
from hapimigrate.python.context import ModuleContext
from hapimigrate.decide import KeyUse, decide
from hapimigrate.fixers import attach
from hapimigrate.fixers.registry import register
from hapimigrate.hubspot import sdk_operations
from hapimigrate.model import Endpoint, Kind, Status
from hapimigrate import hubspot

HUBSPOT_API_CLIENT = {
    "hubspot.HubSpot",
    "hubspot.hubspot.HubSpot",
    "hubspot.Client.create",
    "hubspot.client.Client.create",
}
# where the clients send: their own default host (hubspot3's api_base= other
# than HubSpot's, hubspot-api-client's api_factory=, ** are by hand)
SDK_API_HOST = "https://api.hubapi.com"
HAPIPY_REASON = (
    "hapipy (the hapi package) cannot send access tokens: port this client to "
    "hubspot-api-client, e.g. HubSpot(access_token=...)"
)
# 2degrees' hubspot-connection: its key cannot become a header token (see there)
HUBSPOT_CONNECTION = {"hubspot.connection.APIKey"}
HUBSPOT_CONNECTION_REASON = hubspot.HUBSPOT_CONNECTION_REASON


@register("sdk-clients", cst.Call)  # names resolve through imports: every call
def fix(ctx: ModuleContext, calls: Sequence[cst.CSTNode]) -> None:
    for call in calls:
        assert isinstance(call, cst.Call)
        names = ctx.qualified_names(call.func)
        sdk = _sdk(names)
        shadow = _shadowed(ctx, names) if sdk is not None else None
        if shadow is not None:
            # the project's own hubspot.py: what it defines, not the SDK
            sdk = _sdk(reexports.resolved_names(ctx, call.func) - names)
            if sdk is None and shadow == "above" and _key_argument(call, True):
                root = sorted(names)[0].split(".")[0]
                ctx.site(
                    call,
                    Kind.SDK,
                    Status.MANUAL,
                    SHADOWED.format(root, f"{root}.py above this folder"),
                )
                continue
        elif sdk is None and values.imported_here(ctx, call.func):
            # from app.sdk import HubSpot, where app/sdk.py imports hubspot's
            sdk = _sdk(reexports.resolved_names(ctx, call.func))
        if sdk is None:
            continue
        if sdk == "hubspot-connection":
            _connection_key(ctx, call)
            continue
        found = _key_argument(call, positional=sdk != "create")
        if found is None:
            _built_from_a_mapping(ctx, call)
            continue
        index, arg = found
        problem = None
        if sdk == "hapipy":
            problem = HAPIPY_REASON
        elif any(
            a.keyword is not None and a.keyword.value == "access_token"
            for a in call.args
        ):
            problem = "the client is given both api_key and access_token"
        problem = problem or _other_arguments(ctx, call, sdk, index)
        problem = problem or _key_set_again(ctx, call)
        calls = _client_calls(ctx, call, sdk)
        never = empty_branches.never_sent(ctx, arg.value)
        if never is not None:  # else of `if key or api_key:`: an empty key
            ctx.site(arg, Kind.SDK, Status.KEPT, never, calls=calls)
            continue
        unsettled = _calls_problem(calls)
        problem = problem or unsettled
        origin = origins.key_origin(ctx, arg.value)
        passed, callers_problem = attach.callers_keys(ctx, origin)
        use = KeyUse(
            origins.described(ctx, arg.value),
            # webhooks only: a developer key, kept; other calls unknown: a person
            () if unsettled else tuple(c for c in calls if c.path),
            urls=(SDK_API_HOST,),  # the SDK's own (no api_base/api_factory here)
            problem=problem
            or callers_problem
            or attach.guarded_elsewhere(ctx, [arg.value]),
            origin=origin,
            several_keys=ctx.several_keys,
            callers_pass_keys=bool(passed),
        )
        decision = decide(use)
        if decision.rewrites:
            # the caller's value stays as it is (edited inside: a default that
            # becomes the provider's token); a configured key becomes the token
            token = None if decision.callers_token else ctx.token()
            if not decision.callers_token:
                ctx.provider_keys.add(origins.config_key(ctx, arg.value))
            ctx.edits.calls[call].rename[index] = ("access_token", token)
            attach.replace_configured_keys(ctx, decision, origin, passed)
            owner = attach.token_owner(ctx, origin) if decision.callers_token else None
            if owner is not None:
                ctx.token_parameters.add(owner)
                attach.export_token_owner(ctx, origin, owner)
            if decision.key_may_go:
                ctx.note_key(arg.value)
        ctx.site(
            arg,
            Kind.SDK,
            decision.status,
            decision.reason,
            calls=calls,
            hardcoded_key=values.is_literal_key(ctx, arg.value),
        )


# hubspot3's BaseClient: where it connects (api_base), a token of its own
# (oauth2_token_getter, refreshed with refresh_token and the app's credentials),
# classes that may read api_key (mixins)
_HUBSPOT3_TOKEN_ARGUMENTS = (
    "oauth2_token_getter",
    "oauth2_token_setter",
    "refresh_token",
    "mixins",
)
API_BASE_REASON = (
    "the client connects to {} (api_base=), not known to be HubSpot's API "
    "host: the token would go there; by hand"
)
API_FACTORY_REASON = (
    "the client builds its APIs with api_factory=, which is given the client's "
    'settings (config["api_key"] is gone once it has access_token) and may '
    "send elsewhere: by hand"
)
HUBSPOT3_TOKEN_REASON = (
    "the client is also given {}=, which changes the token it sends "
    "(another token, a refresh, classes reading api_key): by hand"
)
SPREAD_REASON = (
    "the client is also given **{}, which may hold access_token, a host or "
    "an api_factory: by hand"
)
POSITIONAL_REASON = (
    "the client is given more positional arguments after the key: by hand"
)


def _other_arguments(
    ctx: ModuleContext, call: cst.Call, sdk: str, index: int
) -> str | None:
    """Why the constructor's other arguments stop ``api_key=`` from becoming
    ``access_token=``: an argument that sends the token elsewhere, reads the
    key, or supplies another token."""
    for position, arg in enumerate(call.args):
        if position == index:
            continue
        if arg.star:
            named = isinstance(arg.value, (cst.Name, cst.Attribute))
            return SPREAD_REASON.format(ctx.code(arg.value) if named else "...")
        if arg.keyword is None:
            return POSITIONAL_REASON
        keyword = arg.keyword.value
        if sdk in ("hubspot", "create") and keyword == "api_factory":
            return API_FACTORY_REASON
        if sdk == "hubspot3" and keyword in _HUBSPOT3_TOKEN_ARGUMENTS:
            return HUBSPOT3_TOKEN_REASON.format(keyword)
        if sdk == "hubspot3" and keyword == "api_base":
            host = _api_base_host(ctx, arg.value)
            if host is None or not attach.is_api_host(host):
                return API_BASE_REASON.format(host or "a host set at run time")
    return None


def _api_base_host(ctx: ModuleContext, value: cst.BaseExpression) -> str | None:
    """The host of hubspot3's ``api_base`` (``"api.hubapi.com"``,
    ``"https://api.hubapi.com"``), when the code says which."""
    text = values.url_template(ctx, value)
    if "{" in text or "}" in text:
        return None
    host = text.split("://", 1)[-1].split("/", 1)[0]
    return host.lower() or None


DEVELOPER_AND_MORE = (
    "the client calls developer-key endpoints (webhooks, timeline event types) "
    "and may call others: keep a client with the developer key for those, and "
    "give another the token, by hand"
)
FORMS = "the client submits forms, which need no credential: by hand"


def _calls_problem(calls: tuple[Endpoint, ...]) -> str | None:
    """Why the client's known calls do not settle what its key is for."""
    kinds = {hubspot.auth_kind(c.method, c.path) for c in calls if c.path}
    complete = all(c.path or c.method for c in calls)
    if hubspot.NO_AUTH in kinds:
        return FORMS
    if hubspot.DEVELOPER_KEY in kinds and not complete:
        return DEVELOPER_AND_MORE
    return None


MAPPING_REASON = (
    "the client is built from a mapping (**...), which may hold api_key: give it "
    "access_token instead, by hand"
)
ATTRIBUTE_REASON = (
    "the client's api_key is set here: set access_token instead (the client sends "
    "it as Bearer), by hand"
)


SEQUENCE_REASON = (
    "the client is given its arguments from a sequence (*...), whose first may be "
    "the key: give it access_token instead, by hand"
)


def _built_from_a_mapping(ctx: ModuleContext, call: cst.Call) -> None:
    """``Hubspot3(**HUBSPOT_CONFIG)``: the key may be in the mapping;
    ``HubSpot(*[KEY])``, ``HubSpot(*args)``: it may be the first argument."""
    keywords = {a.keyword.value for a in call.args if a.keyword is not None}
    sdk = _sdk(ctx.qualified_names(call.func)) or ""
    if "access_token" in keywords:
        return
    first = True  # *args in the key's place: before any other positional one
    for arg in call.args:
        if arg.star == "**" or (arg.star == "*" and first and sdk != "create"):
            calls = _client_calls(ctx, call, sdk)
            reason = MAPPING_REASON if arg.star == "**" else SEQUENCE_REASON
            ctx.site(arg, Kind.SDK, Status.MANUAL, reason, calls=calls)
            return
        first = first and arg.keyword is not None


def _sets_api_key(node: cst.Assign) -> bool:
    return any(
        isinstance(t.target, cst.Attribute) and t.target.attr.value == "api_key"
        for t in node.targets
    )


@register("sdk-key-attribute", cst.Assign, _sets_api_key)
def fix_attributes(ctx: ModuleContext, assigns: Sequence[cst.CSTNode]) -> None:
    """``hs.api_key = portals.key_for(portal)`` on an SDK client built here."""
    for assign in assigns:
        assert isinstance(assign, cst.Assign)
        for target in assign.targets:
            client = getattr(target.target, "value", None)
            built = _sdk_constructor(ctx, client)
            if isinstance(client, cst.Name) and built is not None:
                sdk = _sdk(ctx.qualified_names(built.func)) or ""
                calls = _client_calls(ctx, built, sdk)
                ctx.site(
                    target.target,
                    Kind.SDK,
                    Status.MANUAL,
                    ATTRIBUTE_REASON,
                    calls=calls,
                )


def _key_set_again(ctx: ModuleContext, call: cst.Call) -> str | None:
    """``hs = HubSpot(api_key=K)`` and later ``hs.api_key = other``: the client
    changes keys, so the constructor alone cannot be migrated."""
    statement = ctx.parent(call)
    if not (isinstance(statement, cst.Assign) and statement.value is call):
        return None
    names = {
        t.target.value for t in statement.targets if isinstance(t.target, cst.Name)
    }
    for attribute in ctx.index.attributes.get("api_key", ()):
        if _the_client(ctx, attribute.value, names):
            line = ctx.start(attribute)[0]
            if isinstance(ctx.parent(attribute), cst.AssignTarget):
                return f"the client's api_key is set again (line {line})"
            # hs.api_key read: None once the client is given access_token
            return KEY_READ_REASON.format(line)
    for other in ctx.index.calls:  # getattr(hs, "api_key"), setattr(...)
        if (
            isinstance(other.func, cst.Name)
            and other.func.value in ("getattr", "setattr", "hasattr")
            and len(other.args) >= 2
            and isinstance(other.args[1].value, cst.SimpleString)
            and other.args[1].value.evaluated_value == "api_key"
            and _the_client(ctx, other.args[0].value, names)
        ):
            return KEY_READ_REASON.format(ctx.start(other)[0])
    for attribute in ctx.index.attributes.get("access_token", ()):
        if (
            isinstance(attribute.value, cst.Name)
            and attribute.value.value in names
            and isinstance(ctx.parent(attribute), cst.AssignTarget)
        ):  # hs.access_token = ... would replace the token given here
            line = ctx.start(attribute)[0]
            return f"the client's access_token is set later (line {line}): by hand"
    return None


def _the_client(
    ctx: ModuleContext, node: cst.BaseExpression, names: set, hops: int = 0
) -> bool:
    """``hs`` (a name the client is bound to), an alias of it (``c = hs``), or
    a parameter given it (``def f(c=hs)``, ``lambda c=hs: ...``, ``f(hs)``,
    ``functools.partial(f, hs)``)."""
    if not isinstance(node, cst.Name):
        return False
    if node.value in names:
        return True
    scope = ctx.lexical_scope(node)
    for binding in scope[node.value] if scope is not None else ():
        bound = getattr(binding, "node", None)
        if isinstance(bound, cst.Param):
            if hops < _HOPS and any(
                _the_client(ctx, given, names, hops + 1) for given in _given(ctx, bound)
            ):
                return True
            continue
        value = values.assigned_value(ctx, bound)
        if isinstance(value, cst.Name) and value.value in names:
            return True
    return False


_HOPS = 4  # parameters a client is followed through: def f(c=hs): g(c)
_PARTIAL = {"functools.partial"}


def _given(ctx: ModuleContext, param: cst.Param) -> list[cst.BaseExpression]:
    """The values the module gives a parameter: its default, and the
    arguments of the module's calls of its function by name (``f(...)``,
    ``obj.f(...)``, ``functools.partial(f, ...)``)."""
    found = [param.default] if param.default is not None else []
    parameters = ctx.parent(param)
    function = ctx.parent(parameters) if parameters is not None else None
    if not isinstance(parameters, cst.Parameters):
        return found
    name = None
    if isinstance(function, cst.FunctionDef):
        name = function.name.value
    elif isinstance(function, cst.Lambda):  # f = lambda c: ...
        holder = ctx.parent(function)
        if isinstance(holder, cst.Assign) and len(holder.targets) == 1:
            target = holder.targets[0].target
            name = target.value if isinstance(target, cst.Name) else None
    if name is None:
        return found
    positional = [*parameters.posonly_params, *parameters.params]
    if isinstance(function, cst.FunctionDef) and _a_method(ctx, function):
        positional = positional[1:]  # self.f(...), obj.f(...)
    index = positional.index(param) if param in positional else None
    for call in ctx.index.calls:
        args = list(call.args)
        callee = call.func
        if ctx.qualified_names(callee) & _PARTIAL and args:
            callee, args = args[0].value, args[1:]
        if getattr(callee, "value", None) != name and not (
            isinstance(callee, cst.Attribute) and callee.attr.value == name
        ):
            continue
        for position, arg in enumerate(args):
            if arg.star:
                break
            if arg.keyword is None and position == index:
                found.append(arg.value)
        found += [
            a.value
            for a in args
            if a.keyword is not None and a.keyword.value == param.name.value
        ]
    return found


def _a_method(ctx: ModuleContext, function: cst.FunctionDef) -> bool:
    """Whether calls through an instance give ``function`` its first
    parameter (a method, not a staticmethod)."""
    body = ctx.parent(function)
    owner = ctx.parent(body) if body is not None else None
    return isinstance(owner, cst.ClassDef) and not any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in function.decorators
    )


KEY_READ_REASON = (
    "the client's api_key is read (line {}), and is None once the client is "
    "given access_token: by hand"
)


def _sdk_constructor(ctx: ModuleContext, name: object) -> cst.Call | None:
    """The SDK client call ``name`` is bound to (``hs = HubSpot()``), if any."""
    if not isinstance(name, cst.Name):
        return None
    scope = ctx.lexical_scope(name)
    for binding in scope[name.value] if scope is not None else ():
        value = values.assigned_value(ctx, getattr(binding, "node", None))
        if isinstance(value, cst.Call) and _sdk(ctx.qualified_names(value.func)):
            return value
    return None


_SDK_NAMES = {
    "create": sdk_operations.HUBSPOT_API_CLIENT,
    "hubspot": sdk_operations.HUBSPOT_API_CLIENT,
    "hubspot3": sdk_operations.HUBSPOT3,
    "hapipy": sdk_operations.HAPIPY,
}


def _client_calls(ctx: ModuleContext, call: cst.Call, sdk: str) -> tuple[Endpoint, ...]:
    """The endpoints the client's method calls in this module reach (report
    only: what is rewritten does not depend on them). ``Endpoint(None, None)``
    closes the list when the client may make other calls (an unknown method, or
    it leaves the module); none at all when no call is known."""
    name = _SDK_NAMES.get(sdk)
    if name is None:
        return ()
    client = None
    if name != sdk_operations.HUBSPOT_API_CLIENT:
        classes = {n.rsplit(".", 1)[-1] for n in ctx.qualified_names(call.func)}
        client = next(iter(sorted(classes)), None)
    found = sdk_calls.client_calls(ctx, call, name, client)
    if not found.endpoints:
        return ()
    return found.endpoints + (() if found.complete else (Endpoint(None, None),))


def _shadowed(ctx: ModuleContext, names: set[str]) -> str | None:
    """Where the SDK's package name is a top-level module of the tree (a
    ``hubspot.py`` not inside a package, where an absolute import finds the
    SDK), which Python may import instead of the SDK: "here" beside this file
    (it does), "above" in a folder above (it does when run from there, as with
    ``python -m``; not as a script of this folder), else None."""
    import os

    from hapimigrate import tree_imports

    here = os.path.dirname(os.path.abspath(ctx.path))
    for name in names:
        root = name.split(".")[0]
        if root not in ("hubspot", "hubspot3", "hapi"):
            continue
        found = tree_imports.module_file(ctx.path, root)
        if found is None or os.path.abspath(found) == os.path.abspath(ctx.path):
            continue
        folder = os.path.dirname(os.path.abspath(found))
        if found.endswith("__init__.py"):
            folder = os.path.dirname(folder)
        if not os.path.isfile(os.path.join(folder, "__init__.py")):
            return "here" if folder == here else "above"
    return None


SHADOWED = (
    "{} is also a module of the project ({}): a run from that folder (python "
    "-m) imports it instead of the SDK, a script run from its own folder the "
    "SDK; which one this builds, a person decides"
)


def _connection_key(ctx: ModuleContext, call: cst.Call) -> None:
    """``APIKey(key)`` of hubspot-connection: a site for a person."""
    given = [a for a in call.args if not a.star]
    arg = next(
        (a for a in given if a.keyword is not None and a.keyword.value == "key_value"),
        given[0] if given and given[0].keyword is None else None,
    )
    where = arg if arg is not None else call
    literal = arg is not None and values.is_literal_key(ctx, arg.value)
    ctx.site(
        where, Kind.SDK, Status.MANUAL, HUBSPOT_CONNECTION_REASON, hardcoded_key=literal
    )


def _sdk(names: set[str]) -> str | None:
    if names & HUBSPOT_CONNECTION:
        return "hubspot-connection"
    if names & HUBSPOT_API_CLIENT:
        return (
            "create"
            if any(n.endswith(".create") for n in names & HUBSPOT_API_CLIENT)
            else "hubspot"
        )
    for name in names:
        package, _, rest = name.partition(".")
        if package in ("hubspot3", "hapi") and _is_client_class(rest):
            return "hapipy" if package == "hapi" else "hubspot3"
    return None


def _is_client_class(path: str) -> bool:
    last = path.rsplit(".", 1)[-1]
    return last.endswith("Client") or last in ("Hubspot3", "HubSpot3")


def _key_argument(call: cst.Call, positional: bool) -> tuple[int, cst.Arg] | None:
    for index, arg in enumerate(call.args):
        if arg.keyword is not None and arg.keyword.value == "api_key":
            return index, arg
    if (
        positional
        and call.args
        and call.args[0].keyword is None
        and not call.args[0].star
    ):
        return 0, call.args[0]
    return None
