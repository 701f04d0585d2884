"""A multi-tenant Flask app (2020) installed by many HubSpot portals: each portal's API
key comes in through an /install form, is checked with /integrations/v1/me and kept in a
database; the webhook handler looks the key up by the event's portalId and builds a
`PortalClient(key)` whose `_get(path, **params)` adds `params["hapikey"]` (contacts v1,
deals v1, companies v2, crm-associations v1 PUT). Our public app's webhook subscriptions
are managed with the developer key in f-string URLs and a params dict. Events are
forwarded to an internal API with its own bearer token. Flask is a vendored shim."""

ENV = {
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "777001",
    "HUBSPOT_CLIENT_SECRET": "cs-3f2a",
    "INTERNAL_API_TOKEN": "int-9d8c7b",
}

RESPONSES = [
    {"method": "GET", "url": r"/integrations/v1/me", "json": {"portalId": 1001}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"vid": 5}},
    {"method": "GET", "url": r"/deals/v1/deal/\d+",
     "json": {"dealId": 9, "associations": {"associatedCompanyIds": [31, 32]}}},
    {"method": "GET", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 31}},
    {"method": "GET", "url": r"/webhooks/v1/777001/subscriptions",
     "json": [{"subscriptionDetails": {"subscriptionType": "deal.creation"}}]},
]


def _signed(body):
    import hashlib
    return {"X-HubSpot-Signature": hashlib.sha256(("cs-3f2a" + body).encode()).hexdigest()}


def case_install_and_webhook(credential):
    import json
    from portalhub import db
    from portalhub.app import app
    client = app.test_client()
    r = client.post("/install", data={"portal_id": "1001", "api_key": credential("acme"),
                                      "name": "Acme"})
    assert r == {"ok": True, "portal": 1001}, r
    db.save_portal(2002, "Globex", credential("globex"))
    events = [
        {"portalId": 1001, "subscriptionType": "contact.propertyChange", "objectId": 5},
        {"portalId": 2002, "subscriptionType": "deal.creation", "objectId": 9},
        {"portalId": 3003, "subscriptionType": "deal.creation", "objectId": 10},
    ]
    body = json.dumps(events)
    r = client.post("/hubspot/webhook", data=body, headers=_signed(body))
    assert r == {"handled": 2}, r


def case_install_wrong_portal(credential):
    from portalhub.app import app
    r = app.test_client().post("/install", data={"portal_id": "5", "api_key": credential("bad")})
    assert r == {"status": 400}, r


def case_subscriptions(credential):
    from portalhub import subscriptions
    assert subscriptions.ensure_subscriptions() == ["contact.propertyChange"]
    assert subscriptions.set_target("https://portalhub.example.com/hubspot/webhook")
