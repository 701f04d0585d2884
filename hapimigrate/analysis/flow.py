"""Where does this value go? A small data-flow walk inside one module.

From a URL expression or a parameter mapping, :class:`Flow` follows the value up
through the expressions that carry it on (``+``, f-strings, ``%``, ``.format``,
``urlencode``), into the names it is assigned to and their uses, into local
functions it is passed to, out of the small helpers that return it, and through
``self.attr`` within a class, until it reaches the calls that send it. The result
is the list of those calls (:class:`Sink`); anything it cannot follow safely ends
the walk with :class:`FlowError`, whose message is the reason a person must look.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import ClassScope, GlobalScope

from hapimigrate.analysis import arguments, encoded_params, http_calls, kwargs, partials
from hapimigrate.analysis import imported_partials, reassigned, unfollowed_calls
from hapimigrate.analysis import framework_hooks, imported_entries
from hapimigrate.python.context import ModuleContext
from hapimigrate.analysis.http_calls import HttpCall


# Methods of a dict (or str) that read or update it in place, sending nothing.
def _names_the_key(call: cst.Call) -> bool:
    """``.get("hapikey")``, ``.pop("hapikey", None)``: a read of the key's entry."""
    first = call.args[0].value if call.args else None
    return (
        isinstance(first, cst.SimpleString)
        and str(first.evaluated_value).lower() == "hapikey"
    )


_NEUTRAL_METHODS = {
    "update",
    "setdefault",
    "pop",
    "get",
    "keys",
    "clear",
    "strip",
    "rstrip",
    "lstrip",
    "startswith",
    "endswith",
}
_COPYING_METHODS = {"copy", "encode", "decode"}
# a dict's entries read out with the key's value among them: followed where the
# flow knows them (a copy, urlencode, a filtered comprehension), else a stop
_ENTRY_METHODS = {"items", "values"}


# What a person calls the code a value is used in, for the reasons of manual sites.
_USES = {
    cst.DictElement: "a dict entry",
    cst.StarredDictElement: "a ** unpacking",
    cst.Element: "a list or tuple",
    cst.StarredElement: "a * unpacking",
    cst.Comparison: "a comparison",
    cst.ComparisonTarget: "a comparison",
    cst.UnaryOperation: "a negation",
    cst.Subscript: "an index",
    cst.SubscriptElement: "an index",
    cst.Index: "an index",
    cst.Slice: "a slice",
    cst.Yield: "a yield",
    cst.Lambda: "a lambda",
    cst.ListComp: "a list comprehension",
    cst.SetComp: "a set comprehension",
    cst.DictComp: "a dict comprehension",
    cst.GeneratorExp: "a generator expression",
    cst.CompFor: "a comprehension",
    cst.If: "an if test",
    cst.While: "a while test",
    cst.Assert: "an assert",
    cst.Raise: "a raise",
    cst.Del: "a del",
    cst.Global: "a global statement",
    cst.NamedExpr: "an assignment expression (:=)",
    cst.Decorator: "a decorator",
}


def _adds_missing_key(
    ctx: ModuleContext, node: cst.CSTNode, parent: cst.CSTNode
) -> cst.If | None:
    """``if "hapikey" not in node: node["hapikey"] = ...``: the test of a guard
    that adds the key when missing (see :func:`key_guard`)."""
    if not (isinstance(parent, cst.ComparisonTarget) and parent.comparator is node):
        return None
    guard = ctx.parent(ctx.parent(parent))
    if isinstance(guard, cst.If) and key_guard(guard, node):
        return guard
    return None


def key_guard(guard: cst.If, mapping: cst.CSTNode) -> bool:
    """``if "hapikey" not in m:``, ``if not m.get("hapikey"):`` or ``if
    m.get("hapikey") is None:`` with no else, whose body only sets
    ``m["hapikey"]``: a test that adds the key when missing, which goes with it."""
    if guard.orelse is not None or not _tests_missing_key(guard.test, mapping):
        return False
    body = guard.body.body
    lines = (
        [line.body for line in body]
        if isinstance(guard.body, cst.IndentedBlock)
        else [body]
    )
    for line in lines:
        if not isinstance(line, (list, tuple)):
            return False
        for statement in line:
            target = (
                statement.targets[0].target
                if isinstance(statement, cst.Assign) and len(statement.targets) == 1
                else None
            )
            if not (
                isinstance(target, cst.Subscript)
                and target.value.deep_equals(mapping)
                and len(target.slice) == 1
                and isinstance(target.slice[0].slice, cst.Index)
                and _is_key(target.slice[0].slice.value)
            ):
                return False
    return True


def _tests_missing_key(test: cst.BaseExpression, mapping: cst.CSTNode) -> bool:
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1:
        target = test.comparisons[0]
        if isinstance(target.operator, cst.NotIn):
            return _is_key(test.left) and target.comparator.deep_equals(mapping)
        if isinstance(target.operator, cst.Is):
            none = target.comparator
            return (
                isinstance(none, cst.Name)
                and none.value == "None"
                and _gets_key(test.left, mapping)
            )
        return False
    return (
        isinstance(test, cst.UnaryOperation)
        and isinstance(test.operator, cst.Not)
        and _gets_key(test.expression, mapping)
    )


def _gets_key(node: cst.BaseExpression, mapping: cst.CSTNode) -> bool:
    """``mapping.get("hapikey")``."""
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get"
        and node.func.value.deep_equals(mapping)
        and len(node.args) == 1
        and _is_key(node.args[0].value)
    )


