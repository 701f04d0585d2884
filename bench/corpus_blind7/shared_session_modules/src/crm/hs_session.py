"""One requests session for every HubSpot call of the sync job."""
import os

import requests

HUBSPOT = "https://api.hubapi.com"
KEY = os.environ.get("HUBSPOT_API_KEY")

session = requests.Session()
session.params = {"hapikey": KEY}
session.headers.update({"Accept": "application/json", "User-Agent": "crm-sync/1.4"})


def url(path):
    return HUBSPOT + path
