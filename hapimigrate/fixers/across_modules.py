"""Carriers across modules (issue #12, item 5): a module-level value that carries
the key (``PARAMS = {"hapikey": KEY}``, ``CONTACT_URL = BASE + "...?hapikey=" +
KEY`` in ``constants.py``) and the modules that import and send it.

The defining module cannot know the requests; each reader cannot see the key.
So the run does it in two steps (:mod:`hapimigrate.carriers` drives them):

1. The defining module's fixer meets a module-level name (:class:`Unused` when no
   code of its own reads it) and *exports* a :class:`Carrier`: which key it
   holds, and for a URL its template.
2. Every module that imports the carrier gets it in ``RunOptions.carriers``; this
   module's fixer (registered on imports) follows each use to its requests and
   decides like any other use, with the key's origin as the defining module saw
   it. When every use in every reader is migrated, the defining module is run
   again with ``RunOptions.sent_elsewhere`` and drops the key from the value;
   otherwise the carrier is *blocked*: its uses stay, as manual sites, so that no
   request is half-migrated, and the defining module says why.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Callable, Sequence

import libcst as cst

from hapimigrate import hubspot, keys
from hapimigrate.carriers import SENT_ELSEWHERE, SENT_KEYLESS
from hapimigrate.analysis import call_endpoints, origins, values
from hapimigrate.analysis import django_options, sent_keys
from hapimigrate.analysis import configured_objects, scripts
from hapimigrate.analysis import bearer_first
from hapimigrate.analysis.flow import Flow, FlowError, NoUse, Route, Unused
from hapimigrate.analysis.flow import UnusedReturn
from hapimigrate.decide import DEVELOPER_REASON, SEVERAL_KEYS, KeyUse, decide
from hapimigrate.fixers import run_time_reads
from hapimigrate.fixers import attach, class_carriers, template_carriers
from hapimigrate.fixers import template_callers
from hapimigrate.fixers import developer_here, wanted_sinks
from hapimigrate.fixers import carried_attributes, partial_readers
from hapimigrate.fixers.registry import register
from hapimigrate.model import Carrier, CarrierUse, Endpoint, Kind, Status
from hapimigrate.python import developer_split
from hapimigrate.python.context import ModuleContext, bound_references, dotted_code
from hapimigrate.python.context import walk
from hapimigrate.tree_imports import importable_names


def module_name(path: str) -> str:
    """The name other modules import ``path`` by."""
    return importable_names(path)[0]


def _carrier(
    ctx: ModuleContext,
    name: str,
    kind: Kind,
    keys: Sequence[cst.BaseExpression],
    literal: str | None,
    url: str,
    used_here: bool,
    placeholders: bool = False,
    returns: bool = False,
) -> Carrier | None:
    """The carrier ``name`` is, when its key is one configured key the provider's
    token can stand for; None otherwise. A session's readers learn whether this
    module can give it an auth hook."""
    if literal is not None:
        identity, label = repr(literal), origins.LITERAL_KEY
    elif placeholders:  # several fields may feed it: its senders fill them
        identity, label = origins.config_key(ctx, keys[0]) if keys else ("", "")
    elif len(keys) == 1:
        if origins.key_origin(ctx, keys[0]).kind != origins.CONFIG:
            return None
        identity, label = origins.config_key(ctx, keys[0])
    else:
        return None
    several = len(ctx.several_keys) > 1 and (keys or not placeholders)
    if attach.guarded_elsewhere(ctx, list(keys)) or several:
        return None
    module = module_name(ctx.path)
    url = _hosted(url)
    unguarded, guarded, hosts = "", False, ()
    if kind == Kind.SESSION:
        unguarded, guarded, hosts = attach.session_carrier_guard(ctx, name)
    return Carrier(
        ctx.path,
        module,
        name,
        kind,
        identity,
        label,
        url,
        "",
        used_here,
        placeholders,
        returns=returns,
        unguarded=unguarded,
        guarded=guarded,
        hosts=hosts,
    )


def exported(
    ctx: ModuleContext,
    unused: FlowError,
    kind: Kind,
    keys: Sequence[cst.BaseExpression],
    where: cst.CSTNode,
    record: Callable[[Route], object],
    *,
    url: str = "",
    literal: str | None = None,
    hardcoded: bool = False,
    template: str | None = None,
    key_fields: tuple[int | str, ...] = (),
) -> bool:
    """Handle a use whose value goes to a module-level name no code here reads:
    export it as a carrier (False: the caller reports the site manual as
    before), or, on the run that knows what its readers made of it, migrate or
    leave it (True: the site is recorded here). ``template`` (not None): a
    template whose key field its readers fill (:mod:`template_carriers`)."""
    name = _unused_name(ctx, unused)
    if name is None:
        return False
    if attach.other_auth_near(ctx, where):  # `if is_oauth(): return {}` beside it
        ctx.site(
            where, kind, Status.MANUAL, attach.EXISTING_AUTH, hardcoded_key=hardcoded
        )
        return True
    returns = isinstance(unused, Unused) and unused.returns
    carrier = _carrier(
        ctx,
        name,
        kind,
        keys,
        literal,
        url,
        used_here=False,
        placeholders=template is not None,
        returns=returns,
    )
    if carrier is None:  # its readers' uses are sites all the same, left
        carrier = _unchangeable(ctx, name, kind, url, returns)
        precise = bearer_first.token_test_reason(ctx, where)  # is_bearer_token(key)
        if precise is not None:
            carrier = dataclasses.replace(carrier, blocked=precise)
    if template is not None:
        carrier = dataclasses.replace(carrier, template=template, key_fields=key_fields)
    if returns:  # a URL helper: its calls' endpoints (tree_wanted)
        assert isinstance(unused, Unused)
        carrier = dataclasses.replace(carrier, renders=_positional(ctx, unused.name))
    partial = unused.partial if isinstance(unused, Unused) else None
    if partial is not None:  # a functools.partial() other modules call
        carrier = partial_readers.carrier(ctx, carrier, *partial)
    outcome = ctx.sent_elsewhere.get(name)
    if outcome is None:
        ctx.exports.append(carrier)
        return False
    if outcome.status == Status.REWRITE:
        if partial is not None:  # the partial takes the header its callers send
            partial_readers.sent_elsewhere(ctx, *partial, record)
        else:
            record(Route())
        for key in keys:
            ctx.note_key(key)
        if carrier.identity:  # a template's readers give the key
            ctx.provider_keys.add((carrier.identity, carrier.label))
        ctx.exports.append(carrier)
        keyless = url and hubspot.auth_kind(None, url) == hubspot.NO_AUTH
        reason = (SENT_KEYLESS if keyless else SENT_ELSEWHERE).format(
            name, outcome.reason
        )
        ctx.site(where, kind, Status.REWRITE, reason, hardcoded_key=hardcoded)
    elif outcome.status == Status.KEPT:
        ctx.site(where, kind, Status.KEPT, DEVELOPER_REASON, hardcoded_key=hardcoded)
    else:
        ctx.site(where, kind, Status.MANUAL, outcome.reason, hardcoded_key=hardcoded)
    return True


UNCHANGEABLE = (
    "{} of {}.py carries a key the provider's token cannot stand for there (not "
    "one configured key): it and the modules using it change together, by hand"
)


def _unchangeable(
    ctx: ModuleContext, name: str, kind: Kind, url: str, returns: bool
) -> Carrier:
    """A carrier whose key cannot become the token: exported blocked, so that
    each read of it in another module is a manual site saying so, never passed
    over in silence."""
    module = module_name(ctx.path)
    reason = UNCHANGEABLE.format(name + ("()" if returns else ""), module)
    return Carrier(
        ctx.path, module, name, kind, "", "", _hosted(url), reason, returns=returns
    )


def _unused_name(ctx: ModuleContext, unused: FlowError) -> str | None:
    """The carrier's name: a module-level name no code here reads, or
    ``Class.NAME`` (:func:`class_carriers.unused_name`)."""
    if isinstance(unused, Unused):
        return unused.name.value
    if isinstance(unused, NoUse):
        return class_carriers.unused_name(ctx, unused)
    return None


_HOST_THEN_FIELD = re.compile(r"^([a-z][a-z0-9+.-]*://)([^/?#:{]+)\{", re.I)


def _hosted(url: str) -> str:
    """``https://api.hubapi.com{path}`` (``HOST + path`` in a helper) as
    ``https://api.hubapi.com/{path}``: the host is HubSpot's, as it is where the
    helper's own module sends it."""
    match = _HOST_THEN_FIELD.match(url)
    if match and hubspot.is_hubspot_host(match.group(2)):
        return match.group(1) + match.group(2) + "/" + url[match.end() - 1 :]
    return url


SHARED_VALUE = (
    "{} is a module-level value other modules may import, and its key is not one "
    "configured key: change it together with them, by hand"
)


def route_problem(
    ctx: ModuleContext,
    route: Route | None,
    kind: Kind,
    keys: Sequence[cst.BaseExpression],
    *,
    url: str = "",
    literal: str | None = None,
    placeholders: bool = False,
) -> str | None:
    """Why a use whose value is bound to module-level names on its way cannot
    change: what other modules made of them, or a key that could not be told
    to them. Call before deciding; :func:`export_route` after a rewrite."""
    problem = _helper_problem(ctx, route)
    if problem:
        return problem
    for name, carried, returns in _shared(ctx, route, kind):
        outcome = ctx.sent_elsewhere.get(name.value)
        if outcome is not None and outcome.status != Status.REWRITE:
            return outcome.reason or DEVELOPER_REASON
        carrier = _carrier(
            ctx, name.value, carried, keys, literal, url, True, placeholders, returns
        )
        if carrier is None and len(ctx.several_keys) > 1:
            # its key is one of the module's several: say so, not "not one key"
            return SEVERAL_KEYS.format(", ".join(ctx.several_keys))
        if carrier is None and scripts.run_value(ctx, keys):
            continue  # a script's value: the run's, read at its top (scripts)
        if carrier is None:
            several = scripts.several_reads(ctx, keys)  # a script's two keys
            return several or SHARED_VALUE.format(name.value)
    return None


