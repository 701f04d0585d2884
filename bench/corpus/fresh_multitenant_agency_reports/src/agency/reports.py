"""Monthly client report: pulled per portal, summary posted to our own portal as a note
on the client's company record."""
import json
import logging

import requests

from agency import portals
from agency.client import API, PortalClient

log = logging.getLogger(__name__)


def summarise(portal_id, since_ms, start, end):
    c = PortalClient(portal_id)
    deals = c.deals_since(since_ms)
    won = [d for d in deals if d.get("properties", {}).get("dealstage", {}).get("value") == "closedwon"]
    return {
        "portal": portal_id,
        "contacts": c.contact_count(),
        "new_deals": len(deals),
        "won": len(won),
        "sessions": c.totals(start, end).get("totals", {}).get("visits", 0),
    }


def post_note(company_id, summary, api_key=None):
    """Write the summary onto the client's company in the agency portal."""
    api_key = api_key or portals.AGENCY_API_KEY
    body = {
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"companyIds": [company_id]},
        "metadata": {"body": "Monthly report: " + json.dumps(summary, sort_keys=True)},
    }
    r = requests.post(API + "/engagements/v1/engagements?hapikey=" + api_key, json=body, timeout=20)
    return r.status_code


def run_month(since_ms, start, end, company_ids):
    out = []
    for pid in portals.client_portals():
        try:
            summary = summarise(pid, since_ms, start, end)
        except requests.HTTPError:
            log.exception("portal %s failed", pid)
            continue
        out.append(summary)
        if pid in company_ids:
            post_note(company_ids[pid], summary)
    return out
