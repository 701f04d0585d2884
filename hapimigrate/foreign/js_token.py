"""The token in JavaScript: the provider's expression (``env:NAME`` ->
``process.env.NAME``; ``module.path:callable`` -> ``callable()`` with a
``require``/``import`` of it in the file's module style), the Bearer value sent
in the header, and the import statement's place.

The module of a ``module:callable`` provider is named as given, dots read as
path separators (``auth.tokens:getToken`` -> ``require('auth/tokens')``), or by
its relative path when it is a file of the project (``require('../auth/tokens')``);
the callable is called on every request and must return the token (a string).
An ES module (Node's rule: ``.mjs``, ``import``/``export``, top-level ``await``,
the nearest ``package.json``'s ``"type": "module"``) imports it, where
``require`` is not defined.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
from dataclasses import dataclass

from hapimigrate.foreign.js_syntax import Node, text, walk
from hapimigrate.foreign.splice import Edit
from hapimigrate.model import TokenProvider

_ENV = re.compile(r"^env:([A-Za-z_][A-Za-z0-9_]*)$")
_MODULE = re.compile(r"^([A-Za-z_][\w.-]*):([A-Za-z_$][\w$]*)$")


@dataclass(frozen=True)
class Token:
    """How migrated JavaScript gets its token."""

    expression: str  # evaluates to the token
    module: str | None = None  # a function to import from this module ...
    function: str | None = None  # ... under this name
    # the module is a CommonJS file of the project imported by an ES module:
    # Node may not see its named exports, so its default export is imported
    commonjs: bool = False

    @property
    def bearer(self) -> bytes:
        return f"`Bearer ${{{self.expression}}}`".encode()


def token_for(provider: TokenProvider) -> Token | None:
    """The JavaScript form of a provider; None when it has none (a plugin
    provider's Python expression)."""
    match = _ENV.match(provider.spec)
    if match:
        return Token(f"process.env.{match.group(1)}")
    match = _MODULE.match(provider.spec)
    if (
        match
        and [(i.module, i.name) for i in provider.imports] == [match.groups()]
        and provider.expression == f"{match.group(2)}()"
    ):  # module.path:callable itself, not a plugin's provider
        module = match.group(1).replace(".", "/")
        return Token(f"{match.group(2)}()", module, match.group(2))
    return None


def is_esm(root: Node, path: str) -> bool:
    """Whether a file is an ES module, where ``require`` is not defined: by its
    suffix (``.mjs``/``.mts``; ``.cjs``/``.cts`` are CommonJS), its own
    ``import``/``export`` statements or a top-level ``await``, or the
    ``"type": "module"`` of the nearest ``package.json`` (as Node decides)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in (".mjs", ".mts"):
        return True
    if suffix in (".cjs", ".cts"):
        return False
    for child in root.named_children:
        if child.type in ("import_statement", "export_statement"):
            return True
    if _top_level_await(root):
        return True
    return package_type(path) == "module"


def module_conflict(root: Node, path: str) -> str:
    """Why neither an ``import`` nor a ``require`` of the provider can be told
    right for this file, or ``""``: a ``"type": "module"`` package (where
    ``require`` is not defined) holding a file written as CommonJS (a bundler's
    source, most likely: an ``import`` there changes how it is bundled)."""
    if not is_esm(root, path) or os.path.splitext(path)[1].lower() in (".mjs", ".mts"):
        return ""
    if any(
        c.type in ("import_statement", "export_statement") for c in root.named_children
    ):
        return ""
    for node in walk(root):
        if (
            node.type == "call_expression"
            and text(node.child_by_field_name("function") or node) == "require"
        ) or (node.type == "member_expression" and text(node) in ("module.exports",)):
            return (
                'the package is an ES module ("type": "module" or top-level await) '
                "but the file uses require or module.exports: import or require the "
                "token provider by hand"
            )
    return ""


def _top_level_await(root: Node) -> bool:
    stack = list(root.named_children)
    while stack:
        node = stack.pop()
        if node.type == "await_expression" or (
            node.type == "for_in_statement"
            and any(c.type == "await" for c in node.children)
        ):
            return True
        if node.type in _FUNCTION_TYPES or node.type in ("class_declaration", "class"):
            continue  # an await inside a function is that function's
        stack.extend(node.named_children)
    return False


_FUNCTION_TYPES = (
    "function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "generator_function_declaration",
    "generator_function",
)


def package_type(path: str) -> str | None:
    """The ``"type"`` of the ``package.json`` nearest to ``path`` (Node's
    rule), or None (none found, none set, or it cannot be read)."""
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        candidate = os.path.join(folder, "package.json")
        if os.path.isfile(candidate):
            try:
                with open(candidate, encoding="utf-8") as handle:
                    data = json.load(handle)
            except (OSError, ValueError):
                return None
            found = data.get("type") if isinstance(data, dict) else None
            return found if isinstance(found, str) else None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


_SCRIPTS = (".js", ".mjs", ".cjs", ".ts", ".mts", ".cts", ".jsx", ".tsx")


def for_file(token: Token, root: Node, path: str) -> Token:
    """The token of one file: a provider module that is a file of the project
    (``auth/tokens.js`` in the file's folder or one above it, up to its
    package's root) is imported by its relative path, which Node resolves; a
    bare ``auth/tokens`` is looked up only in ``node_modules``. Otherwise the
    module is named as given (a package)."""
    if token.module is None or token.module.startswith("."):
        return token
    found = _project_module(token.module, path)
    if found is None:
        return token
    start = os.path.dirname(os.path.abspath(path))
    relative = os.path.relpath(found, start).replace(os.sep, "/")
    stem, suffix = os.path.splitext(relative)
    if is_esm(root, path):  # ES modules name the file itself
        if suffix in (".ts", ".tsx", ".jsx"):
            relative = stem + ".js"  # TypeScript maps .js to its source
    elif suffix in (".js", ".ts", ".tsx", ".jsx"):
        relative = stem
        if relative.endswith("/index"):
            relative = relative[: -len("/index")]
    if not relative.startswith("../"):
        relative = "./" + relative
    commonjs = is_esm(root, path) and not _provider_is_esm(found)
    return dataclasses.replace(token, module=relative, commonjs=commonjs)


def _provider_is_esm(path: str) -> bool:
    """Whether the provider's file is an ES module (else CommonJS, whose named
    exports an ``import { name }`` may not find: Node guesses them from the
    source, and misses ``module.exports = { name: () => ... }``)."""
    from hapimigrate.foreign.js_syntax import parse_for

    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return False
    return is_esm(parse_for(path)(data).root_node, path)


PROVIDER_MODULE = "hubspotTokenProvider"  # the default import of a CommonJS provider


def _project_module(module: str, path: str) -> str | None:
    folder = os.path.dirname(os.path.abspath(path))
    while True:
        for name in [module + s for s in _SCRIPTS] + [
            os.path.join(module, "index" + s) for s in _SCRIPTS
        ]:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        parent = os.path.dirname(folder)
        if (
            os.path.isfile(os.path.join(folder, "package.json"))
            or parent == folder
            or os.path.basename(folder) == "node_modules"
        ):
            return None
        folder = parent


def name_taken(root: Node, name: str) -> bool:
    """Whether the file already uses ``name`` (an import would clash)."""
    return any(
        node.type
        in (
            "identifier",
            "shorthand_property_identifier",
            "shorthand_property_identifier_pattern",
        )
        and text(node) == name
        for node in walk(root)
    )


def import_edit(root: Node, data: bytes, token: Token, path: str) -> Edit:
    """The statement importing the provider's function, after the file's last
    leading import or require (else at the top, after a shebang, a directive
    and the leading comments)."""
    quote = b'"' if data.count(b'"') > data.count(b"'") else b"'"
    semicolon = b";" if _uses_semicolons(root) else b""
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    module = quote + token.module.encode() + quote  # type: ignore[union-attr]
    name = token.function.encode()  # type: ignore[union-attr]
    if is_esm(root, path) and token.commonjs:
        holder = PROVIDER_MODULE.encode()
        statement = (
            b"import " + holder + b" from " + module + semicolon + newline
            + b"const { " + name + b" } = " + holder + semicolon
        )  # fmt: skip
    elif is_esm(root, path):
        statement = b"import { " + name + b" } from " + module + semicolon
    else:
        statement = b"const { " + name + b" } = require(" + module + b")" + semicolon
    anchor = None
    for child in root.named_children:
        if child.type == "import_statement" or _is_require(child):
            anchor = child
        elif child.type in ("comment", "hash_bang_line") or _is_directive(child):
            if anchor is None:
                continue
            break
        else:
            break
    if anchor is not None:
        return Edit(anchor.end_byte, anchor.end_byte, newline + statement)
    position = 0
    for child in root.named_children:
        if child.type in ("comment", "hash_bang_line") or _is_directive(child):
            position = child.end_byte
            continue
        break
    if position == 0:
        return Edit(0, 0, statement + newline)
    return Edit(position, position, newline + statement)


def _is_require(node: Node) -> bool:
    if node.type not in ("lexical_declaration", "variable_declaration"):
        return False
    return (
        b"require(" in (node.text or b"") and node.start_point[0] == node.end_point[0]
    )


def _is_directive(node: Node) -> bool:
    return (
        node.type == "expression_statement"
        and bool(node.named_children)
        and (node.named_children[0].type == "string")
    )


def _uses_semicolons(root: Node) -> bool:
    kinds = (
        "lexical_declaration",
        "variable_declaration",
        "import_statement",
        "expression_statement",
    )
    statements = [c for c in root.named_children if c.type in kinds]
    ended = sum(1 for c in statements if (c.text or b"").rstrip().endswith(b";"))
    return ended * 2 >= len(statements)
