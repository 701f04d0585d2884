"""Everything a fixer needs to know about the module it works on: metadata
(parents, positions, scopes, qualified names), an index of the nodes worth looking
at, the token provider, the edit plan and the sites found so far."""

from __future__ import annotations

import re
from collections import defaultdict
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Sequence, TypeVar

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from hapimigrate.python import metadata
from hapimigrate.python.metadata import walk  # noqa: F401  (fixers import it from here)
from hapimigrate.python.edits import Edits
from hapimigrate.python.imports import InsertedNames, PlannedImports
from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import (
    Carrier,
    CarrierOutcome,
    CarrierUse,
    Endpoint,
    Import,
    Kind,
    Site,
    Status,
    TokenProvider,
)

_T = TypeVar("_T")

if TYPE_CHECKING:  # the registry hands its fixers in; no import at run time
    from hapimigrate.fixers.registry import Fixer


@dataclass
class Index:
    """Nodes collected in one walk over the module: each registered fixer's
    matches, and what the analyses look up by name."""

    found: dict[str, list[cst.CSTNode]] = field(
        default_factory=lambda: defaultdict(list)
    )  # fixer name -> its matches
    docstrings: list[cst.Expr] = field(default_factory=list)  # string statements
    strings: list[cst.SimpleString] = field(default_factory=list)  # every literal
    calls: list[cst.Call] = field(default_factory=list)  # every call
    attributes: dict[str, list[cst.Attribute]] = field(
        default_factory=lambda: defaultdict(list)
    )
    classes: list[cst.ClassDef] = field(default_factory=list)


