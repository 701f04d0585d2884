"""Reads of the old key that only read it, once every send of it migrated.

After the rewrite, what remains of a key is often a definition nothing reads
any more that does more than a plain environment lookup: ``api_key =
urllib.parse.quote(settings.HUBSPOT_API_KEY)`` in the function whose URL no
longer carries it, ``HUBSPOT_API_KEY = Variable.get("hubspot_api_key")`` in an
Airflow DAG, ``self.url = "...?hapikey=" + self.api_key`` stored and never
sent. Such a definition goes (:mod:`python.dead_keys` removes it) when its value
is a :func:`pure_read`: evaluated with the key set (the program as it ran) it
only reads names, attributes, subscripts, the environment, an Airflow
Variable, and formats or quotes strings; nothing is written, called for an
effect, or sent. Deleting it leaves the program doing what it did.

A read of the key's source that stays in the module (``if
settings.HUBSPOT_API_KEY is not None and not self.create_user(...)``) must
not be left testing a key that is about to go: :func:`settle` refuses the
removal unless each such read is a presence test (:func:`token_checks.check_of`
shapes), and makes each one test the token where the tree-wide pass proved
the key is sent nowhere any more (:mod:`hapimigrate.tree_token_checks` runs
the module again asking for it), else reports it as a guard for a person. A
module-level variable set once from the environment (``HUBSPOT_API_KEY =
os.environ.get("HUBSPOT_API_KEY")`` beside ``key = quote(HUBSPOT_API_KEY)``)
is such a source, as ``settings.HUBSPOT_API_KEY`` is. Where the definition
stays (it does more than read, its source is read for its value too), the
presence tests of its key are reported with it: they would pass silently and
fail the day the old variable goes.
"""

from __future__ import annotations

import re

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate.analysis import container_entries, origins
from hapimigrate.model import Kind, Status
from hapimigrate.python import outside_readers, token_checks
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.setting_values import reads_environment

KEPT_GUARD = (
    "a guard on the old key {}, whose copy at line {} stays for a person: the "
    "day the old variable goes this test fails; test the token once that copy "
    "is gone"
)
DRIVEN = (
    "a guard on the old key {}, whose copy this module no longer reads: the "
    "tests set {} ({}) to drive it; made a test of the token, they would no "
    "longer control it: test the token here and set HUBSPOT_ACCESS_TOKEN in "
    "those tests (mock.patch.dict(os.environ)) by hand"
)
WORDED = (
    "a guard on the old key {}, whose copy this module no longer reads, and "
    "whose message describes the API key: once the key is gone from the "
    "configuration this test fails; test the token instead and reword the "
    "message for the access token"
)
GUARD = (
    "a guard on the old key {}, whose copy this module no longer reads: once "
    "the key is gone from the configuration this test fails; test the token "
    "instead"
)
# functions of strings that only compute a string from their arguments
_QUOTING = ("quote", "quote_plus", "urlencode")
_QUOTING_MODULES = ("urllib.parse", "urllib", "requests.utils")
_STRING_METHODS = ("strip", "lstrip", "rstrip", "lower", "upper", "format")
_BUILTINS = ("str",)
_AIRFLOW_VARIABLE = ("airflow.models", "airflow.models.variable", "airflow")


