"""An agency's monthly reporting job (2019) over several client portals: `portals.json`
names, for each client, the environment variable holding its key; `http.hs_get(path,
key, **fields)` puts the key into urllib3's `fields` of a shared `PoolManager`, and
`metrics.portal_api(key)` binds it with `functools.partial` (marketing emails v1 with
statistics, analytics v2 totals, blog posts v2, static lists v1 paged on
has-more/offset); the report goes to the agency dashboard with its own token header.
One case reports for a portal whose key a caller hands in."""

ENV = {
    "ACME_HUBSPOT_KEY": "key-acme",
    "GLOBEX_HUBSPOT_KEY": "key-globex",
    "AGENCY_DASH_TOKEN": "dash-31f0",
}

RESPONSES = [
    {"method": "GET", "url": r"/marketing-emails/v1/emails/with-statistics",
     "json": {"objects": [{"stats": {"counters": {"sent": 100, "open": 40}}}]}},
    {"method": "GET", "url": r"/analytics/v2/reports/totals/total", "json": {"totals": {"visits": 900}}},
    {"method": "GET", "url": r"/content/api/v2/blog-posts", "json": {"total": 4}},
    {"method": "GET", "url": r"/contacts/v1/lists/static.*offset=0",
     "json": {"lists": [{"name": "VIP", "metaData": {"size": 12}}], "has-more": True, "offset": 1}},
    {"method": "GET", "url": r"/contacts/v1/lists/static",
     "json": {"lists": [{"name": "Churned", "metaData": {"size": 3}}], "has-more": False, "offset": 2}},
    {"method": "POST", "url": r"dash\.agency\.example", "status": 201, "json": {}},
]


def case_monthly(credential):
    from agency import monthly
    assert monthly.run() == ["acme", "globex"]


def case_one_portal(credential):
    from agency import monthly
    r = monthly.report_for({"portal_id": 333, "blog_id": 5}, credential("initech"), "20210201", "20210228")
    assert r["lists"] == {"VIP": 12, "Churned": 3} and r["posts"] == 4
