"""Dead key attributes: the class twin of :mod:`hapimigrate.python.dead_keys`.

``self.key = os.environ["HUBSPOT_API_KEY"]`` in ``__init__`` (or a class attribute
``key = os.environ[...]``) whose only read, ``self.key`` in a request, became the
provider's token would raise KeyError when the class is built (or imported) the day
the old variable is deleted. Such definitions are removed when nothing else reads
the attribute: no ``obj.key`` of any object in this module (its subclasses
included), no ``getattr(obj, "key")``, no ``vars()``/``__dict__``, and no other
module of the tree that imports this one names it (the tree pass hands those back
as ``protected``, see :func:`hapimigrate.run._keep_keys_read_elsewhere`). Else the
definition stays and is a ``manual`` setting site naming the reader: the old
variable stays required.
"""

from __future__ import annotations

import re

from typing import Mapping

import libcst as cst

from hapimigrate.python import dead_keys, leftover_reads
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.setting_values import may_raise, reads_environment

BLOCKED = (
    "nothing reads {} any more, but this definition cannot simply go (a field of "
    "a dataclass or model is a constructor parameter; or it sets several names): "
    "delete it by hand, or keep the old variable set"
)
_RECEIVERS = ("self", "cls")
# calls that read an attribute by its name, or every attribute at once
_BY_NAME = ("getattr", "hasattr", "attrgetter", "setattr", "delattr")
_ALL_ATTRIBUTES = ("vars", "asdict", "astuple", "model_dump")


