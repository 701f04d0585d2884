"""Thin wrappers around the HubSpot v1 APIs we use."""
import json
import logging

import requests
from django.conf import settings

logger = logging.getLogger("crm.hubspot")

API_ROOT = getattr(settings, "HUBSPOT_API_ROOT", "https://api.hubapi.com")
FORMS_ROOT = "https://forms.hubspot.com/uploads/form/v2"
TIMEOUT = 10


def _params(**extra):
    params = {"hapikey": settings.HUBSPOT_API_KEY}
    params.update(extra)
    return params


def create_or_update_contact(email, properties):
    url = "%s/contacts/v1/contact/createOrUpdate/email/%s/" % (API_ROOT, email)
    payload = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
    response = requests.post(url, params=_params(), data=json.dumps(payload),
                             headers={"Content-Type": "application/json"}, timeout=TIMEOUT)
    response.raise_for_status()
    vid = response.json().get("vid")
    logger.info("hubspot contact %s -> vid %s", email, vid)
    return vid


def get_contact_by_email(email):
    url = API_ROOT + "/contacts/v1/contact/email/" + email + "/profile"
    response = requests.get(url, params=_params(propertyMode="value_only"), timeout=TIMEOUT)
    if response.status_code == 404:
        return None
    return response.json()


def create_deal(vid, name, amount):
    body = {
        "associations": {"associatedVids": [vid]},
        "properties": [
            {"name": "dealname", "value": name},
            {"name": "amount", "value": str(amount)},
            {"name": "pipeline", "value": settings.HUBSPOT_DEFAULT_PIPELINE},
            {"name": "dealstage", "value": "closedwon"},
        ],
    }
    response = requests.post(API_ROOT + "/deals/v1/deal", params=_params(), json=body,
                             timeout=TIMEOUT)
    response.raise_for_status()
    return response.json()["dealId"]


def log_note(vid, text):
    url = "{}/engagements/v1/engagements?hapikey={}".format(API_ROOT, settings.HUBSPOT_API_KEY)
    body = {
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"contactIds": [vid]},
        "metadata": {"body": text},
    }
    return requests.post(url, json=body, timeout=TIMEOUT).json()


def recently_modified(count=100):
    """Yields contacts of the recently-modified list, following vid-offset/time-offset."""
    params = _params(count=count)
    while True:
        data = requests.get(API_ROOT + "/contacts/v1/lists/recently_updated/contacts/recent",
                            params=params, timeout=TIMEOUT).json()
        for contact in data.get("contacts", []):
            yield contact
        if not data.get("has-more"):
            break
        params["vidOffset"] = data["vid-offset"]
        params["timeOffset"] = data["time-offset"]


def submit_signup_form(customer, hutk=None):
    """The signup form, so that HubSpot attributes the source (the key rides along,
    copied from the calls above; the forms endpoint ignores it)."""
    url = "%s/%s/%s" % (FORMS_ROOT, settings.HUBSPOT_PORTAL_ID, settings.HUBSPOT_SIGNUP_FORM_GUID)
    fields = {"email": customer.email, "firstname": customer.first_name,
              "hs_context": json.dumps({"hutk": hutk, "pageName": "Signup"})}
    return requests.post(url, data=fields, params=_params(), timeout=TIMEOUT).status_code


def notify_slack(text):
    if not settings.SLACK_WEBHOOK_URL:
        return
    requests.post(settings.SLACK_WEBHOOK_URL, json={"text": text}, timeout=TIMEOUT)
