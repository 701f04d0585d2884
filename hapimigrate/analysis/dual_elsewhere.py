"""Dual-auth clients whose Authorization header is written in another function
than the one adding the key: the key's branch migrated where the request's
headers are a local bound to that builder's fresh dict (:func:`placement`),
otherwise the site's shape said precisely (:func:`reason`).

    def _get_headers(self):
        headers = {"Content-Type": "application/json"}
        if self.access_token:
            headers["Authorization"] = f"Bearer {self.access_token}"
        return headers

    def _make_request(self, method, endpoint, params=None):
        if self.api_key and not self.access_token:
            params = params or {}
            params["hapikey"] = self.api_key
        return self.session.request(method, url, headers=self._get_headers(), ...)

:mod:`dual_auth` migrates the key's branch where the OAuth branch of the same
test writes the header container in the same function; here the header is
built in another method. Where the function binds ``headers =
self._get_headers()`` before the key's test, the key's test negates the
builder's (``not self.access_token``), nothing runs between, and the builder's
dict can hold no other Authorization, :func:`placement` rebinds that local in
the key's branch (``headers = {**headers, "Authorization": ...}``): the key's
requests carry exactly one Authorization, the token, the builder and the
OAuth path as they were. Elsewhere (the dict kept on the instance, built
inline in the request: no local of the key's branch to rebind) ``attach``
keeps the site manual, and "another path" says too little to a person: this
module names the two lines and tells the two shapes apart:

- the key's test excludes the test of the header (``not self.access_token``
  conjoined there, ``if self.access_token:`` in the builder): the branches are
  exclusive, and the token belongs in the builder's branch for the key's mode
  (``EXCLUSIVE_ELSEWHERE``), which hapimigrate does not edit: another
  function's branch is reached by every caller of that function, not only by
  the key's requests;
- otherwise (the key added whenever it is set, or under a test of its own):
  both may hold for one request, which then carries the key and the header
  (``BOTH_ELSEWHERE``): which one each request sends is a decision.

A builder counts only where the functions sending the key's requests, or the
key's own function, call it by name: a header written for some unrelated
request of the module is not named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.analysis import dual_auth, guarded_header, values
from hapimigrate.analysis.flow import Route
from hapimigrate.python.context import ModuleContext, walk

EXCLUSIVE_ELSEWHERE = (
    "the key's branch ({} at line {}) runs only where {}() does not write its "
    "Authorization header (under {} at line {}): the token belongs in {}()'s "
    "branch for the key's mode, another function's code reached by all its "
    "callers; move it there by hand"
)
BOTH_ELSEWHERE = (
    "the key is added {}(line {}) and {}() writes an Authorization header under "
    "another test, {} (line {}): both may hold for one request, which would then "
    "carry both credentials; decide by hand which one each request sends"
)
UNPROVEN_ELSEWHERE = (
    "the key is added under {} (line {}) and {}() writes an Authorization header "
    "under {} (line {}), in another function: hapimigrate does not prove the two "
    "exclusive; only the key's branch may change, by hand"
)


@dataclass(frozen=True)
class Builder:
    """An Authorization header written under a test in another function."""

    function: cst.FunctionDef
    write: cst.Assign  # ``headers["Authorization"] = ...``
    test: cst.If  # the innermost ``if`` holding the write


def reason(ctx: ModuleContext, route: Route, key: cst.CSTNode | None) -> str | None:
    """EXCLUSIVE_ELSEWHERE, BOTH_ELSEWHERE or UNPROVEN_ELSEWHERE for ``route``, or None
    where its header is not built by another function its requests call."""
    if key is None:
        return None
    statement = ctx.ancestor(key, cst.BaseSmallStatement)
    function = ctx.ancestor(key, cst.FunctionDef)
    if statement is None or not isinstance(function, cst.FunctionDef):
        return None
    builder = _builder(ctx, route, function, statement)
    if builder is None:
        return None
    name = builder.function.name.value
    shown_test = dual_auth._shown(ctx, builder.test.test)
    test = dual_auth._innermost_if(ctx, statement, function)
    if test is not None and not ctx.inside(statement, test.body):
        return None  # an elif/else of the key's: its test is not the key's
    if test is not None and _excludes(ctx, test, builder.test):
        return EXCLUSIVE_ELSEWHERE.format(
            dual_auth._shown(ctx, test.test),
            ctx.start(test.test)[0],
            name,
            shown_test,
            ctx.start(builder.write)[0],
            name,
        )
    if test is not None and _plain(ctx.code(test.test)) == _plain(
        ctx.code(builder.test.test)
    ):
        return None  # the key's own test: its value as a Bearer (bearer_first)
    if test is not None and not (_presence(test.test) and _presence(builder.test.test)):
        return UNPROVEN_ELSEWHERE.format(
            dual_auth._shown(ctx, test.test),
            ctx.start(statement)[0],
            name,
            shown_test,
            ctx.start(builder.write)[0],
        )
    under = (
        f"under {dual_auth._shown(ctx, test.test)} " if test is not None else "always "
    )
    return BOTH_ELSEWHERE.format(
        under,
        ctx.start(statement)[0],
        name,
        shown_test,
        ctx.start(builder.write)[0],
    )


def _builder(
    ctx: ModuleContext,
    route: Route,
    keyed: cst.FunctionDef,
    statement: cst.BaseSmallStatement,
) -> Builder | None:
    """The one function writing ``x["Authorization"]`` under an ``if``: one
    called by name from ``keyed`` or from a function sending one of the
    route's requests, or ``keyed`` itself under a test of another ``if``
    chain than the key's (``if access_token: headers[...] = ...`` then ``if
    api_key: url += "?hapikey=..."``; one chain: :mod:`dual_auth`'s); None
    where there is none or several."""
    callers = [keyed]
    for sink in route.sinks:
        place = sink.call if sink.call is not None else sink.statement
        function = ctx.ancestor(place, cst.FunctionDef) if place is not None else None
        if isinstance(function, cst.FunctionDef):
            callers.append(function)
    for function in list(callers):  # ``self.headers = self._get_headers()``
        owner = ctx.ancestor(function, cst.ClassDef)
        if isinstance(owner, cst.ClassDef):
            callers += [
                f
                for f in owner.body.body
                if isinstance(f, cst.FunctionDef) and f.name.value == "__init__"
            ]
    called = {
        (
            node.func.attr.value
            if isinstance(node.func, cst.Attribute)
            else node.func.value
        )
        for caller in callers
        for node in walk(caller)
        if isinstance(node, cst.Call)
        and isinstance(node.func, (cst.Attribute, cst.Name))
        and (not isinstance(node.func, cst.Attribute) or _on_self(node.func))
    }
    found: list[Builder] = []
    for node in walk(ctx.module):
        if not isinstance(node, cst.FunctionDef) or (
            node is not keyed and node.name.value not in called
        ):
            continue
        for write in dual_auth._authorization_writes(ctx, node.body):
            if node is not keyed and ctx.inside(write, keyed):
                continue  # a nested function of the key's: seen as keyed's
            test = dual_auth._innermost_if(ctx, write, node)
            if test is None:
                return None  # written on every path: not a mode's branch
            if node is keyed and _one_chain(ctx, test, statement, keyed):
                return None
            found.append(Builder(node, write, test))
    return found[0] if len(found) == 1 else None


def _one_chain(
    ctx: ModuleContext,
    test: cst.If,
    statement: cst.BaseSmallStatement,
    function: cst.FunctionDef,
) -> bool:
    """Whether the header's ``if`` and the key's statement share an ``if``
    chain (either nested in the other's, or branches of one test)."""
    top = dual_auth._chain_top(ctx, test)
    if ctx.inside(statement, top):
        return True
    mine = dual_auth._innermost_if(ctx, statement, function)
    while mine is not None:
        if ctx.inside(test, dual_auth._chain_top(ctx, mine)):
            return True
        mine = dual_auth._innermost_if(ctx, mine, function)
    return False


def _on_self(func: cst.Attribute) -> bool:
    """``self.<m>(...)`` or ``cls.<m>(...)``: a method of the class."""
    return isinstance(func.value, cst.Name) and func.value.value in ("self", "cls")


def _excludes(ctx: ModuleContext, key_test: cst.If, header_test: cst.If) -> bool:
    """Whether the key's test holds only where the header's does not: it is
    ``not <T>`` or an ``and`` with a ``not <T>`` operand, ``<T>`` the header's
    whole test, by its code (an ``elif``/``else`` of the key is not read)."""
    wanted = _plain(ctx.code(header_test.test))
    for operand in _conjuncts(key_test.test):
        if (
            isinstance(operand, cst.UnaryOperation)
            and isinstance(operand.operator, cst.Not)
            and _plain(ctx.code(operand.expression)) == wanted
        ):
            return True
    return False


def _presence(test: cst.BaseExpression) -> bool:
    """A test of one value's presence alone (``self.api_key``, ``api_key``):
    two of them on two values are independent, both may hold."""
    return isinstance(test, cst.Name) or (
        isinstance(test, cst.Attribute) and isinstance(test.value, cst.Name)
    )


def _conjuncts(test: cst.BaseExpression) -> list[cst.BaseExpression]:
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And):
        return _conjuncts(test.left) + _conjuncts(test.right)
    return [test]


