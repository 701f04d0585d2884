"""A key read from where the project keeps its configuration (a constructor's
config mapping, taken by default from a settings module kept out of the
repository), and what such a read may decide.

    from config import HUBSPOT                       # config.py: not in the tree

    class HubspotAPI:
        def __init__(self, config=HUBSPOT):
            self.api_key = config["api_key"]         # the stored value ...
        def deals(self):
            requests.get(URL + "?hapikey=" + self.api_key)   # ... sent as the key

The careful change is the one made for a key parameter (``def __init__(self,
api_key)``: callers pass access tokens now): the value read from the mapping
becomes the token, sent as ``Authorization: Bearer``, and the report says where
the token must now be stored (``HUBSPOT["api_key"] of config``). That is the
behaviour of before only when the mapping is one configured place serving one
portal (:func:`stored_default`), else the walk of :mod:`origins` decides as
before (a caller's or a configured default: manual):

- the key is ``param["field"]`` (a literal field), ``param`` a constructor's
  parameter whose default is a name imported from a module that is not in the
  tree (the project's untracked settings), used in the module for nothing else;
- the constructor reads the parameter only by literal fields (the mapping is
  handed nowhere: not sent to another host, not kept whole), and no other of
  those fields names a key (a second portal's or a developer key);
- no call of the class in its module or in the other files of its package
  passes arguments (a loop making clients from rows, a second portal's
  config): every object reads the one default mapping.

The same holds for an Airflow hook's ``self.get_connection(conn_id)``
(:func:`airflow_connection`): the connection the caller names must now hold
the token, unless the class also reads where a connection sends (its host).

Smaller answers for the origin walk and the request fixers:
:func:`object_itself` (``self`` of a method is the object, never a caller's
credential), :func:`set_elsewhere` (how a reason names ``self.source_conn``
that a base class of another module sets), :func:`settled_host` and
:func:`after_host` (a URL's host fixed by its own literal text, ``"https://
api.hubapi.com/x?hapikey=" + self.api_key``, so that what fills it after the
host, the key or a path piece, can take the request nowhere else).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import libcst as cst

from hapimigrate import hubspot, tree_imports
from hapimigrate.analysis import values
from hapimigrate.python.context import ModuleContext, walk

if TYPE_CHECKING:
    from hapimigrate.analysis.origins import Origin

# "https://api.hubapi.com/" or "https://api.hubapi.com?": the authority is
# written out and closed by the literal text itself, no field inside it
_CLOSED_AUTHORITY = re.compile(r"^[a-z][a-z0-9+.-]*://([^/?#{}@]+)[/?]", re.I)

# a field naming a credential other than an OAuth token or app id
_KEY_FIELD = re.compile(r"(?i)key")


def settled_host(template: str) -> str | None:
    """The HubSpot API host a URL template names in its own leading literal
    text, its authority closed by a ``/`` or ``?`` before any field (a field
    after that is a path or a query, never the host); None otherwise."""
    match = _CLOSED_AUTHORITY.match(template)
    if match is None:
        return None
    where = hubspot.host(template)
    if where is None or not hubspot.takes_tokens(where):
        return None
    return where


def after_host(template: str) -> frozenset[str]:
    """The fields of a URL template whose host is settled (:func:`settled_host`):
    each lies after the authority, so what fills it (``{api_key}`` of
    ``self.api_key``) cannot change the host; none when it is not settled."""
    if settled_host(template) is None:
        return frozenset()
    return frozenset(re.findall(r"\{(\w+)\}", template))


@dataclass(frozen=True)
class StoredDefault:
    """A key read from a configured place a parameter picks: a literal field
    of a constructor's mapping parameter whose default is the project's
    untracked settings, or the Airflow connection a ``conn_id`` names."""

    param: cst.Param
    field: str  # ["api_key"]: what is read out of the mapping
    read: str  # config["api_key"] of __init__()
    stored: str  # where the token must now be stored


def stored_default(ctx: ModuleContext, node: cst.CSTNode) -> StoredDefault | None:
    """``config["api_key"]`` in a constructor whose ``config`` defaults to a
    mapping imported from a module outside the tree, one portal's (see the
    module's docstring); None where that is not shown."""
    field = _literal_field(node)
    if field is None:
        return None
    assert isinstance(node, cst.Subscript) and isinstance(node.value, cst.Name)
    param = _single_param(ctx, node.value)
    if param is None or not isinstance(param.default, cst.Name):
        return None
    function = ctx.ancestor(param, cst.FunctionDef)
    owner = ctx.ancestor(function, cst.ClassDef) if function is not None else None
    if not (
        isinstance(function, cst.FunctionDef)
        and function.name.value == "__init__"
        and isinstance(owner, cst.ClassDef)
        and ctx.ancestor(node, cst.FunctionDef) is function
    ):
        return None
    source = _untracked_import(ctx, param.default)
    if source is None:
        return None
    if not _read_by_fields_only(ctx, function, param.name.value, field):
        return None
    if _made_with_arguments(ctx, owner):
        return None
    name = param.default.value
    quoted = ctx.code(node)[len(node.value.value) :]
    return StoredDefault(
        param,
        quoted,
        f"{param.name.value}{quoted} of __init__()",
        f"store the access token in {name}{quoted} of {source} (outside the "
        "tree), which it reads by default; callers giving a mapping of their "
        "own give one holding a token",
    )


