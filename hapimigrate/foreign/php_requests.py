"""The request that sends a PHP URL, and the ``Authorization: Bearer`` header put
on it.

:func:`follow` walks a URL's value inside its function (through ``$url = ...``,
``.=``, concatenation, ``sprintf``, ``add_query_arg``) to the calls that send
it: curl (``curl_init``, ``CURLOPT_URL``), WordPress ``wp_remote_*``,
``file_get_contents``, Guzzle (and Symfony HttpClient) ``->request``/``->get``...,
and Laravel's ``Http`` facade. Anything else it meets (a URL passed to another
function, returned, stored in a property) is a reason for a person.

:func:`attach` plans the header on one of those requests: into the array literal
that already holds its headers, or a new ``curl_setopt``, ``'headers'`` entry,
``$args`` array, stream context or ``withToken()``; a request that already sends
an ``Authorization`` header, or whose headers sit where the code cannot be seen
into, is a reason."""

from __future__ import annotations

from dataclasses import dataclass

from hapimigrate import hubspot
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign import php_urls
from hapimigrate.foreign.splice import Edit

WORDPRESS = {
    "wp_remote_get": "GET",
    "wp_remote_post": "POST",
    "wp_remote_head": "HEAD",
    "wp_remote_request": None,
    "wp_safe_remote_get": "GET",
    "wp_safe_remote_post": "POST",
    "wp_safe_remote_head": "HEAD",
    "wp_safe_remote_request": None,
}
VERBS = ("get", "post", "put", "patch", "delete", "head", "options")
GUZZLE_METHODS = frozenset(
    [*VERBS, *(f"{v}async" for v in VERBS), "request", "requestasync"]
)
# functions that hand back (a function of) the URL they are given
PASS_THROUGH = frozenset(
    {"sprintf", "add_query_arg", "esc_url_raw", "esc_url", "trim", "rtrim", "ltrim"}
)
# where a statement added after another stays in the same flow
_BLOCKS = frozenset(
    {
        "compound_statement",
        "program",
        "case_statement",
        "default_statement",
        "colon_block",
    }
)
_OTHER_AUTH = ("CURLOPT_USERPWD", "CURLOPT_XOAUTH2_BEARER", "CURLOPT_HTTPAUTH")


@dataclass(frozen=True)
class Sink:
    """A call that sends a URL: ``kind`` curl, wp, stream, guzzle or laravel."""

    kind: str
    call: object
    url: object  # the URL argument


@dataclass(frozen=True)
class Attached:
    edits: tuple[Edit, ...] = ()
    method: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class Style:
    """How the file writes what hapimigrate adds."""

    src: syn.Source
    token: str  # the PHP expression of the token
    short_arrays: bool
    clients: frozenset[str] = frozenset()  # receivers known to be HTTP clients
    laravel_http: bool = True  # ``Http`` is Laravel's facade (not another import)

    def is_client(self, call) -> bool:
        """Whether a method call's receiver is a Guzzle or Symfony HttpClient
        client this file makes or is given (``$client``, ``$this->http``)."""
        receiver = call.child_by_field_name("object")
        return (
            receiver is not None and receiver_text(self.src, receiver) in self.clients
        )

    def array(self, *items: str) -> str:
        inner = ", ".join(items)
        return f"[{inner}]" if self.short_arrays else f"array({inner})"

    @property
    def bearer(self) -> str:
        return f"'Bearer ' . {self.token}"

    @property
    def header_line(self) -> str:
        return f"'Authorization: Bearer ' . {self.token}"


def receiver_text(src: syn.Source, node) -> str:
    return "".join(src.text(node).split())


# the classes and interfaces whose objects send Guzzle-style request options
CLIENT_TYPES = frozenset(
    {
        "guzzlehttp\\client",
        "guzzlehttp\\clientinterface",
        "symfony\\contracts\\httpclient\\httpclientinterface",
        "symfony\\component\\httpclient\\httpclient",
    }
)


