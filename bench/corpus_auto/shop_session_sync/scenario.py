"""Web-shop to HubSpot sync (2020): `shopsync/http.py` builds a module-level
`requests.Session()` with `session.params = {"hapikey": os.environ[...]}`, default
headers and a retrying adapter; `products.py` and `orders.py` import the session and send
v3 CRM requests with it (and download product images from HubSpot's file CDN, another
host, with it); a second session talks to the shop's own API with its token."""

ENV = {
    "HUBSPOT_API_KEY": "key-main",
    "SHOP_API_URL": "https://shop.example.com/api/v1",
    "SHOP_TOKEN": "shop-token-1234",
}

RESPONSES = [
    {"method": "GET", "url": r"shop\.example\.com/api/v1/products",
     "json": [{"title": "Mug", "price": 9.5, "sku": "MUG-1"},
              {"title": "Cap", "price": 15, "sku": "CAP-2"}]},
    {"method": "GET", "url": r"shop\.example\.com/api/v1/orders",
     "json": {"orders": [{"number": 1001, "total": 24.5,
                          "lines": [{"hubspot_line_item": "71"}, {"hubspot_line_item": "72"}]}]}},
    {"method": "GET", "url": r"/crm/v3/objects/products/MUG-1",
     "json": {"id": "300", "properties": {"hs_images": "https://cdn2.hubspot.net/hubfs/62515/mug.png"}}},
    {"method": "GET", "url": r"cdn2\.hubspot\.net/hubfs/", "text": "PNG..."},
    {"method": "GET", "url": r"/crm/v3/objects/products/CAP-2", "status": 404,
     "json": {"status": "error"}},
    {"method": "PATCH", "url": r"/crm/v3/objects/products/300", "json": {"id": "300"}},
    {"method": "POST", "url": r"/crm/v3/objects/products", "json": {"id": "301"}},
    {"method": "POST", "url": r"/crm/v3/objects/deals", "json": {"id": "801"}},
]


def case_full_sync(credential):
    from shopsync import cli

    assert cli.sync("2020-05-01") == 1


def case_update_existing_product(credential):
    from shopsync import products

    products.http.hubspot.headers["X-Trace"] = "t1"
    products.upsert_product({"title": "Mug", "price": 10, "sku": "MUG-1"})


def case_product_image(credential):
    from shopsync import products

    assert products.product_image(products.hubspot_product("MUG-1")) == b"PNG..."
