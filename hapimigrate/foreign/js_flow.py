"""Following a value to the requests that send it, inside one JavaScript file:
a URL (a string, a ``new URL(...)``), query parameters (an object,
``new URLSearchParams(...)``, ``querystring.stringify(...)``) or an options
object, through ``const``/``let`` names to every use. Every use must reach a
request this tool knows; otherwise the answer is the reason (the value is
returned, exported, passed to a function of unknown reach, assigned again).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field

from hapimigrate.foreign.js_requests import (
    LOCAL,
    PARAM_KEYS,
    URL_KEYS,
    Request,
    bound_module,
    callee_root,
    request_of,
)
from hapimigrate.foreign.js_syntax import (
    Node,
    callee_parts,
    is_reassigned,
    property_name,
    references,
    resolve,
    text,
    outer,
)

_MAX_DEPTH = 6


@dataclass(frozen=True)
class Reach:
    """Where a value goes: the requests (each with ``True`` when the URL is
    extended after it, ``url + '&offset=' + n``), or why it cannot be told."""

    requests: tuple[tuple[Request, bool], ...] = ()
    reason: str = ""

    @staticmethod
    def join(parts: list["Reach"]) -> "Reach":
        for part in parts:
            if part.reason:
                return part
        seen, out = set(), []
        for part in parts:
            for request, extended in part.requests:
                if (request.key, extended) not in seen:
                    seen.add((request.key, extended))
                    out.append((request, extended))
        return Reach(tuple(out))


def _line(node: Node) -> int:
    return node.start_point[0] + 1


def _declared_line(name: Node) -> int:
    binding = resolve(name)
    return _line(binding.name) if binding is not None else _line(name)


@dataclass
class Flow:
    """The requests of one file, asked about values."""

    bindings: dict[str, str]
    _requests: dict[tuple[int, int], Request | None] = field(default_factory=dict)

    def request(self, call: Node) -> Request | None:
        key = (call.start_byte, call.end_byte)
        if key not in self._requests:
            self._requests[key] = request_of(call, self.bindings)
        return self._requests[key]

    # -- URLs ---------------------------------------------------------------

    def url(
        self,
        node: Node,
        depth: int = 0,
        extended: bool = False,
        ignoring: tuple[Node, ...] = (),
    ) -> Reach:
        """Where the URL ``node`` is sent (``ignoring`` uses of the name it is
        given to: an ``url += '&hapikey=' + KEY`` that goes)."""
        if depth > _MAX_DEPTH:
            return Reach(reason="the URL goes through too many names")
        node = outer(node)
        parent = node.parent
        if parent is None:
            return Reach(reason="the URL is not sent")
        if parent.type == "arguments":
            call = parent.parent
            if call is not None and call.type == "call_expression":
                request = self.request(call)
                if request is not None and _same(request.url, node):
                    return Reach(((request, extended),))
                name = ".".join(callee_parts(call) or ["a function"])
                root = callee_root(call)
                if bound_module(root, self.bindings) == LOCAL and root is not None:
                    return Reach(
                        reason=f"the URL is passed to {name}() on line {_line(call)}, "
                        f"and {text(root)} is this file's own (declared on line "
                        f"{_declared_line(root)}), not the library"
                    )
                return Reach(
                    reason=f"the URL is passed to {name}() on line {_line(call)}, "
                    "which this tool does not follow"
                )
            if call is not None and call.type == "new_expression":
                constructor = call.child_by_field_name("constructor")
                if constructor is not None and text(constructor) == "URL":
                    if arguments_of_new(call) and _same(
                        arguments_of_new(call)[0], node
                    ):
                        base = _relative_base(call)
                        if base:
                            return Reach(reason=base)
                        return self.url(call, depth + 1, extended)
            return Reach(
                reason=f"the URL is passed on line {_line(parent)} where this tool cannot follow it"
            )
        if parent.type == "pair" and parent.child_by_field_name("value") == node:
            return self._option(parent, URL_KEYS, "URL", extended)
        if node.type == "shorthand_property_identifier":
            return self._option(node, URL_KEYS, "URL", extended)
        if (
            parent.type == "variable_declarator"
            and parent.child_by_field_name("value") == node
        ):
            # const full = url + '&offset=' + n: full is the URL extended
            return self._name(
                parent,
                lambda ref: self._url_use(ref, depth, extended),
                "URL",
                ignoring,
            )
        if (
            parent.type == "binary_expression"
            and parent.child_by_field_name("left") == node
        ):
            operator = parent.child_by_field_name("operator")
            if operator is not None and text(operator) == "+":
                root = parent
                while (
                    root.parent is not None
                    and root.parent.type == "binary_expression"
                    and (root.parent.child_by_field_name("left") == root)
                ):
                    root = root.parent
                return self.url(root, depth + 1, True)
        if parent.type == "template_substitution":
            template = parent.parent
            if template is not None and _first_piece(template, parent):
                return self.url(template, depth + 1, True)
        if (
            parent.type == "member_expression"
            and parent.child_by_field_name("object") == node
        ):
            prop = parent.child_by_field_name("property")
            call = parent.parent
            if prop is not None and text(prop) == "href":
                return self.url(parent, depth + 1, extended)
            if (
                prop is not None
                and text(prop) == "toString"
                and call is not None
                and (call.type == "call_expression")
            ):
                return self.url(call, depth + 1, extended)
        return Reach(
            reason=f"the URL is {_role(node)} on line {_line(node)}, where this tool cannot follow it"
        )

    def _url_use(self, ref: Node, depth: int, extended: bool) -> Reach | None:
        parent = ref.parent
        # url.searchParams.set(...): changes the URL, does not send it
        if parent is not None and parent.type == "member_expression":
            prop = parent.child_by_field_name("property")
            if prop is not None and text(prop) == "searchParams":
                return None
        return self.url(ref, depth + 1, extended)

    # -- query parameters ----------------------------------------------------

    def params(self, node: Node, depth: int = 0) -> Reach:
        """Where query parameters (an object or URLSearchParams) are sent."""
        if depth > _MAX_DEPTH:
            return Reach(reason="the parameters go through too many names")
        node = outer(node)
        parent = node.parent
        if parent is None:
            return Reach(reason="the parameters are not sent")
        if parent.type == "pair" and parent.child_by_field_name("value") == node:
            return self._option(parent, PARAM_KEYS, "parameters", False)
        if node.type == "shorthand_property_identifier":
            return self._option(node, PARAM_KEYS, "parameters", False)
        if (
            parent.type == "variable_declarator"
            and parent.child_by_field_name("value") == node
        ):
            return self._name(
                parent, lambda ref: self._params_use(ref, depth), "parameters"
            )
        if parent.type == "arguments":
            call = parent.parent
            if call is not None and call.type == "new_expression":
                constructor = call.child_by_field_name("constructor")
                if constructor is not None and text(constructor) == "URLSearchParams":
                    return self.params(call, depth + 1)
            if call is not None and call.type == "call_expression":
                parts = callee_parts(call) or []
                if parts[-1:] == ["stringify"] and self.bindings.get(parts[0], "") in (
                    "querystring",
                    "node:querystring",
                    "qs",
                ):
                    return self._in_url(call, depth)
        if parent.type == "template_substitution" or (
            parent.type == "binary_expression"
            and parent.child_by_field_name("right") == node
        ):
            return self._in_url(node, depth)
        if (
            parent.type == "member_expression"
            and parent.child_by_field_name("object") == node
        ):
            prop = parent.child_by_field_name("property")
            call = parent.parent
            if (
                prop is not None
                and text(prop) == "toString"
                and call is not None
                and (call.type == "call_expression")
            ):
                return self._in_url(call, depth)
        return Reach(
            reason=f"the parameters are {_role(node)} on line {_line(node)}, where this tool cannot follow them"
        )

    def _params_use(self, ref: Node, depth: int) -> Reach | None:
        parent = ref.parent
        if parent is not None and parent.type == "member_expression":
            prop = parent.child_by_field_name("property")
            if prop is not None and text(prop) in ("append", "set", "delete", "sort"):
                return None  # params.append(...): changes them, does not send them
        return self.params(ref, depth + 1)

    def _in_url(self, node: Node, depth: int) -> Reach:
        """A value written into a URL: the URL expression around it."""
        root = outer(node)
        while root.parent is not None and (
            root.parent.type in ("template_substitution", "template_string")
            or (root.parent.type == "binary_expression" and _is_plus(root.parent))
        ):
            root = root.parent
        if root == outer(node):
            return Reach(
                reason=f"the parameters are used on line {_line(node)} where this tool cannot follow them"
            )
        return self.url(root, depth + 1)

    # -- options objects -------------------------------------------------------

    def options(self, obj: Node, depth: int = 0) -> Reach:
        """The requests an options object literal is given to."""
        node = outer(obj)
        parent = node.parent
        if parent is not None and parent.type == "arguments":
            call = parent.parent
            if call is not None and call.type == "call_expression":
                request = self.request(call)
                if request is not None and _same(request.options, node):
                    return Reach(((request, False),))
        if parent is not None and parent.type == "variable_declarator" and depth == 0:
            return self._name(parent, lambda ref: self.options(ref, 1), "options")
        return Reach(
            reason=f"the options object on line {_line(obj)} is not given to a request this tool knows"
        )

    def _option(self, pair: Node, keys: dict, what: str, extended: bool) -> Reach:
        """A member of an object: the requests it is an option of."""
        obj = pair.parent
        name = property_name(pair)
        if obj is None or obj.type != "object":
            return Reach(reason=f"the {what} are not in an options object")
        reach = self.options(obj)
        if reach.reason:
            return Reach(
                reason=f"the {what} sit in an object on line {_line(obj)} that is not given to a request this tool knows"
            )
        for request, _ in reach.requests:
            if name not in keys[request.library]:
                return Reach(
                    reason=f"'{name}' is not where {request.library} takes the {what} (line {_line(pair)})"
                )
        return Reach(tuple((r, extended) for r, _ in reach.requests))

    def _name(
        self, declarator: Node, use, what: str, ignoring: tuple[Node, ...] = ()
    ) -> Reach:
        target = declarator.child_by_field_name("name")
        if target is None or target.type != "identifier":
            return Reach(
                reason=f"the {what} are destructured on line {_line(declarator)}"
            )
        binding = resolve(target)
        if binding is None:
            return Reach(reason=f"cannot place the name {text(target)}")
        refs = [r for r in references(binding) if r not in ignoring]
        appends = [r for r in refs if _is_append(r)]
        if binding.kind != "const" and is_reassigned(
            binding, allowed=appends + list(ignoring)
        ):
            return Reach(reason=f"{text(target)} is assigned again")
        if appends and what != "URL":
            return Reach(
                reason=f"{text(target)} is added to on line {_line(appends[0])}"
            )
        statement = declarator.parent
        if (
            statement is not None
            and statement.parent is not None
            and (statement.parent.type == "export_statement")
        ):
            return Reach(
                reason=f"{text(target)} is exported: other modules may send it elsewhere"
            )
        if not refs:
            return Reach(reason=f"{text(target)} is not sent anywhere in this file")
        parts = []
        for ref in refs:
            if ref in appends:
                continue  # url += '&offset=' + n: the URL goes on, extended
            found = use(ref)
            if found is not None:
                parts.append(found)
        if not parts:
            return Reach(reason=f"{text(target)} is not sent anywhere in this file")
        joined = Reach.join(parts)
        if appends and not joined.reason:
            return Reach(tuple((request, True) for request, _ in joined.requests))
        return joined


def _is_append(ref: Node) -> bool:
    """``name += ...``: text added to the end of a string."""
    parent = ref.parent
    if parent is None or parent.type != "augmented_assignment_expression":
        return False
    operator = parent.child_by_field_name("operator")
    return parent.child_by_field_name("left") == ref and (
        operator is not None and text(operator) == "+="
    )


def arguments_of_new(call: Node) -> list[Node]:
    args = call.child_by_field_name("arguments")
    return [c for c in args.named_children if c.type != "comment"] if args else []


def _same(a: Node | None, b: Node) -> bool:
    if a is None:
        return False
    a = outer(a)
    return (a.start_byte, a.end_byte) == (b.start_byte, b.end_byte)


def _is_plus(node: Node) -> bool:
    operator = node.child_by_field_name("operator")
    return operator is not None and text(operator) == "+"


def _first_piece(template: Node, substitution: Node) -> bool:
    """Whether a substitution opens its template: `${url}&offset=...`."""
    return template.start_byte + 1 == substitution.start_byte


def _role(node: Node) -> str:
    parent = node.parent
    kinds = {
        "return_statement": "returned",
        "assignment_expression": "assigned",
        "export_statement": "exported",
        "arguments": "passed to a call",
        "pair": "put in an object",
        "array": "put in a list",
        "template_substitution": "built into another string",
        "binary_expression": "built into another string",
    }
    return kinds.get(parent.type if parent is not None else "", "used")


def _relative_base(call: Node) -> str:
    """Why ``new URL(path, base)`` may take a relative path to another host
    than HubSpot's (the base is another host's, or one its callers give that
    cannot be told), or ""."""
    from hapimigrate import hubspot
    from hapimigrate.foreign.js_urls import given_by_callers, url_template

    given = arguments_of_new(call)
    if len(given) < 2:
        return ""
    path = url_template(given[0]) or ""
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", path):
        return ""  # an absolute URL: the base does not count
    base = url_template(given[1]) or "{}"
    reason = given_by_callers(base)
    if reason:
        return reason
    host = hubspot.host(base)
    if host is not None and not hubspot.is_hubspot_host(host):
        return f"the key is sent to {host}, not to HubSpot (the base of new URL on line {_line(call)})"
    return ""
