"""Tiny HTTP helpers.

hs_get / hs_post already carry the portal key, so callers only pass the URL
(add any extra query string to the URL itself).
"""
import functools
import logging
import time

import requests

from hsexport import settings

log = logging.getLogger(__name__)

RETRY_STATUSES = (429, 500, 502, 503, 504)

hs_get = functools.partial(
    requests.get, params={"hapikey": settings.HUBSPOT_API_KEY}, timeout=30
)
hs_post = functools.partial(
    requests.post, params={"hapikey": settings.HUBSPOT_API_KEY}, timeout=30
)


def with_retries(fn, *args, **kwargs):
    """Call fn(*args, **kwargs), retrying on throttling / server errors."""
    delay = 1.0
    for attempt in range(settings.MAX_RETRIES):
        try:
            resp = fn(*args, **kwargs)
        except requests.ConnectionError:
            log.warning("connection error, attempt %d", attempt + 1)
            time.sleep(delay)
            delay *= 2
            continue
        if resp.status_code in RETRY_STATUSES:
            wait = float(resp.headers.get("Retry-After", delay))
            log.warning("got %s, sleeping %.1fs", resp.status_code, wait)
            time.sleep(wait)
            delay *= 2
            continue
        return resp
    raise RuntimeError("gave up after %d attempts" % settings.MAX_RETRIES)
