"""A ``...?hapikey=`` prefix held in a name and joined to the key where the URL is built.

    API_KEY = "?hapikey="
    BLOG_POSTS = "https://api.hubapi.com/content/api/v2/blog-posts?hapikey="

    url = HS_API_URL + endpoint + API_KEY + key_value + "&limit=250"
    requests.get(BLOG_POSTS + api_key + api_params + blog_id)

The literal alone says nothing of the key's value (``querystring.VALUE_ELSEWHERE``);
its uses do. Each use is the URL text ``... + PREFIX + <key> [+ rest]`` with the
prefix's text known, so each is decided as the same URL written inline would be
(:func:`url_strings._fix_url` on pieces where the name stands for its text): the
key operand goes, ``hapikey=`` leaves the prefix's text at that use (the ``?``
kept, or the next ``&`` dropped, as the inline rewrites do), and the request gets
the header. A use left manual keeps reading the name unchanged.

Once every use is migrated, the definition follows: removed when no use reads the
name any more (a prefix that was only ``?hapikey=``), else its text loses the same
``hapikey=`` every use dropped and the uses read the name again.

The proof obligations, each checked or the prefix stays manual saying which use:

- the name is bound once (a module's or a function's), to that literal, and no
  other module of the package names it (``from hs_api import API_KEY``);
- every read of it is an operand of a ``+`` chain followed by exactly one operand,
  the key (whose origin the inline rules settle), then nothing, literal text, or
  a name whose known text starts with ``&`` (``api_params = "&state=PUBLISHED"``:
  it stays, ``?&state=...`` asks the same of HubSpot);
- no other part of the chain says ``hapikey`` (one key per URL).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

import libcst as cst
from libcst.metadata import FunctionScope, GlobalScope

from hapimigrate.analysis import querystring, values
from hapimigrate.analysis.prefix_names import KEY_TAIL
from hapimigrate.analysis.querystring import Piece, Unsafe
from hapimigrate.analysis.url_pieces import OperandAt, pieces_of
from hapimigrate.model import Kind, Status
from hapimigrate.python.context import ModuleContext
from hapimigrate.python.edits import plus_operands
from hapimigrate.tree_imports import package_mentions


@dataclass
class _Cuts:
    """What the migrated uses of one prefix cut out of its text: (use, start, end)."""

    made: list[tuple[cst.Name, int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class PrefixAt:
    """The prefix name at a use: a piece whose text is the definition's."""

    operand: OperandAt
    definition: cst.SimpleString
    body: str  # the definition's source text between its quotes
    cuts: _Cuts = field(compare=False, hash=False)

    def cut(self, ctx: ModuleContext, a: int, b: int) -> None:
        """This use loses ``body[a:b]``: the literal left takes the name's place
        (or the operand goes, when nothing is left)."""
        name = self.operand.node
        assert isinstance(name, cst.Name)
        self.cuts.made.append((name, a, b))
        left = self.body[:a] + self.body[b:]
        if not left:
            ctx.edits.drop_operands[self.operand.chain].add(self.operand.index)
            return
        quote = self.definition.quote
        ctx.edits.replace[name] = cst.SimpleString(
            f"{self.definition.prefix}{quote}{left}{quote}"
        )


@dataclass(frozen=True)
class KnownAt:
    """A name after the key whose text is known and starts with ``&``: a cut may
    only take that ``&``, which stays (``?&a=1`` asks what ``?a=1`` does)."""

    operand: OperandAt

    def cut(self, ctx: ModuleContext, a: int, b: int) -> None:
        assert (a, b) == (0, 1), "only the leading & of a known name may be cut"


def is_handle(handle: object) -> bool:
    return isinstance(handle, (PrefixAt, KnownAt))


FixUrl = Callable[..., None]


