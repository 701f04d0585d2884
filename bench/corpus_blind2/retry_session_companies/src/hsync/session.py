"""A requests.Session that knows HubSpot: base URL, key, retries on 429/5xx."""
import logging
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

log = logging.getLogger(__name__)


class HubSpotSession(requests.Session):
    base_url = "https://api.hubapi.com"

    def __init__(self, api_key=None, retries=3, backoff=0.5):
        super(HubSpotSession, self).__init__()
        self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]
        self.params["hapikey"] = self.api_key
        self.headers["User-Agent"] = "hsync/1.4"
        retry = Retry(
            total=retries,
            backoff_factor=backoff,
            status_forcelist=(429, 500, 502, 503, 504),
            allowed_methods=frozenset(["GET", "PUT", "POST", "DELETE"]),
        )
        self.mount("https://", HTTPAdapter(max_retries=retry))

    def request(self, method, url, *args, **kwargs):
        if url.startswith("/"):
            url = self.base_url + url
        log.debug("%s %s", method, url)
        return super(HubSpotSession, self).request(method, url, *args, **kwargs)
