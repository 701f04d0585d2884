"""One helper for both keys: the developer key (app setup) and the portal key."""
import json
import logging

import requests

log = logging.getLogger(__name__)

ROOT = "https://api.hubapi.com"


def hs_request(method, path, api_key, body=None, **query):
    sep = "&" if "?" in path else "?"
    url = "%s%s%shapikey=%s" % (ROOT, path, sep, api_key)
    resp = requests.request(
        method,
        url,
        params=query or None,
        data=json.dumps(body) if body is not None else None,
        headers={"Content-Type": "application/json"},
        timeout=15,
    )
    if resp.status_code >= 400:
        log.error("%s %s -> %s", method, path, resp.status_code)
        resp.raise_for_status()
    return resp.json() if resp.content else None
