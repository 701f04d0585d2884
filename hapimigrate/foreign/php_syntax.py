"""PHP syntax helpers on tree-sitter-php trees: the text of a node, literal
strings, calls and their arguments, array literals (find, add and remove an
entry by byte splices that keep the array's own layout), scopes and the uses of
a variable inside one."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from hapimigrate.foreign.splice import Edit
from hapimigrate.keys import is_plausible_key

SCOPES = frozenset(
    {
        "function_definition",
        "method_declaration",
        "anonymous_function",
        "anonymous_function_creation_expression",
        "arrow_function",
        "program",
    }
)
STRINGS = frozenset({"string", "encapsed_string"})
_DYNAMIC_IN_STRING = frozenset({"string_content", "escape_sequence", '"', "'"})


@lru_cache(maxsize=1)
def parser():
    """The tree-sitter parser for PHP (the grammar is an optional extra)."""
    import tree_sitter
    import tree_sitter_php

    return tree_sitter.Parser(tree_sitter.Language(tree_sitter_php.language_php()))


def parse(data: bytes):
    return parser().parse(data)


@dataclass(frozen=True)
class Source:
    """The bytes of a file and the conventions of its author."""

    data: bytes

    def text(self, node) -> str:
        return self.data[node.start_byte : node.end_byte].decode("utf-8", "replace")

    @property
    def newline(self) -> str:
        return "\r\n" if b"\r\n" in self.data else "\n"

    def indent_at(self, offset: int) -> str:
        """The leading whitespace of the line holding ``offset``."""
        start = self.data.rfind(b"\n", 0, offset) + 1
        match = re.match(rb"[ \t]*", self.data[start:])
        return match.group(0).decode() if match else ""

    def line_end(self, offset: int) -> int:
        """Where the line of ``offset`` ends (before its line break), when only
        blanks or a comment follow ``offset`` on it; else ``offset``."""
        end = self.data.find(b"\n", offset)
        end = len(self.data) if end < 0 else end
        if self.data[end - 1 : end] == b"\r":
            end -= 1
        rest = self.data[offset:end].strip()
        if not rest or rest.startswith((b"//", b"#")):
            return end
        return offset


def literal(node) -> str | None:
    """The value of a string literal without interpolation, else None."""
    if node is None or node.type not in STRINGS:
        return None
    parts = []
    for child in node.children:
        if child.type not in _DYNAMIC_IN_STRING:
            return None
        if child.type in ("string_content", "escape_sequence"):
            parts.append(child.text.decode("utf-8", "replace"))
    return "".join(parts)


def unwrap(node):
    """The expression inside parentheses."""
    while node is not None and node.type in (
        "parenthesized_expression",
        "error_suppression_expression",  # @curl_init()
    ):
        node = node.named_children[0] if node.named_children else None
    return node


def name_of(node) -> str:
    """``curl_init``, ``GuzzleHttp\\Client`` (no leading backslash) for a name
    node; "" for anything else."""
    if node is None or node.type not in ("name", "qualified_name"):
        return ""
    return node.text.decode().lstrip("\\")


def call_name(call) -> str:
    """The lower-cased name a plain function call calls, else ""."""
    if call is None or call.type != "function_call_expression":
        return ""
    return name_of(call.child_by_field_name("function")).lower()


def arguments(call) -> list | None:
    """The argument nodes of a call (their values), or None when one is named
    or unpacked (``...$args``): positions then say nothing."""
    args = call.child_by_field_name("arguments")
    if args is None:
        args = next((c for c in call.children if c.type == "arguments"), None)
    if args is None:
        return []
    values = []
    for argument in args.named_children:
        if argument.type == "comment":
            continue
        if argument.type != "argument" or argument.child_by_field_name("name"):
            return None
        if any(c.type in ("...", "variadic_unpacking") for c in argument.children):
            return None
        values.append(argument)
    return values


def value(argument):
    """The expression of an ``argument`` node."""
    named = [c for c in argument.named_children if c.type != "comment"]
    return named[-1] if named else None


# -- arrays ---------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    node: object  # array_element_initializer
    key: object | None
    value: object | None


def is_array(node) -> bool:
    return node is not None and node.type == "array_creation_expression"


def entries(array) -> list[Entry] | None:
    """The entries of an array literal; None when one unpacks another array
    (``...$defaults``), whose keys cannot be seen."""
    found = []
    for child in array.named_children:
        if child.type != "array_element_initializer":
            continue
        named = [c for c in child.named_children if c.type != "comment"]
        if any(c.type == "variadic_unpacking" for c in named):
            return None
        has_arrow = any(c.type == "=>" for c in child.children)
        if has_arrow and len(named) >= 2:
            found.append(Entry(child, named[0], named[-1]))
        else:
            found.append(Entry(child, None, named[-1] if named else None))
    return found


def entry(array, key: str, *, fold: bool = False) -> Entry | None:
    for item in entries(array) or ():
        name = literal(item.key)
        if name is not None and (name.lower() == key.lower() if fold else name == key):
            return item
    return None


def _closing(array):
    """The closing ``]`` or ``)`` of an array literal."""
    return array.children[-1]


def add_entry(src: Source, array, text: str) -> tuple[Edit, ...]:
    """Edits that add ``text`` as the last entry of an array literal, in the
    layout of the entries already there (one per line, trailing comma); a
    comment at the end of the last entry's line stays on that line."""
    items = [c for c in array.named_children if c.type == "array_element_initializer"]
    closing = _closing(array)
    if not items:
        opening = (
            array.children[1]
            if array.children[0].type == "array"
            else array.children[0]
        )
        inner = src.data[opening.end_byte : closing.start_byte]
        if b"\n" in inner:
            indent = src.indent_at(closing.start_byte)
            nl = src.newline
            text = f"{nl}{indent}    {text},{nl}{indent}"
        return (Edit(opening.end_byte, closing.start_byte, text.encode()),)
    last = items[-1]
    between = src.data[last.end_byte : closing.start_byte]
    multiline = b"\n" in between
    comma = next(
        (c for c in array.children if c.type == "," and c.start_byte >= last.end_byte),
        None,
    )
    nl, indent = src.newline, src.indent_at(last.start_byte)
    if not multiline:
        at = comma.end_byte if comma is not None else last.end_byte
        return (
            Edit(at, at, (f" {text}" if comma is not None else f", {text}").encode()),
        )
    after = comma.end_byte if comma is not None else last.end_byte
    at = src.line_end(after)
    if at > closing.start_byte:
        at = after
    new_line = Edit(at, at, f"{nl}{indent}{text},".encode())
    if comma is not None:
        return (new_line,)
    return (Edit(last.end_byte, last.end_byte, b","), new_line)


