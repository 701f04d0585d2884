"""The one HTTP session the sync jobs share."""
import os

import requests

API = "https://api.hubapi.com"
STATUS_URL = os.environ.get("STATUS_URL", "https://status.internal.example.com/api/heartbeat")

session = requests.Session()
session.params = {"hapikey": os.environ["HUBSPOT_API_KEY"]}
session.headers.update({"User-Agent": "crm-sync/2.3", "Accept": "application/json"})
