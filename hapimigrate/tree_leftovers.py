"""The last word on a migrated key's variable: where the tree still reads or sets it.

Once the requests read the token, the old variable (``HUBSPOT_API_KEY``) is meant
to go. Code that still reads it -- a settings module loaded by name
(``app.config.from_object("crm.settings")``), a cached getter called by a
start-up check, ``if not os.getenv("HUBSPOT_API_KEY"): return`` -- then raises
or silently skips; code that sets it (a test's conftest, a runner's child
environment) now sets what nothing reads. The fixers report such code where
they follow it; this pass reports what is left of it in the migrated text of
every Python file of the tree, as ``setting`` sites left for a person, so that
``apply`` never calls a tree done that still needs the old variable.
"""

from __future__ import annotations

import dataclasses
import os
import re
from typing import Callable, Iterable

from hapimigrate import line_origins, prefilter
from hapimigrate.analysis.already_bearer import REASON as ALREADY_BEARER
from hapimigrate.analysis.dual_bearer import REASON as OWN_BEARER
from hapimigrate.decide import CALLERS_TOKEN, FALLBACK_TOKEN, RUN_TIME_TOKEN
from hapimigrate.fingerprint import fingerprint
from hapimigrate.model import FileResult, Kind, Site, Status
from hapimigrate.python import leftover_reads
from hapimigrate.tree_imports import is_test_module, read

READ = (
    "{} is still read here after the migration: the old variable stays required "
    "(a start-up check, a settings module?); change this code, or keep it set"
)
LENIENT = (
    "{} is still read here after the migration, leniently (unset, it gives None "
    "or the default, no error): the code using what it gives then sees no key "
    "(a check of the key, a feature it turns on or off?); make that code test "
    "the token, or keep the old variable set"
)
WRITTEN = (
    "{} is set here (for tests, a child process?), while the migrated code reads "
    "the token's variable now: set that one here too"
)
FEEDS = (
    "{} is still read here after the migration, in a file that now sends a "
    "value given at run time as the token ({}): if what this line reads can "
    "become that value (a default, a fallback), {} must hold an access token "
    "now; if not, change this code, or keep it set"
)
REMOVED = (
    "{} is removed here (a test's clean-up?), while the migrated code reads the "
    "token's variable now: remove that one here too"
)


def report(results: list[FileResult], files: Iterable[str]) -> list[FileResult]:
    """``results`` with a site for each leftover read or write of a migrated
    key's environment variable (one the migrated code read, or any variable
    named as a portal's HubSpot key, once anything was migrated)."""
    if not any(r.changed for r in results):
        return results
    migrated = migrated_variables(results)
    texts = _Texts(results)
    out = []
    for result in results:
        if (
            result.error
            or not prefilter.is_python(result.path)
            or any(s.status in _LEFT for s in result.sites)  # said there already
        ):
            out.append(result)
            continue
        text = texts[result.path]
        added = list(_leftovers(result, text, migrated, texts))
        out.append(
            dataclasses.replace(result, sites=result.sites + tuple(added))
            if added
            else result
        )
    return out


def migrated_variables(results: list[FileResult]) -> set[str]:
    """The environment variables of the keys the changed files now send the
    token for (``HUBSPOT_API_KEY`` of ``os.environ["HUBSPOT_API_KEY"]``)."""
    return {
        name
        for r in results
        if r.changed
        for identity, _ in r.provider_keys
        for name in _UPPER.findall(identity)
    }


def names_portal_key(variable: str) -> bool:
    """Whether ``variable`` is named as a portal's HubSpot key (not a
    developer's or an app's)."""
    return bool(_PORTAL_KEY.search(variable))


