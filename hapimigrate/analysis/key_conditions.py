"""Whether the key is added on some paths only: ``if self.SEND_KEY:
params["hapikey"] = self.api_key`` (or ``url += "&hapikey=" + KEY`` under a
test, or ``{"hapikey": KEY} if send else {}``) with the request made after the
test, on every path.

The header a migration gives the request goes on every path, so a request the
code made without the key (a mirror that must never see a credential, a public
call, a caller saying ``send_key=False``) would get the token. Such a use stays
for a person, naming the test, unless

- the request is made inside the same branch as the key (the test covers it);
- every branch of the test adds the key (``if eu: url = EU + "?hapikey=" + K
  else: url = US + "?hapikey=" + K``);
- the test is about the key itself being there (``if "hapikey" not in params:``),
  a guard the params fixer removes with the key;
- every binding of the name the request sends that can reach it holds the
  key, and a path with none raises before the request (``keyed_paths``).

A ``try:`` body with handlers counts as a branch too (an exception skips the
key), and so does an ``else:`` (the paths where its test fails). Where the
header can go right beside the key instead, it does (``guarded_header``).
The header of a session replacing its ``params`` line stays in place, in
the branch, so it is covered by the first rule (its statement is the sink's).
"""

from __future__ import annotations

import re
from typing import Callable

import libcst as cst

from hapimigrate.analysis import keyed_paths, prefix_names, unbound_paths, values
from hapimigrate.python.context import ModuleContext

CONDITIONAL_KEY = (
    "the key is added only when {} (line {}), and the request at line {} is also "
    "made without it: the token would go on every path (a host or a call that "
    "must not get a credential?); migrate by hand"
)
_QUOTED = re.compile(r"""(['"])[^'"]*\1""")
_SCOPES = (cst.FunctionDef, cst.Lambda, cst.ClassDef, cst.Module)


def conditional_key_problem(
    ctx: ModuleContext,
    sinks: list,
    key: cst.CSTNode | None,
    carries_key: Callable[[ModuleContext, cst.BaseExpression], bool],
) -> str | None:
    """The first test that adds ``key`` on some paths only while one of the
    ``sinks`` (flow's :class:`Sink`) is made outside that branch;
    ``carries_key``: attach's test of a value holding a key."""
    if key is None:
        return None
    targets = [
        node
        for sink in sinks
        for node in (sink.call or sink.remote or sink.statement,)
        if node is not None
    ]
    if not targets:
        return None
    if _already_keyed(ctx, key, carries_key):
        return None  # a key on the other path too: two credentials, said elsewhere
    child: cst.CSTNode = key
    parent = ctx.parent(key)
    while parent is not None and not isinstance(parent, _SCOPES):
        branch = _branch(parent, child)
        # an else: the paths where its If's test (and its elifs') fails
        test = ctx.parent(parent) if isinstance(parent, cst.Else) else parent
        if branch is not None and not _every_branch_keyed(ctx, test):
            for target in targets:
                if ctx.inside(target, branch):
                    continue
                if isinstance(test, cst.If) and unbound_paths.unbound_otherwise(
                    ctx, key, _chain_top(ctx, test), target
                ):
                    continue  # without the key, its local is unbound: it raises
                if keyed_paths.keyed_on_every_path(ctx, key, target):
                    continue  # each binding reaching it holds the key, or none: raises
                return CONDITIONAL_KEY.format(
                    _test_text(ctx, test, negated=test is not parent),
                    ctx.start(test)[0],
                    ctx.start(target)[0],
                )
        child, parent = parent, ctx.parent(parent)
    return None


def _chain_top(ctx: ModuleContext, node: cst.If) -> cst.If:
    """The first ``if`` of an ``if``/``elif`` chain."""
    parent = ctx.parent(node)
    while isinstance(parent, cst.If) and parent.orelse is node:
        node, parent = parent, ctx.parent(parent)
    return node


