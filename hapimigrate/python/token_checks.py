"""A presence test of a migrated key, made a presence test of the token.

``if not API_KEY: sys.exit("HUBSPOT_API_KEY is not set")``, ``assert
settings.HUBSPOT_API_KEY``, ``if KEY is None: return``: once every send of the
key reads the provider's token, such a test keeps the old variable required for
nothing. Here, in the module whose sends migrated, each such test of the
module's migrated key becomes ``os.environ.get("HUBSPOT_ACCESS_TOKEN")`` (the
env provider's variable, read without raising), and a sentence of the check's
message naming the old variable names the token's; the key's definition then
goes with :mod:`python.dead_keys` like any other nothing reads. Asked by the
tree-wide pass (:mod:`hapimigrate.tree_token_checks`) only, which alone knows
that no module of the tree still sends the key; and only when every read of the
key left in the module is such a test (no other read it would stop guarding).

:func:`check_of` is the one shape both take: the key alone, ``not``, ``is
None``, ``is not None``, ``bool()``, an operand of and/or, standing as an if
(with no else: not a choice of auth mode), elif, while or assert test.
"""

from __future__ import annotations

import re
from typing import Callable

import libcst as cst
from libcst.metadata import FunctionScope, GlobalScope

from hapimigrate.analysis import origins, values
from hapimigrate.model import Kind, Status, TokenProvider
from hapimigrate.python.context import ModuleContext
from hapimigrate.python import local_guards, outside_readers
from hapimigrate.python.setting_values import reads_environment

REWRITTEN = (
    "a check of the old key {}: every send of it reads the token now, so this "
    "tests the token's variable {} instead"
)
_TESTS = (cst.If, cst.While, cst.Assert)
_VARIABLE = re.compile(r"[A-Z][A-Z0-9_]*")

Parent = Callable[[cst.CSTNode], "cst.CSTNode | None"]


def token_variable(provider: TokenProvider) -> str | None:
    """``NAME`` of an ``env:NAME`` provider reading ``os.environ["NAME"]``:
    the one provider whose presence can be tested without calling anything."""
    spec = provider.spec
    if spec.startswith("env:") and provider.expression == f'os.environ["{spec[4:]}"]':
        return spec[4:]
    return None


def check_of(
    node: cst.BaseExpression, parent_of: Parent
) -> tuple[cst.BaseExpression, cst.CSTNode] | None:
    """The test expression and its statement (if, while, assert) when ``node``
    is read only for its presence there, else None."""
    child: cst.CSTNode = node
    parent = parent_of(child)
    call = parent_of(parent) if isinstance(parent, cst.Arg) else None
    if (  # bool(KEY)
        isinstance(parent, cst.Arg)
        and parent.keyword is None
        and not parent.star
        and isinstance(call, cst.Call)
        and isinstance(call.func, cst.Name)
        and call.func.value == "bool"
        and len(call.args) == 1
    ):
        child, parent = call, parent_of(call)
    elif (  # KEY is None, KEY is not None
        isinstance(parent, cst.Comparison)
        and parent.left is child
        and len(parent.comparisons) == 1
        and isinstance(parent.comparisons[0].operator, (cst.Is, cst.IsNot))
        and isinstance(parent.comparisons[0].comparator, cst.Name)
        and parent.comparisons[0].comparator.value == "None"
    ):
        child, parent = parent, parent_of(parent)
    else:  # not X or X.startswith("your-"): a placeholder's test
        child = local_guards.placeholder_test(node, parent_of) or child
        parent = parent_of(child)
    while (
        isinstance(parent, cst.UnaryOperation) and isinstance(parent.operator, cst.Not)
    ) or isinstance(parent, cst.BooleanOperation):
        child, parent = parent, parent_of(parent)
    if (
        isinstance(parent, cst.If)
        and parent.orelse is not None
        and not local_guards.else_inert(parent)
    ):
        return None  # the key chooses between two ways (an auth mode?)
    if isinstance(parent, _TESTS) and parent.test is child:
        return child, parent  # type: ignore[return-value]
    return None


def sentence(text: str) -> bool:
    """A message (words and spaces), not a name given to code."""
    return bool(re.search(r"\s", text))


