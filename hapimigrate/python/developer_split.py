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
(:func:`changed_elsewhere`); otherwise the split is undone. A subclass in the
base's own module is split the same way (:mod:`hapimigrate.fixers.developer_here`).
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass

import libcst as cst
from libcst.metadata import BuiltinScope, GlobalScope, MetadataWrapper, ScopeProvider

from hapimigrate import hubspot
from hapimigrate.python import metadata
from hapimigrate.python.metadata import walk


@dataclass(frozen=True)
class Copy:
    """What the subclass takes from its base: the base's original methods (in
    the base module's text), and the names to import for them."""

    methods: tuple[cst.FunctionDef, ...]
    names: tuple[str, ...]
    imports: tuple[str, ...]  # ``import urllib.parse``: module imports to add
    from_base: tuple[str, ...]  # names imported from the base's module
    holders: tuple[str, ...]
    reads: tuple[str, ...]  # the module-level names the copies read


def plan(
    base_source: bytes,
    base_class: str,
    parameter: str,
    subclass: cst.ClassDef,
    same_module: bool,
    bound_here: dict[str, str],
    base_local: str,
    here_code: str = "",
    base_module: str = "",
) -> Copy | str:
    """The copy for ``subclass`` of ``base_class`` (defined in
    ``base_source``, its constructor taking the key as ``parameter``), or why
    there is none. ``bound_here``: the subclass module's module-level names,
    each with how it binds them (:func:`module_bindings`); ``base_local``: the
    name the subclass names its base by; ``here_code``: its module's text;
    ``base_module``: how it would import the base's own module (``from:a.base``
    or ``relative:1:base``; "" when its import of the base names another)."""
    found = _definition(base_source, cst.ClassDef, base_class)
    if isinstance(found, str):
        return found
    module, scopes, base = found
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
    for method in copies:
        problem = _reached_otherwise(method.name.value, module.code, here_code)
        if problem is not None:
            return problem
    defined = module_bindings(module)
    if "*" in defined:
        return f"{base_class}'s module imports * (which names it binds is not known)"
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
    shadowed = sorted(names & _class_names(subclass))
    if shadowed:  # a default value read in the class body: the subclass's
        return f"the subclass's body binds {shadowed[0]}, which the copies read"
    imports: list[str] = []
    from_base: list[str] = []
    if not same_module:
        problem = _bound_alike(
            names, defined, bound_here, base_local, base_class, base_module
        )
        if isinstance(problem, str):
            return problem
        modules, from_base = problem
        imports = _module_imports(module, modules)
    return Copy(
        tuple(copies),
        tuple(m.name.value for m in copies),
        tuple(imports),
        tuple(from_base),
        holders,
        tuple(sorted(names)),
    )


def _reached_otherwise(name: str, base_code: str, here_code: str) -> str | None:
    """Whether the method ``name`` is reached otherwise than as
    ``self.name(...)`` (or defined): an alias (``request = _call``,
    ``partialmethod(_call)``), the class's name (``BaseClient._call(self)``),
    ``super()._call``: that code would run the base's migrated method, not the
    copy."""
    word = re.escape(name)
    for code in (base_code, here_code):
        uses = len(re.findall(rf"\b{word}\b", code))
        plain = len(re.findall(rf"\bdef\s+{word}\b|\bself\.{word}\s*\(", code))
        if uses != plain:
            return f"{name} is also reached otherwise than as self.{name}(...)"
    return None


def _class_names(cls: cst.ClassDef) -> set[str]:
    """The names a class's body binds (its attributes and methods)."""
    found: set[str] = set()
    for statement in cls.body.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            found.add(statement.name.value)
        for node in walk(statement):
            if isinstance(node, cst.AssignTarget) and isinstance(node.target, cst.Name):
                found.add(node.target.value)
            elif isinstance(node, cst.AnnAssign) and isinstance(node.target, cst.Name):
                found.add(node.target.value)
    return found


