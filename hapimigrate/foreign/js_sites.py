"""The hapikey uses of a JavaScript/TypeScript file, each with the edits that
would migrate it and the requests it reaches (nothing decided yet: see
:mod:`.javascript`):

* a URL string, template literal or ``+`` chain with ``hapikey=``;
* a ``hapikey`` member of a query-parameter object (axios ``params``, request
  ``qs``, got ``searchParams``, ``new URLSearchParams({...})``, a ``const``
  given to one of those);
* ``params.append('hapikey', key)`` / ``url.searchParams.set('hapikey', key)``;
* ``hapikey`` in the default ``params`` of an ``axios.create({...})`` instance;
* an SDK client built with an API key (:mod:`.js_sdk`).
"""

from __future__ import annotations


from hapimigrate import hubspot
from hapimigrate.foreign import js_keys
from hapimigrate.foreign.js_candidate import Candidate
from hapimigrate.foreign.js_flow import Flow, Reach
from hapimigrate.foreign.js_headers import unclear_member
from hapimigrate.foreign.js_sdk import sdk_site
from hapimigrate.foreign.js_requests import VERBS, absolute, bound_module, callee_root
from hapimigrate.foreign.js_syntax import (
    Node,
    arguments,
    callee_parts,
    is_reassigned,
    member,
    member_value,
    members,
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
from hapimigrate.foreign.js_urls import Url, cut, node_bytes, url_template
from hapimigrate.foreign.splice import Edit
from hapimigrate.model import Endpoint, Kind

SDK_MODULES = ("@hubspot/api-client", "hubspot")


def candidates(root: Node, flow: Flow) -> list[Candidate]:
    found: list[Candidate] = []
    urls_seen: set[tuple[int, int]] = set()
    for node in walk(root):
        kind = node.type
        if (
            kind in ("string", "template_string")
            and b"hapikey=" in (node.text or b"").lower()
        ):
            top = _chain_root(node)
            span = (top.start_byte, top.end_byte)
            if span not in urls_seen:
                urls_seen.add(span)
                found.append(_url_site(top, flow))
        elif (
            kind in ("pair", "shorthand_property_identifier")
            and node.parent is not None
            and (node.parent.type == "object")
        ):
            name = property_name(node)
            if name is not None and name.lower() == "hapikey" and not _is_option(node):
                found.append(_params_site(node, flow))
        elif kind == "call_expression":
            site = _append_site(node, flow)
            if site is not None:
                found.append(site)
        elif kind == "new_expression":
            site = sdk_site(node, flow)
            if site is not None:
                found.append(site)
    return found


def _is_option(pair: Node) -> bool:
    """``{ hapikey: false }``: an option set to true/false/null, not a key."""
    value = unwrap(member_value(pair)) if pair.type == "pair" else None
    return value is not None and value.type in ("true", "false", "null", "undefined")


def _chain_root(node: Node) -> Node:
    while node.parent is not None and node.parent.type == "binary_expression":
        operator = node.parent.child_by_field_name("operator")
        if operator is None or text(operator) != "+":
            break
        node = node.parent
    return node


def _calls(
    reach: Reach, template: str | None = None
) -> tuple[tuple[Endpoint, ...], tuple[str, ...]]:
    calls, templates = [], []
    for request, _ in reach.requests:
        # a URL relative to an instance's baseURL or a named hostname
        url = absolute(
            request, template if template is not None else url_template(request.url)
        )
        path = hubspot.endpoint_path(url) if url else None
        calls.append(Endpoint(request.method, path))
        templates.append(url or "")
    return tuple(calls), tuple(templates)


# -- URLs ---------------------------------------------------------------------------


def _url_site(top: Node, flow: Flow) -> Candidate:
    url = Url(top)
    found = cut(url)
    offset = found.offset or top.start_byte
    if found.whole:
        appended = _appended_site(top, found, offset, flow)
        if appended is not None:
            return appended
    if found.reason:
        return Candidate(Kind.URL, offset, 7, reason=found.reason)
    key = (
        js_keys.literal_origin(found.literal)
        if found.literal is not None
        else js_keys.origin(found.value)
    )
    reach = flow.url(top)
    template = url_template(top)
    if reach.reason:
        calls = (Endpoint(None, hubspot.endpoint_path(template) if template else None),)
        return Candidate(Kind.URL, offset, 7, key=key, calls=calls, templates=(template or "",),
                         reason=reach.reason)  # fmt: skip
    calls, templates = _calls(reach, template)
    return Candidate(
        Kind.URL,
        offset,
        7,
        found.edits,
        key,
        reach.requests,
        calls,
        templates,
        ends_query=found.ends_query,
        key_node=found.value,
    )


def _appended_site(top: Node, found, offset: int, flow: Flow) -> Candidate | None:
    """``url += '&hapikey=' + KEY`` on a line of its own: the statement goes,
    and the requests sending ``url`` after it get the header. None when the
    URL is not added to that way."""
    statement = outer(top).parent
    if (
        statement is None
        or statement.type != "augmented_assignment_expression"
        or statement.child_by_field_name("right") != outer(top)
        or text(statement.child_by_field_name("operator")) != "+="
        or statement.parent is None
        or statement.parent.type != "expression_statement"
    ):
        return None
    key = (
        js_keys.literal_origin(found.literal)
        if found.literal is not None
        else js_keys.origin(found.value)
    )

    def manual(reason: str) -> Candidate:
        return Candidate(Kind.URL, offset, 7, key=key, reason=reason)

    target = unwrap(statement.child_by_field_name("left"))
    binding = (
        resolve(target) if target is not None and target.type == "identifier" else None
    )
    if (
        binding is None
        or binding.kind not in ("let", "var")
        or binding.value is None
        or binding.declarator is None
        or binding.name.parent != binding.declarator
    ):
        return manual("the key is added to a URL this tool cannot follow")
    line = statement.start_point[0] + 1
    if statement.parent.parent != binding.declarator.parent.parent:
        return manual(
            f"the key is added to {text(target)} on line {line} inside a branch or "
            "loop: some requests may be sent without it"
        )
    reach = flow.url(binding.value, ignoring=(target,))
    if reach.reason:
        return manual(reason=reach.reason)
    for request, _ in reach.requests:
        sent = request.call.start_point[0] + 1
        if request.call.start_byte < statement.end_byte:
            return manual(
                f"the URL is sent on line {sent}, before the key is added to it "
                f"(line {line})"
            )
        if _function_of(request.call) != _function_of(statement):
            return manual(
                f"the URL is sent on line {sent} by another function, which may run "
                f"before the key is added to it (line {line})"
            )
    template = url_template(binding.value)
    calls, templates = _calls(reach, template)
    return Candidate(
        Kind.URL,
        offset,
        7,
        (_statement_edit(statement.parent),),
        key,
        reach.requests,
        calls,
        templates,
        ends_query=found.ends_query,
        key_node=found.value,
    )


def _function_of(node: Node) -> Node | None:
    """The function (or the program) whose body holds ``node``."""
    node = node.parent
    while node is not None and node.type not in _FUNCTIONS:
        node = node.parent
    return node


_FUNCTIONS = (
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function",
)


# -- parameter objects ----------------------------------------------------------------


def _params_site(pair: Node, flow: Flow) -> Candidate:
    obj = pair.parent
    offset = (
        pair.start_byte
        if pair.type != "pair"
        else pair.child_by_field_name("key").start_byte
    )
    if pair.type == "pair":
        key_node = pair.child_by_field_name("key")
        if key_node is not None and key_node.type == "string":
            offset += 1
    value = member_value(pair)
    key = js_keys.origin(value)
    holder = outer(obj).parent
    # axios.create({ baseURL, params: { hapikey } }): an instance's defaults
    if (
        holder is not None
        and holder.type == "pair"
        and property_name(holder) == "params"
    ):
        options = holder.parent
        creator = _creator(options, flow) if options is not None else None
        if creator is not None:
            return _session_site(pair, obj, holder, options, creator, key, offset, flow)
    removal, reason = _remove_member(obj, pair)
    if reason:
        return Candidate(Kind.PARAMS, offset, 7, key=key, reason=reason)
    reach = flow.params(obj)
    if reach.reason:
        return Candidate(Kind.PARAMS, offset, 7, key=key, reason=reach.reason)
    calls, templates = _calls(reach)
    return Candidate(
        Kind.PARAMS,
        offset,
        7,
        removal,
        key,
        reach.requests,
        calls,
        templates,
        key_node=value,
    )


def _creator(options: Node, flow: Flow) -> Node | None:
    """The ``axios.create(options)`` call an object is given to, if any."""
    args = outer(options).parent
    call = args.parent if args is not None and args.type == "arguments" else None
    if call is None or call.type != "call_expression":
        return None
    parts = callee_parts(call) or []
    if len(parts) != 2 or parts[1] != "create":
        return None
    module = bound_module(callee_root(call), flow.bindings)
    if module in ("axios", "axios#default") or (module is None and parts[0] == "axios"):
        return call
    return None


def _remove_member(obj: Node, pair: Node) -> tuple[tuple[Edit, ...], str]:
    """Edits removing ``pair`` from ``obj``; the object holding nothing else goes
    too where it is an option (``params: { hapikey }``), else stays ``{}``."""
    items = members(obj)
    if len(items) == 1:
        holder = outer(obj).parent
        if (
            holder is not None
            and holder.type == "pair"
            and holder.parent is not None
            and (holder.parent.type == "object")
        ):
            outer_items = members(holder.parent)
            if any(c.type == "comment" for c in walk(obj)):
                return (), "a comment sits in the parameters to remove"
            return _member_edits(holder.parent, holder, outer_items), ""
        if any(c.type == "comment" for c in walk(obj)):
            return (), "a comment sits in the parameters to remove"
        return (Edit(obj.start_byte, obj.end_byte, b"{}"),), ""
    return _member_edits(obj, pair, items), ""


def _member_edits(obj: Node, pair: Node, items: list[Node]) -> tuple[Edit, ...]:
    if len(items) == 1:
        return (Edit(obj.start_byte, obj.end_byte, b"{}"),)
    index = items.index(pair)
    data = node_bytes(obj, obj.start_byte, obj.end_byte)
    base = obj.start_byte
    after = pair.next_sibling
    end = after.end_byte if after is not None and after.type == "," else pair.end_byte
    line_start = data.rfind(b"\n", 0, pair.start_byte - base) + 1 + base
    line_end = data.find(b"\n", end - base)
    before_text = data[line_start - base : pair.start_byte - base]
    rest = data[end - base : line_end] if line_end != -1 else b""
    if line_end != -1 and not before_text.strip() and not rest.strip():
        return (Edit(line_start, line_end + 1 + base, b""),)  # its own line
    if index + 1 < len(items):
        return (Edit(pair.start_byte, items[index + 1].start_byte, b""),)
    return (Edit(items[index - 1].end_byte, pair.end_byte, b""),)


def _session_site(
    pair, obj, holder, options, creator, key, offset, flow: Flow
) -> Candidate:
    """``const api = axios.create({ baseURL, params: { hapikey } })``: the header
    goes into the instance's defaults when every use of it is a request to
    HubSpot in this file."""

    def manual(reason: str) -> Candidate:
        return Candidate(Kind.SESSION, offset, 7, key=key, reason=reason)

    base_pair = member(options, "baseURL")
    base = url_template(member_value(base_pair)) if base_pair is not None else None
    host = hubspot.host(base) if base else None
    if host is None or not hubspot.is_hubspot_host(host):
        return manual(
            "the instance's baseURL is not a HubSpot URL written in this file"
        )
    declarator = outer(creator).parent
    if declarator is None or declarator.type != "variable_declarator":
        return manual("the instance is not kept in a name this tool can follow")
    name = declarator.child_by_field_name("name")
    binding = resolve(name) if name is not None and name.type == "identifier" else None
    if binding is None or (binding.kind != "const" and is_reassigned(binding)):
        return manual("the instance is not kept in a name this tool can follow")
    statement = declarator.parent
    if (
        statement is not None
        and statement.parent is not None
        and statement.parent.type == "export_statement"
    ):
        return manual("the instance is exported: other modules may send it elsewhere")
    calls, templates = [], []
    for ref in references(binding):
        use = ref.parent
        call = use.parent if use is not None else None
        prop = (
            use.child_by_field_name("property")
            if use is not None and use.type == "member_expression"
            else None
        )
        if (
            prop is None
            or call is None
            or call.type != "call_expression"
            or text(prop) not in VERBS
        ):
            return manual(
                f"the instance is used on line {ref.start_point[0] + 1} in a way this tool cannot follow"
            )
        line = call.start_point[0] + 1
        args = arguments(call)
        path = url_template(args[0]) if args else None
        if path is None:
            return manual(f"the request on line {line} has no URL")
        if path.startswith("{"):
            # an absolute URL there would leave the baseURL: another host
            return manual(
                f"the instance is given a URL known only at run time on line {line} "
                f"({snippet(args[0])}): it may send the token to another host"
            )
        where = hubspot.host(path)
        if where is not None and not hubspot.is_hubspot_host(where):
            return manual(f"the instance also sends requests to {where} (line {line})")
        config = _instance_config(text(prop), args)
        if config:
            return manual(f"{config} (line {line})")
        full = path if "://" in path else base.rstrip("/") + "/" + path.lstrip("/")
        calls.append(Endpoint(text(prop).upper(), hubspot.endpoint_path(full)))
        templates.append(full)
    removal, reason = _remove_member(obj, pair)
    if reason:
        return manual(reason)
    return Candidate(Kind.SESSION, offset, 7, removal, key, (), tuple(calls),
                     tuple(templates), session=options,
                     key_node=member_value(pair))  # fmt: skip


def _instance_config(verb: str, args: list[Node]) -> str:
    """Why a request's own config would undo the instance's default header
    (its own Authorization or auth, a baseURL elsewhere), or ``""``."""
    index = 2 if verb in ("post", "put", "patch") else 1
    if len(args) <= index:
        return ""
    config = unwrap(args[index])
    if config is None or config.type != "object":
        return "the request's config is not an object this tool can see into"
    unclear = unclear_member(config)
    if unclear is not None:
        return f"the request's config sets {snippet(unclear, 30)}"
    for item in members(config):
        name = (property_name(item) or "").lower()
        if item.type == "spread_element" or name in ("auth", "baseurl"):
            return f"the request's config sets {snippet(item, 30)}"
        if name == "headers":
            value = unwrap(member_value(item))
            if (
                value is None
                or value.type != "object"
                or unclear_member(value) is not None
                or any(
                    m.type == "spread_element"
                    or (property_name(m) or "").lower() == "authorization"
                    for m in members(value)
                )
            ):
                return "the request's config sets headers that may hold Authorization"
        if item.type not in ("pair", "shorthand_property_identifier"):
            return f"the request's config sets {snippet(item, 30)}"
    return ""


# -- params.append('hapikey', key) ------------------------------------------------------


def _append_site(call: Node, flow: Flow) -> Candidate | None:
    parts = callee_parts(call)
    args = arguments(call)
    if not parts or parts[-1] not in ("append", "set") or len(args) != 2:
        return None
    name = string_value(args[0])
    if name is None or name.lower() != "hapikey":
        return None
    offset = args[0].start_byte + 1
    key = js_keys.origin(args[1])
    statement = call.parent
    if statement is None or statement.type != "expression_statement":
        return Candidate(
            Kind.PARAMS,
            offset,
            7,
            key=key,
            reason="the parameter is set inside a larger expression",
        )
    function = call.child_by_field_name("function")
    holder = (
        unwrap(function.child_by_field_name("object")) if function is not None else None
    )
    reach = _holder_reach(holder, flow)
    if reach.reason:
        return Candidate(Kind.PARAMS, offset, 7, key=key, reason=reach.reason)
    calls, templates = _calls(reach)
    return Candidate(
        Kind.PARAMS,
        offset,
        7,
        (_statement_edit(statement),),
        key,
        reach.requests,
        calls,
        templates,
        key_node=args[1],
    )


def _holder_reach(holder: Node | None, flow: Flow) -> Reach:
    """The requests sending a URLSearchParams (``params``) or URL
    (``url.searchParams``) changed in place."""
    if holder is None:
        return Reach(reason="the parameters are not a name this tool can follow")
    if holder.type == "identifier":
        binding = resolve(holder)
        value = unwrap(binding.value) if binding is not None else None
        if value is None or value.type != "new_expression" or binding.kind != "const":
            return Reach(
                reason=f"{text(holder)} is not a URLSearchParams made in this file"
            )
        if text(value.child_by_field_name("constructor")) != "URLSearchParams":
            return Reach(
                reason=f"{text(holder)} is not a URLSearchParams made in this file"
            )
        return flow.params(value)
    if (
        holder.type == "member_expression"
        and text(holder.child_by_field_name("property")) == "searchParams"
    ):
        target = unwrap(holder.child_by_field_name("object"))
        binding = (
            resolve(target)
            if target is not None and target.type == "identifier"
            else None
        )
        value = unwrap(binding.value) if binding is not None else None
        if value is None or value.type != "new_expression" or binding.kind != "const":
            return Reach(reason="the URL is not one made in this file (new URL)")
        if text(value.child_by_field_name("constructor")) != "URL":
            return Reach(reason="the URL is not one made in this file (new URL)")
        return flow.url(value)
    return Reach(reason="the parameters are not a name this tool can follow")


def _statement_edit(statement: Node) -> Edit:
    data = node_bytes(
        statement.parent, statement.parent.start_byte, statement.parent.end_byte
    )
    base = statement.parent.start_byte
    start, end = statement.start_byte - base, statement.end_byte - base
    line_start = data.rfind(b"\n", 0, start) + 1
    line_end = data.find(b"\n", end)
    if (
        not data[line_start:start].strip()
        and line_end != -1
        and not data[end:line_end].strip()
    ):
        return Edit(line_start + base, line_end + 1 + base, b"")
    return Edit(statement.start_byte, statement.end_byte, b"")
