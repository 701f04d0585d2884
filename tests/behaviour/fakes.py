"""Recording fakes in place of the network, installed by the runner before a case runs.

Every way a request leaves the process is intercepted at the transport, so the libraries
above it (sessions, redirects, ``raise_for_status``, urllib's error processor) behave as
for real:

- requests: ``HTTPAdapter.send`` sees the ``PreparedRequest`` and returns a real
  ``Response`` built by the adapter from a urllib3 response;
- urllib3 used directly: ``HTTPConnectionPool.urlopen``;
- ``http.client`` and therefore ``urllib.request``: the connection gets a fake socket that
  keeps the bytes written and answers with a canned HTTP/1.1 response;
- httpx (when installed): ``HTTPTransport.handle_request`` and
  ``AsyncHTTPTransport.handle_async_request``;
- anything else that opens a socket or resolves a name is refused (and recorded as a
  ``socket`` request), so nothing ever reaches the network.

``time.sleep`` returns at once. Project code that a library calls back while preparing a request (a requests auth hook,
a urllib handler, an httpx auth flow) is recorded as the request's ``callbacks``.

Answers come from the scenario's ``RESPONSES`` (first match on method and a regular
expression searched in the URL; default 200 with ``{}`` as JSON).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import io
import json
import os
import re
import socket
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Mapping, Sequence

from tests.behaviour.records import Frame, Request

DEFAULT_CAP = 300
REASONS = {200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently"}
REASONS.update(
    {302: "Found", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden"}
)
REASONS.update(
    {404: "Not Found", 429: "Too Many Requests", 500: "Internal Server Error"}
)


class RequestCapReached(BaseException):
    """Raised by a fake once a case has made too many requests (an endless pagination
    loop); a BaseException so that ``except Exception`` in the project does not eat it.
    """


@dataclass(frozen=True)
class Canned:
    """One answer: status, headers and body bytes; ``data`` is the parsed JSON when the
    answer came from a scenario entry with ``json`` (SDK stand-ins return it)."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    data: Any = None
    matched: bool = False

    @property
    def reason(self) -> str:
        return REASONS.get(self.status, "Status")


def canned_from_entry(entry: Mapping[str, Any]) -> Canned:
    """A scenario RESPONSES entry: ``status``, ``headers`` and one of ``json``, ``text``,
    ``body``."""
    headers = dict(entry.get("headers") or {})
    data: Any = None
    if "json" in entry:
        data = entry["json"]
        body = json.dumps(data).encode()
        headers.setdefault("Content-Type", "application/json")
    elif "text" in entry:
        body = str(entry["text"]).encode()
        headers.setdefault("Content-Type", "text/plain; charset=utf-8")
    else:
        raw = entry.get("body", b"")
        body = raw.encode() if isinstance(raw, str) else bytes(raw)
    return Canned(
        status=int(entry.get("status", 200)),
        headers=tuple((str(k), str(v)) for k, v in headers.items()),
        body=body,
        data=data,
        matched=True,
    )


DEFAULT_ANSWER = Canned(200, (("Content-Type", "application/json"),), b"{}", None)


def decode_body(body: Any) -> str | None:
    """A request body as text for the record (files and iterables are read)."""
    if body is None:
        return None
    if isinstance(body, str):
        return body
    if isinstance(body, (bytes, bytearray, memoryview)):
        data = bytes(body)
    elif hasattr(body, "read"):
        data = body.read()
        if isinstance(data, str):
            return data
    else:
        try:
            data = b"".join(
                part.encode() if isinstance(part, str) else bytes(part) for part in body
            )
        except TypeError:
            return repr(body)
    return data.decode("utf-8", errors="backslashreplace") if data else None


