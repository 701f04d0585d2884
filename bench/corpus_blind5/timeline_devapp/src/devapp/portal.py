"""Our own portal: registrants become contacts; sign-ups go through the public form."""
import os

import requests

from devapp.config import PORTAL_ID, SIGNUP_FORM
from devapp.http import hs_request

PORTAL_KEY = os.environ.get("HUBSPOT_API_KEY")


def upsert_registrant(email, webinar):
    return hs_request(
        "POST",
        "/contacts/v1/contact/createOrUpdate/email/%s/" % email,
        PORTAL_KEY,
        {"properties": [{"property": "last_webinar", "value": webinar}]},
    )


def form_fields(form_guid=SIGNUP_FORM):
    form = hs_request("GET", "/forms/v2/forms/%s" % form_guid, PORTAL_KEY)
    return [f["name"] for group in form.get("formFieldGroups", []) for f in group.get("fields", [])]


def submit_signup(email, hutk=None):
    body = {"fields": [{"name": "email", "value": email}],
            "context": {"pageName": "Webinar sign-up"}}
    if hutk:
        body["context"]["hutk"] = hutk
    url = "https://api.hsforms.com/submissions/v3/integration/submit/%s/%s" % (PORTAL_ID, SIGNUP_FORM)
    resp = requests.post(url, json=body, timeout=10)
    return resp.status_code
