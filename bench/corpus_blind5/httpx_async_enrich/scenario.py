"""Company enrichment service (2021) on `httpx.AsyncClient` with `asyncio.gather`:
an `AsyncHubSpot` wrapper whose client has `base_url` and `params={"hapikey": ...}`
from a nested frozen settings dataclass; a Clearbit client (its own Bearer key) that
also posts the Slack summary; contact counts by stage with the key read from the
environment at call time in a params dict, three requests gathered."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "CLEARBIT_KEY": "sk_clearbit_local",
    "SLACK_WEBHOOK_URL": "https://hooks.slack.com/services/T9/B9/zzz",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/companies/v2/companies/recent/created",
        "json": {
            "results": [
                {"companyId": 1, "properties": {"domain": {"value": "acme.example"}}},
                {
                    "companyId": 2,
                    "properties": {"domain": {"value": "unknown.example"}},
                },
                {"companyId": 3, "properties": {}},
            ]
        },
    },
    {
        "method": "GET",
        "url": r"clearbit\.com/.*domain=unknown",
        "status": 404,
        "json": {},
    },
    {
        "method": "GET",
        "url": r"clearbit\.com",
        "json": {"category": {"industry": "Software"}, "metrics": {"employees": 40}},
    },
    {"method": "PUT", "url": r"/companies/v2/companies/\d+", "json": {"companyId": 1}},
    {
        "method": "GET",
        "url": r"/contacts/v1/search/query.*q=lead",
        "json": {"total": 7},
    },
    {"method": "GET", "url": r"/contacts/v1/search/query", "json": {"total": 2}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
]


def case_enrich(credential):
    from enrich import service

    assert service.main() == [1]


def case_stage_counts(credential):
    import asyncio

    from enrich import contacts_stats

    assert asyncio.run(contacts_stats.stage_counts()) == {
        "subscriber": 2,
        "lead": 7,
        "customer": 2,
    }
