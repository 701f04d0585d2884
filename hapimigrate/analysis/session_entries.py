"""One web-session entry sent as a key by several views: all of them, or none.

    def listar(request):
        api_key = request.session.setdefault('api_key', settings.HUBSPOT_API_KEY)
        client = HubSpot(api_key=api_key)          # manual: a configured default

    def remover(request, pk):
        api_key = request.session.get('api_key')
        client = HubSpot(api_key=api_key)          # rewritten alone: access_token=

Each visitor's value lives in the session (``request.session['api_key']``,
typed in a form or set from a default) and every view reading that entry sends
the same value. Migrated in one view and left in another, the module would
send it as a token here and as a key there: whatever the visitor types, one of
the two fails. When the views reading one entry hold both a rewritten key site
and one left for a person, the module stays as it is, each rewrite saying
which use holds it back.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from hapimigrate.model import FileResult, Kind, Site, Status

# request.session.get('api_key'), .setdefault(...), .pop(...), ['api_key']
_SESSION_ENTRY = re.compile(
    r"""\.session\s*(?:\.\s*(?:get|setdefault|pop)\s*\(\s*|\[\s*)(['"])(\w+)\1"""
)
_NOT_KEYS = (Kind.CALL, Kind.VERSION)

SPLIT = (
    "the web session's '{}' is sent as a key at line {} too, which is left for "
    "a person ({}): a visitor's value would go as a token here and as a key "
    "there; its uses change together, by hand"
)


@dataclass(frozen=True)
class _Span:
    """A function's lines, first and last."""

    first: int
    last: int


def hold_split_entries(results: list[FileResult]) -> list[FileResult]:
    """Each changed module whose views reading one session entry would
    migrate some of its sends and leave others, held (see the module's
    docstring)."""
    from hapimigrate.tree_hold import hold

    out = []
    for result in results:
        split = _split(result) if result.changed and result.original else None
        if split is not None:
            entry, left = split
            reason = SPLIT.format(entry, left.line, left.reason)
            result = hold(result, lambda site: reason, reason)
        out.append(result)
    return out


def _split(result: FileResult) -> tuple[str, Site] | None:
    """The session entry and the manual site of a split, if any."""
    text = (result.original or b"").decode(result.encoding or "utf-8", "replace")
    if ".session" not in text:
        return None
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return None
    spans = [
        _Span(node.lineno, node.end_lineno or node.lineno)
        for node in ast.walk(tree)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    readers: dict[str, set[_Span]] = {}
    for found in _SESSION_ENTRY.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        span = _innermost(spans, line)
        if span is not None:
            readers.setdefault(found.group(2), set()).add(span)
    for entry, functions in sorted(readers.items()):
        sites = [
            s
            for s in result.sites
            if s.kind not in _NOT_KEYS and _innermost(spans, s.line) in functions
        ]
        left = [s for s in sites if s.status in (Status.MANUAL, Status.UNPARSED)]
        if left and any(s.status == Status.REWRITE for s in sites):
            return entry, left[0]
    return None


def _innermost(spans: list[_Span], line: int) -> _Span | None:
    around = [s for s in spans if s.first <= line <= s.last]
    return min(around, key=lambda s: s.last - s.first, default=None)
