"""Finding hapikey uses in text: files hapimigrate cannot rewrite (JavaScript,
shell, PHP, Ruby, configuration, ``.env``, templates) and Python that does not parse.

A use is ``hapikey`` that sends or configures a key: a URL parameter
(``?hapikey=``), a key of an object, map or configuration entry that holds a value
(``hapikey:``, ``'hapikey' =>``, ``["hapikey"] =``, ``"hapikey", value``), a keyword
argument (``dict(hapikey=key)``), a JavaScript shorthand property (``{ hapikey }``).
An identifier merely named ``hapikey`` is not: a variable, attribute or parameter
(``const hapikey = process.env.X``, ``self.hapikey = x``, ``def f(hapikey=None)``),
a comparison, an option set to ``true``/``false``/``null``; it is a finding only
when a literal key is assigned to it (a hard-coded key).

Files the codemod does not parse are also searched for HubSpot SDK clients built
with an API key (Node ``@hubspot/api-client`` and ``hubspot``, PHP ``hubspot/api-client``
and SevenShores ``hubspot-php``, Ruby ``Hubspot.configure``, Python 2 ``HubSpot(api_key=)``)
and for UUID keys written under a HubSpot key name (``HUBSPOT_API_KEY=<uuid>``).

Uses inside comments are marked, for ``check --strict``; a literal value that looks
like a key marks a hard-coded key. A key's value is never kept: only where it is.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from dataclasses import dataclass
from typing import Iterator, NamedTuple

from hapimigrate.fingerprint import fingerprint
from hapimigrate.hubspot import HUBSPOT_CONNECTION_REASON
from hapimigrate.keys import is_plausible_key
from hapimigrate.model import FileResult, Kind, RunOptions, Site, Status

HASH, SLASH, MARKUP, NONE = "hash", "slash", "markup", "none"
FAMILIES = {
    **dict.fromkeys((".py", ".pyw", ".pyi", ".sh", ".bash", ".zsh", ".rb", ".yml", ".yaml",
                     ".toml", ".ini", ".cfg", ".conf", ".env", ".properties", ".pl", ".r"), HASH),
    **dict.fromkeys((".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".php", ".java", ".go",
                     ".cs", ".kt", ".swift", ".scala", ".rs", ".c", ".cpp", ".h"), SLASH),
    **dict.fromkeys((".html", ".htm", ".xml", ".vue", ".svelte", ".jinja", ".jinja2", ".j2",
                     ".tmpl", ".tpl", ".erb", ".twig", ".hbs", ".mustache", ".liquid"), MARKUP),
    **dict.fromkeys((".json",), NONE),
}  # fmt: skip

# What decides a use is language, not comment syntax: ``def f(hapikey=None)`` is a
# parameter in Python, ``hapikey => ...`` an arrow function in JavaScript.
PYTHON, JS, PHP, RUBY, SHELL, YAML, INI, ENV, JSON = (
    "python", "js", "php", "ruby", "shell", "yaml", "ini", "env", "json",
)  # fmt: skip
LANGUAGES = {
    **dict.fromkeys((".py", ".pyw", ".pyi"), PYTHON),
    **dict.fromkeys((".js", ".jsx", ".ts", ".tsx", ".mjs", ".cjs", ".mts", ".cts", ".vue", ".svelte"), JS),
    **dict.fromkeys((".php",), PHP),
    **dict.fromkeys((".rb", ".erb"), RUBY),
    **dict.fromkeys((".sh", ".bash", ".zsh", ".ipynb"), SHELL),  # notebooks: magic lines
    **dict.fromkeys((".yml", ".yaml"), YAML),
    **dict.fromkeys((".ini", ".cfg", ".conf", ".toml", ".properties"), INI),
    **dict.fromkeys((".json",), JSON),
}  # fmt: skip
CONFIG = (YAML, INI, ENV, JSON)  # an entry there is the use: it configures the key

USE, SDK = "use", "sdk"
_QUOTES = "'\"`"
_WORD = re.compile(r"hapikey", re.I)
_LITERAL_VALUE = re.compile(r"\s*['\"]?([A-Za-z0-9-]{8,})(?=$|['\"`&#\s,;)}\]])")
# true / false / null: an option, not a key
_OPTION = re.compile(
    r"\s*(['\"]?)(?:true|false|null|none|nil|undefined|~)\1\s*(?:$|[,;})\]#]|//|/\*|-->)",
    re.I,
)
# ``"hapikey" <op>``, ``'hapikey'] =``
_AFTER_QUOTED = re.compile(
    r"\s*(?:(?P<index>\]\s*=(?![=>~]))|(?P<pair>=>|:(?![:=])|=(?![=>~]))|(?P<comma>,))"
)
_AFTER_BARE = re.compile(
    r"\s*(?:(?P<arrow>=>)|(?P<compare>==|!=)|(?P<walrus>:=)|(?P<assign>=)|(?P<colon>:(?!:)))"
)
_AFTER_STRING = re.compile(r"\s*(?:=(?!=)|:(?![:=]))")
_NAME_LIST = re.compile(r"\s*(['\"])[a-z_]+\1\s*(?:$|[,\])}])")  # ("hapikey", "token")
# a type annotation: ``hapikey: str``, ``private hapikey: string = ...``
_TYPE = re.compile(
    r"\s*(?:typing\.)?(?:str|string|String|Text|Optional|Union|Any|any|unknown|bytes|bool|boolean)\b"
    r"[\w\[\]., |]*?(?:(?P<assign>=(?!=))|[;,)]|$)"
)
# what may precede the name of a variable or attribute being assigned
_KEYWORDS = "|".join(
    ("export", "local", "declare", "readonly", "typeset", "const", "let", "var", "my",
     "our", "static", "public", "private", "protected", "final", "set", "global")
)  # fmt: skip
_DECLARATION = re.compile(
    r"^(?:.*?(?:;|&&|\|\||\bthen\b|\bdo\b|\belse\b)\s*)?"  # after ; && then ...
    r"\s*(?:\{[%{]-?\s*)?"  # {% set ... %}
    rf"(?:(?:{_KEYWORDS})\s+(?:-\w+\s+)*)*"  # export, const, local -r ...
    r"(?:[$@]{0,2}\w+\s*(?:\?\.|\.|->|::)\s*)*[$@]{0,2}\w*$"  # self. $this-> @ $
)
_PARAMS_OBJECT = re.compile(r"(?:param|query|qs|search)\w*\s*\.\s*$", re.I)
_DEF = re.compile(r"(?:\bdef\s+\w+|\blambda|\bfunction\s*\w*|\bfn\s+\w+)\s*$")
_DESTRUCTURING = re.compile(
    r"(?:\b(?:const|let|var|import|export)|\bfunction\b[^)]*\()\s*$"
)
# after the closing brace: } = x, } from '...', }) => ..., }) { (a parameter)
_NOT_AN_OBJECT = re.compile(r"\s*(?:=(?![=>])|from\b|\)\s*(?:=>|\{))")
_LOOKUP = re.compile(
    r"\b(?:get|getenv|fetch|pop|setdefault|getattr|hasattr|has|delete|remove|env)\s*\(\s*['\"]$"
)


@dataclass(frozen=True)
class TextUse:
    line: int
    column: int  # 1-based
    end_column: int
    in_comment: bool
    hardcoded: bool
    code: str  # the line, for the fingerprint
    kind: str = USE  # USE, or SDK: a HubSpot SDK client built with an API key
    advice: str = ""  # what to do instead, when there is more to say than the reason
    developer: bool = False  # a developer API key: a note


# Files named for what they are (a Makefile, a Dockerfile): comment syntax and
# language; copies of a scanned kind (``config.yml.example``) are that kind
_NAMED = {
    **dict.fromkeys(("makefile", "gnumakefile", "dockerfile", "containerfile",
                     "procfile", "crontab", ".profile", ".bashrc"), (HASH, SHELL)),
    **dict.fromkeys(("vagrantfile", "gemfile", "rakefile"), (HASH, RUBY)),
    "jenkinsfile": (SLASH, ""),
    ".flaskenv": (HASH, ENV),
}  # fmt: skip
_MORE = {
    **dict.fromkeys((".phtml", ".inc", ".php3", ".php4", ".php5", ".php7", ".phps",
                     ".module"), (SLASH, PHP)),
    **dict.fromkeys((".ejs", ".njk", ".pug", ".jade", ".haml", ".slim", ".jsp",
                     ".handlebars", ".cshtml", ".aspx"), (MARKUP, "")),
    **dict.fromkeys((".fish", ".ksh", ".ps1", ".psm1"), (HASH, SHELL)),
    **dict.fromkeys((".http", ".rest", ".tf", ".hcl"), (HASH, "")),
    **dict.fromkeys((".groovy", ".gradle", ".kts", ".coffee", ".es6", ".dart"), (SLASH, "")),
    **dict.fromkeys((".json5", ".jsonc"), (NONE, JSON)),
    **dict.fromkeys((".ipy", ".pyx", ".py3"), (HASH, PYTHON)),  # not parsed: scanned
    **dict.fromkeys((".ctp",), (SLASH, PHP)),
    **dict.fromkeys((".config", ".plist", ".cfm"), (MARKUP, "")),
    **dict.fromkeys((".bat", ".cmd", ".sql", ".lua"), (NONE, "")),
    **dict.fromkeys((".cron", ".service", ".timer", ".ex", ".exs", ".graphql",
                     ".raml"), (HASH, "")),
}  # fmt: skip
_COPY_SUFFIXES = (".example", ".sample", ".dist", ".template", ".tpl", ".default")
# an extensionless script's interpreter (``#!/usr/bin/env python3``)
_SHEBANG = re.compile(rb"^#![ \t]*(?:\S*/)?(?:env[ \t]+(?:-\S+[ \t]+)*)?([A-Za-z]+)")
_INTERPRETERS = {
    "python": (HASH, PYTHON), "sh": (HASH, SHELL), "bash": (HASH, SHELL),
    "zsh": (HASH, SHELL), "ksh": (HASH, SHELL), "dash": (HASH, SHELL),
    "node": (SLASH, JS), "php": (SLASH, PHP), "ruby": (HASH, RUBY), "perl": (HASH, ""),
}  # fmt: skip


def family(path: str) -> str | None:
    """The comment syntax of a scannable file, or None for a file not scanned."""
    found = _kind(path)
    return found[0] if found is not None else None


def language(path: str) -> str:
    """The language whose syntax tells a use from a look-alike ("" if none)."""
    name = os.path.basename(path).lower()
    if ".ipynb[" in name:  # a notebook cell, given to the codemod as Python
        return PYTHON
    found = _kind(path)
    return found[1] if found is not None else ""


def _kind(path: str) -> tuple[str, str] | None:
    """(comment syntax, language) of a file the scan reads, None if it reads
    none: by extension, by name (Makefile), a copy of one (``.yml.example``),
    ``.env`` files however named, or an extensionless script's ``#!`` line."""
    name = os.path.basename(path).lower()
    if name in _NAMED or name.startswith(("dockerfile.", "makefile.")):
        return _NAMED.get(name, (HASH, SHELL))
    if (
        name.startswith(".env")
        or name.endswith(".env")
        or name in ("env.example", "env.sample")
    ):
        return HASH, ENV
    stem, extension = os.path.splitext(name)
    if extension in _COPY_SUFFIXES and os.path.splitext(stem)[1]:
        stem, extension = os.path.splitext(stem)  # settings.ini.example
        if stem.endswith(".env") or extension == ".env":
            return HASH, ENV
    if extension in FAMILIES:
        return FAMILIES[extension], LANGUAGES.get(extension, "")
    if extension in _MORE:
        return _MORE[extension]
    if not extension and not name.startswith("."):
        return _interpreter(path)
    return None


