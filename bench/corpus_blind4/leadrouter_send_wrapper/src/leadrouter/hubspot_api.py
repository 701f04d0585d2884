"""Thin wrapper around the HubSpot REST API.

Every module goes through send() so that retries and logging live in one place.
"""
import logging
import os
import time

import requests

log = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"
API_KEY = os.getenv("HUBSPOT_API_KEY", "")
DEFAULT_TIMEOUT = 15
RETRY_STATUSES = (429, 502, 503)


class HubSpotError(Exception):
    def __init__(self, status, body):
        super(HubSpotError, self).__init__("HubSpot answered %s" % status)
        self.status = status
        self.body = body


def send(method, endpoint, retries=2, **kw):
    """Send one request; `endpoint` is the path after the API root."""
    params = kw.setdefault("params", {})
    # callers that talk to developer endpoints pass their own key
    params.setdefault("hapikey", API_KEY)
    kw.setdefault("timeout", DEFAULT_TIMEOUT)
    url = API_ROOT + endpoint
    for attempt in range(retries + 1):
        resp = requests.request(method, url, **kw)
        if resp.status_code in RETRY_STATUSES and attempt < retries:
            log.warning("retrying %s %s (%s)", method, endpoint, resp.status_code)
            time.sleep(2 ** attempt)
            continue
        break
    if resp.status_code >= 400:
        raise HubSpotError(resp.status_code, resp.text)
    if resp.status_code == 204 or not resp.content:
        return None
    return resp.json()
