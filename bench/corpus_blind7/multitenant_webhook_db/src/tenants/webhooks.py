"""POST /hubspot/webhook : HubSpot sends a list of events for one or more portals."""
import json
import logging

from . import db
from .hubspot import fetch_contact, fetch_deal, log_note
from .notify import post_json

log = logging.getLogger(__name__)


def handle(raw_body):
    events = json.loads(raw_body)
    handled = 0
    for ev in events:
        portal_id = ev["portalId"]
        row = db.portal_row(portal_id)
        if ev["subscriptionType"] == "contact.creation":
            contact = fetch_contact(portal_id, ev["objectId"])
            email = contact["properties"].get("email", "?")
            log_note(portal_id, ev["objectId"], "Welcome sequence started",
                     owner_id=row["owner_id"] if row else None)
            if row is not None and row["slack_webhook"]:
                post_json(row["slack_webhook"], {"text": "New contact %s" % email})
            handled += 1
        elif ev["subscriptionType"] == "deal.propertyChange" and row is not None:
            deal = fetch_deal(row, ev["objectId"])
            if row["slack_webhook"]:
                post_json(row["slack_webhook"], {"text": "Deal %s moved" % deal.get("dealId")})
            handled += 1
    return {"handled": handled}
