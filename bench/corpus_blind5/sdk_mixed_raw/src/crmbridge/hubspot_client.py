"""hubspot-api-client for the CRM objects; plain requests for the v1/v2 endpoints the
SDK never covered."""
import logging
import os

import requests
from hubspot import HubSpot
from hubspot.crm.contacts import ApiException, SimplePublicObjectInput

log = logging.getLogger(__name__)

API_KEY = os.getenv("HUBSPOT_API_KEY")
api_client = HubSpot(api_key=API_KEY)


def client_for(api_key):
    """A partner's portal (they send us their key with the referral)."""
    return HubSpot(api_key=api_key)


def create_contact(email, firstname, client=None):
    client = client or api_client
    body = SimplePublicObjectInput(properties={"email": email, "firstname": firstname})
    try:
        created = client.crm.contacts.basic_api.create(simple_public_object_input=body)
    except ApiException as exc:
        log.warning("create %s failed: %s", email, exc)
        return None
    return created.id


def owners():
    resp = requests.get("https://api.hubapi.com/owners/v2/owners", params={"hapikey": API_KEY})
    resp.raise_for_status()
    return resp.json()


def timeline(vid, limit=100):
    url = f"https://api.hubapi.com/engagements/v1/engagements/associated/CONTACT/{vid}/paged?hapikey={API_KEY}&limit={limit}"
    return requests.get(url).json().get("results", [])