class Recorder:
    """Keeps the requests of one case and answers them."""

    def __init__(
        self,
        src_dir: str,
        responses: Sequence[Mapping[str, Any]] = (),
        cap: int = DEFAULT_CAP,
    ) -> None:
        self.src_roots = tuple(
            {os.path.abspath(src_dir) + os.sep, os.path.realpath(src_dir) + os.sep}
        )
        self.responses: list[tuple[str, re.Pattern[str], Canned]] = []
        self.set_responses(responses)
        self.cap = cap
        self.requests: list[Request] = []
        self.capped = False
        self.pending: list[Frame] = []  # src code the library called back for a request

    def set_responses(self, responses: Sequence[Mapping[str, Any]]) -> None:
        self.responses = [
            (
                str(entry.get("method", "")).upper(),
                re.compile(str(entry.get("url", ""))),
                canned_from_entry(entry),
            )
            for entry in responses
        ]

    def frame(self, filename: str, line: int, function: str) -> Frame | None:
        for root in self.src_roots:
            if filename.startswith(root):
                return Frame(filename[len(root) :], line, function)
        return None

    def frames(self, frames: Iterable[tuple[str, int, str]]) -> tuple[Frame, ...]:
        """The frames inside src/, relative to it, in the order given."""
        found = (self.frame(*raw) for raw in frames)
        return tuple(frame for frame in found if frame is not None)

    def collecting(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """``function`` (a library step that calls back into the project: auth hooks,
        urllib handlers) notes every src function it runs; the next request records
        them as its ``callbacks``, so a site in such a hook counts as on its stack."""

        def profile(frame: Any, event: str, arg: Any) -> None:
            if event == "call":
                code = frame.f_code
                found = self.frame(code.co_filename, frame.f_lineno, code.co_name)
                if found is not None and found not in self.pending:
                    self.pending.append(found)

        if inspect.iscoroutinefunction(function):

            @functools.wraps(function)
            async def wrapper_async(*args: Any, **kwargs: Any) -> Any:
                previous = sys.getprofile()
                sys.setprofile(profile)
                try:
                    return await function(*args, **kwargs)
                finally:
                    sys.setprofile(previous)

            return wrapper_async

        @functools.wraps(function)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            previous = sys.getprofile()
            sys.setprofile(profile)
            try:
                return function(*args, **kwargs)
            finally:
                sys.setprofile(previous)

        return wrapper

    def stack(self) -> tuple[Frame, ...]:
        """The current stack's frames inside src/, outermost first."""
        raw = []
        frame = sys._getframe(1)
        while frame is not None:
            raw.append((frame.f_code.co_filename, frame.f_lineno, frame.f_code.co_name))
            frame = frame.f_back
        return self.frames(reversed(raw))

    def answer(self, method: str, url: str) -> Canned:
        found = DEFAULT_ANSWER
        for wanted, pattern, canned in self.responses:
            if (not wanted or wanted == method.upper()) and pattern.search(url):
                found = canned
                break
        if found.status in (204, 304) or method.upper() == "HEAD":
            found = dataclasses.replace(found, body=b"")  # HTTP allows no body here
        return found

    def record(
        self,
        transport: str,
        method: str,
        url: str,
        headers: Iterable[tuple[str, str]],
        body: Any,
        sdk_call: str = "",
    ) -> Canned:
        if len(self.requests) >= self.cap:
            self.capped = True
            raise RequestCapReached(f"more than {self.cap} requests")
        self.requests.append(
            Request(
                transport=transport,
                method=method.upper(),
                url=url,
                headers=tuple((str(k), str(v)) for k, v in headers),
                body=decode_body(body),
                stack=self.stack(),
                sdk_call=sdk_call,
                callbacks=tuple(self.pending),
            )
        )
        self.pending.clear()
        return self.answer(method, url)


def _text(value: Any) -> str:
    return value.decode("latin-1") if isinstance(value, bytes) else str(value)


# --- requests and urllib3 -------------------------------------------------------------


def install_requests(recorder: Recorder) -> None:
    try:
        import requests.adapters
        import urllib3
    except ImportError:
        return

    def send(self: Any, request: Any, *args: Any, **kwargs: Any) -> Any:
        canned = recorder.record(
            "requests",
            request.method or "GET",
            request.url,
            [(_text(k), _text(v)) for k, v in request.headers.items()],
            request.body,
        )
        raw = urllib3.HTTPResponse(
            body=io.BytesIO(canned.body),
            headers=dict(canned.headers),
            status=canned.status,
            reason=canned.reason,
            preload_content=False,
            decode_content=False,
            request_method=request.method,
            request_url=request.url,
        )
        return self.build_response(request, raw)

    requests.adapters.HTTPAdapter.send = send  # type: ignore[method-assign]
    models = requests.models.PreparedRequest
    models.prepare_auth = recorder.collecting(models.prepare_auth)  # type: ignore


def install_urllib3(recorder: Recorder) -> None:
    try:
        import urllib3
        import urllib3.connectionpool
    except ImportError:
        return

    def urlopen(
        self: Any,
        method: str,
        url: str,
        body: Any = None,
        headers: Any = None,
        **kwargs: Any,
    ) -> Any:
        port = "" if self.port in (None, 80, 443) else f":{self.port}"
        full = url if "://" in url else f"{self.scheme}://{self.host}{port}{url}"
        canned = recorder.record(
            "urllib3", method, full, list((headers or {}).items()), body
        )
        return urllib3.HTTPResponse(
            body=io.BytesIO(canned.body),
            headers=dict(canned.headers),
            status=canned.status,
            reason=canned.reason,
            preload_content=kwargs.get("preload_content", True),
            decode_content=kwargs.get("decode_content", True),
            request_method=method,
            request_url=full,
        )

    urllib3.connectionpool.HTTPConnectionPool.urlopen = urlopen  # type: ignore


# --- http.client (and so urllib.request) ----------------------------------------------


def _dechunk(data: bytes) -> bytes:
    out, rest = bytearray(), data
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2 :]
    return bytes(out)


