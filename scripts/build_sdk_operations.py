"""Build ``hapimigrate/hubspot/data/sdk_operations.json``: which HubSpot operation
(HTTP method and path) each method of HubSpot's Python SDKs calls, read from the
SDKs' own sources with ``ast`` (nothing is imported or run).

    .venv/bin/pip download --no-deps -d /tmp/sdks hubspot-api-client==5.1.1 \\
        hubspot3==3.2.56 hapipy==2.10.0
    .venv/bin/pip download --no-deps -d /tmp/sdks hubspot-api-client==12.0.0
    .venv/bin/python scripts/build_sdk_operations.py /tmp/sdks/*.whl /tmp/sdks/*.tar.gz

* hubspot-api-client (package ``hubspot``): the client's properties lead through
  ``discovery`` classes (``client.crm.contacts``) to generated API classes
  (``basic_api``) whose ``*_with_http_info`` methods call
  ``self.api_client.call_api("/crm/v3/objects/contacts", "GET", ...)`` (newer
  generators: ``_get_page_serialize`` with ``param_serialize(method=...,
  resource_path=...)``). Keys are the attribute chain after the client object:
  ``crm.contacts.basic_api.get_page``; discovery helpers such as
  ``crm.contacts.get_all`` (``fetch_all(self.basic_api)``) are followed.
  Several versions may be given: an operation takes the endpoint of the oldest
  version given that has the method. Code that builds a client with ``api_key=``
  was written for a release that took API keys (5.1.1 is the last: "hapikey is
  no longer supported after v5.1.0"); a newer release adds the methods since.
* hubspot3 and hapipy (``hapi``): each client class builds its paths with
  ``_get_path(subpath)`` around ``self._call(subpath, method=...)``; keys are
  ``ClassName.method``, and ``clients`` maps the attributes of the ``Hubspot3``
  object (``client.contacts``) to their classes.

Methods whose path cannot be read from the source (a subpath passed in by the
caller, a version picked at run time from several) are left out: the lookup then
says the endpoint is unknown rather than guess.
"""

from __future__ import annotations

import argparse
import ast
import json
import posixpath
import re
import sys
import tarfile
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

OUTPUT = (
    Path(__file__).resolve().parent.parent
    / "hapimigrate"
    / "hubspot"
    / "data"
    / "sdk_operations.json"
)
HTTP_METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}
Operation = tuple[str, str]  # (method, path)


# -- reading a distribution -----------------------------------------------------------
@dataclass
class Distribution:
    name: str  # hubspot-api-client, hubspot3, hapipy
    version: str
    files: dict[str, str]  # "hubspot/client.py" -> source


def read_distribution(path: Path) -> Distribution | None:
    files: dict[str, str] = {}
    meta = ""
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if name.endswith(".py"):
                    files[name] = archive.read(name).decode("utf-8", "replace")
                elif name.endswith(".dist-info/METADATA"):
                    meta = archive.read(name).decode("utf-8", "replace")
    elif path.name.endswith((".tar.gz", ".tgz")):
        with tarfile.open(path) as archive:
            for member in archive.getmembers():
                top, _, rest = member.name.partition("/")
                if not member.isfile():
                    continue
                data = archive.extractfile(member)
                text = data.read().decode("utf-8", "replace") if data else ""
                if rest.endswith(".py"):
                    files[rest] = text
                elif rest == "PKG-INFO":
                    meta = text
    else:
        return None
    version = _meta_field(meta, "Version")
    if "hubspot/client.py" in files:
        return Distribution("hubspot-api-client", version, files)
    if "hubspot3/base.py" in files:
        return Distribution("hubspot3", version, files)
    if "hapi/base.py" in files:
        return Distribution("hapipy", version, files)
    return None


def _meta_field(meta: str, name: str) -> str:
    found = re.search(rf"^{name}: *(.+)$", meta, re.MULTILINE)
    return found.group(1).strip() if found else "?"


def _parse(source: str) -> ast.Module | None:
    try:
        with warnings.catch_warnings():  # the SDKs' own invalid escapes
            warnings.simplefilter("ignore", (DeprecationWarning, SyntaxWarning))
            return ast.parse(source)
    except SyntaxError:  # hapipy's base.py is Python 2
        return None


