"""Parameter mappings urlencoded by hand into a URL's text: the shapes the flow
walk (:mod:`hapimigrate.analysis.flow`) follows through, each proven to carry
the mapping's text on unchanged.

    return BASE + "contacts/v1/search/query?%s" % urlencode(params)
    encoded = urlencode(params); url = BASE + endpoint + "?%s" % encoded
    plain = {k: v for k, v in params.items() if k not in special}
    query = "&".join("%s=%s" % (k, v) for k, v in params.items())

A ``%`` template with one positional field whose right operand is a text
(``urlencode(...)``, or a name every binding of which is one) puts that text
into the field, as ``str()`` would; a filtered copy ``{k: v for k, v in
m.items() if ...}`` holds the mapping's items (some of them), unchanged; a
join of its pairs written ``"%s=%s" % (k, v)`` (or ``f"{k}={v}"``) is the
text of those pairs. Dropping the key's entry from the mapping drops it (its
pair) from each, nothing else; where the mapping, written inline, held only the
key, ``"/path?%s" % urlencode({})`` becomes ``"/path"`` (:func:`bare_query`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

from hapimigrate.python.context import ModuleContext, walk

# A ``%`` field: the same grammar as flow's (a mapping key, flags, width, precision).
_PERCENT_FIELD = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?:\*|\d+)?(?:\.(?:\*|\d+))?[a-zA-Z%]"
)

# Calls whose result is always a str (their argument's text, encoded).
_TEXT_CALLS = {
    "urllib.parse.urlencode",
    "urllib.urlencode",
    "requests.compat.urlencode",
    "six.moves.urllib.parse.urlencode",
    "urllib.parse.quote",
    "urllib.parse.quote_plus",
    "urllib.quote",
    "urllib.quote_plus",
    "builtins.str",
}


def percent_field(
    ctx: ModuleContext, node: cst.CSTNode, operation: cst.BinaryOperation
) -> bool | None:
    """``"...?%s" % urlencode(params)``: ``node``, the right operand of a
    written-out ``%`` template with exactly one positional ``%s`` field and a
    text for certain, is written into that field. Whether text follows the
    field (``True``/``False``); ``None`` when this is not that shape (a tuple
    or mapping operand, several fields, ``%r``, a value that may be a tuple)."""
    if not (
        isinstance(operation.operator, cst.Modulo)
        and operation.right is node
        and isinstance(operation.left, (cst.SimpleString, cst.ConcatenatedString))
    ):
        return None
    text = operation.left.evaluated_value
    if not isinstance(text, str):
        return None
    fields = [f for f in _PERCENT_FIELD.finditer(text) if f.group(0) != "%%"]
    if len(fields) != 1 or fields[0].group(0) != "%s":
        return None
    if not is_text(ctx, node):
        return None
    return bool(text[fields[0].end() :].replace("%%", "%").strip())


def is_text(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` is a str for certain: a call of ``urlencode``,
    ``quote`` or ``str``, a string, or a local name every binding of which (in
    its scope, none a parameter, a loop or a ``global``) is one of those."""
    if isinstance(node, cst.Call):
        return _text_call(ctx, node)
    if isinstance(
        node, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
    ):
        return True
    if not isinstance(node, cst.Name):
        return False
    scope = ctx.lexical_scope(node)
    if scope is None:
        return False
    bindings = list(scope.assignments[node.value])
    if not bindings:
        return False
    for binding in bindings:
        bound = getattr(binding, "node", None)
        assign = ctx.parent(ctx.parent(bound)) if bound is not None else None
        if not (
            isinstance(assign, cst.Assign)
            and len(assign.targets) == 1
            and isinstance(assign.targets[0].target, cst.Name)
            and assign.targets[0].target is bound
        ):
            return False
        value = assign.value
        if isinstance(value, cst.Name) or not is_text(ctx, value):
            return False
    return True


def _text_call(ctx: ModuleContext, call: cst.Call) -> bool:
    if ctx.qualified_names(call.func) & _TEXT_CALLS:
        return True
    func = call.func
    if _joins_text(call):  # "&".join(...)
        return True
    # a bare urlencode() not imported from anywhere known: not proven
    return (
        isinstance(func, cst.Attribute)
        and func.attr.value == "urlencode"
        and _names_urlencode_module(func)
    )


