"""Calls made on behalf of one installed portal, with that portal's key."""
import logging

import requests

log = logging.getLogger(__name__)
BASE = "https://api.hubapi.com"


class PortalClient(object):
    def __init__(self, api_key, timeout=10):
        self.api_key = api_key
        self.timeout = timeout

    def _get(self, path, **params):
        params["hapikey"] = self.api_key
        resp = requests.get(BASE + path, params=params, timeout=self.timeout)
        resp.raise_for_status()
        return resp.json()

    def _put(self, path, body):
        resp = requests.put(BASE + path, params={"hapikey": self.api_key}, json=body,
                            timeout=self.timeout)
        resp.raise_for_status()
        return resp.status_code

    def whoami(self):
        return self._get("/integrations/v1/me")

    def contact(self, vid):
        return self._get("/contacts/v1/contact/vid/%d/profile" % vid, propertyMode="value_only")

    def deal(self, deal_id):
        return self._get("/deals/v1/deal/%d" % deal_id, includePropertyVersions="false")

    def company(self, company_id):
        return self._get("/companies/v2/companies/%d" % company_id)

    def associate_deal_company(self, deal_id, company_id):
        return self._put("/crm-associations/v1/associations", {
            "fromObjectId": deal_id, "toObjectId": company_id,
            "category": "HUBSPOT_DEFINED", "definitionId": 5,
        })
