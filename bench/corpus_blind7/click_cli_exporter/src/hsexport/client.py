import logging

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

logger = logging.getLogger(__name__)


class HubSpot:
    """Tiny HubSpot client for the exporter."""

    BASE_URL = "https://api.hubapi.com"

    def __init__(self, hapikey, page_size=100):
        self.hapikey = hapikey
        self.page_size = page_size
        self.session = requests.Session()
        retry = Retry(total=3, backoff_factor=0.5, status_forcelist=[429, 502, 503])
        self.session.mount("https://", HTTPAdapter(max_retries=retry))

    def _get(self, path, **params):
        params["hapikey"] = self.hapikey
        logger.debug("GET %s", path)
        r = self.session.get(self.BASE_URL + path, params=params, timeout=30)
        r.raise_for_status()
        return r.json()

    def iter_deals(self, properties):
        offset = None
        while True:
            params = {"limit": self.page_size, "properties": properties}
            if offset is not None:
                params["offset"] = offset
            page = self._get("/deals/v1/deal/paged", **params)
            for deal in page["deals"]:
                yield deal
            if not page["hasMore"]:
                break
            offset = page["offset"]

    def iter_objects(self, object_type, properties):
        after = None
        while True:
            params = {"limit": self.page_size, "properties": ",".join(properties)}
            if after:
                params["after"] = after
            page = self._get("/crm/v3/objects/%s" % object_type, **params)
            yield from page.get("results", [])
            after = page.get("paging", {}).get("next", {}).get("after")
            if not after:
                break

    def properties(self, object_type="contacts"):
        return self._get("/properties/v1/%s/properties" % object_type)
