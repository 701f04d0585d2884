"""Just enough of Flask to run the blueprint in tests and scripts without Flask
installed (the deployed site has Flask; this keeps the CI image small)."""
try:  # pragma: no cover
    from flask import Blueprint, Flask, current_app, jsonify, request  # noqa: F401
except ImportError:
    import json as _json

    class _Local(object):
        app = None
        request = None

    _local = _Local()

    class _Proxy(object):
        def __init__(self, name):
            object.__setattr__(self, "_name", name)

        def __getattr__(self, attr):
            return getattr(getattr(_local, self._name), attr)

    current_app = _Proxy("app")
    request = _Proxy("request")

    class _Request(object):
        def __init__(self, method, form=None, json=None, args=None):
            self.method = method
            self.form = form or {}
            self._json = json
            self.args = args or {}

        def get_json(self, silent=False):
            return self._json

    def jsonify(*args, **kwargs):
        return _json.dumps(args[0] if args else kwargs)

    class Blueprint(object):
        def __init__(self, name, import_name):
            self.name = name
            self.rules = {}

        def route(self, rule, methods=("GET",)):
            def deco(fn):
                for m in methods:
                    self.rules[(rule, m)] = fn
                return fn

            return deco

    class Flask(object):
        def __init__(self, import_name):
            self.config = {}
            self.blueprints = {}

        def register_blueprint(self, bp, url_prefix=""):
            self.blueprints[url_prefix] = bp

        def dispatch(self, path, method="GET", **req):
            for prefix, bp in self.blueprints.items():
                if path.startswith(prefix):
                    fn = bp.rules[(path[len(prefix):] or "/", method)]
                    _local.app, _local.request = self, _Request(method, **req)
                    try:
                        return fn()
                    finally:
                        _local.request = None
            raise KeyError(path)
