"""SaaS signup bridge (~2021) on hubspot-api-client: `bridge/hubspot_client.py` builds one
`HubSpot(api_key=settings.HUBSPOT_API_KEY)` lazily and the contacts module uses it
(`crm.contacts.basic_api.get_page/create`), a deals module builds its own client with
`hubspot.Client.create(api_key=...)`, and a lists module still calls a v1 endpoint with
`requests` and the key in a `params=` dict because the SDK lacks it. The hourly job
pulls signups (and churned accounts) from the company's own backend (token header)
and reports back."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "BACKEND_URL": "https://app.tidyhive.example/api/internal",
    "BACKEND_TOKEN": "be-91c2",
}

RESPONSES = [
    # answers for the SDK calls (the harness's SDK stand-ins look these up by chain)
    {"method": "SDK", "url": r"/hubspot/crm\.contacts\.basic_api\.create",
     "json": {"id": "1201", "properties": {"email": "team@example.com"}}},
    {"method": "SDK", "url": r"/hubspot/crm\.contacts\.basic_api\.get_page",
     "json": {"results": [{"id": "1199", "properties": {"email": "old@example.com"}}],
              "paging": None}},
    {"method": "SDK", "url": r"/hubspot/crm\.deals\.basic_api\.create",
     "json": {"id": "3301", "properties": {"dealname": "trial"}}},
    {"method": "GET", "url": r"tidyhive\.example/api/internal/signups",
     "json": {"signups": [
         {"id": 1, "email": "free@example.com", "plan": "free"},
         {"id": 2, "email": "team@example.com", "first_name": "Te", "last_name": "Am", "plan": "team"},
     ]}},
    {"method": "GET", "url": r"tidyhive\.example/api/internal/accounts/churned",
     "json": {"accounts": [{"id": 5, "hubspot_id": "1201", "reason": "price"},
                           {"id": 6, "hubspot_id": None}]}},
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/(add|remove)",
     "json": {"updated": [1, 2], "discarded": [], "invalidEmails": []}},
]


def case_hourly_sync(credential):
    from bridge import jobs
    assert jobs.sync_signups("2021-05-01T00:00:00Z") == 2


def case_latest_contacts(credential):
    from bridge import contacts
    contacts.latest_contacts(limit=10)


def case_trial_deal_command(credential):
    from bridge import deals
    deals.create_trial_deal("901", "x@example.com", "business", 199)


def case_add_to_custom_list(credential):
    from bridge import lists
    lists.add_to_signup_list(["a@example.com"], list_id=77)


def case_daily_churn(credential):
    from bridge import jobs
    assert jobs.sync_churn("2021-05-01") == 1
