"""The edit plan for one module, and the transformer that carries it out.

Fixers never build trees themselves: they record small edits against nodes of the
original tree (cut text from this string, drop that argument, add the Bearer
header to that call, replace this statement). One transformer then applies them
all bottom-up, so edits on a node and on its children compose.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Sequence, TypeVar

import libcst as cst

Item = TypeVar("Item", cst.Arg, cst.BaseDictElement, cst.BaseElement)


@dataclass
class CallEdit:
    drop_args: set[int] = field(default_factory=set)  # indexes into call.args
    # argument index -> (new keyword, new value; None keeps the argument's value,
    # with whatever edits were made inside it)
    rename: dict[int, tuple[str, cst.BaseExpression | None]] = field(
        default_factory=dict
    )
    bearer: cst.BaseExpression | None = None  # the header value to send
    wrap_request: str | None = None  # urlopen(url) -> urlopen(Request(url, headers=))
    unwrap_format: bool = False  # "...".format() with no args left -> "..."
    merge: str = "spread"  # how the header joins a headers= value: see merged_headers
    # the header goes only when this holds (the URL's host is HubSpot's): the
    # request also goes to other hosts, which get no header
    guard: cst.BaseExpression | None = None


@dataclass
class Edits:
    # (start, end, replacement) in a SimpleString's or FormattedStringText's value
    text_cuts: dict[cst.CSTNode, list[tuple[int, int, str]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    drop_parts: dict[cst.FormattedString, set[int]] = field(
        default_factory=lambda: defaultdict(set)
    )
    drop_operands: dict[cst.BinaryOperation, set[int]] = field(
        default_factory=lambda: defaultdict(set)
    )
    calls: dict[cst.Call, CallEdit] = field(
        default_factory=lambda: defaultdict(CallEdit)
    )
    drop_elements: dict[cst.CSTNode, set[int]] = field(
        default_factory=lambda: defaultdict(set)
    )
    # `template % args` with no argument left -> True: `template % ()`, False: `template`
    percent_emptied: dict[cst.BinaryOperation, bool] = field(default_factory=dict)
    # expressions replaced whole (a configured key default by the provider's token)
    replace: dict[cst.CSTNode, cst.BaseExpression] = field(default_factory=dict)
    # a statement's replacements; None stands for the statement itself (as edited)
    statements: dict[cst.BaseSmallStatement, list[cst.BaseSmallStatement | None]] = (
        field(default_factory=dict)
    )
    # compound statements removed whole: `if "hapikey" not in p: p["hapikey"] = k`
    drop_blocks: set[cst.BaseCompoundStatement] = field(default_factory=set)
    # methods appended to a class's body, and statements put before a
    # module-level class or function (a developer-key subclass or caller
    # keeping the original requests)
    class_tails: dict[cst.ClassDef, list[cst.BaseStatement]] = field(
        default_factory=dict
    )
    before_class: dict[cst.ClassDef | cst.FunctionDef, list[cst.BaseStatement]] = field(
        default_factory=dict
    )
    # a name inserted code imports -> the name it writes (an alias where the
    # module has a name of its own alike: see python.imports); not an edit
    names: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(
            (
                self.text_cuts,
                self.drop_parts,
                self.drop_operands,
                self.calls,
                self.drop_elements,
                self.percent_emptied,
                self.replace,
                self.statements,
                self.drop_blocks,
                self.class_tails,
                self.before_class,
            )
        )


def plus_operands(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    """The operands of a ``+`` chain, left to right (parenthesised parts whole;
    the chain's own parentheses, ``(BASE + path\n + "?hapikey=" + KEY)`` as
    black writes a long one, are not a part)."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _operands(node.left) + [node.right]
    return [node]


def _is_chain(node: cst.BaseExpression) -> bool:
    return (
        isinstance(node, cst.BinaryOperation)
        and isinstance(node.operator, cst.Add)
        and not node.lpar
    )


