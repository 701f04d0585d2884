"""A multi-tenant connector (a shop platform app, ~2020): every merchant account stores its
own HubSpot portal key, and every HubSpot function takes ``api_key`` as its first parameter
(``params={...}`` with a list value, ``params=dict(...)``, ``%s``-formatted URL, and
``+``-concatenated URL with the key at the end). Handlers guard on the account having a key
and also call the shop platform's own API with its own token header. Keys come from the
callers, so the scenario hands them in through ``credential("tenant_a")`` etc.; the same
``upsert_contact`` is also called with the vendor's own key from ``os.environ`` (guarded
with ``is None``) when an app install is recorded."""

ENV = {"VENDOR_HUBSPOT_KEY": "key-vendor"}

RESPONSES = [
    {"method": "GET", "url": r"/contacts/v1/contact/email/known%40example\.com/profile",
     "json": {"vid": 300, "properties": {}}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/known@example\.com/profile",
     "json": {"vid": 300, "properties": {}}},
    {"method": "GET", "url": r"/contacts/v1/contact/email/", "status": 404, "json": {"status": "error"}},
    {"method": "POST", "url": r"/contacts/v1/contact/createOrUpdate/email/", "json": {"vid": 301, "isNew": True}},
    {"method": "POST", "url": r"/deals/v1/deal", "json": {"dealId": 9001}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all.*vidOffset=0(&|$)",
     "json": {"contacts": [{"vid": 1, "properties": {"email": {"value": "a@x.com"}, "firstname": {"value": "A"}}},
                           {"vid": 2, "properties": {}}], "has-more": True, "vid-offset": 2}},
    {"method": "GET", "url": r"/contacts/v1/lists/all/contacts/all",
     "json": {"contacts": [{"vid": 3, "properties": {"email": {"value": "c@x.com"}}}],
              "has-more": False, "vid-offset": 3}},
    {"method": "PUT", "url": r"api\.shopsync\.io", "json": {"ok": True}},
]


def _accounts(credential):
    from connector.handlers import Account
    return [
        Account(id=1, shop_domain="alpha.myshop.io", shop_token="shop-tok-alpha",
                hubspot_api_key=credential("tenant_a"), tags=["hubspot"]),
        Account(id=2, shop_domain="beta.myshop.io", shop_token="shop-tok-beta", hubspot_api_key=None),
        Account(id=3, shop_domain="gamma.myshop.io", shop_token="shop-tok-gamma",
                hubspot_api_key=credential("tenant_b"), deal_pipeline="1234567"),
    ]


ORDER_NEW = {"id": 55, "number": 1055, "total_price": "129.90",
             "customer": {"email": "New.Buyer@example.com", "first_name": "New", "last_name": "Buyer"}}
ORDER_KNOWN = {"id": 56, "number": 1056, "total_price": "15.00", "customer": {"email": "known@example.com"}}


def case_order_paid_new_customer(credential):
    from connector import handlers
    a, b, c = _accounts(credential)
    handlers.on_order_paid(a, ORDER_NEW)
    handlers.on_order_paid(b, ORDER_NEW)


def case_order_paid_known_customer(credential):
    from connector import handlers
    a, b, c = _accounts(credential)
    handlers.on_order_paid(c, ORDER_KNOWN)


def case_nightly_all_accounts(credential):
    from connector import handlers
    handlers.nightly(_accounts(credential))


def case_install_tracked_in_vendor_portal(credential):
    from connector import handlers
    a, b, c = _accounts(credential)
    handlers.on_install(a, "Owner@Alpha.example")
    handlers.on_install(b, "owner@beta.example")
