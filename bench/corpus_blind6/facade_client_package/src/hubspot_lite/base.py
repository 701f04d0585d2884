"""Shared plumbing for the resource clients."""
import logging
import time

import requests

log = logging.getLogger("hubspot_lite")

DEFAULT_BASE_URL = "https://api.hubapi.com"


class HubSpotError(Exception):
    def __init__(self, status, body):
        super().__init__("HubSpot answered %s" % status)
        self.status = status
        self.body = body


class BaseClient(object):
    base_url = DEFAULT_BASE_URL
    max_retries = 3

    def __init__(self, api_key, session=None, timeout=15):
        self.api_key = api_key
        self.session = session or requests.Session()
        self.timeout = timeout

    def _request(self, method, path, params=None, **kwargs):
        query = {"hapikey": self.api_key}
        if params:
            query.update(params)
        url = self.base_url + path
        for attempt in range(self.max_retries):
            response = self.session.request(method, url, params=query, timeout=self.timeout, **kwargs)
            if response.status_code == 429 or response.status_code >= 500:
                log.warning("retrying %s %s (%s)", method, path, response.status_code)
                time.sleep(2 ** attempt)
                continue
            break
        if response.status_code >= 400:
            raise HubSpotError(response.status_code, response.text)
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    def _get(self, path, **params):
        return self._request("GET", path, params=params)

    def _post(self, path, data, params=None):
        return self._request("POST", path, params=params, json=data)

    def _put(self, path, data):
        return self._request("PUT", path, json=data)

    def _delete(self, path):
        return self._request("DELETE", path)
