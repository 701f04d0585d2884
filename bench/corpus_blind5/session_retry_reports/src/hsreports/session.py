"""The shared requests session: retries on 429/5xx, portal key as a default param."""
import functools
import os

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

BASE = "https://api.hubapi.com"
USER_AGENT = "hsreports/2.1 (+ops@example.com)"


def build_session(api_key, retries=5):
    session = requests.Session()
    retry = Retry(
        total=retries,
        backoff_factor=1,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset(["GET", "POST", "PUT"]),
    )
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=4)
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    session.headers.update({"User-Agent": USER_AGENT, "Accept": "application/json"})
    session.params.update({"hapikey": api_key})
    return session


@functools.lru_cache(maxsize=1)
def get_session():
    return build_session(os.environ["HUBSPOT_API_KEY"])
