# -*- coding: utf-8 -*-
import json
import logging

import requests

from hsync.config import API_KEY, BASE, PAGE_SIZE, TIMEOUT

log = logging.getLogger("hsync.contacts")


def get_all_contacts(properties=("email", "firstname", "lastname")):
    """Walk /contacts/v1/lists/all/contacts/all using vidOffset."""
    contacts = []
    offset = 0
    has_more = True
    while has_more:
        url = BASE + "/contacts/v1/lists/all/contacts/all?hapikey=" + API_KEY + "&count=" + str(PAGE_SIZE) + "&vidOffset=" + str(offset)
        for p in properties:
            url += "&property=" + p
        r = requests.get(url, timeout=TIMEOUT)
        r.raise_for_status()
        data = r.json()
        contacts.extend(data["contacts"])
        has_more = data["has-more"]
        offset = data["vid-offset"]
        log.debug("fetched %d contacts so far", len(contacts))
    return contacts


def get_contact_by_email(email):
    url = "%s/contacts/v1/contact/email/%s/profile?hapikey=%s" % (BASE, email, API_KEY)
    r = requests.get(url, timeout=TIMEOUT)
    if r.status_code == 404:
        return None
    return r.json()


def update_contact(vid, props):
    body = {"properties": [{"property": k, "value": v} for k, v in props.items()]}
    url = BASE + "/contacts/v1/contact/vid/{vid}/profile?hapikey={key}".format(vid=vid, key=API_KEY)
    r = requests.post(url, data=json.dumps(body), headers={"Content-Type": "application/json"}, timeout=TIMEOUT)
    if r.status_code != 204:
        log.warning("update of %s failed: %s", vid, r.status_code)
        return False
    return True
