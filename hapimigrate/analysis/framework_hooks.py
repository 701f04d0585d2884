"""Who reads a method nothing in its module calls: its imported base class.

    from hotglue_singer_sdk.target_sdk.client import HotglueSink

    class HubspotSink(HotglueSink):
        @property
        def params(self):
            return {"hapikey": self.api_key}

Nothing in the module reads ``params``, but the sink's base class, a
framework's (a Singer SDK stream, a Django view, a Scrapy spider), reads the
hooks its subclasses define and makes the requests with them. The reason a
key returned by such a method stays for a person says so, rather than
suggesting that nothing uses it.
"""

from __future__ import annotations

import libcst as cst
from libcst.helpers import get_full_name_for_node

from hapimigrate.python.context import ModuleContext


def base_reader(ctx: ModuleContext, function: cst.FunctionDef) -> str | None:
    """``"; HubspotSink's base class HotglueSink (from M) may read it ..."``
    for a method of a class whose base is imported, else None."""
    owner = ctx.parent(ctx.parent(function))  # IndentedBlock, then ClassDef
    if not isinstance(owner, cst.ClassDef):
        return None
    for base in owner.bases:
        if base.keyword is not None:
            continue
        source = _imported_from(ctx, base.value)
        if source is not None:
            name = get_full_name_for_node(base.value) or "its base"
            return (
                f"; {owner.name.value}'s base class {name} (from {source}) may "
                "read it (a base class calls the hooks its subclasses define, "
                "as a framework's do): hapimigrate does not see the requests "
                "made with the value"
            )
    return None


def _imported_from(ctx: ModuleContext, base: cst.BaseExpression) -> str | None:
    """The module a base class named by an import comes from."""
    root = base
    while isinstance(root, cst.Attribute):
        root = root.value
    if not isinstance(root, cst.Name):
        return None
    scope = ctx.lexical_scope(root)
    for binding in scope[root.value] if scope is not None else ():
        node = getattr(binding, "node", None)
        if isinstance(node, cst.ImportFrom):
            module = get_full_name_for_node(node.module) if node.module else ""
            return "." * len(node.relative) + (module or "")
        if isinstance(node, cst.Import):
            return (
                get_full_name_for_node(base.value) if base is not root else root.value
            )
    return None
