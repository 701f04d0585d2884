"""Whether a module's code uses a name other than by importing it, defining it
or calling it with no arguments: a use that may hand it arguments (a key, a
client) the module's own pass does not see. Read as tokens (a docstring or a
comment naming it is not a use); a notebook, or text that does not tokenize,
is read as words. A leaf: the tree-wide passes and :mod:`hapimigrate.run` ask it.
"""

from __future__ import annotations

import io
import re
import tokenize
from keyword import iskeyword


def may_pass_arguments(path: str, data: bytes, name: str) -> bool:
    """Whether a module uses ``name`` other than by importing it or calling it
    with no arguments (``DealsClient()`` hands in no key). Its code is read as
    tokens: a docstring or comment naming it (``"clients for the HubSpot
    APIs"``) is not a use; a notebook, or text that does not tokenize, is
    read as words."""
    if not path.endswith((".py", ".pyw")):
        return _passes_in_words(data, name)
    try:
        return _passes_in_tokens(data, name)
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return _passes_in_words(data, name)


def _passes_in_tokens(data: bytes, name: str) -> bool:
    tokens = [
        t
        for t in tokenize.tokenize(io.BytesIO(data).readline)
        if t.type not in (tokenize.NL, tokenize.COMMENT, tokenize.ENCODING)
    ]
    word = re.compile(rf"\b{re.escape(name)}\b")
    statement_start = 0  # the first token of the logical line
    for index, token in enumerate(tokens):
        if token.type in (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT) or (
            token.string == ";"
        ):
            statement_start = index + 1
            continue
        if token.type == tokenize.STRING:
            # an f-string's expressions are one token before Python 3.12
            prefix = token.string[: token.string.find(token.string[-1])]
            if "f" in prefix.lower() and word.search(token.string):
                return True
            continue
        if token.type != tokenize.NAME or token.string != name:
            continue
        if tokens[statement_start].string in ("from", "import"):
            following = tokens[index + 1].string if index + 1 < len(tokens) else ""
            if following == "as":
                return True  # imported under another name, used by that one
            continue  # an import
        if index and tokens[index - 1].string in ("def", "class"):
            continue  # a definition of its own
        if _annotation(tokens, statement_start, index):
            continue  # def f(api: HubSpotAPI) -> HubSpotAPI, api: HubSpotAPI = ...
        following = [t.string for t in tokens[index + 1 : index + 3]]
        if following == ["(", ")"]:
            continue
        return True
    return False


def _annotation(tokens: list, start: int, index: int) -> bool:
    """Whether the name at ``index`` is a whole annotation: after ``->``, after
    a parameter's ``:`` in a ``def`` line (not in a default's dict), or after
    the ``:`` of ``name: T`` beginning a statement; and followed by what ends
    one (``,`` ``)`` ``=`` ``:``, the line's end), not a call or a subscript."""
    before = tokens[index - 1].string if index else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else None
    if after is not None and after.string not in (",", ")", "=", ":"):
        if after.type not in (tokenize.NEWLINE, tokenize.ENDMARKER):
            return False
    if before == "->":
        return True
    if before != ":":
        return False
    first = tokens[start]
    if (
        index - 2 == start
        and first.type == tokenize.NAME
        and not iskeyword(first.string)
    ):
        return True  # api: HubSpotAPI = ... (a variable's annotation)
    words = [t.string for t in tokens[start:index]]
    if not (words[:1] == ["def"] or words[:2] == ["async", "def"]):
        return False
    depth = 0
    for word in words:
        depth += word in ("(", "[", "{")
        depth -= word in (")", "]", "}")
    return depth == 1  # inside the parameters, not in a default's brackets


def _passes_in_words(data: bytes, name: str) -> bool:
    word = re.escape(name.encode())
    for match in re.finditer(rb"\b" + word + rb"\b", data):
        line_start = data.rfind(b"\n", 0, match.start()) + 1
        before = data[line_start : match.start()]
        if re.match(rb"\s*(?:from|import)\b", before) or re.search(
            rb"\b(?:def|class)\s+$", before
        ):
            continue  # an import, or a definition of its own
        if re.match(rb"\s*\(\s*\)", data[match.end() : match.end() + 80]):
            continue
        return True
    return False
