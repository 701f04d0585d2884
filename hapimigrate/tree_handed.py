"""What other modules hand in to a rewritten function: their own credentials.

A function whose request now gets ``Authorization: Bearer <token>`` may be
called from other modules of the tree with what the header would clash with:

    base.py      def request(self, method, path, **kwargs):  # header merged in
    contacts.py  self.request("GET", path, headers={"Authorization": "Bearer " + user})

    deals.py     def get(self, deal_id, params=None):        # adds the key when missing
    agency.py    DealClient().get(7, params={"hapikey": portal["api_key"]})

The first caller's OAuth token would be replaced by ours, the second's request
would carry its tenant's key beside our token. The tree-wide pass finds, in the
changed modules, the functions whose rewritten lines take what their callers
hand in (:func:`handing`), and in the modules that name them (and import the
module) the calls handing in an Authorization header, ``auth=``, headers not
written out, or a key (:func:`handed_in`); for a method, in its class's whole
hierarchy too: a subclass of a subclass in any module, the mixins a subclass
mixes in, the modules using a subclass (:func:`callers`). The module is migrated again with a
mark per function (:func:`mark`), which the fixers turn into a manual site
(:func:`marked`). Text is read, never parsed: a call's arguments are taken up
to the closing parenthesis.
"""

from __future__ import annotations

import io
import os
import re
import tokenize
from dataclasses import dataclass

from hapimigrate import line_changes
from hapimigrate.model import FileResult


@dataclass(frozen=True)
class Handing:
    """A rewritten function taking what its callers hand in."""

    cls: str  # its class ("" for a module-level function)
    name: str
    headers: bool  # its callers' headers (``**kwargs``, ``headers=``) reach the request
    # parameters with a string default (``variable="HUBSPOT_API_KEY"``), each
    # with its place among the positional arguments (-1: keyword-only): a call
    # giving one may name another environment variable (named_variables)
    defaulted: tuple[tuple[str, int], ...] = ()
    # parameters its new code sends as the Bearer token (``"Bearer " +
    # hapikey``): a call's ``hapikey=`` names the token, not a key of its own
    tokens: tuple[str, ...] = ()

    @property
    def qualified(self) -> str:
        return f"{self.cls}.{self.name}" if self.cls else self.name

    @property
    def word(self) -> str:
        """The name other modules must use to reach it: its class's, or its own."""
        return self.cls or self.name


HEADERS, KEY, VARIABLE = "headers", "key", "variable"
_DEF = re.compile(r"^([ \t]*)(?:async[ \t]+)?def[ \t]+(\w+)[ \t]*\(")
_CLASS = re.compile(r"^([ \t]*)class[ \t]+(\w+)\b")
_AUTH_TEXT = re.compile(
    r"""(?i)['"]authorization['"]|['"]bearer\s|\bauth\s*=|oauth|access_token"""
)
_LIBRARIES = ("requests", "httpx", "urllib3", "aiohttp", "session", "self.session")


def mark(kind: str, qualified: str, where: str) -> str:
    """The entry of ``RunOptions.shared_elsewhere`` saying that ``where`` hands
    ``qualified`` its own headers (``kind`` HEADERS) or key (KEY)."""
    return f"@{kind} {qualified} {where}"


def marked(shared: frozenset[str], kind: str, qualified: str) -> str | None:
    """Where another module hands ``qualified`` what ``kind`` says, if one does."""
    prefix = f"@{kind} {qualified} "
    found = sorted(entry[len(prefix) :] for entry in shared if entry.startswith(prefix))
    return found[0] if found else None


def handing(result: FileResult) -> tuple[Handing, ...]:
    """The functions of a rewritten Python module whose changed lines are in a
    function taking arguments (beyond ``self``/``cls``)."""
    if not result.changed or result.original is None or result.new is None:
        return ()
    if not result.path.endswith((".py", ".pyw")):
        return ()
    old = result.original.decode(result.encoding, "replace").splitlines()
    new = result.new.decode(result.encoding, "replace").splitlines()
    lines = line_changes.changed_lines(old, new)
    found: dict[tuple[str, str], Handing] = {}
    for index in sorted(lines):
        function = _enclosing(new, index)
        if function is None:
            continue
        handing_ = _handing_at(new, *function)
        if handing_ is not None:
            found.setdefault((handing_.cls, handing_.name), handing_)
    return tuple(found.values())


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _enclosing(lines: list[str], index: int) -> tuple[int, int] | None:
    """The line and indentation of the ``def`` around line ``index``."""
    if index >= len(lines):
        return None
    depth = _indent(lines[index]) if lines[index].strip() else 1 << 30
    for at in range(index, -1, -1):
        match = _DEF.match(lines[at])
        if match and (at == index or len(match.group(1)) < depth):
            return at, len(match.group(1))
        if lines[at].strip() and not lines[at].lstrip().startswith("#"):
            depth = min(depth, _indent(lines[at]))
            if depth == 0 and at != index:
                return None
    return None


