"""Small facts about a function's own names, read with ``ast``: a local bound
once (and never written into), a parameter left at its literal default, the
last name of a dotted expression. Asked by :mod:`configured_objects` and
:mod:`config_loaders` about the factories they read."""

from __future__ import annotations

import ast


def left_parameter(function: ast.FunctionDef, name: str, kind: type | None):
    """A parameter ``name`` of ``function`` with a literal default (None, or a
    value of ``kind``) that the function never rebinds: the default (True
    for None); None when it is not one."""
    arguments = function.args
    positional = arguments.posonlyargs + arguments.args
    pairs = list(
        zip(positional[len(positional) - len(arguments.defaults) :], arguments.defaults)
    )
    pairs += [(a, d) for a, d in zip(arguments.kwonlyargs, arguments.kw_defaults) if d]
    default = next((d for a, d in pairs if a.arg == name), None)
    if not isinstance(default, ast.Constant):
        return None
    if kind is None and default.value is not None:
        return None
    if kind is not None and not isinstance(default.value, kind):
        return None
    stored = [
        n
        for n in ast.walk(function)
        if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Store)
    ]
    if stored:
        return None
    return True if default.value is None else default.value


def bound_once(function: ast.FunctionDef, name: str) -> ast.expr | None:
    """The value of a local ``name`` the function binds once (``env = ...``),
    never writing into it (``env["X"] = ...``)."""
    stores = [
        n
        for n in ast.walk(function)
        if isinstance(n, (ast.Name, ast.Subscript, ast.Attribute))
        and isinstance(n.ctx, (ast.Store, ast.Del))
        and (n.id if isinstance(n, ast.Name) else last_name(n.value)) == name
    ]
    bindings = assigns(function, name)
    if len(stores) != 1 or len(bindings) != 1:
        return None
    return bindings[0].value


def assigns(function: ast.FunctionDef, name: str) -> list:
    """The statements binding the local ``name`` to a value: ``name = v``,
    ``name: T = v``."""
    return [
        n
        for n in ast.walk(function)
        if (
            isinstance(n, ast.Assign)
            and len(n.targets) == 1
            and isinstance(n.targets[0], ast.Name)
            and n.targets[0].id == name
        )
        or (
            isinstance(n, ast.AnnAssign)
            and n.value is not None
            and isinstance(n.target, ast.Name)
            and n.target.id == name
        )
    ]


def last_name(node: ast.expr) -> str:
    """``x`` of ``x`` and of ``a.b.x``; "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def dotted(node: ast.expr) -> str:
    """``a.b.c`` of a name or an attribute chain of names ("" otherwise)."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""