def messages(statement: cst.CSTNode) -> list[cst.SimpleString]:
    """The sentences an if's body or an assert's message holds."""
    if isinstance(statement, cst.If) and statement.orelse is not None:
        holder: cst.CSTNode | None = statement.with_changes(test=cst.Name("_"))
    elif isinstance(statement, cst.If):
        holder = statement.body
    elif isinstance(statement, cst.Assert):
        holder = statement.msg
    else:
        holder = None
    found: list[cst.SimpleString] = []
    stack = [holder] if holder is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, cst.SimpleString):
            value = current.evaluated_value
            if isinstance(value, str) and sentence(value):
                found.append(current)
        stack.extend(current.children)
    return found


# what tells the reader it is about a portal's API key, not about a credential
_KEY_WORDS = re.compile(r"(?i)\bapi[ _-]?keys?\b|\bhapikey\b|\bportal key\b")


def describes_key(string: cst.SimpleString, variable: str) -> bool:
    """Whether a message speaks of the API key itself (``"set HUBSPOT_API_KEY
    to the portal's API key (Settings > Integrations > API key)"``), beyond
    naming its variable: renamed, it would ask for the key in the token's
    variable."""
    value = string.evaluated_value
    return (
        isinstance(value, str)
        and speaks_of_key(value, variable)
        and not local_guards.absence_message(value, variable)
    )


def speaks_of_key(text: str, variable: str) -> bool:
    """Whether a message's text speaks of the API key beyond naming its
    variable (:func:`describes_key`; an f-string's text parts too)."""
    return (
        _KEY_WORDS.search(re.sub(rf"\b{re.escape(variable)}\b", "", text)) is not None
    )


def renamed(string: cst.SimpleString, old: str, new: str) -> cst.SimpleString | None:
    """``string`` naming the variable ``new`` where it named ``old``. A
    message saying only that the API key is absent keeps its words: a test, a
    log search or an API response may match them (review 26, R7)."""
    raw = string.value
    if _VARIABLE.fullmatch(old):
        raw = re.sub(rf"\b{re.escape(old)}\b", new, raw)
    return string.with_changes(value=raw) if raw != string.value else None


def rewrite(ctx: ModuleContext, removed: set[int]) -> set[int]:
    """Make each presence test of the module's migrated keys test the token,
    where every read of that key left is one; the ids of the nodes replaced."""
    variable = token_variable(ctx.provider)
    if variable is None:
        return set()
    replaced = _aliases(ctx, removed, variable)
    replaced |= _token_locals(ctx, removed | replaced, variable)
    for label, reads in _live_reads(ctx, removed | replaced).items():
        # the configured key (not a caller's, a parameter's: a token now)
        identities = {i for i, known in ctx.provider_keys if known == label}
        checks = [
            check_of(node, ctx.parent) or _flag_check(ctx, node) for node in reads
        ]
        if len(identities) != 1 or any(c is None for c in checks):
            continue
        (identity,) = identities
        if any(
            describes_key(string, identity)
            for check in checks
            if check is not None
            for string in _messages(ctx, check[1])
        ):
            continue  # "set X to the portal's API key": a person rewords it
        driven = outside_readers.test_driving(ctx.path, identity)
        if driven is not None:  # the tests set the key to drive these checks
            for check in checks:
                reason = outside_readers.DRIVEN.format(label, identity, driven)
                ctx.site(check[0], Kind.GUARD, Status.MANUAL, reason)  # type: ignore[index]
            continue
        for node, check in zip(reads, checks):
            assert check is not None
            test, statement = check
            ctx.edits.replace[node] = ctx.lenient_token()
            replaced.add(id(node))
            for string in _messages(ctx, statement):
                new = renamed(string, identity, variable)
                if new is not None:
                    ctx.edits.replace[string] = new
            ctx.site(
                test, Kind.GUARD, Status.REWRITE, REWRITTEN.format(label, variable)
            )
    return replaced


def _messages(ctx: ModuleContext, statement: cst.CSTNode) -> list[cst.SimpleString]:
    """The messages of a check: of its if or assert, or of the tests of the
    flag it sets (:func:`_flag_check`: ``if not self.ready: raise
    Exception("HUBSPOT_API_KEY must be set")`` says why it is false)."""
    if isinstance(statement, cst.Assign):
        return [
            string
            for read in local_guards.flag_reads(ctx, statement)
            if (check := check_of(read, ctx.parent)) is not None
            for string in messages(check[1])
        ]
    return messages(statement)


def _flag_check(
    ctx: ModuleContext, node: cst.CSTNode
) -> tuple[cst.BaseExpression, cst.Assign] | None:
    """``self.ready = bool(KEY)`` whose every read in its class (or its
    function) is a presence test (:func:`check_of`): not a mode chosen by it
    (``if self.ready: ... else: <OAuth>``)."""
    found = local_guards.flag_assignment(ctx, node)
    if found is None:
        return None
    reads = local_guards.flag_reads(ctx, found[1])
    if not reads or any(check_of(r, ctx.parent) is None for r in reads):
        return None
    return found


