"""Where a JavaScript key value comes from, which decides what replaces it.

* configuration (``process.env.HAPIKEY``, a constant, an import, a config
  object's field, a literal): the provider's token replaces it;
* the caller (a function parameter, ``req.query.key``, ``this.apiKey``): the
  caller's credential stays the caller's, so the site is left for a person;
* a developer key by its name: kept;
* a key that takes several values (a loop variable, ``process.env[`HAPIKEY_${r}`]``,
  ``KEYS[region]``: several portals' keys one token cannot replace) and anything
  else (a call, a reassigned variable): left for a person.

``identity`` names a configured key so that two of them in one file (two
portals) are not collapsed into one token; it never holds a key's value.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from hapimigrate import hubspot
from hapimigrate.foreign.js_syntax import (
    Node,
    snippet,
    callee_parts,
    is_reassigned,
    member,
    member_value,
    references,
    resolve,
    string_value,
    text,
    unwrap,
    walk,
)
from hapimigrate.keys import is_plausible_key
from hapimigrate.model import UNPLACED_KEY

CONFIG, CALLER, DEVELOPER, UNKNOWN = "config", "caller", "developer", "unknown"


@dataclass(frozen=True)
class Origin:
    kind: str
    identity: str = ""
    label: str = ""
    hardcoded: bool = False
    reason: str = ""


def origin(node: Node | None) -> Origin:
    """Where the key expression ``node`` comes from."""
    found = _origin(node, 0)
    names = found.label + " " + (text(node) if node is not None else "")
    if found.kind in (CONFIG, CALLER) and hubspot.names_developer_key(names):
        return Origin(DEVELOPER, found.identity, found.label, found.hardcoded,
                      "a developer API key (by its name): developer keys are not sunset")  # fmt: skip
    return found


def literal_origin(value: str) -> Origin:
    digest = hashlib.sha256(value.encode()).hexdigest()[:12]
    return Origin(
        CONFIG,
        f"literal#{digest}",
        "a key written in the code",
        is_plausible_key(value),
    )


def _origin(node: Node | None, depth: int) -> Origin:
    node = unwrap(node)
    if node is None:
        return Origin(UNKNOWN, reason="the key's value is not written here")
    value = string_value(node)
    if value is not None:
        return literal_origin(value)
    env = _env_name(node)
    if env is not None:
        return Origin(CONFIG, f"env:{env}", f"process.env.{env}")
    if node.type in ("identifier", "shorthand_property_identifier"):
        return _name(node, depth)
    if node.type in ("member_expression", "subscript_expression"):
        return _member(node, depth)
    if node.type == "call_expression" and depth < 6:
        found = _call(node, depth)
        if found is not None:
            return found
    if node.type == "binary_expression":
        operator = node.child_by_field_name("operator")
        if operator is not None and text(operator) in ("||", "??"):
            parts = [
                _origin(node.child_by_field_name("left"), depth + 1),
                _origin(node.child_by_field_name("right"), depth + 1),
            ]
            for part in parts:
                if part.kind != CONFIG:
                    return part
            named = [p for p in parts if not p.identity.startswith("literal#")]
            first = (named or parts)[0]
            return Origin(
                CONFIG, first.identity, first.label, any(p.hardcoded for p in parts)
            )
    return Origin(
        UNKNOWN,
        reason=f"the key comes from {_short(node)}, which this tool does not follow",
    )


_SAME_VALUE = ("encodeURIComponent", "encodeURI", "String", "escape")


def _call(node: Node, depth: int) -> Origin | None:
    """``encodeURIComponent(KEY)`` is the key; ``config.get('hubspot.apiKey')``
    and ``this.configService.get('HUBSPOT_API_KEY')`` read the configuration."""
    parts = callee_parts(node)
    args = [
        c
        for c in (node.child_by_field_name("arguments") or node).named_children
        if c.type != "comment"
    ]
    function = node.child_by_field_name("function")
    if function is not None and function.type == "member_expression" and not args:
        prop = function.child_by_field_name("property")
        if prop is not None and text(prop) == "trim":
            return _origin(function.child_by_field_name("object"), depth + 1)
    if parts is None:
        return None
    if parts in ([name] for name in _SAME_VALUE) and len(args) == 1:
        return _origin(args[0], depth + 1)
    if (
        len(parts) >= 2
        and parts[-1] == "get"
        and "config" in parts[-2].lower()
        and args
    ):
        setting = string_value(args[0])
        if setting is not None:
            return Origin(
                CONFIG, f"config:{setting}", f"{'.'.join(parts)}('{setting}')"
            )
    return None


def _name(node: Node, depth: int) -> Origin:
    name = text(node)
    binding = resolve(node)
    if binding is None:  # a global: not compared with other keys (it may be any)
        return Origin(CONFIG, f"{UNPLACED_KEY}{name}", name)
    if binding.kind == "param":
        return Origin(
            CALLER,
            f"param:{name}",
            name,
            reason=f"the key comes from the caller (parameter {name}): callers must "
            "pass access tokens now; migrate by hand",
        )
    if binding.kind == "import":
        source = string_value(binding.value) or "?"
        unknown = _not_configuration(name, source)
        if unknown is not None:
            return unknown
        return Origin(CONFIG, f"import:{source}#{name}", name)
    if binding.kind == "loop":
        return Origin(
            UNKNOWN,
            reason=f"the key comes from the loop variable {name}: it takes one key after another "
            "(several portals?), and one token would replace them all; migrate by hand",
        )
    if binding.kind not in ("const", "let", "var"):
        return Origin(
            UNKNOWN, reason=f"the key is {name}, which is not a value this tool follows"
        )
    if binding.kind != "const" and is_reassigned(binding):
        return Origin(UNKNOWN, reason=f"the key variable {name} is assigned again")
    declarator = binding.declarator
    if binding.value is not None and binding.name.parent == declarator and depth < 6:
        inner = _origin(binding.value, depth + 1)
        if inner.kind == CONFIG and not inner.label:
            return Origin(CONFIG, inner.identity, name, inner.hardcoded)
        if inner.kind == CONFIG:
            return Origin(
                CONFIG, inner.identity, f"{name} ({inner.label})", inner.hardcoded
            )
        return inner
    # destructured: const { HAPIKEY } = process.env / = config / = req.query
    source = (
        unwrap(declarator.child_by_field_name("value"))
        if declarator is not None
        else None
    )
    if source is not None and text(source).replace(" ", "") == "process.env":
        return Origin(CONFIG, f"env:{name}", f"process.env.{name}")
    if source is not None and depth < 6:
        root = _origin(source, depth + 1) if source.type != "call_expression" else None
        if root is not None and root.kind == CALLER:
            return Origin(CALLER, root.identity, name, reason=root.reason)
        if root is not None and root.kind == UNKNOWN:
            return root
        module = _required_module(source) if source.type == "call_expression" else None
        if source.type == "call_expression":
            unknown = _not_configuration(name, module or _short(source))
            if unknown is not None:
                return unknown
    return Origin(
        CONFIG, f"field:{_short(source) if source is not None else '?'}.{name}", name
    )


# what reads the app's configuration (as in Python's analysis.origins): an
# imported name, or the module it comes from, that says so; state per request,
# user or tenant may hold each one's own key
_CONFIGURATION_WORD = re.compile(
    r"(?i)conf|setting|environ|(?:^|_)env(?:$|_)|secret|vault|param|option|"
    r"credential|keyring|dotenv|^cfg$|^variables?$|hubspot|hapikey|api_?key"
)
_PER_REQUEST_WORD = re.compile(
    r"(?i)session|tenant|current_?user|request|cookie|(?:^|_)users?(?:$|_)|"
    r"account|portal|customer|row|record"
)
_CONSTANT = re.compile(r"^_*[A-Z][A-Z0-9_]*$")


def _not_configuration(name: str, source: str) -> Origin | None:
    """Why a name another module gives (``import { tenant } from './ctx'``,
    ``const { row } = require('./db')``) is not taken for the configured key:
    state per request, user or tenant, or an object not known for the app's
    configuration; None for a configuration's name or module
    (``HUBSPOT_API_KEY``, ``./config``, ``settings``)."""
    module = source.rsplit("/", 1)[-1]
    if _PER_REQUEST_WORD.search(name) or _PER_REQUEST_WORD.search(module):
        return Origin(
            UNKNOWN,
            reason=f"the key comes from {name} (from {source}): state per request, "
            "user or tenant, which may hold each one's own key, not the configured "
            "one; migrate by hand",
        )
    if _CONSTANT.match(name) or _CONFIGURATION_WORD.search(name):
        return None
    if _CONFIGURATION_WORD.search(module):
        return None
    return Origin(
        UNKNOWN,
        reason=f"the key comes from {name}, a value of {source}, which this tool "
        "does not know for the app's configuration (it may differ per request, user "
        "or tenant); migrate by hand",
    )


def _required_module(call: Node) -> str | None:
    """``./ctx`` for ``require('./ctx')``."""
    if callee_parts(call) != ["require"]:
        return None
    args = [c for c in call.named_children if c.type == "arguments"]
    given = [c for c in args[0].named_children if c.type != "comment"] if args else []
    return string_value(given[0]) if given else None


def _member(node: Node, depth: int) -> Origin:
    root = node
    label = _short(node)
    while root is not None and root.type in (
        "member_expression",
        "subscript_expression",
    ):
        if root.type == "subscript_expression" and not _constant_index(root):
            return Origin(
                UNKNOWN,
                reason=f"the key ({label}) is picked at run time by "
                f"{_short(root.child_by_field_name('index'))}: it may be one of several "
                "keys (several portals?), and one token would replace them all; "
                "migrate by hand",
            )
        root = unwrap(root.child_by_field_name("object"))
    if root is None:
        return Origin(
            UNKNOWN,
            reason=f"the key comes from {label}, which this tool does not follow",
        )
    if root.type == "this" and node.type == "member_expression" and depth < 6:
        value = _class_field(node)
        if value is not None:
            inner = _origin(value, depth + 1)
            if inner.kind == CONFIG:
                return Origin(
                    CONFIG, inner.identity, f"{label} ({inner.label})", inner.hardcoded
                )
            if inner.kind == CALLER:
                return Origin(
                    CALLER,
                    inner.identity,
                    label,
                    reason=f"the key ({label}) comes from the caller ({inner.label}): "
                    "callers must pass access tokens now; migrate by hand",
                )
            return inner
    if ".secrets." in label + ".":  # HubSpot serverless functions: context.secrets.X
        last = label.rsplit(".", 1)[-1]
        return Origin(CONFIG, f"secret:{last}", label)
    if root.type == "this":
        return Origin(
            CALLER,
            f"this:{label}",
            label,
            reason=f"the key is a property of the object ({label}): whoever builds the "
            "object sets it; migrate by hand",
        )
    if root.type != "identifier":
        return Origin(
            UNKNOWN,
            reason=f"the key comes from {label}, which this tool does not follow",
        )
    base = _name(root, depth + 1)
    if base.kind == CALLER:
        return Origin(
            CALLER,
            base.identity,
            label,
            reason=f"the key comes from the caller ({label}): callers must pass access "
            "tokens now; migrate by hand",
        )
    if base.kind == UNKNOWN and node.type == "member_expression":
        # HUBSPOT.apiKey where const HUBSPOT = { apiKey: process.env.X }
        field = _object_field(root, node)
        if field is not None and depth < 6:
            inner = _origin(field, depth + 1)
            if inner.kind == CONFIG:
                return Origin(
                    CONFIG, inner.identity, f"{label} ({inner.label})", inner.hardcoded
                )
            return inner
    if base.kind == UNKNOWN:
        return base
    return Origin(CONFIG, f"field:{base.identity}:{label}", label)


def _constant_index(subscript: Node) -> bool:
    """Whether ``x[...]`` names one fixed member (``x['apiKey']``, ``x[0]``)."""
    index = unwrap(subscript.child_by_field_name("index"))
    return index is not None and (
        string_value(index) is not None or index.type == "number"
    )


def _class_field(node: Node) -> Node | None:
    """The one value ``this.name`` gets in its class: a field's initializer or
    a single ``this.name = value`` (None when several, or none)."""
    obj = unwrap(node.child_by_field_name("object"))
    prop = node.child_by_field_name("property")
    if obj is None or obj.type != "this" or prop is None:
        return None
    name = text(prop)
    body = node.parent
    while body is not None and body.type != "class_body":
        body = body.parent
    if body is None:
        return None
    values = []
    for child in body.named_children:
        if child.type in ("field_definition", "public_field_definition"):
            own = child.child_by_field_name("property") or child.child_by_field_name(
                "name"
            )
            value = child.child_by_field_name("value")
            if own is not None and text(own) == name and value is not None:
                values.append(value)
    for inner in walk(body):
        if inner.type in ("assignment_expression", "augmented_assignment_expression"):
            left = unwrap(inner.child_by_field_name("left"))
            if left is not None and left.type == "member_expression":
                target = unwrap(left.child_by_field_name("object"))
                own = left.child_by_field_name("property")
                if (
                    target is not None
                    and target.type == "this"
                    and own is not None
                    and (text(own) == name)
                ):
                    values.append(
                        inner.child_by_field_name("right")
                        if inner.type == "assignment_expression"
                        else None
                    )
    if len(values) != 1 or values[0] is None:
        return None
    return values[0]


def _object_field(root: Node, node: Node) -> Node | None:
    """The value of ``NAME.field`` where ``const NAME = { field: ... }`` (one
    level, a const never assigned into)."""
    obj = unwrap(node.child_by_field_name("object"))
    prop = node.child_by_field_name("property")
    if obj is None or obj != root or prop is None:
        return None
    binding = resolve(root)
    if binding is None or binding.kind != "const" or binding.value is None:
        return None
    value = unwrap(binding.value)
    if value is None or value.type != "object":
        return None
    for ref in references(binding):
        parent = ref.parent
        if parent is not None and parent.type == "member_expression":
            above = parent.parent
            if (
                above is not None
                and above.type
                in (
                    "assignment_expression",
                    "augmented_assignment_expression",
                )
                and above.child_by_field_name("left") == parent
            ):
                return None  # HUBSPOT.apiKey = ...: set again
    found = member(value, text(prop))
    return member_value(found) if found is not None and found.type == "pair" else None


def _env_name(node: Node) -> str | None:
    """``HAPIKEY`` for ``process.env.HAPIKEY`` or ``process.env['HAPIKEY']``."""
    if node.type == "member_expression":
        obj = unwrap(node.child_by_field_name("object"))
        prop = node.child_by_field_name("property")
        if (
            obj is not None
            and prop is not None
            and text(obj).replace(" ", "") == "process.env"
        ):
            return text(prop)
    if node.type == "subscript_expression":
        obj = unwrap(node.child_by_field_name("object"))
        index = node.child_by_field_name("index")
        if obj is not None and text(obj).replace(" ", "") == "process.env":
            return string_value(index)
    return None


def _short(node: Node) -> str:
    return snippet(node)