def remove_entry(array, item) -> Edit | None:
    """An edit that removes an entry with its comma; None when it is the only
    one (the caller decides what an empty array means)."""
    items = [c for c in array.named_children if c.type == "array_element_initializer"]
    index = next(i for i, c in enumerate(items) if c.id == item.id)
    if len(items) == 1:
        return None
    if index < len(items) - 1:
        return Edit(item.start_byte, items[index + 1].start_byte, b"")
    return Edit(items[index - 1].end_byte, item.end_byte, b"")


def clear(array) -> Edit:
    """An edit that empties an array literal: ``[]``, ``array()``."""
    opening = (
        array.children[1] if array.children[0].type == "array" else array.children[0]
    )
    return Edit(opening.end_byte, array.children[-1].start_byte, b"")


def short_arrays(src: Source, tree) -> bool:
    """Whether the file writes arrays as ``[...]`` (else ``array(...)``)."""
    long_form = src.data.count(b"array(") + src.data.count(b"array (")
    return long_form == 0 or b"=> [" in src.data or b"= [" in src.data


# -- scopes and variables ------------------------------------------------------


def scope_of(node):
    """The function, method, closure or file a node belongs to."""
    current = node.parent
    while current is not None and current.type not in SCOPES:
        node, current = current, current.parent
    return current if current is not None else node  # the root of a broken file


def statement_of(node):
    """The statement holding an expression."""
    while node is not None and not node.type.endswith("statement"):
        node = node.parent
    return node


def walk(node, *, into_scopes: bool = False):
    """Every node below ``node`` (not into nested functions unless asked)."""
    stack = list(reversed(node.children))
    while stack:
        current = stack.pop()
        yield current
        if current.type in SCOPES and not into_scopes:
            continue
        stack.extend(reversed(current.children))


def variable(node) -> str | None:
    """``url`` for ``$url``; None for anything else."""
    node = unwrap(node)
    if node is None or node.type != "variable_name":
        return None
    return node.text.decode()[1:]


def uses(scope, name: str) -> list:
    """The ``$name`` nodes of a scope, in order (nested functions excluded, but
    a closure's ``use ($name)`` counts: the value escapes)."""
    return [
        n
        for n in walk(scope)
        if n.type == "variable_name" and n.text.decode()[1:] == name
    ]


def parameters(scope) -> set[str]:
    """The parameter names of a function scope."""
    params = (
        scope.child_by_field_name("parameters") if scope.type != "program" else None
    )
    names = set()
    for param in params.named_children if params is not None else ():
        name = param.child_by_field_name("name")
        if name is not None:
            names.add(name.text.decode().lstrip("$&."))
    return names