def _names_urlencode_module(func: cst.Attribute) -> bool:
    """``urllib.parse.urlencode``, ``urllib.urlencode``, ``parse.urlencode``,
    ``compat.urlencode`` written out (imports LibCST's qualified names missed)."""
    dotted = []
    value: cst.BaseExpression = func.value
    while isinstance(value, cst.Attribute):
        dotted.append(value.attr.value)
        value = value.value
    if not isinstance(value, cst.Name):
        return False
    dotted.append(value.value)
    path = ".".join(reversed(dotted))
    return path in ("urllib.parse", "urllib", "requests.compat")


def filtered_copy(ctx: ModuleContext, items: cst.Call) -> cst.DictComp | None:
    """``{k: v for k, v in params.items() if k not in special}``: the
    comprehension ``params.items()`` is iterated by, when it copies the items
    unchanged (the key and the value are the loop's two names, its one ``for``
    unpacks them, its filters call nothing): a mapping holding some of them."""
    comp_for = ctx.parent(items)
    if not (isinstance(comp_for, cst.CompFor) and comp_for.iter is items):
        return None
    comprehension = ctx.parent(comp_for)
    if not (
        isinstance(comprehension, cst.DictComp) and comprehension.for_in is comp_for
    ):
        return None
    names = _loop_names(comp_for)
    if names is None or not (
        isinstance(comprehension.key, cst.Name)
        and comprehension.key.value == names[0]
        and isinstance(comprehension.value, cst.Name)
        and comprehension.value.value == names[1]
    ):
        return None
    return comprehension


def _calls_something(test: cst.BaseExpression) -> bool:
    """Whether a filter calls anything (which might keep or send the value)."""

    class _Calls(cst.CSTVisitor):
        found = False

        def visit_Call(self, node: cst.Call) -> bool:
            self.found = True
            return False

        def visit_Lambda(self, node: cst.Lambda) -> bool:
            self.found = True
            return False

        def visit_NamedExpr(self, node: cst.NamedExpr) -> bool:
            self.found = True
            return False

    visitor = _Calls()
    test.visit(visitor)
    return visitor.found


def _joins_text(call: cst.Call) -> bool:
    """``"&".join(parts)``: a written-out string's ``join`` of one argument."""
    func = call.func
    return (
        isinstance(func, cst.Attribute)
        and func.attr.value == "join"
        and isinstance(func.value, (cst.SimpleString, cst.ConcatenatedString))
        and len(call.args) == 1
        and call.args[0].keyword is None
        and not call.args[0].star
    )


def joined_pairs(ctx: ModuleContext, items: cst.Call) -> cst.Call | None:
    """``"&".join("%s=%s" % (k, v) for k, v in params.items())`` (a list
    comprehension too, or ``f"{k}={v}"``): the ``join`` call whose text holds
    one ``name=value`` pair per item the filters keep, or None."""
    comp_for = ctx.parent(items)
    if not (isinstance(comp_for, cst.CompFor) and comp_for.iter is items):
        return None
    comprehension = ctx.parent(comp_for)
    if not (
        isinstance(comprehension, (cst.GeneratorExp, cst.ListComp))
        and comprehension.for_in is comp_for
    ):
        return None
    names = _loop_names(comp_for)
    if names is None or not _pair_text(comprehension.elt, *names):
        return None
    arg = ctx.parent(comprehension)
    join = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    if not (
        isinstance(join, cst.Call)
        and _joins_text(join)
        and join.args[0].value is comprehension
    ):
        return None
    return join


def _loop_names(comp_for: cst.CompFor) -> tuple[str, str] | None:
    """``for k, v in ...`` (one ``for``, not async, filters calling nothing):
    the two names, or None."""
    if comp_for.inner_for_in is not None or comp_for.asynchronous is not None:
        return None
    target = comp_for.target
    if not (
        isinstance(target, cst.Tuple)
        and len(target.elements) == 2
        and all(
            isinstance(e, cst.Element) and isinstance(e.value, cst.Name)
            for e in target.elements
        )
    ):
        return None
    key, value = (e.value.value for e in target.elements)  # type: ignore[attr-defined]
    if key == value or any(_calls_something(i.test) for i in comp_for.ifs):
        return None
    return key, value


