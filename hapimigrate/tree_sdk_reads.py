"""SDK clients a migrated module builds whose ``api_key`` another module reads.

``Hubspot3(api_key=KEY)`` becomes ``Hubspot3(access_token=TOKEN)``: the client
sends the token, and its ``api_key`` attribute is None from then on. The
module's own reads of it keep the client manual (its fixer sees them); another
module's do not reach that fixer:

    hs.py      client = Hubspot3(api_key=os.environ["HUBSPOT_API_KEY"])
    export.py  from crm.hs import client
               requests.post(BACKUP_URL, json={"key": client.api_key})

Such a module is left as it is (:mod:`hapimigrate.tree_hold`), its sites
manual, naming the read (``export.py:11``). The client may be reached through
the module (``hs.client.api_key``), an alias (``c = client``, in the module
itself too), a factory the module defines (``make_client().api_key``) or
``getattr(client, "api_key")``, or a parameter given it (its default: ``def
backup(client=client)``, ``lambda c=client: c.api_key``; the module's calls:
``_send(client)``, ``functools.partial(_send, client)``); a write
(``client.api_key = other``) counts too. A function's own parameter or
variable given something else is not the client. A module handing the
client to another module's function that reads its parameter's ``api_key``
(``backup(client)`` with ``def backup(c): return c.api_key`` in backup.py)
counts as that read, named with the call. Tests are left aside.

Cheap: only modules whose SDK client sites were rewritten are parsed, and the
other modules only when their bytes hold ``api_key`` and import the module;
the modules importing it are read for their calls only when one of those
reads its function's parameter.
"""

from __future__ import annotations

import ast
import os
from typing import Iterable, Iterator

from hapimigrate.tree_imports import is_test_module, tree_root
from hapimigrate.tree_aliases import function_locals
from hapimigrate import prefilter
from hapimigrate.model import FileResult, Kind, Status
from hapimigrate.tree_aliases import (
    Chain,
    Chains,
    ImportedName,
    imported_aliases,
    value_chain,
)
from hapimigrate.tree_hold import hold
from hapimigrate.tree_imports import importable_names, imported_names

READ_ELSEWHERE = (
    "{where} reads {name}.api_key, which is None once the client is given "
    "access_token: change that code and this client together, by hand"
)
HELD = "another module reads this module's SDK client's api_key: by hand"

_ATTRIBUTE = "api_key"


def hold_key_reads(results: list[FileResult], files: Iterable[str]) -> list[FileResult]:
    """``results``, with the modules whose rewritten SDK clients another module
    reads the ``api_key`` of left as they are, their sites manual."""
    clients = {}
    for result in results:
        if result.changed and result.original and prefilter.is_python(result.path):
            names = _client_names(result)
            if names:
                clients[result.path] = names
    if not clients:
        return results
    files = sorted(files)
    root = tree_root(files)
    readers = list(_readers(files, root))
    callers = _Callers(files, root, readers)
    out = []
    for result in results:
        names = clients.get(result.path)
        reads = _reads(result.path, names, readers) if names else {}
        if names:
            for line, read in callers.handing(result.path, names).items():
                reads.setdefault(line, read)
        if reads:
            result = hold(
                result,
                lambda s, reads=reads: _reason(s, reads),
                HELD,
            )
        out.append(result)
    return out


def _client_names(result: FileResult) -> dict[str, set[int]]:
    """The module-level names whose statement holds a rewritten SDK client
    site (``client = Hubspot3(...)``, ``def make_client(): return ...``):
    name -> the lines of those sites."""
    lines = {
        s.line
        for s in result.sites
        if s.kind == Kind.SDK and s.status == Status.REWRITE
    }
    if not lines:
        return {}
    try:
        tree = ast.parse(result.original or b"")
    except (SyntaxError, ValueError, RecursionError):
        return {}
    found: dict[str, set[int]] = {}
    for statement in tree.body:
        end = statement.end_lineno or statement.lineno
        held = {line for line in lines if statement.lineno <= line <= end}
        if not held:
            continue
        for name in _bound(statement):
            found.setdefault(name, set()).update(held)
    return found


