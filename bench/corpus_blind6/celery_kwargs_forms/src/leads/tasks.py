import logging

from leads import hs
from leads.celery_app import app

log = logging.getLogger(__name__)


@app.task(bind=True, autoretry_for=(IOError,), max_retries=5)
def process_lead(self, lead, portal_key=None):
    hs.submit_contact_form({"email": lead["email"], "firstname": lead.get("name", "")}, timeout=10)
    response = hs.hubspot_call("POST", "/contacts/v1/contact/createOrUpdate/email/%s/" % lead["email"],
                               api_key=portal_key,
                               json={"properties": [{"property": "lead_source", "value": lead["source"]}]})
    vid = response.json()["vid"]
    hs.hubspot_call("PUT", "/contacts/v1/lists/42/add", api_key=portal_key, json={"vids": [vid]},
                    headers={"User-Agent": "leads-worker", "X-Request-Id": lead["id"]})
    hs.internal_call("POST", "/leads/%s/synced" % lead["id"], json={"vid": vid})
    return vid


@app.task
def refresh_lead_scores(since=0, **extra):
    response = hs.hubspot_call("GET", "/contacts/v1/lists/recently_updated/contacts/recent",
                               params={"count": 20, "timeOffset": since}, **extra)
    return [c["vid"] for c in response.json().get("contacts", [])]
