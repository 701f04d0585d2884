"""Spellings of one key expression that are the same key: what a key's identity
(:func:`hapimigrate.analysis.origins.config_key`) reads through.

    f"{st.secrets['api_key']}"           st.secrets['api_key'] itself
    "{}".format(KEY), "%s" % KEY         KEY itself
    "" + KEY                             KEY itself
    st.secrets["api_key"]                st.secrets['api_key'] (one quoting)

A string whose only content is one expression, unconverted and unformatted, has
that expression's text: it is that key, not a second key written in the code
(the f-string around the one secret read ``st.secrets["api_key"]`` is no literal
key beside it). Anything with text of its own (``f"key-{KEY}"``), a conversion
(``f"{KEY!r}"``) or a format spec is another text, and stays another key.
"""

from __future__ import annotations

import libcst as cst

from hapimigrate.python.context import ModuleContext


def sole_content(node: cst.CSTNode) -> cst.BaseExpression | None:
    """The one expression a string expression is made of, with nothing added
    (``f"{KEY}"``, ``"{}".format(KEY)``, ``"%s" % KEY``, ``"" + KEY``); None for
    anything else."""
    if isinstance(node, cst.FormattedString):
        return _sole_formatted(node)
    if isinstance(node, cst.BinaryOperation):
        if isinstance(node.operator, cst.Add):
            if _empty_text(node.left):
                return node.right
            if _empty_text(node.right):
                return node.left
            return None
        if isinstance(node.operator, cst.Modulo) and _text_is(node.left, "%s"):
            right = node.right
            if isinstance(right, cst.Tuple):
                if len(right.elements) != 1 or right.elements[0].value is None:
                    return None
                only = right.elements[0]
                return None if isinstance(only, cst.StarredElement) else only.value
            if isinstance(right, (cst.Dict, cst.DictComp, cst.List)):
                return None
            if isinstance(right, (cst.Name, cst.Attribute, cst.Subscript)):
                return right  # "%s" % KEY (a name holding a tuple would differ)
        return None
    if (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "format"
        and _text_is(node.func.value, "{}")
        and len(node.args) == 1
        and node.args[0].keyword is None
        and not node.args[0].star
    ):
        return node.args[0].value
    return None


def _sole_formatted(node: cst.FormattedString) -> cst.BaseExpression | None:
    parts = [
        part
        for part in node.parts
        if not (isinstance(part, cst.FormattedStringText) and part.value == "")
    ]
    if len(parts) != 1 or not isinstance(parts[0], cst.FormattedStringExpression):
        return None
    only = parts[0]
    if only.format_spec is not None or only.conversion not in (None, "s"):
        return None
    if only.equal is not None:  # f"{KEY=}" writes the expression's code too
        return None
    return only.expression


def _text_of(node: cst.CSTNode) -> str | None:
    if isinstance(node, cst.SimpleString):
        value = node.evaluated_value
        return value if isinstance(value, str) else None
    return None


def _text_is(node: cst.CSTNode, text: str) -> bool:
    return _text_of(node) == text


def _empty_text(node: cst.CSTNode) -> bool:
    return _text_is(node, "")


def subscript_identity(ctx: ModuleContext, node: cst.CSTNode) -> str | None:
    """``st.secrets["api_key"]`` and ``st.secrets['api_key']`` as one text: the
    subscripted value's code and the index's value, whatever the quotes; None
    unless ``node`` is a subscript by one string written in the code."""
    if not isinstance(node, cst.Subscript) or len(node.slice) != 1:
        return None
    index = node.slice[0].slice
    if not isinstance(index, cst.Index):
        return None
    text = _text_of(index.value)
    if text is None:
        return None
    return f"{ctx.code(node.value)}[{text!r}]"