class FakeSocket:
    """Stands in for the socket of an ``http.client`` connection: keeps what is sent,
    and when the response is read records the request and serves the canned answer."""

    def __init__(self, recorder: Recorder, scheme: str, host: str, port: int) -> None:
        self.recorder = recorder
        self.scheme, self.host, self.port = scheme, host, port
        self.sent = bytearray()

    def sendall(self, data: Any) -> None:
        self.sent += bytes(data)

    def send(self, data: Any) -> int:
        self.sent += bytes(data)
        return len(data)

    def makefile(self, mode: str = "rb", *args: Any, **kwargs: Any) -> io.BytesIO:
        raw, self.sent = bytes(self.sent), bytearray()
        return io.BytesIO(self._exchange(raw))

    def _exchange(self, raw: bytes) -> bytes:
        head, _, body = raw.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        method, target = (lines[0].split(" ") + ["", ""])[:2]
        headers = [
            tuple(part.strip() for part in line.split(":", 1)) for line in lines[1:]
        ]
        pairs = [(h[0], h[1] if len(h) > 1 else "") for h in headers if h[0]]
        if any(
            k.lower() == "transfer-encoding" and "chunked" in v.lower()
            for k, v in pairs
        ):
            body = _dechunk(body)
        if "://" in target:
            url = target
        else:
            default = 443 if self.scheme == "https" else 80
            port = "" if self.port in (None, default) else f":{self.port}"
            url = f"{self.scheme}://{self.host}{port}{target}"
        via_urllib = any(
            f.f_code.co_filename.endswith(os.path.join("urllib", "request.py"))
            for f in _walk(sys._getframe(1))
        )
        canned = self.recorder.record(
            "urllib" if via_urllib else "http.client",
            method,
            url,
            pairs,
            body if body else None,
        )
        header_lines = [f"{k}: {v}" for k, v in canned.headers]
        header_lines.append(f"Content-Length: {len(canned.body)}")
        status_line = f"HTTP/1.1 {canned.status} {canned.reason}"
        text = "\r\n".join([status_line, *header_lines]) + "\r\n\r\n"
        return text.encode("latin-1") + canned.body

    def close(self) -> None:
        pass

    def settimeout(self, *args: Any) -> None:
        pass

    def setsockopt(self, *args: Any) -> None:
        pass

    def shutdown(self, *args: Any) -> None:
        pass

    def fileno(self) -> int:
        return -1


def _walk(frame: Any) -> Iterable[Any]:
    while frame is not None:
        yield frame
        frame = frame.f_back


def install_http_client(recorder: Recorder) -> None:
    import http.client
    import urllib.request

    opener = urllib.request.OpenerDirector
    opener.open = recorder.collecting(opener.open)  # type: ignore[method-assign]

    def connect_http(self: Any) -> None:
        self.sock = FakeSocket(recorder, "http", self.host, self.port)

    def connect_https(self: Any) -> None:
        self.sock = FakeSocket(recorder, "https", self.host, self.port)

    http.client.HTTPConnection.connect = connect_http  # type: ignore[method-assign]
    http.client.HTTPSConnection.connect = connect_https  # type: ignore[method-assign]


# --- httpx ------------------------------------------------------------------------------


def install_httpx(recorder: Recorder) -> None:
    try:
        import httpx
    except ImportError:
        return

    def respond(request: Any, body: bytes) -> Any:
        canned = recorder.record(
            "httpx",
            request.method,
            str(request.url),
            [(_text(k), _text(v)) for k, v in request.headers.multi_items()],
            body,
        )
        return httpx.Response(
            canned.status,
            headers=list(canned.headers),
            content=canned.body,
            request=request,
        )

    def handle_request(self: Any, request: Any) -> Any:
        return respond(request, request.read())

    async def handle_async_request(self: Any, request: Any) -> Any:
        return respond(request, await request.aread())

    httpx.HTTPTransport.handle_request = handle_request  # type: ignore[method-assign]
    httpx.AsyncHTTPTransport.handle_async_request = handle_async_request  # type: ignore
    for client in (httpx.Client, httpx.AsyncClient):  # auth flows and event hooks
        if hasattr(client, "_send_handling_auth"):
            client._send_handling_auth = recorder.collecting(  # type: ignore
                client._send_handling_auth
            )


# --- the last line of defence -----------------------------------------------------------


class NetworkDisabled(OSError):
    pass


def block_sockets(recorder: Recorder) -> None:
    """Name resolution and connections over IP raise (and are recorded)."""

    def refuse(host: Any, port: Any) -> None:
        try:
            recorder.record("socket", "CONNECT", f"tcp://{host}:{port}", (), None)
        finally:
            raise NetworkDisabled(f"network disabled in the behaviour harness: {host}")

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        refuse(host, port)

    original_connect = socket.socket.connect
    original_connect_ex = socket.socket.connect_ex

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(*address[:2])
        original_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            refuse(*address[:2])
        return original_connect_ex(self, address)

    socket.getaddrinfo = getaddrinfo  # type: ignore[assignment]
    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]


def no_sleep() -> None:
    """``time.sleep`` returns at once: back-off and rate limiting in project code cost no
    time, and nothing depends on the clock."""

    def sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")

    time.sleep = sleep


def install(recorder: Recorder) -> None:
    """Every fake, sockets blocked last."""
    no_sleep()
    install_requests(recorder)
    install_urllib3(recorder)
    install_http_client(recorder)
    install_httpx(recorder)
    block_sockets(recorder)
