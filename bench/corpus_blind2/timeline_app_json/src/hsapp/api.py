"""One function for every HubSpot call. `key` is whichever key the endpoint wants:
the developer key for app endpoints, the portal key for CRM endpoints."""
import json
import logging
import urllib.parse
import urllib.request

log = logging.getLogger(__name__)
HUBAPI = "https://api.hubapi.com"


def call(method, path, key, query=None, body=None):
    query = dict(query or {})
    query["hapikey"] = key
    url = HUBAPI + path + "?" + urllib.parse.urlencode(query, doseq=True)
    data = None
    headers = {"Accept": "application/json"}
    if body is not None:
        data = json.dumps(body).encode("utf-8")
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    with urllib.request.urlopen(req, timeout=20) as resp:
        raw = resp.read()
    return json.loads(raw) if raw else None
