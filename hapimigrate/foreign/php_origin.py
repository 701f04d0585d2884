"""Whether a PHP key expression is the one configured key, which the token may
replace: an allow-list. Configuration is ``getenv('X')``, ``$_ENV['X']``,
``$_SERVER['X']``, Laravel's ``env('X')``/``config('x.y')``/``Config::get``,
WordPress ``get_option('x')``, Symfony's ``getParameter('x')``, a constant, a
literal, and a variable or ``$this->property`` given one of those once and never
again (``trim()``/``urlencode()`` of one, ``?:``/``??`` fallbacks between them).

Everything else is a reason a person migrates the site: a parameter (the
caller's credential), request input (``$_GET``), a loop variable (several
portals), a key assigned on several paths or chosen by a ternary (a sandbox and
a production portal), an element or property of something (a database row, a
decoded request, a config array handed in), a call's result. One token for any
of those would send the same portal's token for every one of them."""

from __future__ import annotations

from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign.php_values import by_reference

# functions whose literal first argument names a setting of the deployment
CONFIG_FUNCTIONS = frozenset(
    {"getenv", "env", "config", "get_option", "get_site_option", "constant"}
)

# facades and methods that read a setting by its literal name
CONFIG_CLASSES = frozenset({"config", "env", "illuminate\\support\\facades\\config"})
CONFIG_METHODS = frozenset({"getparameter", "getenv"})

# functions that hand back their argument's value, changed in form only
SAME_VALUE = frozenset(
    {"trim", "rtrim", "ltrim", "urlencode", "rawurlencode", "strval", "stripslashes"}
)

CONFIG_GLOBALS = frozenset({"_ENV", "_SERVER"})
REQUEST_GLOBALS = frozenset({"_GET", "_POST", "_REQUEST", "_COOKIE", "_FILES"})

CALLER = "it is the caller's credential; migrate the callers to pass access tokens"


def origin(src: syn.Source, key, depth: int = 0) -> str:
    """ "" when ``key`` is the configured key; else why it is not."""
    key = syn.unwrap(key)
    if key is None:
        return ""  # the key is written inside the URL itself
    if depth > 6:
        return "the key goes through too many steps to follow: migrate it by hand"
    shown = _short(src, key)
    if syn.literal(key) is not None or key.type in ("integer", "float"):
        return ""
    if key.type == "cast_expression":
        return origin(src, key.named_children[-1], depth + 1)
    if key.type in ("throw_expression", "exit_statement") or syn.call_name(key) in (
        "die",
        "exit",
    ):
        return ""  # getenv('K') ?: die('no key'): the run stops, no key is sent
    if key.type == "binary_expression":
        operator = key.child_by_field_name("operator")
        if operator is not None and operator.type in ("?:", "??"):
            return origin(src, key.child_by_field_name("left"), depth + 1) or origin(
                src, key.child_by_field_name("right"), depth + 1
            )
    if key.type == "conditional_expression":
        return _conditional(src, key, depth)
    if key.type == "function_call_expression":
        return _function(src, key, depth)
    if key.type in ("scoped_call_expression", "member_call_expression"):
        if _reads_setting(key):
            return ""
    if key.type == "variable_name":
        return _variable(src, key, syn.variable(key), depth)
    if (
        key.type == "dynamic_variable_name"  # "${key}" in a string
        and len(key.named_children) == 1
        and key.named_children[0].type == "name"
    ):
        return _variable(src, key, key.named_children[0].text.decode(), depth)
    if key.type == "member_access_expression":
        return _member(src, key, depth)
    if key.type == "subscript_expression":
        return _subscript(src, key)
    if key.type in ("name", "qualified_name", "class_constant_access_expression"):
        if _defined_more_than_once(key):
            return (
                f"the constant {shown} is defined more than once (which key is "
                "sent is decided at run time); migrate it by hand"
            )
        value = syn.constant_value(key)
        # a constant has one value per run; one defined elsewhere is configuration
        return origin(src, value, depth + 1) if value is not None else ""
    return (
        f"the key comes from {shown}, which hapimigrate does not follow: "
        "migrate it by hand"
    )


