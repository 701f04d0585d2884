"""Whether an object another module of the tree defines takes ``headers=`` on its
request methods: ``from internal_http import client`` where ``internal_http.py``
says ``client = requests.Session()`` (it does), or ``client = _Client()`` whose
``get(self, url, params=None)`` has no ``headers`` (it does not: adding the
header would raise TypeError).

The other module is read from disk (found beside the importing file or in a
folder above it) and parsed with :mod:`ast`; nothing is edited. The answer is
"yes" only when the code shows it: a known HTTP client, a class deriving from
one, or a method that passes ``headers``/``**kwargs`` on to a known client's
request. Anything else (an unknown package, a module not found, a shape not
followed) is "not known", and the caller leaves the request for a person.
"""

from __future__ import annotations

import ast
import functools
import os

# packages whose module functions and clients take headers= on their requests
HTTP_PACKAGES = frozenset(
    {
        "requests",
        "httpx",
        "aiohttp",
        "grequests",
        "treq",
        "niquests",
        "urllib3",
        "requests_oauthlib",
        "requests_futures",
        "requests_cache",
        "cachecontrol",
    }
)
# and the standard library's (its request(method, url, body, headers=...))
_HTTP_MODULES = ("http.client", "httplib")


def is_http_package(dotted: str) -> bool:
    """``requests.Session``, ``http.client.HTTPSConnection``: a name from a
    package known to take headers= on its requests."""
    if dotted.split(".", 1)[0] in HTTP_PACKAGES:
        return True
    return any(dotted == m or dotted.startswith(m + ".") for m in _HTTP_MODULES)


_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_Function = ast.FunctionDef | ast.AsyncFunctionDef
_DEPTH = 3  # re-exports and base classes followed
_LEVELS = 8  # folders above the importing file searched for the module


def takes_headers(importer: str, dotted: str, method: str, depth: int = 0) -> bool:
    """Whether ``<dotted>.<method>(..., headers=...)`` is known to work, where
    ``dotted`` is the qualified name the importing module (at path
    ``importer``) gives the receiver: ``internal_http.client``, ``crm.http``
    (a module: its function ``method``), ``.http.session`` (relative)."""
    if is_http_package(dotted):
        return True
    if depth > _DEPTH:
        return False
    found = _resolve(os.path.dirname(os.path.abspath(importer)), dotted)
    if found is None:
        return False
    path, rest = found
    module = _parse(path)
    if module is None:
        return False
    if not rest:  # the module itself: its function
        function = _top_level(module, method)
        return isinstance(function, _FUNCTIONS) and _forwards_headers(
            module, function, None, 0
        )
    if len(rest) != 1:
        return False
    return _object_takes_headers(path, module, rest[0], method, depth)


def builds_a_client(importer: str, dotted: str, method: str, depth: int = 0) -> bool:
    """Whether what ``<dotted>(...)`` returns takes headers= on its ``method``:
    a known client's constructor, a class of the tree that is one or forwards
    them, a function of the tree that returns one."""
    if is_http_package(dotted):
        return True
    found = _resolve(os.path.dirname(os.path.abspath(importer)), dotted)
    if found is None or len(found[1]) != 1 or depth > _DEPTH:
        return False
    module = _parse(found[0])
    if module is None:
        return False
    name = found[1][0]
    if isinstance(_top_level(module, name), (ast.Import, ast.ImportFrom)):
        again = _dotted(module, ast.Name(name))  # a re-export
        return again is not None and builds_a_client(found[0], again, method, depth + 1)
    return _instance_takes_headers(module, ast.Name(name), method, 0)


def local_builds_a_client(code: str, name: str, method: str) -> bool:
    """:func:`builds_a_client` for a class or function the module itself
    defines at its top level (its text is ``code``)."""
    module = _parsed_text(code)
    return module is not None and _instance_takes_headers(
        module, ast.Name(name), method, 0
    )


@functools.lru_cache(maxsize=8)
def _parsed_text(code: str) -> ast.Module | None:
    try:
        return ast.parse(code)
    except (SyntaxError, ValueError):
        return None


def _returned_calls(function: _Function) -> list[ast.Call]:
    """The calls a factory returns (``return requests.Session()``, or ``s =
    requests.Session(); ...; return s``); empty when it returns anything else."""
    assigned: dict[str, list[ast.expr]] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    assigned.setdefault(target.id, []).append(node.value)
    calls: list[ast.Call] = []
    for node in ast.walk(function):
        if not isinstance(node, ast.Return):
            continue
        value = node.value
        values = assigned.get(value.id, []) if isinstance(value, ast.Name) else [value]
        if not values or not all(isinstance(v, ast.Call) for v in values):
            return []
        calls += [v for v in values if isinstance(v, ast.Call)]
    return calls


