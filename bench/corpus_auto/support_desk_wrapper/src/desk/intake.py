"""Turns an inbound support e-mail into a HubSpot ticket with a note."""
from desk.http import session

from desk import contacts, engagements, owners, tickets

STATUS_PAGE = "https://status.example.com/api/v2/summary.json"


def handle_email(sender, subject, body, received_ms=None):
    contact = contacts.find(sender)
    ticket = tickets.create_ticket(subject, body)
    owner = owners.owner_by_email("support@example.com")
    text = body if owner is None else "%s\n\nassigned: %s" % (body, owner["ownerId"])
    if contact:
        engagements.log_note(contact["vid"], ticket["objectId"], text, received_ms)
    return ticket["objectId"]


def incident_open():
    r = session.get(STATUS_PAGE, timeout=5)
    return bool(r.json().get("incidents"))
