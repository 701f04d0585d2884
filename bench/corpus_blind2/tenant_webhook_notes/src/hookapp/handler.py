"""The webhook endpoint: HubSpot posts a JSON array of events for many portals."""
import json
import logging

from . import db, hubspot

log = logging.getLogger(__name__)


def handle(conn, raw_body):
    events = json.loads(raw_body)
    notes = 0
    for event in events:
        if db.seen(conn, event["eventId"]):
            continue
        row = db.portal(conn, event["portalId"])
        if row is None:
            log.warning("event for unknown portal %s", event["portalId"])
            continue
        kind = event["subscriptionType"]
        if kind == "contact.creation":
            contact = hubspot.get_contact(row["api_key"], event["objectId"])
            email = contact.get("properties", {}).get("email", "?")
            text = "Welcome sequence queued for %s" % email
            hubspot.create_note(
                row["api_key"], text, row["owner_id"],
                contact_ids=[event["objectId"]], timestamp=event.get("occurredAt"),
            )
            notes += 1
        elif kind == "deal.propertyChange" and event.get("propertyValue") == "closedwon":
            deal = hubspot.get_deal(row["api_key"], event["objectId"])
            name = deal.get("properties", {}).get("dealname", {}).get("value", "")
            hubspot.create_note(
                row["api_key"], "Won: " + name,
                deal_ids=[event["objectId"]], timestamp=event.get("occurredAt"),
            )
            notes += 1
    return {"status": 200, "notes": notes}
