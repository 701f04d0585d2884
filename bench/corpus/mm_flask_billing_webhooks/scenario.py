"""Flask-shaped glue service (~2021) between a Stripe-like billing API and HubSpot: a
`Config` class reads the portal key, developer key and app id from the environment and
handlers read it through `current_config()`. `hubspot_crm.py` sends CRM v3 calls with a
`params=_auth()` helper (also merged as `{**_auth(), ...}` and extended in place);
`webhook_admin.py` next to it manages `/webhooks/v1/{appId}` subscriptions with the
developer key through the same kind of helper; billing uses HTTP basic auth; the contact
form posts to api.hsforms.com without credentials."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-glue",
    "HUBSPOT_APP_ID": "271828",
    "HUBSPOT_PORTAL_ID": "9988776",
    "HUBSPOT_CONTACT_FORM": "0a1b2c3d-1111-4222-8333-444455556666",
    "BILLING_SECRET_KEY": "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
}

RESPONSES = [
    {"method": "GET", "url": r"/crm/v3/objects/deals/\d+",
     "json": {"id": "501", "properties": {"amount": "250.50", "dealname": "Pro plan"},
              "associations": {"contacts": {"results": [{"id": "601", "type": "deal_to_contact"}]}}}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts/\d+",
     "json": {"id": "601", "properties": {"email": "pat@example.com", "firstname": "Pat",
                                          "lastname": "Kim"}}},
    {"method": "POST", "url": r"/crm/v3/objects/contacts/search",
     "json": {"total": 1, "results": [{"id": "601", "properties": {"email": "pat@example.com"}}]}},
    {"method": "GET", "url": r"/webhooks/v1/\d+/subscriptions",
     "json": [{"id": 1, "subscriptionDetails": {"subscriptionType": "contact.creation"}, "enabled": True}]},
    {"method": "GET", "url": r"api\.paymint\.example/v1/customers", "json": {"data": []}},
    {"method": "POST", "url": r"api\.paymint\.example/v1/customers", "json": {"id": "cus_123"}},
    {"method": "POST", "url": r"api\.paymint\.example/v1/invoiceitems", "json": {"id": "ii_1"}},
]


def case_webhook_deal_won(credential):
    import json
    from app import routes
    body = json.dumps([
        {"subscriptionType": "deal.propertyChange", "objectId": 501,
         "propertyName": "dealstage", "propertyValue": "closedwon"},
        {"subscriptionType": "contact.creation", "objectId": 601},
        {"subscriptionType": "deal.propertyChange", "objectId": 502,
         "propertyName": "dealstage", "propertyValue": "appointmentscheduled"},
    ])
    out, status = routes.hubspot_webhook({"data": body})
    assert json.loads(out)["handled"] == 2, out


def case_contact_form(credential):
    from app import routes
    routes.contact({"form": {"email": "pat@example.com", "name": "Pat", "message": "hi"},
                    "cookies": {"hubspotutk": "fe1d2c3b4a"}})


def case_sync_webhook_subscriptions(credential):
    from app import webhook_admin
    assert webhook_admin.sync_subscriptions() == 1