def remove(
    ctx: ModuleContext,
    protected: frozenset[str],
    readers: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """Remove (or report) the definitions of the migrated ``self.<key>``
    attributes; the names of the attributes whose definitions go."""
    gone = dead_keys.removed_nodes(ctx)
    provider_names = {i.name or i.module.split(".")[0] for i in ctx.provider.imports}
    removed: list[str] = []
    looked_at: set[tuple[str, str]] = set()
    for attribute in ctx.key_attributes:
        if not (
            isinstance(attribute.value, cst.Name)
            and attribute.value.value in _RECEIVERS
        ):
            continue
        owner = ctx.ancestor(attribute, cst.ClassDef)
        name = attribute.attr.value
        if not isinstance(owner, cst.ClassDef):
            continue
        family = _family(ctx, owner)
        if (family[0].name.value, name) in looked_at:
            continue
        looked_at.add((family[0].name.value, name))
        definitions, blocked = _definitions(ctx, family, name)
        if not definitions and not blocked:
            continue  # set elsewhere: a caller's value, a base class of another module
        first = min([*definitions, *blocked], key=ctx.start)
        shown = f"{attribute.value.value}.{name}"
        live = _reads(ctx, name, {id(d) for d in definitions + blocked}, gone)
        if live:
            reader = dead_keys.uncovered(ctx, live)
            if reader is not None:
                reason = dead_keys.STILL_READ.format(
                    shown, dead_keys.where(ctx, reader)
                )
                dead_keys.report(ctx, first, reason)
            continue
        if name in protected:
            reason = dead_keys.elsewhere(shown, (readers or {}).get(name))
            dead_keys.report(ctx, first, reason)
            continue
        unsafe = [
            d
            for d in definitions
            if not reads_environment(ctx, d.value)
            and (blocked or not leftover_reads.settle(ctx, d, gone))
        ]
        for statement in unsafe:
            dead_keys.report(ctx, statement, dead_keys.STILL_REQUIRED.format(shown))
        for statement in blocked:
            if may_raise(ctx, getattr(statement, "value", None)):
                dead_keys.report(ctx, statement, BLOCKED.format(shown))
        if unsafe or blocked:
            continue
        for statement in definitions:
            ctx.edits.statements[statement] = []
            gone.add(id(statement))
        removed.append(name)
        for statement in definitions:
            for root in dead_keys.roots(statement.value):
                if root not in provider_names and root not in protected:
                    dead_keys.remove_unused_import(ctx, statement, root, gone)
    return tuple(removed)


def _family(ctx: ModuleContext, owner: cst.ClassDef) -> list[cst.ClassDef]:
    """``owner`` and the classes of this module it inherits from or that inherit
    from it, at any depth (by name), ``owner`` first."""
    classes = {c.name.value: c for c in ctx.index.classes}

    def bases(c: cst.ClassDef) -> set[str]:
        return {
            ctx.code(arg.value).split(".")[-1] for arg in c.bases if arg.keyword is None
        }

    family = [owner]
    names = {owner.name.value}
    grew = True
    while grew:
        grew = False
        for c in classes.values():
            if c.name.value in names:
                continue
            if bases(c) & names or any(c.name.value in bases(m) for m in family):
                family.append(c)
                names.add(c.name.value)
                grew = True
    return family


def _definitions(
    ctx: ModuleContext, family: list[cst.ClassDef], name: str
) -> tuple[list[cst.BaseSmallStatement], list[cst.BaseSmallStatement]]:
    """The statements giving the attribute its value in the family's classes:
    ``name = value`` in a class body, ``self.name = value`` (or annotated) in
    their methods; and those that cannot simply go (``self.a = self.b = ...``,
    a class-body annotation: a dataclass or model field, which is a constructor
    parameter)."""
    members = {id(c) for c in family}
    plain: list[cst.BaseSmallStatement] = []
    blocked: list[cst.BaseSmallStatement] = []
    for c in family:
        for line in c.body.body:
            if not isinstance(line, cst.SimpleStatementLine):
                continue
            for small in line.body:
                targets = _targets(small)
                if any(isinstance(t, cst.Name) and t.value == name for t in targets):
                    simple = isinstance(small, cst.Assign) and len(targets) == 1
                    (plain if simple else blocked).append(small)
    for node in ctx.index.attributes.get(name, ()):
        if not (isinstance(node.value, cst.Name) and node.value.value in _RECEIVERS):
            continue
        statement = ctx.ancestor(node, cst.BaseSmallStatement)
        if (
            node not in _targets(statement)
            or id(ctx.ancestor(node, cst.ClassDef)) not in members
        ):
            continue
        if statement in plain or statement in blocked:
            continue
        simple = (
            isinstance(statement, cst.Assign) and len(statement.targets) == 1
        ) or (isinstance(statement, cst.AnnAssign) and statement.value is not None)
        (plain if simple else blocked).append(statement)
    return plain, blocked


def _targets(statement: cst.CSTNode | None) -> list[cst.CSTNode]:
    """What a statement assigns to, as written (a tuple's elements too)."""
    if isinstance(statement, cst.Assign):
        found: list[cst.CSTNode] = []
        for target in statement.targets:
            if isinstance(target.target, (cst.Tuple, cst.List)):
                found.extend(e.value for e in target.target.elements)
            else:
                found.append(target.target)
        return found
    if isinstance(statement, (cst.AnnAssign, cst.AugAssign)):
        return [statement.target]
    return []


def _reads(
    ctx: ModuleContext, name: str, definitions: set[int], gone: set[int]
) -> list[cst.CSTNode]:
    """Every use of the attribute left after the migration, outside its
    definitions: ``anything.name``, a class body's bare ``name``,
    ``getattr(obj, "name")``, and code that reads every attribute at once."""
    found: list[cst.CSTNode] = []

    def kept(node: cst.CSTNode) -> bool:
        statement = ctx.ancestor(node, cst.BaseSmallStatement)
        return id(statement) not in definitions and not dead_keys._inside(
            ctx, node, gone
        )

    found.extend(n for n in ctx.index.attributes.get(name, ()) if kept(n))
    found.extend(n for n in ctx.index.attributes.get("__dict__", ()) if kept(n))
    for call in ctx.index.calls:
        func = ctx.code(call.func).split(".")[-1]
        if func in _ALL_ATTRIBUTES and kept(call):
            found.append(call)
        elif func in _BY_NAME and kept(call):
            named = call.args[1:2] if func != "attrgetter" else call.args
            if any(
                not isinstance(a.value, cst.SimpleString)  # a name known at run time
                or a.value.evaluated_value == name
                for a in named
            ):
                found.append(call)
    if re.search(r"\b__slots__\b", ctx.text):
        # __slots__ lists the attribute: code may read it by name through them
        found.extend(n for n in ctx.index.attributes.get("__slots__", ()) if kept(n))
        found.extend(
            n
            for c in ctx.index.classes
            for n in [c]
            if re.search(rf"__slots__[^\n]*['\"]{re.escape(name)}['\"]", ctx.code(c))
        )
    for c in ctx.index.classes:  # `other = key` in a class body reads it
        for line in c.body.body:
            if isinstance(line, cst.SimpleStatementLine):
                for small in line.body:
                    if name in _targets_names(small):
                        scope = ctx.lexical_scope(small)
                        for binding in scope[name] if scope is not None else ():
                            found.extend(
                                r.node for r in binding.references if kept(r.node)
                            )
    return found


def _targets_names(statement: cst.CSTNode) -> set[str]:
    return {t.value for t in _targets(statement) if isinstance(t, cst.Name)}
