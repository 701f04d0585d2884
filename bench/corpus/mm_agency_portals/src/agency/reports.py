"""Monthly pipeline report per client portal."""

import logging

import requests

from agency import settings

log = logging.getLogger(__name__)

DEALS_URL = "%s/deals/v1/deal/paged?hapikey=%s&limit=%d&offset=%d&properties=amount&properties=dealstage"


def pipeline_value(portal):
    total, won, offset = 0.0, 0.0, 0
    while True:
        url = DEALS_URL % (settings.HUBSPOT_API, portal["api_key"], 250, offset)
        data = requests.get(url, timeout=settings.REQUEST_TIMEOUT).json()
        for deal in data.get("deals", []):
            props = deal.get("properties", {})
            amount = float(props.get("amount", {}).get("value") or 0)
            total += amount
            if props.get("dealstage", {}).get("value") == "closedwon":
                won += amount
        if not data.get("hasMore"):
            break
        offset = data["offset"]
    return {"portal_id": portal["portal_id"], "total": total, "won": won}


def owner_names(portal):
    url = settings.HUBSPOT_API + "/owners/v2/owners?hapikey=" + portal["api_key"]
    owners = requests.get(url, timeout=settings.REQUEST_TIMEOUT).json()
    return {o["ownerId"]: o.get("email") for o in owners}


def monthly(portals):
    rows = []
    for portal in portals:
        row = pipeline_value(portal)
        row["owners"] = len(owner_names(portal))
        rows.append(row)
    return rows
