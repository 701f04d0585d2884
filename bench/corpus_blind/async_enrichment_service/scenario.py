"""An async enrichment service (2021, httpx.AsyncClient): `constants.py` holds URL
templates with the key concatenated in (`CONTACT_URL.format(vid=...)` and
`COMPANY_URL.format(...)` used in another module, an `OWNER_URL % (id, KEY)` template),
a `_query(options)` helper returning `"?hapikey=" + KEY + "&" + options.lstrip("&")`,
and a params dict built by a comprehension over pairs (contacts v1 recent and profile,
companies v2 get/update, owners v2 get); the enrichment vendor gets its own bearer
token; coroutines are gathered."""

ENV = {"HUBSPOT_KEY": "key-main", "ENRICH_TOKEN": "enr-5150"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/lists/recently_updated/contacts/recent",
     "json": {"contacts": [{"vid": 1, "associated-company": {"company-id": 31}},
                           {"vid": 2},
                           {"vid": 3, "associated-company": {"company-id": 32}}]}},
    {"method": "GET", "url": r"/companies/v2/companies/31",
     "json": {"properties": {"domain": {"value": "acme.example"}, "hubspot_owner_id": {"value": "8"}}}},
    {"method": "GET", "url": r"/companies/v2/companies/32",
     "json": {"properties": {"domain": {"value": "nobody.example"}, "hubspot_owner_id": {"value": "8"}}}},
    {"method": "GET", "url": r"/owners/v2/owners/8", "json": {"ownerId": 8, "email": "o@x.com"}},
    {"method": "GET", "url": r"enrichly\.example/v2/companies/find\?domain=acme",
     "json": {"employees": 120, "industry": "Software"}},
    {"method": "GET", "url": r"enrichly\.example", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/vid/\d+/profile", "json": {"vid": 1}},
]


def case_enrich(credential):
    from enrich import service
    assert service.main() == 1


def case_snapshot(credential):
    import asyncio
    from enrich import service
    contacts, companies = asyncio.run(service.snapshot([1, 2], [31]))
    assert len(contacts) == 2 and len(companies) == 1
