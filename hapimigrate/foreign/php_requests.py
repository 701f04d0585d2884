"""The ``Authorization: Bearer`` header put on a request :mod:`.php_flow` found:
into the array literal that already holds its headers (directly or through a
variable used by this request only), or a new ``'headers'`` entry, ``$args``
array, stream context or ``withToken()``; curl in :mod:`.php_curl`. A request
that already sends ``Authorization``, or whose headers sit where the code cannot
be seen into, is the reason a person migrates it."""

from __future__ import annotations

from hapimigrate.foreign import php_curl
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign.php_flow import WORDPRESS, Attached, Sink, Style
from hapimigrate.foreign.php_values import (
    assigned,
    literal_array,
    method_value,
    subscript_key,
)
from hapimigrate.foreign.splice import Edit

# -- the header on a request -----------------------------------------------------------


def attach(style: Style, sink: Sink) -> Attached:
    return {
        "curl": php_curl.curl,
        "wp": _wordpress,
        "stream": _stream,
        "guzzle": _guzzle,
        "laravel": _laravel,
    }[sink.kind](style, sink)


# Guzzle's and Symfony HttpClient's options that set Authorization themselves
AUTH_OPTIONS = ("auth", "auth_basic", "auth_bearer", "auth_ntlm")


def auth_option(options, names: tuple[str, ...] = AUTH_OPTIONS) -> str:
    """Why request options (or a client's defaults) would replace the
    Authorization header: Guzzle's ``'auth'`` sets its own, Symfony's
    ``auth_basic``/``auth_bearer`` too."""
    for name in names:
        if syn.entry(options, name, fold=True) is not None:
            return (
                f"the request already authenticates (an '{name}' option, which "
                "would replace the Authorization header)"
            )
    return ""


def merge_headers(
    style: Style,
    options,
    writes,
    headers_key: str = "headers",
    auth_options: tuple[str, ...] = AUTH_OPTIONS,
) -> Attached:
    """``'Authorization' => 'Bearer ' . token`` into ``options['headers']``;
    not beside an option that authenticates by itself (Guzzle's ``'auth'``
    removes the Authorization header and sets its own)."""
    if syn.entries(options) is None:
        return Attached(reason="the request options unpack another array (...$x)")
    for write in writes:
        if (
            subscript_key(style, write) == headers_key
            or "authorization" in style.src.text(write).lower()
        ):
            return Attached(reason="the request's headers are set again later")
        if subscript_key(style, write) in auth_options:
            return Attached(
                reason="the request already authenticates (an 'auth' option, which "
                "would replace the Authorization header)"
            )
    reason = auth_option(options, auth_options)
    if reason:
        return Attached(reason=reason)
    headers = syn.entry(options, headers_key)
    if headers is None:
        text = f"'{headers_key}' => " + style.array(
            f"'Authorization' => {style.bearer}"
        )
        return Attached(syn.add_entry(style.src, options, text))
    value = syn.unwrap(headers.value)
    if syn.variable(value) is not None:
        found = literal_array(style, value, "headers")
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
    return method_value(method.value)


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
    found = literal_array(style, syn.value(args[1]), "request arguments")
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
    found = literal_array(style, syn.value(args[url_index + 1]), "request options")
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
        found = assigned(style, context)
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
    found = literal_array(style, syn.value(context_args[0]), "stream options")
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