def _bound_alike(
    names: set[str],
    defined: dict[str, str],
    bound_here: dict[str, str],
    base_local: str,
    base_class: str,
    base_module: str = "",
) -> tuple[set[str], list[str]] | str:
    """Whether every name the copies read means the same in the subclass's
    module: the same absolute import there, an import of it from the base's
    module, or a builtin neither module binds. What to add: absolute module
    imports the subclass's module does not bind (``import urllib.parse``), and
    the base module's classes, functions and loggers it does not bind
    (imported from that module, when the subclass's module imports the base
    from it, ``base_module``); or why not."""
    if "*" in bound_here:
        return "the subclass's module imports * (the names it binds are not known)"
    from_base = bound_here.get(base_local, "")
    if not from_base.startswith(("from:", "relative:")) or not from_base.endswith(
        f":{base_class}"
    ):
        return f"the subclass's module does not import {base_class} by its name"
    from_base = from_base.rsplit(":", 1)[0]
    modules: set[str] = set()
    imported: list[str] = []
    for name in sorted(names):
        if name.startswith("__") and name.endswith("__"):
            return f"the copies read {name}, which is the module's own"
        there, here = defined.get(name), bound_here.get(name)
        if there is None:  # a builtin in both
            if here is not None:
                return f"{name} is a builtin there and bound in the subclass's module"
            continue
        if there == "several":
            return f"{name} is bound more than once in its base's module"
        if here is None:
            if there.startswith("import:"):
                modules.add(name)  # import urllib.parse, added beside the class
            elif (
                there in ("def", "logger", "constant")
                and from_base == base_module
                and not hasattr(builtins, name)  # would hide the builtin there
            ):
                imported.append(name)  # from the base's own module
            else:
                return (
                    f"the copies read {name}, which the subclass's module does "
                    "not bind"
                )
            continue
        if here == f"{from_base}:{name}" or (
            here == there and here.startswith(("import:", "from:"))
        ):
            continue  # the same object
        return f"{name} means something else in the subclass's module"
    return modules, imported


def _module_imports(module: cst.Module, names: set[str]) -> list[str]:
    """The base module's ``import x.y`` statements binding ``names``, as text."""
    found = []
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if not isinstance(small, cst.Import):
                continue
            for alias in small.names:
                dotted = _dotted(alias.name)
                local = _bound_name(alias)
                if local in names:
                    found.append(
                        f"import {dotted}"
                        + (f" as {local}" if alias.asname is not None else "")
                    )
    return list(dict.fromkeys(found))


