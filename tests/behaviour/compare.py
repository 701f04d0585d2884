"""Verdicts on one case: the requests before migration against those after. Pure.

Credential values follow the corpus convention (``bench/corpus/README.md``): ``key-<n>`` a
portal API key, ``devkey-<n>`` a developer key, ``oauth-<n>`` an OAuth token the app
already used, ``tok-<n>`` the token that must replace ``key-<n>`` after migration
(``tok-main`` is the default provider's). Each request pair gets one ``Verdict``:

- ``ok``: migrated right (HubSpot API: ``Authorization: Bearer tok-<n>`` for ``key-<n>``, no
  key left, nothing else changed), a developer key or OAuth request kept exactly, a form
  submission sent without key or token, another host untouched;
- ``unchanged-reported``: still sends the key, and apply reported a ``manual``/``unparsed``
  site in a file on the request's stack (or of a hook the library ran for it, such as a
  requests auth class: the request's ``callbacks``);
- ``wrong``, with the most serious reason first (``REASONS``) and a detail per difference.

A ``hapikey`` value that is no marker (a key hard-coded in the project) counts as a portal
key whose token is ``tok-main``. Values other than the markers are masked (``redact``) in
everything a verdict says.

Requests are paired in order; a difference in number is one ``request-count-differs``
verdict for the case, unless the case raised differently (``crash-after``: raised only, or
something else, after migration; ``crash-differs``: raised only before).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Sequence
from urllib.parse import parse_qsl, unquote, urlsplit

from hapimigrate import hubspot
from tests.behaviour.records import CaseRun, Failure, Request, Site

OK, REPORTED, WRONG = "ok", "unchanged-reported", "wrong"
REASONS = (  # most serious first: a verdict's reason is the first that applies
    "token-to-other-host",
    "oauth-changed",
    "crash-after",
    "key-left-unreported",
    "credential-lost",
    "wrong-token",
    "method-changed",
    "path-changed",
    "params-changed",
    "body-changed",
    "headers-changed",
    "request-count-differs",
    "crash-differs",
)
IGNORED_HEADERS = frozenset(
    {"user-agent", "content-length", "accept-encoding", "connection", "host"}
)
NEEDS_PERSON = frozenset({"manual", "unparsed"})
KEY_PARAM = "hapikey"

HUBSPOT_API = re.compile(
    r"^(?:(?:[a-z0-9-]+\.)*hubapi\.com|api\.hubspot\.com|app(?:-[a-z0-9]+)?\.hubspot\.com)$"
)
FORMS = re.compile(
    r"^(?:forms(?:-[a-z0-9]+)?\.hubspot\.com|(?:[a-z0-9-]+\.)*hsforms\.com)$"
)
KINDS = "key|devkey|oauth|tok"
MARKER = re.compile(rf"(?<![A-Za-z0-9_-])({KINDS})-([A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*)")
BEARER = re.compile(r"^\s*bearer\s+(\S+)\s*$", re.IGNORECASE)
DEFAULT_TOKEN = "tok-main"
NO_VALUE = ("", "None", "null")
_VALUE = r"([^\s&'\"\])]+)"
_UUID = r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
# Credential-looking values that are not the synthetic markers: never shown.
SECRETS = (
    re.compile(rf"(?i)(hapikey['\"]?\s*[=:,]\s*['\"]?)(?!(?:{KINDS})-|None\b){_VALUE}"),
    re.compile(rf"(?i)(bearer\s+)(?!(?:{KINDS})-)(?=\S*[0-9_-]){_VALUE}"),
    re.compile(rf"()(\b{_UUID}\b)"),
    re.compile(r"()(\bpat-[a-z0-9]+-[0-9a-fA-F-]{20,})"),
)


def redact(text: str) -> str:
    """``text`` with every credential value masked except the corpus markers."""
    for pattern in SECRETS:
        text = pattern.sub(lambda m: m.group(1) + "***", text)
    return text


@dataclass(frozen=True)
class Verdict:
    """One request pair (``index``), or the whole case (``index`` None)."""

    case: str
    index: int | None
    kind: str  # ok, unchanged-reported, wrong
    reason: str  # the first of REASONS that applies; "" when ok
    where: str  # file:line of the innermost frame inside src/ (before, else after)
    details: tuple[str, ...] = ()
    before: str = ""  # METHOD URL of the request before migration
    after: str = ""

    @property
    def label(self) -> str:
        return f"{WRONG}:{self.reason}" if self.kind == WRONG else self.kind


@dataclass(frozen=True)
class Marker:
    """A credential value found in a request: kind (key, devkey, oauth, tok), the value,
    and where (``query:<name>``, ``path``, ``header:<name>``, ``body``)."""

    kind: str
    value: str
    where: str


def host_class(url: str) -> str:
    """``hubspot`` (API hosts), ``forms`` (form submissions) or ``other``."""
    host = (urlsplit(url).hostname or "").lower()
    if HUBSPOT_API.match(host):
        return "hubspot"
    if FORMS.match(host):
        return "forms"
    return "other"


def find_markers(request: Request) -> tuple[Marker, ...]:
    parts = urlsplit(request.url)
    places: list[tuple[str, str]] = [("path", unquote(parts.path))]
    places += [(f"query:{k}", v) for k, v in parse_qsl(parts.query, True)]
    places += [(f"header:{k.lower()}", v) for k, v in request.headers]
    if request.body:
        places.append(("body", request.body))
    found = [
        Marker(match.group(1), match.group(0), where)
        for where, text in places
        for match in MARKER.finditer(text)
    ]
    # A hapikey that is not a marker (a key hard-coded in the project) is a portal key
    # whose token is the default one.
    found += [
        Marker("key", value, f"query:{KEY_PARAM}")
        for where, value in places
        if where == f"query:{KEY_PARAM}"
        and value not in NO_VALUE
        and not MARKER.search(value)
    ]
    return tuple(found)


def expected_token(key: str) -> str:
    """The token that replaces a portal key: ``tok-<n>`` for ``key-<n>``, else tok-main."""
    return "tok-" + key[len("key-") :] if key.startswith("key-") else DEFAULT_TOKEN


def describe(request: Request | None) -> str:
    """``METHOD URL``, with the Authorization header if one was sent."""
    if request is None:
        return ""
    auth = "".join(
        f" [Authorization: {v}]" for v in request.header_values("authorization")
    )
    return redact(f"{request.method} {request.url}{auth}")


# --- what is compared once credentials are accounted for -------------------------------


@dataclass(frozen=True)
class View:
    method: str
    origin: str  # scheme://host:port
    path: str
    query: tuple[tuple[str, str], ...]  # sorted: a multiset
    headers: tuple[tuple[str, str], ...]  # sorted, lower-case names
    body: str  # canonical JSON when the body is JSON


def view(request: Request, strip_key: bool, strip_authorization: bool) -> View:
    parts = urlsplit(request.url)
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme.lower(), 0)
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not (strip_key and k == KEY_PARAM)
    ]
    ignored = IGNORED_HEADERS | ({"authorization"} if strip_authorization else set())
    headers = [
        (k.lower(), v.strip()) for k, v in request.headers if k.lower() not in ignored
    ]
    content_type = ";".join(request.header_values("content-type")).lower()
    return View(
        method=request.method.upper(),
        origin=f"{parts.scheme.lower()}://{(parts.hostname or '').lower()}:{port}",
        path=parts.path or "/",
        query=tuple(sorted(query)),
        headers=tuple(sorted(headers)),
        body=canonical_body(request.body, content_type, strip_key),
    )


def canonical_body(body: str | None, content_type: str, strip_key: bool) -> str:
    if not body:
        return ""
    try:
        data = json.loads(body)
    except ValueError:
        pass
    else:
        if strip_key and isinstance(data, dict):
            data.pop(KEY_PARAM, None)
        return json.dumps(data, sort_keys=True)
    if "x-www-form-urlencoded" in content_type:
        pairs = parse_qsl(body, keep_blank_values=True)
        return repr(
            sorted((k, v) for k, v in pairs if not (strip_key and k == KEY_PARAM))
        )
    return body


def differences(before: View, after: View) -> list[tuple[str, str]]:
    """(reason, detail) for every part that differs."""
    found: list[tuple[str, str]] = []
    if before.method != after.method:
        found.append(("method-changed", f"method {before.method} -> {after.method}"))
    if before.origin != after.origin:
        found.append(("path-changed", f"host {before.origin} -> {after.origin}"))
    if before.path != after.path:
        found.append(("path-changed", f"path {before.path} -> {after.path}"))
    if before.query != after.query:
        gone, new = _multiset_delta(before.query, after.query)
        found.append(("params-changed", f"query params removed {gone}, added {new}"))
    if before.body != after.body:
        found.append(
            ("body-changed", f"body {_short(before.body)} -> {_short(after.body)}")
        )
    if before.headers != after.headers:
        gone, new = _multiset_delta(before.headers, after.headers)
        found.append(("headers-changed", f"headers removed {gone}, added {new}"))
    return found


def _multiset_delta(
    before: Sequence[tuple[str, str]], after: Sequence[tuple[str, str]]
) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    old, new = Counter(before), Counter(after)
    return sorted((old - new).elements()), sorted((new - old).elements())


def _short(text: str, limit: int = 80) -> str:
    return repr(text if len(text) <= limit else text[:limit] + "...")


# --- one pair ----------------------------------------------------------------------------


def classify_pair(
    case: str,
    index: int,
    before: Request,
    after: Request,
    manual_files: frozenset[str],
    kept_files: frozenset[str] = frozenset(),
    rewritten_files: frozenset[str] = frozenset(),
) -> Verdict:
    found = pair_findings(before, after)
    files = stack_files(before, after)
    reasons = {reason for reason, _ in found}
    details = tuple(redact(detail) for _, detail in found)
    if not reasons:
        kind, reason = OK, ""
    elif reasons == {"key-left-unreported"} and files & manual_files:
        kind, reason = REPORTED, ""
    elif (
        reasons == {"key-left-unreported"}
        and manual_files
        and not files & rewritten_files
        and _untouched(before, after)
    ):
        # left exactly as it was, no file on its way rewritten, and apply reported
        # sites for a person: the file that built its URL or parameters (a
        # constants module) need not be on the stack when the request is sent
        kind, reason = REPORTED, ""
        details += (
            "unchanged; sites need a person in: " + ", ".join(sorted(manual_files)),
        )
    elif (
        reasons == {"key-left-unreported"} and files & kept_files and _hard_coded(after)
    ):
        kind, reason = OK, ""  # a developer key, hard-coded: apply kept it
        details += ("apply kept this key (developer key)",)
    else:
        kind, reason = WRONG, min(reasons, key=REASONS.index)
        if "key-left-unreported" in reasons and manual_files:
            elsewhere = ", ".join(sorted(manual_files))
            details += (f"not on its stack, but sites need a person in: {elsewhere}",)
    return Verdict(
        case=case,
        index=index,
        kind=kind,
        reason=reason,
        where=before.where if before.stack else after.where,
        details=details,
        before=describe(before),
        after=describe(after),
    )


def _untouched(before: Request, after: Request) -> bool:
    """The same request, key and all: what the program sent before, still sent."""

    def headers(request: Request) -> dict[str, str]:
        return {
            k.lower(): v for k, v in request.headers if k.lower() not in IGNORED_HEADERS
        }

    same = (before.method, before.url, before.body) == (
        after.method,
        after.url,
        after.body,
    )
    return same and headers(before) == headers(after)


def _hard_coded(request: Request) -> bool:
    """Every key the request sends is a literal of the project, not a corpus marker."""
    keys = [m for m in find_markers(request) if m.kind in ("key", "tok")]
    return bool(keys) and not any(MARKER.fullmatch(m.value) for m in keys)


def stack_files(*requests: Request) -> frozenset[str]:
    """Files on the requests' stacks, and of the hooks a library ran for them."""
    return frozenset(
        frame.file
        for request in requests
        for frame in (*request.stack, *request.callbacks)
    )


