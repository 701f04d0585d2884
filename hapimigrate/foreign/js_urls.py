"""URLs in JavaScript: a string, a template literal or a ``+`` chain of them,
seen as one text with holes (the interpolated values), and the edits that cut
``hapikey=VALUE`` out of it while keeping the query well formed.

    'https://api.hubapi.com/contacts/v1/lists?hapikey=' + key + '&count=' + n
    -> 'https://api.hubapi.com/contacts/v1/lists?count=' + n

Texts are the raw bytes between the quotes (escapes as written), so a position in
the text is a position in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hapimigrate.foreign import js_callers
from hapimigrate.foreign.js_syntax import (
    Binding,
    Node,
    resolve,
    snippet,
    text,
    unwrap,
    walk,
)
from hapimigrate.foreign.splice import Edit

HOLE = b"\x00"
_KEY = re.compile(rb"hapikey=", re.IGNORECASE)


@dataclass(frozen=True)
class Operand:
    node: Node
    literal: bool  # a string or template literal
    content_start: int
    content_end: int


@dataclass(frozen=True)
class Piece:
    operand: int
    start: int  # bytes of the file
    end: int
    hole: Node | None  # the interpolated expression, or None for literal text


class Url:
    """An expression that builds a URL, as text and holes."""

    def __init__(self, node: Node) -> None:
        self.node = node
        self.operands = _flatten(node)
        self.pieces: list[Piece] = []
        for index, operand in enumerate(self.operands):
            self.pieces.extend(_pieces(index, operand))
        chunks, self.positions, self.owners = [], [], []
        for number, piece in enumerate(self.pieces):
            if piece.hole is not None:
                chunks.append(HOLE)
                self.positions.append(piece.start)
                self.owners.append(number)
            else:
                chunks.append(node_bytes(node, piece.start, piece.end))
                self.positions.extend(range(piece.start, piece.end))
                self.owners.extend([number] * (piece.end - piece.start))
        self.text = b"".join(chunks)

    def holes(self) -> list[Node]:
        return [p.hole for p in self.pieces if p.hole is not None]

    def template(self) -> str:
        """The text with ``{}`` for each hole: ``{}/contacts/v1/contact/{}``."""
        return self.text.replace(HOLE, b"{}").decode("utf-8", errors="replace")


def node_bytes(node: Node, start: int, end: int) -> bytes:
    """Bytes ``[start, end)`` of the file ``node`` belongs to (its own text
    covers them)."""
    root = node
    while root.parent is not None and not (
        root.start_byte <= start and end <= root.end_byte
    ):
        root = root.parent
    return (root.text or b"")[start - root.start_byte : end - root.start_byte]


def _flatten(node: Node) -> list[Operand]:
    node = unwrap(node) or node
    if node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and text(operator) == "+":
            left, right = node.child_by_field_name("left"), node.child_by_field_name(
                "right"
            )
            if left is not None and right is not None:
                return _flatten_side(left) + _flatten_side(right)
    return [_operand(node)]


def _flatten_side(node: Node) -> list[Operand]:
    if node.type == "binary_expression":
        return _flatten(node)
    return [_operand(node)]


def _operand(node: Node) -> Operand:
    if node.type in ("string", "template_string"):
        return Operand(node, True, node.start_byte + 1, node.end_byte - 1)
    return Operand(node, False, node.start_byte, node.end_byte)


def _pieces(index: int, operand: Operand) -> list[Piece]:
    if not operand.literal:
        return [
            Piece(index, operand.node.start_byte, operand.node.end_byte, operand.node)
        ]
    found, position = [], operand.content_start
    for child in operand.node.children:
        if child.type != "template_substitution":
            continue
        if child.start_byte > position:
            found.append(Piece(index, position, child.start_byte, None))
        inner = [c for c in child.named_children if c.type != "comment"]
        found.append(
            Piece(index, child.start_byte, child.end_byte, inner[0] if inner else child)
        )
        position = child.end_byte
    if operand.content_end > position:
        found.append(Piece(index, position, operand.content_end, None))
    return found


# -- cutting the key out ---------------------------------------------------------


@dataclass(frozen=True)
class Cut:
    """The edits removing the key from a URL, or the reason they cannot."""

    edits: tuple[Edit, ...] = ()
    value: Node | None = None  # the key expression (a hole)
    literal: str | None = None  # or the key written in the text
    ends_query: bool = False  # ``?hapikey=V`` was the whole query
    reason: str = ""
    offset: int = 0  # where ``hapikey`` is in the file
    whole: bool = False  # the text is ``?hapikey=V`` or ``&hapikey=V`` alone


EMPTY = "the URL would be empty"


def key_offsets(url: Url) -> list[int]:
    return [url.positions[m.start()] for m in _KEY.finditer(url.text)]


def cut(url: Url) -> Cut:
    matches = list(_KEY.finditer(url.text))
    if not matches:
        return Cut(reason="no hapikey= in the URL")
    at = matches[0].start()
    offset = url.positions[at]
    if len(matches) > 1:
        return Cut(reason="the URL holds hapikey= more than once", offset=offset)
    before = url.text[at - 1 : at] if at else b""
    if before not in (b"?", b"&"):
        return Cut(
            reason="the ? or & before hapikey= is built at run time", offset=offset
        )
    start = at + len(b"hapikey=")
    if url.text[start : start + 1] == HOLE:
        value_end = start + 1
        value = url.pieces[url.owners[start]].hole
        literal = None
    else:
        match = re.compile(rb"[^&#\x00]*").match(url.text, start)
        value_end = match.end() if match else start
        value, literal = None, url.text[start:value_end].decode("utf-8", "replace")
        if not literal:
            return Cut(
                reason="the key's value is added outside this string", offset=offset
            )
    follows = url.text[value_end : value_end + 1]
    if follows not in (b"", b"&", b"#"):
        return Cut(
            reason="the text after the key is built at run time (it may continue the key)",
            offset=offset,
        )
    ends_query = False
    if before == b"?" and follows == b"&":
        removal = (start - len(b"hapikey="), value_end + 1)
    else:
        removal = (at - 1, value_end)
        ends_query = before == b"?"
    whole = removal == (0, len(url.text))
    edits, reason = _edits(url, *removal)
    if reason:  # the key and its place are still told (url += '&hapikey=' + KEY)
        return Cut((), value, literal, ends_query, reason, offset, whole)
    return Cut(tuple(edits), value, literal, ends_query, offset=offset, whole=whole)


def _edits(url: Url, a: int, b: int) -> tuple[list[Edit], str]:
    """Edits deleting the text ``[a, b)`` (text positions) from the file."""
    ops = url.operands
    first = url.pieces[url.owners[a]].operand
    last = url.pieces[url.owners[b - 1]].operand
    a_src = url.positions[a]
    b_piece = url.pieces[url.owners[b - 1]]
    b_src = b_piece.end if b_piece.hole is not None else url.positions[b - 1] + 1
    if first == last:
        whole = ops[first]
        if (
            whole.literal
            and len(ops) > 1
            and (a_src, b_src)
            == (
                whole.content_start,
                whole.content_end,
            )
        ):  # nothing left of the literal: it goes with its +
            if first > 0:
                return [
                    Edit(ops[first - 1].node.end_byte, whole.node.end_byte, b"")
                ], ""
            return [Edit(whole.node.start_byte, ops[1].node.start_byte, b"")], ""
        return [Edit(a_src, b_src, b"")], ""
    i, j = ops[first], ops[last]
    left_full = a_src == i.content_start and i.literal
    right_full = b_src == j.content_end
    same_quotes = (
        i.literal
        and j.literal
        and _delimiter(url, i) == _delimiter(url, j)
        and not right_full
    )
    if same_quotes:  # one literal now: 'a?' + key + '&b' -> 'a?b'
        edits = [Edit(a_src, b_src, b"")]
    else:
        edits = []
        if left_full:
            if first > 0:
                begin = ops[first - 1].node.end_byte
            elif right_full and last + 1 < len(ops):
                begin = i.node.start_byte
            elif not right_full:
                begin = i.node.start_byte
            else:
                return [], EMPTY
        else:
            edits.append(Edit(a_src, i.content_end, b""))
            begin = i.node.end_byte
        if right_full:
            if left_full and first == 0:
                finish = ops[last + 1].node.start_byte
            else:
                finish = j.node.end_byte
            edits.append(Edit(begin, finish, b""))
        else:
            if left_full and first == 0:
                edits.append(Edit(begin, j.node.start_byte, b""))
            elif last - 1 > first or (left_full and first > 0):
                edits.append(Edit(begin, ops[last - 1].node.end_byte, b""))
            edits.append(Edit(j.content_start, b_src, b""))
    edits = [e for e in edits if e.end > e.start]
    if _comment_inside(url.node, edits):
        return [], "a comment sits in the part of the URL to remove"
    return edits, ""


def _delimiter(url: Url, operand: Operand) -> bytes:
    return node_bytes(url.node, operand.node.start_byte, operand.node.start_byte + 1)


def _comment_inside(node: Node, edits: list[Edit]) -> bool:
    for child in walk(node):
        if child.type == "comment" and any(
            e.start <= child.start_byte and child.end_byte <= e.end for e in edits
        ):
            return True
    return False


# -- what a URL names ---------------------------------------------------------------


def url_template(node: Node | None, depth: int = 0) -> str | None:
    """The URL an expression builds, with ``{}`` for what is known only at run
    time; names bound to constant URLs (``const BASE = 'https://...'``) are
    followed. None for no expression."""
    node = unwrap(node)
    if node is None:
        return None
    branches = _alternatives(node)
    if branches and depth < _DEPTH:
        return _any_other_host([url_template(b, depth + 1) or "{}" for b in branches])
    if node.type == "identifier" and depth < _DEPTH:
        binding = resolve(node)
        if binding is not None and binding.kind == "param":
            return _from_callers(node, js_callers.parameter(node, depth))
        if binding is not None and binding.kind in ("let", "var"):
            # every value it is given: another host's among them may be used
            values = [binding.value, *_assigned(binding)]
            return _any_other_host(
                [url_template(v, depth + 1) or "{}" for v in values if v is not None]
            )
        if (
            binding is not None
            and binding.kind == "const"
            and binding.value is not None
        ):
            if (
                binding.declarator is not None
                and binding.name.parent == binding.declarator
            ):
                inner = url_template(binding.value, depth + 1)
                if inner is not None:
                    return inner
        if binding is not None and binding.kind in ("const", "let", "var"):
            if binding.declarator is not None and _is_env(
                binding.declarator.child_by_field_name("value")
            ):
                return "{}"  # const { HUBSPOT_BASE } = process.env
        if binding is not None and binding.kind == "param":
            return "{}"
        if binding is not None and binding.kind in ("import", "const", "let", "var"):
            from hapimigrate.foreign.js_imports import imported_value

            value = imported_value(binding)  # another module's constant
            if value is not None:
                return url_template(value, depth + 1) or "{}"
        return _unreadable(node, binding)
    if node.type == "member_expression" and depth < _DEPTH and _is_this(node):
        return _from_callers(node, js_callers.this_member(node, depth))
    if (
        node.type == "new_expression"
        and text(node.child_by_field_name("constructor")) == "URL"
    ):
        args = node.child_by_field_name("arguments")
        given = [c for c in args.named_children if c.type != "comment"] if args else []
        if not given:
            return None
        first = url_template(given[0], depth + 1)
        if len(given) > 1 and (first is None or not _ABSOLUTE.match(first)):
            # new URL(path, base): the host is the base's
            base = url_template(given[1], depth + 1) or "{}"
            if given_by_callers(base) or first is None:
                return base
            return _joined(base, first)
        return first
    if node.type in ("subscript_expression", "member_expression") and depth < _DEPTH:
        entries = _table_entries(node.child_by_field_name("object"))
        if entries is not None:  # HOSTS[env], HOSTS.test: any of its values
            return _any_other_host(
                [url_template(e, depth + 1) or "{}" for e in entries]
            )
    if (
        node.type == "member_expression"
        and text(node.child_by_field_name("property")) == "href"
    ):
        return url_template(node.child_by_field_name("object"), depth + 1)
    if node.type == "call_expression":
        function = node.child_by_field_name("function")
        if (
            function is not None
            and function.type == "member_expression"
            and (text(function.child_by_field_name("property")) == "toString")
        ):
            return url_template(function.child_by_field_name("object"), depth + 1)
    url = Url(node)
    out = []
    for piece in url.pieces:
        if piece.hole is None:
            out.append(
                node_bytes(node, piece.start, piece.end).decode("utf-8", "replace")
            )
        elif depth < _DEPTH and piece is url.pieces[0]:
            out.append(_head(piece.hole, depth))
        else:
            out.append("{" + _hole_name(piece.hole) + "}")
    return "".join(out)


def _head(hole: Node, depth: int) -> str:
    """What the start of a URL (its first hole) holds, as a template: a value
    followed to what it is written as (names, const objects' members, tables,
    fallbacks, local functions' returns), ``{}`` for an environment variable,
    or a hole that says why the host cannot be told (see
    :func:`given_by_callers`): a value its callers give, or one this tool
    cannot read (an import, a global, another function's result)."""
    node = unwrap(hole)
    if node is None:
        return "{}"
    if node.type == "await_expression":
        return _unreadable(node, None)
    if _is_env(node):
        return "{}"
    if (
        node.type in ("identifier", "string", "template_string", "new_expression")
        or _is_this(node)
        or _alternatives(node)
        or _table_entries(node.child_by_field_name("object")) is not None
        or (
            node.type == "member_expression"
            and text(node.child_by_field_name("property")) == "href"
        )
    ):
        return url_template(node, depth + 1) or "{}"
    if node.type == "binary_expression":
        return url_template(node, depth + 1) or "{}"
    if node.type == "member_expression":
        holder = unwrap(node.child_by_field_name("object"))
        prop = text(node.child_by_field_name("property"))
        value = _member_value(holder, prop, depth)
        if value is not None:
            return url_template(value, depth + 1) or "{}"
        if prop == "origin" and holder is not None:
            inner = url_template(holder, depth + 1) or "{}"
            if given_by_callers(inner):
                return inner
            match = re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*", inner)
            return match.group(0) if match else _unreadable(node, None)
        root = holder
        while root is not None and root.type in (
            "member_expression",
            "subscript_expression",
        ):
            root = unwrap(root.child_by_field_name("object"))
        if root is not None and (
            root.type == "this"
            or (
                root.type == "identifier"
                and resolve(root) is not None
                and resolve(root).kind == "param"
            )
        ):
            return _marker(
                f"the URL's host comes from {snippet(node, 40)}, which its callers "
                "give (a member of what they pass): the token would go wherever they "
                "send it, so migrate by hand",
                "its callers give a value this tool does not follow",
            )
    if node.type == "call_expression":
        returned = _returned(node)
        if returned:
            return _any_other_host(
                [url_template(r, depth + 1) or "{}" for r in returned]
            )
    return _unreadable(node, None)


def _is_env(node: Node | None) -> bool:
    """``process.env.NAME`` / ``process.env['NAME']`` / ``process.env``."""
    node = unwrap(node)
    if node is None:
        return False
    if node.type in ("member_expression", "subscript_expression"):
        holder = unwrap(node.child_by_field_name("object"))
        if text(node) == "process.env":
            return True
        return holder is not None and text(holder) == "process.env"
    return False


def _member_value(holder: Node | None, prop: str, depth: int) -> Node | None:
    """The value of ``prop`` in the object literal a const ``holder`` names
    (``cfg.base``, ``config.hubspot.baseUrl``; ``Object.freeze({...})``); None
    when it is not one, or the object is changed somewhere."""
    if holder is None or depth > 6:
        return None
    obj = None
    if holder.type == "identifier":
        binding = resolve(holder)
        if (
            binding is None
            or binding.kind != "const"
            or binding.value is None
            or binding.declarator is None
            or binding.name.parent != binding.declarator
        ):
            return None
        obj = unwrap(binding.value)
        for ref in _references(binding):
            parent = ref.parent
            while parent is not None and parent.type == "member_expression":
                grand = parent.parent
                if (
                    grand is not None
                    and grand.type
                    in ("assignment_expression", "augmented_assignment_expression")
                    and grand.child_by_field_name("left") == parent
                ):
                    return None  # cfg.base = ...
                parent = grand
    elif holder.type == "member_expression":
        outer_obj = _member_value(
            unwrap(holder.child_by_field_name("object")),
            text(holder.child_by_field_name("property")),
            depth + 1,
        )
        obj = unwrap(outer_obj)
    if (
        obj is not None
        and obj.type == "call_expression"
        and text(obj.child_by_field_name("function")) in ("Object.freeze",)
    ):
        args = [c for c in obj.child_by_field_name("arguments").named_children]
        obj = unwrap(args[0]) if args else None
    if obj is None or obj.type != "object":
        return None
    found = None
    for child in obj.named_children:
        if child.type == "spread_element":
            return None
        if child.type == "pair":
            key = child.child_by_field_name("key")
            name = text(key).strip("'\"`") if key is not None else ""
            if name == prop:
                found = child.child_by_field_name("value")
        elif child.type == "shorthand_property_identifier" and text(child) == prop:
            found = child
    return found


def _references(binding: Binding) -> list[Node]:
    from hapimigrate.foreign.js_syntax import references

    return references(binding)


def _returned(call: Node) -> list[Node]:
    """The values a local function returns (``base()`` declared in the file
    with ``return`` statements, or an arrow's expression); [] otherwise."""
    function = unwrap(call.child_by_field_name("function"))
    if function is None or function.type != "identifier":
        return []
    binding = resolve(function)
    if binding is None:
        return []
    target = unwrap(binding.value)
    if target is None or target.type not in (
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
    ):
        return []
    body = target.child_by_field_name("body")
    if body is None:
        return []
    if body.type != "statement_block":
        return [body]
    found = []
    for node in walk(body):
        if node.type == "return_statement":
            owner = node.parent
            while owner is not None and owner.type not in (
                "function_declaration",
                "function_expression",
                "function",
                "arrow_function",
                "method_definition",
            ):
                owner = owner.parent
            if owner != target:
                continue
            value = [c for c in node.named_children if c.type != "comment"]
            if not value:
                return []
            found.append(value[0])
    return found


def _unreadable(node: Node, binding: Binding | None) -> str:
    """A hole saying the URL's host comes from a value this tool cannot read."""
    what = snippet(node, 40)
    if binding is not None and binding.kind == "import":
        source = string_value_of(binding.value)
        where = f", imported from {source}" if source else ", imported"
    elif binding is not None and binding.declarator is not None:
        where = f", declared on line {binding.declarator.start_point[0] + 1}"
    elif binding is None and node.type == "identifier":
        where = ", declared nowhere in this file"
    else:
        where = ""
    return _marker(
        f"the URL's host comes from {what}{where}, which this tool cannot read: "
        "if it may be another host than HubSpot's, the token would go there; "
        "migrate by hand",
        f"{what}{where} is a value this tool cannot read",
    )


def string_value_of(node: Node | None) -> str | None:
    from hapimigrate.foreign.js_syntax import string_value

    return string_value(node)


_DEPTH = 8  # names, members and calls followed into one another
GIVEN_BY_CALLERS = "given-by-callers:"  # a template's first hole: see below
_REASONS: dict[str, str] = {}


def _from_callers(node: Node, given) -> str:
    """The URL every caller gives for a parameter or ``this.X`` (see
    :mod:`.js_callers`), or a hole naming why the host cannot be told
    (:func:`given_by_callers` reads it back)."""
    if given.template:
        return given.template
    name = text(node) if node.type == "identifier" else snippet(node, 30)
    return _marker(
        f"the URL's host comes from {name}, which its callers give: "
        f"{given.reason}; the token would go wherever they send it, so migrate by hand",
        given.reason,
    )


def _marker(reason: str, detail: str) -> str:
    """A template's first hole carrying why its host cannot be told (read
    back by :func:`given_by_callers`)."""
    if len(_REASONS) > 10000:
        _REASONS.clear()
    key = f"{len(_REASONS)}"
    _REASONS[key] = (reason, detail)
    return "{" + GIVEN_BY_CALLERS + key + "}"


def given_by_callers(template: str | None, detail: bool = False) -> str:
    """Why the host of a template starting with a value its callers give, or
    one this tool cannot read, cannot be told (see :func:`url_template`); ""
    for another template. ``detail``: the reason alone, to nest in another."""
    head = "{" + GIVEN_BY_CALLERS
    if not template or not template.startswith(head):
        return ""
    key = template[len(head) : template.index("}")]
    reason, inner = _REASONS.get(
        key, ("the URL's host cannot be told; migrate by hand", "a value not followed")
    )
    return inner if detail else reason


_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _joined(base: str, path: str) -> str:
    """What ``new URL(path, base)`` names, as templates (a hole in the base
    stays a hole)."""
    from urllib.parse import urljoin

    if not _ABSOLUTE.match(base):
        return "{}" + ("" if path.startswith("/") else "/") + path
    try:
        return urljoin(base, path)
    except ValueError:
        return "{}"


def _is_this(node: Node | None) -> bool:
    """``this.X``: a client's ``this.base``."""
    if node is None or node.type != "member_expression":
        return False
    holder = unwrap(node.child_by_field_name("object"))
    return holder is not None and holder.type == "this"


def _alternatives(node: Node) -> list[Node]:
    """The values ``a || b``, ``a ?? b`` and ``c ? a : b`` may take (none for
    another expression)."""
    if node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and text(operator) in ("||", "??"):
            sides = (
                node.child_by_field_name("left"),
                node.child_by_field_name("right"),
            )
            return [side for side in sides if side is not None]
    if node.type == "ternary_expression":
        sides = (
            node.child_by_field_name("consequence"),
            node.child_by_field_name("alternative"),
        )
        return [side for side in sides if side is not None]
    return []


def _assigned(binding: Binding) -> list[Node]:
    """The values a ``let``/``var`` name is given after its declaration, in its
    scope (``BASE = "https://mirror..."`` in a branch)."""
    name = text(binding.name)
    found = []
    for node in walk(binding.scope):
        if node.type in ("assignment_expression", "augmented_assignment_expression"):
            left = node.child_by_field_name("left")
            if left is not None and left.type == "identifier" and text(left) == name:
                right = node.child_by_field_name("right")
                if right is not None and resolve(left) == binding:
                    found.append(right)
            elif left is not None and left.type in ("array_pattern", "object_pattern"):
                for inner in walk(left):  # [BASE] = ...: a value not followed
                    if (
                        inner.type
                        in (
                            "identifier",
                            "shorthand_property_identifier_pattern",
                        )
                        and text(inner) == name
                    ):
                        found.append(left)
                        break
        elif (
            binding.kind == "var"
            and node.type == "variable_declarator"
            and node != binding.declarator
        ):  # var BASE = ... again, in a block: the same variable
            target = node.child_by_field_name("name")
            value = node.child_by_field_name("value")
            if (
                target is not None
                and target.type == "identifier"
                and text(target) == name
                and value is not None
                and _function_scope(node) == _function_scope(binding.name)
            ):
                found.append(value)
    return found


def _function_scope(node: Node) -> Node | None:
    """The function (or program) a ``var`` belongs to."""
    node = node.parent
    while node is not None and node.type not in (
        "function_declaration",
        "function_expression",
        "function",
        "arrow_function",
        "method_definition",
        "generator_function_declaration",
        "generator_function",
        "program",
    ):
        node = node.parent
    return node


def _table_entries(node: Node | None) -> list[Node] | None:
    """The values of a const object literal a lookup reads (``HOSTS[env]``);
    None for anything else."""
    node = unwrap(node)
    if node is None or node.type != "identifier":
        return None
    binding = resolve(node)
    if binding is None or binding.kind != "const" or binding.value is None:
        return None
    table = unwrap(binding.value)
    if table is None or table.type != "object":
        return None
    return [
        pair.child_by_field_name("value")
        for pair in table.named_children
        if pair.type == "pair" and pair.child_by_field_name("value") is not None
    ]


def _any_other_host(templates: list[str]) -> str:
    """Of a fallback's possible URLs (``process.env.BASE || "https://mirror..."``),
    one whose host is not HubSpot's: the request may go there, so the host check
    must see it; else a value known only at run time."""
    from hapimigrate import hubspot

    for template in templates:
        host = hubspot.host(template)
        if host is not None and not hubspot.is_hubspot_host(host):
            return template
    for template in templates:  # a host its callers give, not told
        if given_by_callers(template):
            return template
    return "{}"


def _hole_name(node: Node) -> str:
    """``id`` for ``${id}`` or ``${deal.id}``: a path parameter's name."""
    node = unwrap(node)
    if node is not None and node.type == "identifier":
        return text(node)
    if node is not None and node.type == "member_expression":
        prop = node.child_by_field_name("property")
        return text(prop) if prop is not None else ""
    return ""


def const_binding(node: Node | None) -> Binding | None:
    """The const/let/var declaration an identifier refers to, when it declares
    that name alone (not a destructuring)."""
    node = unwrap(node)
    if node is None or node.type not in ("identifier", "shorthand_property_identifier"):
        return None
    binding = resolve(node)
    if binding is None or binding.kind not in ("const", "let", "var"):
        return None
    if binding.declarator is None or binding.name.parent != binding.declarator:
        return None
    return binding


js_callers.renders_with(url_template, given_by_callers)