_LEFT = (Status.MANUAL, Status.UNPARSED)
_UPPER = re.compile(r"\b[A-Z][A-Z0-9_]{2,}\b")
# a portal's key by its name (not a developer's or an app's: those stay)
_PORTAL_KEY = re.compile(r"(?i)^(?!.*(?:dev|app)).*(?:hapikey|hubspot\w*key)")
_QUOTED = rb"""\s*['"]([A-Z][A-Z0-9_]*)['"]"""
_ENVIRON = rb"(?:\bos\.)?\benviron"
_USES = re.compile(
    # set: environ["X"] = v, setenv("X", v), environ.update(X=v) or ({"X": v}),
    # patch.dict(os.environ, {"X": v}), a child's env={**os.environ, "X": v}
    rb"(?P<write>\benviron\s*\[" + _QUOTED + rb"\s*\]\s*=(?!=)"
    rb"|\b(?:putenv|setenv|setdefault)\("
    + _QUOTED
    + rb"|\benviron\.update\(\s*\{"
    + _QUOTED
    + rb"\s*:"
    rb"|\benviron\.update\(\s*([A-Z][A-Z0-9_]*)\s*=(?!=)"
    rb"|\bpatch\.dict\(\s*" + _ENVIRON + rb"\s*,\s*\{" + _QUOTED + rb"\s*:"
    rb"|\*\*\s*" + _ENVIRON + rb"\s*," + _QUOTED + rb"\s*:)"
    # removed: del environ["X"], environ.pop("X"), unsetenv, monkeypatch.delenv
    rb"|(?P<removal>\bdel\s+"
    + _ENVIRON
    + rb"\s*\["
    + _QUOTED
    + rb"|\benviron\.pop\("
    + _QUOTED
    + rb"|\b(?:unsetenv|delenv)\("
    + _QUOTED
    + rb")"
    rb"|(?P<read>\benviron\s*(?:\[|\.get\()"
    + _QUOTED
    + rb"|\bgetenv\("
    + _QUOTED
    + rb")"
)


def _leftovers(
    result: FileResult, text: bytes, migrated: set[str], texts: _Texts
) -> Iterable[Site]:
    if b"environ" not in text and b"env(" not in text:
        return
    covered = [(s.line, s.end_line) for s in result.sites]
    lines = text.split(b"\n")
    # sites are given by the lines of the file as it is, not as it is migrated
    where = _original_lines(result, text)
    for match in _USES.finditer(text):
        variable = next(
            g for g in match.groups() if g and re.fullmatch(rb"[A-Z][A-Z0-9_]*", g)
        ).decode()
        if variable not in migrated and not _PORTAL_KEY.search(variable):
            continue
        at = text.count(b"\n", 0, match.start()) + 1  # in the migrated text
        line = where(at)
        if any(start <= line <= end for start, end in covered):
            continue
        if _unread_default(match, lines[at - 1], result.path, texts):
            continue
        reason = (
            WRITTEN
            if match.group("write")
            else (
                REMOVED
                if match.group("removal")
                else LENIENT if _DEFAULTS.match(match.group(0)) else READ
            )
        ).format(variable)
        status = Status.MANUAL
        readers = []
        if not (match.group("write") or match.group("removal")):
            readers = _left_readers(lines[at - 1], result.path, texts)
        if readers:  # the definition of what the sites left for a person send
            status = Status.KEPT
            places = ", ".join(sorted({place for place, _ in readers}))
            does = " or ".join(
                _SAID[what] for what in _SAID if any(w == what for _, w in readers)
            )
            reason = FOR_LEFT_SITES.format(variable, places, does)
        elif not (match.group("write") or match.group("removal")):
            printed = leftover_reads.printed(lines[at - 1], text)
            fed = _run_time_tokens(result)
            if printed is None and fed:
                reason = FEEDS.format(variable, fed, variable)
            reason = printed or reason
        column = match.start() - (text.rfind(b"\n", 0, match.start()) + 1) + 1
        code = lines[at - 1].decode("utf-8", "replace").strip()
        covered.append((line, line))
        yield Site(
            result.path,
            line,
            column,
            line,
            column + len(match.group(0)),
            Kind.SETTING,
            status,
            reason,
            fingerprint=fingerprint(Kind.SETTING.value, "", code),
        )


