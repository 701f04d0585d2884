"""Contact sync on hubspot-api-client (2021, v3.x/4.x of the SDK): a lazily built
`HubSpot(api_key=os.environ[...])` singleton and a `hubspot.Client.create(api_key=...)`
factory for partner portals whose keys the caller passes; paging with `after`."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "SDK", "url": r"crm\.contacts\.basic_api\.get_page",
     "json": {"results": [{"id": "1", "properties": {"email": "a@example.com"}}],
              "paging": None}},
    {"method": "SDK", "url": r"crm\.contacts\.basic_api\.create", "json": {"id": "99"}},
]


def case_all_emails(credential):
    import contacts_sync

    assert contacts_sync.all_emails() == ["a@example.com"]


def case_create(credential):
    import contacts_sync

    assert contacts_sync.create("b@example.com", "Bea") == "99"


def case_partner(credential):
    import contacts_sync

    assert contacts_sync.partner_emails(credential("partner")) == ["a@example.com"]