def _plain(code: str) -> str:
    return re.sub(r"\s+", "", code)


def placement(
    ctx: ModuleContext, route: Route, key: cst.CSTNode | None
) -> dual_auth.DualPlacement | None:
    """Where the key's branch puts the header when the request's headers are a
    local the function binds to a builder method's fresh dict, the builder
    writing the Authorization header under the test the key's test negates:

        headers = self._get_headers()   # Authorization only if self.access_token
        if self.api_key and not self.access_token:
            params["hapikey"] = self.api_key
        self.session.request(method, url, headers=headers, params=params)

    The key's branch rebinds the local to a copy with the header (the builder's
    dict is left as it was); None unless every step is proven:

    - the key's statement is plain (:func:`guarded_header.routed_statement`)
      in the body of an ``if`` whose test is ``not T`` or an ``and`` with a
      ``not T`` operand, ``T`` a ``self.<attr>`` (a class without bases or
      subclasses in the module, no property of that name, no ``__getattr__``),
      assigned nowhere in the function;
    - the local is bound once, before that test, in a block around it, to
      ``self.<builder>()`` with no argument, and no call runs between that
      binding and the test, nor in the test (nothing may change ``T`` there);
    - the builder (a method of the same class) binds one local to a dict
      display without an Authorization key, writes only literal keys into
      it, the one Authorization write in the body of ``if T:``, assigns no
      attribute, and returns that local on every return: on the key's branch
      its dict holds no Authorization, so the request carries one, the token;
    - every use of the local is the ``headers=`` of one of the key's requests,
      all made in the function after the test, or an item write/setdefault.
    """
    plain = guarded_header.routed_statement(ctx, route, key)
    if plain is None:
        return None
    statement, function = plain
    test = dual_auth._innermost_if(ctx, statement, function)
    if test is None or not ctx.inside(statement, test.body):
        return None
    negated = _negated(test.test)
    if not negated or _assigned(ctx, function, negated):
        return None
    owner = ctx.ancestor(function, cst.ClassDef)
    if not isinstance(owner, cst.ClassDef):
        return None
    bound = _bound_local(ctx, route, function, test)
    if bound is None:
        return None
    assign, name, method = bound
    builder = _method(ctx, owner, method)
    if builder is None or _dynamic(ctx, owner, negated):
        return None
    write = _builder_write(ctx, builder)
    if write is None:
        return None
    header_test = dual_auth._innermost_if(ctx, write, builder)
    if header_test is None or not ctx.inside(write, header_test.body):
        return None
    if _plain(ctx.code(header_test.test)) not in negated:
        return None
    return dual_auth.DualPlacement(
        statement, cst.Name(name), False, oauth=write, rebind=True
    )


