"""Stand-in for Flask: an app with a config dict, blueprints, an app context stack and a
test request context; view functions are called directly by scenarios."""
import json as _json

_apps = []
_requests = []


class Config(dict):
    def from_mapping(self, mapping=None, **kw):
        self.update(mapping or {}, **kw)


class Flask:
    def __init__(self, name, **kw):
        self.name = name
        self.config = Config()
        self.blueprints = {}
        self.extensions = {}
        self.view_functions = {}

    def register_blueprint(self, bp, url_prefix=None):
        self.blueprints[bp.name] = bp
        for rule, fn in bp.routes:
            self.view_functions[(url_prefix or "") + rule] = fn

    def app_context(self):
        return _Context(self)

    def test_request_context(self, path="/", method="GET", json=None, args=None, headers=None):
        return _RequestContext(self, method, json, args or {}, headers or {})


class _Context:
    def __init__(self, app):
        self.app = app

    def __enter__(self):
        _apps.append(self.app)
        return self

    def __exit__(self, *exc):
        _apps.pop()


class Request:
    def __init__(self, method, json_body, args, headers):
        self.method = method
        self._json = json_body
        self.args = args
        self.headers = headers
        self.remote_addr = "203.0.113.7"

    def get_json(self, silent=False, force=False):
        return self._json

    @property
    def json(self):
        return self._json


class _RequestContext(_Context):
    def __init__(self, app, method, json_body, args, headers):
        super().__init__(app)
        self.request = Request(method, json_body, args, headers)

    def __enter__(self):
        _requests.append(self.request)
        return super().__enter__()

    def __exit__(self, *exc):
        _requests.pop()
        return super().__exit__(*exc)


class _Proxy:
    def __init__(self, stack):
        object.__setattr__(self, "_stack", stack)

    def __getattr__(self, name):
        if not self._stack:
            raise RuntimeError("Working outside of application context.")
        return getattr(self._stack[-1], name)


current_app = _Proxy(_apps)
request = _Proxy(_requests)


class Blueprint:
    def __init__(self, name, import_name, **kw):
        self.name = name
        self.routes = []

    def route(self, rule, **options):
        def decorate(fn):
            self.routes.append((rule, fn))
            return fn

        return decorate

    def post(self, rule, **options):
        return self.route(rule, methods=["POST"])

    def get(self, rule, **options):
        return self.route(rule, methods=["GET"])


def jsonify(*args, **kw):
    data = args[0] if args else kw
    return _json.loads(_json.dumps(data))


def abort(code):
    raise RuntimeError("abort %s" % code)
