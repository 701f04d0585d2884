"""Guards left in charge of the old key, in JavaScript. Once the requests send
the token, code that still tests the old key (``if (!HAPIKEY) return;``,
``if (!process.env.HAPIKEY) throw ...``, ``assert(HAPIKEY)``,
``HAPIKEY ? run() : skip()``) silently skips the work, or stops the app, the day
the key is removed from the configuration. Each such test is a site for a person
(kind ``guard``); nothing is rewritten.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from hapimigrate.foreign.js_syntax import (
    Node,
    callee_parts,
    references,
    resolve,
    text,
    walk,
)

REASON = (
    "a guard on the old key {}: once the key is gone from the configuration this "
    "test fails; test the token instead"
)
_PASS_THROUGH = ("parenthesized_expression", "unary_expression", "binary_expression")
_TESTS = ("if_statement", "while_statement", "do_statement", "ternary_expression")


def guards(root: Node, keys: Iterable[Node]) -> Iterator[tuple[Node, str]]:
    """(node, name) of each test of a migrated key. ``keys``: the key
    expressions of the migrated uses."""
    names: set[str] = set()
    bindings = []
    for key in keys:
        env = _env(key)
        if env is not None:
            names.add(env)
        elif key.type in ("identifier", "shorthand_property_identifier"):
            binding = resolve(key)
            if binding is not None and binding.kind in ("const", "let", "var"):
                bindings.append(binding)
                value = binding.value
                if value is not None and _env(value) is not None:
                    names.add(_env(value))  # type: ignore[arg-type]
    seen: set[tuple[int, int]] = set()
    candidates: list[tuple[Node, str]] = []
    for binding in bindings:
        candidates.extend((ref, text(ref)) for ref in references(binding))
    if names:
        for node in walk(root):
            if node.type in ("member_expression", "subscript_expression"):
                env = _env(node)
                if env in names:
                    candidates.append((node, f"process.env.{env}"))
    for node, name in candidates:
        span = (node.start_byte, node.end_byte)
        if span not in seen and _tested(node):
            seen.add(span)
            yield node, name


def _tested(node: Node) -> bool:
    """Whether a value is the condition of a test (through ``!``, comparisons,
    ``&&``/``||`` and parentheses), or what ``assert`` checks."""
    current = node
    while current.parent is not None and current.parent.type in _PASS_THROUGH:
        parent = current.parent
        if parent.type == "binary_expression":
            operator = parent.child_by_field_name("operator")
            if operator is None or text(operator) not in (
                "&&", "||", "===", "!==", "==", "!=",
            ):  # fmt: skip
                return False
        current = parent
    parent = current.parent
    if parent is None:
        return False
    if parent.type in _TESTS and parent.child_by_field_name("condition") == current:
        return True
    if parent.type == "arguments" and parent.parent is not None:
        call = parent.parent
        parts = callee_parts(call) or []
        return (
            bool(parts)
            and parts[0] == "assert"
            and parent.named_children[:1] == [current]
        )
    return False


def _env(node: Node) -> str | None:
    """``HAPIKEY`` for ``process.env.HAPIKEY`` / ``process.env['HAPIKEY']``."""
    obj = node.child_by_field_name("object")
    if obj is None or text(obj).replace(" ", "") != "process.env":
        return None
    if node.type == "member_expression":
        prop = node.child_by_field_name("property")
        return text(prop) if prop is not None else None
    if node.type == "subscript_expression":
        index = node.child_by_field_name("index")
        if index is not None and index.type == "string":
            return text(index)[1:-1]
    return None
