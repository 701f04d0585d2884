"""What the interposer wrote: one :class:`Request` per HubSpot request, with the
frames of the program's own code that made it, read back from the files of every
process it watched."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Frame:
    path: str  # relative to the folder verify run ran in when inside it
    line: int
    function: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Request:
    layer: str  # requests, httpx, aiohttp, urllib3, http.client
    method: str
    host: str  # with its port when not the scheme's own
    scheme: str
    endpoint: str  # values replaced by {}
    query: tuple[str, ...] = ()  # parameter names only
    hapikey: tuple[str, ...] = ()  # where hapikey was sent: url, body
    old_key: tuple[str, ...] = ()  # where the old key's value was: url, body, header
    access_token_param: bool = False
    auth: str = "none"  # bearer, bearer-empty, bearer-old-key, other, none
    frames: tuple[Frame, ...] = ()  # innermost first
    sdk: str | None = None

    @property
    def where(self) -> Frame | None:
        """The frame of the program's own code that made the request."""
        return self.frames[0] if self.frames else None


@dataclass
class Watched:
    """Everything the processes of one run wrote."""

    requests: list[Request] = field(default_factory=list)
    processes: int = 0  # Python processes that loaded the interposer
    layers: set[str] = field(default_factory=set)  # libraries it hooked
    errors: int = 0  # requests it could not look at


def read(directory: str, root: str) -> Watched:
    """The records in ``directory``; frame paths made relative to ``root``."""
    watched = Watched()
    for name in sorted(os.listdir(directory)):
        if not name.endswith(".jsonl"):
            continue
        with open(os.path.join(directory, name), encoding="utf-8") as handle:
            for line in handle:
                try:
                    record = json.loads(line)
                except ValueError:  # a process killed halfway through a line
                    continue
                if isinstance(record, dict):
                    _take(watched, record, root)
    return watched


def _take(watched: Watched, record: dict, root: str) -> None:
    kind = record.get("type")
    if kind == "hello":
        watched.processes += 1
    elif kind == "layer":
        watched.layers.add(str(record.get("layer")))
    elif kind == "error":
        watched.errors += 1
    elif kind == "request":
        watched.requests.append(
            Request(
                layer=str(record.get("layer", "")),
                method=str(record.get("method", "GET")),
                host=str(record.get("host", "")),
                scheme=str(record.get("scheme", "")),
                endpoint=str(record.get("endpoint", "/")),
                query=tuple(record.get("query") or ()),
                hapikey=tuple(record.get("hapikey") or ()),
                old_key=tuple(record.get("old_key") or ()),
                access_token_param=bool(record.get("access_token_param")),
                auth=str(record.get("auth", "none")),
                frames=tuple(
                    Frame(relative(str(f[0]), root), int(f[1]), str(f[2]))
                    for f in record.get("frames") or ()
                ),
                sdk=record.get("sdk"),
            )
        )


def relative(path: str, root: str) -> str:
    """``path`` relative to ``root`` when inside it, else as it is."""
    try:
        inside = os.path.commonpath([os.path.abspath(path), root]) == root
    except ValueError:
        inside = False
    return os.path.relpath(path, root) if inside else path