def _handing_at(lines: list[str], at: int, indent: int) -> Handing | None:
    match = _DEF.match(lines[at])
    assert match is not None
    signature = _balanced("\n".join(lines[at : at + 40]), match.end() - 1)
    params = [p.strip() for p in _split(signature)]
    names = [re.sub(r"[:=].*", "", p, flags=re.S).strip() for p in params]
    own = [n for n in names if n and n not in ("self", "cls", "*", "/")]
    if not own:
        return None
    cls = ""
    for back in range(at - 1, -1, -1):
        found = _CLASS.match(lines[back])
        if found and len(found.group(1)) < indent:
            cls = found.group(2)
            break
        if lines[back].strip() and _indent(lines[back]) < indent:
            if not _DEF.match(lines[back]) and not lines[back].lstrip().startswith("@"):
                break
    headers = any(n.startswith("**") or n == "headers" for n in names)
    tokens = _token_parameters(lines, at, indent, own)
    return Handing(cls, match.group(2), headers, _defaulted(params), tokens)


def _token_parameters(
    lines: list[str], at: int, indent: int, names: list[str]
) -> tuple[str, ...]:
    """The parameters the function at line ``at`` sends as the Bearer token in
    its (new) body: ``"Bearer " + hapikey``, ``f"Bearer {hapikey}"``,
    ``"Bearer %s" % hapikey``, ``"Bearer {}".format(hapikey)``."""
    body = []
    for line in lines[at + 1 :]:
        stripped = line.strip()
        if stripped and _indent(line) <= indent and not stripped.startswith(")"):
            break  # the function's end (a signature's closing line aside)
        body.append(line)
    text = "\n".join(body)
    found = []
    for name in names:
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            continue
        word = re.escape(name)
        if re.search(
            rf"""['"]Bearer\s*['"]\s*\+\s*{word}\b"""
            rf"""|[fF]['"]Bearer\s*\{{{word}\}}"""
            rf"""|['"]Bearer\s*%s['"]\s*%\s*\(?\s*{word}\b"""
            rf"""|['"]Bearer\s*\{{\}}['"]\.format\(\s*{word}\s*\)""",
            text,
        ):
            found.append(name)
    return tuple(found)


def _defaulted(params: list[str]) -> tuple[tuple[str, int], ...]:
    """The parameters given a string default, with their positions (``self``
    and ``cls`` are not passed; after ``*``, keyword-only: -1)."""
    found, position = [], 0
    for at, param in enumerate(params):
        name = re.sub(r"[:=].*", "", param, flags=re.S).strip()
        if name in ("self", "cls") and at == 0:
            continue
        if name.startswith("*"):
            position = -(1 << 30)  # the rest are keyword-only
            continue
        if name == "/":
            continue
        default = re.search(r"=\s*[rRuU]?(['\"])[A-Z_][A-Z0-9_]*\1\s*$", param)
        if default is not None:
            found.append((name, position if position >= 0 else -1))
        position += 1
    return tuple(found)


def _balanced(text: str, opening: int) -> str:
    """The text between the parenthesis at ``opening`` and its match."""
    depth = 0
    quote = ""
    for at in range(opening, len(text)):
        char = text[at]
        if quote:
            if char == quote and text[at - 1] != "\\":
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                return text[opening + 1 : at]
    return text[opening + 1 :]


def _split(arguments: str) -> list[str]:
    """Top-level comma-separated parts."""
    parts, depth, start, quote = [], 0, 0, ""
    for at, char in enumerate(arguments):
        if quote:
            if char == quote and arguments[at - 1] != "\\":
                quote = ""
            continue
        if char in "\"'":
            quote = char
        elif char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(arguments[start:at])
            start = at + 1
    parts.append(arguments[start:])
    return [p for p in parts if p.strip()]


