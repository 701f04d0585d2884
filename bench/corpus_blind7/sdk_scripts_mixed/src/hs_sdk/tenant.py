"""Contacts count for a client portal (the agency dashboard passes the portal's key)."""
from hubspot3.contacts import ContactsClient


def contact_count(portal_key):
    client = ContactsClient(api_key=portal_key, timeout=10)
    return len(client.get_all(extra_properties=["email"]))
