"""A class attribute carrying the key, read by other modules as ``Class.NAME``
(issue #12, shape X):

    # config.py
    class Config(object):
        HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY")
        HUBSPOT_PARAMS = {"hapikey": HUBSPOT_API_KEY}
    # hs.py
    from syncjobs.config import Config
    requests.post(Config.HUBSPOT_URL + "/engagements/v1/engagements",
                  params=Config.HUBSPOT_PARAMS, json=payload)

The defining module exports ``Config.HUBSPOT_PARAMS`` as a carrier when
nothing of its own module reads the attribute or names the class (an instance
there could read it unseen: :func:`unused_name`). Each reader follows
``Config.HUBSPOT_PARAMS`` like any carrier's read (:func:`reads`); every other
way it reaches the class or the attribute there (an instance, the class handed
on or subclassed, ``x.HUBSPOT_PARAMS`` off something else) is a manual site
saying so, which keeps the carrier, so that no request is half-migrated.
"""

from __future__ import annotations

from typing import Sequence

import libcst as cst

from hapimigrate.analysis.flow import NoUse
from hapimigrate.model import Carrier
from hapimigrate.python.context import ModuleContext, bound_references, dotted_code
from hapimigrate.tree_imports import importable_names


def unused_name(ctx: ModuleContext, unused: NoUse) -> str | None:
    """``Class.NAME`` for an attribute set in the body of a module-level class
    that nothing here reads, the class named nowhere else in its module (None:
    another shape, or a read here that hapimigrate does not follow)."""
    node = unused.node
    if not isinstance(node, cst.Name):
        return None
    target = ctx.parent(node)
    line = ctx.parent(target)
    body = ctx.parent(ctx.parent(line))  # its statement line, the class body
    cls = ctx.parent(body)
    if not (
        isinstance(target, cst.AssignTarget)
        and isinstance(line, cst.Assign)
        and isinstance(cls, cst.ClassDef)
        and isinstance(ctx.parent(cls), cst.Module)
    ):
        return None
    if ctx.index.attributes.get(node.value) or _named(ctx, cls):
        return None  # obj.NAME, Config() here: its reads are not all seen
    return f"{cls.name.value}.{node.value}"


def _named(ctx: ModuleContext, cls: cst.ClassDef) -> bool:
    """Whether code of this module names the class (outside its own body)."""
    scope = ctx.lexical_scope(cls)
    if scope is None:
        return True
    return any(
        getattr(assignment, "node", None) is not cls
        or any(True for _ in ctx.references(assignment))
        for assignment in scope[cls.name.value]
    )


Reached = list[tuple[cst.CSTNode, str]]


def reads(
    ctx: ModuleContext, imports: Sequence[cst.CSTNode], carrier: Carrier
) -> tuple[list[cst.CSTNode], Reached, Reached]:
    """The reads of ``Class.NAME`` here (``Config.PARAMS`` after ``from
    config import Config``, ``config.Config.PARAMS`` after ``import config``);
    every other way the class is reached, with how (manual sites); and the
    reads of an attribute of that name off anything else (``cfg.PARAMS``: an
    instance, perhaps), which keep the carrier without being sites of their
    own (the same name on an unrelated object is no use of the key)."""
    cls, attr = carrier.name.split(".", 1)
    homes = importable_names(carrier.path)
    where = f"{cls} of {carrier.module}.py"
    found: list[cst.CSTNode] = []
    odd: Reached = []
    unseen: Reached = []
    seen: set[int] = set()
    for statement in imports:
        for alias, local, named in _bindings(statement, homes, cls):
            for ref in bound_references(ctx, statement, local):
                holder = ctx.parent(ref)
                if not named:  # the module: config.Config
                    if not (isinstance(holder, cst.Attribute) and holder.value is ref):
                        continue  # the module's own uses: across_modules._escapes
                    if holder.attr.value != cls:
                        continue
                    ref, holder = holder, ctx.parent(holder)
                if ctx.ancestor(ref, cst.Annotation) is not None:
                    continue  # cfg: Config names the type
                if isinstance(holder, cst.Attribute) and holder.value is ref:
                    if holder.attr.value == attr:
                        seen.add(id(holder))
                        if _set(ctx, holder):
                            odd.append((holder, f"{carrier.name} is set here"))
                        else:
                            found.append(holder)
                    continue
                odd.append(
                    (
                        ref,
                        f"{where} is used here other than by reading its "
                        f"attributes ({ctx.code(holder) if holder else ''}): where "
                        f"its {attr} goes from there is not followed",
                    )
                )
    for attribute in ctx.index.attributes.get(attr, ()):
        if id(attribute) not in seen:
            unseen.append(
                (
                    attribute,
                    f"{attr} is read here off {ctx.code(attribute.value)}, which may "
                    f"be {where} (an instance?): not followed",
                )
            )
    return found, odd, unseen


def _bindings(
    statement: cst.CSTNode, homes: Sequence[str], cls: str
) -> list[tuple[cst.ImportAlias, str, bool]]:
    """The names ``statement`` binds to the class (True) or its module."""
    out = []
    if isinstance(statement, cst.ImportFrom):
        if isinstance(statement.names, cst.ImportStar):
            return []
        source = dotted_code(statement.module) if statement.module else ""
        for alias in statement.names:
            imported = dotted_code(alias.name)
            local = alias.evaluated_alias or imported
            if source.split(".")[-1] in homes and imported == cls:
                out.append((alias, local, True))
            elif imported in homes:
                out.append((alias, local, False))
    elif isinstance(statement, cst.Import):
        for alias in statement.names:
            dotted = dotted_code(alias.name)
            if alias.evaluated_alias is not None and dotted.split(".")[-1] in homes:
                out.append((alias, alias.evaluated_alias, False))
            elif "." not in dotted and dotted in homes:
                out.append((alias, dotted, False))
    return out


def _set(ctx: ModuleContext, attribute: cst.Attribute) -> bool:
    holder = ctx.parent(attribute)
    return isinstance(holder, (cst.AssignTarget, cst.Del)) or (
        isinstance(holder, (cst.AugAssign, cst.AnnAssign))
        and holder.target is attribute
    )