def _object_takes_headers(
    path: str, module: ast.Module, name: str, method: str, depth: int
) -> bool:
    """Whether the module-level object ``name`` of ``module`` takes headers=
    on its ``method``."""
    if depth > _DEPTH:
        return False
    binding = _top_level(module, name)
    if isinstance(binding, (ast.Import, ast.ImportFrom)):  # a re-export
        dotted = _dotted(module, ast.Name(name))
        return dotted is not None and takes_headers(path, dotted, method, depth + 1)
    value = binding.value if isinstance(binding, (ast.Assign, ast.AnnAssign)) else None
    if not isinstance(value, ast.Call):
        return False
    return _instance_takes_headers(module, value.func, method, depth)


def _instance_takes_headers(
    module: ast.Module, func: ast.expr, method: str, depth: int
) -> bool:
    """Whether what ``func(...)`` builds takes headers= on its ``method``: a
    known HTTP client, or a class of the module that is one or forwards."""
    dotted = _dotted(module, func)
    if dotted is not None and is_http_package(dotted):
        return True
    if isinstance(func, ast.Name) and depth <= _DEPTH:
        binding = _top_level(module, func.id)
        if isinstance(binding, ast.ClassDef):
            return _class_takes_headers(module, binding, method, depth + 1)
        if isinstance(binding, _FUNCTIONS):  # a factory
            returned = _returned_calls(binding)
            return bool(returned) and all(
                _instance_takes_headers(module, c.func, method, depth + 1)
                for c in returned
            )
    return False


def _class_takes_headers(
    module: ast.Module, cls: ast.ClassDef, method: str, depth: int
) -> bool:
    if depth > _DEPTH:
        return False
    for name in (method, "request"):
        for node in cls.body:
            if isinstance(node, _FUNCTIONS) and node.name == name:
                return _forwards_headers(module, node, cls, depth)
    # not defined here: inherited from its bases
    return any(_base_takes_headers(module, b, method, depth) for b in cls.bases)


def _base_takes_headers(
    module: ast.Module, base: ast.expr, method: str, depth: int
) -> bool:
    dotted = _dotted(module, base)
    if dotted is not None and is_http_package(dotted):
        return True
    if isinstance(base, ast.Name):
        cls = _top_level(module, base.id)
        if isinstance(cls, ast.ClassDef):
            return _class_takes_headers(module, cls, method, depth + 1)
    return False


def _forwards_headers(
    module: ast.Module,
    function: _Function,
    cls: ast.ClassDef | None,
    depth: int,
) -> bool:
    """A ``def get(self, url, headers=None)`` that hands ``headers`` (or a
    ``def get(self, url, **kw)`` its ``**kw``) on to a known client's request,
    without replacing them on the way."""
    named = "headers" in {a.arg for a in function.args.args + function.args.kwonlyargs}
    kwargs = function.args.kwarg.arg if function.args.kwarg else None
    if not named and kwargs is None:
        return False
    carrier = "headers" if named else kwargs
    assert carrier is not None
    if _replaced(function, carrier, named):
        return False
    local = _local_names(function)
    for node in ast.walk(function):
        if not isinstance(node, ast.Call):
            continue
        # headers=headers exactly (not `headers or DEFAULTS`), or **kw with no
        # headers= of its own beside it (a TypeError once kw holds some)
        own_headers = any(k.arg == "headers" for k in node.keywords)
        passes = any(
            (named and k.arg == "headers" and _is_name(k.value, "headers"))
            or (
                not named
                and k.arg is None
                and _is_name(k.value, carrier)
                and not own_headers
            )
            for k in node.keywords
        )
        if passes and _known_request(module, node.func, cls, depth, local):
            return True
    return False


def _local_names(function: _Function) -> set[str]:
    """The parameters and names a function binds: they hide the module's."""
    args = function.args
    found = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
    found |= {a.arg for a in (args.vararg, args.kwarg) if a is not None}
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            found.add(node.id)
    return found


def _replaced(function: _Function, carrier: str, named: bool) -> bool:
    """``headers = {...}`` (not built from ``headers``), ``kw["headers"] =
    ...``, ``kw.pop("headers")``: what the caller hands in is dropped."""
    for node in ast.walk(function):
        if named and isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:  # headers["Authorization"] = ..., headers |= ...
                if isinstance(target, ast.Subscript) and _is_name(
                    target.value, carrier
                ):
                    return True
                if isinstance(node, ast.AugAssign) and _is_name(target, carrier):
                    return True
        if (
            named
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and _is_name(node.func.value, carrier)
            and node.func.attr
            in ("update", "setdefault", "pop", "clear", "__setitem__")
        ):
            return True
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if named and _is_name(target, carrier):
                    if not _mentions(node.value, carrier):
                        return True
                if (
                    not named
                    and isinstance(target, ast.Subscript)
                    and _is_name(target.value, carrier)
                    and _is_text(target.slice, "headers")
                    and not _mentions(node.value, carrier)
                ):
                    return True
        if (
            not named
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and _is_name(node.func.value, carrier)
            and node.func.attr == "pop"
            and node.args
            and _is_text(node.args[0], "headers")
        ):
            return True
    return False