def _shared(
    ctx: ModuleContext, route: Route | None, kind: Kind
) -> list[tuple[cst.Name, Kind, bool]]:
    """The module-level names on a route other modules may import: the values it
    is bound to, the functions returning it, the sessions whose params it is."""
    if route is None:
        return []
    found = [(name, kind, False) for name in route.module_names]
    found += [(name, kind, True) for name in route.module_functions]
    for sink in route.sinks:
        if sink.role == "session" and attach.is_module_level_name(ctx, sink.session):
            assert isinstance(sink.session, cst.Name)
            found.append((sink.session, Kind.SESSION, False))
    return found


def export_route(
    ctx: ModuleContext,
    route: Route,
    kind: Kind,
    keys: Sequence[cst.BaseExpression],
    *,
    url: str = "",
    literal: str | None = None,
    placeholders: bool = False,
    token: bool = True,
) -> None:
    """A rewrite changed module-level values other modules may send too: tell
    the run, which makes them agree or blocks it (``token``: the rewrite sends
    the token; not for a form submission, which drops the key only)."""
    for name, carried, returns in _shared(ctx, route, kind):
        carrier = _carrier(
            ctx, name.value, carried, keys, literal, url, True, placeholders, returns
        )
        if carrier is None and scripts.run_value(ctx, keys):
            continue  # a script's value: nobody imports it (route_problem)
        assert carrier is not None  # route_problem said so
        # a functools.partial() this module calls too: other modules' calls
        carrier = partial_readers.marked(ctx, carrier, name, route, token)
        ctx.exports.append(carrier)
    _export_helpers(ctx, route)


def _helper_problem(ctx: ModuleContext, route: Route | None) -> str | None:
    """What other modules' calls of the route's helpers made of them."""
    for function, _ in _helpers(ctx, route) if route is not None else ():
        outcome = ctx.sent_elsewhere.get(function.name.value)
        if outcome is not None and outcome.status != Status.REWRITE:
            return outcome.reason
    return None


def _export_helpers(ctx: ModuleContext, route: Route) -> None:
    for function, parameter in _helpers(ctx, route):
        ctx.exports.append(
            Carrier(
                ctx.path,
                module_name(ctx.path),
                function.name.value,
                Kind.URL,
                "",
                "",
                used_here=True,
                parameter=parameter,
                position=_position(ctx, function, parameter),
                helper=True,
            )
        )


def _helpers(ctx: ModuleContext, route: Route) -> list[tuple[cst.FunctionDef, str]]:
    """The module-level functions the value entered through a parameter: they now
    send the token with whatever their callers in other modules hand them."""
    return [
        (function, parameter)
        for function, _, parameter in route.helpers
        if isinstance(ctx.parent(function), cst.Module)
    ]


def _position(ctx: ModuleContext, function: cst.FunctionDef, name: str) -> int:
    positional = [*function.params.posonly_params, *function.params.params]
    return next((i for i, p in enumerate(positional) if p.name.value == name), -1)


# -- the modules that import it -------------------------------------------------


@register("imported-carriers", (cst.ImportFrom, cst.Import))
def fix(ctx: ModuleContext, imports: Sequence[cst.CSTNode]) -> None:
    if ctx.wanted_sinks:  # helpers other modules hand keyed URLs (tree_wanted)
        ctx.post_passes.append(wanted_sinks.fix)
    if ctx.sent_elsewhere:  # a settings factory whose object's field is a token now
        ctx.post_passes.append(configured_objects.make_token)
    if not ctx.carriers:
        return
    uses = []
    for carrier in ctx.carriers:
        if "." in carrier.name:  # Config.PARAMS: a class's attribute
            found, odd, unseen = class_carriers.reads(ctx, imports, carrier)
            for node, how in odd:
                _left(ctx, carrier, node, how)
            for node, how in unseen:  # keeps it, not a site: cfg.PARAMS
                where = f"{os.path.basename(ctx.path)}:{ctx.start(node)[0]}"
                use = CarrierUse(carrier.path, carrier.name, Status.MANUAL, how, where)
                ctx.carrier_uses.append(use)
            uses += [(carrier, node) for node in found]
            continue
        for alias, local in _renamed_exports(ctx, imports, carrier):
            _left(
                ctx,
                carrier,
                alias,
                f"{carrier.name} is exported again here as {local}: the modules "
                "importing that name are not followed",
            )
        for node, how in _escapes(ctx, imports, carrier):
            _left(
                ctx,
                carrier,
                node,
                f"{carrier.name} of {carrier.module}.py is reached here {how}: "
                "where it goes from there is not followed",
            )
        found = _uses(ctx, imports, carrier)
        if not found and _star_imported(imports, carrier):
            found = _unfollowed(ctx, carrier, every=True)  # its free names are it
            uses += [(carrier, node) for node in found]
            continue
        if not found:  # named here, but not through an import we can follow
            found = _unfollowed(ctx, carrier)
            for node in found:
                _left(
                    ctx,
                    carrier,
                    node,
                    f"{carrier.name} comes here by a star import or another way "
                    "hapimigrate does not follow",
                )
            continue
        uses += [(carrier, node) for node in found]
    for carrier, node in uses:  # where other modules' URLs are, for every check
        value = ctx.parent(node) if carrier.returns else node
        if carrier.kind != Kind.ARGUMENT and value is not None:
            ctx.carrier_values.add(id(value))
            if carrier.url:
                ctx.carrier_templates[id(value)] = _rendered(ctx, carrier, value)
    # a helper's calls last: the uses reaching them are decided by then
    for carrier, node in sorted(uses, key=lambda use: use[0].helper):
        _migrate_use(ctx, carrier, node)


def helper_calls(ctx: ModuleContext) -> dict[int, Carrier]:
    """The calls (ids) in this module of other modules' helpers that now send
    the token with the URL they are given (not those adding a key of their
    own): flow ends a value given to one there."""
    imports = [
        node
        for node in ctx.index.found.get("imported-carriers", ())
        if isinstance(node, (cst.Import, cst.ImportFrom))
    ]
    found: dict[int, Carrier] = {}
    for carrier in ctx.carriers:
        if not carrier.helper or carrier.own_key:
            continue  # a blocked one too: its uses say why, where they end
        for node in _uses(ctx, imports, carrier):
            call = ctx.parent(node)
            if isinstance(call, cst.Call) and call.func is node:
                found[id(call)] = carrier
    return found


def _uses(
    ctx: ModuleContext, imports: Sequence[cst.CSTNode], carrier: Carrier
) -> list[cst.CSTNode]:
    """The expressions of this module that read ``carrier``: ``NAME`` after
    ``from constants import NAME`` (or ``as``), ``constants.NAME`` after
    ``import constants`` or ``from pkg import constants``."""
    found: list[cst.CSTNode] = []
    homes = importable_names(carrier.path)  # constants, or its package (re-exports)
    for statement in imports:
        if isinstance(statement, cst.ImportFrom):
            if isinstance(statement.names, cst.ImportStar):
                continue
            source = dotted_code(statement.module) if statement.module else ""
            for alias in statement.names:
                imported = dotted_code(alias.name)
                local = alias.evaluated_alias or imported
                if source.split(".")[-1] in homes and imported == carrier.name:
                    found += bound_references(ctx, statement, local)
                elif imported in homes:
                    found += _attributes(ctx, statement, local, carrier.name)
        else:
            assert isinstance(statement, cst.Import)
            for alias in statement.names:
                dotted = dotted_code(alias.name)
                if dotted.split(".")[-1] not in homes:
                    continue
                found += _attributes(
                    ctx, statement, alias.evaluated_alias or dotted, carrier.name
                )
    return found


def _escapes(
    ctx: ModuleContext, imports: Sequence[cst.CSTNode], carrier: Carrier
) -> list[tuple[cst.CSTNode, str]]:
    """Where this module reaches ``carrier`` other than by its name: its module
    handed on as a value (``def hook(url, transport=fetch)``, ``run(fetch)``,
    ``m = fetch``), read by ``getattr(fetch, "get_json")``, or imported by a
    name written as a string (``import_module("fetch")``, ``__import__``).
    A class is left to :mod:`hapimigrate.tree_instances`, which follows its
    instances however reached."""
    if carrier.reads or carrier.holders or carrier.base:
        return []
    homes = importable_names(carrier.path)
    found: list[tuple[cst.CSTNode, str]] = []
    for statement in imports:
        if isinstance(statement, cst.ImportFrom):
            if isinstance(statement.names, cst.ImportStar):
                continue
            pairs = [
                (dotted_code(a.name), a.evaluated_alias or dotted_code(a.name))
                for a in statement.names
            ]
        else:
            pairs = [
                (
                    dotted_code(a.name),
                    a.evaluated_alias or dotted_code(a.name).split(".")[0],
                )
                for a in statement.names
                if a.evaluated_alias is not None or "." not in dotted_code(a.name)
            ]
        for imported, local in pairs:
            if imported.split(".")[-1] not in homes:
                continue
            for node in bound_references(ctx, statement, local):
                how = _as_value(ctx, node, carrier.name)
                if how:
                    found.append((node, how))
    for call in ctx.index.calls:
        named = _dynamic_import(ctx, call)
        if named is None or named.split(".")[-1] not in homes:
            continue
        holder = ctx.parent(call)
        if isinstance(holder, cst.Attribute) and holder.value is call:
            if holder.attr.value != carrier.name:
                continue  # import_module("fetch").other
        found.append((call, f"through {ctx.code(call.func)}({named!r})"))
    return found


