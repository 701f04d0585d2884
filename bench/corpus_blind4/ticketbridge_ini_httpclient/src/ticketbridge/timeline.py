"""Timeline event type for tickets: app-level, uses the developer key."""
from ticketbridge.config import CONFIG
from ticketbridge.transport import hubspot

PATH = "/integrations/v1/%d/timeline/event-types"


def ensure_event_type():
    types_ = hubspot.send("GET", PATH % CONFIG.app_id, key=CONFIG.developer_key) or []
    if any(t.get("name") == "Zendesk ticket" for t in types_):
        return False
    hubspot.send("POST", PATH % CONFIG.app_id, key=CONFIG.developer_key, body={
        "applicationId": CONFIG.app_id, "name": "Zendesk ticket",
        "headerTemplate": "Ticket {{id}} solved", "objectType": "CONTACT"})
    return True
