"""Which module-level bindings of a name a module-level read can see.

    with open("secret_keys.json") as f:
        data = json.load(f)                  <- reaches the read below
    API_KEY = data["hubspot_api_key"]        <- the read (runs once, here)
    ...
    data = json.loads(response.text)         <- later: cannot reach it

A module's top-level statements run once, in order, when it is imported or run
as a script. A read in one of them (not in a function, a class body or a
comprehension: its name is looked up in the module's scope as it runs) sees
only what the statements before it, or its own statement (a loop reading and
rebinding the name), bound. A binding made by a later top-level statement
outside any function cannot have run yet, so it is not the read's source: a
script reusing ``data`` for each page's response after taking the key out of
its configuration file still reads the key from the file.

Bindings inside a function (``global data`` then ``data = ...``) are kept: when
the function runs is not read here. Writes through ``globals()`` are asked
elsewhere (:func:`hapimigrate.analysis.origins._globals_write`).
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import GlobalScope

from hapimigrate.python.context import ModuleContext

_OWN_SCOPES = (cst.FunctionDef, cst.ClassDef, cst.Lambda)


def seen_by_top_level_read(ctx: ModuleContext, name: cst.Name, bindings: list) -> list:
    """``bindings`` of ``name`` without those made by top-level statements that
    come after the read's own (outside any function or class): they run later.
    Every binding is kept where ``name`` is not read by a top-level statement
    of the module's scope."""
    if not isinstance(ctx.lexical_scope(name), GlobalScope):
        return bindings
    read_at = _top_statement_index(ctx, name)
    if read_at is None:
        return bindings
    own = _plain_assignment_of(ctx, ctx.module.body[read_at], name.value)
    kept = []
    for binding in bindings:
        node = getattr(binding, "node", None)
        at = _top_statement_index(ctx, node) if node is not None else None
        if (
            at is not None
            and at > read_at
            and isinstance(binding.scope, GlobalScope)
            and ctx.ancestor(node, *_OWN_SCOPES) is None
        ):
            continue  # bound by a statement that runs after the read
        if own is not None and node is own:
            continue  # config = json.loads(config): the value runs before the binding
        kept.append(binding)
    return kept


def _plain_assignment_of(
    ctx: ModuleContext, statement: cst.CSTNode, name: str
) -> cst.Name | None:
    """The target ``name`` of ``statement`` when it is a plain top-level
    ``name = value`` (one statement on the line, one target): a read of
    ``name`` in its value sees what was bound before, never this binding
    (``config = Variable.get("c")`` then ``config = json.loads(config)``)."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    assign = statement.body[0]
    if not isinstance(assign, cst.Assign) or len(assign.targets) != 1:
        return None
    target = assign.targets[0].target
    return target if isinstance(target, cst.Name) and target.value == name else None


def _top_statement_index(ctx: ModuleContext, node: cst.CSTNode) -> int | None:
    """The index, in the module's body, of the top-level statement holding
    ``node``."""
    current: cst.CSTNode | None = node
    parent = ctx.parent(current)
    while parent is not None and parent is not ctx.module:
        current, parent = parent, ctx.parent(parent)
    if parent is None:
        return None
    return next((i for i, s in enumerate(ctx.module.body) if s is current), None)


def reached_reads(
    ctx: ModuleContext, target: cst.Name, reads: list[cst.CSTNode]
) -> list[cst.CSTNode]:
    """The ``reads`` of a name that its module-level binding ``target`` may
    reach: LibCST ties every read of a name to every binding of it, but a
    top-level read before the binding's statement ran already, and one after a
    later top-level statement that plainly rebinds the name (``data =
    response.json()``, not in a branch or loop) sees that value instead. Reads in
    a function, a class body or a comprehension are all kept: when they run is
    not read here."""
    bound_at = _top_statement_index(ctx, target)
    if bound_at is None or ctx.ancestor(target, *_OWN_SCOPES) is not None:
        return reads
    rebound = _plain_top_rebindings(ctx, target.value)
    kept = []
    for read in reads:
        at = _top_statement_index(ctx, read)
        if (
            at is None
            or not isinstance(ctx.lexical_scope(read), GlobalScope)
            or ctx.ancestor(read, *_OWN_SCOPES) is not None
        ):
            kept.append(read)
        elif at < bound_at:
            continue  # ran before the binding
        elif any(bound_at < again < at for again in rebound):
            continue  # a later plain rebinding hides the binding from it
        else:
            kept.append(read)
    return kept


def _plain_top_rebindings(ctx: ModuleContext, name: str) -> list[int]:
    """The indexes of the module's top-level statements that are a plain
    ``name = ...`` (one statement on the line, one target)."""
    found = []
    for index, statement in enumerate(ctx.module.body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        if len(statement.body) != 1 or not isinstance(statement.body[0], cst.Assign):
            continue
        targets = statement.body[0].targets
        if (
            len(targets) == 1
            and isinstance(targets[0].target, cst.Name)
            and targets[0].target.value == name
        ):
            found.append(index)
    return found
