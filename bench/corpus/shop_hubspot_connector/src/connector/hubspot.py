"""HubSpot calls for the shop connector. Every merchant connects their own portal,
so each function takes that merchant's API key."""
import logging

import requests

log = logging.getLogger(__name__)

HUBSPOT_API = "https://api.hubapi.com"
TIMEOUT = 10


def get_contacts(api_key, count=100, vid_offset=0):
    url = HUBSPOT_API + "/contacts/v1/lists/all/contacts/all"
    resp = requests.get(url, params={"hapikey": api_key, "count": count, "vidOffset": vid_offset,
                                     "property": ["email", "firstname", "lastname"]},
                        timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()


def iter_all_contacts(api_key):
    offset = 0
    while True:
        page = get_contacts(api_key, vid_offset=offset)
        for contact in page.get("contacts", []):
            yield contact
        if not page.get("has-more"):
            break
        offset = page["vid-offset"]


def find_contact(api_key, email):
    resp = requests.get("%s/contacts/v1/contact/email/%s/profile?hapikey=%s" % (HUBSPOT_API, email, api_key),
                        timeout=TIMEOUT)
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()


def upsert_contact(api_key, email, **properties):
    payload = {"properties": [{"property": k, "value": v} for k, v in sorted(properties.items())]}
    resp = requests.post(HUBSPOT_API + "/contacts/v1/contact/createOrUpdate/email/" + email + "/?hapikey=" + api_key,
                         json=payload, timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()["vid"]


def create_deal(api_key, dealname, amount, stage="closedwon", pipeline="default", contact_vids=()):
    payload = {
        "associations": {"associatedVids": list(contact_vids)},
        "properties": [
            {"name": "dealname", "value": dealname},
            {"name": "amount", "value": str(amount)},
            {"name": "dealstage", "value": stage},
            {"name": "pipeline", "value": pipeline},
        ],
    }
    resp = requests.post(HUBSPOT_API + "/deals/v1/deal", params=dict(hapikey=api_key), json=payload,
                         timeout=TIMEOUT)
    resp.raise_for_status()
    return resp.json()["dealId"]
