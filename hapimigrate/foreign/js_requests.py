"""The HTTP requests a JavaScript file makes, as the codemod needs them: which
library (global ``fetch``/node-fetch, axios, request, got, Node's http/https), the
method, the URL expression, and the options object that takes ``headers`` (or
where a new one goes when the call has none).

    fetch(url, { method: 'POST' })       options: the object
    axios.get(url)                       options: none yet, insert after url
    axios({ url, method: 'post' })       options: the config, url: its url
    request({ uri, qs }, callback)       options: the object, url: its uri
    https.get(url, (res) => ...)         options: none yet, insert before the callback
"""

from __future__ import annotations

from dataclasses import dataclass

from hapimigrate.foreign.js_syntax import (
    Node,
    arguments,
    callee_parts,
    member,
    member_value,
    resolve,
    string_value,
    unwrap,
)

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

    @property
    def key(self) -> tuple[int, int]:
        return (self.call.start_byte, self.call.end_byte)


def library_of(call: Node, bindings: dict[str, str]) -> tuple[str, str | None] | None:
    """(library, verb) of a call, verb None for the library's function itself."""
    parts = callee_parts(call)
    if not parts or parts[0] == "this":
        return None
    base, module = parts[0], bindings.get(parts[0])
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
    if found is None:
        return None
    library, verb = found
    args = arguments(call)
    if not args:
        return None
    config_style = _object_of(args[0]) is not None
    if library == "axios":
        return _axios(call, verb, args, config_style)
    if library == "fetch":
        return _with_options(call, "fetch", _method_of(args, 1, "GET"), args, 1)
    if library in ("request", "got"):
        default = verb.upper() if verb else "GET"
        if config_style:
            return _config(call, library, args[0], default)
        return _with_callback(call, library, _method_of(args, 1, default), args)
    # http/https
    if config_style:  # Node's default method is GET
        return _config(call, "http", args[0], "GET")
    return _with_callback(call, "http", _method_of(args, 1, "GET"), args)


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
        host = string_value(member_value(named)) if named is not None else None
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
