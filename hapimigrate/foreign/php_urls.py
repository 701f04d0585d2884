"""Cutting ``hapikey`` out of PHP URL expressions, by byte splices that keep the
rest of the query well formed (``?hapikey=K&a=1`` becomes ``?a=1``,
``?a=1&hapikey=K`` becomes ``?a=1``):

* concatenations: ``'...?hapikey=' . $key . '&count=10'``;
* interpolated strings: ``"...?hapikey={$key}&limit=10"``, ``"...?hapikey=$key"``,
  and heredocs of one line;
* ``sprintf('...?hapikey=%s', $key)`` (the argument goes too);
* query arrays: ``http_build_query(['hapikey' => $key, ...])`` and WordPress
  ``add_query_arg('hapikey', $key, $url)`` / ``add_query_arg([...], $url)``.

Each returns a :class:`Removal`: the edits, the expression whose value is the URL
(to follow to its request), and the key expression; or the reason it cannot cut.
Also :func:`template`: a URL expression's literal text with ``{}`` for the parts
only known at run time, following variables assigned earlier in the scope."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign.splice import Edit
from hapimigrate.keys import is_plausible_key

_HAPIKEY = re.compile(rb"(?i)hapikey=")
_CONVERSION = re.compile(r"%(?:%|(\d+\$)?[-+ 0]*(?:'.)?\d*(?:\.\d+)?[bcdeEfFgGosuxX])")
_VALUE_CONVERSION = re.compile(rb"%[sdu]")


@dataclass(frozen=True)
class Removal:
    """How a key leaves a URL: ``edits``, or ``reason`` (then manual)."""

    edits: tuple[Edit, ...] = ()
    carrier: object = None  # the expression whose value is the URL
    key: object = None  # the key's expression; None for a literal key
    hardcoded: bool = False
    reason: str = ""
    literal: str | None = None  # a literal key's value (compared, never shown)
    # the cut takes the query's '?' with it: text appended to the URL later
    # ('&count=10') would then follow the path directly
    drops_question: bool = False


def _manual(reason: str, key=None, hardcoded: bool = False) -> Removal:
    return Removal(reason=reason, key=key, hardcoded=hardcoded)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: bool  # literal text (inside a string) or a value known at run time
    string: object = None  # the string literal holding it
    node: object = None  # a value's node


def _operands(node) -> list:
    node = syn.unwrap(node)
    if node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and operator.type == ".":
            return _operands(node.child_by_field_name("left")) + _operands(
                node.child_by_field_name("right")
            )
    return [node]


def _content(string) -> tuple[int, int]:
    return string.children[0].end_byte, string.children[-1].start_byte


def _tokens(operands: list) -> list[_Token] | None:
    tokens: list[_Token] = []
    for operand in operands:
        if operand.type == "string":
            start, end = _content(operand)
            tokens.append(_Token(start, end, True, operand))
        elif operand.type in ("encapsed_string", "heredoc"):
            if operand.type == "heredoc":
                children = _heredoc_parts(operand)
                if children is None:
                    return None
            elif operand.children[0].type != '"':
                return None  # a b"..." string
            else:
                children = operand.children[1:-1]
            for child in children:
                if child.type in ("string_content", "escape_sequence"):
                    previous = tokens[-1] if tokens else None
                    if (
                        previous is not None
                        and previous.text
                        and previous.string is operand
                        and previous.end == child.start_byte
                    ):
                        tokens[-1] = _Token(
                            previous.start, child.end_byte, True, operand
                        )
                    else:
                        tokens.append(
                            _Token(child.start_byte, child.end_byte, True, operand)
                        )
                elif child.type == "{":
                    tokens.append(
                        _Token(child.start_byte, child.start_byte, False, operand)
                    )
                elif child.type == "}":
                    last = tokens[-1]
                    tokens[-1] = _Token(
                        last.start, child.end_byte, False, operand, last.node
                    )
                elif (
                    tokens
                    and not tokens[-1].text
                    and tokens[-1].start == tokens[-1].end
                ):
                    last = tokens[-1]  # inside {...}
                    tokens[-1] = _Token(last.start, last.end, False, operand, child)
                else:
                    tokens.append(
                        _Token(child.start_byte, child.end_byte, False, operand, child)
                    )
        else:
            tokens.append(
                _Token(operand.start_byte, operand.end_byte, False, None, operand)
            )
    return tokens


@dataclass(frozen=True)
class _Part:
    """A piece of a heredoc's one line, its indentation left out."""

    type: str
    start_byte: int
    end_byte: int
    node: object


