"""A CSV importer (2020, no pandas): `importer/api.py` binds the key into
`post = functools.partial(requests.post, params={"hapikey": API_KEY})` and a closure
factory `make_getter(key)` that sets `params["hapikey"]` on each call; contacts v1 batch
and v3 deal batch create / association batch go through `post(..., json=...)`, companies
v2 paging through the closure (key read from the environment by the script), and companies
v1 batch-async update through a function whose default argument reads the key."""

import io

ENV = {"HUBSPOT_API_KEY": "key-main"}

CSV = """E-mail,First name,Last name,Company,Phone
ann@x.io,Ann,Lee,Acme,
bob@x.io,Bob,,Beta,555-1234
,No,Email,,
cy@x.io,Cy,Ng,,
"""

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/batch/", "status": 202, "body": ""},
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=2", "json": {
        "companies": [{"companyId": 3, "properties": {"domain": {"value": "Gamma.IO"}}}],
        "has-more": False, "offset": 3}},
    {"method": "GET", "url": r"/companies/v2/companies/paged", "json": {
        "companies": [{"companyId": 1, "properties": {"domain": {"value": "acme.io"}}},
                      {"companyId": 2, "properties": {}}],
        "has-more": True, "offset": 2}},
    {"method": "POST", "url": r"/companies/v1/batch-async/update", "status": 202, "body": ""},
    {"method": "POST", "url": r"/crm/v3/objects/deals/batch/create", "json": {
        "results": [{"id": "d1"}, {"id": "d2"}, {"id": "d3"}]}},
    {"method": "POST", "url": r"/crm/v3/associations/deal/contact/batch/create", "json": {}},
]


def case_import_contacts_and_companies(credential):
    import import_csv

    assert import_csv.main(io.StringIO(CSV)) == (3, 1)


def case_import_with_deals(credential):
    import import_csv

    assert import_csv.main(io.StringIO(CSV), with_deals=True) == (3, 1)


def case_companies_for_client_portal(credential):
    from importer import companies

    assert companies.domains_to_ids(credential("client")) == {"acme.io": 1, "Gamma.IO": 3}
    companies.push_companies([{"objectId": 3, "domain": "gamma.io"}], api_key=credential("client"))