def _negated(test: cst.BaseExpression) -> set[str]:
    """The codes ``T`` of the ``not T`` operands of the key's test
    (``self.<attr>`` only: a bare name may be another binding in the builder)."""
    found = set()
    for operand in _conjuncts(test):
        if isinstance(operand, cst.UnaryOperation) and isinstance(
            operand.operator, cst.Not
        ):
            inner = operand.expression
            if _self_attribute(inner):
                assert isinstance(inner, cst.Attribute)
                found.add(f"self.{inner.attr.value}")
    return found


def _self_attribute(node: cst.CSTNode) -> bool:
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
    )


def _assigned(ctx: ModuleContext, function: cst.FunctionDef, codes: set[str]) -> bool:
    """Whether the function assigns any of ``codes`` (``self.x = ``, ``x +=``,
    ``for x in``, ``with ... as x``, ``del``, a walrus: any binding target)."""
    for node in walk(function):
        targets: list[cst.CSTNode] = []
        if isinstance(node, cst.Assign):
            targets = [t.target for t in node.targets]
        elif isinstance(node, (cst.AugAssign, cst.AnnAssign)):
            targets = [node.target]
        elif isinstance(node, (cst.For, cst.CompFor)):
            targets = [node.target]
        elif isinstance(node, cst.AsName):
            targets = [node.name]
        elif isinstance(node, cst.NamedExpr):
            targets = [node.target]
        elif isinstance(node, cst.Del):
            targets = [node.target]
        elif isinstance(node, cst.Param) and node.name.value in codes:
            continue  # a parameter read as it came
        for target in targets:
            for part in walk(target):
                if isinstance(part, (cst.Name, cst.Attribute)) and (
                    _plain(ctx.code(part)) in codes
                ):
                    return True
    return False


