"""Whether a request sends a name that holds the key on every path reaching it,
though the key is bound under a test (found in a Dataiku plugin):

    def get_values(apikey, properties_type, object_name):
        if object_name == "contacts":
            if properties_type == "Standard":
                parameter_dict = {"hapikey": apikey, "count": limit}
            elif properties_type == "All":
                parameter_dict = {"hapikey": apikey, "property": props}
        elif object_name == "companies":
            ...                                     # the same, keyed
        while has_more:
            r = requests.get(url_feat, params=parameter_dict)

No path binds ``parameter_dict`` without the key: where no branch binds it,
reading it raises UnboundLocalError before the request is made. A request that
sends a module-level ``url`` rebound to another keyed URL before it (a script's
second retry loop) is the same: the value it sends always holds a key.

Proved from the bindings that can reach the read, found structurally: walking
up from the read, the first plain ``name = ...`` line of an enclosing block
before it kills every binding outside the stretch from that line to the read's
statement (Python enters a block only at its start); with no such line every
binding of the scope counts, and so does the path with none, which raises
(a function's local; a module's global that is no builtin). Each binding that
counts must be a plain assignment whose value holds the key with the same
value as the key's own binding (a dict entry ``"hapikey": k``, ``dict(hapikey=k)``,
``"...hapikey=" + k``, an f-string's ``hapikey={k}``): a loop header, an
``except ... as``, a ``with ... as``, a parameter, an import, ``x += ...`` or a
keyless value keeps the site manual, and so does a key name bound twice
(``key = EU_KEY`` in one branch). So do a ``global``/``nonlocal`` of the
name anywhere in the module, a ``del`` of it (or of its entries), its key entry
set or popped again (``update`` with anything but other plain entries), and a
read inside a nested function, lambda or class body. The request must send the
value whole: the name, a ``+`` operand, an f-string's ``{name}``, or ``**name``
in a dict literal no later entry of which may set the key.
"""

from __future__ import annotations

import builtins

import libcst as cst
from libcst.metadata import FunctionScope, GlobalScope

from hapimigrate.analysis import http_calls, prefix_names, values
from hapimigrate.analysis.unbound_paths import name_bound
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.edits import plus_operands

_KEY = "hapikey"
_KEY_TAIL = "hapikey="
_NESTED = (cst.FunctionDef, cst.Lambda, cst.ClassDef)
_EMPTYING = {"pop", "popitem", "clear", "__delitem__"}


def keyed_on_every_path(
    ctx: ModuleContext, key: cst.CSTNode, request: cst.CSTNode
) -> bool:
    """Whether ``request`` (a call) sends, as an argument, the name ``key``'s
    statement binds (``parameter_dict = {"hapikey": k}``, ``url = ... +
    "?hapikey=" + k``), and every binding of it that can reach the request
    holds the same key (a path with none raises before the request)."""
    bound = name_bound(ctx, key)
    if bound is None or not isinstance(request, cst.Call):
        return False
    statement, target = bound
    own_key = _key_value(ctx, statement.value)
    if own_key is None:
        return False
    name = target.value
    scope = ctx.lexical_scope(target)
    if not isinstance(scope, (FunctionScope, GlobalScope)):
        return False  # a class body, a comprehension
    read = _argument_read(request, name)
    if read is None or ctx.lexical_scope(read) is not scope:
        return False  # not sent, or read in a nested scope (called who knows when)
    bindings = list(scope.assignments[name])
    if not bindings or any(b.scope is not scope for b in bindings):
        return False  # global or nonlocal: a call between may set it again
    holder = _scope_node(ctx, scope, read)
    if holder is None or _changed_elsewhere(ctx, holder, name):
        return False
    if _read_otherwise(ctx, scope, name, read):
        return False  # p = params, use_portal(params, key): changed out of sight
    reaching = _reaching(ctx, read, holder)
    if reaching is None:  # no line kills the others: every binding, or none
        if isinstance(scope, GlobalScope) and (
            name in vars(builtins) or _star_import(holder)
        ):
            return False  # unbound, the read finds a builtin or a star import's
        counted = bindings
    else:
        counted = [
            b
            for b in bindings
            if isinstance(getattr(b, "node", None), cst.CSTNode)
            and any(ctx.inside(b.node, part) for part in reaching)
        ]
    for binding in counted:
        node = getattr(binding, "node", None)
        if not isinstance(node, cst.Name):
            return False  # def, class, import: no value of ours
        if not isinstance(ctx.parent(node), cst.AssignTarget):
            return False  # a loop header, with/except as, :=, +=, a tuple
        value = values.assigned_value(ctx, node)
        if value is None:
            return False
        sent_key = _key_value(ctx, value)
        if sent_key is None or ctx.code(sent_key) != ctx.code(own_key):
            return False  # keyless, or another key (a second portal's?)
        if not _bound_once(ctx, sent_key):
            return False  # key = EU_KEY in one branch: the same text, another key
    return bool(counted)


