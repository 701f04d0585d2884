"""Hosts the callers give (JavaScript/TypeScript): a URL that starts with a
parameter of the function it is in (``fetch(base + '/deals/v1/deal/paged?hapikey=' + KEY)``
in ``get(base)``), or with ``this.base`` that a class's constructor sets from
its parameters, goes wherever the callers send it.

Each caller is looked at, in the file and in the project's modules importing
it (``require``, ``import``; see :mod:`.js_project`): the value it gives (its
argument, else the parameter's default) must be a HubSpot URL written in the
code (a literal, a constant holding one, a caller's own parameter whose
callers all give one). Otherwise :class:`Given` says why, naming the place:

* a caller gives another host, or a value known only at run time, or none;
* the function or class is used as a value (passed, stored, ``.call``,
  ``.bind``), extended by a subclass, re-exported, loaded by a module named at
  run time, or exported by a module whose importers cannot all be seen (see
  :class:`.js_project.Project`);
* ``this.base`` is set outside the class's constructor from what others give,
  on an instance (``client.base = ...``), by ``Object.assign(this, ...)``, a
  getter, or a class it extends.

    function get(base) { return fetch(base + '/deals/v1/deal/paged?hapikey=' + KEY); }
    get('https://api.hubapi.com');       // every caller: migrated
    get(process.env.BASE);               // manual: known only at run time
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from hapimigrate import hubspot
from hapimigrate.foreign import js_project
from hapimigrate.foreign.js_syntax import (
    Binding,
    Node,
    arguments,
    enclosing_statement,
    outer,
    property_name,
    references,
    resolve,
    snippet,
    string_value,
    text,
    unwrap,
    walk,
)

_FUNCTIONS = (
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function",
)
_DECLARATIONS = (
    "function_declaration",
    "generator_function_declaration",
    "class_declaration",
    "abstract_class_declaration",
)
_FIELDS = ("field_definition", "public_field_definition")


@dataclass(frozen=True)
class Given:
    """What the callers give: the URL (template) every one gives, or why the
    host cannot be told (``reason``, naming the place)."""

    template: str = ""
    reason: str = ""


@dataclass(frozen=True)
class _Callers:
    calls: tuple[Node, ...] = ()  # call_expression / new_expression nodes
    reason: str = ""


# js_urls' url_template and given_by_callers, which render what callers give
# (set by js_urls as it is imported: it calls this module, not the other way)
_RENDER: list = [lambda node, depth: "{}", lambda template, detail=False: ""]


def renders_with(template, given) -> None:
    _RENDER[:] = [template, given]


_CACHE: dict[tuple, Given] = {}
_ACTIVE: set[tuple] = set()
js_project._RESETS.append(_CACHE.clear)


def _key(node: Node, depth: int) -> tuple:
    root = node
    while root.parent is not None:
        root = root.parent
    return (root.id, node.start_byte, node.end_byte, node.type, depth)


def _cached(function):
    def wrapper(node: Node, depth: int) -> Given:
        key = (function.__name__,) + _key(node, depth)
        if key in _CACHE:
            return _CACHE[key]
        if key in _ACTIVE:
            return Given(reason="it is handed on by a recursive call")
        _ACTIVE.add(key)
        try:
            found = function(node, depth)
        finally:
            _ACTIVE.discard(key)
        if len(_CACHE) > 20000:
            _CACHE.clear()
        _CACHE[key] = found
        return found

    wrapper.__name__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


# -- a parameter ----------------------------------------------------------------------


@_cached
def parameter(ident: Node, depth: int) -> Given:
    """What the callers of the function that ``ident`` (a parameter) belongs
    to give for it."""
    binding = resolve(ident)
    if binding is None or binding.kind != "param":
        return Given(reason="not a parameter")
    name = text(ident)
    function = binding.scope
    position, default, why = _position(function, binding.name)
    if why:
        return Given(reason=f"{name} is {why}")
    if function.type == "method_definition":
        if _method_name(function) != "constructor":
            return Given(
                reason=f"{name} is a parameter of the method {_method_name(function)}, "
                "whose callers (through instances) cannot all be seen"
            )
        target = function.parent.parent if function.parent is not None else None
        if target is None or _is_static(function):
            return Given(reason=f"{name} is a parameter of a constructor not followed")
    else:
        target = function
    callers = _callers(target)
    if callers.reason:
        return Given(reason=callers.reason)
    values = []
    for call in callers.calls:
        args = _args(call)
        where = _where(call, ident)
        if any(a.type == "spread_element" for a in args[: position + 1]):
            return Given(reason=f"{where} spreads its arguments")
        given = args[position] if position < len(args) else None
        if (
            given is not None
            and unwrap(given) is not None
            and (
                unwrap(given).type == "undefined"
                or (
                    unwrap(given).type == "identifier"
                    and text(unwrap(given)) == "undefined"
                )
            )
        ):
            given = None
        if given is None:
            given = default
        if given is None:
            return Given(
                reason=f"{where} gives no value for {name}, which has no default"
            )
        values.append((given, where))
    if not values and default is not None:
        values.append((default, f"the default of {name}"))
    if not values:
        return Given(reason=f"{_label(target)} has no caller to give {name}")
    return _combine(values, depth)


def _position(function: Node, name: Node) -> tuple[int, Node | None, str]:
    """The index of the parameter declaring ``name`` and its default value;
    or why its callers' argument cannot be matched to it."""
    params = function.child_by_field_name("parameters") or function.child_by_field_name(
        "parameter"
    )
    if params is None:
        return 0, None, "a parameter not followed"
    if params.type == "identifier":  # x => ...
        return 0, None, ""
    index = 0
    for child in params.named_children:
        if child.type == "comment":
            continue
        inside = child.start_byte <= name.start_byte and name.end_byte <= child.end_byte
        if inside:
            if child.type == "identifier":
                return index, None, ""
            if child.type == "assignment_pattern":
                left = child.child_by_field_name("left")
                if left is not None and left.type == "identifier":
                    return index, child.child_by_field_name("right"), ""
            if child.type in ("required_parameter", "optional_parameter"):
                pattern = child.child_by_field_name("pattern")
                if pattern is not None and pattern.type == "identifier":
                    return index, child.child_by_field_name("value"), ""
            return index, None, "a destructured or rest parameter"
        index += 1
    return 0, None, "a parameter not followed"


