"""Webhook endpoint: HubSpot posts a JSON list of events for many portals."""
import json
import logging

from tenanthub import db, hubspot

log = logging.getLogger(__name__)


def handle(body):
    events = json.loads(body)
    done = 0
    for event in events:
        row = db.portal(event["portalId"])
        if row is None:
            log.warning("event for unknown portal %s", event["portalId"])
            continue
        call = hubspot.portal_api(row["hapikey"])
        kind = event["subscriptionType"]
        if kind == "contact.creation":
            c = hubspot.contact(call, event["objectId"])
            if c and c.get("properties", {}).get("lifecyclestage") == "customer":
                hubspot.tag_contact(call, event["objectId"], "new-customer")
        elif kind == "deal.propertyChange":
            d = hubspot.deal(call, event["objectId"])
            for cid in d.get("associations", {}).get("associatedCompanyIds", []):
                log.info("deal %s of %s", event["objectId"], hubspot.company_name(row["hapikey"], cid))
        db.log_event(event["portalId"], event["objectId"], kind)
        done += 1
    return {"processed": done}
