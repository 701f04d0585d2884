import logging

import requests

from agency.portals import key_for

log = logging.getLogger(__name__)

API = "https://api.hubapi.com"


class PortalClient(object):
    """All requests for one client portal."""

    def __init__(self, portal_id):
        self.portal_id = portal_id
        self.api_key = key_for(portal_id)

    def _get(self, path, **params):
        params["hapikey"] = self.api_key
        r = requests.get(API + path, params=params, timeout=20)
        if r.status_code == 401:
            log.error("portal %s: key rejected", self.portal_id)
        r.raise_for_status()
        return r.json()

    def deals_since(self, since_ms):
        return self._get("/deals/v1/deal/recent/created", since=since_ms, count=100).get("results", [])

    def contact_count(self):
        return self._get("/contacts/v1/contacts/statistics").get("contacts", 0)

    def totals(self, start, end):
        return self._get("/analytics/v2/reports/totals/total", start=start, end=end)