def http_clients(src: syn.Source, root, resolve) -> frozenset[str]:
    """The receivers of the file that hold a Guzzle or Symfony HttpClient client:
    variables and properties given ``new Client(...)``/``HttpClient::create()``,
    or typed with one of :data:`CLIENT_TYPES`, and properties set from those."""
    found: set[str] = set()
    copies = []
    for node in syn.walk(root, into_scopes=True):
        if node.type == "assignment_expression":
            left = node.child_by_field_name("left")
            right = syn.unwrap(node.child_by_field_name("right"))
            if right is None or left is None:
                continue
            if right.type == "object_creation_expression":
                cls = next(
                    (
                        c
                        for c in right.named_children
                        if c.type in ("name", "qualified_name")
                    ),
                    None,
                )
                if cls is not None and resolve(cls) in CLIENT_TYPES:
                    found.add(receiver_text(src, left))
            elif right.type == "scoped_call_expression":
                scope = right.child_by_field_name("scope")
                name = right.child_by_field_name("name")
                if (
                    scope is not None
                    and name is not None
                    and resolve(scope) in CLIENT_TYPES
                    and name.text.decode().lower() == "create"
                ):
                    found.add(receiver_text(src, left))
            elif right.type == "variable_name":
                copies.append((receiver_text(src, left), receiver_text(src, right)))
        elif node.type in (
            "simple_parameter",
            "property_promotion_parameter",
            "property_declaration",
        ):
            kind = node.child_by_field_name("type")
            names = (
                [
                    t
                    for t in syn.walk(kind, into_scopes=True)
                    if t.type in ("name", "qualified_name")
                ]
                if kind is not None
                else []
            )
            if kind is None or not any(
                resolve(t) in CLIENT_TYPES
                for t in names
                if t.parent.type != "qualified_name"
            ):
                continue
            if node.type == "property_declaration":
                for element in node.named_children:
                    if element.type == "property_element":
                        name = element.child_by_field_name("name")
                        found.add("$this->" + name.text.decode()[1:])
                continue
            name = node.child_by_field_name("name").text.decode()
            found.add(name)
            if node.type == "property_promotion_parameter":
                found.add("$this->" + name[1:])
    for left, right in copies:
        if right in found:
            found.add(left)
    return frozenset(found)


# -- following a URL to its requests ------------------------------------------------


def climb(node):
    while node.parent is not None and (
        node.parent.type == "parenthesized_expression"
        or (
            node.parent.type == "binary_expression"
            and node.parent.child_by_field_name("operator").type == "."
        )
    ):
        node = node.parent
    return node


def facade_root(call, style: Style | None = None):
    """The ``Http::...`` call at the root of a Laravel chain, or None."""
    if style is not None and not style.laravel_http:
        return None
    node = call
    while node is not None and node.type in (
        "member_call_expression",
        "nullsafe_member_call_expression",
    ):
        node = node.child_by_field_name("object")
    if node is None or node.type != "scoped_call_expression":
        return None
    scope = syn.name_of(node.child_by_field_name("scope"))
    return node if scope in ("Http", "Illuminate\\Support\\Facades\\Http") else None


def follow(style: Style, node, depth: int = 0) -> list[Sink] | str:
    """The requests that send the URL ``node`` is part of, or why they cannot be
    known."""
    if depth > 6:
        return "the URL goes through too many steps to follow"
    node = climb(node)
    parent = node.parent
    if parent is None:
        return "the URL is not sent in this file"
    if parent.type == "argument":
        return _argument(style, node, parent, depth)
    if parent.type == "array_element_initializer":
        array = parent.parent
        holder = array.parent if array is not None else None
        call = (
            holder.parent.parent
            if holder is not None and holder.type == "argument"
            else None
        )
        key = parent.named_children[0] if parent.named_children else None
        if (
            call is not None
            and syn.call_name(call) == "curl_setopt_array"
            and key is not None
            and key.text.decode().strip().upper() == "CURLOPT_URL"
        ):
            return [Sink("curl", call, node)]
        return "the URL is put in an array hapimigrate does not follow"
    if parent.type in ("assignment_expression", "augmented_assignment_expression"):
        right = parent.child_by_field_name("right")
        if right is None or right.id != node.id:
            return "the URL is used in an assignment hapimigrate does not follow"
        left = parent.child_by_field_name("left")
        name = syn.variable(left)
        if name is None:
            what = style.src.text(left)
            return f"the URL is stored in {what}, out of this function's reach"
        return _follow_variable(style, name, parent, depth)
    if parent.type == "return_statement":
        return "the URL is returned to callers hapimigrate does not follow"
    if parent.type == "encapsed_string":
        return "the URL is put inside another string, which hapimigrate does not follow"
    what = parent.type.replace("_", " ").replace(" expression", "")
    return f"the URL is used in code hapimigrate does not follow (a {what})"


