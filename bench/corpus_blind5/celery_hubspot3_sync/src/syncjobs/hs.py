"""hubspot3 clients, and raw requests for engagements (hubspot3's were broken)."""
import requests
from hubspot3 import Hubspot3
from hubspot3.contacts import ContactsClient

from syncjobs.config import Config


def contacts_client(api_key=None):
    return ContactsClient(api_key=api_key or Config.HUBSPOT_API_KEY)


def hubspot():
    return Hubspot3(api_key=Config.HUBSPOT_API_KEY)


def log_call(vid, body, owner_id=Config.DEFAULT_OWNER):
    payload = {
        "engagement": {"active": True, "type": "CALL", "ownerId": owner_id},
        "associations": {"contactIds": [vid]},
        "metadata": {"body": body, "status": "COMPLETED"},
    }
    resp = requests.post(Config.HUBSPOT_URL + "/engagements/v1/engagements", params=Config.HUBSPOT_PARAMS, json=payload)
    resp.raise_for_status()
    return resp.json()["engagement"]["id"]
