"""A key read out of a configuration object the process builds once.

    CONFIG = {"hubspot": {"api_key": os.environ["HUBSPOT_API_KEY"]}}
    ...
    params = {"hapikey": CONFIG["hubspot"]["api_key"]}

    class APIAuthenticator:
        def __init__(self):
            self.credentials = {}
            self._load_credentials()
        def _load_credentials(self):
            self.credentials["hubspot"] = {"api_key": os.getenv("HUBSPOT_API_KEY")}
        def client(self):
            return HubSpot(api_key=self.credentials["hubspot"]["api_key"])

Such an object is one process-wide setting, the same kind of source as
``os.environ["HUBSPOT_API_KEY"]``: the origin walk
(:mod:`hapimigrate.analysis.origins`) places it as the configuration when this
module proves where its field comes from:

- :func:`dict_attribute_field`: ``self.credentials["hubspot"]["api_key"]`` of a
  class that makes ``self.credentials`` a dict literal in ``__init__`` and
  fills it only by literal items in its own methods (``self.credentials["hubspot"]
  = {"api_key": os.getenv(...)}``): the field is that item's value, whose origin
  the walk asks. Any other write of the attribute (another assignment, an item
  set by a computed name, ``update``/``setdefault``/``pop``, the dict handed to
  a call or aliased, ``setattr``, a subclass, a base class of another module, a
  module importing this one that names the attribute) and the field stays
  unplaced. The item's value must itself be the configuration (an environment
  read): a class filling it from what its callers give stays theirs;
- :func:`module_dict_field`: ``CONFIG["hubspot"]["api_key"]`` of the module's
  own ``CONFIG = {"hubspot": {"api_key": os.environ[...]}}``, bound once at its
  top, whose items nothing here or in a module of the package writes, and which
  is never handed on whole;
- :func:`declared_field` only words a reason: ``self.options`` of a class whose
  library base declares ``options = Prop()`` is what whoever makes the object
  passes (not "a value that may differ per request, user or tenant").

(A DAG's ``config = json.loads(Variable.get(...))`` is not among them: two DAGs
read their own Variables through the same text, and a task may write the
converted dict per run; review 26, R9 and R10.)

Where the object is made (per request, per tenant) does not matter then: every
instance holds the one process-wide setting. Like ``os.environ["HUBSPOT_API_KEY"]``
and a module-level Airflow Variable (:mod:`hapimigrate.analysis.origins`), the
provider's token replaces the read; the old variable's leftover read is
reported by :mod:`hapimigrate.tree_leftovers`.
"""

from __future__ import annotations

import re

import libcst as cst

from hapimigrate import tree_imports
from hapimigrate.python.context import ModuleContext, walk

_BY_NAME = re.compile(r"\bsetattr\(\s*self\b|\b__dict__\b|\bvars\(\s*self\b")
# an ORM's row (Django's models.Model, SQLAlchemy's Base, mongoengine's Document)
_ORM_BASE = re.compile(r"(?:Model|Base|Document|Table)$")
_LITERALS = (cst.SimpleString, cst.ConcatenatedString, cst.Integer, cst.Float)


def dict_attribute_field(
    ctx: ModuleContext, node: cst.CSTNode
) -> cst.BaseExpression | None:
    """The value written at the literal path ``node`` reads out of a dict
    attribute its class fills by itself (``self.credentials["hubspot"]["api_key"]``
    is the ``os.getenv(...)`` of ``self.credentials["hubspot"] = {"api_key":
    os.getenv(...)}``); None unless every write and use of the attribute is
    one this function can account for (see the module's docstring)."""
    walked = _subscript_path(node)
    if walked is None or not _self_attribute(walked[0]):
        return None
    root, path = walked
    assert isinstance(root, cst.Attribute)
    owner = ctx.ancestor(root, cst.ClassDef)
    if owner is None or _has_subclass(ctx, owner) or not _own_bases(ctx, owner):
        return None
    if _BY_NAME.search(ctx.code(owner)):
        return None  # setattr(self, name, value): attributes set by name
    slots = _filled_slots(ctx, owner, root.attr.value)
    if slots is None or path[0] not in slots or len(slots[path[0]]) != 1:
        return None
    value: cst.BaseExpression = slots[path[0]][0]
    if not (len(path) == 1 and _text_slot(value)) and not _slot_only_read(
        ctx, owner, root.attr.value, path[0]
    ):
        return None  # a nested dict on the path, aliased or handed on
    for step in path[1:]:
        if not isinstance(value, cst.Dict):
            return None
        found = [
            e.value
            for e in value.elements
            if isinstance(e, cst.DictElement) and _literal(e.key) == step
        ]
        if len(found) != 1 or any(
            not isinstance(e, cst.DictElement) or _literal(e.key) is None
            for e in value.elements
        ):
            return None  # {**defaults, "api_key": ...}, a key computed at run time
        value = found[0]
    return value


