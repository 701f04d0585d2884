"""Dead legacy key definitions: after the rewrite, ``API_KEY = os.environ[...]``
is read by nothing and would crash the app with KeyError the day the old variable
is deleted. Such a module-level definition is removed, with imports that only it
used. One that stays is never kept silently: still read here (outside the sites
left for a person), listed in ``protected`` (read by another module of the tree,
``readers`` says where) or in ``__all__``, or computed by a call that may do more
than read the environment, it is a ``manual`` setting site saying the old
variable stays required, and why.
"""

from __future__ import annotations

import os
from typing import Mapping

import libcst as cst
from libcst.metadata import FunctionScope, GlobalScope

from hapimigrate import tree_imports
from hapimigrate.model import Kind, Status
from hapimigrate.python.context import ModuleContext
from hapimigrate.python import import_effects, leftover_reads, startup_checks
from hapimigrate.python import still_read
from hapimigrate.python.exports import exported_names
from hapimigrate.python.edits import drop_items, plus_operands
from hapimigrate.python.setting_values import (
    decouple_reason,
    literal,
    reads_environment,
)

STILL_READ = (
    "{} is still read by {} after the migration (a check of the old key?): the "
    "old variable stays required; change that code, or keep the variable set"
)
STILL_REQUIRED = (
    "nothing in the tree reads {} any more, but this definition may do more than "
    "read the environment: delete it by hand, or keep the old variable set"
)
EXPORTED = (
    "{} is listed in __all__, so code outside this module may import it: the "
    "definition stays, and the old variable stays required; take it out of "
    "__all__ and delete it, or keep the variable set"
)
ELSEWHERE = "another module of the tree"
WRITTEN_ELSEWHERE = (
    "{} is set by {} (a test's patch, a start-up hook?), which needs it to "
    "exist, though nothing reads it after the migration: the definition stays; "
    "delete that code and this definition together, or keep both"
)


def elsewhere(name: str, where: str | None) -> str:
    """The reason a definition another module uses stays: it reads it
    (``health.py:7``), or only sets it (``tree_imports.SET_BY``)."""
    if where and where.startswith(tree_imports.SET_BY):
        return WRITTEN_ELSEWHERE.format(name, where[len(tree_imports.SET_BY) :])
    return STILL_READ.format(name, where or ELSEWHERE)


def remove(
    ctx: ModuleContext,
    protected: frozenset[str],
    readers: Mapping[str, str] | None = None,
) -> tuple[str, ...]:
    """Record the removals; the names of the definitions removed, and of the
    key imports that go unused (another module may import the name from this
    one: the tree pass keeps them then, see ``protected``). A definition
    that stays is reported (see the module's docstring); ``readers``: where
    another module reads a ``protected`` name (``health.py:7``)."""
    gone = removed_nodes(ctx)
    exported = _exported(ctx.module)
    provider_names = {i.name or i.module.split(".")[0] for i in ctx.provider.imports}
    removed: list[str] = []
    looked_at: set[str] = set()
    definitions: set[int] = set()  # two functions' own `key = os.getenv(...)`
    for key in ctx.key_names:
        name = key.value
        statement = _definition(ctx, key)
        if (statement is None and name in looked_at) or id(statement) in definitions:
            continue
        if statement is None:
            if name not in protected and name not in exported:
                # `from settings import API_KEY`: the import goes once nothing
                # reads it; listed, so that the tree pass keeps it where another
                # module imports the name from this one (`from props import KEY`)
                if remove_unused_import(ctx, key, name, gone):
                    removed.append(name)
            continue
        looked_at.add(name)
        definitions.add(id(statement))
        if id(statement) in ctx.token_definitions:
            continue  # reads the token now (python.local_guards)
        dotenv_note(ctx, statement, statement.value)
        binding = next(iter(ctx.lexical_scope(key)[name]))
        live = [
            ref.node for ref in binding.references if not _inside(ctx, ref.node, gone)
        ]
        if live:  # still read here: by a site left for a person, or not
            reader = uncovered(ctx, live)
            if reader is not None:
                place = where(ctx, reader)
                strict = STILL_READ.format(name, place)
                said = still_read.reason(ctx, name, statement, reader, place, strict)
                report(ctx, statement, said)
            continue
        local = isinstance(binding.scope, FunctionScope)  # no other module reads it
        if name in protected and not local:
            reason = elsewhere(name, (readers or {}).get(name))
            report(ctx, statement, reason)
            continue
        if name in exported and not local:
            report(ctx, statement, EXPORTED.format(name))
            continue
        if not reads_environment(ctx, statement.value) and not leftover_reads.settle(
            ctx, statement, gone
        ):
            report(ctx, statement, STILL_REQUIRED.format(name))
            continue
        check = startup_checks.outcome(ctx, statement, name)  # in a try: a check?
        if check.reason is not None:
            report(ctx, statement, check.reason)
            continue
        ctx.edits.statements[statement] = (
            [check.replacement] if check.replacement is not None else []
        )
        gone.add(id(statement))
        if not local:
            removed.append(name)
        for root in roots(statement.value):
            if root not in provider_names and root not in protected:
                remove_unused_import(ctx, statement, root, gone)
    for attribute in ctx.key_attributes:  # `settings.KEY`: `settings` may be unused now
        for root in roots(attribute):
            if root not in provider_names and root not in protected:
                remove_unused_import(ctx, attribute, root, gone)
    return tuple(removed)


