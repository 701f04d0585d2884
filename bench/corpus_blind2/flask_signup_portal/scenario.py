"""A Flask customer portal (2019): an extension object `HubSpotAPI` (`init_app` reads
`app.config["HUBSPOT_API_KEY"]` from a `Config` class) with `get/post/put/delete`
delegating to `_request(method, path, **kwargs)` that does
`kwargs.setdefault("params", {})["hapikey"] = ...`; views call it (contacts v1), submit
a HubSpot form on api.hsforms.com (no auth), call an internal billing API, and admin
views build hubspot-api-client `HubSpot(api_key=...)` and hubspot3 `Hubspot3(api_key=...)`
from the same config. Flask is not installed: the scenario provides a minimal stand-in
(app, config, url rules, `request`, `current_app`, `jsonify`) and a test client."""

import sys
import types

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_PORTAL_ID": "5550001"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "json": {"vid": 3, "properties": {"email": {"value": "z@x.test"}}},
    },
    {"method": "POST", "url": r"/contacts/v1/contact/vid/\d+/profile", "status": 204},
    {
        "method": "DELETE",
        "url": r"/contacts/v1/contact/vid/\d+",
        "json": {"deleted": True},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate",
        "json": {"vid": 3},
    },
    {
        "method": "POST",
        "url": r"api\.hsforms\.com",
        "json": {"inlineMessage": "Thanks"},
    },
    {"method": "POST", "url": r"billing\.internal\.example", "json": {"id": 1}},
    {
        "method": "SDK",
        "url": r"__sdk__/hubspot/crm\.deals\.basic_api\.get_page",
        "json": {"results": [{"id": "1"}, {"id": "2"}]},
    },
    {"method": "SDK", "url": r"__sdk__/hubspot3/tickets\.get_all", "json": [{"id": 1}]},
]


def _flask_standin():
    flask = types.ModuleType("flask")
    state = {"app": None, "request": None}

    class Config(dict):
        def from_object(self, obj):
            for name in dir(obj):
                if name.isupper():
                    self[name] = getattr(obj, name)

    class Flask:
        def __init__(self, name):
            self.name, self.config, self.rules = name, Config(), []

        def add_url_rule(self, rule, endpoint, view, methods=("GET",)):
            self.rules.append((rule, tuple(methods), view))

        def test_call(self, method, path, form=None, json=None):
            for rule, methods, view in self.rules:
                parts, wanted = path.strip("/").split("/"), rule.strip("/").split("/")
                if method not in methods or len(parts) != len(wanted):
                    continue
                args = {}
                for got, want in zip(parts, wanted):
                    if want.startswith("<int:"):
                        if not got.isdigit():
                            break
                        args[want[5:-1]] = int(got)
                    elif got != want:
                        break
                else:
                    state["app"] = self
                    state["request"] = types.SimpleNamespace(form=form or {}, json=json)
                    return view(**args)
            raise LookupError(path)

    class Proxy:
        def __init__(self, key):
            self._key = key

        def __getattr__(self, name):
            return getattr(state[self._key], name)

    flask.Flask = Flask
    flask.request = Proxy("request")
    flask.current_app = Proxy("app")
    flask.jsonify = lambda obj: obj
    sys.modules["flask"] = flask


def _app():
    _flask_standin()
    from portal import create_app

    return create_app()


def case_signup(credential):
    app = _app()
    assert app.test_call(
        "POST", "/signup", form={"email": " New@x.test", "name": "New"}
    ) == {"ok": True}


def case_account_pages(credential):
    app = _app()
    assert app.test_call("GET", "/account/3")["email"] == "z@x.test"
    app.test_call("PUT", "/account/3", json={"lastname": "Zed", "city": "Oslo"})
    app.test_call("POST", "/account/3/forget")


def case_admin_sdk_views(credential):
    app = _app()
    assert app.test_call("GET", "/admin/deals") == {"count": 2}
    assert app.test_call("GET", "/admin/tickets") == {"count": 1}
