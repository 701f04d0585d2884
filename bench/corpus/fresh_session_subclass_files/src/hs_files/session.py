# -*- coding: utf-8 -*-
"""A requests.Session that knows the HubSpot base URL and signs API calls.

    s = HubSpotSession(api_key)
    s.get("/filemanager/api/v2/files", params={"limit": 50})

Only requests to the API host get the key; file URLs served from the CDN
(cdn2.hubspot.net, f.hubspotusercontent-na1.net, ...) are fetched as they are.
"""
import logging

import requests
from requests.adapters import HTTPAdapter

try:
    from urllib.parse import urlparse
except ImportError:  # py2
    from urlparse import urlparse

logger = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"
API_HOSTS = ("api.hubapi.com", "api.hubspot.com")


class HubSpotSession(requests.Session):

    def __init__(self, api_key, api_root=API_ROOT, timeout=20):
        super(HubSpotSession, self).__init__()
        self.api_key = api_key
        self.api_root = api_root.rstrip("/")
        self.timeout = timeout
        self.headers.update({"Accept": "application/json"})
        self.mount("https://", HTTPAdapter(max_retries=3))

    def _is_api(self, url):
        return urlparse(url).netloc in API_HOSTS

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.api_root + url
        if self._is_api(url):
            params = dict(kwargs.pop("params", None) or {})
            params["hapikey"] = self.api_key
            kwargs["params"] = params
        kwargs.setdefault("timeout", self.timeout)
        logger.debug("%s %s", method, url)
        return super(HubSpotSession, self).request(method, url, *args, **kwargs)