def _literal_field(node: cst.CSTNode) -> str | None:
    """``"api_key"`` of ``config["api_key"]``."""
    if not (
        isinstance(node, cst.Subscript)
        and isinstance(node.value, cst.Name)
        and len(node.slice) == 1
        and isinstance(node.slice[0].slice, cst.Index)
        and isinstance(node.slice[0].slice.value, cst.SimpleString)
    ):
        return None
    value = node.slice[0].slice.value.evaluated_value
    return value if isinstance(value, str) else None


def _single_param(ctx: ModuleContext, name: cst.Name) -> cst.Param | None:
    """The parameter ``name`` is, bound nowhere else in its function."""
    scope = ctx.lexical_scope(name)
    bindings = list(scope[name.value]) if scope is not None else []
    nodes = [getattr(b, "node", None) for b in bindings]
    if len(nodes) == 1 and isinstance(nodes[0], cst.Param):
        return nodes[0]
    return None


def _untracked_import(ctx: ModuleContext, default: cst.Name) -> str | None:
    """The module a default is imported from (``from config import HUBSPOT``)
    when no file of the tree (nor above it) is that module, and the name is
    read nowhere else in the module."""
    found = values.import_binding(ctx, default)
    if found is None:
        return None
    module, name, level = found
    if not name or level:
        return None  # import config (a module object), from . import settings
    if tree_imports.module_file(ctx.path, module, level) is not None:
        return None  # a settings module of the tree: its value decides
    if tree_imports.module_file(ctx.path, f"{module}.{name}", level) is not None:
        return None
    uses = [
        n
        for n in walk(ctx.module)
        if isinstance(n, cst.Name)
        and n.value == default.value
        and ctx.ancestor(n, cst.ImportFrom) is None
    ]
    return module if len(uses) == 1 else None


def _read_by_fields_only(
    ctx: ModuleContext, function: cst.FunctionDef, param: str, field: str
) -> bool:
    """Every read of the mapping in the constructor takes a literal field
    (``config["scope"]``, ``config.get("scope")``), the key's field once, and
    no other field names a key."""
    key_reads = 0
    for name in walk(function.body):
        if not (isinstance(name, cst.Name) and name.value == param):
            continue
        holder = ctx.parent(name)
        if isinstance(holder, cst.Subscript) and holder.value is name:
            read = _literal_field(holder)
        elif (
            isinstance(holder, cst.Attribute)
            and holder.value is name
            and holder.attr.value == "get"
            and isinstance(ctx.parent(holder), cst.Call)
        ):
            call = ctx.parent(holder)
            assert isinstance(call, cst.Call)
            first = call.args[0].value if call.args else None
            read = (
                first.evaluated_value
                if isinstance(first, cst.SimpleString) and not call.args[0].keyword
                else None
            )
            read = read if isinstance(read, str) else None
        else:
            return False  # handed on, kept whole, iterated, written into
        if read is None:
            return False
        if read == field:
            key_reads += 1
        elif _KEY_FIELD.search(read):
            return False  # a second key: another portal's, a developer key
    return key_reads == 1


def _made_with_arguments(ctx: ModuleContext, owner: cst.ClassDef) -> bool:
    """Whether the class is made with arguments here, or is subclassed or
    named with arguments in another file of its package."""
    name = owner.name.value
    for call in ctx.index.calls:
        if isinstance(call.func, cst.Name) and call.func.value == name and call.args:
            return True
    for node in ctx.module.body:
        if isinstance(node, cst.ClassDef) and any(
            ctx.code(b.value).split(".")[-1] == name for b in node.bases
        ):
            return True  # a subclass may pass its own config to super()
    word = re.escape(name).encode()
    pattern = rb"\b" + word + rb"\s*\(\s*[^)\s]|[(,]\s*(?:\w+\.)*" + word + rb"\s*[,)]"
    if tree_imports.package_mentions(ctx.path, pattern):
        return True
    # a module in a folder without __init__.py (third_party/hubspot.py): the
    # project's scripts beside that folder may import it too
    folder = os.path.dirname(os.path.abspath(ctx.path))
    if not os.path.isfile(ctx.path) or os.path.exists(
        os.path.join(folder, "__init__.py")
    ):
        return False
    return _mentioned_below(os.path.dirname(folder), os.path.abspath(ctx.path), pattern)


@functools.lru_cache(maxsize=32)
def _mentioned_below(folder: str, own: str, pattern: bytes) -> bool:
    """Whether a Python file under ``folder`` (hidden folders and virtualenvs
    passed over), other than ``own``, matches ``pattern``."""
    found = re.compile(pattern)
    for top, folders, files in os.walk(folder):
        folders[:] = [
            f
            for f in folders
            if not f.startswith(".")
            and f not in ("node_modules", "__pycache__", "venv")
            and not os.path.exists(os.path.join(top, f, "pyvenv.cfg"))
        ]
        for each in files:
            path = os.path.join(top, each)
            if not each.endswith(".py") or path == own:
                continue
            try:
                with open(path, "rb") as handle:
                    if found.search(handle.read()):
                        return True
            except OSError:
                continue
    return False