def _argument(style: Style, node, argument, depth: int):
    call = argument.parent.parent
    args = syn.arguments(call)
    if args is None:
        return "the URL goes to a call with named or unpacked arguments"
    index = next((i for i, a in enumerate(args) if a.id == argument.id), None)
    if call.type == "function_call_expression":
        name = syn.call_name(call)
        if name == "curl_init" and index == 0:
            return [Sink("curl", call, node)]
        if (
            name == "curl_setopt"
            and index == 2
            and style.src.text(syn.value(args[1])).strip().upper() == "CURLOPT_URL"
        ):
            return [Sink("curl", call, node)]
        if name in WORDPRESS and index == 0:
            return [Sink("wp", call, node)]
        if name == "file_get_contents" and index == 0:
            return [Sink("stream", call, node)]
        if name in PASS_THROUGH:
            return follow(style, call, depth + 1)
        shown = name or "a function computed at run time"
        return f"the URL is passed to {shown}(), which hapimigrate does not follow"
    if call.type in (
        "member_call_expression",
        "nullsafe_member_call_expression",
        "scoped_call_expression",
    ):
        method = call.child_by_field_name("name").text.decode()
        lowered = method.lower()
        if facade_root(call, style) is not None and lowered in VERBS:
            if index == 0:
                return [Sink("laravel", call, node)]
            return "the URL is not the first argument of the Http call"
        if lowered in GUZZLE_METHODS and style.is_client(call):
            url_index = 1 if lowered.startswith("request") else 0
            if index == url_index:
                return [Sink("guzzle", call, node)]
        helper = private_method(call)
        if helper is not None and index is not None:
            return _into_helper(style, helper, index, depth)
        return f"the URL is passed to {method}(), which hapimigrate does not follow"
    return "the URL is passed to a constructor hapimigrate does not follow"


def private_method(call):
    """The private method of the enclosing class a ``$this->name(...)``,
    ``self::name(...)`` or ``static::name(...)`` call calls, or None: only a
    private method's callers are all in this file."""
    if call.type == "scoped_call_expression":
        scope = call.child_by_field_name("scope")
        if scope is None or scope.text.decode().lower() not in ("self", "static"):
            return None
    elif call.type in ("member_call_expression", "nullsafe_member_call_expression"):
        obj = call.child_by_field_name("object")
        if obj is None or obj.text != b"$this":
            return None
    else:
        return None
    name = call.child_by_field_name("name").text.decode().lower()
    cls = call.parent
    while cls is not None and cls.type not in (
        "class_declaration",
        "trait_declaration",
    ):
        cls = cls.parent
    if cls is None or cls.type != "class_declaration":
        return None
    body = cls.child_by_field_name("body")
    for member in body.named_children if body is not None else ():
        declared = (
            member.child_by_field_name("name")
            if member.type == "method_declaration"
            else None
        )
        if declared is None or declared.text.decode().lower() != name:
            continue
        private = any(
            c.type == "visibility_modifier" and c.text == b"private"
            for c in member.children
        )
        return member if private else None
    return None


def helper_callers(helper) -> list:
    """The calls of a private method in its class."""
    cls = helper.parent
    while cls.type != "class_declaration":
        cls = cls.parent
    name = helper.child_by_field_name("name").text.decode().lower()
    return [
        n
        for n in syn.walk(cls, into_scopes=True)
        if n.type
        in (
            "member_call_expression",
            "nullsafe_member_call_expression",
            "scoped_call_expression",
        )
        and n.child_by_field_name("name").text.decode().lower() == name
        and private_method(n) is not None
        and private_method(n).id == helper.id
    ]


def _into_helper(style: Style, helper, index: int, depth: int):
    """The requests a private helper makes with its parameter ``index``, when
    every caller gives it a HubSpot URL (the token goes to HubSpot only)."""
    params = helper.child_by_field_name("parameters")
    named = [p for p in params.named_children if p.type == "simple_parameter"]
    if len(named) != len(params.named_children) or index >= len(named):
        return "the URL goes to a helper whose parameters hapimigrate cannot match"
    if "&" in named[index].text.decode().split("$")[0]:
        return "the URL goes to a helper that takes it by reference"
    name = named[index].child_by_field_name("name").text.decode()[1:]
    helper_name = helper.child_by_field_name("name").text.decode()
    for caller in helper_callers(helper):
        args = syn.arguments(caller)
        if args is None or index >= len(args):
            return f"{helper_name}() is called without the URL somewhere"
        given = syn.value(args[index])
        url = php_urls.template(style.src.data, given)
        host = hubspot.host(url)
        if (host is None or not hubspot.is_hubspot_host(host)) and (
            b"hapikey" not in style.src.data[given.start_byte : given.end_byte].lower()
        ):
            return (
                f"{helper_name}() is also given URLs of other or unknown hosts: the "
                "token must go to HubSpot only"
            )
    return _follow_variable(style, name, params, depth + 1)


def _follow_variable(style: Style, name: str, assignment, depth: int):
    scope = syn.scope_of(assignment)
    sinks: list[Sink] = []
    stop = None
    reads = 0
    for use in syn.uses(scope, name):
        if use.start_byte < assignment.end_byte:
            continue
        if stop is not None and use.start_byte >= stop:
            break
        assigned = syn.assignment_of(use)
        if assigned is not None:
            if assigned[1] == "=":
                stop = assigned[0].end_byte  # reassigned: its own reads still count
            continue
        if displayed(use):
            continue  # logged or printed: the key no longer shows there, that is all
        reads += 1
        found = follow(style, use, depth + 1)
        if isinstance(found, str):
            return found
        sinks.extend(s for s in found if all(s.call.id != k.call.id for k in sinks))
    if not reads:
        return f"${name} is not sent in this function"
    return sinks