def _defined_more_than_once(node) -> bool:
    """Whether the file defines the constant ``node`` reads in several places
    (``define()`` in two branches)."""
    name = node.text.decode().split("::")[-1].strip().lstrip("\\")
    root = node
    while root.parent is not None:
        root = root.parent
    count = 0
    for found in syn.walk(root, into_scopes=True):
        if syn.call_name(found) == "define":
            args = syn.arguments(found) or []
            if args and syn.literal(syn.value(args[0])) == name:
                count += 1
        elif found.type == "const_element" and found.named_children:
            if found.named_children[0].text.decode() == name:
                count += 1
    return count > 1


def _short(src: syn.Source, node) -> str:
    return syn.shown(src.text(node))


def _literal_first(call) -> bool:
    args = syn.arguments(call)
    return bool(args) and syn.literal(syn.value(args[0])) is not None


def _function(src: syn.Source, call, depth: int) -> str:
    name = syn.call_name(call).rsplit("\\", 1)[-1]
    args = syn.arguments(call) or []
    if name in CONFIG_FUNCTIONS and _literal_first(call):
        if name == "get_option" and _switches_blogs(call):
            return (
                "the file switches WordPress sites (switch_to_blog): get_option() "
                "may read another site's key; migrate it by hand"
            )
        if name == "env" and len(args) > 1:  # env('X', default)
            return origin(src, syn.value(args[1]), depth + 1)
        if name in ("config", "get_option", "get_site_option") and len(args) > 1:
            return origin(src, syn.value(args[1]), depth + 1)
        return ""
    if name in SAME_VALUE and args:
        return origin(src, syn.value(args[0]), depth + 1)
    shown = name or _short(src, call)
    return (
        f"the key comes from {shown}(), which hapimigrate does not follow "
        "(a database, a request, another portal?): migrate it by hand"
    )


def _switches_blogs(node) -> bool:
    root = node
    while root.parent is not None:
        root = root.parent
    return b"switch_to_blog" in root.text


def _reads_setting(call) -> bool:
    """``Config::get('services.hubspot.key')``, ``$this->getParameter('x')``,
    ``$this->config->get('x')``."""
    if not _literal_first(call):
        return False
    name = call.child_by_field_name("name")
    method = name.text.decode().lower() if name is not None else ""
    if call.type == "scoped_call_expression":
        scope = syn.name_of(call.child_by_field_name("scope")).lower()
        return scope in CONFIG_CLASSES and method == "get"
    if method in CONFIG_METHODS:
        return True
    receiver = call.child_by_field_name("object")
    last = receiver.text.decode().rsplit("->", 1)[-1] if receiver is not None else ""
    return method == "get" and "config" in last.lower()


def _conditional(src: syn.Source, node, depth: int) -> str:
    condition = node.child_by_field_name("condition")
    body = node.child_by_field_name("body")
    alternative = node.child_by_field_name("alternative")
    if body is None:  # a ?: b
        return origin(src, condition, depth + 1) or origin(src, alternative, depth + 1)
    # isset($x) ? $x : default, defined('K') ? K : getenv('K'): a fallback
    if condition is not None and src.text(body).strip() in src.text(condition):
        return origin(src, body, depth + 1) or origin(src, alternative, depth + 1)
    return (
        f"the key is chosen at run time ({_short(src, node)}): one token for "
        "both keys would send the same portal's token for each; migrate it by hand"
    )


def writes(scope, name: str) -> list[tuple[object, str]]:
    """Every write of ``$name`` in a scope: ``(node, how)``, ``how`` being the
    assignment operator, ``foreach``, ``list``, ``reference``, ``static`` or
    ``global`` (the variable of the file's top brought in)."""
    found = []
    for use in syn.uses(scope, name):
        assigned = syn.assignment_of(use)
        if assigned is not None:
            found.append((assigned[0], assigned[1]))
            continue
        parent = use.parent
        if parent is None:
            continue
        if parent.type == "foreach_statement" or (
            parent.type in ("pair", "by_ref") and _in_foreach_head(parent)
        ):
            found.append((parent, "foreach"))
        elif parent.type in ("list_literal", "array_element_initializer") and (
            _in_assignment_left(parent)
        ):
            found.append((parent, "list"))
        elif parent.type == "static_variable_declaration":
            found.append((parent, "static"))
        elif parent.type == "global_declaration":
            found.append((parent, "global"))
        elif parent.type == "by_ref":
            found.append((parent, "reference"))
        elif parent.type == "argument":
            call = parent.parent.parent
            if call.type == "function_call_expression" and by_reference(call, parent):
                found.append((parent, "reference"))
    return found