# -- string templates -----------------------------------------------------------------
class Unknown(Exception):
    """A piece of a path the source does not tell."""


def template(node: ast.expr, env: dict[str, str]) -> str:
    """The text ``node`` evaluates to, with ``{name}`` for the values named in
    ``env`` as placeholders; :class:`Unknown` where it cannot be read."""
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int)):
        return str(node.value)
    if isinstance(node, ast.Name):
        if node.id in env:
            return env[node.id]
        raise Unknown(node.id)
    if isinstance(node, ast.Attribute):
        key = f"{_dotted(node)}"
        if key in env:
            return env[key]
        raise Unknown(key)
    if isinstance(node, ast.JoinedStr):
        return "".join(
            template(v.value if isinstance(v, ast.FormattedValue) else v, env)
            for v in node.values
        )
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return template(node.left, env) + template(node.right, env)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        pattern = template(node.left, env)
        args = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
        pieces = re.split(r"%[sd]", pattern)
        if len(pieces) != len(args) + 1 or "%(" in pattern:
            raise Unknown("%")
        out = pieces[0]
        for arg, piece in zip(args, pieces[1:]):
            out += template(arg, env) + piece
        return out
    if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
        # ``self.options.get("version") or API_VERSION``: the default
        return template(node.values[-1], env)
    if isinstance(node, ast.Call) and _is_str_call(node):
        return template(node.args[0], env)
    if isinstance(node, ast.Subscript):
        values = env.get("dict:" + _dotted(node.value))
        if values is not None:
            return values
        raise Unknown("subscript")
    raise Unknown(type(node).__name__)


def _is_str_call(node: ast.Call) -> bool:
    return (
        isinstance(node.func, ast.Name)
        and node.func.id == "str"
        and len(node.args) == 1
        and not node.keywords
    )


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return _dotted(node.value) + "." + node.attr
    return "?"


def clean_path(path: str) -> str | None:
    """``contacts/v1/contact/vid/{contact_id}/profile?x=1`` -> a leading slash, no
    query, no trailing slash; None when it is not a path at all."""
    path = path.split("?", 1)[0].split("#", 1)[0]
    path = "/" + path.lstrip("/")
    path = re.sub(r"/{2,}", "/", path).rstrip("/") or "/"
    first = path.split("/")[1] if path.count("/") else ""
    if not first or "{" in first:
        return None  # the whole path comes from the caller
    return path


def module_constants(tree: ast.Module, known: dict[str, str]) -> dict[str, str]:
    """``NAME = "text"`` at module level (and dicts whose values all agree, as
    ``dict:NAME``), imported constants taken from ``known``."""
    env: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            _class_constants(node, node.name, env)
        if isinstance(node, ast.ImportFrom):
            for alias in node.names:
                if alias.name in known:
                    env[alias.asname or alias.name] = known[alias.name]
        if not (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
        ):
            continue
        name = node.targets[0].id
        if isinstance(node.value, ast.Dict):
            texts = {v.value for v in node.value.values if isinstance(v, ast.Constant)}
            if len(texts) == 1:
                env["dict:" + name] = str(texts.pop())
            continue
        try:
            env[name] = template(node.value, env)
        except Unknown:
            pass
    return env


def _class_constants(cls: ast.ClassDef, prefix: str, env: dict[str, str]) -> None:
    """``DealsClient.Recency.CREATED = "created"``, as ``env`` keys."""
    for node in cls.body:
        if isinstance(node, ast.ClassDef):
            _class_constants(node, f"{prefix}.{node.name}", env)
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            env[f"{prefix}.{node.targets[0].id}"] = node.value.value


