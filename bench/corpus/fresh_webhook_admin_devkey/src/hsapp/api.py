"""One entry point for every HubSpot call: the caller says which key to use."""
import json
import logging

import requests

log = logging.getLogger(__name__)

BASE_URL = "https://api.hubapi.com"


class HubSpotAPIError(Exception):
    def __init__(self, status, body):
        super(HubSpotAPIError, self).__init__("%s %s" % (status, body))
        self.status = status
        self.body = body


def call(method, path, key, **kwargs):
    params = kwargs.pop("params", None) or {}
    params["hapikey"] = key
    if "json" in kwargs:
        kwargs["data"] = json.dumps(kwargs.pop("json"))
        kwargs.setdefault("headers", {})["Content-Type"] = "application/json"
    resp = requests.request(method, BASE_URL + path, params=params, timeout=15, **kwargs)
    if resp.status_code >= 400:
        raise HubSpotAPIError(resp.status_code, resp.text)
    if resp.status_code == 204 or not resp.content:
        return None
    return resp.json()
