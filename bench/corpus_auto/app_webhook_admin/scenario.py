"""Public-app admin script (2019): a `DeveloperClient` with `BASE = ".../webhooks/v1"`
as a class attribute and `_get(path)`/`_send(...)` helpers that send the developer API key
(app settings and subscriptions must keep it), a `TimelineClient` for timeline event
types (developer key, also by URL concatenation), and a sandbox module that creates a test
contact with an ordinary portal key."""

ENV = {
    "HUBSPOT_APP_ID": "123456",
    "HUBSPOT_DEVELOPER_API_KEY": "devkey-app",
    "WEBHOOK_TARGET_URL": "https://hooks.example.com/hubspot",
    "HUBSPOT_TEST_PORTAL_KEY": "key-main",
}

RESPONSES = [
    {"method": "GET", "url": r"/webhooks/v1/123456/settings",
     "json": {"webhookUrl": "https://old.example.com/hook"}},
    {"method": "GET", "url": r"/webhooks/v1/123456/subscriptions",
     "json": [{"subscriptionDetails": {"subscriptionType": "contact.creation"}}]},
    {"method": "POST", "url": r"/webhooks/v1/123456/subscriptions", "json": {"id": 1}},
    {"method": "PUT", "url": r"/webhooks/v1/123456/settings", "json": {}},
    {"method": "GET", "url": r"/integrations/v1/123456/timeline/event-types", "json": []},
    {"method": "POST", "url": r"/integrations/v1/123456/timeline/event-types", "json": {"id": 9}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 55}},
]


def case_setup(credential):
    from hsapp import setup_app

    setup_app.main()


def case_setup_with_smoke_test(credential):
    from hsapp import setup_app

    assert setup_app.main(smoke_test=True) == 55
