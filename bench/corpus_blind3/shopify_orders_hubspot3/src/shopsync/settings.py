import os

HUBSPOT_KEY = os.environ.get("HUBSPOT_API_KEY")
HUBSPOT_BASE = "https://api.hubapi.com"
SHOP_DOMAIN = os.environ.get("SHOPIFY_SHOP", "demo-shop.myshopify.com")
SHOP_TOKEN = os.environ.get("SHOPIFY_TOKEN", "")
