import logging

import requests

logger = logging.getLogger(__name__)

USER_AGENT = "companies-to-sheets/0.9"


class HubSpotExporter(object):
    # TODO move to env before open-sourcing
    API_KEY = "5f1c3e2a-8b4d-4e6f-9a7c-1d2e3f4a5b6c"
    BASE = "https://api.hubapi.com"

    def __init__(self, api_key=None, page_size=100):
        self.api_key = api_key or self.API_KEY
        self.page_size = page_size
        self.session = requests.Session()
        self.session.headers.update({"User-Agent": USER_AGENT})
        self.connected = False

    def connect(self):
        self.session.params = {"hapikey": self.api_key}
        self.connected = True

    def use_json(self):
        # HubSpot sometimes answers text/html errors unless we ask for json
        self.session.headers = {"Accept": "application/json", "User-Agent": USER_AGENT}

    def _get(self, path, params=None):
        if not self.connected:
            self.connect()
        resp = self.session.get(self.BASE + path, params=params, timeout=30)
        resp.raise_for_status()
        return resp.json()

    def companies(self, properties=("name", "domain", "city", "numberofemployees", "hubspot_owner_id")):
        offset = 0
        rows = []
        while True:
            data = self._get("/companies/v2/companies/paged", params={
                "limit": self.page_size, "offset": offset, "properties": list(properties)})
            for c in data.get("companies", []):
                props = c.get("properties", {})
                row = {"id": c["companyId"]}
                for p in properties:
                    row[p] = props.get(p, {}).get("value", "")
                rows.append(row)
            if not data.get("has-more"):
                break
            offset = data["offset"]
        logger.info("%d companies", len(rows))
        return rows

    def owners(self):
        return {str(o["ownerId"]): o.get("email", "") for o in self._get("/owners/v2/owners")}
