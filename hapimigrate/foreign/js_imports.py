"""The value a name imported from another module of the project holds, when
that module writes it as a constant (JavaScript/TypeScript):

    // constants.js                          // client.js
    export const HUBSPOT_API = 'https://api.hubapi.com';
                                             import { HUBSPOT_API } from './constants.js';
    module.exports = { BASE: 'https://api.hubapi.com' };
                                             const { BASE } = require('./config');

So a URL starting with ``${HUBSPOT_API}`` is judged by the host written
there. Only relative specifiers naming a file of the project are followed, and
only a ``const`` (or a literal written in ``module.exports``); anything else is
not found (the caller says it cannot read the value).
"""

from __future__ import annotations

import os

from hapimigrate.foreign import js_project
from hapimigrate.foreign.js_syntax import (
    Binding,
    Node,
    arguments,
    callee_parts,
    property_name,
    resolve,
    string_value,
    text,
    unwrap,
)


def imported_value(binding: Binding) -> Node | None:
    """The value node (in the other module's tree) of an imported name."""
    found = _specifier(binding)
    if found is None:
        return None
    specifier, exported = found
    here = js_project.path_of(binding.name)
    if here is None or not specifier.startswith("."):
        return None
    target = _resolve(specifier, here)
    if target is None:
        return None
    root = js_project.parsed(target)
    if root is None:
        return None
    return _export(root, exported)


def _specifier(binding: Binding) -> tuple[str, str] | None:
    """The module and the exported name a binding imports."""
    name = binding.name
    if binding.kind == "import":
        source = string_value(binding.value)
        parent = name.parent
        if source is None or parent is None:
            return None
        if parent.type == "import_specifier":
            original = parent.child_by_field_name("name")
            return source, text(original if original is not None else name)
        if parent.type == "import_clause":
            return source, "default"
        return None
    declarator = binding.declarator
    value = unwrap(declarator.child_by_field_name("value")) if declarator else None
    if value is None or value.type != "call_expression":
        return None
    if callee_parts(value) != ["require"]:
        return None
    args = arguments(value)
    source = string_value(args[0]) if args else None
    parent = name.parent
    if source is None or parent is None:
        return None
    if name.type == "shorthand_property_identifier_pattern":
        return source, text(name)
    if parent.type == "pair_pattern" and parent.child_by_field_name("value") == name:
        key = parent.child_by_field_name("key")
        return (source, text(key).strip("'\"")) if key is not None else None
    return None


def _resolve(specifier: str, importer: str) -> str | None:
    base = os.path.normpath(
        os.path.join(os.path.dirname(os.path.abspath(importer)), specifier)
    )
    stem, suffix = os.path.splitext(base)
    candidates = [base] + [base + s for s in js_project.SUFFIXES]
    candidates += [os.path.join(base, "index" + s) for s in js_project.SUFFIXES]
    if suffix in js_project.SUFFIXES:
        candidates += [stem + s for s in js_project.SUFFIXES]
    for candidate in candidates:
        if os.path.isfile(candidate) and candidate.endswith(js_project.SUFFIXES):
            return candidate
    return None


def _export(root: Node, name: str) -> Node | None:
    for child in root.named_children:
        if child.type == "export_statement":
            found = _esm_export(child, name, root)
            if found is not None:
                return found
        elif child.type == "expression_statement":
            found = _commonjs_export(child, name, root)
            if found is not None:
                return found
    return None


def _esm_export(statement: Node, name: str, root: Node) -> Node | None:
    if statement.child_by_field_name("source") is not None:
        return None  # export ... from: another module again
    declaration = statement.child_by_field_name("declaration")
    if declaration is not None and declaration.type == "lexical_declaration":
        if text(declaration.children[0]) != "const":
            return None
        for declarator in declaration.named_children:
            target = declarator.child_by_field_name("name")
            if (
                target is not None
                and target.type == "identifier"
                and text(target) == name
            ):
                return declarator.child_by_field_name("value")
        return None
    if any(c.type == "default" for c in statement.children):
        if name != "default":
            return None
        value = statement.child_by_field_name("value")
        return _local_const(root, value) if value is not None else None
    for clause in statement.named_children:
        if clause.type != "export_clause":
            continue
        for spec in clause.named_children:
            local = spec.child_by_field_name("name")
            alias = spec.child_by_field_name("alias")
            if (
                text(alias if alias is not None else local) == name
                and local is not None
            ):
                return _local_const(root, local)
    return None


def _commonjs_export(statement: Node, name: str, root: Node) -> Node | None:
    expression = statement.named_children[0] if statement.named_children else None
    if expression is None or expression.type != "assignment_expression":
        return None
    left = text(expression.child_by_field_name("left")).replace(" ", "")
    right = unwrap(expression.child_by_field_name("right"))
    if right is None:
        return None
    if left in (f"module.exports.{name}", f"exports.{name}"):
        return _local_const(root, right)
    if left == "module.exports" and right.type == "object":
        for member in right.named_children:
            if property_name(member) != name:
                continue
            if member.type == "shorthand_property_identifier":
                return _local_const(root, member)
            if member.type == "pair":
                return _local_const(root, member.child_by_field_name("value"))
    return None


def _local_const(root: Node, value: Node | None) -> Node | None:
    """A value written where it is exported, or a module-level const's."""
    value = unwrap(value)
    if value is None:
        return None
    if value.type not in ("identifier", "shorthand_property_identifier"):
        return value
    binding = resolve(value)
    if (
        binding is None
        or binding.kind != "const"
        or binding.scope != root
        or binding.declarator is None
        or binding.name.parent != binding.declarator
    ):
        return None
    return binding.value
