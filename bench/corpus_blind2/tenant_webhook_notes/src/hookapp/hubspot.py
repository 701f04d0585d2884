"""Per-portal HubSpot calls; every function takes the portal's own API key."""
import time

import requests

API = "https://api.hubapi.com"


def get_contact(api_key, vid):
    r = requests.get(
        API + "/contacts/v1/contact/vid/%d/profile" % vid,
        params={"hapikey": api_key, "propertyMode": "value_only"},
    )
    r.raise_for_status()
    return r.json()


def get_deal(api_key, deal_id):
    r = requests.get("%s/deals/v1/deal/%s?hapikey=%s" % (API, deal_id, api_key))
    r.raise_for_status()
    return r.json()


def create_note(api_key, body, owner_id=None, contact_ids=(), deal_ids=(), timestamp=None):
    payload = {
        "engagement": {
            "active": True,
            "type": "NOTE",
            "timestamp": timestamp or int(time.time() * 1000),
        },
        "associations": {
            "contactIds": list(contact_ids),
            "dealIds": list(deal_ids),
            "companyIds": [],
            "ownerIds": [],
        },
        "metadata": {"body": body},
    }
    if owner_id:
        payload["engagement"]["ownerId"] = owner_id
    r = requests.post(
        API + "/engagements/v1/engagements", params={"hapikey": api_key}, json=payload
    )
    r.raise_for_status()
    return r.json()["engagement"]["id"]
