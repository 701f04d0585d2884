import requests
from django.conf import settings

FORMS_BASE = "https://api.hubapi.com/forms/v2"


def hubspot_params(**extra):
    params = {"hapikey": settings.HUBSPOT_KEY}
    params.update(extra)
    return params


def form_fields(form_guid):
    """Fields of a form, to render our own signup page with the same labels."""
    r = requests.get("%s/fields/%s" % (FORMS_BASE, form_guid), params=hubspot_params())
    r.raise_for_status()
    return r.json()


def submit_form(form_guid, fields, hutk=None, page_url=None):
    url = "https://forms.hubspot.com/uploads/form/v2/%s/%s" % (settings.HUBSPOT_PORTAL_ID, form_guid)
    data = dict(fields)
    if hutk:
        data["hs_context"] = '{"hutk": "%s", "pageUrl": "%s"}' % (hutk, page_url or "")
    return requests.post(url, data=data, timeout=10).status_code


def audit(event, **details):
    """Our internal audit log (not HubSpot)."""
    payload = {"event": event, "details": details}
    requests.post(settings.AUDIT_SERVICE_URL, json=payload, timeout=3)
