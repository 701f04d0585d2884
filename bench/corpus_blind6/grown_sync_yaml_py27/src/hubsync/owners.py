"""Owner lookups for the members export; tests run it against a Prism mock of HubSpot."""
import os

import requests


class OwnersClient:
    def __init__(self, base_url=None):
        self.base_url = base_url or os.environ.get("HUBSPOT_BASE_URL", "https://api.hubapi.com")
        self.key = os.environ["HUBSPOT_API_KEY"]

    def all(self):
        return requests.get(self.base_url + "/owners/v2/owners?hapikey=" + self.key, timeout=10).json()

    def emails(self):
        return sorted(o["email"] for o in self.all())
