"""HTTP sessions shared by the whole bridge (connection pooling matters at our volume)."""
import os

import requests

HUBSPOT_API = "https://api.hubapi.com"
SHOP = os.environ.get("SHOPIFY_SHOP", "acme.myshopify.com")

hubspot = requests.Session()
hubspot.params = {"hapikey": os.environ.get("HUBSPOT_API_KEY")}
hubspot.headers.update({"Content-Type": "application/json", "Accept": "application/json"})

shopify = requests.Session()
shopify.headers["X-Shopify-Access-Token"] = os.environ.get("SHOPIFY_ACCESS_TOKEN", "")


def shop_url(path):
    return "https://%s/admin/api/2020-10/%s" % (SHOP, path.lstrip("/"))
