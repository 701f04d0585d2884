"""A multi-tenant webhook receiver (2017-ish public app): each customer portal's API key
is stored in a SQLite table when it installs the app; the handler looks the key up by the
event's portalId and passes it as the first argument of plain functions that send it as
`params={"hapikey": ...}` or a `%s` URL (contacts v1, deals v1, engagements v1). The app's
own webhook subscriptions are managed with the developer key (webhooks v1), which must
stay a developer key."""

import json

ENV = {"HUBSPOT_DEVELOPER_KEY": "devkey-app", "HUBSPOT_APP_ID": "424242"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "json": {"vid": 5, "properties": {"email": "jo@acme.test"}},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/\d+",
        "json": {"dealId": 9, "properties": {"dealname": {"value": "Acme 2018"}}},
    },
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 1001}},
    },
    {
        "method": "GET",
        "url": r"/webhooks/v1/\d+/subscriptions",
        "json": [
            {"id": 1, "subscriptionDetails": {"subscriptionType": "contact.creation"}}
        ],
    },
]


def _portals(credential):
    from hookapp import db

    conn = db.connect()
    db.add_portal(conn, 111, "Acme", credential("acme"), owner_id=7)
    db.add_portal(conn, 222, "Globex", credential("globex"))
    return conn


def case_contact_and_deal_events(credential):
    from hookapp import handler

    conn = _portals(credential)
    body = json.dumps(
        [
            {
                "eventId": 1,
                "portalId": 111,
                "subscriptionType": "contact.creation",
                "objectId": 5,
                "occurredAt": 1530000000000,
            },
            {
                "eventId": 2,
                "portalId": 222,
                "subscriptionType": "deal.propertyChange",
                "objectId": 9,
                "propertyName": "dealstage",
                "propertyValue": "closedwon",
                "occurredAt": 1530000001000,
            },
            {
                "eventId": 2,
                "portalId": 222,
                "subscriptionType": "deal.propertyChange",
                "objectId": 9,
                "propertyName": "dealstage",
                "propertyValue": "closedwon",
                "occurredAt": 1530000001000,
            },
            {
                "eventId": 3,
                "portalId": 999,
                "subscriptionType": "contact.creation",
                "objectId": 6,
                "occurredAt": 1530000002000,
            },
        ]
    )
    assert handler.handle(conn, body)["notes"] == 2


def case_direct_calls(credential):
    from hookapp import hubspot

    hubspot.get_deal(credential("acme"), 9)
    hubspot.create_note(
        credential("acme"), "manual note", owner_id=3, timestamp=1530000003000
    )


def case_setup_subscriptions(credential):
    from hookapp import subscriptions

    subscriptions.ensure("https://hooks.example.com/hubspot")