def _as_value(ctx: ModuleContext, node: cst.CSTNode, name: str) -> str | None:
    """How a reference to the module is a use of it as a value (None: it reads
    an attribute, ``fetch.X``, or a ``getattr`` of another name)."""
    holder = ctx.parent(node)
    if isinstance(holder, cst.Attribute) and holder.value is node:
        return None
    if isinstance(holder, cst.Arg):
        call = ctx.parent(holder)
        if (
            isinstance(call, cst.Call)
            and isinstance(call.func, cst.Name)
            and call.func.value in ("getattr", "hasattr")
            and call.args
            and call.args[0] is holder
        ):
            attr = call.args[1].value if len(call.args) > 1 else None
            if isinstance(attr, cst.SimpleString) and attr.evaluated_value != name:
                return None
            return f"by {call.func.value}({ctx.code(node)}, ...)"
    if isinstance(holder, cst.Param):
        return f"as the default of {holder.name.value}= (its module handed on)"
    return f"through its module {ctx.code(node)} handed on as a value"


def _dynamic_import(ctx: ModuleContext, call: cst.Call) -> str | None:
    """The module ``import_module("fetch")`` or ``__import__("fetch")`` names."""
    names = ctx.qualified_names(call.func)
    if not (
        names & {"importlib.import_module", "builtins.__import__", "__import__"}
        or ctx.code(call.func) in ("import_module", "__import__")
    ):
        return None
    if not call.args or not isinstance(call.args[0].value, cst.SimpleString):
        return None
    value = call.args[0].value.evaluated_value
    return value if isinstance(value, str) else None


def _renamed_exports(
    ctx: ModuleContext, imports: Sequence[cst.CSTNode], carrier: Carrier
) -> list[tuple[cst.ImportAlias, str]]:
    """``from .constants import PARAMS as HUBSPOT_PARAMS`` at module level in a
    package's ``__init__`` (or read nowhere here): other modules import it by a
    name that is not the carrier's, so they are not its readers."""
    homes = importable_names(carrier.path)
    package = os.path.basename(ctx.path) == "__init__.py"
    found = []
    for statement in imports:
        if not (
            isinstance(statement, cst.ImportFrom)
            and not isinstance(statement.names, cst.ImportStar)
            and isinstance(ctx.parent(ctx.parent(statement)), cst.Module)
        ):
            continue
        source = dotted_code(statement.module) if statement.module else ""
        if source.split(".")[-1] not in homes:
            continue
        for alias in statement.names:
            local = alias.evaluated_alias
            if dotted_code(alias.name) != carrier.name or local in (None, carrier.name):
                continue
            if package or not bound_references(ctx, statement, local):
                found.append((alias, local))
    return found


def _star_imported(imports: Sequence[cst.CSTNode], carrier: Carrier) -> bool:
    """``from constants import *`` is this module's one star import: a name it
    reads but does not bind is the carrier's module's."""
    stars = [
        s
        for s in imports
        if isinstance(s, cst.ImportFrom) and isinstance(s.names, cst.ImportStar)
    ]
    if len(stars) != 1 or stars[0].module is None:
        return False
    return dotted_code(stars[0].module).split(".")[-1] in importable_names(carrier.path)


def _unfollowed(
    ctx: ModuleContext, carrier: Carrier, every: bool = False
) -> list[cst.CSTNode]:
    """Reads of ``carrier.name`` this module does not bind itself (``from
    constants import *``): they may be the carrier."""
    found = []

    class Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            if node.value != carrier.name:
                return
            scope = ctx.lexical_scope(node)
            if scope is not None and not scope[node.value]:  # bound nowhere here
                found.append(node)

    ctx.module.visit(Names())
    return found if every else found[:1]


def _attributes(
    ctx: ModuleContext, statement: cst.CSTNode, local: str, name: str
) -> list[cst.CSTNode]:
    """``local.name`` where ``local`` is the module ``statement`` imports."""
    head = local.split(".")[0]
    references = _reference_objects(ctx, statement, head)
    if local != head:  # import crm.constants: LibCST binds the dotted name
        references += _reference_objects(ctx, statement, local)
    bound = set()
    for ref in references:
        node = ref.node
        while isinstance(node, cst.Attribute):
            node = node.value
        bound |= {id(ref.node), id(node)}
    found = []
    for attribute in ctx.index.attributes.get(name, ()):
        base = attribute.value
        root = base
        while isinstance(root, cst.Attribute):
            root = root.value
        if dotted_code(base) == local and id(root) in bound:
            found.append(attribute)
    return found


def _reference_objects(ctx: ModuleContext, statement: cst.CSTNode, local: str):
    scope = ctx.lexical_scope(statement)
    if scope is None:
        return []
    return [
        ref
        for assignment in scope.assignments[local]
        if getattr(assignment, "node", None) is statement
        for ref in ctx.references(assignment)
    ]


def _migrate_use(ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode) -> None:
    if ctx.ancestor(node, cst.Annotation) is not None:
        return  # api: HubSpotAPI names the class; it passes no key
    if configured_objects.is_factory(carrier):
        return  # its uses are the objects handed on (_migrate_call)
    if carrier.helper:
        return _check_helper_call(ctx, carrier, node)
    if carrier.parameter:
        return _migrate_call(ctx, carrier, node)
    if carrier.partial:  # a functools.partial() binding the key: its calls
        return partial_readers.migrate_read(ctx, carrier, node, _left)
    if carrier.returns:  # a URL helper: its calls are the values
        call = ctx.parent(node)
        if not (isinstance(call, cst.Call) and call.func is node):
            return _left(
                ctx, carrier, node, f"{carrier.name} is used here other than called"
            )
        steered = _steered(call, carrier)
        if steered:
            return _left(ctx, carrier, call, steered)
        node = call
    fill = template_carriers.Filled(None)  # a template's key field filled here
    if carrier.placeholders and not carrier.identity:
        fill = template_carriers.filled(ctx, carrier, node)
        if fill.problem:
            return _left(ctx, carrier, node, fill.problem)
    line = ctx.start(node)[0]
    where = f"{os.path.basename(ctx.path)}:{line}"
    route: Route | None = None
    problem: str | None = carrier.blocked or None
    try:
        route = Flow(ctx, client=carrier.kind == Kind.SESSION).follow(node)
    except UnusedReturn as error:  # def hs_params(): return {**PARAMS, ...}
        return _pass_on(ctx, carrier, node, [error.name], where)
    except FlowError as error:
        problem = problem or str(error)
    if route is not None and route.module_functions and problem is None:
        # returned by functions other modules may call too: they carry it on
        problem = _passed_on_problem(ctx, carrier, route.module_functions)
    hosts = attach.SessionHosts()  # a session's requests here, for its auth hook
    if carrier.kind == Kind.SESSION:
        hosts = _session_hosts(ctx, route)
        problem = (
            problem
            or _headers_replaced(ctx, node)
            or _elsewhere(ctx, carrier, node, hosts)
        )
    unguardable = hosts.unguardable or attach.reader_unguarded(ctx, node)
    calls = _calls(ctx, carrier, route, node if carrier.returns else None)
    if route is not None and problem is None:
        problem = attach.sink_problem(ctx, route, None) or _helper_problem(ctx, route)
    if route is not None and problem is None:
        if carrier.placeholders and carrier.identity:
            problem = (
                f"{carrier.name} of {carrier.module}.py is a template whose key "
                "field is filled here: change both by hand"
            )
        elif carrier.kind == Kind.URL and route.appended:
            problem = f"text is added after {carrier.name} at run time (after its key)"
        elif route.module_names:
            problem = (
                f"{carrier.name} is bound to {route.module_names[0].value} here, "
                "which other modules may import in turn"
            )
    urls = attach.route_urls(ctx, route) if route is not None else ()
    caller = template_callers.caller_key(ctx, fill.origin, fill.key, route)
    use = KeyUse(
        ctx.code(fill.key) if fill.key is not None else carrier.label,
        calls,
        (carrier.url, *urls) if carrier.url else urls,
        problem or caller.problem,
        fill.origin,
        caller.in_reach,
        ctx.several_keys,
        bool(caller.passed),
    )
    decision = decide(use)
    if decision.rewrites and decision.callers_token:  # the reader's parameter
        assert route is not None and fill.key is not None
        attach.give_token(
            ctx, decision, fill.origin, route, fill.key, passed=caller.passed
        )
        _export_helpers(ctx, route)
    # a session's header is set where the session is made: nothing to add here
    elif decision.rewrites and decision.send_token and carrier.kind != Kind.SESSION:
        assert route is not None
        attach.send_token(ctx, route)
        _export_helpers(ctx, route)
        if fill.key is not None:
            ctx.provider_keys.add(origins.config_key(ctx, fill.key))
        else:
            ctx.provider_keys.add((carrier.identity, carrier.label))
    if decision.rewrites and fill.edit is not None:  # the key's % argument goes
        # notes a name it drops (not a caller's key, which the header sends)
        fill.edit.record(ctx, note_keys=not decision.callers_token)
        if not decision.callers_token and not isinstance(
            fill.key, (cst.Name, type(None))
        ):
            ctx.note_key(fill.key)
    if route is not None:
        for function in route.module_functions:
            ctx.exports.append(_returned_by(ctx, carrier, function))
    attach.note_requests(ctx, route, decision.status)
    if carrier.kind == Kind.SESSION and hosts.needs_guard:
        default = SESSION_GUARDED.format(
            carrier.name, carrier.module, hosts.elsewhere, hosts.elsewhere_line
        )
    elif carrier.kind == Kind.SESSION:
        default = f"{carrier.name} of {carrier.module}.py gets its header there"
    else:
        default = (
            f"{carrier.name} of {carrier.module}.py carries the key: it goes there, "
            "the token comes here"
        )
    reason = decision.reason or default
    ctx.site(node, carrier.kind, decision.status, reason, calls=calls)
    ctx.carrier_uses.append(
        CarrierUse(
            carrier.path,
            carrier.name,
            decision.status,
            decision.reason,
            where,
            guarded=hosts.needs_guard,
            hosts=hosts.hosts,
            unguardable=unguardable if carrier.kind == Kind.SESSION else "",
        )
    )


