"""HubSpot access for the ticket bot (httpx, HTTP/1.1, connection reuse)."""
import os

import httpx

HUBSPOT_API_KEY = os.getenv("HUBSPOT_API_KEY", "")

hub = httpx.Client(
    base_url="https://api.hubapi.com",
    params={"hapikey": HUBSPOT_API_KEY},
    headers={"Accept": "application/json"},
    timeout=10.0,
)


def get(path, **params):
    resp = hub.get(path, params=params)
    resp.raise_for_status()
    return resp.json()


def post(path, payload):
    resp = hub.post(path, json=payload)
    resp.raise_for_status()
    return resp.json()