DISPLAY_FUNCTIONS = frozenset(
    {
        "error_log",
        "var_dump",
        "print_r",
        "printf",
        "trigger_error",
        "var_export",
        "syslog",
    }
)
LOGGER_METHODS = frozenset(
    {
        "debug",
        "info",
        "notice",
        "warning",
        "error",
        "critical",
        "alert",
        "emergency",
        "log",
    }
)


def displayed(use) -> bool:
    """Whether a read of the URL only shows it: echoed, printed or logged."""
    node = use
    while node.parent is not None and node.parent.type in (
        "encapsed_string",
        "binary_expression",
        "parenthesized_expression",
    ):
        node = node.parent
    parent = node.parent
    if parent is None:
        return False
    if parent.type in ("echo_statement", "print_intrinsic"):
        return True
    if parent.type != "argument":
        return False
    call = parent.parent.parent
    if call.type == "function_call_expression":
        return syn.call_name(call) in DISPLAY_FUNCTIONS
    if call.type in ("member_call_expression", "nullsafe_member_call_expression"):
        name = call.child_by_field_name("name")
        return name is not None and name.text.decode().lower() in LOGGER_METHODS
    return False


def extended(node, depth: int = 0) -> bool:
    """Whether text may be appended to the URL ``node`` builds, after it is
    built: ``$url .= '&count=10'``, ``$url . '&x'``, ``sprintf('%s&x', $url)``."""
    node = climb(node)
    parent = node.parent
    if depth > 3 or parent is None:
        return False
    if parent.type == "argument":
        call = parent.parent.parent
        name = syn.call_name(call)
        return name in ("sprintf", "vsprintf", "str_replace", "implode")
    if parent.type not in ("assignment_expression", "augmented_assignment_expression"):
        return False
    name = syn.variable(parent.child_by_field_name("left"))
    if name is None:
        return True  # stored where it cannot be followed: assume the worst
    stop = None
    for use in syn.uses(syn.scope_of(parent), name):
        if use.start_byte < parent.end_byte:
            continue
        if stop is not None and use.start_byte >= stop:
            break  # replaced: reads in the replacing value still count
        assigned = syn.assignment_of(use)
        if assigned is not None:
            if assigned[1] != "=":
                return True
            stop = assigned[0].end_byte
            continue
        if displayed(use):
            continue
        if use.parent is not None and (
            use.parent.type == "binary_expression"
            and use.parent.child_by_field_name("operator").type == "."
        ):
            return True
        if extended(use, depth + 1):
            return True
    return False


# -- the header on a request -----------------------------------------------------------


def attach(style: Style, sink: Sink) -> Attached:
    return {
        "curl": _curl,
        "wp": _wordpress,
        "stream": _stream,
        "guzzle": _guzzle,
        "laravel": _laravel,
    }[sink.kind](style, sink)


def _assigned(style: Style, node):
    """What ``$name`` (read at ``node``) holds: ``(value, writes)`` where
    ``value`` is the one ``=`` before it in the function and ``writes`` the
    ``$name[...] = ...`` assignments; or a reason."""
    name = syn.variable(node)
    scope = syn.scope_of(node)
    if name in syn.parameters(scope):
        return f"${name} comes in as a parameter: hapimigrate cannot see into it"
    values, writes = [], []
    for use in syn.uses(scope, name):
        assigned = syn.assignment_of(use)
        if assigned is not None:
            if assigned[1] != "=":
                return f"${name} is changed with {assigned[1]}"
            values.append(assigned[0])
            continue
        parent = use.parent
        if parent is not None and parent.type == "subscript_expression":
            outer = parent
            while (
                outer.parent is not None and outer.parent.type == "subscript_expression"
            ):
                outer = outer.parent
            if syn.assignment_of(outer) is not None:
                writes.append(outer)
                continue
        if parent is not None and parent.type == "argument" and use.id != node.id:
            call = parent.parent.parent
            if call.type != "function_call_expression" or _by_reference(call, parent):
                return f"${name} is passed to other code that may change it"
        if use.id != node.id and not displayed(use):
            return (
                f"${name} is also used elsewhere: a header added to it could send "
                "the token to another request"
            )
    if not values:
        return (
            f"${name} is not assigned in this function: hapimigrate cannot see into it"
        )
    if len(values) != 1 or values[0].end_byte > node.start_byte:
        return f"${name} is assigned more than once, or after it is used"
    return values[0].child_by_field_name("right"), writes


