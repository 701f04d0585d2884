"""A Stripe-to-HubSpot billing bridge (~2020): config.yml holds ${HUBSPOT_API_KEY} and
${STRIPE_SECRET_KEY}, expanded with os.path.expandvars and loaded into frozen dataclass
settings by a factory; the Settings object is passed down through App -> HubSpotAPI /
StripeClient constructors; HubSpotAPI.get/post/put/delete delegate to
_request(method, path, **kwargs), which merges params with dict(params, hapikey=...); the
deal, contact and property services in other modules use it. Stripe already sends
Authorization: Bearer <stripe key> and must not change."""

ENV = {"HUBSPOT_API_KEY": "key-main", "STRIPE_SECRET_KEY": "sk_test_stripe"}

RESPONSES = [
    {"method": "GET", "url": r"api\.stripe\.com/v1/invoices", "json": {"data": [
        {"id": "in_1", "amount_paid": 1200}, {"id": "in_2", "amount_paid": 5000}]}},
    {"method": "GET", "url": r"/deals/v1/deal/recent/modified", "json": {"results": [
        {"dealId": 31, "properties": {"stripe_invoice": {"value": "in_1"}}}]}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 32}},
    {"method": "GET", "url": r"/properties/v1/deals/properties/named/stripe_invoice", "status": 404, "json": {}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 3}},
    {"method": "DELETE", "url": r"/contacts/v1/contact/vid/3", "status": 200, "json": {"deleted": True}},
]


def case_sync_invoices(credential):
    from billingbridge import app

    assert app.main() == 1


def case_contacts_cleanup(credential):
    from billingbridge import config
    from billingbridge.contacts import ContactService
    from billingbridge.hubspot import HubSpotAPI

    api = HubSpotAPI(config.load().hubspot)
    contacts = ContactService(api)
    vid = contacts.by_email("gone@example.com")["vid"]
    assert contacts.remove(vid) == {"deleted": True}