def _method_name(method: Node) -> str:
    name = method.child_by_field_name("name")
    return text(name) if name is not None else ""


def _is_static(method: Node) -> bool:
    return any(c.type == "static" for c in method.children)


def _args(call: Node) -> list[Node]:
    return arguments(call)


# -- this.base -------------------------------------------------------------------------


@_cached
def this_member(member: Node, depth: int) -> Given:
    """The values ``this.X`` (a class's instance attribute) may hold."""
    prop = member.child_by_field_name("property")
    name = text(prop) if prop is not None else ""
    label = f"this.{name}"
    method = member.parent
    while method is not None and (
        method.type not in _FUNCTIONS or method.type == "arrow_function"
    ):
        method = method.parent
    if (
        method is None
        or method.type != "method_definition"
        or method.parent is None
        or method.parent.type != "class_body"
        or _is_static(method)
    ):
        return Given(
            reason=f"{label} is read in a function that is not a class's method"
        )
    body = method.parent
    cls = body.parent
    heritage = next((c for c in cls.children if c.type == "class_heritage"), None)
    if heritage is not None:
        return Given(
            reason=f"{label} may be set by the class {_label(cls)} extends "
            f"({snippet(heritage)})"
        )
    values: list[tuple[Node, str]] = []
    for node in walk(body):
        if node.type in ("assignment_expression", "augmented_assignment_expression"):
            left = unwrap(node.child_by_field_name("left"))
            if _is_this_member(left, name):
                if node.type == "augmented_assignment_expression":
                    return Given(reason=f"{label} is changed on line {_line(node)}")
                right = node.child_by_field_name("right")
                if right is not None:
                    values.append((right, f"the assignment on line {_line(node)}"))
        elif node.type in _FIELDS and node.parent == body:
            if property_name_of(node) == name:
                if any(c.type == "static" for c in node.children):
                    continue
                value = node.child_by_field_name("value")
                if value is not None:
                    values.append((value, f"the field on line {_line(node)}"))
        elif node.type == "method_definition" and node.parent == body:
            if _method_name(node) == name and not _is_static(node):
                return Given(reason=f"{label} is a getter or method of {_label(cls)}")
        elif node.type == "call_expression":
            function = node.child_by_field_name("function")
            args = arguments(node)
            if (
                function is not None
                and text(function) == "Object.assign"
                and args
                and unwrap(args[0]) is not None
                and unwrap(args[0]).type == "this"
            ):
                return Given(
                    reason=f"{label} may be set by Object.assign(this, ...) on line {_line(node)}"
                )
        elif node.type in ("required_parameter", "optional_parameter"):
            if any(
                c.type in ("accessibility_modifier", "readonly") for c in node.children
            ):
                pattern = node.child_by_field_name("pattern")
                if pattern is not None and text(pattern) == name:
                    values.append((pattern, f"the parameter on line {_line(node)}"))
    if not values:
        return Given(reason=f"{label} is not set in the class {_label(cls)}")
    callers = _callers(cls, attribute=name)
    if callers.reason:
        return Given(reason=callers.reason)
    return _combine(values, depth)


