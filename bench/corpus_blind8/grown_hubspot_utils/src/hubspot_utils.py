"""HubSpot helpers.

Started life as sync.py (2016); split out when the export and the deal scripts
needed the same calls. Set HUBSPOT_API_KEY in the environment.
"""
import json
import logging
import os

import requests

BASE = "https://api.hubapi.com"
API_KEY = os.getenv("HUBSPOT_API_KEY")
PORTAL_ID = os.getenv("HUBSPOT_PORTAL_ID", "")

log = logging.getLogger(__name__)


def get_contact(email):
    url = BASE + "/contacts/v1/contact/email/" + email + "/profile?hapikey=" + API_KEY
    r = requests.get(url)
    if r.status_code == 404:
        return None
    r.raise_for_status()
    return r.json()


def get_contact_by_vid(vid, properties=None):
    url = BASE + "/contacts/v1/contact/vid/%s/profile?hapikey=%s" % (vid, API_KEY)
    if properties:
        url += "&" + "&".join("property=" + p for p in properties)
    r = requests.get(url)
    r.raise_for_status()
    return r.json()


def update_contact(vid, props):
    url = BASE + "/contacts/v1/contact/vid/" + str(vid) + "/profile?hapikey=" + API_KEY
    data = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    r = requests.post(url, data=json.dumps(data), headers={"Content-Type": "application/json"})
    return r.status_code == 204


def update_deal(id, props):
    url = BASE + "/deals/v1/deal/" + str(id) + "?hapikey=" + API_KEY
    payload = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
    r = requests.put(url, data=json.dumps(payload), headers={"Content-Type": "application/json"})
    r.raise_for_status()
    return r.json()


def get_deal(id):
    r = requests.get(BASE + "/deals/v1/deal/" + str(id), params={"hapikey": API_KEY})
    r.raise_for_status()
    return r.json()


def get_all_contacts(count=100, properties=("email", "firstname", "lastname")):
    """Every contact, following vidOffset."""
    contacts = []
    url = BASE + "/contacts/v1/lists/all/contacts/all"
    params = {"hapikey": API_KEY, "count": count, "property": list(properties)}
    while True:
        r = requests.get(url, params=params)
        r.raise_for_status()
        data = r.json()
        contacts.extend(data.get("contacts", []))
        log.debug("fetched %d contacts", len(contacts))
        if not data.get("has-more"):
            break
        params["vidOffset"] = data["vid-offset"]
    return contacts


def log_call(vid, body, owner_id=None):
    engagement = {"active": True, "type": "CALL"}
    if owner_id:
        engagement["ownerId"] = owner_id
    payload = {
        "engagement": engagement,
        "associations": {"contactIds": [vid]},
        "metadata": {"body": body, "status": "COMPLETED"},
    }
    r = requests.post("%s/engagements/v1/engagements?hapikey=%s" % (BASE, API_KEY), json=payload)
    r.raise_for_status()
    return r.json()["engagement"]["id"]


def submit_form(form_guid, fields, page_url=None):
    """Newsletter sign-ups go through the form so the form's workflows fire."""
    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (PORTAL_ID, form_guid)
    data = dict(fields)
    if page_url:
        data["hs_context"] = json.dumps({"pageUrl": page_url})
    r = requests.post(url, data=data)
    return r.status_code
