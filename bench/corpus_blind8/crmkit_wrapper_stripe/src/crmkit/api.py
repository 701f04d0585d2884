import json
import logging
import os

import requests

logger = logging.getLogger(__name__)


class HubSpotAPIError(Exception):
    pass


class HubSpotAPI(object):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, timeout=20):
        self.api_key = api_key or os.environ.get("HUBSPOT_API_KEY")
        self.timeout = timeout

    def _request(self, method, path, **kwargs):
        params = kwargs.pop("params", None) or {}
        params["hapikey"] = self.api_key
        headers = {"Content-Type": "application/json"}
        headers.update(kwargs.pop("headers", {}))
        data = kwargs.pop("data", None)
        if data is not None and not isinstance(data, str):
            data = json.dumps(data)
        resp = requests.request(method, self.base_url + path, params=params, data=data,
                                headers=headers, timeout=self.timeout, **kwargs)
        if not resp.ok:
            logger.error("%s %s failed: %s", method, path, resp.status_code)
            raise HubSpotAPIError(resp.status_code)
        return resp.json() if resp.text else {}

    def get(self, path, **kwargs):
        return self._request("GET", path, **kwargs)

    def post(self, path, **kwargs):
        return self._request("POST", path, **kwargs)

    def put(self, path, **kwargs):
        return self._request("PUT", path, **kwargs)

    def delete(self, path, **kwargs):
        return self._request("DELETE", path, **kwargs)


_default = None


def default_api():
    global _default
    if _default is None:
        _default = HubSpotAPI()
    return _default
