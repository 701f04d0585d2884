"""The metadata a ModuleContext resolves (python/metadata.py) is LibCST's: the
parent map found from the nodes' fields is ``ParentNodeProvider``'s, node for
node, and skipping the batched walks that call nothing below the module changes
no scope nor qualified name; a batched walk that has node-level visitors still
descends."""

from __future__ import annotations

import glob
import os

import libcst as cst
import pytest
from libcst._batched_visitor import _BatchedCSTVisitor
from libcst.metadata import (
    BatchableMetadataProvider,
    MetadataWrapper,
    ParentNodeProvider,
    QualifiedNameProvider,
    ScopeProvider,
)

from hapimigrate.python import metadata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the shapes of Python the project reads: the patterns, the corpora
SOURCES = sorted(
    glob.glob(os.path.join(ROOT, "fixtures", "**", "*.py"), recursive=True)
    + glob.glob(
        os.path.join(ROOT, "bench", "corpus*", "*", "src", "**", "*.py"),
        recursive=True,
    )
)
# also odd syntax: f-string format specs, star imports, decorators, match,
# walrus, lambdas, except*, comprehensions, annotations, a trailing comment
ODD = """\
from os import *
import a.b as c, d
@dec(1)
class K(B, metaclass=M):
    x: int = 1
    def f(self, /, a, *args, b=2, **kw) -> "K":
        return [y async for y in g() if (z := y)] or {k: v for k, v in kw.items()}
try:
    pass
except* (ValueError, TypeError) as e:
    raise e from None
match p:
    case {"k": [1, *rest]} | Point(x=0) if rest:
        print(f"{p!r:>{width}} {p=} {{}}", lambda q=1, *, r: q)
    case _:
        del x[1:2, ::3]
with (open(a) as f, open(b)):
    global q
    assert f, "no"
# the end
"""


def _sources():
    for path in SOURCES:
        with open(path, "rb") as handle:
            data = handle.read()
        try:
            yield path, cst.parse_module(data)
        except Exception:  # Python 2 fixtures: LibCST reads them through fissix
            continue
    yield "odd", cst.parse_module(ODD)


def test_there_are_sources_to_compare():
    assert len(SOURCES) > 150


def test_the_parent_map_is_libcst_s_node_for_node():
    compared = 0
    for path, module in _sources():
        theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve(
            ParentNodeProvider
        )
        ours = metadata.parents(module)
        # nodes hash by identity: the same nodes, each with the same parent
        assert ours.keys() == theirs.keys(), path
        assert all(ours[node] is theirs[node] for node in ours), path
        compared += 1
    assert compared > 150


def _resolved(module: cst.Module, skipping: bool):
    patched = _BatchedCSTVisitor.on_visit
    if not skipping:
        _BatchedCSTVisitor.on_visit = _SHIPPED
    try:
        wrapper = MetadataWrapper(module, unsafe_skip_copy=True)
        found = wrapper.resolve_many([ScopeProvider, QualifiedNameProvider])
    finally:
        _BatchedCSTVisitor.on_visit = patched
    scopes = {
        node: (type(scope).__name__, sorted(scope._assignments))
        for node, scope in found[ScopeProvider].items()
        if scope is not None
    }
    names = {
        node: sorted(q.name for q in (value() if callable(value) else value))
        for node, value in found[QualifiedNameProvider].items()
    }
    return scopes, names


def _shipped_on_visit(self, node):  # LibCST 1.x as shipped
    if self.before_visit is not None:
        self.before_visit(node)
    for v in self.visitor_methods.get(f"visit_{type(node).__name__}", []):
        v(node)
    return True


_SHIPPED = _shipped_on_visit


@pytest.mark.parametrize("limit", [40])
def test_skipping_the_empty_walks_changes_no_scope_nor_qualified_name(limit):
    assert metadata.applies(metadata.speedups.LIBCST_VERSION)
    assert _BatchedCSTVisitor.on_visit is metadata._on_visit  # installed
    for path, module in list(_sources())[:limit] + [("odd", cst.parse_module(ODD))]:
        skipped = _resolved(module, skipping=True)
        walked = _resolved(module, skipping=False)
        for ours, theirs in zip(skipped, walked):
            # string annotations are parsed into fresh nodes on each resolution:
            # compare the module's own nodes
            common = ours.keys() & theirs.keys()
            assert len(ours) == len(theirs), path
            assert all(ours[n] == theirs[n] for n in common), path


class _CountNames(BatchableMetadataProvider[int]):
    def __init__(self) -> None:
        super().__init__()
        self.seen = 0

    def visit_Name(self, node: cst.Name) -> None:
        self.seen += 1


def test_a_batched_walk_with_node_visitors_still_descends():
    counter = _CountNames()
    MetadataWrapper(cst.parse_module(ODD)).visit_batched([counter])
    assert counter.seen > 30


def test_not_installed_on_other_versions():
    assert not metadata.applies("2.0.0") and not metadata.applies("")
