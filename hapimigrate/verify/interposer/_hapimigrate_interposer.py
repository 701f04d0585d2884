"""hapimigrate's request watcher, installed by the ``sitecustomize`` beside it in
every Python process that ``hapimigrate verify run`` starts (and in their Python
children, which inherit ``PYTHONPATH``).

It watches, without changing them, the requests the process makes to HubSpot hosts,
and appends one line of JSON per request to a file of its own in
``$HAPIMIGRATE_VERIFY_DIR``: the method, the host, the endpoint with its values
replaced by ``{}``, the names of the query parameters, whether ``hapikey`` or the old
key was sent and where, which kind of ``Authorization`` header went with it, and the
frames of the program's own code that made it. It writes no value: no token, no key,
no query value, no body. It sends nothing anywhere: it only appends to those files.

Layers watched, each the outermost a library's requests go through, so that the
mocks of a test suite, which replace what lies below, do not hide a request:

==============  ==================================================================
requests        ``requests.Session.send``: every requests API, each redirect;
                ``responses`` (``HTTPAdapter.send``) and ``requests-mock``
                (``Session.get_adapter``) mock below it
httpx           ``Client._send_single_request`` and its async twin: each request
                and redirect, after auth flows; ``respx`` and ``MockTransport``
                mock below it
aiohttp         ``ClientRequest.__init__``: each request and redirect; requests
                mocked by ``aioresponses`` (which replaces ``ClientSession._request``)
                through its ``_request_mock``
urllib3         ``HTTPConnectionPool.urlopen``: urllib3 used directly (the
                ``hubspot-api-client`` SDK)
http.client     ``HTTPConnection.request``: ``urllib.request``, ``hubspot3``,
                ``http.client`` used directly
==============  ==================================================================

A request seen by one layer is not seen again by the layers it goes through below.
Not seen: a request function replaced outright by a mock (``mock.patch("requests.get")``
sends nothing), ``http.client`` driven through ``putrequest``/``putheader`` by hand,
raw sockets, and Python started with ``-I``, ``-E`` or ``-S``.

Standard library only, and kept to Python 3.7's syntax: it runs in the watched
program's interpreter, whatever that is.
"""

import contextvars
import functools
import json
import os
import re
import sys

try:
    from urllib.parse import parse_qsl, unquote, urlsplit
except ImportError:  # pragma: no cover - Python 2 is not watched
    parse_qsl = unquote = urlsplit = None

DIR_ENV = "HAPIMIGRATE_VERIFY_DIR"
HOSTS_ENV = "HAPIMIGRATE_VERIFY_HOSTS"
HOST_PATTERN_ENV = "HAPIMIGRATE_VERIFY_HOST_PATTERN"
KEY_VARS_ENV = "HAPIMIGRATE_VERIFY_KEY_VARS"

DEFAULT_HOST_PATTERN = (
    r"(?i)^(?:[\w-]+\.)*(?:hubapi\.com|hubspot\.com|hsforms\.com|hubapi\.eu)$"
)
MAX_FRAMES = 12
MAX_BODY = 1 << 20  # larger bodies are not searched
MIN_KEY_LENGTH = 8  # shorter "keys" would match by chance
SDK_PACKAGES = {
    "hubspot": "hubspot-api-client",
    "hubspot3": "hubspot3",
    "hapi": "hapipy",
}

_HERE = os.path.dirname(os.path.abspath(__file__))
_STDLIB = tuple(
    {
        os.path.dirname(os.path.abspath(os.__file__)) + os.sep,
        os.path.dirname(os.path.realpath(os.__file__)) + os.sep,
    }
)
_LIBRARY_DIRS = (
    os.sep + "site-packages" + os.sep,
    os.sep + "dist-packages" + os.sep,
)
_VERSION = re.compile(r"^(?:v\d+|\d{4}-\d{2})$")
_VALUE = re.compile(r"[0-9@.%:]")
_HAPIKEY_IN_BODY = re.compile(
    r"""(?i)(?:^|[&?])hapikey=|["']hapikey["']\s*:|name=["']?hapikey\b"""
)
_EMPTY_TOKENS = ("", "none", "null", "undefined", "nil")

# the outermost layer a request is passing through, in this thread or task
_layer = contextvars.ContextVar("hapimigrate_verify_layer", default=None)


def template_path(path):
    """``/deals/v1/deal/7`` -> ``/deals/v1/deal/{}``: a segment that looks like a
    value (a digit, ``@``, ``.``, ``%`` or ``:`` in it, or 24 characters and more)
    becomes ``{}``; versions (``v3``, ``2026-03``) stay. Ids, e-mail addresses and
    tokens in paths are never written down."""
    out = []
    for segment in (path or "/").split("/"):
        if (
            segment
            and not _VERSION.match(segment)
            and (_VALUE.search(segment) or len(segment) >= 24)
        ):
            segment = "{}"
        out.append(segment)
    return "/".join(out) or "/"