def handed_in(reader: str, text: bytes, handing_: Handing) -> list[str]:
    """The marks for the calls of ``handing_`` in the module at ``reader`` that
    hand in a key, or (when its callers' headers reach the request) an
    Authorization header, ``auth=``, ``**options`` or headers not written out."""
    code = text.decode("utf-8", "replace")
    name = re.escape(handing_.name)
    if handing_.cls:  # self.request(...), client.request(...): not requests.request
        calls = re.compile(rf"([\w.]+(?:\([^()]*\))?)\.{name}[ \t]*\(")
    else:
        calls = re.compile(rf"(?<![\w.])(?:([\w.]+)\.)?{name}[ \t]*\(")
    found: list[str] = []
    prose = _prose(code)
    for match in calls.finditer(code):
        receiver = match.group(1) or ""
        if receiver in _LIBRARIES or code[: match.start()].endswith("def "):
            continue
        if any(start <= match.start() < end for start, end in prose):
            continue  # a docstring or comment naming it
        arguments = _balanced(code, match.end() - 1)
        where = (
            f"{os.path.basename(reader)}:{code.count(chr(10), 0, match.start()) + 1}"
        )
        if "hapikey" in _unnamed(arguments, handing_.tokens).lower():
            found.append(mark(KEY, handing_.qualified, where))
        if handing_.headers and _foreign_headers(arguments):
            found.append(mark(HEADERS, handing_.qualified, where))
        if handing_.defaulted and _gives_defaulted(arguments, handing_.defaulted):
            found.append(mark(VARIABLE, handing_.qualified, where))
    if handing_.defaulted:  # hs_get as get, fetchers = [hs.hs_get]: calls unseen
        found += _named_otherwise(reader, code, handing_, prose)
    return found


_IMPORTS = re.compile(
    r"(?m)^[ \t]*(?:from[ \t]+[\w.]+[ \t]+import[ \t]*\([^)]*\)"
    r"|(?:from[ \t]+[\w.]+[ \t]+)?import\b[^\n]*)"
)


def _named_otherwise(
    reader: str, code: str, handing_: Handing, prose: list[tuple[int, int]]
) -> list[str]:
    """A VARIABLE mark for a use of the function's name other than a call, a
    definition or an import of it without an alias (``hs_get as get``,
    ``fetchers = [hs.hs_get]``): what it is then called with is not seen."""
    imports = [m.span() for m in _IMPORTS.finditer(code)]
    for match in re.finditer(rf"\b{re.escape(handing_.name)}\b", code):
        at, rest = match.start(), code[match.end() :]
        if any(start <= at < end for start, end in prose):
            continue
        if re.match(r"[ \t]*\(", rest) or code[:at].endswith("def "):
            continue  # a call (looked at above), or a definition of its own
        if any(start <= at < end for start, end in imports) and not re.match(
            r"[ \t]+as\b", rest
        ):
            continue  # from crm.hs import hs_get
        line = code.count(chr(10), 0, at) + 1
        where = f"{os.path.basename(reader)}:{line}"
        return [mark(VARIABLE, handing_.qualified, where)]
    return []


def _unnamed(arguments: str, tokens: tuple[str, ...]) -> str:
    """A call's arguments without the ``name=`` of the parameters the function
    sends as the token (``hapikey=`` hands in the token now, the value aside)."""
    if not tokens:
        return arguments
    names = "|".join(re.escape(t) for t in tokens)
    return ",".join(
        re.sub(rf"^\s*(?:{names})\s*=(?!=)", "", part) for part in _split(arguments)
    )


def _gives_defaulted(arguments: str, defaulted: tuple[tuple[str, int], ...]) -> bool:
    """Whether a call's arguments may set one of the defaulted parameters."""
    parts = [p.strip() for p in _split(arguments)]
    positional = 0
    for part in parts:
        if part.startswith("*"):
            return True
        keyword = re.match(r"(\w+)\s*=(?!=)", part)
        if keyword:
            if any(keyword.group(1) == name for name, _ in defaulted):
                return True
            continue
        if any(position == positional for _, position in defaulted):
            return True
        positional += 1
    return False


def _prose(code: str) -> list[tuple[int, int]]:
    """The spans (offsets) of the strings and comments of ``code``."""
    starts = [0]
    for line in code.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    spans = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(code).readline):
            if token.type in (tokenize.STRING, tokenize.COMMENT):
                (row, col), (end_row, end_col) = token.start, token.end
                spans.append((starts[row - 1] + col, starts[end_row - 1] + end_col))
    except (tokenize.TokenError, SyntaxError, IndexError):
        pass  # what was read counts
    return spans


