import logging

import requests

from agency import hubspot, store

log = logging.getLogger(__name__)
BILLING_API = "https://billing.agency.example.com/api/usage"


def won_value(deals):
    total = 0.0
    for d in deals:
        props = d.get("properties", {})
        if props.get("dealstage", {}).get("value") == "closedwon":
            total += float(props.get("amount", {}).get("value") or 0)
    return total


def monthly(since_ms):
    out = {}
    for portal in store.active_portals():
        key = portal["api_key"]
        deals = hubspot.recent_deals(key, since_ms)
        out[portal["portal_id"]] = {
            "won": won_value(deals),
            "contacts": hubspot.contact_count(key),
        }
        requests.post(BILLING_API, json={"portal": portal["portal_id"],
                                         "contacts": out[portal["portal_id"]]["contacts"]})
    return out


def annotate(portal_id, deal_id, text):
    return hubspot.add_note(store.key_for(portal_id), deal_id, text)