def _returned_by(ctx: ModuleContext, carrier: Carrier, function: cst.Name) -> Carrier:
    """The carrier a module-level function of this module is when it returns
    another module's carrier (or a value built from it)."""
    definition = ctx.parent(function)
    parameters: tuple[str, ...] = ()
    if isinstance(definition, cst.FunctionDef):
        given = [*definition.params.posonly_params, *definition.params.params]
        parameters = tuple(p.name.value for p in given)
    return dataclasses.replace(
        carrier,
        path=ctx.path,
        module=module_name(ctx.path),
        name=function.value,
        blocked="",
        used_here=True,
        returns=True,
        helper=False,
        parameter="",
        position=-1,
        parameters=parameters,
    )


_KEY_NAME = re.compile(r"(?i)hapikey|key|token|auth")


def _steered(call: cst.Call, carrier: Carrier) -> str | None:
    """A call of a function returning the carrier that gives it a host or a
    key of its own (``api_url(path, base=MIRROR)``, ``hs_params(hapikey=k)``):
    the value it returns is not the one its module saw."""
    for index, arg in enumerate(call.args):
        if arg.star:
            return "the call passes arguments with * or **"
        name = arg.keyword.value if arg.keyword is not None else ""
        if not name and index < len(carrier.parameters):
            name = carrier.parameters[index]
        if name and (hubspot.HOST_NAME.search(name) or _KEY_NAME.search(name)):
            return (
                f"this call gives {carrier.name}() its {name}, which decides where "
                "its value goes or which key it holds"
            )
    return None


def _passed_on_problem(
    ctx: ModuleContext, carrier: Carrier, functions: Sequence[cst.Name]
) -> str | None:
    """What other modules' calls of the functions returning it made of them."""
    for function in functions:
        outcome = ctx.sent_elsewhere.get(function.value)
        if outcome is not None and outcome.status != Status.REWRITE:
            return outcome.reason or DEVELOPER_REASON
    return None


def _pass_on(
    ctx: ModuleContext,
    carrier: Carrier,
    node: cst.CSTNode,
    functions: Sequence[cst.Name],
    where: str,
) -> None:
    """A use returned by functions only other modules call: it changes as
    their calls do (each function is a carrier of its own)."""
    for function in functions:
        ctx.exports.append(_returned_by(ctx, carrier, function))
    problem = carrier.blocked or _passed_on_problem(ctx, carrier, functions)
    names = ", ".join(f"{f.value}()" for f in functions)
    if problem:
        return _left(ctx, carrier, node, problem)
    reason = (
        f"{carrier.name} of {carrier.module}.py is returned by {names}, which other "
        "modules call: the token comes where they send it"
    )
    ctx.site(node, carrier.kind, Status.REWRITE, reason)
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
    )


def _left(
    ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode, problem: str
) -> None:
    """A use of a carrier that cannot change: a manual site here, and the
    carrier blocked."""
    where = f"{os.path.basename(ctx.path)}:{ctx.start(node)[0]}"
    if carrier.wanted:  # no key here: the helper's callers' sites say it
        return wanted_sinks.refuse(ctx, carrier, where, problem)
    ctx.site(node, carrier.kind, Status.MANUAL, problem)
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, Status.MANUAL, problem, where)
    )


# a form submission takes no credential: the token must not go with it
_CONDITION_RUN_TIME = (
    "this call gives it a URL known only at run time, which its condition may "
    "let through (a form submission's: it would get the token); change it by hand"
)
_FORM_URL = (
    "this call gives it a form submission URL, which takes no credential: the "
    "token would go with each visitor's submission; change it by hand"
)


def _check_helper_call(ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode) -> None:
    """A call of another module's helper that now sends the token with the URL
    it is given: it must give one holding the key (a site of its own, or a
    carrier), or the token would go with requests that never had the key."""
    if carrier.wanted:  # its module holds no key: every call must hand one
        return wanted_sinks.check_call(ctx, carrier, node)
    call = ctx.parent(node)
    what = f"{carrier.name}() of {carrier.module}.py now sends the token with what its {carrier.parameter} gets"
    if not (isinstance(call, cst.Call) and call.func is node):
        return _left(ctx, carrier, node, f"{what}: it is used here other than called")
    value, problem = _argument(call, carrier)
    if problem:
        return _left(ctx, carrier, node, f"{what}: {problem}")
    if carrier.own_key:  # it added the key to every URL: HubSpot's hosts only now
        template = values.url_template(ctx, value) if value else None
        host = hubspot.host(template)
        if carrier.guarded:  # only where its condition sent the key: not forms
            if host is None and carrier.admits_forms:  # "hubspot" in url: forms too
                _left(ctx, carrier, call, f"{what}: {_CONDITION_RUN_TIME}")
            elif hubspot.auth_kind(None, template) == hubspot.NO_AUTH:
                _left(ctx, carrier, call, f"{what}: {_FORM_URL}")
            return
        if host is None or not hubspot.is_hubspot_host(host):
            _left(
                ctx,
                carrier,
                call,
                f"{what}: this call gives it {host or 'a URL known at run time'},"
                " where the token would go",
            )
        elif hubspot.auth_kind(None, template) == hubspot.NO_AUTH:
            _left(ctx, carrier, call, f"{what}: {_FORM_URL}")
        return
    if value is None:
        return  # its default
    if attach.carries_key(ctx, value):  # a use of the key: decided by its fixer
        ctx.post_passes.append(lambda ctx: _keyed_helper_call(ctx, carrier, call, what))
        return
    # a key use may still reach it (URL.format(vid)): known once all have run
    ctx.post_passes.append(lambda ctx: _unkeyed_helper_call(ctx, carrier, call, what))


def _unkeyed_helper_call(
    ctx: ModuleContext, carrier: Carrier, call: cst.Call, what: str
) -> None:
    """A call of another module's helper whose URL does not show the key: a
    key use reaching it after all, or another host's URL, or refused."""
    if ctx.request_statuses.get(id(call)):
        return _keyed_helper_call(ctx, carrier, call, what)
    value, _ = _argument(call, carrier)
    assert value is not None
    host = hubspot.host(values.url_template(ctx, value))
    if host is not None and not attach.is_api_host(host):
        # another host's URL, written in the code: the helper may still send
        # the token, to HubSpot's hosts only (its own module says if it can)
        where = f"{os.path.basename(ctx.path)}:{ctx.start(call)[0]}"
        ctx.carrier_uses.append(
            CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where, True)
        )
        return
    _left(ctx, carrier, call, f"{what}: this call gives it a value without the key")


def _keyed_helper_call(
    ctx: ModuleContext, carrier: Carrier, call: cst.Call, what: str
) -> None:
    """A call giving another module's helper a URL with the key, once every
    fixer has decided: the key's use reaching it must migrate (the helper adds
    the token, this module drops the key), or the helper stays as it is."""
    where = f"{os.path.basename(ctx.path)}:{ctx.start(call)[0]}"
    decided = ctx.request_statuses.get(id(call), set())
    bearers = ctx.request_bearers.get(id(call), set())
    if decided == {Status.REWRITE} and bearers != {attach.PROVIDER}:
        # a caller's credential (a tenant's key) would become the provider's
        # token there: the helper sends only that
        reason = (
            f"{what}: the URL {where} gives it carries a caller's key, which "
            "would be replaced by the configured token"
        )
        ctx.carrier_uses.append(
            CarrierUse(carrier.path, carrier.name, Status.MANUAL, reason, where)
        )
    elif decided == {Status.REWRITE}:
        ctx.carrier_uses.append(
            CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
        )
    elif decided:  # left for a person there: its URL keeps the key
        reason = (
            f"{what}: the URL {where} gives it keeps its key, left for a person "
            "(the request would carry the key and the token)"
        )
        ctx.carrier_uses.append(
            CarrierUse(carrier.path, carrier.name, Status.MANUAL, reason, where)
        )
    else:
        _left(
            ctx,
            carrier,
            call,
            f"{what}: this call's URL holds the key in a way hapimigrate does not "
            "follow to it",
        )


