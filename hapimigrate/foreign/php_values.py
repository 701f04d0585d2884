"""What a PHP variable holds where a request reads it: its one assignment in the
function and the ``$name[...] = ...`` writes after it, or why that cannot be known
(a parameter, several assignments, code that may change it, another request that
also uses it); and the HTTP method a value names."""

from __future__ import annotations

from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign.php_flow import Style, displayed


def assigned(style: Style, node):
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
            if call.type != "function_call_expression" or by_reference(call, parent):
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


def by_reference(call, argument) -> bool:
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


def literal_array(style: Style, node, what: str):
    """The array literal ``node`` is, or holds through one assignment:
    ``(array, writes)`` or a reason."""
    node = syn.unwrap(node)
    if syn.is_array(node):
        return node, []
    if syn.variable(node) is not None:
        found = assigned(style, node)
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


def method_value(node) -> str | None:
    """``GET`` for a literal; ``$method`` for a parameter of the function (its
    callers tell: see ``php._helper_method``); None otherwise."""
    text = syn.literal(syn.unwrap(node))
    if text:
        return text.upper()
    name = syn.variable(node)
    if name is not None and name in syn.parameters(syn.scope_of(node)):
        return f"${name}"
    return None