def _text(value):
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("latin-1")
    return str(value)


def _body_text(body):
    """The body as text when it is in memory; streams, files and generators are
    not read (that would consume them)."""
    if isinstance(body, str):
        return body[:MAX_BODY]
    if isinstance(body, (bytes, bytearray, memoryview)):
        return bytes(body[:MAX_BODY]).decode("latin-1")
    return None


class _Layer(object):
    """``with _Layer("requests") as outermost:`` -- true when no other library's
    layer is already handling this request (the same layer again is a redirect)."""

    def __init__(self, name):
        self.name = name
        self.token = None

    def __enter__(self):
        current = _layer.get()
        self.token = _layer.set(current or self.name)
        return current is None or current == self.name

    def __exit__(self, *exc):
        _layer.reset(self.token)
        return False


class Watcher(object):
    def __init__(self, directory, host_pattern, hosts, key_vars):
        self.directory = directory
        self.host_pattern = re.compile(host_pattern)
        self.hosts = frozenset(h.lower() for h in hosts)
        self.key_vars = tuple(key_vars)
        self._kinds = {}

    @classmethod
    def from_environment(cls):
        directory = os.environ.get(DIR_ENV)
        if not directory or not os.path.isdir(directory):
            return None
        try:
            hosts = json.loads(os.environ.get(HOSTS_ENV) or "[]")
            key_vars = json.loads(os.environ.get(KEY_VARS_ENV) or "[]")
        except ValueError:
            hosts, key_vars = [], []
        pattern = os.environ.get(HOST_PATTERN_ENV) or DEFAULT_HOST_PATTERN
        return cls(directory, pattern, hosts, key_vars)

    # -- what a request is ---------------------------------------------------------

    def is_hubspot(self, host, port):
        host = (host or "").lower().rstrip(".")
        if not host:
            return False
        if self.host_pattern.match(host):
            return True
        shown = "[%s]" % host if ":" in host else host
        return (
            host in self.hosts
            or shown in self.hosts
            or ("%s:%s" % (shown, port)) in self.hosts
        )

    def old_keys(self):
        """The values of the old key's variables, read at each request (the program
        may load them from a file after start-up). Never written anywhere."""
        keys = []
        for name in self.key_vars:
            value = (os.environ.get(name) or "").strip()
            if len(value) >= MIN_KEY_LENGTH and not value.startswith("pat-"):
                keys.append(value)
        return keys

    def observe(self, layer, method, url, headers, body):
        """Record one request (``headers``: pairs of name and value)."""
        try:
            self._observe(layer, method, url, headers, body)
        except Exception as error:  # never break the program watched
            self.write({"type": "error", "layer": layer, "error": type(error).__name__})

    def _observe(self, layer, method, url, headers, body):
        url = _text(url)
        parts = urlsplit(url)
        try:
            port = parts.port
        except ValueError:
            port = None
        if not self.is_hubspot(parts.hostname, port):
            return
        query = parse_qsl(parts.query, keep_blank_values=True)
        names = sorted({name for name, _ in query})
        lowered = {name.lower() for name in names}
        text = _body_text(body)
        hapikey = []
        if "hapikey" in lowered:
            hapikey.append("url")
        if text is not None and _HAPIKEY_IN_BODY.search(text):
            hapikey.append("body")
        keys = self.old_keys()
        old_key = []
        if keys and _holds(url, keys):
            old_key.append("url")
        if keys and text is not None and _holds(text, keys):
            old_key.append("body")
        auth = "none"
        for name, value in headers:
            name, value = _text(name), _text(value)
            if name.lower() == "authorization":
                auth = _authorization(value, keys)
            elif keys and _holds(value, keys) and "header" not in old_key:
                old_key.append("header")
        frames, sdk = self.frames()
        host = parts.hostname or ""
        self.write(
            {
                "type": "request",
                "layer": layer,
                "method": (_text(method) or "GET").upper(),
                "scheme": parts.scheme,
                "host": ("[%s]" % host if ":" in host else host)
                + ("" if port in (None, 80, 443) else ":%d" % port),
                "endpoint": template_path(parts.path),
                "query": names,
                "hapikey": hapikey,
                "old_key": old_key,
                "access_token_param": "access_token" in lowered,
                "auth": auth,
                "frames": frames,
                "sdk": sdk,
            }
        )

    # -- where it comes from -------------------------------------------------------

    def _kind(self, filename):
        kind = self._kinds.get(filename)
        if kind is None:
            if not filename or filename.startswith("<"):
                kind = "other"
            else:
                path = os.path.abspath(filename)
                if path.startswith(_HERE + os.sep):
                    kind = "us"
                elif path.startswith(_STDLIB):
                    kind = "stdlib"
                elif any(part in path for part in _LIBRARY_DIRS):
                    kind = "library"
                else:
                    kind = "user"
            self._kinds[filename] = kind
        return kind

    def frames(self):
        """The frames of the program's own code, innermost first, and the HubSpot
        SDK the request went through, if any."""
        frames, sdk = [], None
        frame = sys._getframe(1)
        while frame is not None:
            code = frame.f_code
            kind = self._kind(code.co_filename)
            if kind == "user" and len(frames) < MAX_FRAMES:
                function = getattr(code, "co_qualname", code.co_name)
                frames.append(
                    [os.path.abspath(code.co_filename), frame.f_lineno, function]
                )
            elif kind == "library" and sdk is None:
                package = str(frame.f_globals.get("__name__") or "").split(".")[0]
                sdk = SDK_PACKAGES.get(package)
            frame = frame.f_back
        return frames, sdk

    # -- where it goes ---------------------------------------------------------------

    def write(self, record):
        """One line appended to this process's own file (a forked child writes to
        a file of its own, by its process id)."""
        line = (json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8")
        path = os.path.join(self.directory, "%d.jsonl" % os.getpid())
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        except OSError:
            return
        try:
            os.write(handle, line)
        finally:
            os.close(handle)


def _holds(text, keys):
    if any(key in text for key in keys):
        return True
    decoded = unquote(text.replace("+", " "))
    return decoded != text and any(key in decoded for key in keys)


def _authorization(value, keys):
    scheme, _, credential = value.strip().partition(" ")
    if scheme.lower() != "bearer":
        return "other"
    credential = credential.strip()
    if credential.lower() in _EMPTY_TOKENS:
        return "bearer-empty"
    if credential in keys:
        return "bearer-old-key"
    return "bearer"


# --- the hooks ---------------------------------------------------------------------

_WATCHER = None


def _url(scheme, host, port, target):
    if "://" in target:
        return target
    host = "[%s]" % host if ":" in (host or "") else host
    default = 443 if scheme == "https" else 80
    shown = "" if port in (None, default) else ":%s" % port
    return "%s://%s%s%s" % (scheme, host, shown, target)


def _wrapped(function):
    function.__hapimigrate_wrapped__ = True
    return function


def _patch_requests(module):
    cls = module.Session
    original = cls.send
    if getattr(original, "__hapimigrate_wrapped__", False):
        return

    @functools.wraps(original)
    def send(self, request, **kwargs):
        with _Layer("requests") as outermost:
            if outermost:
                _WATCHER.observe(
                    "requests",
                    request.method,
                    request.url,
                    list(request.headers.items()),
                    request.body,
                )
            return original(self, request, **kwargs)

    cls.send = _wrapped(send)


def _patch_urllib3(module):
    cls = module.HTTPConnectionPool
    original = cls.urlopen
    if getattr(original, "__hapimigrate_wrapped__", False):
        return

    @functools.wraps(original)
    def urlopen(self, method, url, body=None, headers=None, *args, **kwargs):
        with _Layer("urllib3") as outermost:
            if outermost:
                sent = headers if headers is not None else self.headers
                _WATCHER.observe(
                    "urllib3",
                    method,
                    _url(self.scheme, self.host, self.port, _text(url)),
                    list((sent or {}).items()),
                    body,
                )
            return original(self, method, url, body, headers, *args, **kwargs)

    cls.urlopen = _wrapped(urlopen)


def _patch_http_client(module):
    cls = module.HTTPConnection
    original = cls.request
    if getattr(original, "__hapimigrate_wrapped__", False):
        return
    secure = getattr(module, "HTTPSConnection", ())

    @functools.wraps(original)
    def request(self, method, url, body=None, headers={}, **kwargs):
        with _Layer("http.client") as outermost:
            if outermost:
                scheme = "https" if secure and isinstance(self, secure) else "http"
                host, port = self.host, self.port
                if getattr(self, "_tunnel_host", None):  # through a proxy
                    host, port = self._tunnel_host, self._tunnel_port
                    scheme = "https"
                _WATCHER.observe(
                    "http.client",
                    method,
                    _url(scheme, host, port, _text(url)),
                    list((headers or {}).items()),
                    body,
                )
            return original(self, method, url, body, headers, **kwargs)

    cls.request = _wrapped(request)


def _httpx_observe(request):
    body = getattr(request, "_content", None)
    _WATCHER.observe(
        "httpx",
        request.method,
        str(request.url),
        list(request.headers.multi_items()),
        body,
    )


def _patch_httpx(module):
    client = getattr(module, "Client", None)
    original = getattr(client, "_send_single_request", None)
    if original is not None and not getattr(original, "__hapimigrate_wrapped__", False):

        @functools.wraps(original)
        def send_single(self, request, *args, **kwargs):
            with _Layer("httpx") as outermost:
                if outermost:
                    _httpx_observe(request)
                return original(self, request, *args, **kwargs)

        client._send_single_request = _wrapped(send_single)
    async_client = getattr(module, "AsyncClient", None)
    original_async = getattr(async_client, "_send_single_request", None)
    if original_async is not None and not getattr(
        original_async, "__hapimigrate_wrapped__", False
    ):

        @functools.wraps(original_async)
        async def send_single_async(self, request, *args, **kwargs):
            with _Layer("httpx") as outermost:
                if outermost:
                    _httpx_observe(request)
                return await original_async(self, request, *args, **kwargs)

        async_client._send_single_request = _wrapped(send_single_async)


def _aiohttp_body(request):
    body = getattr(request, "body", None)
    if isinstance(body, (bytes, bytearray, str)):
        return body
    return getattr(body, "_value", None)


def _patch_aiohttp(module):
    cls = module.ClientRequest
    original = cls.__init__
    if getattr(original, "__hapimigrate_wrapped__", False):
        return

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        if _layer.get() in (None, "aiohttp"):
            _WATCHER.observe(
                "aiohttp",
                self.method,
                str(self.url),
                list(self.headers.items()),
                _aiohttp_body(self),
            )

    cls.__init__ = _wrapped(__init__)


def _patch_aioresponses(module):
    cls = module.aioresponses
    original = cls._request_mock
    if getattr(original, "__hapimigrate_wrapped__", False):
        return

    @functools.wraps(original)
    async def _request_mock(self, session, method, url, *args, **kwargs):
        with _Layer("aioresponses") as outermost:
            if outermost:
                try:
                    full = session._build_url(url)
                    if kwargs.get("params"):
                        full = full.extend_query(kwargs["params"])
                    headers = session._prepare_headers(kwargs.get("headers"))
                    body = kwargs.get("data")
                    if body is None and kwargs.get("json") is not None:
                        body = json.dumps(kwargs["json"])
                    _WATCHER.observe(
                        "aiohttp", method, str(full), list(headers.items()), body
                    )
                except Exception as error:
                    _WATCHER.write(
                        {
                            "type": "error",
                            "layer": "aioresponses",
                            "error": type(error).__name__,
                        }
                    )
            return await original(self, session, method, url, *args, **kwargs)

    cls._request_mock = _wrapped(_request_mock)


HOOKS = {
    "requests.sessions": ("requests", _patch_requests),
    "urllib3.connectionpool": ("urllib3", _patch_urllib3),
    "http.client": ("http.client", _patch_http_client),
    "httpx._client": ("httpx", _patch_httpx),
    "aiohttp.client_reqrep": ("aiohttp", _patch_aiohttp),
    "aioresponses.core": ("aioresponses", _patch_aioresponses),
}


def _patch(name, module):
    layer, patch = HOOKS[name]
    try:
        patch(module)
    except Exception as error:
        _WATCHER.write({"type": "error", "layer": layer, "error": type(error).__name__})
    else:
        _WATCHER.write({"type": "layer", "layer": layer})


class _AfterImport(object):
    """A meta-path finder that lets the other finders load a watched module, then
    patches it once it has run: nothing is imported before the program imports it."""

    def __init__(self):
        self.busy = set()

    def find_spec(self, name, path=None, target=None):
        if name not in HOOKS or name in self.busy:
            return None
        self.busy.add(name)
        try:
            spec = None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(name, path, target)
                if spec is not None:
                    break
        finally:
            self.busy.discard(name)
        loader = getattr(spec, "loader", None)
        if (
            loader is None
            or isinstance(loader, type)
            or not hasattr(loader, "exec_module")
        ):
            return spec
        original = loader.exec_module

        def exec_module(module):
            try:
                del loader.exec_module  # a loader may serve other modules too
            except AttributeError:
                pass
            original(module)
            if getattr(module, "__name__", None) == name:
                _patch(name, module)

        try:
            loader.exec_module = exec_module
        except (AttributeError, TypeError):
            pass
        return spec

    def find_module(self, name, path=None):  # pragma: no cover - Python < 3.4
        return None


def install():
    """Start watching this process; a no-op when ``verify run`` did not ask for it."""
    global _WATCHER
    if _WATCHER is not None or urlsplit is None:
        return
    _WATCHER = Watcher.from_environment()
    if _WATCHER is None:
        return
    _WATCHER.write(
        {
            "type": "hello",
            "pid": os.getpid(),
            "python": "%d.%d.%d" % sys.version_info[:3],
        }
    )
    for name in HOOKS:
        if name in sys.modules:
            _patch(name, sys.modules[name])
    sys.meta_path.insert(0, _AfterImport())
