import json
import os
import urllib.request

import requests
from hubspot import HubSpot

BASE_URL = "https://api.hubapi.com"
API_KEY = os.environ["HUBSPOT_API_KEY"]


def recent_contacts(count=10):
    url = BASE_URL + "/contacts/v1/lists/recently_updated/contacts/recent?hapikey=" + API_KEY + "&count=" + str(count)
    response = requests.get(url, headers={"Accept": "application/json"})
    response.raise_for_status()
    return response.json()["contacts"]


def owners():
    with urllib.request.urlopen(BASE_URL + "/owners/v2/owners?hapikey=" + API_KEY) as response:
        return json.load(response)


def first_contacts_page():
    client = HubSpot(api_key=API_KEY)
    return client.crm.contacts.basic_api.get_page(limit=10, archived=False)


def sync_and_report():
    contacts = recent_contacts(count=2)
    requests.post(os.environ["SLACK_WEBHOOK"], json={"text": "synced %d contacts" % len(contacts)})