_RUN_TIME_TOKENS = tuple(
    template[: template.index("{")]
    for template in (
        RUN_TIME_TOKEN,
        CALLERS_TOKEN,
        FALLBACK_TOKEN,
        ALREADY_BEARER,
        OWN_BEARER,
    )
)


def _run_time_tokens(result: FileResult) -> str:
    """Where the file's migrated code sends a value given at run time (the
    command line, a caller's argument, a variable already sent as Bearer) as
    the token: ``line 11``, or ""."""
    lines = sorted(
        {
            s.line
            for s in result.sites
            if s.status == Status.REWRITE and s.reason.startswith(_RUN_TIME_TOKENS)
        }
    )
    return ", ".join(f"line {line}" for line in lines)


def _original_lines(result: FileResult, text: bytes) -> Callable[[int], int]:
    """The map of ``text``'s lines (the migrated text, for a changed file) to
    the lines of the file as it is."""
    mapped = _line_map(result, text)
    return mapped.original if mapped is not None else lambda line: line


FOR_LEFT_SITES = (
    "{} stays set: what this line binds is read only by sites left for a person "
    "({}), which still {}; it goes when they are migrated"
)
_DOES = {Kind.GUARD: "test", Kind.SETTING: "read"}  # else a site sending it
_SAID = {"send": "send the key", "test": "test it", "read": "read it"}
_IMPORTING = re.compile(rb"^[ \t]*(?:from[ \t]+[\w.]+[ \t]+)?import\b")


def _left_readers(line: bytes, path: str, texts: _Texts) -> list[tuple[str, str]]:
    """``HAPIKEY = os.environ.get(...)`` (at module level, or a class's field)
    whose name every file of the tree mentions only on the lines of sites left
    as they are (manual, unparsed, kept) or in imports, once the migration is
    done: those places (``bridge.py:16``), each with what its site does with
    it ("send", or "test" for a guard), else []. The old variable is then the key those sites
    still send (or the guard left for a person still tests), not a check of
    its own. Each mention left in the migrated text must stand on a line the
    rewrite left as it was, within such a site; a test module setting the
    name for them (``@override_settings(HUBSPOT_API_KEY=...)``, ``settings.
    HUBSPOT_API_KEY = ...``) does not read it."""
    defined = _BOUND.match(line)  # HAPIKEY = ..., a class's field too
    if defined is None:
        return []
    name = re.compile(rb"\b" + re.escape(defined.group(1)) + rb"\b")
    places: list[tuple[str, str]] = []
    for other, text in texts.items():
        result = texts.results[other]
        sites = [s for s in result.sites if s.kind not in (Kind.CALL, Kind.VERSION)]
        left = [s for s in sites if s.status != Status.REWRITE]
        after = _mentions(name, text, line if other == path else b"")
        if not after:
            continue
        mapped = _line_map(result, text)
        setting = is_test_module(other) and other != path
        for at in after:
            if setting and _TEST_SETS.search(text.split(b"\n")[at - 1]):
                continue  # a test setting it for the code under test
            original = mapped.unchanged(at) if mapped is not None else at
            on = [
                s
                for s in left
                if original is not None and s.line <= original <= s.end_line
            ]
            if not on:
                return []  # read by code that is no site: a check of the key?
            for site in on:
                what = _DOES.get(site.kind, "send")
                places.append((f"{os.path.basename(other)}:{original}", what))
    return sorted(set(places))


# a test setting a setting: @override_settings(NAME=...), settings.NAME = ...,
# monkeypatch.setattr(settings, "NAME", ...), patch.object(settings, "NAME", ...)
_TEST_SETS = re.compile(
    rb"\boverride_settings\(|\bmodify_settings\(|\bsettings\.\w+[ \t]*=(?!=)"
    rb"|\b(?:setattr|patch\.object)\(\s*settings\s*,"
)


