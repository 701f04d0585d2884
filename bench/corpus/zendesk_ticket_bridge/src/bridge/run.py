"""Copy solved Zendesk tickets onto the HubSpot contact timeline as notes."""
import logging

from bridge import hs, zendesk
from bridge.settings import settings

log = logging.getLogger("bridge")


def sync(start_time):
    if not settings.hubspot_key:
        log.error("HUBSPOT_API_KEY missing")
        return 0
    done = 0
    for t in zendesk.recent_solved_tickets(start_time):
        user = zendesk.requester(t["requester_id"])
        contact = hs.contact_by_email(user["email"])
        if contact is None:
            contact = hs.create_contact(user["email"], user.get("name", ""))
        owner = contact.get("properties", {}).get("hubspot_owner_id", {}).get("value")
        hs.log_ticket(contact["vid"], {"id": t["id"], "subject": t["subject"],
                                       "created_ms": t.get("created_ms", 0)}, owner_id=owner)
        done += 1
    log.info("logged %d tickets", done)
    return done
