"""A developer-key subclass of a client whose requests now send a token.

    base.py       class BaseClient:
                      def __init__(self, api_key): self.api_key = api_key
                      def _call(self, path): ... params={"hapikey": self.api_key} ...
    resources.py  class ContactsClient(BaseClient): ...        (portal key: a token now)
                  class WebhooksClient(BaseClient):             (developer key: stays)
                      def __init__(self, developer_key, app_id):
                          super().__init__(developer_key)

Developer API keys are not sunset (webhooks, timeline event types), so a person
splits the base's requests: the base sends the token, and the developer-key
subclass keeps the requests as they were. :func:`plan` says how: the base's
methods that read the key's attribute (``self.api_key``), copied unchanged into
the subclass, where they override the migrated ones; the module-level names they
read imported beside the base class. Only where that copy behaves exactly as the
base's method did for the subclass:

- the base's constructor only stores its key parameter (``self.api_key =
  api_key``), and nothing else of the base's module reads that attribute;
- a copied method has no decorator, no ``super()`` without arguments, no
  ``__class__`` nor private (``__name``) names, and reads no name of the class
  body; the subclass defines none of them itself;
- each module-level name a copy reads means the same object in the subclass's
  module: the same module, the same import, an import from the base's module,
  or a name the subclass's module does not bind (then imported from the base's
  module, which it already imports the base class from, by a ``from`` import).

The run checks afterwards that the base's migration changed nothing else
(:func:`unchanged_elsewhere`); otherwise the split is undone.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import BuiltinScope, GlobalScope, MetadataWrapper, ScopeProvider

from hapimigrate.python import metadata
from hapimigrate.python.metadata import walk


@dataclass(frozen=True)
class Copy:
    """What the subclass takes from its base: the base's original methods (in
    the base module's text), and the names to import for them."""

    methods: tuple[cst.FunctionDef, ...]
    names: tuple[str, ...]
    imports: tuple[str, ...]
    holders: tuple[str, ...]


def plan(
    base_source: bytes,
    base_class: str,
    parameter: str,
    subclass: cst.ClassDef,
    same_module: bool,
    bound_here: dict[str, str],
    base_local: str,
) -> Copy | str:
    """The copy for ``subclass`` of ``base_class`` (defined in
    ``base_source``, its constructor taking the key as ``parameter``), or why
    there is none. ``bound_here``: the subclass module's module-level names,
    each with how it binds them (:func:`module_bindings`); ``base_local``: the
    name the subclass names its base by."""
    try:
        wrapper = MetadataWrapper(cst.parse_module(base_source), unsafe_skip_copy=True)
    except (cst.ParserSyntaxError, RecursionError):
        return "its base's module does not parse"
    module = wrapper.module
    scopes = metadata.resolve(wrapper)[ScopeProvider]
    classes = [
        s
        for s in module.body
        if isinstance(s, cst.ClassDef) and s.name.value == base_class
    ]
    if len(classes) != 1:
        return f"{base_class} is defined more than once in its module"
    base = classes[0]
    if base.decorators or base.keywords:
        return f"{base_class} is decorated or has a metaclass"
    methods = {
        s.name.value: s for s in base.body.body if isinstance(s, cst.FunctionDef)
    }
    init = methods.get("__init__")
    holders = _holders(init, parameter) if init is not None else None
    if not holders:
        return (
            f"{base_class}'s constructor does more with its key than keep it "
            "(self.api_key = api_key)"
        )
    reads = re.compile(r"\bself\.(?:" + "|".join(map(re.escape, holders)) + r")\b")
    copies = [
        m
        for name, m in methods.items()
        if name != "__init__" and reads.search(_code(module, m))
    ]
    if not copies:
        return f"no method of {base_class} reads its key"
    elsewhere = len(
        re.findall(r"\.(?:" + "|".join(map(re.escape, holders)) + r")\b", module.code)
    ) - sum(len(reads.findall(_code(module, m))) for m in (*copies, init))
    if elsewhere:
        return f"other code of {base_class}'s module reads its key attribute"
    own = {s.name.value for s in subclass.body.body if isinstance(s, cst.FunctionDef)}
    names: set[str] = set()
    for method in copies:
        problem = _copyable(module, method, own)
        if problem is not None:
            return problem
        found = _module_names(scopes, method)
        if isinstance(found, str):
            return found
        names |= found
    imports: list[str] = []
    if not same_module:
        if "*" in bound_here:
            return "the subclass's module imports * (the names it binds are not known)"
        from_base = bound_here.get(base_local, "")
        if not from_base.startswith(("from:", "relative:")) or not from_base.endswith(
            f":{base_class}"
        ):
            return f"the subclass's module does not import {base_class} by its name"
        from_base = from_base.rsplit(":", 1)[0]
        defined = module_bindings(module)
        for name in sorted(names):
            problem, needed = _same_here(name, defined, bound_here, from_base)
            if problem is not None:
                return problem
            if needed:
                imports.append(name)
    return Copy(
        tuple(copies), tuple(m.name.value for m in copies), tuple(imports), holders
    )


