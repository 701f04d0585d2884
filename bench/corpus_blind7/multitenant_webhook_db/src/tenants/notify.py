import logging

import requests

log = logging.getLogger(__name__)


def post_json(url, payload, api_key=None):
    """POST JSON; HubSpot calls pass their key, Slack hooks don't."""
    if api_key:
        url = url + ("&" if "?" in url else "?") + "hapikey=" + api_key
    resp = requests.post(url, json=payload, timeout=10)
    if resp.status_code >= 300:
        log.warning("POST failed with %s", resp.status_code)
    return resp
