"""Putting ``Authorization: Bearer <token>`` on a JavaScript request: into the
options object's ``headers`` (created when absent), or a new options object
where the call has none; the reason when that cannot be done safely (headers
held in a variable or spread from one, an Authorization header or ``auth``
option already there, options shared with code this module does not follow).

New members follow the object's layout: on a line of their own, indented like
the last member and with its trailing comma style, in a multi-line object;
after ``, `` in a one-line object.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from hapimigrate.foreign.js_requests import Request
from hapimigrate.foreign.js_syntax import (
    Node,
    snippet,
    arguments,
    member,
    member_value,
    members,
    property_name,
    references,
    resolve,
    text,
    unwrap,
)
from hapimigrate.foreign.splice import Edit


@dataclass(frozen=True)
class HeaderPlan:
    edits: tuple[Edit, ...] = ()
    reason: str = ""


def header_entry(bearer: bytes) -> bytes:
    return b"Authorization: " + bearer


def plan(
    request: Request,
    bearer: bytes,
    newline: bytes,
    is_options_of_request: Callable[[Node], bool],
    removed: tuple[Edit, ...] = (),
) -> HeaderPlan:
    """The edits giving ``request`` the header, or why it cannot have it."""
    if request.reason:
        return HeaderPlan(reason=request.reason)
    entry = header_entry(bearer)
    if request.options is None:
        if request.insert_at is None:
            return HeaderPlan(reason="the request takes no options")
        new = b"{ headers: { " + entry + b" } }"
        args = arguments(request.call)
        last = args[-1] if args else None
        opener = request.call.child_by_field_name("arguments")
        if (
            last is not None
            and opener is not None
            and request.insert.startswith(b", ")
            and request.insert_at == last.end_byte
            and last.start_point[0] > opener.start_point[0]
        ):  # one argument a line: the options on a line of their own
            indent = _indent(last, _line_start(last, last), last.start_byte)
            inserted = request.insert.replace(b", ", b"," + newline + indent, 1)
            inserted = inserted.replace(b", {}", b"," + newline + indent + b"{}")
            return HeaderPlan(
                (
                    Edit(
                        request.insert_at,
                        request.insert_at,
                        inserted.replace(b"{}", new),
                    ),
                )
            )
        return HeaderPlan(
            (
                Edit(
                    request.insert_at,
                    request.insert_at,
                    request.insert.replace(b"{}", new),
                ),
            )
        )
    obj = unwrap(request.options)
    if obj is not None and obj.type == "identifier":
        binding = resolve(obj)
        value = unwrap(binding.value) if binding is not None else None
        if (
            binding is None
            or binding.kind != "const"
            or value is None
            or value.type != "object"
        ):
            return HeaderPlan(
                reason=f"the options are a variable ({text(obj)}) this tool cannot see into"
            )
        for ref in references(binding):
            if ref.start_byte != obj.start_byte or not is_options_of_request(ref):
                # another request (maybe to another host) would get the token too
                line = ref.start_point[0] + 1
                return HeaderPlan(
                    reason=f"the options object {text(obj)} is also used on line {line}"
                )
        obj = value
    if obj is None or obj.type != "object":
        return HeaderPlan(reason="the options are not an object literal")
    return options_plan(obj, entry, newline, removed, request.library == "fetch")


def options_plan(
    obj: Node,
    entry: bytes,
    newline: bytes,
    removed: tuple[Edit, ...] = (),
    fetch: bool = False,
) -> HeaderPlan:
    """Add the header to the options object literal ``obj`` (of ``fetch``:
    ``headers: new Headers({...})`` takes it too)."""
    for child in members(obj):
        if child.type == "spread_element":
            return HeaderPlan(
                reason=f"the options spread another object ({snippet(child)}): it may hold headers"
            )
    unclear = unclear_member(obj)
    if unclear is not None:
        return HeaderPlan(
            reason=f"the options have a member whose name is computed or a method "
            f"({snippet(unclear)}): it may set the headers"
        )
    if member(obj, "auth") is not None:
        return HeaderPlan(reason="the request already authenticates (an auth option)")
    if _count(obj, "headers") > 1:
        return HeaderPlan(
            reason="the options set headers twice: the last one wins, and the "
            "Authorization header could go into the one that is dropped"
        )
    headers = member(obj, "headers")
    if headers is None:
        return HeaderPlan(
            add_member(obj, b"headers: { " + entry + b" }", newline, removed)
        )
    value = unwrap(member_value(headers))
    if fetch:
        value = _headers_object(value)
    if value is None or value.type != "object" or headers.type != "pair":
        return HeaderPlan(
            reason=f"the headers are a value ({snippet(value, 30)}) this tool cannot see "
            "into: it may hold an Authorization header"
        )
    for child in members(value):
        if child.type == "spread_element":
            return HeaderPlan(
                reason=f"the headers spread another object ({snippet(child)}): "
                "it may hold an Authorization header"
            )
    unclear = unclear_member(value)
    if unclear is not None:
        return HeaderPlan(
            reason=f"the headers have a member whose name is computed or a method "
            f"({snippet(unclear)}): it may be an Authorization header"
        )
    if member(value, "authorization", fold=True) is not None:
        return HeaderPlan(reason="the request already sends an Authorization header")
    return HeaderPlan(add_member(value, entry, newline))


def _headers_object(value: Node | None) -> Node | None:
    """The object literal of the headers: written as one, or given to
    ``new Headers({...})`` (fetch's own; it takes the same entries)."""
    if value is None or value.type != "new_expression":
        return value
    constructor = value.child_by_field_name("constructor")
    args = value.child_by_field_name("arguments")
    given = [c for c in args.named_children if c.type != "comment"] if args else []
    if (
        constructor is not None
        and text(constructor) == "Headers"
        and resolve(constructor) is None  # the global, not a class of the file
        and len(given) == 1
        and unwrap(given[0]) is not None
        and unwrap(given[0]).type == "object"
    ):
        return unwrap(given[0])
    return value


def unclear_member(obj: Node) -> Node | None:
    """The first member of an object literal whose name cannot be read (a
    computed key, ``['headers']`` included; a method, getter or setter)."""
    for child in members(obj):
        if child.type != "spread_element" and property_name(child) is None:
            return child
        if child.type == "pair":
            key = child.child_by_field_name("key")
            if key is not None and key.type == "computed_property_name":
                return child
    return None


def _count(obj: Node, name: str) -> int:
    return sum(1 for child in members(obj) if property_name(child) == name)


def add_member(
    obj: Node, entry: bytes, newline: bytes, removed: tuple[Edit, ...] = ()
) -> tuple[Edit, ...]:
    """Edits adding ``entry`` as the last member of the object literal ``obj``
    (after the last one the ``removed`` edits leave)."""
    items = [
        m
        for m in members(obj)
        if not any(e.start <= m.start_byte and m.end_byte <= e.end for e in removed)
    ]
    if not items:
        return (Edit(obj.start_byte, obj.end_byte, b"{ " + entry + b" }"),)
    last = items[-1]
    after = last.next_sibling
    comma = (
        after
        if after is not None
        and after.type == ","
        and not any(e.start <= after.start_byte < e.end for e in removed)
        else None
    )  # a comma the removal takes (`, params: { hapikey }` last) is not there
    anchor = comma or last
    multiline = last.start_point[0] != obj.start_point[0]
    if not multiline:
        if comma is not None:
            return (Edit(comma.end_byte, comma.end_byte, b" " + entry + b","),)
        return (Edit(last.end_byte, last.end_byte, b", " + entry),)
    line_start = _line_start(obj, last)
    indent = _indent(obj, line_start, last.start_byte)
    trailing = anchor.next_sibling
    position = anchor.end_byte
    if (
        trailing is not None
        and trailing.type == "comment"
        and trailing.start_point[0] == anchor.end_point[0]
    ):
        position = trailing.end_byte  # keep a comment on its line
    new = newline + indent + entry + (b"," if comma is not None else b"")
    if comma is None and position == last.end_byte:
        return (Edit(position, position, b"," + new),)
    if comma is None:
        return (Edit(last.end_byte, last.end_byte, b","), Edit(position, position, new))
    return (Edit(position, position, new),)


def _root_text(node: Node) -> tuple[bytes, int]:
    root = node
    while root.parent is not None:
        root = root.parent
    return root.text or b"", root.start_byte


def _line_start(obj: Node, last: Node) -> int:
    data, base = _root_text(obj)
    return data.rfind(b"\n", 0, last.start_byte - base) + 1 + base


def _indent(obj: Node, line_start: int, upto: int) -> bytes:
    data, base = _root_text(obj)
    segment = data[line_start - base : upto - base]
    return segment[: len(segment) - len(segment.lstrip(b" \t"))]
