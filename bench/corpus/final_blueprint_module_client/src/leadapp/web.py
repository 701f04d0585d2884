"""Tiny route registry -- we only needed 4 endpoints, Flask was overkill on the Pi."""


class Blueprint(object):
    def __init__(self, name, prefix=""):
        self.name = name
        self.prefix = prefix
        self.routes = {}

    def route(self, path, methods=("GET",)):
        def deco(fn):
            for m in methods:
                self.routes[(m, self.prefix + path)] = fn
            return fn
        return deco

    def dispatch(self, method, path, payload=None):
        fn = self.routes[(method, path)]
        return fn(payload or {})