class Collector(cst.CSTVisitor):
    """Fills an :class:`Index` in a single pass, dispatching each node to the
    fixers registered for its type."""

    def __init__(self, index: Index, fixers: Sequence[Fixer]) -> None:
        super().__init__()
        self.index = index
        self._by_type: dict[type, list[Fixer]] = defaultdict(list)
        for fixer in fixers:
            for node_type in fixer.node_types:
                self._by_type[node_type].append(fixer)

    def on_visit(self, node: cst.CSTNode) -> bool:
        for fixer in self._by_type.get(type(node), ()):
            if fixer.matches(node):
                self.index.found[fixer.name].append(node)
        return super().on_visit(node)

    def visit_Expr(self, node: cst.Expr) -> None:
        if isinstance(
            node.value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
        ):
            self.index.docstrings.append(node)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self.index.classes.append(node)

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        self.index.strings.append(node)

    def visit_Call(self, node: cst.Call) -> None:
        self.index.calls.append(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.index.attributes[node.attr.value].append(node)


# Python 2 era code (that Python 3 may still parse): modules only Python 2 has
# (or 2/3 compatibility layers: the code still runs on Python 2), builtins and
# methods Python 3 dropped, a python2 shebang, a Python 2 __future__ import
_PYTHON2_SIGNS = re.compile(
    r"\burllib2\b|\burllib\.urlencode\b|^from urllib import .*\burlencode\b"
    r"|\bbasestring\b|\.iteritems\(|\bxrange\(|^[ \t]*from __future__ import[\s(]*"
    r"(?:print_function|unicode_literals|absolute_import|division|with_statement)\b"
    r"|^[ \t]*(?:import|from)[ \t]+(?:urlparse|httplib|ConfigParser|cPickle"
    r"|cStringIO|StringIO|Queue|cookielib|Cookie|HTMLParser|SocketServer|xmlrpclib"
    r"|commands|six|future|past)\b"
    r"|\.has_key\(|\.iterkeys\(|\.itervalues\(|\bunicode\(|\bunichr\("
    r"|\braw_input\(|\bexecfile\(|\bsys\.maxint\b|\A#![^\n]*\bpython2",
    re.MULTILINE,
)


# _PYTHON2_SIGNS one branch at a time, each tried only where the text holds its
# word (the whole pattern's 25 branches tried at every position: 2-3 ms a module)
_IMPORTS = r"^[ \t]*(?:import|from)[ \t]+{}\b"
_FUTURE = (
    r"^[ \t]*from __future__ import[\s(]*(?:print_function|unicode_literals"
    r"|absolute_import|division|with_statement)\b"
)
_SIGN_BRANCHES = tuple(
    (word, re.compile(pattern, re.MULTILINE))
    for word, pattern in (
        ("urllib2", r"\burllib2\b"),
        ("urlencode", r"\burllib\.urlencode\b|^from urllib import .*\burlencode\b"),
        ("basestring", r"\bbasestring\b"),
        (".iteritems(", r"\.iteritems\("),
        ("xrange(", r"\bxrange\("),
        ("__future__", _FUTURE),
        *(
            (module, _IMPORTS.format(module))
            for module in (
                "urlparse", "httplib", "ConfigParser", "cPickle", "cStringIO",
                "StringIO", "Queue", "cookielib", "Cookie", "HTMLParser",
                "SocketServer", "xmlrpclib", "commands", "six", "future", "past",
            )
        ),
        (".has_key(", r"\.has_key\("),
        (".iterkeys(", r"\.iterkeys\("),
        (".itervalues(", r"\.itervalues\("),
        ("unicode(", r"\bunicode\("),
        ("unichr(", r"\bunichr\("),
        ("raw_input(", r"\braw_input\("),
        ("execfile(", r"\bexecfile\("),
        ("maxint", r"\bsys\.maxint\b"),
        ("python2", r"\A#![^\n]*\bpython2"),
    )
)  # fmt: skip


def python2_signs(text: str) -> bool:
    """Whether a module's text shows Python 2 era code (see _PYTHON2_SIGNS)."""
    return any(
        word in text and branch.search(text) is not None
        for word, branch in _SIGN_BRANCHES
    )


def looks_python2(data: bytes) -> bool:
    """Whether a module's source shows Python 2 era code (see _PYTHON2_SIGNS)."""
    return python2_signs(data.decode("latin-1"))


# a notebook whose kernel is Python 2 (python.notebooks): its cells' code
# stays valid Python 2 whatever it holds
PYTHON2_RUNTIME: ContextVar[bool] = ContextVar("python2_runtime", default=False)


class ModuleContext:
    def __init__(
        self,
        path: str,
        module: cst.Module,
        provider: TokenProvider,
        fixers: Sequence[Fixer] = (),
        several_keys: tuple[str, ...] = (),
        shared_elsewhere: frozenset[str] = frozenset(),
        modernize: bool = False,
        calls: str = "",
    ) -> None:
        self.path = path
        self.provider = provider
        self.wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        self.module = self.wrapper.module
        resolved = metadata.resolve(self.wrapper)
        self._parents = metadata.parents(self.module)
        self._positions = resolved[PositionProvider]
        self._scopes = resolved[ScopeProvider]
        self._qnames = resolved[QualifiedNameProvider]
        self.index = Index()
        self.module.visit(Collector(self.index, fixers))
        self.edits = Edits()
        # the key expressions of migrated sites: names, and attributes (settings.KEY)
        self.key_names: list[cst.Name] = []
        self.key_attributes: list[cst.Attribute] = []
        self.sites: list[Site] = []
        # what inserted code imports, each under a name that means it wherever
        # the code goes (see python.imports); the edits write those names
        self.imports = PlannedImports(
            InsertedNames(self.module, self._scopes.values(), path)
        )
        self.edits.names = self.imports.names
        # the configured keys rewritten to the provider's token: (identity, label)
        self.provider_keys: set[tuple[str, str]] = set()
        # configured keys a use chooses between (a flag picking a portal's): the
        # module sends them, whatever becomes of that use (origins._chosen)
        self.chosen_keys: set[str] = set()
        # the nodes of the sites left for a person, with their kind and reason:
        # the configured keys they still send count as sent (analysis.sent_keys)
        self.manual_nodes: list[tuple[cst.CSTNode, Kind, str]] = []
        # set on a second pass when there were several: then each is left for a person
        self.several_keys = several_keys
        # what other modules of the tree use unsafely (see RunOptions), and what
        # this module's rewrites ask the tree about
        self.shared_elsewhere = shared_elsewhere
        self.guarded_elsewhere: dict[str, str] = {}  # see RunOptions
        # module-level names another module of the tree reads (RunOptions.
        # protected): a rewrite must not remove or change them
        self.protected: frozenset[str] = frozenset()
        # module-level names a fixer removed or changed, for the tree pass to
        # check no other module reads them (FileResult.removed_keys)
        self.removed_names: list[str] = []
        self.written_elsewhere: dict[str, str] = {}  # see RunOptions
        # RunOptions.token_checks: guards of a dead read may test the token
        # (python.leftover_reads)
        self.token_checks_asked = False
        # key definitions made the token's lenient read (python.local_guards):
        # still read, by presence tests and masked displays, and not the key's
        self.token_definitions: set[int] = set()
        self.token_parameters: set[str] = set()
        # carriers across modules (see model.Carrier): those imported here, what
        # became of this module's own in their readers, those it could export,
        # and what became of each use of an imported one
        self.carriers: tuple[Carrier, ...] = ()
        # calls (ids) of other modules' helpers that now send the token with the
        # URL they are given (python.module fills it): where flow's values end
        self.remote_helpers: dict[int, Carrier] = {}
        # run after every fixer (fixers.registry.run): checks needing all decisions
        self.post_passes: list[Callable[[ModuleContext], None]] = []
        # facts about the whole module an analysis computes once (see memoized)
        self._memo: dict[str, object] = {}
        # this module's functions other modules hand keyed URLs though it holds
        # no key (RunOptions.wanted_sinks; python.module fills it)
        self.wanted_sinks: tuple[str, ...] = ()
        self.sent_elsewhere: dict[str, CarrierOutcome] = {}
        self.exports: list[Carrier] = []
        self.carrier_uses: list[CarrierUse] = []
        self.developer_copies: list[
            tuple[str, str, tuple[str, ...], tuple[str, ...]]
        ] = []
        # copies of other modules' functions for developer keys: name -> the
        # top-level statement they go before
        self.developer_functions: dict[str, cst.CSTNode] = {}
        # id(expression) -> the URL template an imported carrier stands for; and
        # every expression that is an imported carrier (it holds the key)
        self.carrier_templates: dict[int, str] = {}
        self.carrier_values: set[int] = set()
        # other modules' string constants this module imports (see RunOptions)
        self.imported_constants: dict[str, str] = {}
        # id(request call) -> the statuses of the uses that reach it; and, on a
        # second pass, the requests reached by both rewritten and other uses
        self.request_statuses: dict[int, set[Status]] = {}
        self.request_bearers: dict[int, set[str]] = {}  # each request's credentials
        self.mixed_requests: frozenset[int] = frozenset()
        # of those, the requests given two credentials: id -> their Bearer values
        self.two_credentials: dict[int, frozenset[str]] = {}
        # requests a key left for a person reaches: id -> which ("the key passed
        # as hapikey= to hs_params() at line 18"), kept from pass to pass
        self.left_keys: dict[int, str] = {}
        self.session_headers: set[str] = set()
        self.session_factories: set[str] = set()
        # task functions whose key parameter is taken as the caller's credential
        # (name -> registered names), and those the tree enqueues elsewhere
        # (name -> where): see fixers.attach._collect and tree_tasks
        self.tasks: dict[str, tuple[str, ...]] = {}
        self.callables: set[str] = set()  # the same, named by dotted path only
        self.enqueued: dict[str, str] = {}
        # functions whose request's host comes from their parameters
        self.parameter_hosts: set[str] = set()
        # functions sending through a session their callers hand in
        self.parameter_sessions: set[str] = set()
        # functions whose header goes where the key went, or to HubSpot only
        self.guarded_functions: set[str] = set()
        # of those, the ones whose header goes under the code's own condition
        # (``if "hubspot" in url``), which form submission URLs may pass
        self.condition_guarded: set[str] = set()
        self.session_classes: set[tuple[str, str]] = set()
        # Python 2 era code (that Python 3 still parses): generated code stays
        # valid Python 2 (no ``{**h}``)
        # the module's text, made once (LibCST makes it anew at each .code)
        self.text = self.module.code
        self.python2_style = PYTHON2_RUNTIME.get() or python2_signs(self.text)
        # the run's options for the fixers that run only when asked (see RunOptions)
        self.modernize = modernize
        self.calls = calls
        self._token: tuple[tuple[Import, ...], str] | None = None

    def memoized(self, fact: str, compute: Callable[[], _T]) -> _T:
        """The module-wide ``fact`` (``"another_host"``, ``"literal_names"``),
        computed by ``compute`` the first time it is asked."""
        if fact not in self._memo:
            self._memo[fact] = compute()
        return self._memo[fact]  # type: ignore[return-value]

    # -- metadata -------------------------------------------------------------
    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self._parents.get(node)

    def ancestor(self, node: cst.CSTNode, *types: type) -> cst.CSTNode | None:
        node = self.parent(node)
        while node is not None and not isinstance(node, types):
            node = self.parent(node)
        return node

    def inside(self, node: cst.CSTNode, holder: cst.CSTNode) -> bool:
        """Whether ``node`` is ``holder`` or inside it."""
        current: cst.CSTNode | None = node
        while current is not None:
            if current is holder:
                return True
            current = self.parent(current)
        return False

    def start(self, node: cst.CSTNode) -> tuple[int, int]:
        where = self._positions[node].start
        return where.line, where.column

    def end(self, node: cst.CSTNode) -> tuple[int, int]:
        where = self._positions[node].end
        return where.line, where.column

    def lexical_scope(self, node: cst.CSTNode):
        """LibCST's scope of ``node``: which names it sees, and their bindings."""
        return self._scopes.get(node)

    def assigned_once(self, name: cst.Name) -> cst.BaseExpression | None:
        """The value of the one plain assignment binding ``name`` in its scope
        (``key = load_key()``); None for a parameter, an import, a loop
        target, a second binding."""
        scope = self.lexical_scope(name)
        bindings = list(scope[name.value]) if scope is not None else []
        if len(bindings) != 1:
            return None
        target = getattr(bindings[0], "node", None)
        holder = self.parent(target) if isinstance(target, cst.Name) else None
        statement = (
            self.parent(holder) if isinstance(holder, cst.AssignTarget) else None
        )
        if isinstance(statement, cst.Assign) and len(statement.targets) == 1:
            return statement.value
        return None

    def references(self, assignment) -> list:
        """A binding's references in source order (LibCST keeps them in a set,
        whose order changes from run to run), with the reads a loop brings
        back to it: LibCST counts only the reads written after a binding, but
        in ``while more: get(params=q); q = {..., "offset": o}`` the next
        turn's ``get`` sends the ``q`` bound below it."""

        def where(ref) -> tuple[int, int]:
            position = self._positions.get(ref.node)
            return (position.start.line, position.start.column) if position else (0, 0)

        found = set(assignment.references)
        node = getattr(assignment, "node", None)
        loop = self._outermost_loop(node) if isinstance(node, cst.CSTNode) else None
        if loop is not None:
            bound = where(assignment)
            found |= {
                access
                for access in assignment.scope.accesses[assignment.name]
                if where(access) < bound and self.inside(access.node, loop)
            }
        return sorted(found, key=where)

    def _outermost_loop(self, node: cst.CSTNode) -> cst.CSTNode | None:
        """The outermost ``for``/``while`` holding ``node`` in its own scope."""
        loop = None
        current = self.parent(node)
        while current is not None and not isinstance(
            current, (cst.FunctionDef, cst.Lambda, cst.ClassDef, cst.Module)
        ):
            if isinstance(current, (cst.For, cst.While)):
                loop = current
            current = self.parent(current)
        return loop

    def qualified_names(self, node: cst.CSTNode) -> set[str]:
        value = self._qnames.get(node)
        if value is None:
            return set()
        if callable(value):
            value = value()
        return {q.name for q in value}

    def code(self, node: cst.CSTNode) -> str:
        return self.module.code_for_node(node)

    # -- what the fixers produce ---------------------------------------------
    def token(self) -> cst.BaseExpression:
        """The access token, as the provider computes it (its names imported
        under aliases where the module has names of its own alike)."""
        if self._token is None:
            self._token = self.imports.resolver.expression(
                self.provider.expression, self.provider.imports
            )
        imports, expression = self._token
        self.imports.update(imports)
        return cst.parse_expression(expression)

    def lenient_token(self) -> cst.BaseExpression:
        """The token where it is read whether used or not (a command-line
        option's default): ``os.environ.get(NAME)`` for an environment
        provider, as a missing variable must not stop the program there."""
        token = self.token()
        if (
            isinstance(token, cst.Subscript)
            and self.module.code_for_node(token.value)
            == self.imports.names.get("os", "os") + ".environ"  # or its alias's
            and len(token.slice) == 1
            and isinstance(token.slice[0].slice, cst.Index)
        ):
            name = token.slice[0].slice.value
            environ = self.module.code_for_node(token.value)
            return cst.parse_expression(
                f"{environ}.get({self.module.code_for_node(name)})"
            )
        return token

    def bearer(self, key: cst.BaseExpression | None = None) -> cst.BaseExpression:
        """The value of the Authorization header: the provider's token, or the
        value of ``key`` (a caller's credential, read where it is)."""
        token = self.token() if key is None else self._with_replacements(key)
        if isinstance(token, (cst.BooleanOperation, cst.IfExp, cst.Lambda)):
            token = token.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
        return cst.BinaryOperation(cst.SimpleString('"Bearer "'), cst.Add(), token)

    def _with_replacements(self, key: cst.BaseExpression) -> cst.BaseExpression:
        """``key`` as it reads once the planned replacements inside it are made
        (``api_key or os.environ["HUBSPOT_API_KEY"]``: its configured default is
        the provider's token now), as a fresh expression."""
        replace = self.edits.replace

        class Replacer(cst.CSTTransformer):
            def on_leave(self, original, updated):
                return replace.get(original, updated)

        if not any(node in replace for node in walk(key)):
            return cst.parse_expression(self.code(key))
        return cst.parse_expression(cst.Module([]).code_for_node(key.visit(Replacer())))

    def site(
        self,
        node: cst.CSTNode,
        kind: Kind,
        status: Status,
        reason: str = "",
        *,
        calls: tuple[Endpoint, ...] = (),
        hardcoded_key: bool = False,
    ) -> None:
        where = self._positions[node]
        enclosing = self.enclosing_name(node)
        if status == Status.MANUAL:
            self.manual_nodes.append((node, kind, reason))
        self.sites.append(
            Site(
                self.path,
                where.start.line,
                where.start.column + 1,
                where.end.line,
                where.end.column + 1,
                kind,
                status,
                reason,
                calls,
                hardcoded_key,
                enclosing,
                fingerprint(kind.value, enclosing, self.code(node)),
            )
        )

    def note_key(self, node: cst.CSTNode) -> None:
        """Remember the key expression of a migrated site, for dead_keys
        (``str(KEY)`` and ``KEY.strip()`` read ``KEY``)."""
        while isinstance(node, cst.Call) and not node.args[1:]:
            func = node.func
            if isinstance(func, cst.Name) and func.value == "str" and node.args:
                node = node.args[0].value
            elif (
                isinstance(func, cst.Attribute)
                and func.attr.value in ("strip", "lstrip", "rstrip")
                and not node.args
            ):
                node = func.value
            else:
                break
        if isinstance(node, cst.Name):
            self.key_names.append(node)
        elif isinstance(node, cst.Attribute):
            self.key_attributes.append(node)

    def imported_keys(self) -> set[tuple[str, str]]:
        """The migrated keys this module reads from another module, as
        (module, name): ``settings.HUBSPOT_API_KEY`` with ``settings`` imported,
        ``HUBSPOT_API_KEY`` from ``from .settings import HUBSPOT_API_KEY``."""
        found = set()
        for attribute in self.key_attributes:
            base = attribute.value
            if isinstance(base, cst.Name) and self._binding(
                base, (cst.Import, cst.ImportFrom)
            ):
                found.add((base.value, attribute.attr.value))
        for name in self.key_names:
            node = self._binding(name, (cst.ImportFrom,))
            if isinstance(node, cst.ImportFrom) and node.module is not None:
                found.add((self.code(node.module).split(".")[-1], name.value))
        return found

    def _binding(self, name: cst.Name, kinds: tuple[type, ...]) -> cst.CSTNode | None:
        scope = self.lexical_scope(name)
        for binding in scope[name.value] if scope is not None else ():
            node = getattr(binding, "node", None)
            if isinstance(node, kinds):
                return node
        return None

    def docstring_lines(self) -> set[int]:
        """Lines of string statements (docstrings), where a hapikey is prose."""
        lines: set[int] = set()
        for node in self.index.docstrings:
            where = self._positions[node]
            lines.update(range(where.start.line, where.end.line + 1))
        return lines

    def enclosing_name(self, node: cst.CSTNode) -> str:
        """``Client._request``: the classes and functions around a node."""
        names = []
        while (node := self.parent(node)) is not None:
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                names.append(node.name.value)
        return ".".join(reversed(names))


def dotted_code(node: cst.BaseExpression) -> str:
    """``a.b.c`` of a module's or a name's node, without spaces."""
    return cst.Module([]).code_for_node(node).replace(" ", "")


def bound_references(
    ctx: ModuleContext, statement: cst.CSTNode, local: str
) -> list[cst.CSTNode]:
    """The references to ``local`` as ``statement`` (an import) binds it."""
    scope = ctx.lexical_scope(statement)
    if scope is None:
        return []
    return [
        ref.node
        for assignment in scope.assignments[local]
        if getattr(assignment, "node", None) is statement
        for ref in ctx.references(assignment)
    ]
