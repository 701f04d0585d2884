import os

import requests

from . import db
from .notify import post_json

API = "https://api.hubapi.com"
# our own portal (demo account) is not in the DB
STATIC_PORTALS = {"62515": os.environ.get("HUBSPOT_API_KEY")}


def key_for(portal_id):
    row = db.portal_row(portal_id)
    if row is not None:
        return row["api_key"]
    return STATIC_PORTALS.get(str(portal_id))


def fetch_contact(portal_id, vid):
    key = key_for(portal_id)
    resp = requests.get(
        API + "/contacts/v1/contact/vid/%s/profile" % vid,
        params={"hapikey": key, "propertyMode": "value_only"},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()


def fetch_deal(row, deal_id):
    url = "{api}/deals/v1/deal/{id}?hapikey={key}&includePropertyVersions=false".format(
        api=API, id=deal_id, key=row["api_key"])
    return requests.get(url, timeout=10).json()


def log_note(portal_id, vid, text, owner_id=None):
    body = {
        "engagement": {"active": True, "type": "NOTE", "ownerId": owner_id},
        "associations": {"contactIds": [vid]},
        "metadata": {"body": text},
    }
    return post_json(API + "/engagements/v1/engagements", body, api_key=key_for(portal_id))