@functools.lru_cache(maxsize=4096)
def _interpreter(path: str) -> tuple[str, str] | None:
    """An extensionless file's kind from its ``#!`` line (None: none, or
    unreadable)."""
    try:
        with open(path, "rb") as handle:
            first = handle.read(128)
    except OSError:
        return None
    match = _SHEBANG.match(first)
    if match is None:
        return None
    word = match.group(1).decode("ascii", "replace").rstrip("0123456789.")
    return _INTERPRETERS.get(word)


# -- the scan -------------------------------------------------------------------


class _Found(NamedTuple):
    index: int  # of the line
    start: int  # 0-based columns
    end: int
    kind: str = USE
    hardcoded: bool = False
    advice: str = ""
    developer: bool = False


def scan(
    text: str, syntax: str, lang: str = "", *, parsed: bool = False
) -> Iterator[TextUse]:
    """The uses in ``text``, in order. ``syntax``: its comment family; ``lang``: its
    language (see :func:`language`); ``parsed``: Python the codemod parsed, whose SDK
    clients and key definitions it reports itself."""
    lines: list[str] = []
    starts: list[int] = []
    found: list[_Found] = []
    if _WORD.search(text):
        lines, starts = _lines(text)
        found = list(_hapikey_uses(text, lines, starts, lang))
    if not parsed:
        # offsets in the text: (start, end, kind, where the value starts, advice, developer)
        extra = [*_sdk_clients(text, lang), *_named_keys(text, lang)]
        if extra and not lines:
            lines, starts = _lines(text)
        taken = {(f.index, f.start) for f in found}
        used_lines = {f.index for f in found}
        for offset, end, kind, value_at, advice, developer in extra:
            index = bisect.bisect_right(starts, offset) - 1
            start = offset - starts[index]
            if (index, start) in taken or (kind == USE and index in used_lines):
                continue  # HUBSPOT_HAPIKEY=<uuid>: the hapikey use says it already
            hardcoded = _literal_key(text, value_at, uuid=kind == USE)
            found.append(
                _Found(
                    index,
                    start,
                    start + end - offset,
                    kind,
                    hardcoded,
                    advice,
                    developer,
                )
            )
    found.sort()
    comments = _Comments(lines, syntax)
    for use in found:
        yield TextUse(
            use.index + 1,
            use.start + 1,
            use.end + 1,
            use.start >= comments.start(use.index),
            use.hardcoded,
            lines[use.index],
            use.kind,
            use.advice,
            use.developer,
        )


