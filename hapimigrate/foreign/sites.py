"""Sites both tree-sitter front ends make the same way."""

from __future__ import annotations

from hapimigrate.fingerprint import fingerprint
from hapimigrate.foreign.splice import position
from hapimigrate.model import Endpoint, Kind, Site, Status


def call_site(
    path: str, data: bytes, offset: int, endpoints: tuple[Endpoint, ...]
) -> Site:
    """A HubSpot call without a key at byte ``offset`` (kind ``call``, kept),
    fingerprinted by the text of its line."""
    line, column = position(data, offset)
    start = data.rfind(b"\n", 0, offset) + 1
    end = data.find(b"\n", offset)
    code = data[start : end if end != -1 else len(data)].decode("utf-8", "replace")
    return Site(
        path,
        line,
        column,
        line,
        column,
        Kind.CALL,
        Status.KEPT,
        calls=endpoints,
        fingerprint=fingerprint(Kind.CALL.value, "", code),
    )