def _bound_local(
    ctx: ModuleContext, route: Route, function: cst.FunctionDef, test: cst.If
) -> tuple[cst.Assign, str, str] | None:
    """The local every key request sends as ``headers=``, bound once before
    the test to ``self.<m>()`` (the assignment, the name, ``m``), used for
    nothing else; None otherwise."""
    names = set()
    for sink in route.sinks:
        call = sink.call
        if call is None or sink.remote is not None or sink.role == "session":
            return None
        if ctx.ancestor(call, cst.FunctionDef) is not function:
            return None
        if ctx.start(call) <= ctx.end(test):
            return None
        given = dual_auth._headers_arg(call)
        if not isinstance(given, cst.Name):
            return None
        if any(a.star or (a.keyword and a.keyword.value == "auth") for a in call.args):
            return None  # auth= (or maybe in **kwargs) sets one of its own
        if not _own_sender(ctx, call, function):
            return None
        names.add(given.value)
    if len(names) != 1:
        return None
    name = names.pop()
    scope = ctx.lexical_scope(function.body)
    bindings = list(scope.assignments[name]) if scope is not None else []
    if len(bindings) != 1:
        return None
    assign = values.sole_assign(ctx, getattr(bindings[0], "node", None))
    if assign is None or ctx.end(assign) >= ctx.start(test):
        return None
    block = ctx.ancestor(assign, cst.IndentedBlock)
    if block is None or not ctx.inside(test, block):
        return None
    value = assign.value
    if not (
        isinstance(value, cst.Call)
        and not value.args
        and isinstance(value.func, cst.Attribute)
        and _self_attribute(value.func)
    ):
        return None
    between = (ctx.end(assign), ctx.end(test.test))  # the test too
    for node in walk(function):
        if isinstance(node, cst.Call) and between[0] < ctx.start(node) < between[1]:
            return None  # a call before the test is read may change its value
    sent = {
        id(dual_auth._headers_arg(s.call)) for s in route.sinks if s.call is not None
    }
    for reference in ctx.references(bindings[0]):
        use = reference.node
        parent = ctx.parent(use)
        if id(use) in sent:
            continue
        if (
            isinstance(parent, cst.Subscript)
            and parent.value is use
            and isinstance(ctx.parent(parent), cst.AssignTarget)
            and _literal_key(parent)
            and not dual_auth._authorization_writes(ctx, ctx.parent(parent))
        ):
            continue  # another header's item, not a second Authorization
        if ctx.start(use) > ctx.end(test) and dual_auth._sets_default(ctx, use):
            continue
        return None
    return assign, name, value.func.attr.value


_SESSIONS = re.compile(
    r"(requests\.(sessions\.)?[Ss]ession|httpx\.(Async)?Client)\(\s*\)$"
)