def enclosing(node) -> str:
    """``Class.method`` or ``function`` around a node, for fingerprints."""
    names = []
    current = node.parent
    while current is not None:
        if current.type in (
            "function_definition",
            "method_declaration",
            "class_declaration",
            "trait_declaration",
        ):
            name = current.child_by_field_name("name")
            if name is not None:
                names.append(name.text.decode())
        current = current.parent
    return ".".join(reversed(names))


def assignment_of(node):
    """``(assignment, operator)`` when ``node`` is the left side of ``=`` or
    ``.=``, else None."""
    parent = node.parent
    if parent is None or parent.child_by_field_name("left") is None:
        return None
    if parent.child_by_field_name("left").id != node.id:
        return None
    if parent.type == "assignment_expression":
        return parent, "="
    if parent.type == "augmented_assignment_expression":
        operator = parent.child_by_field_name("operator")
        return parent, operator.text.decode() if operator is not None else "?"
    return None


def is_this_property(node, name: bytes) -> bool:
    """``node`` is ``$this->name``."""
    return (
        node is not None
        and node.type == "member_access_expression"
        and node.child_by_field_name("object") is not None
        and node.child_by_field_name("object").text == b"$this"
        and node.child_by_field_name("name") is not None
        and node.child_by_field_name("name").text == name
    )


def property_value(node):
    """What ``$this->name`` holds when the class gives it one value only: its
    one assignment (``$this->name = ...``) or its declared default; else None."""
    node = unwrap(node)
    if node is None or node.type != "member_access_expression":
        return None
    obj, prop = node.child_by_field_name("object"), node.child_by_field_name("name")
    if obj is None or prop is None or obj.text != b"$this":
        return None
    cls = node.parent
    while cls is not None and cls.type != "class_declaration":
        cls = cls.parent
    if cls is None:
        return None
    name = prop.text
    values = []
    for current in walk(cls, into_scopes=True):
        if current.type == "property_element":
            declared = current.child_by_field_name("name")
            default = current.child_by_field_name("default_value")
            if (
                declared is not None
                and declared.text == b"$" + name
                and default is not None
            ):
                values.append(default)
        elif current.type in (
            "assignment_expression",
            "augmented_assignment_expression",
        ):
            if is_this_property(current.child_by_field_name("left"), name):
                if current.type != "assignment_expression":
                    return None
                values.append(current.child_by_field_name("right"))
    return values[0] if len(values) == 1 else None


_LAST_CONSTANTS: list = [None, None]  # (the file's bytes, its constants): one file


def constants(root) -> dict:
    """Constant name -> value node: ``define('N', v)``, ``const N = v`` (class
    constants too, by their bare name)."""
    text = root.text
    if _LAST_CONSTANTS[0] == text:
        return _LAST_CONSTANTS[1]
    values: dict = {}
    for node in walk(root, into_scopes=True):
        if call_name(node) == "define":
            args = arguments(node) or []
            name = literal(value(args[0])) if len(args) == 2 else None
            if name:
                values.setdefault(name, value(args[1]))
        elif node.type == "const_element" and len(node.named_children) >= 2:
            values.setdefault(
                node.named_children[0].text.decode(), node.named_children[-1]
            )
    _LAST_CONSTANTS[:] = [text, values]
    return values


def constant_value(node):
    """The value node of a constant read (``NAME``, ``self::NAME``), or None."""
    node = unwrap(node)
    if node is None or node.type not in ("name", "class_constant_access_expression"):
        return None
    root = node
    while root.parent is not None:
        root = root.parent
    return constants(root).get(node.text.decode().split("::")[-1].strip())


_QUOTED = re.compile(r"(['\"])(.*?)\1")
_WORD = re.compile(r"[A-Za-z0-9_-]{16,}")
_KEY_IN_QUERY = re.compile(r"(?i)(hapikey=)[^&'\"\s{}$]+")


def shown(node_or_text, limit: int = 60) -> str:
    """Code as a reason quotes it: on one line, quoted literals that could be
    keys and ``hapikey=`` values masked, then cut to ``limit`` characters
    (never inside a quoted literal, whose rest could be part of a key)."""
    text = (
        node_or_text
        if isinstance(node_or_text, str)
        else node_or_text.text.decode("utf-8", "replace")
    )
    text = " ".join(text.split())
    text = _KEY_IN_QUERY.sub(lambda m: m.group(1) + "***", text)
    text = _QUOTED.sub(
        lambda m: (
            f"{m.group(1)}***{m.group(1)}"
            if is_plausible_key(m.group(2))
            else _WORD.sub(
                lambda w: "***" if is_plausible_key(w.group(0)) else w.group(0),
                m.group(0),
            )
        ),
        text,
    )
    if len(text) <= limit:
        return text
    cut = text[: limit - 3]
    for quote in ("'", '"'):
        if cut.count(quote) % 2:
            cut = cut[: cut.rfind(quote)]
    return cut + "..."
