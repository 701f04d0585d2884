"""Thin HubSpot helpers used from the lead-scoring notebooks.

Written against the v1 contacts API. Reads the key from HUBSPOT_API_KEY.
"""
import logging
import os

import requests

log = logging.getLogger(__name__)

API_KEY = os.getenv("HUBSPOT_API_KEY")
BASE_URL = "https://api.hubapi.com"
DEFAULT_PARAMS = {"hapikey": API_KEY}


def get_contact(vid):
    url = "%s/contacts/v1/contact/vid/%s/profile" % (BASE_URL, vid)
    resp = requests.get(url, params=DEFAULT_PARAMS)
    resp.raise_for_status()
    return resp.json()


def update_score(vid, score, grade):
    """Write the score back to two custom contact properties."""
    body = {
        "properties": [
            {"property": "ls_score", "value": score},
            {"property": "ls_grade", "value": grade},
        ]
    }
    url = "%s/contacts/v1/contact/vid/%s/profile" % (BASE_URL, vid)
    resp = requests.post(url, params=DEFAULT_PARAMS, json=body)
    if resp.status_code != 204:
        log.warning("could not update %s: %s", vid, resp.status_code)
        return False
    return True


def recent_contacts(count=50, since=None):
    params = dict(DEFAULT_PARAMS)
    params["count"] = count
    if since:
        params["timeOffset"] = since
    url = BASE_URL + "/contacts/v1/lists/recently_updated/contacts/recent"
    resp = requests.get(url, params=params)
    resp.raise_for_status()
    return resp.json().get("contacts", [])
