"""Whether every session or client the callers hand a function is a plain one.

A request sent through a session its callers hand in migrates only when what
each call hands in is PROVEN plain (:mod:`hapimigrate.analysis.caller_sessions`
finds the parameter, :class:`Handed`). The proof reads a calling module's
syntax tree (:func:`prove`): every call of the function (of the class, of its
subclasses, ``super().__init__`` of theirs, ``cls(...)``) hands in nothing,
``None``, a constructor call of a known HTTP client without
``auth=``/``headers=``/``params=``/``cookies=``, or a name the caller's own
function binds only to such values and only sends requests through, closes,
mounts a transport adapter on, sets a plain header of (``User-Agent``), or
hands to a taker (the function, a sibling subclass, a dict of options spread
into them); or the caller's own parameter (or ``**kwargs`` key), itself proven
up its callers to a bounded depth. A use of the function as a value, a call
with ``*args``, a module-level name, a factory's session, a write of the
attribute the class holds the session in (``client.http = ...``) is not
proven. :func:`elsewhere` is the tree pass's side: other modules' calls.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from dataclasses import dataclass
from typing import Callable, Iterable

FUNCTION, CONSTRUCTOR, METHOD = "function", "constructor", "method"
# an attribute a base class of another module sets (``param``: those bases)
INHERITED = "inherited"
DEPTH = 3  # parameters handed on, followed up the callers
# the clients a caller may make and hand in without a credential of their own
PLAIN_CLIENTS = frozenset(
    {
        "requests.Session",
        "requests.session",
        "requests.sessions.Session",
        "httpx.Client",
        "httpx.AsyncClient",
        "aiohttp.ClientSession",
    }
)
# constructor arguments that give the client a credential or a key of its own
CREDENTIAL_ARGUMENTS = frozenset({"auth", "headers", "params", "cookies"})
# what a caller may do with its plain client besides handing it in
_SENDS = frozenset(
    {
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "head",
        "options",
        "request",
        "stream",
        "send",
        "close",
        "aclose",
    }
)


@dataclass(frozen=True)
class Handed:
    """A parameter through which callers hand a request its session."""

    kind: str  # FUNCTION, CONSTRUCTOR (the class's instantiations), METHOD
    word: str  # the name callers' modules name: the function's or the class's
    callee: str  # the name called: the function's, the class's, the method's
    param: str  # the parameter, or the key taken from ``**kwargs``
    index: int  # its place among positional arguments after self; -1: keyword
    # the instance attribute the class holds it in (``self.http``): written
    # anywhere but the class's own methods, it is not the one handed in
    attribute: str = ""

    @property
    def entry(self) -> str:
        return ":".join(
            (
                self.kind,
                self.word,
                self.callee,
                self.param,
                str(self.index),
                self.attribute,
            )
        )

    @classmethod
    def parse(cls, entry: str) -> Handed | None:
        parts = entry.split(":")
        if len(parts) != 6 or not re.fullmatch(r"-?\d+", parts[4]):
            return None
        return cls(*parts[:4], int(parts[4]), parts[5])  # type: ignore[call-arg]


def words(entry: str) -> tuple[str, ...]:
    """The names the tree pass looks for other modules' uses of."""
    handed_ = Handed.parse(entry)
    if handed_ is None:
        return ()
    bases = handed_.param.split(",") if handed_.kind == INHERITED else []
    return tuple(
        w for w in (handed_.word, handed_.callee, handed_.attribute, *bases) if w
    )


# the proof: every value handed in is a plain client ---------------------------


@dataclass(frozen=True)
class Proof:
    """What a module's calls hand in for one :class:`Handed` parameter."""

    calls: int  # the calls of it seen
    unproven: int | None  # the line of the first one not shown to hand a plain client
    # the functions here whose own parameter the calls hand on, each with the
    # number of its calls seen here: their callers elsewhere are to be proven
    onward: tuple[tuple[Handed, int], ...] = ()


def prove(
    data: bytes, spec: Handed, own: bool = False, takers: frozenset[str] = frozenset()
) -> Proof:
    """Whether every call of ``spec``'s function in a module (``own``: its
    defining module) hands in a plain client or nothing. ``takers``: other
    functions a plain client may be handed to as well, their own callers
    proven alike (the sibling subclasses of one base)."""
    try:
        tree = ast.parse(data)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return Proof(0, 1)
    return _Prover(tree, own, takers).prove(spec, 0)


