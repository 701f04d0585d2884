"""Flask when installed; otherwise just enough of it for the CI box and local runs."""
import json as _json

try:  # pragma: no cover
    from flask import Flask, abort, jsonify, request
except ImportError:

    class HTTPError(Exception):
        def __init__(self, code):
            super(HTTPError, self).__init__(code)
            self.code = code

    def abort(code):
        raise HTTPError(code)

    def jsonify(*args, **kwargs):
        return dict(*args, **kwargs)

    class _Request(object):
        def __init__(self, method="GET", data=b"", form=None, headers=None, args=None):
            self.method = method
            self.data = data
            self.form = form or {}
            self.headers = headers or {}
            self.args = args or {}

        def get_data(self):
            return self.data

        def get_json(self, silent=False):
            try:
                return _json.loads(self.data.decode("utf-8"))
            except ValueError:
                if silent:
                    return None
                raise

    class _Proxy(object):
        current = _Request()

        def __getattr__(self, name):
            return getattr(_Proxy.current, name)

    request = _Proxy()

    class _Client(object):
        def __init__(self, app):
            self.app = app

        def open(self, path, method="GET", json=None, data=None, headers=None):
            body, form = b"", None
            if json is not None:
                body = _json.dumps(json).encode("utf-8")
            elif isinstance(data, dict):
                form = data
            elif data is not None:
                body = data if isinstance(data, bytes) else data.encode("utf-8")
            _Proxy.current = _Request(method, body, form, headers)
            try:
                return self.app.routes[(path, method)]()
            except HTTPError as error:
                return {"status": error.code}

        def post(self, path, **kwargs):
            return self.open(path, "POST", **kwargs)

        def get(self, path, **kwargs):
            return self.open(path, "GET", **kwargs)

    class Flask(object):
        def __init__(self, name):
            self.name = name
            self.routes = {}
            self.config = {}

        def route(self, path, methods=("GET",)):
            def register(view):
                for method in methods:
                    self.routes[(path, method)] = view
                return view
            return register

        def test_client(self):
            return _Client(self)
