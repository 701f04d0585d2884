"""Everything that leaves the app over HTTP goes through post_json/get_json."""
import logging

import requests
from flask import current_app

log = logging.getLogger(__name__)

HUBSPOT = "https://api.hubapi.com"


def _with_key(url, key):
    if key:
        url += ("&" if "?" in url else "?") + "hapikey=" + key
    return url


def post_json(url, payload, key=None):
    r = requests.post(_with_key(url, key), json=payload, timeout=8)
    if r.status_code >= 400:
        log.warning("POST %s -> %s", url.split("?")[0], r.status_code)
    return r


def get_json(url, key=None, **params):
    r = requests.get(_with_key(url, key), params=params, timeout=8)
    r.raise_for_status()
    return r.json()


def hubspot_key():
    return current_app.config["HUBSPOT_API_KEY"]


def notify_slack(text):
    url = current_app.config.get("SLACK_WEBHOOK_URL")
    if not url:
        return None
    return post_json(url, {"text": text}).status_code