def _heredoc_parts(heredoc) -> list | None:
    """The parts of a heredoc that holds one line (a URL), without the
    indentation PHP strips (the closing marker's); None for several lines."""
    body = next((c for c in heredoc.children if c.type == "heredoc_body"), None)
    end = next((c for c in heredoc.children if c.type == "heredoc_end"), None)
    parts = [c for c in body.children] if body is not None else []
    if not parts or end is None or parts[0].start_point[0] != parts[-1].end_point[0]:
        return None
    first = parts[0]
    if first.type != "string_content":
        return parts if end.start_point[1] == 0 else None
    indent = end.start_point[1]
    if first.end_byte - first.start_byte <= indent:
        return None
    trimmed = _Part(first.type, first.start_byte + indent, first.end_byte, first)
    return [trimmed, *parts[1:]]


def from_string(data: bytes, string) -> Removal | None:
    """The key cut from the URL expression ``string`` belongs to; None when the
    string holds no ``hapikey=``."""
    if not _HAPIKEY.search(data[string.start_byte : string.end_byte]):
        return None
    node = string
    while node.parent is not None and (
        node.parent.type == "parenthesized_expression"
        or (
            node.parent.type == "binary_expression"
            and node.parent.child_by_field_name("operator").type == "."
        )
    ):
        node = node.parent
    root = node
    parent = root.parent
    if parent is not None and parent.type == "argument":
        call = parent.parent.parent
        if syn.call_name(call) == "sprintf":
            args = syn.arguments(call)
            if args and args[0].id == parent.id:
                return _from_sprintf(data, call, args, root)
    tokens = _tokens(_operands(root))
    if tokens is None:
        return _manual(
            "a binary string or a heredoc of several lines holds the key: cut it by hand"
        )
    return _cut(data, tokens, root)


def _find(data: bytes, tokens: list[_Token]):
    hits = [
        (index, match.start())
        for index, token in enumerate(tokens)
        if token.text
        for match in _HAPIKEY.finditer(data, token.start, token.end)
    ]
    return hits


def _cut(data: bytes, tokens: list[_Token], root) -> Removal:
    hits = _find(data, tokens)
    if len(hits) != 1:
        return _manual("the URL holds hapikey= more than once")
    index, at = hits[0]
    token = tokens[index]
    separator = data[at - 1 : at] if at > token.start else b""
    if not separator and index > 0:
        return _manual("the '?' or '&' before hapikey= is chosen at run time")
    if separator not in (b"?", b"&"):
        return _manual("hapikey= is not a query parameter of a URL written here")
    value_start = at + len(b"hapikey=")
    key, hardcoded = None, False
    after_index = index + 1
    if value_start < token.end:  # a literal value
        stop = re.compile(rb"[&#]").search(data, value_start, token.end)
        value_end = stop.start() if stop else token.end
        hardcoded = is_plausible_key(
            data[value_start:value_end].decode("utf-8", "replace")
        )
        if (
            value_end == token.end
            and after_index < len(tokens)
            and not tokens[after_index].text
        ):
            return _manual(
                "the key is built from pieces at run time", hardcoded=hardcoded
            )
        follows = data[value_end : value_end + 1] if value_end < token.end else None
        amp = value_end if follows == b"&" else None
        if follows is None and after_index < len(tokens):
            nxt = tokens[after_index]
            if data[nxt.start : nxt.start + 1] == b"&":
                amp = nxt.start
            elif data[nxt.start : nxt.start + 1] not in (b"#",):
                return _manual(
                    "the URL goes on after the key without '&'", hardcoded=hardcoded
                )
    else:
        if after_index >= len(tokens) or tokens[after_index].text:
            return _manual("hapikey= is followed by no value", hardcoded=hardcoded)
        value = tokens[after_index]
        key = value.node
        hardcoded = is_plausible_key(syn.literal(key)) if key is not None else False
        value_end = value.end
        amp = None
        if after_index + 1 < len(tokens):
            nxt = tokens[after_index + 1]
            first = data[nxt.start : nxt.start + 1]
            if not nxt.text:
                return _manual(
                    "a value built at run time follows the key: the query cannot be "
                    "cut safely",
                    key,
                    hardcoded,
                )
            if first == b"&":
                amp = nxt.start
            elif first != b"#":
                return _manual(
                    "the URL goes on after the key without '&'", key, hardcoded
                )
    if separator == b"?" and amp is not None:
        start, end = at, amp + 1
    else:
        start, end = at - 1, value_end
    edits = _splice(data, tokens, root, start, end)
    if isinstance(edits, str):
        return _manual(edits, key, hardcoded)
    literal = None
    if key is None:
        literal = data[at + len(b"hapikey=") : value_end].decode("utf-8", "replace")
    return Removal(
        edits,
        root,
        key,
        hardcoded,
        literal=literal,
        drops_question=separator == b"?" and amp is None,
    )