# built-in functions that change the array (or stream context) they are given
_CHANGES_ITS_ARGUMENT = frozenset(
    {
        "array_push",
        "array_unshift",
        "array_splice",
        "array_pop",
        "array_shift",
        "array_walk",
        "array_walk_recursive",
        "stream_context_set_option",
        "stream_context_set_params",
        "settype",
        "parse_str",
    }
)


def _by_reference(call, argument) -> bool:
    """Whether a function call may change the variable passed as ``argument``:
    a built-in that does, or a function of the file taking it by reference."""
    name = syn.call_name(call)
    if name in _CHANGES_ITS_ARGUMENT:
        return True
    args = syn.arguments(call)
    if args is None:
        return True
    index = next((i for i, a in enumerate(args) if a.id == argument.id), None)
    root = call
    while root.parent is not None:
        root = root.parent
    for node in syn.walk(root, into_scopes=True):
        if node.type != "function_definition":
            continue
        declared = node.child_by_field_name("name")
        if declared is None or declared.text.decode().lower() != name:
            continue
        params = node.child_by_field_name("parameters").named_children
        if index is None or index >= len(params):
            return True
        return "&" in params[index].text.decode().split("$")[0]
    return False


def _literal_array(style: Style, node, what: str):
    """The array literal ``node`` is, or holds through one assignment:
    ``(array, writes)`` or a reason."""
    node = syn.unwrap(node)
    if syn.is_array(node):
        return node, []
    if syn.variable(node) is not None:
        found = _assigned(style, node)
        if isinstance(found, str):
            return found
        value, writes = found
        if syn.is_array(syn.unwrap(value)):
            return syn.unwrap(value), writes
    return f"the {what} come from {style.src.text(node)}, which hapimigrate cannot see into"


def subscript_key(style: Style, write) -> str:
    """``'headers'`` for ``$args['headers'] = ...`` (innermost index)."""
    node = write
    while node.named_children and node.named_children[0].type == "subscript_expression":
        node = node.named_children[0]
    index = node.named_children[1] if len(node.named_children) > 1 else None
    return (
        syn.literal(index) or style.src.text(index) if index is not None else ""
    ).lower()


def merge_headers(
    style: Style, options, writes, headers_key: str = "headers"
) -> Attached:
    """``'Authorization' => 'Bearer ' . token`` into ``options['headers']``."""
    if syn.entries(options) is None:
        return Attached(reason="the request options unpack another array (...$x)")
    for write in writes:
        if (
            subscript_key(style, write) == headers_key
            or "authorization" in style.src.text(write).lower()
        ):
            return Attached(reason="the request's headers are set again later")
    headers = syn.entry(options, headers_key)
    if headers is None:
        text = f"'{headers_key}' => " + style.array(
            f"'Authorization' => {style.bearer}"
        )
        return Attached(syn.add_entry(style.src, options, text))
    value = syn.unwrap(headers.value)
    if syn.variable(value) is not None:
        found = _literal_array(style, value, "headers")
        if isinstance(found, str):
            return Attached(reason=found)
        value, more = found
        if any("authorization" in style.src.text(w).lower() for w in more):
            return Attached(reason="the request already sends an Authorization header")
    if not syn.is_array(value):
        return Attached(
            reason=f"the headers come from {style.src.text(headers.value)}, which "
            "hapimigrate cannot see into"
        )
    if syn.entries(value) is None:
        return Attached(reason="the headers unpack another array (...$x)")
    if syn.entry(value, "Authorization", fold=True) is not None or (
        "authorization" in style.src.text(value).lower()
    ):
        return Attached(reason="the request already sends an Authorization header")
    return Attached(
        syn.add_entry(style.src, value, f"'Authorization' => {style.bearer}")
    )


def _option_method(options, default: str | None = "GET") -> str | None:
    """The ``'method'`` of request options: ``default`` when there is none, None
    when it is only known at run time."""
    method = syn.entry(options, "method", fold=True) if options is not None else None
    if method is None:
        return default
    return _method_value(method.value)


def _method_value(node) -> str | None:
    """``GET`` for a literal; ``$method`` for a parameter of the function (its
    callers tell: see ``php._helper_method``); None otherwise."""
    text = syn.literal(syn.unwrap(node))
    if text:
        return text.upper()
    name = syn.variable(node)
    if name is not None and name in syn.parameters(syn.scope_of(node)):
        return f"${name}"
    return None


def _wordpress(style: Style, sink: Sink) -> Attached:
    name = syn.call_name(sink.call)
    args = syn.arguments(sink.call)
    method = WORDPRESS[name]
    if len(args) == 1:
        text = ", " + style.array(
            "'headers' => " + style.array(f"'Authorization' => {style.bearer}")
        )
        return Attached(
            (Edit(args[0].end_byte, args[0].end_byte, text.encode()),), method or "GET"
        )
    found = _literal_array(style, syn.value(args[1]), "request arguments")
    if isinstance(found, str):
        return Attached(method=method, reason=found)
    options, writes = found
    if method is None:
        changed = any(subscript_key(style, w) == "method" for w in writes)
        method = None if changed else _option_method(options)
    merged = merge_headers(style, options, writes)
    return Attached(merged.edits, method, merged.reason)


