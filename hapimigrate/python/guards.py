"""Guards left in charge of the old key. Once a module's requests send the token,
code that still tests the old key (``if not API_KEY: return``, ``if KEY is None:
raise``, ``assert settings.HUBSPOT_API_KEY``) silently skips the work, or stops
the app, the day the old key is removed from its configuration. Each such test is
reported as a site for a person (it should test the token instead), unless the
tree-wide pass proved the key is sent nowhere any more: then a presence test is
made a test of the token (:mod:`python.token_checks`).
"""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate.model import Kind, Status
from hapimigrate.python import attribute_checks, token_checks
from hapimigrate.python.context import ModuleContext

REASON = (
    "a guard on the old key {}: once the key is gone from the configuration this "
    "test fails; test the token instead"
)
ENV_REASON = (
    "still reads the old environment variable {}: once it is gone this code "
    "changes; read the token's instead"
)
_ENV_READ = re.compile(
    r"""(?:environ\s*\[|environ\.get\(|getenv\()\s*['"]([A-Za-z_][A-Za-z0-9_]*)['"]"""
)
_TESTS = (cst.If, cst.While, cst.IfExp, cst.Assert)
_INSIDE_A_TEST = (
    cst.UnaryOperation,
    cst.BooleanOperation,
    cst.Comparison,
    cst.ComparisonTarget,
    cst.Arg,  # bool(KEY), len(KEY)
    cst.Call,
)


def report(ctx: ModuleContext, removed: set[int], to_token: bool = False) -> None:
    """A manual site for each test of a migrated key's name that stays; with
    ``to_token`` (the tree sends the key nowhere now), the presence tests
    test the token instead (:mod:`python.token_checks`)."""
    if to_token:
        removed = removed | token_checks.rewrite(ctx, removed)
        removed = removed | attribute_checks.rewrite(ctx, removed)
    seen: set[int] = set()
    for name in ctx.key_names:
        scope = ctx.lexical_scope(name)
        for binding in scope[name.value] if scope is not None else ():
            for ref in ctx.references(binding):
                _check(ctx, ref.node, name.value, removed, seen)
    for attribute in (*ctx.key_attributes, *token_checks.read_into_names(ctx)):
        text = ctx.code(attribute)
        for other in ctx.index.attributes.get(attribute.attr.value, ()):
            if ctx.code(other) == text:
                _check(ctx, other, text, removed, seen)
                if id(other) in removed:
                    continue  # read into a local tested for the token now
                for read in token_checks.local_reads(ctx, other):  # key = settings.KEY
                    _check(ctx, read, text, removed, seen)
    _environment_checks(ctx, removed, seen)


def _check(
    ctx: ModuleContext, node: cst.CSTNode, name: str, removed: set[int], seen: set[int]
) -> None:
    test = _test_of(ctx, node)
    if test is None or id(test) in seen or token_checks.inside(ctx, node, removed):
        return
    seen.add(id(test))
    ctx.site(test, Kind.GUARD, Status.MANUAL, REASON.format(name))


def _test_of(ctx: ModuleContext, node: cst.CSTNode) -> cst.CSTNode | None:
    """The test expression ``node`` decides, if it stands in one: an if, while,
    assert or conditional test, or a flag computed from it (``ENABLED =
    bool(API_KEY)``, ``has_key = KEY is not None``)."""
    child, parent = node, ctx.parent(node)
    tested = False  # passed through not, a comparison, and/or, bool() or len()
    while isinstance(parent, _INSIDE_A_TEST):
        tested |= isinstance(
            parent, (cst.UnaryOperation, cst.Comparison, cst.BooleanOperation)
        ) or (
            isinstance(parent, cst.Call)
            and isinstance(parent.func, cst.Name)
            and parent.func.value in ("bool", "len")
        )
        child, parent = parent, ctx.parent(parent)
    if isinstance(parent, _TESTS) and getattr(parent, "test", None) is child:
        return child
    if (
        tested
        and isinstance(parent, (cst.Assign, cst.AnnAssign))
        and parent.value is child
    ):
        return child
    return None


def _environment_names(ctx: ModuleContext) -> dict[str, set[int]]:
    """The environment variables the migrated keys were read from
    (``os.environ["X"]``, ``os.getenv("X")``), with the statements reading each
    (two functions may each define their own ``key = os.getenv("X")``)."""
    found: dict[str, set[int]] = {}
    for name in ctx.key_names:
        scope = ctx.lexical_scope(name)
        for binding in scope[name.value] if scope is not None else ():
            statement = ctx.ancestor(
                getattr(binding, "node", None), cst.BaseSmallStatement
            )
            if statement is None:
                continue
            for variable in _ENV_READ.findall(ctx.code(statement)):
                found.setdefault(variable, set()).add(id(statement))
    return found


def _environment_checks(ctx: ModuleContext, removed: set[int], seen: set[int]) -> None:
    """``"HUBSPOT_API_KEY" in os.environ`` and other reads of the old variable
    by its name, outside the definition the key came from."""
    names = _environment_names(ctx)
    if not names:
        return
    for node in ctx.index.strings:
        value = node.evaluated_value if isinstance(node, cst.SimpleString) else None
        definitions = names.get(value) if isinstance(value, str) else None
        if definitions is None or token_checks.inside(ctx, node, definitions | removed):
            continue
        statement = ctx.ancestor(node, cst.BaseSmallStatement, cst.If, cst.While)
        if statement is None or id(statement) in seen:
            continue
        seen.add(id(statement))
        ctx.site(node, Kind.GUARD, Status.MANUAL, ENV_REASON.format(value))
