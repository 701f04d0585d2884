"""Hosts the callers give (PHP): a URL that starts with a parameter of the
function or method it is built in (``curl_init($base . '/deals/v1/deal/paged?hapikey=' . $key)``
in ``function get($base)``), with a property a constructor sets from its
parameters (``$this->base = $base``), or with a property or static property
given other values elsewhere, goes wherever that code sends it.

PHP functions and classes are global: code in any file may call ``get()`` or
``new Client(...)``, so a host a public function's or a constructor's
callers give keeps the site ``manual``, naming the parameter. A private
method's callers are all in its class: each is looked at, and the site is
migrated when every one gives a HubSpot URL written in the code (a literal or
a constant; the parameter's default when it gives none), and the method is not
also reached as a callable (``[$this, 'get']``). A property is judged by every
value the class gives it (its default, each ``$this->base = ...``, a promoted
constructor parameter) and, when it is not private, by every ``->base = ...``
and subclass redeclaring it in the file.

    private function get($base) { ... $base . '/deals/v1/deal/paged?hapikey=' ... }
    $this->get('https://api.hubapi.com');   // every caller: migrated
"""

from __future__ import annotations

import re

from hapimigrate import hubspot
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign import php_urls

_MAX_DEPTH = 5


def reason(data: bytes, nodes) -> str:
    """Why one of the URL expressions ``nodes`` may start with a host that
    callers or other code give, not HubSpot's; "" when none does."""
    for node in nodes:
        if node is None:
            continue
        found = _head(data, node, 0, set())
        if found:
            return _wrapped(found)
    return ""


def base_reason(data: bytes, options_list) -> str:
    """The same for the ``base_uri`` of Guzzle clients (their option arrays)."""
    for options in options_list or ():
        base = syn.entry(options, "base_uri") if options is not None else None
        if base is not None:
            found = _head(data, base.value, 0, set())
            if found:
                return _wrapped(found)
    return ""


def client_reason(data: bytes, receiver) -> str:
    """Why a Guzzle client a request is sent with may have a ``base_uri``
    given from outside (``$this->http`` set from a constructor's parameter:
    whoever makes the object picks the host); ""."""
    found = _head(data, receiver, 0, set()) if receiver is not None else ""
    if not found:
        return ""
    return (
        f"the request's client comes from {found}: its base_uri may be any host, "
        "which would get the token; migrate by hand"
    )


def sdk_reason(data: bytes, node) -> str:
    """Why an SDK client may send its requests (and the token) elsewhere: a
    ``base_uri``/``base_url`` among its options, or an HTTP client of its own
    made with one (``Factory::create($key, null, ['base_uri' => ...])``,
    ``createWithApiKey($key, new Client(['base_uri' => ...]))``); ""."""
    found = _head(data, node, 0, set())
    if found:
        return (
            f"the client is made with a base URL: {found}; the token would go there, "
            "so migrate by hand"
        )
    return ""


def chain_base_reason(data: bytes, call) -> str:
    """The same for a Laravel chain's ``baseUrl(...)`` (``Http::baseUrl(env('HUBSPOT_BASE',
    'http://localhost:8080'))->get(...)``): its value, or a literal host that is
    not HubSpot's."""
    node = call
    while node is not None and node.type in (
        "member_call_expression",
        "nullsafe_member_call_expression",
        "scoped_call_expression",
    ):
        name = node.child_by_field_name("name")
        if name is not None and name.text.lower() == b"withoptions":
            found = _head(data, node, 0, set())  # ['base_uri' => ...]
            if found:
                return _wrapped(found)
        if name is not None and name.text.lower() == b"baseurl":
            args = syn.arguments(node) or []
            if args:
                value = syn.value(args[0])
                found = _head(data, value, 0, set())
                if found:
                    return _wrapped(found)
                host = hubspot.host(php_urls.template(data, value))
                if host is not None and not hubspot.is_hubspot_host(host):
                    return f"the key is sent to {host}, not to HubSpot (its baseUrl)"
        node = (
            node.child_by_field_name("object")
            if node.type != "scoped_call_expression"
            else None
        )
    return ""


