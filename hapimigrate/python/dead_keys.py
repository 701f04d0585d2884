"""Dead legacy key definitions: after the rewrite, ``API_KEY = os.environ[...]``
is read by nothing and would crash the app with KeyError the day the old variable
is deleted. Such a module-level definition is removed, with imports that only it
used. One still read (by a site left for a person, say) is kept; so is a name
listed in ``protected`` (read by another module of the tree) or in ``__all__``.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate.python.context import ModuleContext
from hapimigrate.python.edits import drop_items, plus_operands


def remove(ctx: ModuleContext, protected: frozenset[str]) -> tuple[str, ...]:
    """Record the removals; the names of the definitions removed (unused
    imports of a key go too, and are not listed: no other module can miss them
    but through a re-export, which hapimigrate does not guess at)."""
    gone = removed_nodes(ctx)
    exported = _exported(ctx.module)
    provider_names = {i.name or i.module.split(".")[0] for i in ctx.provider.imports}
    removed = []
    for key in ctx.key_names:
        name = key.value
        if name in protected or name in exported or name in removed:
            continue
        statement = _definition(ctx, key)
        if statement is None:
            # `from settings import API_KEY`: the import goes once nothing reads it
            remove_unused_import(ctx, key, name, gone)
            continue
        if not keylike(statement.value):
            continue
        binding = next(iter(ctx.lexical_scope(key)[name]))
        if any(not _inside(ctx, ref.node, gone) for ref in binding.references):
            continue  # still read
        ctx.edits.statements[statement] = []
        gone.add(id(statement))
        removed.append(name)
        for root in roots(statement.value):
            if root not in provider_names and root not in protected:
                remove_unused_import(ctx, statement, root, gone)
    for attribute in ctx.key_attributes:  # `settings.KEY`: `settings` may be unused now
        for root in roots(attribute):
            if root not in provider_names and root not in protected:
                remove_unused_import(ctx, attribute, root, gone)
    return tuple(removed)


def _definition(ctx: ModuleContext, key: cst.Name) -> cst.Assign | None:
    """``NAME = value``, the one binding of ``key``, at module level."""
    scope = ctx.lexical_scope(key)
    if scope is None:
        return None
    bindings = list(scope[key.value])
    if len(bindings) != 1 or not isinstance(bindings[0].scope, GlobalScope):
        return None
    target = bindings[0].node
    holder = ctx.parent(target) if isinstance(target, cst.Name) else None
    statement = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
        return statement
    return None


def keylike(value: cst.BaseExpression) -> bool:
    """A literal, an environment or settings lookup: nothing whose removal would
    skip a side effect."""
    if isinstance(
        value, (cst.SimpleString, cst.ConcatenatedString, cst.Name, cst.Attribute)
    ):
        return True
    if isinstance(value, cst.Subscript):  # os.environ["X"], config["hubspot"]["key"]
        return keylike(value.value)
    if isinstance(value, cst.Call):
        func = cst.Module([]).code_for_node(value.func)
        return func.endswith(("getenv", "environ.get")) and all(
            isinstance(a.value, (cst.SimpleString, cst.Name)) for a in value.args
        )
    return False


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
        if not names:
            ctx.edits.statements[node] = []
        else:
            kept = {i for i, a in enumerate(current.names) if _bound_name(a) == name}
            ctx.edits.statements[node] = [
                current.with_changes(names=drop_items(current.names, kept))
            ]
        return True
    return False


def _bound_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return cst.Module([]).code_for_node(alias.name).split(".")[0]


def _exported(module: cst.Module) -> set[str]:
    """The names in a literal ``__all__``."""
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and any(
                        isinstance(t.target, cst.Name) and t.target.value == "__all__"
                        for t in small.targets
                    )
                    and isinstance(small.value, (cst.List, cst.Tuple))
                ):
                    return {
                        str(e.value.evaluated_value)
                        for e in small.value.elements
                        if isinstance(e.value, cst.SimpleString)
                    }
    return set()


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
