"""The one-off `call()` from the first version of the app, still used by a few places."""
import json

import requests

ROOT = "https://api.hubapi.com"


def call(path, key, method="GET", body=None):
    sep = "&" if "?" in path else "?"
    url = ROOT + path + sep + "hapikey=" + key
    headers = {"Content-Type": "application/json"} if body is not None else {}
    resp = requests.request(method, url, data=json.dumps(body) if body is not None else None,
                            headers=headers)
    resp.raise_for_status()
    return resp.json() if resp.content else None