def _head(data: bytes, node, depth: int, seen: set) -> str:
    """Why the value ``node`` starts with (its host part) may be another
    host given from outside; ""."""
    node = syn.unwrap(node)
    if node is None or depth > _MAX_DEPTH or node.id in seen:
        return ""
    seen.add(node.id)
    if node.type == "conditional_expression":
        parts = [
            node.child_by_field_name("body"),
            node.child_by_field_name("alternative"),
        ]
        if parts[0] is None:
            parts[0] = node.child_by_field_name("condition")
        return next((r for p in parts if (r := _head(data, p, depth + 1, seen))), "")
    if node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and operator.type in ("?:", "??"):
            sides = (
                node.child_by_field_name("left"),
                node.child_by_field_name("right"),
            )
            return next(
                (r for s in sides if (r := _head(data, s, depth + 1, seen))), ""
            )
    if syn.call_name(node) in (
        "add_query_arg",
        "esc_url_raw",
        "esc_url",
        "trim",
        "rtrim",
    ):
        args = syn.arguments(node) or []
        if not args:
            return ""
        which = args[-1] if syn.call_name(node) in ("add_query_arg",) else args[0]
        return _head(data, syn.value(which), depth + 1, seen)
    if syn.call_name(node) == "sprintf":
        args = syn.arguments(node) or []
        text = syn.literal(syn.value(args[0])) if args else None
        if text is not None and text.startswith("%s") and len(args) > 1:
            return _head(data, syn.value(args[1]), depth + 1, seen)
        return _head(data, syn.value(args[0]), depth + 1, seen) if args else ""
    if (
        syn.call_name(node).lower() in _CONFIGURATION
        and node.type == "function_call_expression"
    ):  # a setting read at run time: judged by the URL's path, as getenv() is
        args = syn.arguments(node) or []
        if len(args) >= 2:  # env('HUBSPOT_BASE', 'http://localhost:8080')
            return _head(data, syn.value(args[1]), depth + 1, seen)
        return ""
    if node.type in ("string", "encapsed_string", "heredoc", "binary_expression"):
        tokens = php_urls._tokens(php_urls._operands(node)) or []
        if not tokens:
            return ""
        if tokens[0].text:
            written = data[tokens[0].start : tokens[0].end].decode("utf-8", "replace")
            match = _SCHEME_HOST.match(written)
            host = match.group(1).lower() if match else None
            if host is not None and not hubspot.is_hubspot_host(host):
                return (
                    f"{syn.shown(node, 40)} (line {node.start_point[0] + 1}), which "
                    f"may be {host}, not HubSpot's host"
                )
            return ""
        first = tokens[0].node
        if first is None or syn.unwrap(first) is node:
            return ""
        return _head(data, first, depth + 1, seen)
    if node.type in (
        "scoped_call_expression",
        "object_creation_expression",
        "member_call_expression",
    ):  # HttpClient::create(['base_uri' => ...]), new Client([...]), ->withOptions
        for argument in syn.arguments(node) or []:
            options = syn.unwrap(syn.value(argument))
            if options is not None and options.type == "object_creation_expression":
                why = _head(data, options, depth + 1, seen)  # its own Guzzle client
                if why:
                    return why
                continue
            base = (
                syn.entry(options, "base_uri") or syn.entry(options, "base_url")
                if syn.is_array(options)
                else None
            )
            if base is None:
                continue
            why = _head(data, base.value, depth + 1, seen)
            if why:
                return why
            host = hubspot.host(php_urls.template(data, base.value))
            if host is not None and not hubspot.is_hubspot_host(host):
                return (
                    f"the client's base_uri on line {base.value.start_point[0] + 1}, "
                    f"which is {host}, not HubSpot's host"
                )
        return ""
    if node.type == "subscript_expression":
        return _table(data, node, depth, seen)
    if node.type == "function_call_expression":
        return _returned(data, node, depth, seen)
    if syn.variable(node) is not None:
        return _variable(data, node, depth, seen)
    if node.type == "member_access_expression":
        return _property(data, node, depth, seen)
    if node.type == "scoped_property_access_expression":
        return _static_property(data, node, depth, seen)
    if node.type == "class_constant_access_expression":
        redeclared = _class_constant(node)
        if redeclared:
            return redeclared
        value = syn.constant_value(node)
        if value is not None:
            return _head(data, value, depth + 1, seen)
        return _unreadable(node, "a constant not declared in this file")
    if node.type in ("name", "qualified_name"):
        value = syn.constant_value(node)
        if value is not None:
            return _head(data, value, depth + 1, seen)
        return _unreadable(node, "a constant not declared in this file")
    if node.type in ("integer", "float", "boolean", "null"):
        return ""
    return _unreadable(node, "a value this tool cannot read")


