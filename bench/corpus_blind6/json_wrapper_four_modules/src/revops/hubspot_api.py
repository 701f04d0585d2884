import logging

import requests

from revops.settings import get_settings

log = logging.getLogger(__name__)


class HubSpotAPI:
    def __init__(self, settings=None):
        self.settings = settings or get_settings()
        self.session = requests.Session()

    def _request(self, method, path, **kwargs):
        params = {**kwargs.pop("params", {}), "hapikey": self.settings.hubspot_api_key}
        url = self.settings.hubspot_base_url + path
        response = self.session.request(method, url, params=params,
                                        timeout=self.settings.hubspot_timeout, **kwargs)
        if not response.ok:
            log.error("HubSpot %s %s failed: %s", method, path, response.status_code)
            response.raise_for_status()
        return response.json() if response.text else None

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self._request("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self._request("PUT", path, **kwargs)

    def delete(self, path, **kwargs):
        return self._request("DELETE", path, **kwargs)


api = HubSpotAPI.__new__(HubSpotAPI)


def client():
    if not hasattr(api, "session"):
        api.__init__()
    return api