def _string_at(tokens: list[_Token], offset: int, *, end: bool = False):
    """The string literal whose text or interpolation holds ``offset`` (as the
    end of a range when ``end``)."""
    for token in tokens:
        if token.string is None:
            continue
        inside = (
            token.start < offset <= token.end
            if end
            else token.start <= offset < token.end
        )
        if inside:
            return token.string
    return None


def _splice(data: bytes, tokens, root, start: int, end: int):
    """Edits that delete ``[start, end)`` of a URL expression without breaking
    its string literals apart."""
    first = _string_at(tokens, start)
    last = _string_at(tokens, end, end=True)
    if first is not None and last is not None and first.id == last.id:
        return (Edit(start, end, b""),)
    if first is None or "heredoc" in (first.type, getattr(last, "type", "")):
        return "the key's parameter spans pieces hapimigrate cannot cut"
    content_start, content_end = _content(first)
    operands = _operands(root)
    position = next(i for i, o in enumerate(operands) if o.id == first.id)
    if last is None:  # the key is the last thing cut: '...?hapikey=' . $key
        if start == content_start:  # nothing of the string is left
            if position == 0:
                parent = root.parent
                if (
                    parent is not None
                    and parent.type == "augmented_assignment_expression"
                    and parent.child_by_field_name("right").id == root.id
                    and parent.parent.type == "expression_statement"
                ):  # $url .= '?hapikey=' . $key; goes entirely
                    return (_statement_removal(data, parent.parent),)
                return "nothing of the URL would be left"
            return (Edit(operands[position - 1].end_byte, end, b""),)
        return (Edit(start, content_end, b""), Edit(first.end_byte, end, b""))
    same_quotes = (
        first.type == last.type
        and data[first.start_byte : first.start_byte + 1]
        == data[last.start_byte : last.start_byte + 1]
    )
    if same_quotes:
        return (Edit(start, end, b""),)
    last_start, _ = _content(last)
    value_end = operands[position + 1].end_byte
    return (
        Edit(start, content_end, b""),
        Edit(first.end_byte, value_end, b""),
        Edit(last_start, end, b""),
    )


def _from_sprintf(data: bytes, call, args: list, fmt) -> Removal:
    fmt = syn.unwrap(fmt)
    text = syn.literal(fmt)
    if text is None:
        return _manual("a sprintf template built at run time holds the key")
    tokens = _tokens([fmt])
    hits = _find(data, tokens)
    if len(hits) != 1:
        return _manual("the URL holds hapikey= more than once")
    _, at = hits[0]
    start, stop = _content(fmt)
    raw = data[start:stop].decode("utf-8", "replace")
    conversions = list(_CONVERSION.finditer(raw))
    if any(m.group(1) for m in conversions):
        return _manual("a sprintf template with numbered arguments holds the key")
    value_start = at + len(b"hapikey=")
    match = _VALUE_CONVERSION.match(data, value_start)
    if match is None:
        removal = _cut(data, tokens, fmt)  # a literal key in the template
        return removal if removal.reason else dataclasses.replace(removal, carrier=call)
    before = [
        m for m in conversions if m.group(0) != "%%" and start + m.start() < value_start
    ]
    position = len(before) + 1
    if position >= len(args):
        return _manual("sprintf has no argument for the key")
    argument = args[position]
    key = syn.value(argument)
    value_end = match.end()
    separator = data[at - 1 : at]
    if separator not in (b"?", b"&"):
        return _manual("hapikey= is not a query parameter of a URL written here", key)
    follows = data[value_end : value_end + 1] if value_end < stop else b""
    if follows not in (b"&", b"#", b""):
        return _manual("the URL goes on after the key without '&'", key)
    if separator == b"?" and follows == b"&":
        cut = Edit(at, value_end + 1, b"")
    else:
        cut = Edit(at - 1, value_end, b"")
    drop = Edit(args[position - 1].end_byte, argument.end_byte, b"")
    hardcoded = is_plausible_key(syn.literal(key))
    dropped = separator == b"?" and follows != b"&"
    return Removal((cut, drop), call, key, hardcoded, drops_question=dropped)


