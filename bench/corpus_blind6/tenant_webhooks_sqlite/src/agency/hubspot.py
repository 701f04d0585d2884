import os

import requests

BASE = "https://api.hubapi.com"
AGENCY_KEY = os.environ.get("HUBSPOT_API_KEY")  # the agency's own portal


def get(path, api_key=AGENCY_KEY, **params):
    params["hapikey"] = api_key
    r = requests.get(BASE + path, params=params, timeout=10)
    r.raise_for_status()
    return r.json()


def post(path, body, api_key=AGENCY_KEY):
    r = requests.post(BASE + path, params={"hapikey": api_key}, json=body, timeout=10)
    r.raise_for_status()
    return r.json() if r.content else None