def _pair_text(element: cst.BaseExpression, key: str, value: str) -> bool:
    """``"%s=%s" % (k, v)`` or ``f"{k}={v}"``: one pair's text."""
    if isinstance(element, cst.BinaryOperation):
        items = element.right
        return (
            isinstance(element.operator, cst.Modulo)
            and isinstance(element.left, cst.SimpleString)
            and element.left.evaluated_value == "%s=%s"
            and isinstance(items, cst.Tuple)
            and [getattr(e.value, "value", None) for e in items.elements]
            == [key, value]
            and all(isinstance(e.value, cst.Name) for e in items.elements)
        )
    if isinstance(element, cst.FormattedString):
        parts = element.parts
        return (
            len(parts) == 3
            and isinstance(parts[0], cst.FormattedStringExpression)
            and isinstance(parts[1], cst.FormattedStringText)
            and parts[1].value == "="
            and isinstance(parts[2], cst.FormattedStringExpression)
            and all(
                p.conversion is None and p.format_spec is None
                for p in (parts[0], parts[2])
            )
            and isinstance(parts[0].expression, cst.Name)
            and parts[0].expression.value == key
            and isinstance(parts[2].expression, cst.Name)
            and parts[2].expression.value == value
        )
    return False


@dataclass(frozen=True)
class BareQuery:
    """``"/deals/v1/pipelines?%s" % urlencode({"hapikey": KEY})`` once the
    key's entry goes: the whole ``%`` operation, and the string it becomes."""

    operation: cst.BinaryOperation
    text: cst.SimpleString


def bare_query(ctx: ModuleContext, mapping: cst.CSTNode) -> BareQuery | None:
    """The inline mapping ``mapping``, emptied, is the one argument of a
    ``urlencode`` call filling the one ``%s`` field of a plain string that
    ends with ``?%s`` and holds no other ``%``: the string without ``?%s``
    (what the operation gives once the mapping is empty, but the bare ``?``)."""
    arg = ctx.parent(mapping)
    call = ctx.parent(arg) if isinstance(arg, cst.Arg) else None
    if not (
        isinstance(call, cst.Call)
        and len(call.args) == 1
        and arg.keyword is None  # type: ignore[union-attr]
        and not arg.star  # type: ignore[union-attr]
        and ctx.qualified_names(call.func) & _URLENCODE
    ):
        return None
    operation = ctx.parent(call)
    if not (
        isinstance(operation, cst.BinaryOperation)
        and isinstance(operation.operator, cst.Modulo)
        and operation.right is call
        and isinstance(operation.left, cst.SimpleString)
        and not operation.left.lpar
    ):
        return None
    template = operation.left
    quote = template.quote
    body = template.value[len(template.prefix) + len(quote) : -len(quote)]
    if "f" in template.prefix.lower() or "b" in template.prefix.lower():
        return None
    if not body.endswith("?%s") or "%" in body[: -len("?%s")] or "\\" in body:
        return None
    if not _nothing_follows(ctx, operation):
        return None  # "...?%s" % urlencode(...) + "&limit=1": the ? stays
    text = template.value[: -len(quote) - len("?%s")] + quote
    return BareQuery(operation, cst.SimpleString(text))


def _nothing_follows(ctx: ModuleContext, operation: cst.BaseExpression) -> bool:
    """Whether no text can be added after ``operation``'s: it ends its ``+``
    chain, and the chain is handed to a call as it is, or bound to a name only
    ever handed to calls as it is (not ``url += "&limit=250"``, not
    ``f"{url}&offset={n}"``, not ``url + "&..."``)."""
    node: cst.CSTNode = operation
    parent = ctx.parent(node)
    while isinstance(parent, cst.BinaryOperation) and isinstance(
        parent.operator, cst.Add
    ):
        if parent.left is node:
            return False  # something is joined after it
        node, parent = parent, ctx.parent(parent)
    if isinstance(parent, cst.Arg):
        return True
    if not (
        isinstance(parent, cst.Assign)
        and len(parent.targets) == 1
        and isinstance(parent.targets[0].target, cst.Name)
    ):
        return False
    target = parent.targets[0].target
    scope = ctx.lexical_scope(target)
    if scope is None:
        return False
    for assignment in scope[target.value]:
        for ref in ctx.references(assignment):
            if not isinstance(ctx.parent(ref.node), cst.Arg):
                return False
        if isinstance(getattr(assignment, "node", None), cst.AugAssign):
            return False
    return not any(
        isinstance(n, cst.AugAssign)
        and isinstance(n.target, cst.Name)
        and n.target.value == target.value
        for n in walk(ctx.ancestor(parent, cst.FunctionDef) or ctx.module)
    )


_URLENCODE = {
    "urllib.parse.urlencode",
    "urllib.urlencode",
    "requests.compat.urlencode",
    "six.moves.urllib.parse.urlencode",
}