def _bound_once(ctx: ModuleContext, key: cst.CSTNode) -> bool:
    """A key named the same in every binding means the same value: a name
    bound once in its scope (a parameter, a constant), or not a name."""
    if not isinstance(key, cst.Name):
        return True
    scope = ctx.lexical_scope(key)
    return scope is not None and len(scope[key.value]) <= 1


def _scope_node(
    ctx: ModuleContext, scope: FunctionScope | GlobalScope, read: cst.CSTNode
) -> cst.CSTNode | None:
    """The function (or module) whose scope ``scope`` is, the read inside its
    body and no nested function, lambda or class between (a decorator's or a
    default's read belongs to the outer scope but runs where the def is)."""
    owner = ctx.module if isinstance(scope, GlobalScope) else scope.node
    child: cst.CSTNode = read
    current = ctx.parent(read)
    while current is not None and not isinstance(current, (*_NESTED, cst.Module)):
        child, current = current, ctx.parent(current)
    if current is not owner:
        return None
    if isinstance(current, cst.FunctionDef) and child is not current.body:
        return None
    return current


def _star_import(module: cst.CSTNode) -> bool:
    """``from x import *`` anywhere in the module: names bound unseen."""
    found = _StarImports()
    module.visit(found)
    return found.found


class _StarImports(cst.CSTVisitor):
    def __init__(self) -> None:
        self.found = False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> None:
        self.found |= isinstance(node.names, cst.ImportStar)


def _argument_read(request: cst.Call, name: str) -> cst.Name | None:
    """The call's argument that sends ``name``'s value whole, read before the
    call is made: the name, an operand of a ``+`` chain, an f-string's
    ``{name}``, a dict's ``**name`` with no ``"hapikey"`` entry after it."""
    for arg in request.args:
        if arg.star:
            continue
        for operand in plus_operands(arg.value):
            if isinstance(operand, cst.Name) and operand.value == name:
                return operand
            if isinstance(operand, cst.FormattedString):
                for part in operand.parts:
                    if (
                        isinstance(part, cst.FormattedStringExpression)
                        and part.format_spec is None
                        and isinstance(part.expression, cst.Name)
                        and part.expression.value == name
                    ):
                        return part.expression
            if isinstance(operand, cst.Dict):
                found = _spread(operand, name)
                if found is not None:
                    return found
    return None


def _spread(value: cst.Dict, name: str) -> cst.Name | None:
    """``name`` of ``{**name, "offset": o}``, unless an entry after it sets
    the key again."""
    found: cst.Name | None = None
    for element in value.elements:
        if (
            isinstance(element, cst.StarredDictElement)
            and isinstance(element.value, cst.Name)
            and element.value.value == name
        ):
            found = element.value
        elif found is not None and not (
            isinstance(element, cst.DictElement)
            and isinstance(element.key, cst.SimpleString)
            and str(element.key.evaluated_value).lower() != _KEY
        ):
            return None  # the key (or anything that may hold it) set again
    return found


def _reaching(
    ctx: ModuleContext, read: cst.CSTNode, holder: cst.CSTNode
) -> list[cst.CSTNode] | None:
    """The statements whose bindings can reach ``read``: from the last plain
    ``name = ...`` line before it in an enclosing block to the statement
    holding it; None when no enclosing block up to ``holder`` has one."""
    assert isinstance(read, cst.Name)
    child: cst.CSTNode = read
    parent = ctx.parent(child)
    while parent is not None:
        if isinstance(parent, (cst.Module, cst.IndentedBlock)):
            body = list(parent.body)
            at = next(i for i, statement in enumerate(body) if statement is child)
            for start in range(at - 1, -1, -1):
                if _plainly_binds(body[start], read.value):
                    return body[start : at + 1]
        if parent is holder:
            return None
        child, parent = parent, ctx.parent(parent)
    return None


def _plainly_binds(statement: cst.CSTNode, name: str) -> bool:
    """``name = ...`` as a line of its own: it runs whenever the line after it does."""
    return isinstance(statement, cst.SimpleStatementLine) and any(
        isinstance(small, cst.Assign)
        and any(
            isinstance(t.target, cst.Name) and t.target.value == name
            for t in small.targets
        )
        for small in statement.body
    )


def _changed_elsewhere(ctx: ModuleContext, holder: cst.CSTNode, name: str) -> bool:
    """A ``global``/``nonlocal`` of the name anywhere in the module, a ``del``
    of it or of its entries, its key entry set again, or an entry popped or
    cleared (``params.pop("hapikey")``) inside ``holder``."""
    module = holder
    while ctx.parent(module) is not None:
        module = ctx.parent(module)
    finder = _Changes(name)
    module.visit(finder)
    if finder.declared:
        return True
    finder = _Changes(name)
    holder.visit(finder)
    return finder.changed


