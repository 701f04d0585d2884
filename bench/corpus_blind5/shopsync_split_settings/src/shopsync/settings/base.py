"""Settings shared by every environment."""
from shopsync.config import env

HUBSPOT_BASE_URL = "https://api.hubapi.com"
HUBSPOT_API_KEY = env("HUBSPOT_API_KEY")
HUBSPOT_PIPELINE = env("SHOPSYNC_PIPELINE", "default")

SHOPIFY_STORE = env("SHOPIFY_STORE", "demo-shop")
SHOPIFY_API_VERSION = "2021-01"

LOG_LEVEL = env("SHOPSYNC_LOG_LEVEL", "WARNING")
