"""Shop/Mailchimp/HubSpot bridge (2021): a module that uses hubspot-api-client
(`HubSpot(api_key=API_KEY)`, and `HubSpot(api_key=partner_key)` for a referring
partner's portal) and raw requests (owners v2 with params, engagements v1 with an
f-string `?hapikey=`) side by side; a service class holding a frozen dataclass of
settings from a factory, sending the key with `dict(hapikey=..., **extra)`, the SDK
for search, and Mailchimp with basic auth."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "MAILCHIMP_API_KEY": "mc-local-value-us6",
    "MAILCHIMP_LIST_ID": "abc123",
}

RESPONSES = [
    {"url": r"__sdk__/hubspot/crm\.contacts\.basic_api\.create", "json": {"id": "901"}},
    {
        "url": r"__sdk__/hubspot/crm\.contacts\.search_api\.do_search",
        "json": {"total": 1, "results": [{"id": "901"}]},
    },
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 5}]},
    {
        "method": "GET",
        "url": r"/engagements/v1/engagements/associated/CONTACT/901/paged",
        "json": {"results": [{"engagement": {"id": 1}}], "hasMore": False},
    },
    {
        "method": "GET",
        "url": r"/email/public/v1/subscriptions/",
        "json": {"subscribed": True},
    },
    {"method": "PUT", "url": r"/email/public/v1/subscriptions/", "json": {}},
    {
        "method": "PATCH",
        "url": r"api\.mailchimp\.com",
        "json": {"status": "unsubscribed"},
    },
]


def case_signup(credential):
    from crmbridge import signup

    assert signup.on_signup({"email": "ann@example.com", "first_name": "Ann"}) == (
        "901",
        1,
    )


def case_partner_signup(credential):
    from crmbridge import signup

    assert signup.on_signup(
        {"email": "bob@example.com"}, referral_key=credential("partner")
    ) == ("901", 0)


def case_owners(credential):
    from crmbridge import hubspot_client

    assert hubspot_client.owners() == [{"ownerId": 5}]


def case_unsubscribe(credential):
    from crmbridge.subscriptions import SubscriptionService

    service = SubscriptionService()
    assert service.status("ann@example.com") is True
    service.unsubscribe("ann@example.com")
