"""A tidy typed package (2019): `BaseClient` holds the key and one `_request(method,
path, **kwargs)` that adds `params["hapikey"]`, with `get/post/put/delete` delegating to
it; `ContactsClient`, `DealsClient`, `EngagementsClient`, `OwnersClient` subclass it
(contacts v1 with `has-more`/`vid-offset`, deals v1, engagements v1, owners v2); a
`HubSpotAPI` facade builds them from a key given by the caller or `from_env()`; an app
module uses the facade."""

ENV = {"HUBSPOT_API_KEY": "key-main"}

RESPONSES = [
    {"method": "GET", "url": r"/owners/v2/owners", "json": [{"ownerId": 31}]},
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 501, "isNew": False},
    },
    {"method": "POST", "url": r"/deals/v1/deal$", "json": {"dealId": 9001}},
    {"method": "POST", "url": r"/deals/v1/deal\?", "json": {"dealId": 9001}},
    {"method": "PUT", "url": r"/deals/v1/deal/\d+", "json": {"dealId": 9001}},
    {
        "method": "POST",
        "url": r"/engagements/v1/engagements",
        "json": {"engagement": {"id": 1}},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset",
        "json": {"contacts": [{"vid": 3}], "has-more": False, "vid-offset": 3},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/lists/all/contacts/all",
        "json": {
            "contacts": [{"vid": 1}, {"vid": 2}],
            "has-more": True,
            "vid-offset": 2,
        },
    },
    {"method": "DELETE", "url": r"/contacts/v1/contact/vid/", "status": 204},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 1}},
]


def case_sales_sync_from_env(credential):
    import sales_sync

    assert sales_sync.sync() == 2


def case_sales_sync_for_client(credential):
    import sales_sync
    from hubkit import HubSpotAPI

    sales_sync.sync(api=HubSpotAPI(credential("client")), orders=sales_sync.ORDERS[:1])


def case_contacts_walk_and_delete(credential):
    from hubkit.resources import ContactsClient

    client = ContactsClient(credential("ops"))
    vids = [c["vid"] for c in client.all(page_size=2)]
    assert vids == [1, 2, 3]
    client.by_email("x@y.test")
    client.remove(3)


def case_owners_plain(credential):
    from hubkit import HubSpotAPI

    api = HubSpotAPI.from_env()
    api.owners.owners()