def slot_name(ctx: ModuleContext, node: cst.CSTNode) -> str:
    """A dict field's name, one spelling for every read:
    ``self.credentials["hubspot"]["api_key"]`` for ``self.credentials['hubspot']
    ['api_key']``."""
    walked = _subscript_path(node)
    if walked is None:
        return ctx.code(node)
    root, path = walked
    return ctx.code(root).replace(" ", "") + "".join(f"[{p!r}]" for p in path)


def _text_slot(value: cst.BaseExpression) -> bool:
    """Whether a slot holds the key itself, no container (``{"api_key":
    "your_api_key"}``, ``{"api_key": os.getenv(...)}``): a read of it hands
    out a string, which no alias can change."""
    if isinstance(value, (cst.Dict, cst.List, cst.Set, cst.Tuple)):
        return False
    return not (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value in ("dict", "list", "set", "defaultdict", "OrderedDict")
    )


def _literal(node: cst.CSTNode | None) -> str | None:
    if isinstance(node, cst.SimpleString):
        evaluated = node.evaluated_value
        return evaluated if isinstance(evaluated, str) else None
    return None


def _subscript_path(node: cst.CSTNode) -> tuple[cst.CSTNode, list[str]] | None:
    """``x["hubspot"]["api_key"]`` -> ``(x, ["hubspot", "api_key"])``; None
    unless every index is a literal and there is one."""
    path: list[str] = []
    root = node
    while isinstance(root, cst.Subscript):
        index = _literal_index(root)
        if index is None:
            return None
        path.append(index)
        root = root.value
    path.reverse()
    return (root, path) if path else None


def _literal_index(node: cst.Subscript) -> str | None:
    if len(node.slice) != 1 or not isinstance(node.slice[0].slice, cst.Index):
        return None
    return _literal(node.slice[0].slice.value)


def _self_attribute(node: cst.CSTNode) -> bool:
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == "self"
    )


def _has_subclass(ctx: ModuleContext, owner: cst.ClassDef) -> bool:
    """A class of the module naming ``owner`` among its bases (it may fill
    the attribute its own way)."""
    return any(
        isinstance(n, cst.ClassDef)
        and any(
            isinstance(b.value, (cst.Name, cst.Attribute))
            and ctx.code(b.value).split(".")[-1] == owner.name.value
            for b in n.bases
        )
        for n in walk(ctx.module)
    )


def _own_bases(ctx: ModuleContext, owner: cst.ClassDef) -> bool:
    """Whether every base of ``owner`` is ``object`` or a class of this module
    (whose writes of the attribute this module shows): a base class of
    another module may fill the dict its own way."""
    defined = {n.name.value for n in walk(ctx.module) if isinstance(n, cst.ClassDef)}
    for base in owner.bases:
        if base.keyword is not None or not isinstance(base.value, cst.Name):
            return False  # metaclass=..., module.Base
        if base.value.value != "object" and base.value.value not in defined:
            return False
    return True