def dotenv_note(
    ctx: ModuleContext, node: cst.CSTNode, value: cst.BaseExpression
) -> None:
    """A manual site when ``value`` reads the key with python-decouple while the
    token is read from ``os.environ`` (see setting_values.DOTENV)."""
    reason = decouple_reason(ctx, value)
    if reason is not None:
        report(ctx, node, reason)


def report(ctx: ModuleContext, statement: cst.CSTNode, reason: str) -> None:
    """A ``manual`` setting site on a kept definition (once per statement);
    none for a key written in the code, which needs no variable."""
    if literal(getattr(statement, "value", None)):
        return
    line = ctx.start(statement)[0]
    if not any(
        s.kind == Kind.SETTING and s.line == line and s.reason == reason
        for s in ctx.sites
    ):
        ctx.site(statement, Kind.SETTING, Status.MANUAL, reason)


def uncovered(ctx: ModuleContext, nodes: list[cst.CSTNode]) -> cst.CSTNode | None:
    """The first of ``nodes`` that no site covers (a site left for a person, a
    guard, a kept token already tells about the others)."""
    spans = [(s.line, s.end_line) for s in ctx.sites if s.status != Status.REWRITE]
    for node in sorted(nodes, key=ctx.start):
        line = ctx.start(node)[0]
        if not any(start <= line <= end for start, end in spans):
            return node
    return None


def where(ctx: ModuleContext, node: cst.CSTNode) -> str:
    """A place in this module, as a reason names it: ``configured() in crm.py``
    (no line: the module may be a slice of the file, see python.slicing)."""
    enclosing, base = ctx.enclosing_name(node), os.path.basename(ctx.path)
    if not enclosing:
        return f"code at the module level of {base}"
    if ctx.ancestor(node, cst.FunctionDef) is None:
        return f"the body of class {enclosing} in {base}"
    return f"{enclosing}() in {base}"


def _definition(ctx: ModuleContext, key: cst.Name) -> cst.Assign | None:
    """``NAME = value``, the one binding of ``key``, at module level."""
    scope = ctx.lexical_scope(key)
    if scope is None:
        return None
    bindings = list(scope[key.value])
    if len(bindings) != 1 or not isinstance(
        bindings[0].scope, (GlobalScope, FunctionScope)
    ):
        return None
    target = bindings[0].node
    holder = ctx.parent(target) if isinstance(target, cst.Name) else None
    statement = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
        return statement
    return None


def roots(value: cst.CSTNode) -> set[str]:
    """The names a value reads: ``os`` of ``os.environ["X"]``."""
    roots = set()
    stack = [value]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.Name):
            roots.add(node.value)
        elif isinstance(node, cst.Attribute):
            stack.append(node.value)
        else:
            stack.extend(node.children)
    return roots


