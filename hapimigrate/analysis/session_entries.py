"""One web-session entry sent as a key by several views: all of them, or none.

    contacts/views.py
    def listar(request):
        api_key = request.session.setdefault('api_key', settings.HUBSPOT_API_KEY)
        client = HubSpot(api_key=api_key)          # manual: a configured default

    deals/views.py
    def remover(request, pk):
        api_key = request.session.get('api_key')
        client = HubSpot(api_key=api_key)          # rewritten alone: access_token=

Each visitor's value lives in the session (``request.session['api_key']``,
typed in a form or set from a default) and every view reading that entry sends
the same value, whichever module of the tree the view is in (one session per
visitor for the whole site). Migrated in one view and left in another, the
site would send it as a token here and as a key there: whatever the visitor
types, one of the two fails. So, across the tree (review 26 R6):

- when the views reading one entry hold both a rewritten key site and one left
  for a person, every module with such a rewrite stays as it is, each rewrite
  saying which use holds it back;
- the entry's writers are the value's origin. A view sending it migrates only
  when every write of the entry in the tree stores what the visitor gives
  (``request.POST``/``GET``/``data``..., the entry itself, nothing), unchecked:
  a write from anything else (a stored profile field, a setting: an API key
  nobody re-types) or a format check of the value before it is written (a
  UUID pattern: the visitor cannot give a token) holds the senders.

One parse per module naming ``.session``; the modules no rewrite reads are
read from disk only when an entry has a rewritten sender.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass

from hapimigrate.model import FileResult, Kind, Site, Status
from hapimigrate.tree_imports import is_test_module, tree_root

_NOT_KEYS = (Kind.CALL, Kind.VERSION)
# where a web request carries what the visitor gives (Django, DRF, Flask)
_VISITOR_INPUT = frozenset(
    "POST GET data query_params form args values json body".split()
)
# a call testing a value's format: a pattern, a UUID, a validator, a length
_FORMAT_CHECK = re.compile(
    r"(?i)^(?:match|fullmatch|search|len|uuid|compile)$|valid|check|^is_"
)

SPLIT = (
    "the web session's '{}' is sent as a key at {} too, which is left for "
    "a person ({}): a visitor's value would go as a token here and as a key "
    "there; its uses change together, by hand"
)
ORIGIN = (
    "the web session's '{}' is filled at {} from {}, not seen to be what the "
    "visitor types (a stored or configured API key?): it would go as a token "
    "here; change its writers and readers together, by hand"
)
CHECKED = (
    "the web session's '{}' is filled at {} only with a value {} accepts: a "
    "visitor cannot give an access token there, and the key it takes would go "
    "as a token here; change them together, by hand"
)


@dataclass(frozen=True)
class _Span:
    """A function's lines, first and last."""

    first: int
    last: int


@dataclass(frozen=True)
class _Write:
    """Where one session entry is written, and why its value may not be the
    visitor's (``""`` when it is)."""

    line: int
    concern: str  # an ORIGIN or CHECKED reason's parts, or ""
    detail: str


@dataclass(frozen=True)
class _Module:
    """One module's session entries: the functions reading each, and the
    writes of each."""

    spans: tuple[_Span, ...]
    readers: dict[str, frozenset[_Span]]
    writes: dict[str, tuple[_Write, ...]]


def hold_split_entries(results: list[FileResult]) -> list[FileResult]:
    """The results, each module sending a session entry as a key held when
    the entry's uses across the tree would migrate in part, or its writers
    store what is not the visitor's unchecked value (see the module's
    docstring)."""
    from hapimigrate.tree_hold import hold

    modules: dict[str, _Module] = {}
    for result in results:
        if result.changed and result.original and b".session" in result.original:
            found = _scan(result.original.decode(result.encoding or "utf-8", "replace"))
            if found is not None:
                modules[result.path] = found
    if not modules:
        return results
    rewritten = {
        entry
        for result in results
        if result.path in modules
        for entry in modules[result.path].readers
        if any(s.status == Status.REWRITE for s in _senders(result, modules, entry))
    }
    if not rewritten:
        return results
    for result in results:  # the modules no rewrite changed: their views too
        if result.path not in modules and result.path.endswith(".py"):
            data = (
                result.original if result.original is not None else _read(result.path)
            )
            if b".session" in data:
                found = _scan(data.decode(result.encoding or "utf-8", "replace"))
                if found is not None:
                    modules[result.path] = found
    root = tree_root([r.path for r in results])
    reasons: dict[str, str] = {}  # entry -> why its senders stay
    for entry in sorted(rewritten):
        reasons[entry] = _why_held(entry, results, modules, root)
    out = []
    for result in results:
        module = modules.get(result.path)
        held = [
            reasons[entry]
            for entry in sorted(module.readers if module else ())
            if reasons.get(entry)
            and any(
                s.status == Status.REWRITE for s in _senders(result, modules, entry)
            )
        ]
        if result.changed and held:
            result = hold(result, lambda site, r=held[0]: r, held[0])
        out.append(result)
    return out


