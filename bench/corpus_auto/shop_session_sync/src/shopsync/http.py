"""Shared HTTP sessions (one per remote system, connection pooling + retries)."""
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

HUBSPOT_URL = "https://api.hubapi.com"
SHOP_URL = os.environ.get("SHOP_API_URL", "https://shop.example.com/api/v1")


def _retrying():
    return HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5,
                                         status_forcelist=(429, 502, 503)))


hubspot = requests.Session()
hubspot.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
hubspot.headers.update({"Accept": "application/json", "User-Agent": "shopsync/0.4"})
hubspot.mount("https://", _retrying())

shop = requests.Session()
shop.headers["X-Shop-Token"] = os.environ.get("SHOP_TOKEN", "")
shop.mount("https://", _retrying())