def _hapikey_uses(
    text: str, lines: list[str], starts: list[int], lang: str
) -> Iterator[_Found]:
    ruby_sdk = _ruby_configure_spans(text) if lang == RUBY else ()
    for match in _WORD.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        line = lines[index]
        start = match.start() - starts[index]
        if start + 7 > len(line):
            continue  # split by a line break other than \n
        use = _classify(lines, index, start, lang)
        if use is None:
            continue
        what, value_at = use
        hardcoded = _literal_key(line, value_at)
        if any(a <= match.start() < b for a, b in ruby_sdk):
            yield _Found(index, start, start + 7, SDK, hardcoded, RUBY_ADVICE)
        elif what == "use" or hardcoded:  # a name is only a finding for its literal key
            yield _Found(index, start, start + 7, USE, hardcoded)


def _lines(text: str) -> tuple[list[str], list[int]]:
    """The lines and the offset each starts at: cut at line ends only, as
    editors and Python count them (``str.splitlines`` also cuts at a form feed,
    a vertical tab, U+2028..., and a site's line would be off)."""
    kept = _LINE.findall(text)
    starts, offset = [], 0
    for line in kept:
        starts.append(offset)
        offset += len(line)
    return [line.rstrip("\r\n") for line in kept], starts


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")


def _literal_key(text: str, at: int | None, uuid: bool = False) -> bool:
    """Whether a literal that could be a real key starts at ``at``."""
    value = None if at is None else _LITERAL_VALUE.match(text, at)
    if value is None or (uuid and not _UUID.fullmatch(value.group(1))):
        return False
    return is_plausible_key(value.group(1))