def _foreign_headers(arguments: str) -> bool:
    """Arguments that may bring an Authorization header of their own."""
    if _AUTH_TEXT.search(arguments):
        return True
    for part in _split(arguments):
        part = part.strip()
        if part.startswith("**"):
            return True  # options built elsewhere
        keyword = re.match(r"headers\s*=\s*(.*)$", part, re.S)
        if keyword and not re.match(r"(?:None|\{[^*]*\})\s*$", keyword.group(1), re.S):
            return True  # headers built elsewhere
    return False


# a class statement and the text of its bases (``class Users(Mixin, Contacts):``)
_SUBCLASS = re.compile(r"^[ \t]*class[ \t]+(\w+)[ \t]*\(([^)]*)\)", re.MULTILINE)
_FROM_LINE = re.compile(r"^[ \t]*from[ \t]+(\.*)([\w.]*)[ \t]+import\b", re.MULTILINE)


def callers(
    home: str,
    handing_: Handing,
    named: set[str],
    texts: dict[str, bytes],
    files: list[str],
) -> list[tuple[str, bytes]]:
    """The modules that may call ``handing_`` (of the module at ``home``),
    with their bytes: ``named`` (those naming it and importing its module),
    and for a method, the modules of its class's whole hierarchy and their
    users: a subclass of a subclass in any module (``class Users(Contacts)``),
    the mixins a subclass mixes in (their methods run on its instances), and
    the modules naming a subclass and importing its module (``Users().
    request(..., headers=...)``)."""
    found = {r: texts[r] for r in named if r in texts}
    if not handing_.cls:
        return sorted(found.items())
    from hapimigrate.tree_imports import imported_names, importable_names, module_file

    every: dict[str, bytes] = {}

    def read(path: str) -> bytes:
        if path not in every:
            every[path] = texts[path] if path in texts else _read(path)
        return every[path]

    import_words: dict[str, set[bytes]] = {}

    def imported(path: str) -> set[bytes]:
        if path not in import_words:
            import_words[path] = imported_names(read(path), path)
        return import_words[path]

    classes = {handing_.cls: home}  # the hierarchy: class -> its module
    todo = [home, *sorted(found)]
    seen: set[str] = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        text = read(module).decode("utf-8", "replace")
        for match in _SUBCLASS.finditer(text):
            bases = match.group(2)
            words = set(re.findall(r"\w+", bases))
            local = {c for c in classes if c in words} | {
                alias
                for c in classes
                for alias in re.findall(rf"\b{re.escape(c)}[ \t]+as[ \t]+(\w+)", text)
                if alias in words
            }
            if not local or match.group(1) in classes:
                continue
            classes[match.group(1)] = module
            # its mixins: the modules its other bases are imported from
            for mixin in words - local - set(classes):
                source = _imported_from(text, mixin)
                if source is not None:
                    # from crm import mixins (a module), or from crm.mixins import AsUser
                    dotted = f"{source[1]}.{mixin}".strip(".")
                    target = module_file(module, dotted, source[0]) or module_file(
                        module, source[1], source[0]
                    )
                    if target is not None:
                        todo.append(target)
                        if os.path.abspath(target) != os.path.abspath(home):
                            found.setdefault(target, read(target))
            # the modules naming the subclass and importing its module
            stems = {s.encode() for s in importable_names(module)}
            name = match.group(1).encode()
            word = re.compile(rb"\b" + re.escape(name) + rb"\b")
            for path in files:
                if path == home or not path.endswith((".py", ".pyw")):
                    continue
                data = read(path)
                if path == module or (
                    name in data  # a byte search first: most modules lack it
                    and word.search(data)
                    and imported(path) & stems
                ):
                    found.setdefault(path, data)
                    todo.append(path)
    found.pop(home, None)
    return sorted(found.items())


def _imported_from(text: str, name: str) -> tuple[int, str] | None:
    """(dots, module) of the from-import that binds ``name`` in ``text``;
    (0, the module) for ``import crm.mixins as name``."""
    plain = re.search(
        rf"^[ \t]*import[ \t]+([\w.]+)[ \t]+as[ \t]+{re.escape(name)}\b", text, re.M
    )
    if plain is not None:
        return 0, plain.group(1)
    for match in _FROM_LINE.finditer(text):
        rest = text[match.end() : text.find("\n", match.end())]
        if "(" in rest:
            rest = text[match.end() : text.find(")", match.end())]
        if re.search(rf"(?:^|[\s,(]){re.escape(name)}\s*(?:[,)]|$)", rest):
            return len(match.group(1)), match.group(2)
    return None


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return b""
