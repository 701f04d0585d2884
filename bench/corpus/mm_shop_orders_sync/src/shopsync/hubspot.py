import logging

import requests

from shopsync import constants

log = logging.getLogger(__name__)


class HubSpotClient(object):
    BASE_URL = constants.BASE_URL

    def __init__(self, api_key=None):
        self.api_key = api_key or constants.HUBSPOT_KEY

    def _request(self, method, path, **kwargs):
        params = kwargs.setdefault("params", {})
        params.setdefault("hapikey", self.api_key)
        kwargs.setdefault("headers", dict(constants.HEADERS))
        r = requests.request(method, self.BASE_URL + path, **kwargs)
        if r.status_code >= 400:
            log.error("%s %s: %s %s", method, path, r.status_code, r.text[:300])
            r.raise_for_status()
        return r.json() if r.text else {}

    def get(self, path, params=None):
        return self._request("GET", path, params=params or {})

    def post(self, path, data):
        return self._request("POST", path, json=data)

    def put(self, path, data=None, params=None):
        return self._request("PUT", path, json=data, params=params or {})


hubspot = HubSpotClient()
