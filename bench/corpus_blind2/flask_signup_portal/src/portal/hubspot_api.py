"""HubSpotAPI: a Flask extension wrapping the REST API (get/post/put/delete)."""
import logging

import requests

log = logging.getLogger(__name__)


class HubSpotAPI(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, app=None):
        self.api_key = None
        if app is not None:
            self.init_app(app)

    def init_app(self, app):
        self.api_key = app.config["HUBSPOT_API_KEY"]
        app.extensions = getattr(app, "extensions", {})
        app.extensions["hubspot"] = self

    def _request(self, method, path, **kwargs):
        kwargs.setdefault("params", {})["hapikey"] = self.api_key
        kwargs.setdefault("timeout", 10)
        resp = requests.request(method, self.base_url + path, **kwargs)
        if resp.status_code >= 400:
            log.warning("HubSpot %s %s -> %s", method, path, resp.status_code)
        resp.raise_for_status()
        return resp.json() if resp.content else None

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self._request("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self._request("PUT", path, **kwargs)

    def delete(self, path, **kwargs):
        return self._request("DELETE", path, **kwargs)
