#!/usr/bin/env python3
"""Support escalation: mark the contact, give the account owner a task, close stale deals."""
import logging
import sys

from hsapi import contacts, deals, engagements, get_api, owners

log = logging.getLogger("support_tool")


def escalate(email, owner_email, stale_since_ms=0):
    api = get_api()
    contact = contacts.find(api, email)
    contacts.set_status(api, contact["vid"], "ESCALATED")
    owner = owners.by_email(api, owner_email)
    engagements.add_task(api, contact["vid"], owner, "Call back %s" % email)
    history = engagements.for_contact(api, contact["vid"])
    closed = 0
    for deal in deals.recent(api, stale_since_ms).get("results", []):
        if deal["properties"].get("dealstage", {}).get("value") == "stale":
            deals.update(api, deal["dealId"], dealstage="closedlost")
            closed += 1
    similar = contacts.search(api, email.split("@")[1])
    return closed, len(history.get("results", [])), similar.get("total", 0)


def purge(deal_ids):
    api = get_api()
    for d in deal_ids:
        deals.delete(api, d)


if __name__ == "__main__":
    print(escalate(sys.argv[1], sys.argv[2]))