def property_name_of(field: Node) -> str:
    name = field.child_by_field_name("property") or field.child_by_field_name("name")
    return text(name) if name is not None else ""


def _is_this_member(node: Node | None, name: str) -> bool:
    if node is None or node.type != "member_expression":
        return False
    holder = unwrap(node.child_by_field_name("object"))
    prop = node.child_by_field_name("property")
    return (
        holder is not None
        and holder.type == "this"
        and prop is not None
        and text(prop) == name
    )


# -- combining what is given -----------------------------------------------------------


def _combine(values: list[tuple[Node, str]], depth: int) -> Given:
    """One template for what every caller gives, or why there is none."""
    templates = []
    for value, where in values:
        template = _RENDER[0](value, depth + 1) or "{}"
        nested = _RENDER[1](template, detail=True)
        if nested:
            return Given(reason=f"{where} gives {snippet(value)}, and {nested}")
        host = hubspot.host(template)
        if host is None:
            return Given(
                reason=f"{where} gives {snippet(value)}, a value known only at run time"
            )
        if not hubspot.is_hubspot_host(host):
            return Given(reason=f"{where} gives {host}, not HubSpot's host")
        templates.append((template, where))
    first = templates[0][0]
    if all(t == first for t, _ in templates):
        return Given(first)
    origins = [_origin(t) for t, _ in templates]
    if all(rest in ("", "/") for _, rest in origins):
        return Given(origins[0][0])
    (a, where_a), (b, where_b) = next(
        (templates[0], other) for other in templates[1:] if other[0] != first
    )
    return Given(
        reason=f"the callers give different URLs ({where_a}: {a}; {where_b}: {b}), "
        "which this tool does not tell apart"
    )


def _origin(template: str) -> tuple[str, str]:
    """``('https://api.hubapi.com', '/crm/v3')`` for a URL template."""
    scheme = template.find("://")
    if scheme < 0:
        return template, ""
    slash = template.find("/", scheme + 3)
    if slash < 0:
        return template, ""
    return template[:slash], template[slash:]


# -- who calls a function or makes a class ----------------------------------------------


def _callers(target: Node, attribute: str = "") -> _Callers:
    """The calls (``f(...)``, ``new C(...)``) of a function or class, in its
    file and in the project's modules importing it; or why they cannot all be
    seen. With ``attribute``, a write of ``<instance>.attribute = ...`` in
    those files is a reason too."""
    label = _label(target)
    calls: list[Node] = []
    exports: set[tuple[str, ...]] = set()
    binding, reason = _binding_of(target, exports)
    if reason:
        return _Callers(reason=f"{label} is {reason}: its callers cannot all be seen")
    if binding is not None:
        for ref in references(binding):
            found = _use(ref, (), {()}, exports, own=True)
            if isinstance(found, str):
                return _Callers(
                    reason=f"{label} is {found}: its callers cannot all be seen"
                )
            if found is not None:
                calls.append(found)
    if attribute:
        written = _attribute_written(_root(target), attribute, None)
        if written:
            return _Callers(reason=written)
    if not exports:
        return _Callers(tuple(calls))
    path = js_project.path_of(target)
    if path is None:
        return _Callers(
            reason=f"{label} is exported, and the file's project is not known: its "
            "callers cannot all be seen"
        )
    project = js_project.project(path)
    if project.reason:
        return _Callers(reason=f"{label} is exported, and {project.reason}")
    own = os.path.abspath(path)
    esm = _is_esm(_root(target))
    paths = set(exports)
    if not esm:  # import x from './cjs' and ns.default: module.exports
        paths |= {("default",) + e for e in exports}
    for other in project.files:
        if other == own:
            continue
        data = js_project.data_of(other)
        if data is None:
            continue
        if not any(word in data for word in (b"require", b"import", b"export")):
            continue
        root = js_project.parsed(other)
        if root is None:
            if _mentions(data, own):
                return _Callers(
                    reason=f"{label} is exported, and {_shown(other, project.root)}, "
                    "which may import it, does not parse"
                )
            continue
        found = _importer(root, other, own, paths, project.root, attribute)
        if isinstance(found, str):
            return _Callers(reason=f"{label} is exported, and {found}")
        calls.extend(found)
    return _Callers(tuple(calls))


