"""The HTTP requests a JavaScript file makes, as the codemod needs them: which
library (global ``fetch``/node-fetch, axios, request, got, Node's http/https), the
method, the URL expression, and the options object that takes ``headers`` (or
where a new one goes when the call has none).

    fetch(url, { method: 'POST' })       options: the object
    axios.get(url)                       options: none yet, insert after url
    axios({ url, method: 'post' })       options: the config, url: its url
    request({ uri, qs }, callback)       options: the object, url: its uri
    https.get(url, (res) => ...)         options: none yet, insert before the callback

A name is the library only where it is bound to it: a ``fetch`` or ``axios``
the file declares itself (a function, an object, a parameter) is not, whatever
its name (it may ignore the options the header would go into).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from hapimigrate.foreign.js_syntax import (
    Node,
    arguments,
    callee_parts,
    is_reassigned,
    member,
    member_value,
    property_name,
    required,
    resolve,
    string_value,
    text,
    unwrap,
    walk,
)
from hapimigrate.foreign.js_urls import url_template

FETCH_MODULES = ("node-fetch", "cross-fetch", "isomorphic-fetch", "isomorphic-unfetch")
REQUEST_MODULES = ("request", "request-promise", "request-promise-native")
HTTP_MODULES = ("http", "https", "node:http", "node:https")
VERBS = ("get", "delete", "head", "options", "post", "put", "patch")
_BODY_VERBS = ("post", "put", "patch")
# where a URL sits in an options object, per library
URL_KEYS = {
    "fetch": (),
    "axios": ("url",),
    "request": ("uri", "url"),
    "got": ("url",),
    "http": ("path",),
}
# where query parameters sit in an options object, per library
PARAM_KEYS = {
    "fetch": (),
    "axios": ("params",),
    "request": ("qs",),
    "got": ("searchParams",),
    "http": (),
}


@dataclass(frozen=True)
class Request:
    """A request call. ``options``: the options expression given (an object
    literal or a name); else ``insert_at``/``insert`` say where a new options
    object goes (``insert`` holds ``{}`` where the object is put)."""

    call: Node
    library: str
    method: str | None
    url: Node | None
    options: Node | None = None
    insert_at: int | None = None
    insert: bytes = b""
    reason: str = ""  # why no options can be given to this call
    host: str | None = None  # http(s).request({ hostname, path }): the host named
    base: str | None = None  # an axios instance's baseURL (a URL template)

    @property
    def key(self) -> tuple[int, int]:
        return (self.call.start_byte, self.call.end_byte)


LOCAL = "#local"  # a name the file declares itself (not an import or require)


def callee_root(call: Node) -> Node | None:
    """The name a callee starts with: ``axios`` of ``axios.get(...)``."""
    node = call.child_by_field_name("function")
    if node is not None and node.type == "await_expression":
        node = node.named_children[0] if node.named_children else None
    node = unwrap(node)
    while node is not None and node.type == "member_expression":
        node = unwrap(node.child_by_field_name("object"))
    return node if node is not None and node.type == "identifier" else None


def bound_module(name: Node | None, bindings: dict[str, str]) -> str | None:
    """The module the name ``name`` is bound to at its place (a ``require`` or
    ``import``), None for a global, :data:`LOCAL` for a name the file declares
    otherwise: ``async function fetch(url) {...}``, ``const axios = {...}``, a
    parameter named ``fetch``, which are not the library whatever their name."""
    if name is None:
        return None
    module = bindings.get(text(name))
    if module is None and text(name) not in ("fetch", "axios"):
        return None  # only these two are taken without a require or an import
    binding = resolve(name)
    if binding is None:
        return module
    if binding.kind == "import":
        return module if module is not None else LOCAL
    if binding.kind in ("const", "let", "var") and binding.declarator is not None:
        value = unwrap(binding.declarator.child_by_field_name("value"))
        if binding.kind == "const" and module is None and text(name) == "fetch":
            forwarded = _forwarding_fetch(value)
            if forwarded is not None:
                return forwarded
        if (
            module is not None
            and required(value) == module.split("#")[0]
            and (binding.kind == "const" or not is_reassigned(binding))
        ):
            return module
    return LOCAL


def _forwarding_fetch(value: Node | None) -> str | None:
    """``'node-fetch'`` for node-fetch's own CommonJS idiom, a function handing
    every argument on: ``(...args) => import('node-fetch').then(({ default:
    fetch }) => fetch(...args))``."""
    if value is None or value.type != "arrow_function":
        return None
    params = value.child_by_field_name("parameters")
    rest = params.named_children if params is not None else []
    if len(rest) != 1 or rest[0].type != "rest_pattern":
        return None
    name = text(rest[0]).lstrip(".").strip()
    spread = "(..." + name + ")"
    defaults = {
        text(node.child_by_field_name("value"))
        for node in walk(value)
        if node.type == "pair_pattern"
        and text(node.child_by_field_name("key")) == "default"
    }
    uses = sum(1 for n in walk(value) if n.type == "identifier" and text(n) == name)
    module, forwards = None, 0
    for node in walk(value):
        if node.type != "call_expression":
            continue
        args = node.child_by_field_name("arguments")
        function = node.child_by_field_name("function")
        if args is not None and text(args).replace(" ", "") == spread:
            callee = text(function) if function is not None else ""
            if callee not in defaults and not callee.endswith(".default"):
                return None  # the arguments go somewhere else too
            forwards += 1
        if function is not None and text(function) in ("import", "require"):
            given = arguments(node)
            source = string_value(given[0]) if len(given) == 1 else None
            if source in FETCH_MODULES:
                module = source
    # every use of the arguments is the hand-over (the rest parameter is one)
    return module if forwards and uses == forwards + 1 else None


def library_of(call: Node, bindings: dict[str, str]) -> tuple[str, str | None] | None:
    """(library, verb) of a call, verb None for the library's function itself."""
    parts = callee_parts(call)
    if not parts or parts[0] == "this":
        return None
    base, module = parts[0], bound_module(callee_root(call), bindings)
    if module == LOCAL:
        return None
    base_module = (module or "").split("#")[0]
    rest = parts[1:]
    if len(parts) == 1:
        if module is None and base == "fetch":
            return ("fetch", None)
        if base_module in FETCH_MODULES or module in ("undici#fetch",):
            return ("fetch", None)
        if module in ("axios", "axios#default") or (module is None and base == "axios"):
            return ("axios", None)
        if module in REQUEST_MODULES:
            return ("request", None)
        if module in ("got", "got#default"):
            return ("got", None)
        if (
            base_module in HTTP_MODULES
            and module
            and module.split("#")[1:]
            in (
                ["get"],
                ["request"],
            )
        ):
            return ("http", module.split("#")[1])
        return None
    if len(rest) != 1:
        return None
    verb = rest[0]
    if module in ("axios", "axios#default") or (module is None and base == "axios"):
        if verb in VERBS or verb == "request":
            return ("axios", verb)
    if module in REQUEST_MODULES and verb in VERBS:
        return ("request", verb)
    if module in ("got", "got#default") and verb in VERBS:
        return ("got", verb)
    if (
        base_module in HTTP_MODULES
        and "#" not in (module or "")
        and verb in ("get", "request")
    ):
        return ("http", verb)
    return None