# settings read at run time (like getenv): a host known at run time, whose
# request goes on when its path is HubSpot's
_CONFIGURATION = (
    "getenv",
    "env",
    "config",
    "get_option",
    "get_site_option",
    "constant",
)
_SUPERGLOBALS = (b"$_ENV", b"$_SERVER")


def _unreadable(node, what: str) -> str:
    return (
        f"{syn.shown(node, 40)} (line {node.start_point[0] + 1}), {what}: it may be "
        "another host than HubSpot's"
    )


_SCHEME_HOST = re.compile(r"^\s*(?:https?:)?//([^/?#:{}\s$]+)", re.I)


def _table(data: bytes, node, depth: int, seen: set) -> str:
    """``$hosts[$env]``: any entry of the array the variable holds (its
    assignments in the function, or the file's for ``global $hosts``)."""
    table = syn.unwrap(node.named_children[0]) if node.named_children else None
    if table is not None and table.text in _SUPERGLOBALS:
        return ""  # $_ENV['HUBSPOT_BASE']: a setting read at run time
    name = syn.variable(table)
    if name is None:
        return _unreadable(node, "a value this tool cannot read")
    if name == "GLOBALS":
        return _globals_entry(data, node, depth, seen)
    scopes = [syn.scope_of(table)]
    if any(
        use.parent is not None and use.parent.type == "global_declaration"
        for use in syn.uses(scopes[0], name)
    ):
        root = table
        while root.parent is not None:
            root = root.parent
        scopes.append(root)
    written = False
    for scope in scopes:
        for use in syn.uses(scope, name):
            found = syn.assignment_of(use)
            if found is None:
                continue
            right = syn.unwrap(found[0].child_by_field_name("right"))
            if not syn.is_array(right) or syn.entries(right) is None:
                return _unreadable(node, "an entry of a value this tool cannot read")
            for entry in syn.entries(right):
                why = _head(data, entry.value, depth + 1, seen)
                if why:
                    return why
            written = True
    if not written:  # a parameter's entry, or an array not written here
        given = _variable(data, table, depth, seen)
        return given or _unreadable(node, "an entry of an array not written here")
    return ""


def _globals_entry(data: bytes, node, depth: int, seen: set) -> str:
    """``$GLOBALS['base']``: every ``$GLOBALS['base'] = ...`` of the file and
    the file's own ``$base = ...``."""
    index = node.named_children[1] if len(node.named_children) > 1 else None
    key = syn.literal(index)
    if key is None:
        return _unreadable(node, "a global chosen at run time")
    root = node
    while root.parent is not None:
        root = root.parent
    values = []
    for current in syn.walk(root, into_scopes=True):
        if current.type != "assignment_expression":
            continue
        left = syn.unwrap(current.child_by_field_name("left"))
        if left is None:
            continue
        if (
            left.type == "subscript_expression"
            and left.named_children
            and left.named_children[0].text == b"$GLOBALS"
            and len(left.named_children) > 1
            and syn.literal(left.named_children[1]) == key
        ) or (
            left.text == b"$" + key.encode() and syn.scope_of(left).type == "program"
        ):
            values.append(current.child_by_field_name("right"))
    if not values:
        return _unreadable(node, "a global not set in this file")
    for value in values:
        why = _head(data, value, depth + 1, seen)
        if why:
            return why
    return ""


def _returned(data: bytes, call, depth: int, seen: set) -> str:
    """``base()``: what a function of the file returns."""
    name = syn.call_name(call)
    if not name:
        return ""
    root = call
    while root.parent is not None:
        root = root.parent
    for function in syn.walk(root, into_scopes=True):
        if function.type != "function_definition":
            continue
        own = function.child_by_field_name("name")
        if own is None or own.text.decode().lower() != name.lower():
            continue
        for statement in syn.walk(function):
            if statement.type == "return_statement" and statement.named_children:
                why = _head(data, statement.named_children[0], depth + 1, seen)
                if why:
                    return f"{name}(), which returns {why}"
        return ""
    return _unreadable(call, "what a function not declared in this file returns")