def pair_findings(before: Request, after: Request) -> list[tuple[str, str]]:
    """Every (reason, detail) that makes ``after`` a wrong migration of ``before``; the
    key left in place is ``key-left-unreported`` here (the caller decides if reported).
    """
    old, new = find_markers(before), find_markers(after)
    target = host_class(after.url)
    found: list[tuple[str, str]] = []
    tokens = [m for m in new if m.kind == "tok"]
    leaked = bool(tokens) and target == "other"
    if leaked:
        places = ", ".join(sorted({m.where for m in tokens}))
        host = urlsplit(after.url).hostname
        found.append(("token-to-other-host", f"token sent to {host} ({places})"))
    kinds = {m.kind for m in old}
    source = host_class(before.url)
    if source != "hubspot" or "key" not in kinds:
        # Other hosts, forms, developer keys, OAuth, no credential: nothing may change
        # except that a key sent to a form endpoint goes, and a portal key a session
        # also sent to another host's URL (not a HubSpot endpoint) may go: the
        # session's auth hook keeps the token to HubSpot's API hosts.
        forms = source == "forms"
        strip = forms and "key" in kinds or _key_dropped_elsewhere(before, old, new)
        found += _key_left(old, new) if strip else []
        diffs = differences(
            view(before, strip_key=strip, strip_authorization=False),
            view(after, strip_key=strip, strip_authorization=False),
        )
        if "oauth" in kinds and diffs:
            found.append(
                ("oauth-changed", "a request made with an OAuth token changed")
            )
        if "devkey" in kinds and not any(m.kind == "devkey" for m in new):
            replaced = [m.value for m in new if m.kind in ("tok", "key")]
            reason = "wrong-token" if replaced else "credential-lost"
            found.append((reason, f"developer key replaced by {replaced or 'nothing'}"))
        return found + [d for d in diffs if not (leaked and d[0] == "headers-changed")]
    # A HubSpot API request made with a portal key: Bearer tok-<name> instead.
    left = _key_left(old, new)
    found += left
    if not left:
        found += _token_findings(old, after, new)
    diffs = differences(
        view(before, strip_key=True, strip_authorization=True),
        view(after, strip_key=True, strip_authorization=True),
    )
    return found + diffs


