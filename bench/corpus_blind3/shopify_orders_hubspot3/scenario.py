"""Shopify -> HubSpot order sync (2019-ish): one `call(base, path, auth_params=,
auth_headers=, ...)` helper curried with functools.partial twice, HubSpot with
`auth_params={"hapikey": KEY}` from a settings module and Shopify with its own token
header; hubspot3 `ContactsClient`/`DealsClient(api_key=...)` with a default argument
from settings; a class attribute URL template ending in `?hapikey=` + KEY formatted in
another module."""

ENV = {"HUBSPOT_API_KEY": "key-main", "SHOPIFY_TOKEN": "shpat_shop_token_1"}

RESPONSES = [
    {
        "method": "GET",
        "url": r"myshopify\.com/admin/api/2020-01/orders\.json",
        "json": {
            "orders": [
                {
                    "email": "a@x.io",
                    "order_number": 1001,
                    "total_price": "12.00",
                    "first_name": "Al",
                },
                {"email": None, "order_number": 1002, "total_price": "3.00"},
            ]
        },
    },
    {
        "method": "SDK",
        "url": r"hubspot3/ContactsClient\.get_contact_by_email",
        "json": {},
    },
    {
        "method": "SDK",
        "url": r"hubspot3/ContactsClient\.create_or_update_by_email",
        "json": {"vid": 8},
    },
    {"method": "SDK", "url": r"hubspot3/DealsClient\.create", "json": {"dealId": 90}},
    {
        "method": "GET",
        "url": r"/properties/v1/line_items/properties",
        "json": [{"name": "price"}],
    },
    {
        "method": "GET",
        "url": r"/crm-pipelines/v1/pipelines/deals",
        "json": {"results": []},
    },
    {
        "method": "GET",
        "url": r"/contacts/v1/contact/email/gone@",
        "status": 404,
        "json": {},
    },
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "json": {"vid": 8}},
]


def case_sync_orders(credential):
    from shopsync.orders import OrderSync

    assert OrderSync().run() == [{"dealId": 90}]


def case_catalog(credential):
    from shopsync import orders

    assert orders.line_item_properties() == ["price"]
    orders.pipelines()


def case_lookup(credential):
    from shopsync import lookup

    assert lookup.contact_exists("a@x.io") is True
    assert lookup.contact_exists("gone@x.io") is False


def case_other_portal(credential):
    from shopsync.orders import OrderSync

    assert OrderSync(api_key=credential("eu")).run() == [{"dealId": 90}]
