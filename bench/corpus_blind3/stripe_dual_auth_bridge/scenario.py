"""Stripe -> HubSpot bridge (2019-ish) with two auth modes: `hubspot_auth()` returns
request kwargs, `{"headers": {Bearer oauth}}` or `{"params": {"hapikey": env}}`, merged
with a call's own params/headers by `dict(a, **b)` and splatted into one generic
`fetch_json(method, url, params=, headers=, json=, auth=)` that also calls Stripe (basic
auth with its secret key) -- a token must never reach Stripe."""

ENV = {"HUBSPOT_API_KEY": "key-main", "STRIPE_SECRET_KEY": "sk_test_stripe_secret"}

CASE_ENV = {"case_sync_oauth_mode": {"HUBSPOT_OAUTH_TOKEN": "oauth-install1"}}

RESPONSES = [
    {
        "method": "GET",
        "url": r"api\.stripe\.com/v1/customers\?(?!.*starting_after)",
        "json": {
            "data": [
                {"id": "cus_1", "email": "a@x.io", "delinquent": False},
                {"id": "cus_2"},
            ],
            "has_more": True,
        },
    },
    {
        "method": "GET",
        "url": r"api\.stripe\.com/v1/customers",
        "json": {
            "data": [{"id": "cus_3", "email": "c@x.io", "delinquent": True}],
            "has_more": False,
        },
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 61},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/associated/contact/",
        "json": {"deals": []},
    },
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 3}},
]


def case_sync_key_mode(credential):
    import sync_stripe

    assert sync_stripe.run() == 2


def case_sync_oauth_mode(credential):
    import sync_stripe

    assert sync_stripe.run() == 2


def case_stripe_only(credential):
    from bridge import stripe_api

    assert len(stripe_api.customers()) == 3