# -- hapikey: a use, a declaration, or a look-alike -----------------------------


def _classify(lines: list[str], index: int, start: int, lang: str):
    """("use" | "declaration", where the value starts) for ``hapikey`` at ``start``
    of ``lines[index]``, or None for a look-alike."""
    line = lines[index]
    end = start + 7
    before = line[start - 1] if start else ""
    after = line[end] if end < len(line) else ""
    if before.isalnum() or after.isalnum() or after == "_":
        return None  # part of a longer word: hapikeys, myhapikey
    rest = line[end:]
    if before and before in "?&" and rest.startswith("="):
        return "use", end + 1  # ?hapikey= in a URL, quoted or not
    if before and before in _QUOTES and after == before:  # "hapikey" as a key
        return _quoted_key(line, end + 1, line[: start - 1])
    if before == ":" and line[start - 2 : start - 1] != ":" and lang in (RUBY, ""):
        # a Ruby symbol: :hapikey => key, params[:hapikey] = key
        match = re.match(r"\s*(?:\]\s*=(?![=>~])|=>)", rest)
        return None if match is None else _valued(line, end + match.end())
    if _open_quote(line, start):  # inside a string: "hapikey=" + key, '{"hapikey": k}'
        match = _AFTER_STRING.match(rest)
        return None if match is None else _valued(line, end + match.end())
    return _bare(lines, index, start, lang)


def _valued(line: str, value_at: int):
    if _OPTION.match(line, value_at):
        return None  # hapikey: false
    return "use", value_at


def _quoted_key(line: str, after: int, head: str):
    """``"hapikey"`` as a string of its own (``head``: the line before it)."""
    match = _AFTER_QUOTED.match(line, after)
    if match is None:
        if _NAME_JOINED.match(line, after) or _NAME_GIVEN.search(head):
            # "?" + "hapikey" + "=" + key, { ["hapikey"]: key }, KEY_PARAM =
            # "hapikey", <input name="hapikey" ...>: where the name goes, the key
            return "use", None
        return None  # .get("hapikey"), del params["hapikey"], "hapikey" in params
    if match.group("comma") and _NAME_LIST.match(line, match.end()):
        return None  # a list of names: ("hapikey", "access_token")
    if match.group("comma"):
        head = line[: after - 8]
        if _LOOKUP.search(head):
            return None  # os.getenv("HAPIKEY", ""): reads a setting
        if re.search(r"\bdefine\s*\(\s*['\"]$", head):
            return "declaration", match.end()  # PHP define('HAPIKEY', ...)
    return _valued(line, match.end())


# the name joined to more text, or a computed key; the name assigned to a
# constant or given as a markup attribute's value
_NAME_JOINED = re.compile(r"\s*(?:\+|\.(?!\w)|\]\s*:)")
_NAME_GIVEN = re.compile(
    r"(?:(?<![=!<>:])=|\+|\b(?:name|key|id)\s*[=:]|\bconst\s+\w+\s*=|\.\s*)\s*$", re.I
)


_YAML_NAME = re.compile(r"(?:^|[\s{,-])name\s*:\s*$")


def _bare(lines: list[str], index: int, start: int, lang: str):
    """``hapikey`` as a name in the code: the key of an object or entry, a keyword
    argument, or a variable, attribute or parameter."""
    line = lines[index]
    end = start + 7
    ident = start
    while ident and (line[ident - 1].isalnum() or line[ident - 1] == "_"):
        ident -= 1  # HUBSPOT_HAPIKEY, my_hapikey
    prefix = line[:ident]
    if lang == YAML and ident == start and _YAML_NAME.search(prefix):
        return "use", None  # - name: hapikey / value: ... (Insomnia, OpenAPI)
    match = _AFTER_BARE.match(line, end)
    if match is None:
        if lang == JS and _js_shorthand(lines, index, ident, end):
            return "use", None  # { hapikey } in an object
        return None
    value_at = match.end()
    if match.group("compare"):
        if lang == SHELL and line.startswith("==", end):
            return "use", end + 2  # HTTPie's query parameter: hapikey==$KEY
        return None
    if match.group("arrow"):  # a JavaScript arrow function's parameter; a fat comma
        return None if lang == JS else _valued(line, value_at)
    if match.group("walrus"):
        return "declaration", value_at
    if match.group("colon"):
        if _OPTION.match(line, value_at):
            return None
        if lang == PYTHON:  # no bare keys in Python: an annotation, a lambda, a slice
            typed = _TYPE.match(line, value_at)
            if typed and typed.group("assign"):
                return "declaration", typed.end()
            return None
        if lang == JS:
            typed = _TYPE.match(line, value_at)
            if typed:  # TypeScript: private hapikey: string = ...
                return ("declaration", typed.end()) if typed.group("assign") else None
            if prefix.rstrip().endswith("?"):
                return None  # cond ? hapikey : other
        return "use", value_at
    # hapikey = ...
    if lang in CONFIG:
        return _valued(line, value_at)
    if lang == PYTHON:
        opener = _open_bracket(lines, index, ident)
        if opener is not None:
            at_line, at, char = opener
            if char != "(":
                return _valued(line, value_at)
            if not _DEF.search(lines[at_line][:at]):
                return _valued(line, value_at)  # a keyword argument: dict(hapikey=k)
            return "declaration", value_at  # a parameter's default
        if _DECLARATION.match(prefix):
            return "declaration", value_at  # hapikey = ..., self.hapikey = ...
        return _valued(line, value_at)
    if lang == JS:
        if _PARAMS_OBJECT.search(prefix):
            return _valued(line, value_at)  # query.hapikey = key
        return "declaration", value_at
    if lang in (PHP, RUBY):
        return "declaration", value_at
    if _DECLARATION.match(
        prefix
    ):  # HAPIKEY=..., export HAPIKEY=..., {% set hapikey = k %}
        return "declaration", value_at
    return _valued(line, value_at)  # curl -d hapikey=..., --hapikey=...