def _why_held(
    entry: str, results: list[FileResult], modules: dict[str, _Module], root: str
) -> str:
    """Why the views sending ``entry`` stay as they are, or ``""``."""

    def where(path: str, line: int, here: str) -> str:
        if path == here:
            return f"line {line}"
        return f"{os.path.relpath(path, root) if root else path}:{line}"

    left = next(
        (
            (result.path, site)
            for result in results
            if result.path in modules
            for site in _senders(result, modules, entry)
            if site.status in (Status.MANUAL, Status.UNPARSED)
        ),
        None,
    )
    if left is not None:
        path, site = left
        # the same module: "line 7", as the reason said before the rule went
        # tree-wide; another: its path
        senders = {r.path for r in results if r.path in modules and r.changed}
        here = path if len(senders | {path}) == 1 else ""
        return SPLIT.format(entry, where(path, site.line, here), site.reason)
    for result in results:
        module = modules.get(result.path)
        if module is None or is_test_module(result.path, root):
            continue  # a test's session fixture is no visitor's
        for write in (*module.writes.get(entry, ()), *module.writes.get(ANY_ENTRY, ())):
            if write.concern:
                template = ORIGIN if write.concern == "origin" else CHECKED
                return template.format(
                    entry, where(result.path, write.line, ""), write.detail
                )
    return ""


def _senders(result: FileResult, modules: dict[str, _Module], entry: str) -> list[Site]:
    """The key sites of ``result`` in the functions reading ``entry``."""
    module = modules.get(result.path)
    functions = module.readers.get(entry) if module else None
    if not functions:
        return []
    return [
        s
        for s in result.sites
        if s.kind not in _NOT_KEYS and _innermost(module.spans, s.line) in functions
    ]


def _scan(text: str) -> _Module | None:
    """A module's session entries, their readers and their writes."""
    if ".session" not in text:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return None
    functions = [
        node
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    spans = [_Span(f.lineno, f.end_lineno or f.lineno) for f in functions]
    readers: dict[str, set[_Span]] = {}
    for entry, line in _reads(tree):
        span = _innermost(spans, line)
        if span is not None:
            readers.setdefault(entry, set()).add(span)
    writes: dict[str, list[_Write]] = {}
    constants = _string_constants(tree)
    for function in functions:
        for entry, value, line in _written(function, constants):
            writes.setdefault(entry, []).append(_judge(entry, value, line, function))
    return _Module(
        tuple(spans),
        {k: frozenset(v) for k, v in readers.items()},
        {k: tuple(v) for k, v in writes.items()},
    )


def _reads(tree: ast.AST) -> list[tuple[str, int]]:
    """Each read of a session entry: ``x.session['entry']`` (not a write),
    ``x.session.get('entry')``, ``.setdefault(...)``, ``.pop(...)``: (entry,
    line). A view only writing the entry (``request.session['token'] =
    tokens.access_token``) sends nothing of it."""
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and _is_session(node.value)
        ):
            entry = _text(node.slice)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "setdefault", "pop")
            and _is_session(node.func.value)
            and node.args
        ):
            entry = _text(node.args[0])
        else:
            continue
        if entry is not None and entry.isidentifier():  # not a requests URL
            found.append((entry, node.lineno))
    return found


# a write whose entry the code does not spell out (``session[name] = v``): it
# may be any entry
ANY_ENTRY = "*"


def _string_constants(tree: ast.Module) -> dict[str, str]:
    """The module's top-level names bound once, to a string (``SESSION_KEY =
    'api_key'``)."""
    bound: dict[str, list[ast.expr]] = {}
    for statement in tree.body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name):
                    bound.setdefault(target.id, []).append(statement.value)
    return {
        name: values[0].value
        for name, values in bound.items()
        if len(values) == 1
        and isinstance(values[0], ast.Constant)
        and isinstance(values[0].value, str)
    }


