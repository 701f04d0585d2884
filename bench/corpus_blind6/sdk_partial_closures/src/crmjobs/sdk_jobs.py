"""Jobs using the SDKs: hubspot3 for legacy deals, hubspot-api-client for v3 contacts."""
from hubspot import HubSpot
from hubspot.crm.contacts import SimplePublicObjectInput
from hubspot3 import Hubspot3

from crmjobs.keys import HUBSPOT_API_KEY


def legacy_deal_count():
    client = Hubspot3(api_key=HUBSPOT_API_KEY)
    return len(client.deals.get_all(limit=50) or [])


def mark_contact_vip(contact_id, api_key=None):
    api = HubSpot(api_key=api_key or HUBSPOT_API_KEY)
    api.crm.contacts.basic_api.update(contact_id, simple_public_object_input=SimplePublicObjectInput(
        properties={"vip": "true"}))
    return True
