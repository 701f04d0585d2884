"""A requests.Session that retries 429/5xx with exponential back-off."""
import logging
import time

import requests

log = logging.getLogger(__name__)

RETRY_STATUSES = frozenset([429, 500, 502, 503, 504])


class RetryingSession(requests.Session):
    def __init__(self, base_url, retries=3, backoff=0.5):
        super().__init__()
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        attempt = 0
        while True:
            resp = super().request(method, url, *args, **kwargs)
            if resp.status_code not in RETRY_STATUSES or attempt >= self.retries:
                return resp
            wait = self.backoff * (2 ** attempt)
            log.warning("%s %s -> %s, retrying in %.1fs", method, url.split("?")[0], resp.status_code, wait)
            time.sleep(wait)
            attempt += 1


def hubspot_session(cfg):
    hs = cfg["hubspot"]
    session = RetryingSession(hs["base_url"], retries=hs.get("retries", 3), backoff=hs.get("backoff", 0.5))
    session.params = {"hapikey": hs["api_key"]}
    session.headers.update({"Accept": "application/json"})
    return session
