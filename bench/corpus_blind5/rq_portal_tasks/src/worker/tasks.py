"""Jobs take a portal_id and look the portal's key up; the agency's own portal
(alerts) uses the key from the environment."""
import logging
import os

import requests

from worker import db

log = logging.getLogger(__name__)

HUBAPI = "https://api.hubapi.com"
BASE_PARAMS = {"propertyMode": "value_only"}
AGENCY_KEY = os.environ.get("HUBSPOT_API_KEY")


def _portal_params(portal_id, **extra):
    portal = db.get_portal(portal_id)
    return dict(BASE_PARAMS, hapikey=portal.api_key, **extra)


def sync_contact(portal_id, vid):
    params = _portal_params(portal_id, property=["email", "lifecyclestage"])
    resp = requests.get("%s/contacts/v1/contact/vid/%s/profile" % (HUBAPI, vid), params=params)
    resp.raise_for_status()
    props = resp.json().get("properties", {})
    stage = props.get("lifecyclestage", {}).get("value")
    if stage == "subscriber":
        body = {"properties": [{"property": "lifecyclestage", "value": "lead"}]}
        requests.post(
            "%s/contacts/v1/contact/vid/%s/profile" % (HUBAPI, vid),
            params={"hapikey": db.get_portal(portal_id).api_key},
            json=body,
        ).raise_for_status()
        return "promoted"
    return "unchanged"


def close_deal(portal_id, deal_id, amount):
    portal = db.get_portal(portal_id)
    url = HUBAPI + "/deals/v1/deal/" + str(deal_id) + "?hapikey=" + portal.api_key
    resp = requests.put(url, json={"properties": [
        {"name": "dealstage", "value": "closedwon"},
        {"name": "amount", "value": str(amount)},
    ]})
    resp.raise_for_status()
    alert_agency("Deal %s closed in portal %s" % (deal_id, portal.name))
    return resp.json()


def alert_agency(text, owner_id=1):
    """A task in the agency's own portal."""
    resp = requests.post(
        HUBAPI + "/engagements/v1/engagements",
        params={"hapikey": AGENCY_KEY},
        json={
            "engagement": {"active": True, "type": "TASK", "ownerId": owner_id},
            "metadata": {"body": text, "status": "NOT_STARTED"},
        },
    )
    resp.raise_for_status()


def nightly_all(queue):
    for portal in db.active_portals():
        queue.enqueue(refresh_properties, portal.portal_id)


def refresh_properties(portal_id):
    params = _portal_params(portal_id)
    resp = requests.get(HUBAPI + "/properties/v1/contacts/properties", params=params)
    resp.raise_for_status()
    return len(resp.json())
