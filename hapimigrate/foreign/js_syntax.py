"""JavaScript/TypeScript syntax on tree-sitter: the parser for a file's suffix,
node text, and the scopes that say which declaration a name refers to.

Scopes are approximate but conservative: a name resolves to the nearest
declaration in an enclosing block, function (parameters) or the program;
``references`` returns only the uses that resolve back to the same declaration,
so a shadowing name elsewhere is never mistaken for it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import tree_sitter

Node = tree_sitter.Node

_FUNCTIONS = frozenset(
    (
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
    )
)
_SCOPES = frozenset(
    ("program", "statement_block", "for_statement", "for_in_statement", "class_body")
    + tuple(_FUNCTIONS)
)
# wrappers that do not change a value (TypeScript casts, parentheses, await)
_TRANSPARENT = frozenset(
    (
        "parenthesized_expression",
        "as_expression",
        "non_null_expression",
        "satisfies_expression",
        "type_assertion",
    )
)


@lru_cache(maxsize=None)
def parser(suffix: str) -> tree_sitter.Parser:
    """The parser for a file suffix (``.ts`` TypeScript, ``.tsx`` TSX, else JS)."""
    if suffix in (".ts", ".mts", ".cts"):
        import tree_sitter_typescript as grammar

        language = grammar.language_typescript()
    elif suffix == ".tsx":
        import tree_sitter_typescript as grammar

        language = grammar.language_tsx()
    else:
        import tree_sitter_javascript as grammar

        language = grammar.language()
    return tree_sitter.Parser(tree_sitter.Language(language))


def parse_for(path: str):
    """A function parsing bytes as the language of ``path``."""
    p = parser(os.path.splitext(path)[1].lower())
    return lambda data: p.parse(data)


_STRING = re.compile(r"(['\"`])(?:\\.|(?!\1).)*\1")


def snippet(node: Node | None, limit: int = 40) -> str:
    """The code of an expression for a reason, on one line, its string
    contents elided (a key's value is never shown)."""
    if node is None:
        return "not written here"
    source = _STRING.sub(r"\1…\1", " ".join(text(node).split()))
    return source if len(source) <= limit else source[: limit - 3] + "..."


def text(node: Node) -> str:
    return node.text.decode("utf-8", errors="replace") if node.text else ""


def unwrap(node: Node | None) -> Node | None:
    """The value inside parentheses and TypeScript casts (``(x as string)``)."""
    while node is not None and node.type in _TRANSPARENT:
        node = node.named_children[0] if node.named_children else None
    return node


def outer(node: Node) -> Node:
    """The outermost wrapper around ``node`` (parentheses, casts)."""
    while node.parent is not None and node.parent.type in _TRANSPARENT:
        node = node.parent
    return node


def walk(node: Node) -> Iterator[Node]:
    """Every node below ``node``, in source order."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.children))


def string_value(node: Node | None) -> str | None:
    """The raw text between the quotes of a plain string literal, or of a
    template literal without substitutions."""
    node = unwrap(node)
    if node is None:
        return None
    if node.type == "string" or (
        node.type == "template_string"
        and not any(c.type == "template_substitution" for c in node.children)
    ):
        raw = node.text or b""
        return raw[1:-1].decode("utf-8", errors="replace")
    return None


def property_name(pair: Node) -> str | None:
    """The key of an object member: ``a: 1``, ``'a': 1``, shorthand ``a``."""
    if pair.type in (
        "shorthand_property_identifier",
        "shorthand_property_identifier_pattern",
    ):
        return text(pair)
    if pair.type != "pair":
        return None
    key = pair.child_by_field_name("key")
    if key is None:
        return None
    if key.type in ("property_identifier", "identifier"):
        return text(key)
    return string_value(key)


def members(obj: Node) -> list[Node]:
    """The members of an object literal (pairs, shorthands, spreads, methods)."""
    return [c for c in obj.named_children if c.type != "comment"]


def member(obj: Node, name: str, fold: bool = False) -> Node | None:
    """The member of an object literal with key ``name`` (case-folded if asked)."""
    for child in members(obj):
        key = property_name(child)
        if key is not None and (key.lower() == name.lower() if fold else key == name):
            return child
    return None


def member_value(pair: Node) -> Node | None:
    """The value of a pair (the name itself for a shorthand)."""
    if pair.type == "shorthand_property_identifier":
        return pair
    return pair.child_by_field_name("value")


def callee_parts(call: Node) -> list[str] | None:
    """``axios.get`` -> ``['axios', 'get']``; None for a callee not a name path."""
    function = call.child_by_field_name("function")
    if function is not None and function.type == "await_expression":
        function = function.named_children[0] if function.named_children else None
    parts: list[str] = []
    node = unwrap(function)
    while node is not None and node.type == "member_expression":
        prop = node.child_by_field_name("property")
        if prop is None:
            return None
        parts.append(text(prop))
        node = unwrap(node.child_by_field_name("object"))
    if node is None or node.type not in ("identifier", "this"):
        return None
    parts.append(text(node))
    return parts[::-1]


def arguments(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    if args is None:
        return []
    return [c for c in args.named_children if c.type != "comment"]


# -- scopes -------------------------------------------------------------------


@dataclass(frozen=True)
class Binding:
    """What a name is bound to: ``kind`` is const/let/var, param, import,
    function or class; ``value`` the initializer (declarations) or the module
    specifier's string node (imports); ``name`` the declaring identifier."""

    kind: str
    name: Node
    value: Node | None
    scope: Node
    declarator: Node | None = None


def _declared_in(scope: Node, name: str) -> Binding | None:
    if scope.type in _FUNCTIONS:
        params = scope.child_by_field_name("parameters") or scope.child_by_field_name(
            "parameter"
        )
        if params is not None:
            for node in walk(params):
                if node.type in ("identifier", "shorthand_property_identifier_pattern"):
                    if text(node) == name and not _is_default_value(node, params):
                        return Binding("param", node, None, scope)
        own = scope.child_by_field_name("name")
        if scope.type.endswith("expression") and own is not None and text(own) == name:
            return Binding("function", own, scope, scope)
        body = scope.child_by_field_name("body")
        if body is None or body.type != "statement_block":
            return None
        scope_node = body
    else:
        scope_node = scope
    if scope.type == "for_in_statement":
        found = _loop_variable(scope, name)
        if found is not None:
            return found
    for child in scope_node.named_children:
        found = _declaration(child, name, scope_node)
        if found is not None:
            return found
    return None


def _loop_variable(loop: Node, name: str) -> Binding | None:
    """``for (const key of keys)``: a name the loop declares (kind ``loop``:
    it takes one value after another)."""
    left = loop.child_by_field_name("left")
    if left is None or loop.child_by_field_name("kind") is None:
        return None  # for (key of keys): assigns a name declared elsewhere
    for node in walk(left):
        if node.type in ("identifier", "shorthand_property_identifier_pattern"):
            if text(node) == name and not _is_default_value(node, left):
                return Binding("loop", node, None, loop, loop)
    return None


def _is_default_value(node: Node, params: Node) -> bool:
    """Whether an identifier in a parameter list is a default value, not a name."""
    current = node
    while current.parent is not None and current != params:
        parent = current.parent
        if parent.type in ("assignment_pattern", "object_assignment_pattern"):
            if parent.child_by_field_name("right") == current:
                return True
        if parent.type == "required_parameter" or parent.type == "optional_parameter":
            if parent.child_by_field_name("value") == current:
                return True
        current = parent
    return False


def _declaration(child: Node, name: str, scope: Node) -> Binding | None:
    kind = child.type
    if kind == "export_statement":
        inner = child.child_by_field_name("declaration")
        return _declaration(inner, name, scope) if inner is not None else None
    if kind in ("lexical_declaration", "variable_declaration"):
        word = "var" if kind == "variable_declaration" else text(child.children[0])
        for declarator in child.named_children:
            if declarator.type != "variable_declarator":
                continue
            target = declarator.child_by_field_name("name")
            value = declarator.child_by_field_name("value")
            if target is None:
                continue
            if target.type == "identifier" and text(target) == name:
                return Binding(word, target, value, scope, declarator)
            for node in walk(target):
                if (
                    node.type
                    in (
                        "identifier",
                        "shorthand_property_identifier_pattern",
                    )
                    and text(node) == name
                ):
                    # destructured: const { a } = require('x')
                    return Binding(word, node, None, scope, declarator)
    if kind in (
        "function_declaration",
        "class_declaration",
        "generator_function_declaration",
    ):
        own = child.child_by_field_name("name")
        if own is not None and text(own) == name:
            return Binding("function", own, child, scope)
    if kind == "import_statement":
        source = child.child_by_field_name("source")
        for node in walk(child):
            if node.type == "identifier" and text(node) == name:
                parent = node.parent
                if parent is not None and parent.type == "import_specifier":
                    alias = parent.child_by_field_name("alias")
                    if alias is not None and alias != node:
                        continue  # import { name as other }
                return Binding("import", node, source, scope, child)
    if kind in ("for_statement", "for_in_statement") and scope.type == kind:
        return None
    return None


def resolve(ident: Node) -> Binding | None:
    """The declaration an identifier (or shorthand property) refers to, or None
    for a global or a name this module cannot place."""
    name = text(ident)
    node = ident.parent
    while node is not None:
        if node.type in _SCOPES:
            found = _declared_in(node, name)
            if found is not None:
                return found
        node = node.parent
    return None


def references(binding: Binding) -> list[Node]:
    """Every use of a declared name (not the declaration itself)."""
    name = text(binding.name)
    found = []
    for node in walk(binding.scope):
        if node.type not in ("identifier", "shorthand_property_identifier"):
            continue
        if node == binding.name or text(node) != name:
            continue
        if _is_binding_site(node):
            continue
        other = resolve(node)
        if other is not None and other.name == binding.name:
            found.append(node)
    return found


def _is_binding_site(node: Node) -> bool:
    parent = node.parent
    if parent is None:
        return False
    if (
        parent.type == "variable_declarator"
        and parent.child_by_field_name("name") == node
    ):
        return True
    return parent.type in ("import_specifier", "import_clause", "namespace_import")


def is_reassigned(binding: Binding, allowed: list[Node] = ()) -> bool:  # type: ignore[assignment]
    """Whether a name is assigned again after its declaration (``x = ...``,
    ``x += ...``, ``x++``), not counting the uses in ``allowed``."""
    for ref in references(binding):
        if ref in allowed:
            continue
        parent = ref.parent
        if parent is None:
            continue
        if parent.type in ("assignment_expression", "augmented_assignment_expression"):
            if parent.child_by_field_name("left") == ref:
                return True
        if parent.type == "update_expression":
            return True
        if (
            parent.type == "for_in_statement"
            and parent.child_by_field_name("left") == ref
        ):
            return True  # for (key of keys): a new value each time round
    return False


def enclosing_statement(node: Node) -> Node:
    """The statement holding ``node``."""
    while node.parent is not None and not node.type.endswith(
        ("statement", "declaration")
    ):
        node = node.parent
    return node


def module_bindings(root: Node) -> dict[str, str]:
    """Names bound to a module anywhere in the file: ``const axios =
    require('axios')``, ``import got from 'got'``, ``import * as https from
    'https'``, ``const { request } = require('https')`` -> name: module."""
    found: dict[str, str] = {}
    for node in walk(root):
        if node.type == "import_statement":
            source = string_value(node.child_by_field_name("source"))
            clause = next(
                (c for c in node.named_children if c.type == "import_clause"), None
            )
            if source is None or clause is None:
                continue
            for child in walk(clause):
                if child.type == "identifier":
                    parent = child.parent
                    if parent is not None and parent.type == "import_specifier":
                        original = parent.child_by_field_name("name")
                        alias = parent.child_by_field_name("alias")
                        if alias is not None and child != alias:
                            continue
                        found[text(child)] = f"{source}#{text(original)}"
                    else:
                        found[text(child)] = source
        elif node.type == "variable_declarator":
            value = unwrap(node.child_by_field_name("value"))
            target = node.child_by_field_name("name")
            source = required(value)
            if source is None or target is None:
                continue
            if target.type == "identifier":
                found[text(target)] = source
            elif target.type == "object_pattern":
                for child in target.named_children:
                    if child.type == "shorthand_property_identifier_pattern":
                        found[text(child)] = f"{source}#{text(child)}"
                    elif child.type == "pair_pattern":
                        key = child.child_by_field_name("key")
                        value_node = child.child_by_field_name("value")
                        if key is not None and value_node is not None:
                            found[text(value_node)] = f"{source}#{text(key)}"
    return found


def required(value: Node | None) -> str | None:
    """``'axios'`` for ``require('axios')`` or ``require('axios').default``."""
    if value is None:
        return None
    if value.type == "member_expression":
        prop = value.child_by_field_name("property")
        if prop is None or text(prop) != "default":
            return None
        value = unwrap(value.child_by_field_name("object"))
    if value is None or value.type == "await_expression":
        return None
    if value.type != "call_expression" or callee_parts(value) != ["require"]:
        return None
    args = arguments(value)
    return string_value(args[0]) if len(args) == 1 else None