def fix(ctx: ModuleContext, literal: cst.BaseExpression, fix_url: FixUrl) -> bool:
    """Migrate the uses of the prefix ``literal`` defines (see the module's
    docstring); False when it is no such prefix (the caller reports the literal
    as before). ``fix_url``: :func:`url_strings._fix_url`."""
    bound = _binding(ctx, literal)
    if bound is None:
        return False
    target, statement, assignment = bound
    assert isinstance(literal, cst.SimpleString)
    body = literal.value[
        len(literal.prefix)
        + len(literal.quote) : len(literal.value)
        - len(literal.quote)
    ]
    if not KEY_TAIL.search(body) or "{" in body or "%" in body or "\\" in body:
        return False
    reads = [ref.node for ref in ctx.references(assignment)]
    if not reads:
        return False  # read nowhere: nothing says what the key is
    problem = _reads_problem(ctx, target, reads)
    if problem is not None:
        ctx.site(literal, Kind.URL, Status.MANUAL, problem)
        return True
    if len({id(values.string_root(ctx, read)) for read in reads}) != len(reads):
        return False  # the prefix twice in one URL
    cuts = _Cuts()
    uses: list[tuple[cst.BaseExpression, list[Piece]]] = []
    for read in reads:
        assert isinstance(read, cst.Name)
        root = values.string_root(ctx, read)
        pieces = _pieces(ctx, root, read, literal, body, cuts)
        if isinstance(pieces, str):
            ctx.site(literal, Kind.URL, Status.MANUAL, pieces)
            return True
        uses.append((root, pieces))
    sites, manual = len(ctx.sites), len(ctx.manual_nodes)
    for root, pieces in uses:
        fix_url(ctx, root, pieces)
    statuses = {
        site.status
        for site in ctx.sites[sites:]
        if site.kind not in (Kind.CALL, Kind.VERSION)
    }
    lines = ", ".join(str(ctx.start(read)[0]) for read in reads)
    if statuses == {Status.KEPT}:  # a developer key's URLs: left as they are
        ctx.site(
            literal,
            Kind.URL,
            Status.KEPT,
            f"{target.value} ends with hapikey= and is joined to a developer key "
            f"at each use (lines {lines}): kept",
        )
        return True
    if not cuts.made and statuses == {Status.MANUAL}:
        # no use migrated, nothing changed: one site, the prefix, as before,
        # saying why its first use stays
        first = next((s for s in ctx.sites[sites:] if s.reason), None)
        del ctx.sites[sites:], ctx.manual_nodes[manual:]
        why = f": at line {first.line}, {first.reason}" if first else ""
        ctx.site(
            literal,
            Kind.URL,
            Status.MANUAL,
            f"{target.value} ends with hapikey= and is joined to the key where "
            f"the URL is built{why}",
        )
        return True
    _settle_definition(ctx, literal, statement, target, body, cuts, len(reads))
    return True


def _binding(ctx: ModuleContext, literal: cst.BaseExpression):
    """``NAME = "...?hapikey="``, NAME bound nowhere else in a module's or a
    function's scope: (NAME, the statement, LibCST's assignment)."""
    statement = ctx.parent(literal)
    if not (
        isinstance(literal, cst.SimpleString)
        and "b" not in literal.prefix.lower()
        and isinstance(statement, cst.Assign)
        and statement.value is literal
        and len(statement.targets) == 1
        and isinstance(statement.targets[0].target, cst.Name)
    ):
        return None
    target = statement.targets[0].target
    scope = ctx.lexical_scope(statement)
    if not isinstance(scope, (GlobalScope, FunctionScope)):
        return None  # a class attribute is read as self.NAME
    assignments = list(scope.assignments[target.value])
    if len(assignments) != 1 or getattr(assignments[0], "node", None) is not target:
        return None
    return target, statement, assignments[0]


def _reads_problem(
    ctx: ModuleContext, target: cst.Name, reads: list[cst.CSTNode]
) -> str | None:
    name = target.value
    if isinstance(ctx.lexical_scope(target), GlobalScope) and (
        name in ctx.protected  # the tree pass found a reader (a script in jobs/)
        or package_mentions(ctx.path, rb"\b" + re.escape(name).encode() + rb"\b")
    ):
        return (
            f"{querystring.VALUE_ELSEWHERE} ({name} is named by another module of "
            "the package too)"
        )
    for read in reads:
        if not isinstance(read, cst.Name) or not _joined_to_key(ctx, read):
            return (
                f"{querystring.VALUE_ELSEWHERE} ({name} is read at line "
                f"{ctx.start(read)[0]} other than joined to the key with +)"
            )
    return None


def _joined_to_key(ctx: ModuleContext, read: cst.Name) -> bool:
    """``... + NAME + key [+ ...]``: the name an operand of a ``+`` chain (not
    in parentheses of its own), an operand after it, and no other ``hapikey``
    in the chain."""
    root = values.string_root(ctx, read)
    operands = plus_operands(root)
    index = next((i for i, o in enumerate(operands) if o is read), None)
    if index is None or index + 1 >= len(operands):
        return False
    if isinstance(ctx.parent(root), cst.AugAssign):
        return False  # url += PREFIX + key: the whole statement may go
    if any(
        "hapikey=" in values.url_template(ctx, other).lower()
        for other in operands
        if other is not read
    ):
        return False  # another keyed piece in the chain: one key per URL
    key = operands[index + 1]
    return not isinstance(
        key, (cst.SimpleString, cst.FormattedString, cst.ConcatenatedString)
    )


