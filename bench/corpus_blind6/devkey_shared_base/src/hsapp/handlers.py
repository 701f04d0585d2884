"""Webhook events arriving from a portal that installed the app."""
from hsapp.portal import Contacts

NURTURE_LIST = 311


def on_contact_created(event, portal_key=None):
    contacts = Contacts(portal_key)
    contact = contacts.by_vid(event["objectId"])
    if contact and contact.get("properties", {}).get("lifecyclestage", {}).get("value") == "lead":
        contacts.add_to_list(NURTURE_LIST, [event["objectId"]])
        return True
    return False
