"""A support-ops bridge (2019-2021) where one generic get_json/send_json helper module
serves HubSpot (params={"hapikey": ...}), Zendesk (Basic auth), an internal billing API
and Slack, all passing the same module-level HEADERS dict; a second module imports that
HEADERS into a shared requests.Session that posts to Slack and also looks up HubSpot
owners with the key in params; a pooled session with session.params = {"hapikey": ...}
set in one module is used by another for HubSpot calls and a Clearbit logo check."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "ZENDESK_SUBDOMAIN": "acme",
    "ZENDESK_TOKEN": "zdtoken1",
    "BILLING_URL": "https://billing.internal.acme.io/api",
    "SLACK_WEBHOOK": "https://hooks.slack.com/services/T1/B1/zzz",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"zendesk\.com/api/v2/organizations\.json",
        "json": {
            "organizations": [
                {"id": 1, "organization_fields": {"hubspot_company_id": 700, "tier": "silver", "billing_ref": "A-1"}},
                {"id": 2, "organization_fields": {}},
            ]
        },
    },
    {"method": "GET", "url": r"/companies/v2/companies/700", "json": {"properties": {"tier": {"value": "gold"}}}},
    {"method": "PUT", "url": r"/companies/v2/companies/700", "json": {"companyId": 700}},
    {"method": "GET", "url": r"billing\.internal", "json": {"mrr": 1200}},
    {"method": "PUT", "url": r"zendesk\.com/api/v2/organizations/1\.json", "json": {"organization": {}}},
    {"method": "GET", "url": r"/owners/v2/owners/", "json": {"firstName": "Ada", "lastName": "L"}},
    {"method": "POST", "url": r"hooks\.slack\.com", "text": "ok"},
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [
                {"companyId": 801, "properties": {"domain": {"value": "stripe.com"}}},
                {"companyId": 802, "properties": {"domain": {"value": "nologo.example"}}},
                {"companyId": 803, "properties": {"logo_url": {"value": "x"}}},
            ]
        },
    },
    {"method": "HEAD", "url": r"logo\.clearbit\.com/stripe\.com", "status": 200},
    {"method": "HEAD", "url": r"logo\.clearbit\.com/", "status": 404},
    {"method": "PUT", "url": r"/companies/v2/companies/801", "json": {}},
]


def case_sync_all(credential):
    from bridge import sync

    assert sync.sync_all() == 1


def case_escalate(credential):
    from bridge import alerts

    alerts.escalate("Acme Corp", 31)


def case_slack_then_billing(credential):
    from bridge import alerts, sync

    alerts.post("nightly sync starting")
    sync.billing_mrr("A-9")


def case_logo_enrichment(credential):
    from bridge import enrich

    assert enrich.run() == 1
