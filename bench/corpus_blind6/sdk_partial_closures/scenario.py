"""A jobs module (2020) mixing hubspot3 (`Hubspot3(api_key=...)`), hubspot-api-client
(`HubSpot(api_key=api_key or HUBSPOT_API_KEY)`) and raw requests carrying the key through a
module-level `functools.partial(requests.get, params={KEYPARAM: ...})`, a default
argument `api_key=HUBSPOT_API_KEY`, and a closure `make_form_fetcher(api_key)`; a second
partial calls Stripe with basic auth. `for_client` runs the same functions with a client
portal's key (a caller's credential); `agency.py` loops over client portals whose keys come
from one JSON environment variable and calls `raw.owner(..., api_key=key)` for each."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "STRIPE_API_KEY": "sk_live_51Hq00example",
    "CLIENT_PORTAL_KEYS": '{"acme": "key-acme", "globex": "key-globex"}',
}

RESPONSES = [
    {"method": "GET", "url": r"/properties/v1/contacts/properties", "json": [{"name": "email"}, {"name": "vip"}]},
    {"method": "GET", "url": r"/owners/v2/owners/31", "json": {"email": "owner@x.com"}},
    {"method": "GET", "url": r"/forms/v2/forms/ab12", "json": {"name": "Demo form"}},
    {"method": "GET", "url": r"api\.stripe\.com/v1/charges", "json": {"data": [{"amount": 1500}, {"amount": 500}]}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/44/profile", "status": 204, "body": ""},
    {"url": r"__sdk__/hubspot3/deals\.get_all", "json": [{"dealId": 1}, {"dealId": 2}]},
]


def case_nightly(credential):
    from crmjobs import jobs
    assert jobs.nightly() == {"deals": 2, "props": 2, "owner": "owner@x.com", "form": "Demo form",
                              "revenue": 20.0}


def case_for_client(credential):
    from crmjobs import jobs
    assert jobs.for_client(credential("client")) == ("Demo form", "owner@x.com", True)


def case_agency_client_portals(credential):
    from crmjobs import agency
    assert agency.owner_emails() == {"acme": "owner@x.com", "globex": "owner@x.com"}