def _key_dropped_elsewhere(
    before: Request, old: Sequence[Marker], new: Sequence[Marker]
) -> bool:
    """A portal key sent to another host (not to a HubSpot endpoint's path) that
    the migrated request no longer sends, nor any token or other credential."""
    path = urlsplit(before.url).path or "/"
    return (
        host_class(before.url) == "other"
        and {m.kind for m in old} == {"key"}
        and not new
        and hubspot.scopes_for(before.method.upper(), path) is None
    )


def _key_left(old: Sequence[Marker], new: Sequence[Marker]) -> list[tuple[str, str]]:
    """A key still sent: any key anywhere, or a token sent as ``hapikey`` (a caller that
    now hands in tokens, to code that still sends its credential as a key)."""
    keys = sorted(
        {
            (m.value, m.where)
            for m in new
            if m.kind == "key" or (m.kind == "tok" and m.where == f"query:{KEY_PARAM}")
        }
    )
    if not keys:
        return []
    places = ", ".join(f"{value} in {where}" for value, where in keys)
    return [("key-left-unreported", f"still sends the key ({places})")]


def _token_findings(
    old: Sequence[Marker], after: Request, new: Sequence[Marker]
) -> list[tuple[str, str]]:
    expected = sorted({expected_token(m.value) for m in old if m.kind == "key"})
    bearer = [
        match.group(1)
        for value in after.header_values("authorization")
        if (match := BEARER.match(value))
    ]
    elsewhere = sorted(
        {f"{m.value} in {m.where}" for m in new if m.kind == "tok"}
        - {f"{t} in header:authorization" for t in bearer}
    )
    found: list[tuple[str, str]] = []
    if not bearer:
        where = f" (token in {', '.join(elsewhere)} instead)" if elsewhere else ""
        found.append(("credential-lost", f"no Authorization: Bearer token{where}"))
    elif not set(bearer) & set(expected):
        found.append(
            ("wrong-token", f"Bearer {', '.join(bearer)}, expected {expected}")
        )
    elif elsewhere:
        found.append(("params-changed", f"token also sent in {', '.join(elsewhere)}"))
    return found


