"""Whether a literal written in the code could be a real HubSpot API key: the one
rule the Python analysis and the text scanner share. Standard library only.

A portal API key looks like a UUID (``5f1c0a3e-8b2d-4c6f-9e1a-7d3b5c2e4f60``); any
literal of 8 or more characters with both letters and digits is accepted too, unless
it is empty or an obvious placeholder (``YOUR_API_KEY``, ``xxxx-1234``,
``<api key>``, ``${HUBSPOT_KEY}``, ``changeme``, ``demo``, ``test1234``...).
"""

from __future__ import annotations

import re

MIN_LENGTH = 8
_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)
# a key is one token: no spaces, no template or markup syntax
_NOT_IN_A_KEY = re.compile(r"[\s<>{}\[\]()$%@#!?*'\"`|\\,;&]|://")
# anywhere in the literal (letters only, separators dropped, lower case)
_PLACEHOLDER_TEXT = (
    "your",
    "changeme",
    "replace",
    "placeholder",
    "example",
    "dummy",
    "insert",
    "redacted",
    "xxx",
    "apikeyhere",
    "keyhere",
    "notset",
    "notreal",
)
# as every word of the literal (``test1234``, ``demo-key-1``, ``fake_key_9``); no hex
# words (``abcd``, ``beef``), which real keys are made of
_PLACEHOLDER_WORDS = frozenset(
    ("test", "testing", "demo", "fake", "sample", "todo", "fixme", "tbd", "none",
     "null", "nil", "undefined", "mock", "stub", "foo", "bar", "baz", "secret", "key",
     "apikey", "hapikey", "token")  # fmt: skip
)
_WORD = re.compile(r"[a-z]+|[0-9]+")


# a template's field where the key goes: string.Template's $key / ${key}, str.format's
# {key} / {}, %-formatting's %s / %(key)s, <key>, :key; or words in braces where a
# published script's key was ({removed for security})
_TEMPLATE_FIELD = re.compile(
    r"\$\{?[A-Za-z_]\w*\}?|\{\{?[A-Za-z_]?[\w.\[\]]*\}?\}|%(?:\([^)]*\))?[sdr]"
    r"|<[^<>]*>|:[A-Za-z_]\w*|\{[^{}]*\s[^{}]*\}"
)


def is_template_field(text: str | None) -> bool:
    """Whether ``text`` (what follows ``hapikey=`` in a literal) is a template's
    field the key is put in at run time, not a key."""
    return bool(text) and _TEMPLATE_FIELD.fullmatch(text.strip()) is not None


def is_plausible_key(text: str | None) -> bool:
    """Whether ``text``, the value of a literal, could be a real key (so a key to
    revoke), rather than an empty string or a placeholder."""
    if not text:
        return False
    value = text.strip()
    if len(value) < MIN_LENGTH or _NOT_IN_A_KEY.search(value):
        return False
    if _UUID.fullmatch(value):
        return len(set(value.replace("-", "").lower())) > 2  # not 00000000-0000-...
    lowered = value.lower()
    if not (any(c.isalpha() for c in value) and any(c.isdigit() for c in value)):
        return False
    letters = re.sub(r"[^a-z]", "", lowered)
    if any(word in letters for word in _PLACEHOLDER_TEXT):
        return False
    words = _WORD.findall(lowered)
    alphabetic = [w for w in words if w.isalpha()]
    if alphabetic and all(w in _PLACEHOLDER_WORDS for w in alphabetic):
        return False  # test1234, demo-key-1, abcd1234: every word a placeholder
    return len(set(re.sub(r"[^a-z0-9]", "", lowered))) > 3  # not a1a1a1a1


# a UUID standing alone in a text (not a part of a longer word or id)
_UUID_IN_TEXT = re.compile(
    r"(?<![\w-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])",
    re.IGNORECASE,
)


def key_shaped_values(text: str) -> list[str]:
    """The values in a free text (a program's saved output) that could be a
    real key: a UUID anywhere, or a line that is one plausible key alone
    (quotes around it, as a ``repr`` shows it, aside)."""
    found = [m.group(0) for m in _UUID_IN_TEXT.finditer(text)]
    for line in text.splitlines():
        value = line.strip().strip("'\"")
        if value not in found and is_plausible_key(value):
            found.append(value)
    return [value for value in found if is_plausible_key(value)]


# a string literal quoted in a reason: 'x' or "x"
_QUOTED_LITERAL = re.compile(r"""(['"])([^'"\n]*)\1""")
HIDDEN = "<a hard-coded key>"


def without_values(text: str) -> str:
    """``text`` (a site's reason, which may quote the code) with every quoted
    literal that could be a real key, and every UUID, replaced by
    :data:`HIDDEN`: a key's value is never shown in a report."""
    text = _QUOTED_LITERAL.sub(
        lambda m: HIDDEN if is_plausible_key(m.group(2)) else m.group(0), text
    )
    return _UUID_IN_TEXT.sub(
        lambda m: HIDDEN if is_plausible_key(m.group(0)) else m.group(0), text
    )
