"""A Flask app factory (2019): ``create_app()`` fills ``app.config`` from the environment
(``HUBSPOT_API_KEY``, a Slack webhook URL); a blueprint's views call ``crm.py``, which
sends every HubSpot request through ``post_json(url, payload, key=None)`` /
``get_json(url, key=None, **params)`` in ``outbound.py``, which append ``?hapikey=`` only
when a key is given, with the key read from ``current_app.config`` by ``hubspot_key()``.
The same ``post_json`` posts lead alerts to Slack without a key. Flask is stood in for by
a tiny fake installed by the scenario (config dict, blueprints, app context, request)."""

import sys
import types

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_PORTAL_ID": "313",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T000/B000/XXXX",
    "LEAD_LIST_ID": "44",
}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 71, "isNew": True}},
    {"method": "POST", "url": r"/contacts/v1/lists/44/add", "json": {"updated": [71]}},
    {"method": "POST", "url": r"/companies/v2/domains/globex\.com/companies", "json": {"results": [{"companyId": 9}]}},
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/71/profile",
     "json": {"properties": {"hubspot_owner_id": {"value": "12"}}}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"properties": {}}},
    {"method": "GET", "url": r"/owners/v2/owners/12", "json": {"email": "rep@co.io"}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def _install_flask():
    if "flask" in sys.modules:
        return
    flask = types.ModuleType("flask")
    state = {"app": None, "request": None}

    class Config(dict):
        def from_mapping(self, mapping=None, **kwargs):
            self.update(mapping or {}, **kwargs)

    class Flask:
        def __init__(self, name):
            self.name = name
            self.config = Config()
            self.blueprints = {}

        def register_blueprint(self, bp, url_prefix=""):
            self.blueprints[bp.name] = bp

        def app_context(self):
            app = self

            class Ctx:
                def __enter__(self):
                    state["app"] = app

                def __exit__(self, *exc):
                    state["app"] = None

            return Ctx()

    class Blueprint:
        def __init__(self, name, import_name):
            self.name = name

        def route(self, rule, **options):
            return lambda fn: fn

    class Proxy:
        def __init__(self, key):
            object.__setattr__(self, "_key", key)

        def __getattr__(self, name):
            return getattr(state[self._key], name)

    flask.Flask, flask.Blueprint = Flask, Blueprint
    flask.current_app, flask.request = Proxy("app"), Proxy("request")
    flask.jsonify = lambda data: dict(data)
    flask._state = state
    sys.modules["flask"] = flask


def _request(json_body):
    return types.SimpleNamespace(get_json=lambda: json_body)


def case_create_lead(credential):
    _install_flask()
    import flask
    from webapp import create_app, routes

    app = create_app()
    with app.app_context():
        flask._state["request"] = _request({"email": " Ann@Globex.com", "name": "Ann"})
        assert routes.create_lead() == {"vid": 71, "company": 9}
        flask._state["request"] = _request({"email": "bob@nowhere.io"})
        assert routes.create_lead() == {"vid": 71, "company": None}


def case_lead_owner(credential):
    _install_flask()
    from webapp import create_app, routes

    app = create_app({"SLACK_WEBHOOK_URL": None})
    with app.app_context():
        assert routes.lead_owner(71) == {"owner": "rep@co.io"}
        assert routes.lead_owner(72) == {"owner": None}


def case_test_config_key(credential):
    _install_flask()
    from webapp import create_app, crm

    app = create_app({"HUBSPOT_API_KEY": credential("staging"), "LEAD_LIST_ID": 0})
    with app.app_context():
        assert crm.upsert_contact("qa@co.io", {"firstname": "QA"}) == 71
        assert crm.add_to_lead_list(71) is None