STORED_TOKEN = "sends {} as the token: {}"


def stored_reason(origin: Origin) -> str | None:
    """A rewrite's reason for a key read from a configured place
    (:func:`stored_default`, :func:`airflow_connection`): where the token must
    now be stored."""
    if not origin.stored:
        return None
    return STORED_TOKEN.format(origin.parameter, origin.stored)


def caller_read(origin: Origin) -> str:
    """A caller's credential as a rewrite's reason names it: the parameter, and
    the field the key is read from out of what the caller passes (``config of
    __init__() (read from its ['api_key'])``), never a value."""
    if not origin.container:
        return origin.parameter
    return f"{origin.parameter} (read from its {origin.container})"


def object_itself(ctx: ModuleContext, param: cst.Param) -> str | None:
    """``self`` (``cls``) of a method: the object the method is called on, not
    a value a caller hands in (``self.load_key()``, ``self.get_connection(
    conn_id)`` read what the class does, not a caller's credential); how a
    reason names it, or None for any other parameter."""
    function = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    owner = ctx.ancestor(function, cst.ClassDef)
    if owner is None or ctx.parent(ctx.parent(function)) is not owner:
        return None
    if any(
        isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod"
        for d in function.decorators
    ):
        return None
    first = function.params.params[:1] or function.params.posonly_params[:1]
    if not first or first[0] is not param:
        return None
    return f"{param.name.value}, the {owner.name.value} object itself"


_AIRFLOW_HOOK_BASE = re.compile(r"Hook\b")
# a connection's fields that say where requests go (its host, its URI)
_CONNECTION_PLACE = re.compile(r"\.(?:host|port|schema|get_uri\(|conn_type)\b")


def airflow_connection(ctx: ModuleContext, call: cst.Call) -> StoredDefault | None:
    """``self.get_connection(conn_id)`` in a hook class, or
    ``BaseHook.get_connection(conn_id)`` (Airflow's), ``conn_id`` a parameter
    of the function with no default: the key read out of the connection
    (``.password``, ``.extra_dejson["api_key"]``) is what the connection the
    caller names holds, which must now hold a token; None otherwise (a fixed
    ``conn_id`` is the configuration's, decided as before)."""
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value == "get_connection"):
        return None
    if not _airflow_receiver(ctx, func.value):
        return None
    given = [a for a in call.args if not a.star]
    if len(given) != 1 or len(call.args) != 1:
        return None
    if given[0].keyword is not None and given[0].keyword.value != "conn_id":
        return None
    value = given[0].value
    if not isinstance(value, cst.Name):
        return None
    param = _single_param(ctx, value)
    if param is None or param.star:
        return None
    if param.default is not None and not (
        isinstance(param.default, cst.Name) and param.default.value == "None"
    ):
        return None  # conn_id="hubspot_default": the default stays a connection's id
    function = ctx.ancestor(param, cst.FunctionDef)
    if not isinstance(function, cst.FunctionDef):
        return None
    owner = ctx.ancestor(function, cst.ClassDef)
    if _CONNECTION_PLACE.search(ctx.code(owner or function)):
        return None  # the connection also says where to send: another service's?
    named = f"{param.name.value} of {function.name.value}()"
    return StoredDefault(
        param,
        "",
        f"the key of the Airflow connection {named} names",
        "store the access token in that connection in place of the key (the "
        "field it was read from); callers name a connection holding a token",
    )


def _airflow_receiver(ctx: ModuleContext, receiver: cst.BaseExpression) -> bool:
    """``BaseHook`` (or ``Connection``) imported from Airflow, or ``self`` of a
    method of a class deriving from a hook, in a module importing Airflow."""
    if isinstance(receiver, cst.Name) and receiver.value in ("self", "cls"):
        owner = ctx.ancestor(receiver, cst.ClassDef)
        return (
            owner is not None
            and any(_AIRFLOW_HOOK_BASE.search(ctx.code(b.value)) for b in owner.bases)
            and re.search(r"^\s*(?:from|import)\s+airflow\b", ctx.text, re.M)
            is not None
        )
    if isinstance(receiver, cst.Name):
        found = values.import_binding(ctx, receiver)
        return found is not None and found[0].split(".")[0] == "airflow"
    return False


def set_elsewhere(ctx: ModuleContext, node: cst.Attribute, owner: cst.ClassDef) -> str:
    """How a reason names ``self.<attr>`` that the module never sets: by a
    base class of another module (``self.source_conn`` of an Airflow
    operator's base), or from outside; never a value."""
    defined = {n.name.value for n in ctx.module.body if isinstance(n, cst.ClassDef)}
    bases = [
        ctx.code(b.value)
        for b in owner.bases
        if b.keyword is None and ctx.code(b.value).split(".")[-1] not in defined
    ]
    where = f"by {bases[0]} of another module" if bases else "outside this module"
    return f"self.{node.attr.value}, set {where}"
