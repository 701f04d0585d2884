"""Base client: one place that knows how to talk to api.hubapi.com."""
import logging
import time

import requests

log = logging.getLogger(__name__)


class HubSpotApiError(Exception):
    def __init__(self, status, body):
        super(HubSpotApiError, self).__init__("HubSpot returned %s" % status)
        self.status = status
        self.body = body


class BaseClient(object):
    BASE_URL = "https://api.hubapi.com"
    RETRIES = 2

    def __init__(self, api_key, timeout=10):
        self.api_key = api_key
        self.timeout = timeout

    def _call(self, method, path, params=None, body=None):
        query = dict(params or {})
        query["hapikey"] = self.api_key
        url = self.BASE_URL + path
        for attempt in range(self.RETRIES + 1):
            resp = requests.request(method, url, params=query, json=body, timeout=self.timeout)
            if resp.status_code != 429:
                break
            log.warning("rate limited on %s, attempt %d", path, attempt)
            time.sleep(1)
        if resp.status_code >= 400 and resp.status_code != 404:
            raise HubSpotApiError(resp.status_code, resp.text)
        if resp.status_code in (204, 404) or not resp.content:
            return None
        return resp.json()


class DeveloperClient(BaseClient):
    """Calls made with the app developer's key (developer portal), not a customer's."""

    def __init__(self, developer_key, app_id, timeout=10):
        super(DeveloperClient, self).__init__(developer_key, timeout)
        self.app_id = app_id
