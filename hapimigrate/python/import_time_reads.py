"""The token read where the code runs at import stays as lenient as the key's.

A key read leniently (``os.environ.get("HUBSPOT_API_KEY")``, ``os.getenv``, a
name bound to one, another module's setting) lets the module be imported
without it: mocked unit tests, a command's ``--help``, a worker that never sends.
A rewrite that puts the provider's strict read (``os.environ["HUBSPOT_ACCESS_TOKEN"]``)
where it runs at import would make importing the module raise ``KeyError``
without the token. That is so wherever the rewritten code runs when the module
is imported: a module-level ``functools.partial(requests.get, params={"hapikey":
os.getenv(...)})``, a module-level session's params (``session.params = ...``,
now ``session.headers["Authorization"] = ...``), a module-level SDK client
(``HubSpot(api_key=os.environ.get(...))``), a class body, a parameter's default
or a decorator's argument of a function defined at import.

There the token is read leniently too: ``os.environ.get(NAME)`` where it is
handed on as a value (an SDK client's ``access_token=``), and
``os.environ.get(NAME, "")`` where ``"Bearer " + ...`` is computed at once (a
``None`` would raise ``TypeError`` there). With the token set, the requests are
the same; without it, the module imports as it did and the requests are
refused as they were. Only an environment provider is read leniently (a
provider function is the project's own), only where the key was read leniently
(a strict key read raised at import already)."""

from __future__ import annotations

import libcst as cst

from hapimigrate.fixers.attach import _may_be_unset
from hapimigrate.python.context import ModuleContext, walk

# the names of the arguments and params entries that hold the key
_KEY_NAMES = frozenset({"hapikey", "api_key", "apikey"})


def soften(ctx: ModuleContext) -> None:
    """Make the provider's token read leniently in this module's edits that
    run at import where the key they replace was read leniently."""
    if ctx._token is None:  # no edit reads the provider's token
        return
    strict = ctx.token()
    lenient = ctx.lenient_token()
    if ctx.code(strict) == ctx.code(lenient):  # not an environment provider
        return
    strict_code = ctx.code(strict)
    for call, edit in ctx.edits.calls.items():
        if not (runs_at_import(ctx, call) and _reads_key_leniently(ctx, call)):
            continue
        if edit.bearer is not None and strict_code in ctx.code(edit.bearer):
            edit.bearer = _softened(ctx, edit.bearer, strict_code, lenient)
        for index, (name, value) in list(edit.rename.items()):
            if value is not None and ctx.code(value) == strict_code:
                edit.rename[index] = (name, lenient)
    # a configured key handed to a constructor whose parameter takes the token
    # now (client = Client(API_KEY), API_KEY = os.getenv(...)): a value
    for original, replacement in list(ctx.edits.replace.items()):
        if (
            isinstance(original, cst.BaseExpression)
            and ctx.code(replacement) == strict_code
            and runs_at_import(ctx, original)
            and _may_be_unset(ctx, original)
        ):
            ctx.edits.replace[original] = lenient
    for statement, replacements in ctx.edits.statements.items():
        if not (
            runs_at_import(ctx, statement) and _reads_key_leniently(ctx, statement)
        ):
            continue
        ctx.edits.statements[statement] = [
            (_softened(ctx, each, strict_code, lenient) if each is not None else None)
            for each in replacements
        ]


def runs_at_import(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` is evaluated when the module is imported: not inside
    a function's or a lambda's body (a class body, a function's defaults and
    decorators are, where the definition itself is)."""
    child, parent = node, ctx.parent(node)
    while parent is not None:
        if isinstance(parent, (cst.FunctionDef, cst.Lambda)) and child is parent.body:
            return False
        child, parent = parent, ctx.parent(parent)
    return True


def _reads_key_leniently(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether a key ``node`` holds (a ``"hapikey"`` entry's value, an
    ``api_key=`` argument, ``x["hapikey"] = value``'s value) may be unset
    without raising (``attach._may_be_unset``)."""
    return any(_may_be_unset(ctx, value) for value in _key_values(node))


def _key_values(node: cst.CSTNode) -> list[cst.BaseExpression]:
    found: list[cst.BaseExpression] = []
    for each in walk(node):
        if isinstance(each, cst.DictElement) and _names_key(each.key):
            found.append(each.value)
        elif (
            isinstance(each, cst.Arg)
            and each.keyword is not None
            and each.keyword.value.lower() in _KEY_NAMES
        ):
            found.append(each.value)
        elif isinstance(each, cst.Assign) and any(
            isinstance(t.target, cst.Subscript)
            and len(t.target.slice) == 1
            and isinstance(t.target.slice[0].slice, cst.Index)
            and _names_key(t.target.slice[0].slice.value)
            for t in each.targets
        ):
            found.append(each.value)
    return found


def _names_key(node: cst.BaseExpression | None) -> bool:
    return (
        isinstance(node, cst.SimpleString)
        and isinstance(node.evaluated_value, str)
        and node.evaluated_value.lower() in _KEY_NAMES
    )


def _softened(
    ctx: ModuleContext, node: cst.CSTNode, strict_code: str, lenient: cst.Call
) -> cst.CSTNode:
    """``node`` with each strict token read made lenient: ``""`` by default
    where it is added to text (``"Bearer " + ...``)."""
    empty = lenient.with_changes(args=[*lenient.args, cst.Arg(cst.SimpleString('""'))])
    code_of = cst.Module([]).code_for_node
    lenient_code = code_of(lenient)

    class Softener(cst.CSTTransformer):
        def leave_BinaryOperation(
            self, original: cst.BinaryOperation, updated: cst.BinaryOperation
        ) -> cst.BaseExpression:
            if isinstance(updated.operator, cst.Add):  # its operands softened
                if code_of(updated.right) == lenient_code:
                    updated = updated.with_changes(right=empty)
                if code_of(updated.left) == lenient_code:
                    updated = updated.with_changes(left=empty)
            return updated

        def leave_Subscript(
            self, original: cst.Subscript, updated: cst.Subscript
        ) -> cst.BaseExpression:
            return lenient if code_of(updated) == strict_code else updated

    return node.visit(Softener())