def remove_unused_import(
    ctx: ModuleContext, near: cst.CSTNode, name: str, gone: set[int]
) -> bool:
    scope = ctx.lexical_scope(near)
    for binding in list(scope[name]) if scope is not None else ():
        node = getattr(binding, "node", None)
        if not isinstance(node, (cst.Import, cst.ImportFrom)) or isinstance(
            node.names, cst.ImportStar
        ):
            continue
        if any(not _inside(ctx, ref.node, gone) for ref in binding.references):
            continue
        index = next(
            (i for i, alias in enumerate(node.names) if _bound_name(alias) == name),
            None,
        )
        if index is None:
            continue
        previous = ctx.edits.statements.get(node, [node])
        current = previous[0] if previous and previous[0] is not None else node
        names = [a for a in current.names if _bound_name(a) != name]
        if _runs_something(ctx, node, node.names[index], whole=not names):
            continue  # import settings: its load_dotenv() must still run
        if not names:
            ctx.edits.statements[node] = []
        else:
            kept = {i for i, a in enumerate(current.names) if _bound_name(a) == name}
            ctx.edits.statements[node] = [
                current.with_changes(names=drop_items(current.names, kept))
            ]
        return True
    return False


def _runs_something(
    ctx: ModuleContext,
    statement: cst.Import | cst.ImportFrom,
    alias: cst.ImportAlias,
    whole: bool = True,
) -> bool:
    """Whether the module an import loads is one of the tree's that does more
    than bind names when imported (``load_dotenv()`` however nested, a module
    of the tree that does, ``logging.basicConfig``: :mod:`import_effects`):
    the import must stay for it (the token may come from there), as for a
    module outside the tree that is not a known library. Not ``whole``:
    other names of ``from x import`` stay, so ``x`` is still imported; only a
    submodule the name may be (``from pkg import settings``) counts."""
    name = ctx.code(alias.name).replace(" ", "")
    level = 0
    if isinstance(statement, cst.ImportFrom):
        level = len(statement.relative)
        source = ctx.code(statement.module).replace(" ", "") if statement.module else ""
        candidates = [f"{source}.{name}" if source else name]
        candidates += [source] if whole else []
    else:
        candidates = [name]
    found = False
    for dotted in filter(None, candidates):
        path = tree_imports.module_file(ctx.path, dotted, level)
        found = found or path is not None
        if path is not None and import_effects.runs_something(
            path, tree_imports.module_file
        ):
            return True
    # import const (not in the tree): what it does on import is unknown
    imported = name if isinstance(statement, cst.ImportFrom) else ""
    return (
        whole
        and not found
        and import_effects.unseen_may_run(candidates[-1], level, imported)
    )


def _bound_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return cst.Module([]).code_for_node(alias.name).split(".")[0]


class _Everything:
    """Any name: ``__all__`` is built in a way not read (a comprehension)."""

    def __contains__(self, name: object) -> bool:
        return True


def _exported(module: cst.Module) -> set[str] | _Everything:
    """The names ``__all__`` lists, however the module builds it (``+=``,
    ``.append``...); every name where that cannot be read."""
    names = exported_names(module)
    return _Everything() if names is None else names


def removed_nodes(ctx: ModuleContext) -> set[int]:
    """The nodes of the original tree that the edits take out."""
    edits = ctx.edits
    gone: set[int] = set()
    for chain, indexes in edits.drop_operands.items():
        operands = plus_operands(chain)
        gone.update(id(operands[i]) for i in indexes)
    for fstring, indexes in edits.drop_parts.items():
        gone.update(id(fstring.parts[i]) for i in indexes)
    for node, indexes in edits.drop_elements.items():
        gone.update(id(node.elements[i]) for i in indexes)  # type: ignore[attr-defined]
    for call, edit in edits.calls.items():
        gone.update(id(call.args[i]) for i in edit.drop_args)
        gone.update(
            id(call.args[i].value)
            for i, (_, value) in edit.rename.items()
            if value is not None  # a kept value (the caller's) stays read
        )
    for op in edits.percent_emptied:
        gone.add(id(op.right))
    gone.update(id(node) for node in edits.replace)
    for statement, replacement in edits.statements.items():
        if None not in replacement:
            gone.add(id(statement))
    return gone


def _inside(ctx: ModuleContext, node: cst.CSTNode | None, gone: set[int]) -> bool:
    while node is not None:
        if id(node) in gone:
            return True
        node = ctx.parent(node)
    return False
