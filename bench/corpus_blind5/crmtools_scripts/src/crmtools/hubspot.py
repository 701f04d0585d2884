"""Thin HubSpot client used by scripts/*.py.

Started as sync_owners.py in 2016, moved into a package when the second script
needed it.
"""
import logging
import os
import time

import requests

log = logging.getLogger(__name__)

API_ROOT = "https://api.hubapi.com"
DEFAULT_HEADERS = {"Accept": "application/json", "User-Agent": "crmtools/0.4"}


class HubSpotError(Exception):
    pass


class Client(object):
    def __init__(self, api_key=None, root=API_ROOT, retries=3):
        self.api_key = api_key or os.environ.get("HUBSPOT_API_KEY")
        if not self.api_key:
            raise HubSpotError("set HUBSPOT_API_KEY or pass api_key")
        self.root = root.rstrip("/")
        self.retries = retries

    def _params(self, extra=None):
        params = {"hapikey": self.api_key}
        if extra:
            params.update(extra)
        return params

    def get(self, path, **query):
        url = self.root + path
        for attempt in range(self.retries):
            resp = requests.get(url, params=self._params(query), headers=DEFAULT_HEADERS)
            if resp.status_code == 429:
                log.warning("rate limited on %s, attempt %d", path, attempt + 1)
                time.sleep(2 ** attempt)
                continue
            if resp.status_code >= 400:
                raise HubSpotError("%s -> %s" % (path, resp.status_code))
            return resp.json()
        raise HubSpotError("gave up on %s" % path)

    def post(self, path, payload):
        resp = requests.post(
            self.root + path,
            params=self._params(),
            json=payload,
            headers=DEFAULT_HEADERS,
        )
        if resp.status_code >= 400:
            raise HubSpotError("%s -> %s" % (path, resp.status_code))
        return resp.json() if resp.content else None

    def iter_contacts(self, count=100, properties=("email",)):
        """All contacts, following vid-offset / has-more."""
        offset = None
        while True:
            query = {"count": count, "property": list(properties)}
            if offset is not None:
                query["vidOffset"] = offset
            page = self.get("/contacts/v1/lists/all/contacts/all", **query)
            for contact in page.get("contacts", []):
                yield contact
            if not page.get("has-more"):
                break
            offset = page["vid-offset"]

    def owners(self):
        return self.get("/owners/v2/owners")

    def deals_page(self, offset=0, limit=250):
        return self.get("/deals/v1/deal/paged", offset=offset, limit=limit,
                        properties="dealstage")
