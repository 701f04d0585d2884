"""How a module's text uses a session that now carries the token in its headers.

Byte-level checks, cheap enough for every module of the tree that names the
session: requests to anything but a URL written out on a HubSpot host, headers
replaced, and the instances of a class that holds such a session (a
``requests.Session`` subclass whose ``__init__`` sets the key, or a client
whose ``self.session`` does) sending elsewhere or leaving where they are made.
"""

from __future__ import annotations

import re

_HUBSPOT_URL = re.compile(
    rb"""^\s*(?:['"]|f['"])https?://(?:[\w-]+\.)*(?:hubapi\.com|hubspot\.com)[/'"]"""
)
_VERBS = rb"(?:get|post|put|patch|delete|head|options)"
# what gives a session or client a credential of its own, in a module's text
OWN_AUTH = re.compile(
    rb"(?i)authorization|\bauth\s*=|\.auth\s*=|oauth\w*session|\bbearer\b"
)


def requests_elsewhere(data: bytes, session: str) -> bool:
    """Whether a module sends requests with ``session`` to anything but a URL
    written out on a HubSpot host: the session's token would go along."""
    return _first_elsewhere(data, session) is not None


def _first_elsewhere(data: bytes, session: str) -> int | None:
    """Where the first such request starts, if any."""
    name = re.escape(session.encode())
    found = [
        match.start()
        for match in re.finditer(rb"\b" + name + rb"\." + _VERBS + rb"\(", data)
        if not _HUBSPOT_URL.match(data[match.end() : match.end() + 200])
    ]
    other = re.search(rb"\b" + name + rb"\.(?:request|send)\(", data)
    found += [other.start()] if other else []
    return min(found) if found else None


def replaces_headers(data: bytes, session: str) -> bool:
    """``session.headers = ...`` or ``session.headers.clear()`` in a module."""
    name = re.escape(session.encode())
    return (
        re.search(rb"\b" + name + rb"\.headers\s*(?:=(?!=)|\.clear\()", data)
        is not None
    )


def instances_elsewhere(data: bytes, cls: str, attribute: str) -> int | None:
    """The first line where a module's instance of ``cls`` may send its
    session's token to another host: a request through ``instance`` (a
    session subclass, ``attribute`` empty) or ``instance.attribute`` not to a
    HubSpot URL written out, headers replaced, an instance that is not bound
    to a name (returned, passed on), a subclass, or a session subclass's
    instance used as a value. None when every use is seen to stay on HubSpot."""
    word = re.escape(cls.encode())
    lines = data.splitlines()
    names: list[bytes] = []
    for number, line in enumerate(lines, start=1):
        if not re.search(rb"\b" + word + rb"\b", line):
            continue
        if re.match(rb"\s*(?:from|import)\b", line) or re.match(
            rb"\s*class\s+" + word + rb"\b", line
        ):
            continue  # an import, the class itself
        bound = re.match(rb"\s*([A-Za-z_][\w.]*)\s*=\s*" + word + rb"\s*\(", line)
        bound = bound or re.match(
            rb"\s*(?:async\s+)?with\s+" + word + rb"\s*\(.*\)\s+as\s+(\w+)\s*:", line
        )
        if bound is None:
            return number
        names.append(bound.group(1))
    for name in dict.fromkeys(names):
        session = name + (b"." + attribute.encode() if attribute else b"")
        text = session.decode()
        elsewhere = _first_elsewhere(data, text)
        replaced = re.search(
            rb"\b" + re.escape(session) + rb"\.headers\s*(?:=(?!=)|\.clear\()", data
        )
        starts = [
            p for p in (elsewhere, replaced and replaced.start()) if p is not None
        ]
        if starts:
            return data.count(b"\n", 0, min(starts)) + 1
        if attribute:  # def get_client(): ...; return _client: the instance
            # leaves through a function, and its callers (not followed) may send
            # its session anywhere, as when its own module returns one
            returned = re.compile(
                rb"^\s*(?:return|yield)\s+" + re.escape(name) + rb"\s*(?:#.*)?$"
            )
            for number, line in enumerate(lines, start=1):
                if returned.match(line):
                    return number
        if attribute:  # notify(hs.session): the session itself, handed on
            bare = re.compile(rb"\b" + re.escape(session) + rb"\b(?!\s*[.=\[(])")
            for number, line in enumerate(lines, start=1):
                if bare.search(line):
                    return number
        if not attribute:  # the instance is the session: as a value, it leaves
            bare = re.compile(rb"\b" + re.escape(name) + rb"\b(?!\s*[.=(])")
            for number, line in enumerate(lines, start=1):
                if bare.search(line) and not re.match(
                    rb"\s*(?:del|global|nonlocal)\b", line
                ):
                    return number
    return None


