"""Paged readers for the legacy deals/companies/owners endpoints."""
import functools
import logging

import requests

log = logging.getLogger(__name__)

HUBSPOT = "https://api.hubapi.com"


class Exporter(object):
    def __init__(self, hapikey, page_size=250, timeout=30):
        self.hapikey = hapikey
        self.page_size = page_size
        self.session = requests.Session()
        self.session.headers["Accept"] = "application/json"
        self._get = functools.partial(self.session.get, timeout=timeout)

    def deals(self, properties=("dealname", "amount", "dealstage")):
        params = {"hapikey": self.hapikey, "limit": self.page_size,
                  "properties": list(properties), "includeAssociations": "true"}
        offset = None
        while True:
            if offset is not None:
                params["offset"] = offset
            resp = self._get(HUBSPOT + "/deals/v1/deal/paged", params=params)
            resp.raise_for_status()
            page = resp.json()
            for deal in page["deals"]:
                yield deal
            if not page.get("hasMore"):
                return
            offset = page["offset"]

    def companies(self, properties=("name", "domain")):
        params = {"hapikey": self.hapikey, "limit": self.page_size, "properties": list(properties)}
        while True:
            resp = self._get(HUBSPOT + "/companies/v2/companies/paged", params=params)
            resp.raise_for_status()
            page = resp.json()
            for company in page["companies"]:
                yield company
            if not page["has-more"]:
                break
            params["offset"] = page["offset"]

    def owners(self):
        resp = self._get("%s/owners/v2/owners?hapikey=%s" % (HUBSPOT, self.hapikey))
        resp.raise_for_status()
        return resp.json()

    def properties(self, object_type):
        url = "{}/properties/v1/{}/properties".format(HUBSPOT, object_type)
        return self._get(url, params={"hapikey": self.hapikey}).json()

    def groups(self, object_type):
        url = "{}/properties/v1/{}/groups".format(HUBSPOT, object_type)
        return self._get(url, params={"hapikey": self.hapikey}).json()

    def create_property(self, object_type, definition):
        url = "{}/properties/v1/{}/properties".format(HUBSPOT, object_type)
        resp = self.session.post(url, params={"hapikey": self.hapikey}, json=definition)
        return resp.status_code
