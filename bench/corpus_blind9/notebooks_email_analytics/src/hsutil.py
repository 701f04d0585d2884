"""Shared helpers for the marketing analytics notebooks and scripts."""
import json
import os

import requests

BASE = "https://api.hubapi.com"
HERE = os.path.dirname(os.path.abspath(__file__))


def _secrets():
    path = os.path.join(HERE, "secrets.json")
    if not os.path.exists(path):
        path = os.path.join(HERE, "secrets.example.json")
    with open(path) as fh:
        return json.load(fh)


API_KEY = os.environ.get("HUBSPOT_API_KEY") or _secrets()["hubspot"]["api_key"]
APP_ID = os.environ.get("HUBSPOT_EMAIL_APP_ID", "113")


def get(endpoint, **params):
    params.setdefault("hapikey", API_KEY)
    r = requests.get(BASE + endpoint, params=params)
    r.raise_for_status()
    return r.json()


def paged(endpoint, items_key, offset_key="offset", more_key="hasMore", **params):
    while True:
        data = get(endpoint, **params)
        for item in data.get(items_key, []):
            yield item
        if not data.get(more_key):
            break
        params["offset"] = data[offset_key]