def _token_locals(ctx: ModuleContext, removed: set[int], variable: str) -> set[int]:
    """``key = os.getenv("HUBSPOT_API_KEY")`` in a function whose sends of it
    migrated, read on only by presence tests and masked displays
    (``print(f"found ({mask(key)})")``, :func:`local_guards.masked_printer`):
    the local reads the token instead (``os.environ.get(NAME)``), its tests
    and displays unchanged, their messages naming the old variable naming the
    token's; :mod:`python.dead_keys` leaves that definition. The ids of the
    nodes replaced or settled (the local's reads)."""
    settled: set[int] = set()
    for used in ctx.key_names:
        scope = ctx.lexical_scope(used)
        bindings = list(scope[used.value]) if scope is not None else []
        if len(bindings) != 1 or not isinstance(bindings[0].scope, FunctionScope):
            continue
        name = getattr(bindings[0], "node", None)
        holder = ctx.parent(name) if isinstance(name, cst.Name) else None
        statement = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
        if (
            not isinstance(name, cst.Name)
            or not isinstance(statement, cst.Assign)
            or len(statement.targets) != 1
            or not isinstance(statement.value, cst.Call)
            or not reads_environment(ctx, statement.value)
            or id(statement) in ctx.token_definitions
        ):
            continue
        identities = {i for i, label in ctx.provider_keys if label == name.value}
        if len(identities) != 1:
            continue
        (identity,) = identities
        reads = [
            ref.node
            for ref in ctx.references(bindings[0])
            if not inside(ctx, ref.node, removed)
        ]
        checks = [check_of(r, ctx.parent) for r in reads]
        printers = [
            local_guards.masked_printer(ctx, r) if c is None else None
            for r, c in zip(reads, checks)
        ]
        if not any(printers) or any(
            c is None and p is None for c, p in zip(checks, printers)
        ):
            continue  # only the displays make this shape (else rewrite's)
        strings = [s for c in checks if c is not None for s in messages(c[1])]
        if any(describes_key(s, identity) for s in strings):
            continue
        if outside_readers.test_driving(ctx.path, identity) is not None:
            continue
        ctx.edits.replace[statement.value] = ctx.lenient_token()
        ctx.token_definitions.add(id(statement))
        settled.add(id(statement.value))
        for string in strings:
            new = renamed(string, identity, variable)
            if new is not None:
                ctx.edits.replace[string] = new
        for printer in printers:
            if printer is not None:
                _rename_in(ctx, printer, identity, variable)
        for read, check in zip(reads, checks):
            settled.add(id(read))
            if check is not None:
                reason = REWRITTEN.format(name.value, variable)
                ctx.site(check[0], Kind.GUARD, Status.REWRITE, reason)
    return settled


def _rename_in(ctx: ModuleContext, call: cst.Call, old: str, new: str) -> None:
    """The sentences of a print naming the old variable name the token's."""
    word = re.compile(rf"\b{re.escape(old)}\b")
    stack: list[cst.CSTNode] = [call]
    while stack:
        current = stack.pop()
        stack.extend(current.children)
        if isinstance(current, cst.SimpleString):
            string = renamed(current, old, new)
            if string is not None:
                ctx.edits.replace[current] = string
        elif isinstance(current, cst.FormattedString) and any(
            isinstance(p, cst.FormattedStringText) and word.search(p.value)
            for p in current.parts
        ):
            parts = [
                (
                    p.with_changes(value=word.sub(new, p.value))
                    if isinstance(p, cst.FormattedStringText)
                    else p
                )
                for p in current.parts
            ]
            ctx.edits.replace[current] = current.with_changes(parts=parts)


def _aliases(ctx: ModuleContext, removed: set[int], variable: str) -> set[int]:
    """``api_key = settings.HUBSPOT_API_KEY; if not api_key: return`` in a
    function sending nothing, the setting one a migrated key name was read
    from: where every read of the local is a presence test, the local reads
    the token instead (``os.environ.get(NAME)``), its tests unchanged; the ids
    of the settings reads replaced."""
    provider = {identity for identity, _ in ctx.provider_keys}
    replaced: set[int] = set()
    for source in read_into_names(ctx):
        text = ctx.code(source)
        if origins.config_key(ctx, source)[0] not in provider:
            continue
        for other in ctx.index.attributes.get(source.attr.value, ()):
            if ctx.code(other) != text or inside(ctx, other, removed):
                continue
            if _root_bindings(ctx, other) != _root_bindings(ctx, source):
                continue
            reads = local_reads(ctx, other)
            if not reads or any(check_of(r, ctx.parent) is None for r in reads):
                continue
            ctx.edits.replace[other] = ctx.lenient_token()
            replaced.add(id(other))
            for read in reads:
                test, statement = check_of(read, ctx.parent)  # type: ignore[misc]
                replaced.add(id(read))
                ctx.site(
                    test, Kind.GUARD, Status.REWRITE, REWRITTEN.format(text, variable)
                )
    return replaced