def pure_read(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """Whether evaluating ``value`` with the key set only reads and computes
    (a string, a dict of them): removing it changes nothing the program does."""
    if isinstance(value, (cst.SimpleString, cst.Integer, cst.Name)):
        return True
    if isinstance(value, cst.ConcatenatedString):
        return pure_read(ctx, value.left) and pure_read(ctx, value.right)
    if isinstance(value, cst.Attribute):
        return pure_read(ctx, value.value)
    if isinstance(value, cst.Subscript):
        return pure_read(ctx, value.value) and all(
            isinstance(s.slice, cst.Index) and pure_read(ctx, s.slice.value)
            for s in value.slice
        )
    if isinstance(value, cst.FormattedString):
        return all(
            pure_read(ctx, part.expression)
            for part in value.parts
            if isinstance(part, cst.FormattedStringExpression)
        )
    if isinstance(value, cst.BinaryOperation):
        return isinstance(value.operator, (cst.Add, cst.Modulo)) and (
            pure_read(ctx, value.left) and pure_read(ctx, value.right)
        )
    if isinstance(value, (cst.Tuple, cst.List)):
        return all(
            isinstance(e, cst.Element) and pure_read(ctx, e.value)
            for e in value.elements
        )
    if isinstance(value, cst.Dict):
        return all(
            isinstance(e, cst.DictElement)
            and pure_read(ctx, e.key)
            and pure_read(ctx, e.value)
            for e in value.elements
        )
    if isinstance(value, cst.Call):
        return _pure_call(ctx, value)
    return False


def _pure_call(ctx: ModuleContext, call: cst.Call) -> bool:
    if reads_environment(ctx, call):
        return True
    if any(a.star or a.keyword is not None for a in call.args):
        return False
    if not all(pure_read(ctx, a.value) for a in call.args):
        return False
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value in _STRING_METHODS:
        # "...{}".format(KEY), KEY.strip(): on a string literal, or one computed
        return isinstance(func.value, (cst.SimpleString, cst.ConcatenatedString)) or (
            func.attr.value != "format" and pure_read(ctx, func.value)
        )
    if isinstance(func, cst.Attribute) and func.attr.value == "get":
        # Variable.get("name") of Airflow: a lookup in its metadata store;
        # settings.IDS.get("KEY", None) of Django: a dict's
        literals = all(_literal(a.value) for a in call.args)
        return literals and (
            _imported_from(ctx, func.value, "Variable", _AIRFLOW_VARIABLE)
            or _django_setting(ctx, func.value)
        )
    name = func.attr.value if isinstance(func, cst.Attribute) else None
    if isinstance(func, cst.Name):
        if func.value in _BUILTINS:
            return _unbound(ctx, func)
        return func.value in _QUOTING and any(
            _imported_from(ctx, func, func.value, (m,)) for m in _QUOTING_MODULES
        )
    if name in _QUOTING and isinstance(func, cst.Attribute):
        dotted = ctx.code(func.value).replace(" ", "")
        root = func.value
        while isinstance(root, cst.Attribute):
            root = root.value
        return (
            dotted in _QUOTING_MODULES
            and isinstance(root, cst.Name)
            and origins._import_statement(ctx, root) is not None
        )
    return False


def _literal(value: cst.BaseExpression) -> bool:
    return isinstance(value, (cst.SimpleString, cst.Integer)) or (
        isinstance(value, cst.Name) and value.value in ("None", "True", "False")
    )


def _django_setting(ctx: ModuleContext, value: cst.BaseExpression) -> bool:
    """``settings.NAME`` (deeper: ``settings.A.B``) of Django's settings."""
    if not isinstance(value, cst.Attribute):
        return False
    root: cst.BaseExpression = value
    while isinstance(root, cst.Attribute):
        root = root.value
    return _imported_from(ctx, root, "settings", ("django.conf",))


def _unbound(ctx: ModuleContext, name: cst.Name) -> bool:
    """A builtin's name this module does not rebind."""
    scope = ctx.lexical_scope(name)
    return scope is not None and not list(scope[name.value])


def _imported_from(
    ctx: ModuleContext, node: cst.BaseExpression, name: str, modules: tuple[str, ...]
) -> bool:
    """``node`` is the name ``name`` imported from one of ``modules``."""
    if not isinstance(node, cst.Name):
        return False
    statement = origins._import_statement(ctx, node)
    if not isinstance(statement, cst.ImportFrom):
        return False
    module, imported, level = origins._imported_as(ctx, statement, node.value)
    return level == 0 and module in modules and imported == name


def settle(ctx: ModuleContext, statement: cst.CSTNode, gone: set[int]) -> bool:
    """Whether the unread definition ``statement`` may go as a pure read; its
    value's configured sources read elsewhere in the module (presence tests
    only) then test the token, or are reported as guards (see the module's
    docstring)."""
    value = getattr(statement, "value", None)
    if value is None:
        return False
    sources = _Sources(ctx)
    sources.visit(value)
    outside = gone | {id(statement)}
    if (
        not pure_read(ctx, value)
        # a name it read is read on: that code keeps the key alive
        or any(_read_elsewhere(ctx, n, outside) for n in sources.names)
        # settings.IDS["KEY"] here, settings.IDS elsewhere (but for its
        # other entries written in the code: settings.IDS.get("HUB_ID"))
        or any(
            (reads := _same_reads(ctx, c, outside))
            and not container_entries.other_entries_only(ctx, c, reads)
            for c in sources.containers
        )
        or not _settled(ctx, statement, sources, outside, gone)
    ):
        _report_guards(ctx, statement, sources, outside)
        return False
    return True


def _settled(
    ctx: ModuleContext,
    statement: cst.CSTNode,
    sources: "_Sources",
    outside: set[int],
    gone: set[int],
) -> bool:
    """The rest of :func:`settle`: the configured sources read elsewhere."""
    provider = {identity for identity, _ in ctx.provider_keys}
    # the setting holding the key: the only one read, or the one named as a
    # portal's key; another (a portal id) is read on, as it was
    keys = [
        s
        for s in sources.settings
        if len(sources.settings) == 1
        or _is_key(origins.config_key(ctx, s)[0], provider)
    ]
    others: list[tuple[cst.BaseExpression, list[cst.BaseExpression]]] = []
    for source in sources.settings:
        reads = _same_reads(ctx, source, outside)
        if source not in keys:
            if reads and len(keys) != 1:
                return False  # which of them is the key, unknown
            continue
        if any(token_checks.check_of(r, ctx.parent) is None for r in reads):
            return False  # read for its value too: not a leftover
        others.append((source, reads))
    variable = token_checks.token_variable(ctx.provider)
    # the one key this module sent, the one thing this definition read it from
    to_token = (
        ctx.token_checks_asked
        and variable is not None
        and len(provider) == 1
        and len(keys) == 1
        and not sources.names
        and not sources.containers
    )
    for source, reads in others:
        identity = origins.config_key(ctx, source)[0]
        worded = any(  # "set X to the portal's API key": a person rewords it
            token_checks.describes_key(string, identity)
            for read in reads
            for string in token_checks.messages(
                token_checks.check_of(read, ctx.parent)[1]  # type: ignore[index]
            )
        )
        driven = (
            outside_readers.test_driving(ctx.path, identity)
            if reads and not worded
            else None
        )
        for read in reads:
            test, check = token_checks.check_of(read, ctx.parent)  # type: ignore[misc]
            if driven is not None:
                reason = DRIVEN.format(ctx.code(read), identity, driven)
                ctx.site(test, Kind.GUARD, Status.MANUAL, reason)
                continue
            if not to_token or worded:
                reason = (WORDED if worded else GUARD).format(ctx.code(read))
                ctx.site(test, Kind.GUARD, Status.MANUAL, reason)
                continue
            assert variable is not None
            ctx.edits.replace[read] = ctx.lenient_token()
            gone.add(id(read))
            for string in token_checks.messages(check):
                new = token_checks.renamed(string, identity, variable)
                if new is not None:
                    ctx.edits.replace[string] = new
            reason = token_checks.REWRITTEN.format(ctx.code(read), variable)
            ctx.site(test, Kind.GUARD, Status.REWRITE, reason)
    return True


def _is_key(identity: str, provider: set[str]) -> bool:
    return identity in provider or bool(_PORTAL_KEY.search(identity))


# a portal's key by its name (not a developer's or an app's)
_PORTAL_KEY = re.compile(r"(?i)^(?!.*(?:dev|app)).*(?:hapikey|hubspot\w*key)")


def _report_guards(
    ctx: ModuleContext, statement: cst.CSTNode, sources: "_Sources", outside: set[int]
) -> None:
    """Each presence test of a source of the copy ``statement`` that stays: a
    manual guard (the copy is reported as kept; the test would pass silently,
    and fail the day the old variable goes)."""
    reported = {id(node) for node, _, _ in ctx.manual_nodes}
    provider = {identity for identity, _ in ctx.provider_keys}
    for source in sources.settings:
        if len(sources.settings) > 1 and not _is_key(
            origins.config_key(ctx, source)[0], provider
        ):
            continue  # a portal id's test: not the key's
        for read in _same_reads(ctx, source, outside):
            found = token_checks.check_of(read, ctx.parent)
            if found is None or id(found[0]) in reported:
                continue
            reason = KEPT_GUARD.format(ctx.code(read), ctx.start(statement)[0])
            ctx.site(found[0], Kind.GUARD, Status.MANUAL, reason)
            reported.add(id(found[0]))


class _Sources:
    """What a pure value reads its data from: module-level settings
    (``settings.HUBSPOT_API_KEY``) and variables set from the environment
    (``HUBSPOT_API_KEY = os.environ.get(...)``), names (``API_KEY``), and containers read
    by a key (``settings.IDS`` of ``settings.IDS["KEY"]`` or ``.get("KEY")``);
    not the functions it calls nor the modules it names them by."""

    def __init__(self, ctx: ModuleContext) -> None:
        self.ctx = ctx
        self.settings: list[cst.Attribute | cst.Name] = []
        self.names: list[cst.Name] = []
        self.containers: list[cst.Attribute] = []

    def visit(self, node: cst.CSTNode) -> None:
        if isinstance(node, cst.Call):
            func = node.func
            if isinstance(func, cst.Attribute) and func.attr.value in _STRING_METHODS:
                self.visit(func.value)  # KEY.strip()
            elif isinstance(func, cst.Attribute) and func.attr.value == "get":
                self._container(func.value)
            for arg in node.args:
                self.visit(arg.value)
        elif isinstance(node, cst.Subscript):
            self._container(node.value)
            for element in node.slice:
                self.visit(element)
        elif isinstance(node, cst.Attribute):
            if token_checks._root_bindings(self.ctx, node):
                self.settings.append(node)
            else:  # self.api_key: read elsewhere, it is that code's key
                self.containers.append(node)
        elif isinstance(node, cst.Name):
            if _environment_variable(self.ctx, node):
                self.settings.append(node)
            elif node.value not in ("None", "True", "False"):
                self.names.append(node)
        else:
            for child in node.children:
                self.visit(child)

    def _container(self, node: cst.BaseExpression) -> None:
        if isinstance(node, cst.Attribute) and token_checks._root_bindings(
            self.ctx, node
        ):
            self.containers.append(node)
        elif not isinstance(node, cst.Attribute):
            self.visit(node)  # os.environ: a module, read through its own code


def _read_elsewhere(ctx: ModuleContext, name: cst.Name, outside: set[int]) -> bool:
    """Whether the variable ``name`` reads is read anywhere else (a module, a
    function the value calls: not a variable)."""
    scope = ctx.lexical_scope(name)
    for binding in scope[name.value] if scope is not None else ():
        if isinstance(getattr(binding, "node", None), (cst.Import, cst.ImportFrom)):
            continue
        if any(
            not token_checks.inside(ctx, r.node, outside) for r in binding.references
        ):
            return True
    return False


def _environment_variable(ctx: ModuleContext, name: cst.Name) -> bool:
    """``name`` is a module-level variable bound once, by ``NAME =`` a read of
    the environment (``HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY")``):
    a configured key, as ``settings.HUBSPOT_API_KEY`` is."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1 or not isinstance(bindings[0].scope, GlobalScope):
        return False
    node = getattr(bindings[0], "node", None)
    holder = ctx.parent(node) if isinstance(node, cst.Name) else None
    definition = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    return (
        isinstance(definition, cst.Assign)
        and len(definition.targets) == 1
        and definition.targets[0].target is node
        and reads_environment(ctx, definition.value)
    )


def _same_reads(
    ctx: ModuleContext, source: cst.BaseExpression, outside: set[int]
) -> list[cst.BaseExpression]:
    """The reads of the same setting (same text, same module-level root) left
    in the module, outside the nodes ``outside``; of a module-level variable,
    its reads."""
    if isinstance(source, cst.Name):
        scope = ctx.lexical_scope(source)
        return [
            r.node
            for b in (scope[source.value] if scope is not None else ())
            for r in b.references
            if isinstance(r.node, cst.Name)
            and not token_checks.inside(ctx, r.node, outside)
        ]
    assert isinstance(source, cst.Attribute)
    text, bound = ctx.code(source), token_checks._root_bindings(ctx, source)
    return [
        other
        for other in ctx.index.attributes.get(source.attr.value, ())
        if ctx.code(other) == text
        and token_checks._root_bindings(ctx, other) == bound
        and not token_checks.inside(ctx, other, outside)
    ]


PRINTED = (
    "{} is read after the migration only to be printed ({}): the old "
    "key shown in a log; the tool does not print the token in its place: delete "
    "that line, then this definition, or keep the old variable set"
)
_DEFINED = re.compile(rb"^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)")
_PRINT = re.compile(
    rb"^[ \t]*(?:print|pprint|(?:logger|logging|log|LOGGER|LOG)\."
    rb"(?:debug|info|warning|warn|error|critical))[ \t]*\(.*\)[ \t]*$"
)


def printed(definition: bytes, text: bytes) -> str | None:
    """The reason for ``NAME = os.getenv("HUBSPOT_API_KEY")`` (the line
    ``definition`` of the migrated ``text``) when every other line naming
    ``NAME`` is a print or log call of one line (``print(API_KEY)``)."""
    bound = _DEFINED.match(definition)
    if bound is None:
        return None
    word = re.compile(rb"\b" + re.escape(bound.group(1)) + rb"\b")
    lines = text.split(b"\n")
    places = [
        (number, line)
        for number, line in enumerate(lines, 1)
        if line != definition and word.search(line)
    ]
    if not places or not all(_PRINT.match(line) for _, line in places):
        return None
    shown = places[0][1].strip().decode("utf-8", "replace")
    return PRINTED.format(bound.group(1).decode(), shown)
