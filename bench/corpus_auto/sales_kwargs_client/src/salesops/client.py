import logging
import os

import requests

log = logging.getLogger(__name__)


class HubSpotError(RuntimeError):
    def __init__(self, response):
        super().__init__("HubSpot said %s for %s" % (response.status_code, response.url.split("?")[0]))
        self.response = response


class Client:
    base = "https://api.hubapi.com"

    def __init__(self, api_key=None, timeout=20):
        self.api_key = api_key or os.environ["HUBSPOT_API_KEY"]
        self.timeout = timeout
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "salesops-bot/2.1"

    def _request(self, method, path, **kw):
        kw.setdefault("params", {})["hapikey"] = self.api_key
        kw.setdefault("timeout", self.timeout)
        resp = self.session.request(method, self.base + path, **kw)
        if not resp.ok:
            raise HubSpotError(resp)
        return resp.json() if resp.text else {}

    def get(self, path, **kw):
        return self._request("GET", path, **kw)

    def post(self, path, **kw):
        return self._request("POST", path, **kw)

    # -- deals ---------------------------------------------------------------
    def deal(self, deal_id):
        return self.get("/deals/v1/deal/%s" % deal_id, params={"includePropertyVersions": "false"})

    def recent_deals(self, since):
        out, offset = [], 0
        while True:
            page = self.get("/deals/v1/deal/recent/modified",
                            params={"since": since, "offset": offset, "count": 100})
            out.extend(page["results"])
            if not page["hasMore"]:
                return out
            offset = page["offset"]

    def update_deal(self, deal_id, **props):
        body = {"properties": [{"name": k, "value": v} for k, v in props.items()]}
        return self._request("PUT", "/deals/v1/deal/%s" % deal_id, json=body,
                             headers={"X-Request-Source": "salesops"})

    def owners(self):
        return self.get("/owners/v2/owners")

    def create_task(self, owner_id, deal_id, subject):
        return self.post("/engagements/v1/engagements", json={
            "engagement": {"type": "TASK", "ownerId": owner_id},
            "associations": {"dealIds": [deal_id]},
            "metadata": {"subject": subject, "status": "NOT_STARTED"},
        })
