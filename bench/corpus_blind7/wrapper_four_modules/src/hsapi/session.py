import logging
import time

import requests

log = logging.getLogger(__name__)


class RetrySession(requests.Session):
    """requests.Session that retries 429 and 5xx a few times with back-off."""

    def __init__(self, retries=3, backoff=1.5):
        super().__init__()
        self.retries = retries
        self.backoff = backoff

    def request(self, method, url, *args, **kwargs):
        delay = 1.0
        for attempt in range(self.retries + 1):
            resp = super().request(method, url, *args, **kwargs)
            if resp.status_code != 429 and resp.status_code < 500:
                return resp
            if attempt == self.retries:
                return resp
            log.warning("HubSpot %s, retry %d", resp.status_code, attempt + 1)
            time.sleep(delay)
            delay *= self.backoff
        return resp
