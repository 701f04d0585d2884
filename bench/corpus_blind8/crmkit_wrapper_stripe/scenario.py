"""Billing glue (2017-2019): a ``HubSpotAPI`` wrapper whose ``get/post/put/delete``
delegate to ``_request(method, path, **kwargs)``, which pops ``params`` and sets
``params["hapikey"] = self.api_key``, merges caller headers and JSON-encodes ``data``; four
modules (contacts v1, deals v1, engagements v1, owners v2) use a lazily built default
instance or an ``api=`` argument (a reseller's key for refunds). A ``fetch(url, params,
auth)`` helper reads both Stripe (basic auth with the Stripe key) and HubSpot companies v2
(``params={"hapikey": os.environ[...]}``)."""

ENV = {"HUBSPOT_API_KEY": "key-main", "STRIPE_SECRET_KEY": "sk_test_51abc"}

RESPONSES = [
    {"method": "GET", "url": r"api\.stripe\.com/v1/customers/cus_1",
     "json": {"email": "pay@acme.io", "metadata": {"hubspot_company_id": "77"}}},
    {"method": "GET", "url": r"api\.stripe\.com/v1/customers/cus_2", "json": {"email": "ghost@x.io"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/ghost@x\.io/profile", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 15}},
    {"method": "POST", "url": r"/contacts/v1/contact/vid/15/profile", "status": 204},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 300}},
    {"method": "PUT", "url": r"/deals/v1/deal/300", "json": {"dealId": 300}},
    {"method": "DELETE", "url": r"/deals/v1/deal/\d+", "status": 204},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 4}]},
    {"method": "POST", "url": r"/engagements/v1/engagements", "json": {"engagement": {"id": 5}}},
    {"method": "GET", "url": r"/companies/v2/companies/77", "json": {"companyId": 77}},
]

PAID = {"data": {"object": {"customer": "cus_1", "total": 12900, "number": "INV-9"}}}


def case_invoice_paid(credential):
    from crmkit import billing_hook

    assert billing_hook.invoice_paid(PAID) == 300


def case_invoice_unknown_contact(credential):
    from crmkit import billing_hook

    event = {"data": {"object": {"customer": "cus_2", "total": 100, "number": "INV-10"}}}
    assert billing_hook.invoice_paid(event) is None


def case_reseller_portal(credential):
    from crmkit import billing_hook
    from crmkit.api import HubSpotAPI

    api = HubSpotAPI(credential("reseller"))
    assert billing_hook.invoice_paid(PAID, api=api) == 300
    assert billing_hook.refund(300, reseller_key=credential("reseller")) == {}
    assert billing_hook.refund(301) == {}
