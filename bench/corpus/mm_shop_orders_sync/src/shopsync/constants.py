import os

HUBSPOT_KEY = os.environ.get("HUBSPOT_KEY", "")
BASE_URL = "https://api.hubapi.com"
PARAMS = {"hapikey": HUBSPOT_KEY}
HEADERS = {"Content-Type": "application/json"}

ECOMMERCE_PIPELINE = "1187432"
STAGE_BY_STATUS = {
    "paid": "1187433",
    "fulfilled": "1187434",
    "refunded": "1187435",
}

SHOP_DOMAIN = os.environ.get("SHOP_DOMAIN", "brightpixel-demo.myshopify.com")
SHOP_TOKEN = os.environ.get("SHOP_TOKEN", "")
SHOP_API_VERSION = "2021-01"
