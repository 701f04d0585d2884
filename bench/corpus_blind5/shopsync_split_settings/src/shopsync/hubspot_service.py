"""HubSpot side: contacts by email and deals for orders."""
import logging

import requests

from shopsync.conf import settings
from shopsync.http import json_headers

log = logging.getLogger(__name__)


def _url(path):
    return settings.HUBSPOT_BASE_URL + path


def contact_by_email(email):
    resp = requests.get(
        _url("/contacts/v1/contact/email/%s/profile" % email),
        params={"hapikey": settings.HUBSPOT_API_KEY, "property": "email"},
        headers=json_headers(),
        timeout=settings.HUBSPOT_TIMEOUT,
    )
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json()


def create_deal(order, vid):
    body = {
        "associations": {"associatedVids": [vid]},
        "properties": [
            {"name": "dealname", "value": "Order %s" % order["name"]},
            {"name": "amount", "value": order["total_price"]},
            {"name": "pipeline", "value": settings.HUBSPOT_PIPELINE},
            {"name": "dealstage", "value": "closedwon"},
        ],
    }
    resp = requests.post(
        _url("/deals/v1/deal"),
        params={"hapikey": settings.HUBSPOT_API_KEY},
        json=body,
        headers=json_headers(),
        timeout=settings.HUBSPOT_TIMEOUT,
    )
    resp.raise_for_status()
    log.info("deal %s for order %s", resp.json().get("dealId"), order["name"])
    return resp.json()
