"""Whether a use of a name can still see one of its assignments, or every path
to it passes a later plain assignment of the same name first:

    if contact["email"]:
        url = BASE + "/search?q=" + q + "&hapikey=" + KEY     # the key's URL
    response = requests.get(url)                             # sees it
    if response.json()["total"] == 0:
        url = BASE + "/contacts/v1/contact/"                 # url again
        requests.post(url, json=body, params=hapi)           # does not

LibCST's scope analysis is not flow-sensitive: both requests are accesses of
both assignments. Real code reuses ``url`` this way (found in a contact import
script), and the key's URL then seemed to reach the second request, whose own
key made each site wait for the others. The test is structural and cautious:
the reassignment must be a plain ``name = ...`` statement of a block that holds
the use, before it, with the first assignment outside that stretch and outside
every loop, ``try`` or other compound statement the use sits in on the way up.
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import FunctionScope

from hapimigrate.python.context import ModuleContext


def overwritten(ctx: ModuleContext, assigned: cst.Name, use: cst.CSTNode) -> bool:
    """Whether ``use`` (an access of ``assigned.value``) runs only after another
    plain assignment of that name, made after ``assigned``'s, in the same
    function."""
    name = assigned.value
    scope = ctx.lexical_scope(use)
    if not isinstance(scope, FunctionScope):
        return False  # module code, a class body, a comprehension
    bindings = scope.assignments[name]
    if len(bindings) < 2:
        return False  # nothing else binds it (most names: asked on every lookup)
    if not all(b.scope is scope for b in bindings):
        return False  # global or nonlocal: a call between may set it again
    function = _function(ctx, use)
    if function is None or _function(ctx, assigned) is not function:
        return False  # a closure's own binding
    child: cst.CSTNode = use
    parent = ctx.parent(child)
    while parent is not None:
        if isinstance(parent, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return False  # a closure or a class body: called who knows when
        body = _statements(parent)
        if body is not None:
            if ctx.inside(assigned, child):
                return False  # the same statement, loop, try, if or with
            at = next(i for i, statement in enumerate(body) if statement is child)
            for statement in reversed(body[:at]):
                if ctx.inside(assigned, statement):
                    return False  # the first assignment comes between
                if _assigns(statement, name):
                    return True
        child, parent = parent, ctx.parent(parent)
    return False


def _function(ctx: ModuleContext, node: cst.CSTNode) -> cst.CSTNode | None:
    current = ctx.parent(node)
    while current is not None and not isinstance(
        current, (cst.FunctionDef, cst.Lambda, cst.ClassDef)
    ):
        current = ctx.parent(current)
    return current if isinstance(current, cst.FunctionDef) else None


def _statements(node: cst.CSTNode) -> list[cst.CSTNode] | None:
    if isinstance(node, (cst.Module, cst.IndentedBlock)):
        return list(node.body)
    return None


def _assigns(statement: cst.CSTNode, name: str) -> bool:
    """``name = ...`` (or ``a = name = ...``, ``name: T = ...``) as a line of
    its own: it runs whenever the statement after it does."""
    if not isinstance(statement, cst.SimpleStatementLine):
        return False
    for small in statement.body:
        if isinstance(small, cst.Assign) and any(
            isinstance(t.target, cst.Name) and t.target.value == name
            for t in small.targets
        ):
            return True
        if (
            isinstance(small, cst.AnnAssign)
            and small.value is not None
            and isinstance(small.target, cst.Name)
            and small.target.value == name
        ):
            return True
    return False