def _guzzle(style: Style, sink: Sink) -> Attached:
    name = sink.call.child_by_field_name("name").text.decode().lower()
    args = syn.arguments(sink.call)
    if name.startswith("request"):
        method = (syn.literal(syn.value(args[0])) or "").upper() or None
        url_index = 1
    else:
        method, url_index = name.removesuffix("async").upper(), 0
    if len(args) <= url_index + 1:
        url = args[url_index]
        text = ", " + style.array(
            "'headers' => " + style.array(f"'Authorization' => {style.bearer}")
        )
        return Attached((Edit(url.end_byte, url.end_byte, text.encode()),), method)
    found = _literal_array(style, syn.value(args[url_index + 1]), "request options")
    if isinstance(found, str):
        return Attached(method=method, reason=found)
    merged = merge_headers(style, *found)
    return Attached(merged.edits, method, merged.reason)


def laravel_auth(style: Style, call) -> str:
    """Why a Laravel ``Http`` chain cannot take ``withToken()``, or ""."""
    node = call
    while node is not None and node.type in (
        "member_call_expression",
        "nullsafe_member_call_expression",
        "scoped_call_expression",
    ):
        name = node.child_by_field_name("name").text.decode().lower()
        if name in ("withtoken", "withbasicauth", "withdigestauth"):
            return "the request already authenticates (" + name + ")"
        if name == "withheaders" and "authorization" in style.src.text(node).lower():
            return "the request already sends an Authorization header"
        node = (
            node.child_by_field_name("object")
            if node.type != "scoped_call_expression"
            else None
        )
    return ""


def with_token(style: Style, call) -> Edit:
    """``Http::get(`` -> ``Http::withToken(token)->get(``."""
    if call.type == "scoped_call_expression":
        name = call.child_by_field_name("name")
        return Edit(
            name.start_byte, name.start_byte, f"withToken({style.token})->".encode()
        )
    obj = call.child_by_field_name("object")
    return Edit(obj.end_byte, obj.end_byte, f"->withToken({style.token})".encode())


def _laravel(style: Style, sink: Sink) -> Attached:
    method = sink.call.child_by_field_name("name").text.decode().upper()
    reason = laravel_auth(style, sink.call)
    if reason:
        return Attached(method=method, reason=reason)
    return Attached((with_token(style, sink.call),), method)


def _stream(style: Style, sink: Sink) -> Attached:
    args = syn.arguments(sink.call)
    header = f"'header' => {style.header_line}"
    create = (
        "stream_context_create(" + style.array("'http' => " + style.array(header)) + ")"
    )
    if len(args) == 1:
        text = f", false, {create}"
        return Attached(
            (Edit(args[0].end_byte, args[0].end_byte, text.encode()),), "GET"
        )
    if len(args) == 2:
        text = f", {create}"
        return Attached(
            (Edit(args[1].end_byte, args[1].end_byte, text.encode()),), "GET"
        )
    context = syn.unwrap(syn.value(args[2]))
    if syn.variable(context) is not None:
        found = _assigned(style, context)
        if isinstance(found, str):
            return Attached(reason=found)
        context = syn.unwrap(found[0])
    if syn.call_name(context) != "stream_context_create":
        return Attached(
            reason="the stream context is made where hapimigrate cannot see into it"
        )
    context_args = syn.arguments(context)
    if not context_args:
        return Attached(reason="the stream context has no options hapimigrate can see")
    found = _literal_array(style, syn.value(context_args[0]), "stream options")
    if isinstance(found, str):
        return Attached(reason=found)
    options, writes = found
    if writes or syn.entries(options) is None:
        return Attached(reason="the stream options are changed after they are written")
    http = syn.entry(options, "http")
    if http is None:
        text = "'http' => " + style.array(header)
        return Attached(syn.add_entry(style.src, options, text), "GET")
    http_options = syn.unwrap(http.value)
    if not syn.is_array(http_options) or syn.entries(http_options) is None:
        return Attached(reason="the stream's http options are not written here")
    method = _option_method(http_options)
    lines = syn.entry(http_options, "header")
    if lines is None:
        return Attached(syn.add_entry(style.src, http_options, header), method)
    if "authorization" in style.src.text(lines.value).lower():
        return Attached(
            method=method, reason="the request already sends an Authorization header"
        )
    value = syn.unwrap(lines.value)
    if syn.is_array(value):
        return Attached(syn.add_entry(style.src, value, style.header_line), method)
    if value.type in syn.STRINGS and syn.literal(value) is not None:
        raw = style.src.text(value)
        if value.type == "encapsed_string" and raw.endswith('\\r\\n"'):
            text = f' . {style.header_line} . "\\r\\n"'
        else:
            text = f' . "\\r\\n" . {style.header_line}'
        return Attached((Edit(value.end_byte, value.end_byte, text.encode()),), method)
    return Attached(
        method=method,
        reason="the stream's header lines are built where hapimigrate cannot see into them",
    )


