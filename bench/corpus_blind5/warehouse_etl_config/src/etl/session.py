"""A requests.Session that retries 429/5xx itself (urllib3's Retry did not honour
HubSpot's Retry-After on our old version)."""
import logging
import time

import requests

log = logging.getLogger(__name__)


class RetryingSession(requests.Session):
    def __init__(self, retries=4, backoff=2.0):
        super(RetryingSession, self).__init__()
        self.retries = retries
        self.backoff = backoff

    def request(self, method, url, **kwargs):
        kwargs.setdefault("timeout", 30)
        for attempt in range(self.retries + 1):
            resp = super(RetryingSession, self).request(method, url, **kwargs)
            if resp.status_code not in (429, 500, 502, 503) or attempt == self.retries:
                return resp
            wait = float(resp.headers.get("Retry-After", self.backoff * (attempt + 1)))
            log.warning("%s %s -> %s, sleeping %.1fs", method, url.split("?")[0], resp.status_code, wait)
            time.sleep(wait)
        return resp


def hubspot_session(cfg):
    session = RetryingSession()
    session.params = {"hapikey": cfg.hubspot["api_key"]}
    session.headers["Accept"] = "application/json"
    return session
