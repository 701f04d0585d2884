"""A developer's setup script for a public HubSpot app (2019): webhook settings and
subscriptions and timeline event types are app-level endpoints authenticated with the
*developer* key, while custom contact properties in the test portal use the *portal* key --
and both go through the same small ``HubSpotHttp`` class, whose ``request(self, method,
path, **kwargs)`` pops ``params`` and adds the key, one instance per key. The portal step is
guarded on the key being set."""

ENV = {
    "HUBSPOT_APP_ID": "184022",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_API_KEY": "key-main",
}

RESPONSES = [
    {"method": "GET", "url": r"/webhooks/v1/184022/subscriptions",
     "json": [{"id": 1, "subscriptionDetails": {"subscriptionType": "contact.creation"}, "enabled": True},
              {"id": 2, "subscriptionDetails": {"subscriptionType": "contact.propertyChange",
                                                "propertyName": "email"}, "enabled": True}]},
    {"method": "POST", "url": r"/webhooks/v1/184022/subscriptions", "json": {"id": 3}},
    {"method": "PUT", "url": r"/webhooks/v1/184022/settings", "json": {"webhookUrl": "x"}},
    {"method": "GET", "url": r"/integrations/v1/184022/timeline/event-types",
     "json": [{"id": 5501, "name": "Meeting booked"}]},
    {"method": "PUT", "url": r"/integrations/v1/184022/timeline/event-types/5501", "json": {"id": 5501}},
    {"method": "POST", "url": r"/integrations/v1/184022/timeline/event-types", "json": {"id": 5502}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties/named/meetbot_meetings_booked",
     "json": {"name": "meetbot_meetings_booked"}},
    {"method": "GET", "url": r"/properties/v1/contacts/properties/named/", "status": 404, "json": {"status": "error"}},
    {"method": "POST", "url": r"/properties/v1/contacts/properties", "json": {"name": "meetbot_last_meeting"}},
]


def case_full_setup(credential):
    import setup_app
    setup_app.main([])


def case_timeline_only(credential):
    import setup_app
    setup_app.main(["--skip-webhooks"])


def case_portal_properties(credential):
    import setup_app
    from hubspot_http import HubSpotHttp
    setup_app.configure_portal(HubSpotHttp(credential("test_portal")))