def _in_foreach_head(node) -> bool:
    while node is not None and node.type in ("pair", "by_ref"):
        node = node.parent
    return node is not None and node.type == "foreach_statement"


def _in_assignment_left(node) -> bool:
    while node is not None and node.type in (
        "list_literal",
        "array_element_initializer",
        "array_creation_expression",
    ):
        parent = node.parent
        if parent is not None and parent.type == "assignment_expression":
            left = parent.child_by_field_name("left")
            return left is not None and left.id == node.id
        node = parent
    return False


def _variable(src: syn.Source, key, name: str, depth: int) -> str:
    if name == "this":
        return "the key is the object itself: migrate it by hand"
    scope = syn.scope_of(key)
    if name in syn.parameters(scope):
        return f"the key comes in as parameter ${name}: {CALLER}"
    found = writes(scope, name)
    if not found or {how for _, how in found} == {"global"}:
        found = _outer_writes(scope, name)
        if found is None:
            return (
                f"${name} is not assigned where the key is read: its value comes "
                "from code hapimigrate does not see; migrate it by hand"
            )
        if isinstance(found, str):
            return found
    kinds = {how for _, how in found}
    if "foreach" in kinds:
        return (
            f"the key ${name} is a loop variable: each pass may send another "
            "portal's key, and one token for all would mix them up; migrate it by hand"
        )
    if len(found) > 1 or kinds != {"="}:
        return (
            f"the key ${name} is assigned more than once (which key is sent is "
            "decided at run time: a sandbox or another portal?); migrate it by hand"
        )
    return origin(src, found[0][0].child_by_field_name("right"), depth + 1)


def _outer_writes(scope, name: str):
    """The writes of ``$name`` in the code around a closure (``use ($name)``, an
    arrow function) or at the top of the file for ``global $name``; None when
    the variable is not brought in from there."""
    if scope.type in (
        "anonymous_function",
        "anonymous_function_creation_expression",
        "arrow_function",
    ):
        outer = syn.scope_of(scope)
        if name in syn.parameters(outer):
            return f"the key comes in as parameter ${name}: {CALLER}"
        return writes(outer, name) or None
    if not any(how == "global" for _, how in writes(scope, name)):
        return None
    root = scope
    while root.parent is not None:
        root = root.parent
    return writes(root, name) or None


def _class_of(node):
    cls = node.parent
    while cls is not None and cls.type not in (
        "class_declaration",
        "trait_declaration",
    ):
        cls = cls.parent
    return cls


def _member(src: syn.Source, key, depth: int) -> str:
    obj = key.child_by_field_name("object")
    prop = key.child_by_field_name("name")
    shown = _short(src, key)
    if obj is None or prop is None or prop.type != "name":
        return f"the key comes from {shown}, which hapimigrate does not follow"
    if obj.text != b"$this":
        holder = syn.variable(obj)
        if holder is not None and holder in syn.parameters(syn.scope_of(key)):
            return f"the key is read from parameter ${holder} ({shown}): {CALLER}"
        return (
            f"the key comes from {shown}, whose value hapimigrate does not follow "
            "(each object may hold another portal's key): migrate it by hand"
        )
    cls = _class_of(key)
    if cls is None or cls.type != "class_declaration":
        return f"the key comes from {shown} in code hapimigrate does not follow"
    name = prop.text.decode()
    assigned = []
    for node in syn.walk(cls, into_scopes=True):
        if node.type == "property_promotion_parameter":
            declared = node.child_by_field_name("name")
            if declared is not None and declared.text.decode()[1:] == name:
                return f"{shown} is a constructor parameter: {CALLER}"
        if node.type not in (
            "assignment_expression",
            "augmented_assignment_expression",
        ):
            continue
        left = node.child_by_field_name("left")
        if (
            left is not None
            and left.type == "member_access_expression"
            and left.child_by_field_name("object") is not None
            and left.child_by_field_name("object").text == b"$this"
            and left.child_by_field_name("name") is not None
            and left.child_by_field_name("name").text == prop.text
        ):
            assigned.append(node)
    for node in assigned:
        right = syn.variable(node.child_by_field_name("right"))
        method = syn.scope_of(node)
        if right is not None and right in syn.parameters(method):
            where = syn.enclosing(node.child_by_field_name("right")) or "a method"
            return f"{shown} is set from a parameter of {where}: {CALLER}"
    if _set_from_outside(cls, name):
        return (
            f"{shown} is also set from outside its class: each object may hold "
            "another portal's key; migrate it by hand"
        )
    held = syn.property_value(key)
    if held is None:
        return (
            f"{shown} is not given one value in its class (none, or several: "
            "which key is sent is decided at run time); migrate it by hand"
        )
    found = origin(src, held, depth + 1)
    if found and assigned:
        where = syn.enclosing(assigned[0].child_by_field_name("right")) or "a method"
        return f"{shown} is set in {where}: " + found[0].lower() + found[1:]
    return found


