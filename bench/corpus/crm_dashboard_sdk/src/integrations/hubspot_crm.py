"""HubSpot access for the dashboard, via the official hubspot-api-client."""
import logging

import hubspot
import requests
from hubspot import HubSpot
from requests.auth import AuthBase

import settings

logger = logging.getLogger(__name__)

_client = None


def get_client():
    """Shared client; None when HubSpot isn't configured (local dev)."""
    global _client
    if _client is None:
        conf = settings.HUBSPOT
        if conf["PRIVATE_APP_TOKEN"]:
            _client = HubSpot(access_token=conf["PRIVATE_APP_TOKEN"])
        elif conf["API_KEY"]:
            _client = HubSpot(api_key=conf["API_KEY"])
        else:
            logger.warning("HUBSPOT API_KEY not configured, HubSpot widgets disabled")
            return None
    return _client


def latest_contacts(limit=10):
    client = get_client()
    if client is None:
        return []
    page = client.crm.contacts.basic_api.get_page(limit=limit)
    return [c.to_dict() for c in page.results]


def contacts_for_portal(api_key, limit=10):
    """Reporting for an agency client's portal (key stored on the Client model)."""
    client = hubspot.Client.create(api_key=api_key)
    page = client.crm.contacts.basic_api.get_page(limit=limit)
    return page.results


class _KeyInUrl(AuthBase):
    # the SDK has no owners v2 endpoint, do it by hand
    def __init__(self, key):
        self.key = key

    def __call__(self, r):
        r.url += ("&" if "?" in r.url else "?") + "hapikey=" + self.key
        return r


def owners():
    key = settings.HUBSPOT["API_KEY"]
    if not key:
        return []
    resp = requests.get("https://api.hubapi.com/owners/v2/owners", params={"includeInactive": "false"},
                        auth=_KeyInUrl(key), timeout=10)
    resp.raise_for_status()
    return [{"id": o["ownerId"], "name": "%s %s" % (o["firstName"], o["lastName"])} for o in resp.json()]
