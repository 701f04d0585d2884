# -*- coding: utf-8 -*-
"""Configuration. Kept as module constants like the original script had them."""
import os

API_KEY = os.environ.get("HUBSPOT_API_KEY", "")
BASE = "https://api.hubapi.com"
PAGE_SIZE = 100
TIMEOUT = 20

# legacy names used by old cron entries
HAPIKEY = API_KEY
