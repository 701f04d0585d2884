import time

from desk.hubspot_api import send as hs


def log_note(contact_vid, ticket_id, text, timestamp=None):
    body = {
        "engagement": {"active": True, "type": "NOTE", "timestamp": timestamp or int(time.time() * 1000)},
        "associations": {"contactIds": [contact_vid], "ticketIds": [ticket_id]},
        "metadata": {"body": text},
    }
    return hs("POST", "/engagements/v1/engagements", json=body)
