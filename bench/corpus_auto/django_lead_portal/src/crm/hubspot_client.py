import logging

import requests

from leadportal.conf import settings

log = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"


def _url(path):
    return API_ROOT + path


def get_contact_by_email(email):
    resp = requests.get(
        _url("/contacts/v1/contact/email/%s/profile" % email),
        params={"hapikey": settings.HUBSPOT_API_KEY, "propertyMode": "value_only"},
        timeout=settings.HUBSPOT_TIMEOUT,
    )
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()


def upsert_contact(email, properties):
    payload = {
        "properties": [{"property": k, "value": v} for k, v in properties.items()]
    }
    resp = requests.post(
        _url("/contacts/v1/contact/createOrUpdate/email/%s/" % email),
        params={"hapikey": settings.HUBSPOT_API_KEY},
        json=payload,
        timeout=settings.HUBSPOT_TIMEOUT,
    )
    resp.raise_for_status()
    vid = resp.json()["vid"]
    log.info("upserted %s as vid %s", email, vid)
    return vid


def add_to_list(list_id, vids):
    url = _url("/contacts/v1/lists/%d/add" % list_id)
    resp = requests.post(
        url + "?hapikey=" + settings.HUBSPOT_API_KEY,
        json={"vids": vids},
        timeout=settings.HUBSPOT_TIMEOUT,
    )
    resp.raise_for_status()
    return resp.json()


def recent_contacts(limit=200):
    """Recently updated contacts, following has-more/vid-offset/time-offset."""
    contacts = []
    params = {"hapikey": settings.HUBSPOT_API_KEY, "count": 100}
    while len(contacts) < limit:
        resp = requests.get(
            _url("/contacts/v1/lists/recently_updated/contacts/recent"),
            params=params,
            timeout=settings.HUBSPOT_TIMEOUT,
        )
        resp.raise_for_status()
        data = resp.json()
        contacts.extend(data.get("contacts", []))
        if not data.get("has-more"):
            break
        params["vidOffset"] = data["vid-offset"]
        params["timeOffset"] = data["time-offset"]
    return contacts[:limit]
