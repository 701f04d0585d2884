"""A tidy, typed internal package (2019): a frozen `Settings` dataclass from the
environment, `HubSpotAPI` with get/post/put/delete delegating to
`_request(method, path, **kwargs)` which adds the key with
`kwargs.setdefault("params", {})["hapikey"] = ...` and retries on 429/5xx; companies v2
paging on has-more/offset, property names (v1), contacts v1 batch upsert with a JSON
body and caller headers, owners v2. One case builds the client with explicit Settings
from a caller's key (a second portal)."""

ENV = {"HUBKIT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/companies/v2/companies/paged.*offset=40",
     "json": {"companies": [{"companyId": 41}], "has-more": False, "offset": 41}},
    {"method": "GET", "url": r"/companies/v2/companies/paged",
     "json": {"companies": [{"companyId": 40}], "has-more": True, "offset": 40}},
    {"method": "GET", "url": r"/properties/v1/companies/properties",
     "json": [{"name": "domain"}, {"name": "name"}]},
    {"method": "GET", "url": r"/owners/v2/owners",
     "json": [{"email": "o@x.com", "ownerId": 5}]},
    {"method": "POST", "url": r"/contacts/v1/contact/batch", "status": 202, "body": ""},
    {"method": "DELETE", "url": r"/companies/v2/companies/", "status": 204},
]


def case_companies(credential):
    from hubkit import HubSpotAPI
    from hubkit.companies import Companies
    companies = Companies(HubSpotAPI())
    ids = [c["companyId"] for c in companies.iter_all(["name", "domain"])]
    assert ids == [40, 41], ids
    companies.update(40, {"name": "Forty"})
    companies.delete(41)
    assert companies.property_names() == ["domain", "name"]


def case_contacts_batch(credential):
    from hubkit import HubSpotAPI
    from hubkit.contacts import owners_by_email, upsert_contacts
    api = HubSpotAPI()
    rows = [{"email": "c%d@x.com" % i, "firstname": "C%d" % i} for i in range(150)]
    assert upsert_contacts(api, rows) == 150
    assert owners_by_email(api) == {"o@x.com": 5}


def case_second_portal(credential):
    from hubkit import HubSpotAPI, Settings
    from hubkit.companies import Companies
    api = HubSpotAPI(Settings(api_key=credential("emea"), timeout=3.0))
    Companies(api).update(7, {"lifecyclestage": "customer"})
