"""A Django management command's options (issue #12: keys handed through
constructors): ``options["api_key"]`` in ``handle(self, *args, **options)`` is
what ``add_arguments`` declared, filled from the command line by Django:

    class Command(BaseCommand):
        def add_arguments(self, parser):
            parser.add_argument("--api-key", default=settings.HUBSPOT_API_KEY)

        def handle(self, *args, **options):
            ContactImporter(api_key=options["api_key"])

It is read as ``args.api_key`` of an ``argparse`` script is (the command line,
by default the configured key, which becomes the provider's token). Only the
plain shape counts: ``handle``'s own ``**options`` never rebound, in a class
whose bases name ``BaseCommand``, read by a literal name (``options["api_key"]``,
``options.get("api_key")`` without a fallback of its own).
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.python.context import ModuleContext, walk


def option_name(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """The option ``node`` reads (``api_key``), when it is such a read."""
    if isinstance(node, cst.Subscript):
        if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
            return None
        holder, index = node.value, node.slice[0].slice.value
    elif isinstance(node, cst.Call):
        func = node.func
        if not (
            isinstance(func, cst.Attribute)
            and func.attr.value == "get"
            and len(node.args) == 1
            and node.args[0].keyword is None
            and not node.args[0].star
        ):
            return None
        holder, index = func.value, node.args[0].value
    else:
        return None
    if not isinstance(index, cst.SimpleString) or not isinstance(holder, cst.Name):
        return None
    name = index.evaluated_value
    if not isinstance(name, str) or not name.isidentifier():
        return None
    return name if _command_options(ctx, holder) else None


def _command_options(ctx: ModuleContext, name: cst.Name) -> bool:
    """Whether ``name`` is ``handle``'s ``**options`` in a management command,
    bound nowhere else."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1:
        return False
    param = getattr(bindings[0], "node", None)
    if not isinstance(param, cst.Param):
        return False
    function = ctx.ancestor(param, cst.FunctionDef)
    if not (
        isinstance(function, cst.FunctionDef)
        and function.name.value == "handle"
        and function.params.star_kwarg is param
    ):
        return False
    cls = ctx.parent(ctx.parent(function))
    return isinstance(cls, cst.ClassDef) and any(
        ctx.code(base.value).split(".")[-1] == "BaseCommand" for base in cls.bases
    )


def other_read(ctx: ModuleContext, node: cst.CSTNode, tested) -> cst.CSTNode | None:
    """Another read of the same option in ``handle`` than ``node``, not only
    tested (``tested(ctx, read)``: ``if not options["api_key"]: raise ...``)."""
    name = option_name(ctx, node)
    function = ctx.ancestor(node, cst.FunctionDef)
    if name is None or not isinstance(function, cst.FunctionDef):
        return None
    star = function.params.star_kwarg
    options = star.name.value if isinstance(star, cst.Param) else ""
    for other in walk(function.body):
        if isinstance(other, cst.Name) and other.value == options:
            holder = ctx.parent(other)
            read = (
                isinstance(holder, cst.Subscript)
                or isinstance(holder, cst.Attribute)
                and holder.attr.value == "get"
            )
            if not read or getattr(holder, "value", None) is not other:
                return other  # options handed on whole: read out of sight
            continue
        if other is node or not isinstance(other, (cst.Subscript, cst.Call)):
            continue
        if option_name(ctx, other) == name and not tested(ctx, other):
            return other
    return None
