"""Session classes: retries for everything, HubSpot auth on top."""
import logging
import os
import time

import requests

log = logging.getLogger(__name__)


class RetrySession(requests.Session):
    """requests.Session that retries 429/5xx with exponential back-off."""

    def __init__(self, retries=3, backoff=0.5):
        super(RetrySession, self).__init__()
        self.retries = retries
        self.backoff = backoff

    def request(self, method, url, **kwargs):
        attempt = 0
        while True:
            resp = super(RetrySession, self).request(method, url, **kwargs)
            if resp.status_code < 500 and resp.status_code != 429 or attempt >= self.retries:
                return resp
            attempt += 1
            log.warning("retry %d for %s %s", attempt, method, url)
            time.sleep(self.backoff * 2 ** attempt)


class HubSpotSession(RetrySession):
    """Adds HubSpot credentials: an OAuth access token when the app is installed through
    OAuth, the portal API key otherwise."""

    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, oauth_token=None, **kwargs):
        super(HubSpotSession, self).__init__(**kwargs)
        self.api_key = api_key
        self.oauth_token = oauth_token
        if oauth_token:
            self.headers["Authorization"] = "Bearer %s" % oauth_token

    def request(self, method, url, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        if not self.oauth_token:
            params = kwargs.get("params") or {}
            kwargs["params"] = dict(params, hapikey=self.api_key)
        return super(HubSpotSession, self).request(method, url, **kwargs)


def from_env():
    return HubSpotSession(api_key=os.environ.get("HUBSPOT_API_KEY"),
                          oauth_token=os.environ.get("HUBSPOT_OAUTH_TOKEN"))
