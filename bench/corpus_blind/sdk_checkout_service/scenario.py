"""A checkout service (2021) on the SDKs: a `Settings` dataclass with default factories
from the environment; `crm.get_client()` returns `HubSpot(api_key=...)` used by callers
in other modules (contacts paged with `paging.next.after`, deals batch create with model
objects, owners); engagements through hubspot3's `Hubspot3(api_key=...)` lazy singleton;
Stripe charges with basic auth; the checkout form goes to api.hsforms.com (no key).
One case builds the client from Settings with a caller's key."""

ENV = {"HUBSPOT_API_KEY": "key-main", "STRIPE_SECRET_KEY": "sk_test_9z8y"}

RESPONSES = [
    {"method": "POST", "url": r"api\.stripe\.com/v1/charges", "json": {"id": "ch_77"}},
    {"method": "SDK", "url": r"/hubspot3/contacts\.get_contact_by_email", "json": {"vid": 61}},
    {"method": "SDK", "url": r"/hubspot/crm\.contacts\.basic_api\.get_page",
     "json": {"results": [{"id": "1", "properties": {"email": "a@x.com"}}]}},
    {"method": "SDK", "url": r"/hubspot/crm\.owners\.owners_api\.get_page",
     "json": {"results": [{"email": "owner@x.com"}]}},
]


def case_checkout(credential):
    from shopapp import checkout
    order = {"id": "o-1", "amount_cents": 4900, "source": "tok_visa", "email": "b@x.com",
             "firstname": "Bea", "plan": "pro"}
    assert checkout.checkout(order) == "ch_77"


def case_reports(credential):
    from shopapp import crm
    client = crm.get_client()
    assert len(list(crm.iter_contacts(client, ["email"]))) == 1
    assert crm.owner_emails(client) == ["owner@x.com"]


def case_other_portal(credential):
    from shopapp import crm
    from shopapp.settings import Settings
    client = crm.get_client(Settings(hubspot_api_key=credential("sister")))
    assert crm.owner_emails(client) == ["owner@x.com"]
