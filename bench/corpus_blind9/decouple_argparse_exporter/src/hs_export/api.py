import logging

import requests

from hs_export import settings

logger = logging.getLogger(__name__)


class HubSpotError(Exception):
    pass


class HubSpotAPI(object):
    def __init__(self, api_key=None, base_url=None):
        self.api_key = api_key or settings.HUBSPOT_API_KEY
        if not self.api_key:
            raise HubSpotError("no HubSpot API key: set HUBSPOT_API_KEY or pass --api-key")
        self.base_url = base_url or settings.HUBSPOT_BASE_URL
        self.session = requests.Session()

    def _request(self, url, params=None, headers=None):
        params = params or []
        if isinstance(params, dict):
            params = list(params.items())
        params.append(("hapikey", self.api_key))
        if not url.startswith("http"):
            url = self.base_url + url
        logger.debug("GET %s %s", url, params)
        resp = self.session.get(url, params=params, headers=headers, timeout=30)
        if resp.status_code >= 400:
            raise HubSpotError("%s -> %s" % (url, resp.status_code))
        return resp.json()

    def all_contacts(self, properties):
        params = [("count", settings.PAGE_SIZE)] + [("property", p) for p in properties]
        offset = None
        while True:
            page_params = params + ([("vidOffset", offset)] if offset else [])
            data = self._request("/contacts/v1/lists/all/contacts/all", page_params)
            for contact in data.get("contacts", []):
                yield contact
            if not data.get("has-more"):
                break
            offset = data.get("vid-offset")

    def all_companies(self, properties):
        offset = 0
        while True:
            params = [("limit", settings.PAGE_SIZE), ("offset", offset)]
            params += [("properties", p) for p in properties]
            data = self._request("/companies/v2/companies/paged", params)
            for company in data.get("companies", []):
                yield company
            if not data.get("has-more"):
                break
            offset = data["offset"]

    def owners(self):
        return self._request("/owners/v2/owners", {"includeInactive": "true"})
