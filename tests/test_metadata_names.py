"""The qualified names a ModuleContext reads are LibCST's: made when first asked
for (python/metadata.py), not by ``QualifiedNameProvider``'s walk of every
node, they are the provider's, node for node, on the project's sources and odd
syntax."""

from __future__ import annotations

import libcst as cst
from libcst.metadata import MetadataWrapper, QualifiedNameProvider, ScopeProvider

from hapimigrate.python import metadata
from tests.test_metadata import ODD, _sources

STRING_ANNOTATIONS = """\
from typing import TYPE_CHECKING
if TYPE_CHECKING:
    from app.models import Deal
def owner(deal: "Deal") -> "list[Deal]":
    import requests as r
    return [r.get(deal.url)]
"""


def _names(value) -> set:
    return set(value() if callable(value) else value)


def _compare(module: cst.Module) -> int:
    theirs = MetadataWrapper(module, unsafe_skip_copy=True).resolve_many(
        [ScopeProvider, QualifiedNameProvider]
    )[QualifiedNameProvider]
    resolved = metadata.resolve(MetadataWrapper(module, unsafe_skip_copy=True))
    ours = resolved[QualifiedNameProvider]
    assert isinstance(ours, metadata.QualifiedNames)  # made as asked
    assert set(ours) == set(theirs.keys()) and len(ours) == len(theirs)
    named = 0
    for node, value in theirs.items():
        assert _names(ours.get(node)) == _names(value)
        named += bool(_names(value))
    # the nodes of string annotations have scopes, not names
    outside = [n for n in resolved[ScopeProvider] if n not in theirs]
    assert all(ours.get(n) is None for n in outside)
    assert ours.get(cst.Name("elsewhere")) is None
    return named


def test_qualified_names_are_libcst_s_node_for_node():
    compared = named = 0
    for _, module in _sources():
        named += _compare(module)
        compared += 1
    assert compared > 150 and named > 1000


def test_string_annotations_and_odd_syntax():
    assert _compare(cst.parse_module(STRING_ANNOTATIONS)) > 5
    assert _compare(cst.parse_module(ODD)) > 5
