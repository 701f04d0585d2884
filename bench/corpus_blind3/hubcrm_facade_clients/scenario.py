"""Object-oriented internal client (2017): `BaseClient` in one module (class attributes
`api_base`, `auth_param = "hapikey"`, a `_auth` property merged with `{**self._auth,
**params}` into every session request), resource subclasses in another (contacts v1,
companies v2 paged, owners v2) and a `WebhooksClient` subclass that passes the developer
key through the same base; a `HubCRM` facade holds one client per resource."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "HUBSPOT_DEVELOPER_KEY": "devkey-app",
    "HUBSPOT_APP_ID": "4321",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"/owners/v2/owners",
        "json": [{"ownerId": 1, "email": "o@x.io"}],
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged\?.*offset=0",
        "json": {
            "companies": [
                {
                    "companyId": 10,
                    "ownerId": 1,
                    "properties": {"name": {"value": "Acme"}},
                }
            ],
            "has-more": True,
            "offset": 10,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/paged",
        "json": {
            "companies": [{"companyId": 11, "properties": {"name": {"value": "Beta"}}}],
            "has-more": False,
        },
    },
    {
        "method": "GET",
        "url": r"/companies/v2/companies/\d+/vids",
        "json": {"vids": [1, 2]},
    },
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 3}},
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/recently_updated",
        "json": {"contacts": [{"vid": 3}]},
    },
    {
        "method": "GET",
        "url": r"/webhooks/v1/4321/subscriptions",
        "json": [{"subscriptionDetails": {"subscriptionType": "contact.creation"}}],
    },
    {"method": "POST", "url": r"/webhooks/v1/4321/subscriptions", "json": {"id": 1}},
]


def case_report(credential):
    from hubcrm import HubCRM

    import report

    lines = report.account_report(HubCRM.from_env())
    assert lines == [
        "Acme: 2 contacts, owner o@x.io",
        "Beta: 2 contacts, owner -",
    ], lines


def case_contacts(credential):
    from hubcrm import HubCRM

    crm = HubCRM()
    assert crm.contacts.get_by_email("c@x.io")["vid"] == 3
    assert len(crm.contacts.recent(count=5)) == 1


def case_other_portal(credential):
    from hubcrm import HubCRM

    crm = HubCRM(api_key=credential("client7"))
    crm.owners.list()


def case_webhooks(credential):
    from hubcrm import HubCRM

    import report

    report.ensure_webhooks(HubCRM.from_env())
