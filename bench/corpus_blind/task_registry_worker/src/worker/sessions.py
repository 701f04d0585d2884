import logging
import time

import requests
from requests.adapters import HTTPAdapter

log = logging.getLogger(__name__)


class RetryingSession(requests.Session):
    """requests.Session that authenticates to HubSpot and waits out 429s."""

    base_url = "https://api.hubapi.com"

    def __init__(self, api_key, retries=3, backoff=0.5):
        super(RetryingSession, self).__init__()
        self.retries = retries
        self.backoff = backoff
        self.params["hapikey"] = api_key
        self.headers["Accept"] = "application/json"
        self.mount("https://", HTTPAdapter(pool_maxsize=4))

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        kwargs.setdefault("timeout", 20)
        for attempt in range(self.retries + 1):
            response = super(RetryingSession, self).request(method, url, *args, **kwargs)
            if response.status_code != 429 or attempt == self.retries:
                return response
            wait = float(response.headers.get("Retry-After", self.backoff * 2 ** attempt))
            log.warning("429 from HubSpot, sleeping %.1fs", wait)
            time.sleep(wait)
        return response
