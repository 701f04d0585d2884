"""What a PHP key expression is: the configuration it reads (so that two keys
are told apart, through variables, properties and constants), the literal it holds
(a hard-coded key, through constants and ``?:`` fallbacks), and whether it is the
one configured key (:mod:`.php_origin`). Reasons name keys by
their code, never by a value: quoted literals that could be keys are masked."""

from __future__ import annotations

import hashlib
import re

from hapimigrate.foreign import php_config, php_origin
from hapimigrate.foreign import php_syntax as syn
from hapimigrate.keys import is_plausible_key

_KEY_SOURCES = re.compile(r"\s+")
# a web framework's settings store (not the process environment)
_FRAMEWORK_READS = frozenset({"config", "get_option", "get_site_option"})
_QUOTED = re.compile(r"(['\"])(.*?)\1")


def literal_identity(value: str) -> str:
    digest = hashlib.sha256(value.encode("utf-8", "replace")).hexdigest()[:16]
    return f"<literal {digest}>"


def key_label(identity: str) -> str:
    """How a reason names a key: never its value."""
    if identity.startswith("<literal"):
        return "a hard-coded key"
    if identity.startswith("env:"):
        return f"the environment variable {identity[4:]}"
    if identity.startswith("config:"):
        return f"config('{identity[7:]}')"
    return syn.shown(mask(identity), 60)


def mask(text: str) -> str:
    """``text`` with every quoted literal that could be a key replaced by ***."""
    return _QUOTED.sub(
        lambda m: (
            f"{m.group(1)}***{m.group(1)}"
            if is_plausible_key(m.group(2))
            else m.group(0)
        ),
        text,
    )


def _name(key) -> str | None:
    """``key`` for ``$key`` and for ``${key}`` inside a string."""
    if (
        key.type == "dynamic_variable_name"
        and len(key.named_children) == 1
        and key.named_children[0].type == "name"
    ):
        return key.named_children[0].text.decode()
    return syn.variable(key)


