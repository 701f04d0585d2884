"""requests.Session that retries and signs HubSpot calls."""
import logging
import time

import requests

log = logging.getLogger(__name__)


class HubSpotSession(requests.Session):
    def __init__(self, api_key, retries=3):
        super(HubSpotSession, self).__init__()
        self.api_key = api_key
        self.retries = retries
        self.headers["Accept"] = "application/json"

    def request(self, method, url, **kwargs):
        if "hubapi.com" in url:
            params = kwargs.pop("params", None) or {}
            params["hapikey"] = self.api_key
            kwargs["params"] = params
        for attempt in range(1, self.retries + 1):
            response = super(HubSpotSession, self).request(method, url, **kwargs)
            if response.status_code < 500 and response.status_code != 429:
                return response
            log.warning("attempt %d: %s %s", attempt, method, response.status_code)
            time.sleep(attempt)
        return response
