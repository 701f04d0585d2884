"""A marketplace app (2019) whose `HubSpotBase.call()` adds `params[KEYPARAM] = self._key`
for every subclass: `WebhookSettings` and `TimelineTypes` are built with the developer
account's key (webhook subscriptions and settings, timeline event types: developer-key
APIs), `PortalClient` subclasses with a portal's key (contacts, lists, properties), from
the configuration or a portal key the webhook handler's caller passes in. The base class
is shared: a rewrite of `call()` that sends a token would break the developer calls."""

ENV = {
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_APP_ID": "180233",
}

RESPONSES = [
    {"method": "GET", "url": r"/webhooks/v1/180233/subscriptions",
     "json": [{"subscriptionDetails": {"subscriptionType": "contact.creation"}}]},
    {"method": "POST", "url": r"/webhooks/v1/180233/subscriptions", "json": {"id": 5}},
    {"method": "PUT", "url": r"/webhooks/v1/180233/settings", "json": {}},
    {"method": "GET", "url": r"/integrations/v1/180233/timeline/event-types", "json": []},
    {"method": "POST", "url": r"/integrations/v1/180233/timeline/event-types", "json": {"id": 9}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties", "json": [{"name": "email"}]},
    {"method": "POST", "url": r"/properties/v1/contacts/properties", "json": {"name": "webinar_score"}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/44/profile",
     "json": {"vid": 44, "properties": {"lifecyclestage": {"value": "lead"}}}},
    {"method": "POST", "url": r"/contacts/v1/lists/311/add", "json": {"updated": [44]}},
]


def case_setup_app(credential):
    from hsapp import setup_app
    assert setup_app.run() is True


def case_webhook_for_installed_portal(credential):
    from hsapp import handlers
    assert handlers.on_contact_created({"objectId": 44}, portal_key=credential("acme")) is True


def case_webhook_for_own_portal(credential):
    from hsapp import handlers
    assert handlers.on_contact_created({"objectId": 44}) is True