def _curl(style: Style, sink: Sink) -> Attached:
    call = sink.call
    name = syn.call_name(call)
    args = syn.arguments(call)
    anchor = options_array = None
    if name == "curl_init":
        assignment = call.parent
        while (
            assignment is not None and assignment.type == "error_suppression_expression"
        ):
            assignment = assignment.parent
        handle = (
            syn.variable(assignment.child_by_field_name("left"))
            if assignment is not None and assignment.type == "assignment_expression"
            else None
        )
        if handle is None or assignment.parent.type != "expression_statement":
            return Attached(reason="the curl handle is not kept in a variable")
        anchor = assignment.parent
    else:
        handle = syn.variable(syn.value(args[0])) if args else None
        if handle is None:
            return Attached(reason="the curl handle is not a variable")
        if name == "curl_setopt":
            anchor = call.parent
            while anchor.type == "error_suppression_expression":
                anchor = anchor.parent
            anchor = anchor if anchor.type == "expression_statement" else None
        else:
            options_array = syn.unwrap(syn.value(args[1]))
    scope = syn.scope_of(call)
    headers, urls, method, posts, created = [], 0, None, False, 0
    segment = _handle_segment(scope, handle, call)
    if isinstance(segment, str):
        return Attached(reason=segment)
    for use in syn.uses(scope, handle):
        if not segment[0] <= use.start_byte < segment[1]:
            continue  # another handle kept in the same variable
        assigned = syn.assignment_of(use)
        if assigned is not None:
            created += 1
            right = syn.unwrap(assigned[0].child_by_field_name("right"))
            if syn.call_name(right) != "curl_init":
                return Attached(
                    reason=f"${handle} is assigned something else than curl_init()"
                )
            if syn.arguments(right):
                urls += 1
            continue
        parent = use.parent
        if parent is None or parent.type != "argument":
            continue
        user = parent.parent.parent
        user_name = syn.call_name(user)
        user_args = syn.arguments(user)
        if (
            user.type == "function_call_expression"
            and not user_name.startswith("curl_")
            and user_args is not None
            and _curl_helper_is_plain(style, user, user_args, parent)
        ):
            continue
        if user.type != "function_call_expression" or not user_name.startswith("curl_"):
            shown = user_name or style.src.text(user).split("(")[0]
            return Attached(
                reason=f"the curl handle is passed to {shown}(), which may set its headers"
            )
        if user_args is None or user_args[0].id != parent.id:
            continue
        settings = []
        if user_name == "curl_setopt" and len(user_args) == 3:
            settings.append((syn.value(user_args[1]), syn.value(user_args[2])))
        elif user_name == "curl_setopt_array" and len(user_args) == 2:
            array = syn.unwrap(syn.value(user_args[1]))
            items = syn.entries(array) if syn.is_array(array) else None
            if items is None:
                return Attached(
                    reason="the curl options are given in a variable hapimigrate cannot see into"
                )
            settings.extend((i.key, i.value) for i in items if i.key is not None)
        for option, value in settings:
            option_name = style.src.text(option).strip().upper()
            if option_name == "CURLOPT_HTTPHEADER":
                headers.append(value)
            elif option_name == "CURLOPT_URL":
                urls += 1
            elif option_name == "CURLOPT_CUSTOMREQUEST":
                method = _method_value(value) or "?"  # ?: known at run time
            elif option_name == "CURLOPT_POST":
                posts = posts or style.src.text(value).strip().lower() in ("true", "1")
            elif option_name == "CURLOPT_POSTFIELDS":
                posts = True
            elif option_name in ("CURLOPT_NOBODY", "CURLOPT_PUT") and method is None:
                method = "HEAD" if option_name == "CURLOPT_NOBODY" else "PUT"
            elif option_name in _OTHER_AUTH:
                return Attached(reason="the curl handle also authenticates another way")
    method = method or ("POST" if posts else "GET")
    method = None if method == "?" else method
    if created > 1:
        return Attached(
            method=method,
            reason=f"${handle} holds more than one curl handle in this function",
        )
    if urls > 1:
        return Attached(
            method=method, reason=f"the curl handle ${handle} is used for several URLs"
        )
    if len(headers) > 1:
        return Attached(
            method=method, reason="the curl handle's headers are set more than once"
        )
    if headers:
        found = _literal_array(style, headers[0], "headers")
        if isinstance(found, str):
            return Attached(method=method, reason=found)
        array, writes = found
        items = syn.entries(array)
        if items is None:
            return Attached(
                method=method, reason="the headers unpack another array (...$x)"
            )
        if "authorization" in style.src.text(array).lower() or any(
            "authorization" in style.src.text(w).lower() for w in writes
        ):
            return Attached(
                method=method,
                reason="the request already sends an Authorization header",
            )
        return Attached(syn.add_entry(style.src, array, style.header_line), method)
    setting = f"CURLOPT_HTTPHEADER => {style.array(style.header_line)}"
    if options_array is not None:
        return Attached(syn.add_entry(style.src, options_array, setting), method)
    if anchor is None or anchor.parent.type not in _BLOCKS:
        return Attached(
            method=method, reason="the curl call is not a statement of its own"
        )
    at = style.src.line_end(anchor.end_byte)
    indent = style.src.indent_at(anchor.start_byte)
    text = (
        f"{style.src.newline}{indent}curl_setopt(${handle}, CURLOPT_HTTPHEADER, "
        f"{style.array(style.header_line)});"
    )
    return Attached((Edit(at, at, text.encode()),), method)


