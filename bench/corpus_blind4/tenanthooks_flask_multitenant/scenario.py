"""A multi-tenant webhook receiver (~2019, Flask blueprint): each connected portal's key
is a column of its database row (sqlite here), handed to TenantClient(row["hapikey"]);
TenantClient._get(path, **params) adds params["hapikey"], add_note() builds the URL with %;
notifications go to the tenant's Slack webhook and to an internal events API with its own
Bearer token; the app's webhook target is configured with the developer key as a default
argument. Flask is stubbed here (the harness has no Flask): Blueprint.route returns the
function, request.get_json returns the batch."""

import sys
import types

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "777",
    "EVENTS_API_TOKEN": "internal-events-token",
}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"vid": 1, "properties": {"email": "x@y.io"}}},
    {"method": "GET", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 99}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def _flask(batch):
    flask = types.ModuleType("flask")

    class Blueprint:
        def __init__(self, name, import_name, url_prefix=None):
            self.name = name

        def route(self, rule, **options):
            return lambda fn: fn

    flask.Blueprint = Blueprint
    flask.request = types.SimpleNamespace(get_json=lambda: batch)
    flask.jsonify = lambda obj: obj
    sys.modules["flask"] = flask


def case_two_tenants_batch(credential):
    _flask([
        {"portalId": 1, "subscriptionType": "contact.creation", "objectId": 10},
        {"portalId": 2, "subscriptionType": "deal.propertyChange", "objectId": 20},
        {"portalId": 3, "subscriptionType": "contact.creation", "objectId": 30},
    ])
    from tenanthooks import db, views

    db.add_portal(1, "Acme", credential("acme"), "https://hooks.slack.com/services/T/B/acme")
    db.add_portal(2, "Globex", credential("globex"))
    assert views.receive() == {"handled": 2}


def case_configure_app_webhooks(credential):
    from tenanthooks import app_setup

    app_setup.configure_target("https://hooks.example.com/hooks/hubspot")
