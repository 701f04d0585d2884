"""Requests on behalf of one installed portal."""
import logging

import requests

log = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"


def auth_for(row):
    """(params, headers) for a portal row."""
    if row["access_token"]:
        return {}, {"Authorization": "Bearer " + row["access_token"]}
    return {"hapikey": row["api_key"]}, {}


def hs_get(row, path, **params):
    auth_params, headers = auth_for(row)
    r = requests.get(API_ROOT + path, params={**params, **auth_params}, headers=headers, timeout=10)
    r.raise_for_status()
    return r.json()


def contact_profile(api_key, vid):
    r = requests.get(
        "%s/contacts/v1/contact/vid/%d/profile" % (API_ROOT, vid),
        params={"hapikey": api_key, "propertyMode": "value_only"},
        timeout=10,
    )
    r.raise_for_status()
    return r.json()


def create_task(api_key, vid, subject, owner_id=None):
    engagement = {"active": True, "type": "TASK"}
    if owner_id:
        engagement["ownerId"] = owner_id
    body = {
        "engagement": engagement,
        "associations": {"contactIds": [vid]},
        "metadata": {"subject": subject, "status": "NOT_STARTED"},
    }
    r = requests.post(API_ROOT + "/engagements/v1/engagements", params={"hapikey": api_key}, json=body, timeout=10)
    return r.json()["engagement"]["id"]