def _bound(statement: ast.stmt) -> set[str]:
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {statement.name}
    targets: list[ast.expr] = []
    if isinstance(statement, ast.Assign):
        targets = statement.targets
    elif isinstance(statement, (ast.AnnAssign, ast.AugAssign)):
        targets = [statement.target]
    return {
        n.id
        for t in targets
        for n in ast.walk(t)
        if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)
    }


class _Reader:
    """A module whose bytes hold ``api_key``: its import words, then (when
    asked about a module it imports) its parsed reads of ``api_key``."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.data = data
        self.words = imported_names(data)
        self.imports: list[tuple[str | None, str, str]] = []
        self._reads: list[_Read] | None = None
        # (function, parameter, its position or None, line): a module-level
        # function reading its parameter's api_key (def backup(c): c.api_key)
        self.parameter_reads: list[tuple[str, str, int | None, int]] = []

    def reads(self) -> list[_Read]:
        """(line, the chain read: ``client`` of ``client.api_key``, its scope,
        the names the scope binds itself, the module's chains), for each read
        or write of ``api_key``."""
        if self._reads is None:
            self._reads = []
            try:
                tree = ast.parse(self.data)
            except (SyntaxError, ValueError, RecursionError):
                return self._reads
            chains = Chains(tree)
            given = _Given(tree)
            for scope, statements in chains.scopes():
                local = function_locals(scope) if scope is not None else frozenset()
                for statement in statements:
                    for node in ast.walk(statement):
                        held = _holder(node)
                        chain = value_chain(held) if held is not None else None
                        if chain is not None:
                            outer = given.module_chains(chain, held) or set()
                            bound = local | given.bound_around(held)
                            read = (node.lineno, chain, scope, bound, chains, outer)
                            self._reads.append(read)
                            self._parameter_read(scope, chain, node.lineno, tree)
            self.imports = _imports(tree)
        return self._reads

    def _parameter_read(
        self, scope: ast.AST | None, chain: Chain, line: int, tree: ast.Module
    ) -> None:
        if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return
        if scope not in tree.body or chain[0] not in _parameters(scope):
            return
        positional = [a.arg for a in (*scope.args.posonlyargs, *scope.args.args)]
        index = positional.index(chain[0]) if chain[0] in positional else None
        self.parameter_reads.append((scope.name, chain[0], index, line))


# (line, chain, its scope, the names the scope binds, the module's chains, the
# module-level chains a parameter it is rooted at is given)
_Read = tuple[int, Chain, "ast.AST | None", frozenset[str], Chains, set[Chain]]

_Function = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
_PARTIAL = ("partial", "functools.partial")
# how many parameters a value is followed through (def f(c=client): g(c))
_HOPS = 4


class _Given:
    """What a function's parameter may be, from its module alone: the default
    (``def backup(client=client)``, ``lambda c=client: ...``, read where the
    function is defined) and what the module's calls give it (``_send(client)``,
    ``functools.partial(_send, client)``, read where the call is). A parameter
    named like the client is the client when it is given the client."""

    def __init__(self, tree: ast.Module) -> None:
        self._parents: dict[int, ast.AST] = {}
        self._named: dict[str, list[_Function]] = {}
        self.calls: list[ast.Call] = []
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self._parents[id(child)] = node
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self._named.setdefault(node.name, []).append(node)
            elif isinstance(node, ast.Call):
                self.calls.append(node)
        for node in ast.walk(tree):  # key = lambda c=client: c.api_key
            if isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self._named.setdefault(target.id, []).append(node.value)

    def module_chains(
        self, chain: Chain, node: ast.AST, hops: int = 0
    ) -> set[Chain] | None:
        """The module-level chains ``chain``, read at ``node``, stands for when
        its root is a function's own name (a parameter: its default, its
        callers' arguments; a variable: what the function assigns it); None
        when its root is a module-level name or ``self``/``cls`` (which
        :class:`Chains` follows)."""
        if chain[0] in ("self", "cls"):
            return None
        for function in self._around(node):
            parameter = chain[0] in _parameters(function)
            if not parameter and chain[0] not in _own_variables(function):
                continue
            found: set[Chain] = set()
            for value, at in self._values(function, chain[0], parameter):
                inner = value_chain(value)
                if inner is not None and hops < _HOPS:
                    given = inner + chain[1:]
                    more = self.module_chains(given, at, hops + 1)
                    found |= {given} if more is None else more
            return found
        return None

    def bound_around(self, node: ast.AST) -> set[str]:
        """The names the functions and lambdas around ``node`` bind."""
        names: set[str] = set()
        for function in self._around(node):
            names |= _parameters(function) | _own_variables(function)
        return names

    def _around(self, node: ast.AST) -> Iterator[_Function]:
        """The functions (and lambdas) ``node`` is inside, innermost first."""
        current = self._parents.get(id(node))
        while current is not None:
            if isinstance(current, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                yield current
            current = self._parents.get(id(current))

    def _values(
        self, function: _Function, name: str, parameter: bool
    ) -> Iterator[tuple[ast.expr, ast.AST]]:
        """Each value ``function`` assigns its name ``name`` (read inside),
        and for a parameter its default (read beside the function) and each
        argument of the module's calls (read at the call), with a node where
        it is read."""
        for node in ast.walk(function):
            if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == name for t in node.targets
            ):
                yield node.value, node
            elif (
                isinstance(node, (ast.AnnAssign, ast.NamedExpr))
                and isinstance(node.target, ast.Name)
                and node.target.id == name
                and node.value is not None
            ):
                yield node.value, node
        if not parameter:
            return
        arguments = function.args
        positional = [*arguments.posonlyargs, *arguments.args]
        defaults = list(zip(positional[::-1], arguments.defaults[::-1]))
        defaults += list(zip(arguments.kwonlyargs, arguments.kw_defaults))
        for parameter, default in defaults:
            if parameter.arg == name and default is not None:
                yield default, function
        position = [p.arg for p in positional]
        if _bound_method(function, self._parents.get(id(function))):
            position = position[1:]  # self.f(...), obj.f(...)
        for call, given in self._calls_of(function):
            for index, argument in enumerate(given.args):
                if isinstance(argument, ast.Starred):
                    break
                if index < len(position) and position[index] == name:
                    yield argument, call
            for keyword in given.keywords:
                if keyword.arg == name:
                    yield keyword.value, call

    def _calls_of(self, function: _Function) -> Iterator[tuple[ast.Call, ast.Call]]:
        """The module's calls of ``function`` by its name (``f(...)``,
        ``obj.f(...)``, ``partial(f, ...)``), each with the call whose
        arguments are the function's (the partial's less ``f``)."""
        names = {n for n, fs in self._named.items() if function in fs}
        for call in self.calls:
            callee = call.func
            name = callee.attr if isinstance(callee, ast.Attribute) else None
            name = callee.id if isinstance(callee, ast.Name) else name
            if name in names:
                yield call, call
            elif (
                ".".join(value_chain(callee) or ()) in _PARTIAL
                and call.args
                and isinstance(call.args[0], (ast.Name, ast.Attribute))
                and (value_chain(call.args[0]) or ("",))[-1] in names
            ):
                yield call, ast.Call(call.func, call.args[1:], call.keywords)


def _bound_method(function: _Function, parent: ast.AST | None) -> bool:
    """Whether calls of ``function`` through an instance or class give its
    first parameter themselves (a method, a classmethod; no staticmethod)."""
    if not isinstance(parent, ast.ClassDef) or isinstance(function, ast.Lambda):
        return False
    return not any(
        isinstance(d, ast.Name) and d.id == "staticmethod"
        for d in function.decorator_list
    )


def _own_variables(function: _Function) -> set[str]:
    """The names ``function`` assigns in its own body (not in the functions
    and classes it defines), less those it declares global or nonlocal."""
    stored: set[str] = set()
    declared: set[str] = set()
    todo = list(ast.iter_child_nodes(function))
    while todo:
        node = todo.pop()
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            stored.add(node.id)
        elif isinstance(node, (ast.Global, ast.Nonlocal)):
            declared.update(node.names)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            stored.add(node.name)
            continue
        if not isinstance(node, ast.Lambda):
            todo.extend(ast.iter_child_nodes(node))
    return stored - declared


def _parameters(function: _Function) -> set[str]:
    arguments = function.args
    every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
    return {a.arg for a in every}


def _holder(node: ast.AST) -> ast.expr | None:
    """``x`` of ``x.api_key`` or ``getattr(x, "api_key")`` / ``setattr(x,
    "api_key", ...)``."""
    if isinstance(node, ast.Attribute) and node.attr == _ATTRIBUTE:
        return node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("getattr", "setattr", "hasattr")
        and len(node.args) >= 2
        and isinstance(node.args[1], ast.Constant)
        and node.args[1].value == _ATTRIBUTE
    ):
        return node.args[0]
    return None


def _imports(tree: ast.Module) -> list[ImportedName]:
    """Every import of the module, in any block."""
    return imported_aliases(ast.walk(tree))


def _readers(files: list[str], root: str) -> Iterator[_Reader]:
    for path in files:
        if not prefilter.is_python(path) or is_test_module(path, root):
            continue
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            continue
        if _ATTRIBUTE.encode() in data:
            yield _Reader(path, data)


def _reads(
    path: str, names: dict[str, set[int]], readers: list[_Reader]
) -> dict[int, tuple[str, str]]:
    """Site line -> (the client's name, where another module reads its
    ``api_key``)."""
    homes = importable_names(path)
    here = os.path.abspath(path)
    found: dict[int, tuple[str, str]] = {}
    for reader in readers:
        own = os.path.abspath(reader.path) == here
        if not own and not any(h.encode() in reader.words for h in homes):
            continue
        reads = reader.reads()
        if not reads:
            continue
        if own:  # its fixer sees client.api_key, not an alias or getattr
            direct, modules = {n: n for n in names}, set()
        else:
            direct, modules = _bindings(reader.imports, homes, set(names))
        for line, chain, scope, local, chains, outer in reads:
            candidates = {
                e for e in chains.expand(chain, scope) if e[0] not in local
            }  # not a parameter or variable of that name: what it is given
            candidates |= {e for c in outer for e in chains.expand(c)}
            for expanded in sorted(candidates):
                name = _client(expanded, direct, modules, names)
                if name is None:
                    continue
                where = f"{os.path.basename(reader.path)}:{line}"
                for site_line in names[name]:
                    found.setdefault(site_line, (name, where))
                break
    return found


HANDED = "{} (given it by {})"


class _Callers:
    """Modules handing a client to another module's function that reads its
    parameter's ``api_key`` (``backup(client)``, ``backup.backup(hs.client)``
    with ``def backup(c): return c.api_key`` in backup.py)."""

    def __init__(self, files: list[str], root: str, readers: list[_Reader]) -> None:
        self.targets = [(r, read) for r in readers for read in _parameter_reads(r)]
        self.files = (
            [f for f in files if prefilter.is_python(f) and not is_test_module(f, root)]
            if self.targets
            else []
        )
        self.parsed: dict[str, tuple[ast.Module, Chains, _Given] | None] = {}

    def handing(
        self, path: str, names: dict[str, set[int]]
    ) -> dict[int, tuple[str, str]]:
        """Site line -> (the client's name, where its api_key is read, given it
        by which call)."""
        found: dict[int, tuple[str, str]] = {}
        if not self.targets:
            return found
        homes = importable_names(path)
        functions = {read[0].encode() for _, read in self.targets}
        for caller in self.files:
            data = _bytes(caller)
            own = os.path.abspath(caller) == os.path.abspath(path)
            words = imported_names(data)
            if not own and not any(h.encode() in words for h in homes):
                continue
            if not any(f in data for f in functions):
                continue
            parsed = self._parse(caller, data)
            if parsed is None:
                continue
            tree, chains, given = parsed
            imports = _imports(tree)
            if own:
                direct, modules = {n: n for n in names}, set()
            else:
                direct, modules = _bindings(imports, homes, set(names))
            for reader, (function, parameter, index, line) in self.targets:
                if os.path.abspath(reader.path) == os.path.abspath(caller):
                    continue  # its own calls: its reads follow them
                rhomes = importable_names(reader.path)
                fdirect, fmodules = _bindings(imports, rhomes, {function})
                fdirect.update(  # from crm.backup import backup: the function
                    {l: n for src, n, l in imports if src in rhomes and n == function}
                )
                for call in given.calls:
                    if not _calls(call.func, function, fdirect, fmodules):
                        continue
                    for argument in _arguments(call, parameter, index):
                        name = _client_given(
                            argument, call, chains, given, direct, modules, names
                        )
                        if name is None:
                            continue
                        by = f"{os.path.basename(caller)}:{call.lineno}"
                        at = f"{os.path.basename(reader.path)}:{line}"
                        for site_line in names[name]:
                            found.setdefault(site_line, (name, HANDED.format(at, by)))
        return found

    def _parse(self, path: str, data: bytes):
        if path not in self.parsed:
            try:
                tree = ast.parse(data)
            except (SyntaxError, ValueError, RecursionError):
                self.parsed[path] = None
            else:
                self.parsed[path] = (tree, Chains(tree), _Given(tree))
        return self.parsed[path]


def _parameter_reads(reader: _Reader) -> list[tuple[str, str, int | None, int]]:
    reader.reads()
    return reader.parameter_reads


def _bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def _calls(
    func: ast.expr, function: str, direct: dict[str, str], modules: set[str]
) -> bool:
    """Whether ``func`` names another module's ``function`` (``backup``,
    ``backup.backup``, ``crm.backup.backup``, ``partial`` aside)."""
    chain = value_chain(func) if not isinstance(func, ast.Call) else None
    if chain is None:
        return False
    if len(chain) == 1:
        return direct.get(chain[0]) == function
    return chain[-1] == function and ".".join(chain[:-1]) in modules


def _arguments(call: ast.Call, parameter: str, index: int | None) -> list[ast.expr]:
    """The arguments of ``call`` that the parameter (at ``index``) takes."""
    found = [k.value for k in call.keywords if k.arg == parameter]
    if index is not None and index < len(call.args):
        if not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
            found.append(call.args[index])
    return found


def _client_given(
    argument: ast.expr,
    call: ast.Call,
    chains: Chains,
    given: "_Given",
    direct: dict[str, str],
    modules: set[str],
    names: dict[str, set[int]],
) -> str | None:
    """The client an argument is, if it is one (through the caller's
    aliases and parameters too)."""
    chain = value_chain(argument)
    if chain is None:
        return None
    outer = given.module_chains(chain, call)
    starts = {chain} if outer is None else outer
    for start in sorted(starts):
        for expanded in sorted(chains.expand(start)):
            name = _client(expanded, direct, modules, names)
            if name is not None:
                return name
    return None


def _bindings(
    imports: list[tuple[str | None, str, str]], homes: tuple[str, ...], names: set[str]
) -> tuple[dict[str, str], set[str]]:
    """Local name -> the module's name (``from crm.hs import client as c``),
    and the dotted names the module goes by (``hs``, ``crm.hs``)."""
    direct: dict[str, str] = {}
    modules: set[str] = set()
    for source, name, local in imports:
        if source is None:
            if name.split(".")[-1] in homes:
                modules.add(local)
        elif name == homes[0]:
            modules.add(local)  # from crm import hs
        elif source in homes and name == "*":
            direct.update({n: n for n in names})
        elif source in homes and name in names:
            direct[local] = name
    return direct, modules


def _client(
    chain: Chain, direct: dict[str, str], modules: set[str], names: dict[str, set[int]]
) -> str | None:
    """The module's client a chain is (``client``, ``hs.client``,
    ``make_client`` of ``make_client()``), when it is one exactly."""
    if len(chain) == 1 and chain[0] in direct:
        return direct[chain[0]]
    for size in range(1, len(chain)):
        if ".".join(chain[:size]) in modules and size == len(chain) - 1:
            return chain[size] if chain[size] in names else None
    return None


def _reason(site, reads: dict[int, tuple[str, str]]) -> str | None:
    read = reads.get(site.line)
    if read is None:
        return None
    return READ_ELSEWHERE.format(where=read[1], name=read[0])


__all__ = ["READ_ELSEWHERE", "hold_key_reads"]
