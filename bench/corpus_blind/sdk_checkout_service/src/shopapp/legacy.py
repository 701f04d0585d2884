"""Engagements still go through hubspot3 (the v3 SDK had no engagements API when this
was written)."""
from hubspot3 import Hubspot3

from shopapp.settings import SETTINGS

_client = None


def client():
    global _client
    if _client is None:
        _client = Hubspot3(api_key=SETTINGS.hubspot_api_key)
    return _client


def note_on_contact(email, text):
    contact = client().contacts.get_contact_by_email(email)
    if not contact:
        return None
    return client().engagements.create({
        "engagement": {"active": True, "type": "NOTE"},
        "associations": {"contactIds": [contact["vid"]]},
        "metadata": {"body": text},
    })