def _definition(source: bytes, kind: type, name: str):
    """The module ``source`` parses to, its scopes, and its one top-level
    ``kind`` (class or function) named ``name``; or why not."""
    try:
        wrapper = MetadataWrapper(cst.parse_module(source), unsafe_skip_copy=True)
    except (cst.ParserSyntaxError, RecursionError):
        return f"the module defining {name} does not parse"
    module = wrapper.module
    found = [s for s in module.body if isinstance(s, kind) and s.name.value == name]
    if len(found) != 1:
        return f"{name} is not defined once at the top of its module"
    return module, metadata.resolve(wrapper)[ScopeProvider], found[0]


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
    """The module-level (and builtin) names ``method`` reads (``urllib`` of
    ``urllib.parse.quote``); why it cannot be copied when it reads a name of
    its class's body, or one bound nowhere."""
    inside = {id(n) for n in walk(method)}
    own = {id(s): s for s in map(scopes.get, walk(method)) if s is not None}
    found: set[str] = set()
    for scope in own.values():
        for access in scope.accesses:
            if id(access.node) not in inside:
                continue
            root = access.node
            while isinstance(root, cst.Attribute):
                root = root.value
            if not isinstance(root, cst.Name):
                continue
            referents = list(access.referents)
            local = [
                a
                for a in referents
                if id(getattr(a, "node", None)) in inside
                or _within(a.scope, scopes, method)
            ]
            if referents and len(local) == len(referents):
                continue
            if not referents:
                if not hasattr(builtins, root.value):
                    return f"{method.name.value} reads {root.value}, bound nowhere"
                found.add(root.value)
            elif all(
                isinstance(a.scope, (GlobalScope, BuiltinScope)) for a in referents
            ):
                found.add(root.value)
            else:
                return f"{method.name.value} reads {root.value} of its class's body"
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
    an assignment (``logger`` for ``logging.getLogger(...)``, ``constant`` for a
    literal: the run checks no other module rebinds it), ``def`` for a
    function or class, ``several`` when bound more than once."""
    found: dict[str, str] = {}

    def bind(name: str, how: str) -> None:
        # import urllib.parse; import urllib.request: one binding of urllib
        found[name] = how if found.get(name, how) == how else "several"

    for statement in module.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            bind(statement.name.value, "def")
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
                    local = _bound_name(alias)
                    bind(local, f"import:{dotted if alias.asname else local}")
            elif isinstance(small, cst.ImportFrom):
                if isinstance(small.names, cst.ImportStar):
                    bind("*", "several")
                    continue
                source = _dotted(small.module) if small.module is not None else ""
                for alias in small.names:
                    name = _dotted(alias.name)
                    local = _bound_name(alias)
                    how = (
                        f"relative:{len(small.relative)}:{source}:{name}"
                        if small.relative
                        else f"from:{source}:{name}"
                    )
                    bind(local, how)
            elif isinstance(small, (cst.Assign, cst.AnnAssign, cst.AugAssign)):
                value = getattr(small, "value", None)
                logger = (
                    isinstance(small, cst.Assign)
                    and isinstance(value, cst.Call)
                    and re.search(r"(?:^|\.)getLogger$", _dotted(value.func))
                    is not None
                )
                literal = isinstance(
                    value, (cst.SimpleString, cst.ConcatenatedString, cst.Integer)
                )
                kind = "logger" if logger else "constant" if literal else "local"
                for node in walk(small):
                    if isinstance(node, cst.Name) and _is_target(small, node):
                        bind(node.value, kind)
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
            names.add(_bound_name(node))
    return names


def _is_target(small: cst.BaseSmallStatement, name: cst.Name) -> bool:
    if isinstance(small, cst.Assign):
        return any(any(n is name for n in walk(t.target)) for t in small.targets)
    return any(n is name for n in walk(small.target))


def _bound_name(alias: cst.ImportAlias) -> str:
    """The name ``import a.b`` (``a``) or ``import a.b as c`` (``c``) binds."""
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return _dotted(alias.name).split(".")[0]


def _dotted(node: cst.BaseExpression) -> str:
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        return f"{_dotted(node.value)}.{node.attr.value}"
    return ""


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

    def copies(module: cst.Module, cls: cst.ClassDef) -> list[str]:
        return [
            module.code_for_node(s)
            for s in cls.body.body
            if isinstance(s, cst.FunctionDef) and s.name.value in methods
        ]

    if copies(before, old_class) == copies(after, new_class):
        return "nothing (it stays as it is)"  # the copies would be for nothing
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


@dataclass(frozen=True)
class FunctionCopy:
    """A module-level function of another module as it was (``call`` of
    ``calls.py``), for a caller that hands it a developer key: copied into the
    caller's module under ``name``, with the names it reads imported."""

    function: cst.FunctionDef
    name: str
    imports: tuple[str, ...]  # ``import urllib.parse``: module imports to add
    from_helper: tuple[str, ...]  # names imported from the helper's module
    reads: tuple[str, ...]  # the module-level names it reads