def _filled_slots(
    ctx: ModuleContext, owner: cst.ClassDef, attr: str
) -> dict[str, list[cst.BaseExpression]] | None:
    """Each literal slot of ``self.<attr>`` and the values written to it: the
    one ``self.<attr> = {...}`` of ``__init__`` (a dict literal of literal
    keys) and the ``self.<attr>["slot"] = value`` statements of the class's
    methods. None for any other write: a second assignment, one outside
    ``__init__`` or outside the class, a computed slot, a chained or
    augmented target, ``del``."""
    slots: dict[str, list[cst.BaseExpression]] = {}
    made = 0
    for other in ctx.index.attributes.get(attr, ()):
        parent = ctx.parent(other)
        if ctx.ancestor(other, cst.Import, cst.ImportFrom) is not None:
            continue  # from google.oauth2.credentials import ...: a module's name
        if not _self_attribute(other) or ctx.ancestor(other, cst.ClassDef) is not owner:
            return None  # auth.credentials["hubspot"] = ..., or another class's
        if isinstance(parent, cst.AssignTarget):
            assign = ctx.parent(parent)
            function = ctx.ancestor(other, cst.FunctionDef)
            if not (
                isinstance(assign, cst.Assign)
                and len(assign.targets) == 1
                and isinstance(assign.value, cst.Dict)
                and function is not None
                and function.name.value == "__init__"
                and ctx.ancestor(function, cst.ClassDef) is owner
            ):
                return None
            made += 1
            for element in assign.value.elements:
                key = _literal(getattr(element, "key", None))
                if not isinstance(element, cst.DictElement) or key is None:
                    return None
                slots.setdefault(key, []).append(element.value)
            continue
        if isinstance(parent, cst.Subscript) and parent.value is other:
            holder = ctx.parent(parent)
            if isinstance(holder, cst.AssignTarget):
                assign = ctx.parent(holder)
                slot = _literal_index(parent)
                if (
                    slot is None
                    or not isinstance(assign, cst.Assign)
                    or len(assign.targets) != 1
                ):
                    return None
                slots.setdefault(slot, []).append(assign.value)
                continue
            if _written(ctx, parent, holder) or _literal_index(parent) is None:
                return None  # self.credentials[name], del self.credentials["x"]
            continue
        return None  # self.credentials.update(...), handed to a call, aliased
    if made != 1:
        return None
    mentioned = rb"\." + re.escape(attr.encode()) + rb"\b"
    if tree_imports.package_mentions(ctx.path, mentioned, importers=True):
        return None  # a module importing this one may fill or change it
    return slots


def _written(ctx: ModuleContext, node: cst.CSTNode, parent: cst.CSTNode | None) -> bool:
    """Whether ``node`` is written where it stands (an assignment's target,
    ``+=``, ``del``, a ``for``/``with`` target)."""
    if isinstance(parent, (cst.AssignTarget, cst.Del)):
        return True
    if isinstance(parent, (cst.AugAssign, cst.AnnAssign)) and parent.target is node:
        return True
    if isinstance(parent, cst.For) and parent.target is node:
        return True
    return isinstance(parent, (cst.AsName, cst.Element, cst.StarredElement))


def _slot_only_read(
    ctx: ModuleContext, owner: cst.ClassDef, attr: str, slot: str
) -> bool:
    """Whether every read of ``self.<attr>["slot"]`` goes one literal field
    further and only reads it (``self.credentials["hubspot"]["api_key"]``):
    the slot's dict is never aliased, handed on, mutated or written into."""
    for other in ctx.index.attributes.get(attr, ()):
        parent = ctx.parent(other)
        if not (isinstance(parent, cst.Subscript) and parent.value is other):
            continue
        if _literal_index(parent) != slot:
            continue
        holder = ctx.parent(parent)
        if isinstance(holder, cst.AssignTarget):
            continue  # the slot's own write, counted by _filled_slots
        if not (isinstance(holder, cst.Subscript) and holder.value is parent):
            return False  # creds = self.credentials["hubspot"]: aliased
        if _literal_index(holder) is None or _written(ctx, holder, ctx.parent(holder)):
            return False
    return True


