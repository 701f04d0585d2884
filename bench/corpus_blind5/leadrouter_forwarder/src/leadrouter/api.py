"""One wrapper for every outbound HTTP call.

`request()` takes a HubSpot path ("/contacts/v1/...") or a full URL (Slack, S3
presigned uploads, our intake service, HubSpot paging links). The portal key is only
added when the URL is HubSpot's.
"""
import logging
from urllib.parse import urlparse

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)

HUBSPOT_HOSTS = ("api.hubapi.com", "api.hubspot.com")


def _is_hubspot(url):
    return urlparse(url).hostname in HUBSPOT_HOSTS


class Api(object):
    def __init__(self, key, base="https://api.hubapi.com", timeout=15):
        self.key = key
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.session = requests.Session()
        self.session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5)))

    def request(self, method, target, **kwargs):
        url = target if "://" in target else self.base + target
        if _is_hubspot(url):
            kwargs["params"] = dict(kwargs.get("params") or {}, hapikey=self.key)
        kwargs.setdefault("timeout", self.timeout)
        log.debug("%s %s", method, url.split("?")[0])
        resp = self.session.request(method, url, **kwargs)
        resp.raise_for_status()
        if resp.content and "json" in resp.headers.get("Content-Type", ""):
            return resp.json()
        return resp.text

    def get(self, target, **kwargs):
        return self.request("GET", target, **kwargs)

    def post(self, target, **kwargs):
        return self.request("POST", target, **kwargs)

    def put(self, target, **kwargs):
        return self.request("PUT", target, **kwargs)
