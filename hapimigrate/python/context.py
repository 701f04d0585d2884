"""Everything a fixer needs to know about the module it works on: metadata
(parents, positions, scopes, qualified names), an index of the nodes worth looking
at, the token provider, the edit plan and the sites found so far."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import libcst as cst
from libcst.metadata import (
    MetadataWrapper,
    ParentNodeProvider,
    PositionProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from hapimigrate.python import speedups
from hapimigrate.python.edits import Edits
from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import Endpoint, Import, Kind, Site, Status, TokenProvider

speedups.install()


@dataclass
class Index:
    """Nodes collected in one walk over the module."""

    key_strings: list[cst.CSTNode] = field(default_factory=list)  # "...hapikey=..."
    key_elements: list[cst.DictElement] = field(default_factory=list)  # {"hapikey": v}
    key_keywords: list[cst.Arg] = field(default_factory=list)  # f(hapikey=v)
    key_pairs: list[cst.Tuple] = field(default_factory=list)  # [("hapikey", v), ...]
    key_setdefaults: list[cst.Call] = field(
        default_factory=list
    )  # p.setdefault("hapikey", v)
    key_subscripts: list[cst.Assign] = field(default_factory=list)  # x["hapikey"] = v
    docstrings: list[cst.Expr] = field(default_factory=list)  # string statements
    calls: list[cst.Call] = field(default_factory=list)  # calls that may be SDK clients
    attributes: dict[str, list[cst.Attribute]] = field(
        default_factory=lambda: defaultdict(list)
    )


class Collector(cst.CSTVisitor):
    """Fills an :class:`Index` in a single pass."""

    def __init__(self, index: Index) -> None:
        super().__init__()
        self.index = index

    def visit_SimpleString(self, node: cst.SimpleString) -> None:
        if "hapikey=" in node.value:
            self.index.key_strings.append(node)

    def visit_FormattedStringText(self, node: cst.FormattedStringText) -> None:
        if "hapikey=" in node.value:
            self.index.key_strings.append(node)

    def visit_DictElement(self, node: cst.DictElement) -> None:
        if _is_key_literal(node.key):
            self.index.key_elements.append(node)

    def visit_Arg(self, node: cst.Arg) -> None:
        if node.keyword is not None and node.keyword.value == "hapikey":
            self.index.key_keywords.append(node)

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            t = target.target
            if (
                isinstance(t, cst.Subscript)
                and len(t.slice) == 1
                and isinstance(t.slice[0].slice, cst.Index)
                and _is_key_literal(t.slice[0].slice.value)
            ):
                self.index.key_subscripts.append(node)

    def visit_Call(self, node: cst.Call) -> None:
        self.index.calls.append(node)
        func = node.func
        if (
            isinstance(func, cst.Attribute)
            and func.attr.value == "setdefault"
            and len(node.args) == 2
            and _is_key_literal(node.args[0].value)
        ):
            self.index.key_setdefaults.append(node)

    def visit_Tuple(self, node: cst.Tuple) -> None:
        if len(node.elements) == 2 and _is_key_literal(node.elements[0].value):
            self.index.key_pairs.append(node)

    def visit_Expr(self, node: cst.Expr) -> None:
        if isinstance(
            node.value, (cst.SimpleString, cst.ConcatenatedString, cst.FormattedString)
        ):
            self.index.docstrings.append(node)

    def visit_Attribute(self, node: cst.Attribute) -> None:
        self.index.attributes[node.attr.value].append(node)


def _is_key_literal(node: cst.CSTNode) -> bool:
    return isinstance(node, cst.SimpleString) and node.evaluated_value == "hapikey"


class ModuleContext:
    def __init__(self, path: str, module: cst.Module, provider: TokenProvider) -> None:
        self.path = path
        self.provider = provider
        self.wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        self.module = self.wrapper.module
        resolved = self.wrapper.resolve_many(
            [ParentNodeProvider, PositionProvider, ScopeProvider, QualifiedNameProvider]
        )
        self._parents = resolved[ParentNodeProvider]
        self._positions = resolved[PositionProvider]
        self._scopes = resolved[ScopeProvider]
        self._qnames = resolved[QualifiedNameProvider]
        self.index = Index()
        self.module.visit(Collector(self.index))
        self.edits = Edits()
        # the key expressions of migrated sites: names, and attributes (settings.KEY)
        self.key_names: list[cst.Name] = []
        self.key_attributes: list[cst.Attribute] = []
        self.sites: list[Site] = []
        self.imports: set[Import] = set()

    # -- metadata -------------------------------------------------------------
    def parent(self, node: cst.CSTNode) -> cst.CSTNode | None:
        return self._parents.get(node)

    def ancestor(self, node: cst.CSTNode, *types: type) -> cst.CSTNode | None:
        node = self.parent(node)
        while node is not None and not isinstance(node, types):
            node = self.parent(node)
        return node

    def start(self, node: cst.CSTNode) -> tuple[int, int]:
        where = self._positions[node].start
        return where.line, where.column

    def scope(self, node: cst.CSTNode):
        return self._scopes.get(node)

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
        """The access token, as the provider computes it."""
        self.imports.update(self.provider.imports)
        return cst.parse_expression(self.provider.expression)

    def bearer(self) -> cst.BaseExpression:
        """The value of the Authorization header."""
        return cst.BinaryOperation(
            cst.SimpleString('"Bearer "'),
            cst.Add(),
            self.token(),
        )

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
        scope = self.scope_name(node)
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
                scope,
                fingerprint(kind.value, scope, self.code(node)),
            )
        )

    def note_key(self, node: cst.CSTNode) -> None:
        """Remember the key expression of a migrated site, for dead_keys."""
        if isinstance(node, cst.Name):
            self.key_names.append(node)
        elif isinstance(node, cst.Attribute):
            self.key_attributes.append(node)

    def docstring_lines(self) -> set[int]:
        """Lines of string statements (docstrings), where a hapikey is prose."""
        lines: set[int] = set()
        for node in self.index.docstrings:
            where = self._positions[node]
            lines.update(range(where.start.line, where.end.line + 1))
        return lines

    def scope_name(self, node: cst.CSTNode) -> str:
        """``Client._request``: the classes and functions around a node."""
        names = []
        while (node := self.parent(node)) is not None:
            if isinstance(node, (cst.FunctionDef, cst.ClassDef)):
                names.append(node.name.value)
        return ".".join(reversed(names))