def _mentions(data: bytes, own: str) -> bool:
    stem = os.path.splitext(os.path.basename(own))[0].encode()
    return stem in data


def _binding_of(target: Node, exports: set) -> tuple[Binding | None, str]:
    """The name the function or class is declared under (None for an
    expression exported directly), the export paths its declaration makes, or
    why it cannot be followed."""
    if target.type in _DECLARATIONS:
        own = target.child_by_field_name("name")
        if own is None:
            return None, "unnamed"
        parent = target.parent
        if parent is not None and parent.type == "export_statement":
            default = any(c.type == "default" for c in parent.children)
            exports.add(("default",) if default else (text(own),))
        binding = resolve(own)
        if binding is None or binding.value != target:
            return None, "declared in a way not followed"
        return binding, ""
    holder = outer(target)
    parent = holder.parent
    if parent is None:
        return None, "not followed"
    if (
        parent.type == "variable_declarator"
        and parent.child_by_field_name("value") == holder
    ):
        name = parent.child_by_field_name("name")
        if name is None or name.type != "identifier":
            return None, f"destructured on line {_line(parent)}"
        binding = resolve(name)
        if binding is None or binding.declarator != parent:
            return None, "declared in a way not followed"
        return binding, ""
    exported = _export_form(holder)
    if exported is not None:
        exports.add(exported)
        return None, ""
    return (
        None,
        f"passed or stored as a value on line {_line(parent)} ({snippet(parent)})",
    )


def _export_form(node: Node) -> tuple[str, ...] | None:
    """The export path when ``node`` is exported right where it stands:
    ``module.exports = node`` -> (), ``exports.get = node`` -> ('get',),
    ``module.exports = { get: node }`` / ``{ node }`` -> ('get',),
    ``export default node`` -> ('default',), ``export { node as x }`` -> ('x',)."""
    parent = node.parent
    if parent is None:
        return None
    if (
        parent.type == "assignment_expression"
        and parent.child_by_field_name("right") == node
    ):
        target = _exports_target(parent.child_by_field_name("left"))
        return target
    if parent.type in ("pair", "shorthand_property_identifier") or (
        node.type == "shorthand_property_identifier"
    ):
        pair = node if node.type == "shorthand_property_identifier" else parent
        obj = pair.parent
        if pair.type == "pair" and pair.child_by_field_name("value") != node:
            return None
        name = property_name(pair)
        holder = outer(obj) if obj is not None and obj.type == "object" else None
        if holder is not None and name is not None and holder.parent is not None:
            assign = holder.parent
            if (
                assign.type == "assignment_expression"
                and assign.child_by_field_name("right") == holder
            ):
                base = _exports_target(assign.child_by_field_name("left"))
                if base is not None:
                    return base + (name,)
        return None
    if parent.type == "export_statement":
        if any(c.type == "default" for c in parent.children):
            return ("default",)
        return None
    if parent.type == "export_specifier":
        alias = parent.child_by_field_name("alias")
        return (text(alias if alias is not None else node),)
    return None


def _exports_target(left: Node | None) -> tuple[str, ...] | None:
    """``module.exports`` -> (), ``module.exports.get``/``exports.get`` ->
    ('get',); None for anything else."""
    left = unwrap(left)
    if left is None:
        return None
    chain = []
    while left is not None and left.type == "member_expression":
        prop = left.child_by_field_name("property")
        chain.append(text(prop) if prop is not None else "")
        left = unwrap(left.child_by_field_name("object"))
    if left is None or left.type != "identifier":
        return None
    chain.append(text(left))
    chain.reverse()
    if chain[:2] == ["module", "exports"]:
        return tuple(chain[2:]) if len(chain) <= 3 else None
    if chain[0] == "exports" and len(chain) == 2:
        return (chain[1],)
    return None