def read_into_names(ctx: ModuleContext) -> list[cst.Attribute]:
    """The settings a migrated key name was read from (``api_key =
    settings.HUBSPOT_API_KEY``): other functions reading them test the same
    key (``api_key = settings.HUBSPOT_API_KEY; if not api_key: return``)."""
    found = []
    for name in ctx.key_names:
        scope = ctx.lexical_scope(name)
        for binding in scope[name.value] if scope is not None else ():
            node = getattr(binding, "node", None)
            value = values.assigned_value(ctx, node) if node is not None else None
            if isinstance(value, cst.Attribute):
                found.append(value)
    return found


def local_reads(ctx: ModuleContext, node: cst.CSTNode) -> list[cst.CSTNode]:
    """The reads of the local name ``node`` is assigned to, alone (``key =
    settings.KEY``), in its function."""
    statement = ctx.parent(node)
    if not (
        isinstance(statement, cst.Assign)
        and statement.value is node
        and len(statement.targets) == 1
        and isinstance(statement.targets[0].target, cst.Name)
    ):
        return []
    target = statement.targets[0].target
    scope = ctx.lexical_scope(target)
    return [
        ref.node
        for binding in (scope[target.value] if scope is not None else ())
        if getattr(binding, "node", None) is target
        for ref in ctx.references(binding)
    ]


def _live_reads(ctx: ModuleContext, removed: set[int]) -> dict[str, list]:
    """Each migrated key's reads the edits leave: by its label (``API_KEY``,
    ``settings.HUBSPOT_API_KEY``)."""
    reads: dict[str, list] = {}
    for name in ctx.key_names:
        scope = ctx.lexical_scope(name)
        for binding in scope[name.value] if scope is not None else ():
            for ref in ctx.references(binding):
                if not inside(ctx, ref.node, removed):
                    reads.setdefault(name.value, []).append(ref.node)
    for attribute in ctx.key_attributes:
        text, bound = ctx.code(attribute), _root_of(ctx, attribute)
        for other in ctx.index.attributes.get(attribute.attr.value, ()):
            if ctx.code(other) == text and not inside(ctx, other, removed):
                # settings.KEY of a parameter named settings (a tenant's?):
                # no read of this key, and no check this may move
                label = text if bound and _root_of(ctx, other) == bound else ""
                reads.setdefault(label, []).append(other)
    return {
        label: list({id(n): n for n in nodes}.values())
        for label, nodes in reads.items()
    }


def _root_of(ctx: ModuleContext, attribute: cst.Attribute) -> object:
    """What the name ``attribute`` starts with is bound to: its module-level
    bindings, or else the one import binding it in a function (``from
    app.config import settings`` in each function); empty for another start."""
    return _root_bindings(ctx, attribute) or local_guards.import_origin(ctx, attribute)


def _root_bindings(ctx: ModuleContext, attribute: cst.Attribute) -> frozenset[int]:
    """The module-level bindings the name ``attribute`` starts with may have
    there (``settings`` of ``settings.KEY``); none for another start
    (``self.config.KEY``, a parameter's ``.KEY``)."""
    root: cst.BaseExpression = attribute
    while isinstance(root, cst.Attribute):
        root = root.value
    scope = ctx.lexical_scope(root) if isinstance(root, cst.Name) else None
    if scope is None or not isinstance(root, cst.Name):
        return frozenset()
    found = list(scope[root.value])
    if not all(isinstance(a.scope, GlobalScope) for a in found):
        return frozenset()  # self.KEY, a parameter's: not the module's one key
    return frozenset(id(a) for a in found)


def inside(ctx: ModuleContext, node: cst.CSTNode | None, removed: set[int]) -> bool:
    """Whether ``node`` is, or lies within, one of the nodes ``removed``."""
    while node is not None:
        if id(node) in removed:
            return True
        node = ctx.parent(node)
    return False