# -- hubspot-api-client ---------------------------------------------------------------
def _api_class_operations(tree: ast.Module) -> dict[str, dict[str, list]]:
    """Generated API classes: class name -> method name -> [method, path, and
    the bindings of the path's placeholders to the method's parameters]."""
    found: dict[str, dict[str, list]] = {}
    for cls in tree.body:
        if not isinstance(cls, ast.ClassDef):
            continue
        functions = {f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)}
        methods: dict[str, list] = {}
        for name, function in functions.items():
            if name.endswith("_with_http_info"):
                public = name[: -len("_with_http_info")]
            elif name.startswith("_") and name.endswith("_serialize"):
                public = name[1 : -len("_serialize")]
            else:
                continue
            operation = _generated_request(function)
            if operation is not None:
                method, path = operation[0], operation[1].rstrip("/") or "/"
                signature = functions.get(public, function)
                methods[public] = _with_bindings(
                    (method, path), bindings(signature, path, _snake)
                )
        if methods:
            found[cls.name] = methods
    return found


def _generated_request(function: ast.FunctionDef) -> Operation | None:
    for node in ast.walk(function):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr == "call_api" and len(node.args) >= 2:
            path, method = node.args[0], node.args[1]
        elif node.func.attr == "param_serialize":
            keywords = {k.arg: k.value for k in node.keywords}
            path, method = keywords.get("resource_path"), keywords.get("method")
        else:
            continue
        if (
            isinstance(path, ast.Constant)
            and isinstance(path.value, str)
            and isinstance(method, ast.Constant)
            and str(method.value).upper() in HTTP_METHODS
        ):
            return str(method.value).upper(), path.value
    return None