def _use(
    ref: Node,
    prefix: tuple[str, ...],
    paths: set,
    exports: set,
    own: bool,
) -> Node | str | None:
    """What a reference does with the function or class: the call or ``new``
    it is the callee of; an export (own file: recorded in ``exports``); None
    when it reaches another member of a module; else why its callers cannot
    all be seen."""
    node = outer(ref)
    path = prefix
    while True:
        if path in paths:
            break
        if not any(len(p) > len(path) and p[: len(path)] == path for p in paths):
            return None  # another export of the module
        parent = node.parent
        if (
            parent is not None
            and parent.type == "member_expression"
            and (parent.child_by_field_name("object") == node)
        ):
            prop = parent.child_by_field_name("property")
            path = path + (text(prop) if prop is not None else "",)
            node = outer(parent)
            continue
        if (
            parent is not None
            and parent.type == "subscript_expression"
            and (parent.child_by_field_name("object") == node)
        ):
            index = string_value(parent.child_by_field_name("index"))
            if index is None:
                return f"looked up by a name known only at run time on line {_line(parent)}"
            path = path + (index,)
            node = outer(parent)
            continue
        return f"used as a value on line {_line(node)} ({_statement(node)})"
    parent = node.parent
    if parent is None:
        return "used as a value"
    if (
        parent.type == "call_expression"
        and parent.child_by_field_name("function") == node
    ):
        return parent
    if (
        parent.type == "new_expression"
        and parent.child_by_field_name("constructor") == node
    ):
        return parent
    if parent.type == "class_heritage" or (
        parent.parent is not None and parent.parent.type == "class_heritage"
    ):
        return f"extended by a class on line {_line(parent)}"
    if own:
        exported = _export_form(node)
        if exported is not None:
            exports.add(exported)
            return None
        if parent.type == "export_statement" and node.type != "identifier":
            return None
        return f"used as a value on line {_line(node)} ({_statement(node)})"
    if _export_form(node) is not None or parent.type == "export_specifier":
        return f"re-exported on line {_line(node)}"
    return f"used as a value on line {_line(node)} ({_statement(node)})"


def _importer(
    root: Node, path: str, own: str, paths: set, project_root: str, attribute: str
) -> list[Node] | str:
    """The calls a project module makes of the exports ``paths`` of ``own``;
    or why they cannot all be seen."""
    where = _shown(path, project_root)
    calls: list[Node] = []
    importing = False
    for node in walk(root):
        if node.type == "import_statement" or (
            node.type == "export_statement" and node.child_by_field_name("source")
        ):
            spec = string_value(node.child_by_field_name("source"))
            if spec is None or not js_project.resolves_to(spec, path, own):
                continue
            importing = True
            if node.type == "export_statement":
                return f"{where}:{_line(node)} re-exports it"
            for child in walk(node):
                found = None
                if child.type == "namespace_import":
                    ident = next(
                        (c for c in child.named_children if c.type == "identifier"),
                        None,
                    )
                    found = (ident, ())
                elif child.type == "import_specifier":
                    name = child.child_by_field_name("name")
                    alias = child.child_by_field_name("alias")
                    found = (alias or name, (text(name),) if name is not None else ())
                elif (
                    child.type == "identifier"
                    and child.parent is not None
                    and (child.parent.type == "import_clause")
                ):
                    found = (child, ("default",))
                if found is None or found[0] is None:
                    continue
                result = _local_uses(found[0], found[1], paths, where)
                if isinstance(result, str):
                    return result
                calls.extend(result)
        elif node.type == "call_expression":
            function = unwrap(node.child_by_field_name("function"))
            if function is None or function.type not in ("identifier", "import"):
                continue
            if text(function) not in ("require", "import"):
                continue
            args = arguments(node)
            spec = string_value(args[0]) if args else None
            if spec is None:
                return (
                    f"{where}:{_line(node)} loads a module named at run time, which "
                    "may be this one"
                )
            if not js_project.resolves_to(spec, path, own):
                continue
            importing = True
            if text(function) == "import":
                return f"{where}:{_line(node)} imports it at run time (import())"
            result = _required(node, paths, where)
            if isinstance(result, str):
                return result
            calls.extend(result)
    if importing and attribute:
        written = _attribute_written(root, attribute, where)
        if written:
            return written
    return calls


