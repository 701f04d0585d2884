"""Closed support tickets -> contact lookups and a note in the customer's portal."""
import os

from .api import call

PORTAL_KEY = os.environ.get("HUBSPOT_API_KEY")


def contact_for(email, key=None):
    return call("GET", "/contacts/v1/contact/email/%s/profile" % email, key or PORTAL_KEY,
                {"property": ["email", "firstname"], "propertyMode": "value_only"})


def closed(ticket, key=None):
    contact = contact_for(ticket["requester"], key)
    if not contact:
        return None
    body = {
        "engagement": {"active": True, "type": "NOTE", "timestamp": ticket["closed_at"]},
        "associations": {"contactIds": [contact["vid"]]},
        "metadata": {"body": "Ticket %s closed: %s" % (ticket["id"], ticket["subject"])},
    }
    return call("POST", "/engagements/v1/engagements", key or PORTAL_KEY, body=body)