class HubspotApiClient:
    """Walks the discovery classes of one hubspot-api-client distribution."""

    def __init__(self, dist: Distribution) -> None:
        self.files = dist.files
        self.trees: dict[str, ast.Module] = {}
        # package directory ("hubspot/crm/contacts") -> API class -> operations
        self.api_classes: dict[str, dict[str, dict[str, Operation]]] = {}
        for path, source in dist.files.items():
            if "/api/" in path and path.startswith("hubspot/"):
                tree = _parse(source)
                if tree is not None:
                    package = path.split("/api/", 1)[0]
                    for cls, methods in _api_class_operations(tree).items():
                        self.api_classes.setdefault(package, {})[cls] = methods

    def operations(self) -> dict[str, list[Operation]]:
        found: dict[str, list[Operation]] = {}
        self._discovery("hubspot/client.py", "Client", "", found, set())
        return found

    def _tree(self, path: str) -> ast.Module | None:
        if path not in self.trees:
            source = self.files.get(path)
            tree = _parse(source) if source is not None else None
            if tree is None:
                return None
            self.trees[path] = tree
        return self.trees[path]

    def _discovery(
        self, path: str, cls_name: str, prefix: str, found: dict, seen: set
    ) -> None:
        if (path, cls_name) in seen:
            return
        seen.add((path, cls_name))
        tree = self._tree(path)
        if tree is None:
            return
        packages = _module_imports(tree)  # alias -> "hubspot/crm/contacts"
        cls = next(
            (
                n
                for n in tree.body
                if isinstance(n, ast.ClassDef) and n.name == cls_name
            ),
            None,
        )
        if cls is None:
            return
        properties: dict[str, tuple] = {}
        helpers: list[ast.FunctionDef] = []
        for function in cls.body:
            if not isinstance(function, ast.FunctionDef):
                continue
            if function.name.startswith("_"):
                continue
            if any(
                isinstance(d, ast.Name) and d.id == "property"
                for d in function.decorator_list
            ):
                target = self._property_target(path, function, packages)
                if target is not None:
                    properties[function.name] = target
            else:
                helpers.append(function)
        for name, target in properties.items():
            chain = f"{prefix}{name}"
            if target[0] == "discovery":
                self._discovery(target[1], target[2], chain + ".", found, seen)
            else:
                for method, operation in sorted(target[1].items()):
                    found[f"{chain}.{method}"] = [operation]
        for helper in helpers:  # get_all: fetch_all(self.basic_api, ...)
            operations = self._helper_operations(cls, helper, properties, set())
            if operations:
                found[f"{prefix}{helper.name}"] = [
                    list(o) for o in sorted(set(operations))
                ]

    def _property_target(
        self, path: str, function: ast.FunctionDef, packages: dict[str, str]
    ) -> tuple | None:
        local_imports = dict(self._module_level_imports(path))
        for node in ast.walk(function):
            if isinstance(node, ast.ImportFrom):
                module = _resolve_relative(path, node.module or "", node.level)
                for alias in node.names:
                    local_imports[alias.asname or alias.name] = (module, alias.name)
        for node in ast.walk(function):
            if not (isinstance(node, ast.Return) and isinstance(node.value, ast.Call)):
                continue
            call = node.value
            if isinstance(call.func, ast.Name) and call.func.id in local_imports:
                module, name = local_imports[call.func.id]
                return ("discovery", module, name)
            if (
                isinstance(call.func, ast.Attribute)
                and call.func.attr == "_configure_api_client"
                and len(call.args) == 2
                and isinstance(call.args[0], ast.Name)
                and isinstance(call.args[1], ast.Constant)
            ):
                package = packages.get(call.args[0].id)
                classes = self.api_classes.get(package or "", {})
                methods = classes.get(str(call.args[1].value))
                if methods is not None:
                    return ("api", methods)
        return None

    def _module_level_imports(self, path: str) -> dict[str, tuple[str, str]]:
        """``from .discovery.crm.discovery import Discovery as CrmDiscovery`` at the
        top of the module (5.x) rather than inside the property (newer)."""
        tree = self._tree(path)
        found = {}
        for node in tree.body if tree is not None else ():
            if isinstance(node, ast.ImportFrom) and node.level:
                module = _resolve_relative(path, node.module or "", node.level)
                for alias in node.names:
                    found[alias.asname or alias.name] = (module, alias.name)
        return found

    def _helper_operations(
        self, cls: ast.ClassDef, helper: ast.FunctionDef, properties: dict, seen: set
    ) -> list[Operation]:
        if helper.name in seen:
            return []
        seen.add(helper.name)
        found: list[Operation] = []
        for node in ast.walk(helper):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            # self.basic_api.get_page(...)
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Attribute)
                and _is_self(func.value.value)
            ):
                target = properties.get(func.value.attr)
                if target is not None and target[0] == "api":
                    if func.attr in target[1]:
                        found.append(tuple(target[1][func.attr][:2]))
            # fetch_all(self.basic_api, ...)
            if (
                isinstance(func, ast.Name)
                and func.id == "fetch_all"
                and node.args
                and isinstance(node.args[0], ast.Attribute)
                and _is_self(node.args[0].value)
            ):
                target = properties.get(node.args[0].attr)
                if target is not None and target[0] == "api":
                    if "get_page" in target[1]:
                        found.append(tuple(target[1]["get_page"][:2]))
            # self.fetch_all(...)
            if isinstance(func, ast.Attribute) and _is_self(func.value):
                other = next(
                    (
                        f
                        for f in cls.body
                        if isinstance(f, ast.FunctionDef) and f.name == func.attr
                    ),
                    None,
                )
                if other is not None:
                    found += self._helper_operations(cls, other, properties, seen)
        return found


def _with_bindings(operation: Operation, bound: dict) -> list:
    return [*operation, bound] if bound else list(operation)