def _variable(data: bytes, node, depth: int, seen: set) -> str:
    name = syn.variable(node)
    scope = syn.scope_of(node)
    if scope is None or name is None:
        return ""
    assigned = []
    scopes = [scope]
    for use in syn.uses(scope, name):
        parent = use.parent
        if parent is not None and parent.type == "global_declaration":
            root = scope
            while root.parent is not None:
                root = root.parent
            scopes.append(root)  # global $base: the file's own assignments
    for current in scopes:
        for use in syn.uses(current, name):
            found = syn.assignment_of(use)
            parent = use.parent
            if found is not None and found[1] in ("=", "??="):
                assigned.append(found[0].child_by_field_name("right"))
            elif parent is not None and parent.type == "static_variable_declaration":
                value = parent.child_by_field_name("value")
                if value is not None:
                    assigned.append(value)
            elif found is None and _destructured(use):
                return _unreadable(use, "a variable set by destructuring")
    for value in assigned:
        found = _head(data, value, depth + 1, seen)
        if found:
            return found
    if assigned or name in ("_ENV", "_SERVER"):
        return ""
    if scope.type != "program" and name in syn.parameters(scope):
        return _parameter(data, scope, name, depth, seen)
    if name == "this":
        return ""
    return _unreadable(node, "a variable not set in this file")


def _destructured(use) -> bool:
    """``list($base) = ...`` / ``[$base] = ...``, ``foreach (... as $base)``."""
    parent = use.parent
    while parent is not None and parent.type in (
        "array_element_initializer",
        "list_literal",
        "array_creation_expression",
        "pair",
    ):
        if (
            parent.parent is not None
            and parent.parent.type == "assignment_expression"
            and (parent.parent.child_by_field_name("left") == parent)
        ):
            return True
        parent = parent.parent
    return parent is not None and parent.type == "foreach_statement"


def _parameter(data: bytes, function, name: str, depth: int, seen: set) -> str:
    """Why a parameter's callers may give another host."""
    label = _label(function)
    params = function.child_by_field_name("parameters")
    listed = [p for p in params.named_children if p.type != "comment"] if params else []
    index = next(
        (
            i
            for i, p in enumerate(listed)
            if p.child_by_field_name("name") is not None
            and p.child_by_field_name("name").text.decode().lstrip("$&.") == name
        ),
        None,
    )
    shown = f"${name}"
    if index is None or listed[index].type == "variadic_parameter":
        return _manual(shown, f"a parameter of {label} not followed")
    default = listed[index].child_by_field_name("default_value")
    if function.type in (
        "anonymous_function",
        "arrow_function",
        "anonymous_function_creation_expression",
    ):
        return _manual(shown, f"a parameter of a closure, whose callers cannot be seen")
    private = function.type == "method_declaration" and any(
        c.type == "visibility_modifier" and c.text == b"private"
        for c in function.children
    )
    if not private:
        return _manual(
            shown,
            f"a parameter of {label}, which its callers give (code in other files "
            "may call it too)",
        )
    from hapimigrate.foreign import php_flow as flow

    indirect = flow.indirect_use(function)
    if indirect:
        return _manual(shown, f"a parameter of {label}: {indirect}")
    callers = flow.helper_callers(function)
    if not callers:
        return _manual(
            shown, f"a parameter of {label}, which nothing in its class calls"
        )
    for call in callers:
        args = syn.arguments(call)
        line = call.start_point[0] + 1
        if args is None:
            return _manual(
                shown,
                f"the call on line {line} gives its arguments in a way not followed",
            )
        if any(
            a.type == "variadic_unpacking" or (a.text or b"").startswith(b"...")
            for a in args
        ):
            return _manual(shown, f"the call on line {line} spreads its arguments")
        named = [a for a in args if a.child_by_field_name("name") is not None]
        if named:
            return _manual(shown, f"the call on line {line} names its arguments")
        given = syn.value(args[index]) if index < len(args) else default
        if given is None:
            return _manual(shown, f"the call on line {line} gives no value for it")
        # a value the caller reads at run time itself is judged as any URL is
        # (its path must be HubSpot's); one it is given is followed
        why = _written_host(
            data, given, f"the call on line {line}", depth, seen, given=False
        )
        if why:
            return _manual(shown, why)
    return ""


