"""HubSpotAPI: get/post/put/delete all go through _request(method, path, **kwargs)."""
import logging
import os
import time

import requests

log = logging.getLogger(__name__)


class HubSpotAPI(object):
    host = "https://api.hubapi.com"

    def __init__(self, api_key=os.environ.get("HUBSPOT_API_KEY"), max_retries=2):
        self.api_key = api_key
        self.max_retries = max_retries

    def _request(self, method, path, **kwargs):
        params = kwargs.pop("params", None) or {}
        params.setdefault("hapikey", self.api_key)
        for attempt in range(self.max_retries + 1):
            resp = requests.request(method, self.host + path, params=params, **kwargs)
            if resp.status_code in (429, 502, 503) and attempt < self.max_retries:
                log.warning("retry %s %s (%s)", method, path, resp.status_code)
                time.sleep(1 + attempt)
                continue
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


api = HubSpotAPI()
