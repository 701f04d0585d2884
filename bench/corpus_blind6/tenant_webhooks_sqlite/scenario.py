"""A multi-tenant agency service (2018): `agency/db.py` keeps each client portal's API key
in a SQLite row; the webhook handler looks the portal up by the event's `portalId` and
calls `hubspot.get/post(path, ..., api_key=portal["api_key"])` whose default argument is
the agency's own key (`api_key=AGENCY_KEY` read at import), posts to Slack's Web API with
a bot token, and records the deal in the agency's own portal with the default key; the
app's webhook subscriptions are managed with the developer key (kept). The tenants' keys
are callers' credentials: the configured token must not replace them."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_API_KEY": "devkey-agency",
    "HUBSPOT_APP_ID": "77001",
}

RESPONSES = [
    {"method": "GET", "url": r"/deals/v1/deal/\d+", "json": {"properties": {"dealname": {"value": "Big one"}}}},
    {"method": "POST", "url": r"slack\.com/api/chat\.postMessage", "json": {"ok": True}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 1}}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 9}},
    {"method": "GET", "url": r"/webhooks/v1/77001/subscriptions", "json": [
        {"subscriptionDetails": {"subscriptionType": "contact.creation"}}]},
    {"method": "POST", "url": r"/webhooks/v1/77001/subscriptions", "json": {"id": 3}},
]


def case_events_for_two_tenants(credential):
    from agency import db, webhooks
    db.connect()
    db.add_portal(1001, "Acme", credential("acme"), "#acme-deals")
    db.add_portal(1002, "Globex", credential("globex"))
    events = [
        {"portalId": 1001, "subscriptionType": "deal.creation", "objectId": 5},
        {"portalId": 1002, "subscriptionType": "deal.creation", "objectId": 6},
        {"portalId": 9999, "subscriptionType": "deal.creation", "objectId": 7},
        {"portalId": 1001, "subscriptionType": "contact.creation", "objectId": 8},
    ]
    assert webhooks.handle_events(events, slack_token="xoxb-slackbot-1") == 2


def case_agency_portal_direct(credential):
    from agency import hubspot
    assert hubspot.get("/deals/v1/deal/12")["properties"]["dealname"]["value"] == "Big one"


def case_app_subscriptions(credential):
    from agency import app_setup
    assert app_setup.ensure_subscription() is True
