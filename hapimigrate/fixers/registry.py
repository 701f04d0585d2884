"""The fixer registry. A fixer declares what it looks for -- a node type and a
cheap predicate on the node alone -- and the function that handles every match of
a module; the context's single walk collects the matches for all of them.

    @register("url-strings", (cst.SimpleString, cst.FormattedStringText),
              lambda node: "hapikey=" in node.value)
    def fix(ctx, nodes): ...

Adding a kind of site is one module that registers its fixer (named in
``MODULES``), its example tests and its golden fixture.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Sequence

import libcst as cst

if TYPE_CHECKING:  # the context collects for the registry; no import at run time
    from hapimigrate.python.context import ModuleContext

Handler = Callable[["ModuleContext", Sequence[cst.CSTNode]], None]


@dataclass(frozen=True)
class Fixer:
    name: str
    node_types: tuple[type[cst.CSTNode], ...]
    matches: Callable[[cst.CSTNode], bool]
    fix: Handler


# The fixer modules, in the order their fixers run: the key fixers, then those
# that run only when the run asks (modernize: --modernize; calls: report and
# check), calls last, as it looks at the sites the others found.
MODULES = (
    "url_strings",
    "params",
    "sdk_clients",
    "across_modules",
    "held_names",
    "odd_key_params",
    "setting_named_params",
    "key_reads",
    "modernize",
    "calls",
)
FIXERS: list[Fixer] = []


def all_fixers() -> list[Fixer]:
    """Every registered fixer, the modules imported on first use."""
    import importlib

    for name in MODULES:
        importlib.import_module(f"hapimigrate.fixers.{name}")
    return FIXERS


def run(ctx: ModuleContext) -> None:
    """Every fixer on its matches, then the post-passes they scheduled (checks
    that need every fixer's decisions: ``ctx.post_passes``), in order."""
    for fixer in all_fixers():
        fixer.fix(ctx, ctx.index.found.get(fixer.name, ()))
    while ctx.post_passes:
        ctx.post_passes.pop(0)(ctx)


def register(
    name: str,
    node_types: type[cst.CSTNode] | tuple[type[cst.CSTNode], ...],
    matches: Callable[[cst.CSTNode], bool] = lambda node: True,
) -> Callable[[Handler], Handler]:
    """Register the decorated function as the fixer ``name``, run in the order
    of registration on the nodes that ``matches`` accepts."""
    types = node_types if isinstance(node_types, tuple) else (node_types,)

    def decorate(fix: Handler) -> Handler:
        if any(f.name == name for f in FIXERS):
            raise ValueError(f"fixer {name!r} is registered twice")
        FIXERS.append(Fixer(name, types, matches, fix))
        return fix

    return decorate


def is_key_literal(node: cst.CSTNode) -> bool:
    """``"hapikey"`` (or ``'hapikey'``) as a literal."""
    return isinstance(node, cst.SimpleString) and node.evaluated_value == "hapikey"
