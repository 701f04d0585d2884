import logging

import requests

log = logging.getLogger(__name__)


class HubSpotHttpError(Exception):
    pass


class HubSpotHttp(object):
    """Tiny helper: base url + key handling. One instance per key
    (developer key for app-level endpoints, portal key for CRM endpoints)."""

    def __init__(self, key, base_url="https://api.hubapi.com"):
        self.key = key
        self.base_url = base_url

    def request(self, method, path, **kwargs):
        params = kwargs.pop("params", None) or {}
        params["hapikey"] = self.key
        kwargs.setdefault("timeout", 15)
        resp = requests.request(method, self.base_url + path, params=params, **kwargs)
        if resp.status_code >= 400:
            raise HubSpotHttpError("%s %s: %s" % (method, path, resp.status_code))
        if resp.status_code == 204 or not resp.content:
            return None
        return resp.json()

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, payload, **kwargs):
        return self.request("POST", path, json=payload, **kwargs)

    def put(self, path, payload, **kwargs):
        return self.request("PUT", path, json=payload, **kwargs)

    def delete(self, path, **kwargs):
        return self.request("DELETE", path, **kwargs)