def plan_function(
    source: bytes,
    function: str,
    name: str,
    bound_here: dict[str, str],
    function_local: str,
    helper_module: str = "",
) -> FunctionCopy | str:
    """The copy of ``function`` (defined at the top level of ``source``) named
    ``name`` for a module binding its names as ``bound_here`` says and
    importing the function as ``function_local``; or why there is none: the
    function decorated, async, a generator's or a closure's, calling itself
    (the copy would call the migrated one), reading a name the caller's module
    binds otherwise, or ``name`` taken."""
    found = _definition(source, cst.FunctionDef, function)
    if isinstance(found, str):
        return found
    module, scopes, original = found
    if original.decorators or original.asynchronous is not None:
        return f"{function} is decorated or async"
    code = _code(module, original)
    if re.search(r"\b(?:yield|global|nonlocal)\b", code):
        return f"{function} yields or rebinds module names"
    if name in bound_here:
        return f"{name} is taken in the caller's module"
    names = _module_names(scopes, original)
    if isinstance(names, str):
        return names
    if function in names:
        return f"{function} calls itself"
    defined = module_bindings(module)
    if "*" in defined:
        return f"{function}'s module imports * (which names it binds is not known)"
    needed = _bound_alike(
        names, defined, bound_here, function_local, function, helper_module
    )
    if isinstance(needed, str):
        return needed
    modules, imported = needed
    return FunctionCopy(
        original.with_changes(name=cst.Name(name)),
        name,
        tuple(_module_imports(module, modules)),
        tuple(imported),
        tuple(sorted(names)),
    )


def function_changed_elsewhere(
    original: bytes, new: bytes, function: str, names: tuple[str, ...]
) -> str | None:
    """What the helper's module changed that a copy of ``function`` reads
    (``names``: the module-level names it reads): one of their definitions
    (None: nothing, so the copy behaves as the function did)."""
    try:
        before, after = cst.parse_module(original), cst.parse_module(new)
    except (cst.ParserSyntaxError, RecursionError):
        return "its module"

    def read(module: cst.Module) -> list[str]:
        return [
            module.code_for_node(s)
            for s in module.body
            if not _is_import(s)
            and (
                not isinstance(s, (cst.FunctionDef, cst.ClassDef))
                or s.name.value in names
            )
            and not (isinstance(s, cst.FunctionDef) and s.name.value == function)
        ]

    if read(before) != read(after):
        return f"module-level code the copy of {function} reads"
    return None


def split_classes(
    original: bytes, new: bytes | None, methods: tuple[str, ...]
) -> frozenset[str]:
    """The module-level classes of a module that its migration gave copies of
    ``methods`` (defining none of them before, all of them after): developer-key
    subclasses whose requests keep the key, and never carry the base's token."""
    try:
        before, after = cst.parse_module(original), cst.parse_module(new or b"")
    except (cst.ParserSyntaxError, RecursionError):
        return frozenset()

    def defined(module: cst.Module) -> dict[str, set[str]]:
        return {
            s.name.value: {
                m.name.value for m in s.body.body if isinstance(m, cst.FunctionDef)
            }
            for s in module.body
            if isinstance(s, cst.ClassDef)
        }

    old, now = defined(before), defined(after)
    return frozenset(
        name
        for name, own in now.items()
        if set(methods) <= own and not set(methods) & old.get(name, set(methods))
    )


def kept_subclasses(results) -> dict[tuple[str, str, str], frozenset[str]]:
    """For each module given copies of a base's methods (``FileResult``s whose
    ``developer_copies`` name a class), the subclasses there that keep them:
    (that module's path, the base's path, the base class, all absolute) ->
    their names. What they set on their instances reaches no token."""
    import os

    found: dict[tuple[str, str, str], frozenset[str]] = {}
    for result in results:
        if not result.changed or result.original is None:
            continue
        for base_path, base_class, methods, _ in result.developer_copies:
            if base_class.endswith("()"):  # a function copied for a caller
                continue
            key = (os.path.abspath(result.path), os.path.abspath(base_path), base_class)
            found[key] = found.get(key, frozenset()) | split_classes(
                result.original, result.new, methods
            )
    return found


