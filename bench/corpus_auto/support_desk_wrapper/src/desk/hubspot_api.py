"""Thin wrapper around the HubSpot REST API used by the desk scripts.

send() adds the portal's hapikey to every call, so callers only pass the endpoint
(e.g. "/contacts/v1/contact/email/x@y.com/profile") and their own params.
"""
import logging
import os
import time

from desk.http import session

log = logging.getLogger(__name__)

HUBSPOT_API_KEY = os.environ.get("HUBSPOT_API_KEY", "")
API_BASE = "https://api.hubapi.com"
MAX_RETRIES = 3


class HubSpotError(Exception):
    pass


def send(method, endpoint, params=None, **kwargs):
    params = dict(params or {})
    params["hapikey"] = HUBSPOT_API_KEY
    url = API_BASE + endpoint
    for attempt in range(1, MAX_RETRIES + 1):
        resp = session.request(method, url, params=params, timeout=15, **kwargs)
        if resp.status_code == 429 or resp.status_code >= 500:
            log.warning("%s %s -> %s (attempt %d)", method, endpoint, resp.status_code, attempt)
            time.sleep(2 ** attempt)
            continue
        if resp.status_code >= 400:
            raise HubSpotError("%s %s failed: %s" % (method, endpoint, resp.status_code))
        return resp.json() if resp.content else None
    raise HubSpotError("%s %s: giving up after %d tries" % (method, endpoint, MAX_RETRIES))
