# -*- coding: utf-8 -*-
# Helpers for the HubSpot scripts. Python 2/3.
import json
import logging

import requests

from hsconf import API_URL, HAPIKEY, PAGE_SIZE

log = logging.getLogger("hs_api")


class Contacts(object):
    params = {"hapikey": HAPIKEY}

    def list_members(self, list_id):
        url = API_URL + "/contacts/v1/lists/%d/contacts/all" % list_id
        p = dict(self.params)
        p["count"] = PAGE_SIZE
        members = []
        while True:
            data = requests.get(url, params=p).json()
            members += data["contacts"]
            if not data["has-more"]:
                return members
            p["vidOffset"] = data["vid-offset"]

    def add_to_list(self, list_id, vids):
        url = API_URL + "/contacts/v1/lists/%d/add" % list_id
        return requests.post(url, params=self.params, data=json.dumps({"vids": vids})).json()

    def remove_from_list(self, list_id, vids):
        url = API_URL + "/contacts/v1/lists/%d/remove" % list_id
        return requests.post(url, params=self.params, data=json.dumps({"vids": vids})).json()


def make_fetcher(key=HAPIKEY):
    def fetch(path, **extra):
        if "hapikey" not in extra:
            extra["hapikey"] = key
        r = requests.get(API_URL + path, params=extra)
        r.raise_for_status()
        return r.json()
    return fetch


fetch = make_fetcher()


def get_deals(api_key=HAPIKEY, limit=250):
    url = API_URL + "/deals/v1/deal/paged?hapikey=" + api_key + "&limit=" + str(limit)
    url += "&properties=dealname&properties=dealstage"
    return requests.get(url).json().get("deals", [])


def with_retry(fn, *args):
    last = None
    for attempt in range(3):
        try:
            return fn(*args)
        except requests.RequestException as e:
            last = e
            log.warning("attempt %d failed: %s", attempt, e)
    raise last


def log_email(vid, subject, body, api_key=HAPIKEY):
    payload = {
        "engagement": {"active": True, "type": "EMAIL"},
        "associations": {"contactIds": [vid]},
        "metadata": {"subject": subject, "text": body},
    }
    r = requests.post(API_URL + "/engagements/v1/engagements?hapikey=%s" % api_key,
                      data=json.dumps(payload), headers={"content-type": "application/json"})
    return r.status_code
