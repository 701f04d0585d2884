"""HubSpot calls used by the shop's views and commands."""
import json
import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)


def _api(path):
    return settings.HUBSPOT_BASE_URL + path


def _auth():
    return {"hapikey": settings.HUBSPOT_API_KEY}


def upsert_customer(email, first_name="", last_name="", orders=0):
    props = [
        {"property": "firstname", "value": first_name},
        {"property": "lastname", "value": last_name},
        {"property": "shop_orders", "value": orders},
    ]
    resp = requests.post(
        _api("/contacts/v1/contact/createOrUpdate/email/%s/" % email),
        params=_auth(),
        data=json.dumps({"properties": props}),
        headers={"Content-Type": "application/json"},
    )
    if resp.status_code >= 400:
        logger.error("HubSpot refused %s: %s", email, resp.status_code)
        return None
    return resp.json().get("vid")


def contact_lists(vid):
    resp = requests.get(_api("/contacts/v1/contact/vid/%s/profile" % vid),
                        params=dict(_auth(), showListMemberships="true"))
    return [m["static-list-id"] for m in resp.json().get("list-memberships", [])]


def add_to_list(list_id, vids):
    return requests.post(_api("/contacts/v1/lists/%s/add" % list_id), params=_auth(),
                         json={"vids": list(vids)}).json()


def newsletter_signup(email, page_url, hutk=None, ip=None):
    """Form submissions go to forms.hubspot.com and need no key."""
    context = {"pageUrl": page_url, "pageName": "Checkout"}
    if hutk:
        context["hutk"] = hutk
    if ip:
        context["ipAddress"] = ip
    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (
        settings.HUBSPOT_PORTAL_ID, settings.HUBSPOT_NEWSLETTER_FORM)
    return requests.post(url, data={"email": email, "hs_context": json.dumps(context)}).status_code