def _code(module: cst.Module, node: cst.CSTNode) -> str:
    return module.code_for_node(node)


def _holders(init: cst.FunctionDef, parameter: str) -> tuple[str, ...] | None:
    """The attributes ``__init__`` keeps its key parameter in (``self.api_key
    = api_key``); None when it does anything else with it."""
    holders: set[str] = set()
    not_read = {  # self.api_key's attribute, f(api_key=...)'s keyword
        id(n.attr) if isinstance(n, cst.Attribute) else id(n.keyword)
        for n in walk(init.body)
        if isinstance(n, cst.Attribute) or (isinstance(n, cst.Arg) and n.keyword)
    }
    uses = [
        n
        for n in walk(init.body)
        if isinstance(n, cst.Name) and n.value == parameter and id(n) not in not_read
    ]
    kept = set()
    for statement in walk(init.body):
        if (
            isinstance(statement, cst.Assign)
            and len(statement.targets) == 1
            and isinstance(statement.value, cst.Name)
            and statement.value.value == parameter
        ):
            target = statement.targets[0].target
            if (
                isinstance(target, cst.Attribute)
                and isinstance(target.value, cst.Name)
                and target.value.value == "self"
            ):
                holders.add(target.attr.value)
                kept.add(id(statement.value))
    if any(id(n) not in kept for n in uses):
        return None
    return tuple(sorted(holders)) or None


def _copyable(module: cst.Module, method: cst.FunctionDef, own: set[str]) -> str | None:
    name = method.name.value
    if name in own:
        return f"the subclass defines {name} itself"
    if method.decorators:
        return f"{name} is decorated"
    params = method.params.params
    if not params or params[0].name.value != "self":
        return f"{name} does not take self first"
    code = _code(module, method)
    if re.search(r"\bsuper\(\s*\)|\b__class__\b", code):
        return f"{name} calls super() without arguments"
    if re.search(r"(?<![\w.])\.?__[A-Za-z]\w*(?<!__)\b", code) or re.search(
        r"\.__\w*[A-Za-z0-9](?<!__)\b", code
    ):
        return (
            f"{name} reads a private name (__name), which a subclass spells otherwise"
        )
    return None


def _module_names(scopes, method: cst.FunctionDef) -> set[str] | str:
    """The module-level (and builtin) names ``method`` reads; why it cannot be
    copied when it reads a name of its class's body, or one bound nowhere."""
    inside = {id(n) for n in walk(method)}
    accessed = {
        id(a.node)
        for scope in {id(s): s for s in map(scopes.get, walk(method)) if s}.values()
        for a in scope.accesses
    }
    found: set[str] = set()
    for node in walk(method):
        if not isinstance(node, cst.Name) or id(node) not in accessed:
            continue
        scope = scopes.get(node)
        if scope is None:
            continue
        assignments = list(scope[node.value])
        if not assignments:
            if not hasattr(builtins, node.value):
                return f"{method.name.value} reads {node.value}, bound nowhere"
            found.add(node.value)
            continue
        local = [
            a
            for a in assignments
            if id(getattr(a, "node", None)) in inside
            or _within(a.scope, scopes, method)
        ]
        if len(local) == len(assignments):
            continue
        if all(isinstance(a.scope, (GlobalScope, BuiltinScope)) for a in assignments):
            found.add(node.value)
            continue
        return f"{method.name.value} reads {node.value} of its class's body"
    return found


def _within(scope, scopes, method: cst.FunctionDef) -> bool:
    """Whether ``scope`` is the method's own or one inside it."""
    own = scopes.get(method.body)
    seen = set()
    while scope is not None and id(scope) not in seen:
        if scope is own:
            return True
        seen.add(id(scope))
        scope = getattr(scope, "parent", None)
    return False