def _snake(name: str) -> str:
    """``objectType`` -> ``object_type`` (generated methods' parameters)."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def _is_self(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) and node.id == "self"


def _module_imports(tree: ast.Module) -> dict[str, str]:
    """``import hubspot.crm.contacts as api_client`` -> {"api_client":
    "hubspot/crm/contacts"}."""
    found = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    found[alias.asname] = alias.name.replace(".", "/")
    return found


def _resolve_relative(path: str, module: str, level: int) -> str:
    """The file a ``from .x.discovery import ...`` in ``path`` names."""
    base = posixpath.dirname(path)
    for _ in range(max(level - 1, 0)):
        base = posixpath.dirname(base)
    target = (
        posixpath.join(base, *module.split(".")) if level else module.replace(".", "/")
    )
    return target + ".py"


# -- hubspot3 and hapipy --------------------------------------------------------------
@dataclass
class ClientClass:
    name: str
    bases: list[str]
    functions: dict[str, ast.FunctionDef]
    env: dict[str, str]  # module constants
    get_path: ast.FunctionDef | None = None
    client_names: dict[str, str] = field(default_factory=dict)


class HandWrittenClients:
    """hubspot3 and hapipy: ``self._call(subpath, method=...)`` around
    ``_get_path``."""

    def __init__(self, dist: Distribution, package: str) -> None:
        self.classes: dict[str, ClientClass] = {}
        self.skipped: list[str] = []
        trees = {}
        for path, source in sorted(dist.files.items()):
            if not path.startswith(package + "/"):
                continue
            tree = _parse(source)
            if tree is None:
                self.skipped.append(path)
                continue
            trees[path] = tree
        shared: dict[str, str] = {}
        for tree in trees.values():  # globals.py and the like, for imports
            shared.update(module_constants(tree, {}))
        for path, tree in trees.items():
            env = module_constants(tree, shared)
            for cls in tree.body:
                if isinstance(cls, ast.ClassDef):
                    functions = {
                        f.name: f for f in cls.body if isinstance(f, ast.FunctionDef)
                    }
                    self.classes[cls.name] = ClientClass(
                        cls.name,
                        [_dotted(b).rsplit(".", 1)[-1] for b in cls.bases],
                        functions,
                        env,
                        functions.get("_get_path"),
                    )

    def _lookup(
        self, cls: str, name: str
    ) -> tuple[ClientClass, ast.FunctionDef] | None:
        seen = set()
        while cls in self.classes and cls not in seen:
            seen.add(cls)
            found = self.classes[cls]
            if name in found.functions:
                return found, found.functions[name]
            cls = next((b for b in found.bases if b in self.classes), "")
        return None

    def _is_client(self, cls: str) -> bool:
        return self._lookup(cls, "_get_path") is not None and cls not in ("BaseClient",)

    def operations(self) -> dict[str, list[Operation]]:
        found: dict[str, list[Operation]] = {}
        for name in sorted(self.classes):
            if not self._is_client(name):
                continue
            for method in self._public_methods(name):
                operations = self._method_operations(name, method, set())
                function = self._lookup(name, method)[1]  # type: ignore[index]
                if operations:
                    found[f"{name}.{method}"] = [
                        _with_bindings(op, bindings(function, op[1]))
                        for op in sorted(set(operations))
                    ]
        return found

    def _public_methods(self, cls: str) -> list[str]:
        names: set[str] = set()
        seen = set()
        while cls in self.classes and cls not in seen and cls != "BaseClient":
            seen.add(cls)
            names |= {n for n in self.classes[cls].functions if not n.startswith("_")}
            cls = next((b for b in self.classes[cls].bases if b in self.classes), "")
        return sorted(names)

    def clients(self, facade: str) -> dict[str, str]:
        """The ``Hubspot3`` object's properties: attribute -> client class."""
        found = {}
        cls = self.classes.get(facade)
        for function in cls.functions.values() if cls else ():
            for node in ast.walk(function):
                if (
                    isinstance(node, ast.Return)
                    and isinstance(node.value, ast.Call)
                    and isinstance(node.value.func, ast.Name)
                    and self._is_client(node.value.func.id)
                ):
                    found[function.name] = node.value.func.id
        return dict(sorted(found.items()))

    def _method_operations(
        self, cls: str, method: str, seen: set, bound: dict | None = None
    ) -> list[Operation]:
        """What ``cls.method`` calls; its parameters are ``{name}`` placeholders,
        or what ``bound`` gives them (a call from another method)."""
        if (cls, method) in seen:
            return []
        seen = seen | {(cls, method)}
        resolved = self._lookup(cls, method)
        if resolved is None:
            return []
        owner, function = resolved
        env = dict(owner.env)
        for arg in _parameters(function):
            env[arg] = "{" + arg + "}"
        env.update(bound or {})
        env["self._object_type"] = "{object_type}"
        locals_ = _local_strings(function, env)
        local_clients = _local_clients(function, self.classes)
        found: list[Operation] = []
        for node in ast.walk(function):
            if not (
                isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            ):
                continue
            target = node.func.value
            if _is_self(target) and node.func.attr in ("_call", "_call_raw"):
                found += self._request(cls, node, env, locals_)
                continue
            if _is_self(target):
                callee_cls = cls
            elif isinstance(target, ast.Name) and target.id in local_clients:
                callee_cls = local_clients[target.id]
            else:
                continue
            callee = self._lookup(callee_cls, node.func.attr)
            if callee is not None:
                found += self._method_operations(
                    callee_cls,
                    node.func.attr,
                    seen,
                    _bind_call(callee[1], node, env),
                )
        return found

    def _request(
        self, cls: str, call: ast.Call, env: dict, locals_: dict
    ) -> list[Operation]:
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        if "url" in keywords or not call.args:
            return []
        method_node = keywords.get("method") or (
            call.args[2] if len(call.args) > 2 else None
        )
        method = "GET"
        if method_node is not None:
            if not (
                isinstance(method_node, ast.Constant)
                and str(method_node.value).upper() in HTTP_METHODS
            ):
                return []
            method = str(method_node.value).upper()
        subpaths = _candidates(call.args[0], env, locals_)
        resolved = self._lookup(cls, "_get_path")
        if resolved is None:
            return []
        owner, get_path = resolved
        found = []
        for subpath in subpaths:
            if subpath is None or re.fullmatch(r"/?\{[^}]*\}/?", subpath):
                continue  # the caller's path
            full = _get_path(get_path, owner.env, subpath)
            path = clean_path(full) if full is not None else None
            if path is not None:
                found.append((method, path))
        return found


