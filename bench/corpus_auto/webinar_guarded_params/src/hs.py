# -*- coding: utf-8 -*-
"""HubSpot helpers for the webinar tool (Zoom registrants -> HubSpot contacts)."""
import logging
import os

import requests

HUBSPOT_KEY = os.environ.get("HUBSPOT_KEY")
API = "https://api.hubapi.com"

log = logging.getLogger("webinar.hs")


def hs_get(path, params=None):
    params = params or {}
    if "hapikey" not in params:
        params["hapikey"] = HUBSPOT_KEY
    r = requests.get(API + path, params=params, timeout=30)
    r.raise_for_status()
    return r.json()


def hs_post(path, payload, params=None):
    if params is None:
        params = {}
    if not params.get("hapikey"):
        params["hapikey"] = HUBSPOT_KEY
    r = requests.post(API + path, params=params, json=payload, timeout=30)
    if r.status_code == 409:
        log.info("conflict on %s, ignoring", path)
        return None
    r.raise_for_status()
    return r.json() if r.content else None


def hs_delete(path, **params):
    params.setdefault("hapikey", HUBSPOT_KEY)
    return requests.delete(API + path, params=params, timeout=30).status_code
