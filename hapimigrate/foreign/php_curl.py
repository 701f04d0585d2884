"""The ``Authorization`` header on a curl request: added to the
``CURLOPT_HTTPHEADER`` array already set on the handle (directly or through a
variable), to the ``curl_setopt_array`` options, or set by a new ``curl_setopt``
after the handle gets its URL. The handle is followed in its function (split
where one variable holds several handles in straight-line code); a handle given
other URLs, other credentials, headers set twice, or passed to code that may set
them leaves the site for a person."""

from __future__ import annotations

from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign.php_flow import Attached, Sink, Style
from hapimigrate.foreign.php_values import literal_array, method_value
from hapimigrate.foreign.splice import Edit

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


def curl(style: Style, sink: Sink) -> Attached:
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
    block = None  # where the handle is made
    segment = _handle_segment(scope, handle, call)
    if isinstance(segment, str):
        return Attached(reason=segment)
    for use in syn.uses(scope, handle):
        if not segment[0] <= use.start_byte < segment[1]:
            continue  # another handle kept in the same variable
        assigned = syn.assignment_of(use)
        if assigned is not None:
            created += 1
            block = _block(assigned[0])
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
        if user_name in ("curl_reset", "curl_copy_handle"):
            return Attached(
                reason=f"the curl handle goes through {user_name}(), which drops or "
                "copies its headers"
            )
        settings = []
        setter = user
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
                headers.append((value, setter))
            elif option_name == "CURLOPT_URL":
                urls += 1
            elif option_name == "CURLOPT_CUSTOMREQUEST":
                method = method_value(value) or "?"  # ?: known at run time
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
    if not created:
        return Attached(
            method=method,
            reason=f"the curl handle ${handle} is made outside this function, where "
            "its headers may be set",
        )
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
    if headers and _block(headers[0][1]) != block:
        return Attached(
            method=method,
            reason="the curl handle's headers are set only on some paths: a header "
            "added there would be missing on the others",
        )
    if headers:
        found = literal_array(style, headers[0][0], "headers")
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
    if options_array is not None and _block(call) != block:
        return Attached(
            method=method,
            reason="the curl options are set only on some paths: a header added "
            "there would be missing on the others",
        )
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
    handles is only split so when every use follows, inside the same block (a
    loop body, a branch, the function), the assignment it reads."""
    uses = syn.uses(scope, handle)
    assignments = [syn.assignment_of(u)[0] for u in uses if syn.assignment_of(u)]
    if len(assignments) <= 1:
        return 0, 1 << 62
    if any(a.parent.type != "expression_statement" for a in assignments):
        return f"${handle} holds more than one curl handle in this function"
    for use in uses:
        if syn.assignment_of(use) is not None:
            continue
        governing = [a for a in assignments if a.end_byte <= use.start_byte]
        if not governing:
            return f"${handle} is used before it holds a curl handle"
        block = governing[-1].parent.parent
        if not block.start_byte <= use.start_byte < block.end_byte:
            return f"${handle} holds more than one curl handle in this function"
    starts = [a.start_byte for a in assignments]
    before = [x for x in starts if x <= call.start_byte]
    if not before or call.parent is None:
        return f"${handle} is used before it holds a curl handle"
    start = max(before)
    after = [x for x in starts if x > start]
    return start, (min(after) if after else 1 << 62)


def _block(node):
    """The block (function body, ``if`` branch, file) a statement or expression
    runs in: its statement's parent."""
    statement = node
    while statement is not None and statement.type != "expression_statement":
        statement = statement.parent
    return statement.parent if statement is not None else None