def _operands(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    if _is_chain(node):
        assert isinstance(node, cst.BinaryOperation)
        return _operands(node.left) + [node.right]
    return [node]


def _operators(node: cst.BinaryOperation) -> list[cst.BaseBinaryOp]:
    if isinstance(node.left, cst.BinaryOperation) and _is_chain(node.left):
        return _operators(node.left) + [node.operator]
    return [node.operator]


def _joined_strings(
    left: cst.BaseExpression, right: cst.BaseExpression
) -> cst.SimpleString | None:
    if not (isinstance(left, cst.SimpleString) and isinstance(right, cst.SimpleString)):
        return None
    if left.prefix != right.prefix or left.quote != right.quote or len(left.quote) != 1:
        return None
    q = len(left.prefix) + 1
    return left.with_changes(value=left.value[:-1] + right.value[q:])


def drop_items(items: Sequence[Item], drop: set[int]) -> list[Item]:
    """``items`` without the indexes in ``drop``, keeping the trailing-comma style."""
    kept = [item for i, item in enumerate(items) if i not in drop]
    if kept and items:
        had_trailing = not isinstance(items[-1].comma, cst.MaybeSentinel)
        if not had_trailing:
            kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
        elif kept[-1] is not items[-1]:
            kept[-1] = kept[-1].with_changes(comma=items[-1].comma)
    return kept


def append_item(items: Sequence[Item], new: Item, opening: object = None) -> list[Item]:
    """``items`` with ``new`` at the end, laid out like its neighbours.

    ``opening`` is the whitespace after the opening bracket: when it holds a
    newline, the items stand one per line and so does the new one.
    """
    if not items:
        return [new]
    last = items[-1]
    one_per_line = isinstance(opening, cst.ParenthesizedWhitespace)
    between = items[-2].comma if len(items) > 1 else None
    if not isinstance(between, cst.Comma):
        between = cst.Comma(
            whitespace_after=opening if one_per_line else cst.SimpleWhitespace(" ")
        )
    if isinstance(last.comma, cst.Comma):  # a trailing comma stays trailing
        return [
            *items[:-1],
            last.with_changes(comma=between),
            new.with_changes(comma=last.comma),
        ]
    after = getattr(last, "whitespace_after_arg", None)
    if isinstance(after, cst.ParenthesizedWhitespace):
        # the closing bracket has a line of its own: keep it there
        last = last.with_changes(whitespace_after_arg=cst.SimpleWhitespace(""))
        new = new.with_changes(whitespace_after_arg=after)
    return [*items[:-1], last.with_changes(comma=between), new]


def header_element(value: cst.BaseExpression) -> cst.DictElement:
    return cst.DictElement(cst.SimpleString('"Authorization"'), value)


def headers_dict(value: cst.BaseExpression) -> cst.Dict:
    return cst.Dict([header_element(value)])


SPREAD, SPREAD_OR_EMPTY, DICT_CALL = "spread", "spread-or-empty", "dict-call"
_COMMA = cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))


def guarded_headers(value: cst.BaseExpression, guard: cst.BaseExpression) -> cst.IfExp:
    """``{"Authorization": value} if guard else {}``: the header for the requests
    the guard lets through (HubSpot's hosts), none for the others."""
    return cst.IfExp(guard, headers_dict(value), cst.Dict([]))


def host_guard(url: cst.BaseExpression, hosts: Sequence[str]) -> cst.BaseExpression:
    """``urlsplit(url).hostname == "api.hubapi.com"`` (``in (...)`` for several)."""
    hostname = cst.Attribute(
        cst.Call(cst.Name("urlsplit"), [cst.Arg(url)]), cst.Name("hostname")
    )
    names = [cst.SimpleString(f'"{h}"') for h in sorted(hosts)]
    if len(names) == 1:
        return cst.Comparison(hostname, [cst.ComparisonTarget(cst.Equal(), names[0])])
    return cst.Comparison(
        hostname,
        [cst.ComparisonTarget(cst.In(), cst.Tuple([cst.Element(n) for n in names]))],
    )


def session_auth_hook(
    session: cst.BaseExpression,
    bearer: cst.BaseExpression,
    hosts: Sequence[str],
) -> cst.BaseSmallStatement:
    """``s.auth = lambda r, bearer=...: (r.headers.update(Authorization=bearer) or r
    if urlsplit(r.url).hostname == "api.hubapi.com" else r)``: requests calls a
    session's ``auth`` on every request it prepares, so only those to ``hosts``
    get the header (the value is read once, here; the applier indents the
    continuation lines with the block)."""
    render = cst.Module([]).code_for_node
    guard = render(host_guard(cst.parse_expression("r.url"), hosts))
    text = (
        f"{render(session)}.auth = lambda r, bearer={render(bearer)}: (\n"
        "    r.headers.update(Authorization=bearer) or r\n"
        f"    if {guard}\n"
        "    else r\n"
        ")\n"
    )
    statement = cst.parse_statement(text)
    assert isinstance(statement, cst.SimpleStatementLine)
    return statement.body[0]


