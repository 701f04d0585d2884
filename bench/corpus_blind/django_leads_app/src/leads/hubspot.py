import json
import logging

import requests
from django.conf import settings

logger = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"
FORMS_ROOT = "https://forms.hubspot.com/uploads/form/v2"


def _params(**extra):
    params = {"hapikey": settings.HUBSPOT_API_KEY}
    params.update(extra)
    return params


def submit_contact_form(fields, hutk=None, page_url=None, ip=None):
    """Forward the site's contact form to the HubSpot form so marketing gets attribution."""
    context = {"pageUrl": page_url or "https://leads.example.com/contact/", "ipAddress": ip}
    if hutk:
        context["hutk"] = hutk
    data = dict(fields)
    data["hs_context"] = json.dumps(context)
    url = "%s/%s/%s" % (FORMS_ROOT, settings.HUBSPOT_PORTAL_ID, settings.HUBSPOT_CONTACT_FORM_GUID)
    response = requests.post(url, data=data, timeout=settings.HUBSPOT_TIMEOUT)
    return response.status_code in (200, 204, 302)


def create_or_update_contact(email, properties):
    url = API_ROOT + "/contacts/v1/contact/createOrUpdate/email/%s/" % email
    payload = {"properties": [{"property": k, "value": v} for k, v in properties.items()]}
    response = requests.post(url, params=_params(), json=payload, timeout=settings.HUBSPOT_TIMEOUT)
    response.raise_for_status()
    return response.json()["vid"]


def add_to_list(list_id, emails):
    url = "{}/contacts/v1/lists/{}/add".format(API_ROOT, list_id)
    response = requests.post(url, params=_params(), json={"emails": list(emails)},
                             timeout=settings.HUBSPOT_TIMEOUT)
    response.raise_for_status()
    return response.json().get("updated", [])


def log_note(vid, text):
    body = {
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"contactIds": [vid]},
        "metadata": {"body": text},
    }
    response = requests.post(API_ROOT + "/engagements/v1/engagements", params=_params(),
                             json=body, timeout=settings.HUBSPOT_TIMEOUT)
    if not response.ok:
        logger.error("could not log note for %s: %s", vid, response.status_code)
    return response.ok


def recently_created(count=20):
    response = requests.get(API_ROOT + "/contacts/v1/lists/all/contacts/recent",
                            params=_params(count=count), timeout=settings.HUBSPOT_TIMEOUT)
    response.raise_for_status()
    return response.json().get("contacts", [])
