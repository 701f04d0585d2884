"""``apply --interactive``: each file that would change is shown (its sites with the
endpoints they call, the scopes those need and why the rewrite is safe, then the
diff) and the person answers, as with ``git add -p``: rewrite it, skip it, skip it
and mark its sites ``# hapimigrate: ignore``, skip it and record its findings in a
baseline (``--baseline FILE``), or quit.

The question is asked per file, not per site: a file's edits are planned together
(the header on the request, the import, a key definition that goes once nothing
reads it), and a part of them could leave code that no longer runs. Terminal only:
the answers are read from standard input, which must be one.
"""

from __future__ import annotations

import ast
import io
import tokenize
from dataclasses import dataclass
from typing import Callable

import click

from hapimigrate import report as reporting
from hapimigrate.model import FileResult, Kind, Site, Status
from hapimigrate.output import diff as diff_output
from hapimigrate.suppress import COMMENT, unsuppressed

ACCEPT, SKIP, SUPPRESS, BASELINE, QUIT = (
    "accept",
    "skip",
    "suppress",
    "baseline",
    "quit",
)
_ANSWERS = {"y": ACCEPT, "n": SKIP, "s": SUPPRESS, "b": BASELINE, "q": QUIT}


def help_text(baseline: str | None) -> str:
    record = (
        f"b - skip it and record its findings in {baseline}, so that\n"
        "    check --baseline passes them\n"
        if baseline
        else ""
    )
    return (
        "y - rewrite this file\n"
        "n - skip it (left as it is)\n"
        f"s - skip it and add '{COMMENT}' to its sites' lines, so that apply and\n"
        "    check leave them alone from now on\n"
        f"{record}"
        "q - quit: leave this file and the ones after it as they are\n"
        "? - print this help\n"
    )


_WHY = {
    Kind.URL: "hapikey is cut from the URL, and the request that sends the URL "
    "(found in this module) gets the Authorization header",
    Kind.PARAMS: "the hapikey parameter goes, and the request that sends the "
    "mapping (found in this module) gets the Authorization header",
    Kind.SESSION: "the session sends the Authorization header instead of the "
    "parameter; every request it makes goes to HubSpot",
    Kind.SDK: "the client is built with access_token= instead of api_key=",
    Kind.VERSION: "the v3/v4 path becomes its 2026-03 twin, whose request and "
    "response schemas are identical",
}


@dataclass(frozen=True)
class Reviewed:
    """The answer for one file: ``new`` is what to write (the rewrite, or the
    original with suppression comments), None to leave the file alone."""

    answer: str
    new: bytes | None = None


class Review:
    """Asks, file by file; after ``q`` it asks no more and leaves every file."""

    def __init__(
        self,
        read_line: Callable[[], str],
        write: Callable[[str], None],
        color: bool,
        token_provider: str,
        baseline: str | None = None,
    ) -> None:
        self._read_line = read_line
        self._write = write
        self._color = color
        self._provider = token_provider
        self.baseline = baseline  # where "b" records; None: no "b"
        self._choices = "y,n,s,b,q,?" if baseline else "y,n,s,q,?"
        self.stopped = False

    def ask(self, result: FileResult) -> Reviewed:
        assert result.new is not None and result.original is not None
        if self.stopped:
            return Reviewed(QUIT)
        self._write(describe(result, self._provider))
        patch = diff_output.unified_diff(result)
        self._write(diff_output.colored(patch) if self._color else patch)
        while True:
            self._write(f"Rewrite {result.path}? [{self._choices}] ")
            line = self._read_line()
            if not line:  # end of input: as q
                self._write("\n")
                self.stopped = True
                return Reviewed(QUIT)
            answer = _ANSWERS.get(line.strip().lower()[:1])
            if answer is None or (answer == BASELINE and not self.baseline):
                self._write(help_text(self.baseline))
                continue
            if answer == BASELINE:
                return Reviewed(BASELINE)
            if answer == ACCEPT:
                return Reviewed(ACCEPT, result.new)
            if answer == QUIT:
                self.stopped = True
                return Reviewed(QUIT)
            if answer == SUPPRESS:
                marked = with_suppressions(result)
                if marked is None:
                    self._write(
                        "cannot place a comment on these lines safely (inside a "
                        "string, or after a backslash): left as it is\n"
                    )
                    return Reviewed(SKIP)
                return Reviewed(SUPPRESS, marked)
            return Reviewed(SKIP)


