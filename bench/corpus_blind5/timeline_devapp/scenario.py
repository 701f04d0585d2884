"""A webinar developer app (2019) configured from YAML: a timeline event type and
webhook subscriptions created with the developer API key, contacts and forms in the
company's own portal with the portal key, both through ONE helper
`hs_request(method, path, api_key, body=None, **query)` that formats `?hapikey=%s`;
sign-ups are posted to the v3 form submission endpoint (no key). A tool that
replaces the helper's key with the token breaks the developer calls; one that gives
the form submission a token is wrong too."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEVELOPER_KEY": "devkey-webinar"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/integrations/v1/198765/timeline/event-types",
        "json": [{"id": 11, "name": "Other"}],
    },
    {
        "method": "POST",
        "url": r"/integrations/v1/198765/timeline/event-types",
        "json": {"id": 12},
    },
    {"method": "PUT", "url": r"/webhooks/v1/198765/settings", "json": {}},
    {
        "method": "GET",
        "url": r"/webhooks/v1/198765/subscriptions",
        "json": [
            {"id": 1, "subscriptionDetails": {"subscriptionType": "contact.creation"}}
        ],
    },
    {"method": "POST", "url": r"/webhooks/v1/198765/subscriptions", "json": {"id": 2}},
    {
        "method": "GET",
        "url": r"/forms/v2/forms/",
        "json": {
            "formFieldGroups": [{"fields": [{"name": "email"}, {"name": "firstname"}]}]
        },
    },
    {
        "method": "POST",
        "url": r"api\.hsforms\.com/submissions/v3/integration/submit/",
        "json": {"inlineMessage": "Thanks"},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 3, "isNew": True},
    },
]


def case_setup(credential):
    from devapp import setup

    assert setup.main() == (12, 200)


def case_registrant(credential):
    from devapp import portal

    assert portal.upsert_registrant("ann@example.com", "Q3 launch")["vid"] == 3


def case_signup_with_cookie(credential):
    from devapp import portal

    assert portal.submit_signup("bob@example.com", hutk="0123456789abcdef") == 200
