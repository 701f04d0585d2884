"""A small client library (2018): `BaseClient._call(method, path, params, data)`
merges `{**params, "hapikey": self.api_key}`; resource clients in another module
extend it, a facade builds one per resource from one key, and `WebhooksClient` (same
base) is built with the DEVELOPER key. The repository's own tests use `responses`,
`requests_mock` and `mock.patch` and assert that `hapikey` is in the URL; the scenario
runs them too (a rewrite that breaks them must say so)."""

ENV = {"HUBSPOT_API_KEY": "key-main", "HUBSPOT_DEVELOPER_KEY": "devkey-app"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/new@example\.com/profile",
        "status": 404,
        "json": {},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/.*/profile",
        "json": {"vid": 41},
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 42, "isNew": True},
    },
    {
        "method": "POST",
        "url": r"/companies/v2/domains/",
        "json": {"results": [{"companyId": 7}]},
    },
    {"method": "PUT", "url": r"/companies/v2/companies/7/contacts/", "status": 204},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 88}},
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 3}]},
    {
        "method": "GET",
        "url": r"/properties/v1/contacts/groups",
        "json": [{"name": "sales"}, {"name": "contactinformation"}],
    },
    {
        "method": "GET",
        "url": r"/webhooks/v1/555/subscriptions",
        "json": [{"subscriptionDetails": {"subscriptionType": "contact.creation"}}],
    },
    {"method": "POST", "url": r"/webhooks/v1/555/subscriptions", "json": {"id": 2}},
]


def case_record_sale_existing(credential):
    from hubcrm.deal_desk import record_sale

    assert (
        record_sale("ann@example.com", "example.com", 120, owner_email="o@example.com")
        == 88
    )


def case_record_sale_new_contact(credential):
    from hubcrm.deal_desk import record_sale

    assert record_sale("new@example.com", "example.com", 60) == 88


def case_record_sale_other_portal(credential):
    from hubcrm import HubSpot
    from hubcrm.deal_desk import record_sale

    assert (
        record_sale(
            "ann@example.com", "example.com", 5, hs=HubSpot(api_key=credential("eu"))
        )
        == 88
    )


def case_app_setup(credential):
    from hubcrm import app_setup

    assert app_setup.setup(555) == ["contactinformation", "sales"]


def case_unit_tests(credential):
    from tests import test_clients

    test_clients.test_contact_lookup_sends_key()
    test_clients.test_owner_lookup_with_requests_mock()
    test_clients.test_record_sale_calls()
    from hubcrm import HubSpot

    assert HubSpot().owners.by_email("o@example.com") == {"ownerId": 3}
