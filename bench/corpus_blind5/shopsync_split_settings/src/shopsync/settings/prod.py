from .base import *  # noqa: F401,F403
from shopsync.config import env

SHOPIFY_ACCESS_TOKEN = env("SHOPIFY_ACCESS_TOKEN")
HUBSPOT_TIMEOUT = 10