def _migrate_call(ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode) -> None:
    """A call of another module's function (or class) whose parameter now takes
    a token: a configured key passed to it becomes the provider's token."""
    where = f"{os.path.basename(ctx.path)}:{ctx.start(node)[0]}"
    subclass = _subclass(ctx, node)
    if subclass is not None and carrier.reads:
        return _migrate_subclass(ctx, carrier, node, subclass)
    if carrier.reads and _hands_in_nothing(ctx, node):
        # Client.from_env(): its own module saw the key it reads
        ctx.carrier_uses.append(
            CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
        )
        return
    if carried_attributes.reads_carried_attribute(ctx, carrier, node):
        # OrderSync.CONTACT_URL: a carrier of the class body, no instance made
        ctx.carrier_uses.append(
            CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
        )
        return
    call = ctx.parent(node)
    value, problem = None, None
    if not (isinstance(call, cst.Call) and call.func is node):
        problem = _factory_given(ctx, carrier, node) or (
            f"{carrier.name} is used here other than called"
        )
    else:
        value, problem = _argument(call, carrier)
        if carrier.base and problem is None:
            problem = _redirected(ctx, carrier, call)
    origin = origins.key_origin(ctx, value) if value is not None else None
    if value is not None and django_options.option_name(ctx, value) is not None:
        # options["api_key"] of a management command's handle(**options): the
        # command line, whose default (the key) becomes the token with it
        origin = origins.Origin(origins.CALLER, "the command line")
    developer = None  # a developer key handed in: it stays (the function too)
    if origin is not None and carrier.field and origin.kind == origins.CALLER:
        # cfg passed on: the key is its field there too
        origin = dataclasses.replace(origin, container=carrier.field)
    passed: tuple[cst.BaseExpression, ...] = ()
    placed = None  # a settings factory's object whose field becomes the token
    if origin is not None and problem is None:
        if carrier.field and origin.kind != origins.CALLER:
            found = configured_objects.placement(ctx, value, carrier.field, carrier)
            placed = found if not isinstance(found, str) else None
            if configured_objects.made_up(ctx, value, carrier.field):
                found = placed = configured_objects.MADE_UP  # a fake token too
            problem = (
                configured_objects.blocked(ctx, placed)
                if placed
                else (
                    f"the key is the {carrier.field} of what {carrier.name}() is given, "
                    "and this call gives it a configured object: make that field the "
                    "token where the object is made, by hand"
                    + (f" ({found})" if isinstance(found, str) else "")
                )
            )
        elif origin.kind == origins.CALLER and origin.param is not None:
            # its own caller's credential, passed on: the caller's callers hand
            # in tokens too (and configured keys they pass become the token)
            if carrier.identity and not origin.container:
                # a None its callers leave is the function's default there
                origin = dataclasses.replace(origin, kind=origins.FALLBACK)
            passed, problem = attach.callers_keys(ctx, origin)
            problem = problem or attach.stored_field(ctx, origin)
        elif origin.kind == origins.FALLBACK and origin.param is not None:
            # api_key or os.environ[...]: the caller's, by default configured;
            # as in one module, the default becomes the provider's token
            passed, problem = _fallback_keys(ctx, origin)
        elif (
            origin.kind == origins.CALLER
            and carrier.identity  # key or settings.KEY there: not a tenant's
            and origin.parameter != "the command line"
        ):
            problem = OWN_KEY_TO_DEFAULTED.format(
                ctx.start(value)[0], carrier.name, origin.parameter, carrier.label
            )
        elif origin.kind == origins.CALLER and origin.read is not None:
            # a file's value (keys.json's "hubspot"): a developer key stays;
            # else it must be read for HubSpot only, as in one module
            developer = _developer_given(ctx, carrier, value)
            problem = (
                developer
                or attach.callers_keys(ctx, origin)[1]
                or run_time_reads.another_field_passed(ctx, call, value, origin)
            )
        elif origin.kind == origins.CALLER:
            # a tenant's key (posted, stored) must be a token now; the command
            # line's by default the configured key: by default the token
            default = origins.command_line_default(ctx, value)
            unset = default is None or _is_none(default)  # no default=, or None
            written = _option_written(ctx, value) if unset else None
            if written is not None:
                problem = OPTION_SET_ELSEWHERE.format(ctx.code(value), written)
            elif carrier.identity and _is_none(default):
                default = None  # --api-key unset: the function's own default
            passed = (default,) if default is not None else ()
            if default is not None:
                problem = attach.option_read_elsewhere(ctx, value)
            problem = problem or origins.command_line_default_problem(ctx, value)
        elif origin.kind != origins.CONFIG:
            developer = _developer_given(ctx, carrier, value)
            problem = developer or _unplaced(ctx, value, origin)
        elif not carrier.blocked and _developer_given(ctx, carrier, value):
            # os.environ["HUBSPOT_DEVELOPER_KEY"]: not the portal's key, kept
            developer = problem = _developer_given(ctx, carrier, value)
        elif len(ctx.several_keys) > 1:
            problem = decide(
                KeyUse(ctx.code(value), several_keys=ctx.several_keys)
            ).reason
        else:  # copy(wid, os.environ["FROM_KEY"], os.environ["TO_KEY"])
            problem = sent_keys.another_key_beside(ctx, call, value)
    if developer is not None and _copy_for_developer(ctx, carrier, call, value, where):
        return
    if value is None and problem is None:
        # the default, which its own module made the provider's token (or
        # left, when blocked: this call hands in nothing to change)
        return
    problem = carrier.blocked or problem
    status = Status.MANUAL if problem else Status.REWRITE
    what = (
        f"{carrier.name}() of {carrier.module}.py takes a token as {carrier.parameter}"
    )
    if problem is None and origin is not None and origin.kind in _CALLERS:
        chain = [origin, *attach.passing_owners(ctx, origin)]
        if origin.param is not None:
            attach.retarget_key_options(ctx, chain)
        attach.replace_configured(ctx, passed, carrier.optional)
        for each in chain:
            owner = attach.token_owner(ctx, each)
            if owner is not None:
                ctx.token_parameters.add(owner)
                attach.export_token_owner(ctx, each, owner, carrier.optional)
        reason = f"{what} now: it is given its caller's ({origin.parameter})"
        if origin.kind == origins.FALLBACK:
            reason += ", by default the provider's token"
    elif problem is None and placed is configured_objects.MADE_UP:
        reason = (
            f"{what} now: this test hands it an object with a made-up key, which "
            "stands for a token as well"
        )
    elif problem is None and placed is not None:
        ctx.exports.append(
            configured_objects.factory_carrier(placed, placed.variable, placed.variable)
        )
        reason = (
            f"{what} now: it is given the object {placed.factory} of "
            f"{os.path.basename(placed.path)} makes, whose {placed.field} becomes "
            "the provider's token there"
        )
    elif problem is None and _made_up_in_a_test(ctx, value):
        reason = (
            f"{what} now: this test hands it a made-up key, which stands for a "
            "token as well"
        )
    elif problem is None:
        assert value is not None
        # a dual-auth function's: read leniently where the key may be unset
        attach.replace_configured(ctx, [value], carrier.optional)
        reason = f"{what} now: it is given the provider's token"
    else:
        reason = f"{what} now: {problem}"
    if developer is not None:  # this use holds the function as it is: kept
        reason = (
            f"a developer key, kept: {carrier.name}() of {carrier.module}.py stays "
            "as it is, sending it as hapikey (its callers' portal keys are left "
            "for a person: one function sends both kinds)"
        )
    ctx.site(
        value if value is not None else node,
        Kind.ARGUMENT,
        Status.KEPT if developer is not None else status,
        reason,
    )
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, status, problem or "", where)
    )
    if placed is not None and placed is not configured_objects.MADE_UP:
        # the factory changes only with every such call
        ctx.carrier_uses.append(
            CarrierUse(placed.path, placed.name, status, problem or "", where)
        )


_CALLERS = (origins.CALLER, origins.FALLBACK)


def _made_up_in_a_test(ctx: ModuleContext, value: cst.CSTNode | None) -> bool:
    """``HubSpot(api_key="test-key")`` in a test: a placeholder, not a portal's
    key (nor one to revoke), handed to a mocked HubSpot; as a token it is sent
    to the same mock. It stays as it is, and is not one more configured key
    (``several keys``) beside the app's."""
    if not (
        isinstance(value, cst.SimpleString) and isinstance(value.evaluated_value, str)
    ):
        return False
    # the file's own name, or its own folder's: not a folder the tree is in
    name = os.path.basename(ctx.path)
    folder = os.path.basename(os.path.dirname(os.path.abspath(ctx.path)))
    test = (
        name.startswith("test_")
        or name.endswith("_test.py")
        or name == "conftest.py"
        or folder in ("tests", "test")
    )
    return test and not keys.is_plausible_key(value.evaluated_value)


def _is_none(node: cst.CSTNode | None) -> bool:
    return isinstance(node, cst.Name) and node.value == "None"


OPTION_SET_ELSEWHERE = (
    "{} defaults to None, but the module also sets the option (line {}: "
    "set_defaults, another option of that destination, or an assignment): the "
    "key it then holds would go out as a token; decide by hand"
)


def _option_written(ctx: ModuleContext, value: cst.CSTNode) -> int | None:
    """The line where the module gives the option ``value`` reads a value other
    than its ``add_argument`` default: ``parser.set_defaults(...)``, a second
    option with its destination, ``args.api_key = ...`` (``if not
    args.api_key: args.api_key = os.environ.get(...)``), ``setattr``."""
    if isinstance(value, cst.Attribute):
        dest = value.attr.value
    else:  # options["api_key"] of a Django command
        dest = django_options.option_name(ctx, value)
    if dest is None:
        return None
    spelled = re.escape(dest).replace("_", "[-_]")
    quoted = rf"""['"]{re.escape(dest)}['"]"""
    patterns = [
        r"\bset_defaults\(",
        r"\bsetattr\(",
        r"\bNamespace\(|\bnamespace\s*=",  # parse_args(argv, namespace=...)
        rf"\.{re.escape(dest)}\s*(?:[-+|]?=(?!=))",
        rf"\[\s*{quoted}\s*\]\s*(?:[-+|]?=(?!=))",  # options["api_key"] = ...
        rf"\.(?:setdefault|update)\(\s*(?:{quoted}|{re.escape(dest)}\s*=)",
    ]
    for pattern in patterns:
        found = re.search(pattern, ctx.text)
        if found:
            return ctx.text.count("\n", 0, found.start()) + 1
    options = list(
        re.finditer(
            rf"""add_argument\([^)]*?(?:['"]--?{spelled}['"]|dest\s*=\s*['"]{re.escape(dest)}['"])""",
            ctx.text,
        )
    )
    if len(options) > 1:
        return ctx.text.count("\n", 0, options[1].start()) + 1
    return None


def _fallback_keys(
    ctx: ModuleContext, origin: origins.Origin
) -> tuple[tuple[cst.BaseExpression, ...], str | None]:
    """``key = api_key or os.environ["HUBSPOT_API_KEY"]`` handed to another
    module's function taking a token: the in-module rule (``FALLBACK_TOKEN``).
    The callers of the parameter's function pass tokens (the configured keys
    this module's callers pass, and the default, become the provider's token);
    manual where this module sends several keys, or a caller's key cannot be
    placed."""
    if origin.fallback is None:
        return (), "this call passes a key hapimigrate cannot place"
    if len(ctx.several_keys) > 1:
        use = KeyUse(ctx.code(origin.fallback), several_keys=ctx.several_keys)
        return (), decide(use).reason
    passed, problem = attach.callers_keys(ctx, origin)
    if problem is not None:
        return (), problem
    return (*passed, origin.fallback), None


def _unplaced(
    ctx: ModuleContext, value: cst.BaseExpression, origin: origins.Origin
) -> str:
    """Why a key handed to the function is not migrated: the caller's or a
    configured default that the in-module rule cannot split (``cfg.key`` of
    ``cfg = cfg or config.from_env()``), two configured keys, or a value
    hapimigrate cannot place."""
    if origin.kind in (origins.MIXED, origins.SEVERAL) and origin.parameter:
        return decide(KeyUse(ctx.code(value), origin=origin)).reason
    return "this call passes a key hapimigrate cannot place"


