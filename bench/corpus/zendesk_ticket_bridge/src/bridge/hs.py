import logging
import time
from urllib.parse import urlencode

import requests

from bridge.settings import settings

log = logging.getLogger(__name__)

BASE = "https://api.hubapi.com"


def _url(path, params=None):
    query = dict(params or {})
    query["hapikey"] = settings.hubspot_key
    return "%s%s?%s" % (BASE, path, urlencode(query, doseq=True))


def hs_call(method, path, params=None, headers=None, **kwargs):
    url = _url(path, params)
    for attempt in range(3):
        resp = requests.request(method, url, headers=headers, timeout=20, **kwargs)
        if resp.status_code in (429, 502, 503):
            log.warning("hubspot %s on %s, attempt %d", resp.status_code, path, attempt + 1)
            time.sleep(settings.retry_delay * (2 ** attempt))
            continue
        resp.raise_for_status()
        return resp.json() if resp.content else None
    raise RuntimeError("HubSpot kept failing for %s %s" % (method, path))


def contact_by_email(email):
    try:
        return hs_call("GET", "/contacts/v1/contact/email/%s/profile" % email,
                       params={"property": ["email", "hubspot_owner_id"], "propertyMode": "value_only"})
    except requests.HTTPError as e:
        if e.response is not None and e.response.status_code == 404:
            return None
        raise


def create_contact(email, name):
    first, _, last = name.partition(" ")
    return hs_call("POST", "/contacts/v1/contact", json={"properties": [
        {"property": "email", "value": email},
        {"property": "firstname", "value": first},
        {"property": "lastname", "value": last},
    ]})


def log_ticket(contact_vid, ticket, owner_id=None):
    engagement = {"active": True, "type": "NOTE", "timestamp": ticket["created_ms"]}
    if owner_id:
        engagement["ownerId"] = int(owner_id)
    return hs_call("POST", "/engagements/v1/engagements", json={
        "engagement": engagement,
        "associations": {"contactIds": [contact_vid]},
        "metadata": {"body": "Zendesk #%s: %s" % (ticket["id"], ticket["subject"])},
    }, headers={"Content-Type": "application/json", "X-Bridge": "zendesk"})
