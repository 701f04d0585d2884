"""A Flask extension's key read out of the application it is given (issue #12):

    # hubspot_api.py                              # config.py
    class HubSpotAPI:                             class Config:
        def init_app(self, app):                      HUBSPOT_API_KEY = os.environ.get(
            self.api_key = app.config[                    "HUBSPOT_API_KEY")
                "HUBSPOT_API_KEY"]                # __init__.py
                                                  app.config.from_object(Config)

``app`` is whatever application ``init_app`` is given, but that key of its
configuration is the configured key, as ``current_app.config["HUBSPOT_API_KEY"]``
is, when the tree fills it from one environment read only: every write of it
(a class attribute ``from_object`` loads, a module-level name, ``config["K"] =
...``, ``config.update(K=...)``, ``from_mapping``, ``setdefault``) reads the same
portal key's variable, or is a made-up key in a test; and nothing in the tree
loads configuration it does not show (``from_pyfile``, ``from_envvar``,
``from_file``, ``from_prefixed_env``, ``from_json``, ``from_object`` given a
name computed at run time or a module outside the tree) or sets it by a name
computed at run time (``setattr``, ``config[name] = ...``, an update from a
mapping it does not write out). The token then replaces the read where it is
(``init_app``), as it does for ``current_app.config``.
"""

from __future__ import annotations

import ast
import functools
import os
import re

import libcst as cst

from hapimigrate import keys
from hapimigrate.analysis import configured_objects
from hapimigrate.python.context import ModuleContext
from hapimigrate.tree_imports import is_test_module

_HIDDEN_LOADS = re.compile(
    r"\.(?:from_pyfile|from_envvar|from_file|from_prefixed_env|from_json)\("
)
_WRITERS = ("update", "from_mapping", "setdefault")


def configured(ctx: ModuleContext, node: cst.CSTNode) -> bool:
    """Whether ``node`` reads ``app.config["K"]`` (or ``.get("K")``) of the
    ``app`` parameter of an ``init_app`` the tree fills ``K`` of from one
    environment read only."""
    key = _config_key(node)
    if key is None:
        return False
    base, name = key
    scope = ctx.lexical_scope(base)
    bindings = list(scope[base.value]) if scope is not None else []
    param = getattr(bindings[0], "node", None) if len(bindings) == 1 else None
    if not isinstance(param, cst.Param):
        return False
    function = ctx.ancestor(param, cst.FunctionDef)
    if not (
        isinstance(function, cst.FunctionDef) and function.name.value == "init_app"
    ):
        return False
    files = configured_objects.project_files(ctx.path)
    return files is not None and _filled_once(files, name)