def _set_from_outside(cls, name: str) -> bool:
    """Whether code outside the class writes ``->name`` on some object (a
    public property filled by its users), or a subclass of it does."""
    root = cls
    while root.parent is not None:
        root = root.parent
    for node in syn.walk(root, into_scopes=True):
        if node.type not in (
            "assignment_expression",
            "augmented_assignment_expression",
        ):
            continue
        left = node.child_by_field_name("left")
        if left is None or left.type != "member_access_expression":
            continue
        prop = left.child_by_field_name("name")
        if prop is None or prop.text.decode() != name:
            continue
        inside = node.start_byte >= cls.start_byte and node.end_byte <= cls.end_byte
        obj = left.child_by_field_name("object")
        if not inside or (obj is not None and obj.text != b"$this"):
            return True
    return False


def _settings(src: syn.Source, node) -> bool:
    """Whether ``node`` is a setting read whole (``get_option('hubspot')``,
    ``config('services.hubspot')``), directly or through a variable given it
    once and never changed (not even one field of it)."""
    node = syn.unwrap(node)
    if node is None:
        return False
    if node.type == "function_call_expression":
        return syn.call_name(node).rsplit("\\", 1)[
            -1
        ] in CONFIG_FUNCTIONS and _literal_first(node)
    if node.type in ("scoped_call_expression", "member_call_expression"):
        return _reads_setting(node)
    name = syn.variable(node)
    if name is None:
        return False
    scope = syn.scope_of(node)
    if name in syn.parameters(scope):
        return False
    found = writes(scope, name)
    if len(found) != 1 or found[0][1] != "=":
        return False
    for use in syn.uses(scope, name):
        outer = use
        while outer.parent is not None and outer.parent.type == "subscript_expression":
            outer = outer.parent
        if outer is not use and syn.assignment_of(outer) is not None:
            return False  # $settings['api_key'] = ...
        if use.parent is not None and use.parent.type == "argument":
            call = use.parent.parent.parent
            if call.type != "function_call_expression" or by_reference(
                call, use.parent
            ):
                return False
    return _settings(src, found[0][0].child_by_field_name("right"))


def _subscript(src: syn.Source, key) -> str:
    base = key.named_children[0] if key.named_children else None
    index = key.named_children[1] if len(key.named_children) > 1 else None
    shown = _short(src, key)
    name = syn.variable(base)
    if name in CONFIG_GLOBALS and syn.literal(index) is not None:
        return ""
    if name in REQUEST_GLOBALS:
        return (
            f"the key comes from the request ({shown}): it is the caller's "
            "credential, not this program's; migrate it by hand"
        )
    root, literal_indices = key, True
    while root is not None and root.type == "subscript_expression":
        index_node = root.named_children[1] if len(root.named_children) > 1 else None
        literal_indices = literal_indices and syn.literal(index_node) is not None
        root = root.named_children[0] if root.named_children else None
    holder = syn.variable(root)
    if holder is not None and holder in syn.parameters(syn.scope_of(key)):
        return f"the key is read from parameter ${holder} ({shown}): {CALLER}"
    if literal_indices and _settings(src, root):
        return ""  # get_option('hubspot')['api_key']: a setting's field
    return (
        f"the key comes from {shown}, whose value hapimigrate does not follow "
        "(a database row, decoded input, another portal's settings?): migrate it by hand"
    )
