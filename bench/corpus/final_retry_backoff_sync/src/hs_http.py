"""Thin HTTP helper for the HubSpot nightly jobs.

Retries 429/5xx with exponential backoff. The portal key is added to every
call here so the callers don't have to care about it.
"""
import logging
import os
import time

import requests

log = logging.getLogger(__name__)

HUBSPOT_BASE = "https://api.hubapi.com"
API_KEY = os.environ.get("HUBSPOT_API_KEY")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXX")

session = requests.Session()
session.headers.update({"User-Agent": "acme-hs-nightly/1.4"})

MAX_TRIES = 4
BACKOFF = 0  # seconds, doubled per attempt; 0 in dev


def hs_request(method, path, params=None, json=None, tries=MAX_TRIES):
    params = dict(params or {})
    params["hapikey"] = API_KEY
    url = HUBSPOT_BASE + path
    delay = BACKOFF
    for attempt in range(1, tries + 1):
        log.debug("HS %s %s params=%s (attempt %d)", method, url, params, attempt)
        resp = session.request(method, url, params=params, json=json, timeout=30)
        if resp.status_code == 429 or resp.status_code >= 500:
            log.warning("HubSpot said %s, backing off %ss", resp.status_code, delay)
            if delay:
                time.sleep(delay)
            delay = delay * 2 or 0
            continue
        resp.raise_for_status()
        return resp.json() if resp.content else {}
    raise RuntimeError("HubSpot still failing after %d tries: %s" % (tries, url))


def hs_get(path, **params):
    return hs_request("GET", path, params=params)


def hs_post(path, body, **params):
    return hs_request("POST", path, params=params, json=body)


def notify_slack(text):
    # same session, different host -- don't leak anything here
    session.post(SLACK_WEBHOOK, json={"text": text}, timeout=10)