# -- query arrays -----------------------------------------------------------------


def from_query_array(data: bytes, array, item) -> Removal | None:
    """``'hapikey' => $key`` in an array given to ``http_build_query`` or
    ``add_query_arg``; None when the array is something else."""
    holder = array.parent
    if holder is None or holder.type != "argument":
        return None
    call = holder.parent.parent
    name = syn.call_name(call)
    key = item.value
    hardcoded = is_plausible_key(syn.literal(key))
    if name == "http_build_query":
        edit = syn.remove_entry(array, item.node)
        if edit is None:
            return _manual(
                "the query holds nothing but the key: remove it and its '?' by hand",
                key,
                hardcoded,
            )
        return Removal((edit,), call, key, hardcoded)
    if name == "add_query_arg":
        args = syn.arguments(call)
        if not args or args[0].id != holder.id:
            return None
        if len(args) < 2:
            return _manual(
                "add_query_arg() without a URL adds the key to the current request's "
                "URL: migrate it by hand",
                key,
                hardcoded,
            )
        edit = syn.remove_entry(array, item.node)
        if edit is None:
            return _unwrap_add_query_arg(data, call, args[-1], key, hardcoded)
        return Removal((edit,), call, key, hardcoded)
    return None


def _query_of(data: bytes, name: str, after, what: str):
    """The one ``http_build_query($name)`` or ``add_query_arg($name, $url)`` the
    query array ``$name`` goes into after ``after``; or why there is none."""
    scope = syn.scope_of(after)
    found, stop = [], None
    for use in syn.uses(scope, name):
        if use.start_byte < after.end_byte:
            continue
        if stop is not None and use.start_byte >= stop:
            break
        assigned = syn.assignment_of(use)
        if assigned is not None:
            if assigned[1] != "=":
                return f"${name} is changed with {assigned[1]} after {what}"
            stop = assigned[0].end_byte
            continue
        parent = use.parent
        if parent is not None and parent.type == "subscript_expression":
            outer = parent
            while (
                outer.parent is not None and outer.parent.type == "subscript_expression"
            ):
                outer = outer.parent
            if syn.assignment_of(outer) is not None:
                continue  # another parameter joins the query
        if parent is None or parent.type != "argument":
            return f"${name} is used where hapimigrate cannot follow it"
        call = parent.parent.parent
        args = syn.arguments(call) or []
        first = bool(args) and args[0].id == parent.id
        called = syn.call_name(call)
        if first and (
            called == "http_build_query"
            or (called == "add_query_arg" and len(args) >= 2)
        ):
            found.append(call)
            continue
        if not called and call.child_by_field_name("name") is not None:
            called = call.child_by_field_name("name").text.decode()
        shown = called or "a function computed at run time"
        return f"${name} is passed to {shown}(), which hapimigrate does not follow"
    if len(found) != 1:
        return f"${name} does not become one query string in this function"
    return found[0]


