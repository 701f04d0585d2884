"""A presence test of ``self.<key>``, made a presence test of the token.

``self.api_key = settings.ANALYTICS_IDS.get("HUBSPOT_API_KEY")`` in a
management command's ``handle()``, then ``if not self.api_key:
self.stdout.write("No HubSpot API key found.")``, while the request that sent
``self.api_key`` reads the token now: the check is the last read of the old
key, and it misfires the day the key leaves the configuration.
:mod:`python.token_checks` moves checks of names and settings; this moves
those of a ``self`` attribute, asked by the same tree-wide pass (the tree sends
its one configured key nowhere any more, see
:mod:`hapimigrate.tree_token_checks`), on the same terms, and only where:

- the provider is ``env:NAME`` (the check reads ``os.environ.get(NAME)``);
- every assignment of the attribute in the class and the module's classes
  related to it is a plain one (:mod:`python.dead_attributes`), of ``None`` or
  of a value read from module-level configuration (a
  :func:`leftover_reads.pure_read` naming no local or parameter: not a
  caller's key, not a tenant's);
- every read of ``<name>`` left in the module is ``self.<name>`` in those
  classes standing in a presence test (:func:`token_checks.check_of`) (not
  another class's attribute of that name, not ``obj.<name>``); nothing reads
  it by name (``getattr``) or all at once (``vars()``).

The assignments then go with :mod:`python.dead_attributes`, as any other
nothing reads.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate.model import Kind, Status
from hapimigrate.python import dead_attributes, leftover_reads, token_checks
from hapimigrate.python.context import ModuleContext


def rewrite(ctx: ModuleContext, removed: set[int]) -> set[int]:
    """Make each provable presence test of a migrated ``self`` key attribute
    test the token; the ids of the reads replaced."""
    variable = token_checks.token_variable(ctx.provider)
    if variable is None or len({i for i, _ in ctx.provider_keys}) != 1:
        return set()
    replaced: set[int] = set()
    looked_at: set[tuple[int, str]] = set()
    for attribute in ctx.key_attributes:
        owner = ctx.ancestor(attribute, cst.ClassDef)
        name = attribute.attr.value
        if not (
            isinstance(attribute.value, cst.Name)
            and attribute.value.value == "self"
            and isinstance(owner, cst.ClassDef)
            and (id(owner), name) not in looked_at
        ):
            continue
        looked_at.add((id(owner), name))
        family = dead_attributes._family(ctx, owner)
        definitions, blocked = dead_attributes._definitions(ctx, family, name)
        if blocked or not any(_configured(ctx, d) for d in definitions):
            continue
        if not all(_configured(ctx, d) or _none(d) for d in definitions):
            continue
        ids = {id(d) for d in definitions}
        reads = dead_attributes._reads(ctx, name, ids, removed | replaced)
        members = {id(c) for c in family}
        if not reads or not all(
            _self_read(r) and id(ctx.ancestor(r, cst.ClassDef)) in members
            for r in reads
        ):
            continue  # another class's attribute of that name: its own value
        checks = [token_checks.check_of(r, ctx.parent) for r in reads]
        if any(c is None for c in checks):
            continue
        for read, check in zip(reads, checks):
            assert check is not None
            ctx.edits.replace[read] = ctx.lenient_token()
            replaced.add(id(read))
            ctx.site(
                check[0],
                Kind.GUARD,
                Status.REWRITE,
                token_checks.REWRITTEN.format(ctx.code(read), variable),
            )
    return replaced


def _self_read(node: cst.CSTNode) -> bool:
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
    )


def _none(statement: cst.CSTNode) -> bool:
    value = getattr(statement, "value", None)
    return isinstance(value, cst.Name) and value.value == "None"


def _configured(ctx: ModuleContext, statement: cst.CSTNode) -> bool:
    """The value is read from module-level configuration only: every name it
    starts from is bound at module level (``settings``, ``os``), none a local
    or a parameter."""
    value = getattr(statement, "value", None)
    if value is None or _none(statement) or not leftover_reads.pure_read(ctx, value):
        return False
    names = [n for n in _names(value)]
    if not names:
        return False  # a literal: a key written in the code, reported as such
    for name in names:
        scope = ctx.lexical_scope(name)
        bindings = list(scope[name.value]) if scope is not None else []
        if not bindings or not all(isinstance(b.scope, GlobalScope) for b in bindings):
            return False
    return True


def _names(value: cst.CSTNode) -> list[cst.Name]:
    """The names an expression starts its reads from (``settings`` of
    ``settings.IDS.get(...)``), not attribute names."""
    found: list[cst.Name] = []
    stack: list[cst.CSTNode] = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            if node.value not in ("None", "True", "False"):
                found.append(node)
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)
        else:
            stack.extend(node.children)
    return found
