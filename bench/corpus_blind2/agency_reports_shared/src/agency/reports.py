"""Monthly report numbers for the agency's own portal and for client portals."""
import logging

import requests

from . import raw
from .constants import AGENCY_KEY, ANALYTICS_PATH, HUBSPOT_API, PARAMS
from .http import session

log = logging.getLogger(__name__)


def traffic(start, end, key=None):
    """Sessions by source; the agency portal unless a client key is given."""
    query = {"start": start, "end": end}
    if key:
        resp = requests.get(HUBSPOT_API + ANALYTICS_PATH + "/monthly", params=dict(query, hapikey=key))
    else:
        resp = session.get(HUBSPOT_API + ANALYTICS_PATH + "/monthly", params=query)
    resp.raise_for_status()
    return resp.json()


def new_contacts(count=100):
    resp = session.get(HUBSPOT_API + "/contacts/v1/lists/all/contacts/recent", params={"count": count})
    resp.raise_for_status()
    return len(resp.json().get("contacts", []))


def deal_pipelines(key=None):
    params = dict(PARAMS)
    if key:
        params["hapikey"] = key
    resp = requests.get(HUBSPOT_API + "/deals/v1/pipelines", params=params)
    return [p["label"] for p in resp.json()]


def monthly(start, end, key=None):
    data = {
        "traffic": traffic(start, end, key),
        "pipelines": deal_pipelines(key),
        "campaigns": len(raw.campaigns(key or AGENCY_KEY, limit=20).get("campaigns", [])),
    }
    if key is None:
        data["new_contacts"] = new_contacts()
    return data
