"""A multi-tenant webhook receiver (2019): each installed portal is a sqlite row holding
either a pasted API key or an OAuth access token; ``auth_for(row)`` returns
``({"hapikey": row["api_key"]}, {})`` or a Bearer header, merged with ``{**params,
**auth_params}``; other helpers take the row's key as an argument (contacts v1 profile,
engagements v1 task). A form forwarder reads forms v2 with the portal's key and posts the
submission to api.hsforms.com without one. Keys come from the database (the scenario
stores callers' credentials there)."""

import json

ENV = {"HOOKD_DB": ":memory:"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile",
     "json": {"vid": 1, "properties": {"email": {"value": "new@lead.io"}}}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 501}}},
    {"method": "GET", "url": r"/crm/v3/objects/contacts/\d+", "json": {"id": "88"}},
    {"method": "GET", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 61}},
    {"method": "GET", "url": r"/forms/v2/forms/",
     "json": {"formFieldGroups": [{"fields": [{"name": "email"}, {"name": "firstname"}]}]}},
    {"method": "POST", "url": r"api\.hsforms\.com", "json": {"inlineMessage": "Thanks"}},
]


def _portals(credential):
    from hookd import db

    db.add_portal(101, "Keyed Co", api_key=credential("keyed"), owner_queue=7)
    db.add_portal(202, "OAuth Inc", access_token="oauth-install202")


def case_webhook_batch(credential):
    _portals(credential)
    from hookd import handler

    body = json.dumps([
        {"portalId": 101, "subscriptionType": "contact.creation", "objectId": 1},
        {"portalId": 202, "subscriptionType": "contact.creation", "objectId": 88},
        {"portalId": 101, "subscriptionType": "deal.propertyChange", "objectId": 61},
        {"portalId": 202, "subscriptionType": "deal.propertyChange", "objectId": 61},
        {"portalId": 999, "subscriptionType": "contact.creation", "objectId": 5},
    ])
    assert handler.handle(body) == {"status": 200, "handled": 4}


def case_form_forward(credential):
    _portals(credential)
    from hookd import forms

    posted = {"email": "x@y.io", "firstname": "X", "utm": "ignored"}
    assert forms.forward(101, "guid-1", posted) == 200
    assert forms.forward(202, "guid-2", posted) == 200
