import os

from hubspot3 import Hubspot3
from hubspot3.contacts import ContactsClient
from hubspot3.error import HubspotNotFound

API_KEY = os.environ.get("HUBSPOT_API_KEY")

client = Hubspot3(api_key=API_KEY, timeout=20)


def contacts_client():
    return ContactsClient(api_key=API_KEY)


def deal_with_contacts(deal_id):
    deal = client.deals.get(deal_id)
    vids = deal.get("associations", {}).get("associatedVids", []) if deal else []
    contacts = contacts_client()
    people = []
    for vid in vids:
        try:
            people.append(contacts.get_contact_by_id(vid))
        except HubspotNotFound:
            continue
    return deal, people


def open_deals():
    return [d for d in client.deals.get_all(properties=["dealstage", "amount"])
            if d.get("properties", {}).get("dealstage") not in ("closedwon", "closedlost")]
