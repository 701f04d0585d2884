"""Where a Guzzle client the file makes with a default ``'query'`` (the key)
sends its requests: the default becomes a default ``Authorization`` header,
which goes with every request of the client, so every one must be seen going to
HubSpot. The client must be kept in a variable or a property of its class, and
every use of it there must be a request with a URL relative to its HubSpot
``base_uri`` or naming a HubSpot host. A client handed on (returned, passed,
stored elsewhere, made global, read from outside its class), given a URL known
only at run time, or sending a prepared request is a reason a person migrates it."""

from __future__ import annotations

from hapimigrate import hubspot
from hapimigrate.foreign import php_flow as flow
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.foreign import php_urls
from hapimigrate.foreign.php_requests import auth_option

# methods of a Guzzle client that send no request
HARMLESS = frozenset({"getconfig"})


def reach(src: syn.Source, creation, base) -> str:
    """Why the default header of the client ``creation`` makes could reach
    another host, or ""."""
    host = hubspot.host(php_urls.template(src.data, base)) if base is not None else None
    if host is None:
        return (
            "the client has no literal base_uri: its default header could go to "
            "other hosts"
        )
    if not hubspot.is_hubspot_host(host):
        return ""  # the host check says it
    assignment = creation.parent
    while assignment is not None and assignment.type == "parenthesized_expression":
        assignment = assignment.parent
    if assignment is None or assignment.type != "assignment_expression":
        return (
            "the client is handed on where it is made (returned or passed): its "
            "default header would go wherever it is used"
        )
    left = assignment.child_by_field_name("left")
    uses = _uses(src, left, assignment)
    if isinstance(uses, str):
        return uses
    for use in uses:
        reason = _use(src, use)
        if reason:
            return reason
    return ""


def _line(node) -> int:
    return node.start_point[0] + 1


def _uses(src: syn.Source, left, assignment) -> list | str:
    """The reads of the client's variable or property, or why they cannot all
    be seen."""
    name = syn.variable(left)
    if name is not None:
        scope = syn.scope_of(assignment)
        root = scope
        while root.parent is not None:
            root = root.parent
        for node in syn.walk(root, into_scopes=True):
            if node.type == "global_declaration" and any(
                v.text.decode()[1:] == name for v in node.named_children
            ):
                return (
                    f"the client ${name} is read as a global elsewhere: its default "
                    "header would go wherever it is used"
                )
        for node in syn.walk(scope, into_scopes=True):
            if (
                node.type == "variable_name"
                and node.text.decode()[1:] == name
                and syn.scope_of(node).id != scope.id
                and _closure_in(node, scope)
            ):
                return (
                    f"the client ${name} is used in a closure (line {_line(node)}): "
                    "its default header would go wherever that is called"
                )
        return [u for u in syn.uses(scope, name) if syn.assignment_of(u) is None]
    obj = (
        left.child_by_field_name("object")
        if left.type == "member_access_expression"
        else None
    )
    prop = left.child_by_field_name("name") if obj is not None else None
    if obj is None or obj.text != b"$this" or prop is None or prop.type != "name":
        return (
            f"the client is stored in {' '.join(src.text(left).split())}, whose "
            "uses hapimigrate does not follow"
        )
    cls = left.parent
    while cls is not None and cls.type != "class_declaration":
        cls = cls.parent
    if cls is None:
        return "the client is stored in a property outside a class hapimigrate sees"
    root = cls
    while root.parent is not None:
        root = root.parent
    found = []
    for node in syn.walk(root, into_scopes=True):
        if node.type not in (
            "member_access_expression",
            "nullsafe_member_access_expression",
        ):
            continue
        named = node.child_by_field_name("name")
        if named is None or named.text != prop.text:
            continue
        inside = cls.start_byte <= node.start_byte < cls.end_byte
        owner = node.child_by_field_name("object")
        if not inside or owner is None or owner.text != b"$this":
            return (
                f"the client $this->{prop.text.decode()} is also read outside its "
                f"class (line {_line(node)}): its default header would go wherever "
                "it is used"
            )
        if syn.assignment_of(node) is None:
            found.append(node)
    return found


def _closure_in(node, scope) -> bool:
    """Whether ``node`` sits in a closure or arrow function of ``scope`` (not
    in a named function or class of its own)."""
    current = node.parent
    while current is not None and current.id != scope.id:
        if current.type in (
            "function_definition",
            "method_declaration",
            "class_declaration",
        ):
            return False
        current = current.parent
    return current is not None


def _use(src: syn.Source, use) -> str:
    parent = use.parent
    line = _line(use)
    if (
        parent is not None
        and parent.type in ("member_call_expression", "nullsafe_member_call_expression")
        and parent.child_by_field_name("object").id == use.id
    ):
        method = parent.child_by_field_name("name").text.decode().lower()
        if method in HARMLESS:
            return ""
        if method not in flow.GUZZLE_METHODS:
            return (
                f"the client sends a request with ->{method}() on line {line}, "
                "whose URL hapimigrate does not see"
            )
        args = syn.arguments(parent)
        index = 1 if method.startswith("request") else 0
        if args is None or index >= len(args):
            return f"the request on line {line} has no URL hapimigrate can read"
        url = syn.value(args[index])
        template = php_urls.template(src.data, url)
        if template.startswith("{"):
            shown = syn.shown(src.text(url), 40)
            return (
                f"the client is given a URL known only at run time on line {line} "
                f"({shown}): an absolute URL there would take the token to another host"
            )
        other = hubspot.host(
            "https:" + template if template.startswith("//") else template
        )
        if other is not None and not hubspot.is_hubspot_host(other):
            return (
                f"the client also sends requests to {other}: its default "
                "header would go there too"
            )
        return ""
    return (
        f"the client is handed on on line {line} "
        f"({syn.shown(src.text(parent or use), 50)}): its default header "
        "would go wherever it is used"
    )


def creations(src: syn.Source, root, call) -> list | None:
    """The option arrays of every ``new Client([...])`` the file gives the
    receiver of a request; None when one is given something else (or no
    literal options)."""
    receiver = call.child_by_field_name("object")
    if receiver is None:
        return None
    wanted = flow.receiver_text(src, receiver)
    found = []
    for node in syn.walk(root, into_scopes=True):
        if node.type != "assignment_expression":
            continue
        left = node.child_by_field_name("left")
        if left is None or flow.receiver_text(src, left) != wanted:
            continue
        right = syn.unwrap(node.child_by_field_name("right"))
        if right is None or right.type != "object_creation_expression":
            return None
        args = syn.arguments(right)
        options = syn.unwrap(syn.value(args[0])) if args else None
        if not syn.is_array(options) or syn.entries(options) is None:
            return None
        found.append(options)
    return found


def default_auth(src: syn.Source, root, call) -> str:
    """Why the client a request is sent with authenticates by default."""
    for options in creations(src, root, call) or ():
        reason = auth_option(options)
        if reason:
            return reason.replace("the request", "the client", 1)
        headers = syn.entry(options, "headers")
        if headers is not None and "authorization" in src.text(headers.value).lower():
            return "the client already sends an Authorization header by default"
    return ""


def base_of(src: syn.Source, root, call) -> str | None:
    """The ``base_uri`` template of the client a request is sent with, when
    every ``new Client([...])`` the file gives its receiver writes the same one;
    None otherwise."""
    bases = set()
    for options in creations(src, root, call) or [None]:
        base = syn.entry(options, "base_uri") if options is not None else None
        if base is None:
            return None
        bases.add(php_urls.template(src.data, base.value))
    return bases.pop() if len(bases) == 1 else None