OWN_KEY_TO_DEFAULTED = (
    "this call (line {}) hands {}() a key of its own ({}), while by default it "
    "sends the configured key ({}): the configured portal's and others' keys "
    "through one parameter; decide which token each caller passes, by hand"
)


def _copy_for_developer(
    ctx: ModuleContext,
    carrier: Carrier,
    call: cst.CSTNode | None,
    value: cst.BaseExpression | None,
    where: str,
) -> bool:
    """``call(path, DEV_KEY)`` of another module's function that now takes a
    token, here handed a developer key: this call keeps the function as it
    was, copied into this module (:func:`developer_split.plan_function`), so
    the function's other callers may pass tokens. False: no copy can be made
    (a method, a class, a name taken or meaning something else here)."""
    if not (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Name)
        and value is not None
        and not carrier.blocked
        and not carrier.reads  # a function, not a class
        and not carrier.base
    ):
        return False
    top = call
    while top is not None and not isinstance(ctx.parent(top), cst.Module):
        top = ctx.parent(top)
    if not isinstance(top, cst.FunctionDef):
        return False  # called at import time, or from a class's body
    try:
        with open(carrier.path, "rb") as handle:
            source = handle.read()
    except OSError:
        return False
    name = f"{carrier.name}_with_developer_key"
    bound = developer_split.module_bindings(ctx.module)
    copy = developer_split.plan_function(
        source,
        carrier.name,
        name,
        bound,
        call.func.value,
        _own_module_import(ctx, carrier, bound.get(call.func.value, "")),
    )
    if isinstance(copy, str):
        return False
    scope = ctx.lexical_scope(call.func)
    bindings = list(scope[call.func.value]) if scope is not None else []
    existing = getattr(bindings[0], "node", None) if len(bindings) == 1 else None
    if copy.from_helper and not isinstance(existing, cst.ImportFrom):
        return False
    earlier = ctx.developer_functions.get(name)
    if earlier is not None and ctx.start(earlier)[0] > ctx.start(top)[0]:
        # once per module, before its first use: moved up
        ctx.edits.before_class[top] = ctx.edits.before_class.pop(earlier)
        ctx.developer_functions[name] = top
    if name not in ctx.developer_functions:
        statements = _import_lines(copy.imports, f"for {name}")
        if copy.from_helper and isinstance(existing, cst.ImportFrom):
            statements.append(_import_from(existing, copy.from_helper, f"for {name}"))
        note = [
            cst.EmptyLine(indent=False),
            cst.EmptyLine(indent=False),
            cst.EmptyLine(
                comment=cst.Comment(
                    f"# hapimigrate: {carrier.name}() of {carrier.module}.py as it was,"
                    " for the developer key (which stays a key):"
                )
            ),
            cst.EmptyLine(
                comment=cst.Comment(f"# {carrier.name}() sends the token now")
            ),
        ]
        statements.append(
            copy.function.with_changes(leading_lines=note if statements else note[2:])
        )
        ctx.edits.before_class[top] = statements
        ctx.developer_functions[name] = top
        ctx.developer_copies.append(
            (carrier.path, f"{carrier.name}()", copy.reads, copy.reads)
        )
    ctx.edits.replace[call.func] = cst.Name(name)
    ctx.site(
        value,
        Kind.ARGUMENT,
        Status.KEPT,
        f"a developer key, kept: this call uses {name}(), {carrier.name}() of "
        f"{carrier.module}.py as it was, copied here (sending hapikey), while "
        f"{carrier.name}() sends the token",
    )
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
    )
    return True


def _developer_given(
    ctx: ModuleContext, carrier: Carrier, value: cst.BaseExpression | None
) -> str | None:
    """A call handing the function a developer key (its name says so:
    ``APP["developer_api_key"]``), while its own module's callers hand it
    portal keys: one function sends both kinds (its code is not shown: it may
    be a key)."""
    if value is None or not hubspot.names_developer_key(origins.described(ctx, value)):
        return None
    if carrier.base:  # a subclass (class Hooks(BaseClient)) inheriting them
        return (
            f"this call (line {ctx.start(value)[0]}) hands {carrier.name}() a "
            f"developer key, which stays a key: the requests {carrier.name} "
            f"inherits from {carrier.base} send both kinds; split them by hand "
            "(the developer-key calls keep hapikey, the others send the token)"
        )
    return (
        f"this call (line {ctx.start(value)[0]}) hands {carrier.name}() a developer "
        f"key, which stays a key: {carrier.name}() sends both kinds; split it by "
        "hand (the developer-key calls keep hapikey, the others send the token)"
    )


def _factory_given(
    ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode
) -> str | None:
    """``HubSpotAPI.from_env("HUBSPOT_SANDBOX_KEY")``: a method of the class
    given arguments, which may choose another key than the one its module saw
    (the arguments are not shown: one may be a key)."""
    attribute = ctx.parent(node)
    call = ctx.parent(attribute) if isinstance(attribute, cst.Attribute) else None
    if not (
        isinstance(attribute, cst.Attribute)
        and attribute.value is node
        and isinstance(call, cst.Call)
        and call.func is attribute
        and call.args
    ):
        return None
    return (
        f"{carrier.name}.{attribute.attr.value}() is given arguments here (line "
        f"{ctx.start(call)[0]}), which may choose another key than the one "
        f"{carrier.module}.py reads"
    )


def _hands_in_nothing(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """``Client.from_env()``: a class's method called without arguments
    (a factory reading its own configuration) passes no key to the class."""
    attribute = ctx.parent(node)
    call = ctx.parent(attribute) if isinstance(attribute, cst.Attribute) else None
    return (
        isinstance(attribute, cst.Attribute)
        and attribute.value is node
        and not attribute.attr.value.startswith("__")
        and isinstance(call, cst.Call)
        and call.func is attribute
        and not call.args
    )


def _subclass(ctx: ModuleContext, node: cst.CSTNode) -> cst.ClassDef | None:
    """The class ``node`` is a base of (``class ContactsClient(BaseClient)``)."""
    base = ctx.parent(node)
    cls = ctx.parent(base) if isinstance(base, cst.Arg) else None
    if isinstance(cls, cst.ClassDef) and any(b is base for b in cls.bases):
        return cls
    return None


def _migrate_subclass(
    ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode, subclass: cst.ClassDef
) -> None:
    """A subclass of another module's class whose constructor now takes a
    token: it inherits that constructor, so its callers (here and in other
    modules) pass tokens too. It becomes a carrier of its own, which changes
    only with its base (and the base only when all of its callers do)."""
    name = subclass.name.value
    where = f"{os.path.basename(ctx.path)}:{ctx.start(node)[0]}"
    own = values.SELF_ATTRIBUTE.findall(ctx.code(subclass))
    derived = dataclasses.replace(
        carrier,
        path=ctx.path,
        module=module_name(ctx.path),
        name=name,
        blocked="",
        used_here=True,
        base=carrier.name,
        reads=tuple(sorted({*carrier.reads, *own})),
    )
    what = (
        f"{name} inherits the constructor of {carrier.name}() of {carrier.module}.py,"
        f" which takes a token as {carrier.parameter} now"
    )
    copy = None  # the copies it would keep, split from its base
    if _developer_init(ctx, carrier, subclass) is not None:  # its own __init__
        what = (
            f"{name} subclasses {carrier.name}() of {carrier.module}.py, which "
            f"takes a token as {carrier.parameter} now"
        )
        if name not in ctx.sent_elsewhere and _subclass_problem(
            ctx, carrier, subclass
        ) == _developer_init(ctx, carrier, subclass):
            copy = _split_plan(ctx, carrier, node, subclass)
        if (
            copy is not None
            and not carrier.blocked
            and _split_developer(ctx, carrier, node, subclass, copy)
        ):
            return
    outcome = ctx.sent_elsewhere.get(name)  # what its callers made of it
    problem = (
        outcome.reason or DEVELOPER_REASON
        if outcome is not None and outcome.status != Status.REWRITE
        else None
    )
    if problem is None and copy is not None:  # it would be split: the base's cause
        problem = carrier.blocked
    problem = (
        problem or _subclass_problem(ctx, carrier, subclass) or carrier.blocked or None
    )
    ctx.exports.append(derived)
    if problem is None:  # its calls here take the token too
        before = len(ctx.carrier_uses)
        for reference in _references_to(ctx, subclass):
            if ctx.ancestor(reference, cst.Annotation) is None and not _in_super(
                ctx, reference
            ):
                _migrate_call(ctx, derived, reference)
        left = [
            u
            for u in ctx.carrier_uses[before:]
            if u.status not in (Status.REWRITE, Status.KEPT)
        ]
        problem = left[0].reason if left else None
    if problem is not None:  # it, its callers and its base stay as they are
        ctx.carrier_uses.append(
            CarrierUse(ctx.path, name, Status.MANUAL, problem, where)
        )
        return _left(ctx, carrier, node, f"{what}: {problem}")
    ctx.site(node, Kind.ARGUMENT, Status.REWRITE, f"{what}: its callers pass tokens")
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
    )


def _split_plan(
    ctx: ModuleContext, carrier: Carrier, node: cst.CSTNode, subclass: cst.ClassDef
) -> developer_split.Copy | None:
    """The copies a subclass handing the base its developer key would keep
    (:func:`developer_split.plan`); None: no copy can be made."""
    if not isinstance(node, cst.Name) or not developer_split.developer_requests(
        subclass
    ):
        return None
    try:
        with open(carrier.path, "rb") as handle:
            source = handle.read()
    except OSError:
        return None
    bound = developer_split.module_bindings(ctx.module)
    copy = developer_split.plan(
        source,
        carrier.name,
        carrier.parameter,
        subclass,
        same_module=os.path.abspath(ctx.path) == os.path.abspath(carrier.path),
        bound_here=bound,
        base_local=node.value,
        here_code=ctx.module.code,
        base_module=_own_module_import(ctx, carrier, bound.get(node.value, "")),
    )
    return None if isinstance(copy, str) else copy