class Keys:
    """The key expressions of one parsed file."""

    def __init__(self, src: syn.Source, root, path: str = "") -> None:
        self.src = src
        self.root = root
        self.path = path  # the file's, to find its project's configuration

    def identity(self, key, depth: int = 0) -> str | None:
        """What tells two keys apart: the configuration a key expression reads
        (through variables, properties and constants), or a hash of a literal."""
        key = syn.unwrap(key)
        if key is None or depth > 4:
            return "<literal>"
        text = syn.literal(key)
        if text is not None:
            return literal_identity(text)
        env = php_config.env_name(key)
        if env is not None:  # getenv('X'), env('X'), $_ENV['X']: one variable
            return f"env:{env}"
        dotted = php_config.config_path(key)
        if dotted is not None:
            env = php_config.env_of_config(self.path, dotted)
            return f"env:{env}" if env is not None else f"config:{dotted}"
        if key.type == "binary_expression":
            operator = key.child_by_field_name("operator")
            if operator is not None and operator.type in ("?:", "??"):
                return self.identity(key.child_by_field_name("left"), depth + 1)
        if (
            key.type == "conditional_expression"
            and key.child_by_field_name("body") is None
        ):
            return self.identity(key.child_by_field_name("condition"), depth + 1)
        if syn.call_name(key) in php_origin.SAME_VALUE:  # urlencode($key): the key
            args = syn.arguments(key)
            if args:
                return self.identity(syn.value(args[0]), depth + 1)
        held = syn.property_value(key)
        if held is not None:
            return self.identity(held, depth + 1)
        name = _name(key)
        if name is not None:
            values = self._assignments(key, name)
            if len(values) == 1 and values[0][1] == "=":
                return self.identity(
                    values[0][0].child_by_field_name("right"), depth + 1
                )
        if key.type in ("name", "class_constant_access_expression"):
            value = self.constants().get(key.text.decode().split("::")[-1])
            if value is not None:
                return self.identity(value, depth + 1)
        return _KEY_SOURCES.sub("", self.src.text(key)).replace('"', "'")

    def framework_read(self, key, depth: int = 0):
        """The call a key expression reads its value with when that is a web
        framework's settings store rather than the process environment:
        Laravel's ``config('services.hubspot.key')``/``Config::get(...)``,
        WordPress's ``get_option('x')``/``get_site_option('x')`` (through
        variables, properties, constants and ``?:`` fallbacks); else None."""
        key = syn.unwrap(key)
        if key is None or depth > 4:
            return None
        if key.type == "function_call_expression":
            name = syn.call_name(key).rsplit("\\", 1)[-1]
            if name in _FRAMEWORK_READS:
                return key
            if name in php_origin.SAME_VALUE:
                args = syn.arguments(key)
                return (
                    self.framework_read(syn.value(args[0]), depth + 1) if args else None
                )
            return None
        if key.type == "scoped_call_expression":
            scope = syn.name_of(key.child_by_field_name("scope")).lower()
            name = key.child_by_field_name("name")
            method = name.text.decode().lower() if name is not None else ""
            if (
                scope in php_origin.CONFIG_CLASSES
                and scope != "env"
                and method == "get"
            ):
                return key
            return None
        if key.type == "binary_expression":
            operator = key.child_by_field_name("operator")
            if operator is not None and operator.type in ("?:", "??"):
                return self.framework_read(
                    key.child_by_field_name("left"), depth + 1
                ) or self.framework_read(key.child_by_field_name("right"), depth + 1)
            return None
        held = syn.property_value(key)
        if held is not None:
            return self.framework_read(held, depth + 1)
        name = _name(key)
        if name is not None:
            values = self._assignments(key, name)
            if len(values) == 1 and values[0][1] == "=":
                return self.framework_read(
                    values[0][0].child_by_field_name("right"), depth + 1
                )
        if key.type in ("name", "class_constant_access_expression"):
            value = self.constants().get(key.text.decode().split("::")[-1])
            if value is not None:
                return self.framework_read(value, depth + 1)
        return None

    def _assignments(self, node, name: str) -> list:
        """The assignments of ``$name`` where ``node`` reads it: in its function,
        else, for a closure's ``use ($name)``, an arrow function, or ``global
        $name``, in the code around it."""
        scope = syn.scope_of(node)
        found = [
            syn.assignment_of(u)
            for u in syn.uses(scope, name)
            if syn.assignment_of(u) is not None
        ]
        if found:
            return found
        outer = None
        if scope.type in (
            "anonymous_function",
            "anonymous_function_creation_expression",
            "arrow_function",
        ):
            outer = syn.scope_of(scope)
        elif any(
            n.type == "global_declaration"
            and any(v.text.decode()[1:] == name for v in n.named_children)
            for n in syn.walk(scope)
        ):
            outer = self.root
        if outer is None:
            return []
        return [
            syn.assignment_of(u)
            for u in syn.uses(outer, name)
            if syn.assignment_of(u) is not None
        ]

    def value(self, key, depth: int = 0):
        """The literal a key expression holds, through variables assigned once,
        properties, constants (``define``, ``const``) and ``?:``/``??``
        fallbacks; None where the run decides."""
        key = syn.unwrap(key)
        if key is None or depth > 4:
            return None
        text = syn.literal(key)
        if text is not None:
            return text
        if key.type == "binary_expression":
            operator = key.child_by_field_name("operator")
            if operator is not None and operator.type in ("?:", "??"):
                return self.value(key.child_by_field_name("right"), depth + 1)
            return None
        if key.type == "conditional_expression" and len(key.named_children) == 2:
            return self.value(key.named_children[1], depth + 1)
        held = syn.property_value(key)
        if held is not None:
            return self.value(held, depth + 1)
        name = _name(key)
        if name is not None:
            scope = syn.scope_of(key)
            values = [
                syn.assignment_of(u)
                for u in syn.uses(scope, name)
                if syn.assignment_of(u) is not None
            ]
            if len(values) == 1 and values[0][1] == "=":
                return self.value(values[0][0].child_by_field_name("right"), depth + 1)
            return None
        if key.type in ("name", "class_constant_access_expression"):
            constant = key.text.decode().split("::")[-1]
            return self.value(self.constants().get(constant), depth + 1)
        return None

    def constants(self) -> dict:
        """Constant name -> its value node (``define('N', v)``, ``const N = v``)."""
        if not hasattr(self, "_constant_values"):
            self._constant_values = syn.constants(self.root)
        return self._constant_values

    def hardcoded(self, key) -> bool:
        return key is not None and is_plausible_key(self.value(key))

    def origin(self, key) -> str:
        """ "" when the key is the one configured key (an allow-list, see
        :mod:`.php_origin`); else why a person migrates it."""
        return php_origin.origin(self.src, key)
