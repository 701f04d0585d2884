"""Paths on which a request cannot be made because its URL's local is unbound:

    def save(contact):
        if contact["email"]:
            url = BASE + "/search?q=" + contact["email"] + "&hapikey=" + KEY
        elif contact["lastname"]:
            url = BASE + "/search?q=" + contact["lastname"] + "&hapikey=" + KEY
        response = requests.get(url)

With no ``else``, the key is added "only when" a test passes; but where none
passes, ``url`` is unbound and ``requests.get(url)`` raises UnboundLocalError
before any request is made. So no request goes without the key, and the
header on every path changes nothing (found in a real contact-import script).

Proved only in the plain shape: the key's statement binds a function's local,
every binding of it inside the ``if`` chain carries the key, the others come
after the request, the request's URL argument is the local itself (or an
operand of a ``+`` chain: evaluated before the call), and no loop or
comprehension of the function holds the request (a later binding would reach
it on the next turn).
"""

from __future__ import annotations

import libcst as cst
from libcst.metadata import FunctionScope

from hapimigrate.python.context import ModuleContext
from hapimigrate.python.edits import plus_operands

_LOOPS = (cst.For, cst.While, cst.ListComp, cst.SetComp, cst.DictComp, cst.GeneratorExp)


def name_bound(
    ctx: ModuleContext, key: cst.CSTNode
) -> tuple[cst.Assign, cst.Name] | None:
    """The statement holding ``key`` and the one name it binds, when it is a
    plain ``name = value`` (``parameter_dict = {"hapikey": k}``); else None."""
    statement = ctx.ancestor(key, cst.BaseSmallStatement)
    if not (
        isinstance(statement, cst.Assign)
        and len(statement.targets) == 1
        and isinstance(statement.targets[0].target, cst.Name)
    ):
        return None
    return statement, statement.targets[0].target


def unbound_otherwise(
    ctx: ModuleContext, key: cst.CSTNode, chain: cst.If, request: cst.CSTNode
) -> bool:
    """Whether every path through the ``if`` chain ``chain`` that does not add
    ``key`` leaves the local it is bound to unbound at ``request`` (a call)."""
    bound = name_bound(ctx, key)
    if bound is None or not isinstance(request, cst.Call):
        return False
    _, target = bound
    scope = ctx.lexical_scope(target)
    if not isinstance(scope, FunctionScope) or not _reads_first(request, target.value):
        return False
    function = ctx.ancestor(request, cst.FunctionDef)
    if function is None or ctx.ancestor(chain, cst.FunctionDef) is not function:
        return False
    if _in_loop(ctx, request, function) or ctx.start(chain) >= ctx.start(request):
        return False
    request_end = ctx.end(ctx.ancestor(request, cst.BaseSmallStatement) or request)
    for binding in scope.assignments[target.value]:
        node = getattr(binding, "node", None)
        if not isinstance(node, cst.CSTNode):
            return False  # a parameter, an import: bound on entry
        bound = ctx.ancestor(node, cst.BaseSmallStatement) or node
        if ctx.inside(node, chain):
            if "hapikey" not in ctx.code(bound).lower():
                return False  # a branch binding it without the key
        elif ctx.start(bound) <= request_end:
            return False  # bound before the request, outside the chain
    return True


def _reads_first(request: cst.Call, name: str) -> bool:
    """The call's URL (first positional or ``url=``) is the name, or a ``+``
    chain with it as an operand: read before the call is made."""
    for position, arg in enumerate(request.args):
        if arg.star:
            return False
        is_url = (arg.keyword is None and position == 0) or (
            arg.keyword is not None and arg.keyword.value == "url"
        )
        if is_url:
            return any(
                isinstance(o, cst.Name) and o.value == name
                for o in plus_operands(arg.value)
            )
    return False


def _in_loop(ctx: ModuleContext, node: cst.CSTNode, function: cst.CSTNode) -> bool:
    current = ctx.parent(node)
    while current is not None and current is not function:
        if isinstance(current, _LOOPS):
            return True
        current = ctx.parent(current)
    return False
