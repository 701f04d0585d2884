"""HubSpot calls for the signup flow."""
import logging

import requests

from signup._compat import current_app

log = logging.getLogger(__name__)

HUBSPOT = "https://api.hubapi.com"
DEFAULTS = {"timeout": 8}


def _auth():
    return {"hapikey": current_app.config["HUBSPOT_API_KEY"]}


def post_json(url, payload, params=None):
    """POST JSON somewhere; used for HubSpot and for the Slack webhook."""
    resp = requests.post(url, json=payload, params=params, **DEFAULTS)
    if resp.status_code >= 400:
        log.warning("POST %s failed with %s", url.split("?")[0], resp.status_code)
    return resp


def find_owner_id(email):
    resp = requests.get(HUBSPOT + "/owners/v2/owners", params=dict(_auth(), email=email), **DEFAULTS)
    owners = resp.json() or []
    return owners[0]["ownerId"] if owners else None


def upsert_contact(email, first, last, owner_id=None):
    props = [
        {"property": "firstname", "value": first},
        {"property": "lastname", "value": last},
    ]
    if owner_id:
        props.append({"property": "hubspot_owner_id", "value": str(owner_id)})
    resp = post_json(
        HUBSPOT + "/contacts/v1/contact/createOrUpdate/email/%s/" % email,
        {"properties": props},
        params=_auth(),
    )
    return resp.json().get("vid")


def add_to_list(list_id, vid):
    return post_json(
        "%s/contacts/v1/lists/%s/add" % (HUBSPOT, list_id),
        {"vids": [vid]},
        params={**_auth(), "portalId": current_app.config.get("PORTAL_ID", "")},
    ).ok


def notify_slack(text):
    hook = current_app.config.get("SLACK_WEBHOOK")
    if hook:
        post_json(hook, {"text": text})