def _pieces(
    ctx: ModuleContext,
    root: cst.BaseExpression,
    read: cst.Name,
    literal: cst.SimpleString,
    body: str,
    cuts: _Cuts,
) -> list[Piece] | str:
    """The use's pieces, the name standing for the prefix's text; a reason
    (str) where the key's end or the cut is not known for sure."""
    pieces = pieces_of(root)
    line = ctx.start(read)[0]
    out: list[Piece] = []
    for position, piece in enumerate(pieces):
        handle = piece.node
        if isinstance(handle, OperandAt) and handle.node is read:
            out.append(Piece(body, PrefixAt(handle, literal, body, cuts)))
            continue
        after_key = (
            position >= 2
            and piece.text is None
            and isinstance(pieces[position - 2].node, OperandAt)
            and pieces[position - 2].node.node is read
        )
        if after_key:
            text = values.url_template(ctx, handle.node)
            if "{" in text or "}" in text or not text.startswith("&"):
                return (
                    f"{querystring.VALUE_ELSEWHERE} (at line {line}, what follows "
                    f"the key, {ctx.code(handle.node)}, is not known to start "
                    "with &)"
                )
            out.append(Piece(text, KnownAt(handle)))
            continue
        out.append(piece)
    for keep_question in (False, True):
        try:
            cut = querystring.find_key(out, keep_question=keep_question)
        except Unsafe as problem:
            return f"{querystring.VALUE_ELSEWHERE} (at line {line}: {problem})"
        if cut is None or cut.has_placeholders or cut.value_text:
            return f"{querystring.VALUE_ELSEWHERE} (at line {line})"
        for index, span in cut.text_cuts.items():
            handle = out[index].node
            if isinstance(handle, PrefixAt) and span[1] != len(body):
                return f"{querystring.VALUE_ELSEWHERE} (at line {line})"
            if isinstance(handle, KnownAt) and span != (0, 1):
                return f"{querystring.VALUE_ELSEWHERE} (at line {line})"
    return out


def _settle_definition(
    ctx: ModuleContext,
    literal: cst.SimpleString,
    statement: cst.Assign,
    target: cst.Name,
    body: str,
    cuts: _Cuts,
    reads: int,
) -> None:
    """Every use migrated: the definition goes when no use reads the name any
    more, or loses the one ``hapikey=`` every use cut (the uses read it again).
    Some use left manual: the definition stays for it, unchanged."""
    if len(cuts.made) != reads:
        migrated = {id(name) for name, _, _ in cuts.made}
        left = [
            str(ctx.start(ref.node)[0])
            for assignment in ctx.lexical_scope(statement).assignments[target.value]
            for ref in ctx.references(assignment)
            if id(ref.node) not in migrated
        ]
        ctx.site(
            literal,
            Kind.URL,
            Status.MANUAL,
            f"{target.value} ends with hapikey= and is joined to the key where the "
            f"URL is built; the uses at lines {', '.join(left)} are left for a "
            "person (see there): it stays for them",
        )
        return
    spans = {(a, b) for _, a, b in cuts.made}
    left = {body[:a] + body[b:] for a, b in spans}
    lines = ", ".join(str(ctx.start(name)[0]) for name, _, _ in cuts.made)
    if len(spans) == 1 and not left & {"", "?", "&"}:
        ((a, b),) = spans
        for name, _, _ in cuts.made:
            ctx.edits.replace.pop(name, None)
        start = len(literal.prefix) + len(literal.quote)
        ctx.edits.text_cuts[literal].append((start + a, start + b, ""))
        reason = (
            f"{target.value} ended with hapikey=, joined to the key at each use "
            f"(lines {lines}): it keeps the rest of its text, the requests send "
            "the token"
        )
    else:
        ctx.edits.statements[statement] = []
        reason = (
            f"{target.value} ended with hapikey=, joined to the key at each use "
            f"(lines {lines}): nothing reads it now, it is removed"
        )
    if isinstance(ctx.lexical_scope(target), GlobalScope):
        ctx.removed_names.append(target.value)  # the tree pass checks its readers
    ctx.site(literal, Kind.URL, Status.REWRITE, reason)
