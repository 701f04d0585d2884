"""One GET helper for every service the report reads."""
import logging

import requests

log = logging.getLogger(__name__)

HUBSPOT = "https://api.hubapi.com"


def fetch_json(cfg, url, params=None):
    params = dict(params or {})
    headers = {"Accept": "application/json"}
    if "hubapi.com" in url:
        params["hapikey"] = cfg.hubspot_key
    elif "myshopify.com" in url:
        headers["X-Shopify-Access-Token"] = cfg.shopify_token
    log.debug("GET %s", url)
    resp = requests.get(url, params=params, headers=headers, timeout=30)
    resp.raise_for_status()
    return resp.json()


def hs_url(cfg, path):
    return "%s%s?hapikey=%s" % (HUBSPOT, path, cfg.hubspot_key)