def _written_host(
    data: bytes, value, where: str, depth: int, seen: set, given: bool = True
) -> str:
    """Why ``value`` (a caller's argument, a property's value) is not a
    HubSpot URL written in the code; "". A value the code itself reads at run
    time (``getenv('HUBSPOT_BASE')``, not ``given`` by a caller) is left to
    the host rules of any other URL."""
    inner = _head(data, value, depth + 1, seen)
    if inner:
        return f"{where} gives {syn.shown(value, 40)}, and {inner}"
    template = php_urls.template(data, value)
    host = hubspot.host(template) if template else None
    if host is None:
        if not given:
            return ""
        return f"{where} gives {syn.shown(value, 40)}, a value known only at run time"
    if not hubspot.is_hubspot_host(host):
        return f"{where} gives {host}, not HubSpot's host"
    return ""


def _property(data: bytes, node, depth: int, seen: set) -> str:
    """``$this->base``: every value the class gives it, and the file's writes
    from outside when it is not private."""
    obj, prop = node.child_by_field_name("object"), node.child_by_field_name("name")
    if obj is None or prop is None or obj.text != b"$this" or prop.type != "name":
        return ""
    cls = _class_of(node)
    if cls is None:
        return ""
    name = prop.text.decode()
    shown = f"$this->{name}"
    values, private = [], False
    declared = False
    for current in syn.walk(cls, into_scopes=True):
        if current.type == "property_declaration":
            element = next(
                (
                    e
                    for e in current.named_children
                    if e.type == "property_element"
                    and e.child_by_field_name("name") is not None
                    and e.child_by_field_name("name").text == b"$" + name.encode()
                ),
                None,
            )
            if element is not None and _class_of(current) == cls:
                declared = True
                private = any(
                    c.type == "visibility_modifier" and c.text == b"private"
                    for c in current.children
                )
                if any(c.type == "static_modifier" for c in current.children):
                    return ""
                default = element.child_by_field_name("default_value")
                if default is not None:
                    values.append(
                        (default, f"its default (line {default.start_point[0] + 1})")
                    )
        elif current.type == "property_promotion_parameter":
            param = current.child_by_field_name("name")
            if param is not None and param.text == b"$" + name.encode():
                declared = True
                private = any(
                    c.type == "visibility_modifier" and c.text == b"private"
                    for c in current.children
                )
                return _manual(
                    shown,
                    f"set by the constructor's promoted parameter ${name} (line "
                    f"{current.start_point[0] + 1}), which callers of new "
                    f"{_name(cls)}(...) give (code in other files may make one)",
                )
        elif current.type in (
            "assignment_expression",
            "augmented_assignment_expression",
        ):
            if syn.is_this_property(current.child_by_field_name("left"), name.encode()):
                line = current.start_point[0] + 1
                if current.type != "assignment_expression":
                    return _manual(shown, f"changed on line {line}")
                right = current.child_by_field_name("right")
                values.append((right, f"the assignment on line {line}"))
    for value, where in values:
        why = _written_host(data, value, where, depth, seen, given=False)
        if why:
            return _manual(shown, why)
    if not private:
        root = cls
        while root.parent is not None:
            root = root.parent
        outside = _written_outside(root, cls, name)
        if outside:
            return _manual(shown, outside)
        if not declared and not values:
            return _manual(shown, f"not set in the class {_name(cls)}")
    elif not values:
        return _manual(shown, f"not set in the class {_name(cls)}")
    return ""


def _written_outside(root, cls, name: str) -> str:
    """A write of ``->name`` outside the class, or a subclass in the file
    redeclaring it."""
    for current in syn.walk(root, into_scopes=True):
        if current.type == "assignment_expression":
            left = current.child_by_field_name("left")
            if (
                left is not None
                and left.type
                in ("member_access_expression", "nullsafe_member_access_expression")
                and left.child_by_field_name("name") is not None
                and left.child_by_field_name("name").text == name.encode()
                and _class_of(current) != cls
            ):
                return (
                    f"set on an instance on line {current.start_point[0] + 1} "
                    f"({syn.shown(current, 40)})"
                )
        elif current.type == "class_declaration" and current != cls:
            base = current.child_by_field_name("base_clause") or next(
                (c for c in current.children if c.type == "base_clause"), None
            )
            if base is not None and _name(cls).encode() in (base.text or b""):
                for inner in syn.walk(current, into_scopes=True):
                    if (
                        inner.type == "property_element"
                        and inner.child_by_field_name("name") is not None
                        and inner.child_by_field_name("name").text
                        == b"$" + name.encode()
                    ):
                        return (
                            f"redeclared by the subclass {_name(current)} (line "
                            f"{inner.start_point[0] + 1})"
                        )
    return ""