def module_bindings(module: cst.Module) -> dict[str, str]:
    """Each name the module binds at its top level, with how: ``import:X`` for
    ``import X``/``import X as name``, ``from:M:N`` for an absolute ``from M
    import N``, ``relative:`` for a relative one, ``local`` for a definition or
    an assignment, ``several`` when bound more than once."""
    found: dict[str, str] = {}

    def bind(name: str, how: str) -> None:
        found[name] = "several" if name in found else how

    for statement in module.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            bind(statement.name.value, "local")
            continue
        if not isinstance(statement, cst.SimpleStatementLine):
            # bound in an if/try/with/for at the top level: one of several ways
            for name in _compound_bindings(statement):
                bind(name, "several")
            continue
        for small in statement.body:
            if isinstance(small, cst.Import):
                for alias in small.names:
                    dotted = _dotted(alias.name)
                    local = (
                        alias.asname.name.value
                        if alias.asname is not None
                        and isinstance(alias.asname.name, cst.Name)
                        else dotted.split(".")[0]
                    )
                    bind(local, f"import:{dotted if alias.asname else local}")
            elif isinstance(small, cst.ImportFrom):
                if isinstance(small.names, cst.ImportStar):
                    bind("*", "several")
                    continue
                source = _dotted(small.module) if small.module is not None else ""
                for alias in small.names:
                    name = _dotted(alias.name)
                    local = (
                        alias.asname.name.value
                        if alias.asname is not None
                        and isinstance(alias.asname.name, cst.Name)
                        else name
                    )
                    how = (
                        f"relative:{len(small.relative)}:{source}:{name}"
                        if small.relative
                        else f"from:{source}:{name}"
                    )
                    bind(local, how)
            elif isinstance(small, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
                for node in walk(small):
                    if isinstance(node, cst.Name) and _is_target(small, node):
                        bind(node.value, "local")
    for node in walk(module):
        if isinstance(node, cst.Global):
            for name in node.names:
                bind(name.name.value, "several")
    return found


def _compound_bindings(statement: cst.CSTNode) -> set[str]:
    names: set[str] = set()
    for node in walk(statement):
        if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
            names.add(node.name.value)
        elif isinstance(node, cst.AssignTarget) and isinstance(node.target, cst.Name):
            names.add(node.target.value)
        elif isinstance(node, cst.ImportAlias):
            names.add(
                node.asname.name.value
                if node.asname is not None and isinstance(node.asname.name, cst.Name)
                else _dotted(node.name).split(".")[0]
            )
    return names


def _is_target(small: cst.BaseSmallStatement, name: cst.Name) -> bool:
    if isinstance(small, cst.Assign):
        return any(any(n is name for n in walk(t.target)) for t in small.targets)
    return any(n is name for n in walk(small.target))


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


def _same_here(
    name: str, defined: dict[str, str], bound_here: dict[str, str], from_base: str
) -> tuple[str | None, bool]:
    """Whether ``name`` (read by a copy, bound in the base's module as
    ``defined`` says, or a builtin) means the same in the subclass's module,
    which imports the base's module's names as ``from_base`` says
    (``from:hubcrm.base``); and whether it must be imported there."""
    there = defined.get(name)
    here = bound_here.get(name)
    if there is None:  # a builtin in the base's module
        if here is None:
            return None, False
        return f"{name} is a builtin there and bound in the subclass's module", False
    if there == "several":
        return f"{name} is bound more than once in its base's module", False
    if here is None:
        return None, True  # imported from the base's module
    if here == f"{from_base}:{name}":
        return None, False  # already imported from the base's module
    if here == there and here.startswith(("import:", "from:")):
        return None, False  # the same absolute import
    return f"{name} means something else in the subclass's module", False


def changed_elsewhere(
    original: bytes, new: bytes, base_class: str, methods: tuple[str, ...]
) -> str | None:
    """What the base's migration changed besides the ``methods`` copied into a
    developer-key subclass (``None``: nothing, so the copies and what the
    subclass still inherits behave as before): another statement of the class
    (its constructor), or a module-level one other than an import, unless it
    defines a name no copy reads."""
    try:
        before, after = cst.parse_module(original), cst.parse_module(new)
    except (cst.ParserSyntaxError, RecursionError):
        return "its module"
    old_class, new_class = _class(before, base_class), _class(after, base_class)
    if old_class is None or new_class is None:
        return base_class
    copied = " ".join(
        before.code_for_node(s)
        for s in old_class.body.body
        if isinstance(s, cst.FunctionDef) and s.name.value in methods
    )
    read = set(re.findall(r"\w+", copied))

    def kept(module: cst.Module, cls: cst.ClassDef) -> tuple[list[str], list[str]]:
        members = [
            module.code_for_node(s)
            for s in cls.body.body
            if not (isinstance(s, cst.FunctionDef) and s.name.value in methods)
        ]
        others = [
            module.code_for_node(s)
            for s in module.body
            if s is not cls
            and not _is_import(s)
            and not (
                isinstance(s, (cst.FunctionDef, cst.ClassDef))
                and s.name.value not in read
            )
        ]
        return members, others

    old_members, old_others = kept(before, old_class)
    new_members, new_others = kept(after, new_class)
    if old_members != new_members:
        return f"another member of {base_class}"
    if old_others != new_others:
        return f"module-level code the copies of {', '.join(methods)} read"
    return None


def _class(module: cst.Module, name: str) -> cst.ClassDef | None:
    found = [
        s for s in module.body if isinstance(s, cst.ClassDef) and s.name.value == name
    ]
    return found[0] if len(found) == 1 else None


def _is_import(statement: cst.CSTNode) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(s, (cst.Import, cst.ImportFrom)) for s in statement.body
    )
