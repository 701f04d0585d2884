"""A sync job (2018) whose `crm/hs_session.py` makes one module-level `requests.Session()`
with `session.params = {"hapikey": KEY}` and default headers; `contacts.py` (v1 batch
upsert with `json=`, emails batch lookup, list add) and `companies.py` (v2 offset/has-more
paging with one params dict reused across pages, PUT update) import the session and a
`url(path)` helper; `sync.py` drives them."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202, "body": ""},
    {"method": "GET", "url": r"/contacts/v1/contact/emails/batch/", "json": {
        "101": {"properties": {"email": {"value": "a@x.io"}}},
        "102": {"properties": {"email": {"value": "b@x.io"}}}}},
    {"method": "POST", "url": r"/contacts/v1/lists/\d+/add", "json": {"updated": [101, 102]}},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=7", "json": {
        "companies": [{"companyId": 8, "properties": {"domain": {"value": "ok.io"}}}],
        "has-more": False, "offset": 8}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {
        "companies": [{"companyId": 7, "properties": {"domain": {"value": "Acme.IO"}}}],
        "has-more": True, "offset": 7}},
]


def case_nightly(credential):
    from crm import sync

    people = [{"email": "a@x.io", "firstname": "A"}, {"email": "b@x.io", "company": "B Ltd"}]
    assert sync.run(people, 44) == (2, 2, 1)


def case_companies_only(credential):
    from crm import companies

    assert len(list(companies.all_companies(("name",)))) == 2
