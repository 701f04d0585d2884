from .base import *  # noqa: F401,F403
from shopsync.config import env

# the sandbox portal, never production
HUBSPOT_API_KEY = env("HUBSPOT_SANDBOX_KEY")
SHOPIFY_ACCESS_TOKEN = env("SHOPIFY_ACCESS_TOKEN")
HUBSPOT_TIMEOUT = 30
