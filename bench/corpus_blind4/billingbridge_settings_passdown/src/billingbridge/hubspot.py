"""HubSpotAPI: get/post/put/delete over one _request()."""
import logging

import requests

log = logging.getLogger(__name__)


class HubSpotAPI(object):
    def __init__(self, settings):
        self.settings = settings
        self.http = requests.Session()

    def _request(self, method, path, **kwargs):
        params = dict(kwargs.pop("params", None) or {}, hapikey=self.settings.api_key)
        url = self.settings.base_url.rstrip("/") + path
        log.debug("%s %s", method, path)
        resp = self.http.request(method, url, params=params, timeout=self.settings.timeout, **kwargs)
        resp.raise_for_status()
        return resp.json() if resp.content else None

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, data=None, **kwargs):
        return self._request("POST", path, json=data, **kwargs)

    def put(self, path, data=None, **kwargs):
        return self._request("PUT", path, json=data, **kwargs)

    def delete(self, path, **kwargs):
        return self._request("DELETE", path, **kwargs)
