"""A Flask app (2020): a frozen dataclass `HubSpotSettings` built by `settings_from_env()`
and kept in `app.config`; a blueprint's routes build `ContactsService(settings)` (params
merged with `{**self.DEFAULT_PARAMS, "hapikey": ..., **extra}`, companies v2 by contact,
and a company logo fetched from a URL read out of a HubSpot property) and `LeadService`
(v3 form submission to api.hsforms.com, no key; engagement note with `"?hapikey=" + key`
where key defaults to the settings' one). Flask is stood in for by a small module the
scenario installs (Blueprint routes, `request`, `jsonify`, `current_app`)."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "998877",
    "HUBSPOT_LEAD_FORM": "0d6f0f4c-1111-4222-8333-444455556666",
}

RESPONSES = [
    {"method": "POST", "url": r"api\.hsforms\.com", "json": {"inlineMessage": "ok"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/nobody", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 61}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {}},
    {"method": "GET", "url": r"/companies/v2/companies/61/contacts", "json": {"companies": [
        {"companyId": 4, "properties": {"hs_logo_url": {"value": "https://cdn.clearbit.example/acme.png"}}}]}},
    {"method": "GET", "url": r"cdn\.clearbit\.example", "body": "PNGDATA"},
]


def _flask():
    import sys
    import types

    if "flask" in sys.modules:
        return sys.modules["flask"]
    flask = types.ModuleType("flask")

    class Request:
        json = None
        args = {}
        cookies = {}

        def get_json(self):
            return self.json

    class CurrentApp:
        app = None

        def __getattr__(self, name):
            return getattr(CurrentApp.app, name)

    class Flask:
        def __init__(self, name):
            self.config = {}
            self.views = {}

        def register_blueprint(self, bp):
            for rule, fn in bp.rules.items():
                self.views[bp.url_prefix + rule] = fn
            CurrentApp.app = self

    class Blueprint:
        def __init__(self, name, import_name, url_prefix=""):
            self.url_prefix, self.rules = url_prefix, {}

        def route(self, rule, methods=("GET",)):
            def deco(fn):
                self.rules[rule] = fn
                return fn
            return deco

    flask.Flask, flask.Blueprint, flask.request = Flask, Blueprint, Request()
    flask.jsonify = lambda data: data
    flask.current_app = CurrentApp()
    sys.modules["flask"] = flask
    return flask


def _call(path, json=None, args=None, cookies=None):
    flask = _flask()
    from webapp.app import create_app

    app = create_app()
    flask.request.json, flask.request.args = json, args or {}
    flask.request.cookies = cookies or {}
    return app.views[path]()


def case_lead_known(credential):
    out = _call("/hubspot/lead", json={"email": "ann@x.io", "name": "Ann"}, cookies={"hubspotutk": "u1"})
    assert out == {"status": 200, "known": True}, out


def case_lead_unknown(credential):
    out = _call("/hubspot/lead", json={"email": "nobody@x.io"})
    assert out["known"] is False


def case_card(credential):
    out = _call("/hubspot/card", args={"email": "ann@x.io"})
    assert out["logo_bytes"] == 7, out


def case_note_with_partner_key(credential):
    _flask()
    from webapp.services import LeadService
    from webapp.settings import settings_from_env

    svc = LeadService(settings_from_env())
    assert svc.timeline_note(61, "from partner", key=credential("partner")) == 200