def _open_quote(line: str, at: int) -> bool:
    """Whether ``at`` is inside a string opened on this line."""
    quote = None
    index = 0
    while index < at:
        char = line[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                quote = None
        elif char in _QUOTES:
            quote = char
        elif char == "#" and index and line[index - 1] in " \t":
            return False  # a comment: its apostrophes open nothing
        index += 1
    return quote is not None


_OPENERS, _CLOSERS = "([{", ")]}"


def _open_bracket(lines: list[str], index: int, at: int, back: int = 40):
    """The innermost bracket still open at ``lines[index][at]``, as (line index,
    column, char), looking back at most ``back`` lines; None at the top level."""
    pending = 0  # closers met, going back, still to match
    segment = lines[index][:at]
    for current in range(index, max(-1, index - back), -1):
        if current != index:
            segment = lines[current]
        opened, closed = _brackets(segment)
        if len(opened) > pending:
            column, char = opened[len(opened) - 1 - pending]
            return current, column, char
        pending += closed - len(opened)
    return None


def _brackets(code: str) -> tuple[list[tuple[int, str]], int]:
    """The openers of ``code`` still open at its end, and how many closers in it
    match nothing before it (strings and a ``#`` comment skipped)."""
    opened: list[tuple[int, str]] = []
    unmatched = 0
    quote = None
    index = 0
    while index < len(code):
        char = code[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                quote = None
        elif char in _QUOTES:
            quote = char
        elif char == "#":
            break
        elif char in _OPENERS:
            opened.append((index, char))
        elif char in _CLOSERS:
            if opened:
                opened.pop()
            else:
                unmatched += 1
        index += 1
    return opened, unmatched


def _js_shorthand(lines: list[str], index: int, start: int, end: int) -> bool:
    """``{ hapikey }`` or ``{ limit, hapikey }``: an object's property, not a
    destructuring, an import or a parameter."""
    tail = lines[index][end:].lstrip()
    if tail and not tail.startswith((",", "}")):
        return False
    head, above = lines[index][:start].rstrip(), index
    while not head and above > 0:  # on a line of its own: what ends the line above
        above -= 1
        head = lines[above].rstrip()
    if not head.endswith(("{", ",")):
        return False  # { key: hapikey }: a value
    opener = _open_bracket(lines, index, start)
    if opener is None or opener[2] != "{":
        return False  # f(a, hapikey), [hapikey]
    at_line, at, _ = opener
    if _DESTRUCTURING.search(lines[at_line][:at]):
        return False  # const { hapikey } = ..., import { hapikey }, function f({ hapikey })
    chunk = "\n".join(lines[at_line : at_line + 30])
    close = _closing(chunk, at, "{", "}")
    return not _NOT_AN_OBJECT.match(chunk, close + 1)


# -- SDK clients built with an API key ------------------------------------------

NODE_ADVICE = (
    "not Python: build the @hubspot/api-client Client with accessToken "
    "(a private-app or OAuth token), not apiKey"
)
NODE_SET_ADVICE = (
    "not Python: call setAccessToken(token) on the @hubspot/api-client Client, "
    "not setApiKey"
)
HUBSPOT_NPM_ADVICE = (
    "not Python: give the hubspot package's client accessToken "
    "(a private-app or OAuth token), not apiKey"
)
PHP_ADVICE = (
    "not Python: build the hubspot/api-client client with "
    "Factory::createWithAccessToken(token)"
)
SEVENSHORES_ADVICE = (
    "not Python: build the SevenShores hubspot-php client with "
    "Factory::createWithOAuth2Token(token); private-app tokens work there too"
)
RUBY_ADVICE = (
    "not Python: configure the HubSpot gem with a private-app or OAuth access token, "
    "not a hapikey"
)
KEY_ADVICE = "not Python: revoke the key in HubSpot and remove it from the file"
DEVELOPER_ADVICE = (
    "developer API key: not sunset, but a literal key in the repository: "
    "keep it in a secret store"
)

_JS_NEW = re.compile(
    r"\bnew\s+(?P<cls>(?:(?P<ns>[\w$]+)\s*\.\s*)?(?P<name>Client|Hubspot|HubSpot))\s*\(\s*\{"
)
_JS_API_KEY = re.compile(r"(?<![\w$])(['\"]?)apiKey\1\s*(?=[:,}])")
_JS_SET_API_KEY = re.compile(r"\.\s*setApiKey\s*\(")
_COLON = re.compile(r"\s*:")
_PHP_CREATE_WITH_API_KEY = re.compile(r"\bFactory\s*::\s*createWithApiKey\s*\(")
_PHP_USE_SEVENSHORES = re.compile(
    r"^\s*use\s+\\?SevenShores\\Hubspot\\Factory(?:\s+as\s+(\w+))?\s*;", re.I | re.M
)
_PHP_STATIC_CREATE = re.compile(r"(?P<cls>\\?(?:\w+\\)*\w+)\s*::\s*create\s*\(")
_PHP_NEW_FACTORY = re.compile(r"\bnew\s+(?P<cls>\\?(?:\w+\\)*Factory)\s*\(")
_PHP_KEY_OPTION = re.compile(r"(['\"])key\1\s*=>")
_RUBY_CONFIGURE = re.compile(
    r"\b[Hh]ub[Ss]pot\w*(?:::\w+)*\s*\.\s*configure\b\s*(?P<open>\(|do\b|\{)?"
)
_BLOCK_END = re.compile(r"^\s*(?:end|\})\b", re.M)
_RUBY_CLIENT_NEW = re.compile(r"\b[Hh]ub[Ss]pot(?:::\w+)*::Client\s*\.\s*new\s*\(")
_RUBY_API_KEY = re.compile(r"(?<![\w:])(?:api_key:|:api_key\s*=>)")
_PY_CONSTRUCTOR = re.compile(
    r"\b(?P<name>HubSpot|Hubspot3|(?:\w+\s*\.\s*)?Client\s*\.\s*create|\w+Client)\s*\("
)
_PY_API_KEY = re.compile(r"(?<![\w.])api_key\s*=(?!=)")


def _sdk_clients(text: str, lang: str):
    """(offset, end, SDK, value offset, advice, False) for each client built with
    an API key."""
    if lang == JS:
        yield from _node_clients(text)
    elif lang == PHP:
        yield from _php_clients(text)
    elif lang == PYTHON:
        yield from _python_clients(text)
    elif lang == RUBY:
        yield from _ruby_clients(text)


def _ruby_clients(text: str):
    """``Hubspot::Client.new(api_key: ENV[...])`` (hubspot-api-client gem,
    releases before 13.1 took the key)."""
    for match in _RUBY_CLIENT_NEW.finditer(text):
        close = _closing(text, match.end() - 1, "(", ")")
        key = _RUBY_API_KEY.search(text, match.end(), close)
        if key is not None:
            yield key.start(), key.start() + 7, SDK, key.end(), RUBY_ADVICE, False


def _node_clients(text: str):
    if "apiKey" in text:
        api_client = "@hubspot/api-client" in text
        for match in _JS_NEW.finditer(text):
            name, namespace = match.group("name"), match.group("ns")
            if name == "Client":
                if not (api_client or (namespace or "").lower() == "hubspot"):
                    continue
                advice = NODE_ADVICE
            else:
                advice = HUBSPOT_NPM_ADVICE
            body_end = _closing(text, match.end() - 1, "{", "}")
            for key in _JS_API_KEY.finditer(text, match.end(), body_end):
                if _depth(text, match.end(), key.start(), "{", "}") != 0:
                    continue  # an option of a nested object
                value_at = _after_colon(text, key.end())
                if value_at is not None and _OPTION.match(text, value_at):
                    continue  # apiKey: undefined
                name_at = key.start() + len(key.group(1))
                yield name_at, name_at + 6, SDK, value_at, advice, False
    if "setApiKey" in text and "hubspot" in text.lower():
        for match in _JS_SET_API_KEY.finditer(text):
            at = text.index("setApiKey", match.start())
            yield at, at + 9, SDK, match.end(), NODE_SET_ADVICE, False


def _php_clients(text: str):
    for match in _PHP_CREATE_WITH_API_KEY.finditer(text):
        at = text.index("createWithApiKey", match.start())
        yield at, at + 16, SDK, match.end(), PHP_ADVICE, False
    if "sevenshores" not in text.lower():
        return
    names = {"sevenshores\\hubspot\\factory"}
    for use in _PHP_USE_SEVENSHORES.finditer(text):
        names.add((use.group(1) or "Factory").lower())
    for match in _PHP_STATIC_CREATE.finditer(text):
        if match.group("cls").lstrip("\\").lower() in names:
            at = text.index("create", match.end("cls"))
            yield at, at + 6, SDK, match.end(), SEVENSHORES_ADVICE, False
    for match in _PHP_NEW_FACTORY.finditer(text):
        if match.group("cls").lstrip("\\").lower() not in names:
            continue
        args = text[match.end() : _closing(text, match.end() - 1, "(", ")")]
        option = _PHP_KEY_OPTION.search(args)
        if option is None or re.search(r"oauth2?['\"]\s*=>\s*true", args, re.I):
            continue  # new Factory(['key' => $token, 'oauth2' => true]): a token
        at = match.end() + option.start() + 1
        yield at, at + 3, SDK, match.end() + option.end(), SEVENSHORES_ADVICE, False


def _python_clients(text: str):
    """Python the codemod could not parse (Python 2): what its sdk-clients fixer
    would report."""
    lowered = text.lower()
    if "hubspot" not in lowered and "hapi" not in lowered:
        return
    hapipy = re.search(r"^\s*(?:from|import)\s+hapi\b", text, re.M) is not None
    if re.search(r"^\s*(?:from|import)\s+hubspot\.connection\b", text, re.M):
        yield from _connection_keys(text)
    for match in _PY_CONSTRUCTOR.finditer(text):
        name = re.sub(r"\s", "", match.group("name"))
        if name.endswith("Client.create"):
            if "hubspot" not in lowered:
                continue
        elif name.endswith("Client") and not hapipy:
            continue
        close = _closing(text, match.end() - 1, "(", ")")
        args = text[match.end() : close]
        keyword = _PY_API_KEY.search(args)
        if keyword is not None:
            at = match.end() + keyword.start()
            yield at, at + 7, SDK, match.end() + keyword.end(), "", False
        elif not name.endswith("create"):
            first = re.match(r"\s*", args).end()  # a positional key: HubSpot(KEY)
            if first < len(args) and not re.match(r"\w+\s*=|\*", args[first:]):
                at = match.end() + first
                length = len(re.match(r"[^,)\s]*", args[first:]).group()) or 1
                yield at, at + length, SDK, at, "", False


_CONNECTION_KEY = re.compile(r"(?<![\w.])(?:\w+\s*\.\s*)?APIKey\s*\(")


def _connection_keys(text: str):
    """hubspot-connection's ``APIKey(key)``: a key sent as ?hapikey=, with no
    way to send a token in a header (sdk_clients.HUBSPOT_CONNECTION_REASON)."""
    for match in _CONNECTION_KEY.finditer(text):
        close = _closing(text, match.end() - 1, "(", ")")
        first = match.end() + re.match(r"\s*", text[match.end() : close]).end()
        length = len(re.match(r"[^,)\s]*", text[first:close]).group()) or 1
        yield first, first + length, SDK, first, HUBSPOT_CONNECTION_REASON, False


def _closing(text: str, at: int, opener: str, closer: str, limit: int = 4000) -> int:
    """Where the bracket opened at ``at`` closes (or ``limit`` characters on)."""
    depth = 0
    end = min(len(text), at + limit)
    for index in range(at, end):
        char = text[index]
        if char == opener:
            depth += 1
        elif char == closer:
            depth -= 1
            if depth == 0:
                return index
    return end


def _depth(text: str, start: int, at: int, opener: str, closer: str) -> int:
    segment = text[start:at]
    return segment.count(opener) - segment.count(closer)


def _after_colon(text: str, at: int) -> int | None:
    match = _COLON.match(text, at)
    return match.end() if match else None


def _ruby_configure_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``Hubspot.configure(...)`` and ``Hubspot.configure do ... end`` are."""
    spans = []
    for match in _RUBY_CONFIGURE.finditer(text):
        opener = match.group("open")
        if opener == "(":
            spans.append((match.start(), _closing(text, match.end() - 1, "(", ")")))
        elif opener:
            end = _BLOCK_END.search(text, match.end())
            spans.append((match.start(), end.start() if end else len(text)))
        else:  # Hubspot.configure hapikey: ENV[...] (no parentheses)
            newline = text.find("\n", match.end())
            spans.append((match.start(), len(text) if newline < 0 else newline))
    return tuple(spans)


# -- literal keys under a HubSpot key name --------------------------------------

_UUID = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE
)
_NAMED_UUID = re.compile(
    r"(?<![\w.-])(?P<q>['\"]?)(?P<name>[A-Za-z_][\w.-]*)(?P=q)[ \t]*"
    r"(?:=>|:=|[=:]|(?<=['\"]),)[ \t]*(?P<vq>['\"]?)"
    r"(?P<value>[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})"
    r"(?P=vq)(?![\w-])"
)
_GENERIC_KEY_NAMES = {("key",), ("api", "key"), ("apikey",), ("portal", "key"),
                      ("portal", "api", "key")}  # fmt: skip
_SECTION = re.compile(r"^\s*\[+\s*([^\]]+?)\s*\]+\s*(?:[#;].*)?$")
_PARENT = re.compile(r"^(\s*)(?:-\s+)?['\"]?([\w.-]+)['\"]?\s*:")


def _named_keys(text: str, lang: str):
    """(offset, end, USE, value offset, advice, developer) for each UUID written
    under a HubSpot key name: ``HUBSPOT_API_KEY=<uuid>``, ``hubspotApiKey: '<uuid>'``,
    or ``api_key`` in a ``[hubspot]`` section or under a ``hubspot:`` mapping."""
    if not _UUID.search(text):
        return
    lines: list[str] | None = None
    for match in _NAMED_UUID.finditer(text):
        name = match.group("name")
        if _WORD.search(name) or not is_plausible_key(match.group("value")):
            continue  # a hapikey entry (a use of its own), a zero UUID
        tokens = _tokens(name)
        if not tokens or tokens[-1] not in ("key", "apikey"):
            continue
        if not {"hubspot", "hs", "hapi"} & set(tokens):
            if tuple(t for t in tokens if t not in ("dev", "developer")) not in (
                _GENERIC_KEY_NAMES
            ):
                continue
            if lines is None:
                lines, starts = _lines(text)
            index = bisect.bisect_right(starts, match.start()) - 1
            if not _in_hubspot_section(lines, index, lang):
                continue
        developer = bool({"dev", "developer"} & set(tokens))
        advice = DEVELOPER_ADVICE if developer else KEY_ADVICE
        start = match.start("name")
        yield start, match.end("name"), USE, match.start("value"), advice, developer


def _tokens(name: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
    return re.findall(r"[a-z]+|[0-9]+", spaced)


def _in_hubspot_section(lines: list[str], index: int, lang: str) -> bool:
    """Whether line ``index`` sits in an INI/TOML section or under a YAML/JSON
    mapping whose name says HubSpot."""
    if lang == INI:
        for current in range(index, -1, -1):
            section = _SECTION.match(lines[current])
            if section:
                return "hubspot" in section.group(1).lower()
        return False
    if lang in (YAML, JSON):
        indent = len(lines[index]) - len(lines[index].lstrip())
        for current in range(index - 1, -1, -1):
            parent = _PARENT.match(lines[current])
            if parent and len(parent.group(1)) < indent:
                if "hubspot" in parent.group(2).lower():
                    return True
                indent = len(parent.group(1))
                if indent == 0:
                    return False
        return False
    return False


# -- comments -------------------------------------------------------------------


class _Comments:
    """Where the comment on each line starts, block comments followed from the
    top; lines without a block comment marker are passed over without a look."""

    def __init__(self, lines: list[str], syntax: str):
        self.lines, self.syntax = lines, syntax
        self.markers = {SLASH: ("/*", "*/"), MARKUP: ("<!--", "-->")}.get(syntax)
        self.next, self.in_block = 0, False

    def start(self, index: int) -> int:
        if self.markers is None:
            return _comment_start(self.lines[index], self.syntax, False)[0]
        opens, closes = self.markers
        while self.next < index:  # the block-comment state at the start of ``index``
            line = self.lines[self.next]
            if self.in_block or opens in line:
                self.in_block = _comment_start(line, self.syntax, self.in_block)[1]
            self.next += 1
        return _comment_start(self.lines[index], self.syntax, self.in_block)[0]


def _comment_start(line: str, syntax: str, in_block: bool) -> tuple[int, bool]:
    """Where the comment on a line starts (len(line) + 1: none), and whether a
    block comment is still open after it."""
    none = len(line) + 1
    if syntax == MARKUP:
        opens, closes = "<!--", "-->"
    elif syntax == SLASH:
        opens, closes = "/*", "*/"
    else:
        opens = closes = ""
    if in_block:
        end = line.find(closes)
        return (0, True) if end < 0 else (0, False)  # a use on a closing line: comment
    if syntax == HASH:
        return _outside_strings(line, "#"), False
    if syntax == SLASH:
        line_comment = _outside_strings(line, "//", not_after=":")
        block = _outside_strings(line, "/*")
        if block < line_comment:
            return block, line.find("*/", block + 2) < 0
        stripped = line.lstrip()
        if stripped.startswith("*"):
            return len(line) - len(stripped), False
        return line_comment, False
    if syntax == MARKUP:
        start = line.find(opens)
        if start >= 0:
            return start, line.find(closes, start + 4) < 0
    return none, False


def _outside_strings(line: str, marker: str, not_after: str = "") -> int:
    """The first ``marker`` not inside a quoted string (len(line) + 1 if none)."""
    if marker not in line:
        return len(line) + 1
    quote = None
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\":
                index += 2
                continue
            if char == quote:
                quote = None
        elif char in "'\"`":
            quote = char
        elif line.startswith(marker, index) and not (
            not_after and index and line[index - 1] in not_after
        ):
            return index
        index += 1
    return len(line) + 1


# -- sites ----------------------------------------------------------------------


def text_sites(
    path: str,
    text: str,
    syntax: str,
    status: Status,
    reason: str,
    *,
    strict: bool = False,
    covered: set[int] = frozenset(),  # type: ignore[assignment]
    prose: set[int] = frozenset(),  # type: ignore[assignment]
    python: bool = False,
) -> list[Site]:
    """Sites for the uses found in text. ``covered``: lines a parsed site already
    reports; ``prose``: docstring lines; ``python``: Python the codemod parsed, ruled
    by the kind of use rather than HM005 (uses the codemod does not recognise)."""
    sites = []
    lang = PYTHON if python else language(path)
    for use in scan(text, syntax, lang, parsed=python):
        if use.line in covered:
            continue
        in_comment = use.in_comment or use.line in prose
        if in_comment and not strict:
            continue
        kind = Kind.SDK if use.kind == SDK else Kind.TEXT
        if python:
            before = use.code[use.column - 2 : use.column - 1]
            kind = Kind.URL if before in ("?", "&") else Kind.PARAMS
        site_status, site_reason = status, reason
        if use.developer:
            site_status, site_reason = Status.KEPT, use.advice
        elif use.advice and status == Status.MANUAL:
            site_reason = use.advice
        sites.append(
            Site(
                path,
                use.line,
                use.column,
                use.line,
                use.end_column,
                kind,
                site_status,
                "in a comment or docstring" if in_comment else site_reason,
                hardcoded_key=use.hardcoded,
                fingerprint=fingerprint(kind.value, "", use.code),
                in_comment=in_comment,
            )
        )
    return sites


def unparsed(path: str, data: bytes, reason: str, options: RunOptions) -> FileResult:
    """A Python file LibCST cannot take: its uses, found in its text."""
    text = data.decode("utf-8", errors="replace")
    sites = text_sites(path, text, HASH, Status.UNPARSED, reason, strict=options.strict)
    return FileResult(path, tuple(sites), original=data)
