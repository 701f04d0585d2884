"""The 2016 script's calls, grown into a package (python 3)."""
import functools
import logging
import os

import requests

log = logging.getLogger(__name__)

BASE = "https://api.hubapi.com"
HAPIKEY = os.environ.get("HUBSPOT_API_KEY")

hs_get = functools.partial(requests.get, params={"hapikey": HAPIKEY}, timeout=30)


def make_getter(path_template, key=HAPIKEY):
    """Returns a function fetching one object by id, with the key bound in a closure."""

    def fetch(object_id, **params):
        params.update(hapikey=key)
        r = requests.get(BASE + path_template.format(id=object_id), params=params, timeout=30)
        r.raise_for_status()
        return r.json()

    return fetch


get_contact = make_getter("/contacts/v1/contact/vid/{id}/profile")
get_company = make_getter("/companies/v2/companies/{id}")
get_deal = make_getter("/deals/v1/deal/{id}")


def contact_properties():
    return hs_get(BASE + "/properties/v1/contacts/properties").json()


def all_deals(page=250):
    offset, out = 0, []
    while True:
        r = requests.get(BASE + "/deals/v1/deal/paged",
                         params={"hapikey": HAPIKEY, "limit": page, "offset": offset,
                                 "properties": ["dealname", "amount"]})
        data = r.json()
        out.extend(data.get("deals", []))
        if not data.get("hasMore"):
            return out
        offset = data["offset"]
