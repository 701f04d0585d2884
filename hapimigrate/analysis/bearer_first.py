"""Code that already sends the key's value as a Bearer token on another path:
why its hapikey path stays for a person, said precisely.

Two shapes of code written during the move to tokens:

    def get_headers():                       # a token-type test
        key = load_hubspot_key()
        if is_bearer_token(key):
            headers["Authorization"] = f"Bearer {key}"
    def get_auth_params():
        key = load_hubspot_key()
        if not is_bearer_token(key):
            return {"hapikey": key}          # this site

    def check(self):                         # a Bearer attempt, then a fallback
        token = self._resolve_token()
        resp = httpx.get(URL, headers={"Authorization": f"Bearer {token}"})
        if resp.status_code == 200: return ...
        resp = httpx.get(f"{URL}&hapikey={token}")   # this site

Migrating either is deleting the hapikey path, so that the value always goes
as Bearer. That is not proven to keep the program's behaviour: which path runs
is decided at run time (the test's verdict on a value, the Bearer request's
answer), and with a value the test takes for a key, or a Bearer request that
fails, the program would do something else than before. So these sites stay
manual; :func:`token_test_reason` and :func:`fallback_reason` name the other
path, the value they share, and what the person does: put tokens in every
deployment's variable, then delete the hapikey path. Only where the SAME value
(one name, or two names bound by the same call) goes both ways.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.python.context import ModuleContext, walk

TOKEN_TEST = (
    "the key goes as hapikey only where {} (line {}) takes the value for no "
    "token; {}() at line {} sends the same value ({}) as a Bearer token "
    "otherwise: with a token in every deployment this branch never runs. Put "
    "tokens there, then delete this branch by hand (the test decides at run "
    "time, so hapimigrate does not)"
)
FALLBACK = (
    "{}() first sends the same value ({}) as a Bearer token (line {}) and tries "
    "it as hapikey here when that request fails: with a token the Bearer "
    "request answers. Put tokens in every deployment, then delete this "
    "fallback by hand (it also runs when the Bearer request fails, so removing "
    "it changes what a bad or expired token does: hapimigrate does not)"
)


def token_test_reason(ctx: ModuleContext, where: cst.CSTNode) -> str | None:
    """``if not is_bearer_token(key): return {"hapikey": key}`` with, in the
    module, ``if is_bearer_token(other): ...["Authorization"] = f"Bearer
    {other}"`` where ``other`` is bound by the same call as ``key``."""
    branch = _guarding_test(ctx, where)
    if branch is None:
        return None
    test, negated = branch
    call, value = test
    if not any(isinstance(n, cst.Name) and n.value == value.value for n in walk(where)):
        return None  # the test is of another value than the key sent here
    source = _bound_by(ctx, value)
    for other in walk(ctx.module):
        if not isinstance(other, cst.If) or other is ctx.ancestor(where, cst.If):
            continue
        found = _test_call(other.test)
        if found is None or found[2] == negated:
            continue  # another test, or the key's own side of it
        other_call, other_value, _ = found
        if ctx.code(other_call.func) != ctx.code(call.func):
            continue
        if other_value.value != value.value and (
            source is None or _bound_by(ctx, other_value) != source
        ):
            continue
        bearer = _bearer_of(ctx, other.body, other_value.value)
        if bearer is None:
            continue
        function = ctx.ancestor(other, cst.FunctionDef)
        name = (
            function.name.value
            if isinstance(function, cst.FunctionDef)
            else "this code"
        )
        shown = source or other_value.value
        return TOKEN_TEST.format(
            ctx.code(test[0]),
            ctx.start(call)[0],
            name,
            ctx.start(bearer)[0],
            shown,
        )
    return None