def _is_none_test(ctx: ModuleContext, node: cst.CSTNode, parent: cst.CSTNode) -> bool:
    """``value is None`` / ``value is not None`` (either side)."""
    comparison = parent if isinstance(parent, cst.Comparison) else ctx.parent(parent)
    if not (
        isinstance(comparison, cst.Comparison) and len(comparison.comparisons) == 1
    ):
        return False
    target = comparison.comparisons[0]
    sides = (comparison.left, target.comparator)
    return (
        isinstance(target.operator, (cst.Is, cst.IsNot))
        and node in sides
        and any(isinstance(s, cst.Name) and s.value == "None" for s in sides)
    )


def _is_key(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.SimpleString) and node.evaluated_value == "hapikey"


class FlowError(Exception):
    """The value goes somewhere hapimigrate cannot follow safely."""


class Unused(FlowError):
    """A module-level name no code of this module reads: other modules may."""

    returns = False
    # a functools.partial() binding the key, the value of that name: its calls
    # in other modules are its requests (imported_partials)
    partial: tuple[cst.Call, imported_partials.Exported] | None = None

    def __init__(self, name: cst.Name) -> None:
        super().__init__(f"{name.value} is not used in this module")
        self.name = name


class NoUse(FlowError):
    """Nothing in this module reads the name or attribute the value is bound
    to (``node``): other modules, or the instances of a class, may."""

    def __init__(self, message: str, node: cst.CSTNode) -> None:
        super().__init__(message)
        self.node = node
        # reads of it not followed (a property read as ``client.auth``): the
        # requests they reach carry a key left for a person
        self.unfollowed: tuple[cst.CSTNode, ...] = ()


class UnusedReturn(Unused):
    """A module-level function returning the value that no code of this module
    calls: other modules may."""

    returns = True

    def __init__(self, name: cst.Name) -> None:
        FlowError.__init__(
            self,
            f"the value is returned by {name.value}(), which nothing in this module calls",
        )
        self.name = name


@dataclass(frozen=True)
class Sink:
    """Where a value is sent: a request call, or a session's params."""

    call: cst.Call | None
    info: HttpCall | None
    role: str  # "url", "params", "session" or "remote"
    session: cst.BaseExpression | None = None
    statement: cst.BaseSmallStatement | None = None
    # role "remote": a call of another module's helper that now sends the token
    # with the URL it is given (its module adds the header), and that URL
    remote: cst.Call | None = None
    value: cst.BaseExpression | None = None


@dataclass
class Route:
    """The sinks reached, and the formatting operations passed on the way."""

    sinks: list[Sink] = field(default_factory=list)
    appended: bool = False  # more text is added after the value at run time
    carrier: cst.CSTNode | None = None  # the largest expression first built around it
    # the formatting operations passed on the way: BinaryOperation(%) or Call(.format)
    formats: list[cst.CSTNode] = field(default_factory=list)
    # local functions entered through a parameter: (function, the call, the parameter)
    helpers: list[tuple[cst.FunctionDef, cst.Call, str]] = field(default_factory=list)
    # `if "hapikey" not in params: params["hapikey"] = KEY`: tests that only add
    # the key, which go with it
    key_guards: list[cst.If] = field(default_factory=list)
    # classes whose attributes carry the value: other modules must not read them
    classes: list[str] = field(default_factory=list)
    # module-level names the value is bound to: other modules may import them
    module_names: list[cst.Name] = field(default_factory=list)
    # module-level functions returning it: other modules may call them
    module_functions: list[cst.Name] = field(default_factory=list)
    returned: cst.BaseExpression | None = None  # what a function returns it in
    # the classes holding it as an attribute (``self.session``, a class-body
    # ``session``): (class, attribute); their instances may take it elsewhere
    held: list[tuple[cst.ClassDef, str]] = field(default_factory=list)
    # the functions (and methods) returning it, whose calls were followed
    returned_by: list[cst.FunctionDef] = field(default_factory=list)


