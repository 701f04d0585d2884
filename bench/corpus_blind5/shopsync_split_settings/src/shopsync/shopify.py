import requests

from shopsync.conf import settings
from shopsync.http import json_headers


def recent_orders(limit=50):
    url = "https://%s.myshopify.com/admin/api/%s/orders.json" % (
        settings.SHOPIFY_STORE,
        settings.SHOPIFY_API_VERSION,
    )
    resp = requests.get(
        url,
        params={"limit": limit, "status": "any"},
        headers=json_headers({"X-Shopify-Access-Token": settings.SHOPIFY_ACCESS_TOKEN}),
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json().get("orders", [])