def _static_property(data: bytes, node, depth: int, seen: set) -> str:
    """``self::$base`` / ``static::$base`` / ``Client::$base``: any assignment
    in the file is another value it may hold."""
    name = node.child_by_field_name("name")
    if name is None:
        return ""
    wanted = name.text
    root = node
    while root.parent is not None:
        root = root.parent
    shown = syn.shown(node, 40)
    scope = node.named_children[0] if node.named_children else None
    cls = _class_of(node)
    if scope is not None and scope.text == b"static" and cls is not None:
        for current in syn.walk(root, into_scopes=True):
            if current.type != "class_declaration" or current == cls:
                continue
            base = next((c for c in current.children if c.type == "base_clause"), None)
            if base is None or _name(cls).encode() not in (base.text or b""):
                continue
            for inner in syn.walk(current, into_scopes=True):
                if (
                    inner.type == "property_element"
                    and inner.child_by_field_name("name") is not None
                    and inner.child_by_field_name("name").text.lstrip(b"$")
                    == wanted.lstrip(b"$")
                ):
                    return _manual(
                        shown,
                        f"redeclared by the subclass {_name(current)} (line "
                        f"{inner.start_point[0] + 1})",
                    )
    for current in syn.walk(root, into_scopes=True):
        if current.type in ("assignment_expression", "augmented_assignment_expression"):
            left = current.child_by_field_name("left")
            if (
                left is not None
                and left.type == "scoped_property_access_expression"
                and left.child_by_field_name("name") is not None
                and left.child_by_field_name("name").text == wanted
            ):
                line = current.start_point[0] + 1
                if current.type != "assignment_expression":
                    return _manual(shown, f"changed on line {line}")
                why = _written_host(
                    data,
                    current.child_by_field_name("right"),
                    f"the assignment on line {line}",
                    depth,
                    seen,
                    given=False,
                )
                return _manual(
                    shown,
                    why
                    or f"a static property given another value on line {line} "
                    "(code in other files may set it too)",
                )
    return ""


def _class_constant(node) -> str:
    """``static::BASE``: a subclass in the file may redeclare it."""
    scope = node.child_by_field_name("scope") or (
        node.named_children[0] if node.named_children else None
    )
    if scope is None or scope.text != b"static":
        return ""
    cls = _class_of(node)
    if cls is None:
        return ""
    name = node.named_children[-1].text if node.named_children else b""
    root = cls
    while root.parent is not None:
        root = root.parent
    for current in syn.walk(root, into_scopes=True):
        if current.type == "class_declaration" and current != cls:
            base = next((c for c in current.children if c.type == "base_clause"), None)
            if base is None or _name(cls).encode() not in (base.text or b""):
                continue
            for inner in syn.walk(current, into_scopes=True):
                if (
                    inner.type == "const_element"
                    and inner.named_children
                    and (inner.named_children[0].text == name)
                ):
                    return _manual(
                        syn.shown(node, 40),
                        f"redeclared by the subclass {_name(current)} (line "
                        f"{inner.start_point[0] + 1})",
                    )
    return ""


def _class_of(node):
    current = node.parent
    while current is not None and current.type not in (
        "class_declaration",
        "trait_declaration",
        "anonymous_class",
    ):
        current = current.parent
    return current


def _name(node) -> str:
    name = node.child_by_field_name("name") if node is not None else None
    return name.text.decode() if name is not None else "the class"


def _label(function) -> str:
    name = function.child_by_field_name("name")
    if name is None:
        return "a closure"
    if function.type == "method_declaration":
        cls = _class_of(function)
        return f"{_name(cls)}::{name.text.decode()}()"
    return f"{name.text.decode()}()"


def _manual(shown: str, why: str) -> str:
    return f"{shown}, {why}"


def _wrapped(found: str) -> str:
    return (
        f"the URL's host comes from {found}; the token would go wherever that "
        "sends it, so migrate by hand"
    )