def describe(result: FileResult, token_provider: str) -> str:
    """The sites a file's rewrite migrates: where, what they call, the scopes the
    token needs for it, and why the rewrite is safe."""
    rewrites = [s for s in result.sites if s.status == Status.REWRITE]
    count = len(rewrites)
    out = [
        click.style(result.path, bold=True)
        + f": {count} site{'s' if count != 1 else ''} to rewrite\n"
    ]
    for site in rewrites:
        out.append(f"  line {site.line}  {site.kind.value}\n")
        for endpoint in site.calls:
            need = reporting.call_scopes(endpoint).need
            scopes = ", ".join(need.scopes) if need and need.scopes else "unknown"
            call = " ".join(filter(None, (endpoint.method, endpoint.path)))
            out.append(f"    calls {call or 'an endpoint known at run time'}")
            out.append(f"  (scopes: {scopes})\n")
        out.append(f"    why it is safe: {_why(site, token_provider)}\n")
        if site.hardcoded_key:
            out.append("    the key is hard-coded: revoke it\n")
    others = [s for s in result.sites if s.status != Status.REWRITE]
    for site in others:
        reason = f": {site.reason}" if site.reason else ""
        out.append(f"  line {site.line}  {site.status.value}{reason}\n")
    return "".join(out)


def _why(site: Site, token_provider: str) -> str:
    why = _WHY.get(site.kind, "the use is rewritten to send the token")
    if site.kind == Kind.VERSION:
        return why
    if site.reason:  # the caller's token, a form that needs none, ...
        return f"{why}; {site.reason}"
    return f"{why}; the token comes from {token_provider}"


def with_suppressions(result: FileResult) -> bytes | None:
    """The original bytes with ``# hapimigrate: ignore`` at the end of a line of
    each site the rewrite would migrate; None where no line of a site can take a
    comment (its end is inside a string, or continued with a backslash), for a
    notebook, or when the result would not parse."""
    assert result.original is not None
    if result.path.endswith(".ipynb"):
        return None
    try:
        text = result.original.decode(result.encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    unsafe = _lines_without_room(text)
    if unsafe is None:
        return None
    lines = result.original.splitlines(keepends=True)
    chosen: set[int] = set()
    for site in result.sites:
        if site.status != Status.REWRITE:
            continue
        room = [
            n
            for n in range(site.line, site.end_line + 1)
            if n not in unsafe and n <= len(lines)
        ]
        if not room:
            return None
        if not chosen.intersection(range(site.line, site.end_line + 1)):
            chosen.add(room[0])
    for number in chosen:
        line = lines[number - 1]
        body = line.rstrip(b"\r\n")
        mark = f"  {COMMENT}".encode(result.encoding)
        lines[number - 1] = body + mark + line[len(body) :]
    marked = b"".join(lines)
    try:
        ast.parse(marked)
    except (SyntaxError, ValueError):
        return None
    rewrites = [s for s in result.sites if s.status == Status.REWRITE]
    if unsuppressed(tuple(rewrites), marked.decode(result.encoding)):
        return None
    return marked


def _lines_without_room(text: str) -> set[int] | None:
    """The line numbers whose end cannot take a comment: inside a token that goes
    on to the next line (a triple-quoted string), or ending in a backslash. None
    when the text does not tokenize."""
    unsafe = set()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            for row in range(token.start[0], token.end[0]):
                unsafe.add(row)
    except (tokenize.TokenError, SyntaxError):
        return None
    for number, line in enumerate(text.split("\n"), start=1):
        if line.rstrip().endswith("\\"):
            unsafe.add(number)
    return unsafe
