"""A key read in the branch that runs only when that same read is empty.

    access_token = self.credentials.get("access_token") or self.credentials.get("api_key")
    if access_token:
        self.client = HubSpot(access_token=access_token)
    else:
        self.client = HubSpot(api_key=self.credentials.get("api_key"))   <- never a key

(found in real code: a CRM adapter taking either credential, with a "legacy" branch
left behind). The ``else`` runs only when every operand of the ``or`` was empty,
so the key it reads there, the same lookup, is empty too: that line never sends a
key, and leaving it as it is keeps the program as it was.

The proof is narrow: the test is a plain name (``if t:`` with the key in ``else``,
or ``if not t:`` with it in the body), bound by the statement just before the
``if`` to an ``or`` one of whose operands is the same ``x.get("literal")`` (or
``x["literal"]``) as the key, on a plain receiver (a name or ``self.attr``); the
key's statement is the first of its branch (nothing in between can change the
mapping), outside any loop or nested function of its own.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.python.context import ModuleContext

NEVER_SENT = (
    "this branch runs only when {} is empty (the test of line {} is false): the "
    "key it reads there is empty too and no key is sent; left as it is (remove "
    "the branch by hand if it is dead)"
)


def never_sent(ctx: ModuleContext, key: cst.BaseExpression) -> str | None:
    """``NEVER_SENT`` where ``key`` is read only in the branch that runs when
    the same lookup was found empty just before (see the module's docstring)."""
    if not _plain_lookup(key):
        return None
    if ctx.ancestor(key, cst.Lambda, cst.SimpleStatementLine) is not ctx.ancestor(
        key, cst.SimpleStatementLine
    ):
        return None  # read later, when the lambda runs
    statement = ctx.ancestor(key, cst.SimpleStatementLine)
    block = ctx.parent(statement) if statement is not None else None
    if not isinstance(block, cst.IndentedBlock) or block.body[0] is not statement:
        return None
    branch = ctx.parent(block)
    test_if = ctx.parent(branch) if isinstance(branch, cst.Else) else branch
    if not isinstance(test_if, cst.If):
        return None
    in_else = isinstance(branch, cst.Else)
    tested = _tested_name(test_if.test, negated=not in_else)
    if tested is None:
        return None
    operands = _bound_just_before(ctx, test_if, tested)
    wanted = _shown(ctx, key)
    if operands is None or wanted not in (_shown(ctx, o) for o in operands):
        return None
    return NEVER_SENT.format(wanted, ctx.start(test_if)[0])


def _shown(ctx: ModuleContext, node: cst.CSTNode) -> str:
    return " ".join(ctx.code(node).replace('"', "'").split())


def _plain_lookup(node: cst.BaseExpression) -> bool:
    """``x.get("k")``, ``self.x.get("k")``, ``x["k"]``: a literal field of a
    plain receiver."""
    if isinstance(node, cst.Call):
        func = node.func
        if not (
            isinstance(func, cst.Attribute)
            and func.attr.value == "get"
            and len(node.args) == 1
            and node.args[0].keyword is None
            and not node.args[0].star
            and isinstance(node.args[0].value, cst.SimpleString)
        ):
            return False
        receiver = func.value
    elif isinstance(node, cst.Subscript) and len(node.slice) == 1:
        index = node.slice[0].slice
        if not (
            isinstance(index, cst.Index) and isinstance(index.value, cst.SimpleString)
        ):
            return False
        receiver = node.value
    else:
        return False
    if isinstance(receiver, cst.Name):
        return True
    return (
        isinstance(receiver, cst.Attribute)
        and isinstance(receiver.value, cst.Name)
        and receiver.value.value == "self"
    )


def _tested_name(test: cst.BaseExpression, negated: bool) -> str | None:
    """The name ``if t:`` tests (``if not t:`` when ``negated``)."""
    if negated:
        if not (
            isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not)
        ):
            return None
        test = test.expression
    return test.value if isinstance(test, cst.Name) else None


def _bound_just_before(
    ctx: ModuleContext, statement: cst.If, name: str
) -> list[cst.BaseExpression] | None:
    """The operands of ``name = a or b or ...``, the statement just before
    ``statement`` in its block."""
    block = ctx.parent(statement)
    body = getattr(block, "body", None)
    if not isinstance(body, (list, tuple)):
        return None
    at = next((i for i, s in enumerate(body) if s is statement), None)
    if not at:
        return None
    before = body[at - 1]
    if not (isinstance(before, cst.SimpleStatementLine) and len(before.body) == 1):
        return None
    assign = before.body[0]
    if not (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(assign.targets[0].target, cst.Name)
        and assign.targets[0].target.value == name
    ):
        return None
    operands: list[cst.BaseExpression] = []
    stack: list[cst.BaseExpression] = [assign.value]
    while stack:
        node = stack.pop()
        if isinstance(node, cst.BooleanOperation) and isinstance(node.operator, cst.Or):
            stack.extend([node.right, node.left])
        else:
            operands.append(node)
    return operands
