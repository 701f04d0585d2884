"""A companies clean-up job (2019): a `requests.Session` subclass with retries sets
`self.params["hapikey"]` in `__init__` and prefixes the base URL in `request()`;
helper functions take a caller-supplied session (`session = session or
requests.Session()`) and add a module-level key themselves, one with `vidOffset`
paging, another generator with `has-more`/`offset`; Slack gets a summary."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T9/B9/q",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged.*offset=0",
        "json": {
            "companies": [
                {"companyId": 1, "properties": {"website": {"value": "www.acme.test"}}},
                {
                    "companyId": 2,
                    "properties": {
                        "website": {"value": "https://globex.test"},
                        "domain": {"value": "globex.test"},
                    },
                },
            ],
            "has-more": True,
            "offset": 2,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [
                {"companyId": 3, "properties": {"website": {"value": "initech.test"}}}
            ],
            "has-more": False,
            "offset": 3,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/\d+/vids.*vidOffset",
        "json": {"vids": [30], "hasMore": False},
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/\d+/vids",
        "json": {"vids": [10, 20], "hasMore": True, "vidOffset": 20},
    },
    {"method": "GET", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 1}},
]


def case_nightly_cleanup(credential):
    from hsync import cleanup

    assert cleanup.run() == [1, 3]


def case_cleanup_for_client_portal(credential):
    from hsync import cleanup

    cleanup.run(api_key=credential("client"))


def case_helpers_without_session(credential):
    from hsync import companies

    companies.fetch_company(1)
    assert companies.company_contacts(1) == [10, 20, 30]


def case_helpers_with_plain_session(credential):
    import requests

    from hsync import companies

    with requests.Session() as session:
        session.headers["X-Request-Source"] = "backfill"
        companies.fetch_company(7, session=session)
        companies.company_contacts(7, session=session, count=2)
