"""A keyed value stored and never sent: removed, once the sends migrated.

``self.properties_url = "https://api.hubapi.com/...?hapikey=" + self.api_key``
beside four sibling URLs that were rewritten, ``parameters = {"hapikey":
api_key}`` in a package's ``__init__`` that no module reads: the fixers leave
such a value as a ``manual`` site (``... is not used in this module``), since
there is no request to give the token. Nothing reads it, so nothing sends it:
the key it holds is the only thing it keeps alive (``environ["API_KEY"]``
raising at import the day the old variable goes).

Here, where it is proven, the assignment is deleted and the site is a
``rewrite``: the value is a :func:`leftover_reads.pure_read` (evaluating it
did nothing but read and format), its one target is a name or a ``self``
attribute, and nothing reads that target any more: no reference in the module
(an attribute: no ``obj.name``, ``getattr``, ``vars()`` or ``__dict__`` in
the class's family, :mod:`python.dead_attributes`), not in ``__all__``, and
no other module of the tree that imports this one names it (the name is
handed to the tree-wide pass as a removed key, which runs the module again
with it ``protected`` where one does). A module-level name the value read the
key from (``api_key = environ["API_KEY"]``), read by nothing else now, goes
with it on the same terms. Everything else stays as the fixers left it.

A reader the tree's Python does not show keeps the value too, named in the
site's reason (:mod:`python.outside_readers`): a template or any other text
file of the project naming it (``{{ hubspot.properties_endpoint }}``), and,
for a public name, the users of a package the project declares
(``pyproject.toml``'s ``[project]``, ``setup.py``): ``from hubspot_helpers
import parameters`` downstream.
"""

from __future__ import annotations

import dataclasses
import re

import libcst as cst
from libcst.metadata import FunctionScope, GlobalScope

from hapimigrate.analysis import reassigned
from hapimigrate.model import Kind, Site, Status
from hapimigrate.python import (
    dead_attributes,
    dead_keys,
    leftover_reads,
    outside_readers,
)
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.setting_values import literal, reads_environment

REMOVED = (
    "{} held the key and nothing reads or sends it: the assignment is removed "
    "(the requests that send the key read the token now)"
)
_UNUSED = re.compile(
    r"^((?:self\.)?[A-Za-z_]\w*) is not used in this module"
    r"(?:, nor sent by a module that imports it)?$"
)
_KINDS = (Kind.URL, Kind.PARAMS)
_NO_SENDS = (Kind.CALL, Kind.VERSION, Kind.GUARD, Kind.SETTING)  # no request


def remove(ctx: ModuleContext, protected: frozenset[str]) -> tuple[str, ...]:
    """Delete each unsent keyed value the module's manual sites name (see the
    module's docstring); the names removed, for the tree-wide pass."""
    removed: list[str] = []
    gone = dead_keys.removed_nodes(ctx)
    unsent = [s for s in ctx.sites if _unsent(s)]
    if not unsent or any(
        s.kind not in _NO_SENDS and s.status != Status.REWRITE and not _unsent(s)
        for s in ctx.sites
    ):
        return ()  # not every send of the module's key migrated: the key stays
    for site in unsent:
        found = _UNUSED.match(site.reason)
        assert found is not None
        label = found.group(1)
        statement = _assignment(ctx, label, site.line)
        if (
            statement is None
            or id(statement) in gone
            or not leftover_reads.pure_read(ctx, statement.value)
        ):
            continue
        target = statement.targets[0].target
        if (
            isinstance(target, cst.Name)
            and not site.reason.endswith("imports it")
            and ctx.ancestor(statement, cst.FunctionDef) is None
        ):
            continue  # a module's name: unsent tree-wide only by the carriers step
        name = _unread(ctx, target, statement, protected, gone)
        if name is None:
            continue
        kept = _read_outside(ctx, target, label)
        if kept is not None:
            ctx.sites = [
                dataclasses.replace(s, reason=kept) if s is site else s
                for s in ctx.sites
            ]
            continue
        ctx.edits.statements[statement] = []
        gone.add(id(statement))
        if name:
            removed.append(name)
        ctx.sites = [
            (
                dataclasses.replace(
                    s, status=Status.REWRITE, reason=REMOVED.format(label)
                )
                if s is site
                else s
            )
            for s in ctx.sites
        ]
        removed += _sources(ctx, statement, protected, gone)
    return tuple(removed)


def _read_outside(
    ctx: ModuleContext, target: cst.BaseExpression, label: str
) -> str | None:
    """Why the value may be read where the tree's Python does not show it (see
    :mod:`python.outside_readers`); None when nothing outside may."""
    if isinstance(target, cst.Attribute):
        name, owner = target.attr.value, ctx.ancestor(target, cst.ClassDef)
        public = not name.startswith("_") and not (
            isinstance(owner, cst.ClassDef) and owner.name.value.startswith("_")
        )
    else:
        assert isinstance(target, cst.Name)
        name = target.value
        public = not name.startswith("_")
    if public:
        declared = outside_readers.distribution(ctx.path)
        if declared is not None:
            return outside_readers.PUBLIC.format(label, declared)
    where = outside_readers.text_reader(ctx.path, name)
    if where is not None:
        return outside_readers.IN_TEXT.format(label, where, name)
    return None