def developer_requests(subclass: cst.ClassDef) -> bool:
    """Whether the subclass's own code names developer-key APIs only (a
    webhooks or timeline path), not the portal's (a parameter named
    ``dev_key`` may hold a sandbox portal's key). A path the subclass keeps
    in an attribute for the base to complete (``self.ENDPOINT =
    "integrations/v1/%s/timeline" % app_id``) names what every request of
    the subclass completes it to (``self._call("GET", "event-types")``)."""
    strings = [n for n in walk(subclass) if isinstance(n, cst.SimpleString)]
    developer = [s for s in strings if developer_path(s)]
    portal = [s for s in strings if _api_path(s) and not developer_path(s)]
    if portal and not developer:
        return _completed_to_developer(subclass, portal)
    return bool(developer) and not portal


_VERBS = frozenset({"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})


def _completed_to_developer(
    subclass: cst.ClassDef, prefixes: list[cst.SimpleString]
) -> bool:
    """Whether each of ``prefixes`` is a path the subclass assigns to an
    attribute (``ENDPOINT = "..."``, ``self.ENDPOINT = "..." % app_id``), and
    every call of an inherited method (``self._call(...)``) gives it a suffix
    completing each to a developer-key API (``"event-types"``): a suffix not
    written, or one completing it to another API (``"event"``), and no."""

    def literal(value: cst.BaseExpression) -> cst.BaseExpression:
        if isinstance(value, cst.BinaryOperation) and isinstance(
            value.operator, cst.Modulo
        ):
            return value.left  # "a/%s/b" % x
        if (
            isinstance(value, cst.Call)
            and isinstance(value.func, cst.Attribute)
            and value.func.attr.value == "format"
        ):
            return value.func.value  # "a/{}/b".format(x)
        return value

    assigned: set[int] = set()
    for node in walk(subclass):
        if isinstance(node, cst.Assign) and len(node.targets) == 1:
            target = node.targets[0].target
            if isinstance(target, cst.Name) or (
                isinstance(target, cst.Attribute)
                and isinstance(target.value, cst.Name)
                and target.value.value == "self"
            ):
                assigned.add(id(literal(node.value)))
    if any(id(p) not in assigned for p in prefixes):
        return False
    own = {s.name.value for s in subclass.body.body if isinstance(s, cst.FunctionDef)}
    calls = [
        n
        for n in walk(subclass)
        if isinstance(n, cst.Call)
        and isinstance(n.func, cst.Attribute)
        and isinstance(n.func.value, cst.Name)
        and n.func.value.value == "self"
        and n.func.attr.value not in own
    ]
    if not calls:
        return False
    for call in calls:
        suffixes = []
        for arg in call.args:
            value = literal(arg.value)
            text = (
                value.evaluated_value if isinstance(value, cst.SimpleString) else None
            )
            if isinstance(text, str) and text.upper() not in _VERBS:
                suffixes.append(text)
        if not suffixes:
            return False
        for prefix in prefixes:
            start = str(prefix.evaluated_value).strip("/")
            for suffix in suffixes:
                path = f"/{start}/{suffix.lstrip('/')}"
                if not hubspot.developer_api_named(path):
                    return False
    return True


def _api_path(value: cst.SimpleString) -> bool:
    """A literal naming an API path (``/contacts/v1/...``, ``deals/v1``)."""
    text = value.evaluated_value
    return isinstance(text, str) and re.match(r"/?[a-z][\w-]*/v\d", text) is not None


def developer_path(value: cst.BaseExpression | None) -> str | None:
    """The developer-key (or keyless) API a string literal names, if any."""
    if not isinstance(value, cst.SimpleString):
        return None
    text = value.evaluated_value
    if not isinstance(text, str) or "/" not in text:
        return None
    named = hubspot.developer_api_named(text)
    if named:
        return f"a developer-key API ({named})"
    if hubspot.auth_kind(None, "/" + text.lstrip("/")) == hubspot.NO_AUTH:
        return "an API that takes no key (form submissions)"
    return None