# what a helper given the handle may do to it: run it and read it, not set it up
_PLAIN_CURL = frozenset(
    {
        "curl_exec",
        "curl_close",
        "curl_getinfo",
        "curl_error",
        "curl_errno",
        "curl_reset",
    }
)
_PLAIN_OPTIONS = frozenset(
    {
        "CURLOPT_RETURNTRANSFER",
        "CURLOPT_TIMEOUT",
        "CURLOPT_CONNECTTIMEOUT",
        "CURLOPT_FOLLOWLOCATION",
        "CURLOPT_SSL_VERIFYPEER",
        "CURLOPT_HEADER",
        "CURLOPT_FAILONERROR",
        "CURLOPT_USERAGENT",
        "CURLOPT_ENCODING",
    }
)


def _curl_helper_is_plain(style: Style, call, args, argument) -> bool:
    """Whether a function of this file, given a curl handle, only runs and reads
    it (``curl_exec``, ``curl_getinfo``, ``curl_close``, harmless options):
    then it cannot replace the header put on the handle before."""
    name = syn.call_name(call)
    index = next((i for i, a in enumerate(args) if a.id == argument.id), None)
    root = call
    while root.parent is not None:
        root = root.parent
    definitions = [
        n
        for n in syn.walk(root, into_scopes=True)
        if n.type == "function_definition"
        and n.child_by_field_name("name") is not None
        and n.child_by_field_name("name").text.decode().lower() == name
    ]
    if len(definitions) != 1 or index is None:
        return False
    function = definitions[0]
    params = function.child_by_field_name("parameters")
    named = [p for p in params.named_children if p.type == "simple_parameter"]
    if index >= len(named) or len(named) != len(params.named_children):
        return False
    parameter = named[index].child_by_field_name("name").text.decode()[1:]
    for use in syn.uses(function, parameter):
        if use.start_byte < params.end_byte:
            continue  # the parameter itself
        holder = use.parent
        if holder is None or holder.type != "argument":
            return False
        inner = holder.parent.parent
        inner_name = syn.call_name(inner)
        inner_args = syn.arguments(inner)
        if not inner_args or inner_args[0].id != holder.id:
            return False
        if inner_name in _PLAIN_CURL:
            continue
        if inner_name == "curl_setopt" and len(inner_args) == 3:
            option = style.src.text(syn.value(inner_args[1])).strip().upper()
            if option in _PLAIN_OPTIONS:
                continue
        return False
    return True


def _handle_segment(scope, handle: str, call) -> tuple[int, int] | str:
    """The bytes of ``scope`` where ``$handle`` is the handle ``call`` uses: from
    its ``$handle = curl_init(...)`` to the next one. A variable given several
    handles is only split so in straight-line code (statements of one block)."""
    assignments = [
        syn.assignment_of(u)[0]
        for u in syn.uses(scope, handle)
        if syn.assignment_of(u) is not None
    ]
    if len(assignments) <= 1:
        return 0, 1 << 62
    statements = [a.parent for a in assignments]
    if any(
        s.type != "expression_statement" or s.parent.id != statements[0].parent.id
        for s in statements
    ):
        return f"${handle} holds more than one curl handle in this function"
    starts = [a.start_byte for a in assignments]
    before = [x for x in starts if x <= call.start_byte]
    if not before or call.parent is None:
        return f"${handle} is used before it holds a curl handle"
    start = max(before)
    after = [x for x in starts if x > start]
    return start, (min(after) if after else 1 << 62)