def _unsent(site: Site) -> bool:
    return (
        site.kind in _KINDS
        and site.status == Status.MANUAL
        and _UNUSED.match(site.reason) is not None
    )


def _assignment(ctx: ModuleContext, label: str, line: int) -> cst.Assign | None:
    """The one ``label = ...`` statement spanning ``line``."""
    found = [
        statement
        for statement in _Assignments.of(ctx.module)
        if len(statement.targets) == 1
        and ctx.code(statement.targets[0].target) == label
        and ctx.start(statement)[0] <= line <= ctx.end(statement)[0]
    ]
    return found[0] if len(found) == 1 else None


class _Assignments(cst.CSTVisitor):
    """Every ``=`` statement of a module."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[cst.Assign] = []

    def visit_Assign(self, node: cst.Assign) -> None:
        self.found.append(node)

    @classmethod
    def of(cls, module: cst.Module) -> list[cst.Assign]:
        visitor = cls()
        module.visit(visitor)
        return visitor.found


def _unread(
    ctx: ModuleContext,
    target: cst.BaseExpression,
    statement: cst.Assign,
    protected: frozenset[str],
    gone: set[int],
) -> str | None:
    """The name ``target`` binds when nothing reads it ("" for a function's
    local, which no other module can reach), else None."""
    if isinstance(target, cst.Name):
        return _unread_name(ctx, target, protected, gone)
    if not (
        isinstance(target, cst.Attribute)
        and isinstance(target.value, cst.Name)
        and target.value.value == "self"
    ):
        return None
    owner = ctx.ancestor(target, cst.ClassDef)
    name = target.attr.value
    if not isinstance(owner, cst.ClassDef) or name in protected:
        return None
    family = dead_attributes._family(ctx, owner)
    definitions, blocked = dead_attributes._definitions(ctx, family, name)
    if blocked or definitions != [statement]:
        return None  # set elsewhere too: that value may be read or sent
    if dead_attributes._reads(ctx, name, {id(statement)}, gone):
        return None
    return name


def _unread_name(
    ctx: ModuleContext, target: cst.Name, protected: frozenset[str], gone: set[int]
) -> str | None:
    scope = ctx.lexical_scope(target)
    bindings = list(scope[target.value]) if scope is not None else []
    if len(bindings) > 1 and isinstance(scope, FunctionScope):
        return _overwritten_local(ctx, target, scope, gone)
    if len(bindings) != 1 or not isinstance(
        bindings[0].scope, (GlobalScope, FunctionScope)
    ):
        return None
    if any(not dead_keys._inside(ctx, r.node, gone) for r in bindings[0].references):
        return None
    if isinstance(bindings[0].scope, FunctionScope):
        return None if _reads_all_locals(ctx, target) else ""
    name = target.value
    if name in protected or name in dead_keys._exported(ctx.module):
        return None
    if re.search(r"\b(?:globals|vars)\(|__getattr__", ctx.text):
        return None  # the module's names read by a name known at run time
    return name


def _reads_all_locals(ctx: ModuleContext, name: cst.Name) -> bool:
    """The function around ``name`` calls ``locals()`` or ``vars()``."""
    function = ctx.ancestor(name, cst.FunctionDef)
    return function is not None and bool(
        re.search(r"\b(?:locals|vars)\s*\(", ctx.code(function))
    )


def _overwritten_local(
    ctx: ModuleContext, target: cst.Name, scope: FunctionScope, gone: set[int]
) -> str | None:
    """ "" when a function's local bound again before any read can see this
    binding (``q = {"hapikey": k}`` then ``q = {"hapikey": k, "count": 1}``
    before the request): every access of the name is removed or runs only
    after a later plain assignment (:func:`reassigned.overwritten`)."""
    accesses = scope.accesses[target.value]
    if not all(a.scope is scope for a in scope.assignments[target.value]):
        return None  # global, nonlocal
    if _reads_all_locals(ctx, target):
        return None  # "...".format(**locals()) reads every local by name
    for access in accesses:
        if dead_keys._inside(ctx, access.node, gone):
            continue
        if not reassigned.overwritten(ctx, target, access.node):
            return None
    return ""


def _sources(
    ctx: ModuleContext, statement: cst.Assign, protected: frozenset[str], gone: set[int]
) -> list[str]:
    """Delete the names the value read (``api_key = environ["API_KEY"]``) that
    nothing reads now and only read the environment; their names."""
    removed: list[str] = []
    for name in dead_keys.roots(statement.value):
        scope = ctx.lexical_scope(statement)
        bindings = list(scope[name]) if scope is not None else []
        if len(bindings) != 1:
            continue
        node = getattr(bindings[0], "node", None)
        holder = ctx.parent(node) if isinstance(node, cst.Name) else None
        definition = (
            ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
        )
        if not (
            isinstance(node, cst.Name)
            and isinstance(definition, cst.Assign)
            and len(definition.targets) == 1
            and definition.targets[0].target is node
            and id(definition) not in gone
            and reads_environment(ctx, definition.value)
            and not literal(definition.value)  # a base URL: no read of a key
        ):
            continue
        bound = _unread_name(ctx, node, protected, gone)
        if bound is None:
            continue
        ctx.edits.statements[definition] = []
        gone.add(id(definition))
        if bound:
            removed.append(bound)
        for root in dead_keys.roots(definition.value):
            if root not in protected:
                dead_keys.remove_unused_import(ctx, definition, root, gone)
    return removed