def held_elsewhere(
    data: bytes, cls: str, attribute: str, followed: bool = False
) -> int | None:
    """:func:`instances_elsewhere`, for a class that may hold the session as a
    class attribute (``class Hub: session = requests.Session()``): its uses
    through the class itself (``Hub.session.post(...)``) must be requests to
    a HubSpot URL written out (``followed``: they were checked already), and
    leave nothing else behind (``notify(Hub.session)``, headers replaced)."""
    if not attribute:
        return instances_elsewhere(data, cls, attribute)
    through = _through_any_instance(data, attribute)
    if through is not None:
        return through
    held = re.escape(f"{cls}.{attribute}".encode())
    if not followed:
        line = _first_line(data, held)
        if line is not None:
            return line
    # the uses through the class are accounted for: the instances remain
    blank = re.sub(rb"\b" + held + rb"\b", lambda m: b"_" * len(m.group()), data)
    return instances_elsewhere(blank, cls, attribute)


def _through_any_instance(data: bytes, attribute: str) -> int | None:
    """``api.client.post(...)`` not to a HubSpot URL written out, whatever
    ``api`` is (a parameter, an instance made elsewhere): the first line."""
    name = re.escape(attribute.encode())
    for match in re.finditer(
        rb"(?<=\.)" + name + rb"\.(?:" + _VERBS + rb"|request|send|stream)\(", data
    ):
        if not _HUBSPOT_URL.match(data[match.end() : match.end() + 200]):
            return data.count(b"\n", 0, match.start()) + 1
    return None


def _first_line(data: bytes, held: bytes) -> int | None:
    """The first line where ``Cls.attr`` sends to anything but a HubSpot URL
    written out, has its headers replaced, or is used as a value."""
    session = rb"\b" + held + rb"\b"
    for match in re.finditer(session, data):
        rest = data[match.end() : match.end() + 300]
        verb = re.match(rb"\s*\.\s*" + _VERBS + rb"\(", rest)
        if verb is not None and _HUBSPOT_URL.match(rest[verb.end() :]):
            continue
        replaced = re.match(rb"\s*\.headers\s*(?:=(?!=)|\.clear\()", rest)
        other = re.match(rb"\s*\.(?:" + _VERBS + rb"|request|send|stream)\b", rest)
        if verb is None and replaced is None and other is None:
            if re.match(rb"\s*\.", rest):
                continue  # Hub.session.headers["X"] = ..., .mount(...): nothing sent
        return data.count(b"\n", 0, match.start()) + 1
    return None


_IMPORTS = re.compile(
    rb"^[ \t]*from[ \t]+[\w.]+[ \t]+import[ \t]*\([^)]*\)|^[ \t]*(?:from|import)\b[^\n]*",
    re.M,
)


def handed_on(data: bytes, session: str) -> int | None:
    """The first line where a module uses ``session`` (another module's) as a
    value: stored in a table or attribute, passed to a function, returned or
    yielded; where it goes from there is not followed. None when it is only
    imported and used through its attributes (``session.get(...)``)."""
    name = re.escape(session.encode())
    # a bare name is the session when imported by that name; else only
    # module.session is (the module's own locals may share the name)
    by_name = any(
        re.match(rb"\s*from\b", m.group())
        and re.search(rb"\b" + name + rb"\b", m.group())
        for m in _IMPORTS.finditer(data)
    )
    blank = _IMPORTS.sub(lambda m: re.sub(rb"[^\n]", b" ", m.group()), data)
    before = rb"(?<![\w'\"])" if by_name else rb"(?<=\.)"
    bare = re.compile(before + name + rb"\b(?![\w'\"]|\s*[.(\[]|\s*=(?!=))")
    for match in bare.finditer(blank):
        start = blank.rfind(b"\n", 0, match.start()) + 1
        line = blank[start : blank.find(b"\n", match.end())]
        if re.match(rb"\s*(?:#|global\b|nonlocal\b|del\b)", line):
            continue
        return data.count(b"\n", 0, match.start()) + 1
    return None
