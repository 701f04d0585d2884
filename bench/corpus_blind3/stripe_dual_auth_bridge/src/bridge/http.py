import logging

import requests

log = logging.getLogger(__name__)


def fetch_json(method, url, params=None, headers=None, json=None, auth=None):
    """One place for HTTP so we log the same way for Stripe and HubSpot."""
    resp = requests.request(method, url, params=params, headers=headers, json=json, auth=auth, timeout=20)
    log.info("%s %s -> %s", method, url, resp.status_code)
    resp.raise_for_status()
    return resp.json() if resp.content else {}