class Flow:
    def __init__(
        self, ctx: ModuleContext, needs_format: bool = False, client: bool = False
    ) -> None:
        """``client``: the value is an HTTP session or client, whose request
        methods are the sinks (``session.get(url)``)."""
        self.ctx = ctx
        self.needs_format = needs_format
        self.client = client
        self.route = Route()
        self._seen: set[int] = set()
        self._logs_send_nothing = False  # see follow_parameter

    def follow(self, node: cst.CSTNode) -> Route:
        """Where the value of ``node`` goes."""
        self._from(node, formatted=False)
        return self.route

    def follow_client(self, client: cst.BaseExpression) -> Route:
        """The requests made with the session or client ``client`` names."""
        self._follow_name_or_attribute(client, formatted=False)
        return self.route

    def callers(self, function: cst.FunctionDef) -> list[cst.Call]:
        return self._callers(function)

    def follow_parameter(self, function: cst.FunctionDef, name: str) -> Route:
        """Where parameter ``name`` of ``function`` goes, as if a caller had
        handed it the value (a helper other modules hand keyed URLs:
        tree_wanted); its uses in logging calls send nothing."""
        self.route.helpers.append((function, None, name))  # type: ignore[arg-type]
        self._logs_send_nothing = True  # here and in the helpers it reaches
        scope = self.ctx.lexical_scope(function.body)
        uses = [
            ref.node
            for assignment in (scope.assignments[name] if scope is not None else ())
            if isinstance(getattr(assignment, "node", None), cst.Param)
            for ref in self.ctx.references(assignment)
        ]
        uses = [u for u in uses if not self._logged(u)]
        if not uses:
            raise FlowError(f"parameter {name} of {function.name.value}() is not used")
        for use in uses:
            self._from(use, False)
        return self.route

    def _logged(self, node: cst.CSTNode) -> bool:
        """Whether ``node`` is (inside) an argument of a logging call."""
        while (node := self.ctx.parent(node)) is not None:
            if isinstance(node, cst.Call) and http_calls.is_logging(self.ctx, node):
                return True
            if isinstance(node, (cst.BaseSmallStatement, cst.BaseCompoundStatement)):
                return False
        return False

    def follow_target(self, target: cst.BaseExpression, statement) -> Route:
        """Where a mapping goes that ``statement`` updates in place."""
        self._mapping_target(target, statement, formatted=False)
        return self.route

    # -- the walk ---------------------------------------------------------------
    def _from(self, node: cst.CSTNode, formatted: bool) -> None:
        if id(node) in self._seen:
            return
        self._seen.add(id(node))
        ctx = self.ctx
        parent = ctx.parent(node)
        if parent is None:
            raise FlowError("the value is not used")
        if isinstance(parent, cst.BinaryOperation):
            if isinstance(parent.operator, cst.Modulo) and parent.left is node:
                self.route.formats.append(parent)
                return self._from(parent, True)
            if isinstance(parent.operator, cst.Add):
                self.route.appended |= parent.left is node
                return self._from(parent, formatted)
            appended = encoded_params.percent_field(ctx, node, parent)
            if appended is not None:  # "...?%s" % urlencode(params)
                self.route.appended |= appended
                return self._from(parent, formatted)
            raise FlowError(
                f"the value is combined with '{ctx.code(parent.operator).strip()}'"
            )
        if isinstance(parent, cst.FormattedStringExpression):
            # f"{url}&count={n}": text after the value in the f-string
            self.route.appended |= _followed_in_fstring(ctx, parent)
        if isinstance(parent, cst.ConcatenatedString):
            self.route.appended |= parent.left is node
        if isinstance(
            parent,
            (
                cst.ConcatenatedString,
                cst.FormattedString,
                cst.FormattedStringExpression,
                cst.BooleanOperation,
                cst.Await,
            ),
        ):
            return self._from(parent, formatted)
        if isinstance(parent, cst.IfExp) and node is not parent.test:
            return self._from(parent, formatted)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            return self._attribute_use(parent, formatted)
        if isinstance(parent, cst.Subscript) and parent.value is node:
            return  # reading or setting one item sends nothing
        if self.route.carrier is None and not self._into_transparent(parent):
            self.route.carrier = node  # the whole expression that carries the value
        if isinstance(parent, cst.Arg):
            return self._argument(ctx.parent(parent), parent, node, formatted)
        if isinstance(parent, cst.WithItem) and parent.item is node:
            if parent.asname is None:
                return
            return self._into_target(parent.asname.name, parent, formatted)
        if isinstance(parent, (cst.Assign, cst.AnnAssign)) and parent.value is node:
            targets = (
                [t.target for t in parent.targets]
                if isinstance(parent, cst.Assign)
                else [parent.target]
            )
            for target in targets:
                self._into_target(target, parent, formatted)
            return
        if isinstance(parent, cst.AugAssign):
            self.route.appended |= parent.target is node
            return self._into_target(parent.target, parent, formatted)
        if isinstance(parent, cst.Return):
            return self._returned(parent, formatted)
        if isinstance(parent, cst.Expr):
            return  # a bare expression statement sends nothing
        if isinstance(parent, cst.Element) and self._into_percent(parent, formatted):
            return
        guard = _adds_missing_key(ctx, node, parent)
        if guard is not None:
            self.route.key_guards.append(guard)
            return
        if _is_none_test(ctx, node, parent):
            return  # `if params is None:` sends nothing
        if isinstance(parent, cst.StarredDictElement) and parent.value is node:
            # {**PARAMS, "limit": 10}: a new mapping holding the key
            return self._from(ctx.parent(parent), formatted)
        if isinstance(parent, cst.Call) and parent.func is node:
            raise FlowError(  # another module's functools.partial() binding the key
                f"the value is called at line {ctx.start(node)[0]} (a "
                "functools.partial() of another module?): hapimigrate does not "
                "follow what calling it sends"
            )
        where = _USES.get(type(parent), "an expression")
        if isinstance(parent, cst.DictElement) and parent.value is node:
            # kwargs = {"params": params} at the top, another module imports it
            where += imported_entries.entry_holder(ctx, parent)
        raise FlowError(  # no code quoted: it may hold a literal key
            f"the value is used in {where}, which hapimigrate does not follow"
        )

    def _into_percent(self, element: cst.Element, formatted: bool) -> bool:
        """``"%s%s?%s" % (BASE, path, urlencode(query))``: the value is one
        argument of a written-out ``%`` template (positional fields only, one
        per element); the text carries it on, as ``.format`` does."""
        ctx = self.ctx
        items = ctx.parent(element)
        operation = ctx.parent(items) if isinstance(items, cst.Tuple) else None
        if not (
            isinstance(operation, cst.BinaryOperation)
            and isinstance(operation.operator, cst.Modulo)
            and operation.right is items
            and isinstance(operation.left, (cst.SimpleString, cst.ConcatenatedString))
            and all(isinstance(e, cst.Element) for e in items.elements)
        ):
            return False
        text = operation.left.evaluated_value
        if not isinstance(text, str):
            return False
        fields = [
            f for f in _PERCENT_FIELD.finditer(text) if not f.group(0).endswith("%")
        ]
        if len(fields) != len(items.elements) or any("(" in f.group(0) for f in fields):
            return False
        index = next(i for i, e in enumerate(items.elements) if e is element)
        self.route.appended |= bool(text[fields[index].end() :].strip())
        self._from(operation, formatted)
        return True

    def _into_transparent(self, parent: cst.CSTNode) -> bool:
        call = self.ctx.parent(parent) if isinstance(parent, cst.Arg) else None
        return isinstance(call, cst.Call) and http_calls.is_transparent(self.ctx, call)

    def _only_tested(self, node: cst.CSTNode) -> bool:
        """``if not params.get("hapikey"):``: a guard testing the entry, which
        the add-the-key-if-missing rules read (not a value taken out)."""
        parent = self.ctx.parent(node)
        while isinstance(parent, (cst.UnaryOperation, cst.BooleanOperation)) or (
            isinstance(parent, cst.Comparison)
            and all(
                isinstance(t.comparator, cst.Name) and t.comparator.value == "None"
                for t in parent.comparisons
            )
        ):
            node, parent = parent, self.ctx.parent(parent)
        return (
            isinstance(parent, (cst.If, cst.While, cst.IfExp, cst.Assert))
            and parent.test is node
        )

    def _attribute_use(self, attribute: cst.Attribute, formatted: bool) -> None:
        call = self.ctx.parent(attribute)
        method = attribute.attr.value
        if self.client:
            if isinstance(call, cst.Call) and call.func is attribute:
                info = http_calls.method_request(call)
                if info is not None:
                    self.route.sinks.append(Sink(call, info, "url"))
                elif method == "send":  # client.send(request): built elsewhere
                    raise FlowError(
                        f"its .send() at line {self.ctx.start(call)[0]} sends a "
                        "request built elsewhere"
                    )
                return
            if method in http_calls.VERBS or method in ("request", "stream", "send"):
                raise FlowError(  # map(client.get, urls): requests not seen
                    f"its .{method} is handed on at line "
                    f"{self.ctx.start(attribute)[0]}"
                )
            return  # session.headers, session.mount(...): nothing sent here
        if not (isinstance(call, cst.Call) and call.func is attribute):
            raise FlowError(f"the value's .{method} is read")
        if method == "format":
            self.route.formats.append(call)
            return self._from(call, True)
        if method in _COPYING_METHODS or (
            method in _ENTRY_METHODS and isinstance(self.ctx.parent(call), cst.Arg)
        ):  # urlencode(sorted(params.items())): the pairs carry the key on
            return self._from(call, formatted)
        copy = (
            encoded_params.filtered_copy(self.ctx, call) if method == "items" else None
        )
        if copy is not None:  # {k: v for k, v in params.items() if ...}
            return self._from(copy, formatted)
        joined = (
            encoded_params.joined_pairs(self.ctx, call) if method == "items" else None
        )
        if joined is not None:  # "&".join("%s=%s" % (k, v) for k, v in p.items())
            return self._from(joined, formatted)
        if (
            method in ("get", "pop")
            and _names_the_key(call)
            and not (method == "get" and self._only_tested(call))
        ):
            # params.pop("hapikey"): once the entry goes, pop raises KeyError
            # and get gives None, where the key was read out
            raise FlowError(
                f"its key entry is read at line {self.ctx.start(call)[0]} "
                f'(.{method}("hapikey")): that read changes once it is gone'
            )
        if method in _ENTRY_METHODS:
            # [[k, v] for k, v in params.items()] posted elsewhere: the key's
            # value goes wherever the pairs go, and stops going once it is gone
            raise FlowError(
                f"its entries are read at line {self.ctx.start(call)[0]} "
                f"(.{method}()), the key's value among them: where they go "
                "stops getting it once the key entry is gone"
            )
        if method in _NEUTRAL_METHODS:
            return
        raise FlowError(unfollowed_calls.method_called(self.ctx, call, method))

    def _argument(
        self, call: cst.CSTNode | None, arg: cst.Arg, node, formatted
    ) -> None:
        ctx = self.ctx
        if not isinstance(call, cst.Call):
            raise FlowError("the value is passed in a way hapimigrate does not follow")
        info = http_calls.classify(ctx, call)
        if info is None:  # get_company(url, params=...): a partial of requests.get
            try:
                info = partials.called_request(ctx, call)
            except partials.PartialError as problem:
                raise FlowError(str(problem)) from None
        if info is not None:
            role = http_calls.argument_role(call, arg, info)
            if role not in ("url", "params"):
                raise FlowError(f"the value goes into the request's {role}")
            if self.needs_format and not formatted:
                raise FlowError("the URL template is sent before it is formatted")
            self.route.sinks.append(Sink(call, info, role))
            return
        if http_calls.is_transparent(ctx, call):
            return self._from(call, formatted)
        if (
            isinstance(call.func, cst.Attribute)
            and call.func.attr.value == "format"
            and isinstance(call.func.value, (cst.SimpleString, cst.ConcatenatedString))
            and not arg.star
        ):  # "{}?{}".format(url, urlencode(params)): the text carries it on
            self.route.appended |= _followed_in_format(call, arg)
            return self._from(call, formatted)
        if http_calls.is_logging(ctx, call) or http_calls.is_inspection(ctx, call):
            return
        if isinstance(call.func, cst.Attribute) and call.func.attr.value == "update":
            # other.update(mapping): the mapping's items now live in `other`
            return self._mapping_target(
                call.func.value, ctx.ancestor(call, cst.BaseSmallStatement), formatted
            )
        if partials.is_partial(ctx, call):  # functools.partial(requests.get, ...)
            return self._into_partial(call, arg, formatted)
        function = self.local_function(call)
        if function is None:
            if self._remote_helper(call, arg, formatted):
                return
            raise FlowError(
                f"the value is passed to {ctx.code(call.func)}(), which hapimigrate does not follow"
                + unfollowed_calls.outside_tree(ctx, call)
            )
        return self._into_parameter(function, call, arg, formatted)

    def _into_partial(self, call: cst.Call, arg: cst.Arg, formatted: bool) -> None:
        """``functools.partial(requests.get, params={"hapikey": K})``: the
        partial is the request, when every call of it is seen and keeps its
        arguments (:mod:`hapimigrate.analysis.partials`)."""
        try:
            found = partials.bound(self.ctx, call, arg)
        except partials.PartialError as problem:
            if problem.uncalled is not None:  # other modules' uses: reported there
                unused = Unused(problem.uncalled)
                unused.args = (str(problem),)
                exported = imported_partials.exported(self.ctx, call)
                if exported is not None:
                    unused.partial = (call, exported)
                raise unused from None
            raise FlowError(str(problem)) from None
        if found.role == "url" and self.needs_format and not formatted:
            raise FlowError("the URL template is sent before it is formatted")
        self.route.module_names += found.names
        self.route.module_functions += found.module_functions
        self.route.returned_by += found.functions
        self.route.sinks.append(Sink(call, found.info, found.role))

    def _remote_helper(self, call: cst.Call, arg: cst.Arg, formatted: bool) -> bool:
        """``fetch.get_json(url)`` of another module whose own migration made
        ``get_json`` send the token with the URL it is given: the value, given
        as that URL, is sent there (a sink of role ``remote``; the header is
        its module's to add, the key this one's to drop)."""
        carrier = self.ctx.remote_helpers.get(id(call))
        if carrier is None or arg.star or (self.needs_format and not formatted):
            return False
        positional = [a for a in call.args if a.keyword is None]
        if any(a.star for a in call.args):
            return False
        given = (
            arg.keyword.value == carrier.parameter
            if arg.keyword is not None
            else next(i for i, a in enumerate(positional) if a is arg)
            == carrier.position
        )
        value = arg.value if given else _params_given(call, arg, carrier)
        if value is None:
            return False
        self.route.sinks.append(
            Sink(
                None,
                _remote_method(call, carrier),
                "remote",
                remote=call,
                value=value,
            )
        )
        return True

    def _mapping_target(self, target, statement, formatted) -> None:
        kw = kwargs.params_of(self.ctx, target)
        if kw is not None:
            return self._wrapper_params(kw)
        if isinstance(target, cst.Attribute) and target.attr.value == "params":
            if not self._dotted_uses(target) and self._may_be_session(target.value):
                self.route.sinks.append(
                    Sink(None, None, "session", target.value, statement)
                )
                return
        return self._follow_name_or_attribute(target, formatted)

    def _may_be_session(self, owner: cst.BaseExpression) -> bool:
        """``session.params = ...``: ``self`` is a session only in a class
        deriving from one (a plain client's ``self.params`` sends nothing)."""
        if not (isinstance(owner, cst.Name) and owner.value in ("self", "cls")):
            return True
        home = self.ctx.ancestor(owner, cst.ClassDef)
        return home is not None and any(
            self.ctx.qualified_names(base.value) & http_calls.CLIENT_CONSTRUCTORS
            for base in home.bases
        )

    def _into_target(
        self, target: cst.BaseExpression, statement, formatted: bool
    ) -> None:
        if isinstance(target, cst.Name):
            return self._name_uses(target, formatted)
        if isinstance(target, (cst.Attribute, cst.Subscript)):
            return self._mapping_target(target, statement, formatted)
        raise FlowError(f"the value is stored in {self.ctx.code(target)}")

    def _wrapper_params(self, kw: cst.Name) -> None:
        """``kw["params"]`` of a wrapper's own ``**kw``: sent by the request
        that ``**kw`` reaches (see :mod:`hapimigrate.analysis.kwargs`)."""
        calls = kwargs.requests_passing(self.ctx, kw)
        if not calls:
            raise FlowError(
                f"the value is stored in {kw.value}, which leaves the function"
            )
        for call in calls:
            self.route.sinks.append(
                Sink(call, http_calls.classify(self.ctx, call), "params")
            )

    def _follow_name_or_attribute(self, target, formatted: bool) -> None:
        if isinstance(target, cst.Name):
            return self._all_uses(target, formatted)
        if isinstance(target, cst.Attribute):
            owner = self.ctx.ancestor(target, cst.ClassDef)
            if (
                isinstance(target.value, cst.Name)
                and target.value.value in ("self", "cls")
                and isinstance(owner, cst.ClassDef)
            ):
                self.route.held.append((owner, target.attr.value))
                heir = self._heir_reading(owner, target.attr.value)
                if heir is not None:  # its requests are not followed: a key lost
                    raise FlowError(
                        f"{self.ctx.code(target)} of {owner.name.value} is also read "
                        f"by subclass {heir}"
                    )
                self._not_read_by_name(target.attr.value)
            uses = self._dotted_uses(target)
            if not uses:
                raise NoUse(
                    f"{self.ctx.code(target)} is not used in this module", target
                )
            for use in uses:
                self._from(use, formatted)
            return
        raise FlowError(f"the value is stored in {self.ctx.code(target)}")

    def _name_uses(self, name: cst.Name, formatted: bool) -> None:
        """Follow the uses of the assignment that binds ``name``."""
        scope = self.ctx.lexical_scope(name)
        if scope is None:
            raise FlowError(f"{name.value} cannot be followed")
        found = False
        bindings = scope.assignments[name.value]
        if any(
            isinstance(self.ctx.parent(b.node), cst.AugAssign)
            for b in bindings
            if b.node is not name
        ):
            self.route.appended = True  # `url += "&more"` somewhere in the scope
        if isinstance(scope, ClassScope):
            return self._class_attribute_uses(name, formatted)
        for assignment in bindings:
            if getattr(assignment, "node", None) is name:
                found = True
                refs = [
                    r.node
                    for r in self.ctx.references(assignment)
                    if not reassigned.overwritten(self.ctx, name, r.node)
                ]
                if isinstance(scope, GlobalScope):
                    if not refs:
                        raise Unused(name)
                    self.route.module_names.append(name)
                if not refs:
                    raise FlowError(f"{name.value} is not used in this module")
                for ref in refs:
                    self._from(ref, formatted)
        if not found:
            raise FlowError(f"{name.value} cannot be followed")

    def _class_attribute_uses(self, name: cst.Name, formatted: bool) -> None:
        """A class attribute (``params = {"hapikey": KEY}`` in the class body):
        followed through ``self.params``, ``cls.params`` and ``Client.params`` in
        this module, while no subclass or other module may read it."""
        ctx = self.ctx
        owner = ctx.ancestor(name, cst.ClassDef)
        assert isinstance(owner, cst.ClassDef)
        label = f"{owner.name.value}.{name.value}"
        self.route.held.append((owner, name.value))
        if owner.name.value in ctx.shared_elsewhere:
            raise FlowError(
                f"{owner.name.value} is used by other modules of the tree (subclassed "
                f"or its {name.value} read): change them together, by hand"
            )
        for other in ctx.index.classes:
            for base in getattr(other, "bases", ()):
                if ctx.code(base.value).split(".")[-1] == owner.name.value:
                    raise FlowError(
                        f"{label} is also read by subclass {other.name.value}"
                    )
        self._not_read_by_name(name.value)
        uses = []
        for attribute in ctx.index.attributes.get(name.value, ()):
            receiver = attribute.value
            if isinstance(receiver, cst.Name) and receiver.value in ("self", "cls"):
                if ctx.ancestor(attribute, cst.ClassDef) is not owner:
                    continue
            elif not (
                isinstance(receiver, cst.Name) and receiver.value == owner.name.value
            ):
                continue
            holder = ctx.parent(attribute)
            if isinstance(
                holder, (cst.AssignTarget, cst.AugAssign, cst.AnnAssign, cst.Del)
            ):
                raise FlowError(f"{label} is set again ({ctx.start(attribute)[0]})")
            uses.append(attribute)
        if not uses:
            raise NoUse(f"{label} is not used in this module", name)
        self.route.classes.append(owner.name.value)
        for use in uses:
            self._from(use, formatted)

    def _all_uses(self, name: cst.Name, formatted: bool) -> None:
        """Follow every use of a mapping variable in its scope (it is mutated in
        place, so every binding may carry the key)."""
        scope = self.ctx.lexical_scope(name)
        if scope is None:
            raise FlowError(f"{name.value} cannot be followed")
        uses = [
            ref.node
            for assignment in scope[name.value]
            for ref in self.ctx.references(assignment)
            if ref.node is not name
        ]
        if self.client and isinstance(scope, ClassScope):
            # a session made in the class body: its uses there, then
            # self.session, cls.session and Hub.session
            for use in uses:
                self._from(use, formatted)
            return self._class_attribute_uses(name, formatted)
        if not uses:
            raise NoUse(f"{name.value} is not used after the key is set", name)
        for use in uses:
            self._from(use, formatted)

    def _heir_reading(self, owner: cst.ClassDef, name: str) -> str | None:
        """A subclass of ``owner`` in this module (at any depth) whose own
        code reads ``self.name`` or ``cls.name``: what it sends with it is not
        followed (:meth:`_dotted_uses` keeps to the class)."""
        ctx = self.ctx
        family = {owner.name.value}
        heirs: list[cst.ClassDef] = []
        grown = True
        while grown:
            grown = False
            for other in ctx.index.classes:
                if other is owner or other in heirs:
                    continue
                bases = {
                    ctx.code(b.value).split(".")[-1]
                    for b in getattr(other, "bases", ())
                }
                if bases & family:
                    heirs.append(other)
                    family.add(other.name.value)
                    grown = True
        for attribute in ctx.index.attributes.get(name, ()):
            receiver = attribute.value
            if not (
                isinstance(receiver, cst.Name) and receiver.value in ("self", "cls")
            ):
                continue
            home = ctx.ancestor(attribute, cst.ClassDef)
            if home is not None and any(home is heir for heir in heirs):
                return home.name.value
        return None

    def _not_read_by_name(self, attribute: str) -> None:
        """Raise where the module reads an object's ``attribute`` in a way the
        uses followed do not cover (``getattr(self, "params")``,
        ``type(self).URL_PARAMS``, ``self.__class__.URL_PARAMS``, ``vars(self)``,
        ``self.__dict__``):
        that request would lose the key and get no header."""
        name = re.escape(attribute)
        found = re.search(
            rf"""\b(?:getattr|hasattr|attrgetter)\(\s*[^,()]*,?\s*['"]{name}['"]"""
            rf"|\btype\(\s*\w+\s*\)\.{name}\b|\b__class__\.{name}\b"
            r"|\bself\.__dict__\b|\bvars\(\s*self\b",
            self.ctx.text,
        )
        if found is not None:
            line = self.ctx.text.count("\n", 0, found.start()) + 1
            raise FlowError(
                f"{attribute} is also read another way (line {line}: "
                f"{found.group(0).strip()}), which hapimigrate does not follow"
            )

    def _dotted_uses(self, target: cst.Attribute) -> list[cst.Attribute]:
        """Other places in the same class (or module) that read ``self.x``."""
        ctx = self.ctx
        text = ctx.code(target)
        home = ctx.ancestor(target, cst.ClassDef)
        uses = []
        for other in ctx.index.attributes.get(target.attr.value, ()):
            if other is target or ctx.code(other) != text:
                continue
            if home is not None and ctx.ancestor(other, cst.ClassDef) is not home:
                continue
            holder = ctx.parent(other)
            if isinstance(holder, cst.AssignTarget) or (
                isinstance(holder, (cst.AugAssign, cst.AnnAssign))
                and holder.target is other
            ):
                continue
            uses.append(other)
        return uses

    def _returned(self, ret: cst.Return, formatted: bool) -> None:
        ctx = self.ctx
        function = ctx.ancestor(ret, cst.FunctionDef, cst.Lambda)
        if not isinstance(function, cst.FunctionDef):
            raise FlowError("the value is returned from a lambda")
        callers: list[cst.BaseExpression] = list(self._callers(function))
        callers += self._property_reads(function)  # self.auth: a call too
        module_level = isinstance(ctx.parent(function), cst.Module)
        self.route.returned = ret.value
        self.route.returned_by.append(function)
        if not callers and module_level:
            raise UnusedReturn(function.name)
        if not callers:
            raise NoUse(
                f"the value is returned by {function.name.value}(), which nothing in this module calls"
                + (framework_hooks.base_reader(ctx, function) or ""),
                function.name,
            )
        if module_level:
            self.route.module_functions.append(function.name)
        for call in callers:
            self._from(call, formatted)

    def _property_reads(self, function: cst.FunctionDef) -> list[cst.Attribute]:
        """The reads ``self.name`` in its class of a ``@property`` (or a
        cached one): each runs the method. Read through anything but ``self``
        (``client.auth``), it is not followed: the use stays for a person."""
        ctx = self.ctx
        owner = ctx.parent(ctx.parent(function))
        if not isinstance(owner, cst.ClassDef) or not any(
            re.fullmatch(
                r"(?:[\w.]+\.)?(?:property|cached_property)", ctx.code(d.decorator)
            )
            for d in function.decorators
        ):
            return []
        reads = []
        for attribute in ctx.index.attributes.get(function.name.value, ()):
            holder = ctx.parent(attribute)
            if isinstance(holder, cst.Decorator) or (
                isinstance(holder, cst.Attribute) and holder.value is attribute
            ):
                continue  # @auth.setter
            if not (
                isinstance(attribute.value, cst.Name)
                and attribute.value.value == "self"
                and ctx.ancestor(attribute, cst.ClassDef) is owner
            ):
                error = NoUse(
                    f"the value is returned by the property {function.name.value}, "
                    f"read as {ctx.code(attribute)} at line {ctx.start(attribute)[0]}, "
                    "which hapimigrate does not follow",
                    function.name,
                )
                error.unfollowed = tuple(  # wherever it is read (conservative)
                    a
                    for a in ctx.index.attributes.get(function.name.value, ())
                    if not isinstance(ctx.parent(a), (cst.Decorator, cst.AssignTarget))
                )
                raise error
            if isinstance(holder, (cst.AssignTarget, cst.Del)) or (
                isinstance(holder, (cst.AugAssign, cst.AnnAssign))
                and holder.target is attribute
            ):
                raise NoUse(
                    f"the property {function.name.value} is also set or deleted "
                    f"(line {ctx.start(attribute)[0]})",
                    function.name,
                )
            reads.append(attribute)
        return reads

    def _callers(self, function: cst.FunctionDef) -> list[cst.Call]:
        ctx = self.ctx
        name = function.name.value
        owner = ctx.parent(ctx.parent(function))  # IndentedBlock -> ClassDef
        if isinstance(owner, cst.ClassDef):
            calls = []
            for attribute in ctx.index.attributes.get(name, ()):
                call = ctx.parent(attribute)
                if (
                    isinstance(call, cst.Call)
                    and call.func is attribute
                    and isinstance(attribute.value, cst.Name)
                    and attribute.value.value in ("self", "cls")
                    and ctx.ancestor(attribute, cst.ClassDef) is owner
                ):
                    calls.append(call)
            return calls
        scope = ctx.lexical_scope(function)
        calls = []
        if scope is None:
            return calls
        for assignment in scope.assignments[name]:
            if getattr(assignment, "node", None) is function:
                for ref in ctx.references(assignment):
                    call = ctx.parent(ref.node)
                    if isinstance(call, cst.Call) and call.func is ref.node:
                        calls.append(call)
        return calls

    def local_function(self, call: cst.Call) -> cst.FunctionDef | None:
        """The function of this module (or method of this class) ``call`` calls."""
        ctx = self.ctx
        func = call.func
        if isinstance(func, cst.Name):
            scope = ctx.lexical_scope(func)
            if scope is None:
                return None
            for assignment in scope[func.value]:
                node = getattr(assignment, "node", None)
                if isinstance(node, cst.FunctionDef):
                    return node
            return None
        if isinstance(func, cst.Attribute) and isinstance(func.value, cst.Name):
            if func.value.value not in ("self", "cls"):
                return None
            owner = ctx.ancestor(call, cst.ClassDef)
            if owner is None:
                return None
            for statement in owner.body.body:
                if (
                    isinstance(statement, cst.FunctionDef)
                    and statement.name.value == func.attr.value
                ):
                    return statement
        return None

    def _into_parameter(
        self, function: cst.FunctionDef, call: cst.Call, arg: cst.Arg, formatted: bool
    ) -> None:
        if arg.star:
            raise FlowError("the value is passed with * or **")
        name = arguments.parameter_of(function, call, arg)
        if name is None:
            raise FlowError(f"the value goes into *args of {function.name.value}()")
        self.route.helpers.append((function, call, name))
        scope = self.ctx.lexical_scope(function.body)
        uses = [
            ref.node
            for assignment in (scope.assignments[name] if scope is not None else ())
            for ref in self.ctx.references(assignment)
        ]
        if self._logs_send_nothing:
            uses = [u for u in uses if not self._logged(u)]
        if not uses:
            raise FlowError(f"parameter {name} of {function.name.value}() is not used")
        for use in uses:
            self._from(use, formatted)


