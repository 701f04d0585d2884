import logging

import requests

log = logging.getLogger("hsclient")


class HubSpotError(Exception):
    def __init__(self, status, body):
        super().__init__("HubSpot answered %s: %s" % (status, body))
        self.status = status


class BaseClient(object):
    api_base = "https://api.hubapi.com"

    def __init__(self, api_key=None, access_token=None, timeout=10):
        if not (api_key or access_token):
            raise ValueError("api_key or access_token is required")
        self.api_key = api_key
        self.access_token = access_token
        self.timeout = timeout

    def _auth_params(self):
        return {"hapikey": self.api_key} if self.api_key else {}

    def _auth_headers(self):
        if self.access_token:
            return {"Authorization": "Bearer {}".format(self.access_token)}
        return {}

    def _call(self, method, path, params=None, data=None):
        url = self.api_base + path
        query = {**self._auth_params(), **(params or {})}
        headers = {"Accept": "application/json", **self._auth_headers()}
        log.debug("%s %s", method, url)
        resp = requests.request(method, url, params=query, json=data, headers=headers,
                                timeout=self.timeout)
        if resp.status_code >= 400:
            raise HubSpotError(resp.status_code, resp.text)
        if resp.status_code == 204 or not resp.content:
            return None
        return resp.json()