def request_of(call: Node, bindings: dict[str, str]) -> Request | None:
    """The request a call makes, or None when it is not a known HTTP call."""
    found = library_of(call, bindings)
    instance = None
    if found is None:
        instance = _axios_instance(call, bindings)
        if instance is None:
            return None
        found = ("axios", (callee_parts(call) or ["", ""])[1])
    library, verb = found
    args = arguments(call)
    if not args:
        return None
    config_style = _object_of(args[0]) is not None
    if library == "axios":
        request = _axios(call, verb, args, config_style)
        if instance is not None:
            return _on_instance(request, instance)
        return _own_base(request)
    if library == "fetch":
        return _with_options(call, "fetch", _method_of(args, 1, "GET"), args, 1)
    if library in ("request", "got"):
        default = verb.upper() if verb else "GET"
        if config_style:
            return _own_base(_config(call, library, args[0], default))
        return _own_base(
            _with_callback(call, library, _method_of(args, 1, default), args)
        )
    # http/https
    if config_style:  # Node's default method is GET
        return _config(call, "http", args[0], "GET")
    return _with_callback(call, "http", _method_of(args, 1, "GET"), args)


_BASE_OPTIONS = ("baseURL", "baseUrl", "prefixUrl")
_RELATIVE_PATH = re.compile(r"^[A-Za-z0-9_.-]+/")


