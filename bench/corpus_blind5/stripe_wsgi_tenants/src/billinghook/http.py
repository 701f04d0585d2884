"""fetch_json for every JSON API we call (Stripe, HubSpot)."""
import json
import logging
import urllib.request
from urllib.parse import urlencode

log = logging.getLogger(__name__)


def fetch_json(url, method="GET", params=None, headers=None, body=None):
    if params:
        url = url + ("&" if "?" in url else "?") + urlencode(params)
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Accept": "application/json", **(headers or {})})
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=15) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None