def _split_developer(
    ctx: ModuleContext,
    carrier: Carrier,
    node: cst.CSTNode,
    subclass: cst.ClassDef,
    copy: developer_split.Copy,
) -> bool:
    """A subclass handing the base its developer key (``WebhooksClient``):
    it keeps the base's requests as they were, the base's methods that send
    the key copied into it (:mod:`hapimigrate.python.developer_split`), while
    the base sends the token. False: no copy can be made; a person splits."""
    if not isinstance(node, cst.Name):
        return False
    name = subclass.name.value
    methods = ", ".join(copy.names)
    were = "they were" if len(copy.names) > 1 else "it was"
    ctx.edits.class_tails[subclass] = developer_here.copied_tail(
        name, carrier.name, copy
    )
    added = _import_lines(copy.imports, f"for {name}'s {methods}")
    if copy.from_base:  # the base module's exception class, its logger
        scope = ctx.lexical_scope(node)
        bindings = list(scope[node.value]) if scope is not None else []
        existing = getattr(bindings[0], "node", None) if len(bindings) == 1 else None
        if not isinstance(existing, cst.ImportFrom):
            ctx.edits.class_tails.pop(subclass)
            return False
        added.append(_import_from(existing, copy.from_base, f"for {name}'s {methods}"))
    if added:
        ctx.edits.before_class[subclass] = added
    ctx.developer_copies.append((carrier.path, carrier.name, copy.names, copy.reads))
    where = f"{os.path.basename(ctx.path)}:{ctx.start(node)[0]}"
    ctx.site(
        node,
        Kind.ARGUMENT,
        Status.REWRITE,
        f"{name} hands {carrier.name}() a developer key, which stays a key: it "
        f"keeps {carrier.name}'s {methods} as {were} (copied into it, sending "
        f"hapikey), while {carrier.name} sends the token",
    )
    ctx.carrier_uses.append(
        CarrierUse(carrier.path, carrier.name, Status.REWRITE, "", where)
    )
    return True


def _own_module_import(ctx: ModuleContext, carrier: Carrier, bound: str) -> str:
    """``bound`` (how this module binds the base class: ``from:a.base:Base``)
    without the name, when it imports the base from the base's own module (not
    a package re-exporting it); "" otherwise."""
    prefix = bound.rsplit(":", 1)[0]
    stem = os.path.splitext(os.path.basename(carrier.path))[0]
    package = os.path.basename(os.path.dirname(os.path.abspath(carrier.path)))
    parts = prefix[5:].split(".") if prefix.startswith("from:") else []
    if parts and stem != "__init__" and parts[-1] == stem:
        if len(parts) == 1 or parts[-2] == package:  # from a.base, from base
            return prefix
    same_folder = os.path.dirname(os.path.abspath(ctx.path)) == os.path.dirname(
        os.path.abspath(carrier.path)
    )
    if prefix == f"relative:1:{stem}" and same_folder and stem != "__init__":
        return prefix
    return ""


def _import_from(
    existing: cst.ImportFrom, names: Sequence[str], why: str
) -> cst.SimpleStatementLine:
    """``from <the module existing imports from> import names``."""
    return cst.SimpleStatementLine(
        [
            cst.ImportFrom(
                module=existing.module,
                relative=existing.relative,
                names=[cst.ImportAlias(cst.Name(n)) for n in names],
            )
        ],
        trailing_whitespace=cst.TrailingWhitespace(
            whitespace=cst.SimpleWhitespace("  "),
            comment=cst.Comment(f"# hapimigrate: {why}"),
        ),
    )


def _import_lines(lines: Sequence[str], why: str) -> list[cst.BaseStatement]:
    """``import urllib.parse`` statements, each saying what it is for."""
    return [
        cst.parse_statement(line).with_changes(
            trailing_whitespace=cst.TrailingWhitespace(
                whitespace=cst.SimpleWhitespace("  "),
                comment=cst.Comment(f"# hapimigrate: {why}"),
            )
        )
        for line in lines
    ]


_OWN_CONSTRUCTION = ("__init__", "__new__", "__init_subclass__", "__call__")


def _subclass_problem(
    ctx: ModuleContext, carrier: Carrier, subclass: cst.ClassDef
) -> str | None:
    """Why a subclass may not simply inherit the token: it makes its
    instances itself, has other bases, or changes (or reads) what the base
    class's requests read."""
    name = subclass.name.value
    if not isinstance(ctx.parent(subclass), cst.Module):
        return f"{name} is not a module-level class"
    if subclass.decorators:
        return f"{name} is decorated (a decorator may give it its own constructor)"
    bases = [b for b in subclass.bases if not ctx.code(b.value) == "object"]
    if len(bases) != 1 or subclass.keywords:
        return f"{name} has other bases or a metaclass, which may construct it"
    sets: set[str] = set()
    paths: set[str] = set()  # ENDPOINT = "contacts/v1": no host, no key
    for statement in subclass.body.body:
        if isinstance(statement, cst.FunctionDef):
            sets.add(statement.name.value)
        elif isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                targets = (
                    [t.target for t in small.targets]
                    if isinstance(small, cst.Assign)
                    else [small.target] if isinstance(small, cst.AnnAssign) else []
                )
                named = {t.value for t in targets if isinstance(t, cst.Name)}
                sets |= named
                developer = developer_split.developer_path(
                    getattr(small, "value", None)
                )
                if developer:  # ENDPOINT = "/webhooks/v3/777/subscriptions"
                    return (
                        f"{name}.{', '.join(sorted(named)) or 'an attribute'} names "
                        f"{developer}: its requests take the app's developer key, "
                        "not a token"
                    )
                if len(named) == len(targets) == 1 and _hubspot_path(small.value):
                    paths |= named
        else:
            return f"{name} defines names conditionally in its body"
    code = ctx.code(subclass)
    assigned = set(re.findall(r"\b(?:self|cls)\.(\w+)\s*(?::[^=\n]*)?=(?!=)", code))
    sets |= assigned
    paths -= assigned | set(carrier.holders)
    paths = {p for p in paths if hubspot.HOST_NAME.search(p)}  # not a key's name
    if re.search(r"\bsetattr\(|__dict__|\bvars\(", code):
        sets.add("setattr()")
    if re.search(r"\b(?:cls|type\(self\)|self\.__class__)\(", code):
        return f"{name} makes instances of itself (cls(...)), with a key of its own?"
    own = sets & {*_OWN_CONSTRUCTION, "setattr()"}
    if "__init__" in own and _passes_key_through(ctx, carrier, subclass):
        own.discard("__init__")
    if own:
        return _developer_init(ctx, carrier, subclass) or (
            f"{name} defines its own {sorted(own)[0]}"
        )
    changed = sorted((sets - paths) & set(carrier.reads))
    if changed:
        return (
            f"{name} sets {changed[0]}, which the requests of {carrier.name} read "
            "(its host, its key?)"
        )
    read = sorted(set(values.SELF_ATTRIBUTE.findall(code)) & set(carrier.holders))
    if read:
        return f"{name} reads self.{read[0]}, which holds a token now"
    return None


def _in_super(ctx: ModuleContext, reference: cst.CSTNode) -> bool:
    """``super(ObjectsClient, self)``: the class named to reach its base."""
    arg = ctx.parent(reference)
    call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    return (
        isinstance(call, cst.Call)
        and isinstance(call.func, cst.Name)
        and call.func.value == "super"
        and bool(call.args)
        and call.args[0] is arg
    )


def _passes_key_through(
    ctx: ModuleContext, carrier: Carrier, subclass: cst.ClassDef
) -> bool:
    """``def __init__(self, api_key, object_type, **kwargs):
    super().__init__(api_key, **kwargs); self.object_type = object_type``: the
    subclass's own constructor hands the base its parameter of the same name
    and place, reads it for nothing else, and does nothing but set attributes
    to its parameters or literals. Its callers' key is the base's: a token."""
    init = next(
        (
            s
            for s in subclass.body.body
            if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"
        ),
        None,
    )
    if init is None or init.decorators or carrier.position < 0:
        return False
    params = [*init.params.posonly_params, *init.params.params][1:]  # not self
    if not (
        carrier.position < len(params)
        and params[carrier.position].name.value == carrier.parameter
        # a default of its own ("demo", a sandbox's key, None) would be sent as
        # the token where a caller gives none
        and params[carrier.position].default is None
    ):
        return False
    # its parameters it may hand on: none with a default of its own that could
    # be a host or a key (a string, a constant), which its callers leave
    names = {
        p.name.value
        for p in (*params, *init.params.kwonly_params)
        if p.default is None
        or isinstance(p.default, (cst.Integer, cst.Float))
        or (
            isinstance(p.default, cst.Name)
            and p.default.value in ("None", "True", "False")
        )
    }
    for extra in (init.params.star_arg, init.params.star_kwarg):
        if isinstance(extra, cst.Param):
            names.add(extra.name.value)
    handed = 0
    for line in init.body.body:
        if not isinstance(line, cst.SimpleStatementLine) or len(line.body) != 1:
            return False
        small = line.body[0]
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.SimpleString):
            continue  # a docstring
        if isinstance(small, cst.Expr) and _hands_base(
            ctx, carrier, small.value, names
        ):
            handed += 1
            continue
        if (
            isinstance(small, cst.Assign)
            and len(small.targets) == 1
            and ctx.code(small.targets[0].target).startswith("self.")
            and isinstance(small.value, (cst.Name, cst.SimpleString, cst.Integer))
            and ctx.code(small.value) != carrier.parameter
        ):
            continue  # self.object_type = object_type
        if isinstance(small, cst.Pass):
            continue
        return False
    return handed == 1


