"""A public app's admin script (2018-2021): one `call(method, path, key, **kwargs)` helper
puts whatever key it is given into params["hapikey"]; the webhook and timeline
event-type modules pass the developer key, the contact lookup passes the installed
portal's key (or a caller's key) through the very same helper."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "123456",
}

RESPONSES = [
    {"method": "GET", "url": r"/webhooks/v1/123456/settings", "status": 404, "json": {"status": "error"}},
    {"method": "PUT", "url": r"/webhooks/v1/123456/settings", "json": {"webhookUrl": "x"}},
    {
        "method": "GET",
        "url": r"/webhooks/v1/123456/subscriptions",
        "json": [{"id": 1, "subscriptionDetails": {"subscriptionType": "contact.creation"}}],
    },
    {"method": "POST", "url": r"/webhooks/v1/123456/subscriptions", "json": {"id": 2}},
    {"method": "GET", "url": r"/timeline/event-types", "json": [{"id": 7, "name": "Old"}]},
    {"method": "POST", "url": r"/timeline/event-types", "json": {"id": 8}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 4242}},
]


def case_setup_app(credential):
    import setup_app

    assert setup_app.main() == (8, 4242)


def case_lookup_with_caller_key(credential):
    from hsapp import timeline

    timeline.contact_vid("someone@client.io", key=credential("client"))


def case_subscriptions_only(credential):
    from hsapp import webhooks

    webhooks.ensure_subscriptions()
