import requests

from agency.config import settings


class PortalClient:
    """One client's portal: their key, or their OAuth install if they re-authorised."""

    def __init__(self, api_key=None, oauth_token=None):
        self.api_key = api_key
        self.oauth_token = oauth_token
        self.base = settings.HUBSPOT_BASE

    @classmethod
    def for_client(cls, client):
        return cls(api_key=client.hubspot_key, oauth_token=client.oauth_token)

    def _auth(self, params):
        if self.oauth_token:
            return params, {"Authorization": "Bearer " + self.oauth_token}
        return dict(params, hapikey=self.api_key), {}

    def get(self, path, **params):
        params, headers = self._auth(params)
        r = requests.get(self.base + path, params=params, headers=headers, timeout=20)
        r.raise_for_status()
        return r.json()

    def post(self, path, body):
        params, headers = self._auth({})
        r = requests.post(self.base + path, params=params, json=body, headers=headers, timeout=20)
        r.raise_for_status()
        return r.json()

    def pipeline_stages(self, pipeline_id):
        for p in self.get("/crm-pipelines/v1/pipelines/deals")["results"]:
            if p["pipelineId"] == pipeline_id:
                return {s["stageId"]: s["label"] for s in p["stages"]}
        return {}

    def deals(self):
        offset = 0
        while True:
            page = self.get("/deals/v1/deal/paged", limit=250, offset=offset,
                            properties=["dealstage", "amount"])
            for deal in page["deals"]:
                yield deal
            if not page["hasMore"]:
                return
            offset = page["offset"]


def agency_portal():
    """Our own portal, where account managers see the reports."""
    return PortalClient(api_key=settings.HUBSPOT.API_KEY)