def from_query_variable(data: bytes, array, item) -> Removal | None:
    """``$query = ['hapikey' => $key, ...];`` later given to ``http_build_query``
    or ``add_query_arg``: the entry goes."""
    assignment = array.parent
    if assignment is None or assignment.type != "assignment_expression":
        return None
    if assignment.child_by_field_name("right").id != array.id:
        return None
    name = syn.variable(assignment.child_by_field_name("left"))
    if name is None:
        return None
    key = item.value
    hardcoded = is_plausible_key(syn.literal(key))
    target = _query_of(data, name, assignment, "the key is put in it")
    if isinstance(target, str):
        return _manual(target, key, hardcoded)
    edit = syn.remove_entry(array, item.node) or syn.clear(array)
    return Removal((edit,), target, key, hardcoded)


def from_query_index(data: bytes, subscript) -> Removal | None:
    """``$query['hapikey'] = $key;`` (a statement), the array later given to
    ``http_build_query`` or ``add_query_arg``: the statement goes."""
    assignment = subscript.parent
    statement = assignment.parent if assignment is not None else None
    if (
        assignment is None
        or assignment.type != "assignment_expression"
        or statement is None
        or statement.type != "expression_statement"
    ):
        return None
    name = syn.variable(subscript.named_children[0])
    if name is None:
        return None
    key = assignment.child_by_field_name("right")
    hardcoded = is_plausible_key(syn.literal(key))
    target = _query_of(data, name, statement, "the key is put in it")
    if isinstance(target, str):
        return _manual(target, key, hardcoded)
    return Removal((_statement_removal(data, statement),), target, key, hardcoded)


def from_add_query_arg(data: bytes, call, args: list) -> Removal:
    """``add_query_arg('hapikey', $key, $url)``."""
    key = syn.value(args[1]) if len(args) > 1 else None
    hardcoded = is_plausible_key(syn.literal(key))
    if len(args) != 3:
        return _manual(
            "add_query_arg() without a URL adds the key to the current request's "
            "URL: migrate it by hand",
            key,
            hardcoded,
        )
    return _unwrap_add_query_arg(data, call, args[2], key, hardcoded)


def _unwrap_add_query_arg(data: bytes, call, url_argument, key, hardcoded) -> Removal:
    """``add_query_arg(<key>, $url)`` becomes ``$url``; ``$url =
    add_query_arg('hapikey', $key, $url);`` goes entirely."""
    url = syn.value(url_argument)
    parent = call.parent
    if (
        parent is not None
        and parent.type == "assignment_expression"
        and syn.variable(parent.child_by_field_name("left"))
        and syn.variable(parent.child_by_field_name("left")) == syn.variable(url)
        and parent.parent is not None
        and parent.parent.type == "expression_statement"
    ):
        statement = parent.parent
        return Removal(
            (_statement_removal(data, statement),),
            call,
            key,
            hardcoded,
            drops_question=True,
        )
    edits = (
        Edit(call.start_byte, url.start_byte, b""),
        Edit(url.end_byte, call.end_byte, b""),
    )
    return Removal(edits, call, key, hardcoded, drops_question=True)


def _statement_removal(data: bytes, statement) -> Edit:
    """An edit that deletes a statement, with its line when it has one alone."""
    start = data.rfind(b"\n", 0, statement.start_byte) + 1
    alone = not data[start : statement.start_byte].strip()
    if not alone:
        start = statement.start_byte
    end = statement.end_byte
    newline = data.find(b"\n", end)
    if alone and newline >= 0 and not data[end:newline].strip():
        end = newline + 1
    return Edit(start, end, b"")


# -- what a URL expression says -------------------------------------------------


def template(data: bytes, node, depth: int = 0, bindings: dict | None = None) -> str:
    """The URL an expression builds, ``{}`` for what only the run tells;
    ``bindings`` give the enclosing function's parameters literal values (one
    call site of a request wrapper)."""
    node = syn.unwrap(node)
    if node is None or depth > 4:
        return "{}"
    if syn.call_name(node) in ("add_query_arg", "esc_url_raw", "esc_url", "trim"):
        args = syn.arguments(node) or []
        if not args:
            return "{}"
        return template(data, syn.value(args[-1]), depth + 1, bindings)
    if syn.call_name(node) == "sprintf":
        args = syn.arguments(node) or []
        text = syn.literal(syn.value(args[0])) if args else None
        return text if text is not None else "{}"
    parts = []
    for token in _tokens(_operands(node)) or []:
        if token.text:
            parts.append(data[token.start : token.end].decode("utf-8", "replace"))
            continue
        held = token.node
        if held is not None and syn.variable(held) and token.string is None:
            parts.append(_variable_template(data, held, depth, bindings))
        elif held is not None and syn.property_value(held) is not None:
            parts.append(template(data, syn.property_value(held), depth + 1))
        elif held is not None and syn.constant_value(held) is not None:
            parts.append(template(data, syn.constant_value(held), depth + 1))
        else:
            parts.append("{}")
    return "".join(parts) or "{}"


