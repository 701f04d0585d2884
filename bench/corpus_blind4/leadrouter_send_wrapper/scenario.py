"""A lead-routing package (~2018): hubspot_api.send(method, endpoint, **kw) adds the portal
key with params.setdefault("hapikey", API_KEY) from a module constant; contacts, deals and
webhooks modules call it with their own params, headers and JSON bodies; the webhooks module
hands in the *developer* key through params (setdefault keeps it); pytest tests with a
fixture mocking send() sit next to the code."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "31337",
}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/new@x\.io/profile", "status": 404, "json": {"status": "error"}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/.*/profile", "json": {"vid": 7}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate", "json": {"vid": 7, "isNew": False}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 11}, {"ownerId": 12}]},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 900}},
    {"method": "GET", "url": r"recently_updated/contacts/recent.*vidOffset=5", "json": {"contacts": [{"vid": 6}], "has-more": False}},
    {"method": "GET", "url": r"recently_updated/contacts/recent", "json": {"contacts": [{"vid": 5}], "has-more": True, "vid-offset": 5}},
    {"method": "GET", "url": r"/webhooks/v1/31337/subscriptions", "json": [{"id": 1}]},
]


def case_route_big_lead(credential):
    from leadrouter import router

    assert router.route({"email": "Buyer@Acme.io", "first": "B", "company": "Acme", "budget": 9000}) == 7


def case_route_new_small_lead(credential):
    from leadrouter import router

    router.route({"email": "new@x.io", "budget": 100})


def case_recent_paging(credential):
    from leadrouter import contacts

    assert [c["vid"] for c in contacts.recent(count=1)] == [5, 6]


def case_webhook_setup(credential):
    from leadrouter import webhooks

    assert webhooks.list_subscriptions() == [{"id": 1}]
    webhooks.subscribe("contact.propertyChange", "lifecyclestage")


def case_unit_tests(credential):
    from leadrouter.tests import test_router
    from unittest import mock

    for test in (test_router.test_small_lead_makes_no_deal, test_router.test_upsert_sends_lead_source_header):
        with mock.patch("leadrouter.hubspot_api.send") as send:
            send.return_value = {"vid": 42}
            test(send)
