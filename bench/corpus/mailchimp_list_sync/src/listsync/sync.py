"""Sync the members of one HubSpot contact list into a Mailchimp audience."""
import hashlib
import logging

import requests

from listsync.auth import HapiKeyAuth, hubspot_auth
from listsync.config import CONFIG

log = logging.getLogger(__name__)

HUBSPOT = "https://api.hubapi.com"


def hubspot_session():
    s = requests.Session()
    s.auth = hubspot_auth(CONFIG["hubspot"])
    s.headers["Accept"] = "application/json"
    return s


def list_members(session, list_id):
    vid_offset = None
    while True:
        params = {"count": 250, "property": ["email", "firstname", "lastname"]}
        if vid_offset:
            params["vidOffset"] = vid_offset
        r = session.get("%s/contacts/v1/lists/%s/contacts/all" % (HUBSPOT, list_id), params=params)
        r.raise_for_status()
        data = r.json()
        for c in data.get("contacts", []):
            yield c
        if not data.get("has-more"):
            break
        vid_offset = data["vid-offset"]


def mark_synced(session, vid):
    body = {"properties": [{"property": "mailchimp_synced", "value": "true"}]}
    r = session.post("%s/contacts/v1/contact/vid/%s/profile" % (HUBSPOT, vid), json=body)
    return r.status_code == 204


def mailchimp_upsert(email, first, last):
    mc = CONFIG["mailchimp"]
    dc = mc["api_key"].rsplit("-", 1)[-1]
    member = hashlib.md5(email.lower().encode("utf-8")).hexdigest()
    url = "https://%s.api.mailchimp.com/3.0/lists/%s/members/%s" % (dc, mc["list_id"], member)
    r = requests.put(url, auth=("listsync", mc["api_key"]), json={
        "email_address": email,
        "status_if_new": "subscribed",
        "merge_fields": {"FNAME": first or "", "LNAME": last or ""},
    }, timeout=20)
    if r.status_code >= 400:
        log.error("mailchimp rejected %s: %s", email, r.text)
        return False
    return True


def run():
    session = hubspot_session()
    ok = 0
    for c in list_members(session, CONFIG["hubspot"]["list_id"]):
        props = c.get("properties", {})
        email = props.get("email", {}).get("value")
        if not email:
            continue
        if mailchimp_upsert(email, props.get("firstname", {}).get("value"), props.get("lastname", {}).get("value")):
            mark_synced(session, c["vid"])
            ok += 1
    log.info("synced %d contacts", ok)
    return ok


def unsubscribed_in_hubspot(api_key=None):
    """Used from the admin shell: which list members opted out of email in HubSpot."""
    api_key = api_key or CONFIG["hubspot"]["api_key"]
    r = requests.get(HUBSPOT + "/email/public/v1/subscriptions/timeline",
                     params={"limit": 100}, auth=HapiKeyAuth(api_key), timeout=20)
    r.raise_for_status()
    return [e["recipient"] for e in r.json().get("timeline", [])
            if any(ch.get("change") == "UNSUBSCRIBED" for ch in e.get("changes", []))]