# transport adapters a caller may mount on its plain client: retries, pools
_PLAIN_ADAPTERS = frozenset({"requests.adapters.HTTPAdapter", "requests.HTTPAdapter"})
# headers a caller may set on its plain client: none is a credential
_PLAIN_HEADERS = frozenset(
    {"user-agent", "accept", "accept-encoding", "content-type", "connection"}
)


class _Prover:
    def __init__(self, tree: ast.Module, own: bool, takers: frozenset[str]) -> None:
        self.tree, self.own = tree, own
        self.takers = set(takers)
        self.parents: dict[int, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[id(child)] = node
        self.aliases = _aliases(tree)
        self.imported = {  # relative imports too: what each name stands for
            alias.asname or alias.name: alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        self.annotations = {
            id(n)
            for node in ast.walk(tree)
            for a in _annotations(node)
            for n in ast.walk(a)
        }
        self.classes = {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}

    def prove(self, spec: Handed, depth: int) -> Proof:
        self.takers.add(spec.callee)
        calls, onward = 0, []
        written = self._attribute_written(spec)
        if written is not None:  # client.http = session_for(inst)
            return Proof(0, written)
        heirs = []
        for sub in self._subclasses(spec):
            if _init_of(sub) is None:  # it inherits __init__: its instantiations
                heirs.append(dataclasses.replace(spec, word=sub.name, callee=sub.name))
        self.takers |= {h.callee for h in heirs}
        for heir in heirs:
            if depth >= DEPTH:
                return Proof(calls, 1)
            proof = self.prove(heir, depth + 1)
            calls += proof.calls
            onward += [(heir, proof.calls), *proof.onward]
            if proof.unproven is not None:
                return Proof(calls, proof.unproven, tuple(onward))
        for node, call in self._uses(spec):
            if call is None:  # the function used as a value: its calls unseen
                return Proof(calls, node.lineno, tuple(onward))
            calls += 1
            given = self._given(call, spec)
            if given is None:
                return Proof(calls, call.lineno, tuple(onward))
            for handed_on in given:
                if depth >= DEPTH:
                    return Proof(calls, call.lineno, tuple(onward))
                proof = self.prove(handed_on, depth + 1)
                onward += [(handed_on, proof.calls), *proof.onward]
                if proof.unproven is not None:
                    return Proof(calls, proof.unproven, tuple(onward))
        return Proof(calls, None, tuple(onward))

    def _given(self, call: ast.Call, spec: Handed) -> list[Handed] | None:
        """What the call hands in for the parameter: None where it is not
        shown plain, else the caller's own parameters it hands on (none: a
        plain client, ``None``, or nothing)."""
        function = self._function(call)
        if any(isinstance(a, ast.Starred) for a in call.args):
            return None
        value = None
        for keyword in call.keywords:
            if keyword.arg == spec.param:
                value = keyword.value
        if value is None and 0 <= spec.index < len(call.args):
            value = call.args[spec.index]
        starred = [k.value for k in call.keywords if k.arg is None]
        if value is None and len(starred) == 1:  # f(**common): a dict made here
            spread = self._spread(starred[0], function, spec)
            if spread is not None:
                value, starred = spread, []
        if value is None and starred:  # f(**kwargs): the caller's own **kwargs
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return None
            kwarg = function.args.kwarg
            if not (
                len(starred) == 1
                and isinstance(starred[0], ast.Name)
                and kwarg is not None
                and starred[0].id == kwarg.arg
                and self._kwargs_only_handed(function, kwarg.arg, spec.param)
            ):
                return None
            outer = self._parameter(function, kwarg.arg, key=spec.param)
            return None if outer is None else [outer]
        if value is None:
            return []
        return self._value(value, function, spec, 0, frozenset())

    def _spread(
        self, node: ast.AST, function: ast.AST | None, spec: Handed
    ) -> ast.AST | None:
        """The parameter's entry in ``common`` of ``f(**common)``, ``common =
        dict(timeout=t, session=s)`` bound once in the caller's function and
        only spread into takers' calls (``ast.Constant(None)``: no entry)."""
        if not isinstance(node, ast.Name) or not isinstance(
            function, (ast.FunctionDef, ast.AsyncFunctionDef)
        ):
            return None
        stores = [
            n
            for n in ast.walk(function)
            if isinstance(n, ast.Name)
            and n.id == node.id
            and not isinstance(n.ctx, ast.Load)
        ]
        if len(stores) != 1 or not self._spread_only(function, node.id):
            return None
        entries = _dict_entries(self._bound_value(stores[0]))
        if entries is None:
            return None
        return entries.get(spec.param, ast.Constant(None))

    def _spread_only(self, function: ast.AST, name: str) -> bool:
        """Every read of ``name`` in the function is ``**name`` in a taker's
        call."""
        for n in ast.walk(function):
            if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load):
                keyword = self.parents.get(id(n))
                call = self.parents.get(id(keyword))
                if not (
                    isinstance(keyword, ast.keyword)
                    and keyword.arg is None
                    and isinstance(call, ast.Call)
                    and _last_name(call.func) in self.takers
                ):
                    return False
        return True

    def _kwargs_only_handed(self, function: ast.AST, kwargs: str, key: str) -> bool:
        """The function's ``**kwargs`` reach calls whole: nothing sets
        ``kwargs[key]`` or hands it elsewhere than a ``**`` argument."""
        for node in ast.walk(function):
            if isinstance(node, ast.Name) and node.id == kwargs:
                parent = self.parents.get(id(node))
                if isinstance(parent, ast.keyword) and parent.arg is None:
                    continue
                if isinstance(parent, ast.Attribute) and parent.attr in ("get", "pop"):
                    continue  # kwargs.pop("timeout", 20): reads
                return False
        return True

    def _value(
        self,
        node: ast.AST,
        function: ast.AST | None,
        spec: Handed,
        depth: int,
        seen: frozenset[str],
    ) -> list[Handed] | None:
        if depth > DEPTH:
            return None
        if isinstance(node, ast.Constant) and node.value is None:
            return []
        if isinstance(node, ast.Call):
            return [] if self._plain_constructor(node) else None
        if isinstance(node, ast.BoolOp):
            parts: list[ast.AST] = list(node.values)
        elif isinstance(node, ast.IfExp):
            parts = [node.body, node.orelse]
        elif isinstance(node, ast.Name):
            return self._name(node.id, function, spec, depth, seen)
        else:
            return None
        found: list[Handed] = []
        for part in parts:
            each = self._value(part, function, spec, depth + 1, seen)
            if each is None:
                return None
            found += each
        return found

    def _name(
        self,
        name: str,
        function: ast.AST | None,
        spec: Handed,
        depth: int,
        seen: frozenset[str],
    ) -> list[Handed] | None:
        """A caller's local or parameter: each value it is bound to plain, or
        the parameter; its every use a request, a close, or a taker's call."""
        if name in seen:
            return []  # session = session or Session(): its values counted
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return None  # a module's name: other modules may change it
        bound, used = self._bindings(function, name, spec, seen | {name})
        if not used:
            return None
        parameter = self._parameter(function, name)
        found = [parameter] if parameter is not None else []
        if parameter is None and not bound:
            return None  # a global, a closure's
        for value in bound:
            each = (
                None
                if value is None
                else self._value(value, function, spec, depth + 1, seen | {name})
            )
            if each is None:
                return None
            found += each
        return found

    def _uses(self, spec: Handed) -> Iterable[tuple[ast.AST, ast.Call | None]]:
        """Each use of the function: with its call, or None where it is not
        called there (handed on as a value)."""
        for node in ast.walk(self.tree):
            if id(node) in self.annotations:
                continue
            parent = self.parents.get(id(node))
            if self._class_call(node, spec):  # cls(...), type(self)(...)
                if isinstance(parent, ast.Call) and parent.func is node:
                    yield node, parent
                continue
            if self._super_init(node, spec):
                yield node, parent  # super().__init__(...) of a subclass
                continue
            named = (
                isinstance(node, ast.Name)
                and (node.id == spec.callee or node.id in self.renamed(spec))
                and spec.kind != METHOD
            ) or (isinstance(node, ast.Attribute) and node.attr == spec.callee)
            if not named or not isinstance(getattr(node, "ctx", None), ast.Load):
                continue
            if isinstance(parent, ast.ClassDef) and node in parent.bases:
                if spec.kind == CONSTRUCTOR:
                    continue  # its subclasses: followed in prove()
            if isinstance(parent, ast.Call) and parent.func is node:
                if spec.kind == METHOD and not _bound_call(node, spec):
                    yield node, None
                    continue
                yield node, parent
            elif self._harmless(node, parent):
                continue
            else:
                yield node, None

    def renamed(self, spec: Handed) -> set[str]:
        """The names the module imports the function under (``from sync
        import update_deal as upd``)."""
        return {
            local
            for local, qualified in self.imported.items()
            if qualified.rpartition(".")[2] == spec.callee and local != spec.callee
        }

    def _subclasses(self, spec: Handed) -> list[ast.ClassDef]:
        """The module's classes naming the constructor's class as a base."""
        if spec.kind != CONSTRUCTOR:
            return []
        return [
            node
            for node in ast.walk(self.tree)
            if isinstance(node, ast.ClassDef)
            and any(_last_name(b) == spec.word for b in node.bases)
        ]

    def _attribute_written(self, spec: Handed) -> int | None:
        """The line of a write of the attribute the class holds the session in,
        outside the class: through an instance (``client.http = ...``), or in
        a subclass (``self.http = session_for(inst)``) but a plain default."""
        if not spec.attribute:
            return None
        heirs = {spec.word}
        for _ in range(DEPTH):
            heirs |= {
                node.name
                for node in ast.walk(self.tree)
                if isinstance(node, ast.ClassDef)
                and any(_last_name(b) in heirs for b in node.bases)
            }
        for node in ast.walk(self.tree):
            if not (
                isinstance(node, ast.Attribute)
                and node.attr == spec.attribute
                and isinstance(node.ctx, (ast.Store, ast.Del))
            ):
                continue
            if not (isinstance(node.value, ast.Name) and node.value.id == "self"):
                return node.lineno
            owner = next(
                (a for a in self._ancestors(node) if isinstance(a, ast.ClassDef)), None
            )
            if owner is None or owner.name not in heirs:
                continue  # another class's own attribute
            if self.own and owner.name == spec.word:
                continue  # the class's own writes: decided on its syntax tree
            parent = self.parents.get(id(node))
            value = getattr(parent, "value", None)
            if not (
                isinstance(value, ast.Constant) and value.value is None
            ) and not self._plain_constructor(value):
                return node.lineno
        return None

    def _super_init(self, node: ast.AST, spec: Handed) -> bool:
        """``super().__init__`` (or ``super(Sub, self).__init__``) in the
        ``__init__`` of a subclass of the constructor's class, called."""
        if not (
            spec.kind == CONSTRUCTOR
            and isinstance(node, ast.Attribute)
            and node.attr == "__init__"
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "super"
        ):
            return False
        parent = self.parents.get(id(node))
        if not (isinstance(parent, ast.Call) and parent.func is node):
            return False
        cls = next(
            (a for a in self._ancestors(node) if isinstance(a, ast.ClassDef)), None
        )
        return cls is not None and any(_last_name(b) == spec.word for b in cls.bases)

    def _class_call(self, node: ast.AST, spec: Handed) -> bool:
        """``cls(...)`` inside the class (defined in this module),
        ``type(self)(...)``: its instantiations too."""
        if spec.kind != CONSTRUCTOR or spec.word not in self.classes:
            return False
        if isinstance(node, ast.Name) and node.id == "cls":
            return any(
                isinstance(a, ast.ClassDef) and a.name == spec.word
                for a in self._ancestors(node)
            )
        return (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "type"
            and any(
                isinstance(a, ast.ClassDef) and a.name == spec.word
                for a in self._ancestors(node)
            )
        )

    def _harmless(self, node: ast.AST, parent: ast.AST | None) -> bool:
        """A use that calls nothing and hands nothing: ``isinstance(x,
        Client)``, ``super(Client, self)``, ``Client.BASE``."""
        if (
            isinstance(parent, ast.Call)
            and isinstance(parent.func, ast.Name)
            and parent.func.id in ("isinstance", "issubclass", "super")
        ):
            return True
        # Client.BASE, Client.from_env(): the class's own calls are its module's
        # (not Client.__init__(self, session): a subclass handing it one)
        return (
            isinstance(node, ast.Name)
            and isinstance(parent, ast.Attribute)
            and parent.attr != "__init__"
        )

    def _ancestors(self, node: ast.AST) -> Iterable[ast.AST]:
        while (node := self.parents.get(id(node))) is not None:  # type: ignore[assignment]
            yield node

    def _function(self, node: ast.AST) -> ast.AST | None:
        for ancestor in self._ancestors(node):
            if isinstance(
                ancestor, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            ):
                return ancestor
        return None

    def _plain_constructor(self, node: ast.AST | None) -> bool:
        if not isinstance(node, ast.Call):
            return False
        if _qualified(node.func, self.aliases) not in PLAIN_CLIENTS:
            return False
        return not any(
            k.arg is None or k.arg in CREDENTIAL_ARGUMENTS for k in node.keywords
        ) and not any(isinstance(a, ast.Starred) for a in node.args)

    def _parameter(
        self,
        function: ast.FunctionDef | ast.AsyncFunctionDef,
        name: str,
        key: str = "",
    ) -> Handed | None:
        """The function's parameter ``name`` (``key``: the key its
        ``**name`` gives on), as its callers fill it."""
        args = function.args
        positional = [a.arg for a in (*args.posonlyargs, *args.args)]
        if key:
            if args.kwarg is None or args.kwarg.arg != name:
                return None
        elif name not in positional and name not in [a.arg for a in args.kwonlyargs]:
            return None
        owner = self.parents.get(id(function))
        if isinstance(owner, ast.ClassDef) and positional[:1] in (["self"], ["cls"]):
            positional = positional[1:]
        index = positional.index(name) if name in positional and not key else -1
        param = key or name
        if not isinstance(owner, ast.ClassDef):
            return Handed(FUNCTION, function.name, function.name, param, index)
        if function.name == "__init__":
            return Handed(CONSTRUCTOR, owner.name, owner.name, param, index)
        return Handed(METHOD, owner.name, function.name, param, index)

    def _bindings(
        self, function: ast.AST, name: str, spec: Handed, seen: frozenset[str]
    ) -> tuple[list[ast.AST | None], bool]:
        """The values the function binds ``name`` to (None: a binding whose
        value is not one expression), and whether every use of it sends a
        request through it, closes it, or hands it to a taker."""
        own_args = {id(a) for a in _arguments(function)}
        bound: list[ast.AST | None] = []
        for node in ast.walk(function):
            if isinstance(node, (ast.Global, ast.Nonlocal)) and name in node.names:
                return [None], False
            if isinstance(node, ast.Name) and node.id == name:
                if isinstance(node.ctx, ast.Load):
                    if not self._sent_through(node, function, spec, seen):
                        return bound, False
                    continue
                bound.append(self._bound_value(node))
            elif isinstance(node, ast.arg) and node.arg == name:
                if id(node) not in own_args:
                    bound.append(None)  # a nested function's parameter, a lambda's
            elif (
                isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                and node.name == name
                and node is not function
            ):
                bound.append(None)
        return bound, True

    def _bound_value(self, target: ast.Name) -> ast.AST | None:
        parent = self.parents.get(id(target))
        if isinstance(parent, ast.Assign) and parent.targets == [target]:
            return parent.value
        if (
            isinstance(parent, (ast.AnnAssign, ast.NamedExpr))
            and parent.target is target
        ):
            return parent.value
        if isinstance(parent, ast.withitem) and parent.optional_vars is target:
            return parent.context_expr
        return None

    def _sent_through(
        self, node: ast.Name, function: ast.AST, spec: Handed, seen: frozenset[str]
    ) -> bool:
        """A use of a caller's client that gives it no credential: a request
        through it, closing it, a plain header, handing it to a taker, or
        choosing it for a local whose uses are such (``shared = session or
        requests.Session()``)."""
        parent = self.parents.get(id(node))
        while isinstance(parent, (ast.BoolOp, ast.IfExp)) and (
            not isinstance(parent, ast.IfExp) or parent.test is not node
        ):
            node, parent = parent, self.parents.get(id(parent))  # type: ignore[assignment]
        if getattr(parent, "test", None) is node or isinstance(
            parent, (ast.Compare, ast.UnaryOp)
        ):
            return True  # if session is None, if not session: tests it only
        if isinstance(node, ast.Name) and isinstance(parent, ast.Attribute):
            holder = self.parents.get(id(parent))
            if parent.attr == "headers":
                return self._plain_header(parent)
            if parent.attr == "mount":  # session.mount("https://", HTTPAdapter(...))
                return (
                    isinstance(holder, ast.Call)
                    and holder.func is parent
                    and len(holder.args) == 2
                    and not holder.keywords
                    and isinstance(holder.args[1], ast.Call)
                    and _qualified(holder.args[1].func, self.aliases) in _PLAIN_ADAPTERS
                )
            return (
                parent.attr in _SENDS
                and isinstance(holder, ast.Call)
                and holder.func is parent
            )
        if isinstance(parent, (ast.Assign, ast.withitem)):
            target = (
                parent.targets[0]
                if isinstance(parent, ast.Assign) and len(parent.targets) == 1
                else getattr(parent, "optional_vars", None)
            )
            if (
                getattr(parent, "value", getattr(parent, "context_expr", None))
                is not node
            ):
                return False
            if isinstance(parent, ast.withitem) and target is None:
                return True  # with session: it is closed
            if not isinstance(target, ast.Name):
                return False
            if target.id in seen:
                return True
            return self._bindings(function, target.id, spec, seen | {target.id})[1]
        if isinstance(parent, ast.keyword):
            parent = self.parents.get(id(parent))
        if isinstance(parent, ast.Dict) or (
            isinstance(parent, ast.Call) and _last_name(parent.func) == "dict"
        ):  # common = dict(session=session), spread into takers' calls only
            holder = self.parents.get(id(parent))
            return (
                isinstance(holder, ast.Assign)
                and len(holder.targets) == 1
                and isinstance(holder.targets[0], ast.Name)
                and _dict_entries(parent) is not None
                and self._spread_only(function, holder.targets[0].id)
            )
        if isinstance(parent, ast.Call) and parent.func is not node:
            word = _last_name(parent.func)
            return (
                word in self.takers
                or (
                    spec.kind == CONSTRUCTOR
                    and word == "cls"
                    and spec.word in self.classes
                )
                or self._sends_only(parent, node, spec, seen)
            )
        return False

    def _sends_only(
        self, call: ast.Call, given: ast.AST, spec: Handed, seen: frozenset[str]
    ) -> bool:
        """A module-level function of this module that only sends requests
        through the parameter ``given`` fills (``get_company(client, c)``
        beside ``get_contact(client, v)``): it gives the client nothing."""
        if not isinstance(call.func, ast.Name) or any(
            isinstance(a, ast.Starred) for a in call.args
        ):
            return False
        function = next(
            (
                n
                for n in self.tree.body
                if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                and n.name == call.func.id
            ),
            None,
        )
        if function is None or f"def:{function.name}" in seen:
            return False
        names = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        param = None
        if given in call.args and call.args.index(given) < len(names):
            param = names[call.args.index(given)]
        for keyword in call.keywords:
            if keyword.value is given:
                param = keyword.arg
        if param is None:
            return False
        bound, used = self._bindings(
            function, param, spec, seen | {param, f"def:{function.name}"}
        )
        return used and not bound

    def _plain_header(self, headers: ast.Attribute) -> bool:
        """``client.headers["User-Agent"] = ...``, ``client.headers.update(
        {"Accept": ...})``: a header that is no credential."""
        parent = self.parents.get(id(headers))
        if isinstance(parent, ast.Subscript) and isinstance(parent.ctx, ast.Store):
            return _plain_header_name(parent.slice)
        if isinstance(parent, ast.Attribute) and parent.attr == "update":
            call = self.parents.get(id(parent))
            if (
                isinstance(call, ast.Call)
                and call.func is parent
                and len(call.args) == 1
                and not call.keywords
                and isinstance(call.args[0], ast.Dict)
            ):
                return all(
                    k is not None and _plain_header_name(k) for k in call.args[0].keys
                )
        return False


def _dict_entries(node: ast.AST | None) -> dict[str, ast.AST] | None:
    """``dict(a=1, b=x)`` or ``{"a": 1, "b": x}`` written out: its entries."""
    if isinstance(node, ast.Call) and _last_name(node.func) == "dict" and not node.args:
        if any(k.arg is None for k in node.keywords):
            return None
        return {k.arg: k.value for k in node.keywords if k.arg is not None}
    if isinstance(node, ast.Dict):
        if not all(
            isinstance(k, ast.Constant) and isinstance(k.value, str) for k in node.keys
        ):
            return None
        return {k.value: v for k, v in zip(node.keys, node.values)}  # type: ignore[union-attr]
    return None


def _plain_header_name(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.lower() in _PLAIN_HEADERS
    )


def _arguments(function: ast.AST) -> list[ast.arg]:
    args = getattr(function, "args", None)
    if not isinstance(args, ast.arguments):
        return []
    return [
        *args.posonlyargs,
        *args.args,
        *args.kwonlyargs,
        *([args.vararg] if args.vararg else []),
        *([args.kwarg] if args.kwarg else []),
    ]


def _last_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def _init_of(cls: ast.ClassDef) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    for node in cls.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if node.name == "__init__":
                return node
    return None


def _bound_call(node: ast.AST, spec: Handed) -> bool:
    """A method's call through an instance (``client.update(...)``,
    ``self.update(...)``), not through its class (the arguments shift)."""
    return not (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == spec.word
    )


def _annotations(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.arg) and node.annotation is not None:
        return [node.annotation]
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.returns:
        return [node.returns]
    if isinstance(node, ast.AnnAssign):
        return [node.annotation]
    return []


def _aliases(tree: ast.Module) -> dict[str, str]:
    """Each imported name: the qualified name it stands for."""
    found: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    found[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    found[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                found[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return found


def _qualified(node: ast.AST, aliases: dict[str, str]) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in aliases:
        return None
    return ".".join([aliases[node.id], *reversed(parts)])


# the tree pass: other modules' calls ------------------------------------------


def elsewhere(
    path: str,
    entries: Iterable[str],
    holding: Callable[[str], set[str]],
    source: Callable[[str], bytes],
) -> set[str]:
    """The ``shared_elsewhere`` entries for the parameters a module's requests
    take their session from: ``sessions:<entry> <where>`` for the first call in
    another module handing in what is not shown plain.
    ``holding(word)``: every module whose text names ``word``."""
    shared: set[str] = set()
    imports: dict[str, set[bytes]] = {}
    for entry in entries:
        spec = Handed.parse(entry)
        if spec is None:
            continue
        if spec.kind == INHERITED:
            _, where = _inherited(path, spec, holding, source, imports)
        else:
            _, where = _callers_elsewhere(path, spec, holding, source, imports, 0)
        if where is not None:
            shared.add(f"sessions:{entry} {where}")
    return shared


def _inherited(
    path: str,
    spec: Handed,
    holding: Callable[[str], set[str]],
    source: Callable[[str], bytes],
    imports: dict[str, set[bytes]],
) -> tuple[bool, str | None]:
    """An attribute of ``spec``'s class its bases of other modules may set
    from their ``__init__``'s parameter: that parameter proven over the
    class's instantiations (``super().__init__`` calls, its subclasses')."""
    called, handed_any = False, False
    for base in spec.param.split(","):
        definition = re.compile(
            rb"(?m)^\s*class\s+" + re.escape(base.encode()) + rb"\b"
        )
        homes = sorted(
            r for r in holding(base) - {path} if definition.search(source(r))
        )
        if not homes:  # a library's class: what it does with its parameters is unseen
            return called, f"{base} (not in the tree)"
        for home in homes:
            try:
                tree = ast.parse(source(home))
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                return called, f"{os.path.basename(home)}:1"
            prover = _Prover(tree, True, frozenset())
            for cls in ast.walk(tree):
                if not (isinstance(cls, ast.ClassDef) and cls.name == base):
                    continue
                for method in cls.body:
                    if not isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        continue
                    for node in ast.walk(method):
                        if not (
                            isinstance(node, ast.Assign)
                            and any(
                                isinstance(t, ast.Attribute)
                                and isinstance(t.value, ast.Name)
                                and t.value.id == "self"
                                and t.attr == spec.attribute
                                for t in node.targets
                            )
                        ):
                            continue
                        for param in _parameters_in(prover, method, node.value):
                            if param.kind != CONSTRUCTOR:  # a setter's: unseen calls
                                return called, f"{os.path.basename(home)}:{node.lineno}"
                            handed_ = dataclasses.replace(
                                param, attribute=spec.attribute
                            )
                            handed_any = True
                            proof = prove(source(path), handed_, own=True)
                            called = called or proof.calls > 0
                            if proof.unproven is not None:
                                return (
                                    called,
                                    f"{os.path.basename(path)}:{proof.unproven}",
                                )
                            for onward, calls in proof.onward:
                                more, where = _callers_elsewhere(
                                    path, onward, holding, source, imports, 1
                                )
                                called = called or calls > 0 or more
                                if where is not None:
                                    return called, where
    return called or not handed_any, None


def _parameters_in(
    prover: _Prover, method: ast.FunctionDef | ast.AsyncFunctionDef, value: ast.AST
) -> list[Handed]:
    """The method's parameters a value takes (``session or Session()``,
    ``kwargs.get("session")``), each as its callers fill it."""
    found = []
    kwargs = method.args.kwarg.arg if method.args.kwarg else None
    for node in _chosen(value):
        if isinstance(node, ast.Name) and node.id not in ("self", "cls"):
            param = prover._parameter(method, node.id)
            if param is not None:
                found.append(param)
        elif (
            kwargs is not None
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("get", "pop")
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == kwargs
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            param = prover._parameter(method, kwargs, key=node.args[0].value)
            if param is not None:
                found.append(param)
    return found


def _chosen(value: ast.AST) -> list[ast.AST]:
    """The values ``a or b``, ``a if c else b`` choose between (not what a
    call makes of its arguments)."""
    if isinstance(value, ast.BoolOp):
        return [n for v in value.values for n in _chosen(v)]
    if isinstance(value, ast.IfExp):
        return [*_chosen(value.body), *_chosen(value.orelse)]
    return [value]


def _callers_elsewhere(
    path: str,
    spec: Handed,
    holding: Callable[[str], set[str]],
    source: Callable[[str], bytes],
    imports: dict[str, set[bytes]],
    depth: int,
    takers: frozenset[str] = frozenset(),
) -> tuple[bool, str | None]:
    """Whether modules other than ``path`` call ``spec``'s function, and where
    the first hands in what is not shown plain; followed up the functions
    there that hand on a parameter of their own (to a bounded depth)."""
    from hapimigrate.tree_imports import importable_names, imported_names

    stems = {s.encode() for s in importable_names(path)}

    def imports_it(reader: str) -> bool:
        if reader not in imports:
            imports[reader] = imported_names(source(reader), reader)
        return bool(stems & imports[reader])

    if spec.kind == METHOD:  # called through instances made anywhere
        readers = holding(spec.callee)
    else:  # modules importing it; others unless they define a namesake
        readers = {r for r in holding(spec.callee) if imports_it(r)} | {
            r
            for r in holding(spec.callee)
            if not re.search(
                rb"(?m)^\s*(?:async\s+)?(?:def|class)\s+"
                + re.escape(spec.callee.encode())
                + rb"\b",
                source(r),
            )
        }
    if spec.attribute:  # written through an instance anywhere
        readers |= holding(spec.attribute)
    called = False
    for reader in sorted(readers - {path}):
        if not reader.endswith(".py"):  # a notebook's cells are not proven here
            return called, f"{os.path.basename(reader)} (its cells' calls)"
        proof = prove(source(reader), spec, takers=takers)
        called = called or proof.calls > 0
        here = os.path.basename(reader)
        if proof.unproven is not None:
            return called, f"{here}:{proof.unproven}"
        for onward, calls in proof.onward:  # handed on from a parameter there
            if depth >= DEPTH:
                return called, f"{here} ({onward.callee}'s {onward.param})"
            more, where = _callers_elsewhere(
                reader,
                onward,
                holding,
                source,
                imports,
                depth + 1,
                frozenset(h.callee for h, _ in proof.onward),
            )
            called = called or more
            if where is not None:
                return called, where
    return called, None
