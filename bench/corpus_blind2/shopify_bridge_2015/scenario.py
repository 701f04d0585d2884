"""A 2015 freelancer's script: `from settings import *` brings HAPIKEY, one `fetch()`
serves Shopify and HubSpot and adds `params['hapikey']` only when 'hubapi' is in the URL
(Shopify gets its own access-token header), with a retry loop on 429; contacts v1
createOrUpdate, deals v1, and `+`-built `?hapikey=` URLs for companies v2 domain search
and crm-associations v1."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SHOPIFY_SHOP": "acme-outdoors",
    "SHOPIFY_PASSWORD": "shppa_0123456789abcdef",
}

RESPONSES = [
    {
        "method": "GET",
        "url": r"myshopify\.com/admin/orders\.json",
        "json": {
            "orders": [
                {
                    "order_number": 1001,
                    "financial_status": "paid",
                    "total_price": "59.00",
                    "customer": {
                        "id": 1,
                        "email": "kim@acme.test",
                        "first_name": "Kim",
                    },
                },
                {
                    "order_number": 1002,
                    "financial_status": "pending",
                    "total_price": "9.00",
                    "customer": {"id": 2, "email": "lee@acme.test"},
                },
                {
                    "order_number": 1003,
                    "financial_status": "paid",
                    "total_price": "19.00",
                    "customer": {"id": 3, "email": "max@solo.test", "last_name": "Max"},
                },
            ]
        },
    },
    {
        "method": "POST",
        "url": r"/contacts/v1/contact/createOrUpdate/email/",
        "json": {"vid": 71},
    },
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 81}},
    {
        "method": "POST",
        "url": r"/companies/v2/domains/acme\.test/companies",
        "json": {"results": [{"companyId": 91}]},
    },
    {"method": "POST", "url": r"/companies/v2/domains/", "json": {"results": []}},
    {"method": "PUT", "url": r"/crm-associations/v1/associations", "status": 204},
]


def case_run_bridge(credential):
    import bridge

    assert bridge.run(1000) == 2


def case_fetch_hubspot_direct(credential):
    import bridge

    bridge.fetch(
        "https://api.hubapi.com/contacts/v1/lists/all/contacts/all", {"count": 1}
    )
