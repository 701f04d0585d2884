from shopsync import http
from shopsync.http import HUBSPOT_URL, SHOP_URL


def shop_products(page=1):
    r = http.shop.get(SHOP_URL + "/products", params={"page": page, "per_page": 50})
    r.raise_for_status()
    return r.json()


def hubspot_product(sku):
    r = http.hubspot.get(HUBSPOT_URL + "/crm/v3/objects/products/" + sku,
                         params={"idProperty": "hs_sku", "properties": "name,price"})
    if r.status_code == 404:
        return None
    r.raise_for_status()
    return r.json()


def product_image(product):
    """Images live in HubSpot's file manager; same session (keeps the pool warm)."""
    url = product.get("properties", {}).get("hs_images")
    if not url:
        return None
    r = http.hubspot.get(url, timeout=30)
    r.raise_for_status()
    return r.content


def upsert_product(item):
    props = {"name": item["title"], "price": str(item["price"]), "hs_sku": item["sku"]}
    existing = hubspot_product(item["sku"])
    if existing:
        r = http.hubspot.patch(HUBSPOT_URL + "/crm/v3/objects/products/" + existing["id"],
                               json={"properties": props})
    else:
        r = http.hubspot.post(HUBSPOT_URL + "/crm/v3/objects/products",
                              json={"properties": props})
    r.raise_for_status()
    return r.json()["id"]
