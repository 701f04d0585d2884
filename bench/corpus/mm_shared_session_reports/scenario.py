"""Cron reporting package (~2019): `hsreports/http.py` builds one module-level
`requests.Session` with `session.params = {...key...}` and an Accept header, and the
contacts/companies/engagements modules import and use it (`session.get`, `session.post`,
and a `_call` helper around `session.request(method, url, **kwargs)`). The weekly job
later *replaces* `session.headers` wholesale in another module before running, then posts
a summary to Slack with plain `requests`."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged.*offset=250",
        "json": {
            "companies": [
                {"companyId": 9, "properties": {"num_associated_deals": {"value": "1"}}}
            ],
            "has-more": False,
            "offset": 251,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [
                {
                    "companyId": 8,
                    "properties": {"num_associated_deals": {"value": "12"}},
                },
                {
                    "companyId": 3,
                    "properties": {"num_associated_deals": {"value": "4"}},
                },
            ],
            "has-more": True,
            "offset": 250,
        },
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/recent",
        "json": {
            "contacts": [
                {
                    "vid": 1,
                    "properties": {"hs_analytics_source": {"value": "ORGANIC_SEARCH"}},
                },
                {"vid": 2, "properties": {}},
            ],
            "has-more": False,
        },
    },
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 555}},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/vid/\d+/profile",
        "json": {"vid": 1},
    },
]


def case_weekly_report(credential):
    from hsreports import weekly

    tiers = weekly.run()
    assert tiers == {"gold": 1, "silver": 1, "bronze": 1}, tiers


def case_contact_lookup_without_configure(credential):
    from hsreports import contacts

    contacts.get_contact(1)
    contacts.recently_created(count=5)


def case_company_tagging(credential):
    from hsreports import companies, engagements

    companies.tag_company(8, "gold")
    engagements.log_report_note(8, "manual note")
