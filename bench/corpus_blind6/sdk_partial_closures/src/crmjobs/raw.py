"""Plain requests, several ways of carrying the key."""
import functools

import requests

from crmjobs.keys import HUBSPOT_API_KEY, STRIPE_KEY

HS = "https://api.hubapi.com"

hs_get = functools.partial(requests.get, params={"hapikey": HUBSPOT_API_KEY}, timeout=15)
stripe_get = functools.partial(requests.get, auth=(STRIPE_KEY, ""), timeout=15)


def owner(owner_id, api_key=HUBSPOT_API_KEY):
    return requests.get("%s/owners/v2/owners/%s" % (HS, owner_id), params={"hapikey": api_key}).json()


def make_form_fetcher(api_key):
    def fetch(guid):
        return requests.get(HS + "/forms/v2/forms/" + guid, params={"hapikey": api_key}).json()
    return fetch


def contact_properties():
    return [p["name"] for p in hs_get(HS + "/properties/v1/contacts/properties").json()]


def stripe_charges(customer):
    return stripe_get("https://api.stripe.com/v1/charges", params={"customer": customer}).json()["data"]


def sync_revenue(vid, customer):
    total = sum(c["amount"] for c in stripe_charges(customer)) / 100.0
    body = {"properties": [{"property": "revenue", "value": total}]}
    requests.post(HS + "/contacts/v1/contact/vid/%s/profile" % vid, json=body,
                  params={"hapikey": HUBSPOT_API_KEY})
    return total