def _written(
    function: ast.AST, constants: dict[str, str] | None = None
) -> list[tuple[str, ast.expr, int]]:
    """Each ``x.session['entry'] = value``, ``x.session.setdefault('entry',
    value)`` and ``x.session.update(entry=value)`` / ``({'entry': value})``
    in a function: (entry, value, line). The session may be held in a local
    first (``session = request.session; session['api_key'] = ...``) and the
    entry named by a module constant (``SESSION_KEY``); an entry the code does
    not spell out is :data:`ANY_ENTRY` (review 27, R4)."""
    constants = constants or {}
    aliases = {
        target.id
        for node in ast.walk(function)
        if isinstance(node, ast.Assign) and _is_session(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }

    def session(node: ast.AST) -> bool:
        return _is_session(node) or (isinstance(node, ast.Name) and node.id in aliases)

    def named(node: ast.AST | None) -> str | None:
        if node is None:
            return None
        text = _text(node)
        if text is not None:
            return text
        if isinstance(node, ast.Name) and node.id in constants:
            return constants[node.id]
        return ANY_ENTRY

    found = []
    for node in ast.walk(function):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Subscript) and session(target.value):
                    found.append((named(target.slice), node.value, node.lineno))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and session(node.func.value)
        ):
            if node.func.attr == "setdefault" and len(node.args) == 2:
                entry = named(node.args[0])
                if entry is not None:
                    found.append((entry, node.args[1], node.lineno))
            elif node.func.attr == "update":
                for keyword in node.keywords:
                    if keyword.arg:
                        found.append((keyword.arg, keyword.value, node.lineno))
                for given in node.args:
                    if isinstance(given, ast.Dict):
                        for key, value in zip(given.keys, given.values):
                            entry = named(key) if key is not None else ANY_ENTRY
                            found.append((entry, value, node.lineno))
                    else:  # session.update(other): any entry
                        found.append((ANY_ENTRY, given, node.lineno))
    return [
        (e, v, n)
        for e, v, n in found
        if e is not None and (e == ANY_ENTRY or e.isidentifier())
    ]


def _judge(entry: str, value: ast.expr, line: int, function: ast.AST) -> _Write:
    """Whether a write stores the visitor's own unchecked value."""
    bindings = _bindings(function)
    names: set[str] = set()
    todo, seen = [value], 0
    while todo and seen < 20:
        seen += 1
        current = todo.pop()
        if _visitors(current, entry):
            continue
        if isinstance(current, ast.Name) and bindings.get(current.id):
            names.add(current.id)
            todo.extend(bindings[current.id] or ())
            continue
        if isinstance(current, ast.BoolOp):  # POST.get('k') or session.get('k')
            todo.extend(current.values)
            continue
        if isinstance(current, ast.Call) and isinstance(current.func, ast.Attribute):
            if current.func.attr in ("strip", "lower", "upper") and not current.args:
                todo.append(current.func.value)
                continue
        return _Write(line, "origin", _shown(current))
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            called = getattr(node.func, "attr", getattr(node.func, "id", ""))
            given = [*node.args, *(k.value for k in node.keywords)]
            if _FORMAT_CHECK.search(called) and any(
                isinstance(g, ast.Name) and g.id in names for g in given
            ):
                return _Write(line, "checked", f"{_shown(node)} (line {node.lineno})")
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(
                isinstance(s, ast.Name) and s.id in names for s in sides
            ) and not all(
                isinstance(s, ast.Name) and s.id in names or _empty(s) for s in sides
            ):
                return _Write(line, "checked", f"{_shown(node)} (line {node.lineno})")
    return _Write(line, "", "")


def _visitors(node: ast.expr, entry: str) -> bool:
    """What the visitor gives: ``request.POST.get('k')``, ``request.GET['k']``,
    ``request.data``..., this entry of the session itself, or nothing."""
    if _empty(node):
        return True
    current = node
    while isinstance(current, (ast.Call, ast.Attribute, ast.Subscript)):
        if isinstance(current, ast.Call):
            func = current.func
            if (
                isinstance(func, ast.Attribute)
                and _is_session(func.value)
                and current.args
                and _text(current.args[0]) == entry
            ):
                return True  # request.session.get('api_key')
            current = func
        elif isinstance(current, ast.Attribute):
            if current.attr in _VISITOR_INPUT:
                # request.POST, self.request.POST (a class-based view)
                owner = current.value
                name = getattr(owner, "attr", getattr(owner, "id", ""))
                return name in ("request", "req")
            current = current.value
        else:
            if _is_session(current.value) and _text(current.slice) == entry:
                return True
            current = current.value
    return False


def _bindings(function: ast.AST) -> dict[str, list[ast.expr] | None]:
    """Each local of a function -> the values assigned to it; None for a
    parameter or any other binding (a loop, ``with``, ``+=``)."""
    found: dict[str, list[ast.expr] | None] = {}
    arguments = getattr(function, "args", None)
    if isinstance(arguments, ast.arguments):
        for a in ast.walk(arguments):
            if isinstance(a, ast.arg):
                found[a.arg] = None
    assigned: set[int] = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Assign) and all(
            isinstance(t, ast.Name) for t in node.targets
        ):
            for target in node.targets:
                assigned.add(id(target))
                values = found.setdefault(target.id, [])  # type: ignore[union-attr]
                if values is not None:
                    values.append(node.value)
    for node in ast.walk(function):
        if (
            isinstance(node, ast.Name)
            and isinstance(node.ctx, ast.Store)
            and id(node) not in assigned
        ):
            found[node.id] = None
    return found


def _is_session(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "session"


def _empty(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value in (None, "", False)


def _text(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _shown(node: ast.AST) -> str:
    shown = ast.unparse(node)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def _innermost(spans: "list[_Span] | tuple[_Span, ...]", line: int) -> _Span | None:
    around = [s for s in spans if s.first <= line <= s.last]
    return min(around, key=lambda s: s.last - s.first, default=None)
