"""POST /hubspot/webhook: HubSpot sends a JSON list of events, for any installed portal."""
import json
import logging

from hookd import db, hubspot

log = logging.getLogger(__name__)


def handle(body):
    events = json.loads(body)
    done = []
    for event in events:
        try:
            done.append(handle_event(event))
        except KeyError:
            log.warning("event for unknown portal %s", event.get("portalId"))
    return {"status": 200, "handled": len([d for d in done if d])}


def handle_event(event):
    row = db.portal(event["portalId"])
    kind = event["subscriptionType"]
    if kind == "contact.creation":
        if row["api_key"] and not row["access_token"]:
            profile = hubspot.contact_profile(row["api_key"], event["objectId"])
            email = profile["properties"].get("email", {}).get("value", "")
            subject = "Welcome call: %s" % (email or event["objectId"])
            return hubspot.create_task(row["api_key"], event["objectId"], subject, row["owner_queue"])
        contact = hubspot.hs_get(row, "/crm/v3/objects/contacts/%s" % event["objectId"], properties="email")
        return contact.get("id")
    if kind == "deal.propertyChange":
        deal = hubspot.hs_get(row, "/deals/v1/deal/%s" % event["objectId"])
        return deal.get("dealId")
    return None