def merged_headers(
    existing: cst.BaseExpression, value: cst.BaseExpression, merge: str = SPREAD
) -> cst.BaseExpression:
    """An existing ``headers=`` value with the Authorization header added:
    ``{**h, ...}`` (``h`` is a dict), ``{**(h or {}), ...}`` (``h`` may be None),
    or ``dict(h or {}, Authorization=...)`` (Python 2 code, which has no ``**``
    in displays)."""
    if isinstance(existing, cst.Dict):
        if any(is_authorization_entry(e) for e in existing.elements):
            return existing
        return existing.with_changes(
            elements=append_item(
                existing.elements,
                header_element(value),
                existing.lbrace.whitespace_after,
            )
        )
    base: cst.BaseExpression = existing
    if merge in (SPREAD_OR_EMPTY, DICT_CALL):
        base = cst.BooleanOperation(
            existing,
            cst.Or(),
            cst.Dict([]),
            lpar=[cst.LeftParen()] if merge == SPREAD_OR_EMPTY else [],
            rpar=[cst.RightParen()] if merge == SPREAD_OR_EMPTY else [],
        )
    if merge == DICT_CALL:
        return cst.Call(
            cst.Name("dict"),
            [
                cst.Arg(
                    base, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
                ),
                _keyword_arg("Authorization", value),
            ],
        )
    return cst.Dict(
        [
            cst.StarredDictElement(
                base, comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" "))
            ),
            header_element(value),
        ]
    )


def is_authorization_entry(element: cst.BaseDictElement) -> bool:
    """``"Authorization": ...`` in a headers dict literal (any case)."""
    return (
        isinstance(element, cst.DictElement)
        and isinstance(element.key, cst.SimpleString)
        and element.key.evaluated_value.lower() == "authorization"
    )