class _Changes(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        self.name = name
        self.declared = False
        self.changed = False

    def _is_name(self, node: cst.CSTNode) -> bool:
        return isinstance(node, cst.Name) and node.value == self.name

    def visit_Global(self, node: cst.Global) -> None:
        self.declared |= any(self._is_name(n.name) for n in node.names)

    def visit_Nonlocal(self, node: cst.Nonlocal) -> None:
        self.declared |= any(self._is_name(n.name) for n in node.names)

    def visit_Del(self, node: cst.Del) -> None:
        reads = _NameReads(self.name)
        node.target.visit(reads)
        self.changed |= reads.found

    def visit_Subscript(self, node: cst.Subscript) -> None:
        # params["hapikey"] = None: the entry set again (to what?)
        if self._is_name(node.value) and any(
            isinstance(s.slice, cst.Index)
            and isinstance(s.slice.value, cst.SimpleString)
            and str(s.slice.value.evaluated_value).lower() == _KEY
            for s in node.slice
        ):
            self.changed = True

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if (
            isinstance(func, cst.Attribute)
            and self._is_name(func.value)
            and func.attr.value in _EMPTYING
        ):
            self.changed = True
        if (
            isinstance(func, cst.Attribute)
            and self._is_name(func.value)
            and func.attr.value == "update"
            and not all(_keyless_update(arg) for arg in node.args)
        ):
            self.changed = True  # params.update(hapikey=None), .update(other)


def _read_otherwise(ctx: ModuleContext, scope, name: str, read: cst.Name) -> bool:
    """Whether the name is read other than by the request (``read``), a method
    of it (``params.get``, checked above) or a literal entry
    (``params["count"]``): bound to another name (``p = params; p["hapikey"] =
    portal_key``), handed to a helper that may set the key, an entry named by a
    variable (``params[AUTH_PARAM] = portal_key``)."""
    for access in scope.accesses[name]:
        node = access.node
        if node is read:
            continue
        parent = ctx.parent(node)
        call = ctx.parent(parent) if isinstance(parent, cst.Arg) else None
        if (
            isinstance(call, cst.Call)
            and _argument_read(call, name) is node
            and http_calls.classify(ctx, call) is not None
        ):
            continue  # another request sending it whole (decided on its own)
        if isinstance(parent, cst.Attribute) and parent.value is node:
            continue
        if (
            isinstance(parent, cst.Subscript)
            and parent.value is node
            and all(
                isinstance(s.slice, cst.Index)
                and isinstance(s.slice.value, (cst.SimpleString, cst.Integer))
                for s in parent.slice
            )
        ):
            continue
        return True
    return False


def _keyless_update(arg: cst.Arg) -> bool:
    """An argument of ``update`` that cannot set the key: ``offset=o``, or a
    dict literal of other plain string keys."""
    if arg.star:
        return False
    if arg.keyword is not None:
        return arg.keyword.value.lower() != _KEY
    return isinstance(arg.value, cst.Dict) and all(
        isinstance(e, cst.DictElement)
        and isinstance(e.key, cst.SimpleString)
        and str(e.key.evaluated_value).lower() != _KEY
        for e in arg.value.elements
    )


class _NameReads(cst.CSTVisitor):
    def __init__(self, name: str) -> None:
        self.name = name
        self.found = False

    def visit_Name(self, node: cst.Name) -> None:
        self.found |= node.value == self.name


def _key_value(ctx: ModuleContext, value: cst.BaseExpression) -> cst.CSTNode | None:
    """The key a bound value holds: ``k`` of ``{"hapikey": k, ...}``,
    ``dict(hapikey=k)``, ``... + "?hapikey=" + k + ...`` (or a name bound to
    such a prefix), ``f"...hapikey={k}..."``; None for any other value."""
    if isinstance(value, cst.Dict):
        for element in value.elements:
            if (
                isinstance(element, cst.DictElement)
                and isinstance(element.key, cst.SimpleString)
                and str(element.key.evaluated_value).lower() == _KEY
            ):
                return element.value
        return None
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "dict"
    ):
        for arg in value.args:
            if arg.keyword is not None and arg.keyword.value.lower() == _KEY:
                return arg.value
        return None
    if isinstance(value, cst.FormattedString):
        return _formatted_key(value)
    operands = plus_operands(value)
    for before, after in zip(operands, operands[1:]):
        if _ends_with_key(before) or (
            isinstance(before, cst.Name) and prefix_names.mentions_prefix(ctx, before)
        ):
            return after
        if isinstance(after, cst.FormattedString):
            found = _formatted_key(after)
            if found is not None:
                return found
    if len(operands) > 1 and isinstance(operands[0], cst.FormattedString):
        return _formatted_key(operands[0])
    return None


def _ends_with_key(node: cst.CSTNode) -> bool:
    """A string literal ending with ``hapikey=`` (the key follows it)."""
    if isinstance(node, cst.SimpleString) and "b" not in node.prefix.lower():
        text = node.evaluated_value
        return isinstance(text, str) and text.lower().endswith(_KEY_TAIL)
    return False


def _formatted_key(node: cst.FormattedString) -> cst.CSTNode | None:
    """``k`` of ``f"...hapikey={k}..."``."""
    parts = list(node.parts)
    for before, after in zip(parts, parts[1:]):
        if (
            isinstance(before, cst.FormattedStringText)
            and before.value.lower().endswith(_KEY_TAIL)
            and isinstance(after, cst.FormattedStringExpression)
        ):
            return after.expression
    return None
