"""A company-enrichment bot (~2019): http.py builds a module-level requests.Session with
session.params = {"hapikey": settings.HUBSPOT_KEY} and shared DEFAULT_HEADERS from the
settings module; companies, engagements and enrich import and use it. enrich.py also calls
an enrichment vendor (its own Bearer token) and fetches a logo URL read from the vendor's
answer, both with plain requests and the same settings.DEFAULT_HEADERS dict: a migration
that puts the HubSpot token into DEFAULT_HEADERS sends it to both other hosts."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "ENRICH_API_TOKEN": "vendor-secret-1",
}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=100", "json": {"companies": [{"companyId": 2}], "has-more": False, "offset": 101}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {"companies": [{"companyId": 1, "updatedAt": 1600000000000}], "has-more": True, "offset": 100}},
    {"method": "GET", "url": r"/companies/v2/companies/1(\?|$)", "json": {"companyId": 1, "properties": {"domain": {"value": "acme.io"}}}},
    {"method": "GET", "url": r"/companies/v2/companies/2(\?|$)", "json": {"companyId": 2, "properties": {}}},
    {"method": "GET", "url": r"clearbit\.example/.*domain=acme", "json": {"company": {"employees": 250, "logo": "https://logo.cdn.example/acme.png"}}},
    {"method": "GET", "url": r"logo\.cdn\.example", "body": "PNGDATA"},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 77}}},
    {"method": "GET", "url": r"/owners/v2/owners/5", "json": {"email": "rep@example.com"}},
]


def case_nightly_run(credential):
    from enrichbot import main

    assert main.run() == 1


def case_owner_and_note(credential):
    from enrichbot import engagements, enrich

    assert enrich.owner_email(5) == "rep@example.com"
    assert engagements.note(3, "hello", owner_id=5, when=1600000000001) == 77
