import logging

import requests

from connector.auth import Credentials

log = logging.getLogger(__name__)

BASE = "https://api.hubapi.com"


class HubSpotConnector(object):
    def __init__(self, credentials=None):
        self.creds = credentials or Credentials.from_env()

    def _auth(self, params, headers):
        if self.creds.is_oauth:
            headers["Authorization"] = "Bearer %s" % self.creds.access_token
        else:
            params["hapikey"] = self.creds.api_key
        return params, headers

    def get(self, path, **params):
        params, headers = self._auth(dict(params), {"Accept": "application/json"})
        r = requests.get(BASE + path, params=params, headers=headers)
        r.raise_for_status()
        return r.json()

    def post(self, path, body):
        params, headers = self._auth({}, {"Content-Type": "application/json"})
        r = requests.post(BASE + path, params=params, headers=headers, json=body)
        r.raise_for_status()
        return r.json()

    def companies(self):
        out, offset = [], 0
        while True:
            page = self.get("/companies/v2/companies/paged", limit=250, offset=offset,
                            properties="name")
            out.extend(page["companies"])
            if not page["has-more"]:
                return out
            offset = page["offset"]

    def create_company(self, name, domain):
        return self.post("/companies/v2/companies", {"properties": [
            {"name": "name", "value": name}, {"name": "domain", "value": domain}]})
    