def fallback_reason(ctx: ModuleContext, key: cst.CSTNode | None) -> str | None:
    """A request of the key's function, before the key's, sending
    ``Authorization: Bearer <v>`` where the key's value is the same name ``v``."""
    if key is None:
        return None
    function = ctx.ancestor(key, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    names = {n.value for n in walk(key) if isinstance(n, cst.Name)}
    if isinstance(key, cst.Name):
        names.add(key.value)
    start = ctx.start(key)
    for node in walk(function.body):
        if not isinstance(node, cst.Call) or ctx.start(node) >= start:
            continue
        for arg in node.args:
            if arg.keyword is None or arg.keyword.value != "headers":
                continue
            for name in sorted(names):
                bearer = _bearer_of(ctx, arg.value, name)
                if bearer is not None and _same_binding(ctx, bearer, key, name):
                    return FALLBACK.format(
                        function.name.value, name, ctx.start(node)[0]
                    )
    return None


def _guarding_test(
    ctx: ModuleContext, where: cst.CSTNode
) -> tuple[tuple[cst.Call, cst.Name], bool] | None:
    """The ``if f(v)`` (``negated``: ``if not f(v)``) whose body holds
    ``where``; for its ``else``, the test taken the other way."""
    node: cst.CSTNode | None = where
    while node is not None and not isinstance(node, (cst.FunctionDef, cst.Module)):
        parent = ctx.parent(node)
        if isinstance(parent, cst.If):
            found = _test_call(parent.test)
            if found is None:
                return None
            call, value, negated = found
            if node is parent.body:
                return (call, value), negated
            if node is parent.orelse:
                return (call, value), not negated
            return None
        if isinstance(parent, cst.Else):
            grand = ctx.parent(parent)
            if isinstance(grand, cst.If):
                found = _test_call(grand.test)
                if found is None:
                    return None
                call, value, negated = found
                return (call, value), not negated
        node = parent
    return None


def _test_call(test: cst.BaseExpression) -> tuple[cst.Call, cst.Name, bool] | None:
    """``f(v)`` or ``not f(v)``: the call, ``v``, and whether it is negated."""
    negated = False
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        test, negated = test.expression, True
    if (
        isinstance(test, cst.Call)
        and isinstance(test.func, (cst.Name, cst.Attribute))
        and len(test.args) == 1
        and test.args[0].keyword is None
        and not test.args[0].star
        and isinstance(test.args[0].value, cst.Name)
    ):
        return test, test.args[0].value, negated
    return None


def _bound_by(ctx: ModuleContext, name: cst.Name) -> str | None:
    """``load_key()`` for ``key`` bound once, by ``key = load_key()``."""
    value = ctx.assigned_once(name)
    return ctx.code(value) if isinstance(value, cst.Call) else None


def _same_binding(
    ctx: ModuleContext, one: cst.CSTNode, other: cst.CSTNode, name: str
) -> bool:
    """``name`` read at ``one`` and at ``other`` is one binding of it."""
    scope = ctx.lexical_scope(one)
    bindings = list(scope[name]) if scope is not None else []
    return len(bindings) == 1 and scope is ctx.lexical_scope(other)


def _bearer_of(ctx: ModuleContext, node: cst.CSTNode, name: str) -> cst.CSTNode | None:
    """``f"Bearer {name}"`` or ``"Bearer " + name`` in ``node``."""
    for part in walk(node):
        if isinstance(part, cst.FormattedString):
            text = "".join(
                p.value for p in part.parts if isinstance(p, cst.FormattedStringText)
            )
            names = [
                p.expression.value
                for p in part.parts
                if isinstance(p, cst.FormattedStringExpression)
                and isinstance(p.expression, cst.Name)
            ]
            if text.strip().lower() == "bearer" and names == [name]:
                return part
        if (
            isinstance(part, cst.BinaryOperation)
            and isinstance(part.operator, cst.Add)
            and isinstance(part.left, cst.SimpleString)
            and str(part.left.evaluated_value).strip().lower() == "bearer"
            and isinstance(part.right, cst.Name)
            and part.right.value == name
        ):
            return part
    return None
