"""A developer-key subclass in its base's own module.

    base.py   class BaseClient:
                  def __init__(self, hapikey): self.hapikey = hapikey
                  def _request(self, ...): ... {"hapikey": self.hapikey} ...
              class DeveloperClient(BaseClient):
                  def __init__(self, developer_key, app_id):
                      super(DeveloperClient, self).__init__(developer_key)
                  def subscriptions(self): return self.get("/webhooks/v1/...")

The split :mod:`hapimigrate.python.developer_split` makes for a subclass in
another module, made here: the base's methods that read its key, copied
unchanged into the subclass (the names they read are the same objects there:
one module), so that its developer key still goes as ``hapikey`` while the
base sends the token. Such a subclass is no caller of the base's constructor
for the token (:func:`keeps_its_requests`, asked by the flow of the base's
key parameter). The copies are written only when the base's requests are
migrated (a post-pass); the run checks that the migration changed nothing
else the subclass uses (``run._hold_unsafe_copies``).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from hapimigrate import hubspot
from hapimigrate.model import Kind, Status
from hapimigrate.python import developer_split
from hapimigrate.python.context import walk

if TYPE_CHECKING:
    from hapimigrate.python.context import ModuleContext


@dataclass(frozen=True)
class Split:
    """A subclass keeping copies of its base's methods (``copy``)."""

    subclass: cst.ClassDef
    base: str
    copy: developer_split.Copy


_FOUND: "weakref.WeakKeyDictionary[ModuleContext, dict[int, Split]]" = (
    weakref.WeakKeyDictionary()
)


def keeps_its_requests(ctx: ModuleContext, cls: cst.ClassDef) -> bool:
    """Whether ``cls`` is a developer-key subclass of a class of this module
    that keeps the base's requests as they were (copied into it)."""
    return id(cls) in splits(ctx)


def splits(ctx: ModuleContext) -> dict[int, Split]:
    """The module's developer-key subclasses that can keep copies of their
    base's requests, by id; found once per module (the copies written by a
    post-pass, where the base's requests are migrated)."""
    found = _FOUND.get(ctx)
    if found is None:
        found = _FOUND[ctx] = _find(ctx)
        if found:
            ctx.post_passes.append(_write)
    return found


def _find(ctx: ModuleContext) -> dict[int, Split]:
    if not hubspot.names_developer_key(ctx.text):
        return {}
    classes = {s.name.value: s for s in ctx.module.body if isinstance(s, cst.ClassDef)}
    found = {}
    for cls in classes.values():
        split = _split(ctx, cls, classes)
        if split is not None:
            found[id(cls)] = split
    return found


def _split(
    ctx: ModuleContext, cls: cst.ClassDef, classes: dict[str, cst.ClassDef]
) -> Split | None:
    """The copy for ``cls`` when its constructor hands a developer key (a
    parameter named so) to its one base's constructor, of this module, by
    ``super().__init__(...)``, and its own code names developer-key APIs only."""
    if cls.decorators or cls.keywords or len(cls.bases) != 1:
        return None
    named = cls.bases[0].value
    base = classes.get(named.value) if isinstance(named, cst.Name) else None
    init, base_init = _init(cls), _init(base) if base is not None else None
    if base is None or base is cls or init is None or base_init is None:
        return None
    parameter = _developer_parameter(cls, init, base_init)
    if parameter is None:
        return None
    if not developer_split.developer_requests(cls):
        return None
    copy = developer_split.plan(
        ctx.module.bytes,
        base.name.value,
        parameter,
        cls,
        same_module=True,
        bound_here={},
        base_local=base.name.value,
        here_code=ctx.text,
    )
    return None if isinstance(copy, str) else Split(cls, base.name.value, copy)


def _init(cls: cst.ClassDef) -> cst.FunctionDef | None:
    return next(
        (
            s
            for s in cls.body.body
            if isinstance(s, cst.FunctionDef) and s.name.value == "__init__"
        ),
        None,
    )


def _developer_parameter(
    cls: cst.ClassDef, init: cst.FunctionDef, base_init: cst.FunctionDef
) -> str | None:
    """The base constructor's parameter that ``cls``'s one ``super().__init__``
    (``super(Cls, self).__init__``) gives a developer key of its own
    constructor's parameters (``developer_key``); None otherwise."""
    calls = [
        n
        for n in walk(init)
        if isinstance(n, cst.Call)
        and isinstance(n.func, cst.Attribute)
        and n.func.attr.value == "__init__"
    ]
    if len(calls) != 1 or not _is_super(calls[0].func.value, cls):
        return None
    own = {p.name.value for p in init.params.params}
    positional = [p.name.value for p in base_init.params.params][1:]  # after self
    keywords = {*positional, *(p.name.value for p in base_init.params.kwonly_params)}
    given: list[str] = []
    for index, arg in enumerate(calls[0].args):
        if arg.star == "*":
            return None  # which parameter each fills is not known
        value = arg.value
        if not (
            isinstance(value, cst.Name)
            and value.value in own
            and hubspot.names_developer_key(value.value)
        ):
            continue
        if arg.keyword is not None:
            name = arg.keyword.value
            given.append(name if name in keywords else "")
        else:
            given.append(positional[index] if index < len(positional) else "")
    return given[0] if len(given) == 1 and given[0] else None


def _is_super(value: cst.BaseExpression, cls: cst.ClassDef) -> bool:
    """``super()`` or ``super(Cls, self)``."""
    if not (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "super"
    ):
        return False
    args = [a.value for a in value.args]
    return not args or (
        len(args) == 2
        and isinstance(args[0], cst.Name)
        and args[0].value == cls.name.value
        and isinstance(args[1], cst.Name)
        and args[1].value == "self"
    )


def copied_tail(
    name: str, base: str, copy: developer_split.Copy
) -> list[cst.FunctionDef]:
    """The copies as they go at the end of subclass ``name``, the first one
    saying why."""
    methods = ", ".join(copy.names)
    were = "they were" if len(copy.names) > 1 else "it was"
    notes = [
        cst.EmptyLine(indent=False),
        cst.EmptyLine(
            comment=cst.Comment(
                f"# hapimigrate: {name} sends a developer key, which stays a key:"
            )
        ),
        cst.EmptyLine(
            comment=cst.Comment(
                f"# {base}'s {methods} as {were} ({base} sends the token now)"
            )
        ),
    ]
    return [
        method.with_changes(
            leading_lines=notes if i == 0 else [cst.EmptyLine(indent=False)]
        )
        for i, method in enumerate(copy.methods)
    ]


def _write(ctx: ModuleContext) -> None:
    """The copies, where a request of a copied method is migrated (else the
    subclass inherits the base's requests as they are)."""
    for split in splits(ctx).values():
        copied = [f"{split.base}.{n}" for n in split.copy.names]
        if not any(
            s.status == Status.REWRITE
            and any(s.enclosing == c or s.enclosing.startswith(c + ".") for c in copied)
            for s in ctx.sites
        ):
            continue
        cls, base = split.subclass, split.base
        name = cls.name.value
        ctx.edits.class_tails[cls] = copied_tail(name, base, split.copy)
        ctx.developer_copies.append(
            (ctx.path, base, split.copy.names, split.copy.reads)
        )
        methods = ", ".join(split.copy.names)
        were = "they were" if len(split.copy.names) > 1 else "it was"
        node = cls.bases[0].value
        ctx.site(
            node,
            Kind.ARGUMENT,
            Status.REWRITE,
            f"{name} hands {base}() a developer key, which stays a key: it keeps "
            f"{base}'s {methods} as {were} (copied into it, sending hapikey), "
            f"while {base} sends the token",
        )