def _own_base(request: Request) -> Request:
    """A request whose own options name a base (axios ``baseURL``, request
    ``baseUrl``, got ``prefixUrl``): a relative URL goes to its host."""
    options = _object_of(request.options) if request.options is not None else None
    if options is None or request.base is not None:
        return request
    pair = next(
        (member(options, name) for name in _BASE_OPTIONS if member(options, name)), None
    )
    if pair is None:
        return request
    return dataclasses.replace(request, base=url_template(member_value(pair)) or "{}")


def absolute(request: Request, template: str | None) -> str | None:
    """The URL template a request reaches: an axios instance's baseURL or an
    http(s).request's hostname before a path."""
    if (
        template is not None
        and request.base is not None
        and _RELATIVE_PATH.match(template)
        and "://" not in template.split("/")[0]
    ):  # got('contacts/v1/lists', { prefixUrl })
        return request.base.rstrip("/") + "/" + template
    if template is None or not template.startswith("/"):
        return template
    if request.base is not None:
        return request.base.rstrip("/") + template
    if request.host is not None:
        if request.host.startswith("{given-by-callers:"):  # why the host is not told
            return request.host + template
        return f"https://{request.host}{template}"
    return template


def _axios_instance(call: Node, bindings: dict[str, str]) -> Node | None:
    """The options of ``axios.create(options)`` when ``call`` is
    ``api.get(...)`` on an instance kept in a const."""
    parts = callee_parts(call)
    if not parts or len(parts) != 2 or parts[1] not in VERBS + ("request",):
        return None
    function = call.child_by_field_name("function")
    holder = unwrap(function.child_by_field_name("object")) if function else None
    if holder is None or holder.type != "identifier":
        return None
    binding = resolve(holder)
    value = unwrap(binding.value) if binding is not None else None
    if binding is None or binding.kind != "const" or value is None:
        return None
    if value.type != "call_expression":
        return None
    maker = callee_parts(value) or []
    module = bound_module(callee_root(value), bindings) if maker else None
    if (
        len(maker) != 2
        or maker[1] != "create"
        or not (
            module in ("axios", "axios#default")
            or (module is None and maker[0] == "axios")
        )
    ):
        return None
    created = arguments(value)
    return created[0] if created else value


def _on_instance(request: Request, options: Node) -> Request:
    """A request of an axios instance: its URL goes after the baseURL, and the
    header cannot be judged when the instance sets headers or auth itself."""
    obj = _object_of(options)
    if obj is None:
        return dataclasses.replace(
            request,
            reason="the axios instance is made from options this tool cannot see",
        )
    base_pair = member(obj, "baseURL")
    base = url_template(member_value(base_pair)) if base_pair is not None else None
    own = [
        m
        for m in obj.named_children
        if m.type == "spread_element"
        or (
            m.type != "comment"
            and (property_name(m) or "").lower() in ("headers", "auth")
        )
    ]
    params = member(obj, "params")
    if params is not None and b"hapikey" in (params.text or b"").lower():
        own.append(params)  # its default params send a key: decided with the instance
    if own:
        return dataclasses.replace(
            request,
            base=base or "{}",
            reason="the axios instance sets headers, auth or a key of its own",
        )
    return dataclasses.replace(request, base=base or "{}")


def _axios(
    call: Node, verb: str | None, args: list[Node], config_style: bool
) -> Request:
    if verb in (None, "request") and config_style:
        return _config(call, "axios", args[0], "GET")
    if verb is None:
        return _with_options(call, "axios", _method_of(args, 1, "GET"), args, 1)
    if verb == "request":
        return Request(
            call, "axios", None, None, reason="axios.request without a config object"
        )
    if verb in _BODY_VERBS:
        if len(args) == 1:
            return Request(
                call,
                "axios",
                verb.upper(),
                args[0],
                insert_at=args[0].end_byte,
                insert=b", undefined, {}",
            )
        return _with_options(call, "axios", verb.upper(), args, 2)
    return _with_options(call, "axios", verb.upper(), args, 1)