def _params_given(call: cst.Call, arg: cst.Arg, carrier) -> cst.BaseExpression | None:
    """``arg`` given as the params of a helper its keyed callers hand the
    header (``model.Carrier.params``): the URL the call gives it (its host is
    the request's), or None."""
    if not getattr(carrier, "params", ""):
        return None
    positional = [a for a in call.args if a.keyword is None]
    if arg.keyword is not None:
        if arg.keyword.value != carrier.params:
            return None
    elif next(i for i, a in enumerate(positional) if a is arg) != (
        carrier.params_position
    ):
        return None
    for given in call.args:
        if given.keyword is not None and given.keyword.value == carrier.parameter:
            return given.value
    if 0 <= carrier.position < len(positional):
        return positional[carrier.position].value
    return None


def _remote_method(call: cst.Call, carrier) -> HttpCall | None:
    """The method of a wanted helper's request (``model.Carrier.wanted``): its
    own literal one, or the literal this call gives its method parameter."""
    if not getattr(carrier, "wanted", False):
        return None
    method = carrier.method
    if not method and carrier.method_parameter:
        positional = [a for a in call.args if a.keyword is None]
        given = [
            a
            for a in call.args
            if a.keyword and a.keyword.value == carrier.method_parameter
        ]
        if not given and 0 <= carrier.method_position < len(positional):
            given = [positional[carrier.method_position]]
        value = given[0].value if given else None
        if isinstance(value, cst.SimpleString) and isinstance(
            value.evaluated_value, str
        ):
            method = value.evaluated_value.upper()
    return HttpCall("remote", method or None, None)


