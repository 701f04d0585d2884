"""A local stand-in for HubSpot's API, on 127.0.0.1, for end-to-end tests.

Like HubSpot today it answers 401 to a portal API key (``hapikey``) and accepts
only ``Authorization: Bearer <token>``. App-level (developer) endpoints still take
the developer key as ``hapikey``. Every request is recorded for the test to check.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from hapimigrate import hubspot

BODY = {
    "vid": 51,
    "dealId": 7,
    "contacts": [],
    "deals": [],
    "companies": [],
    "results": [],
}


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    query: dict
    authorization: str | None
    raw: str  # request line and headers, as received

    @property
    def hapikey(self) -> str | None:
        values = self.query.get("hapikey")
        return values[0] if values else None


class StandIn:
    def __init__(self, token: str, developer_key: str) -> None:
        self.token = token
        self.developer_key = developer_key
        self.seen: list[Seen] = []
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> StandIn:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def answer(self, seen: Seen) -> int:
        if hubspot.auth_kind(seen.method, seen.path) == hubspot.DEVELOPER_KEY:
            return 200 if seen.hapikey == self.developer_key else 401
        if seen.hapikey is not None:
            return 401  # portal API keys are sunset
        return 200 if seen.authorization == f"Bearer {self.token}" else 401

    def _handler(self):
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                parts = urlsplit(self.path)
                seen = Seen(
                    self.command,
                    parts.path,
                    parse_qs(parts.query),
                    self.headers.get("Authorization"),
                    self.requestline + "\n" + str(self.headers),
                )
                standin.seen.append(seen)
                status = standin.answer(seen)
                body = json.dumps(
                    BODY if status == 200 else {"status": "error"}
                ).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = _serve

            def log_message(self, *args) -> None:
                pass

        return Handler