def declared_field(
    ctx: ModuleContext, owner: cst.ClassDef, attr: str, values: list[cst.CSTNode]
) -> str | None:
    """How a reason names ``self.<attr>`` when all the class (or a base class
    of this module) gives it is a field declared by a library's class
    (``options = Prop()`` in a ``Propertized``, ``api_key = Opt()``): the value
    is what whoever makes the object passes, which this module does not show
    (snakecharmer's uploaders are made with ``options=`` elsewhere). Not
    "per request, user or tenant": nothing says so; not the configuration
    either: nothing says which object is passed. None for anything else."""
    if any(not _declaration(ctx, v) for v in values):
        return None
    lineage = _module_lineage(ctx, owner)
    for other in ctx.index.attributes.get(attr, ()):
        if _self_attribute(other) and isinstance(ctx.parent(other), cst.AssignTarget):
            if any(ctx.ancestor(other, cst.ClassDef) is c for c in lineage):
                return None  # self.options = options: set here too
    for cls in lineage:
        for statement in cls.body.body:
            if not isinstance(statement, cst.SimpleStatementLine):
                continue
            for small in statement.body:
                if (
                    isinstance(small, cst.Assign)
                    and len(small.targets) == 1
                    and isinstance(small.targets[0].target, cst.Name)
                    and small.targets[0].target.value == attr
                    and _declaration(ctx, small.value)
                ):
                    framework = next(
                        (
                            ctx.code(b.value)
                            for c in lineage
                            for b in c.bases
                            if b.keyword is None and _imported(ctx, b.value)
                        ),
                        None,
                    )
                    if framework is None or _ORM_BASE.search(framework):
                        return None
                    return (
                        f"self.{attr}, declared {ctx.code(small.value)} in "
                        f"{cls.name.value}: a field of {framework} that whoever makes "
                        "the object fills, not in this module"
                    )
    return None


def _declaration(ctx: ModuleContext, value: cst.CSTNode) -> bool:
    """``Prop()``, ``fields.Opt()``: a call of an imported name without
    arguments (a database column, ``models.CharField(max_length=255)``, is a
    row's: a tenant's key perhaps, as the reason said before)."""
    return isinstance(value, cst.Call) and not value.args and _imported(ctx, value.func)


