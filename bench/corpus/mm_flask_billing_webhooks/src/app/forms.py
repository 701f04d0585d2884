"""Website contact form -> HubSpot forms API (unauthenticated submit endpoint)."""
import requests

from app import current_config

SUBMIT_URL = "https://api.hsforms.com/submissions/v3/integration/submit/{portal}/{form}"


def submit_contact_form(fields, page_uri, hutk=None):
    cfg = current_config()
    context = {"pageUri": page_uri, "pageName": "Contact us"}
    if hutk:
        context["hutk"] = hutk
    payload = {
        "fields": [{"name": k, "value": v} for k, v in fields.items()],
        "context": context,
    }
    url = SUBMIT_URL.format(portal=cfg.HUBSPOT_PORTAL_ID, form=cfg.HUBSPOT_CONTACT_FORM)
    resp = requests.post(url, json=payload, timeout=10)
    return resp.status_code == 200
