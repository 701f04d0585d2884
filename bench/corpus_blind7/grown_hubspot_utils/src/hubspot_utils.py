"""Little helpers around the HubSpot API.

Started life as sync.py in 2016, split out when the deal scripts came along.
"""
import json
import logging
import os

import requests

log = logging.getLogger(__name__)

BASE = "https://api.hubapi.com"
API_KEY = os.getenv("HUBSPOT_API_KEY")
SLACK_HOOK = os.getenv("SLACK_HOOK_URL", "https://hooks.slack.com/services/T000/B000/XXXX")
TIMEOUT = 15


def get_contact(email):
    url = BASE + "/contacts/v1/contact/email/" + email + "/profile?hapikey=" + API_KEY
    r = requests.get(url, timeout=TIMEOUT)
    if r.status_code == 404:
        return None
    r.raise_for_status()
    return r.json()


def get_contact_by_vid(vid, props=None):
    url = BASE + "/contacts/v1/contact/vid/%s/profile?hapikey=%s" % (vid, API_KEY)
    if props:
        url += "&" + "&".join("property=" + p for p in props)
    return requests.get(url, timeout=TIMEOUT).json()


def update_contact(vid, props):
    payload = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    r = requests.post(
        BASE + "/contacts/v1/contact/vid/{}/profile?hapikey={}".format(vid, API_KEY),
        data=json.dumps(payload),
        headers={"Content-Type": "application/json"},
        timeout=TIMEOUT,
    )
    return r.status_code == 204


def get_deal(deal_id):
    r = requests.get(
        f"{BASE}/deals/v1/deal/{deal_id}?hapikey={API_KEY}", timeout=TIMEOUT
    )
    r.raise_for_status()
    return r.json()


def update_deal(deal_id, props):
    body = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
    url = BASE + "/deals/v1/deal/" + str(deal_id) + "?hapikey=" + API_KEY
    r = requests.put(url, json=body, timeout=TIMEOUT)
    if not r.ok:
        log.error("could not update deal %s: %s", deal_id, r.status_code)
    return r.ok


def associate_deal_contact(deal_id, vid):
    url = "%s/deals/v1/deal/%s/associations/CONTACT?id=%s&hapikey=%s" % (
        BASE,
        deal_id,
        vid,
        API_KEY,
    )
    return requests.put(url, timeout=TIMEOUT).ok


def all_contacts(count=100, props=("email", "firstname")):
    """Yield every contact, following vid-offset."""
    params = {"hapikey": API_KEY, "count": count, "property": list(props)}
    while True:
        r = requests.get(BASE + "/contacts/v1/lists/all/contacts/all", params=params)
        data = r.json()
        for c in data.get("contacts", []):
            yield c
        if not data.get("has-more"):
            break
        params["vidOffset"] = data["vid-offset"]


def notify(text):
    # posts to the #sales channel; no HubSpot here
    requests.post(SLACK_HOOK, json={"text": text}, timeout=5)
