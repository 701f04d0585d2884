import json
import logging

import requests

logger = logging.getLogger(__name__)


class HubspotAPIError(Exception):
    pass


class HubspotAPI:
    """Minimal HubSpot deals/companies API.

    Supports both auth styles:
      * OAuth 2 access token  -> Authorization: Bearer header
      * portal API key        -> hapikey query parameter
    """

    def __init__(self, api_key=None, access_token=None, base_url="https://api.hubapi.com", timeout=30):
        if not api_key and not access_token:
            raise ValueError("HubSpot credentials missing: set HUBSPOT_API_KEY or HUBSPOT_OAUTH_TOKEN")
        self.api_key = api_key
        self.access_token = access_token
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout

    def _call(self, method, endpoint, params=None, data=None, headers=None):
        headers = headers or {}
        params = params or {}
        if self.access_token:
            headers["Authorization"] = "Bearer " + self.access_token
        else:
            params["hapikey"] = self.api_key
        headers.setdefault("Content-Type", "application/json")

        url = "%s/%s" % (self.base_url, endpoint.lstrip("/"))
        body = json.dumps(data) if data is not None else None
        logger.debug("%s %s", method, url)
        response = requests.request(method, url, params=params, data=body, headers=headers,
                                    timeout=self.timeout)
        if not response.ok:
            raise HubspotAPIError("%s %s failed: %s %s" % (method, endpoint, response.status_code, response.text[:200]))
        if response.content:
            return response.json()
        return None

    # deals

    def get_deal(self, deal_id):
        return self._call("GET", "/deals/v1/deal/%s" % deal_id)

    def update_deal(self, deal_id, properties):
        data = {"properties": [{"name": k, "value": v} for k, v in properties.items()]}
        return self._call("PUT", "/deals/v1/deal/%s" % deal_id, data=data)

    def all_deals(self, properties=("dealname", "amount", "dealstage", "pipeline", "closedate")):
        offset = 0
        while True:
            params = {"limit": 250, "offset": offset, "properties": list(properties),
                      "includeAssociations": "true"}
            page = self._call("GET", "/deals/v1/deal/paged", params=params)
            for deal in page["deals"]:
                yield deal
            if not page["hasMore"]:
                break
            offset = page["offset"]

    def get_pipeline_stages(self, pipeline_id):
        pipelines = self._call("GET", "/crm-pipelines/v1/pipelines/deals",
                               headers={"Accept": "application/json"})
        for p in pipelines.get("results", []):
            if p["pipelineId"] == pipeline_id:
                return {s["stageId"]: s for s in p["stages"]}
        return {}

    # companies

    def get_company(self, company_id):
        return self._call("GET", "/companies/v2/companies/%s" % company_id)
