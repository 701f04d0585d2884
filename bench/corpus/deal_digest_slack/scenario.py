"""A cron job from a small sales team (2018-ish): plain ``urllib.request`` with a generic
``fetch(url)`` / ``post_json(url, payload)`` pair that is used for HubSpot *and* for a Slack
incoming webhook. The portal key is glued on through a ``KEY_PARAM`` constant (``"&<key
parameter>="``) concatenated later, a ``DEAL_URL`` template constant filled in by a helper that returns it,
a ``%s`` owners template, and a URL prefix constant ending in the key parameter that the
caller completes. Settings live in a separate module read from ``os.getenv``."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T02AB3CDE/B0FGH4IJK/slacksecret",
}

SINCE = 1546300800000

RESPONSES = [
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/modified.*offset=0(&|$)",
        "json": {
            "results": [{"dealId": 11}, {"dealId": 12}],
            "hasMore": True,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/recent/modified",
        "json": {"results": [{"dealId": 13}], "hasMore": False, "offset": 3},
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/11\?",
        "json": {
            "dealId": 11,
            "properties": {
                "dealname": {"value": "Acme renewal"},
                "amount": {"value": "12000"},
                "dealstage": {"value": "closedwon"},
                "hubspot_owner_id": {"value": "7"},
            },
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/13\?",
        "json": {
            "dealId": 13,
            "properties": {
                "dealname": {"value": "Globex"},
                "amount": {"value": "5000"},
                "dealstage": {"value": "closedwon"},
            },
        },
    },
    {
        "method": "GET",
        "url": r"/deals/v1/deal/\d+\?",
        "json": {
            "dealId": 12,
            "properties": {"dealstage": {"value": "appointmentscheduled"}},
        },
    },
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [{"ownerId": 7, "firstName": "Dana", "lastName": "Reyes"}],
    },
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 900}},
    },
    {"method": "POST", "url": r"hooks\.slack\.com", "json": {}},
]


def case_daily_digest(credential):
    import deal_digest

    deal_digest.run(since_ms=SINCE)


def case_single_deal_and_note(credential):
    import deal_digest

    deal = deal_digest.fetch(deal_digest.deal_url(11))
    deal_digest.add_note(deal, "manual note")


def case_owner_lookup(credential):
    import deal_digest

    deal_digest.owner_names()