class EditApplier(cst.CSTTransformer):
    """Applies an :class:`Edits` plan recorded against the original tree."""

    def __init__(self, edits: Edits, parent: Callable[[cst.CSTNode], object]) -> None:
        super().__init__()
        self.edits = edits
        self.parent = parent  # of a node of the original tree
        # blank lines above a removed statement, for the statement after it (as
        # written: a form feed stays)
        self._carry: tuple[object, list[cst.EmptyLine]] | None = None

    def on_leave(self, original, updated):
        replacement = self.edits.replace.get(original)
        if replacement is not None:
            return replacement.with_changes(
                lpar=getattr(updated, "lpar", ()), rpar=getattr(updated, "rpar", ())
            )
        result = super().on_leave(original, updated)
        if self._carry is not None and isinstance(
            original, (cst.SimpleStatementLine, cst.BaseCompoundStatement)
        ):
            block, blanks = self._carry
            if self.parent(original) is block and isinstance(result, cst.CSTNode):
                self._carry = None
                own = result.leading_lines
                lead = len(own) - len(list(_without_leading_blanks(own)))
                if len(blanks) > lead:
                    result = result.with_changes(
                        leading_lines=[*blanks[: len(blanks) - lead], *own]
                    )
        if (
            isinstance(original, (cst.Module, cst.IndentedBlock))
            and self._carry
            and self._carry[0] is original
        ):
            self._carry = None
        return result

    def leave_SimpleString(self, original, updated):
        return self._cut_text(original, updated)

    def leave_FormattedStringText(self, original, updated):
        return self._cut_text(original, updated)

    def _cut_text(self, original, updated):
        cuts = self.edits.text_cuts.get(original)
        if not cuts:
            return updated
        value = updated.value
        for a, b, replacement in sorted(cuts, reverse=True):
            value = value[:a] + replacement + value[b:]
        return updated.with_changes(value=value)

    def leave_FormattedString(self, original, updated):
        drop = self.edits.drop_parts.get(original)
        parts = [p for i, p in enumerate(updated.parts) if i not in (drop or ())]
        parts = [
            p
            for p in parts
            if not (isinstance(p, cst.FormattedStringText) and not p.value)
        ]
        if len(parts) == len(updated.parts):
            return updated
        if any(isinstance(p, cst.FormattedStringExpression) for p in parts):
            return updated.with_changes(parts=parts)
        # No replacement field left: an f-string is no longer needed.
        text = "".join(p.value for p in parts)  # type: ignore[union-attr]
        text = text.replace("{{", "{").replace("}}", "}")
        start = updated.start.replace("f", "").replace("F", "")
        return cst.SimpleString(
            start + text + updated.end,
            lpar=updated.lpar,
            rpar=updated.rpar,
        )

    def leave_BinaryOperation(self, original, updated):
        if original in self.edits.percent_emptied:
            if self.edits.percent_emptied[original]:
                return updated.with_changes(right=cst.Tuple([]))
            return updated.left.with_changes(
                lpar=updated.lpar or updated.left.lpar,
                rpar=updated.rpar or updated.left.rpar,
            )
        drop = self.edits.drop_operands.get(original)
        if not drop:
            return updated
        operands = plus_operands(updated)
        operators = _operators(updated)
        kept = [i for i in range(len(operands)) if i not in drop]
        if not kept:
            return cst.SimpleString('""', lpar=updated.lpar, rpar=updated.rpar)
        result = operands[kept[0]]
        for previous, i in zip(kept, kept[1:]):
            last = result.right if isinstance(result, cst.BinaryOperation) else result
            joined = _joined_strings(last, operands[i]) if i - previous > 1 else None
            if joined is not None:  # "a?" + "b=1" left by a cut reads better as "a?b=1"
                result = (
                    result.with_changes(right=joined) if last is not result else joined
                )
            else:
                # the operator in front of an operand keeps its own layout
                result = cst.BinaryOperation(result, operators[i - 1], operands[i])
        if len(kept) == 1 and not updated.lpar:
            return result
        return result.with_changes(lpar=updated.lpar, rpar=updated.rpar)

    def leave_ConcatenatedString(self, original, updated):
        # "https://x" "" left by a cut: keep the part with text
        for emptied, other in (
            (updated.right, updated.left),
            (updated.left, updated.right),
        ):
            if (
                isinstance(emptied, cst.SimpleString)
                and emptied.value == emptied.prefix + emptied.quote * 2
                and emptied is not original.right
                and emptied is not original.left
            ):
                return other.with_changes(lpar=updated.lpar, rpar=updated.rpar)
        return updated

    def leave_List(self, original, updated):
        return self.leave_Dict(original, updated)

    def leave_Dict(self, original, updated):
        drop = self.edits.drop_elements.get(original)
        if not drop:
            return updated
        return updated.with_changes(elements=drop_items(updated.elements, drop))

    def leave_Tuple(self, original, updated):
        drop = self.edits.drop_elements.get(original)
        if not drop:
            return updated
        elements = drop_items(updated.elements, drop)
        if len(elements) == 1 and not isinstance(elements[0].comma, cst.Comma):
            elements[0] = elements[0].with_changes(comma=cst.Comma())
        return updated.with_changes(elements=elements)

    def leave_Call(self, original, updated):
        edit = self.edits.calls.get(original)
        if edit is None:
            return updated
        args = list(updated.args)
        for index, (keyword, value) in edit.rename.items():
            args[index] = args[index].with_changes(
                keyword=cst.Name(keyword),
                value=value if value is not None else args[index].value,
                equal=(
                    cst.AssignEqual(
                        whitespace_before=cst.SimpleWhitespace(""),
                        whitespace_after=cst.SimpleWhitespace(""),
                    )
                    if args[index].keyword is None
                    else args[index].equal
                ),
            )
        args = drop_items(args, edit.drop_args)
        if edit.unwrap_format and not args:
            assert isinstance(updated.func, cst.Attribute)
            template = updated.func.value
            return template.with_changes(
                lpar=updated.lpar or template.lpar, rpar=updated.rpar or template.rpar
            )
        if edit.bearer is not None:
            args = self._with_bearer(updated, args, edit)
        return updated.with_changes(args=args)

    def _with_bearer(self, call, args, edit):
        if edit.guard is not None:
            return self._with_guarded_bearer(call, args, edit)
        if edit.wrap_request is not None:
            request = cst.Call(
                cst.parse_expression(
                    self.edits.names.get(edit.wrap_request, edit.wrap_request)
                ),
                [
                    args[0].with_changes(
                        comma=cst.Comma(whitespace_after=cst.SimpleWhitespace(" ")),
                        keyword=None,
                        equal=cst.MaybeSentinel.DEFAULT,
                    ),
                    _keyword_arg("headers", headers_dict(edit.bearer)),
                ],
            )
            return [args[0].with_changes(value=request), *args[1:]]
        for i, arg in enumerate(args):
            if arg.keyword is not None and arg.keyword.value == "headers":
                args[i] = arg.with_changes(
                    value=merged_headers(arg.value, edit.bearer, edit.merge)
                )
                return args
        return append_item(
            args,
            _keyword_arg("headers", headers_dict(edit.bearer)),
            call.whitespace_before_args,
        )

    def _with_guarded_bearer(self, call, args, edit):
        """``headers={"Authorization": ...} if <guard> else {}``, or merged into the
        call's headers as ``{**h, **(... if <guard> else {})}``."""
        header = guarded_headers(edit.bearer, edit.guard)
        for i, arg in enumerate(args):
            if arg.keyword is not None and arg.keyword.value == "headers":
                base = arg.value
                spread = cst.StarredDictElement(
                    header.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
                )
                if isinstance(base, cst.Dict):
                    if not any(is_authorization_entry(e) for e in base.elements):
                        elements = append_item(
                            base.elements, spread, base.lbrace.whitespace_after
                        )
                        args[i] = arg.with_changes(
                            value=base.with_changes(elements=elements)
                        )
                    return args
                if edit.merge == SPREAD_OR_EMPTY:
                    base = cst.BooleanOperation(
                        base,
                        cst.Or(),
                        cst.Dict([]),
                        lpar=[cst.LeftParen()],
                        rpar=[cst.RightParen()],
                    )
                merged = cst.Dict([cst.StarredDictElement(base, comma=_COMMA), spread])
                args[i] = arg.with_changes(value=merged)
                return args
        return append_item(
            args, _keyword_arg("headers", header), call.whitespace_before_args
        )

    def leave_SimpleStatementLine(self, original, updated):
        if not any(s in self.edits.statements for s in original.body):
            return updated
        body: list[cst.BaseSmallStatement] = []
        for old, new in zip(original.body, updated.body):
            replacement = self.edits.statements.get(old, [None])
            body.extend(new if s is None else s for s in replacement)
        if not body:
            lines = list(updated.leading_lines)
            blanks = lines[: len(lines) - len(list(_without_leading_blanks(lines)))]
            previous = (
                self._carry[1]
                if self._carry and self._carry[0] is self.parent(original)
                else []
            )
            self._carry = (self.parent(original), max(blanks, previous, key=len))
            return cst.RemoveFromParent()
        if len(original.body) == 1 and len(body) > 1:
            # one statement became several: one line each, like the code around it
            first = updated.with_changes(body=[body[0]])
            rest = [cst.SimpleStatementLine([s]) for s in body[1:]]
            return cst.FlattenSentinel([first, *rest])
        semicolon = cst.Semicolon(whitespace_after=cst.SimpleWhitespace(" "))
        body = [s.with_changes(semicolon=semicolon) for s in body[:-1]] + [
            body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        ]
        return updated.with_changes(body=body)

    def leave_SimpleStatementSuite(self, original, updated):
        """A compound statement's body on its line (``if KEY: s.params = {...}``,
        ``with s: a; b``): the same replacements, on that line (``pass`` where
        none is left)."""
        if not any(s in self.edits.statements for s in original.body):
            return updated
        body: list[cst.BaseSmallStatement] = []
        for old, new in zip(original.body, updated.body):
            replacement = self.edits.statements.get(old, [None])
            body.extend(new if s is None else s for s in replacement)
        if not body:
            body = [cst.Pass()]
        semicolon = cst.Semicolon(whitespace_after=cst.SimpleWhitespace(" "))
        body = [s.with_changes(semicolon=semicolon) for s in body[:-1]] + [
            body[-1].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
        ]
        return updated.with_changes(body=body)

    def leave_If(self, original, updated):
        if original in self.edits.drop_blocks:
            return cst.RemoveFromParent()
        return updated

    def leave_ClassDef(self, original, updated):
        tail = self.edits.class_tails.get(original)
        if tail:
            updated = updated.with_changes(
                body=updated.body.with_changes(body=[*updated.body.body, *tail])
            )
        return self._put_before(original, updated)

    def leave_FunctionDef(self, original, updated):
        return self._put_before(original, updated)

    def _put_before(self, original, updated):
        before = self.edits.before_class.get(original)
        if not before:
            return updated
        # the blank lines above go above what is put before; its comments stay
        own = list(_without_leading_blanks(updated.leading_lines))
        blanks = list(updated.leading_lines)[: len(updated.leading_lines) - len(own)]
        first = before[0].with_changes(leading_lines=blanks)
        spaced = updated.with_changes(
            leading_lines=[
                cst.EmptyLine(indent=False),
                cst.EmptyLine(indent=False),
                *own,
            ]
        )
        return cst.FlattenSentinel([first, *before[1:], spaced])

    def leave_IndentedBlock(self, original, updated):
        if updated.body:
            return updated
        return updated.with_changes(body=[cst.SimpleStatementLine([cst.Pass()])])


def _keyword_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    return cst.Arg(
        value,
        keyword=cst.Name(name),
        equal=cst.AssignEqual(
            whitespace_before=cst.SimpleWhitespace(""),
            whitespace_after=cst.SimpleWhitespace(""),
        ),
    )


def _without_leading_blanks(lines):
    """The leading lines from the first comment on."""
    lines = list(lines)
    while lines and lines[0].comment is None:
        lines.pop(0)
    return lines
