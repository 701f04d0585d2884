"""Where a PHP URL goes: :func:`follow` walks its value inside its function
(``$url = ...``, ``.=``, concatenation, ``sprintf``, ``add_query_arg``, a private
helper method every caller gives a HubSpot URL) to the calls that send it: curl
(``curl_init``, ``CURLOPT_URL``), WordPress ``wp_remote_*``, ``file_get_contents``,
Guzzle and Symfony HttpClient clients the file makes or is given, and Laravel's
``Http`` facade. Anything else it meets (a URL passed to another function,
returned, stored in a property, put in another string) is the reason a person
migrates it. Reads that only show the URL (logs, ``echo``) do not count."""

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
    # functions the file declares in its namespace or imports (``use function``):
    # an unqualified call of one of those names is not PHP's
    shadowed: frozenset[str] = frozenset()

    def own_function(self, call) -> bool:
        """Whether a plain call calls a function of the file's own namespace
        (or one it imports) rather than PHP's or WordPress's of that name."""
        function = call.child_by_field_name("function")
        return (
            function is not None
            and not function.text.startswith(b"\\")
            and syn.call_name(call) in self.shadowed
        )

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


def shadowed_functions(root) -> frozenset[str]:
    """The lower-case names an unqualified call in this file resolves to a
    function of its own rather than PHP's or WordPress's: every function it
    declares (under a ``namespace`` it shadows PHP's; outside one, a polyfill
    of ``wp_remote_get`` is not WordPress's), and ``use function`` imports."""
    names = set()
    for node in syn.walk(root, into_scopes=True):
        if node.type == "function_definition":
            name = node.child_by_field_name("name")
            if name is not None:
                names.add(name.text.decode().lower())
        elif node.type == "namespace_use_clause":
            declaration = node.parent
            functions = any(c.type == "function" for c in node.children) or (
                declaration is not None
                and any(c.type == "function" for c in declaration.children)
            )
            if not functions:
                continue
            alias = node.child_by_field_name("alias")
            named = [
                c for c in node.named_children if c.type in ("name", "qualified_name")
            ]
            local = alias if alias is not None else (named[-1] if named else None)
            if local is not None:
                names.add(local.text.decode().rsplit("\\", 1)[-1].lower())
    return frozenset(names)


def declares_class(root, name: str) -> bool:
    """Whether the file declares a class, interface, trait or enum ``name``."""
    return any(
        node.type
        in (
            "class_declaration",
            "interface_declaration",
            "trait_declaration",
            "enum_declaration",
        )
        and node.child_by_field_name("name") is not None
        and node.child_by_field_name("name").text.decode().lower() == name.lower()
        for node in syn.walk(root, into_scopes=True)
    )


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
        if style.own_function(call):
            return (
                f"the URL is passed to {name}(), a function this file declares or "
                "imports itself (not PHP's): hapimigrate does not follow it"
            )
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


def indirect_use(helper) -> str:
    """Why a private method may be called where no ``$this->name(...)`` shows
    it: a callable (``[$this, 'name']``, ``'self::name'``, ``Closure::fromCallable``)
    or a method called by a name known at run time (``$this->$method()``,
    ``__call``). Its callers, and the URLs they give, cannot all be seen."""
    cls = helper.parent
    while cls.type != "class_declaration":
        cls = cls.parent
    name = helper.child_by_field_name("name").text.decode()
    lowered = name.lower()
    for node in syn.walk(cls, into_scopes=True):
        if node.type == "method_declaration":
            declared = node.child_by_field_name("name")
            if declared is not None and declared.text.decode().lower() in (
                "__call",
                "__callstatic",
            ):
                return (
                    f"the class has {declared.text.decode()}(), through which any "
                    f"code may reach {name}(): its callers cannot all be seen"
                )
        if syn.is_array(node) and _callable_pair(node):
            return (
                f"the class builds a callable of a method named at run time "
                f"({syn.shown(node, 40)}): {name}() may be "
                "given URLs hapimigrate cannot see"
            )
        if node.type in syn.STRINGS:
            text = (syn.literal(node) or "").strip().lower()
            if text == lowered or text.endswith("::" + lowered):
                return (
                    f"{name}() is also used as a callable ({syn.shown(node, 40)}): "
                    "its callers and the URLs they give cannot all be seen"
                )
        elif node.type in (
            "member_call_expression",
            "nullsafe_member_call_expression",
            "scoped_call_expression",
        ):
            called = node.child_by_field_name("name")
            if called is not None and called.type != "name":
                return (
                    f"the class calls methods by a name known at run time "
                    f"({syn.shown(node, 40)}): {name}() may be "
                    "given URLs hapimigrate cannot see"
                )
    return ""


def _callable_pair(array) -> bool:
    """``[$this, $method]``, ``[self::class, $name]``: a callable whose method
    is named at run time."""
    items = syn.entries(array) or []
    if len(items) != 2 or any(i.key is not None for i in items):
        return False
    first, second = (syn.unwrap(i.value) for i in items)
    if first is None or second is None or syn.literal(second) is not None:
        return False
    owner = first.text.decode().replace(" ", "").lower()
    return owner in ("$this", "self::class", "static::class", "__class__") and (
        second.type != "integer"
    )


def _into_helper(style: Style, helper, index: int, depth: int):
    """The requests a private helper makes with its parameter ``index``, when
    every caller gives it a HubSpot URL (the token goes to HubSpot only)."""
    indirect = indirect_use(helper)
    if indirect:
        return indirect
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
