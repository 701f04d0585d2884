"""HubSpot side of the support bot."""
import logging
import os

import requests

log = logging.getLogger(__name__)


def _get(config, path, **params):
    params.update(config.hubspot_params)
    return requests.get(config.HUBSPOT_URL + path, params=params, timeout=10).json()


def contact_by_email(config, email):
    return _get(config, "/contacts/v1/contact/email/%s/profile" % email, property="email")


def ticket_properties(config):
    return [p["name"] for p in _get(config, "/properties/v1/contacts/properties") if p.get("groupName") == "support"]


def forms(config):
    return _get(config, "/forms/v2/forms")


def log_call(config, vid, summary, key=os.environ.get("HUBSPOT_API_KEY"), **extra):
    payload = {
        "engagement": {"active": True, "type": "CALL", "timestamp": extra.pop("timestamp", 0)},
        "associations": {"contactIds": [vid]},
        "metadata": dict({"body": summary, "status": "COMPLETED"}, **extra),
    }
    resp = requests.post(config.HUBSPOT_URL + "/engagements/v1/engagements", params={"hapikey": key}, json=payload)
    log.info("logged call for %s: %s", vid, resp.status_code)
    return resp.json().get("engagement", {}).get("id")


def submit_ticket_form(config, email, subject):
    """Public forms endpoint; the old code sent the key too (harmless, never needed)."""
    url = "%s/%s/%s" % (config.FORMS_URL, config.portal_id, config.ticket_form)
    body = {"fields": [{"name": "email", "value": email}, {"name": "subject", "value": subject}]}
    return requests.post(url + "?hapikey=" + config.hubspot_key, json=body).status_code