def _config_key(node: cst.CSTNode) -> tuple[cst.Name, str] | None:
    """(``app``, ``"K"``) of ``app.config["K"]`` or ``app.config.get("K")``."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        holder, index = node.value, node.slice[0].slice
        given = index.value if isinstance(index, cst.Index) else None
    elif (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "get"
        and len(node.args) == 1
        and node.args[0].keyword is None
    ):
        holder, given = node.func.value, node.args[0].value
    else:
        return None
    if not (
        isinstance(holder, cst.Attribute)
        and holder.attr.value == "config"
        and isinstance(holder.value, cst.Name)
        and isinstance(given, cst.SimpleString)
        and isinstance(given.evaluated_value, str)
    ):
        return None
    return holder.value, given.evaluated_value


def _filled_once(files: tuple[str, ...], name: str) -> bool:
    """Whether every write of the configuration key ``name`` in ``files``
    reads one portal key's environment variable (a test's made-up key aside),
    with at least one such write, and nothing loads configuration unseen."""
    word = re.compile(rf"\b{re.escape(name)}\b")
    variables: set[str] = set()
    stems = {os.path.splitext(os.path.basename(p))[0] for p in files}
    stems |= {os.path.basename(os.path.dirname(p)) for p in files}
    for path in files:
        text = configured_objects._text(path)
        if text is None:
            return False
        if _HIDDEN_LOADS.search(text):
            return False
        if "from_object(" in text and _loads_unseen(path, stems):
            return False
        if not word.search(text):
            continue
        tree = configured_objects._parsed(path)
        if tree is None:
            return False
        for value in _writes(tree, name, text):
            if value is None:
                return False  # written by a name or a mapping not shown
            read = configured_objects._variable(value)
            if read is not None and not read[1]:
                variables.add(read[0])
            elif not (is_test_module(path) and _made_up(value)):
                return False
    return len(variables) == 1 and configured_objects._portal_key(variables.pop())


def set_per_app(ctx: ModuleContext, name: str) -> str | None:
    """Where ("tenants.py:5") a function of the project writes the Flask
    configuration key ``name`` from a value of its own (``app.config["K"] =
    tenant.hubspot_key`` in an app made per tenant): what ``current_app.config``
    reads there is that value, not the configured key. None when every write
    in a function reads the environment or is written out in the code."""
    return _set_per_app(configured_objects.project_files(ctx.path) or (), name)


@functools.lru_cache(maxsize=256)
def _set_per_app(files: tuple[str, ...], name: str) -> str | None:
    word = re.compile(rf"\b{re.escape(name)}\b")
    for path in files:
        text = configured_objects._text(path)
        if text is None or not word.search(text):
            continue
        tree = configured_objects._parsed(path)
        if tree is None:
            continue
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            module = ast.Module(body=function.body, type_ignores=[])
            for value in _writes(module, name, text):
                if value is None or isinstance(value, ast.Constant):
                    continue
                if configured_objects._variable(value) is not None:
                    continue  # os.environ.get("HUBSPOT_API_KEY") in a factory
                return f"{os.path.basename(path)}:{value.lineno}"
    return None


def _loads_unseen(path: str, stems: set[str]) -> bool:
    """A ``from_object`` given what the tree may not hold: a value computed
    at run time (``os.environ["APP_SETTINGS"]``), or a dotted name whose first
    part no module or package of the tree is named."""
    tree = configured_objects._parsed(path)
    if tree is None:
        return True
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "from_object"
        ):
            continue
        for given in node.args:
            if isinstance(given, (ast.Name, ast.Attribute)):
                continue  # a class or module of the tree, or a caller's
            if isinstance(given, ast.Constant) and isinstance(given.value, str):
                if given.value.split(".")[0] in stems:
                    continue
            return True
    return False


def _made_up(value: ast.expr) -> bool:
    return (
        isinstance(value, ast.Constant)
        and isinstance(value.value, str)
        and not keys.is_plausible_key(value.value)
    )


def _writes(tree: ast.Module, name: str, text: str) -> list[ast.expr | None]:
    """The values written to ``name``: a class attribute or module-level name,
    an item (``config["K"] = v``), a keyword or literal mapping given to
    ``update``/``from_mapping``/``setdefault``; None for a write whose key or
    value is not written out (``setattr``, ``config[k] = v``, ``update(m)``)."""
    found: list[ast.expr | None] = []
    scopes = [tree.body] + [
        n.body for n in ast.walk(tree) if isinstance(n, ast.ClassDef)
    ]
    for body in scopes:
        for statement in body:
            if isinstance(statement, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in statement.targets
            ):
                found.append(statement.value)
            if (
                isinstance(statement, ast.AnnAssign)
                and isinstance(statement.target, ast.Name)
                and statement.target.id == name
            ):
                found.append(statement.value)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript):
                    index = target.slice
                    if isinstance(index, ast.Constant) and index.value == name:
                        found.append(node.value)
                    elif not isinstance(index, ast.Constant) and "config" in (
                        ast.get_source_segment(text, target.value) or ""
                    ):
                        found.append(None)  # config[computed] = ...
        if isinstance(node, ast.Call):
            func = node.func
            last = func.attr if isinstance(func, ast.Attribute) else ""
            if isinstance(func, ast.Name) and func.id == "setattr":
                found.append(None)
            if last not in _WRITERS:
                continue
            for keyword in node.keywords:
                if keyword.arg == name:
                    found.append(keyword.value)
                elif keyword.arg is None:
                    found.append(None)  # update(**values)
            for arg in node.args:
                if isinstance(arg, ast.Dict):
                    for k, v in zip(arg.keys, arg.values):
                        if isinstance(k, ast.Constant) and k.value == name:
                            found.append(v)
                        elif not isinstance(k, ast.Constant):
                            found.append(None)
                elif last == "setdefault" and isinstance(arg, ast.Constant):
                    if arg.value == name and len(node.args) == 2:
                        found.append(node.args[1])
                    break
                elif last != "setdefault":
                    found.append(None)  # update(mapping): keys not shown
    return found


def config_key(node: cst.CSTNode) -> str | None:
    """``K`` of a read of a Flask configuration key (``current_app.config["K"]``,
    ``app.config.get("K")``): one key, however the application is reached."""
    if isinstance(node, cst.Subscript) and len(node.slice) == 1:
        holder, index = node.value, node.slice[0].slice
        given = index.value if isinstance(index, cst.Index) else None
    elif isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        holder = node.func.value
        given = (
            node.args[0].value if node.args and node.func.attr.value == "get" else None
        )
    else:
        return None
    if (
        isinstance(holder, cst.Attribute)
        and holder.attr.value == "config"
        and isinstance(given, cst.SimpleString)
        and isinstance(given.evaluated_value, str)
    ):
        return given.evaluated_value
    return None