def _bind_call(function: ast.FunctionDef, call: ast.Call, env: dict) -> dict:
    """The texts a call gives the callee's parameters: a literal, the caller's
    own placeholder, the default when it is not passed, else ``{name}``."""
    positional = [a.arg for a in function.args.posonlyargs + function.args.args][1:]
    given: dict[str, ast.expr] = {}
    for index, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred):
            return {}
        if index < len(positional):
            given[positional[index]] = arg
    spread = False
    for keyword in call.keywords:
        if keyword.arg is None:
            spread = True  # **options may carry any parameter: no defaults
        else:
            given[keyword.arg] = keyword.value
    defaults = {} if spread else _defaults(function)
    bound = {}
    for name in _parameters(function):
        if name in given:
            try:
                bound[name] = template(given[name], env)
            except Unknown:
                bound[name] = "{" + name + "}"
        elif defaults.get(name) is not None:
            bound[name] = defaults[name]
    return bound


def _defaults(function: ast.FunctionDef) -> dict[str, str | None]:
    """Parameters with a literal text or number default."""
    args = function.args
    positional = (
        (args.posonlyargs + args.args)[-len(args.defaults) :] if args.defaults else []
    )
    pairs = list(zip(positional, args.defaults)) + list(
        zip(args.kwonlyargs, args.kw_defaults)
    )
    return {
        a.arg: str(d.value)
        for a, d in pairs
        if isinstance(d, ast.Constant)
        and isinstance(d.value, (str, int))
        and not isinstance(d.value, bool)
    }


def bindings(function: ast.FunctionDef, path: str, rename=lambda name: name) -> dict:
    """For each ``{placeholder}`` of ``path`` that is a parameter of ``function``
    and may change what the call needs (it has a default, as ``list_id="all"``,
    or it picks a kind of object: ``object_type``): [parameter, position (None:
    keyword only), default (None: none)]. Identifiers are left out: their value
    changes no scope, and the data stays small."""
    args = function.args
    positional = [a.arg for a in args.posonlyargs + args.args][1:]
    names = set(_parameters(function))
    defaults = _defaults(function)
    found = {}
    for placeholder in re.findall(r"\{([^}]+)\}", path):
        name = rename(placeholder)
        if name in names and (
            defaults.get(name) is not None or name.lower().endswith("type")
        ):
            index = positional.index(name) if name in positional else None
            found[placeholder] = [name, index, defaults.get(name)]
    return found