def _line_map(result: FileResult, text: bytes) -> line_origins.LineMap | None:
    """The map of ``text``'s lines to the original's, for a changed file."""
    if not result.changed:
        return None
    original = result.original if result.original is not None else read(result.path)
    return line_origins.line_map(original, text)


def _mentions(name: re.Pattern[bytes], text: bytes, definition: bytes) -> list[int]:
    """The lines ``text`` names ``name`` on, past ``definition`` and imports."""
    start = text.find(definition) if definition else -1
    lines = []
    for found in name.finditer(text):
        if start <= found.start() < start + len(definition):
            continue  # the definition itself
        begin = text.rfind(b"\n", 0, found.start()) + 1
        if _IMPORTING.match(text, begin):
            continue
        lines.append(text.count(b"\n", 0, found.start()) + 1)
    return lines


class _Texts:
    """Each file's text as the migration leaves it, read when first asked for;
    every file's only when a leftover line needs looking for its name (a
    notebook or a template may name it too)."""

    def __init__(self, results: list[FileResult]) -> None:
        self.results = {r.path: r for r in results if not r.error}
        self.read: dict[str, bytes] = {}

    def __getitem__(self, path: str) -> bytes:
        if path not in self.read:
            result = self.results[path]
            text = result.new if result.changed else result.original
            self.read[path] = text if text is not None else read(path)
        return self.read[path]

    def items(self) -> Iterable[tuple[str, bytes]]:
        return ((path, self[path]) for path in self.results)


# ``HAPIKEY = os.environ.get("HAPIKEY", "")`` at module level: the name it binds
_DEFINED = re.compile(rb"^([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)")
_DEFAULTS = re.compile(rb"\b(?:environ\s*\.get|getenv)\(")
# the same, or a class's field (``class Config: KEY = os.environ.get(...)``)
_BOUND = re.compile(rb"^[ \t]*([A-Za-z_]\w*)[ \t]*(?::[^=\n]*)?=(?!=)")


def _unread_default(
    match: re.Match[bytes], line: bytes, path: str, texts: _Texts
) -> bool:
    """A settings line the migration left behind that needs nothing: it reads
    the old variable with ``.get``/``getenv`` (a default, never an error) into a
    name (module-level, a class's field: Flask's ``Config.HUBSPOT_API_KEY``) no
    file of the tree mentions any more (by name, in a string, ``__all__`` or
    ``getattr``, ``app.config["NAME"]``: any mention counts as a read)."""
    if not _DEFAULTS.match(match.group(0)) or b"\n" in match.group(0):
        return False
    defined = _BOUND.match(line)
    if defined is None:
        return False
    return _unread(defined.group(1), line, path, texts, 0)


# ``HAPIKEY = API_KEY``: an old name kept for the same value
_ALIAS = re.compile(
    rb"^([A-Za-z_]\w*)[ \t]*=[ \t]*([A-Za-z_]\w*)[ \t]*(?:#[^\n]*)?$", re.M
)


def _unread(name: bytes, line: bytes, path: str, texts: _Texts, depth: int) -> bool:
    """Whether no file of the tree mentions ``name`` past its definition
    ``line`` in ``path``, but to define another such name of that module
    (``HAPIKEY = API_KEY``, a legacy alias nothing reads either)."""
    word = re.compile(rb"\b" + re.escape(name) + rb"\b")
    text = texts[path]
    start = text.find(line)
    aliases = [
        a
        for a in _ALIAS.finditer(text)
        if a.group(2) == name and a.group(1) != name and depth < 3
    ]
    for other, body in texts.items():
        found = [m.start() for m in word.finditer(body)]
        if other == path:
            found = [
                f
                for f in found
                if not start <= f < start + len(line)
                and not any(a.start(2) == f for a in aliases)
            ]
        if found:
            return False
    return all(_unread(a.group(1), a.group(0), path, texts, depth + 1) for a in aliases)