def _variable_template(data: bytes, node, depth: int, bindings: dict | None) -> str:
    """What ``$url`` holds where ``node`` reads it: its last assignment before,
    with the ``.=`` appended after it; a parameter's binding if it has none."""
    name = syn.variable(node)
    scope = syn.scope_of(node)
    if scope is None or name is None:
        return "{}"
    text = None
    for use in syn.uses(scope, name):
        if use.start_byte >= node.start_byte:
            break
        assigned = syn.assignment_of(use)
        if assigned is None:
            continue
        assignment, operator = assigned
        if assignment.end_byte > node.start_byte:
            continue
        right = assignment.child_by_field_name("right")
        if operator == "=":
            text = template(data, right, depth + 1, bindings)
        elif operator == ".=" and text is not None:
            text += template(data, right, depth + 1, bindings)
    if text is None and bindings and name in bindings:
        return bindings[name]
    return text if text is not None else "{}"


_SCHEME_HOST = re.compile(r"^\s*(?:https?:)?//([^/?#:{}\s]+)", re.I)


def hosts(data: bytes, node, depth: int = 0) -> set[str]:
    """Every literal host the URL expression ``node`` may start with: both
    branches of a ternary or a ``?:``/``??`` fallback, every value a variable
    is given in its function (on any path), a property's value, a constant's.
    The host :func:`template` shows is one of them; the others are chosen at
    run time."""
    node = syn.unwrap(node)
    if node is None or depth > 5:
        return set()
    text = syn.literal(node)
    if node.type in syn.STRINGS or node.type == "heredoc":
        first = node.children[1] if len(node.children) > 2 else None
        if text is None and first is not None and first.type == "string_content":
            text = first.text.decode("utf-8", "replace")
        match = _SCHEME_HOST.match(text or "")
        return {match.group(1).lower()} if match else set()
    if node.type == "conditional_expression":
        parts = [
            node.child_by_field_name("body"),
            node.child_by_field_name("alternative"),
        ]
        if parts[0] is None:
            parts[0] = node.child_by_field_name("condition")
        return set().union(*(hosts(data, p, depth + 1) for p in parts))
    if node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and operator.type in ("?:", "??"):
            return hosts(data, node.child_by_field_name("left"), depth + 1) | hosts(
                data, node.child_by_field_name("right"), depth + 1
            )
        if operator is not None and operator.type == ".":
            return hosts(data, _operands(node)[0], depth + 1)
        return set()
    if syn.call_name(node) in ("add_query_arg", "esc_url_raw", "esc_url", "trim"):
        args = syn.arguments(node) or []
        return hosts(data, syn.value(args[-1]), depth + 1) if args else set()
    if syn.call_name(node) == "sprintf":
        args = syn.arguments(node) or []
        return hosts(data, syn.value(args[0]), depth + 1) if args else set()
    name = syn.variable(node)
    if name is not None:
        found: set[str] = set()
        scopes = [syn.scope_of(node)]
        if any(
            use.parent is not None and use.parent.type == "global_declaration"
            for use in syn.uses(scopes[0], name)
        ):  # `global $base;`: the file's own assignments give it
            scopes.append(_program(node))
        for scope in scopes:
            for use in syn.uses(scope, name):
                assigned = syn.assignment_of(use)
                if assigned is not None and assigned[1] in ("=", "??="):
                    found |= hosts(
                        data, assigned[0].child_by_field_name("right"), depth + 1
                    )
        return found
    held = syn.property_value(node)
    if held is not None:
        return hosts(data, held, depth + 1)
    held = syn.constant_value(node)
    if held is not None:
        return hosts(data, held, depth + 1)
    return set()


def _program(node):
    """The file's top node (its global scope)."""
    while node.parent is not None:
        node = node.parent
    return node