def _own_sender(ctx: ModuleContext, call: cst.Call, function: cst.FunctionDef) -> bool:
    """``requests.<verb>(...)``, or ``self.<s>.<verb>(...)`` where every
    binding of ``self.<s>`` in the class is a new session built with no
    argument: not a caller's session, which may carry an Authorization of its
    own (an OAuth session) the request's header would override."""
    func = call.func
    if not isinstance(func, cst.Attribute):
        return False
    receiver = func.value
    if isinstance(receiver, cst.Name):
        return receiver.value in ("requests", "httpx")
    if not _self_attribute(receiver):
        return False
    assert isinstance(receiver, cst.Attribute)
    owner = ctx.ancestor(function, cst.ClassDef)
    if not isinstance(owner, cst.ClassDef):
        return False
    name = receiver.attr.value
    bound = 0
    for node in walk(owner):
        if isinstance(node, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
            targets = (
                [t.target for t in node.targets]
                if isinstance(node, cst.Assign)
                else [node.target]
            )
            for target in targets:
                if (
                    _self_attribute(target)
                    and isinstance(target, cst.Attribute)
                    and target.attr.value == name
                ):
                    value = getattr(node, "value", None)
                    if value is None or not _SESSIONS.match(ctx.code(value)):
                        return False
                    bound += 1
    if re.search(rf"\.{re.escape(name)}\s*=(?!=)", ctx.text) and not bound:
        return False
    return bound >= 1


def _method(
    ctx: ModuleContext, owner: cst.ClassDef, name: str
) -> cst.FunctionDef | None:
    """The class's one plain method of that name (no decorator), bound by
    nothing else in the class's body nor set on an object in the module
    (``self._get_headers = ...``)."""
    bound = [
        node
        for node in owner.body.body
        if (isinstance(node, cst.FunctionDef) and node.name.value == name)
        or (
            not isinstance(node, cst.FunctionDef)
            and re.search(rf"\b{re.escape(name)}\b", ctx.code(node))
        )
    ]
    if len(bound) != 1 or not isinstance(bound[0], cst.FunctionDef):
        return None
    if bound[0].decorators or bound[0].asynchronous:
        return None
    if re.search(rf"\.{re.escape(name)}\s*=(?!=)|setattr\(", ctx.text):
        return None
    return bound[0]


def _dynamic(ctx: ModuleContext, owner: cst.ClassDef, codes: set[str]) -> bool:
    """A class whose attribute reads or builder may be another code: a base
    (it may define them) or a subclass in the module (it may override the
    builder), ``__getattr__``, a method/property named as the test's
    attribute. Subclasses in other modules: ``attach`` (SUBCLASSED_ELSEWHERE)."""
    attributes = {c.split(".", 1)[1] for c in codes if c.startswith("self.")}
    if owner.bases:
        return True
    for node in walk(ctx.module):
        if isinstance(node, cst.ClassDef) and any(
            owner.name.value in ctx.code(base.value) for base in node.bases
        ):
            return True
    for node in owner.body.body:
        if isinstance(node, cst.FunctionDef) and (
            node.name.value in attributes
            or node.name.value in ("__getattr__", "__getattribute__")
        ):
            return True
    return False


def _builder_write(ctx: ModuleContext, builder: cst.FunctionDef) -> cst.Assign | None:
    """The one ``h["Authorization"] = ...`` of a builder whose every return
    gives back ``h``, bound once to a dict display without Authorization and
    only item-written with literal keys; None for any other builder."""
    writes = dual_auth._authorization_writes(ctx, builder.body)
    if len(writes) != 1:
        return None
    target = writes[0].targets[0].target
    assert isinstance(target, cst.Subscript)
    if not isinstance(target.value, cst.Name):
        return None
    local = target.value.value
    displays = 0
    for node in walk(builder.body):
        if isinstance(node, (cst.FunctionDef, cst.Lambda, cst.ClassDef)):
            return None
        if isinstance(node, (cst.Yield, cst.Global, cst.Nonlocal)):
            return None
        if isinstance(node, cst.Return):
            if not (isinstance(node.value, cst.Name) and node.value.value == local):
                return None
        if isinstance(node, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
            targets = (
                [t.target for t in node.targets]
                if isinstance(node, cst.Assign)
                else [node.target]
            )
            for assigned in targets:
                if isinstance(assigned, cst.Attribute):
                    return None  # the builder changes the instance
                if isinstance(assigned, cst.Name) and assigned.value == local:
                    if not isinstance(node, cst.Assign) or not _plain_display(
                        node.value
                    ):
                        return None
                    displays += 1
                elif (
                    isinstance(assigned, cst.Subscript)
                    and _plain(ctx.code(assigned.value)) == local
                ):
                    if not _literal_key(assigned):
                        return None
        if isinstance(node, cst.Name) and node.value == local:
            parent = ctx.parent(node)
            if isinstance(parent, cst.AssignTarget) or (
                isinstance(parent, cst.Return) and parent.value is node
            ):
                continue
            if (
                isinstance(parent, cst.Subscript)
                and parent.value is node
                and isinstance(ctx.parent(parent), cst.AssignTarget)
            ):
                continue
            return None  # headers.update(...), sign(headers), other = headers
    if displays != 1:
        return None
    return writes[0]


def _plain_display(value: cst.BaseExpression) -> bool:
    """A dict display of literal keys, none of them Authorization."""
    if not isinstance(value, cst.Dict):
        return False
    for element in value.elements:
        if not isinstance(element, cst.DictElement):
            return False  # **other: it may hold one
        if not isinstance(element.key, cst.SimpleString):
            return False
        if str(element.key.evaluated_value).lower() == "authorization":
            return False
    return True


def _literal_key(item: cst.Subscript) -> bool:
    return (
        len(item.slice) == 1
        and isinstance(item.slice[0].slice, cst.Index)
        and isinstance(item.slice[0].slice.value, cst.SimpleString)
    )
