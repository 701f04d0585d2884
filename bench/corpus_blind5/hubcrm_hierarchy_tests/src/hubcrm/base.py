"""The base every resource client extends."""
import logging

import requests

log = logging.getLogger(__name__)


class HubSpotAPIError(Exception):
    def __init__(self, status, message=""):
        super(HubSpotAPIError, self).__init__("%s %s" % (status, message))
        self.status = status


class BaseClient(object):
    BASE_URL = "https://api.hubapi.com"

    def __init__(self, api_key, timeout=10, session=None):
        self.api_key = api_key
        self.timeout = timeout
        self.session = session or requests.Session()

    def _url(self, path):
        return self.BASE_URL + path

    def _call(self, method, path, params=None, data=None):
        params = {**(params or {}), "hapikey": self.api_key}
        resp = self.session.request(
            method,
            self._url(path),
            params=params,
            json=data,
            timeout=self.timeout,
        )
        if resp.status_code >= 400:
            raise HubSpotAPIError(resp.status_code, resp.text[:200])
        if resp.status_code == 204 or not resp.content:
            return None
        return resp.json()
