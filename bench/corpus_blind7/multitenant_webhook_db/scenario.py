"""A multi-tenant webhook service (2019): each installed portal's API key is a column of a
sqlite row; `key_for(portal_id)` reads it (falling back to a dict holding the house
portal's key from the environment) and sends it as `params={"hapikey": key}`; deals are
fetched with a `.format(key=row["api_key"])` URL; a shared `post_json(url, payload,
api_key=None)` appends `?hapikey=` only when given a key and is used both for HubSpot
engagements (v1) and for each tenant's Slack webhook."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {
        "vid": 1, "properties": {"email": "x@tenant.io"}}},
    {"method": "GET", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 42}},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 9}}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def _setup(credential):
    from tenants import db

    db.init(":memory:")
    db.add_portal(1001, credential("alpha"), "https://hooks.slack.com/services/TA/BA/alpha", 7)
    db.add_portal(1002, credential("beta"), None, None)


def case_contact_creation_two_tenants(credential):
    _setup(credential)
    from tenants import webhooks

    body = ('[{"portalId": 1001, "subscriptionType": "contact.creation", "objectId": 11},'
            ' {"portalId": 1002, "subscriptionType": "contact.creation", "objectId": 12}]')
    assert webhooks.handle(body) == {"handled": 2}


def case_deal_change(credential):
    _setup(credential)
    from tenants import webhooks

    body = '[{"portalId": 1001, "subscriptionType": "deal.propertyChange", "objectId": 42}]'
    assert webhooks.handle(body) == {"handled": 1}


def case_house_portal(credential):
    _setup(credential)
    from tenants import webhooks

    body = '[{"portalId": 62515, "subscriptionType": "contact.creation", "objectId": 5}]'
    assert webhooks.handle(body) == {"handled": 1}
