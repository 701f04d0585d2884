"""Thin HubSpot API wrapper shared by the worker's modules."""
import logging
import os

import requests

logger = logging.getLogger(__name__)


class HubSpotAPIError(Exception):
    def __init__(self, status, message):
        super(HubSpotAPIError, self).__init__("%s: %s" % (status, message))
        self.status = status


class HubSpotAPI(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, timeout=30):
        self.api_key = api_key or os.environ.get("HUBSPOT_API_KEY")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers.update({"Accept": "application/json"})

    def _request(self, method, path, **kwargs):
        kwargs.setdefault("params", {})["hapikey"] = self.api_key
        kwargs.setdefault("timeout", self.timeout)
        url = self.base_url + path
        logger.debug("%s %s", method, path)
        response = self.session.request(method, url, **kwargs)
        if response.status_code >= 400:
            raise HubSpotAPIError(response.status_code, response.text[:200])
        if response.status_code == 204 or not response.content:
            return None
        return response.json()

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, data=None, **kwargs):
        return self._request("POST", path, json=data, **kwargs)

    def put(self, path, data=None, **kwargs):
        return self._request("PUT", path, json=data, **kwargs)

    def delete(self, path, **kwargs):
        return self._request("DELETE", path, **kwargs)


_api = None


def get_api():
    global _api
    if _api is None:
        _api = HubSpotAPI()
    return _api