def _required(call: Node, paths: set, where: str) -> list[Node] | str:
    """The calls made through ``require('./own')``: bound to a name, to names
    destructured from it, or used on the spot (``require('./own').get(...)``)."""
    holder = outer(call)
    parent = holder.parent
    if (
        parent is not None
        and parent.type == "variable_declarator"
        and (parent.child_by_field_name("value") == holder)
    ):
        name = parent.child_by_field_name("name")
        if name is not None and name.type == "identifier":
            return _local_uses(name, (), paths, where)
        if name is not None and name.type == "object_pattern":
            calls: list[Node] = []
            for child in name.named_children:
                if child.type == "shorthand_property_identifier_pattern":
                    local, key = child, text(child)
                elif child.type == "pair_pattern":
                    key_node = child.child_by_field_name("key")
                    local = child.child_by_field_name("value")
                    key = property_name_key(key_node)
                    if local is None or local.type != "identifier" or key is None:
                        return f"{where}:{_line(child)} destructures it in a way not followed"
                else:
                    return (
                        f"{where}:{_line(child)} destructures it in a way not followed"
                    )
                result = _local_uses(local, (key,), paths, where)
                if isinstance(result, str):
                    return result
                calls.extend(result)
            return calls
        return f"{where}:{_line(parent)} binds it in a way not followed"
    found = _use(call, (), paths, set(), own=False)
    if isinstance(found, str):
        return f"in {where} it is {found}"
    return [found] if found is not None else []


def property_name_key(key: Node | None) -> str | None:
    if key is None:
        return None
    if key.type in ("property_identifier", "identifier"):
        return text(key)
    return string_value(key)


def _local_uses(
    name: Node, prefix: tuple[str, ...], paths: set, where: str
) -> list[Node] | str:
    binding = resolve(name)
    if binding is None:
        return f"{where}:{_line(name)} imports it in a way not followed"
    calls: list[Node] = []
    for ref in references(binding):
        found = _use(ref, prefix, paths, set(), own=False)
        if isinstance(found, str):
            return f"in {where} it is {found}"
        if found is not None:
            calls.append(found)
    return calls


def _attribute_written(root: Node, attribute: str, where: str | None) -> str:
    """Why an instance's ``attribute`` may be set elsewhere (``client.base =
    ...`` outside the class), or ""."""
    for node in walk(root):
        if node.type not in (
            "assignment_expression",
            "augmented_assignment_expression",
        ):
            continue
        left = unwrap(node.child_by_field_name("left"))
        if left is None or left.type != "member_expression":
            continue
        prop = left.child_by_field_name("property")
        holder = unwrap(left.child_by_field_name("object"))
        if prop is None or text(prop) != attribute or holder is None:
            continue
        if holder.type == "this":
            continue  # the class's own (judged there); another class's this: harmless
        place = f"{where}:{_line(node)}" if where else f"line {_line(node)}"
        return f"{place} sets .{attribute} on an instance ({snippet(node)})"
    return ""


# -- small things ------------------------------------------------------------------------


def _root(node: Node) -> Node:
    while node.parent is not None:
        node = node.parent
    return node


def _is_esm(root: Node) -> bool:
    return any(
        c.type in ("import_statement", "export_statement") for c in root.named_children
    )


def _statement(node: Node) -> str:
    return snippet(enclosing_statement(node), 40)


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _label(target: Node) -> str:
    """``get()`` / ``class Client``: how a reason names a function or class."""
    name = target.child_by_field_name("name")
    if name is None and target.parent is not None:
        holder = outer(target).parent
        if holder is not None and holder.type == "variable_declarator":
            name = holder.child_by_field_name("name")
    shown = text(name) if name is not None else "the function"
    if "class" in target.type:
        return f"class {shown}"
    return f"{shown}()"


def _where(call: Node, ident: Node) -> str:
    """``get(...) on line 4`` in the file of ``ident``, ``app.js:4`` in another."""
    callee = call.child_by_field_name("function") or call.child_by_field_name(
        "constructor"
    )
    shown = ("new " if call.type == "new_expression" else "") + (
        snippet(callee, 30) if callee is not None else "the call"
    )
    if _root(call).id == _root(ident).id:
        return f"{shown}(...) on line {_line(call)}"
    path = js_project.path_of(call)
    here = js_project.path_of(ident)
    if path and here:
        shown_path = os.path.relpath(path, os.path.dirname(os.path.abspath(here)))
    else:
        shown_path = path or "another module"
    return f"{shown}(...) at {shown_path}:{_line(call)}"


def _shown(path: str, root: str) -> str:
    return os.path.relpath(path, root)
