"""Forward a landing-page form to the portal's HubSpot form (no key for the submission)."""
import requests

from hookd import db, hubspot

SUBMIT = "https://api.hsforms.com/submissions/v3/integration/submit/{portal}/{guid}"


def field_names(row, guid):
    form = hubspot.hs_get(row, "/forms/v2/forms/%s" % guid)
    return [f["name"] for g in form.get("formFieldGroups", []) for f in g.get("fields", [])]


def forward(portal_id, guid, posted):
    row = db.portal(portal_id)
    names = field_names(row, guid)
    fields = [{"name": k, "value": v} for k, v in sorted(posted.items()) if k in names]
    r = requests.post(SUBMIT.format(portal=portal_id, guid=guid), json={"fields": fields}, timeout=10)
    return r.status_code
