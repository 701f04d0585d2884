"""A requests session that adds the portal key on HubSpot hosts and retries 429/5xx."""
import logging
import time
from urllib.parse import urlparse

import requests

log = logging.getLogger(__name__)


class HubSpotSession(requests.Session):
    retries = 3
    backoff = 0.5

    def __init__(self, api_key):
        super().__init__()
        self.api_key = api_key

    def request(self, method, url, **kwargs):
        if urlparse(url).hostname == "api.hubapi.com":
            params = kwargs.pop("params", None) or {}
            params["hapikey"] = self.api_key
            kwargs["params"] = params
        for attempt in range(self.retries):
            resp = super().request(method, url, **kwargs)
            if resp.status_code != 429 and resp.status_code < 500:
                return resp
            log.warning("%s %s: %s, retrying", method, url.split("?")[0], resp.status_code)
            time.sleep(self.backoff * 2 ** attempt)
        return resp
