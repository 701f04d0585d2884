"""Agency-built shop-to-HubSpot order sync (~2021): `shopsync/constants.py` defines the
key (env `HUBSPOT_KEY`), `PARAMS = {<key>}` and `HEADERS`; an older `deals.py` imports
`PARAMS` and sends it as is, merged as `{**PARAMS, ...}`, or `.copy()`-ed with a list
value added, while newer modules go through a `HubSpotClient` whose `_request(**kwargs)`
does `kwargs.setdefault("params", {}).setdefault(<key>, self.api_key)`. The shop's own
API (token header) supplies orders; entry points are a webhook handler and a cron job."""

ENV = {
    "HUBSPOT_KEY": "key-main",
    "SHOP_DOMAIN": "brightpixel-demo.myshopify.com",
    "SHOP_TOKEN": "shpat_0123abcd",
}

ORDER_NEW = {
    "id": 4501, "total_price": "59.90", "financial_status": "paid",
    "created_at_ms": 1612137600000,
    "customer": {"id": 88, "email": "kim@example.com", "first_name": "Kim", "orders_count": 3},
    "additional_contacts": [{"email": "gift@example.com"}],
}
ORDER_KNOWN = {
    "id": 4400, "total_price": "10.00", "financial_status": "refunded",
    "created_at_ms": 1612137600000,
    "customer": {"id": 89, "email": "lee@example.com"},
}

RESPONSES = [
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 7001}},
    {"method": "GET", "url": r"/contacts/v1/contact/emails/batch",
     "json": {"7002": {"vid": 7002, "properties": {"email": {"value": "gift@example.com"}}}}},
    {"method": "GET", "url": r"/deals/v1/deal/paged",
     "json": {"deals": [{"dealId": 990, "properties": {"dealname": {"value": "Order #4400"}}}],
              "hasMore": False, "offset": 990}},
    {"method": "POST", "url": r"/deals/v1/deal/", "json": {"dealId": 991}},
    {"method": "GET", "url": r"myshopify\.com/admin/api/.*/orders\.json",
     "json": {"orders": [ORDER_KNOWN, {"id": 4402, "customer": None}]}},
]


def case_order_webhook_new(credential):
    import json
    from shopsync import handlers
    status = handlers.order_webhook({"headers": {"X-Shopify-Topic": "orders/create"},
                                     "body": json.dumps(ORDER_NEW)})
    assert status == 200


def case_order_webhook_known(credential):
    import json
    from shopsync import handlers
    handlers.order_webhook({"headers": {"X-Shopify-Topic": "orders/updated"},
                            "body": json.dumps(ORDER_KNOWN)})


def case_catch_up(credential):
    from shopsync import handlers
    assert handlers.catch_up(since_id=4000) == 1


def case_client_for_other_store(credential):
    from shopsync.hubspot import HubSpotClient
    client = HubSpotClient(api_key=credential("store_eu"))
    client.get("/owners/v2/owners")
    client.put("/deals/v1/deal/991", {"properties": [{"name": "dealstage", "value": "1187434"}]})