def _imported(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    while isinstance(node, cst.Attribute):
        node = node.value
    if not isinstance(node, cst.Name):
        return False
    scope = ctx.lexical_scope(node)
    bindings = list(scope[node.value]) if scope is not None else []
    return bool(bindings) and all(
        isinstance(getattr(b, "node", None), (cst.Import, cst.ImportFrom))
        for b in bindings
    )


def _module_lineage(ctx: ModuleContext, owner: cst.ClassDef) -> list[cst.ClassDef]:
    """``owner`` and its base classes defined in this module, nearest first."""
    classes = {n.name.value: n for n in ctx.module.body if isinstance(n, cst.ClassDef)}
    found, todo = [], [owner]
    while todo:
        cls = todo.pop(0)
        if any(cls is c for c in found):
            continue
        found.append(cls)
        todo += [
            classes[b.value.value]
            for b in cls.bases
            if isinstance(b.value, cst.Name) and b.value.value in classes
        ]
    return found


def module_dict_field(
    ctx: ModuleContext, node: cst.CSTNode
) -> cst.BaseExpression | None:
    """The value written at the literal path ``node`` reads out of a module's
    own configuration dict (``CONFIG["hubspot"]["api_key"]`` of ``CONFIG =
    {"hubspot": {"api_key": os.environ["HUBSPOT_API_KEY"]}, ...}`` at the top
    of this module), when nothing can change it: the name is bound once, by
    that top-level statement, to a dict display of literal keys (or
    ``dict(k=...)``); every use of it in the module reads a literal item
    (``CONFIG["k"]``, ``CONFIG.get("k")``), none writes one, aliases a nested
    dict on the path, or hands the dict on; no module of the package writes an
    item of it or calls a mutating method. None otherwise."""
    walked = _subscript_path(node)
    if walked is None or not isinstance(walked[0], cst.Name):
        return None
    root, path = walked
    assert isinstance(root, cst.Name)
    display = _top_level_display(ctx, root)
    if display is None or not _only_read(ctx, display[0], path):
        return None
    # CONFIG["hubspot"]["api_key"] = ..., CONFIG["hubspot"].update(...),
    # CONFIG.get("hubspot").update(...): an item written at any depth
    steps = rb"(?:\[[^\]\n]*\]\s*|\.get\([^)\n]*\)\s*)"
    pattern = (
        rb"\b"
        + re.escape(root.value.encode())
        + rb"\s*"
        + steps
        + rb"*(?:(?<=\])\s*[-+|]?=(?!=)|\|=|\.(?:update|setdefault|pop"
        rb"|popitem|clear|__setitem__)\()"
    )
    if tree_imports.package_mentions(ctx.path, pattern, importers=True):
        return None  # another module writes an item of it
    value: cst.BaseExpression = display[1]
    for step in path:
        items = _items(value)
        if items is None or step not in items:
            return None
        value = items[step]
    return value


def _items(value: cst.BaseExpression) -> dict[str, cst.BaseExpression] | None:
    """The literal items of a dict display (``{"k": v}``, ``dict(k=v)``), each
    key once; None for anything else (a spread, a computed key)."""
    found: dict[str, cst.BaseExpression] = {}
    if isinstance(value, cst.Dict):
        for element in value.elements:
            key = _literal(getattr(element, "key", None))
            if not isinstance(element, cst.DictElement) or key is None or key in found:
                return None
            found[key] = element.value
        return found
    if (
        isinstance(value, cst.Call)
        and isinstance(value.func, cst.Name)
        and value.func.value == "dict"
    ):
        for arg in value.args:
            if arg.keyword is None or arg.star:
                return None
            found[arg.keyword.value] = arg.value
        return found
    return None


def _top_level_display(
    ctx: ModuleContext, name: cst.Name
) -> tuple[cst.Name, cst.BaseExpression] | None:
    """The one binding of ``name`` (its target) and its dict display, when it
    is a plain top-level ``NAME = {...}`` of this module."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    if len(bindings) != 1:
        return None
    target = getattr(bindings[0], "node", None)
    if not isinstance(target, cst.Name) or target.value == "dict":
        return None
    holder = ctx.parent(target)
    assign = ctx.parent(holder) if isinstance(holder, cst.AssignTarget) else None
    line = ctx.parent(assign) if isinstance(assign, cst.Assign) else None
    if not (
        isinstance(assign, cst.Assign)
        and len(assign.targets) == 1
        and isinstance(line, cst.SimpleStatementLine)
        and any(s is line for s in ctx.module.body)
        and _items(assign.value) is not None
    ):
        return None
    if re.search(r"\bglobal\s+[^\n]*\b" + re.escape(name.value) + r"\b", ctx.text):
        return None  # a function rebinds it
    return target, assign.value


def _only_read(ctx: ModuleContext, target: cst.Name, path: list[str]) -> bool:
    """Whether every use of the name ``target`` binds reads a literal item
    without writing it: ``NAME["k"]`` (down a path of literal items, each read
    on when the key is deeper than it: no nested dict aliased) or
    ``NAME.get("k")``."""
    scope = ctx.lexical_scope(target)
    if scope is None:
        return False
    binding = next(iter(scope[target.value]), None)
    for access in getattr(binding, "references", ()):
        node = access.node
        steps: list[str] = []
        while True:
            parent = ctx.parent(node)
            if isinstance(parent, cst.Subscript) and parent.value is node:
                index = _literal_index(parent)
                if index is None:
                    return False
                node, steps = parent, [*steps, index]
                continue
            break
        parent = ctx.parent(node)
        if not steps:
            getter = ctx.parent(parent) if isinstance(parent, cst.Attribute) else None
            if not (
                isinstance(parent, cst.Attribute)
                and parent.attr.value == "get"
                and isinstance(getter, cst.Call)
                and getter.func is parent
                and getter.args
                and all(isinstance(a.value, _LITERALS) for a in getter.args)
            ):
                return False
            if len(path) > 1 and _literal(getter.args[0].value) == path[0]:
                return False  # CONFIG.get("hubspot"): the nested dict, handed out
            continue
        if _written(ctx, node, parent) or isinstance(parent, cst.AugAssign):
            return False
        if steps == path[: len(steps)] and len(steps) < len(path):
            # hub = CONFIG["hubspot"]: a nested dict on the path, aliased
            if not (isinstance(parent, cst.Attribute) and parent.attr.value == "get"):
                return False
    return True