# --- the whole case ----------------------------------------------------------------------


def files_with(sites: Iterable[Site], statuses: Iterable[str]) -> frozenset[str]:
    wanted = frozenset(statuses)
    return frozenset(site.path for site in sites if site.status in wanted)


def _signature(failure: Failure | None) -> str | None:
    if failure is None:
        return None
    return f"{failure.type}: {MARKER.sub('<credential>', failure.message)}"


def compare_case(
    before: CaseRun, after: CaseRun, sites: Sequence[Site]
) -> tuple[Verdict, ...]:
    """Every verdict for one case (both runs complete: no harness error)."""
    needs_person = files_with(sites, NEEDS_PERSON)
    kept = files_with(sites, ("kept",))
    rewritten = files_with(sites, ("rewrite",))
    verdicts = [
        classify_pair(before.case, index, old, new, needs_person, kept, rewritten)
        for index, (old, new) in enumerate(zip(before.requests, after.requests))
    ]
    crash = _crash_verdict(before, after, needs_person)
    if crash is not None:
        verdicts.append(crash)
    elif len(before.requests) != len(after.requests) or before.capped != after.capped:
        verdicts.append(_count_verdict(before, after))
    return tuple(verdicts)


def _crash_verdict(
    before: CaseRun, after: CaseRun, needs_person: frozenset[str]
) -> Verdict | None:
    old, new = _signature(before.error), _signature(after.error)
    if old == new:
        return None
    details = tuple(
        redact(f"{phase}: {text or 'no exception'}")
        for phase, text in (("before", old), ("after", new))
    )
    if after.error is None:
        assert before.error is not None
        return Verdict(
            before.case, None, WRONG, "crash-differs", before.error.where, details
        )
    files = {frame.file for frame in after.error.frames}
    kind, reason = (REPORTED, "") if files & needs_person else (WRONG, "crash-after")
    return Verdict(before.case, None, kind, reason, after.error.where, details)


def _count_verdict(before: CaseRun, after: CaseRun) -> Verdict:
    common = min(len(before.requests), len(after.requests))
    extra = before.requests[common:] or after.requests[common:]
    where = extra[0].where if extra else "?"
    details = [f"{len(before.requests)} requests before, {len(after.requests)} after"]
    if before.capped or after.capped:
        details.append(
            f"request cap reached: before {before.capped}, after {after.capped}"
        )
    details += [f"unpaired: {describe(request)}" for request in extra[:3]]
    return Verdict(
        before.case, None, WRONG, "request-count-differs", where, tuple(details)
    )
