"""Small helpers imported by the analysis notebooks."""
import os

import requests

API_KEY = os.environ.get("HUBSPOT_API_KEY")


def paged(url, key, params=None, limit=1000):
    params = dict(params or {})
    params["hapikey"] = API_KEY
    out, offset = [], 0
    while len(out) < limit:
        params["offset"] = offset
        data = requests.get(url, params=params).json()
        out.extend(data.get(key, []))
        if not data.get("hasMore", data.get("has-more")):
            break
        offset = data["offset"]
    return out