def _hands_base(
    ctx: ModuleContext, carrier: Carrier, value: cst.BaseExpression, names: set[str]
) -> bool:
    """``super().__init__(api_key, **kwargs)`` (or ``Base.__init__(self, ...)``)
    giving the base the subclass's own ``api_key`` at its place, and otherwise
    only the subclass's parameters or literals."""
    if not (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Attribute)
        and value.func.attr.value == "__init__"
    ):
        return False
    receiver = ctx.code(value.func.value)
    explicit = receiver == carrier.name
    if not (explicit or re.fullmatch(r"super\([\w\s,]*\)", receiver)):
        return False
    args = list(value.args)[1 if explicit else 0 :]
    positional = [a.value for a in args if a.keyword is None and not a.star]
    given = positional[carrier.position] if carrier.position < len(positional) else None
    if given is None:
        given = next(
            (
                a.value
                for a in args
                if a.keyword is not None and a.keyword.value == carrier.parameter
            ),
            None,
        )
    if not (isinstance(given, cst.Name) and given.value == carrier.parameter):
        return False
    # besides the key, only its own parameters by the base's names (timeout=
    # timeout) or **kwargs: no value of its own (a host, another key)
    for arg in args:
        if arg.value is given:
            continue
        if arg.star == "**" and isinstance(arg.value, cst.Name):
            if arg.value.value in names:
                continue
            return False
        if (
            arg.keyword is not None
            and isinstance(arg.value, cst.Name)
            and arg.value.value == arg.keyword.value
            and arg.value.value in names
        ):
            continue
        return False
    return True


def _developer_init(
    ctx: ModuleContext, carrier: Carrier, subclass: cst.ClassDef
) -> str | None:
    """``TimelineClient.__init__(self, developer_key, ...)`` handing its
    developer key to the base's constructor (``super().__init__(developer_key)``):
    the base's requests serve both kinds of key, the developer-key APIs keeping
    theirs; what to tell a person (None: another shape)."""
    init = next(
        (
            s
            for s in subclass.body.body
            if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"
        ),
        None,
    )
    if init is None:
        return None
    for node in walk(init):
        if not (
            isinstance(node, cst.Call)
            and isinstance(node.func, cst.Attribute)
            and node.func.attr.value == "__init__"
        ):
            continue
        explicit = ctx.code(node.func.value) == carrier.name  # Base.__init__(self, k)
        args = [a for a in node.args if not a.star][1 if explicit else 0 :]
        positional = [a.value for a in args if a.keyword is None]
        given = (
            positional[carrier.position]
            if 0 <= carrier.position < len(positional)
            else next(
                (
                    a.value
                    for a in args
                    if a.keyword is not None and a.keyword.value == carrier.parameter
                ),
                None,
            )
        )
        if isinstance(given, cst.Name) and hubspot.names_developer_key(given.value):
            return (
                f"{subclass.name.value} hands {carrier.name}() a developer key "
                f"({given.value} of its own __init__, line {ctx.start(node)[0]}), "
                f"which stays a key: {carrier.name}'s requests send both kinds; "
                "split them by hand (the developer-key calls keep hapikey, the "
                "others send the token)"
            )
    return None


def _hubspot_path(value: cst.BaseExpression | None) -> bool:
    """``ENDPOINT = "contacts/v1"``: a literal that cannot take the base class's
    requests to another host (``hubspot.cannot_leave_hubspot``)."""
    if not isinstance(value, cst.SimpleString) or value.prefix.lower() not in ("", "u"):
        return False
    text = value.evaluated_value
    return isinstance(text, str) and hubspot.cannot_leave_hubspot(text)


def _redirected(ctx: ModuleContext, carrier: Carrier, call: cst.Call) -> str | None:
    """A call of a subclass (from another module) that gives its instance
    another host, or a module that sets an attribute its requests read on an
    instance: the token would go where the key never went."""
    for arg in call.args:
        keyword = arg.keyword.value if arg.keyword is not None else ""
        if (keyword and hubspot.HOST_NAME.search(keyword)) or (
            hubspot.OTHER_HOST_URL.search(ctx.code(arg.value))
        ):
            return f"this call gives {carrier.name}() a host ({ctx.code(arg)})"
    if carrier.reads:
        names = "|".join(re.escape(r) for r in carrier.reads)
        written = re.search(  # c.base_url = ..., self.contacts.base_url = ...
            rf"(?m)(?<![\w.])(?:(?!self\b|cls\b)[A-Za-z_]\w*|(?:self|cls)\.\w+)"
            rf"(?:\.\w+|\[[^\]\n]*\])*\.({names})[ \t]*=(?!=)"
            rf"|\bsetattr\(",
            ctx.text,
        )
        if written:
            return (
                f"this module sets {written.group(1) or 'an attribute'} on an "
                "instance, which the requests read"
            )
    return None


def _references_to(ctx: ModuleContext, cls: cst.ClassDef) -> list[cst.CSTNode]:
    """The names in this module that refer to ``cls``."""
    scope = ctx.lexical_scope(cls)
    if scope is None:
        return []
    return [
        ref.node
        for assignment in scope[cls.name.value]
        if getattr(assignment, "node", None) is cls
        for ref in ctx.references(assignment)
    ]


def _argument(
    call: cst.Call, carrier: Carrier
) -> tuple[cst.BaseExpression | None, str | None]:
    """The value ``call`` passes for the carrier's parameter (None: none)."""
    positional = 0
    for arg in call.args:
        if arg.star:
            return None, "the call passes arguments with * or **"
        if arg.keyword is not None:
            if arg.keyword.value == carrier.parameter:
                return _given(arg.value)
            continue
        if positional == carrier.position:
            return _given(arg.value)
        positional += 1
    return None, None


def _given(value: cst.BaseExpression) -> tuple[cst.BaseExpression | None, None]:
    if isinstance(value, cst.Name) and value.value == "None":
        return None, None  # the default
    return value, None


SESSION_GUARDED = (
    "{} of {}.py gets requests' auth hook there, sending the token to HubSpot's "
    "API hosts only: the request to {} (line {}) no longer carries the key (it "
    "did in the URL's query)"
)


def _session_hosts(ctx: ModuleContext, route: Route | None) -> attach.SessionHosts:
    """Where the session's requests here go (another module's HubSpot URL
    constant counts as written)."""
    sinks = route.sinks if route is not None else ()
    for sink in sinks:
        if sink.call is None:  # not a request: not followed
            line = ctx.start(sink.statement)[0] if sink.statement is not None else 0
            return attach.SessionHosts(
                problem=f"the session is used here other than in a request (line "
                f"{line}): its header would go with what it then sends"
            )
    return attach.session_hosts(ctx, sinks, _hosted)


def _elsewhere(
    ctx: ModuleContext,
    carrier: Carrier,
    node: cst.CSTNode,
    hosts: attach.SessionHosts,
) -> str | None:
    """A session's header goes with every request it makes: each must be to a
    HubSpot host written in the code (or another module's HubSpot URL); or, when
    some go elsewhere, its module gives it requests' auth hook, which keeps the
    token to HubSpot's hosts: then none may be a HubSpot endpoint on a host
    known only at run time (the hook could not tell it), nor give its own
    ``auth=``."""
    if hosts.problem is not None:
        return hosts.problem
    if hosts.written and not hubspot.is_hubspot_host(hosts.written):
        return (
            f"the session also sends to {hosts.written} (line {hosts.written_line}): "
            "its header would go there"
        )
    if hosts.hubspot_at_run_time:
        return (
            "the session also sends to a URL known at run time (line "
            f"{hosts.hubspot_at_run_time}): its header would go there"
        )
    if not (hosts.needs_guard or carrier.guarded):
        return None
    if hosts.needs_guard:
        where = f"{hosts.elsewhere} (line {hosts.elsewhere_line})"
    else:
        where = f"other hosts from {carrier.module}.py"
    why = carrier.unguarded or hosts.unguardable or attach.reader_unguarded(ctx, node)
    if why:
        return attach.SESSION_ELSEWHERE_UNGUARDED.format(where, why)
    return None


def _headers_replaced(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """``session.headers = {...}`` or ``session.headers.clear()`` here."""
    headers = ctx.parent(node)
    if not (isinstance(headers, cst.Attribute) and headers.attr.value == "headers"):
        return None
    holder = ctx.parent(headers)
    replaced = isinstance(holder, cst.AssignTarget) or (
        isinstance(holder, cst.Attribute)
        and holder.attr.value == "clear"
        and isinstance(ctx.parent(holder), cst.Call)
    )
    if replaced:
        return (
            f"modules that replace its headers (here, line {ctx.start(node)[0]}) "
            "drop a header set where the session is made"
        )
    return None


def _calls(
    ctx: ModuleContext,
    carrier: Carrier,
    route: Route | None,
    given: cst.CSTNode | None = None,
) -> tuple[Endpoint, ...]:
    calls = call_endpoints.site_endpoints(ctx, route)
    if carrier.kind != Kind.URL:
        return calls
    path = hubspot.endpoint_path(_rendered(ctx, carrier, given))
    if not calls:
        return (Endpoint(None, path),)
    return tuple(dict.fromkeys(Endpoint(c.method, path) for c in calls))


def _positional(ctx: ModuleContext, name: cst.Name) -> tuple[str, ...]:
    """The positional parameters of the function ``name`` names."""
    definition = ctx.parent(name)
    if not isinstance(definition, cst.FunctionDef):
        return ()
    given = [*definition.params.posonly_params, *definition.params.params]
    return tuple(p.name.value for p in given)


def _rendered(ctx: ModuleContext, carrier: Carrier, call: cst.CSTNode | None) -> str:
    """A URL helper's template with the fields its parameters fill rendered
    from what ``call`` gives them (``build_url("/contacts/v1/contact/batch/")``
    gives ``{path}``), for the call's endpoint."""
    url = carrier.url
    if not isinstance(call, cst.Call) or any(a.star for a in call.args):
        return url
    positional = [a for a in call.args if a.keyword is None]
    for index, name in enumerate(carrier.renders):
        given = [a for a in call.args if a.keyword and a.keyword.value == name]
        given = given or positional[index : index + 1]
        if given and "{" + name + "}" in url:
            text = values.url_template(ctx, given[0].value)
            url = url.replace("/{" + name + "}", "/" + text.lstrip("/"))
            url = url.replace("{" + name + "}", text)
    return url
