"""A Flask customer portal (2020-2021) on hubspot-api-client: `HubSpot(api_key=
current_app.config["HUBSPOT_API_KEY"])`, or `HubSpot(access_token=...)` when the customer
connected their own portal (token in the Flask session); an admin page through the
generated `BasicApi(ApiClient(configuration))` with `configuration.api_key["hapikey"] =
...`. Sign-ups go to the v3 forms endpoint on api.hsforms.com (keyless, raw requests) and
reCAPTCHA is checked against Google. Flask is faked here (app factory, routes,
`request`, `session`, `current_app`)."""

import sys
import types

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "5551",
    "HUBSPOT_SIGNUP_FORM": "f-0a0b",
    "RECAPTCHA_SECRET": "rc-secret",
}

RESPONSES = [
    {"method": "POST", "url": r"google\.com/recaptcha", "json": {"success": True}},
    {"method": "POST", "url": r"api\.hsforms\.com/submissions/v3/", "json": {"inlineMessage": "Thanks"}},
    {"method": "SDK", "url": r"/hubspot/crm\.contacts\.basic_api\.create", "json": {"id": "801"}},
    {"method": "SDK", "url": r"/hubspot/crm\.companies\.basic_api\.get_by_id",
     "json": {"id": "9", "properties": {"name": "Acme", "domain": "acme.com"}}},
    {"method": "SDK", "url": r"/hubspot/BasicApi\.get_page",
     "json": {"results": [{"properties": {"email": "a@b.c"}}]}},
]


def _install_flask():
    import contextvars
    import importlib

    _ctx = contextvars.ContextVar("flask_ctx")

    class _Proxy:
        def __init__(self, attr):
            object.__setattr__(self, "_attr", attr)

        def _target(self):
            return getattr(_ctx.get(), self._attr)

        def __getattr__(self, name):
            return getattr(self._target(), name)

        def __getitem__(self, key):
            return self._target()[key]

        def __setitem__(self, key, value):
            self._target()[key] = value

        def get(self, *args):
            return self._target().get(*args)

    class Config(dict):
        def from_object(self, path):
            module, name = path.rsplit(".", 1)
            obj = getattr(importlib.import_module(module), name)
            self.update({k: getattr(obj, k) for k in dir(obj) if k.isupper()})

    class Request:
        def __init__(self, form=None, args=None, cookies=None):
            self.form, self.args, self.cookies = form or {}, args or {}, cookies or {}

    class Flask:
        def __init__(self, name):
            self.name, self.config, self.routes = name, Config(), {}

        def route(self, rule, methods=("GET",)):
            def deco(fn):
                self.routes[rule] = fn
                return fn
            return deco

        def call(self, rule, session=None, **request_kwargs):
            ctx = types.SimpleNamespace(app=self, request=Request(**request_kwargs),
                                        session=session if session is not None else {})
            token = _ctx.set(ctx)
            try:
                import re
                for pattern, fn in self.routes.items():
                    regex = "^" + re.sub(r"<(\w+)>", r"(?P<\1>[^/]+)", pattern) + "$"
                    m = re.match(regex, rule)
                    if m:
                        return fn(**m.groupdict())
                return ("not found", 404)
            finally:
                _ctx.reset(token)

    def jsonify(*args, **kwargs):
        return dict(*args, **kwargs)

    flask = types.ModuleType("flask")
    flask.Flask, flask.jsonify = Flask, jsonify
    flask.request, flask.session, flask.current_app = _Proxy("request"), _Proxy("session"), _Proxy("app")
    sys.modules["flask"] = flask


_install_flask()


def case_signup(credential):
    import wsgi
    out = wsgi.app.call("/signup", form={"email": "new@corp.com", "company": "Corp",
                                         "g-recaptcha-response": "r1"},
                        cookies={"hubspotutk": "utk9"})
    assert out == ({"id": "801"}, 201), out


def case_company_page_api_key(credential):
    import wsgi
    assert wsgi.app.call("/companies/9") == {"name": "Acme", "domain": "acme.com"}


def case_company_page_connected_customer(credential):
    import wsgi
    sess = {}
    wsgi.app.call("/connect/callback", session=sess, args={"token": "oauth-customer42"})
    assert wsgi.app.call("/companies/9", session=sess)["name"] == "Acme"


def case_admin_contacts(credential):
    import wsgi
    assert wsgi.app.call("/admin/contacts") == {"emails": ["a@b.c"]}