def _parameters(function: ast.FunctionDef) -> list[str]:
    args = function.args
    return [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs][1:]


def _local_strings(function: ast.FunctionDef, env: dict) -> dict[str, list[str | None]]:
    """Local names assigned texts (each assignment a candidate; None unknown)."""
    found: dict[str, list[str | None]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                try:
                    text: str | None = template(node.value, env)
                except Unknown:
                    text = None
                found.setdefault(target.id, []).append(text)
        elif isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
            found.setdefault(node.target.id, []).append(None)
    return found


def _local_clients(function: ast.FunctionDef, classes: dict) -> dict[str, str]:
    """``associations_client = CRMAssociationsClient(**self.credentials)``."""
    found = {}
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id in classes
        ):
            found[node.targets[0].id] = node.value.func.id
    return found


def _candidates(node: ast.expr, env: dict, locals_: dict) -> list[str | None]:
    if isinstance(node, ast.Name) and node.id in locals_ and node.id not in env:
        return locals_[node.id]
    try:
        return [template(node, env)]
    except Unknown:
        return [None]


def _get_path(function: ast.FunctionDef, env: dict, subpath: str) -> str | None:
    returns = [n for n in ast.walk(function) if isinstance(n, ast.Return)]
    if len(returns) != 1 or returns[0].value is None:
        return None
    scope = dict(env)
    parameters = _parameters(function)
    if not parameters:
        return None
    scope[parameters[0]] = subpath
    scope["self._object_type"] = "{object_type}"
    try:
        return template(returns[0].value, scope)
    except Unknown:
        return None


# -- all together ---------------------------------------------------------------------
def build(paths: list[Path]) -> dict:
    dists = [d for d in (read_distribution(p) for p in paths) if d is not None]
    dists.sort(key=lambda d: (d.name, _version_key(d.version)))  # the oldest first
    out: dict = {}
    for dist in dists:
        entry = out.setdefault(dist.name, {"versions": [], "operations": {}})
        entry["versions"].append(dist.version)
        if dist.name == "hubspot-api-client":
            operations = HubspotApiClient(dist).operations()
        else:
            package = "hubspot3" if dist.name == "hubspot3" else "hapi"
            clients = HandWrittenClients(dist, package)
            operations = clients.operations()
            if dist.name == "hubspot3":
                entry.setdefault("clients", {}).update(clients.clients("Hubspot3"))
            if clients.skipped:
                entry.setdefault("unparsed", []).extend(clients.skipped)
        for name, ops in operations.items():
            entry["operations"].setdefault(name, [list(op) for op in ops])
    for entry in out.values():
        entry["operations"] = dict(sorted(entry["operations"].items()))
    return dict(sorted(out.items()))


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else -1 for p in re.split(r"[.-]", version))


def dump(data: dict) -> str:
    """Compact and diff-friendly: one operation a line."""
    lines = ["{"]
    sdks = list(data.items())
    for i, (sdk, entry) in enumerate(sdks):
        lines.append(f"  {json.dumps(sdk)}: {{")
        fields = [(k, v) for k, v in entry.items() if k != "operations"]
        for key, value in fields:
            lines.append(f"    {json.dumps(key)}: {json.dumps(value)},")
        lines.append('    "operations": {')
        operations = list(entry["operations"].items())
        for j, (name, ops) in enumerate(operations):
            comma = "," if j < len(operations) - 1 else ""
            lines.append(f"      {json.dumps(name)}: {json.dumps(ops)}{comma}")
        lines.append("    }")
        lines.append("  }" + ("," if i < len(sdks) - 1 else ""))
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dists", nargs="+", type=Path, help="wheels and sdists")
    parser.add_argument("-o", "--output", type=Path, default=OUTPUT)
    options = parser.parse_args(argv)
    data = build(options.dists)
    if not data:
        print("no HubSpot SDK among the files given", file=sys.stderr)
        return 2
    options.output.write_text(dump(data), encoding="utf-8")
    for sdk, entry in data.items():
        print(
            f"{sdk} {', '.join(entry['versions'])}: "
            f"{len(entry['operations'])} methods",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
