"""HTTP helpers shared by every integration in this repo (HubSpot, Zendesk, Slack,
the internal billing API)."""
import logging

import requests

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 20


def get_json(url, params=None, headers=None, auth=None):
    resp = requests.get(url, params=params, headers=headers, auth=auth, timeout=DEFAULT_TIMEOUT)
    if not resp.ok:
        log.warning("GET %s -> %s", resp.url.split("?")[0], resp.status_code)
    resp.raise_for_status()
    return resp.json()


def send_json(method, url, payload, params=None, headers=None, auth=None):
    resp = requests.request(
        method, url, json=payload, params=params, headers=headers, auth=auth,
        timeout=DEFAULT_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json() if resp.content else None
