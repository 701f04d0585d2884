"""HTTP plumbing for the importer: a pre-bound POST, a getter factory."""
import functools
import os

import requests

BASE = "https://api.hubapi.com"
API_KEY = os.environ.get("HUBSPOT_API_KEY")

post = functools.partial(requests.post, params={"hapikey": API_KEY}, timeout=30)


def make_getter(key):
    def get(path, **params):
        params["hapikey"] = key
        resp = requests.get(BASE + path, params=params, timeout=30)
        resp.raise_for_status()
        return resp.json()

    return get


def chunks(items, size):
    for i in range(0, len(items), size):
        yield items[i:i + size]
