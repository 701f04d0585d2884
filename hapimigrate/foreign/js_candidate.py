"""A hapikey use of a JavaScript file as found, before it is decided (see
:mod:`.javascript`): where it is, the edits that would migrate it, the key, the
requests it reaches and their endpoints."""

from __future__ import annotations

from dataclasses import dataclass

from hapimigrate.foreign import js_keys
from hapimigrate.foreign.js_requests import Request
from hapimigrate.foreign.js_syntax import Node
from hapimigrate.foreign.splice import Edit
from hapimigrate.model import Endpoint, Kind


@dataclass(frozen=True)
class Candidate:
    """A use found, before the decision: its place, the edits removing the key
    (or the replacement, for an SDK client), the requests it reaches and their
    endpoints; ``reason`` when it cannot be migrated whatever is decided."""

    kind: Kind
    offset: int  # of the word (hapikey, apiKey) in the file
    width: int
    removal: tuple[Edit, ...] = ()
    key: js_keys.Origin | None = None
    requests: tuple[tuple[Request, bool], ...] = ()
    calls: tuple[Endpoint, ...] = ()
    templates: tuple[str, ...] = ()  # the URL each call is sent to
    reason: str = ""
    ends_query: bool = False  # the cut leaves no ? in the URL
    session: Node | None = None  # axios.create options that take the header
    sdk_token: bool = False  # the edit puts the token in (SDK clients)
    key_node: Node | None = None  # the key expression, for its guards
