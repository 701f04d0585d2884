"""Multi-tenant webhook receiver (2018-ish): each portal's key is a column of a sqlite
row; `portal_api(hapikey)` returns a closure that sets `params["hapikey"]` and calls
`requests.request`; a `functools.partial(requests.get, timeout=10)` for companies v2 with
the row's key in params; timeline event types set up with the developer key (kept)."""

ENV = {"HUBSPOT_DEVELOPER_KEY": "devkey-app", "HUBSPOT_APP_ID": "777"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/1/profile",
        "json": {"vid": 1, "properties": {"lifecyclestage": "customer"}},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "json": {"properties": {}},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "status": 204,
        "body": "",
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/\d+",
        "json": {"associations": {"associatedCompanyIds": [31]}},
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/31",
        "json": {"properties": {"name": {"value": "Globex"}}},
    },
    {
        "method": "GET",
        "url": r"/integrations/v1/777/timeline/event-types",
        "json": [{"name": "Other", "id": 1}],
    },
    {
        "method": "POST",
        "url": r"/integrations/v1/777/timeline/event-types",
        "json": {"id": 2},
    },
]


def _setup(credential):
    from tenanthub import db

    db.connect()
    db.add_portal(100, "Acme", credential("acme"))
    db.add_portal(200, "Globex", credential("globex"))


def case_webhook_batch(credential):
    import json

    from tenanthub import handler

    _setup(credential)
    events = [
        {"portalId": 100, "objectId": 1, "subscriptionType": "contact.creation"},
        {"portalId": 200, "objectId": 2, "subscriptionType": "contact.creation"},
        {"portalId": 200, "objectId": 9, "subscriptionType": "deal.propertyChange"},
        {"portalId": 999, "objectId": 3, "subscriptionType": "contact.creation"},
    ]
    assert handler.handle(json.dumps(events)) == {"processed": 3}


def case_timeline_setup(credential):
    from tenanthub import timeline

    assert timeline.ensure_event_type("Webinar attended", "{{name}} attended") == 2