def _object_of(node: Node | None) -> Node | None:
    """The object literal an expression is: written here, or a const's."""
    node = unwrap(node)
    if node is not None and node.type == "identifier":
        binding = resolve(node)
        if (
            binding is None
            or binding.kind != "const"
            or binding.name.parent != binding.declarator
        ):
            return None
        node = unwrap(binding.value)
    return node if node is not None and node.type == "object" else None


def _host_of(value: Node | None) -> str | None:
    """The host an http(s) options object names (``hostname``/``host``): the
    literal, or of a fallback's values (``process.env.HOST || 'proxy.internal'``)
    one that is not HubSpot's, or a hole saying why it cannot be told (see
    :func:`.js_urls.given_by_callers`); None when known only at run time."""
    from hapimigrate import hubspot
    from hapimigrate.foreign import js_urls

    written = string_value(value)
    if written is not None:
        return written
    node = unwrap(value)
    branches = js_urls._alternatives(node) if node is not None else []
    for branch in branches or [value]:
        literal = string_value(branch)
        if literal is not None:
            if not hubspot.is_hubspot_host(literal.split(":")[0].lower()):
                return literal
            continue
        template = js_urls.url_template(branch) or "{}"
        if js_urls.given_by_callers(template):
            return template
        if template.startswith("{") is False and not hubspot.is_hubspot_host(
            template.split(":")[0].split("/")[0].lower()
        ):
            return template
    return None


def _config(call: Node, library: str, config: Node, default: str | None) -> Request:
    obj = _object_of(config)
    url = None
    for name in URL_KEYS[library]:
        pair = member(obj, name)
        if pair is not None:
            url = member_value(pair)
            break
    host = None
    if library == "http":
        named = member(obj, "hostname") or member(obj, "host")
        host = _host_of(member_value(named)) if named is not None else None
        host = host or "{}"  # a host known only at run time
    return Request(
        call, library, _method_in(obj, default), url, options=config, host=host
    )


def _with_options(
    call: Node, library: str, method: str | None, args: list[Node], index: int
) -> Request:
    if len(args) > index:
        return Request(call, library, method, args[0], options=args[index])
    return (
        Request(
            call, library, method, args[0], insert_at=args[-1].end_byte, insert=b", {}"
        )
        if len(args) == index
        else Request(
            call,
            library,
            method,
            args[0],
            reason="an argument before the options is missing",
        )
    )


def _with_callback(
    call: Node, library: str, method: str | None, args: list[Node]
) -> Request:
    """``request(url, options?, callback?)``: the options may be absent."""
    if len(args) == 1:
        return Request(
            call, library, method, args[0], insert_at=args[0].end_byte, insert=b", {}"
        )
    second = unwrap(args[1])
    if second is not None and second.type in (
        "arrow_function",
        "function_expression",
        "function",
    ):
        return Request(
            call, library, method, args[0], insert_at=args[1].start_byte, insert=b"{}, "
        )
    if second is not None and second.type == "identifier":
        binding = resolve(second)
        if (binding is not None and binding.kind == "function") or _names_callback(
            second.text.decode()
        ):
            return Request(
                call,
                library,
                method,
                args[0],
                insert_at=args[1].start_byte,
                insert=b"{}, ",
            )
        value = unwrap(binding.value) if binding is not None else None
        if value is None or value.type != "object":
            return Request(
                call,
                library,
                method,
                args[0],
                reason=f"cannot tell whether {second.text.decode()} is the options or a callback",
            )
    return Request(call, library, method, args[0], options=args[1])


def _names_callback(name: str) -> bool:
    """A name that says it is a callback (``callback``, ``cb``, ``done``)."""
    return name in ("callback", "cb", "done", "next", "handler") or name.endswith(
        ("Callback", "Handler")
    )


def _method_of(args: list[Node], index: int, default: str | None) -> str | None:
    if len(args) <= index:
        return default
    obj = unwrap(args[index])
    if obj is not None and obj.type == "identifier":
        binding = resolve(obj)
        obj = (
            unwrap(binding.value)
            if binding is not None and binding.kind == "const"
            else None
        )
    if obj is None or obj.type in ("arrow_function", "function_expression", "function"):
        return default  # a callback: no options
    if obj.type != "object":
        return None
    return _method_in(obj, default)


def _method_in(obj: Node, default: str | None) -> str | None:
    pair = member(obj, "method")
    if pair is None:
        return default
    value = string_value(member_value(pair))
    return value.upper() if value else None
