"""Minimal HubSpot helper shared by the extract and writeback steps."""

import logging
import time

import requests

from etl import config

log = logging.getLogger("etl.hubspot")

BASE_URL = config.HUBSPOT_BASE_URL
API_KEY = config.API_KEY
MAX_RETRIES = 3
RETRY_PAUSE = 10  # seconds; HubSpot allows 10 requests per second on our tier


class HubSpotAPIError(Exception):
    def __init__(self, status, body):
        super(HubSpotAPIError, self).__init__("%s: %s" % (status, body[:200]))
        self.status = status


def send(method, endpoint, params=None, data=None):
    """Send a request to HubSpot and return the decoded JSON (or None)."""
    if params is None:
        params = {}
    if "hapikey" not in params:
        params["hapikey"] = API_KEY
    url = BASE_URL + endpoint

    for attempt in range(1, MAX_RETRIES + 1):
        response = requests.request(method, url, params=params, json=data, timeout=30)
        if response.status_code == 429 or response.status_code >= 500:
            log.warning(
                "%s %s -> %s (attempt %d)",
                method,
                endpoint,
                response.status_code,
                attempt,
            )
            if RETRY_PAUSE:
                time.sleep(RETRY_PAUSE * attempt)
            continue
        if response.status_code >= 400:
            raise HubSpotAPIError(response.status_code, response.text)
        if response.status_code == 204 or not response.text:
            return None
        return response.json()
    raise HubSpotAPIError(response.status_code, response.text)


def paged(endpoint, items_key, offset_param, offset_key, more_key, params=None):
    """Generic walker for the v1/v2 'offset + has-more' style endpoints."""
    params = dict(params or {})
    while True:
        page = send("GET", endpoint, params=dict(params))
        for item in page.get(items_key, []):
            yield item
        if not page.get(more_key):
            return
        params[offset_param] = page[offset_key]