def _mentions(node: ast.AST, name: str) -> bool:
    return any(_is_name(n, name) for n in ast.walk(node))


def _is_text(node: ast.AST, text: str) -> bool:
    return isinstance(node, ast.Constant) and node.value == text


def _known_request(
    module: ast.Module,
    func: ast.expr,
    cls: ast.ClassDef | None,
    depth: int,
    local: set[str],
) -> bool:
    """``requests.get``, ``super().request``, ``self.session.get`` (a known
    client set in the class), ``SESSION.get`` (one the module makes): a call
    known to take headers=."""
    root = func
    while isinstance(root, ast.Attribute):
        root = root.value
    if isinstance(root, ast.Name) and root.id in local and root.id != "self":
        return False  # a parameter or a local name: not the module's
    if isinstance(func, ast.Name):
        dotted = _dotted(module, func)  # from requests import get
        return dotted is not None and is_http_package(dotted)
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    dotted = _dotted(module, owner)
    if dotted is not None and is_http_package(dotted):
        return True
    if isinstance(owner, ast.Name) and depth <= _DEPTH:
        binding = _top_level(module, owner.id)
        value = getattr(binding, "value", None)
        if isinstance(binding, ast.Assign) and isinstance(value, ast.Call):
            return _instance_takes_headers(module, value.func, func.attr, depth + 1)
    if cls is None:
        return False
    if (
        isinstance(owner, ast.Call)
        and isinstance(owner.func, ast.Name)
        and owner.func.id == "super"
    ):
        return any(_base_takes_headers(module, b, func.attr, depth) for b in cls.bases)
    if (
        isinstance(owner, ast.Attribute)
        and isinstance(owner.value, ast.Name)
        and owner.value.id == "self"
    ):
        built = _self_attribute_values(cls, owner.attr)
        return bool(built) and all(
            isinstance(v, ast.Call)
            and _instance_takes_headers(module, v.func, func.attr, depth)
            for v in built
        )
    return False


def _self_attribute_values(cls: ast.ClassDef, name: str) -> list[ast.expr]:
    found = []
    for node in ast.walk(cls):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and target.attr == name
                    and _is_name(target.value, "self")
                ):
                    found.append(node.value)
    return found


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


def _dotted(module: ast.Module, node: ast.expr) -> str | None:
    """The qualified name ``node`` stands for through the module's imports
    (``requests.Session`` for ``Session`` after ``from requests import
    Session``)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    binding = _top_level(module, node.id)
    if isinstance(binding, ast.Import):
        for alias in binding.names:
            if (alias.asname or alias.name.split(".", 1)[0]) == node.id:
                root = alias.name if alias.asname else node.id
                return ".".join([root, *reversed(parts)])
    if isinstance(binding, ast.ImportFrom):
        imported = _imported_dotted(binding, node.id)
        if imported is not None:
            return ".".join([imported, *reversed(parts)])
    return None


def _imported_dotted(node: ast.ImportFrom, name: str) -> str | None:
    for alias in node.names:
        if (alias.asname or alias.name) == name:
            return (
                "." * node.level
                + (node.module + "." if node.module else "")
                + (alias.name)
            )
    return None


def _top_level(module: ast.Module, name: str) -> ast.stmt | None:
    """The last module-level statement that binds ``name`` (None when it is
    bound inside a branch or not at all)."""
    found = None
    for node in module.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            if node.name == name:
                found = node
        elif isinstance(node, ast.Assign):
            if any(_is_name(t, name) for t in node.targets):
                found = node
        elif isinstance(node, ast.AnnAssign):
            if _is_name(node.target, name):
                found = node
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                bound = alias.asname or alias.name.split(".", 1)[0]
                if bound == name:
                    found = node
    return found


def _resolve(start: str, dotted: str) -> tuple[str, list[str]] | None:
    """The file of the longest module prefix of ``dotted`` and the names after
    it: ``internal_http.client`` -> (``.../internal_http.py``, [``client``])."""
    level = len(dotted) - len(dotted.lstrip("."))
    parts = [p for p in dotted.lstrip(".").split(".") if p]
    if level:
        bases = [start]
        for _ in range(level - 1):
            bases = [os.path.dirname(bases[0])]
    else:
        bases, folder = [], start
        for _ in range(_LEVELS):
            bases.append(folder)
            parent = os.path.dirname(folder)
            if parent == folder:
                break
            folder = parent
    for base in bases:
        for cut in range(len(parts), 0, -1):
            stem = os.path.join(base, *parts[:cut])
            for path in (stem + ".py", os.path.join(stem, "__init__.py")):
                if os.path.isfile(path):
                    return path, parts[cut:]
    return None


def _parse(path: str) -> ast.Module | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return _parsed(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=256)
def _parsed(path: str, mtime: int, size: int) -> ast.Module | None:
    try:
        with open(path, "rb") as handle:
            return ast.parse(handle.read())
    except (OSError, SyntaxError, ValueError):
        return None