def _already_keyed(
    ctx: ModuleContext,
    key: cst.CSTNode,
    carries_key: Callable[[ModuleContext, cst.BaseExpression], bool],
) -> bool:
    """``params = dict(DEFAULT)`` (DEFAULT holding the key), then ``if api_key:
    params.update(hapikey=api_key)``: the mapping the key is added to holds a
    key already, so the request never goes without one; a caller's key written
    over the configured one is another rule's (attach's two credentials)."""
    statement = ctx.ancestor(key, cst.BaseSmallStatement)
    holder: cst.BaseExpression | None = None
    if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
        target = statement.targets[0].target
        holder = target.value if isinstance(target, cst.Subscript) else None
    elif isinstance(statement, cst.Expr) and isinstance(statement.value, cst.Call):
        func = statement.value.func
        if isinstance(func, cst.Attribute) and func.attr.value == "update":
            holder = func.value
    if not isinstance(holder, cst.Name):
        return False
    scope = ctx.lexical_scope(holder)
    bindings = list(scope[holder.value]) if scope is not None else []
    if len(bindings) != 1:
        return False  # bound again (query = {} on some path): not always keyed
    for binding in bindings:
        value = values.assigned_value(ctx, getattr(binding, "node", None))
        if value is None or ctx.inside(value, statement):
            continue
        if not _runs_before(ctx, value, statement):
            continue  # another branch's (if dict: p["hapikey"] = k; else: p = [...])
        for node in [value, *_arguments(value)]:
            if isinstance(node, cst.Name) and carries_key(ctx, node):
                return True
            if "hapikey" in ctx.code(node).lower():
                return True
    return False


def _runs_before(
    ctx: ModuleContext, value: cst.CSTNode, statement: cst.CSTNode
) -> bool:
    """Whether ``value``'s statement comes before ``statement`` in a block
    that holds it: it ran on every path to it."""
    line = ctx.ancestor(value, cst.SimpleStatementLine, cst.BaseCompoundStatement)
    block = ctx.parent(line) if line is not None else None
    return (
        block is not None
        and ctx.inside(statement, block)
        and not ctx.inside(statement, line)
        and ctx.start(line) < ctx.start(statement)
    )


def _arguments(value: cst.BaseExpression) -> list[cst.BaseExpression]:
    """``dict(DEFAULT)``, ``DEFAULT.copy()``, ``{**DEFAULT}``: what it copies."""
    if isinstance(value, cst.Call):
        found = [a.value for a in value.args]
        if isinstance(value.func, cst.Attribute):
            found.append(value.func.value)
        return found
    if isinstance(value, cst.Dict):
        return [
            e.value for e in value.elements if isinstance(e, cst.StarredDictElement)
        ]
    return []


def _branch(node: cst.CSTNode, child: cst.CSTNode) -> cst.CSTNode | None:
    """The branch of the test ``node`` that ``child`` is (None: not a branch,
    the test itself, or no test)."""
    if isinstance(node, cst.If) and child is node.body:
        return child
    if isinstance(node, cst.Else) and child is node.body:
        return child  # the paths where the If's test fails
    if isinstance(node, cst.If) and child is node.orelse:
        return None  # an elif or an else: met already, as a branch of its own
    if isinstance(node, cst.IfExp) and child in (node.body, node.orelse):
        return child
    if isinstance(node, cst.Try) and child is node.body and node.handlers:
        return child
    return None


def _every_branch_keyed(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether each path through the test adds a key too (or the test is the
    key's own presence: ``if "hapikey" not in params``)."""
    if isinstance(node, cst.Try):
        return False
    if isinstance(node, cst.IfExp):
        return all(_keyed(ctx, b) for b in (node.body, node.orelse))
    assert isinstance(node, cst.If)
    if _always(node.test):
        return True  # if True: every path
    while isinstance(ctx.parent(node), cst.If) and ctx.parent(node).orelse is node:
        node = ctx.parent(node)  # an elif: the paths of its whole chain
    if _keyed(ctx, node.test):
        return True
    branches: list[cst.CSTNode] = []
    current: cst.If | cst.Else | None = node
    while isinstance(current, cst.If):
        branches.append(current.body)
        current = current.orelse
    if current is None:
        return False  # no else: a path without the key
    branches.append(current.body)
    return all(_keyed(ctx, b) for b in branches)


def _always(test: cst.BaseExpression) -> bool:
    """``True`` or a non-zero number: a test every path passes."""
    if isinstance(test, cst.Name):
        return test.value == "True"
    return isinstance(test, cst.Integer) and test.evaluated_value != 0


def _keyed(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    # (or joined to a name holding "?hapikey=": URL + API_KEY + key)
    return "hapikey" in ctx.code(node).lower() or prefix_names.mentions_prefix(
        ctx, node
    )


def _test_text(ctx: ModuleContext, node: cst.CSTNode, negated: bool = False) -> str:
    """The test's code, its string literals elided (a key's value is never
    shown), shortened; ``negated``: the paths of an else."""
    if not isinstance(node, (cst.If, cst.IfExp)):
        return "no exception is raised"
    text = " ".join(ctx.code(node.test).split())
    text = "not " + text if negated else text
    text = _QUOTED.sub("'...'", text)
    return text if len(text) <= 60 else text[:57] + "..."