def _followed_in_fstring(ctx, part: cst.FormattedStringExpression) -> bool:
    """Whether an f-string adds text after this part (or formats it)."""
    fstring = ctx.parent(part)
    if not isinstance(fstring, cst.FormattedString):
        return True
    parts = list(fstring.parts)
    last = parts and parts[-1] is part
    return not last or part.format_spec is not None or part.conversion is not None


_PERCENT_FIELD = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[a-zA-Z%]"
)


def _followed_in_format(call: cst.Call, arg: cst.Arg) -> bool:
    """Whether ``template.format(...)`` puts text after ``arg``'s field (True
    when that cannot be told: the field is used twice, formatted, unknown)."""
    assert isinstance(call.func, cst.Attribute)
    template = call.func.value
    text = (
        template.evaluated_value
        if isinstance(template, (cst.SimpleString, cst.ConcatenatedString))
        else None
    )
    if not isinstance(text, str):
        return True
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        return True
    positional = [a for a in call.args if a.keyword is None]
    wanted: int | str = (
        arg.keyword.value if arg.keyword is not None else positional.index(arg)
    )
    fields, auto = [], 0
    for index, (_, named, spec, conversion) in enumerate(parsed):
        if named is None:
            continue
        name = re.split(r"[.\[]", named, maxsplit=1)[0]
        key: int | str = auto if name == "" else int(name) if name.isdigit() else name
        auto += name == ""
        if key == wanted:
            fields.append((index, bool(spec) or conversion is not None))
    if len(fields) != 1 or fields[0][1]:
        return True
    return any(
        literal or named is not None
        for literal, named, _, _ in parsed[fields[0][0] + 1 :]
    )
