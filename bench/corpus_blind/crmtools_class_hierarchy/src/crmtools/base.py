import logging

import requests

logger = logging.getLogger(__name__)


class HubSpotError(Exception):
    def __init__(self, response):
        self.status_code = response.status_code
        super(HubSpotError, self).__init__("HubSpot returned %s" % response.status_code)


class BaseClient(object):
    """Shared plumbing. Subclasses set ENDPOINT (the API family and version)."""

    ENDPOINT = ""

    def __init__(self, api_key, base_url="https://api.hubapi.com", timeout=20):
        self.api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()

    def _path(self, suffix):
        return "%s/%s" % (self.ENDPOINT, suffix.lstrip("/")) if suffix else self.ENDPOINT

    def _call(self, method, suffix="", data=None, query=None):
        url = "%s/%s" % (self.base_url, self._path(suffix))
        query = query or {}
        if "hapikey" not in query:
            query["hapikey"] = self.api_key
        logger.debug("%s %s", method, url)
        response = self.session.request(method, url, params=query, json=data, timeout=self.timeout)
        if response.status_code >= 400:
            raise HubSpotError(response)
        if response.status_code == 204 or not response.content:
            return None
        return response.json()
